// Stored values that failed validation are set aside here rather than thrown away: the reader
// (or a bug report) can still recover them, and the options page says once that it happened.
// Each entry has its own key so that two contexts setting aside different values never clash.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const QUARANTINE_PREFIX = 'quarantine:';

export const quarantineEntrySchema = z.strictObject({
  /** The storage key the value was found under. */
  key: z.string(),
  value: z.unknown(),
  reason: z.string(),
  at: z.number(),
  /** Shown to the reader once; after that it stays in storage but is not announced again. */
  reported: z.boolean(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema> & { id: string };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Copy `value` (found under `key`) into quarantine, then remove the original, but only if it
 * still holds the same value: a tab may have written a good mark there in the meantime.
 * With `keepOriginal` the original stays (for values repaired in place, such as settings).
 */
export async function setAside(
  key: string,
  value: unknown,
  reason: string,
  options: { keepOriginal?: boolean; now?: number } = {},
): Promise<string> {
  const at = options.now ?? Date.now();
  const id = `${QUARANTINE_PREFIX}${key}@${at}`;
  const entry = { key, value, reason, at, reported: false };
  await browser.storage.local.set({ [id]: entry });
  if (!options.keepOriginal) {
    const again = await browser.storage.local.get(key);
    if (sameJson(again[key], value)) await browser.storage.local.remove(key);
  }
  return id;
}

export function quarantineFromItems(items: Record<string, unknown>): QuarantineEntry[] {
  const entries: QuarantineEntry[] = [];
  for (const [id, value] of Object.entries(items)) {
    if (!id.startsWith(QUARANTINE_PREFIX)) continue;
    const parsed = quarantineEntrySchema.safeParse(value);
    // An entry that is itself malformed is still something set aside: show it as such.
    entries.push(
      parsed.success
        ? { ...parsed.data, id }
        : {
            id,
            key: id.slice(QUARANTINE_PREFIX.length),
            value,
            reason: 'unreadable',
            at: 0,
            reported: false,
          },
    );
  }
  return entries.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export async function loadQuarantine(): Promise<QuarantineEntry[]> {
  return quarantineFromItems(await browser.storage.local.get(null));
}

export async function markReported(entries: readonly QuarantineEntry[]): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const { id, ...entry } of entries) items[id] = { ...entry, reported: true };
  if (entries.length > 0) await browser.storage.local.set(items);
}
