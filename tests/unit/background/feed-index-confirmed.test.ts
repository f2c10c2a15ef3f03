// The feed cache keeps a post that fell off a churning feed when the blog's own pages confirm
// it: the background passes the archive's learned slugs to recordFeedOutcome (indexConfirmed).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFeedPosts } from '../../../data/feed/cache';
import { learnFromMessage } from '../../../entrypoints/background/archive';
import { registerFeedBackground } from '../../../entrypoints/background/feed';
import { atomEntry, atomFeed } from '../../fixtures/feed/atom';

const DAY_MS = 24 * 3600 * 1000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
// Three 40-post feeds, each later than the one before: the first falls two feeds behind.
const fakeFeed = (k: number) =>
  atomFeed(
    Array.from({ length: 40 }, (_, i) =>
      atomEntry({
        slug: `fixture-churn-${k}-${i}`,
        title: `Fixture: Churn ${k}.${i}`,
        day: addDays('2020-01-01', 50 * k + 39 - i),
        lead: 'Test data.',
      }),
    ),
  );

async function deliver(text: string): Promise<void> {
  await new Promise<void>((done) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { type: 'fn:feed-fetched', outcome: { kind: 'body', status: 200, text } },
      {},
      () => done(),
    );
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the feed cache and the archive learned from the blog', () => {
  it('keeps a post the blog index confirmed after the feed dropped it; drops one it did not', async () => {
    registerFeedBackground();
    await learnFromMessage({
      from: 'index',
      posts: [{ slug: 'fixture-churn-0-5', title: 'Fixture: Churn 0.5' }],
    });
    for (const k of [0, 1, 2]) await deliver(fakeFeed(k));
    const slugs = new Set((await loadFeedPosts()).map((p) => p.slug));
    expect(slugs.has('fixture-churn-0-5')).toBe(true);
    expect(slugs.has('fixture-churn-0-6')).toBe(false);
    expect(slugs.has('fixture-churn-2-0')).toBe(true);
  });
});
