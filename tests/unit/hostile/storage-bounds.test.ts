// Issue 13 item 4: one backup cannot fill the browser's storage. Slugs and every stored string
// are bounded at the schema; an import whose write fails says so and changes nothing; the
// options page can say how much storage is used (data/storage/usage.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { MAX_SLUG_CHARS, slugSchema } from '../../../data/shared/slug';
import {
  applyImport,
  BACKUP_FORMAT,
  ImportApplyError,
  parseBackup,
  type Backup,
} from '../../../data/progress/backup';
import { loadProgress, markSchema } from '../../../data/progress/marks';
import {
  loadQuarantine,
  MAX_QUARANTINE_KEY_CHARS,
  MAX_QUARANTINE_VALUE_CHARS,
  setAside,
} from '../../../data/storage/quarantine';
import { countBytes, loadStorageUsage, usageText } from '../../../data/storage/usage';
import { PREFS_KEY } from '../../../data/settings/prefs';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const all = () => browser.storage.local.get(null);
const backupText = (marks: unknown[], prefs?: Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: '2026-05-01T00:00:00.000Z',
    marks,
    ...(prefs ? { prefs } : {}),
  });
const mark = (slug: string) => ({
  slug,
  read: true,
  at: '2026-04-01T00:00:00.000Z',
  via: 'button',
});

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('slugs are bounded', () => {
  it(`accepts ${MAX_SLUG_CHARS} characters and refuses more, with a message`, () => {
    expect(slugSchema.safeParse('a'.repeat(MAX_SLUG_CHARS)).success).toBe(true);
    const long = slugSchema.safeParse('a'.repeat(MAX_SLUG_CHARS + 1));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('a slug of at most 200 characters');
  });

  it('refuses a backup whose one mark has a 4.9 MB slug, saying why', () => {
    const result = parseBackup(backupText([mark('a'.repeat(4_900_000))]), NOW);
    expect(result).toEqual({
      ok: false,
      error: 'The backup has a problem: marks[0].slug is too long (at most 200 characters).',
    });
  });

  it('refuses a setting name of any length and more marks than a backup holds', () => {
    const name = parseBackup(backupText([], { ['x'.repeat(5000)]: true }), NOW);
    expect(name.ok).toBe(false);
    const many = Array.from({ length: 10_001 }, (_, i) => mark(`post-${i}`));
    const tooMany = parseBackup(backupText(many), NOW);
    expect(tooMany.ok ? '' : tooMany.error).toContain('holds more than 10000 entries');
  });
});

describe('quarantine records are bounded', () => {
  it('keeps a shortened key and the start of a huge value', async () => {
    const key = `read:${'a'.repeat(4_900_000)}`;
    await setAside(key, { read: 'x'.repeat(1_000_000) }, 'not a valid mark', { now: 5 });
    const [entry] = await loadQuarantine();
    expect(entry?.key.length).toBeLessThanOrEqual(MAX_QUARANTINE_KEY_CHARS);
    expect(entry?.id.length).toBeLessThan(MAX_QUARANTINE_KEY_CHARS + 40);
    expect(typeof entry?.value).toBe('string');
    expect(String(entry?.value).length).toBe(MAX_QUARANTINE_VALUE_CHARS);
    expect(entry?.reason).toBe('not a valid mark (cut short)');
    expect(countBytes(await all())).toBeLessThan(100_000);
  });
});

describe('an import whose write fails', () => {
  const backup: Backup = {
    exportedAt: NOW,
    marks: {
      corrosion: { read: true, at: NOW - 10, via: 'import' },
      'kurt-got-got': { read: true, at: NOW - 10, via: 'import' },
    },
    prefs: { autoMark: true },
    ignoredSettings: [],
  };
  const known = new Set(['corrosion', 'kurt-got-got']);

  it('throws a plain message on a quota error and leaves storage as it was', async () => {
    await browser.storage.local.set({ 'read:corrosion': { read: false, at: 1, via: 'button' } });
    const before = await all();
    const set = browser.storage.local.set.bind(browser.storage.local);
    // A browser that wrote part of the items before failing: the rest must be rolled back.
    vi.spyOn(browser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await set(Object.fromEntries(Object.entries(items).slice(0, 1)));
      throw new Error('Resource::kQuotaBytes quota exceeded');
    });
    const applying = applyImport(backup, known);
    await expect(applying).rejects.toBeInstanceOf(ImportApplyError);
    await expect(applying).rejects.toThrow(/storage for the extension is full/);
    expect(await all()).toEqual(before);
  });

  it('writes marks and settings in one call when it works', async () => {
    const set = vi.spyOn(browser.storage.local, 'set');
    await applyImport(backup, known);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(await loadProgress()).sort()).toEqual(['corrosion', 'kurt-got-got']);
    expect(markSchema.safeParse((await all())['read:corrosion']).success).toBe(true);
    expect((await all())[PREFS_KEY]).toMatchObject({ autoMark: true });
  });
});

describe('storage usage', () => {
  const local = browser.storage.local as unknown as {
    getBytesInUse?: unknown;
    QUOTA_BYTES?: unknown;
  };
  const original = { getBytesInUse: local.getBytesInUse, QUOTA_BYTES: local.QUOTA_BYTES };
  afterEach(() => Object.assign(local, original));

  it("uses the browser's own figure and quota where it has them (Chrome)", async () => {
    Object.assign(local, { getBytesInUse: async () => 1234, QUOTA_BYTES: 10_485_760 });
    expect(await loadStorageUsage()).toEqual({ used: 1234, quota: 10_485_760, measured: true });
  });

  it('counts each key and its JSON in UTF-8 bytes without getBytesInUse (Firefox)', async () => {
    Object.assign(local, { getBytesInUse: undefined, QUOTA_BYTES: undefined });
    await browser.storage.local.set({ 'read:é': { read: true } });
    expect(countBytes({ 'read:é': { read: true } })).toBe(7 + 13);
    expect(await loadStorageUsage()).toEqual({ used: 20, quota: undefined, measured: false });
  });

  it('says the share of the quota, or that there is none', () => {
    expect(usageText({ used: 9 * 1024 * 1024, quota: 10 * 1024 * 1024, measured: true })).toBe(
      '9.0 MB of 10.0 MB (90%)',
    );
    expect(usageText({ used: 2048, quota: undefined, measured: false })).toBe(
      '2.0 KB (this browser sets no fixed limit for it)',
    );
  });
});
