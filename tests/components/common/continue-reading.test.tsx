import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContinueReading, postUrl } from '../../../components/common/ContinueReading';
import { clearPlace, savePlace, type Place } from '../../../data/progress/places';

const place = (at: number, percent: number, heading = 'Section 2'): Place => ({
  at,
  percent,
  title: `Post read to ${percent} %`,
  index: 1,
  heading,
  offset: 10,
  quote: 'Quote',
});
const listed = () =>
  screen
    .queryAllByTestId('fn-continue')
    .map((el) => [el.getAttribute('data-slug'), el.getAttribute('data-percent')]);

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Continue reading', () => {
  it('lists half-read posts, most recent first, and follows storage', async () => {
    await savePlace('corrosion', place(1000, 30));
    await savePlace('kurt-got-got', place(2000, 60));
    render(<ContinueReading />);
    await waitFor(() =>
      expect(listed()).toEqual([
        ['kurt-got-got', '60'],
        ['corrosion', '30'],
      ]),
    );
    expect(screen.getAllByTestId('fn-continue')[0]!.textContent).toBe(
      'Post read to 60 % 60 % · Section 2',
    );
    expect(screen.getByRole('heading', { name: 'Continue reading' })).toBeTruthy();
    await clearPlace('kurt-got-got');
    await waitFor(() => expect(listed()).toEqual([['corrosion', '30']]));
  });

  it('shows nothing without places, and opens a post through onOpen', async () => {
    const { container } = render(<ContinueReading onOpen={vi.fn()} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(container.textContent).toBe('');
    cleanup();
    await savePlace('corrosion', place(1000, 30));
    const onOpen = vi.fn();
    render(<ContinueReading onOpen={onOpen} />);
    const link = await screen.findByRole('link', { name: 'Post read to 30 %' });
    fireEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith(postUrl('corrosion'));
  });
});
