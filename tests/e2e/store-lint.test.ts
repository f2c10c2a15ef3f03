// Store readiness: `web-ext lint` (addons-linter, what addons.mozilla.org runs) on the Firefox
// build reports no error, and no warning beyond the known harmless ones the README lists.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { outputDir } from './support/bundle-sizes';

const messageSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.optional(z.string()),
});
const reportSchema = z.object({
  summary: z.object({ errors: z.number(), warnings: z.number(), notices: z.number() }),
  errors: z.array(messageSchema),
  warnings: z.array(messageSchema),
});
type LintMessage = z.infer<typeof messageSchema>;

/** Warnings known to be harmless, each with the reason the README gives. */
const HARMLESS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(content-scripts\/content\.js|chunks\/[\w-]+\.js)$/,
    why: "Preact's own dangerouslySetInnerHTML branch; the project never passes that prop (ESLint forbids it)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^loader\.js$/,
    why: "the loader's import() of the extension's own packaged sidebar script, by runtime.getURL",
  },
  {
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'data_collection_permissions is read from Firefox 140; Firefox 128-139 ignore the key',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'the same key on Firefox for Android (read from 142)',
  },
];

const harmless = (w: LintMessage) =>
  HARMLESS.some((h) => h.code === w.code && h.file.test(w.file ?? ''));

let report: z.infer<typeof reportSchema>;
beforeAll(() => {
  const run = spawnSync(
    'npx',
    [
      'web-ext',
      'lint',
      '--source-dir',
      join(outputDir(), 'firefox-mv2'),
      '--no-config-discovery',
      '--output',
      'json',
    ],
    { encoding: 'utf8' },
  );
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  report = reportSchema.parse(JSON.parse(json));
}, 60_000);

describe('web-ext lint on the Firefox build', () => {
  it('reports no error', () => {
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('reports only the known harmless warnings', () => {
    expect(
      report.warnings.filter((w) => !harmless(w)).map((w) => `${w.code} ${w.file ?? ''}`),
    ).toEqual([]);
  });
});
