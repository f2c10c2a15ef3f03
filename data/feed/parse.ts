// The blog's Atom feed → validated feed entries. DOM-free (see data/feed/xml.ts), so it runs in the
// background service worker and in Node tests; the content script never bundles it.
//
// API: `parseFeed(text, { now })` never throws. It refuses the whole document (`ok: false`)
// when it is too large, not XML, truncated, RSS or an HTML page instead of Atom, or when no
// entry survives validation; otherwise it returns the valid entries, newest first as the feed
// lists them, deduplicated by slug, plus a short reason for each entry it skipped.
import { blogPageForUrl } from '../shared/blog-urls';
import { postUrl } from '../shared/fly-urls';
import { firstSentences, htmlToText } from './html-text';
import { scanHtml } from './html-scan';
import { childElements, parseXml, textContent, type XmlElement } from './xml';
import {
  MAX_FEED_CHARS,
  MAX_TEASER_CHARS,
  MAX_TITLE_CHARS,
  feedEntrySchema,
  type FeedEntry,
} from './schema';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** The feed lists 40 posts; a document with far more entries is not that feed. */
const MAX_ENTRIES = 500;
const TEASER_CHARS = 280;
/** The Fly Blog started in 2017; an earlier date is a broken one. */
const EARLIEST_DAY = '2017-01-01';

export type FeedParseResult =
  { ok: true; entries: FeedEntry[]; skipped: string[] } | { ok: false; error: string };

export interface ParseOptions {
  /** Dates after this (plus a day for time zones) are refused as impossible. */
  now?: Date;
}

/** The start of `text` past a BOM, white space, and any `<?…?>` and `<!--…-->` before the root. */
function afterProlog(text: string): string {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
    const close = text.startsWith('<?', at) ? '?>' : text.startsWith('<!--', at) ? '-->' : '';
    if (close === '') return text.slice(at);
    const end = text.indexOf(close, at + 2);
    if (end === -1) return '';
    at = end + close.length;
  }
}

// Sniffed before the XML is read, so the reason given for a wrong document is the useful one.
function wrongDocument(text: string): string | undefined {
  const head = afterProlog(text.slice(0, 4096)).toLowerCase();
  if (head.startsWith('<!doctype html') || /^<html[\s>]/.test(head))
    return 'an HTML page, not the feed';
  if (/^<rss[\s>]/.test(head) || /^<rdf:rdf[\s>]/.test(head)) return 'an RSS feed, not Atom';
  if (!head.startsWith('<')) return 'not XML';
  return undefined;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2})))?$/;

/**
 * The post's day as the feed writes it (`2026-03-10T00:00:00+00:00` → `2026-03-10`): the
 * calendar day the blog gives, not shifted to UTC. Atom mandates RFC 3339; any other format
 * (RFC 822, `03/10/2026`, words) is refused rather than guessed.
 */
export function feedDay(value: string, now: Date): string | undefined {
  const m = RFC3339.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const asDate = new Date(Date.UTC(year, month - 1, day));
  if (asDate.getUTCMonth() !== month - 1 || asDate.getUTCDate() !== day) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60))
    return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const latest = new Date(now.getTime() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  return iso >= EARLIEST_DAY && iso <= latest ? iso : undefined;
}

function alternateHref(entry: XmlElement): string | undefined {
  for (const link of childElements(entry, ATOM_NS, 'link')) {
    const rel = link.attrs.get('rel')?.trim() ?? 'alternate';
    const href = link.attrs.get('href');
    if (rel === 'alternate' && href) return href.trim();
  }
  return undefined;
}

/** The post's slug, only for a link to a post of https://fly.io/blog/ (www., no slash …). */
export function feedSlug(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://fly.io/blog/');
  } catch {
    return undefined;
  }
  const page = blogPageForUrl(url);
  return page.kind === 'post' || page.kind === 'unknown-post' ? page.slug : undefined;
}

// A class list naming "lead" (`\b` on both sides, no quantifier: linear in the value).
const LEAD_CLASS = /\blead\b/i;

/**
 * In one linear scan (data/feed/html-scan.ts): the HTML inside the first `<div class="lead">`,
 * nested divs included, and inside the first `<p>` (up to its end tag, the next `<p>` or the end).
 */
