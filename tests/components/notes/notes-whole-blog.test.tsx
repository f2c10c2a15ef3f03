// The notes page's archive over the whole blog: posts learned from the blog's pages are listed
// and searchable beside the notes' 30, each row says whether it has field notes
// (data-annotated), and fn-filter-annotated keeps only those that do.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotesApp } from '../../../components/notes/NotesApp';
import { loadArchivePosts, watchArchive } from '../../../data/archive/archive';
import {
  loadProgress,
  setRead,
  watchProgress,
  type ProgressStore,
} from '../../../data/progress/marks';

const store: ProgressStore = {
  load: loadProgress,
  watch: watchProgress,
  setRead: (slug, read) => setRead(slug, read, 'notes'),
};
const urls = { create: () => 'blob:test/1', revoke: () => undefined };

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({
    'archive:post:zebra-migrations-of-2019': {
      title: 'Zebra <b>Migrations</b> of 2019',
      teaser: 'How the herd moved.',
      minutes: 12,
      date: '2019-04-02',
      from: 'page',
      at: 1,
    },
    'archive:post:old-post-3': { from: 'index', at: 1 },
  });
});
afterEach(cleanup);

const rows = () => screen.queryAllByTestId('fn-archive-post');

function renderPage() {
  render(
    <NotesApp
      store={store}
      copyText={vi.fn(() => Promise.resolve())}
      objectUrls={urls}
      wholeArchive={{ load: loadArchivePosts, watch: watchArchive }}
    />,
  );
}

describe('the notes page archive over the whole blog', () => {
  it('lists the notes first, every post one click away, and says which have field notes', async () => {
    renderPage();
    // "With field notes only" starts on: the notes' 30, as the page always listed.
    await waitFor(() =>
      expect(screen.getByTestId('fn-archive-count').textContent).toContain('30 of 32'),
    );
    expect(rows()).toHaveLength(30);
    expect(rows().every((r) => r.dataset.annotated === 'true')).toBe(true);
    fireEvent.click(screen.getByTestId('fn-filter-annotated'));
    await waitFor(() => expect(rows()).toHaveLength(32));
    expect(screen.getByTestId('fn-archive-count').textContent).toContain('All 32 posts');
    const zebra = rows().find((r) => r.dataset.slug === 'zebra-migrations-of-2019')!;
    expect(zebra.dataset.annotated).toBe('false');
    // Markup in a learned title stays text.
    expect(zebra.querySelector('b')).toBeNull();
    expect(zebra.textContent).toContain('Zebra <b>Migrations</b> of 2019');
    expect(zebra.textContent).toContain('12 min on fly.io');
    expect(rows().filter((r) => r.dataset.annotated === 'true')).toHaveLength(30);
  });

  it('finds a learned post by a word of its title, and marks it read', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(30));
    fireEvent.click(screen.getByTestId('fn-filter-annotated'));
    await waitFor(() => expect(rows()).toHaveLength(32));
    fireEvent.input(screen.getByTestId('fn-archive-search'), { target: { value: 'zebra' } });
    await waitFor(() =>
      expect(rows().map((r) => r.dataset.slug)).toEqual(['zebra-migrations-of-2019']),
    );
    fireEvent.click(rows()[0]!.querySelector('[data-testid="fn-archive-read"]')!);
    await waitFor(async () =>
      expect(await loadProgress()).toHaveProperty('zebra-migrations-of-2019'),
    );
  });

  it('charts the whole blog by month, and by year when asked, with the same total', async () => {
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(30));
    const bars = () => screen.getAllByTestId('fn-history-bar');
    const total = () => bars().reduce((n, b) => n + Number(b.dataset.count), 0);
    // The learned post with a day (2019) joins the notes' 30; one known by its link alone has
    // no month to sit in.
    await waitFor(() => expect(bars()[0]!.dataset.month).toBe('2019-04'));
    expect(total()).toBe(31);
    fireEvent.click(screen.getByTestId('fn-history-by-year'));
    await waitFor(() => expect(bars()[0]!.dataset.month).toBe('2019'));
    expect(bars().map((b) => b.dataset.month)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(total()).toBe(31);
    expect(bars()[0]!.dataset.count).toBe('1');
  });
});
