// The sync engine, run by the background: storage.local stays the source every page reads;
// this carries local changes to storage.sync in batches, and merges what arrives from sync
// into local. All steps run one at a time (a queue), so merges never interleave.
//
// - Local changes (marks, settings) are batched: a write goes out DEBOUNCE_MS after the last
//   change, at most MAX_WAIT_MS after the first, and never more than the rate limits allow.
// - Sync changes are checked item by item (pack.ts); a corrupt item is quarantined and then
//   replaced by this device's own records, never merged or spread; an item of a newer format
//   is left alone.
// - A refused write (quota, rate) is retried later; local marks are never touched by it.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { MARK_PREFIX, markSchema, progressFromItems, type Progress } from '../progress/marks';
import { PLACE_PREFIX, placeSchema, placesFromStorage, type PostPlace } from '../progress/places';
import { DEFAULT_PREFS, PREFS_KEY, prefsFromStored } from '../settings/prefs';
import { setAside } from '../storage/quarantine';
import { mergeSettings, winner } from './merge';
import { AREA_BUDGET, SYNC_QUOTA, itemBytes, packAll, packPlaces, readItem } from './pack';
import {
  emptyPlaceRecords,
  ingestIncomingPlaces,
  ingestLocalPlaces,
  packPlace,
  packedPlacesSchema,
  placeWinner,
  unpackPlace,
  type PlaceRecordMap,
  type PlaceWrites,
} from './place-records';
import {
  SYNC_PREFIX,
  emptyRecords,
  emptySettings,
  packRecord,
  packedRecordsSchema,
  syncedSettingSchema,
  unpackRecord,
  type RecordMap,
  type SettingMap,
} from './records';
import { ingestIncoming, ingestLocal, ingestLocalSettings } from './replica';
import { serialQueue } from '../shared/serial-queue';
import {
  SYNC_ENABLED_KEY,
  SYNC_STATUS_KEY,
  initialStatus,
  loadSyncEnabled,
  loadSyncStatus,
  type SyncStatus,
} from './status';

/** What this device last agreed with sync on, kept so a change here can be told apart. */
export const SYNC_STATE_KEY = 'sync:state';
const stateSchema = z.strictObject({
  v: z.literal(1),
  marks: packedRecordsSchema,
  prefs: z.record(z.string(), syncedSettingSchema),
  places: z.optional(packedPlacesSchema),
});

export const DEBOUNCE_MS = 2_000;
export const MAX_WAIT_MS = 10_000;
export const RETRY_MS = 60_000;
/** Below the published limits (120 a minute, 1,800 an hour), leaving room for the browser. */
export const WRITES_PER_MINUTE = 100;
export const WRITES_PER_HOUR = 1_500;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface EngineOptions {
  now?: () => number;
  debounceMs?: number;
}

