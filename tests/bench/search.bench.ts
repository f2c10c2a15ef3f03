// Archive search: MiniSearch (as the extension configures it) against Fuse.js and FlexSearch,
// at the field notes' 30 posts and at a synthetic 10,000-post archive, in one run.
import { Document, Charset } from 'flexsearch';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../data/notes/notes';
import type { Post } from '../../data/notes/schema';
import { buildIndex, loadIndex, searchSlugs, serializeIndex } from '../../data/search/engine';
import { forgetTermScores } from '../../data/search/query';
import { relevanceSetSchema, scoreRelevance } from '../../data/search/relevance';
import rawSet from '../fixtures/relevance.json';
import {
  median,
  percentile,
  ratioText,
  writeBenchResult,
  type BenchTable,
  type BenchTarget,
} from './results';
import { syntheticArchive } from './search-synthetic';

const cases = relevanceSetSchema.parse(rawSet).queries;
const real = fieldNotes().posts;
const big = syntheticArchive(real, 10_000);
// The first generator (no made-up long tail), for the row that shows what changing it did.
const bigFirst = syntheticArchive(real, 10_000, { longTail: false });
// The whole-blog archive at its bound (issue 14): 5,000 posts.
const bound = syntheticArchive(real, 5_000);

interface Built {
  search: (query: string) => string[];
  /** Forgets what earlier keystrokes left behind (a popup opened anew). */
  fresh?: () => void;
  /** The serialized index (its length is the size reported). */
  serialized: () => Promise<string>;
}
interface Engine {
  name: string;
  build: (posts: readonly Post[]) => Built;
}

const miniSearch: Engine = {
  name: 'MiniSearch (ours)',
  build: (posts) => {
    const index = buildIndex(posts);
    return {
      search: (q) => searchSlugs(index, q),
      fresh: () => forgetTermScores(index),
      serialized: async () => serializeIndex(index),
    };
  },
};

// Fuse.js docs: weighted keys; ignoreLocation so that a word deep in a summary still counts.
const fuseOptions = {
  keys: [
    { name: 'title', weight: 5 },
    { name: 'topics', weight: 2.5 },
    { name: 'authors', weight: 2 },
    { name: 'section', weight: 1 },
    { name: 'summary', weight: 1 },
  ],
  ignoreLocation: true,
  threshold: 0.4,
};
const fuse: Engine = {
  name: 'Fuse.js 7',
  build: (posts) => {
    const engine = new Fuse([...posts], fuseOptions);
    return {
      search: (q) => (q.trim() === '' ? [] : engine.search(q).map((r) => r.item.slug)),
      serialized: async () => JSON.stringify(engine.getIndex().toJSON()),
    };
  },
};

// FlexSearch 0.8 docs: a Document index over the fields, forward tokenizer for as-you-type,
// the LatinBalance encoder, and `suggest` so that a partial match still returns results.
const FLEX_FIELDS = ['title', 'topics', 'authors', 'section', 'summary'] as const;
function flexIndex(posts: readonly Post[]) {
  const index = new Document({
    document: { id: 'slug', index: [...FLEX_FIELDS] },
    tokenize: 'forward',
    encoder: Charset.LatinBalance,
  });
  for (const p of posts)
    index.add({
      slug: p.slug,
      title: p.title,
      topics: p.topics.join(' '),
      authors: p.authors.join(' '),
      section: p.section,
      summary: p.summary,
    });
  return index;
}
const flexSearch: Engine = {
  name: 'FlexSearch 0.8',
  build: (posts) => {
    const index = flexIndex(posts);
    return {
      search: (q) => {
        if (q.trim() === '') return [];
        // Results come per field, best first; the title field first gives it the most weight.
        const perField = index.search(q, { limit: 100, suggest: true }) as unknown as {
          field: string;
          result: (string | number)[];
        }[];
        const order = (f: string) => FLEX_FIELDS.indexOf(f as (typeof FLEX_FIELDS)[number]);
        const seen = new Set<string>();
        for (const { result } of [...perField].sort((a, b) => order(a.field) - order(b.field)))
          for (const id of result) seen.add(String(id));
        return [...seen];
      },
      serialized: async () => {
        const parts: string[] = [];
        await index.export((_key: string, data: string) => {
          parts.push(data ?? '');
        });
        return parts.join('');
      },
    };
  },
};

