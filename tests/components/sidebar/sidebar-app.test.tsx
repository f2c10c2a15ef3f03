import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidebarApp, type SidebarHost } from '../../../components/sidebar/SidebarApp';
import type { SidebarPage } from '../../../components/sidebar/Sidebar';
import { WIDTH_STEP, type Layout } from '../../../data/settings/layout';
import { loadFeedPost, watchFeedPost } from '../../../data/feed/feed-post';
import { loadProgress, setRead, watchProgress } from '../../../data/progress/marks';
import { blogPageForUrl } from '../../../data/shared/blog-urls';

afterEach(cleanup);
beforeEach(() => {
  fakeBrowser.reset();
});

function page(url: string): SidebarPage {
  const p = blogPageForUrl(url);
  if (p.kind === 'other') throw new Error('not a blog page');
  return p;
}

function fakeHost(layout: Partial<Layout> = {}, viewport = 1280) {
  const toggles = new Set<() => void>();
  const themes = new Set<(t: 'light' | 'dark') => void>();
  const host = {
    progress: {
      load: loadProgress,
      watch: watchProgress,
      setRead: (slug: string, read: boolean) => setRead(slug, read, 'button'),
    },
    initialLayout: { open: true, pinned: true, width: 340, side: 'right', ...layout } as Layout,
    saveLayout: vi.fn(),
    viewportWidth: () => viewport,
    watchViewport: () => () => undefined,
    pushPage: vi.fn(),
    theme: () => 'light' as const,
    watchTheme: (cb: (t: 'light' | 'dark') => void) => {
      themes.add(cb);
      return () => themes.delete(cb);
    },
    watchToggleCommand: (cb: () => void) => {
      toggles.add(cb);
      return () => toggles.delete(cb);
    },
    notesUrl: 'chrome-extension://id/notes.html',
    openNotes: vi.fn(),
  } satisfies SidebarHost;
  return {
    host,
    command: () => act(() => toggles.forEach((f) => f())),
    setTheme: (t: 'light' | 'dark') => act(() => themes.forEach((f) => f(t))),
  };
}

