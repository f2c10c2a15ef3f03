// Issue 13 item 3, the reader's marks stay the reader's: a page script on fly.io can neither
// read a mark from the sidebar or the index's card marks, nor write one (or change a setting)
// with a scripted `.click()` or a dispatched event. The first block runs the PRODUCTION build
// (closed shadow roots); the second the test build, whose roots are open, to show that even a
// page that reaches our buttons cannot press them. Firefox: hostile-marks-firefox.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  PRODUCTION_EXTENSION_DIR,
  storageGet,
  type ExtensionBrowser,
} from './support/chromium';
import { storageSet } from './support/feed-route';
import { forgeInput, readWhatThePageSees } from './support/page-probe';

/** A post the reader has read, and one on the index they have not. */
const READ = 'litestream-revamped';
const READ_URL = `https://fly.io/blog/${READ}/`;
const INDEX_URL = 'https://fly.io/blog/';

/** The stored values a forged event could change: marks, layout and settings. */
function guarded(items: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(items).filter(
      ([key]) => key.startsWith('read:') || key === 'sidebarLayout' || key === 'prefs',
    ),
  );
}

async function openAndSettle(browser: ExtensionBrowser, url: string, host: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.locator(host).first().waitFor({ state: 'attached', timeout: 15_000 });
  await expect
    .poll(async () => (await page.evaluate(readWhatThePageSees)).painted, { timeout: 15_000 })
    .toBe(true);
  // The marks load from storage after the host is added: let them paint before looking.
  await page.waitForTimeout(1500);
  return page;
}

describe('a page script against the production build', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
    await storageSet(browser.worker, {
      [`read:${READ}`]: { read: true, at: 1_700_000_000_000, via: 'button' },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [where, url, host] of [
    ['the sidebar on a read post', READ_URL, 'fly-field-notes'],
    ['the card marks on the index', INDEX_URL, 'fly-field-notes-card'],
  ] as const) {
    it(`sees no shadow root and no mark, and forges nothing, on ${where}`, async () => {
      const before = guarded(await storageGet(browser.worker));
      expect(before[`read:${READ}`]).toMatchObject({ read: true });
      const page = await openAndSettle(browser, url, host);

      const view = await page.evaluate(readWhatThePageSees);
      expect(view.hosts).toContain(host);
      expect(view.painted).toBe(true);
      expect(view.openRoots).toEqual([]);
      expect(view.marks).toEqual([]);
      expect(view.hostAttributes).toEqual([]);
      expect(view.lightDomChildren).toBe(0);

      expect(await page.evaluate(forgeInput)).toBeGreaterThan(1);
      await page.waitForTimeout(1000);
      expect(guarded(await storageGet(browser.worker))).toEqual(before);
      await page.close();
    });
  }
});

describe('a page script against the test build (open roots)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches the buttons but its clicks and events change no mark or setting', async () => {
    for (const [url, host] of [
      [INDEX_URL, 'fly-field-notes-card'],
      [READ_URL, 'fly-field-notes'],
    ] as const) {
      const before = guarded(await storageGet(browser.worker));
      const page = await openAndSettle(browser, url, host);
      expect((await page.evaluate(readWhatThePageSees)).openRoots).toContain(host);
      expect(await page.evaluate(forgeInput)).toBeGreaterThan(10);
      await page.waitForTimeout(1000);
      expect(guarded(await storageGet(browser.worker))).toEqual(before);
      await page.close();
    }
  });

  it("still takes the reader's own click", async () => {
    const page = await openAndSettle(browser, READ_URL, 'fly-field-notes');
    const mark = page.getByTestId('fn-mark-read');
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('false');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    expect((await storageGet(browser.worker))[`read:${READ}`]).toMatchObject({
      read: true,
      via: 'button',
    });
    await page.close();
  });
});
