// Stored values that failed validation are set aside here rather than thrown away: the reader
// (or a bug report) can still recover them, and the options page says once that it happened.
// Each entry has its own key so that two contexts setting aside different values never clash.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import {
  MAX_QUARANTINE_KEY_CHARS,
  MAX_QUARANTINE_REASON_CHARS,
  QUARANTINE_PREFIX,
} from './set-aside';

// Setting aside lives in set-aside.ts (the content script needs it without these schemas).
export {
  MAX_QUARANTINE_KEY_CHARS,
  MAX_QUARANTINE_REASON_CHARS,
  MAX_QUARANTINE_VALUE_CHARS,
  QUARANTINE_PREFIX,
  setAside,
} from './set-aside';

export const quarantineEntrySchema = z.strictObject({
  /** The storage key the value was found under (shortened past MAX_QUARANTINE_KEY_CHARS). */
  key: z.string().check(z.maxLength(MAX_QUARANTINE_KEY_CHARS)),
  value: z.unknown(),
  reason: z.string().check(z.maxLength(MAX_QUARANTINE_REASON_CHARS)),
  at: z.number(),
  /** Shown to the reader once; after that it stays in storage but is not announced again. */
  reported: z.boolean(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema> & { id: string };

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
