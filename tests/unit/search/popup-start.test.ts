import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEED_ENTRIES_KEY } from '../../../data/feed/schema';
import { MARK_PREFIX } from '../../../data/progress/marks';
import { PLACE_PREFIX } from '../../../data/progress/places';
import { NO_FILTERS } from '../../../data/search/engine';
import {
  firstThen,
  startArchive,
  startPlaces,
  startPopupReads,
  startProgress,
} from '../../../data/search/popup-start';
import { saveSearchSession } from '../../../data/search/session';
import { loadQuarantine } from '../../../data/storage/quarantine';

const place = {
  at: 1_700_000_000_000,
  percent: 40,
  title: 'Corrosion',
  index: 1,
  heading: 'Gossip',
  offset: 0,
  quote: 'The first words',
};
const entry = (slug: string) => ({
  slug,
  title: `A post called ${slug}`,
  url: `https://fly.io/blog/${slug}/`,
  date: '2026-11-20',
  teaser: 'A teaser.',
});

beforeEach(() => fakeBrowser.reset());

describe("the popup's first reads", () => {
  it('take the marks, the places and the feed from one storage.local read, validated', async () => {
    await fakeBrowser.storage.local.set({
      [`${MARK_PREFIX}corrosion`]: { read: true, at: 5, via: 'button' },
      [`${MARK_PREFIX}litestream`]: { read: 'yes' },
      [`${PLACE_PREFIX}corrosion`]: place,
      [`${PLACE_PREFIX}broken`]: { percent: 'half' },
      [FEED_ENTRIES_KEY]: [entry('a-feed-only-post'), { slug: 'Not A Slug' }],
    });
    await saveSearchSession({ query: 'sqlite', filters: NO_FILTERS });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    const start = startPopupReads();
    const [session, progress, archive, places] = await Promise.all([
      start.session,
      startProgress(start),
      startArchive(start),
      startPlaces(start),
    ]);

    // (The saved search is in storage.session where the browser has one, else storage.local.)
    expect(get.mock.calls.filter(([keys]) => keys === null)).toHaveLength(1);
    expect(session).toEqual({ query: 'sqlite', filters: NO_FILTERS });
    expect(Object.keys(progress)).toEqual(['corrosion']);
    expect(places.map((p) => p.slug)).toEqual(['corrosion']);
    // The invalid place is set aside, as loadPlaces does.
    expect((await loadQuarantine()).map((q) => q.key)).toEqual([`${PLACE_PREFIX}broken`]);
    const feedOnly = archive.filter((p) => p.fromFeed).map((p) => p.slug);
    expect(feedOnly).toEqual(['a-feed-only-post']);
  });
});

describe('firstThen', () => {
  it('answers the first call with the early read and every later one with a fresh read', async () => {
    const load = vi.fn(() => Promise.resolve('fresh'));
    const loader = firstThen(() => Promise.resolve('early'), load);
    expect(await loader()).toBe('early');
    expect(load).not.toHaveBeenCalled();
    expect(await loader()).toBe('fresh');
    expect(await loader()).toBe('fresh');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads at once when there was no early read', async () => {
    const load = vi.fn(() => Promise.resolve('fresh'));
    expect(await firstThen(undefined, load)()).toBe('fresh');
  });
});
