// Reading places in sync: the merge per post, forgetting, the bound of MAX_PLACES, packing within
// the item quota, and the engine carrying a place from one device to another.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  MAX_PLACES,
  clearPlace,
  loadPlaces,
  savePlace,
  type Place,
  type PostPlace,
} from '../../../data/progress/places';
import { SyncEngine } from '../../../data/sync/engine';
import { ITEM_BUDGET, itemBytes, packPlaces, readItem } from '../../../data/sync/pack';
import {
  emptyPlaceRecords,
  ingestIncomingPlaces,
  ingestLocalPlaces,
  type PlaceRecordMap,
} from '../../../data/sync/place-records';
import { placeItemKey } from '../../../data/sync/records';

const place = (at: number, extra: Partial<Place> = {}): Place => ({
  at,
  percent: 40,
  title: 'Carving the scheduler out of our orchestrator',
  index: 2,
  heading: 'The scheduler',
  offset: 120,
  quote: 'Nomad was the first thing we reached for',
  ...extra,
});
const at = (slug: string, p: Place): PostPlace => ({ ...p, slug });
const records = (entries: Record<string, { t: number; place?: Place }>): PlaceRecordMap =>
  Object.assign(emptyPlaceRecords(), entries);

describe('place records', () => {
  it('take in a place saved here, and a place forgotten here as a record without one', () => {
    const first = ingestLocalPlaces(emptyPlaceRecords(), [at('corrosion', place(1_000))], 5_000);
    expect(first.changed).toBe(true);
    expect(first.records.corrosion).toEqual({ t: 1_000, place: place(1_000) });
    const again = ingestLocalPlaces(first.records, [at('corrosion', place(1_000))], 6_000);
    expect(again.changed).toBe(false);
    const forgotten = ingestLocalPlaces(first.records, [], 7_000);
    expect(forgotten.records.corrosion).toEqual({ t: 7_000 });
  });

  it('keep only the most recent MAX_PLACES records', () => {
    const local = Array.from({ length: MAX_PLACES + 20 }, (_, i) => at(`post-${i}`, place(i)));
    const { records: kept } = ingestLocalPlaces(emptyPlaceRecords(), local, 10_000);
    expect(Object.keys(kept)).toHaveLength(MAX_PLACES);
    expect(kept['post-0']).toBeUndefined();
    expect(kept[`post-${MAX_PLACES + 19}`]).toBeDefined();
  });

  it('merge so the later record wins, and never overwrite a newer place held here', () => {
    const mine = records({ corrosion: { t: 1_000, place: place(1_000) } });
    const theirs = records({
      corrosion: { t: 2_000, place: place(2_000, { percent: 80 }) },
      'kurt-got-got': { t: 1_500, place: place(1_500) },
    });
    const held = [at('corrosion', place(1_000))];
    const merged = ingestIncomingPlaces(mine, theirs, held);
    expect(merged.records.corrosion?.place?.percent).toBe(80);
    expect(merged.writes.corrosion?.percent).toBe(80);
    expect(merged.writes['kurt-got-got']).toEqual(place(1_500));

    const newerHere = ingestIncomingPlaces(mine, theirs, [
      at('corrosion', place(3_000, { percent: 10 })),
    ]);
    expect(newerHere.writes.corrosion).toBeUndefined();
  });

  it('forget a place here when a later "forgotten" record arrives, not an earlier one', () => {
    const held = [at('corrosion', place(1_000))];
    const later = ingestIncomingPlaces(
      emptyPlaceRecords(),
      records({ corrosion: { t: 2_000 } }),
      held,
    );
    expect(later.writes.corrosion).toBeNull();
    const earlier = ingestIncomingPlaces(
      emptyPlaceRecords(),
      records({ corrosion: { t: 500 } }),
      held,
    );
    expect(earlier.writes.corrosion).toBeUndefined();
  });

  it('merge the same way in any order', () => {
    const a = records({ x: { t: 5, place: place(5) }, y: { t: 9 } });
    const b = records({
      x: { t: 5, place: place(5, { percent: 90 }) },
      y: { t: 3, place: place(3) },
    });
    const ab = ingestIncomingPlaces(a, b, []).records;
    const ba = ingestIncomingPlaces(b, a, []).records;
    expect(ab).toEqual(ba);
  });
});

