// The sync switch and the status record the options page shows. Kept apart from the engine so
// the options page reads them without loading the engine.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

/** Off only when the reader turned sync off on this device (on by default). */
export const SYNC_ENABLED_KEY = 'sync:enabled';
export const SYNC_STATUS_KEY = 'sync:status';

const count = () => z.number().check(z.int(), z.nonnegative());

export const syncStatusSchema = z.object({
  enabled: z.boolean(),
  /** When this device last found sync holding everything it knows. */
  lastSyncedAt: z.optional(count()),
  /** Posts whose record is in sync (read or unread). */
  marksSynced: count(),
  /** Bytes the whole area uses (getBytesInUse), when the browser says. */
  bytesInUse: z.optional(count()),
  /** The last error, in words; cleared by the next good write. */
  lastError: z.optional(z.string()),
  /** Sync writes made by this device since the extension started counting. */
  writes: count(),
  /** When the writes of the last hour were made, to keep under the rate limits. */
  recentWrites: z.array(count()),
  /** Records left out of sync to fit its quota: they stay on this device. */
  notSynced: z.object({ unread: count(), read: count() }),
  /** Items written by a later version of the extension, left alone. */
  newerItems: count(),
  /** Sync items set aside as corrupt (quarantine). */
  quarantined: count(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const initialStatus = (): SyncStatus => ({
  enabled: true,
  marksSynced: 0,
  writes: 0,
  recentWrites: [],
  notSynced: { unread: 0, read: 0 },
  newerItems: 0,
  quarantined: 0,
});

export async function loadSyncEnabled(): Promise<boolean> {
  const stored = (await browser.storage.local.get(SYNC_ENABLED_KEY))[SYNC_ENABLED_KEY];
  return stored !== false;
}

export async function saveSyncEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [SYNC_ENABLED_KEY]: enabled });
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const parsed = syncStatusSchema.safeParse(
    (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY],
  );
  return parsed.success ? parsed.data : initialStatus();
}

/** Call `onChange` whenever the status or the switch changes. */
export function watchSyncStatus(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SYNC_STATUS_KEY in changes || SYNC_ENABLED_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const KB = 1024;
/** The area's use as text, e.g. `3.1 of 100 KB`. */
export const usageText = (bytes: number | undefined, quota = 102_400) =>
  bytes === undefined
    ? `not measured (of ${quota / KB} KB)`
    : `${(bytes / KB).toFixed(1)} of ${quota / KB} KB`;

/** The status line, in words. */
export function statusText(status: SyncStatus, enabled: boolean): string {
  if (!enabled) return 'Sync is off: every mark stays on this device only.';
  const parts: string[] = [];
  if (status.lastError) parts.push(`Not synced: ${status.lastError}`);
  parts.push(
    status.lastSyncedAt === undefined
      ? 'Not synced yet.'
      : `Last synced ${new Date(status.lastSyncedAt).toLocaleString()}.`,
  );
  parts.push(`${status.marksSynced} marks synced; ${status.writes} sync writes.`);
  const { unread, read } = status.notSynced;
  if (unread + read > 0)
    parts.push(
      `Sync is full: ${read} read and ${unread} unread marks (the oldest) are kept on this device only.`,
    );
  if (status.newerItems > 0)
    parts.push(
      `${status.newerItems} sync items come from a newer version of Fly Field Notes and are left alone; update the extension to sync them.`,
    );
  if (status.quarantined > 0)
    parts.push(`${status.quarantined} unreadable sync items were set aside, not merged.`);
  return parts.join(' ');
}
