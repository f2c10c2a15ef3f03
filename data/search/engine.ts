// Archive search: the documents, the MiniSearch index over them and the queries the popup, the
// notes page and the omnibox share.
//
// - buildIndex(posts, extra?) → index; searchSlugs(index, query) → slugs, best first. The
//   notes page relies on these two signatures.
// - searchArchive(index, query, filters, isRead) → hits with the matched terms, filtered and
//   sorted: what the popup shows.
// - suggestSpellings(index, query) → other queries to try when nothing matched.
// - serializeIndex / loadIndex: the build-time variant (MiniSearch.loadJSON), kept for the
//   benchmark that compares it with building at start.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Post } from '../notes/schema';
import { byScore, matchAll, type RankedMatch, type TermSpec } from './query';
import { hasIndexedTerms, processTerm, tokenize } from './text';

/**
 * One searchable entry. A post of the field notes has every field; an entry that only the
 * blog's feed knows (a newer post) has a title, url, slug, day and its teaser as summary, and
 * `fromFeed: true` so that the UI can say it has no field notes yet.
 */
export interface SearchDocument {
  slug: string;
  title: string;
  url: string;
  summary: string;
  authors: readonly string[];
  topics: readonly string[];
  /** Section name; '' when the entry has none (feed entries). */
  section: string;
  /** Minutes to read; undefined when not known (feed entries). */
  minutes: number | undefined;
  /** YYYY-MM-DD, for sorting by newest ('' when unknown). */
  day: string;
  /** The day only starts a range: no source fixed the exact day. */
  dayApproximate: boolean;
  fromFeed: boolean;
}

/** The fields each hit carries, so filters and sorting need no lookups. */
export type StoredDocument = Pick<SearchDocument, 'section' | 'minutes' | 'day' | 'fromFeed'>;

export type ArchiveIndex = MiniSearch<SearchDocument>;

export function documentFromPost(post: Post): SearchDocument {
  return {
    slug: post.slug,
    title: post.title,
    url: post.url,
    summary: post.summary,
    authors: post.authors,
    topics: post.topics,
    section: post.section,
    minutes: post.minutes,
    day: post.date ?? post.dateRange?.from ?? '',
    dayApproximate: post.date === undefined,
    fromFeed: false,
  };
}

/** An entry known only from the blog's feed. */
export function documentFromFeedEntry(entry: {
  slug: string;
  title: string;
  url: string;
  date: string;
  teaser: string;
}): SearchDocument {
  return {
    slug: entry.slug,
    title: entry.title,
    url: entry.url,
    summary: entry.teaser,
    authors: [],
    topics: [],
    section: '',
    minutes: undefined,
    day: entry.date.slice(0, 10),
    dayApproximate: false,
    fromFeed: true,
  };
}

const FIELDS = ['title', 'topics', 'authors', 'section', 'summary'] as const;
const STORED: (keyof StoredDocument)[] = ['section', 'minutes', 'day', 'fromFeed'];

// Title strongest: readers search for the post they remember by name. Short words get no
// typo tolerance (at three letters almost every word is one edit from another).
const FUZZY = 0.2;
const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 5, topics: 2.5, authors: 2, section: 1, summary: 1 },
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 4 ? FUZZY : false),
};

export const INDEX_OPTIONS = {
  idField: 'slug',
  fields: [...FIELDS],
  storeFields: STORED,
  tokenize,
  processTerm,
  // Raw values, so stored fields keep their types (minutes a number, fromFeed a boolean);
  // stringifyField turns them into text only for indexing.
  extractField: (doc: SearchDocument, field: string): unknown => doc[field as keyof SearchDocument],
  stringifyField: (value: unknown): string =>
    Array.isArray(value) ? value.join(' ') : String(value ?? ''),
  searchOptions: SEARCH_OPTIONS,
  autoSuggestOptions: { ...SEARCH_OPTIONS, combineWith: 'AND' as const },
};

