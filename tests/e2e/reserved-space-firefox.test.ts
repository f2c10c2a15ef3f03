// In Firefox ESR (the MV2 build) the pinned sidebar's space is reserved before the page's own
// scripts run, by the stylesheet the background registers with `contentScripts`
// (entrypoints/background/reserved-space.ts): Firefox has no layout-shift API, so the test reads
// the root's margin when the document is parsed, before the sidebar's script has started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { postPage } from '../fixtures/blog-pages';
import { html } from './support/fly-routes';
import {
  launchFirefoxWithExtension,
  waitForShadow,
  type FirefoxExtensionBrowser,
} from './support/firefox';

const URL = 'https://fly.io/blog/corrosion/';

let firefox: FirefoxExtensionBrowser;
let options: Page;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    route: (url) => (url.startsWith(URL) ? html(postPage('corrosion')) : undefined),
  });
  options = await firefox.openExtensionPage('options.html');
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

const setLayout = (layout: object) =>
  options.evaluate((value) => {
    const api = (
      globalThis as unknown as {
        browser: { storage: { local: { set: (items: object) => Promise<void> } } };
      }
    ).browser;
    return api.storage.local.set({ sidebarLayout: value });
  }, layout);

/** Loads the post and returns the root's [left, right] margins when the document was parsed. */
async function marginsAtParse(): Promise<string[]> {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = getComputedStyle(document.documentElement);
      (window as unknown as { __parsed: string[] }).__parsed = [
        style.marginLeft,
        style.marginRight,
      ];
    });
  });
  await page.goto(URL);
  await waitForShadow(page, 'fn-toggle');
  const parsed = await page.evaluate(() => (window as unknown as { __parsed: string[] }).__parsed);
  await page.close();
  return parsed;
}

/** The background registers the stylesheet after the layout is stored: load until it shows. */
async function settledMargins(expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const margins = await marginsAtParse();
    if (JSON.stringify(margins) === JSON.stringify(expected) || Date.now() > deadline)
      return margins;
  }
}

describe('the reserved space in Firefox ESR', () => {
  it('is there before the sidebar script runs when pinned, and gone when collapsed', async () => {
    await setLayout({ open: true, pinned: true, width: 360, side: 'left' });
    expect(await settledMargins(['360px', '0px'])).toEqual(['360px', '0px']);
    await setLayout({ open: true, pinned: true, width: 400, side: 'right' });
    expect(await settledMargins(['0px', '400px'])).toEqual(['0px', '400px']);
    await setLayout({ open: false, pinned: true, width: 400, side: 'right' });
    expect(await settledMargins(['0px', '0px'])).toEqual(['0px', '0px']);
  });
});
