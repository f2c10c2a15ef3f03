// Scores a ranking function over a relevance set: the unit test holds MiniSearch to them and
// the benchmark reports them for every library, so all are judged by one rule.
import * as z from 'zod/mini';

export const relevanceSetSchema = z.object({
  queries: z
    .array(
      z.strictObject({
        query: z.string().check(z.minLength(1)),
        kind: z.string(),
        expected: z.array(z.string()).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});
export type RelevanceCase = z.infer<typeof relevanceSetSchema>['queries'][number];

export interface RelevanceScore {
  /** Mean reciprocal rank of the first expected result (0 when none is found). */
  mrr: number;
  /** Share of queries with an expected result in the first three. */
  top3: number;
  /** Rank per query (1-based; 0 = not found). */
  ranks: { query: string; rank: number }[];
}

export function scoreRelevance(
  cases: readonly RelevanceCase[],
  rank: (query: string) => readonly string[],
): RelevanceScore {
  const ranks = cases.map(({ query, expected }) => {
    const position = rank(query).findIndex((slug) => expected.includes(slug));
    return { query, rank: position + 1 };
  });
  const mrr = ranks.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / ranks.length;
  const top3 = ranks.filter((r) => r.rank >= 1 && r.rank <= 3).length / ranks.length;
  return { mrr, top3, ranks };
}
