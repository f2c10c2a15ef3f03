// The last good copy of the blog's feed, in storage.local, validated on every read. Two keys,
// always written together: `feed:meta` (validators, when checked, the last error), small enough
// for the content script to read on every blog page, and `feed:entries` (the posts).
//
// API for the UIs (read-only; only the background writes, see data/feed/record.ts):
//   loadFeedPosts()  → the cached feed entries, newest first (feed these to archivePosts()).
//   watchFeed(cb)    → cb(cache) after every write, in any context; returns an unsubscribe.
//   feedStatus()     → { lastChecked, lastSuccess, lastError, count } for the options page.
//   feedCheckDue()   → whether a tab's claim to fetch again is granted (claimFeedCheck).
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import {
  FEED_ENTRIES_KEY,
  FEED_META_KEY,
  MAX_CACHED_ENTRIES,
  feedEntrySchema,
  type FeedClaimResponse,
  type FeedEntry,
  type FeedStatus,
} from './schema';
import { feedMetaSchema, type FeedMeta } from './state-schema';
import { validStoredFields } from '../shared/stored-fields';

export { FEED_ENTRIES_KEY, FEED_META_KEY } from './schema';

/** A successful check is repeated after this long: the blog posts about twice a month. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** After a failed check, try again sooner, but not on every page view. */
export const RETRY_INTERVAL_MS = 60 * 60 * 1000;

export interface FeedCache {
  entries: FeedEntry[];
  meta: FeedMeta;
}

export type { FeedStatus } from './schema';

/** Any stored value → valid meta: each field that validates is kept, the rest dropped. */
export function feedMetaFromStored(value: unknown): FeedMeta {
  return feedMetaSchema.parse(validStoredFields(value, feedMetaSchema.def.shape));
}

/** Any stored value → the valid entries in it, one per slug, at most MAX_CACHED_ENTRIES. */
export function feedEntriesFromStored(value: unknown): FeedEntry[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const item of value.slice(0, MAX_CACHED_ENTRIES)) {
    const parsed = feedEntrySchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.slug)) continue;
    seen.add(parsed.data.slug);
    entries.push(parsed.data);
  }
  return entries;
}

export function feedCacheFromItems(items: Record<string, unknown>): FeedCache {
  return {
    entries: feedEntriesFromStored(items[FEED_ENTRIES_KEY]),
    meta: feedMetaFromStored(items[FEED_META_KEY]),
  };
}

/**
 * Answer a tab's claim (background only: it is the one writer): when a check is due, mark it as
 * taken and give the tab the validators for its conditional request.
 */
export async function claimFeedCheck(now = Date.now()): Promise<FeedClaimResponse> {
  const meta = await loadFeedMeta();
  if (!feedCheckDue(meta, now)) return { go: false };
  await browser.storage.local.set({
    [FEED_META_KEY]: feedMetaSchema.parse({ ...meta, checkingSince: now }),
  });
  const { etag, lastModified } = meta;
  return {
    go: true,
    ...(etag !== undefined ? { etag } : {}),
    ...(lastModified !== undefined ? { lastModified } : {}),
  };
}

export async function loadFeedMeta(): Promise<FeedMeta> {
  const items = await browser.storage.local.get(FEED_META_KEY);
  return feedMetaFromStored(items[FEED_META_KEY]);
}

export async function loadFeedCache(): Promise<FeedCache> {
  return feedCacheFromItems(await browser.storage.local.get([FEED_META_KEY, FEED_ENTRIES_KEY]));
}

export async function loadFeedPosts(): Promise<FeedEntry[]> {
  return (await loadFeedCache()).entries;
}

export function statusOf(cache: FeedCache): FeedStatus {
  const { lastChecked, lastSuccess, lastError } = cache.meta;
  return { lastChecked, lastSuccess, lastError, count: cache.entries.length };
}

export async function feedStatus(): Promise<FeedStatus> {
  return statusOf(await loadFeedCache());
}

export function watchFeed(onChange: (cache: FeedCache) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(FEED_META_KEY in changes || FEED_ENTRIES_KEY in changes)) return;
    void loadFeedCache().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** How long a claimed check keeps other tabs waiting, in case the claiming tab never reports. */
export const CLAIM_MS = 2 * 60 * 1000;

/**
 * Whether a check is due: never checked, or the interval since the last check has passed, and
 * no other tab is checking right now.
 */
export function feedCheckDue(meta: FeedMeta, now: number): boolean {
  const since = meta.checkingSince;
  if (since !== undefined && since <= now && now - since < CLAIM_MS) return false;
  if (meta.lastChecked === undefined || meta.lastChecked > now) return true;
  const failedLast = meta.lastError !== undefined && meta.lastError.at >= (meta.lastSuccess ?? 0);
  return now - meta.lastChecked >= (failedLast ? RETRY_INTERVAL_MS : CHECK_INTERVAL_MS);
}

/** Keep only the validated schema's fields, so what is written is exactly what a read accepts. */
export const feedCacheItems = (cache: FeedCache): Record<string, unknown> => ({
  [FEED_META_KEY]: feedMetaSchema.parse(cache.meta),
  [FEED_ENTRIES_KEY]: z.array(feedEntrySchema).parse(cache.entries),
});
