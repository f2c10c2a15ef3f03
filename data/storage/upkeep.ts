// Brings storage to the current layout: runs in the background on install, update and start.
// Idempotent and crash-safe: marks are written before the old layout is removed, so stopping
// half-way loses nothing and the next run finishes the job.
import { browser } from 'wxt/browser';
import {
  LEGACY_KEY,
  MARK_PREFIX,
  PROGRESS_VERSION,
  VERSION_KEY,
  laterMark,
  marksFromItems,
  marksFromLegacy,
  type Mark,
} from '../progress/marks';
import { PREFS_KEY, prefsFromStored, prefsSchema } from '../settings/prefs';
import { setAside } from './quarantine';

export interface UpkeepReport {
  /** The layout version found, before any change. */
  from: number;
  migrated: number;
  setAside: string[];
  /** Storage written by a newer version of the extension: left alone. */
  newer: boolean;
}

export function storedVersion(items: Record<string, unknown>): number {
  const version = items[VERSION_KEY];
  if (typeof version === 'number' && Number.isInteger(version) && version > 0) return version;
  return items[LEGACY_KEY] !== undefined ? 1 : PROGRESS_VERSION;
}

export async function upgradeStorage(now = Date.now()): Promise<UpkeepReport> {
  const items = await browser.storage.local.get(null);
  const from = storedVersion(items);
  const report: UpkeepReport = { from, migrated: 0, setAside: [], newer: false };
  if (from > PROGRESS_VERSION) {
    report.newer = true;
    return report;
  }

  const current = marksFromItems(items);
  if (items[LEGACY_KEY] !== undefined) {
    const legacy = marksFromLegacy(items[LEGACY_KEY]);
    const writes: Record<string, Mark> = {};
    for (const [slug, mark] of Object.entries(legacy.progress)) {
      if (laterMark(current.progress[slug], mark) === mark) writes[MARK_PREFIX + slug] = mark;
    }
    await browser.storage.local.set({ ...writes, [VERSION_KEY]: PROGRESS_VERSION });
    report.migrated = Object.keys(legacy.progress).length;
    if (Object.keys(legacy.invalid).length > 0) {
      await setAside(LEGACY_KEY, items[LEGACY_KEY], 'progress v1: entries that could not be read', {
        keepOriginal: true,
        now,
      });
      report.setAside.push(LEGACY_KEY);
    }
    await browser.storage.local.remove(LEGACY_KEY);
  } else if (items[VERSION_KEY] !== PROGRESS_VERSION) {
    await browser.storage.local.set({ [VERSION_KEY]: PROGRESS_VERSION });
  }

  for (const [key, value] of Object.entries(current.invalid)) {
    await setAside(key, value, 'not a valid mark', { now });
    report.setAside.push(key);
  }

  // Settings are repaired field by field on every read; keep the original once for the record.
  const prefs = items[PREFS_KEY];
  if (prefs !== undefined && !prefsSchema.safeParse(prefs).success) {
    await setAside(PREFS_KEY, prefs, 'settings that could not be read (defaults used)', {
      keepOriginal: true,
      now,
    });
    await browser.storage.local.set({ [PREFS_KEY]: prefsFromStored(prefs) });
    report.setAside.push(PREFS_KEY);
  }
  return report;
}
