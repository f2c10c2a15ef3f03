// Issue 13 items 4 and 6 in Chromium: a backup cannot fill the browser's storage, an import
// whose write fails says so and changes nothing, the options page shows storage used against
// the quota, and a corrupt mark is set aside rather than overwritten by the reader's click.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectPollOptions } from 'vitest';
import { launchWithExtension, readerStorage, type ExtensionBrowser } from './support/chromium';
import { storageSet } from './support/feed-route';

const poll = <T>(read: () => T, options: ExpectPollOptions = {}) =>
  expect.poll(read, { timeout: 10_000, ...options });
const QUOTA = 10 * 1024 * 1024;

interface ChromeLocal {
  chrome: { storage: { local: { clear: () => Promise<void> } } };
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const clearStorage = () =>
  browser.worker.evaluate(() =>
    (globalThis as unknown as ChromeLocal).chrome.storage.local.clear(),
  );
const backup = (marks: { slug: string; at?: string }[]) =>
  JSON.stringify({
    format: 'fly-field-notes-backup',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    marks: marks.map(({ slug, at }) => ({
      slug,
      read: true,
      at: at ?? '2025-12-01T00:00:00.000Z',
      via: 'popup',
    })),
  });

async function chooseBackup(options: Page, text: string): Promise<void> {
  await options.getByTestId('fn-import').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

describe('storage bounded and its errors shown', () => {
  it('refuses a backup whose one mark has a 4.9 MB slug, and stores nothing', async () => {
    await clearStorage();
    const before = await readerStorage(browser.worker);
    const options = await browser.openExtensionPage('options.html');
    await chooseBackup(options, backup([{ slug: 'a'.repeat(4_900_000) }]));
    const error = options.getByTestId('fn-import-error');
    await poll(() => error.textContent()).toContain('at most 200 characters');
    expect(await options.getByTestId('fn-import-preview').count()).toBe(0);
    expect(await readerStorage(browser.worker)).toEqual(before);
    await options.close();
  });

  it('shows storage used against the quota, and a failed import changes nothing', async () => {
    await clearStorage();
    // Storage as a hostile backup left it on the landed build: about 9.97 of its 10 MB.
    await storageSet(browser.worker, { filler: 'x'.repeat(QUOTA - 30_000) });
    const options = await browser.openExtensionPage('options.html');
    const usage = options.getByTestId('fn-storage-usage');
    await poll(() => usage.getAttribute('data-quota')).toBe(String(QUOTA));
    expect(Number(await usage.getAttribute('data-used'))).toBeGreaterThan(QUOTA - 30_000);
    expect(await usage.textContent()).toContain('of 10.0 MB (100%)');
    expect(await options.getByTestId('fn-storage-full').count()).toBe(1);

    // 1,000 valid marks need about 80 KB: more than is left.
    const before = await readerStorage(browser.worker);
    await chooseBackup(
      options,
      backup(Array.from({ length: 1000 }, (_, i) => ({ slug: `some-post-number-${i}` }))),
    );
    await options.getByTestId('fn-import-apply').click();
    const error = options.getByTestId('fn-import-error');
    await poll(() => error.textContent()).toContain(
      "Nothing was imported. The browser's storage for the extension is full",
    );
    expect(await options.getByTestId('fn-import-preview').count()).toBe(0);
    const after = await readerStorage(browser.worker);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await options.close();
    await clearStorage();
  });

  it("sets a corrupt mark aside when the reader's click comes before storage upkeep", async () => {
    await clearStorage();
    const slug = 'litestream-revamped';
    // Corrupted after the background's upkeep ran at start, so only the click meets it.
    const corrupt = { read: 'yes', at: 'yesterday', via: 'button' };
    await storageSet(browser.worker, { [`read:${slug}`]: corrupt });
    const page = await browser.context.newPage();
    await page.goto(`https://fly.io/blog/${slug}/`);
    const button = page.getByTestId('fn-mark-read');
    await poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await poll(() => button.getAttribute('aria-pressed')).toBe('true');
    const stored = await readerStorage(browser.worker);
    const quarantined = Object.entries(stored).filter(([key]) => key.startsWith('quarantine:'));
    expect(quarantined.map(([, entry]) => entry)).toEqual([
      expect.objectContaining({ key: `read:${slug}`, value: corrupt }),
    ]);
    expect(stored[`read:${slug}`]).toMatchObject({ read: true, via: 'button' });
    await page.close();
  });
});
