// The popup searches every post the archive learned from the blog's pages: results say whether
// the notes annotate them (data-annotated), a checkbox keeps only annotated ones, and a line
// gives progress over the whole blog.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SearchApp } from '../../../components/search/SearchApp';
import { LEARNED_PREFIX } from '../../../data/archive/learned';
import { fieldNotes } from '../../../data/notes/notes';
import { MARK_PREFIX } from '../../../data/progress/marks';

const box = () => screen.getByTestId('fn-search') as HTMLInputElement;
const results = () => screen.queryAllByTestId('fn-result');

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
});
afterEach(() => cleanup());

describe('the popup and the whole blog', () => {
  it('finds a learned post by a word of its title, marked not annotated, and filters it out', async () => {
    const notes = fieldNotes().posts;
    await fakeBrowser.storage.local.set({
      [`${LEARNED_PREFIX}old-post-17`]: {
        title: 'Zanzibar quorum notes',
        minutes: 9,
        from: 'index',
        at: 1,
      },
      [`${LEARNED_PREFIX}old-post-18`]: { from: 'index', at: 1 },
      [`${MARK_PREFIX}old-post-17`]: { read: true, at: 1, via: 'button' },
      [`${MARK_PREFIX}${notes[0]!.slug}`]: { read: true, at: 1, via: 'button' },
    });
    render(<SearchApp onClose={vi.fn()} />);
    await waitFor(() =>
      expect(screen.getByTestId('fn-blog-progress').textContent).toBe(
        `2 of ${notes.length + 2} posts read`,
      ),
    );
    fireEvent.input(box(), { target: { value: 'zanzibar' } });
    await waitFor(() => expect(results().map((r) => r.dataset.slug)).toEqual(['old-post-17']));
    expect(results()[0]!.dataset.annotated).toBe('false');
    fireEvent.click(screen.getByTestId('fn-filter-annotated'));
    await waitFor(() => expect(results()).toHaveLength(0));

    fireEvent.input(box(), { target: { value: notes[0]!.title.split(' ')[0]! } });
    await waitFor(() => expect(results().length).toBeGreaterThan(0));
    for (const r of results()) expect(r.dataset.annotated).toBe('true');
  });
});