function teaserSources(html: string): { lead?: string; paragraph?: string } {
  let lead: string | undefined;
  let leadStart = -1;
  let divDepth = 0;
  let paragraph: string | undefined;
  let paragraphStart = -1;
  scanHtml(html, {
    open(name, attrs, start, end) {
      if (name === 'div' && lead === undefined) {
        if (leadStart !== -1) divDepth += 1;
        else if (LEAD_CLASS.test(attrs.get('class') ?? '')) [leadStart, divDepth] = [end, 1];
      }
      if (name === 'p' && paragraph === undefined) {
        if (paragraphStart === -1) paragraphStart = end;
        else paragraph = html.slice(paragraphStart, start);
      }
    },
    close(name, start) {
      if (name === 'div' && lead === undefined && leadStart !== -1) {
        divDepth -= 1;
        if (divDepth === 0) lead = html.slice(leadStart, start);
      }
      if (name === 'p' && paragraph === undefined && paragraphStart !== -1)
        paragraph = html.slice(paragraphStart, start);
    },
  });
  if (lead === undefined && leadStart !== -1) lead = html.slice(leadStart);
  if (paragraph === undefined && paragraphStart !== -1) paragraph = html.slice(paragraphStart);
  return { lead, paragraph };
}

/** A sentence or two of plain text: the lead paragraph, else the first paragraph, else summary. */
export function teaserFromHtml(contentHtml: string, summaryHtml = ''): string {
  const { lead, paragraph } = teaserSources(contentHtml);
  for (const html of [lead, paragraph, summaryHtml]) {
    const text = html === undefined ? '' : htmlToText(html);
    if (text !== '') return firstSentences(text, TEASER_CHARS);
  }
  return '';
}

function firstText(entry: XmlElement, local: string): string | undefined {
  const element = childElements(entry, ATOM_NS, local)[0];
  return element ? textContent(element) : undefined;
}

function readEntry(entry: XmlElement, now: Date): FeedEntry | string {
  // Every title is read as HTML, whatever its `type`: a title never needs markup, and text
  // that looks like markup is dropped rather than shown (data/feed/html-text.ts).
  const title = htmlToText(firstText(entry, 'title') ?? '');
  if (title === '') return 'an entry without a title';
  const href = alternateHref(entry);
  if (href === undefined) return `"${title}": no link`;
  const slug = feedSlug(href);
  if (slug === undefined) return `"${title}": not a post of fly.io/blog (${href.slice(0, 80)})`;
  // The publication day only: `updated` moves with every edit and would misdate the post.
  const published = firstText(entry, 'published');
  if (published === undefined) return `"${title}": no published date`;
  const date = feedDay(published, now);
  if (date === undefined) return `"${title}": an unusable date (${published.trim().slice(0, 40)})`;

  const candidate = {
    slug,
    title: title.length > MAX_TITLE_CHARS ? firstSentences(title, MAX_TITLE_CHARS, 1) : title,
    url: postUrl(slug),
    date,
    teaser: teaserFromHtml(firstText(entry, 'content') ?? '', firstText(entry, 'summary')).slice(
      0,
      MAX_TEASER_CHARS,
    ),
  };
  const parsed = feedEntrySchema.safeParse(candidate);
  return parsed.success ? parsed.data : `"${title}": failed validation`;
}

export function parseFeed(text: string, options: ParseOptions = {}): FeedParseResult {
  const now = options.now ?? new Date();
  if (text.length > MAX_FEED_CHARS)
    return { ok: false, error: `the feed is too large (${text.length} characters)` };
  const wrong = wrongDocument(text);
  if (wrong) return { ok: false, error: wrong };
  const xml = parseXml(text);
  if (!xml.ok) return { ok: false, error: xml.error };
  if (xml.root.ns !== ATOM_NS || xml.root.local !== 'feed')
    return { ok: false, error: `not an Atom feed (root <${xml.root.local}>)` };

  const entries: FeedEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const element of childElements(xml.root, ATOM_NS, 'entry').slice(0, MAX_ENTRIES)) {
    const entry = readEntry(element, now);
    if (typeof entry === 'string') skipped.push(entry);
    // The feed lists newest first; a repeated slug keeps its first (newest) listing.
    else if (seen.has(entry.slug)) skipped.push(`"${entry.title}": a duplicate of ${entry.slug}`);
    else {
      seen.add(entry.slug);
      entries.push(entry);
    }
  }
  if (entries.length === 0)
    return {
      ok: false,
      error: `no usable entries${skipped.length > 0 ? ` (${skipped[0]}…)` : ''}`,
    };
  return { ok: true, entries, skipped };
}
