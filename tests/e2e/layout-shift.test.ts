// No layout shift on load, in every layout the reader may have left the sidebar in: collapsed,
// open over the page, or open and pinned (pushing the page aside), on either side. The pinned
// sidebar's space is reserved before the page's first paint by a stylesheet the background
// registers (data/settings/reserved-space.ts), so its arrival after the load event moves
// nothing. Measured as a page would: a PerformanceObserver for 'layout-shift' (buffered) from
// before the page's first script, until the sidebar has painted and settled. Opening, closing
// and resizing by the reader are input, and not counted.
//
// Two pages: one that, like fly.io's, waits for its own stylesheet from the network before its
// first paint (100 ms, a round trip), and one with nothing to wait for, which paints at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { postPage } from '../fixtures/blog-pages';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const SITE_CSS = 'https://fly.io/static/site.css';
const STYLESHEET_DELAY_MS = 100;

interface ChromeApi {
  chrome: {
    storage: { local: { set: (v: object) => Promise<void> } };
    scripting: { getRegisteredContentScripts: () => Promise<{ css?: string[] }[]> };
  };
}

/** Stores the layout, then waits for the background to register its reserving stylesheet. */
async function setLayout(worker: Worker, layout: object, file: string | undefined) {
  await worker.evaluate((value) => {
    return (globalThis as unknown as ChromeApi).chrome.storage.local.set({ sidebarLayout: value });
  }, layout);
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const scripts = await (
          globalThis as unknown as ChromeApi
        ).chrome.scripting.getRegisteredContentScripts();
        return scripts.flatMap((script) => script.css ?? []);
      }),
    )
    .toEqual(file ? [file] : []);
}

const pages = [
  {
    name: 'a page that waits for its stylesheet',
    head: `<link rel="stylesheet" href="${SITE_CSS}">`,
  },
  { name: 'a page that paints at once', head: '' },
];

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
      for (const kind of pages)
        it(`is 0 with the sidebar ${state.name}, on the ${side}, on ${kind.name}`, async () => {
          await setLayout(
            browser.worker,
            { open: state.open, pinned: state.pinned, width: 360, side },
            state.mode === 'push' ? `reserved-space/${side}-360.css` : undefined,
          );
          const page = await browser.context.newPage();
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.addInitScript(() => {
            const w = window as unknown as { __shifts: number[] };
            w.__shifts = [];
            // The root's margins when the document is parsed, long before the sidebar's script.
            document.addEventListener('DOMContentLoaded', () => {
              const style = getComputedStyle(document.documentElement);
              (window as unknown as { __parsedMargins: string[] }).__parsedMargins = [
                style.marginLeft,
                style.marginRight,
              ];
            });
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
              body: postPage('corrosion', { head: kind.head }),
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
            // Reserved before any of the extension's scripts ran.
            const parsed = await page.evaluate(
              () => (window as unknown as { __parsedMargins: string[] }).__parsedMargins,
            );
            expect(parsed).toEqual(side === 'left' ? ['360px', '0px'] : ['0px', '360px']);
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
