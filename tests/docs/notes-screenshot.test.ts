// The README's picture of the notes page: the top of the page and the posting history, with a
// reader part-way along the Start Here path so the progress, the next step and the read part
// of the bars all show.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/chromium';

const OUT = '.github/screenshots/notes.png';
const HISTORY_OUT = '.github/screenshots/notes-history.png';
const READ = ['litestream-revamped', 'corrosion', 'kamal-in-production', 'litestream-vfs'];

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ viewport: { width: 1100, height: 1600 } });
});
afterAll(async () => {
  await browser?.close();
});

it('pictures the notes page with some posts read', async () => {
  await browser.worker.evaluate(async (slugs) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { set: (items: object) => Promise<void> } } };
      }
    ).chrome;
    const at = Date.now();
    await api.storage.local.set(
      Object.fromEntries(slugs.map((s) => [`read:${s}`, { read: true, at, via: 'notes' }])),
    );
  }, READ);
  const page = await browser.openExtensionPage('notes.html');
  await expect
    .poll(() => page.getByTestId('fn-notes-progress').textContent())
    .toContain(`${READ.length} of 30 posts read`);
  expect(await page.getByTestId('fn-history-bar').count()).toBe(14);
  mkdirSync('.github/screenshots', { recursive: true });
  // End the picture just below the highlighted next step, not halfway through a card.
  const next = page.locator('[data-testid=fn-step][data-next="true"]');
  expect(await next.getAttribute('data-slug')).toBe('kurt-got-got');
  const box = await next.boundingBox();
  if (!box) throw new Error('the next step is not laid out');
  await page.screenshot({
    path: OUT,
    clip: { x: 0, y: 0, width: 1100, height: Math.ceil(box.y + box.height + 8) },
  });
  await page.close();
});

it('pictures the posting-history chart with a month shown', async () => {
  const page = await browser.openExtensionPage('notes.html');
  const october = page.locator('[data-testid=fn-history-bar][data-month="2025-10"]');
  await expect.poll(() => october.getAttribute('data-read')).toBe('1');
  await october.hover();
  await expect
    .poll(() => page.getByTestId('fn-history-detail').textContent())
    .toContain('October 2025: 3 posts, 1 read');
  await page.locator('#posting-history').screenshot({ path: HISTORY_OUT });
  await page.close();
});