const engines = [miniSearch, fuse, flexSearch];

/** Every prefix of every query, as a reader types it one letter at a time. */
const keystrokes = cases.flatMap(({ query }) =>
  Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)),
);
// At 10k every keystroke is timed for MiniSearch and FlexSearch, the two taking turns on each
// keystroke (the head-to-head table; the main table's 10k columns come from the same passes, which
// were once timed twice over). Fuse.js takes about a second per keystroke there, so it gets an
// evenly spaced sample, and its ratio to MiniSearch is taken over the same sample (MiniSearch's
// times on those keystrokes), so the two compare like with like; the whole benchmark stays
// within its time budget.
const FUSE_KEYSTROKES_10K = 6;
const step = Math.floor(keystrokes.length / FUSE_KEYSTROKES_10K);
const sampleAt = keystrokes
  .map((_, i) => i)
  .filter((i) => i % step === 0)
  .slice(0, FUSE_KEYSTROKES_10K);
const REPEATS_30 = 3;
/** Our engine's relevance in BENCHMARKS.md when issue 17 was filed: it must not get lower. */
const RELEVANCE_BEFORE = { mrr: 1, top3: 1 };
/** Passes at 10k for the first generator's row and at 5,000 posts. */
const REPEATS_10K = 3;
/** Passes at 10k for MiniSearch and FlexSearch, taking turns. */
const REPEATS_HEAD_TO_HEAD = 5;
/** The first generator's archive is timed on every third keystroke, a systematic sample. */
const everyThird = keystrokes.filter((_, i) => i % 3 === 0);

function timeBuild(
  posts: readonly Post[],
  build: (posts: readonly Post[]) => unknown,
  runs: number,
): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    build(posts);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Per-keystroke time: each query typed one letter at a time, `repeats` passes over the whole
 * sequence, and each keystroke's best pass (the machine is shared, and a descheduled process is
 * not the library's cost), then median and p95 over keystrokes. A pass types in order, and
 * `fresh` runs before each query's first letter: our engine keeps the scores of the words
 * typed so far, and a popup opened anew starts with none, so no keystroke is timed with the
 * scores of an earlier run of itself.
 */
function timeKeystrokes(
  search: (q: string) => string[],
  queries: readonly string[],
  options: { warmUp: number; repeats: number; fresh?: () => void },
) {
  for (const q of queries.slice(0, options.warmUp)) search(q); // JIT
  const times = queries.map(() => Infinity);
  for (let r = 0; r < options.repeats; r++)
    queries.forEach((q, i) => {
      if (i === 0 || !q.startsWith(queries[i - 1]!)) options.fresh?.();
      const start = performance.now();
      search(q);
      times[i] = Math.min(times[i]!, performance.now() - start);
    });
  return { median: median(times), p95: percentile(times, 95), times };
}

const stats = (times: number[]) => ({ median: median(times), p95: percentile(times, 95) });

