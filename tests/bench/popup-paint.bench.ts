// Popup open → painted results, next to an empty extension page, in the same Chromium run.
// The empty page is a bare HTML file written into a temporary copy of the built extension
// (blank.html), so it has the popup's origin and process but none of its code, and the
// shipped extension gains no page for the benchmark's sake. Beside it, the floor of any page
// with a script: floor.html, which loads one tiny classic script that adds one line.
//
// Timed in the page itself: a script added to every page before its own (Playwright's init
// script) checks at each animation frame whether the page is ready and keeps the time of the
// first frame it is. The test leaves the page alone until its load event, then asks every
// 50 ms: polling from the test at every frame (Playwright's `polling: 'raf'`), as earlier runs
// did, runs the driver's code in the page while it loads and held the popup's own work back
// (tests/bench/popup-paint.md).
//
// Two storage states, each timed against its own empty-page column: a fresh profile (the
// bundled notes only), and a large archive: 5,000 posts learned from the blog's pages under
// the whole-blog archive's keys (`archive:post:<slug>`) plus a feed cache at its cap. Two
// popup columns in each: the empty query, and a typed query (the popup reopened within the
// saved search's lifetime, so it opens on that query and must search to paint).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import rawNotes from '../../data/notes/notes.json';
import type { Post } from '../../data/notes/schema';
import { pageJs } from '../e2e/support/bundle-sizes';
import { median, percentile, ratioText, writeBenchResult, type BenchTarget } from './results';
import { syntheticArchive } from './search-synthetic';

const built = resolve(process.env.FN_OUT_DIR ?? '.output', 'chrome-mv3');
const copy = mkdtempSync(join(tmpdir(), 'fn-bench-paint-'));
// Alternating loads of each column. 8 keeps `npm run bench` under its 3 minutes (a load costs the
// test about 0.65 s: a new tab, the load, closing it); medians still move by 10–20 % between
// runs, so compare the columns of one run.
const RUNS = Number(process.env.FN_BENCH_POPUP_RUNS ?? 8);
const LARGE = 5000;
const FEED_CAP = 600;
/** The typed query: a word several real posts use, so the large archive matches it often. */
const TYPED = 'sqlite';

afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** storage.local items of a 5,000-post archive: learned posts, and the feed cache at its cap. */
function largeArchiveItems(): Record<string, unknown> {
  const real = (rawNotes as { posts: Post[] }).posts;
  const generated = syntheticArchive(real, real.length + LARGE).slice(real.length);
  const items: Record<string, unknown> = {};
  const at = Date.UTC(2026, 10, 1);
  for (const post of generated)
    items[`archive:post:${post.slug}`] = {
      title: post.title,
      teaser: post.summary.slice(0, 400),
      minutes: post.minutes,
      date: post.date,
      authors: post.authors,
      from: 'index',
      at,
    };
  items['feed:entries'] = generated.slice(0, FEED_CAP).map((post) => ({
    slug: post.slug,
    title: post.title,
    url: post.url,
    date: post.date,
    teaser: post.summary.slice(0, 400),
  }));
  items['feed:meta'] = { lastChecked: at, lastSuccess: at };
  return items;
}

type Column = 'empty' | 'typed' | 'blank' | 'floor';
/** The floor page's one script: one line added, as the popup adds its list. */
const FLOOR_SCRIPT = `const line = document.createElement('p'); line.id = 'floor'; line.textContent = 'Ready'; document.body.append(line);`;

/** What the init script leaves on each extension page's global. */
interface BenchGlobal {
  fnBenchFrames?: Partial<Record<Column, number>>;
}

type Times = Record<Column, number[]>;

interface ChromeApi {
  storage: {
    local: { set: (items: Record<string, unknown>) => Promise<void> };
    session: {
      set: (items: Record<string, unknown>) => Promise<void>;
      remove: (key: string) => Promise<void>;
    };
  };
}

