// Reading places (data/progress/places.ts) in sync: the reader's place in a half-read post
// follows them to their other devices, like the marks. Per post, the later record wins; a place
// forgotten on one device (the reader reached the end) travels as a record without a place, so
// it is not brought back by a device that still has the old one. Only the MAX_PLACES most recent
// records are kept, places and forgettings alike: older ones simply leave sync.
import * as z from 'zod/mini';
import { MAX_PLACES, placeSchema, type Place, type PostPlace } from '../progress/places';
import { slugSchema } from '../shared/slug';

/** A post's place as sync knows it: `t` orders records; no `place` means it was forgotten. */
export interface PlaceRecord {
  t: number;
  place?: Place;
}
export type PlaceRecordMap = Record<string, PlaceRecord>;
export const emptyPlaceRecords = (): PlaceRecordMap => Object.create(null) as PlaceRecordMap;

/** One record on the wire: `[slug, t, place]`, or `[slug, t, 0]` for a forgotten place. */
export const packedPlaceSchema = z.tuple([
  slugSchema,
  z.number().check(z.int(), z.nonnegative()),
  z.union([placeSchema, z.literal(0)]),
]);
export type PackedPlace = z.infer<typeof packedPlaceSchema>;
export const packedPlacesSchema = z.array(packedPlaceSchema);

export const packPlace = (slug: string, record: PlaceRecord): PackedPlace => [
  slug,
  record.t,
  record.place ?? 0,
];
export const unpackPlace = ([, t, place]: PackedPlace): PlaceRecord =>
  place === 0 ? { t } : { t, place };

/** The same record: compared by value (JSON of the validated shape is stable). */
const samePlaceRecord = (a: PlaceRecord | undefined, b: PlaceRecord | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/** > 0 when `a` wins over `b`; equal times fall back on a fixed order, so any device agrees. */
export function comparePlaceRecords(a: PlaceRecord, b: PlaceRecord): number {
  if (a.t !== b.t) return a.t - b.t;
  // On a tie, forgetting wins (as "unread" does for marks), then the larger JSON.
  if (!a.place !== !b.place) return a.place ? -1 : 1;
  const [x, y] = [JSON.stringify(a.place), JSON.stringify(b.place)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function placeWinner(
  a: PlaceRecord | undefined,
  b: PlaceRecord | undefined,
): PlaceRecord | undefined {
  if (!a) return b;
  if (!b) return a;
  return comparePlaceRecords(a, b) >= 0 ? a : b;
}

/** Only the MAX_PLACES most recent records (ties by slug, the same on every device). */
export function boundPlaces(records: Readonly<PlaceRecordMap>): PlaceRecordMap {
  const kept = emptyPlaceRecords();
  const slugs = Object.keys(records).sort(
    (a, b) => records[b]!.t - records[a]!.t || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const slug of slugs.slice(0, MAX_PLACES)) kept[slug] = records[slug]!;
  return kept;
}

/**
 * Records after taking in this device's places: a place saved here (a new `at`) gets a record;
 * a place this device had agreed on and no longer holds was forgotten here, now.
 */
export function ingestLocalPlaces(
  records: Readonly<PlaceRecordMap>,
  local: readonly PostPlace[],
  now: number,
): { records: PlaceRecordMap; changed: boolean } {
  const next = emptyPlaceRecords();
  Object.assign(next, records);
  const held = new Set<string>();
  for (const { slug, ...place } of local) {
    held.add(slug);
    const record: PlaceRecord = { t: place.at, place };
    if (placeWinner(records[slug], record) === record && !samePlaceRecord(records[slug], record))
      next[slug] = record;
  }
  for (const [slug, record] of Object.entries(records))
    if (record.place && !held.has(slug)) next[slug] = { t: Math.max(now, record.t + 1) };
  const bounded = boundPlaces(next);
  const changed =
    Object.keys(bounded).length !== Object.keys(records).length ||
    Object.keys(bounded).some((slug) => !samePlaceRecord(bounded[slug], records[slug]));
  return { records: bounded, changed };
}

/** What to do to this device's places: store a place, or `null` to forget the post's place. */
export type PlaceWrites = Record<string, Place | null>;

/** Records after merging what arrived, and the local writes that bring the places in line. */
export function ingestIncomingPlaces(
  records: Readonly<PlaceRecordMap>,
  incoming: Readonly<PlaceRecordMap>,
  local: readonly PostPlace[],
): { records: PlaceRecordMap; writes: PlaceWrites } {
  const merged = emptyPlaceRecords();
  Object.assign(merged, records);
  for (const [slug, record] of Object.entries(incoming))
    merged[slug] = placeWinner(merged[slug], record)!;
  const bounded = boundPlaces(merged);
  const held = new Map(local.map(({ slug, ...place }) => [slug, place]));
  const writes = Object.create(null) as PlaceWrites;
  for (const [slug, record] of Object.entries(bounded)) {
    const here = held.get(slug);
    if (record.place) {
      if (!here || here.at < record.t) writes[slug] = record.place;
    } else if (here && here.at <= record.t) writes[slug] = null;
  }
  return { records: bounded, writes };
}
