// Posts per month for the posting-history chart. Every post lands in exactly one month, so the
// bars always add up to the posts given:
// - a post with an exact `date` sits in that date's month;
// - a post with a `dateRange` whose ends share a month sits in that month (its day is unknown,
//   its month is not), and is not approximate;
// - a post whose range crosses months sits in the range's first month (the day `postDay` sorts
//   it by) and is flagged `approximate`, so the chart can say its month is a guess.
// Entries that do not come from the field notes (posts "from the feed") are counted the same way
// and flagged `fromFeed` so the chart can draw them apart.
import * as z from 'zod/mini';
import type { ArchivePost } from '../feed/merge';
import type { Post } from './schema';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export const historyEntrySchema = z.strictObject({
  slug: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  /** YYYY-MM */
  month: z.string().check(z.regex(monthPattern, 'a month as YYYY-MM')),
  read: z.boolean(),
  fromFeed: z.boolean(),
  approximate: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export interface MonthBar {
  /** YYYY-MM */
  month: string;
  /** Every entry in the month: annotated and from the feed. */
  count: number;
  /** Entries the reader has read. */
  read: number;
  fromFeed: number;
  approximate: number;
  entries: HistoryEntry[];
}

export interface MonthPlacement {
  month: string;
  approximate: boolean;
}

const monthOf = (isoDay: string) => isoDay.slice(0, 7);

/** The month a post is counted in, and whether that month is a guess. */
export function placePost(post: Pick<Post, 'date' | 'dateRange'>): MonthPlacement {
  if (post.date !== undefined) return { month: monthOf(post.date), approximate: false };
  if (post.dateRange === undefined) throw new Error('a post needs a date or a date range');
  const from = monthOf(post.dateRange.from);
  return { month: from, approximate: from !== monthOf(post.dateRange.to) };
}

/** History entries for the field notes' posts, with the reader's marks. */
export function entriesFromPosts(
  posts: readonly Post[],
  isRead: (slug: string) => boolean,
): HistoryEntry[] {
  return posts.map((post) => ({
    slug: post.slug,
    title: post.title,
    ...placePost(post),
    read: isRead(post.slug),
    fromFeed: false,
  }));
}

/**
 * History entries for the combined archive (`archivePosts(notes, feed)` from feed-merge.ts):
 * annotated posts as above (with any day the feed settled), feed-only posts flagged `fromFeed`.
 */
export function entriesFromArchive(
  archive: readonly ArchivePost[],
  isRead: (slug: string) => boolean,
): HistoryEntry[] {
  // A post learned from the blog's index without a day has no month to sit in.
  return archive
    .flatMap((post) => (post.fromFeed && post.date === '' ? [] : [post]))
    .map((post) => ({
      slug: post.slug,
      title: post.title,
      ...(post.fromFeed ? { month: monthOf(post.date), approximate: false } : placePost(post)),
      read: isRead(post.slug),
      fromFeed: post.fromFeed,
    }));
}

/** Every month from `first` to `last` inclusive, as YYYY-MM. */
export function monthsBetween(first: string, last: string): string[] {
  if (!monthPattern.test(first) || !monthPattern.test(last))
    throw new Error(`months must be YYYY-MM: ${first}, ${last}`);
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * One bar per month from the earliest entry to the latest, empty months included, oldest first.
 * Entries are validated; a slug given twice is counted once, and an annotated entry wins over
 * one from the feed (the feed repeats posts the field notes already hold).
 */
export function postingHistory(input: readonly unknown[]): MonthBar[] {
  const bySlug = new Map<string, HistoryEntry>();
  for (const raw of input) {
    const entry = historyEntrySchema.parse(raw);
    const seen = bySlug.get(entry.slug);
    if (!seen || (seen.fromFeed && !entry.fromFeed)) bySlug.set(entry.slug, entry);
  }
  const entries = [...bySlug.values()];
  if (entries.length === 0) return [];
  const sorted = entries.map((e) => e.month).sort();
  const bars = new Map<string, MonthBar>(
    monthsBetween(sorted[0]!, sorted[sorted.length - 1]!).map((month) => [
      month,
      { month, count: 0, read: 0, fromFeed: 0, approximate: 0, entries: [] },
    ]),
  );
  for (const entry of entries) {
    const bar = bars.get(entry.month)!;
    bar.count += 1;
    if (entry.read) bar.read += 1;
    if (entry.fromFeed) bar.fromFeed += 1;
    if (entry.approximate) bar.approximate += 1;
    bar.entries.push(entry);
  }
  return [...bars.values()];
}

/**
 * The same bars by year (one bar per year, `month` holding "YYYY"): the whole blog spans a
 * decade, too many months to read at a glance. Counts add up to the monthly bars'.
 */
export function yearBars(bars: readonly MonthBar[]): MonthBar[] {
  const years = new Map<string, MonthBar>();
  for (const bar of bars) {
    const year = bar.month.slice(0, 4);
    const held = years.get(year);
    if (!held) years.set(year, { ...bar, month: year, entries: [...bar.entries] });
    else {
      held.count += bar.count;
      held.read += bar.read;
      held.fromFeed += bar.fromFeed;
      held.approximate += bar.approximate;
      held.entries.push(...bar.entries);
    }
  }
  return [...years.values()];
}

// The page is in English: month names from the platform's own English tables, in UTC so the
// first of the month never slips back a day.
const longMonth = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** The name of the month of "YYYY-MM", or undefined for a month that is not one. */
function monthName(month: string, format: Intl.DateTimeFormat): string | undefined {
  const index = Number(month.slice(5, 7)) - 1;
  if (!Number.isInteger(index) || index < 0 || index > 11) return undefined;
  return format.format(Date.UTC(2000, index, 1));
}

/** "2025-02" → "February 2025"; a year bar's "2025" stays "2025". */
export function monthLabel(month: string): string {
  if (month.length === 4) return month;
  return `${monthName(month, longMonth) ?? month} ${month.slice(0, 4)}`;
}

/** "2025-02" → "Feb"; a year bar's "2025" stays "2025". */
export function shortMonthLabel(month: string): string {
  if (month.length === 4) return month;
  return monthName(month, shortMonth) ?? month.slice(0, 3);
}
