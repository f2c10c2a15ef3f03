import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { fieldNotes } from '../../../data/notes/notes';
import { loadPrefs } from '../../../data/settings/prefs';
import { loadProgress, setRead } from '../../../data/progress/marks';
import { loadQuarantine, setAside } from '../../../data/storage/quarantine';
import { importCases } from '../../fixtures/imports/cases';
import { optionsServices } from '../../../entrypoints/options/services';

const notes = fieldNotes();
const known = new Set(notes.posts.map((p) => p.slug));
const NOW = Date.parse('2026-06-01T00:00:00Z');
const dir = join(import.meta.dirname, '../../fixtures/imports');

// The page's own wiring over WXT's fake browser: the page is tested as it runs, minus Chromium.
const services = optionsServices(known, () => NOW);

const storage = () => browser.storage.local.get(null);
const renderPage = (sections?: preact.ComponentChildren) =>
  render(<OptionsApp notes={notes} services={services} sections={sections} />);

function chooseFile(name: string, content: string | Uint8Array<ArrayBuffer>) {
  const input = screen.getByTestId('fn-import') as HTMLInputElement;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('has a control for every setting, and stores a change', async () => {
    renderPage();
    for (const name of [
      'sidebarOpenByDefault',
      'sidebarPinnedByDefault',
      'sidebarSide',
      'autoMark',
      'badge',
      'indexCardMarks',
    ])
      expect(screen.getByTestId(`fn-setting-${name}`)).toBeTruthy();
    const autoMark = screen.getByTestId('fn-setting-autoMark') as HTMLInputElement;
    expect(autoMark.checked).toBe(false);
    fireEvent.click(autoMark);
    await waitFor(async () => expect((await loadPrefs()).autoMark).toBe(true));
    fireEvent.change(screen.getByTestId('fn-setting-sidebarSide'), { target: { value: 'left' } });
    await waitFor(async () => expect((await loadPrefs()).sidebarSide).toBe('left'));
    expect((await loadPrefs()).autoMark).toBe(true);
  });

  it('leaves a slot for other sections (the feed status)', () => {
    renderPage(<section data-testid="fn-feed-slot">Feed</section>);
    expect(screen.getByTestId('fn-feed-slot').textContent).toBe('Feed');
  });
});

describe('import', () => {
  it('refuses every bad file with its message and changes nothing', async () => {
    await setRead('corrosion', true, 'button');
    const before = await storage();
    renderPage();
    for (const c of importCases) {
      if (!('error' in c)) continue;
      chooseFile(c.file, readFileSync(join(dir, c.file)));
      await waitFor(() =>
        expect(screen.getByTestId('fn-import-error').textContent).toMatch(c.error),
      );
      expect(screen.queryByTestId('fn-import-preview')).toBeNull();
      expect(screen.queryByTestId('fn-import-apply')).toBeNull();
    }
    chooseFile('huge.json', new Uint8Array(10 * 1024 * 1024).fill(0x20));
    await waitFor(() =>
      expect(screen.getByTestId('fn-import-error').textContent).toMatch(/10\.0 MB/),
    );
    expect(await storage()).toEqual(before);
  });

  it('previews new, unchanged and conflicting marks, then applies the later ones', async () => {
    await browser.storage.local.set({
      'read:corrosion': { read: true, at: Date.parse('2026-03-01T00:00:00Z'), via: 'button' },
      'read:kurt-got-got': { read: false, at: Date.parse('2026-03-09T00:00:00Z'), via: 'button' },
      'read:litestream-vfs': { read: true, at: Date.parse('2026-03-01T00:00:00Z'), via: 'button' },
    });
    const file = {
      format: 'fly-field-notes-backup',
      version: 1,
      exportedAt: '2026-03-10T00:00:00.000Z',
      marks: [
        { slug: 'corrosion', read: true, at: '2026-02-01T00:00:00.000Z', via: 'popup' },
        { slug: 'kurt-got-got', read: true, at: '2026-03-02T00:00:00.000Z', via: 'popup' },
        { slug: 'litestream-vfs', read: false, at: '2026-03-05T00:00:00.000Z', via: 'popup' },
        { slug: 'kamal-in-production', read: true, at: '2026-03-03T00:00:00.000Z', via: 'card' },
      ],
      prefs: { sidebarSide: 'left' },
    };
    renderPage();
    chooseFile('mine.json', JSON.stringify(file));
    await screen.findByTestId('fn-import-preview');
    expect(screen.getByTestId('fn-import-added').textContent).toBe('add 1 new marks');
    expect(screen.getByTestId('fn-import-updated').textContent).toContain('replace 1 marks');
    expect(screen.getByTestId('fn-import-kept').textContent).toContain('keep 1 of yours');
    expect(screen.getByTestId('fn-import-unchanged').textContent).toBe('leave 1 unchanged');
    expect(screen.getByTestId('fn-import-settings').textContent).toContain('sidebarSide');
    expect(screen.getByTestId('fn-import-list-kept').textContent).toContain('Kurt Got Got');
    // Nothing is written by the preview.
    expect((await loadProgress())['kamal-in-production']).toBeUndefined();

    fireEvent.click(screen.getByTestId('fn-import-apply'));
    await screen.findByTestId('fn-import-done');
    const progress = await loadProgress();
    expect(progress['kamal-in-production']).toEqual({
      read: true,
      at: Date.parse('2026-03-03T00:00:00Z'),
      via: 'card',
    });
    expect(progress['litestream-vfs']?.read).toBe(false);
    expect(progress['kurt-got-got']).toMatchObject({ read: false, via: 'button' });
    expect(progress.corrosion).toMatchObject({ via: 'button' });
    expect((await loadPrefs()).sidebarSide).toBe('left');
  });

  it('re-plans the preview when a mark changes in another tab meanwhile', async () => {
    renderPage();
    chooseFile(
      'one.json',
      JSON.stringify({
        format: 'fly-field-notes-backup',
        version: 1,
        exportedAt: '2026-03-10T00:00:00.000Z',
        marks: [{ slug: 'corrosion', read: true, at: '2026-03-02T00:00:00.000Z', via: 'popup' }],
      }),
    );
    await screen.findByTestId('fn-import-preview');
    expect(screen.getByTestId('fn-import-added').textContent).toBe('add 1 new marks');
    // Another tab unmarks the post after the file's mark: ours is later now and is kept.
    await setRead('corrosion', false, 'button');
    await waitFor(() =>
      expect(screen.getByTestId('fn-import-kept').textContent).toContain('keep 1'),
    );
    fireEvent.click(screen.getByTestId('fn-import-apply'));
    await screen.findByTestId('fn-import-done');
    expect((await loadProgress()).corrosion).toMatchObject({ read: false, via: 'button' });
  });
});

