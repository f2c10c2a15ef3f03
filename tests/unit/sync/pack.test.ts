import { describe, expect, it } from 'vitest';
import { markWaySchema } from '../../../data/progress/marks';
import {
  AREA_BUDGET,
  ITEM_BUDGET,
  SYNC_QUOTA,
  itemBytes,
  packAll,
  readItem,
} from '../../../data/sync/pack';
import {
  MARK_WAYS,
  PREFS_ITEM_KEY,
  RECORD_WAYS,
  emptyRecords,
  markItemKey,
  type RecordMap,
} from '../../../data/sync/records';
import { blogLikeSlugs } from '../../fixtures/sync/slugs';
import { compareRecords, localSetting, mergeSettings } from '../../../data/sync/merge';

function records(count: number, start = 1_770_000_000_000): RecordMap {
  const map = emptyRecords();
  for (const [i, slug] of blogLikeSlugs(count).entries()) {
    const at = start + i * 97_531;
    map[slug] = { read: i % 5 !== 0, at, via: MARK_WAYS[i % MARK_WAYS.length]!, t: at };
  }
  return map;
}

describe('packing', () => {
  it('lists every way a mark is made, in the wire order', () => {
    expect(MARK_WAYS).toEqual(markWaySchema.options);
    expect(RECORD_WAYS.slice(0, MARK_WAYS.length)).toEqual(MARK_WAYS);
  });

  it('round-trips records and settings through items', async () => {
    const all = records(300);
    const settings = { badge: { value: false, t: 5 } };
    const packed = await packAll(all, settings);
    const back = emptyRecords();
    for (const [key, value] of Object.entries(packed.items)) {
      const item = await readItem(key, value);
      if (item.kind === 'marks') Object.assign(back, item.records);
      else if (item.kind === 'prefs') expect(item.settings).toEqual(settings);
      else throw new Error(`unexpected ${item.kind}`);
    }
    expect(back).toEqual(all);
    expect(packed.synced).toBe(300);
  });

  it('fits 5,000 marks within 100 KB, 512 items and 8 KB an item', async () => {
    const packed = await packAll(records(5_000), {});
    expect(packed.dropped).toEqual({ unread: 0, read: 0 });
    expect(packed.bytes).toBeLessThanOrEqual(AREA_BUDGET);
    expect(Object.keys(packed.items).length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
    for (const [key, value] of Object.entries(packed.items))
      expect(itemBytes(key, value)).toBeLessThanOrEqual(ITEM_BUDGET);
  });

  it('drops the oldest "unread" records first when the marks outgrow the room', async () => {
    const all = records(1_000);
    const full = await packAll(all, {});
    const packed = await packAll(all, {}, { areaBudget: Math.floor(full.bytes * 0.85) });
    expect(packed.bytes).toBeLessThanOrEqual(Math.floor(full.bytes * 0.85));
    expect(packed.dropped.unread).toBeGreaterThan(0);
    expect(packed.dropped.read).toBe(0);
    expect(packed.synced + packed.dropped.unread).toBe(1_000);
  });

  it('leaves the buckets of a newer format unwritten', async () => {
    const packed = await packAll(records(200), {}, { skip: new Set([markItemKey(3)]) });
    expect(Object.keys(packed.items)).not.toContain(markItemKey(3));
  });
});

describe('reading items', () => {
  it('tells corrupt, newer and foreign items apart', async () => {
    expect((await readItem('other-extension', 1)).kind).toBe('foreign');
    expect((await readItem(markItemKey(0), { v: 2, anything: true })).kind).toBe('newer');
    expect((await readItem(PREFS_ITEM_KEY, { v: 9 })).kind).toBe('newer');
    for (const value of [
      'text',
      null,
      { v: 1 },
      { v: 1, m: '!!' },
      { v: 1, m: btoa('not deflate') },
      { v: 1, m: 'AAAA', extra: 1 },
    ])
      expect((await readItem(markItemKey(1), value)).kind).toBe('corrupt');
    expect((await readItem('fn-sync:marks:99', { v: 1, m: '' })).kind).toBe('corrupt');
    expect((await readItem(PREFS_ITEM_KEY, { v: 1, s: { badge: [true, -1] } })).kind).toBe(
      'corrupt',
    );
  });

  it('refuses records with bad slugs or fields inside a well-formed item', async () => {
    const good = await packAll({ ok: { read: true, at: 1, via: 'button', t: 1 } }, {});
    const [[key, item]] = Object.entries(good.items) as [[string, { v: 1; m: string }]];
    const deflated = async (json: unknown) => {
      const stream = new Blob([JSON.stringify(json)])
        .stream()
        .pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      return { v: 1, m: btoa(String.fromCharCode(...bytes)) };
    };
    expect((await readItem(key, item)).kind).toBe('marks');
    expect((await readItem(key, await deflated([['Not A Slug', 1, 1, 0]]))).kind).toBe('corrupt');
    expect((await readItem(key, await deflated([['ok', 99, 1, 0]]))).kind).toBe('corrupt');
    expect((await readItem(key, await deflated([['ok', 1, -1, 0]]))).kind).toBe('corrupt');
  });
});

describe('merging', () => {
  it('orders records by change time, then deterministically', () => {
    const read = { read: true, at: 5, via: 'button' as const, t: 5 };
    expect(compareRecords({ ...read, t: 6 }, read)).toBeGreaterThan(0);
    expect(compareRecords({ ...read, read: false }, read)).toBeGreaterThan(0);
    expect(compareRecords(read, { ...read, read: false })).toBeLessThan(0);
    expect(compareRecords(read, { ...read })).toBe(0);
  });

  it('merges settings per setting, the later winning; defaults never travel first', () => {
    const held = { badge: { value: false, t: 10 }, autoMark: { value: true, t: 30 } };
    const incoming = { badge: { value: true, t: 20 }, autoMark: { value: false, t: 25 } };
    const { merged, changed } = mergeSettings(held, incoming);
    expect(merged).toEqual({ badge: { value: true, t: 20 }, autoMark: { value: true, t: 30 } });
    expect(changed).toEqual(['badge']);
    expect(localSetting(true, undefined, true, 100)).toBeUndefined();
    expect(localSetting(false, undefined, true, 100)).toEqual({ value: false, t: 100 });
    expect(localSetting(false, { value: true, t: 200 }, true, 100)).toEqual({
      value: false,
      t: 201,
    });
  });
});
