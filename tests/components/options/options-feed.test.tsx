// The options page's Feed section over the real data layer (WXT's fake browser): the status and
// the last error in plain words, live from storage, and "Check for new posts" asking for the
// permission in the click itself and saying what happened.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  FeedSection,
  FeedStatusSection,
  type FeedServices,
} from '../../../components/options/FeedStatusSection';
import {
  FEED_ENTRIES_KEY,
  FEED_META_KEY,
  loadFeedCache,
  watchFeed,
} from '../../../data/feed/cache';
import { checkFeedNow } from '../../../data/feed/check';
import type { FeedEntry } from '../../../data/feed/schema';
import { formatWhen } from '../../../data/feed/status-view';
import { fieldNotes } from '../../../data/notes/notes';
import { FIXTURE_NEW_POSTS } from '../../fixtures/feed/atom';

const notes = fieldNotes();
const bundled = new Set(notes.posts.map((p) => p.slug));
const CHECKED = Date.parse('2026-03-24T09:30:00Z');
const SUCCEEDED = Date.parse('2026-03-24T03:30:00Z');

const entry = (slug: string, title: string, date: string): FeedEntry => ({
  slug,
  title,
  url: `https://fly.io/blog/${slug}/`,
  date,
  teaser: '',
});
/** TEST DATA: the fixture's two new posts plus one post the notes annotate. */
const ENTRIES = [
  ...FIXTURE_NEW_POSTS.map((p) => entry(p.slug, p.title, p.day)),
  entry(notes.posts[0]!.slug, notes.posts[0]!.title, notes.posts[0]!.date ?? '2026-01-01'),
];

const services = (checkNow: FeedServices['checkFeedNow'] = checkFeedNow): FeedServices => ({
  loadFeedCache,
  watchFeed,
  checkFeedNow: checkNow,
});
// The permissions API is not mocked by the fake browser; its overloads hide the promise type.
const permit = (granted: boolean) =>
  vi
    .spyOn(browser.permissions, 'request')
    .mockImplementation((() => Promise.resolve(granted)) as never);
/** What the background answers to "check now". */
const answer = (reply: () => Promise<unknown>) =>
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(reply as never);
const renderSection = (feed: FeedServices = services()) =>
  render(<FeedStatusSection bundledSlugs={bundled} services={feed} />);
