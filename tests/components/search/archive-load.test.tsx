// The popup's "Load the whole blog": the button sends the command, a running walk shows its
// progress bar and stop button, and the result line says where it stands.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ArchiveLoad } from '../../../components/archive/ArchiveLoad';
import { IDLE_WALK, WALK_KEY } from '../../../data/archive/walk';

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('ArchiveLoad', () => {
  it('offers to load the whole blog and sends the command', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      sent.push(m);
      return Promise.resolve(undefined);
    });
    render(<ArchiveLoad />);
    await screen.findByTestId('fn-archive-load');
    expect(screen.getByTestId('fn-archive-status').textContent).toBe(
      '0 posts · the whole blog not loaded yet',
    );
    fireEvent.click(screen.getByTestId('fn-archive-load'));
    await waitFor(() => expect(sent).toEqual([{ type: 'fn:archive-load' }]));
  });

  it('shows a running walk as a progress bar with a stop button', async () => {
    await fakeBrowser.storage.local.set({
      [WALK_KEY]: { ...IDLE_WALK, status: 'running', nextPage: 5, pagesRead: 4 },
      'archive:post:a': { from: 'index', at: 1 },
    });
    render(<ArchiveLoad now={vi.fn(() => 0)} />);
    const bar = await screen.findByTestId('fn-archive-progress');
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(bar.getAttribute('aria-valuemax')).toBe('5');
    expect(screen.getByTestId('fn-archive-stop')).toBeTruthy();
    expect(screen.getByTestId('fn-archive-status').textContent).toBe('1 post · loading page 5');
  });
});