describe('packing places', () => {
  it('round-trips through items, each within the item quota, even at the longest fields', async () => {
    const long = place(0, {
      title: 'T'.repeat(300),
      heading: 'H'.repeat(300),
      // Text that does not compress, as a long quote in another script might not.
      quote: Array.from({ length: 200 }, (_, i) =>
        String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
      ).join(''),
    });
    const map = emptyPlaceRecords();
    for (let i = 0; i < MAX_PLACES; i++)
      map[`post-${i}`] = { t: 1_000 + i, place: { ...long, at: 1_000 + i } };
    const packed = await packPlaces(map, 100_000);
    expect(packed.synced).toBe(MAX_PLACES);
    const back = emptyPlaceRecords();
    for (const [key, item] of Object.entries(packed.items)) {
      expect(itemBytes(key, item)).toBeLessThanOrEqual(ITEM_BUDGET);
      const read = await readItem(key, item);
      if (read.kind !== 'places') throw new Error(`${key} read as ${read.kind}`);
      Object.assign(back, read.records);
    }
    expect(back).toEqual(map);
  });

  it('keeps the most recent places when the area has little room left', async () => {
    const map = emptyPlaceRecords();
    for (let i = 0; i < 30; i++)
      map[`post-${i}`] = {
        t: i,
        place: place(i, { quote: `${i * 7919} ${(i * 104729).toString(36)}` }),
      };
    const packed = await packPlaces(map, 400);
    expect(packed.synced).toBeGreaterThan(0);
    expect(packed.synced).toBeLessThan(30);
    expect(packed.bytes).toBeLessThanOrEqual(400);
    const read = await readItem(placeItemKey(0), packed.items[placeItemKey(0)]);
    if (read.kind !== 'places') throw new Error('not places');
    expect(Object.keys(read.records)).toContain('post-29');
    expect(Object.keys(read.records)).not.toContain('post-0');
  });

  it('reads a damaged places item as corrupt, never as places', async () => {
    for (const value of ['garbage', { v: 1, p: 'not base64!' }, { v: 1, p: btoa('xx') }, { v: 1 }])
      expect((await readItem(placeItemKey(0), value)).kind).toBe('corrupt');
    expect((await readItem(placeItemKey(99), { v: 1, p: '' })).kind).toBe('corrupt');
  });
});

describe('the engine with places', () => {
  beforeEach(() => fakeBrowser.reset());
  const settle = async (engine: SyncEngine) => {
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await engine.idle();
    }
  };

  it('carries a place to another device, and the end of the post there forgets it here', async () => {
    const engine = new SyncEngine({ debounceMs: 0 });
    await engine.start();
    await savePlace('corrosion', place(Date.now() - 60_000, { percent: 60 }));
    await settle(engine);
    const fromA = await browser.storage.sync.get(null);
    expect(Object.keys(fromA)).toContain(placeItemKey(0));

    // Device B: its own storage, A's items arriving.
    fakeBrowser.reset();
    const b = new SyncEngine({ debounceMs: 0 });
    await b.start();
    await browser.storage.sync.set(fromA);
    await settle(b);
    expect((await loadPlaces()).map((p) => [p.slug, p.percent])).toEqual([['corrosion', 60]]);

    // B reads to the end: the place is forgotten, and that travels back.
    await clearPlace('corrosion');
    await settle(b);
    const fromB = await browser.storage.sync.get(null);
    const read = await readItem(placeItemKey(0), fromB[placeItemKey(0)]);
    if (read.kind !== 'places') throw new Error('not places');
    expect(read.records.corrosion?.place).toBeUndefined();
  });
});