const status = () => screen.getByTestId('fn-feed-status').textContent ?? '';
const error = () => screen.queryByTestId('fn-feed-error')?.textContent;
const checkResult = () => screen.queryByTestId('fn-feed-check-result')?.textContent;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the Feed section: status', () => {
  it('says the feed was never checked, with no error and nothing from it', async () => {
    renderSection();
    await waitFor(() => expect(status()).toContain('has not been checked yet'));
    expect(status()).toContain('No posts from the feed yet.');
    expect(error()).toBeUndefined();
    expect(screen.getByTestId('fn-feed-check').textContent).toBe('Check for new posts');
  });

  it('shows when it was checked, the last success, the new posts and the last error', async () => {
    await fakeBrowser.storage.local.set({
      [FEED_META_KEY]: {
        lastChecked: CHECKED,
        lastSuccess: SUCCEEDED,
        lastError: { at: CHECKED, message: 'the feed answered HTTP 500' },
      },
      [FEED_ENTRIES_KEY]: ENTRIES,
    });
    renderSection();
    await waitFor(() => expect(status()).toContain(`Last checked: ${formatWhen(CHECKED)}.`));
    expect(status()).toContain(`Last successful check: ${formatWhen(SUCCEEDED)}.`);
    expect(status()).toContain('The feed has added 2 posts the notes do not cover yet');
    expect(screen.getByTestId('fn-feed-count').dataset.count).toBe('2');
    expect(error()).toBe(
      `The last check, ${formatWhen(CHECKED)}, failed: The feed answered HTTP 500. The posts found before are kept.`,
    );
  });

  it('follows storage live: an error appears, then goes when a later check succeeds', async () => {
    renderSection();
    await waitFor(() => expect(status()).toContain('has not been checked yet'));
    await fakeBrowser.storage.local.set({
      [FEED_META_KEY]: {
        lastChecked: CHECKED,
        lastError: { at: CHECKED, message: 'the feed could not be used: malformed XML' },
      },
    });
    await waitFor(() =>
      expect(error()).toBe(
        `The last check, ${formatWhen(CHECKED)}, failed: The feed could not be used: malformed XML. Nothing from the feed is kept yet.`,
      ),
    );
    await fakeBrowser.storage.local.set({
      [FEED_META_KEY]: { lastChecked: CHECKED + 1000, lastSuccess: CHECKED + 1000 },
      [FEED_ENTRIES_KEY]: ENTRIES,
    });
    await waitFor(() => expect(error()).toBeUndefined());
    expect(status()).toContain('2 posts');
  });

  it('renders markup in an error message as text', async () => {
    await fakeBrowser.storage.local.set({
      [FEED_META_KEY]: {
        lastChecked: CHECKED,
        lastError: { at: CHECKED, message: '<img src=x onerror=alert(1)> broke' },
      },
    });
    const { container } = renderSection();
    await waitFor(() => expect(error()).toContain('<img src=x onerror=alert(1)> broke'));
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('the Feed section: Check for new posts', () => {
  it('calls the check synchronously in the click (the permission prompt needs the gesture)', async () => {
    const checkNow = vi.fn<FeedServices['checkFeedNow']>(() => new Promise(() => undefined));
    renderSection(services(checkNow));
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    // Not after a microtask: within the click's own task.
    expect(checkNow).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect((screen.getByTestId('fn-feed-check') as HTMLButtonElement).disabled).toBe(true),
    );
    expect(screen.getByTestId('fn-feed-check').textContent).toBe('Checking…');
  });

  it('says clearly that nothing was checked when the permission is refused', async () => {
    const request = permit(false);
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    renderSection();
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://fly.io/blog/feed.xml'] });
    await waitFor(() =>
      expect(checkResult()).toBe(
        'Not checked: permission to reach fly.io was not given. Allow it to check on demand; the feed is still checked when you read the blog.',
      ),
    );
    expect(send).not.toHaveBeenCalled();
    await waitFor(() =>
      expect((screen.getByTestId('fn-feed-check') as HTMLButtonElement).disabled).toBe(false),
    );
  });

  it('reports the new posts after a check that went well, and the status follows', async () => {
    permit(true);
    answer(async () => {
      // What the background does: record the fetched feed, then answer with the status.
      await fakeBrowser.storage.local.set({
        [FEED_META_KEY]: { lastChecked: CHECKED, lastSuccess: CHECKED },
        [FEED_ENTRIES_KEY]: ENTRIES,
      });
      return { ok: true, status: { lastChecked: CHECKED, lastSuccess: CHECKED, count: 3 } };
    });
    renderSection();
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    await waitFor(() =>
      expect(checkResult()).toBe('Checked just now: 2 posts from the feed the notes do not cover.'),
    );
    expect(status()).toContain(`Last checked: ${formatWhen(CHECKED)}.`);
    expect(error()).toBeUndefined();
  });

  it('reports the failure in plain words when the background could not fetch', async () => {
    permit(true);
    const lastError = { at: CHECKED, message: 'the feed answered HTTP 503' };
    answer(async () => {
      await fakeBrowser.storage.local.set({ [FEED_META_KEY]: { lastChecked: CHECKED, lastError } });
      return { ok: false, status: { lastChecked: CHECKED, lastError, count: 0 } };
    });
    renderSection();
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    await waitFor(() =>
      expect(checkResult()).toBe(
        'The check failed: The feed answered HTTP 503. The posts found before are kept.',
      ),
    );
    expect(error()).toContain('The feed answered HTTP 503.');
  });

  it('says the check could not run when the browser throws (e.g. no user gesture)', async () => {
    vi.spyOn(browser.permissions, 'request').mockImplementation((() =>
      Promise.reject(new Error('This function must be called during a user gesture'))) as never);
    renderSection();
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    await waitFor(() =>
      expect(checkResult()).toBe(
        'The check could not run: This function must be called during a user gesture.',
      ),
    );
  });

  it('ignores an answer from the background that fails validation', async () => {
    permit(true);
    answer(async () => ({ ok: true, status: 'junk' }));
    renderSection();
    fireEvent.click(screen.getByTestId('fn-feed-check'));
    await waitFor(() =>
      expect(checkResult()).toBe('The check failed. The posts found before are kept.'),
    );
  });
});

describe('FeedSection (presentational)', () => {
  it('shows a placeholder until the status is read', () => {
    render(<FeedSection view={undefined} checking={false} message={undefined} onCheck={vi.fn()} />);
    expect(status()).toBe('Reading the feed’s status…');
    expect(checkResult()).toBeUndefined();
  });
});
