// A deterministic synthetic archive for the search benchmark: the real posts plus generated
// ones whose words come from the real posts' own vocabulary, so the words readers search for
// keep the blog's frequencies. A seeded PRNG makes every run index the same documents.
//
// Why the long tail is invented: the 30 posts have about 400 distinct title and summary
// words, and half of the summary words are used by a single post. Drawn as they are, each of
// those one-post words would sit in hundreds of the 10,000 posts, where a real archive grows
// its vocabulary instead (Heaps' law: some 10,000 distinct words at this size). So a word that
// only one real post uses is replaced by a made-up word from a seeded pool of that size,
// picked with a Zipf-like skew; words shared by several real posts (`sqlite`, `ai`, `rust`)
// keep their frequency. Topics, authors and sections stay the blog's own.
import type { Post } from '../../data/notes/schema';

/** mulberry32: tiny, fast and good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const TAIL_WORDS = 10_000;

/** Made-up words of two to four syllables (`kalemo`, `tirunovi`), all distinct. */
function madeUpWords(random: () => number, count: number): string[] {
  const onsets = 'b c d f g h k l m n p r s t v z br st tr pl'.split(' ');
  const vowels = 'a e i o u'.split(' ');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out = new Set<string>();
  while (out.size < count) {
    const syllables = 2 + Math.floor(random() * 3);
    out.add(Array.from({ length: syllables }, () => pick(onsets) + pick(vowels)).join(''));
  }
  return [...out];
}

export interface SyntheticOptions {
  seed?: number;
  /**
   * false: the first generator, every word drawn from the real posts as is (no made-up tail,
   * titles may repeat). Kept so the benchmark can show what the change of generator did.
   */
  longTail?: boolean;
}

export function syntheticArchive(
  real: readonly Post[],
  size: number,
  { seed = 42, longTail = true }: SyntheticOptions = {},
): Post[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const tail = longTail ? madeUpWords(random, TAIL_WORDS) : [];
  // Squaring skews the pick towards the start of the pool: a few made-up words are common,
  // most are rare, as in real text.
  const word = (list: readonly string[], onePost: ReadonlySet<string>) => {
    const w = pick(list);
    return longTail && onePost.has(w.toLowerCase())
      ? tail[Math.floor(random() ** 2 * tail.length)]!
      : w;
  };
  const some = <T>(list: readonly T[], min: number, max: number): T[] =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(list));
  const phrase = (
    list: readonly string[],
    onePost: ReadonlySet<string>,
    min: number,
    max: number,
  ) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () =>
      word(list, onePost),
    ).join(' ');
  /** Words of one field, and those of them that only one real post uses. */
  const vocabulary = (field: (p: Post) => string) => {
    const postsUsing = new Map<string, number>();
    for (const p of real)
      for (const w of new Set(words(field(p)).map((x) => x.toLowerCase())))
        postsUsing.set(w, (postsUsing.get(w) ?? 0) + 1);
    const onePost = new Set([...postsUsing].filter(([, n]) => n === 1).map(([w]) => w));
    return { list: real.flatMap((p) => words(field(p))), onePost };
  };
  const titles = vocabulary((p) => p.title);
  const summaries = vocabulary((p) => p.summary);
  const topics = [...new Set(real.flatMap((p) => p.topics))];
  const authors = [...new Set(real.flatMap((p) => p.authors))];
  const sections = [...new Set(real.map((p) => p.section))];
  const seenTitles = new Set(real.map((p) => p.title));
  const posts: Post[] = [...real];
  for (let i = 0; posts.length < size; i++) {
    const year = 2017 + Math.floor(random() * 9);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const slug = `synthetic-${i}`;
    let title = phrase(titles.list, titles.onePost, 2, 7);
    // Real archives do not repeat a title.
    while (longTail && seenTitles.has(title)) title = phrase(titles.list, titles.onePost, 2, 7);
    seenTitles.add(title);
    posts.push({
      slug,
      title,
      url: `https://fly.io/blog/${slug}/`,
      minutes: 2 + Math.floor(random() * 12),
      summary: phrase(summaries.list, summaries.onePost, 10, 25),
      authors: [...new Set(some(authors, 0, 2))],
      section: pick(sections),
      topics: [...new Set(some(topics, 2, 4))],
      date: `${year}-${month}-${day}`,
    });
  }
  return posts;
}
