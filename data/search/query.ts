// The popup's query path over MiniSearch's index, scored as MiniSearch scores it but without
// its per-match objects.
//
// MiniSearch's `search` builds, for every post a term matches, a small object per field and
// derived word, then a result object with the stored fields copied in, then sorts them all.
// At 10,000 posts a keystroke such as `ai` or `lite` matches thousands of posts and those
// objects were most of its cost. Here each term is scored into a dense array (one number per
// post) with the same BM25 arithmetic in the same order, so the scores, the ranking and the
// order of equal scores are MiniSearch's own; only the posts returned get an object. A term's
// scores are also kept for the next keystrokes: typing `launching mcp serv`, `launching` and
// `mcp` are scored once, not on every letter.
//
// This reads MiniSearch 7.2's index structures (the version is pinned in package.json);
// tests/unit/search/query.test.ts checks every ranking against MiniSearch's own `search`.
import type MiniSearch from 'minisearch';

/** One query term as `search` expands it: exact, as a prefix, and with typos. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** Share of the term's length that may be edits (MiniSearch's `fuzzy`), or false. */
  fuzzy: false | number;
}

type FieldPostings = Map<number, Map<number, number>>; // fieldId → docId → term frequency
interface SearchableMap {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}
interface Internals {
  _index: SearchableMap;
  _documentIds: Map<number, unknown>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _options: { fields: string[]; searchOptions: { boost?: Record<string, number> } };
}

/** One term's scores: per post (0 = no match), the posts in first-match order, the words. */
interface TermScores {
  score: Float64Array;
  order: number[];
  /** The index words the term matched (itself, its completions, its near-misses). */
  words: { word: string; postings: FieldPostings }[];
}

// MiniSearch 7.2's defaults, which the index's options keep.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

function bm25(tf: number, matching: number, total: number, length: number, avg: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
}

/** MiniSearch's `executeQuerySpec` + `termResults`, into a dense array. */
function scoreTerm(ix: Internals, spec: TermSpec): TermScores {
  const score = new Float64Array(ix._nextId);
  const order: number[] = [];
  const words: TermScores['words'] = [];
  const fields = ix._options.fields;
  const boosts = fields.map((f) => ix._options.searchOptions.boost?.[f] || 1);
  const add = (word: string, weight: number, postings: FieldPostings | undefined) => {
    if (!postings) return;
    words.push({ word, postings });
    fields.forEach((field, f) => {
      const fieldId = ix._fieldIds[field]!;
      const tfs = postings.get(fieldId);
      if (!tfs) return;
      const matching = tfs.size;
      const avg = ix._avgFieldLength[fieldId]!;
      for (const [docId, tf] of tfs) {
        const length = ix._fieldLength.get(docId)![fieldId]!;
        const weighted =
          weight * 1 * boosts[f]! * 1 * bm25(tf, matching, ix._documentCount, length, avg);
        const before = score[docId]!;
        if (before === 0) order.push(docId);
        score[docId] = before + weighted;
      }
    });
  };
  const { term } = spec;
  add(term, 1, ix._index.get(term));
  let fuzzy: Map<string, [FieldPostings, number]> | undefined;
  if (spec.fuzzy !== false) {
    const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * spec.fuzzy));
    if (maxDistance) fuzzy = ix._index.fuzzyGet(term, maxDistance);
  }
  if (spec.prefix)
    for (const [word, postings] of ix._index.atPrefix(term)) {
      const distance = word.length - term.length;
      if (!distance) continue;
      fuzzy?.delete(word);
      add(word, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance), postings);
    }
  if (fuzzy)
    for (const [word, [postings, distance]] of fuzzy) {
      if (!distance) continue;
      add(word, (FUZZY_WEIGHT * word.length) / (word.length + distance), postings);
    }
  return { score, order, words };
}

// Enough for the words of a query being typed plus the ones typed just before them.
const CACHED_TERMS = 32;
const termCaches = new WeakMap<object, Map<string, TermScores>>();

/** The scores of one term, from the cache or computed (then cached). */
function termScores(ix: Internals, spec: TermSpec): TermScores {
  let cache = termCaches.get(ix);
  if (!cache) termCaches.set(ix, (cache = new Map()));
  // An index that changed since (documents added or removed) must not reuse old scores.
  const key = `${ix._nextId}\u0000${ix._documentCount}\u0000${spec.prefix}\u0000${spec.fuzzy}\u0000${spec.term}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  const scores = scoreTerm(ix, spec);
  cache.set(key, scores);
  if (cache.size > CACHED_TERMS) cache.delete(cache.keys().next().value!);
  return scores;
}

/** Forgets the cached term scores of an index (a benchmark starts every query afresh). */
export function forgetTermScores<T>(index: MiniSearch<T>): void {
  termCaches.delete(index);
}

/** A post that matched, with what the popup needs of it. */
export interface RankedMatch {
  id: string;
  /** MiniSearch's score: the sum of the terms' scores times the distinct terms matched. */
  score: number;
  distinctTerms: number;
  stored: Record<string, unknown>;
  /** The index words it matched (what to highlight), in MiniSearch's order. */
  matchedTerms: () => string[];
}

/**
 * Every post that matches any of the terms (OR), scored as MiniSearch's `search` scores it,
 * in the order MiniSearch lists them before sorting; `keep` drops posts (a filter).
 */
export function matchAll<T>(
  index: MiniSearch<T>,
  specs: readonly TermSpec[],
  keep?: (id: string, stored: Record<string, unknown>) => boolean,
): RankedMatch[] {
  const ix = index as unknown as Internals;
  const perTerm = specs.map((spec) => termScores(ix, spec));
  const total = new Float64Array(ix._nextId);
  const distinct = new Uint16Array(ix._nextId);
  const order: number[] = [];
  perTerm.forEach(({ score, order: matched }, t) => {
    // A term typed twice counts once in the number of distinct terms matched.
    const earlier = perTerm.filter((_, s) => s < t && specs[s]!.term === specs[t]!.term);
    for (const docId of matched) {
      const before = total[docId]!;
      if (before === 0) order.push(docId);
      total[docId] = before + score[docId]!;
      if (!earlier.some((e) => e.score[docId] !== 0)) distinct[docId] = distinct[docId]! + 1;
    }
  });
  const out: RankedMatch[] = [];
  for (const docId of order) {
    const id = String(ix._documentIds.get(docId));
    const stored = ix._storedFields.get(docId) ?? {};
    if (keep && !keep(id, stored)) continue;
    out.push({
      id,
      score: total[docId]! * distinct[docId]!,
      distinctTerms: distinct[docId]!,
      stored,
      matchedTerms: () => matchedWords(ix, perTerm, docId),
    });
  }
  return out;
}

/** The words a post matched, keyed as MiniSearch keys its `match` object (same key order). */
function matchedWords(ix: Internals, perTerm: readonly TermScores[], docId: number): string[] {
  const match: Record<string, true> = {};
  for (const { score, words } of perTerm) {
    if (score[docId] === 0) continue;
    for (const { word, postings } of words)
      for (const field of ix._options.fields)
        if (postings.get(ix._fieldIds[field]!)?.has(docId)) match[word] = true;
  }
  return Object.keys(match);
}

/** Best first; equal scores keep their order (as MiniSearch's stable sort does). */
export function byScore(a: RankedMatch, b: RankedMatch): number {
  return b.score - a.score;
}
