// Popup open → painted results, next to an empty extension page, in the same Chromium run.
// The empty page is a bare HTML file written into a temporary copy of the built extension
// (blank.html), so it has the popup's origin and process but none of its code, and the
// shipped extension gains no page for the benchmark's sake.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { median, percentile, writeBenchResult } from './results';

const built = resolve(process.env.FN_OUT_DIR ?? '.output', 'chrome-mv3');
const copy = mkdtempSync(join(tmpdir(), 'fn-bench-paint-'));
// 20 alternating loads each: with 8, the empty page's median moved by a fifth between runs.
const RUNS = 20;

afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Gzipped bytes of the scripts popup.html loads (entry and preloaded chunks). */
function popupScriptGzip(): number {
  const html = readFileSync(join(built, 'popup.html'), 'utf8');
  const sources = [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return sources.reduce((sum, file) => sum + gzipSync(readFileSync(join(built, file))).length, 0);
}

describe('popup paint benchmark', () => {
  it('times popup.html to painted results against an empty extension page', async () => {
    cpSync(built, join(copy, 'chrome-mv3'), { recursive: true });
    writeFileSync(
      join(copy, 'chrome-mv3', 'blank.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body></body></html>',
    );
    const { launchWithExtension } = await import('../e2e/support/chromium');
    const browser = await launchWithExtension({ extensionDir: join(copy, 'chrome-mv3') });
    // ms since navigation start at the first animation frame in which the page is ready: for
    // the popup, results in the listbox; for the empty page, the document loaded.
    const time = async (path: string): Promise<number> => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        (popup) =>
          (popup
            ? document.querySelector('[data-testid=fn-result]') !== null
            : document.readyState === 'complete') && performance.now(),
        path === 'popup.html',
        { polling: 'raf' },
      );
      const value = (await handle.jsonValue()) as number;
      await page.close();
      return value;
    };
    try {
      await time('popup.html');
      await time('blank.html');
      const popup: number[] = [];
      const blank: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        popup.push(await time('popup.html'));
        blank.push(await time('blank.html'));
      }
      const ratio = median(popup) / median(blank);
      const gzip = popupScriptGzip();
      writeBenchResult('popup-paint', [
        {
          title: 'Popup: open to painted results',
          method:
            `Chromium (headless), the built extension; ${RUNS} alternating loads of each page after one warm-up each. Time = ms from navigation start to the first animation frame in which the page is ready: popup.html with results in its listbox (Start Here and newest posts), and an empty HTML page at the extension's own origin (blank.html, written into a temporary copy of the build for this benchmark only). ` +
            `Popup / empty (medians): ${ratio.toFixed(2)}× (target ≤ 1.5×). Popup JS (entry + preloaded chunks): ${(gzip / 1024).toFixed(1)} KB gzip (budget 60 KB).`,
          columns: ['page', 'median (ms)', 'p95 (ms)', 'min (ms)'],
          rows: [
            [
              'popup.html → painted results',
              median(popup).toFixed(0),
              percentile(popup, 95).toFixed(0),
              Math.min(...popup).toFixed(0),
            ],
            [
              'empty extension page',
              median(blank).toFixed(0),
              percentile(blank, 95).toFixed(0),
              Math.min(...blank).toFixed(0),
            ],
          ],
        },
      ]);
      expect(popup).toHaveLength(RUNS);
    } finally {
      await browser.close();
    }
  });
});
