import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnknownPost } from '../../../components/sidebar/UnknownPost';

afterEach(cleanup);

describe('UnknownPost with what the archive knows (fn-known-post)', () => {
  it("shows the title, day, fly.io's reading time (labelled so), authors and teaser, as text", () => {
    const onToggleRead = vi.fn();
    render(
      <UnknownPost
        slug="old-post-17"
        feedPost={{
          title: 'Old <b>post</b>',
          date: '2019-04-02',
          teaser: '<script>alert(1)</script>',
          minutes: 13,
          authors: ['Kurt Mackey', 'Thomas Ptacek'],
          source: 'blog',
        }}
        onToggleRead={onToggleRead}
      />,
    );
    const known = screen.getByTestId('fn-known-post');
    expect(known.dataset.slug).toBe('old-post-17');
    expect(screen.getByTestId('fn-unknown-post').textContent).toContain(
      'No field notes for this post yet',
    );
    expect(screen.getByTestId('fn-feed-title').textContent).toBe('Old <b>post</b>');
    expect(screen.getByTestId('fn-fly-minutes').textContent).toContain('13 min on fly.io');
    expect(known.textContent).toContain('By Kurt Mackey & Thomas Ptacek');
    expect(known.textContent).toContain("from the blog's pages");
    expect(known.querySelector('b, script')).toBeNull();
    // Learned from the blog's pages, not the feed: not marked as the feed's.
    expect(screen.queryByTestId('fn-feed-teaser')).toBeNull();
    fireEvent.click(screen.getByTestId('fn-mark-read'));
    expect(onToggleRead).toHaveBeenCalledWith(true);
  });

  it('says only that there are no notes when the archive knows nothing', () => {
    render(<UnknownPost slug="nothing-known" />);
    expect(screen.queryByTestId('fn-known-post')).toBeNull();
    expect(screen.queryByTestId('fn-mark-read')).toBeNull();
  });

  it('shows the suggested section inside the known post, and nothing when it is declined', () => {
    const known = { title: 'Old post', date: '2019-04-02', teaser: '', source: 'blog' as const };
    const { rerender } = render(
      <UnknownPost
        slug="old-post-1"
        feedPost={known}
        suggestion={{ sectionId: 'sqlite', sectionTitle: 'SQLite & Litestream', confidence: 0.8 }}
      />,
    );
    const suggested = screen.getByTestId('fn-suggested-section');
    expect(screen.getByTestId('fn-known-post').contains(suggested)).toBe(true);
    expect(screen.getByTestId('fn-suggested-section-title').textContent).toBe(
      'SQLite & Litestream',
    );
    rerender(<UnknownPost slug="old-post-1" feedPost={known} suggestion={null} />);
    expect(screen.queryByTestId('fn-suggested-section')).toBeNull();
  });
});
