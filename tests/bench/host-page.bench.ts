// What the extension costs the page it runs on. One Chromium run: a full-size fly.io post
// (images stubbed) loaded many times without the extension, with it (sidebar collapsed) and with
// it (sidebar open), in rotating order, each load in a fresh tab. Reports medians and ratios.
// Figures only: nothing here is asserted as a timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { expect, it, onTestFinished } from 'vitest';
import { postPage } from '../fixtures/blog-pages';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  type ExtensionBrowser,
} from '../e2e/support/chromium';
import { median, percentile, writeBenchResult, type BenchTable } from './results';

const SLUG = 'litestream-vfs';
// Fifteen loads per column: fewer left the medians of two runs 10 % apart on this machine. The
// medians and per-load counts below are over these loads (FN_BENCH_ROUNDS for another count).
const ROUNDS = Number(process.env.FN_BENCH_ROUNDS ?? 15);
/** After the load event, how long to keep observing (the sidebar starts after it). */
const SETTLE_MS = 700;
const VIEWPORT = { width: 1280, height: 900 };

/** 1×1 transparent PNG served for every image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A long post like fly.io's: ~80 paragraphs, headings, code blocks and sized figures. */
function fullSizePost(): string {
  let figure = 0;
  return postPage(SLUG, { paragraphs: 80 }).replace(/<h2 id="part-(\d+)">/g, (heading) => {
    figure += 1;
    return `<figure><img src="/blog/${SLUG}/assets/figure-${figure}.png" alt="Figure ${figure}" width="720" height="405" style="max-width:100%;height:auto"></figure>
<pre><code>fly launch --name app-${figure}\nfly deploy --strategy rolling\nfly scale count ${figure} --region ord</code></pre>
${heading}`;
  });
}

async function route(context: BrowserContext, html: string): Promise<void> {
  await context.route(/^https:\/\/(www\.)?fly\.io\//i, (r) => {
    const url = new URL(r.request().url());
    if (url.pathname.endsWith('.png'))
      return r.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    if (url.pathname.startsWith(`/blog/${SLUG}/`))
      return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return r.fulfill({ status: 404, contentType: 'text/plain', body: 'not in this benchmark' });
  });
}

// Runs in the page's main world before anything else: observe long tasks and layout shifts.
const OBSERVE = `
window.__fnBench = { longTasks: [], cls: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__fnBench.longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__fnBench.cls += e.value;
}).observe({ type: 'layout-shift', buffered: true });
`;

interface Sample {
  load: number;
  longTasks: number;
  tbt: number;
  cls: number;
  heap: number;
  contentStart?: number;
  startToPainted?: number;
  sidebarToPainted?: number;
  mode?: string;
}

async function measure(context: BrowserContext, run: number): Promise<Sample> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`https://fly.io/blog/${SLUG}/?run=${run}`, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const m = await page.evaluate(() => {
    const bench = (window as unknown as { __fnBench: { longTasks: number[]; cls: number } })
      .__fnBench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    const host = document.querySelector('fly-field-notes');
    return {
      load: nav.loadEventStart,
      longTasks: bench.longTasks.length,
      tbt: bench.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
      cls: bench.cls,
      start: mark('fn-content-start'),
      sidebarStart: mark('fn-sidebar-start'),
      painted: mark('fn-sidebar-painted'),
      mode:
        host?.shadowRoot?.querySelector('[data-testid="fn-root"]')?.getAttribute('data-mode') ??
        undefined,
    };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return {
    load: m.load,
    longTasks: m.longTasks,
    tbt: m.tbt,
    cls: m.cls,
    heap: heap.usedSize,
    contentStart: m.start,
    startToPainted:
      m.start !== undefined && m.painted !== undefined ? m.painted - m.start : undefined,
    sidebarToPainted:
      m.sidebarStart !== undefined && m.painted !== undefined
        ? m.painted - m.sidebarStart
        : undefined,
    mode: m.mode,
  };
}

async function setSidebarOpen(worker: Worker, open: boolean): Promise<void> {
  await worker.evaluate(
    (layout) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
        }
      ).chrome.storage.local.set({ sidebarLayout: layout }),
    { open, pinned: true, width: 340, side: 'right' },
  );
}

