import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotesApp, filterArchive, type FeedSource } from '../../../components/notes/NotesApp';
import { FEED_ENTRIES_KEY, loadFeedPosts, watchFeed } from '../../../data/feed/cache';
import { fieldNotes } from '../../../data/notes/notes';
import { pathMarkdown } from '../../../data/notes/exports';
import { buildIndex, NO_FILTERS, searchArchive } from '../../../data/search/engine';
import {
  loadProgress,
  setRead,
  watchProgress,
  type ProgressStore,
} from '../../../data/progress/marks';

const notes = fieldNotes();

// The real progress module over WXT's fake browser storage: what the page's entrypoint wires up.
const store: ProgressStore = {
  load: loadProgress,
  watch: watchProgress,
  setRead: (slug, read) => setRead(slug, read, 'notes'),
};

/** Object URLs that remember their blobs, so a test can read what a download would save. */
function memoryUrls() {
  const blobs = new Map<string, Blob>();
  let n = 0;
  return {
    blobs,
    create: (blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revoke: (url: string) => void blobs.delete(url),
    textOf: async (url: string | null) => {
      const blob = url ? blobs.get(url) : undefined;
      if (!blob) throw new Error(`no live blob at ${url}`);
      return blob.text();
    },
  };
}

const testIds = (id: string) => screen.queryAllByTestId(id);

// The real feed cache over the fake storage, as the entrypoint wires it.
const feed: FeedSource = {
  load: loadFeedPosts,
  watch: (onChange) => watchFeed((cache) => onChange(cache.entries)),
};

function renderPage(copyText = vi.fn(() => Promise.resolve())) {
  const urls = memoryUrls();
  render(<NotesApp store={store} feed={feed} copyText={copyText} objectUrls={urls} />);
  return { urls, copyText };
}

async function markRead(...slugs: string[]) {
  for (const slug of slugs) await setRead(slug, true, 'popup');
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('the notes page', () => {
  it('renders every part, in the order of the original page', () => {
    renderPage();
    const order = [
      'fn-notes-header',
      'fn-verdict',
      'fn-blog-summary',
      'fn-start-here',
      'fn-sections',
      'fn-history',
      'fn-archive',
      'fn-export-notes-markdown',
      'fn-copy-path',
      'fn-export-notes-json',
    ].map((id) => screen.getByTestId(id));
    for (let i = 1; i < order.length; i++)
      expect(
        order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The Fly Blog');
  });

  it('gives the header the counts and the reader progress, live as marks change', async () => {
    await markRead('corrosion');
    renderPage();
    expect(screen.getByTestId('fn-notes-posts').textContent).toBe('30');
    expect(screen.getByTestId('fn-notes-sections').textContent).toBe('8');
    const minutes = notes.posts.reduce((sum, p) => sum + p.minutes, 0);
    expect(screen.getByTestId('fn-notes-minutes').textContent).toBe(`${minutes} min`);
    await waitFor(() =>
      expect(screen.getByTestId('fn-notes-progress').textContent).toBe(
        `1 of 30 posts read · 6 of ${minutes} min`,
      ),
    );
    // A mark made somewhere else (another tab, the popup) reaches the open page.
    await markRead('kurt-got-got');
    await waitFor(() =>
      expect(screen.getByTestId('fn-notes-progress').textContent).toContain('2 of 30 posts read'),
    );
  });

  it('shows the verdict, the three blocks and the complexity scale', () => {
    renderPage();
    expect(screen.getByTestId('fn-verdict').textContent).toContain('Reach for it');
    expect(screen.getByRole('img', { name: '2 of 3' })).toBeTruthy();
    expect(screen.getByTestId('fn-read-this').textContent).toContain(notes.blog.readThisWhen);
    expect(screen.getByTestId('fn-skip-it').textContent).toContain(notes.blog.skipItIf);
    expect(screen.getByTestId('fn-compared-to').textContent).toContain(notes.blog.comparedTo);
  });

  it('lists the 7 steps with reasons and minutes, and highlights the first unread one', async () => {
    await markRead('litestream-revamped', 'kamal-in-production');
    renderPage();
    const steps = testIds('fn-step');
    expect(steps.map((s) => s.dataset.slug)).toEqual(notes.path.map((s) => s.slug));
    expect(steps[0]!.textContent).toContain(notes.path[0]!.reason);
    expect(steps[0]!.textContent).toContain('5 min');
    await waitFor(() => expect(steps[1]!.dataset.next).toBe('true'));
    expect(steps.filter((s) => s.dataset.next === 'true')).toHaveLength(1);
    expect(steps[1]!.getAttribute('aria-current')).toBe('step');
    expect(steps[2]!.dataset.read).toBe('true');
    expect(screen.getByTestId('fn-start-progress').textContent).toContain('2 of 7 read');
  });

  it('marks a post read from the page, through the progress store', async () => {
    renderPage();
    const toggle = testIds('fn-step-read').find((t) => t.dataset.slug === 'corrosion')!;
    expect(toggle.getAttribute('aria-label')).toBe('Read: Corrosion');
    if (!(toggle instanceof HTMLInputElement)) throw new Error('the read toggle is a checkbox');
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(testIds('fn-step')[1]!.dataset.read).toBe('true'));
    expect((await loadProgress()).corrosion).toMatchObject({ read: true, via: 'notes' });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('fn-archive-post').find((p) => p.dataset.slug === 'corrosion')!
          .dataset.read,
      ).toBe('true'),
    );
  });

  it('shows the 8 sections with their counts, minutes and read share', async () => {
    await markRead('corrosion');
    renderPage();
    const sections = testIds('fn-section');
    expect(sections.map((s) => s.dataset.section)).toEqual(notes.sections.map((s) => s.name));
    const networking = sections.find((s) => s.dataset.section === 'Networking & Infrastructure')!;
    expect(networking.textContent).toContain('2 posts · 12 min');
    await waitFor(() => expect(networking.textContent).toContain('1 of 2 read'));
    expect(networking.querySelectorAll('li')).toHaveLength(2);
  });
});

