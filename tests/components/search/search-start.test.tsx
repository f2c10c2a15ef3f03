import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SearchApp } from '../../../components/search/SearchApp';
import { PLACE_PREFIX } from '../../../data/progress/places';
import { setRead } from '../../../data/progress/marks';
import { NO_FILTERS } from '../../../data/search/engine';
import { startPopupReads } from '../../../data/search/popup-start';
import { saveSearchSession } from '../../../data/search/session';

const box = () => screen.getByTestId('fn-search') as HTMLInputElement;
const results = () => screen.queryAllByTestId('fn-result');
const continued = () => screen.queryAllByTestId('fn-continue').map((li) => li.dataset.slug);
const place = (title: string, at: number) => ({
  at,
  percent: 40,
  title,
  index: 1,
  heading: 'Gossip',
  offset: 0,
  quote: 'The first words',
});

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
});
afterEach(() => cleanup());

describe('the popup opened with its storage reads already asked for', () => {
  it("shows the saved query's results and the marks, with one storage.local read", async () => {
    await setRead('litestream-v050-is-here', true, 'button');
    await saveSearchSession({ query: 'litestream', filters: NO_FILTERS });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    render(<SearchApp onClose={() => undefined} start={startPopupReads()} />);

    await waitFor(() => expect(box().value).toBe('litestream'));
    await waitFor(() => {
      const hit = results().find((r) => r.dataset.slug === 'litestream-v050-is-here');
      expect(hit?.dataset.read).toBe('true');
    });
    expect(screen.getByTestId('fn-result-count').textContent).toMatch(/match/);
    expect(get.mock.calls.filter(([keys]) => keys === null)).toHaveLength(1);
  });

  it('renders a reopened popup on its saved query from the first render when its answer was waited for', async () => {
    await saveSearchSession({ query: 'litestream', filters: { ...NO_FILTERS, unreadOnly: true } });
    const start = startPopupReads();
    const saved = await start.session;

    render(<SearchApp onClose={() => undefined} start={start} restored={{ saved }} />);

    // No waiting: the first render is already on the saved query and its filters.
    expect(box().value).toBe('litestream');
    expect((screen.getByTestId('fn-filter-unread') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('fn-result-count').textContent).toMatch(/match/);
    expect(results().map((r) => r.dataset.slug)).toContain('litestream-v050-is-here');
  });

  it('renders the empty query at once when no search was saved, and saves from then on', async () => {
    const start = startPopupReads();
    const saved = await start.session;
    expect(saved).toBeUndefined();

    render(<SearchApp onClose={() => undefined} start={start} restored={{ saved }} />);

    expect(box().value).toBe('');
    expect(results().length).toBeGreaterThan(0);
    fireEvent.input(box(), { target: { value: 'sqlite' } });
    await waitFor(async () => expect((await startPopupReads().session)?.query).toBe('sqlite'));
  });

  it('shows the places read at the start, and reads them afresh when the list comes back', async () => {
    await fakeBrowser.storage.local.set({ [`${PLACE_PREFIX}corrosion`]: place('Corrosion', 1) });
    render(<SearchApp onClose={() => undefined} start={startPopupReads()} />);
    await waitFor(() => expect(continued()).toEqual(['corrosion']));

    fireEvent.input(box(), { target: { value: 'sqlite' } });
    await waitFor(() => expect(continued()).toEqual([]));
    // Saved while the list was hidden: the list shown again must have it.
    await fakeBrowser.storage.local.set({
      [`${PLACE_PREFIX}litestream-v050-is-here`]: place('Litestream v0.5.0', 2),
    });
    fireEvent.input(box(), { target: { value: '' } });
    await waitFor(() => expect(continued()).toEqual(['litestream-v050-is-here', 'corrosion']));
  });
});
