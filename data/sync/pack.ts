// Packing records into `storage.sync` items within its quotas, and reading items back.
// Each post's record goes to one of MARK_BUCKETS items by a hash of its slug, so marking a post
// rewrites one small item, never "the whole list", and two devices rewriting different items
// never clash. An item holds its records as JSON, deflated and in base64 (slugs are most of the
// bytes, and they compress well), measured in UTF-8 bytes of key + JSON value with a margin.
import {
  MARK_BUCKETS,
  PLACE_ITEMS,
  PREFS_ITEM_KEY,
  SYNC_FORMAT,
  SYNC_PREFIX,
  emptyRecords,
  emptySettings,
  markItemKey,
  markItemSchema,
  newerFormatSchema,
  packRecord,
  packedRecordsSchema,
  placeItemKey,
  placeItemSchema,
  prefsItemSchema,
  unpackRecord,
  type MarkItem,
  type PlaceItem,
  type PrefsItem,
  type RecordMap,
  type SettingMap,
} from './records';
import { winner } from './merge';
import {
  emptyPlaceRecords,
  packPlace,
  packedPlacesSchema,
  placeWinner,
  unpackPlace,
  type PlaceRecordMap,
} from './place-records';

/** Published `storage.sync` limits (Chrome; Firefox enforces the same). */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerHour: 1_800,
  writesPerMinute: 120,
} as const;
/** Kept free in every item and in the area: key accounting differs a little between browsers. */
export const ITEM_BUDGET = SYNC_QUOTA.bytesPerItem - 512;
export const AREA_BUDGET = SYNC_QUOTA.bytes - 4_096;
/** The most a deflated item may inflate to; a larger one is refused as corrupt. */
const MAX_INFLATED_CHARS = 1_000_000;

const encoder = new TextEncoder();
export const utf8Bytes = (text: string) => encoder.encode(text).length;
/** An item's size as the quota counts it: its key plus its value's JSON, in UTF-8 bytes. */
export const itemBytes = (key: string, value: unknown) =>
  utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

/** FNV-1a: a small stable hash, the same on every device and version. */
export function bucketOf(slug: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % MARK_BUCKETS;
}

async function streamBytes(bytes: Uint8Array<ArrayBuffer>, stream: GenericTransformStream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** JSON, deflated, in base64: how records travel. */
async function deflateJson(value: unknown): Promise<string> {
  const bytes = encoder.encode(JSON.stringify(value));
  return toBase64(await streamBytes(bytes, new CompressionStream('deflate-raw')));
}

/** The JSON inside a deflated base64 value, or the reason it cannot be read. */
async function inflateJson(base64: string): Promise<{ json: unknown } | { error: string }> {
  let text: string;
  try {
    const inflated = await streamBytes(fromBase64(base64), new DecompressionStream('deflate-raw'));
    if (inflated.length > MAX_INFLATED_CHARS) return { error: 'too large' };
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { error: 'does not inflate' };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { error: 'is not JSON inside' };
  }
}

/** One bucket's records as an item value. Sorted by slug: the same records, the same bytes. */
export async function markItem(records: Readonly<RecordMap>): Promise<MarkItem> {
  const packed = Object.keys(records)
    .sort()
    .map((slug) => packRecord(slug, records[slug]!));
  return { v: SYNC_FORMAT, m: await deflateJson(packed) };
}

export function prefsItem(settings: Readonly<SettingMap>): PrefsItem {
  const s: PrefsItem['s'] = {};
  for (const name of Object.keys(settings).sort())
    s[name] = [settings[name]!.value, settings[name]!.t];
  return { v: SYNC_FORMAT, s };
}

/** What one item of the area holds, as far as this version can tell. */
export type ReadItem =
  | { kind: 'marks'; records: RecordMap }
  | { kind: 'prefs'; settings: SettingMap }
  | { kind: 'places'; records: PlaceRecordMap }
  | { kind: 'newer' }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'foreign' };

