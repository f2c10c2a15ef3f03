import { posix } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The content script's boundary. These globs are every file the content script can load: the
// loader, the sidebar's script and everything they import. tests/unit/lint/boundaries.test.ts
// walks the real import graph from both entries and fails when it reaches a file not covered
// here, so add the folder when the content script starts importing from a new one.
const CONTENT_SCRIPT_FILES = [
  'entrypoints/loader.ts',
  'entrypoints/content/**',
  'entrypoints/learn/**',
  'data/archive/known-post.ts',
  'data/archive/learned-schema.ts',
  'data/archive/walk-job.ts',
  'components/sidebar/**',
  'components/common/**',
  'data/sidebar/**',
  'data/shared/**',
  'data/settings/**',
  'data/progress/marks.ts',
  'data/progress/places.ts',
  'data/storage/quarantine.ts',
  'data/storage/set-aside.ts',
  'data/page/**',
  'data/feed/schema.ts',
  'data/feed/feed-post.ts',
  'data/feed/fetch.ts',
];
// Runs in the WXT build (Node), never in the page: it reads the full notes to project them.
// message-schemas.ts holds the background's and pages' full message schemas (the content script
// sends with data/shared/messages.ts alone, and is forbidden to import it below).
const CONTENT_SCRIPT_EXCEPTIONS = [
  'data/sidebar/notes-build-plugin.ts',
  'data/shared/message-schemas.ts',
  'entrypoints/content/own-context-plugin.ts',
  'entrypoints/content/native-browser-plugin.ts',
];

// What the content script must never load (repo paths without extension; `/*` = a folder).
// `types: true` allows `import type` from it: the compiler erases those, nothing is loaded.
const NOT_FOR_THE_CONTENT_SCRIPT = [
  {
    target: 'data/search/*',
    why: 'The search engine (data/search/) belongs to the popup and the background.',
  },
  { target: 'data/notes/schema', why: 'The full notes schema: use data/sidebar/.', types: true },
  { target: 'data/notes/notes', why: 'The full notes: use data/sidebar/ (the sidebar slice).' },
  {
    target: 'data/notes/suggest',
    why: 'The suggested section runs MiniSearch in the background: ask it with fn:suggest-section.',
    types: true,
  },
  { target: 'data/feed/parse', why: 'The feed parser runs in the background only.' },
  { target: 'data/feed/xml', why: 'The feed parser runs in the background only.' },
  { target: 'data/feed/html-text', why: 'The feed parser runs in the background only.' },
  { target: 'data/feed/html-scan', why: 'The feed parser runs in the background only.' },
  { target: 'data/feed/state-schema', why: 'A background-only schema.', types: true },
  {
    target: 'data/shared/message-schemas',
    why: 'The full message schemas belong to the background and the pages.',
    types: true,
  },
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex that matches the specifiers naming a repo path from files in `folder`: the relative
 * path from there (`../feed/parse`, `./parse`) and any path ending in it (`../../data/feed/parse`,
 * an alias), with or without a file extension.
 */
function specifierRegex(folder, target) {
  const isFolder = target.endsWith('/*');
  const path = isFolder ? target.slice(0, -2) : target;
  let relative = posix.relative(folder, path);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const ending = isFolder ? '/[^/]+$' : '(?:\\.[cm]?[jt]sx?|\\.json)?$';
  return `^(?:${escapeRegex(relative)}|(?:.*/)?${escapeRegex(path)})${ending}`;
}

/** One config block per content-script folder, with its own relative spellings forbidden. */
function contentScriptBoundary(glob) {
  const folder = glob.endsWith('/**') ? glob.slice(0, -3) : posix.dirname(glob);
  return {
    name: `content-script-boundary:${glob}`,
    files: [glob],
    ignores: CONTENT_SCRIPT_EXCEPTIONS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NOT_FOR_THE_CONTENT_SCRIPT.map(({ target, why, types = false }) => ({
              regex: specifierRegex(folder, target),
              allowTypeImports: types,
              message: `The content script must not load this. ${why}`,
            })),
            {
              regex: '^minisearch(?:/.*)?$',
              message: "The content script must not load MiniSearch (search is the popup's).",
            },
            {
              regex: '^zod(?:/v3|/v4(?:/classic)?)?$',
              message: "The content script uses 'zod/mini', never full Zod (size budget).",
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'test-results/'] },
  // Deliberate violations that tests/unit/lint/boundaries.test.ts lints on purpose.
  { ignores: ['tests/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Untrusted text (feeds, pages, backups) is read in linear time: no regex may backtrack
  // super-linearly (tests/unit/lint/regexp.test.ts proves the rules fire).
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Style rules of the recommended set that would only churn existing code.
      'regexp/no-unused-capturing-group': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/strict': 'off',
      'regexp/no-contradiction-with-assertion': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never inject HTML built from data: build elements.' },
        { property: 'outerHTML', message: 'Never inject HTML built from data: build elements.' },
        { property: 'insertAdjacentHTML', message: 'Never inject HTML built from data.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never inject HTML built from data: build elements.',
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...CONTENT_SCRIPT_FILES.map(contentScriptBoundary),
  {
    // No import cycles anywhere (resolved through the tsconfig, so `.ts`/`.tsx` and paths work).
    name: 'no-import-cycles',
    files: ['**/*.{js,mjs,ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin follows only .js files and finds no cycle among .ts ones.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
