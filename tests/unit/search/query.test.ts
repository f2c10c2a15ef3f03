// The popup's query path (data/search/query.ts) scores and ranks as MiniSearch's own `search`
// does: the same posts in the same order with the same highlighted words, for every keystroke
// of the relevance set as it is typed, for arbitrary queries, with filters, at 30 posts and in
// an archive large enough for the large-archive rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import {
  NO_FILTERS,
  buildIndex,
  loadIndex,
  searchArchive,
  searchSlugs,
  serializeIndex,
  type ArchiveFilters,
} from '../../../data/search/engine';
import { forgetTermScores } from '../../../data/search/query';
import { relevanceSetSchema } from '../../../data/search/relevance';
import rawSet from '../../fixtures/relevance.json';
import { syntheticArchive } from '../../bench/search-synthetic';
import { referenceResults } from './minisearch-reference';

const posts = fieldNotes().posts;
const small = buildIndex(posts);
const large = buildIndex(syntheticArchive(posts, 1_500));
const queries = relevanceSetSchema.parse(rawSet).queries.map((c) => c.query);
/** Every prefix of every query, in the order a reader types them. */
const keystrokes = queries.flatMap((q) =>
  Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)),
);
const isRead = (slug: string) => slug.length % 3 === 0;

// Heavier than most unit tests (a 1,500-post archive, every keystroke): a longer timeout.
const SLOW = 60_000;

const reference = (index: typeof small, q: string) =>
  referenceResults(index, q).map((r) => String(r.id));

describe.each([
  ['30 posts', small],
  ['1,500 posts', large],
])('the query path at %s', (_name, index) => {
  it(
    'ranks every keystroke exactly as MiniSearch does, as typed and afresh',
    () => {
      forgetTermScores(index);
      const typed = keystrokes.map((q) => searchSlugs(index, q));
      const fresh = keystrokes.map((q) => {
        forgetTermScores(index);
        return searchSlugs(index, q);
      });
      const expected = keystrokes.map((q) => reference(index, q));
      expect(typed).toEqual(expected);
      expect(fresh).toEqual(expected);
      expect(expected.filter((slugs) => slugs.length > 0).length).toBeGreaterThan(
        keystrokes.length / 2,
      );
    },
    SLOW,
  );

  it(
    'gives the same hits and highlighted words as MiniSearch, with filters',
    () => {
      const section = posts[0]!.section;
      const variants: ArchiveFilters[] = [
        NO_FILTERS,
        { ...NO_FILTERS, unreadOnly: true },
        { ...NO_FILTERS, section, shortOnly: true },
      ];
      for (const filters of variants)
        for (const q of queries) {
          const expected = referenceResults(
            index,
            q,
            (r) =>
              (filters.section === '' || r.section === filters.section) &&
              !(filters.unreadOnly && isRead(String(r.id))) &&
              !(filters.shortOnly && (r.minutes === undefined || (r.minutes as number) > 4)),
          ).map((r) => ({ slug: String(r.id), terms: r.terms }));
          expect(searchArchive(index, q, filters, isRead)).toEqual(expected);
        }
    },
    SLOW,
  );

  it(
    'ranks any query exactly as MiniSearch does',
    () => {
      const words = posts.flatMap((p) => p.title.toLowerCase().split(/\s+/));
      const query = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc
          .array(
            fc.oneof(
              fc.constantFrom(...words),
              fc.constantFrom(...words).map((w) => w.slice(0, 3)),
              fc.constantFrom(...words).map((w) => `${w.slice(1)} `),
            ),
            { minLength: 1, maxLength: 5 },
          )
          .map((parts) => parts.join(' ')),
      );
      fc.assert(
        fc.property(query, (q) => {
          expect(searchSlugs(index, q)).toEqual(reference(index, q));
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );
});

it(
  'scores a revived index as the one it was serialized from',
  () => {
    const revived = loadIndex(serializeIndex(small));
    for (const q of queries)
      expect([...searchSlugs(revived, q)].sort()).toEqual([...searchSlugs(small, q)].sort());
  },
  SLOW,
);
