import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupJson,
  MAX_BACKUP_BYTES,
  parseBackup,
  planImport,
  type Backup,
} from '../../../data/progress/backup';
import { fieldNotes } from '../../../data/notes/notes';
import { DEFAULT_PREFS } from '../../../data/settings/prefs';
import type { Mark, Progress } from '../../../data/progress/marks';
import { importCases } from '../../fixtures/imports/cases';

const dir = join(import.meta.dirname, '../../fixtures/imports');
const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const known = new Set(fieldNotes().posts.map((p) => p.slug));
const mark = (at: string, read = true, via: Mark['via'] = 'button'): Mark => ({
  read,
  at: Date.parse(at),
  via,
});

describe('import files', () => {
  it('has a case for every fixture file, and at least 20 refusals', () => {
    const files = readdirSync(dir).filter((f) => /\.(json|txt)$/.test(f));
    expect(importCases.map((c) => c.file).sort()).toEqual(files.sort());
    expect(importCases.filter((c) => 'error' in c).length).toBeGreaterThanOrEqual(20);
  });

  for (const c of importCases) {
    it(`${c.file}: ${'error' in c ? 'refused with a clear message' : 'accepted'}`, () => {
      const result = parseBackup(readFileSync(join(dir, c.file), 'utf8'), NOW);
      if ('error' in c) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(c.error);
      } else {
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(Object.keys(result.backup.marks)).toHaveLength(c.accepted.marks);
        expect(result.backup.ignoredSettings).toEqual(c.accepted.ignoredSettings);
        const plan = planImport({}, result.backup, known, DEFAULT_PREFS);
        expect(plan.unknown).toEqual(c.accepted.unknown);
        // Unknown slugs are imported, not dropped.
        expect(Object.keys(plan.writes).sort()).toEqual(Object.keys(result.backup.marks).sort());
      }
    });
  }

  it('refuses a 10 MB file without parsing it', () => {
    const huge = `{"format":"fly-field-notes-backup","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    expect(huge.length).toBeGreaterThan(MAX_BACKUP_BYTES);
    const result = parseBackup(huge, NOW);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/10\.0 MB; a backup is at most 5\.0 MB/),
    });
  });

  it('does not pollute Object.prototype whatever the file holds', () => {
    for (const c of importCases) parseBackup(readFileSync(join(dir, c.file), 'utf8'), NOW);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists at most five problems and counts the rest', () => {
    const marks = Array.from({ length: 8 }, (_, i) => ({
      slug: `p${i}`,
      read: 'no',
      at: 1,
      via: 'x',
    }));
    const text = JSON.stringify({
      format: 'fly-field-notes-backup',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      marks,
    });
    const result = parseBackup(text, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/and 19 more problems\.$/);
  });
});

describe('export and import round trip', () => {
  it('gives back the same marks, times, ways and settings', () => {
    const progress: Progress = {
      corrosion: mark('2026-03-02T10:00:00.123Z'),
      'kurt-got-got': mark('2026-03-03T11:00:00.000Z', false, 'popup'),
      'a-post-from-the-feed': mark('2026-03-04T12:00:00.000Z', true, 'auto'),
    };
    const prefs = { ...DEFAULT_PREFS, sidebarSide: 'left' as const, autoMark: true };
    const result = parseBackup(backupJson(progress, prefs, NOW), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ ...result.backup.marks }).toEqual(progress);
    expect(result.backup.prefs).toEqual(prefs);
    expect(result.backup.exportedAt).toBe(NOW);
  });
});

describe('planImport', () => {
  const backup = (marks: Record<string, Mark>, prefs: Backup['prefs'] = {}): Backup => ({
    exportedAt: NOW,
    marks,
    prefs,
    ignoredSettings: [],
  });

  it('adds new marks, keeps unchanged, and resolves conflicts by the later mark', () => {
    const current: Progress = {
      corrosion: mark('2026-03-01T00:00:00Z'),
      'kurt-got-got': mark('2026-03-05T00:00:00Z', false),
      'litestream-vfs': mark('2026-03-01T00:00:00Z', true),
      'operationalizing-macaroons': mark('2026-03-01T00:00:00Z', true),
    };
    const plan = planImport(
      current,
      backup(
        {
          corrosion: mark('2026-02-01T00:00:00Z'), // same state: unchanged
          'kurt-got-got': mark('2026-03-02T00:00:00Z', true), // ours is later: kept
          'litestream-vfs': mark('2026-03-09T00:00:00Z', false), // theirs is later: updated
          'kamal-in-production': mark('2026-03-02T00:00:00Z'), // new
        },
        { sidebarSide: 'left', badge: true },
      ),
      known,
      DEFAULT_PREFS,
    );
    expect(plan.added.map((c) => c.slug)).toEqual(['kamal-in-production']);
    expect(plan.unchanged).toEqual(['corrosion']);
    expect(plan.kept.map((c) => c.slug)).toEqual(['kurt-got-got']);
    expect(plan.updated.map((c) => c.slug)).toEqual(['litestream-vfs']);
    expect(Object.keys(plan.writes).sort()).toEqual(['kamal-in-production', 'litestream-vfs']);
    expect(plan.writes['litestream-vfs']).toEqual(mark('2026-03-09T00:00:00Z', false));
    expect(plan.prefs).toEqual([{ name: 'sidebarSide', from: 'right', to: 'left' }]);
    // Marks not in the file are left alone.
    expect(plan.writes['operationalizing-macaroons']).toBeUndefined();
  });

  it('keeps ours on an exact tie', () => {
    const current: Progress = { corrosion: mark('2026-03-01T00:00:00Z', true) };
    const plan = planImport(
      current,
      backup({ corrosion: mark('2026-03-01T00:00:00Z', false) }),
      known,
      DEFAULT_PREFS,
    );
    expect(plan.kept).toHaveLength(1);
    expect(plan.writes).toEqual({});
  });
});
