import { beforeEach, describe, expect, it } from 'vitest';
import { loadPlaces, savePlace, type Place } from '../../../data/progress/places';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  isRead,
  LEGACY_KEY,
  loadProgress,
  PROGRESS_VERSION,
  readSlugs,
  setRead,
  VERSION_KEY,
  watchProgress,
  writeMarks,
  type Progress,
} from '../../../data/progress/marks';
import {
  clearMarks,
  loadResetUndo,
  RESET_UNDO_KEY,
  RESET_UNDO_MS,
  restoreMarks,
} from '../../../data/progress/reset';
import { loadQuarantine, markReported, QUARANTINE_PREFIX } from '../../../data/storage/quarantine';
import { upgradeStorage } from '../../../data/storage/upkeep';
import { PREFS_KEY, loadPrefs } from '../../../data/settings/prefs';

const all = () => browser.storage.local.get(null);
const good = { read: true, at: 1_772_000_000_000, via: 'button' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('marks', () => {
  it('sets, unsets and reads marks per post', async () => {
    await setRead('corrosion', true, 'button');
    await setRead('kurt-got-got', true, 'popup');
    await setRead('kurt-got-got', false, 'popup');
    const progress = await loadProgress();
    expect(readSlugs(progress)).toEqual(['corrosion']);
    expect(isRead(progress, 'kurt-got-got')).toBe(false);
    expect(progress['kurt-got-got']).toMatchObject({ read: false, via: 'popup' });
  });

  it('keeps every mark when many writers mark different posts at once', async () => {
    const slugs = Array.from({ length: 50 }, (_, i) => `post-${i}`);
    await Promise.all(slugs.map((slug, i) => setRead(slug, true, i % 2 ? 'button' : 'popup')));
    expect(readSlugs(await loadProgress()).sort()).toEqual([...slugs].sort());
  });

  it('tells watchers about changes made anywhere', async () => {
    const seen: Progress[] = [];
    const stop = watchProgress((p) => seen.push(p));
    await setRead('corrosion', true, 'button');
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(isRead(seen.at(-1)!, 'corrosion')).toBe(true);
    stop();
    await setRead('corrosion', false, 'button');
    await new Promise((r) => setTimeout(r, 20));
    expect(isRead(seen.at(-1)!, 'corrosion')).toBe(true);
  });

  it('clears every mark and returns what was there', async () => {
    await writeMarks({ corrosion: { read: true, at: 5, via: 'import' } });
    await setRead('kurt-got-got', false, 'button');
    await browser.storage.local.set({ prefs: { badge: false } });
    const before = await clearMarks();
    expect(Object.keys(before).sort()).toEqual(['corrosion', 'kurt-got-got']);
    expect(await loadProgress()).toEqual({});
    expect((await all()).prefs).toEqual({ badge: false });
  });
});

describe('undoing a reset', () => {
  it('keeps the forgotten marks for a day, and forgets them once undone', async () => {
    const mark = await setRead('corrosion', true, 'button');
    const at = Date.now();
    await clearMarks(at);
    expect(await loadResetUndo(at + 60_000)).toEqual({ corrosion: mark });
    expect(await loadResetUndo(at + RESET_UNDO_MS + 1)).toBeUndefined();
    expect(await restoreMarks((await loadResetUndo(at))!)).toBe(1);
    expect(await loadResetUndo(at)).toBeUndefined();
    expect(await loadProgress()).toEqual({ corrosion: mark });
  });

  it('forgets reading places with the marks and puts them back, unless read on since', async () => {
    const place = (at: number, percent: number): Place => ({
      at,
      percent,
      title: 'Corrosion',
      index: 1,
      heading: 'A heading',
      offset: 0,
      quote: 'A quote',
    });
    await savePlace('corrosion', place(1_000, 30));
    await savePlace('kurt-got-got', place(2_000, 50));
    await browser.storage.local.set({ 'place:broken': { percent: 'lots' } });
    await clearMarks();
    expect((await loadPlaces()).map((p) => p.slug)).toEqual([]);
    // Read on after the reset: that newer place stays over the one the reset kept.
    await savePlace('kurt-got-got', place(3_000, 70));
    await restoreMarks((await loadResetUndo())!);
    const back = await loadPlaces();
    expect(back.map((p) => [p.slug, p.percent])).toEqual([
      ['kurt-got-got', 70],
      ['corrosion', 30],
    ]);
  });

  it('ignores a corrupt undo record', async () => {
    await browser.storage.local.set({ [RESET_UNDO_KEY]: { at: 'soon', marks: 7 } });
    expect(await loadResetUndo()).toBeUndefined();
  });
});

describe('corrupt stored values', () => {
  const corrupt: Record<string, unknown> = {
    'read:as-text': 'yes',
    'read:as-number': 42,
    'read:as-list': [true, 1],
    'read:read-is-text': { read: 'true', at: 1, via: 'button' },
    'read:negative-time': { read: true, at: -5, via: 'button' },
    'read:fractional-time': { read: true, at: 1.5, via: 'button' },
    'read:unknown-way': { read: true, at: 1, via: 'telepathy' },
    'read:extra-field': { ...good, note: 'hi' },
    'read:': good,
    'read:Not A Slug!': good,
  };

  beforeEach(async () => {
    await browser.storage.local.set({
      ...corrupt,
      'read:corrosion': good,
      'read:kurt-got-got': good,
    });
  });

  it('are skipped on read, and the valid marks are intact', async () => {
    const progress = await loadProgress();
    expect(Object.keys(progress).sort()).toEqual(['corrosion', 'kurt-got-got']);
  });

  it('are set aside under quarantine keys by the upkeep, never thrown away', async () => {
    const report = await upgradeStorage(1000);
    expect(report.setAside.sort()).toEqual(Object.keys(corrupt).sort());
    const items = await all();
    for (const key of Object.keys(corrupt)) expect(items[key]).toBeUndefined();
    const quarantine = await loadQuarantine();
    expect(quarantine.map((q) => q.key).sort()).toEqual(Object.keys(corrupt).sort());
    for (const entry of quarantine) expect(entry.value).toEqual(corrupt[entry.key]);
    expect(Object.keys(await loadProgress()).sort()).toEqual(['corrosion', 'kurt-got-got']);
    // The extension keeps working: new marks land as usual.
    await setRead('corrosion', false, 'button');
    expect(isRead(await loadProgress(), 'corrosion')).toBe(false);
  });

  it('are reported once', async () => {
    await upgradeStorage(1000);
    const first = await loadQuarantine();
    expect(first.filter((q) => !q.reported)).toHaveLength(Object.keys(corrupt).length);
    await markReported(first);
    expect((await loadQuarantine()).filter((q) => !q.reported)).toHaveLength(0);
    // Running the upkeep again finds nothing new to set aside.
    expect((await upgradeStorage(2000)).setAside).toEqual([]);
  });

  it('never remove a key that a tab rewrote with a good mark meanwhile', async () => {
    const realGet = browser.storage.local.get.bind(browser.storage.local);
    let calls = 0;
    // Between the upkeep's first read and its re-check, a tab marks the post.
    browser.storage.local.get = (async (keys?: string | string[] | null) => {
      calls += 1;
      if (calls === 2) await browser.storage.local.set({ 'read:as-text': good });
      return realGet(keys);
    }) as unknown as typeof browser.storage.local.get;
    await upgradeStorage(1000);
    browser.storage.local.get = realGet;
    expect((await all())['read:as-text']).toEqual(good);
    expect(
      (await loadQuarantine()).some((q) => q.key === 'read:as-text' && q.value === 'yes'),
    ).toBe(true);
  });

  it('sets aside bad settings once and repairs them field by field', async () => {
    await browser.storage.local.set({ [PREFS_KEY]: { sidebarSide: 'middle', badge: false } });
    await upgradeStorage(1000);
    expect((await loadPrefs()).badge).toBe(false);
    expect((await loadPrefs()).sidebarSide).toBe('right');
    expect((await loadQuarantine()).filter((q) => q.key === PREFS_KEY)).toHaveLength(1);
    await upgradeStorage(2000);
    expect((await loadQuarantine()).filter((q) => q.key === PREFS_KEY)).toHaveLength(1);
  });

  it('shows an unreadable quarantine entry rather than hiding it', async () => {
    await browser.storage.local.set({ [`${QUARANTINE_PREFIX}x`]: 42 });
    expect(await loadQuarantine()).toEqual([
      { id: 'quarantine:x', key: 'x', value: 42, reason: 'unreadable', at: 0, reported: false },
    ]);
  });
});

describe('migration from the v1 layout', () => {
  const v1 = {
    version: 1,
    read: {
      'litestream-revamped': '2025-10-02T08:30:00.000Z',
      corrosion: '2025-11-20T17:45:12.345Z',
      'a-post-the-feed-added': '2026-01-05T09:00:00+01:00',
    },
  };

  it('moves every v1 mark to its own key, intact, and records the version', async () => {
    await browser.storage.local.set({ [LEGACY_KEY]: v1 });
    const report = await upgradeStorage();
    expect(report).toMatchObject({ from: 1, migrated: 3, setAside: [], newer: false });
    const items = await all();
    expect(items[LEGACY_KEY]).toBeUndefined();
    expect(items[VERSION_KEY]).toBe(PROGRESS_VERSION);
    expect(items['read:litestream-revamped']).toEqual({
      read: true,
      at: Date.parse('2025-10-02T08:30:00.000Z'),
      via: 'import',
    });
    expect(items['read:corrosion']).toEqual({
      read: true,
      at: Date.parse('2025-11-20T17:45:12.345Z'),
      via: 'import',
    });
    expect(items['read:a-post-the-feed-added']).toEqual({
      read: true,
      at: Date.parse('2026-01-05T08:00:00.000Z'),
      via: 'import',
    });
  });

  it('reads v1 lazily before the upkeep has run', async () => {
    await browser.storage.local.set({ [LEGACY_KEY]: v1 });
    expect(readSlugs(await loadProgress()).sort()).toEqual(Object.keys(v1.read).sort());
  });

  it('lets a later per-key mark win over the v1 one', async () => {
    await browser.storage.local.set({
      [LEGACY_KEY]: v1,
      'read:corrosion': { read: false, at: Date.parse('2026-02-01T00:00:00Z'), via: 'button' },
    });
    expect(isRead(await loadProgress(), 'corrosion')).toBe(false);
    await upgradeStorage();
    expect(isRead(await loadProgress(), 'corrosion')).toBe(false);
    expect(isRead(await loadProgress(), 'litestream-revamped')).toBe(true);
  });

  it('sets aside v1 entries it cannot read and migrates the rest', async () => {
    const bad = {
      version: 1,
      read: {
        corrosion: '2025-11-20T17:45:12Z',
        'kurt-got-got': 'last tuesday',
        'Bad Slug': '2025-01-01T00:00:00Z',
      },
    };
    await browser.storage.local.set({ [LEGACY_KEY]: bad });
    const report = await upgradeStorage();
    expect(report.migrated).toBe(1);
    expect(readSlugs(await loadProgress())).toEqual(['corrosion']);
    const quarantine = await loadQuarantine();
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]).toMatchObject({ key: LEGACY_KEY, value: bad });
  });

  it('sets aside a v1 object that is not v1 at all', async () => {
    await browser.storage.local.set({ [LEGACY_KEY]: 'garbage' });
    await upgradeStorage();
    expect((await loadQuarantine())[0]).toMatchObject({ key: LEGACY_KEY, value: 'garbage' });
    expect((await all())[LEGACY_KEY]).toBeUndefined();
  });

  it('is idempotent, and finishes a migration that stopped half-way', async () => {
    // Half-way: marks and version written, old object not yet removed.
    await browser.storage.local.set({
      [LEGACY_KEY]: v1,
      [VERSION_KEY]: 2,
      'read:corrosion': { read: true, at: Date.parse('2025-11-20T17:45:12.345Z'), via: 'import' },
    });
    await upgradeStorage();
    await upgradeStorage();
    expect(readSlugs(await loadProgress()).sort()).toEqual(Object.keys(v1.read).sort());
    expect((await all())[LEGACY_KEY]).toBeUndefined();
  });

  it('leaves storage from a newer version alone', async () => {
    await browser.storage.local.set({ [VERSION_KEY]: 3, 'read:odd': 'future shape' });
    expect((await upgradeStorage()).newer).toBe(true);
    expect((await all())['read:odd']).toBe('future shape');
  });
});
