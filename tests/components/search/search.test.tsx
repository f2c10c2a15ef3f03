import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SearchApp } from '../../../components/search/SearchApp';
import { fieldNotes } from '../../../data/notes/notes';
import { MARK_PREFIX, setRead } from '../../../data/progress/marks';
import { NO_FILTERS } from '../../../data/search/engine';
import { SEARCH_SESSION_KEY, saveSearchSession } from '../../../data/search/session';

const notes = fieldNotes();
const slugs = () => screen.queryAllByTestId('fn-result').map((el) => el.getAttribute('data-slug'));
const box = () => screen.getByTestId('fn-search') as HTMLInputElement;

async function renderPopup() {
  const onClose = vi.fn();
  render(<SearchApp onClose={onClose} />);
  // The saved search is read first; nothing is shown from a stale state after it.
  await waitFor(() => expect(screen.getByTestId('fn-result-count').textContent).not.toBe(''));
  await new Promise((r) => setTimeout(r, 0));
  return { onClose };
}

async function type(text: string) {
  fireEvent.input(box(), { target: { value: text } });
  await waitFor(() => expect(box().value).toBe(text));
}

const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(box(), { key: k, ...init });

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
});
afterEach(() => cleanup());

describe('the popup before any query', () => {
  it('lists the Start Here path with progress, then the newest other posts', async () => {
    await setRead('corrosion', true, 'button');
    await renderPopup();
    const pathSlugs = notes.path.map((s) => s.slug);
    await waitFor(() => expect(screen.getByText('Start Here · 1/7 read')).toBeTruthy());
    expect(slugs().slice(0, 7)).toEqual(pathSlugs);
    const rest = slugs().slice(7);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.some((s) => s !== null && pathSlugs.includes(s))).toBe(false);
    expect(rest[0]).toBe('unfortunately-mcp');
    const steps = screen.getAllByTestId('fn-result-step').map((el) => el.textContent);
    expect(steps[0]).toBe('Step 1/7');
    expect(
      screen.getAllByTestId('fn-result').find((el) => el.dataset.slug === 'corrosion')!.dataset
        .read,
    ).toBe('true');
  });

  it('focuses the search box as a combobox that controls the listbox', async () => {
    await renderPopup();
    expect(document.activeElement).toBe(box());
    expect(box().getAttribute('role')).toBe('combobox');
    const listbox = document.getElementById(box().getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).toBe('listbox');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(listbox.querySelectorAll('[role=option]').length).toBe(slugs().length);
  });
});