const MARK_KEY = new RegExp(`^${SYNC_PREFIX}marks:(\\d{1,3})$`);
const PLACE_KEY = new RegExp(`^${SYNC_PREFIX}places:(\\d{1,3})$`);

/** Read and check one sync item. Nothing unchecked gets out of here. */
export async function readItem(key: string, value: unknown): Promise<ReadItem> {
  if (!key.startsWith(SYNC_PREFIX)) return { kind: 'foreign' };
  if (newerFormatSchema.safeParse(value).success) return { kind: 'newer' };
  if (key === PREFS_ITEM_KEY) {
    const parsed = prefsItemSchema.safeParse(value);
    if (!parsed.success) return { kind: 'corrupt', reason: 'settings item of the wrong shape' };
    const settings = emptySettings();
    for (const [name, [setting, t]] of Object.entries(parsed.data.s))
      settings[name] = { value: setting, t };
    return { kind: 'prefs', settings };
  }
  const place = PLACE_KEY.exec(key);
  if (place) return Number(place[1]) < PLACE_ITEMS ? readPlaces(value) : unknownKey;
  const bucket = MARK_KEY.exec(key);
  if (!bucket || Number(bucket[1]) >= MARK_BUCKETS) return unknownKey;
  const parsed = markItemSchema.safeParse(value);
  if (!parsed.success) return { kind: 'corrupt', reason: 'marks item of the wrong shape' };
  const inside = await inflateJson(parsed.data.m);
  if ('error' in inside) return { kind: 'corrupt', reason: `marks item that ${inside.error}` };
  const records = packedRecordsSchema.safeParse(inside.json);
  if (!records.success) return { kind: 'corrupt', reason: 'marks item with invalid records' };
  const map = emptyRecords();
  for (const packed of records.data) {
    // A record in the wrong bucket is still a valid record; it is merged and moves on the next write.
    map[packed[0]] = winner(map[packed[0]], unpackRecord(packed))!;
  }
  return { kind: 'marks', records: map };
}

const unknownKey: ReadItem = { kind: 'corrupt', reason: 'an unknown key for this format' };

async function readPlaces(value: unknown): Promise<ReadItem> {
  const parsed = placeItemSchema.safeParse(value);
  if (!parsed.success) return { kind: 'corrupt', reason: 'places item of the wrong shape' };
  const inside = await inflateJson(parsed.data.p);
  if ('error' in inside) return { kind: 'corrupt', reason: `places item that ${inside.error}` };
  const records = packedPlacesSchema.safeParse(inside.json);
  if (!records.success) return { kind: 'corrupt', reason: 'places item with invalid records' };
  const map = emptyPlaceRecords();
  for (const packed of records.data)
    map[packed[0]] = placeWinner(map[packed[0]], unpackPlace(packed))!;
  return { kind: 'places', records: map };
}

/** Records set aside from sync to fit the quota (they stay local). */
export interface Dropped {
  unread: number;
  read: number;
}

export interface Packed {
  /** Every item this device would have in the area, by key. */
  items: Record<string, MarkItem | PrefsItem>;
  bytes: number;
  synced: number;
  dropped: Dropped;
}

