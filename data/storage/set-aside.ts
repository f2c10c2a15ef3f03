// Setting a stored value aside (see quarantine.ts), in a module of its own without the
// quarantine's schemas: the content script calls it from setRead and has a 25 KB gzip budget.
import { browser } from 'wxt/browser';

export const QUARANTINE_PREFIX = 'quarantine:';
/** Longest key and reason kept: a hostile key (a 5 MB slug) is shortened, not copied whole. */
export const MAX_QUARANTINE_KEY_CHARS = 300;
export const MAX_QUARANTINE_REASON_CHARS = 500;
/** Values whose JSON is longer keep only their first this-many characters, as text. */
export const MAX_QUARANTINE_VALUE_CHARS = 64 * 1024;

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The value's JSON, or undefined when it has none (a cycle, say). */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Copy `value` (found under `key`) into quarantine, then remove the original, but only if it
 * still holds the same value: a tab may have written a good mark there in the meantime.
 * With `keepOriginal` the original stays (for values repaired in place, such as settings).
 * A huge value keeps the start of its JSON, as text, so quarantine cannot fill storage.
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
  const json = jsonOf(value);
  const cut = json !== undefined && json.length > MAX_QUARANTINE_VALUE_CHARS;
  const entry = {
    key: shortKey,
    value: cut ? json.slice(0, MAX_QUARANTINE_VALUE_CHARS) : value,
    reason: shorten(cut ? `${reason} (cut short)` : reason, MAX_QUARANTINE_REASON_CHARS),
    at,
    reported: false,
  };
  await browser.storage.local.set({ [id]: entry });
  if (!options.keepOriginal) {
    const again = await browser.storage.local.get(key);
    if (jsonOf(again[key]) === json) await browser.storage.local.remove(key);
  }
  return id;
}