describe('the posting-history chart', () => {
  it('has one bar per month from Feb 2025 to Mar 2026 whose counts add up to all 30 posts', () => {
    renderPage();
    const bars = testIds('fn-history-bar');
    expect(bars).toHaveLength(14);
    expect(bars[0]!.dataset.month).toBe('2025-02');
    expect(bars[13]!.dataset.month).toBe('2026-03');
    // Every post has a date or a range; a range crossing months counts in its first month.
    expect(bars.reduce((sum, b) => sum + Number(b.dataset.count), 0)).toBe(30);
    expect(bars.find((b) => b.dataset.month === '2025-09')!.dataset.count).toBe('0');
    expect(bars.find((b) => b.dataset.month === '2025-07')!.dataset.approximate).toBe('1');
  });

  it('lets every bar take focus with a name, and shows the month and its posts on focus', async () => {
    await markRead('corrosion');
    renderPage();
    const october = testIds('fn-history-bar').find((b) => b.dataset.month === '2025-10')!;
    expect(october.getAttribute('tabindex')).toBe('0');
    await waitFor(() =>
      expect(october.getAttribute('aria-label')).toBe('October 2025: 3 posts, 1 read'),
    );
    fireEvent.focus(october);
    const detail = screen.getByTestId('fn-history-detail');
    expect(detail.textContent).toContain('October 2025: 3 posts, 1 read');
    expect(detail.textContent).toContain('✓ Corrosion');
    expect(detail.textContent).toContain('Kurt Got Got');
  });

  it('shows a month on hover too, including an empty one', () => {
    renderPage();
    const september = testIds('fn-history-bar').find((b) => b.dataset.month === '2025-09')!;
    fireEvent.mouseEnter(september);
    expect(screen.getByTestId('fn-history-detail').textContent).toContain(
      'September 2025: no posts',
    );
  });

  it('repeats the data in a table for screen readers', () => {
    renderPage();
    const rows = screen.getByTestId('fn-history-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(14);
    expect(rows[5]!.textContent).toContain('July 2025');
    expect(rows[5]!.textContent).toContain('1 (1 approximate)');
  });
});

describe('the chart with the blog feed', () => {
  it('adds the feed-only posts live, drawn apart, while the notes keep their 30', async () => {
    renderPage();
    expect(testIds('fn-history-bar')).toHaveLength(14);
    await fakeBrowser.storage.local.set({
      [FEED_ENTRIES_KEY]: [
        {
          slug: 'a-newer-post',
          title: 'A Newer Post',
          url: 'https://fly.io/blog/a-newer-post/',
          date: '2026-05-04',
          teaser: 'Something new.',
        },
      ],
    });
    await waitFor(() => expect(testIds('fn-history-bar')).toHaveLength(16));
    const may = testIds('fn-history-bar').find((b) => b.dataset.month === '2026-05')!;
    expect(may.dataset.count).toBe('1');
    expect(may.querySelectorAll('.fn-bar-feed')).toHaveLength(1);
    expect(may.getAttribute('aria-label')).toContain('1 from the feed');
    expect(screen.getByTestId('fn-notes-posts').textContent).toBe('30');
    expect(testIds('fn-archive-post')).toHaveLength(30);
  });
});

describe('the archive', () => {
  const shown = () => testIds('fn-archive-post').map((p) => p.dataset.slug);

  it('lists every post with date, minutes, section, topics and summary, newest first', () => {
    renderPage();
    expect(shown()).toEqual(notes.posts.map((p) => p.slug));
    const first = testIds('fn-archive-post')[0]!;
    const post = notes.posts[0]!;
    for (const text of [
      post.date!,
      `${post.minutes} min`,
      post.section,
      post.summary,
      ...post.topics,
    ])
      expect(first.textContent).toContain(text);
  });

  it('shows an unknown day as the range that bounds it', () => {
    renderPage();
    const post = testIds('fn-archive-post').find((p) => p.dataset.slug === 'kamal-in-production')!;
    expect(post.textContent).toContain('between 2025-05-28 and 2025-06-02');
  });

  it('searches with the popup search, then narrows by section and by unread', async () => {
    await markRead('litestream-vfs');
    renderPage();
    fireEvent.input(screen.getByTestId('fn-archive-search'), { target: { value: 'litestream' } });
    expect(shown()).toHaveLength(4);
    expect(
      shown().every(
        (s) => notes.posts.find((p) => p.slug === s)!.section === 'SQLite & Litestream',
      ),
    ).toBe(true);
    fireEvent.click(screen.getByTestId('fn-archive-unread'));
    await waitFor(() => expect(shown()).toHaveLength(3));
    expect(shown()).not.toContain('litestream-vfs');
    expect(screen.getByTestId('fn-archive-count').textContent).toContain('3 of 30 posts');
  });

  it('filters by section without a query', () => {
    renderPage();
    fireEvent.change(screen.getByTestId('fn-archive-section'), {
      target: { value: 'Rust in Production' },
    });
    expect(shown()).toEqual(['parking-lot-ffffffffffffffff', 'taming-rust-proxy']);
  });

  it('says so when nothing matches', () => {
    renderPage();
    fireEvent.input(screen.getByTestId('fn-archive-search'), { target: { value: 'zzzzqqq' } });
    expect(shown()).toEqual([]);
    expect(screen.getByTestId('fn-archive-empty')).toBeTruthy();
  });
});

describe('filterArchive', () => {
  const index = buildIndex(notes.posts);
  const none = () => false;

  it('ranks by the popup search when there is a query, then applies the section', () => {
    const all = filterArchive(
      notes.posts,
      { query: 'litestream', section: '', unreadOnly: false },
      index,
      none,
    );
    expect(all.map((p) => p.slug)).toEqual(
      searchArchive(index, 'litestream', NO_FILTERS, none).map((h) => h.slug),
    );
    const inSection = filterArchive(
      notes.posts,
      { query: 'agents', section: 'AI Agents & MCP', unreadOnly: false },
      index,
      none,
    );
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.every((p) => p.section === 'AI Agents & MCP')).toBe(true);
  });

  it('keeps archive order without a query and leaves out read posts when asked', () => {
    const unread = filterArchive(
      notes.posts,
      { query: '', section: '', unreadOnly: true },
      index,
      (slug) => slug === 'corrosion',
    );
    expect(unread.map((p) => p.slug)).toEqual(
      notes.posts.filter((p) => p.slug !== 'corrosion').map((p) => p.slug),
    );
  });
});

