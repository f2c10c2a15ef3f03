// Issue 13 item 4 on the options page (rendered over WXT's fake browser with the page's own
// wiring): an import whose write fails says so, removes the preview and changes nothing; the
// page shows storage used against the browser's quota.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { StorageUsageSection } from '../../../components/options/StorageUsage';
import { fieldNotes } from '../../../data/notes/notes';
import { BACKUP_FORMAT } from '../../../data/progress/backup';
import { optionsServices, storageUsageServices } from '../../../entrypoints/options/services';

const notes = fieldNotes();
const known = new Set(notes.posts.map((p) => p.slug));
const NOW = Date.parse('2026-06-01T00:00:00Z');
const all = () => browser.storage.local.get(null);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('an import whose write fails', () => {
  it('says so on the page, drops the preview and changes nothing', async () => {
    await browser.storage.local.set({ 'read:corrosion': { read: false, at: 1, via: 'button' } });
    const before = await all();
    render(h(OptionsApp, { notes, services: optionsServices(known, () => NOW) }));
    const file = new File(
      [
        JSON.stringify({
          format: BACKUP_FORMAT,
          version: 1,
          exportedAt: '2026-05-01T00:00:00.000Z',
          marks: [{ slug: 'corrosion', read: true, at: '2026-05-01T00:00:00.000Z', via: 'popup' }],
          prefs: { autoMark: true },
        }),
      ],
      'backup.json',
      { type: 'application/json' },
    );
    const input = screen.getByTestId('fn-import') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const apply = await screen.findByTestId('fn-import-apply');

    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    fireEvent.click(apply);
    const error = await screen.findByTestId('fn-import-error');
    expect(error.textContent).toContain('Nothing was imported.');
    expect(error.textContent).toContain('storage for the extension is full');
    expect(screen.queryByTestId('fn-import-apply')).toBeNull();
    vi.restoreAllMocks();
    expect(await all()).toEqual(before);
  });
});

describe('storage usage', () => {
  it('shows the bytes used against the quota', async () => {
    const local = browser.storage.local as unknown as Record<string, unknown>;
    const original = { getBytesInUse: local.getBytesInUse, QUOTA_BYTES: local.QUOTA_BYTES };
    Object.assign(local, { getBytesInUse: async () => 2 * 1024 * 1024, QUOTA_BYTES: 10_485_760 });
    try {
      render(h(StorageUsageSection, { services: storageUsageServices }));
      const usage = screen.getByTestId('fn-storage-usage');
      await waitFor(() => expect(usage.dataset.used).toBe(String(2 * 1024 * 1024)));
      expect(usage.dataset.quota).toBe('10485760');
      expect(usage.textContent).toContain('2.0 MB of 10.0 MB (20%)');
      expect(screen.queryByTestId('fn-storage-full')).toBeNull();
    } finally {
      Object.assign(local, original);
    }
  });
});
