// The merge: per post, the record with the later change time wins; equal times fall back on a
// fixed order of the other fields, so the winner never depends on which device merges or in
// what order items arrive. Merging is a join (commutative, associative, idempotent): any set of
// devices that has seen the same records ends in the same state.
//
// Local state stays marks ({ read, at, via }); `localRecord` decides what a local mark means for
// sync, given the record this device last agreed on for that post.
import type { Mark } from '../progress/marks';
import {
  RECORD_WAYS,
  emptyRecords,
  emptySettings,
  sameRecord,
  type RecordMap,
  type SettingMap,
  type SyncRecord,
  type SyncedSetting,
} from './records';

/** > 0 when `a` wins over `b`, 0 only for identical records. */
export function compareRecords(a: SyncRecord, b: SyncRecord): number {
  return (
    a.t - b.t ||
    // On a tie, "unread" wins: a reader who unmarks is the more deliberate of the two.
    Number(!a.read) - Number(!b.read) ||
    a.at - b.at ||
    RECORD_WAYS.indexOf(a.via) - RECORD_WAYS.indexOf(b.via)
  );
}

/** The winner of two records for one post. */
export function winner(
  a: SyncRecord | undefined,
  b: SyncRecord | undefined,
): SyncRecord | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareRecords(a, b) >= 0 ? a : b;
}

/** Merge `incoming` into `held`: a new map, and the slugs whose winner changed. */
export function mergeRecords(
  held: Readonly<RecordMap>,
  incoming: Readonly<RecordMap>,
): { merged: RecordMap; changed: string[] } {
  const merged = emptyRecords();
  Object.assign(merged, held);
  const changed: string[] = [];
  for (const [slug, record] of Object.entries(incoming)) {
    const current = merged[slug];
    const next = winner(current, record)!;
    if (!sameRecord(current, next)) {
      merged[slug] = next;
      changed.push(slug);
    }
  }
  return { merged, changed };
}

const sameMark = (a: Mark, record: SyncRecord) =>
  a.read === record.read && a.at === record.at && a.via === record.via;

/**
 * What this device's local state for one post means for sync, given the record it last agreed
 * on (`known`): that record if nothing changed here; otherwise a new record that wins over it.
 * A mark made after the known record keeps its own time; an older mark put back (import, undo)
 * or a mark removed by a reset is a change made `now`.
 */
export function localRecord(
  mark: Mark | undefined,
  known: SyncRecord | undefined,
  now: number,
): SyncRecord | undefined {
  const later = (floor: number) => Math.max(now, floor + 1);
  if (!mark) {
    // No mark here: nothing to say, unless sync holds a "read" this device has since forgotten
    // (a reset). A missing mark is "unread", so an unread record already agrees.
    if (!known || !known.read) return known;
    const t = later(known.t);
    return { read: false, at: t, via: 'reset', t };
  }
  if (known && sameMark(mark, known)) return known;
  const t = !known || mark.at > known.t ? mark.at : later(known.t);
  return { read: mark.read, at: mark.at, via: mark.via, t };
}

/** The winner of two values of one setting: the later; equal times by their JSON text. */
export function settingWinner(a: SyncedSetting | undefined, b: SyncedSetting): SyncedSetting {
  if (!a) return b;
  if (a.t !== b.t) return a.t > b.t ? a : b;
  return JSON.stringify(a.value) >= JSON.stringify(b.value) ? a : b;
}

/** Merge settings per setting: a new map, and the names whose winner changed. */
export function mergeSettings(
  held: Readonly<SettingMap>,
  incoming: Readonly<SettingMap>,
): { merged: SettingMap; changed: string[] } {
  const merged = emptySettings();
  Object.assign(merged, held);
  const changed: string[] = [];
  for (const [name, setting] of Object.entries(incoming)) {
    const next = settingWinner(merged[name], setting);
    if (next !== merged[name]) {
      merged[name] = next;
      changed.push(name);
    }
  }
  return { merged, changed };
}

/**
 * A local setting's value for sync: the known one if unchanged, else a change made `now`. A
 * setting never synced that still has its default says nothing (a new device must not push its
 * defaults over settings chosen elsewhere).
 */
export function localSetting(
  value: unknown,
  known: SyncedSetting | undefined,
  fallback: unknown,
  now: number,
): SyncedSetting | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (known) return same(known.value, value) ? known : { value, t: Math.max(now, known.t + 1) };
  return same(value, fallback) ? undefined : { value, t: now };
}