describe('reset', () => {
  it('asks first, forgets every mark, and undo brings them back without undoing newer marks', async () => {
    await setRead('corrosion', true, 'button');
    await setRead('kurt-got-got', true, 'popup');
    const before = await loadProgress();
    renderPage();
    await waitFor(() =>
      expect((screen.getByTestId('fn-reset') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('fn-reset'));
    expect(await loadProgress()).toEqual(before);
    fireEvent.click(screen.getByTestId('fn-reset-cancel'));
    fireEvent.click(screen.getByTestId('fn-reset'));
    fireEvent.click(screen.getByTestId('fn-reset-confirm'));
    await screen.findByTestId('fn-undo');
    expect(await loadProgress()).toEqual({});
    // Marked again in a tab after the reset: that newer mark stays through the undo.
    const newer = await setRead('kurt-got-got', false, 'button');
    fireEvent.click(screen.getByTestId('fn-undo'));
    await waitFor(() =>
      expect(screen.getByTestId('fn-reset-status').textContent).toContain('1 mark restored'),
    );
    expect(await loadProgress()).toEqual({ corrosion: before.corrosion, 'kurt-got-got': newer });
    expect(screen.queryByTestId('fn-undo')).toBeNull();
  });

  it('can still be undone after the page was closed and opened again', async () => {
    await setRead('corrosion', true, 'button');
    const before = await loadProgress();
    const first = renderPage();
    await waitFor(() =>
      expect((screen.getByTestId('fn-reset') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('fn-reset'));
    fireEvent.click(screen.getByTestId('fn-reset-confirm'));
    await screen.findByTestId('fn-undo');
    first.unmount();
    renderPage();
    fireEvent.click(await screen.findByTestId('fn-undo'));
    await waitFor(async () => expect(await loadProgress()).toEqual(before));
    // Undone once: not offered again.
    cleanup();
    renderPage();
    await waitFor(() =>
      expect(screen.getByTestId('fn-progress-summary').textContent).toContain('read 1 of 30'),
    );
    expect(screen.queryByTestId('fn-undo')).toBeNull();
  });
});

describe('export', () => {
  it('downloads a JSON backup and a Markdown list through an <a download>', async () => {
    await setRead('corrosion', true, 'button');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    renderPage();
    await waitFor(() =>
      expect(screen.getByTestId('fn-progress-summary').textContent).toContain('read 1 of 30'),
    );
    fireEvent.click(screen.getByTestId('fn-export-json'));
    fireEvent.click(screen.getByTestId('fn-export-markdown'));
    expect(names).toEqual([
      'fly-field-notes-backup-2026-06-01.json',
      'fly-blog-reading-list-2026-06-01.md',
    ]);
    const backup = JSON.parse(await blobs[0]!.text()) as { marks: { slug: string }[] };
    expect(backup.marks.map((m) => m.slug)).toEqual(['corrosion']);
    expect(await blobs[1]!.text()).toContain('- [x] [Corrosion](https://fly.io/blog/corrosion/)');
  });
});

describe('set-aside data', () => {
  it('is reported once', async () => {
    await setAside('read:broken', 'junk', 'not a valid mark', { now: 5 });
    const first = renderPage();
    await screen.findByTestId('fn-quarantine');
    expect(screen.getByTestId('fn-quarantine').textContent).toContain('read:broken');
    first.unmount();
    await waitFor(async () => expect((await loadQuarantine())[0]?.reported).toBe(true));
    renderPage();
    await waitFor(() =>
      expect(screen.getByTestId('fn-progress-summary').textContent).toContain('read 0'),
    );
    expect(screen.queryByTestId('fn-quarantine')).toBeNull();
  });
});
