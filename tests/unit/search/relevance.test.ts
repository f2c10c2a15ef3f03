import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import { buildIndex, searchSlugs } from '../../../data/search/engine';
import { relevanceSetSchema, scoreRelevance } from '../../../data/search/relevance';
import rawSet from '../../fixtures/relevance.json';

const cases = relevanceSetSchema.parse(rawSet).queries;
const index = buildIndex(fieldNotes().posts);
const score = scoreRelevance(cases, (q) => searchSlugs(index, q));

describe('archive search relevance over tests/fixtures/relevance.json', () => {
  it('has at least 40 queries covering every kind a reader types', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of [
      'exact',
      'typo',
      'prefix',
      'several words',
      'summary',
      'punctuation',
      'author',
    ])
      expect(kinds).toContain(kind);
  });

  it('names only posts that exist', () => {
    const slugs = new Set(fieldNotes().posts.map((p) => p.slug));
    for (const c of cases) for (const slug of c.expected) expect(slugs).toContain(slug);
  });

  it('reaches a mean reciprocal rank of at least 0.9', () => {
    expect(
      score.mrr,
      JSON.stringify(score.ranks.filter((r) => r.rank !== 1)),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('puts an expected post in the top 3 for at least 95 % of queries', () => {
    expect(
      score.top3,
      JSON.stringify(score.ranks.filter((r) => r.rank < 1 || r.rank > 3)),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('lists the Litestream posts first for "sqllite"', () => {
    const litestream = fieldNotes()
      .posts.filter((p) => p.section === 'SQLite & Litestream')
      .map((p) => p.slug);
    expect(searchSlugs(index, 'sqllite').slice(0, litestream.length).sort()).toEqual(
      litestream.sort(),
    );
  });

  it('finds "Operationalizing Macaroons" first for "operationalising"', () => {
    expect(searchSlugs(index, 'operationalising')[0]).toBe('operationalizing-macaroons');
  });
});
