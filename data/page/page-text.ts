// Plain-text helpers for reading fly.io's pages (data/page/index-cards.ts, post-page.ts). Every
// function is linear in its input and bounds what it returns: the pages are untrusted.

/** Bounds on what a page may tell us about one post (the archive stores no more). */
export const MAX_TITLE = 300;
export const MAX_TEASER = 400;
export const MAX_AUTHOR = 100;
export const MAX_AUTHORS = 5;
/** Slugs longer than this are not posts (the hardening bound of the whole project). */
export const MAX_SLUG = 200;

/** Collapse whitespace and cut to `max` characters (on a word boundary when one is near). */
export function clip(text: string, max: number): string {
  // Slice first so a huge text is never scanned whole.
  const flat = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** "5 min read", "Reading time • 13 min", "12 minutes": the number, if the text is that short. */
export function minutesIn(text: string, maxChars = 40): number | undefined {
  if (text.length > maxChars) return undefined;
  const match = /(\d{1,3}) ?min(?:ute)?s?\b/i.exec(text);
  const minutes = match ? Number(match[1]) : 0;
  return minutes > 0 && minutes < 600 ? minutes : undefined;
}

/** "By Kurt Mackey & Thomas Ptacek" → the names; undefined for any other text. */
export function authorsIn(text: string): string[] | undefined {
  const flat = clip(text, MAX_AUTHOR * MAX_AUTHORS);
  if (!/^by\s/i.test(flat)) return undefined;
  const names = flat
    .slice(3)
    .split(/,|&| and /)
    .map((name) => trimSeparators(clip(name, MAX_AUTHOR)))
    .filter((name) => name !== '');
  return names.length > 0 ? names.slice(0, MAX_AUTHORS) : undefined;
}

const SEPARATORS = ' ·•|–—-:';

/** "Chris McCord ·" → "Chris McCord": the separators a byline puts between its parts. */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATORS.includes(text[start]!)) start++;
  while (end > start && SEPARATORS.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Link text that says nothing about the post ("Read more", "Continue reading →"). */
export function isGenericLinkText(text: string): boolean {
  const flat = text.trim().toLowerCase();
  return (
    flat === '' ||
    (flat.length <= 30 && /^(read more|read post|read|continue reading|more|→|»)\W*$/.test(flat))
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Mar 1, 2026" (or "March 1, 2026") anywhere in a short text → "2026-03-01". */
export function dayIn(text: string): string | undefined {
  const match = /\b([A-Za-z]{3})[a-z]* (\d{1,2}), (\d{4})\b/.exec(text.slice(0, 200));
  if (!match) return undefined;
  const month = MONTHS.indexOf((match[1] ?? '').toLowerCase()) + 1;
  const day = Number(match[2]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${match[3]}-${pad(month)}-${pad(day)}`;
}