/** Words for a refused write. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/QUOTA_BYTES|quota/i.test(message))
    return `browser sync storage is full (${message}). Every mark is kept on this device; sync is retried later.`;
  if (/MAX_WRITE_OPERATIONS/i.test(message))
    return `too many sync writes for now (${message}); retried later. Every mark is kept on this device.`;
  return `${message}. Every mark is kept on this device; sync is retried later.`;
}

export class SyncEngine {
  private records: RecordMap = emptyRecords();
  private settings: SettingMap = emptySettings();
  private places: PlaceRecordMap = emptyPlaceRecords();
  private status: SyncStatus = initialStatus();
  private enabled = true;
  private readonly serial = serialQueue();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstDirtyAt: number | undefined;
  private readonly now: () => number;
  private readonly debounceMs: number;
  /** Corrupt values already set aside, so one item is quarantined once. */
  private readonly quarantined = new Set<string>();

  constructor(options: EngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  }

  /** Load what this device knows, take in both areas, and start listening. */
  start(): Promise<void> {
    browser.storage.onChanged.addListener((changes, area) => this.onChanged(changes, area));
    return this.enqueue(async () => {
      await this.load();
      if (this.enabled) await this.catchUp();
    });
  }

  /** Resolves once every step queued so far has run (tests, and the e2e tests via status). */
  idle(): Promise<unknown> {
    return this.serial.idle();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    return this.serial.run(() =>
      step().catch((error: unknown) => {
        this.status.lastError = errorText(error);
        return this.saveStatus();
      }),
    );
  }

  private onChanged(changes: Record<string, unknown>, area: string): void {
    const keys = Object.keys(changes);
    if (area === 'local') {
      if (keys.includes(SYNC_ENABLED_KEY)) {
        void this.enqueue(async () => {
          this.enabled = await loadSyncEnabled();
          this.status.enabled = this.enabled;
          if (this.enabled) await this.catchUp();
          else this.cancelTimer();
          await this.saveStatus();
        });
      }
      const ours = (key: string) =>
        key.startsWith(MARK_PREFIX) || key.startsWith(PLACE_PREFIX) || key === PREFS_KEY;
      if (this.enabled && keys.some(ours)) void this.enqueue(() => this.takeLocal());
    } else if (area === 'sync' && this.enabled && keys.some((k) => k.startsWith(SYNC_PREFIX))) {
      void this.enqueue(() => this.takeSync());
    }
  }

  private async load(): Promise<void> {
    const items = await browser.storage.local.get([SYNC_STATE_KEY]);
    const state = stateSchema.safeParse(items[SYNC_STATE_KEY]);
    if (state.success) {
      for (const packed of state.data.marks) this.records[packed[0]] = unpackRecord(packed);
      for (const [name, [value, t]] of Object.entries(state.data.prefs))
        this.settings[name] = { value, t };
      for (const packed of state.data.places ?? []) this.places[packed[0]] = unpackPlace(packed);
    }
    this.status = await loadSyncStatus();
    this.enabled = await loadSyncEnabled();
    this.status.enabled = this.enabled;
  }

  private async catchUp(): Promise<void> {
    await this.takeSync();
    await this.takeLocal();
    this.schedule(0);
  }

  private async saveState(): Promise<void> {
    const prefs: Record<string, [unknown, number]> = {};
    for (const [name, setting] of Object.entries(this.settings))
      prefs[name] = [setting.value, setting.t];
    const marks = Object.keys(this.records).map((slug) => packRecord(slug, this.records[slug]!));
    const places = Object.keys(this.places).map((slug) => packPlace(slug, this.places[slug]!));
    await browser.storage.local.set({ [SYNC_STATE_KEY]: { v: 1, marks, prefs, places } });
  }

  private saveStatus(): Promise<void> {
    return browser.storage.local.set({ [SYNC_STATUS_KEY]: { ...this.status } });
  }

  /** Take in local marks, places and settings: whatever changed here gets a record that wins. */
  private async takeLocal(): Promise<void> {
    const now = this.now();
    // One read of every key serves the marks and the places.
    const local = await browser.storage.local.get(null);
    const progress = progressFromItems(local);
    const marks = ingestLocal(this.records, progress, now);
    const places = ingestLocalPlaces(this.places, await placesFromStorage(local), now);
    const stored = (await browser.storage.local.get(PREFS_KEY))[PREFS_KEY];
    const prefs = ingestLocalSettings(this.settings, prefsFromStored(stored), DEFAULT_PREFS, now);
    if (marks.changed.length === 0 && prefs.changed.length === 0 && !places.changed) return;
    this.records = marks.records;
    this.places = places.records;
    this.settings = prefs.settings;
    await this.saveState();
    this.schedule(this.debounceMs);
  }

  /** Take in everything in the sync area: check, quarantine, merge, write local winners. */
  private async takeSync(): Promise<void> {
    const items = await browser.storage.sync.get(null);
    const incoming = emptyRecords();
    let incomingSettings = emptySettings();
    const incomingPlaces = emptyPlaceRecords();
    let newer = 0;
    for (const [key, value] of Object.entries(items)) {
      const item = await readItem(key, value);
      if (item.kind === 'marks')
        for (const [slug, record] of Object.entries(item.records))
          incoming[slug] = winner(incoming[slug], record)!;
      else if (item.kind === 'prefs')
        incomingSettings = mergeSettings(incomingSettings, item.settings).merged;
      else if (item.kind === 'places')
        for (const [slug, record] of Object.entries(item.records))
          incomingPlaces[slug] = placeWinner(incomingPlaces[slug], record)!;
      else if (item.kind === 'newer') newer++;
      else if (item.kind === 'corrupt') await this.quarantine(key, value, item.reason);
    }
    this.status.newerItems = newer;

    const local = await browser.storage.local.get(null);
    const progress = progressFromItems(local);
    const { records, writes } = ingestIncoming(this.records, incoming, progress);
    const settings = mergeSettings(this.settings, incomingSettings);
    const localPlaces = await placesFromStorage(local);
    const places = ingestIncomingPlaces(this.places, incomingPlaces, localPlaces);
    this.records = records;
    this.settings = settings.merged;
    this.places = places.records;
    // State first: the local writes below then read as agreed, not as new changes.
    await this.saveState();
    await this.writeLocal(writes, progress);
    await this.writeLocalPlaces(places.writes, localPlaces);
    if (settings.changed.length > 0) await this.writeLocalSettings(settings.changed);
    this.schedule(this.debounceMs);
  }

  private async quarantine(key: string, value: unknown, reason: string): Promise<void> {
    const fingerprint = `${key}\u0000${JSON.stringify(value)}`;
    if (this.quarantined.has(fingerprint)) return;
    this.quarantined.add(fingerprint);
    // Kept in local quarantine for the reader; the sync copy is replaced by this device's own.
    await setAside(`sync:${key}`, value, `sync item: ${reason}`, {
      keepOriginal: true,
      now: this.now(),
    });
    this.status.quarantined++;
  }

  /** Write merge winners locally, skipping any post marked here since `seen` was read. */
  private async writeLocal(writes: Record<string, unknown>, seen: Progress): Promise<void> {
    const slugs = Object.keys(writes);
    if (slugs.length === 0) return;
    const keys = slugs.map((slug) => MARK_PREFIX + slug);
    const now = await browser.storage.local.get(keys);
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const slug of slugs) {
      const key = MARK_PREFIX + slug;
      const held = markSchema.safeParse(now[key]);
      const before = Object.hasOwn(seen, slug) ? seen[slug] : undefined;
      if (JSON.stringify(held.success ? held.data : undefined) !== JSON.stringify(before)) continue; // Changed meanwhile: that change is taken in next and wins.
      const mark = writes[slug];
      if (mark === null) remove.push(key);
      else set[key] = mark;
    }
    if (Object.keys(set).length > 0) await browser.storage.local.set(set);
    if (remove.length > 0) await browser.storage.local.remove(remove);
  }

  /** Write merged places locally, skipping any post whose place moved here meanwhile. */
  private async writeLocalPlaces(writes: PlaceWrites, seen: readonly PostPlace[]): Promise<void> {
    const slugs = Object.keys(writes);
    if (slugs.length === 0) return;
    const before = new Map(seen.map((place) => [place.slug, place.at]));
    const now = await browser.storage.local.get(slugs.map((slug) => PLACE_PREFIX + slug));
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const slug of slugs) {
      const held = placeSchema.safeParse(now[PLACE_PREFIX + slug]);
      if ((held.success ? held.data.at : undefined) !== before.get(slug)) continue;
      const place = writes[slug];
      if (place === null) remove.push(PLACE_PREFIX + slug);
      else if (place) set[PLACE_PREFIX + slug] = place;
    }
    if (Object.keys(set).length > 0) await browser.storage.local.set(set);
    if (remove.length > 0) await browser.storage.local.remove(remove);
  }

  private async writeLocalSettings(names: readonly string[]): Promise<void> {
    const stored = (await browser.storage.local.get(PREFS_KEY))[PREFS_KEY];
    const current: Record<string, unknown> = { ...prefsFromStored(stored) };
    for (const name of names)
      if (Object.hasOwn(DEFAULT_PREFS, name)) current[name] = this.settings[name]!.value;
    await browser.storage.local.set({ [PREFS_KEY]: prefsFromStored(current) });
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstDirtyAt = undefined;
  }

  /** Publish after `delay`, but no later than MAX_WAIT_MS after the first pending change. */
  private schedule(delay: number): void {
    const now = this.now();
    this.firstDirtyAt ??= now;
    const wait = Math.max(0, Math.min(delay, this.firstDirtyAt + MAX_WAIT_MS - now));
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.publish());
    }, wait);
  }

  private withinRate(now: number): number {
    this.status.recentWrites = this.status.recentWrites.filter((at) => now - at < HOUR);
    const lastMinute = this.status.recentWrites.filter((at) => now - at < MINUTE);
    if (lastMinute.length >= WRITES_PER_MINUTE) return lastMinute[0]! + MINUTE - now;
    if (this.status.recentWrites.length >= WRITES_PER_HOUR)
      return this.status.recentWrites[0]! + HOUR - now;
    return 0;
  }

  private countWrite(now: number): void {
    this.status.writes++;
    this.status.recentWrites.push(now);
  }

  /** Write to sync whatever it lacks of what this device knows, in one write. */
  private async publish(): Promise<void> {
    if (!this.enabled) return;
    this.firstDirtyAt = undefined;
    const now = this.now();
    const wait = this.withinRate(now);
    if (wait > 0) {
      this.status.lastError = `waiting ${Math.ceil(wait / 1000)} s to stay within the browser's sync write limits.`;
      await this.saveStatus();
      this.schedule(wait);
      return;
    }
    const items = await browser.storage.sync.get(null);
    const skip = new Set<string>();
    let foreignBytes = 0;
    for (const [key, value] of Object.entries(items)) {
      const kind = (await readItem(key, value)).kind;
      if (kind === 'newer') skip.add(key);
      if (kind === 'foreign' || kind === 'newer') foreignBytes += itemBytes(key, value);
    }
    const packed = await packAll(this.records, this.settings, {
      areaBudget: AREA_BUDGET - foreignBytes,
      skip,
    });
    // Places take what the marks and settings leave of the area.
    const places = await packPlaces(this.places, AREA_BUDGET - foreignBytes - packed.bytes, skip);
    const wanted = { ...packed.items, ...places.items };
    const set: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(wanted))
      if (JSON.stringify(items[key]) !== JSON.stringify(item)) set[key] = item;
    const remove = Object.keys(items).filter(
      (key) => key.startsWith(SYNC_PREFIX) && !skip.has(key) && !(key in wanted),
    );
    this.status.notSynced = packed.dropped;
    this.status.marksSynced = packed.synced;
    try {
      if (Object.keys(set).length > 0) {
        this.countWrite(now);
        await browser.storage.sync.set(set);
      }
      if (remove.length > 0) {
        this.countWrite(now);
        await browser.storage.sync.remove(remove);
      }
      this.status.lastError = undefined;
      this.status.lastSyncedAt = now;
    } catch (error) {
      this.status.lastError = errorText(error);
      this.schedule(RETRY_MS);
    }
    this.status.bytesInUse = await bytesInUse();
    await this.saveStatus();
  }
}

/** Bytes the sync area uses, where the browser can say. */
async function bytesInUse(): Promise<number | undefined> {
  const area = browser.storage.sync as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse !== 'function') return undefined;
  try {
    return await area.getBytesInUse(null);
  } catch {
    return undefined;
  }
}

/** The quota the usage is measured against. */
export const SYNC_AREA_QUOTA = SYNC_QUOTA.bytes;
