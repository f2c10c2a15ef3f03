// The query path as it was written on MiniSearch's own `search` (before data/search/query.ts):
// the reference the faster path must rank exactly like.
import type { SearchOptions, SearchResult } from 'minisearch';
import type { ArchiveIndex } from '../../../data/search/engine';
import { hasIndexedTerms, processTerm, tokenize } from '../../../data/search/text';

const ENOUGH_ALL_WORD_MATCHES = 20;
const LARGE_ARCHIVE = 1000;

function queryTerms(query: string, keepStopWords: boolean): string[] {
  const tokens = tokenize(query);
  return keepStopWords ? tokens : tokens.flatMap((t) => processTerm(t) ?? []);
}

/** MiniSearch's results for a query, in the order the popup lists them. */
export function referenceResults(
  index: ArchiveIndex,
  query: string,
  filter?: (result: SearchResult) => boolean,
): SearchResult[] {
  if (query.trim() === '') return [];
  const keepStopWords = !hasIndexedTerms(query);
  const terms = queryTerms(query, keepStopWords);
  const wanted = new Set(terms).size;
  const typing = !/\s$/.test(query);
  const shortestPrefix = index.documentCount >= LARGE_ARCHIVE ? 3 : 2;
  const run = (fuzzyLast: boolean) =>
    index.search(query, {
      filter,
      ...(keepStopWords ? { processTerm: (t: string) => t } : {}),
      combineWith: 'OR',
      prefix: (term) => term.length >= shortestPrefix,
      fuzzy: (term, i, all) =>
        term.length >= 4 && (fuzzyLast || !typing || i < all.length - 1) ? 0.2 : false,
    } satisfies SearchOptions);
  const split = (results: SearchResult[]) => {
    const every: SearchResult[] = [];
    const some: SearchResult[] = [];
    for (const r of results) (r.queryTerms.length >= wanted ? every : some).push(r);
    return { every, some };
  };
  let { every, some } = split(run(false));
  const last = terms[terms.length - 1] ?? '';
  if (every.length === 0 && typing && last.length >= 4) ({ every, some } = split(run(true)));
  const words = query.trim().split(/\s+/).length;
  return words < 2 || every.length >= ENOUGH_ALL_WORD_MATCHES ? every : [...every, ...some];
}
