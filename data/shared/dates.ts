// Days as the extension stores and shows them: ISO `YYYY-MM-DD`, in UTC.
import * as z from 'zod/mini';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day as YYYY-MM-DD (a schema, for stored and bundled dates). */
export const isoDaySchema = () => z.string().check(z.regex(ISO_DAY, 'a date as YYYY-MM-DD'));

/** The UTC day of a time, as YYYY-MM-DD. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** What a post's date is made of, in the notes and their slices. */
export interface PostDates {
  date?: string;
  dateRange?: { from: string; to: string };
}

/** A post's date for display and sorting: the exact day, or the start of its range. */
export function postDay(post: PostDates): string {
  return post.date ?? post.dateRange?.from ?? '';
}

/** A post's date as the pages and exports write it: the day, or the range that bounds it. */
export function postDateText(post: PostDates): string {
  if (post.date !== undefined) return post.date;
  if (post.dateRange === undefined) return '';
  return `between ${post.dateRange.from} and ${post.dateRange.to}`;
}
