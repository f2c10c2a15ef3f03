// @vitest-environment node
// The lint rules that keep the code's shape (eslint.config.js): the content script's import
// boundary and no import cycles. Each rule is shown failing on a deliberate violation, through
// ESLint's own Node API with the project's real config; and the boundary's globs are checked
// against the real import graph of the content script, so the boundary cannot silently shrink.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { reachableFiles, runtimeSpecifiers } from './import-graph';

const ROOT = resolve(import.meta.dirname, '../../..');
const BOUNDARY_RULE = '@typescript-eslint/no-restricted-imports';
const CYCLE_RULE = 'import-x/no-cycle';
/** The two files the content script starts from: the manifest's loader and the sidebar script. */
const CONTENT_ENTRIES = ['entrypoints/content/index.tsx', 'entrypoints/loader.ts'];
/** Files the content script must never load (a sample of the forbidden list, one per kind). */
const NEVER_LOADED = [
  'data/search/engine.ts',
  'data/notes/schema.ts',
  'data/notes/notes.ts',
  'data/notes/notes.json',
  'data/notes/suggest.ts',
  'data/feed/parse.ts',
  'data/feed/xml.ts',
  'data/feed/html-text.ts',
  'data/feed/state-schema.ts',
];

// ESLint loads the TypeScript parser and resolver on first use: slow on a busy machine.
const LINT_TIMEOUT = { timeout: 120_000 };

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
}, LINT_TIMEOUT.timeout);

/** The rule ids of the errors ESLint reports for this code at this path. */
async function errorsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe("the content script's import boundary", LINT_TIMEOUT, () => {
  it('fails a content-script import of MiniSearch', async () => {
    const code = "import MiniSearch from 'minisearch';\n\nexport const engine = MiniSearch;\n";
    expect(await errorsFor(code, 'entrypoints/content/example.ts')).toEqual([BOUNDARY_RULE]);
  });

  it("fails a content-script import of full Zod, and allows 'zod/mini'", async () => {
    const full = "import * as z from 'zod';\n\nexport const text = z.string();\n";
    expect(await errorsFor(full, 'entrypoints/content/example.ts')).toEqual([BOUNDARY_RULE]);
    const mini = "import * as z from 'zod/mini';\n\nexport const text = z.string();\n";
    expect(await errorsFor(mini, 'entrypoints/content/example.ts')).toEqual([]);
  });

  it('fails the search engine, the full notes and the feed parser however the path is spelt', async () => {
    const cases: [file: string, specifier: string][] = [
      ['components/sidebar/Example.tsx', '../../data/search/engine'],
      ['data/sidebar/example.ts', '../search/text'],
      ['data/shared/example.ts', '../notes/notes.json'],
      ['data/settings/example.ts', '../notes/schema.ts'],
      ['data/feed/schema.ts', './parse'],
      ['data/feed/feed-post.ts', './xml'],
      ['entrypoints/content/example.ts', '../../data/feed/html-text'],
      ['entrypoints/content/outline/example.ts', '../../../data/notes/notes'],
    ];
    for (const [file, specifier] of cases) {
      const code = `import * as forbidden from '${specifier}';\n\nexport const value = forbidden;\n`;
      // (./parse from data/feed/schema.ts is also a cycle: parse imports schema.)
      expect(await errorsFor(code, file), `${specifier} from ${file}`).toContain(BOUNDARY_RULE);
    }
  });

  it('allows type-only imports of the background-only state schema, not its values', async () => {
    const typeOnly =
      "import type { FeedMeta } from './state-schema';\n\nexport type Meta = FeedMeta;\n";
    expect(await errorsFor(typeOnly, 'data/feed/fetch.ts')).toEqual([]);
    const value =
      "import { feedStateSchema } from './state-schema';\n\nexport const schema = feedStateSchema;\n";
    expect(await errorsFor(value, 'data/feed/fetch.ts')).toEqual([BOUNDARY_RULE]);
  });

  it('fails a content-script import of the suggested section (MiniSearch), allows its types', async () => {
    const value =
      "import { suggestSection } from '../../data/notes/suggest';\n\nexport const suggest = suggestSection;\n";
    expect(await errorsFor(value, 'components/sidebar/Example.tsx')).toEqual([BOUNDARY_RULE]);
    const typeOnly =
      "import type { SectionSuggestion } from '../../data/notes/suggest';\n\nexport type S = SectionSuggestion;\n";
    expect(await errorsFor(typeOnly, 'components/sidebar/Example.tsx')).toEqual([]);
  });

  it('leaves code outside the content script free to import them', async () => {
    const code = "import MiniSearch from 'minisearch';\n\nexport const engine = MiniSearch;\n";
    expect(await errorsFor(code, 'entrypoints/background/example.ts')).toEqual([]);
  });

  it("covers every file the content script's entries reach through their imports", async () => {
    const reached = reachableFiles(ROOT, CONTENT_ENTRIES);
    // The walk itself is sound: it finds the entries and files deep in the graph.
    expect(reached).toEqual(
      expect.arrayContaining([...CONTENT_ENTRIES, 'data/progress/marks.ts', 'data/shared/slug.ts']),
    );
    const uncovered: string[] = [];
    for (const file of reached.filter((f) => /\.tsx?$/.test(f))) {
      const config = (await eslint.calculateConfigForFile(file)) as {
        rules?: Record<string, unknown>;
      };
      const boundary = JSON.stringify(config.rules?.[BOUNDARY_RULE] ?? null);
      if (!boundary.includes('minisearch')) uncovered.push(file);
    }
    expect(uncovered, 'add these to CONTENT_SCRIPT_FILES in eslint.config.js').toEqual([]);
    expect(reached.filter((file) => NEVER_LOADED.includes(file))).toEqual([]);
  });

  it('walks run-time imports only: `import type` and `export type` load nothing', () => {
    const code = [
      "import type { A } from './types-only';",
      "export type { B } from './types-too';",
      "import { type C } from './kept-under-verbatim-module-syntax';",
      "import { d } from './value';",
      "import './side-effect.css';",
      "export { e } from './re-export';",
      "const lazy = () => import('./lazy-chunk');",
    ].join('\n');
    expect(runtimeSpecifiers('example.ts', code).sort()).toEqual([
      './kept-under-verbatim-module-syntax',
      './lazy-chunk',
      './re-export',
      './side-effect.css',
      './value',
    ]);
  });

  it('passes on the files the content script loads today', async () => {
    const reached = reachableFiles(ROOT, CONTENT_ENTRIES).filter((f) => /\.tsx?$/.test(f));
    const results = await eslint.lintFiles(reached);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(errors).toEqual([]);
  });
});

describe('import cycles', LINT_TIMEOUT, () => {
  it('fails two files that import each other', async () => {
    const fixtures = ['tests/fixtures/lint/cycle-a.ts', 'tests/fixtures/lint/cycle-b.ts'];
    // The fixtures sit outside the normal lint; this run lints them on purpose.
    const results = await new ESLint({ cwd: ROOT, ignore: false }).lintFiles(fixtures);
    expect(results).toHaveLength(2);
    for (const result of results) {
      const rules = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
      expect(rules, result.filePath).toEqual([CYCLE_RULE]);
    }
  });

  it('passes a file whose imports form no cycle', async () => {
    const code = "import { slugSchema } from './slug';\n\nexport const schema = slugSchema;\n";
    expect(await errorsFor(code, 'data/shared/example.ts')).toEqual([]);
  });
});
