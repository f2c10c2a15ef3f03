// Property-based tests of the import parser: any text in, no throw, either a backup whose every
// mark and setting is valid or a plain-words error; and export → import gives the marks back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupJson,
  parseBackup,
} from '../../../data/progress/backup';
import { DEFAULT_PREFS, prefsSchema } from '../../../data/settings/prefs';
import { markSchema, markWaySchema, type Mark } from '../../../data/progress/marks';
import { slugSchema } from '../../../data/notes/schema';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const RUNS = { numRuns: 300 };

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,8}){0,3}$/);
const mark: fc.Arbitrary<Mark> = fc.record({
  read: fc.boolean(),
  at: fc.integer({ min: 0, max: NOW }),
  via: fc.constantFrom(...markWaySchema.options),
});
const progress = fc.dictionary(slug, mark, { maxKeys: 40 });

/** JSON that is almost a backup: the right head with arbitrary (often wrong) parts. */
const nearBackup = fc
  .record({
    format: fc.oneof(fc.constant(BACKUP_FORMAT), fc.jsonValue()),
    version: fc.oneof(fc.constant(BACKUP_VERSION), fc.jsonValue()),
    exportedAt: fc.oneof(fc.constant('2026-01-01T00:00:00.000Z'), fc.jsonValue()),
    marks: fc.oneof(
      fc.array(
        fc.record({
          slug: fc.oneof(slug, fc.string()),
          read: fc.oneof(fc.boolean(), fc.jsonValue()),
          at: fc.oneof(
            fc.integer({ min: 0, max: NOW }).map((n) => new Date(n).toISOString()),
            fc.jsonValue(),
          ),
          via: fc.oneof(fc.constantFrom(...markWaySchema.options), fc.string()),
        }),
        { maxLength: 6 },
      ),
      fc.jsonValue(),
    ),
    prefs: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
  })
  .map((value) => JSON.stringify(value));

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.json(),
  nearBackup,
  fc.constantFrom(
    '',
    '\uFEFF',
    'null',
    '[]',
    '{"__proto__":{"polluted":true},"format":"fly-field-notes-backup"}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  ),
);

describe('parseBackup, for any text', () => {
  it('never throws; ok gives only valid marks and settings, otherwise a plain error', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseBackup(text, NOW);
        if (!result.ok) {
          expect(typeof result.error).toBe('string');
          expect(result.error.trim().length).toBeGreaterThan(0);
          return;
        }
        for (const [key, value] of Object.entries(result.backup.marks)) {
          expect(slugSchema.safeParse(key).success).toBe(true);
          expect(markSchema.safeParse(value).success).toBe(true);
        }
        expect(z.partial(prefsSchema).safeParse(result.backup.prefs).success).toBe(true);
        expect(Number.isFinite(result.backup.exportedAt)).toBe(true);
      }),
      RUNS,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives back exactly the marks and settings that were exported', () => {
    fc.assert(
      fc.property(progress, fc.boolean(), (marks, autoMark) => {
        const prefs = { ...DEFAULT_PREFS, autoMark };
        const result = parseBackup(backupJson(marks, prefs, NOW), NOW);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect({ ...result.backup.marks }).toEqual(marks);
        expect(result.backup.prefs).toEqual(prefs);
      }),
      RUNS,
    );
  });
});