describe('export and share', () => {
  it('copies the Start Here path as a Markdown list and says so', async () => {
    const { copyText } = renderPage();
    fireEvent.click(screen.getByTestId('fn-copy-path'));
    expect(copyText).toHaveBeenCalledWith(pathMarkdown(notes));
    await waitFor(() =>
      expect(screen.getByTestId('fn-export-status').textContent).toContain('Copied'),
    );
  });

  it('says when the clipboard refuses', async () => {
    renderPage(vi.fn(() => Promise.reject(new Error('Write permission denied.'))));
    fireEvent.click(screen.getByTestId('fn-copy-path'));
    await waitFor(() =>
      expect(screen.getByTestId('fn-export-status').textContent).toBe(
        'Could not copy to the clipboard: Write permission denied.',
      ),
    );
  });

  it("offers the page as Markdown with the reader's ticks, renewed when a mark changes", async () => {
    const { urls } = renderPage();
    const link = screen.getByTestId('fn-export-notes-markdown');
    expect(link.getAttribute('download')).toBe('fly-field-notes.md');
    const before = link.getAttribute('href');
    expect(await urls.textOf(before)).toContain(
      '2. [ ] [Corrosion](https://fly.io/blog/corrosion/)',
    );
    await markRead('corrosion');
    await waitFor(() => expect(link.getAttribute('href')).not.toBe(before));
    expect(await urls.textOf(link.getAttribute('href'))).toContain(
      '2. [x] [Corrosion](https://fly.io/blog/corrosion/)',
    );
    // The stale file is released.
    await waitFor(() => expect(urls.blobs.has(before!)).toBe(false));
  });

  it('offers the data as JSON', async () => {
    await markRead('corrosion');
    const { urls } = renderPage();
    const link = screen.getByTestId('fn-export-notes-json');
    expect(link.getAttribute('download')).toBe('fly-field-notes.json');
    await waitFor(async () => {
      const data = JSON.parse(await urls.textOf(link.getAttribute('href'))) as { read: string[] };
      expect(data.read).toEqual(['corrosion']);
    });
  });
});
