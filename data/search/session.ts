// The popup's last query and filters, kept "for a short while" so that reopening the popup
// right after following a result picks up where the reader was. storage.session (cleared with
// the browser) where the browser has it, else storage.local; both carry a timestamp and are
// validated on read.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { NO_FILTERS, type ArchiveFilters } from './engine';

export const SEARCH_SESSION_KEY = 'popupSearch';
/** How long a query survives a closed popup. */
export const SEARCH_SESSION_TTL_MS = 5 * 60 * 1000;

export const searchSessionSchema = z.strictObject({
  query: z.string().check(z.maxLength(500)),
  section: z.string().check(z.maxLength(200)),
  unreadOnly: z.boolean(),
  shortOnly: z.boolean(),
  /** Optional: sessions saved before the whole-blog archive have no such filter. */
  annotatedOnly: z.optional(z.boolean()),
  sort: z.enum(['relevance', 'newest']),
  /** When it was saved, ms since the epoch. */
  at: z.number().check(z.nonnegative()),
});
export type SearchSession = z.infer<typeof searchSessionSchema>;

export interface SavedSearch {
  query: string;
  filters: ArchiveFilters;
}

interface StorageAreaLike {
  get: (key: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
}

function area(): StorageAreaLike {
  const storage = browser.storage as unknown as { session?: StorageAreaLike };
  return storage.session ?? browser.storage.local;
}

/** A stored value → the saved search, or undefined when invalid or older than the TTL. */
export function savedSearchFromStored(value: unknown, now: number): SavedSearch | undefined {
  const parsed = searchSessionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { query, at, ...filters } = parsed.data;
  if (now - at > SEARCH_SESSION_TTL_MS || at > now) return undefined;
  return {
    query,
    filters: { ...NO_FILTERS, ...filters, annotatedOnly: filters.annotatedOnly ?? false },
  };
}

export async function loadSearchSession(now = Date.now()): Promise<SavedSearch | undefined> {
  try {
    const items = await area().get(SEARCH_SESSION_KEY);
    return savedSearchFromStored(items[SEARCH_SESSION_KEY], now);
  } catch {
    // A browser without the area, or with its access restricted: start afresh.
    return undefined;
  }
}

export async function saveSearchSession(saved: SavedSearch, now = Date.now()): Promise<void> {
  const value: SearchSession = { query: saved.query, ...saved.filters, at: now };
  await area().set({ [SEARCH_SESSION_KEY]: value });
}
