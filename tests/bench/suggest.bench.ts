// The suggested section (data/notes/suggest.ts), for BENCHMARKS.md: leave-one-out over the
// annotated posts, each classified from the others with itself left out of the index. The
// shipped bar first, then the same scoring with a lower bar and with none, to show what the bar
// trades. Accuracy figures are deterministic; nothing here is a timing.
import { expect, it } from 'vitest';
import { fieldNotes } from '../../data/notes/notes';
import {
  DEFAULT_MIN_CONFIDENCE,
  DEFAULT_MIN_TERMS,
  leaveOneOut,
  type SuggestOptions,
} from '../../data/notes/suggest';
import { writeBenchResult } from './results';

it('measures the suggested section, leave-one-out', () => {
  const notes = fieldNotes();
  const bars: [string, SuggestOptions][] = [
    [`shipped: margin ≥ ${DEFAULT_MIN_CONFIDENCE}, ≥ ${DEFAULT_MIN_TERMS} shared words`, {}],
    [`margin ≥ 0, ≥ ${DEFAULT_MIN_TERMS} shared words`, { minConfidence: 0 }],
    ['no bar (always the best section)', { minConfidence: 0, minTerms: 0 }],
  ];
  const rows = bars.map(([name, options]) => {
    const r = leaveOneOut(notes, options);
    expect(r.suggested + r.declined).toBe(r.total);
    return [
      name,
      `${(r.accuracyAmongSuggested * 100).toFixed(1)} % (${r.correct} of ${r.suggested})`,
      r.declined,
      r.total,
    ];
  });
  writeBenchResult('suggest', [
    {
      title: 'Suggested section (leave-one-out)',
      method:
        `Each of the ${notes.posts.length} annotated posts is classified from the other ` +
        `${notes.posts.length - 1} (itself removed from the index), asked for by its title, ` +
        'summary (as the teaser) and slug; top-1 accuracy among the posts it suggests a section ' +
        'for, and how many it declines. Goal: ≥ 70 % correct among those it suggests. The bar ' +
        'was chosen on these same posts (there is no other labelled set), so expect somewhat ' +
        'less on new posts.',
      columns: ['bar', 'top-1 accuracy among suggested', 'declined', 'total'],
      rows,
    },
  ]);
});
