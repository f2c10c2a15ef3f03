import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHECK_INTERVAL_MS,
  CLAIM_MS,
  FEED_ENTRIES_KEY,
  FEED_META_KEY,
  RETRY_INTERVAL_MS,
  feedCheckDue,
  feedStatus,
  loadFeedCache,
  loadFeedPosts,
  watchFeed,
  type FeedCache,
} from '../../../data/feed/cache';
import { accumulateEntries, nextFeedCache, recordFeedOutcome } from '../../../data/feed/record';
import type { FeedEntry } from '../../../data/feed/schema';
import type { FeedFetchOutcome } from '../../../data/feed/state-schema';
import { atomEntry, atomFeed, fixtureFeedXml, xmlEscape } from '../../fixtures/feed/atom';

const T0 = Date.parse('2026-03-25T08:00:00Z');
const good: FeedFetchOutcome = {
  kind: 'body',
  status: 200,
  text: fixtureFeedXml(),
  etag: '"v1"',
  lastModified: 'Tue, 24 Mar 2026 00:00:00 GMT',
};
const stored = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('recordFeedOutcome', () => {
  it('stores a good feed with its validators', async () => {
    const status = await recordFeedOutcome(good, T0);
    expect(status).toEqual({ lastChecked: T0, lastSuccess: T0, lastError: undefined, count: 40 });
    const posts = await loadFeedPosts();
    expect(posts).toHaveLength(40);
    expect(posts[0]?.slug).toBe('fixture-hibernating-sprites');
    expect((await loadFeedCache()).meta).toEqual({
      etag: '"v1"',
      lastModified: 'Tue, 24 Mar 2026 00:00:00 GMT',
      lastChecked: T0,
      lastSuccess: T0,
    });
  });

  const broken: [string, FeedFetchOutcome][] = [
    [
      'offline',
      { kind: 'failed', error: 'the feed could not be fetched (TypeError: Failed to fetch)' },
    ],
    ['a 5xx', { kind: 'failed', error: 'the feed answered HTTP 503' }],
    [
      'a 5xx body passed on',
      { kind: 'body', status: 500, text: '<html>oops</html>', etag: '"bad"' },
    ],
    [
      'a truncated feed',
      { ...good, text: good.kind === 'body' ? good.text.slice(0, 20_000) : '', etag: '"cut"' },
    ],
    [
      'malformed XML',
      {
        kind: 'body',
        status: 200,
        text: '<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>',
        etag: '"bad"',
      },
    ],
    ['RSS', { kind: 'body', status: 200, text: '<rss version="2.0"><channel/></rss>' }],
    [
      'an HTML error page',
      { kind: 'body', status: 200, text: '<!DOCTYPE html><html><body>Error</body></html>' },
    ],
    [
      'a feed that validates to nothing',
      {
        kind: 'body',
        status: 200,
        text: atomFeed([
          atomEntry({
            slug: 'fixture-x',
            title: 'x',
            day: '2026-03-20',
            lead: 'x',
            raw: { link: '<link href="https://evil.example/x/"/>' },
          }),
        ]),
        etag: '"empty"',
      },
    ],
    [
      'a 5 MB feed',
      { kind: 'body', status: 200, text: atomFeed([xmlEscape('<p>x</p>'.repeat(700_000))]) },
    ],
  ];

  it.each(broken)(
    'keeps the last good copy after %s and records the error',
    async (_name, outcome) => {
      await recordFeedOutcome(good, T0);
      const before = await stored();
      const status = await recordFeedOutcome(outcome, T0 + 1000);
      const after = await stored();
      expect(after[FEED_ENTRIES_KEY]).toEqual(before[FEED_ENTRIES_KEY]);
      expect(status).toMatchObject({ lastChecked: T0 + 1000, lastSuccess: T0, count: 40 });
      expect(status.lastError?.at).toBe(T0 + 1000);
      expect(status.lastError?.message).not.toBe('');
      // The good copy's validators stay, so the next check still asks "changed since v1?".
      expect((await loadFeedCache()).meta.etag).toBe('"v1"');
    },
  );

  it('treats 304 as a success for the copy held, clearing the last error', async () => {
    await recordFeedOutcome(good, T0);
    await recordFeedOutcome({ kind: 'failed', error: 'offline' }, T0 + 1);
    const status = await recordFeedOutcome({ kind: 'not-modified' }, T0 + 2);
    expect(status).toEqual({
      lastChecked: T0 + 2,
      lastSuccess: T0 + 2,
      lastError: undefined,
      count: 40,
    });
    expect((await loadFeedCache()).meta.etag).toBe('"v1"');
  });

  it('forgets the validators when a 304 answers for a copy it does not hold', async () => {
    await fakeBrowser.storage.local.set({ [FEED_META_KEY]: { etag: '"v1"', lastSuccess: T0 } });
    const status = await recordFeedOutcome({ kind: 'not-modified' }, T0 + 5);
    expect(status.lastError?.message).toMatch(/nothing is cached/);
    expect((await loadFeedCache()).meta.etag).toBeUndefined();
  });
});

