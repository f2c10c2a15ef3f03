import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feedPostFromStored, loadFeedPost, watchFeedPost } from '../../../data/feed/feed-post';
import type { FeedPostView } from '../../../data/feed/feed-post';

const entry = (slug: string, title = `Fixture: ${slug}`) => ({
  slug,
  title,
  url: `https://fly.io/blog/${slug}/`,
  date: '2026-03-24',
  teaser: `Test data: ${slug}.`,
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('feedPostFromStored', () => {
  it('finds the entry of a slug and keeps only title, date and teaser', () => {
    expect(feedPostFromStored([entry('fixture-a'), entry('fixture-b')], 'fixture-b')).toEqual({
      title: 'Fixture: fixture-b',
      date: '2026-03-24',
      teaser: 'Test data: fixture-b.',
    });
  });

  it('answers undefined for anything that is not a cached entry of the slug', () => {
    for (const value of [undefined, null, 'x', 42, {}, [], [null, 1, 'x'], [entry('fixture-a')]])
      expect(feedPostFromStored(value, 'fixture-b')).toBeUndefined();
  });

  it('leaves an invalid entry aside and takes the first valid one of the slug', () => {
    const bad = { ...entry('fixture-a'), url: 'https://evil.example/blog/fixture-a/' };
    const good = entry('fixture-a', 'Fixture: The Good One');
    const later = entry('fixture-a', 'Fixture: A Duplicate');
    expect(feedPostFromStored([bad], 'fixture-a')).toBeUndefined();
    expect(feedPostFromStored([bad, good, later], 'fixture-a')?.title).toBe(
      'Fixture: The Good One',
    );
  });
});

describe('loadFeedPost / watchFeedPost', () => {
  it('reads the cache and follows its changes', async () => {
    expect(await loadFeedPost('fixture-a')).toBeUndefined();
    const seen: (FeedPostView | undefined)[] = [];
    const stop = watchFeedPost('fixture-a', (t) => seen.push(t));
    await fakeBrowser.storage.local.set({ 'feed:entries': [entry('fixture-a')] });
    expect(await loadFeedPost('fixture-a')).toMatchObject({ title: 'Fixture: fixture-a' });
    await fakeBrowser.storage.local.set({ 'feed:entries': [] });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await fakeBrowser.storage.local.set({ 'feed:entries': [entry('fixture-a')] });
    expect(seen.map((t) => t?.title)).toEqual(['Fixture: fixture-a', undefined]);
  });
});
