// What one row of the popup shows, worked out from a search document, the reader's marks and
// the Start Here path; the components only lay it out.
import type { SearchDocument } from './engine';

export interface ResultView {
  slug: string;
  title: string;
  url: string;
  summary: string;
  minutes: number | undefined;
  /** "Mar 10, 2026", or "Feb 2025" when only the month is known; '' when unknown. */
  dayLabel: string;
  section: string;
  read: boolean;
  /** 1-based step on the Start Here path, when the post is one. */
  step: number | undefined;
  pathLength: number;
  fromFeed: boolean;
  /** Index terms to highlight. */
  terms: readonly string[];
}

const exactDay = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthOnly = new Intl.DateTimeFormat('en', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function dayLabel(day: string, approximate: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const date = new Date(`${day}T00:00:00Z`);
  return (approximate ? monthOnly : exactDay).format(date);
}

export function resultView(
  doc: SearchDocument,
  context: {
    read: boolean;
    step: number | undefined;
    pathLength: number;
    terms?: readonly string[];
  },
): ResultView {
  return {
    slug: doc.slug,
    title: doc.title,
    url: doc.url,
    summary: doc.summary,
    minutes: doc.minutes,
    dayLabel: dayLabel(doc.day, doc.dayApproximate),
    section: doc.section,
    read: context.read,
    step: context.step,
    pathLength: context.pathLength,
    fromFeed: doc.fromFeed,
    terms: context.terms ?? [],
  };
}
