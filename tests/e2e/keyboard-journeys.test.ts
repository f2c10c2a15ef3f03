// Keyboard-only journeys through the popup, the options page and the notes page, with axe scans
// of each in the dark theme (their light-theme scans live beside each surface's own tests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, focusIsVisible, tabTo } from './support/axe';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ colorScheme: 'dark' });
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard-only journeys (Chromium, dark theme)', () => {
  it('popup: type, move, mark read with Alt+R, clear with Escape; axe finds nothing serious', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const box = popup.getByTestId('fn-search');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('fn-search');
    await popup.keyboard.type('corrosion');
    const first = popup.getByTestId('fn-result').first();
    await expect.poll(() => first.getAttribute('data-slug')).toBe('corrosion');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Alt+r');
    await expect.poll(() => first.getAttribute('data-read')).toBe('true');
    expect((await storageGet(browser.worker))['read:corrosion']).toMatchObject({ read: true });

    const scan = await axeScan(browser.context, popup);
    expect(scan.passes).toBeGreaterThan(10);
    expect(scan.serious).toEqual([]);

    await popup.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await popup.close();
  });

  it('options: reach a setting with Tab, change it with Space, focus visible; axe finds nothing serious', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.getByTestId('fn-setting-badge').count()).toBe(1);
    const before = await options.getByTestId('fn-setting-badge').isChecked();
    await tabTo(options, 'fn-setting-badge');
    expect(await focusIsVisible(options)).toBe(true);
    await options.keyboard.press('Space');
    await expect
      .poll(async () => (await storageGet(browser.worker))['prefs'])
      .toMatchObject({ badge: !before });

    const scan = await axeScan(browser.context, options);
    expect(scan.passes).toBeGreaterThan(10);
    expect(scan.serious).toEqual([]);
    await options.close();
  });

  it('notes: search the archive and read a month of the chart by keyboard; axe finds nothing serious', async () => {
    const notes = await browser.openExtensionPage('notes.html');
    await expect.poll(() => notes.getByTestId('fn-archive-post').count()).toBe(30);
    await tabTo(notes, 'fn-archive-search', 200);
    expect(await focusIsVisible(notes)).toBe(true);
    await notes.keyboard.type('macaroons');
    await expect
      .poll(() =>
        notes
          .getByTestId('fn-archive-post')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-slug'))),
      )
      .toEqual(['operationalizing-macaroons']);

    // Back up to the chart: its bars are focusable and name their month and posts.
    await notes.getByTestId('fn-history-bar').first().focus();
    await notes.keyboard.press('Tab');
    const label = await notes.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(label).toMatch(/20\d\d/);

    const scan = await axeScan(browser.context, notes);
    expect(scan.passes).toBeGreaterThan(10);
    expect(scan.serious).toEqual([]);
    await notes.close();
  });
});
