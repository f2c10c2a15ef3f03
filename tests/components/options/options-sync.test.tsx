import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { fieldNotes } from '../../../data/notes/notes';
import { loadSyncEnabled, SYNC_STATUS_KEY, initialStatus } from '../../../data/sync/status';
import { browser } from 'wxt/browser';
import { optionsServices } from '../../../entrypoints/options/services';

const notes = fieldNotes();
const services = optionsServices(new Set(notes.posts.map((p) => p.slug)));

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('sync on the options page', () => {
  it('is on by default, and the switch turns it off and on', async () => {
    render(<OptionsApp notes={notes} services={services} />);
    const toggle = screen.getByTestId('fn-sync-toggle') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () => expect(await loadSyncEnabled()).toBe(false));
    await waitFor(() =>
      expect(screen.getByTestId('fn-sync-status').textContent).toContain('Sync is off'),
    );
    fireEvent.click(toggle);
    await waitFor(async () => expect(await loadSyncEnabled()).toBe(true));
  });

  it('shows the status and usage as the background writes them', async () => {
    render(<OptionsApp notes={notes} services={services} />);
    expect(screen.getByTestId('fn-sync-usage').textContent).toContain('of 100 KB');
    await browser.storage.local.set({
      [SYNC_STATUS_KEY]: {
        ...initialStatus(),
        marksSynced: 42,
        writes: 3,
        bytesInUse: 3_174,
        lastSyncedAt: Date.parse('2026-06-01T10:00:00Z'),
        lastError: 'browser sync storage is full (QUOTA_BYTES quota exceeded).',
        notSynced: { unread: 5, read: 0 },
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('fn-sync-usage').textContent).toBe('3.1 of 100 KB'),
    );
    const status = screen.getByTestId('fn-sync-status').textContent;
    expect(status).toContain('42 marks synced');
    expect(status).toContain('storage is full');
    expect(status).toContain('0 read and 5 unread marks');
  });
});
