// Layout in real Chromium: pinned pushes the article aside (never under the sidebar), collapsed
// leaves the page untouched, narrow windows get an overlay, and the layout is remembered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postPage } from '../fixtures/blog-pages';
import {
  launchWithExtension,
  storageGet,
  storeLayout,
  type ExtensionBrowser,
} from './support/chromium';

type Rect = { left: number; right: number; top: number; bottom: number; width: number };

const rectOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
  }) as Promise<Rect>;

/** The post at a URL the content script does not match: the page as it is without the sidebar. */
async function referenceArticle(browser: ExtensionBrowser, width: number): Promise<Rect> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.route('https://fly.io/docs/reference-post/', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: postPage('corrosion'),
    }),
  );
  await page.goto('https://fly.io/docs/reference-post/');
  const rect = await rectOf(page, 'article');
  await page.close();
  return rect;
}

async function openPost(browser: ExtensionBrowser, width: number, shifts = false): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  if (shifts)
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
  await page.goto('https://fly.io/blog/corrosion/');
  await page.getByTestId('fn-toggle').waitFor();
  return page;
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('open and pinned', () => {
  for (const width of [1280, 1920])
    for (const side of ['right', 'left'] as const)
      it(`keeps the whole article column clear of the sidebar at ${width} px, on the ${side}`, async () => {
        await storeLayout(browser.worker, { open: true, pinned: true, width: 360, side });
        const page = await openPost(browser, width);
        await page.getByTestId('fn-sidebar').waitFor();
        await expect.poll(() => page.getByTestId('fn-root').getAttribute('data-mode')).toBe('push');
        const aside = await rectOf(page, 'fly-field-notes >> [data-testid="fn-sidebar"]');
        const article = await rectOf(page, 'article');
        expect(aside.width).toBe(360);
        if (side === 'right') expect(article.right).toBeLessThanOrEqual(aside.left);
        else expect(article.left).toBeGreaterThanOrEqual(aside.right);
        // Every paragraph of the text column, not only its box.
        const clear = await page.evaluate(
          ({ left, right }) =>
            [...document.querySelectorAll('article p, article h1, article h2')].every((e) => {
              const r = e.getBoundingClientRect();
              return r.right <= left || r.left >= right;
            }),
          { left: aside.left, right: aside.right },
        );
        expect(clear).toBe(true);
        await page.close();
      });

  it('overlays instead of pushing where the window is too narrow', async () => {
    await storeLayout(browser.worker, { open: true, pinned: true, width: 340, side: 'right' });
    const reference = await referenceArticle(browser, 900);
    const page = await openPost(browser, 900);
    await page.getByTestId('fn-sidebar').waitFor();
    expect(await page.getByTestId('fn-root').getAttribute('data-mode')).toBe('overlay');
    expect(await rectOf(page, 'article')).toEqual(reference);
    await page.close();
  });

  it('gives the page its layout back when unpinned or collapsed', async () => {
    await storeLayout(browser.worker, { open: true, pinned: true, width: 340, side: 'right' });
    const reference = await referenceArticle(browser, 1280);
    const page = await openPost(browser, 1280);
    await expect
      .poll(() => rectOf(page, 'article').then((r) => r.right))
      .toBeLessThan(reference.right);
    await page.getByTestId('fn-pin').click();
    expect(await page.getByTestId('fn-pin').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => rectOf(page, 'article')).toEqual(reference);
    await page.getByTestId('fn-pin').click();
    await expect
      .poll(() => rectOf(page, 'article').then((r) => r.right))
      .toBeLessThan(reference.right);
    await page.getByTestId('fn-toggle').click();
    await expect.poll(() => rectOf(page, 'article')).toEqual(reference);
    await page.close();
  });
});

describe('collapsed', () => {
  it('shows only the edge tab and does not move the page at all', async () => {
    await storeLayout(browser.worker, { open: false, pinned: true, width: 340, side: 'right' });
    const reference = await referenceArticle(browser, 1280);
    const page = await openPost(browser, 1280, true);
    const toggle = page.getByTestId('fn-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('fn-sidebar').isVisible()).toBe(false);
    expect(await rectOf(page, 'article')).toEqual(reference);
    // The tab sits on the window's edge.
    const tab = await rectOf(page, 'fly-field-notes >> [data-testid="fn-toggle"]');
    expect(Math.round(tab.right)).toBe(1280);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    await page.close();
  });
});

describe('remembered layout', () => {
  it('keeps open, pinned, width and side across a reload and a new tab', async () => {
    await storeLayout(browser.worker, undefined);
    const page = await openPost(browser, 1280);
    await page.getByTestId('fn-sidebar').waitFor();
    // Drag the grip 100 px towards the page.
    const grip = await rectOf(page, 'fly-field-notes >> [data-testid="fn-resize"]');
    const y = grip.top + 300;
    await page.mouse.move(grip.left + 2, y);
    await page.mouse.down();
    await page.mouse.move(grip.left - 50, y, { steps: 4 });
    await page.mouse.move(grip.left - 98, y, { steps: 4 });
    await page.mouse.up();
    const widened = (await rectOf(page, 'fly-field-notes >> [data-testid="fn-sidebar"]')).width;
    expect(widened).toBeGreaterThanOrEqual(430);
    await page.getByTestId('fn-side').click();
    await page.getByTestId('fn-pin').click();
    await expect
      .poll(async () => (await storageGet(browser.worker)).sidebarLayout)
      .toEqual({ open: true, pinned: false, width: Math.round(widened), side: 'left' });

    const check = async (p: Page) => {
      await p.getByTestId('fn-sidebar').waitFor();
      expect(await p.getByTestId('fn-root').getAttribute('data-side')).toBe('left');
      expect(await p.getByTestId('fn-pin').getAttribute('aria-pressed')).toBe('false');
      expect((await rectOf(p, 'fly-field-notes >> [data-testid="fn-sidebar"]')).width).toBe(
        Math.round(widened),
      );
      expect((await rectOf(p, 'fly-field-notes >> [data-testid="fn-sidebar"]')).left).toBe(0);
    };
    await page.reload();
    await check(page);
    const tab = await openPost(browser, 1280);
    await check(tab);
    await tab.getByTestId('fn-toggle').click();
    await tab.close();
    await page.reload();
    await page.getByTestId('fn-toggle').waitFor();
    expect(await page.getByTestId('fn-toggle').getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('clamps a remembered width to a narrower window', async () => {
    await storeLayout(browser.worker, { open: true, pinned: true, width: 600, side: 'right' });
    const page = await openPost(browser, 500);
    await page.getByTestId('fn-sidebar').waitFor();
    const width = (await rectOf(page, 'fly-field-notes >> [data-testid="fn-sidebar"]')).width;
    expect(width).toBeLessThan(500);
    expect(width).toBeGreaterThanOrEqual(260);
    await page.close();
  });

  it('keeps the layout across a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'fn-restart-'));
    try {
      const first = await launchWithExtension({ userDataDir: profile });
      const page = await openPost(first, 1280);
      await page.getByTestId('fn-side').click();
      await expect
        .poll(
          async () => ((await storageGet(first.worker)).sidebarLayout as { side?: string })?.side,
        )
        .toBe('left');
      await first.close();
      const second = await launchWithExtension({ userDataDir: profile });
      const again = await openPost(second, 1280);
      await again.getByTestId('fn-sidebar').waitFor();
      expect(await again.getByTestId('fn-root').getAttribute('data-side')).toBe('left');
      await second.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
