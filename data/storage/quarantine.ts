// Stored values that failed validation are set aside here rather than thrown away: the reader
// (or a bug report) can still recover them, and the options page says once that it happened.
// Each entry has its own key so that two contexts setting aside different values never clash.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const QUARANTINE_PREFIX = 'quarantine:';

/** Longest key and reason kept: a hostile key (a 5 MB slug) is shortened, not copied whole. */
export const MAX_QUARANTINE_KEY_CHARS = 300;
export const MAX_QUARANTINE_REASON_CHARS = 500;
/** Values whose JSON is longer keep only their first this-many characters, as text. */
export const MAX_QUARANTINE_VALUE_CHARS = 64 * 1024;

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

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** What quarantine keeps of a value: all of it, or the start of its JSON when it is huge. */
function keptValue(value: unknown): { value: unknown; cut: boolean } {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined || json.length <= MAX_QUARANTINE_VALUE_CHARS) return { value, cut: false };
  return { value: json.slice(0, MAX_QUARANTINE_VALUE_CHARS), cut: true };
}

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
  const shortKey = shorten(key, MAX_QUARANTINE_KEY_CHARS);
  const id = `${QUARANTINE_PREFIX}${shortKey}@${at}`;
  const kept = keptValue(value);
  const why = kept.cut ? `${reason} (too large to keep whole: the start of its JSON)` : reason;
  const entry = {
    key: shortKey,
    value: kept.value,
    reason: shorten(why, MAX_QUARANTINE_REASON_CHARS),
    at,
    reported: false,
  };
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