/** Oldest "unread" records first, then the oldest "read" ones: the order records are dropped in. */
function dropOrder(records: Readonly<RecordMap>): string[] {
  return Object.keys(records).sort((a, b) => {
    const x = records[a]!;
    const y = records[b]!;
    return Number(x.read) - Number(y.read) || x.t - y.t || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/**
 * Pack every record and setting into items within the budgets (`areaBudget` is what the area
 * has left for us). Buckets in `skip` (held by a newer format) are not written. If the records
 * do not fit, the oldest "unread" ones are dropped first, then the oldest "read" ones, and the
 * counts say so.
 */
export async function packAll(
  records: Readonly<RecordMap>,
  settings: Readonly<SettingMap>,
  options: { areaBudget?: number; skip?: ReadonlySet<string> } = {},
): Promise<Packed> {
  const areaBudget = Math.min(options.areaBudget ?? AREA_BUDGET, AREA_BUDGET);
  const skip = options.skip ?? new Set<string>();
  const gone = new Set<string>();
  const order = dropOrder(records);
  let next = 0;
  const dropped: Dropped = { unread: 0, read: 0 };
  const drop = (count: number) => {
    for (let i = 0; i < count && next < order.length; i++, next++) {
      const slug = order[next]!;
      dropped[records[slug]!.read ? 'read' : 'unread']++;
      gone.add(slug);
    }
  };
  for (;;) {
    const buckets = Array.from({ length: MARK_BUCKETS }, () => emptyRecords());
    for (const [slug, record] of Object.entries(records))
      if (!gone.has(slug)) buckets[bucketOf(slug)]![slug] = record;
    const items: Record<string, MarkItem | PrefsItem> = {};
    let bytes = 0;
    let worstOver = 0;
    for (const [i, bucket] of buckets.entries()) {
      const key = markItemKey(i);
      if (skip.has(key) || Object.keys(bucket).length === 0) continue;
      const item = await markItem(bucket);
      const size = itemBytes(key, item);
      worstOver = Math.max(worstOver, size - ITEM_BUDGET);
      items[key] = item;
      bytes += size;
    }
    if (!skip.has(PREFS_ITEM_KEY) && Object.keys(settings).length > 0) {
      items[PREFS_ITEM_KEY] = prefsItem(settings);
      bytes += itemBytes(PREFS_ITEM_KEY, items[PREFS_ITEM_KEY]);
    }
    const over = Math.max(bytes - areaBudget, worstOver * MARK_BUCKETS);
    const synced = order.length - gone.size;
    if (over <= 0 || synced === 0) return { items, bytes, synced, dropped };
    // Drop about as many records as the overflow holds (at least one), then measure again.
    const perRecord = Math.max(1, bytes / Math.max(1, synced));
    drop(Math.max(1, Math.ceil(over / perRecord)));
  }
}

/**
 * Places packed into items within `budget` bytes (what the marks and settings left), most
 * recent first; the oldest that do not fit stay on their device. Items in `skip` (held by a
 * newer format) are not written.
 */
export async function packPlaces(
  records: Readonly<PlaceRecordMap>,
  budget: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ items: Record<string, PlaceItem>; bytes: number; synced: number }> {
  const slugs = Object.keys(records).sort(
    (a, b) => records[b]!.t - records[a]!.t || (a < b ? -1 : a > b ? 1 : 0),
  );
  const items: Record<string, PlaceItem> = {};
  let bytes = 0;
  let synced = 0;
  let n = 0;
  let chunk: string[] = [];
  let chunkItem: PlaceItem | undefined;
  const itemOf = async (group: readonly string[]): Promise<PlaceItem> => ({
    v: SYNC_FORMAT,
    p: await deflateJson(group.map((slug) => packPlace(slug, records[slug]!))),
  });
  const close = () => {
    if (!chunkItem) return;
    items[placeItemKey(n)] = chunkItem;
    bytes += itemBytes(placeItemKey(n), chunkItem);
    synced += chunk.length;
    n++;
    chunk = [];
    chunkItem = undefined;
  };
  const nextFree = () => {
    while (n < PLACE_ITEMS && skip.has(placeItemKey(n))) n++;
    return n < PLACE_ITEMS;
  };
  for (const slug of slugs) {
    if (!nextFree()) break;
    let grown = await itemOf([...chunk, slug]);
    if (chunk.length > 0 && itemBytes(placeItemKey(n), grown) > ITEM_BUDGET) {
      close(); // this place starts the next item
      if (!nextFree()) break;
      grown = await itemOf([slug]);
    }
    const size = itemBytes(placeItemKey(n), grown);
    if (size > ITEM_BUDGET || bytes + size > budget) break;
    chunk.push(slug);
    chunkItem = grown;
  }
  close();
  return { items, bytes, synced };
}