it('measures the host-page cost of the extension', async () => {
  const html = fullSizePost();
  const plainDir = mkdtempSync(join(tmpdir(), 'fn-bench-plain-'));
  // Removed however the run ends, a failed launch included.
  onTestFinished(() => rmSync(plainDir, { recursive: true, force: true }));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
  });
  const ext: ExtensionBrowser = await launchWithExtension({ viewport: VIEWPORT });
  try {
    await plain.addInitScript(OBSERVE);
    await ext.context.addInitScript(OBSERVE);
    await route(plain, html);
    // The extension's context already routes fly.io (launchWithExtension); this route, added
    // later, takes precedence for the benchmark's page and images.
    await route(ext.context, html);

    const variants = ['without', 'collapsed', 'open'] as const;
    const samples: Record<(typeof variants)[number], Sample[]> = {
      without: [],
      collapsed: [],
      open: [],
    };
    // One warm-up load each, not recorded.
    await measure(plain, -1);
    await setSidebarOpen(ext.worker, false);
    await measure(ext.context, -2);
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(round + i) % variants.length]!;
        if (variant === 'without') samples.without.push(await measure(plain, round));
        else {
          await setSidebarOpen(ext.worker, variant === 'open');
          samples[variant].push(await measure(ext.context, round));
        }
      }
    }

    const med = (s: Sample[], key: keyof Sample) =>
      median(s.map((x) => x[key]).filter((v): v is number => typeof v === 'number'));
    const fmt = (v: number, unit: string, digits = 1) =>
      Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}`.trim() : 'n/a';
    const ratio = (a: number, b: number) =>
      b > 0 ? `${(a / b).toFixed(3)}×` : a === 0 ? '–' : '∞';
    const row = (label: string, key: keyof Sample, unit: string, digits: number, scale = 1) => {
      const w = med(samples.without, key) / scale;
      const c = med(samples.collapsed, key) / scale;
      const o = med(samples.open, key) / scale;
      return [
        label,
        fmt(w, unit, digits),
        fmt(c, unit, digits),
        ratio(c, w),
        fmt(o, unit, digits),
        ratio(o, w),
      ];
    };
    const sumLongTasks = (s: Sample[]) => s.reduce((n, x) => n + x.longTasks, 0);
    const modes = (s: Sample[]) => [...new Set(s.map((x) => x.mode ?? 'none'))].join(', ');

    const paintTimes = [...samples.collapsed, ...samples.open]
      .map((s) => s.startToPainted)
      .filter((v): v is number => v !== undefined);
    const sidebarPaintTimes = [...samples.collapsed, ...samples.open]
      .map((s) => s.sidebarToPainted)
      .filter((v): v is number => v !== undefined);
    const starts = [...samples.collapsed, ...samples.open]
      .map((s) => s.contentStart)
      .filter((v): v is number => v !== undefined);

    const sideBySide: BenchTable = {
      title: 'Host-page cost: a full-size post with and without the extension',
      method:
        `Chromium (headless, ${VIEWPORT.width}×${VIEWPORT.height}), one run: a ${Math.round(html.length / 1024)} KB fixture of a fly.io post ` +
        `(80 paragraphs, figures stubbed with 1×1 PNGs) loaded ${ROUNDS} times per column in rotating order, each in a fresh tab of ` +
        `two persistent contexts (one without the extension, one with it). Medians. Load = loadEventStart; long tasks and ` +
        `total blocking time (Σ of each task over 50 ms) and layout shift (CLS, no input) from PerformanceObserver, observed ` +
        `until ${SETTLE_MS} ms after load (the sidebar starts after the load event); JS heap = the tab's V8 heap after a ` +
        `forced GC (CDP Runtime.getHeapUsage), content-script world included. Sidebar modes seen: collapsed column ` +
        `"${modes(samples.collapsed)}", open column "${modes(samples.open)}".`,
      columns: ['metric', 'without', 'with, collapsed', 'ratio', 'with, open', 'ratio'],
      rows: [
        row('load event', 'load', 'ms', 1),
        row('long tasks > 50 ms (per load)', 'longTasks', '', 0),
        [
          'long tasks, all loads',
          String(sumLongTasks(samples.without)),
          String(sumLongTasks(samples.collapsed)),
          '–',
          String(sumLongTasks(samples.open)),
          '–',
        ],
        row('total blocking time', 'tbt', 'ms', 1),
        row('layout shift (CLS)', 'cls', '', 4),
        row('JS heap', 'heap', 'MB', 2, 1024 * 1024),
      ],
    };
    const paint: BenchTable = {
      title: 'Content script start to sidebar painted',
      method:
        "From the `fn-content-start` mark (first line of the manifest's content script, the loader) and from the " +
        '`fn-sidebar-start` mark (first line of the sidebar script the loader imports once the page has loaded) to ' +
        'the `fn-sidebar-painted` mark (the animation frame after the first render), all read from the page: in ' +
        "Chromium a content script shares the page's performance timeline. The first row includes the loader's " +
        "deliberate wait for the page's load event and the import. Over every load with the extension (collapsed and open).",
      columns: ['measure', 'loads', 'median', 'p90', 'max'],
      rows:
        paintTimes.length > 0
          ? [
              [
                'content start → sidebar painted',
                paintTimes.length,
                fmt(median(paintTimes), 'ms'),
                fmt(percentile(paintTimes, 90), 'ms'),
                fmt(Math.max(...paintTimes), 'ms'),
              ],
              [
                'sidebar script start → sidebar painted',
                sidebarPaintTimes.length,
                fmt(median(sidebarPaintTimes), 'ms'),
                fmt(percentile(sidebarPaintTimes, 90), 'ms'),
                fmt(Math.max(...sidebarPaintTimes), 'ms'),
              ],
              [
                'navigation start → content start',
                starts.length,
                fmt(median(starts), 'ms'),
                fmt(percentile(starts, 90), 'ms'),
                fmt(Math.max(...starts), 'ms'),
              ],
            ]
          : [['the marks were not found on the page', 0, 'n/a', 'n/a', 'n/a']],
    };
    writeBenchResult('host-page', [sideBySide, paint]);
    for (const table of [sideBySide, paint]) {
      console.log(`\n${table.title}\n${table.columns.join(' | ')}`);
      for (const r of table.rows) console.log(r.join(' | '));
    }
    expect(samples.without.length).toBe(ROUNDS);
    expect(samples.collapsed.length).toBe(ROUNDS);
  } finally {
    await ext.close();
    await plain.close();
  }
}, 170_000);
