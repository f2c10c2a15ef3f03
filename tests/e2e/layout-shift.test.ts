// No layout shift on load, in every layout the reader may have left the sidebar in: collapsed,
// open over the page, or open and pinned (pushing the page aside), on either side. The pinned
// sidebar's space is reserved before the page's first paint (entrypoints/loader.ts), so its
// arrival after the load event moves nothing. Measured as a page would: a PerformanceObserver
// for 'layout-shift' (buffered) from before the page's first script, until the sidebar has
// painted and settled. Opening, closing and resizing by the reader are input, and not counted.
//
// The page, like fly.io's, waits for its own stylesheet from the network before its first paint
// (here 100 ms, a round trip): the reservation needs the storage read (a few ms) to answer before
// that paint. A page that paints at once on a busy machine can paint first; then it moves once
// (README, "Permissions"; BENCHMARKS.md's host-page layout-shift table measures that case).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { postPage } from '../fixtures/blog-pages';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const SITE_CSS = 'https://fly.io/static/site.css';
const STYLESHEET_DELAY_MS = 100;

interface StorageApi {
  chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
}
const setLayout = (worker: Worker, layout: object) =>
  worker.evaluate((value) => {
    return (globalThis as unknown as StorageApi).chrome.storage.local.set({ sidebarLayout: value });
  }, layout);

const states = [
  { name: 'collapsed', open: false, pinned: true, mode: 'collapsed' },
  { name: 'open over the page', open: true, pinned: false, mode: 'overlay' },
  { name: 'open and pinned', open: true, pinned: true, mode: 'push' },
] as const;

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout shift on load', () => {
  for (const state of states)
    for (const side of ['right', 'left'] as const)
      it(`is 0 with the sidebar ${state.name}, on the ${side}`, async () => {
        await setLayout(browser.worker, {
          open: state.open,
          pinned: state.pinned,
          width: 360,
          side,
        });
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.addInitScript(() => {
          const w = window as unknown as { __shifts: number[] };
          w.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const shift = e as unknown as { value: number; hadRecentInput: boolean };
              if (!shift.hadRecentInput) w.__shifts.push(shift.value);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.route('https://fly.io/blog/corrosion/', (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: postPage('corrosion', { head: `<link rel="stylesheet" href="${SITE_CSS}">` }),
          }),
        );
        await page.route(SITE_CSS, async (route) => {
          await new Promise((r) => setTimeout(r, STYLESHEET_DELAY_MS));
          await route.fulfill({
            status: 200,
            contentType: 'text/css',
            body: 'p { hyphens: auto; }',
          });
        });
        await page.goto('https://fly.io/blog/corrosion/');
        await page.getByTestId('fn-toggle').waitFor();
        expect(await page.getByTestId('fn-root').getAttribute('data-mode')).toBe(state.mode);
        if (state.mode === 'push') {
          // The page really is pushed aside, by the sidebar's width.
          const margin = await page.evaluate(
            (property) => getComputedStyle(document.documentElement).getPropertyValue(property),
            side === 'right' ? 'margin-right' : 'margin-left',
          );
          expect(margin).toBe('360px');
        }
        // Two frames and a pause after the sidebar's first paint: any shift is reported by then.
        await page.evaluate(
          () =>
            new Promise((r) =>
              requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))),
            ),
        );
        const shifts = await page.evaluate(
          () => (window as unknown as { __shifts: number[] }).__shifts,
        );
        expect(shifts).toEqual([]);
        await page.close();
      });
});
