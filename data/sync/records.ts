// What travels through `storage.sync`, and how it is checked. Marks are per-post records that
// merge on their own (data/sync/merge.ts); "unread" is a record too, so an old "read" from a
// device that was offline never comes back over a newer "unread". Records are packed into a few
// items (data/sync/pack.ts); settings travel in one small item, each setting with its own time.
//
// Every item's value carries the format version `v`. An item with a higher `v` was written by a
// later version of the extension: it is left alone (never merged, overwritten or removed).
import * as z from 'zod/mini';
import { markWaySchema, type Mark, type MarkWay } from '../progress/marks';
import { slugSchema } from '../shared/slug';

/** The format this version reads and writes. */
export const SYNC_FORMAT = 1;
/** Every sync key of this extension starts so; other keys in the area are not ours. */
export const SYNC_PREFIX = 'fn-sync:';
/** Marks are spread over this many items by a hash of the slug, so a change rewrites one. */
export const MARK_BUCKETS = 16;
export const markItemKey = (bucket: number) => `${SYNC_PREFIX}marks:${bucket}`;
export const PREFS_ITEM_KEY = `${SYNC_PREFIX}prefs`;
/** Reading places (data/sync/place-records.ts) fill as many of these items as they need. */
export const PLACE_ITEMS = 10;
export const placeItemKey = (n: number) => `${SYNC_PREFIX}places:${n}`;

/**
 * How a record came to be: the ways a mark is made, plus `reset` (an "unread" left by a reset,
 * which removes the local mark rather than storing an unmark). Order is the format: append only.
 */
export const RECORD_WAYS = [
  'button',
  'popup',
  'card',
  'auto',
  'import',
  'notes',
  'reset',
] as const satisfies readonly (MarkWay | 'reset')[];
export type RecordWay = (typeof RECORD_WAYS)[number];

/** One post's state as sync knows it. `t` orders records (the later wins); `at` is the mark's. */
export interface SyncRecord {
  read: boolean;
  /** The mark's own time, shown to the reader and exported. */
  at: number;
  via: RecordWay;
  /**
   * When the change was made on its device. Usually `at`; later when an older mark is put back
   * (import, undo), so that putting it back wins over the reset it undoes, on every device.
   */
  t: number;
}

/** Records by slug (a prototype-free object, so any slug is only a key). */
export type RecordMap = Record<string, SyncRecord>;

const time = () => z.number().check(z.int(), z.nonnegative());

/**
 * One record on the wire: `[slug, flags, at, t - at]`, flags = way index × 2 + read. Short, as
 * 5,000 of them must fit in 100 KB.
 */
export const packedRecordSchema = z.tuple([
  slugSchema,
  z.number().check(z.int(), z.nonnegative(), z.lt(RECORD_WAYS.length * 2)),
  time(),
  time(),
]);
export type PackedRecord = z.infer<typeof packedRecordSchema>;
export const packedRecordsSchema = z.array(packedRecordSchema);

export function packRecord(slug: string, record: SyncRecord): PackedRecord {
  return [
    slug,
    RECORD_WAYS.indexOf(record.via) * 2 + (record.read ? 1 : 0),
    record.at,
    record.t - record.at,
  ];
}

export function unpackRecord([, flags, at, dt]: PackedRecord): SyncRecord {
  return { read: flags % 2 === 1, at, via: RECORD_WAYS[Math.floor(flags / 2)]!, t: at + dt };
}

/** An item of marks: the packed records of one bucket, deflated and in base64. */
export const markItemSchema = z.strictObject({
  v: z.literal(SYNC_FORMAT),
  m: z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text')),
});
export type MarkItem = z.infer<typeof markItemSchema>;

/** An item of places: packed place records (place-records.ts), deflated and in base64. */
export const placeItemSchema = z.strictObject({
  v: z.literal(SYNC_FORMAT),
  p: z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text')),
});
export type PlaceItem = z.infer<typeof placeItemSchema>;

/** A setting's value as last set anywhere, and when. */
export const syncedSettingSchema = z.tuple([z.unknown(), time()]);
export type SyncedSetting = { value: unknown; t: number };
/** Settings by name; names this version does not know are carried along untouched. */
export type SettingMap = Record<string, SyncedSetting>;

export const prefsItemSchema = z.strictObject({
  v: z.literal(SYNC_FORMAT),
  s: z.record(z.string(), syncedSettingSchema),
});
export type PrefsItem = z.infer<typeof prefsItemSchema>;

/** Any value written by a later format: an object whose `v` is a higher whole number. */
export const newerFormatSchema = z.looseObject({
  v: z.number().check(z.int(), z.gt(SYNC_FORMAT)),
});

/** The local mark a record stands for; a reset's "unread" stands for no mark at all. */
export function recordToMark(record: SyncRecord): Mark | undefined {
  if (record.via === 'reset') return undefined;
  return { read: record.read, at: record.at, via: record.via };
}

export const sameRecord = (a: SyncRecord | undefined, b: SyncRecord | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.read === b.read &&
    a.at === b.at &&
    a.via === b.via &&
    a.t === b.t);

/** Records by slug from their wire form (later entries for the same slug merge in order). */
export const emptyRecords = (): RecordMap => Object.create(null) as RecordMap;
export const emptySettings = (): SettingMap => Object.create(null) as SettingMap;

/** Local marks' ways, checked against the mark schema in the unit tests. */
export const MARK_WAYS: readonly MarkWay[] = markWaySchema.options;
