import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entriesFromArchive,
  entriesFromPosts,
  monthLabel,
  monthsBetween,
  placePost,
  postingHistory,
  type HistoryEntry,
} from '../../../data/notes/history';
import { postDateText } from '../../../data/shared/dates';
import { archivePosts } from '../../../data/feed/merge';
import type { FeedEntry } from '../../../data/feed/schema';
import { fieldNotes } from '../../../data/notes/notes';

const posts = fieldNotes().posts;
const entry = (over: Partial<HistoryEntry> & Pick<HistoryEntry, 'slug' | 'month'>) => ({
  title: over.slug,
  read: false,
  fromFeed: false,
  approximate: false,
  ...over,
});

describe('placePost', () => {
  it('puts a post with an exact date in that month', () => {
    expect(placePost({ date: '2025-02-14' })).toEqual({ month: '2025-02', approximate: false });
  });

  it('puts a post whose range stays within one month in that month, not approximate', () => {
    expect(placePost({ dateRange: { from: '2025-02-01', to: '2025-02-28' } })).toEqual({
      month: '2025-02',
      approximate: false,
    });
  });

  it("puts a post whose range crosses months in the range's first month, marked approximate", () => {
    expect(placePost({ dateRange: { from: '2025-07-22', to: '2025-08-11' } })).toEqual({
      month: '2025-07',
      approximate: true,
    });
  });
});

describe('monthsBetween', () => {
  it('runs across a year end, both ends included', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('rejects what is not a month', () => {
    expect(() => monthsBetween('2025-13', '2026-01')).toThrow(/YYYY-MM/);
  });
});

describe('postingHistory of the bundled field notes', () => {
  const bars = postingHistory(entriesFromPosts(posts, (slug) => slug === 'corrosion'));

  it('has one bar per month from February 2025 to March 2026, empty months included', () => {
    expect(bars.map((b) => b.month)).toEqual(monthsBetween('2025-02', '2026-03'));
    expect(bars).toHaveLength(14);
    expect(bars.find((b) => b.month === '2025-09')?.count).toBe(0);
    expect(bars.find((b) => b.month === '2025-09')?.entries).toEqual([]);
  });

  it('counts every one of the 30 posts exactly once (each has a date or a range)', () => {
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(30);
    const slugs = bars.flatMap((b) => b.entries.map((e) => e.slug));
    expect(new Set(slugs).size).toBe(30);
  });

  it('marks exactly the two posts whose ranges cross months as approximate', () => {
    const approximate = bars.flatMap((b) => b.entries.filter((e) => e.approximate));
    expect(approximate.map((e) => [e.slug, e.month])).toEqual([
      ['kamal-in-production', '2025-05'],
      ['the-future-isn-t-model-agnostic', '2025-07'],
    ]);
    expect(bars.find((b) => b.month === '2025-07')).toMatchObject({ count: 1, approximate: 1 });
  });

  it('places same-month ranges in their month (February 2025 holds semgrep and a-blog-if-kept)', () => {
    const feb = bars.find((b) => b.month === '2025-02')!;
    expect(feb.entries.map((e) => e.slug).sort()).toEqual(
      [
        'a-blog-if-kept',
        'semgrep-but-for-real-now',
        'taming-rust-proxy',
        'the-exit-interview-jp',
        'vscode-ssh-wtf',
        'wrong-about-gpu',
      ].sort(),
    );
    expect(feb.approximate).toBe(0);
  });

  it("counts the reader's read posts in their month", () => {
    expect(bars.find((b) => b.month === '2025-10')).toMatchObject({ count: 3, read: 1 });
    expect(bars.reduce((sum, b) => sum + b.read, 0)).toBe(1);
  });
});

describe('postingHistory with entries from the feed', () => {
  it('counts feed entries apart and extends the range to them', () => {
    const bars = postingHistory([
      entry({ slug: 'a', month: '2025-01' }),
      entry({ slug: 'old-feed-post', month: '2024-11', fromFeed: true, read: true }),
    ]);
    expect(bars.map((b) => [b.month, b.count, b.fromFeed, b.read])).toEqual([
      ['2024-11', 1, 1, 1],
      ['2024-12', 0, 0, 0],
      ['2025-01', 1, 0, 0],
    ]);
  });

  it('counts a post the feed repeats once, as the annotated entry', () => {
    const bars = postingHistory([
      entry({ slug: 'a', month: '2025-01', fromFeed: true }),
      entry({ slug: 'a', month: '2025-01' }),
      entry({ slug: 'a', month: '2025-01', fromFeed: true }),
    ]);
    expect(bars).toEqual([expect.objectContaining({ month: '2025-01', count: 1, fromFeed: 0 })]);
  });

  it('rejects an entry whose month is not YYYY-MM', () => {
    expect(() => postingHistory([entry({ slug: 'a', month: '2025-1' })])).toThrow();
  });

  it('gives no bars for no entries', () => {
    expect(postingHistory([])).toEqual([]);
  });

  it('always has contiguous months whose counts add up to the distinct slugs', () => {
    const month = fc
      .tuple(fc.integer({ min: 2017, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const anEntry = fc.record({
      slug: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      month,
      read: fc.boolean(),
      fromFeed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(anEntry, { minLength: 1, maxLength: 20 }), (list) => {
        const bars = postingHistory(list.map((e) => entry(e)));
        const slugs = new Set(list.map((e) => e.slug));
        expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(slugs.size);
        expect(bars.map((b) => b.month)).toEqual(
          monthsBetween(bars[0]!.month, bars[bars.length - 1]!.month),
        );
        for (const bar of bars) expect(bar.read).toBeLessThanOrEqual(bar.count);
      }),
    );
  });
});

describe('monthLabel', () => {
  it('names the month in English', () => {
    expect(monthLabel('2025-02')).toBe('February 2025');
  });
});

describe('postDateText', () => {
  it('gives the day, or the range for a post whose day is unknown', () => {
    expect(postDateText({ date: '2025-02-14' })).toBe('2025-02-14');
    expect(postDateText({ dateRange: { from: '2025-07-22', to: '2025-08-11' } })).toBe(
      'between 2025-07-22 and 2025-08-11',
    );
  });
});

describe('entriesFromArchive (the notes merged with the feed)', () => {
  it('draws feed-only posts apart and places a range the feed settled in its exact month', () => {
    const feed: FeedEntry[] = [
      {
        slug: 'a-newer-post',
        title: 'A Newer Post',
        url: 'https://fly.io/blog/a-newer-post/',
        date: '2026-04-02',
        teaser: '',
      },
      // The feed settles the day of a post the notes only bound by a range crossing months.
      {
        slug: 'the-future-isn-t-model-agnostic',
        title: "The Future Isn't Model Agnostic",
        url: 'https://fly.io/blog/the-future-isn-t-model-agnostic/',
        date: '2025-08-05',
        teaser: '',
      },
    ];
    const archive = archivePosts(posts, feed);
    const bars = postingHistory(entriesFromArchive(archive, () => false));
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(31);
    expect(bars[bars.length - 1]).toMatchObject({ month: '2026-04', count: 1, fromFeed: 1 });
    expect(bars.find((b) => b.month === '2025-07')).toMatchObject({ count: 0 });
    expect(bars.find((b) => b.month === '2025-08')).toMatchObject({ count: 4, approximate: 0 });
  });
});
