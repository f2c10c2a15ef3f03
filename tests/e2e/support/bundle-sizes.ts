// Sizes of the built extension, for the budget tests (tests/e2e/budgets.test.ts) and the size
// table of BENCHMARKS.md (tests/bench/bundle-sizes.bench.ts). Everything reads the built output;
// nothing here times anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as z from 'zod/mini';

export const KB = 1024;
export const BUDGETS = {
  /**
   * The content script's JS, which runs on every blog page. Its notes and stylesheet are files
   * it fetches from the extension, measured apart (see BENCHMARKS.md).
   */
  contentScriptGzip: 25 * KB,
  /**
   * The reading chunk (outline, progress, resume), which the sidebar imports after its first
   * paint on post pages (entrypoints/reading/): not part of the first paint, budgeted apart.
   */
  readingChunkGzip: 8 * KB,
  /**
   * The learn chunk (reading post and index pages for the whole-blog archive, the index walk,
   * finding index cards for their marks), imported when the page is idle (entrypoints/learn/).
   */
  learnChunkGzip: 8 * KB,
  /** Each extension page: its entry chunk plus every chunk it imports. */
  pageJsGzip: 60 * KB,
  chromeZip: 200 * KB,
} as const;

/** Gzip size at the level servers and stores typically use (9). */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

const manifestSchema = z.object({
  content_scripts: z.optional(
    z.array(
      z.object({ js: z.optional(z.array(z.string())), css: z.optional(z.array(z.string())) }),
    ),
  ),
  // MV3 lists objects, MV2 plain paths.
  web_accessible_resources: z.optional(
    z.array(z.union([z.string(), z.object({ resources: z.array(z.string()) })])),
  ),
});

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

function sizeOf(dir: string, file: string): FileSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSize(bytes) };
}

/** The reading chunk as built (entrypoints/reading/, web-accessible, imported after paint). */
export const READING_CHUNK = 'reading.js';

/** The reading chunk's size. */
export function readingChunkFile(dir: string): FileSize {
  return sizeOf(dir, READING_CHUNK);
}

/** The learn chunk as built (entrypoints/learn/, web-accessible, imported when idle). */
export const LEARN_CHUNK = 'learn.js';

/** The learn chunk's size. */
export function learnChunkFile(dir: string): FileSize {
  return sizeOf(dir, LEARN_CHUNK);
}

/** The content scripts' first-paint JS and CSS files (the reading and learn chunks are measured apart). */
export function contentScriptFiles(dir: string): { js: FileSize[]; css: FileSize[] } {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
  );
  const scripts = manifest.content_scripts ?? [];
  const unique = (files: string[]) => [...new Set(files)].map((f) => sizeOf(dir, f));
  // The manifest's scripts, and the web-accessible scripts they import (the loader imports the
  // sidebar's script): all of it runs on every blog page.
  const imported = (manifest.web_accessible_resources ?? [])
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources))
    .filter((file) => file.endsWith('.js') && file !== READING_CHUNK && file !== LEARN_CHUNK);
  const js = [...scripts.flatMap((s) => s.js ?? []), ...imported];
  return {
    js: unique(js),
    // With cssInjectionMode 'ui' the styles are not in the manifest: the sidebar loads its
    // script's sibling .css into the shadow root.
    css: unique([
      ...scripts.flatMap((s) => s.css ?? []),
      ...js.map((f) => f.replace(/\.js$/, '.css')).filter((f) => existsSync(join(dir, f))),
    ]),
  };
}

/** Static imports of an ES module chunk (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /\bimport(?:[\w$*{}\s,]+?from)?\s*["'`]([^"'`]+\.js)["'`]/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  // Re-exports: export { a } from "./x.js" / export * from "./x.js"
  for (const match of code.matchAll(/\bexport\s*(?:\*|{[^}]*})\s*from\s*["'`]([^"'`]+\.js)["'`]/g))
    found.add(match[1]!);
  return [...found];
}

/** Resolve a module specifier of a file in the build to a path relative to the build root. */
function resolveInBuild(fromFile: string, specifier: string): string {
  if (specifier.startsWith('/')) return specifier.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

export interface PageJs {
  page: string;
  files: FileSize[];
  gzip: number;
  raw: number;
}

/** An extension page's JS: the module scripts of its HTML and everything they import. */
export function pageJs(dir: string, page: string): PageJs {
  const html = readFileSync(join(dir, page), 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) =>
    resolveInBuild(page, m[1]!),
  );
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(join(dir, file))) throw new Error(`${page} loads ${file}, which is not built`);
    seen.add(file);
    for (const spec of staticImports(readFileSync(join(dir, file), 'utf8')))
      queue.push(resolveInBuild(file, spec));
  }
  const files = [...seen].sort().map((f) => sizeOf(dir, f));
  return {
    page,
    files,
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    raw: files.reduce((n, f) => n + f.raw, 0),
  };
}

/** The HTML pages at the root of a build (popup.html, options.html, notes.html, …). */
export function extensionPages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

/** The entries of a zip file, from its central directory (no compression library needed). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface StoreZips {
  /** The folder the zips and their builds were written to (a fresh temp folder). */
  outDir: string;
  chromeZip: string;
  firefoxZip: string;
  sourcesZip: string;
}

/**
 * Run `wxt zip` for both browsers, exactly as `npm run zip` does, into a fresh temp folder (so
 * the shared .output is untouched). Takes about 10-20 s.
 */
export function makeStoreZips(): StoreZips {
  const outDir = mkdtempSync(join(tmpdir(), 'fn-zips-'));
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
    const run = spawnSync('npx', ['wxt', ...args], {
      env: { ...process.env, FN_OUT_DIR: outDir },
      encoding: 'utf8',
    });
    if (run.status !== 0)
      throw new Error(`wxt ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
  const find = (suffix: string) => {
    const name = readdirSync(outDir).find((f) => f.endsWith(suffix));
    if (!name) throw new Error(`wxt zip wrote no *${suffix} in ${outDir}`);
    return join(outDir, name);
  };
  return {
    outDir,
    chromeZip: find('-chrome.zip'),
    firefoxZip: find('-firefox.zip'),
    sourcesZip: find('-sources.zip'),
  };
}

/** Files a store zip must never carry: source maps, tests, fixtures, TypeScript sources. */
export function forbiddenInStoreZip(name: string): boolean {
  return (
    /\.map$/i.test(name) ||
    /(^|\/)(tests?|__tests__|fixtures|e2e)\//i.test(name) ||
    /\.(test|spec|bench)\.[cm]?[jt]sx?$/i.test(name) ||
    /\.tsx?$/i.test(name) ||
    /sourceMappingURL/.test(name)
  );
}

/** Whether a built file points at a source map (a `//# sourceMappingURL=` comment). */
export function mentionsSourceMap(dir: string, file: string): boolean {
  if (!/\.(js|css)$/.test(file)) return false;
  return /[#@]\s*sourceMappingURL=/.test(readFileSync(join(dir, file), 'utf8'));
}

/** Where the built extension is (FN_OUT_DIR, default .output). */
export function outputDir(): string {
  return resolve(process.env.FN_OUT_DIR ?? '.output');
}

export const formatKb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
