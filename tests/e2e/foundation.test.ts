import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('foundation journey in Chromium', () => {
  it('shows the post note on https://fly.io/blog/litestream-vfs/', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/blog/litestream-vfs/');
    const sidebar = page.getByTestId('fn-sidebar');
    await expect.poll(() => sidebar.count()).toBe(1);
    expect(await page.getByTestId('fn-post-title').textContent()).toBe('Litestream VFS');
    expect(await page.getByTestId('fn-post-summary').textContent()).toContain(
      'sandwich ratings database',
    );
    expect(await page.getByTestId('fn-blog-summary').textContent()).toContain(
      'engineering blog of Fly.io',
    );
    expect(await page.getByTestId('fn-read-this').textContent()).toContain('SQLite at scale');
    expect(await page.getByTestId('fn-skip-it').textContent()).toContain('generic cloud tutorials');
    expect(await page.getByTestId('fn-path-step').count()).toBe(7);
    await page.close();
  });

  it('shows "Step 2 of 7" on a path post', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/blog/corrosion/');
    await expect.poll(() => page.getByTestId('fn-path-position').textContent()).toBe('Step 2 of 7');
    await page.close();
  });

  it('adds no sidebar on https://fly.io/docs/', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/docs/');
    await page.waitForLoadState('load');
    // Give a content script that wrongly ran every chance to mount.
    await page.waitForTimeout(500);
    expect(await page.locator('fly-field-notes').count()).toBe(0);
    await page.close();
  });

  it('finds "Operationalizing Macaroons" in the popup for "macaroons"', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByTestId('fn-search').fill('macaroons');
    const first = popup.getByTestId('fn-result').first();
    await expect.poll(() => first.getAttribute('data-slug')).toBe('operationalizing-macaroons');
    expect(await first.textContent()).toContain('Operationalizing Macaroons');
    await popup.close();
  });
});
