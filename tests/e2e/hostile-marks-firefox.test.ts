// hostile-marks.test.ts in Firefox ESR, on the PRODUCTION build: a page script on fly.io finds
// no shadow root on our elements, reads no mark, and forges no mark or setting change with
// scripted clicks and dispatched events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  extensionStorage,
  FIREFOX_PRODUCTION_DIR,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { forgeInput, readWhatThePageSees } from './support/page-probe';

const READ = 'litestream-revamped';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stored values a forged event could change: marks, layout and settings. */
function guarded(items: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(items).filter(
      ([key]) => key.startsWith('read:') || key === 'sidebarLayout' || key === 'prefs',
    ),
  );
}

let firefox: FirefoxExtensionBrowser;
let extensionPage: Page;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({ extensionDir: FIREFOX_PRODUCTION_DIR });
  extensionPage = await firefox.openExtensionPage('options.html');
  await extensionPage.evaluate((slug) => {
    const api = (
      globalThis as unknown as {
        browser: { storage: { local: { set: (items: object) => Promise<void> } } };
      }
    ).browser;
    return api.storage.local.set({
      [`read:${slug}`]: { read: true, at: 1_700_000_000_000, via: 'button' },
    });
  }, READ);
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

describe('a page script against the production build in Firefox', () => {
  for (const [where, url, host] of [
    ['the sidebar on a read post', `https://fly.io/blog/${READ}/`, 'fly-field-notes'],
    ['the card marks on the index', 'https://fly.io/blog/', 'fly-field-notes-card'],
  ] as const) {
    it(`sees no shadow root and no mark, and forges nothing, on ${where}`, async () => {
      const before = guarded(await extensionStorage(extensionPage));
      expect(before[`read:${READ}`]).toMatchObject({ read: true });
      const page = await firefox.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(url, { timeout: 30_000 });
      await page.waitForSelector(host, { timeout: 15_000 });
      // Drawn (seen from the page), then a moment for the marks to load from storage.
      await expect
        .poll(async () => (await page.evaluate(readWhatThePageSees)).painted, { timeout: 15_000 })
        .toBe(true);
      await sleep(1500);

      const view = await page.evaluate(readWhatThePageSees);
      expect(view.hosts).toContain(host);
      expect(view.painted).toBe(true);
      expect(view.openRoots).toEqual([]);
      expect(view.marks).toEqual([]);
      expect(view.hostAttributes).toEqual([]);
      expect(view.lightDomChildren).toBe(0);

      expect(await page.evaluate(forgeInput)).toBeGreaterThan(1);
      await sleep(1000);
      expect(guarded(await extensionStorage(extensionPage))).toEqual(before);
      await page.close();
    });
  }
});