describe('popup paint benchmark', () => {
  it('times popup.html to painted results against an empty extension page', async () => {
    cpSync(built, join(copy, 'chrome-mv3'), { recursive: true });
    writeFileSync(
      join(copy, 'chrome-mv3', 'blank.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body></body></html>',
    );
    writeFileSync(
      join(copy, 'chrome-mv3', 'floor.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><script src="/floor.js"></script></body></html>',
    );
    writeFileSync(join(copy, 'chrome-mv3', 'floor.js'), FLOOR_SCRIPT);
    const { launchWithExtension } = await import('../e2e/support/chromium');
    const browser = await launchWithExtension({ extensionDir: join(copy, 'chrome-mv3') });
    // A page of the extension's own, kept open, that sets up storage between loads.
    let control: Page | undefined;
    const setUp = async (column: Column) => {
      control ??= await browser.openExtensionPage('blank.html');
      await control.evaluate(
        async ({ query, typed }) => {
          const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
          // The popup's saved search (data/search/session.ts): reopened on it when typed.
          if (typed)
            await api.storage.session.set({
              popupSearch: {
                query,
                section: '',
                unreadOnly: false,
                shortOnly: false,
                sort: 'relevance',
                at: Date.now(),
              },
            });
          else await api.storage.session.remove('popupSearch');
        },
        { query: TYPED, typed: column === 'typed' },
      );
    };
    // In every extension page, from before its own scripts: at each animation frame, whether
    // the page is ready for each column, keeping the first frame's time (ms since navigation
    // start). Ready: for the popup, results in the listbox (for the typed query, the query's own
    // results); for the empty page, the document loaded; for the floor page, its line added.
    await browser.context.addInitScript((query) => {
      if (location.protocol !== 'chrome-extension:') return;
      const ready = (column: Column): boolean => {
        if (column === 'blank') return document.readyState === 'complete';
        if (column === 'floor') return document.getElementById('floor') !== null;
        if (document.querySelector('[data-testid=fn-result]') === null) return false;
        if (column === 'empty') return true;
        const input = document.querySelector<HTMLInputElement>('[data-testid=fn-search]');
        const count = document.querySelector('[data-testid=fn-result-count]')?.textContent ?? '';
        return input?.value === query && /match/.test(count);
      };
      const frames: Partial<Record<Column, number>> = {};
      (globalThis as unknown as BenchGlobal).fnBenchFrames = frames;
      const check = () => {
        const now = performance.now();
        for (const column of ['empty', 'typed', 'blank', 'floor'] as const)
          if (frames[column] === undefined && ready(column)) frames[column] = now;
        if (Object.keys(frames).length < 4) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, TYPED);
    // One load: the first frame at which the page was ready, as the page saw it.
    const time = async (column: Column): Promise<number> => {
      await setUp(column);
      const page = await browser.context.newPage();
      const path = column === 'empty' || column === 'typed' ? 'popup.html' : `${column}.html`;
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`, { waitUntil: 'load' });
      const frame = await page.waitForFunction(
        (column) => (globalThis as unknown as BenchGlobal).fnBenchFrames?.[column],
        column,
        { polling: 50 },
      );
      const value = (await frame.jsonValue()) as number;
      await page.close();
      return value;
    };
    const measure = async (columns: Column[]): Promise<Times> => {
      for (const column of columns) await time(column);
      const times: Times = { empty: [], typed: [], blank: [], floor: [] };
      // The columns take turns, each round starting one further on, so none is always first.
      for (let i = 0; i < RUNS; i++)
        for (const column of [
          ...columns.slice(i % columns.length),
          ...columns.slice(0, i % columns.length),
        ])
          times[column].push(await time(column));
      return times;
    };
    try {
      // The floor column once, in the fresh profile: storage does not reach a page without code.
      const fresh = await measure(['empty', 'typed', 'blank', 'floor']);
      await control!.evaluate(async (items) => {
        const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        await api.storage.local.set(items);
      }, largeArchiveItems());
      const large = await measure(['empty', 'typed', 'blank']);
      const gzip = pageJs(built, 'popup.html').gzip;
      const ratio = (times: Times, column: Column) => median(times[column]) / median(times.blank);
      const label: Record<Column, string> = {
        empty: 'popup.html → painted results, empty query',
        typed: `popup.html → painted results, typed query "${TYPED}"`,
        blank: 'empty extension page',
        floor: 'floor: a page with one tiny script → its line painted',
      };
      const row = (state: string, times: Times, column: Column) => [
        state,
        label[column],
        median(times[column]).toFixed(0),
        percentile(times[column], 95).toFixed(0),
        Math.min(...times[column]).toFixed(0),
        column === 'blank' ? '–' : `${ratio(times, column).toFixed(2)}×`,
      ];
      const states: [string, Times, Column[]][] = [
        ['fresh profile', fresh, ['empty', 'typed', 'blank', 'floor']],
        [`${LARGE.toLocaleString('en')}-post archive`, large, ['empty', 'typed', 'blank']],
      ];
      const ratios = states
        .flatMap(([state, times]) =>
          (['empty', 'typed'] as const).map(
            (c) => `${state}, ${c}: ${ratio(times, c).toFixed(2)}×`,
          ),
        )
        .join('; ');
      // Issue 17 item 5 (≤ 1.2× the empty page) and issue 14's bound at 5,000 posts (≤ 1.5×).
      const targets: BenchTarget[] = states.flatMap(([state, times]) =>
        (['empty', 'typed'] as const).flatMap((c) => {
          const r = ratio(times, c);
          const measured = `${r.toFixed(2)}× (${median(times[c]).toFixed(0)} ms against ${median(times.blank).toFixed(0)} ms; the floor page ${ratio(fresh, 'floor').toFixed(2)}×)`;
          const query = c === 'empty' ? 'empty query' : 'typed query';
          const rows: BenchTarget[] = [
            {
              target: `popup painted ≤ 1.2× an empty page, ${state}, ${query} (17.5)`,
              measured,
              ratio: ratioText(r, 1.2),
              met: r <= 1.2,
            },
          ];
          if (times !== fresh)
            rows.push({
              target: `popup painted ≤ 1.5× an empty page at 5,000 posts, ${query} (14)`,
              measured,
              ratio: ratioText(r, 1.5),
              met: r <= 1.5,
            });
          return rows;
        }),
      );
      const load = loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ');
      writeBenchResult(
        'popup-paint',
        [
          {
            title: 'Popup: open to painted results',
            method:
              `Chromium (headless), the built extension; ${RUNS} loads of each column, taking turns (popup with the empty query, popup reopened on a typed query, empty page, and in the fresh profile the floor page; each round starts one column further on), after one warm-up each. Time = ms from navigation start to the first animation frame in which the page is ready: popup.html with results in its listbox (empty query: Start Here and newest posts; typed query: the popup reopened within its saved search's lifetime on "${TYPED}", with that query's results); an empty HTML page at the extension's own origin (blank.html), loaded; and the floor of any page with code, floor.html, whose one tiny classic script adds a line (both written into a temporary copy of the build for this benchmark only). ` +
              `Timed in the page: an init script (run before the page's own) checks at every frame; the test waits for the load event and then asks every 50 ms (earlier runs polled from the test at every frame, which ran the driver's code in the page during its load and made the popup's figures about 50 ms slower, tests/bench/popup-paint.md). ` +
              `Two storage states in one run, each against its own empty-page column: a fresh profile, then ${LARGE.toLocaleString('en')} posts under the whole-blog archive's keys (archive:post:<slug>, generated by tests/bench/search-synthetic.ts) plus a ${FEED_CAP}-entry feed cache (its cap). ` +
              `Popup / empty (medians): ${ratios} (target ≤ 1.2×, issue 17); the floor page: ${ratio(fresh, 'floor').toFixed(2)}×. Load average (1 / 5 / 15 min) at the end: ${load}. Popup JS: ${(gzip / 1024).toFixed(1)} KB gzip (budget 60 KB).`,
            columns: ['storage', 'page', 'median (ms)', 'p95 (ms)', 'min (ms)', 'ratio to empty'],
            rows: states.flatMap(([state, times, columns]) =>
              columns.map((c) => row(state, times, c)),
            ),
          },
        ],
        targets,
      );
      expect(fresh.empty).toHaveLength(RUNS);
      expect(fresh.floor).toHaveLength(RUNS);
      expect(large.typed).toHaveLength(RUNS);
    } finally {
      await browser.close();
    }
    // 7 columns of RUNS + 1 loads: longer than the benchmark config's default on a loaded machine.
  }, 600_000);
});
