// The popup searches the posts only the blog's feed knows (from the feed cache), live: they say
// "No field notes yet", can be marked read, and a refreshed cache is searched without reopening.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SearchApp } from '../../../components/search/SearchApp';
import { FEED_ENTRIES_KEY, FEED_META_KEY } from '../../../data/feed/cache';
import type { FeedEntry } from '../../../data/feed/schema';
import { MARK_PREFIX } from '../../../data/progress/marks';
import { FIXTURE_NEW_POSTS, FIXTURE_RANGE_DAYS } from '../../fixtures/feed/atom';

const entry = (slug: string, title: string, date: string, teaser: string): FeedEntry => ({
  slug,
  title,
  url: `https://fly.io/blog/${slug}/`,
  date,
  teaser,
});
/** TEST DATA: the fixture's two new posts, and a bundled post the notes date only by a range. */
const NEW_POSTS = FIXTURE_NEW_POSTS.map((p) => entry(p.slug, p.title, p.day, p.lead));
const RANGED = entry(
  'kamal-in-production',
  'Kamal In Production',
  FIXTURE_RANGE_DAYS['kamal-in-production']!,
  '',
);

const box = () => screen.getByTestId('fn-search') as HTMLInputElement;
const results = () => screen.queryAllByTestId('fn-result');
const result = (slug: string) => results().find((el) => el.dataset.slug === slug);

async function renderPopup() {
  render(<SearchApp onClose={vi.fn()} />);
  await waitFor(() => expect(screen.getByTestId('fn-result-count').textContent).not.toBe(''));
}

async function type(text: string) {
  fireEvent.input(box(), { target: { value: text } });
  await waitFor(() => expect(box().value).toBe(text));
}

const seedFeed = (entries: FeedEntry[]) =>
  fakeBrowser.storage.local.set({
    [FEED_META_KEY]: { lastChecked: 1, lastSuccess: 1 },
    [FEED_ENTRIES_KEY]: entries,
  });

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
});
afterEach(() => cleanup());

describe('the popup and the feed', () => {
  it('finds posts only the feed knows by title words, marked "No field notes yet"', async () => {
    await seedFeed([...NEW_POSTS, RANGED]);
    await renderPopup();
    await type('quokka queues');
    await waitFor(() => expect(result('fixture-quokka-queues')).toBeTruthy());
    const found = result('fixture-quokka-queues')!;
    expect(found.textContent).toContain('Fixture: A Tour Of Quokka Queues');
    expect(found.textContent).toContain('No field notes yet');
    expect(found.textContent).toContain('Mar 17, 2026');

    await type('hibernating sprites');
    await waitFor(() => expect(result('fixture-hibernating-sprites')).toBeTruthy());
    expect(result('fixture-hibernating-sprites')!.textContent).toContain('No field notes yet');
  });

  it('shows a bundled post with the exact day the feed settled, and with its notes', async () => {
    await seedFeed([...NEW_POSTS, RANGED]);
    await renderPopup();
    await type('kamal');
    await waitFor(() =>
      expect(result('kamal-in-production')?.textContent).toContain('May 30, 2025'),
    );
    expect(result('kamal-in-production')!.textContent).not.toContain('No field notes yet');
  });

  it('lists the feed posts among the newest before any query', async () => {
    await seedFeed(NEW_POSTS);
    await renderPopup();
    await waitFor(() => expect(result('fixture-hibernating-sprites')).toBeTruthy());
    // After the seven steps of the path, the newest posts: the feed's two come first.
    const slugs = results().map((el) => el.dataset.slug);
    expect(slugs.slice(7, 9)).toEqual(['fixture-hibernating-sprites', 'fixture-quokka-queues']);
  });

  it('marks a feed post read and unread with its toggle and with Alt+R', async () => {
    await seedFeed(NEW_POSTS);
    await renderPopup();
    await type('quokka');
    await waitFor(() => expect(result('fixture-quokka-queues')?.dataset.read).toBe('false'));
    fireEvent.click(
      result('fixture-quokka-queues')!.querySelector('[data-testid="fn-result-read"]')!,
    );
    await waitFor(() => expect(result('fixture-quokka-queues')?.dataset.read).toBe('true'));
    const key = MARK_PREFIX + 'fixture-quokka-queues';
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({
        read: true,
        via: 'popup',
      }),
    );
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: '®', code: 'KeyR', altKey: true });
    await waitFor(() => expect(result('fixture-quokka-queues')?.dataset.read).toBe('false'));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({ read: false }),
    );
  });

  it('searches a refreshed feed cache without reopening, the earlier query re-run', async () => {
    await renderPopup();
    await type('quokka');
    await waitFor(() => expect(screen.getByTestId('fn-result-count').textContent).toMatch(/^No/));
    expect(result('fixture-quokka-queues')).toBeUndefined();
    await seedFeed(NEW_POSTS);
    await waitFor(() => expect(result('fixture-quokka-queues')).toBeTruthy());
    // And the next refresh drops what the feed took down.
    await seedFeed([NEW_POSTS[0]!]);
    await waitFor(() => expect(result('fixture-quokka-queues')).toBeUndefined());
  });

  it('ignores feed entries that fail validation and still searches the notes', async () => {
    await fakeBrowser.storage.local.set({
      [FEED_ENTRIES_KEY]: [
        { ...NEW_POSTS[0]!, url: 'https://evil.example/' },
        { ...NEW_POSTS[1]!, title: 42 },
      ],
    });
    await renderPopup();
    await type('sprites');
    await waitFor(() => expect(screen.getByTestId('fn-result-count').textContent).not.toBe(''));
    await type('corrosion');
    await waitFor(() => expect(result('corrosion')).toBeTruthy());
    await type('hibernating');
    await waitFor(() => expect(screen.getByTestId('fn-result-count').textContent).toMatch(/^No/));
  });
});
