// Launch Firefox ESR with the built Firefox extension (.output-test/firefox-mv2) over WebDriver BiDi
// (puppeteer-core), and serve fly.io from the same fixtures as the Chromium tests.
//
// Two things differ from Chromium and are solved here once:
// - The extension's moz-extension:// UUID is random per profile and no BiDi target exposes the
//   background page. Firefox reads the UUID of each add-on from the pref
//   `extensions.webextensions.uuids` when the add-on is installed, so the test chooses it.
// - WebDriver BiDi refuses to navigate to moz-extension:// unless Firefox runs with
//   `--remote-allow-system-access`; and even then puppeteer never sees that navigation settle
//   (the page moves to the extension process), so openExtensionPage() waits for the document
//   itself instead of awaiting goto().
// Puppeteer's locators do not pierce shadow roots: the shadow helpers below read the sidebar's
// shadow root inside page.evaluate.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type HTTPRequest,
  type Page,
} from 'puppeteer-core';
import { browserNotFound, browserPath } from '../../browsers.mjs';
import { builtExtension, PRODUCTION_OUTPUT_DIR, TEST_OUTPUT_DIR } from './builds';
import { flyIoResponse, type FixtureResponse } from './fly-routes';

/** The Firefox executable: FIREFOX_PATH, else Debian's /usr/bin/firefox-esr. */
export const FIREFOX = browserPath('FIREFOX_PATH');
/** The test build's Firefox extension (`npm run build:test`, open shadow roots). */
export const FIREFOX_EXTENSION_DIR = resolve(TEST_OUTPUT_DIR, 'firefox-mv2');
/** The production build's Firefox extension (`npm run build`, closed shadow roots). */
export const FIREFOX_PRODUCTION_DIR = resolve(PRODUCTION_OUTPUT_DIR, 'firefox-mv2');
/** The element the content script mounts the sidebar in. */
export const SIDEBAR_HOST = 'fly-field-notes';

/** A fixture response, optionally with extra headers (a Content-Security-Policy, say). */
export interface FirefoxRouteResponse extends FixtureResponse {
  headers?: Record<string, string>;
}

export interface FirefoxLaunchOptions {
  /** The unpacked extension to install (default: the test build's firefox-mv2). */
  extensionDir?: string;
  /** Serve a URL (return undefined to fall through to the fly.io fixtures). */
  route?: (url: string) => FirefoxRouteResponse | undefined;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  addonId: string;
  /** The moz-extension:// host of the installed extension. */
  uuid: string;
  /** A new tab whose requests to fly.io are answered from the fixtures. */
  newPage: () => Promise<Page>;
  /** Open an extension page (popup.html, options.html, notes.html) in a tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

const manifestSchema = z.object({
  browser_specific_settings: z.object({
    gecko: z.object({ id: z.string().check(z.minLength(1)) }),
  }),
});

/** The add-on id (browser_specific_settings.gecko.id) of a built Firefox extension. */
export function addonIdOf(extensionDir: string): string {
  const manifest: unknown = JSON.parse(
    readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8'),
  );
  return manifestSchema.parse(manifest).browser_specific_settings.gecko.id;
}

export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxExtensionBrowser> {
  const extensionDir = builtExtension(resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR));
  const addonId = addonIdOf(extensionDir);
  const uuid = randomUUID();
  if (!existsSync(FIREFOX)) throw browserNotFound('FIREFOX_PATH');
  // The profile is ours, not puppeteer's: puppeteer makes its temporary profile before it looks
  // for the executable and leaves it behind when the launch fails.
  const profile = mkdtempSync(join(tmpdir(), 'fn-e2e-firefox-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let launched: Browser | undefined;
  try {
    launched = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    });
    const installed = await launched.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  } catch (error) {
    await launched?.close().catch(() => undefined);
    removeProfile();
    throw error;
  }
  const browser = launched;

  const answer = (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const response = options.route?.(url) ?? flyIoResponse(url);
    if (response) void request.respond(response);
    else void request.continue();
  };

  const newPage = async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', answer);
    return page;
  };

  const openExtensionPage = async (path: string) => {
    const url = `moz-extension://${uuid}/${path}`;
    const page = await browser.newPage();
    // goto() never settles for moz-extension:// under BiDi (see the top of the file): start it,
    // then wait for the extension document to finish loading.
    page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await page
        .evaluate(() => `${document.readyState} ${location.href}`)
        .catch(() => 'navigating');
      if (state === `complete ${url}`) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load (last state: ${state})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    browser,
    addonId,
    uuid,
    newPage,
    openExtensionPage,
    close: async () => {
      try {
        await browser.close();
      } finally {
        removeProfile();
      }
    },
  };
}

/** How many sidebar host elements the page has (there should be at most one). */
export function sidebarHostCount(page: Page): Promise<number> {
  return page.evaluate((host) => document.querySelectorAll(host).length, SIDEBAR_HOST);
}

/**
 * The element with this data-testid inside the sidebar's shadow root, or null. Looks in every
 * `fly-field-notes` element's open shadow root (a hostile page may define its own element).
 */
export async function shadowElement(page: Page, testId: string): Promise<ElementHandle | null> {
  const handle = await page.evaluateHandle(
    (host, id) => {
      for (const el of Array.from(document.querySelectorAll(host))) {
        const found = el.shadowRoot?.querySelector(`[data-testid="${id}"]`);
        if (found) return found;
      }
      return null;
    },
    SIDEBAR_HOST,
    testId,
  );
  const element = handle.asElement();
  if (!element) await handle.dispose();
  return element as ElementHandle | null;
}

export interface ShadowSnapshot {
  /** Whether the element exists. */
  found: boolean;
  text: string;
  attributes: Record<string, string>;
}

/** Text and attributes of every element with this data-testid in the sidebar's shadow root. */
export function shadowAll(page: Page, testId: string): Promise<ShadowSnapshot[]> {
  return page.evaluate(
    (host, id) =>
      Array.from(document.querySelectorAll(host)).flatMap((el) =>
        Array.from(el.shadowRoot?.querySelectorAll(`[data-testid="${id}"]`) ?? []).map((node) => ({
          found: true,
          text: node.textContent ?? '',
          attributes: Object.fromEntries(
            Array.from(node.attributes).map((a) => [a.name, a.value] as const),
          ),
        })),
      ),
    SIDEBAR_HOST,
    testId,
  );
}

/** The first element with this data-testid in the sidebar (found: false when absent). */
export async function shadowFirst(page: Page, testId: string): Promise<ShadowSnapshot> {
  return (await shadowAll(page, testId))[0] ?? { found: false, text: '', attributes: {} };
}

/** Wait until the sidebar shows an element with this data-testid; returns its handle. */
export async function waitForShadow(
  page: Page,
  testId: string,
  timeout = 10_000,
): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await shadowElement(page, testId);
    if (element) return element;
    if (Date.now() > deadline) throw new Error(`no [data-testid="${testId}"] in the sidebar`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The extension's storage.local, read from one of its own pages (popup.html, …). */
export function extensionStorage(extensionPage: Page): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() => {
    const api = (
      globalThis as unknown as {
        browser: { storage: { local: { get: (k: null) => Promise<Record<string, unknown>> } } };
      }
    ).browser;
    return api.storage.local.get(null);
  });
}
