// Turning a fetch outcome into the next cache. Only the background calls this (one writer, so
// two tabs reporting at once cannot interleave a read-modify-write); see
// entrypoints/background/feed.ts. Whatever goes wrong, the last good entries and their
// validators stay; only lastChecked and lastError move.
import { browser } from 'wxt/browser';
import { parseFeed } from './parse';
import {
  FEED_ENTRIES_KEY,
  FEED_META_KEY,
  feedCacheItems,
  loadFeedCache,
  statusOf,
  type FeedCache,
  type FeedStatus,
} from './cache';
import { MAX_CACHED_ENTRIES, type FeedEntry } from './schema';
import type { FeedFetchOutcome } from './state-schema';

/** One feed's worth: how many posts older than the feed the cache keeps on its own word. */
export const MAX_FELL_OFF_ENTRIES = 40;

/**
 * The cache after a feed read. The feed lists only the 40 newest posts, so a cached post it no
 * longer lists is judged by its date against the feed's oldest entry:
 * - on or after it (inside the feed's range): the blog took it down, or it never existed (a
 *   feed that briefly listed other posts), so it goes. Only when the feed read cleanly: a
 *   half-broken feed drops nothing.
 * - before it (fallen off the end): kept, but at most one feed's worth (the newest), unless the
 *   blog's own index confirms it (`indexConfirmed`, slugs). So a feed that changes on every
 *   read cannot grow the archive past one feed plus what the index confirms.
 * Read marks live elsewhere (`read:<slug>`) and are never touched.
 */
export function accumulateEntries(
  previous: readonly FeedEntry[],
  fresh: readonly FeedEntry[],
  freshWasClean: boolean,
  indexConfirmed: ReadonlySet<string> = new Set(),
): FeedEntry[] {
  const freshSlugs = new Set(fresh.map((e) => e.slug));
  const oldest = fresh.reduce((min, e) => (e.date < min ? e.date : min), fresh[0]?.date ?? '');
  const newestFirst = (a: FeedEntry, b: FeedEntry) => b.date.localeCompare(a.date);
  const confirmed: FeedEntry[] = [];
  const unconfirmed: FeedEntry[] = [];
  for (const e of previous) {
    if (freshSlugs.has(e.slug)) continue;
    if (indexConfirmed.has(e.slug)) confirmed.push(e);
    else if (!freshWasClean || e.date < oldest) unconfirmed.push(e);
  }
  const fellOff = unconfirmed.sort(newestFirst).slice(0, MAX_FELL_OFF_ENTRIES);
  return [...fresh, ...confirmed, ...fellOff].sort(newestFirst).slice(0, MAX_CACHED_ENTRIES);
}

/** The meta without the claim: any recorded outcome ends the check. */
function settled(meta: FeedCache['meta']): FeedCache['meta'] {
  const rest = { ...meta };
  delete rest.checkingSince;
  return rest;
}

const failure = (previous: FeedCache, now: number, message: string): FeedCache => ({
  entries: previous.entries,
  meta: {
    ...settled(previous.meta),
    lastChecked: now,
    lastError: { at: now, message: message.slice(0, 500) },
  },
});

/** The cache after one fetch outcome. Pure; never throws. */
export function nextFeedCache(
  previous: FeedCache,
  outcome: FeedFetchOutcome,
  now: number,
  indexConfirmed: ReadonlySet<string> = new Set(),
): FeedCache {
  if (outcome.kind === 'failed') return failure(previous, now, outcome.error);
  if (outcome.kind === 'not-modified') {
    // A 304 vouches for the copy we hold; with nothing held, forget the validators so the next
    // check asks for the whole feed.
    if (previous.entries.length === 0)
      return failure({ entries: [], meta: {} }, now, 'the feed answered 304 but nothing is cached');
    const meta = settled(previous.meta);
    delete meta.lastError;
    return { entries: previous.entries, meta: { ...meta, lastChecked: now, lastSuccess: now } };
  }
  if (outcome.status < 200 || outcome.status > 299)
    return failure(previous, now, `the feed answered HTTP ${outcome.status}`);
  const parsed = parseFeed(outcome.text, { now: new Date(now) });
  if (!parsed.ok) return failure(previous, now, `the feed could not be used: ${parsed.error}`);
  return {
    entries: accumulateEntries(
      previous.entries,
      parsed.entries,
      parsed.skipped.length === 0,
      indexConfirmed,
    ),
    meta: {
      // The validators belong to this good copy only: storing them for a bad one would make
      // the server answer 304 to it for ever.
      ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
      lastChecked: now,
      lastSuccess: now,
    },
  };
}

/**
 * Apply an outcome to the stored cache and return the new status. `indexConfirmed`: slugs the
 * blog's own index lists, kept even when the feed no longer does (see accumulateEntries).
 */
export async function recordFeedOutcome(
  outcome: FeedFetchOutcome,
  now = Date.now(),
  indexConfirmed: ReadonlySet<string> = new Set(),
): Promise<FeedStatus> {
  const previous = await loadFeedCache();
  const next = nextFeedCache(previous, outcome, now, indexConfirmed);
  const { [FEED_META_KEY]: meta, [FEED_ENTRIES_KEY]: entries } = feedCacheItems(next);
  // A failed check or a 304 leaves the posts as they were: rewrite only the meta, so watchers
  // of the posts are not woken for nothing.
  const items: Record<string, unknown> =
    next.entries === previous.entries
      ? { [FEED_META_KEY]: meta }
      : { [FEED_META_KEY]: meta, [FEED_ENTRIES_KEY]: entries };
  await browser.storage.local.set(items);
  return statusOf(next);
}
