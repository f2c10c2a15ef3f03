import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardMark } from '../../../components/common/CardMark';
import { Sidebar, type SidebarProps } from '../../../components/sidebar/Sidebar';
import { fieldNotes, pathPosition, pathPosts } from '../../../data/notes/notes';
import { blogPageForUrl } from '../../../data/shared/blog-urls';

afterEach(cleanup);

const notes = fieldNotes();
const path = (readSlugs: string[] = []) =>
  pathPosts().map(({ step, post }) => ({ step, post, read: readSlugs.includes(post.slug) }));

function props(url: string, overrides: Partial<SidebarProps> = {}): SidebarProps {
  const page = blogPageForUrl(url);
  if (page.kind === 'other') throw new Error('not a blog page');
  return {
    blog: notes.blog,
    page,
    path: path(),
    position: page.kind === 'post' ? pathPosition(page.slug) : undefined,
    postRead: false,
    postDay: '2025-01-01',
    onToggleRead: () => undefined,
    notesUrl: 'chrome-extension://id/notes.html',
    onOpenNotes: () => undefined,
    ...overrides,
  };
}

describe('Sidebar on a post of the notes', () => {
  const step2 = notes.path[1]!.slug;

  it('shows the post note, its place on the path and its neighbours', () => {
    render(<Sidebar {...props(`https://fly.io/blog/${step2}/`)} />);
    expect(screen.getByTestId('fn-post').dataset.slug).toBe(step2);
    expect(screen.getByTestId('fn-path-position').textContent).toBe('Step 2 of 7');
    const current = screen
      .getAllByTestId('fn-path-step')
      .filter((li) => li.getAttribute('aria-current') === 'step');
    expect(current.map((li) => li.dataset.slug)).toEqual([step2]);
    expect(screen.getByTestId('fn-path-previous').getAttribute('href')).toBe(
      `https://fly.io/blog/${notes.path[0]!.slug}/`,
    );
    expect(screen.getByTestId('fn-path-next').getAttribute('href')).toBe(
      `https://fly.io/blog/${notes.path[2]!.slug}/`,
    );
    expect(screen.getByTestId('fn-compared-to').textContent).toContain(notes.blog.comparedTo);
    expect(screen.getAllByTestId('fn-post-topic').length).toBeGreaterThanOrEqual(2);
  });

  it('toggles read with the button and reports its state', () => {
    const onToggleRead = vi.fn();
    const { rerender } = render(
      <Sidebar {...props(`https://fly.io/blog/${step2}/`, { onToggleRead })} />,
    );
    const button = screen.getByTestId('fn-mark-read');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(onToggleRead).toHaveBeenCalledWith(true);
    rerender(
      <Sidebar {...props(`https://fly.io/blog/${step2}/`, { onToggleRead, postRead: true })} />,
    );
    fireEvent.click(screen.getByTestId('fn-mark-read'));
    expect(onToggleRead).toHaveBeenLastCalledWith(false);
  });

  it('marks each step read or unread and counts them', () => {
    render(
      <Sidebar
        {...props(`https://fly.io/blog/${step2}/`, {
          path: path([notes.path[0]!.slug, notes.path[3]!.slug]),
        })}
      />,
    );
    expect(screen.getAllByTestId('fn-path-step').map((li) => li.dataset.read)).toEqual([
      'true',
      'false',
      'false',
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(screen.getByTestId('fn-path-progress').textContent).toBe('2 of 7 read');
  });

  it('offers the next unread step on a post that is not on the path', () => {
    const off = notes.posts.find((p) => !notes.path.some((s) => s.slug === p.slug))!;
    render(
      <Sidebar
        {...props(`https://fly.io/blog/${off.slug}/`, { path: path([notes.path[0]!.slug]) })}
      />,
    );
    expect(screen.getByTestId('fn-path-position').textContent).toBe('Not on the reading path');
    expect(screen.getByTestId('fn-path-continue').textContent).toContain('Step 2');
  });
});

describe('Sidebar on the index and on unknown posts', () => {
  it('shows blog notes, progress and a continue link on the index', () => {
    render(<Sidebar {...props('https://fly.io/blog/page/2/')} />);
    expect(screen.queryByTestId('fn-post')).toBeNull();
    expect(screen.queryByTestId('fn-path-position')).toBeNull();
    expect(screen.getByTestId('fn-path-progress').textContent).toBe('0 of 7 read');
    expect(screen.getByTestId('fn-path-continue').textContent).toContain('Step 1');
    expect(screen.getByTestId('fn-blog-summary').textContent).toBe(notes.blog.summary);
  });

  it('says when the whole path is read', () => {
    render(
      <Sidebar {...props('https://fly.io/blog/', { path: path(notes.path.map((s) => s.slug)) })} />,
    );
    expect(screen.getByTestId('fn-path-done')).toBeTruthy();
    expect(screen.queryByTestId('fn-path-continue')).toBeNull();
  });

  it('says there are no notes for an unknown post, and shows a feed teaser when given one', () => {
    const { rerender } = render(<Sidebar {...props('https://fly.io/blog/a-new-post/')} />);
    expect(screen.getByTestId('fn-unknown-post').textContent).toContain(
      'No field notes for this post yet',
    );
    expect(screen.queryByTestId('fn-feed-teaser')).toBeNull();
    rerender(
      <Sidebar
        {...props('https://fly.io/blog/a-new-post/', {
          feedPost: { title: 'A New Post', teaser: 'What it is about.', date: '2026-03-01' },
        })}
      />,
    );
    expect(screen.getByTestId('fn-feed-teaser').textContent).toContain('What it is about.');
  });

  it('links to all field notes through its callback', () => {
    const onOpenNotes = vi.fn();
    render(<Sidebar {...props('https://fly.io/blog/', { onOpenNotes })} />);
    const link = screen.getByTestId('fn-all-notes');
    expect(link.getAttribute('href')).toBe('chrome-extension://id/notes.html');
    fireEvent.click(link);
    expect(onOpenNotes).toHaveBeenCalledOnce();
  });
});

describe('CardMark', () => {
  it('shows read state and step, and toggles from the card', () => {
    const onToggleRead = vi.fn();
    render(
      <CardMark
        title="Corrosion"
        read={false}
        step={2}
        total={7}
        theme="light"
        onToggleRead={onToggleRead}
      />,
    );
    const mark = screen.getByTestId('fn-card-mark');
    expect(mark.getAttribute('aria-pressed')).toBe('false');
    expect(mark.getAttribute('aria-label')).toBe('Corrosion: mark as read');
    expect(screen.getByTestId('fn-card-step').textContent).toBe('Step 2 of 7');
    fireEvent.click(mark);
    expect(onToggleRead).toHaveBeenCalledWith(true);
  });
  it('has no step badge off the path', () => {
    render(
      <CardMark
        title="X"
        read
        step={undefined}
        total={7}
        theme="dark"
        onToggleRead={() => undefined}
      />,
    );
    expect(screen.queryByTestId('fn-card-step')).toBeNull();
    expect(screen.getByTestId('fn-card-mark').dataset.read).toBe('true');
  });
});
