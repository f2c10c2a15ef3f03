// Launch Debian's Chromium with the built extension loaded, and serve fly.io from fixtures.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { LAYOUT_KEY } from '../../../data/settings/layout';
import { reservationFile, reservationFor } from '../../../data/settings/reserved-space';
import { browserNotFound, browserPath } from '../../browsers.mjs';
import { indexPage, otherPage, postPage } from '../../fixtures/blog-pages';
import { builtExtension, PRODUCTION_OUTPUT_DIR, TEST_OUTPUT_DIR } from './builds';

/** The Chromium executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM = browserPath('CHROMIUM_PATH');
/** Headless flags for this machine: no sandbox as root, and no network beyond the routed pages. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The build the end-to-end tests drive: the test build (support/builds.ts). */
export const OUTPUT_DIR = TEST_OUTPUT_DIR;
export const EXTENSION_DIR = resolve(OUTPUT_DIR, 'chrome-mv3');
/** The production build's Chromium extension (closed shadow roots). */
export const PRODUCTION_EXTENSION_DIR = resolve(PRODUCTION_OUTPUT_DIR, 'chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Open an extension page (popup.html, options.html, notes.html) in a tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Reuse a profile (to test what survives a browser restart). */
  userDataDir?: string;
  /** Let back/forward restore pages from the bfcache (Playwright turns it off by default). */
  backForwardCache?: boolean;
  /** The unpacked extension to load (default: the test build's chrome-mv3). */
  extensionDir?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw browserNotFound('CHROMIUM_PATH');
  const ownProfile = !options.userDataDir;
  const extensionDir = builtExtension(resolve(options.extensionDir ?? EXTENSION_DIR));
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'fn-e2e-'));
  const removeOwnProfile = () => {
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...CHROMIUM_ARGS,
      ],
    });
    await routeFlyIo(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const launched = context;
    return {
      context: launched,
      worker,
      extensionId,
      openExtensionPage: async (path) => {
        const page = await launched.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      close: async () => {
        try {
          await launched.close();
        } finally {
          removeOwnProfile();
        }
      },
    };
  } catch (error) {
    // A launch that fails part-way leaves no browser and no temporary profile behind.
    await context?.close().catch(() => undefined);
    removeOwnProfile();
    throw error;
  }
}

/** Default routing: posts, index pages and other fly.io pages from the fixtures. */
export async function routeFlyIo(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/(www\.)?fly\.io\//i, (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    const html = (body: string) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    const index = /^\/blog\/(?:page\/(\d+)\/?)?$/.exec(path);
    if (index) return html(indexPage(Number(index[1] ?? 1)));
    if (path === '/blog/feed.xml')
      return route.fulfill({
        status: 404,
        contentType: 'text/plain',
        body: 'no feed in this test',
      });
    const post = /^\/blog\/([a-z0-9-]+)\/?(?:index\.html)?$/.exec(path);
    if (post) return html(postPage(post[1]!));
    return html(otherPage());
  });
}

interface LayoutApi {
  chrome: {
    storage: {
      local: { set: (v: object) => Promise<void>; remove: (k: string) => Promise<void> };
    };
    scripting: { getRegisteredContentScripts: () => Promise<{ css?: string[] }[]> };
  };
}

/**
 * Stores the sidebar's layout (or removes it), then waits until the background has registered
 * the stylesheet that reserves that layout's space before a page paints (data/settings/
 * reserved-space.ts): a page opened before that would still get the previous layout's space.
 */
export async function storeLayout(worker: Worker, layout: object | undefined): Promise<void> {
  await worker.evaluate(
    ({ key, value }) => {
      const { local } = (globalThis as unknown as LayoutApi).chrome.storage;
      return value ? local.set({ [key]: value }) : local.remove(key);
    },
    { key: LAYOUT_KEY, value: layout },
  );
  const reservation = reservationFor(layout, undefined);
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const { scripting } = (globalThis as unknown as LayoutApi).chrome;
        return (await scripting.getRegisteredContentScripts()).flatMap((s) => s.css ?? []);
      }),
    )
    .toEqual(reservation ? [reservationFile(reservation)] : []);
}

interface ChromeStorage {
  storage: { local: { get: (keys: null) => Promise<Record<string, unknown>> } };
}

/** Storage of the extension, read from its service worker. */
/**
 * What the reader has stored (marks, settings, places, the feed…): storage.local without the
 * background's own bookkeeping, which it writes at any time: the sync engine's `sync:*` keys
 * and the storage layout's version (`progressVersion`, written by the storage upkeep).
 */
export async function readerStorage(worker: Worker): Promise<Record<string, unknown>> {
  const items = await storageGet(worker);
  const bookkeeping = (key: string) => key.startsWith('sync:') || key === 'progressVersion';
  return Object.fromEntries(Object.entries(items).filter(([key]) => !bookkeeping(key)));
}

export async function storageGet(worker: Worker): Promise<Record<string, unknown>> {
  // The worker's own `chrome` global; this file is typed for Node, not the extension.
  return worker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    return api.storage.local.get(null);
  });
}
