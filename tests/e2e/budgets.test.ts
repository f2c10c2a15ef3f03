// Size budgets, enforced on the built output (not on timings): the content script, each
// extension page's JS, the Chrome store zip; and no source maps or test files in either zip.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  contentScriptFiles,
  extensionPages,
  filesUnder,
  forbiddenInStoreZip,
  formatKb,
  mentionsSourceMap,
  outputDir,
  pageJs,
  learnChunkFile,
  readingChunkFile,
  zipEntries,
  makeStoreZips,
  type StoreZips,
} from './support/bundle-sizes';

const builds = ['chrome-mv3', 'firefox-mv2'].map((name) => ({
  name,
  dir: join(outputDir(), name),
}));

describe.each(builds)('the built $name', ({ dir }) => {
  it(`has a content script of at most ${formatKb(BUDGETS.contentScriptGzip)} gzip`, () => {
    const { js } = contentScriptFiles(dir);
    expect(js.length).toBeGreaterThan(0);
    const gzip = js.reduce((n, f) => n + f.gzip, 0);
    expect(gzip, `content script JS is ${formatKb(gzip)} gzip`).toBeLessThanOrEqual(
      BUDGETS.contentScriptGzip,
    );
  });

  it(`has a reading chunk (outline, progress, resume) of at most ${formatKb(BUDGETS.readingChunkGzip)} gzip`, () => {
    const chunk = readingChunkFile(dir);
    expect(chunk.gzip, `reading.js is ${formatKb(chunk.gzip)} gzip`).toBeGreaterThan(0);
    expect(chunk.gzip, `reading.js is ${formatKb(chunk.gzip)} gzip`).toBeLessThanOrEqual(
      BUDGETS.readingChunkGzip,
    );
    // It is imported after the sidebar paints, never listed as a content script itself.
    expect(contentScriptFiles(dir).js.map((f) => f.file)).not.toContain(chunk.file);
  });

  it(`has a learn chunk (page reading, index walk, card finding) of at most ${formatKb(BUDGETS.learnChunkGzip)} gzip`, () => {
    const chunk = learnChunkFile(dir);
    expect(chunk.gzip, `learn.js is ${formatKb(chunk.gzip)} gzip`).toBeGreaterThan(0);
    expect(chunk.gzip, `learn.js is ${formatKb(chunk.gzip)} gzip`).toBeLessThanOrEqual(
      BUDGETS.learnChunkGzip,
    );
    // It is imported when the page is idle, never listed as a content script itself.
    expect(contentScriptFiles(dir).js.map((f) => f.file)).not.toContain(chunk.file);
  });

  it(`loads at most ${formatKb(BUDGETS.pageJsGzip)} gzip of JS on each extension page`, () => {
    const pages = extensionPages(dir);
    expect(pages).toContain('popup.html');
    for (const page of pages) {
      const js = pageJs(dir, page);
      expect(js.files.length, `${page} loads no script`).toBeGreaterThan(0);
      expect(js.gzip, `${page} loads ${formatKb(js.gzip)} gzip of JS`).toBeLessThanOrEqual(
        BUDGETS.pageJsGzip,
      );
    }
  });

  it('ships no source maps', () => {
    const files = filesUnder(dir);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => mentionsSourceMap(dir, f))).toEqual([]);
  });
});

describe('the store zips (wxt zip, as npm run zip makes them)', () => {
  let zips: StoreZips;
  beforeAll(() => {
    zips = makeStoreZips();
  }, 120_000);
  afterAll(() => {
    if (zips) rmSync(zips.outDir, { recursive: true, force: true });
  });

  it(`the Chrome zip is at most ${formatKb(BUDGETS.chromeZip)}`, () => {
    const size = readFileSync(zips.chromeZip).length;
    expect(size, `the Chrome zip is ${formatKb(size)}`).toBeLessThanOrEqual(BUDGETS.chromeZip);
  });

  it.each([
    ['Chrome', 'chromeZip', 'chrome-mv3'],
    ['Firefox', 'firefoxZip', 'firefox-mv2'],
  ] as const)(
    'the %s zip holds exactly its build, with no source maps or test files',
    (_, key, build) => {
      const names = zipEntries(readFileSync(zips[key]))
        .map((e) => e.name)
        .filter((n) => !n.endsWith('/'));
      expect(names).toContain('manifest.json');
      expect(names.filter(forbiddenInStoreZip)).toEqual([]);
      expect([...names].sort()).toEqual(filesUnder(join(zips.outDir, build)));
    },
  );

  it('the sources zip carries what a reviewer needs to rebuild, and no build output', () => {
    const names = zipEntries(readFileSync(zips.sourcesZip)).map((e) => e.name);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md'])
      expect(names).toContain(needed);
    expect(names.some((n) => n.startsWith('entrypoints/'))).toBe(true);
    expect(names.filter((n) => /^(node_modules|\.output[^/]*|\.wxt)\//.test(n))).toEqual([]);
  });
});
