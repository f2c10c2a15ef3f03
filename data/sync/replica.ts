// One device's side of sync, as pure steps over its records: take in what changed locally, take
// in what arrived from sync, and say which local marks to write. The engine (engine.ts) runs
// these against storage; the property tests run them against simulated devices.
import type { Mark, Progress } from '../progress/marks';
import { localRecord, localSetting, mergeRecords, mergeSettings } from './merge';
import { emptyRecords, recordToMark, sameRecord, type RecordMap, type SettingMap } from './records';

/** A local write decided by a merge: the mark to store, or `null` to remove the post's mark. */
export type LocalWrites = Record<string, Mark | null>;

/** Records after taking in the local marks: changed posts get a record that wins. */
export function ingestLocal(
  records: Readonly<RecordMap>,
  local: Progress,
  now: number,
): { records: RecordMap; changed: string[] } {
  const next = emptyRecords();
  Object.assign(next, records);
  const changed: string[] = [];
  const slugs = new Set([...Object.keys(records), ...Object.keys(local)]);
  for (const slug of slugs) {
    const mark = Object.hasOwn(local, slug) ? local[slug] : undefined;
    const record = localRecord(mark, records[slug], now);
    if (record && !sameRecord(record, records[slug])) {
      next[slug] = record;
      changed.push(slug);
    }
  }
  return { records: next, changed };
}

const sameMark = (a: Mark | undefined, b: Mark | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.read === b.read && a.at === b.at && a.via === b.via);

/** Records after merging what arrived, and the local writes that bring the marks in line. */
export function ingestIncoming(
  records: Readonly<RecordMap>,
  incoming: Readonly<RecordMap>,
  local: Progress,
): { records: RecordMap; writes: LocalWrites } {
  const { merged, changed } = mergeRecords(records, incoming);
  const writes = Object.create(null) as LocalWrites;
  for (const slug of changed) {
    const held = Object.hasOwn(local, slug) ? local[slug] : undefined;
    const wanted = recordToMark(merged[slug]!);
    if (sameMark(held, wanted)) continue;
    // A reset's "unread" removes the mark; an unread post is one with no "read" mark.
    if (!wanted) {
      if (held) writes[slug] = null;
    } else writes[slug] = wanted;
  }
  return { records: merged, writes };
}

/** Settings after taking in the local values (`defaults` say nothing until changed). */
export function ingestLocalSettings(
  settings: Readonly<SettingMap>,
  local: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>>,
  now: number,
): { settings: SettingMap; changed: string[] } {
  const fresh = Object.create(null) as SettingMap;
  for (const name of Object.keys(local)) {
    const setting = localSetting(local[name], settings[name], defaults[name], now);
    if (setting && setting !== settings[name]) fresh[name] = setting;
  }
  const { merged, changed } = mergeSettings(settings, fresh);
  return { settings: merged, changed };
}
