// Keeps the stylesheet that reserves a pinned sidebar's space (data/settings/reserved-space.ts)
// registered as a document_start content script, matching the stored layout and settings.
// Chrome (MV3) registers it with `scripting`, which keeps it across browser restarts; Firefox
// (MV2) with `contentScripts`, which keeps it while this background page lives, so it is
// registered again each time the background starts.
import { browser } from 'wxt/browser';
import type { ContentScripts } from 'webextension-polyfill';
import { LAYOUT_KEY } from '../../data/settings/layout';
import { PREFS_KEY } from '../../data/settings/prefs';
import { reservationFile, reservationFor } from '../../data/settings/reserved-space';
import { serialQueue } from '../../data/shared/serial-queue';
import { BLOG_PAGE_MATCHES } from '../../data/shared/fly-urls';

const SCRIPT_ID = 'fn-reserved-space';

/** Registers `file` as the one reserving stylesheet, or none when undefined. */
export type RegisterReservation = (file: string | undefined) => Promise<void>;

function chromeRegistrar(): RegisterReservation {
  const scripting = browser.scripting;
  return async (file) => {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length > 0) {
      if (file && existing[0]?.css?.length === 1 && existing[0].css[0] === file) return;
      await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    }
    if (!file) return;
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: BLOG_PAGE_MATCHES,
        css: [file],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  };
}

function firefoxRegistrar(): RegisterReservation {
  let current: { file: string; handle: ContentScripts.RegisteredContentScript } | undefined;
  return async (file) => {
    if (current?.file === file) return;
    await current?.handle.unregister();
    current = undefined;
    if (!file) return;
    // Firefox's own API, absent from WXT's browser type (which follows Chrome's).
    const { contentScripts } = browser as unknown as { contentScripts: ContentScripts.Static };
    const handle = await contentScripts.register({
      matches: BLOG_PAGE_MATCHES,
      css: [{ file: `/${file}` }],
      runAt: 'document_start',
    });
    current = { file, handle };
  };
}

/** The file for what storage holds now. */
export async function currentReservationFile(): Promise<string | undefined> {
  const items = await browser.storage.local.get([LAYOUT_KEY, PREFS_KEY]);
  const reservation = reservationFor(items[LAYOUT_KEY], items[PREFS_KEY]);
  return reservation && reservationFile(reservation);
}

/** Registers the reservation now and again whenever the layout or the settings change. */
export function initReservedSpace(
  register: RegisterReservation = import.meta.env.MANIFEST_VERSION === 3
    ? chromeRegistrar()
    : firefoxRegistrar(),
): void {
  const queue = serialQueue();
  const update = () =>
    void queue
      .run(async () => register(await currentReservationFile()))
      .catch((error: unknown) => {
        // Without it the sidebar still works; a pinned one moves the page once as it arrives.
        console.warn('Fly Field Notes: could not reserve the sidebar’s space.', error);
      });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (LAYOUT_KEY in changes || PREFS_KEY in changes)) update();
  });
  update();
}
