// Issue 13 item 5: a feed that changes on every read must not leave fake posts in the archive.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFeedPosts, type FeedCache } from '../../../data/feed/cache';
import { MAX_FELL_OFF_ENTRIES, nextFeedCache, recordFeedOutcome } from '../../../data/feed/record';
import type { FeedFetchOutcome } from '../../../data/feed/state-schema';
import { atomEntry, atomFeed, fixtureEntries, fixtureFeedXml } from '../../fixtures/feed/atom';

const T0 = Date.parse('2026-03-25T08:00:00Z');
const DAY_MS = 24 * 3600 * 1000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const body = (text: string): FeedFetchOutcome => ({ kind: 'body', status: 200, text });

const realOldest = fixtureEntries().at(-1)!.day;
const realSlugs = new Set(fixtureEntries().map((e) => e.slug));
// Three fake 40-post feeds, each newer than the one before: the first two end before the real
// feed's oldest post, the third lies wholly inside the real feed's range.
const fakeStart = (k: number) => addDays(realOldest, 50 * k - 100);
const fakeFeed = (k: number) =>
  atomFeed(
    Array.from({ length: 40 }, (_, i) =>
      atomEntry({
        slug: `fixture-fake-${k}-${i}`,
        title: `Fixture: Fake ${k}.${i}`,
        day: addDays(fakeStart(k), 39 - i),
        lead: 'Test data: a post that never was.',
      }),
    ),
  );

function afterFakes(indexConfirmed: ReadonlySet<string> = new Set()): FeedCache {
  let cache: FeedCache = { entries: [], meta: {} };
  for (const k of [0, 1, 2])
    cache = nextFeedCache(cache, body(fakeFeed(k)), T0 + k * DAY_MS, indexConfirmed);
  return cache;
}
const fakes = (cache: FeedCache) => cache.entries.filter((e) => e.slug.startsWith('fixture-fake'));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a churning feed cannot grow the archive', () => {
  it('three different 40-post feeds in a row leave at most 80 feed-only posts', () => {
    const cache = afterFakes();
    expect(MAX_FELL_OFF_ENTRIES).toBe(40);
    expect(cache.entries.length).toBeLessThanOrEqual(80);
    // The latest feed, and one feed's worth of what fell off it (the newest: feed 1).
    expect(cache.entries.filter((e) => e.slug.startsWith('fixture-fake-2-'))).toHaveLength(40);
    expect(cache.entries.filter((e) => e.slug.startsWith('fixture-fake-1-'))).toHaveLength(40);
    expect(cache.entries.some((e) => e.slug.startsWith('fixture-fake-0-'))).toBe(false);
  });

  it('the real feed after them removes every fake inside its range', () => {
    const cache = nextFeedCache(afterFakes(), body(fixtureFeedXml()), T0 + 3 * DAY_MS);
    expect(cache.entries.filter((e) => realSlugs.has(e.slug))).toHaveLength(40);
    const left = fakes(cache);
    expect(left.every((e) => e.date < realOldest)).toBe(true);
    expect(left.some((e) => e.slug.startsWith('fixture-fake-2-'))).toBe(false);
    expect(left.length).toBeLessThanOrEqual(MAX_FELL_OFF_ENTRIES);
  });

  it('keeps older posts the blog index confirms, beyond one feed’s worth', () => {
    const confirmed = new Set(Array.from({ length: 40 }, (_, i) => `fixture-fake-0-${i}`));
    const cache = nextFeedCache(
      afterFakes(confirmed),
      body(fixtureFeedXml()),
      T0 + 3 * DAY_MS,
      confirmed,
    );
    const left = fakes(cache);
    expect(left.filter((e) => confirmed.has(e.slug))).toHaveLength(40);
    expect(left.filter((e) => e.slug.startsWith('fixture-fake-1-'))).toHaveLength(40);
    expect(left.some((e) => e.slug.startsWith('fixture-fake-2-'))).toBe(false);
  });

  it('never touches read marks', async () => {
    const mark = { read: true, at: T0, via: 'button' };
    await fakeBrowser.storage.local.set({ 'read:fixture-fake-2-0': mark });
    for (const k of [0, 1, 2]) await recordFeedOutcome(body(fakeFeed(k)), T0 + k * DAY_MS);
    await recordFeedOutcome(body(fixtureFeedXml()), T0 + 3 * DAY_MS);
    expect((await loadFeedPosts()).some((e) => e.slug === 'fixture-fake-2-0')).toBe(false);
    expect(await fakeBrowser.storage.local.get('read:fixture-fake-2-0')).toEqual({
      'read:fixture-fake-2-0': mark,
    });
  });
});