describe('searching', () => {
  it('shows results as you type, with the matched words highlighted as elements', async () => {
    await renderPopup();
    await type('sqllite');
    expect(slugs().slice(0, 4).sort()).toEqual(
      notes.posts
        .filter((p) => p.section === 'SQLite & Litestream')
        .map((p) => p.slug)
        .sort(),
    );
    expect(screen.getByTestId('fn-result-count').textContent).toBe('4 posts match');
    expect(screen.getByTestId('fn-result-count').getAttribute('aria-live')).toBe('polite');
    const marks = [...document.querySelectorAll('[data-testid=fn-result] mark')].map(
      (m) => m.textContent,
    );
    expect(marks).toContain('SQLite');
  });

  it('shows minutes, date, section and path step on a result', async () => {
    await renderPopup();
    await type('corrosion');
    const [first] = screen.getAllByTestId('fn-result');
    expect(first!.dataset.slug).toBe('corrosion');
    expect(first!.textContent).toContain('6 min · Oct 22, 2025 · Networking & Infrastructure');
    expect(first!.textContent).toContain('Step 2/7');
  });

  it('narrows by section, unread only, short reads, and sorts by newest', async () => {
    await setRead('litestream-vfs', true, 'button');
    await renderPopup();
    await type('litestream');
    expect(slugs()).toHaveLength(4);
    fireEvent.click(screen.getByTestId('fn-filter-unread'));
    await waitFor(() => expect(slugs()).toHaveLength(3));
    expect(slugs()).not.toContain('litestream-vfs');
    fireEvent.click(screen.getByTestId('fn-filter-short'));
    await waitFor(() => expect(slugs()).toEqual(['litestream-v050-is-here']));
    fireEvent.click(screen.getByTestId('fn-filter-unread'));
    fireEvent.click(screen.getByTestId('fn-filter-short'));
    fireEvent.change(screen.getByTestId('fn-sort'), { target: { value: 'newest' } });
    await waitFor(() =>
      expect(slugs()).toEqual([
        'litestream-writable-vfs',
        'litestream-vfs',
        'litestream-v050-is-here',
        'litestream-revamped',
      ]),
    );
    await type('agents');
    const section = screen.getByTestId('fn-filter-section') as HTMLSelectElement;
    expect([...section.options].map((o) => o.value).slice(1)).toEqual(
      notes.sections.map((s) => s.name),
    );
    const before = slugs().length;
    fireEvent.change(section, { target: { value: 'AI Models & Evaluation' } });
    await waitFor(() => expect(slugs().length).toBeLessThan(before));
    for (const slug of slugs())
      expect(notes.posts.find((p) => p.slug === slug)!.section).toBe('AI Models & Evaluation');
  });

  it('says when nothing matches, offers spellings and a way to clear filters', async () => {
    await renderPopup();
    fireEvent.click(screen.getByTestId('fn-filter-short'));
    await type('operationalizing');
    await waitFor(() => expect(screen.getByTestId('fn-no-results')).toBeTruthy());
    expect(screen.getByTestId('fn-result-count').textContent).toBe('No posts match');
    fireEvent.click(screen.getByTestId('fn-clear-filters'));
    await waitFor(() => expect(slugs()[0]).toBe('operationalizing-macaroons'));

    await type('corrsoin');
    await waitFor(() => expect(screen.getAllByTestId('fn-suggestion').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('fn-clear-filters')).toBeNull();
    expect(screen.getAllByTestId('fn-suggestion')[0]!.textContent).toBe('corrosion');
    fireEvent.click(screen.getAllByTestId('fn-suggestion')[0]!);
    await waitFor(() => expect(slugs()[0]).toBe('corrosion'));
  });
});

describe('the keyboard', () => {
  it('moves with ↓/↑ by aria-activedescendant and opens the active result with Enter', async () => {
    const { onClose } = await renderPopup();
    await fakeBrowser.tabs.create({ url: 'https://example.org/', active: true });
    await type('mcp');
    const results = slugs();
    key('ArrowDown');
    key('ArrowDown');
    await waitFor(() =>
      expect(box().getAttribute('aria-activedescendant')).toBe(`fn-option-${results[1]}`),
    );
    expect(screen.getAllByTestId('fn-result')[1]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowUp');
    await waitFor(() =>
      expect(box().getAttribute('aria-activedescendant')).toBe(`fn-option-${results[0]}`),
    );
    key('ArrowUp');
    await waitFor(() => expect(box().hasAttribute('aria-activedescendant')).toBe(false));
    key('ArrowDown');
    key('ArrowDown');
    await waitFor(() =>
      expect(box().getAttribute('aria-activedescendant')).toBe(`fn-option-${results[1]}`),
    );
    key('Enter');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(`https://fly.io/blog/${results[1]}/`);
  });

  it('opens in the current tab when it shows fly.io, and in a new one with Ctrl+Enter', async () => {
    const { onClose } = await renderPopup();
    const tab = await fakeBrowser.tabs.create({ url: 'https://fly.io/blog/', active: true });
    await type('corrosion');
    key('Enter');
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('https://fly.io/blog/corrosion/');
    key('Enter', { ctrlKey: true });
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls.filter((u) => u === 'https://fly.io/blog/corrosion/')).toHaveLength(2);
  });

  it('clears with Escape, then closes', async () => {
    const { onClose } = await renderPopup();
    await type('corrosion');
    key('Escape');
    await waitFor(() => expect(box().value).toBe(''));
    expect(onClose).not.toHaveBeenCalled();
    key('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('read marks', () => {
  it('toggles a result read and unread, and stores the mark as made from the popup', async () => {
    await renderPopup();
    await type('corrosion');
    const result = () => screen.getAllByTestId('fn-result')[0]!;
    expect(result().dataset.read).toBe('false');
    fireEvent.click(screen.getAllByTestId('fn-result-read')[0]!);
    await waitFor(() => expect(result().dataset.read).toBe('true'));
    const stored = await fakeBrowser.storage.local.get(`${MARK_PREFIX}corrosion`);
    expect(stored[`${MARK_PREFIX}corrosion`]).toMatchObject({ read: true, via: 'popup' });
    key('ArrowDown');
    key('r', { altKey: true, code: 'KeyR' });
    await waitFor(() => expect(result().dataset.read).toBe('false'));
  });

  it('shows a mark made elsewhere while the popup is open', async () => {
    await renderPopup();
    await type('kurt got got');
    expect(screen.getAllByTestId('fn-result')[0]!.dataset.read).toBe('false');
    await setRead('kurt-got-got', true, 'button');
    await waitFor(() => expect(screen.getAllByTestId('fn-result')[0]!.dataset.read).toBe('true'));
  });
});

describe('reopening', () => {
  it('comes back with the last query and filters', async () => {
    await saveSearchSession({ query: 'litestream', filters: { ...NO_FILTERS, shortOnly: true } });
    await renderPopup();
    await waitFor(() => expect(box().value).toBe('litestream'));
    expect((screen.getByTestId('fn-filter-short') as HTMLInputElement).checked).toBe(true);
    expect(slugs()).toEqual(['litestream-vfs', 'litestream-v050-is-here']);
  });

  it('saves what the reader types', async () => {
    await renderPopup();
    await type('macaroons');
    await waitFor(async () => {
      const items = await fakeBrowser.storage.session.get(SEARCH_SESSION_KEY);
      expect(items[SEARCH_SESSION_KEY]).toMatchObject({ query: 'macaroons' });
    });
  });
});

describe('the footer', () => {
  it('opens the notes page in a tab', async () => {
    const { onClose } = await renderPopup();
    fireEvent.click(screen.getByTestId('fn-open-notes'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls.some((u) => u?.endsWith('/notes.html'))).toBe(true);
  });
});