describe('reading the cache validates it', () => {
  it('drops invalid entries and meta fields, keeping the valid ones', async () => {
    const valid: FeedEntry = {
      slug: 'fixture-ok',
      title: 'Fixture: OK',
      url: 'https://fly.io/blog/fixture-ok/',
      date: '2026-03-20',
      teaser: '',
    };
    await fakeBrowser.storage.local.set({
      [FEED_ENTRIES_KEY]: [
        valid,
        { ...valid, slug: 'fixture-evil', url: 'https://evil.example/' },
        { ...valid, slug: 'fixture-extra', url: 'https://fly.io/blog/fixture-extra/', html: '<b>' },
        { ...valid, title: 'Fixture: the same slug again' },
        'junk',
        null,
      ],
      [FEED_META_KEY]: { etag: 42, lastChecked: T0, lastError: { at: 'yesterday', message: 'x' } },
    });
    expect(await loadFeedCache()).toEqual({ entries: [valid], meta: { lastChecked: T0 } });
  });

  it('reads garbage as an empty cache', async () => {
    await fakeBrowser.storage.local.set({ [FEED_ENTRIES_KEY]: { a: 1 }, [FEED_META_KEY]: 'x' });
    expect(await loadFeedCache()).toEqual({ entries: [], meta: {} });
    expect(await feedStatus()).toEqual({ count: 0 });
  });

  it('tells watchers about each write', async () => {
    const seen: FeedCache[] = [];
    const stop = watchFeed((cache) => seen.push(cache));
    await recordFeedOutcome(good, T0);
    await vi.waitFor(() => expect(seen.at(-1)?.entries).toHaveLength(40));
    stop();
    await recordFeedOutcome({ kind: 'failed', error: 'offline' }, T0 + 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.every((c) => c.meta.lastError === undefined)).toBe(true);
  });
});

describe('feedCheckDue', () => {
  it('is due when never checked, after the interval, and sooner after a failure', () => {
    expect(feedCheckDue({}, T0)).toBe(true);
    const ok = { lastChecked: T0, lastSuccess: T0 };
    expect(feedCheckDue(ok, T0 + CHECK_INTERVAL_MS - 1)).toBe(false);
    expect(feedCheckDue(ok, T0 + CHECK_INTERVAL_MS)).toBe(true);
    const failed = { lastChecked: T0, lastSuccess: T0 - 5, lastError: { at: T0, message: 'x' } };
    expect(feedCheckDue(failed, T0 + RETRY_INTERVAL_MS - 1)).toBe(false);
    expect(feedCheckDue(failed, T0 + RETRY_INTERVAL_MS)).toBe(true);
    // Another tab claimed the check: wait, but not for ever if it never reports.
    const claimed = { ...ok, lastChecked: T0 - CHECK_INTERVAL_MS, checkingSince: T0 };
    expect(feedCheckDue(claimed, T0 + 1000)).toBe(false);
    expect(feedCheckDue(claimed, T0 + CLAIM_MS)).toBe(true);
    // A clock that went backwards must not block checks for ever.
    expect(feedCheckDue(ok, T0 - 1000)).toBe(true);
  });
});

describe('accumulateEntries', () => {
  const e = (slug: string, date: string): FeedEntry => ({
    slug,
    title: slug,
    url: `https://fly.io/blog/${slug}/`,
    date,
    teaser: '',
  });
  const previous = [
    e('fixture-c', '2026-03-01'),
    e('fixture-gone', '2026-02-15'),
    e('fixture-old', '2025-01-01'),
  ];
  const fresh = [
    e('fixture-new', '2026-03-20'),
    e('fixture-c', '2026-03-02'),
    e('fixture-b', '2026-02-01'),
  ];

  it('keeps posts that fell off the feed and drops those taken down inside its window', () => {
    expect(accumulateEntries(previous, fresh, true).map((x) => [x.slug, x.date])).toEqual([
      ['fixture-new', '2026-03-20'],
      ['fixture-c', '2026-03-02'],
      ['fixture-b', '2026-02-01'],
      ['fixture-old', '2025-01-01'],
    ]);
  });

  it('drops nothing when the feed had entries it could not read', () => {
    expect(accumulateEntries(previous, fresh, false).map((x) => x.slug)).toContain('fixture-gone');
  });

  it('keeps the old posts through a real refresh', () => {
    const older: FeedCache = { entries: [e('fixture-ancient', '2024-06-01')], meta: {} };
    const next = nextFeedCache(older, good, T0);
    expect(next.entries).toHaveLength(41);
    expect(next.entries.at(-1)?.slug).toBe('fixture-ancient');
  });
});