describe('SidebarApp', () => {
  it('pushes the page when open and pinned in a wide window, and gives it back when collapsed', async () => {
    const { host } = fakeHost();
    render(<SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />);
    expect(host.pushPage).toHaveBeenLastCalledWith('right', 340);
    fireEvent.click(screen.getByTestId('fn-toggle'));
    expect(host.pushPage).toHaveBeenLastCalledWith('right', 0);
    expect(host.saveLayout).toHaveBeenLastCalledWith({
      open: false,
      pinned: true,
      width: 340,
      side: 'right',
    });
    expect(screen.getByTestId('fn-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('fn-sidebar').hidden).toBe(true);
  });

  it('draws the notes only while open: collapsed, the page gets the edge tab alone', () => {
    const { host } = fakeHost({ open: false });
    render(<SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />);
    expect(screen.getByTestId('fn-toggle')).toBeTruthy();
    expect(screen.queryByTestId('fn-post-title')).toBeNull();
    fireEvent.click(screen.getByTestId('fn-toggle'));
    expect(screen.getByTestId('fn-post-title').textContent).toBe('Corrosion');
  });

  it('overlays in a narrow window and when unpinned', () => {
    const { host } = fakeHost({}, 900);
    render(<SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />);
    expect(screen.getByTestId('fn-root').dataset.mode).toBe('overlay');
    expect(host.pushPage).toHaveBeenLastCalledWith('right', 0);
  });

  it('remembers pin and side changes', () => {
    const { host } = fakeHost();
    render(<SidebarApp page={page('https://fly.io/blog/')} host={host} />);
    fireEvent.click(screen.getByTestId('fn-pin'));
    expect(screen.getByTestId('fn-pin').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByTestId('fn-side'));
    expect(host.saveLayout).toHaveBeenLastCalledWith({
      open: true,
      pinned: false,
      width: 340,
      side: 'left',
    });
    expect(screen.getByTestId('fn-root').dataset.side).toBe('left');
  });

  it('resizes with the arrow keys, within bounds, and remembers the width', () => {
    const { host } = fakeHost({ width: 630 });
    render(<SidebarApp page={page('https://fly.io/blog/')} host={host} />);
    const grip = screen.getByTestId('fn-resize');
    fireEvent.keyDown(grip, { key: 'ArrowLeft' });
    expect(grip.getAttribute('aria-valuenow')).toBe('640');
    fireEvent.keyDown(grip, { key: 'ArrowRight' });
    expect(grip.getAttribute('aria-valuenow')).toBe(String(640 - WIDTH_STEP));
    expect(host.saveLayout).toHaveBeenLastCalledWith(
      expect.objectContaining({ width: 640 - WIDTH_STEP }),
    );
  });

  it('opens on the command with focus inside, and Escape closes it and returns focus', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const { host, command } = fakeHost({ open: false });
    render(<SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />);
    await command();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('fn-sidebar')));
    fireEvent.keyDown(screen.getByTestId('fn-sidebar'), { key: 'Escape' });
    expect(screen.getByTestId('fn-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('follows the theme the host reports', async () => {
    const { host, setTheme } = fakeHost();
    render(<SidebarApp page={page('https://fly.io/blog/')} host={host} />);
    expect(screen.getByTestId('fn-root').dataset.theme).toBe('light');
    await setTheme('dark');
    expect(screen.getByTestId('fn-root').dataset.theme).toBe('dark');
  });

  it('shows marks live from storage and writes them from the button', async () => {
    const { host } = fakeHost();
    render(<SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />);
    fireEvent.click(screen.getByTestId('fn-mark-read'));
    await waitFor(() =>
      expect(screen.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('true'),
    );
    expect((await fakeBrowser.storage.local.get('read:corrosion'))['read:corrosion']).toMatchObject(
      { read: true, via: 'button' },
    );
    await setRead('corrosion', false, 'popup');
    await waitFor(() =>
      expect(screen.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('false'),
    );
  });

  it('updates in place for a new page', () => {
    const { host } = fakeHost();
    const { rerender } = render(
      <SidebarApp page={page('https://fly.io/blog/corrosion/')} host={host} />,
    );
    rerender(<SidebarApp page={page('https://fly.io/blog/litestream-vfs/')} host={host} />);
    expect(screen.getByTestId('fn-post').dataset.slug).toBe('litestream-vfs');
    expect(screen.getAllByTestId('fn-sidebar')).toHaveLength(1);
  });

  it('shows a feed post’s teaser from the host’s store, live, and marks that post read', async () => {
    const { host } = fakeHost();
    const slug = 'fixture-new-post';
    const entry = {
      slug,
      title: 'Fixture: A New Post',
      url: `https://fly.io/blog/${slug}/`,
      date: '2026-04-01',
      teaser: 'Test data: what it is about.',
    };
    render(
      <SidebarApp
        page={page(`https://fly.io/blog/${slug}/`)}
        host={{ ...host, feedPosts: { load: loadFeedPost, watch: watchFeedPost } }}
      />,
    );
    expect(screen.queryByTestId('fn-feed-teaser')).toBeNull();
    expect(screen.queryByTestId('fn-mark-read')).toBeNull();
    await fakeBrowser.storage.local.set({ 'feed:entries': [entry] });
    await waitFor(() => expect(screen.getByTestId('fn-feed-title').textContent).toBe(entry.title));
    expect(screen.getByTestId('fn-feed-date').textContent).toBe(entry.date);
    expect(screen.getByTestId('fn-feed-text').textContent).toBe(entry.teaser);
    fireEvent.click(screen.getByTestId('fn-mark-read'));
    await waitFor(() =>
      expect(screen.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('true'),
    );
    expect((await fakeBrowser.storage.local.get(`read:${slug}`))[`read:${slug}`]).toMatchObject({
      read: true,
      via: 'button',
    });
  });
});