const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('search benchmark', () => {
  it('measures build, size, keystroke latency and relevance for each library', async () => {
    const rows: (string | number)[][] = [];
    const built10k = new Map<Engine, Built>();
    /** Per-keystroke times at 10k over the Fuse.js sample, per library. */
    const sampled = new Map<string, number[]>();
    let miniBuild10k = 0;
    let miniJson10k = '';
    /** Our engine's relevance and keystroke p95 at 30 posts, for the targets. */
    let ours30 = { mrr: 0, top3: 0, p95: Infinity };
    /** Each engine's row up to its 10k build and size. */
    const rowStart = new Map<Engine, string[]>();
    /** Each engine's 10k latency columns: n, median, p95. */
    const latency10k = new Map<Engine, string[]>();
    const firstGenerator: (string | number)[][] = [];
    for (const engine of engines) {
      const small30 = engine.build(real);
      const relevance = scoreRelevance(cases, small30.search);
      const small = timeKeystrokes(small30.search, keystrokes, {
        warmUp: 50,
        repeats: REPEATS_30,
        fresh: small30.fresh,
      });
      const build30 = timeBuild(real, engine.build, 20);
      const size30 = (await small30.serialized()).length;
      const buildStart = performance.now();
      const large10k = engine.build(big);
      built10k.set(engine, large10k);
      const build10k = performance.now() - buildStart;
      const serialized10k = await large10k.serialized();
      const size10k = serialized10k.length;
      if (engine === miniSearch) {
        ours30 = { mrr: relevance.mrr, top3: relevance.top3, p95: small.p95 };
        miniBuild10k = build10k;
        miniJson10k = serialized10k;
      }
      // Fuse.js's sample here; MiniSearch and FlexSearch in the head-to-head below.
      const fuseSample =
        engine === fuse
          ? timeKeystrokes(
              large10k.search,
              sampleAt.map((i) => keystrokes[i]!),
              { warmUp: 2, repeats: 1 },
            )
          : undefined;
      if (fuseSample) {
        sampled.set(engine.name, fuseSample.times);
        latency10k.set(engine, [
          `${sampleAt.length} × 1`,
          ms(fuseSample.median),
          ms(fuseSample.p95),
        ]);
      }
      rowStart.set(engine, [
        engine.name,
        relevance.mrr.toFixed(3),
        `${Math.round(relevance.top3 * 100)} %`,
        ms(build30),
        kb(size30),
        `${ms(small.median)} / ${ms(small.p95)}`,
        ms(build10k),
        kb(size10k),
      ]);
      if (engine === miniSearch) {
        // The same query path over the first synthetic generator, for comparison.
        const first = engine.build(bigFirst);
        const firstTimes = timeKeystrokes(first.search, everyThird, {
          warmUp: 50,
          repeats: REPEATS_10K,
          fresh: first.fresh,
        });
        firstGenerator.push([
          `${engine.name}, 10k from the first generator`,
          '–',
          '–',
          '–',
          '–',
          '–',
          '–',
          kb((await first.serialized()).length),
          `${everyThird.length} × best of ${REPEATS_10K}`,
          ms(firstTimes.median),
          ms(firstTimes.p95),
        ]);
      }
    }
    // Build-time serialized index (MiniSearch.loadJSON) against building at popup start.
    const json30 = serializeIndex(buildIndex(real));
    const revive = (json: string, runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        loadIndex(json);
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const startup: (string | number)[][] = [
      ['30 posts', ms(timeBuild(real, buildIndex, 30)), ms(revive(json30, 30)), kb(json30.length)],
      [
        '10,000 posts',
        // The one build timed above: each takes seconds.
        ms(miniBuild10k),
        ms(revive(miniJson10k, 1)),
        kb(miniJson10k.length),
      ],
    ];

    // Head to head at 10k: the two engines take turns on each keystroke, so a busy moment of
    // the machine lands on both alike; each keystroke's best of the passes.
    const ours10k = built10k.get(miniSearch)!;
    const flex10k = built10k.get(flexSearch)!;
    built10k.clear();
    // Warm-up (JIT), as for every other timing.
    for (const q of keystrokes.slice(0, 50)) {
      ours10k.search(q);
      flex10k.search(q);
    }
    const turns = { ours: keystrokes.map(() => Infinity), flex: keystrokes.map(() => Infinity) };
    for (let pass = 0; pass < REPEATS_HEAD_TO_HEAD; pass++)
      keystrokes.forEach((q, i) => {
        if (i === 0 || !q.startsWith(keystrokes[i - 1]!)) ours10k.fresh?.();
        let start = performance.now();
        ours10k.search(q);
        turns.ours[i] = Math.min(turns.ours[i]!, performance.now() - start);
        start = performance.now();
        flex10k.search(q);
        turns.flex[i] = Math.min(turns.flex[i]!, performance.now() - start);
      });
    for (const [engine, times] of [
      [miniSearch, turns.ours],
      [flexSearch, turns.flex],
    ] as const) {
      sampled.set(
        engine.name,
        sampleAt.map((i) => times[i]!),
      );
      latency10k.set(engine, [
        `${keystrokes.length} × best of ${REPEATS_HEAD_TO_HEAD}, taking turns`,
        ms(median(times)),
        ms(percentile(times, 95)),
      ]);
    }
    const oursSampled = stats(sampled.get(miniSearch.name)!);
    const ratios = engines
      .filter((e) => e !== miniSearch)
      .map((e) => {
        const theirs = stats(sampled.get(e.name)!);
        const ratio = (a: number, b: number) => (a / b).toFixed(a / b < 10 ? 2 : 0);
        return `${e.name}: median ${ratio(theirs.median, oursSampled.median)}×, p95 ${ratio(theirs.p95, oursSampled.p95)}× MiniSearch's`;
      })
      .join('; ');

    for (const engine of engines) {
      rows.push([...rowStart.get(engine)!, ...latency10k.get(engine)!]);
      if (engine === miniSearch) rows.push(...firstGenerator);
    }
    const headToHead = [
      ['MiniSearch (ours)', turns.ours],
      ['FlexSearch 0.8', turns.flex],
    ].map(([name, times]) => {
      const t = times as number[];
      return [
        name as string,
        ms(median(t)),
        ms(percentile(t, 95)),
        ms(percentile(t, 99)),
        ms(Math.max(...t)),
      ];
    });
    const p95Ratio = percentile(turns.ours, 95) / percentile(turns.flex, 95);
    headToHead.push([
      'ours / FlexSearch',
      `${(median(turns.ours) / median(turns.flex)).toFixed(2)}×`,
      `${p95Ratio.toFixed(2)}×`,
      `${(percentile(turns.ours, 99) / percentile(turns.flex, 99)).toFixed(2)}×`,
      `${(Math.max(...turns.ours) / Math.max(...turns.flex)).toFixed(2)}×`,
    ]);

    // The whole blog at the archive's bound: our engine alone, the same keystrokes; the last of
    // the three timed builds is the index searched.
    let ours5k: Built | undefined;
    const build5k = timeBuild(bound, (posts) => (ours5k = miniSearch.build(posts)), 3);
    if (!ours5k) throw new Error('no 5,000-post index built');
    const at5k = timeKeystrokes(ours5k.search, keystrokes, {
      warmUp: 50,
      repeats: REPEATS_10K,
      fresh: ours5k.fresh,
    });
    const wholeBlog = [
      [
        '5,000 posts',
        ms(build5k),
        ms(at5k.median),
        ms(at5k.p95),
        `${(at5k.p95 / 2).toFixed(2)}×`,
        at5k.p95 <= 2 ? 'met' : 'not met',
      ],
    ];

    const tables: BenchTable[] = [
      {
        title: 'Archive search: MiniSearch vs Fuse.js vs FlexSearch',
        method:
          `Same run, same machine. Relevance: tests/fixtures/relevance.json (${cases.length} queries) over the 30 posts; MRR = mean reciprocal rank of the first expected post, top-3 = share of queries with one in the first three. ` +
          `Latency: every prefix of every relevance query, typed one letter at a time (${keystrokes.length} keystrokes); each query typed in order after a warm-up, ${REPEATS_30} passes over the sequence at 30 posts; at 10k MiniSearch and FlexSearch take turns on each keystroke in the ${REPEATS_HEAD_TO_HEAD} passes of the head-to-head table below (its figures are theirs here), the first generator's row ${REPEATS_10K} passes; each keystroke's best pass kept; our engine keeps the scores of the words typed so far (data/search/query.ts) and forgets them before each query, as a newly opened popup has none; "n at 10k" says how many keystrokes were timed there (Fuse.js: an evenly spaced sample of ${sampleAt.length}, one run each). Times in ms; median / p95 over keystrokes. ` +
          `10k = the 30 posts plus 9,970 generated with a seeded PRNG (tests/bench/search-synthetic.ts): the blog's words at the blog's frequencies, plus a made-up long tail of rare words in place of the words only one real post uses (which the first generator spread over hundreds of posts each); the row "from the first generator" times the same query path over that first archive (every third keystroke). Size = serialized index (JSON.stringify / Fuse.createIndex().toJSON() / FlexSearch export). ` +
          `At 10k, over the keystrokes of the Fuse.js sample: ${ratios}. Targets: p95 ≤ 1 ms at 30, ≤ 10 ms at 10k, ≥ 10× faster than Fuse.js at 10k.`,
        columns: [
          'library',
          'MRR',
          'top-3',
          'build 30 (ms)',
          'size 30',
          'key median / p95 30',
          'build 10k (ms)',
          'size 10k',
          'n at 10k',
          'key median 10k',
          'key p95 10k',
        ],
        rows,
      },
      {
        title: 'Search at 10,000 posts, head to head: MiniSearch (ours) against FlexSearch',
        method: `The ${keystrokes.length} keystrokes of the table above at 10k, the two engines taking turns on each keystroke (ours, then FlexSearch) in ${REPEATS_HEAD_TO_HEAD} passes after a warm-up of 50; each keystroke's best pass; our engine forgets the scores it keeps before each query. Target (issue 17): our p95 at or below FlexSearch's, with relevance no lower (MRR and top-3 above). Measured p95 ratio: ${p95Ratio.toFixed(2)}× (${p95Ratio <= 1 ? 'met' : 'not met'}).`,
        columns: ['engine', 'median (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)'],
        rows: headToHead,
      },
      {
        title: 'Search over a whole-blog archive of 5,000 posts',
        method: `The archive's bound (data/archive: 5,000 posts): the 30 posts plus 4,970 generated as for 10k. Our engine only; the ${keystrokes.length} keystrokes above, ${REPEATS_10K} passes, each keystroke's best; build = median of 3. Target (issue 14): p95 per keystroke ≤ 2 ms.`,
        columns: [
          'archive',
          'build (ms)',
          'key median (ms)',
          'key p95 (ms)',
          'p95 / target',
          'verdict',
        ],
        rows: wholeBlog,
      },
      {
        title: 'MiniSearch index at start: build vs revive a build-time serialized index',
        method:
          'Median time to have a usable index: building it from the posts (what the popup does) against MiniSearch.loadJSON of an index serialized at build time (JSON parse included; its bytes would also ship in the bundle).',
        columns: ['archive', 'build at start (ms)', 'loadJSON (ms)', 'serialized size'],
        rows: startup,
      },
    ];
    const oursP95 = percentile(turns.ours, 95);
    const targets: BenchTarget[] = [
      {
        target: "search p95 per keystroke at 10k at or below FlexSearch's (17.6)",
        measured: `${ms(oursP95)} ms against ${ms(percentile(turns.flex, 95))} ms`,
        ratio: ratioText(p95Ratio, 1),
        met: p95Ratio <= 1,
      },
      {
        target: `relevance no lower than when issue 17 was filed: MRR ${RELEVANCE_BEFORE.mrr.toFixed(3)}, top-3 ${RELEVANCE_BEFORE.top3 * 100} % (17.6)`,
        measured: `MRR ${ours30.mrr.toFixed(3)}, top-3 ${Math.round(ours30.top3 * 100)} %`,
        ratio: '–',
        met: ours30.mrr >= RELEVANCE_BEFORE.mrr && ours30.top3 >= RELEVANCE_BEFORE.top3,
      },
      {
        target: 'search p95 per keystroke ≤ 1 ms at 30 posts (4; unchanged by 17.6)',
        measured: `${ms(ours30.p95)} ms`,
        ratio: ratioText(ours30.p95, 1),
        met: ours30.p95 <= 1,
      },
      {
        target: 'search p95 per keystroke ≤ 2 ms at 5,000 posts (14)',
        measured: `${ms(at5k.p95)} ms`,
        ratio: ratioText(at5k.p95, 2),
        met: at5k.p95 <= 2,
      },
    ];
    writeBenchResult('search', tables, targets);
    expect(rows).toHaveLength(engines.length + 1);
  });
});
