// Property-based tests of the popup's query path: any string in, no throw, only known slugs out,
// each once; and every post is found by its own title.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import { buildIndex, loadIndex, searchSlugs, serializeIndex } from '../../../data/search/engine';

const posts = fieldNotes().posts;
const slugs = new Set(posts.map((p) => p.slug));
const index = buildIndex(posts);
const RUNS = { numRuns: 400 };

const words = posts.flatMap((p) => p.title.split(/\s+/)).filter((w) => w.length > 0);

/** Queries: arbitrary text, words of the notes with noise, and regex / operator characters. */
const query = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...words),
        fc.constantFrom(
          '*',
          '"',
          '(',
          ')',
          '\\',
          '.*',
          '[',
          'AND',
          'OR',
          '-',
          '+',
          '~',
          '^',
          '\u0000',
          '\u200b',
          '🦀',
        ),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(' ')),
);

describe('searchSlugs, for any query', () => {
  it('never throws and returns known slugs, each once', () => {
    fc.assert(
      fc.property(query, (q) => {
        const found = searchSlugs(index, q);
        expect(found.every((slug) => slugs.has(slug))).toBe(true);
        expect(new Set(found).size).toBe(found.length);
      }),
      RUNS,
    );
  });

  it('returns nothing for a blank query', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t\n\r]*$/), (q) => {
        expect(searchSlugs(index, q)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("finds every post by its own title, whatever the title's case", () => {
    fc.assert(
      fc.property(fc.constantFrom(...posts), fc.boolean(), (post, upper) => {
        const q = upper ? post.title.toUpperCase() : post.title.toLowerCase();
        expect(searchSlugs(index, q)).toContain(post.slug);
      }),
      RUNS,
    );
  });

  // The same posts with the same scores; posts with equal scores may come in another order
  // (MiniSearch breaks ties by insertion order, which loading does not keep).
  it('finds the same posts, equally scored, after the index is serialised and loaded again', () => {
    const revived = loadIndex(serializeIndex(index));
    const scores = (i: typeof index, q: string) =>
      Object.fromEntries(i.search(q).map((r) => [String(r.id), r.score.toFixed(9)]));
    fc.assert(
      fc.property(query, (q) => {
        expect([...searchSlugs(revived, q)].sort()).toEqual([...searchSlugs(index, q)].sort());
        expect(scores(revived, q)).toEqual(scores(index, q));
      }),
      { numRuns: 200 },
    );
  });
});