/** The index over documents (posts of the notes, entries from the feed, or both). */
export function buildDocumentIndex(docs: readonly SearchDocument[]): ArchiveIndex {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

/** The index over the posts of the field notes, plus any other entries (from the feed). */
export function buildIndex(
  posts: readonly Post[],
  extra: readonly SearchDocument[] = [],
): ArchiveIndex {
  return buildDocumentIndex([...posts.map(documentFromPost), ...extra]);
}

export function serializeIndex(index: ArchiveIndex): string {
  return JSON.stringify(index);
}

export function loadIndex(json: string): ArchiveIndex {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
}

const ENOUGH_ALL_WORD_MATCHES = 20;
/**
 * From this many entries on, a two-letter word is matched whole, not as a prefix: `de` or `li`
 * would expand to hundreds of words and a third of the archive, a list nobody reads, and
 * scoring it is most of a slow keystroke. Three letters narrow it.
 */
const LARGE_ARCHIVE = 1000;

/** The terms MiniSearch searches for a query (stop words dropped unless nothing else is left). */
function queryTerms(query: string, keepStopWords: boolean): string[] {
  const tokens = tokenize(query);
  return keepStopWords ? tokens : tokens.flatMap((t) => processTerm(t) ?? []);
}

/**
 * Every match, posts that match all query words first, then those that match only some (ranked
 * among themselves). A query made only of common words searches those words.
 */
function rankedResults(
  index: ArchiveIndex,
  query: string,
  keep?: (slug: string, stored: Record<string, unknown>) => boolean,
): RankedMatch[] {
  if (query.trim() === '') return [];
  const keepStopWords = !hasIndexedTerms(query);
  const terms = queryTerms(query, keepStopWords);
  const wanted = new Set(terms).size;
  // The last word is still being typed unless a space follows it: it is a prefix, and a typo
  // in it is only looked for when no post matches every word as typed. Typo matching is the
  // costly part of a search (an edit-distance walk of the whole vocabulary, and the postings
  // of every word it finds), and a half-typed word is one edit away from many.
  const typing = !/\s$/.test(query);
  const shortestPrefix = index.documentCount >= LARGE_ARCHIVE ? 3 : 2;
  const specs = (fuzzyLast: boolean): TermSpec[] =>
    terms.map((term, i) => ({
      term,
      prefix: term.length >= shortestPrefix,
      fuzzy: term.length >= 4 && (fuzzyLast || !typing || i < terms.length - 1) ? FUZZY : false,
    }));
  // One OR pass, split: a post that matched every distinct term has the score an AND pass
  // would give it (MiniSearch sums the terms' scores either way), so the all-words matches
  // and the fallback of some-words matches cost one search instead of two.
  const split = (results: RankedMatch[]) => {
    const every: RankedMatch[] = [];
    const some: RankedMatch[] = [];
    for (const r of results) (r.distinctTerms >= wanted ? every : some).push(r);
    return { every, some };
  };
  let { every, some } = split(matchAll(index, specs(false), keep));
  const last = terms[terms.length - 1] ?? '';
  if (every.length === 0 && typing && last.length >= 4)
    ({ every, some } = split(matchAll(index, specs(true), keep)));
  const words = query.trim().split(/\s+/).length;
  // Sorting each part apart is sorting the whole and splitting it (the sort is stable), and
  // the some-words part is not sorted at all when it is not shown.
  every.sort(byScore);
  if (words < 2 || every.length >= ENOUGH_ALL_WORD_MATCHES) return every;
  return [...every, ...some.sort(byScore)];
}

/** Slugs of the entries that match, best first. */
export function searchSlugs(index: ArchiveIndex, query: string): string[] {
  return rankedResults(index, query).map((r) => r.id);
}

export interface ArchiveFilters {
  /** A section name, or '' for every section. */
  section: string;
  unreadOnly: boolean;
  /** Only reads of SHORT_READ_MINUTES or fewer. */
  shortOnly: boolean;
  /** Only posts the field notes annotate (not those known from the feed or the blog's pages). */
  annotatedOnly: boolean;
  sort: 'relevance' | 'newest';
}

export const SHORT_READ_MINUTES = 4;

export const NO_FILTERS: ArchiveFilters = {
  section: '',
  unreadOnly: false,
  shortOnly: false,
  annotatedOnly: false,
  sort: 'relevance',
};

export interface ArchiveHit {
  slug: string;
  /** The index terms this entry matched: what to highlight. */
  terms: string[];
}

/** Whether an entry passes the filters (used for the empty-query lists too). */
export function passesFilters(
  doc: StoredDocument & { slug: string },
  filters: ArchiveFilters,
  isRead: (slug: string) => boolean,
): boolean {
  if (filters.section !== '' && doc.section !== filters.section) return false;
  if (filters.unreadOnly && isRead(doc.slug)) return false;
  if (filters.shortOnly && (doc.minutes === undefined || doc.minutes > SHORT_READ_MINUTES))
    return false;
  if (filters.annotatedOnly && doc.fromFeed) return false;
  return true;
}

/** The popup's search: matches that pass the filters, by relevance or newest first. */
export function searchArchive(
  index: ArchiveIndex,
  query: string,
  filters: ArchiveFilters,
  isRead: (slug: string) => boolean,
): ArchiveHit[] {
  const results = rankedResults(index, query, (slug, stored) =>
    passesFilters(
      {
        slug,
        section: stored.section as string,
        minutes: stored.minutes as number | undefined,
        day: stored.day as string,
        fromFeed: stored.fromFeed as boolean,
      },
      filters,
      isRead,
    ),
  );
  if (filters.sort === 'newest')
    results.sort((a, b) => String(b.stored.day).localeCompare(String(a.stored.day)));
  return results.map((r) => ({ slug: r.id, terms: r.matchedTerms() }));
}

/** Queries that would find something, for a query that found nothing (best first). */
export function suggestSpellings(index: ArchiveIndex, query: string, limit = 3): string[] {
  const normal = query.trim().toLowerCase();
  const words = Math.max(1, query.trim().split(/\s+/).length);
  const out: string[] = [];
  const suggestions = [
    ...index.autoSuggest(query),
    // Looser than the search itself: a query that found nothing may be further off.
    ...index.autoSuggest(query, { combineWith: 'OR', fuzzy: 0.34 }),
  ];
  for (const { suggestion } of suggestions) {
    // A suggestion lists every term a post matched ("macaroons macaroon"): keep one per word.
    const text = [...new Set(suggestion.split(' '))].slice(0, words).join(' ');
    if (text !== normal && !out.includes(text)) out.push(text);
  }
  return out.slice(0, limit);
}
