import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryChart } from '../../../components/notes/HistoryChart';
import { postingHistory } from '../../../data/notes/history';

const entry = (
  slug: string,
  month: string,
  more: { read?: boolean; fromFeed?: boolean; approximate?: boolean } = {},
) => ({
  slug,
  title: `Title of ${slug}`,
  month,
  read: more.read ?? false,
  fromFeed: more.fromFeed ?? false,
  approximate: more.approximate ?? false,
});

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('HistoryChart', () => {
  it('stacks read, unread and feed posts in a bar, and names the feed ones', () => {
    const bars = postingHistory([
      entry('a', '2024-12', { read: true }),
      entry('b', '2024-12'),
      entry('c', '2024-12', { fromFeed: true }),
      entry('d', '2025-02', { approximate: true }),
    ]);
    const { container } = render(<HistoryChart bars={bars} />);
    const december = container.querySelector('[data-month="2024-12"]')!;
    expect(december.getAttribute('data-count')).toBe('3');
    expect(december.querySelectorAll('.fn-bar-read')).toHaveLength(1);
    expect(december.querySelectorAll('.fn-bar-unread')).toHaveLength(1);
    expect(december.querySelectorAll('.fn-bar-feed')).toHaveLength(1);
    expect(december.getAttribute('aria-label')).toBe(
      'December 2024: 3 posts, 1 read, 1 from the feed',
    );
    expect(screen.getByText(/from the feed/, { selector: '.fn-legend li' })).toBeTruthy();
    // The empty month between is drawn as an empty bar.
    const january = container.querySelector('[data-month="2025-01"]')!;
    expect(january.getAttribute('data-count')).toBe('0');
    expect(january.querySelectorAll('.fn-bar-empty')).toHaveLength(1);
  });

  it('marks a month holding an approximate post and says so on focus', () => {
    const bars = postingHistory([entry('d', '2025-02', { approximate: true })]);
    const { container } = render(<HistoryChart bars={bars} />);
    const february = container.querySelector('[data-month="2025-02"]')!;
    expect(february.querySelector('.fn-bar-count')!.textContent).toBe('≈1');
    fireEvent.focus(february);
    expect(screen.getByTestId('fn-history-detail').textContent).toContain(
      'Title of d (approximate date)',
    );
  });

  it('makes bar heights proportional to the counts', () => {
    const bars = postingHistory([
      entry('a', '2025-01'),
      entry('b', '2025-02'),
      entry('c', '2025-02'),
    ]);
    const { container } = render(<HistoryChart bars={bars} />);
    const height = (month: string) =>
      Number(
        container.querySelector(`[data-month="${month}"] .fn-bar-unread`)!.getAttribute('height'),
      );
    expect(height('2025-02')).toBeCloseTo(2 * height('2025-01'));
  });
});
