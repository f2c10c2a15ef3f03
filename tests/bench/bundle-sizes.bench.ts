// Sizes of the built extension against their budgets, for BENCHMARKS.md. The same budgets are
// enforced by tests/e2e/budgets.test.ts; this file only reports them.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  BUDGETS,
  contentScriptFiles,
  extensionPages,
  formatKb,
  gzipSize,
  makeStoreZips,
  outputDir,
  pageJs,
} from '../e2e/support/bundle-sizes';
import { SIDEBAR_NOTES_FILE } from '../../data/sidebar/notes-projection';
import { writeBenchResult, type BenchTable } from './results';

/**
 * The store zips: those `npm run zip` left beside the build (`npm run bench` builds that way) when
 * they are at least as new as the build they zip, else made afresh in a temporary folder
 * (makeStoreZips, 10–20 s), so a build made after the zips never reports stale ones.
 */
function storeZips(): { chromeZip: string; firefoxZip: string; sourcesZip: string; made?: string } {
  const dir = outputDir();
  const newest = (suffix: string, build: string) => {
    const built = statSync(join(dir, build, 'manifest.json'), { throwIfNoEntry: false });
    const zips = readdirSync(dir)
      .filter((f) => f.endsWith(suffix))
      .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    return built && zips[0] && zips[0].at >= built.mtimeMs ? zips[0].path : undefined;
  };
  const chromeZip = newest('-chrome.zip', 'chrome-mv3');
  const firefoxZip = newest('-firefox.zip', 'firefox-mv2');
  const sourcesZip = newest('-sources.zip', 'firefox-mv2');
  if (chromeZip && firefoxZip && sourcesZip) return { chromeZip, firefoxZip, sourcesZip };
  // Vitest sets NODE_ENV=test, and a build under it is not the shipped one (its Chrome zip came
  // out 4.4 KB larger): made without it, as `npm run zip` would.
  const nodeEnv = process.env.NODE_ENV;
  delete process.env.NODE_ENV;
  try {
    const made = makeStoreZips();
    return { ...made, made: made.outDir };
  } finally {
    if (nodeEnv !== undefined) process.env.NODE_ENV = nodeEnv;
  }
}

const verdict = (size: number, budget: number) =>
  size <= budget
    ? `within (${Math.round((size / budget) * 100)} %)`
    : `**over** by ${formatKb(size - budget)}`;

it('measures the built output against its budgets', () => {
  const rows: (string | number)[][] = [];
  for (const build of ['chrome-mv3', 'firefox-mv2']) {
    const dir = join(outputDir(), build);
    const content = contentScriptFiles(dir);
    const js = content.js.reduce((n, f) => n + f.gzip, 0);
    const raw = content.js.reduce((n, f) => n + f.raw, 0);
    rows.push([
      build,
      'content script JS',
      formatKb(raw),
      formatKb(js),
      formatKb(BUDGETS.contentScriptGzip),
      verdict(js, BUDGETS.contentScriptGzip),
    ]);
    const css = content.css.reduce((n, f) => n + f.gzip, 0);
    rows.push([
      build,
      'content script CSS',
      formatKb(content.css.reduce((n, f) => n + f.raw, 0)),
      formatKb(css),
      '–',
      '–',
    ]);
    // The notes the content script fetches at start (data/sidebar/notes-file.ts): data, not code.
    const notesFile = readFileSync(join(dir, SIDEBAR_NOTES_FILE));
    rows.push([
      build,
      'content script notes (JSON, fetched)',
      formatKb(notesFile.length),
      formatKb(gzipSize(notesFile)),
      '–',
      '–',
    ]);
    for (const page of extensionPages(dir)) {
      const p = pageJs(dir, page);
      rows.push([
        build,
        `${page} JS (${p.files.length} files)`,
        formatKb(p.raw),
        formatKb(p.gzip),
        formatKb(BUDGETS.pageJsGzip),
        verdict(p.gzip, BUDGETS.pageJsGzip),
      ]);
    }
  }
  const zips = storeZips();
  try {
    for (const [name, path, budget] of [
      ['Chrome store zip', zips.chromeZip, BUDGETS.chromeZip],
      ['Firefox store zip', zips.firefoxZip, undefined],
      ['Firefox sources zip', zips.sourcesZip, undefined],
    ] as const) {
      const size = readFileSync(path).length;
      rows.push([
        'zip',
        name,
        formatKb(size),
        '–',
        budget ? formatKb(budget) : '–',
        budget ? verdict(size, budget) : '–',
      ]);
    }
  } finally {
    if (zips.made) rmSync(zips.made, { recursive: true, force: true });
  }
  const table: BenchTable = {
    title: 'Bundle sizes against their budgets',
    method:
      'Sizes of the production build and of the store zips, as `npm run zip` makes them (which builds first; `npm run bench` runs it). ' +
      'Earlier runs zipped a build made under Vitest (NODE_ENV=test), whose Chrome zip was 4.4 KB larger than the shipped one. ' +
      "Gzip is level 9 per file; a page's JS is its entry chunk plus every chunk it imports statically. " +
      'tests/e2e/budgets.test.ts fails the test suite when a budget is exceeded.',
    columns: ['build', 'what', 'raw', 'gzip', 'budget', 'verdict'],
    rows,
  };
  writeBenchResult('bundle-sizes', [table]);
  console.log(rows.map((r) => r.join(' | ')).join('\n'));
  expect(rows.length).toBeGreaterThan(4);
}, 120_000);
