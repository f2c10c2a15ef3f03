// A deterministic synthetic archive for the search benchmark: the real posts plus generated
// ones whose words come from the real posts' own vocabulary, so term frequencies and lengths
// look like the blog's. A seeded PRNG makes every run index the same documents.
import type { Post } from '../../data/schema';

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

const words = (texts: readonly string[]) => texts.flatMap((t) => t.split(/\s+/)).filter(Boolean);

export function syntheticArchive(real: readonly Post[], size: number, seed = 42): Post[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(list));
  const titleWords = words(real.map((p) => p.title));
  const summaryWords = words(real.map((p) => p.summary));
  const topics = [...new Set(real.flatMap((p) => p.topics))];
  const authors = [...new Set(real.flatMap((p) => p.authors))];
  const sections = [...new Set(real.map((p) => p.section))];
  const posts: Post[] = [...real];
  for (let i = 0; posts.length < size; i++) {
    const year = 2017 + Math.floor(random() * 9);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const slug = `synthetic-${i}`;
    posts.push({
      slug,
      title: some(titleWords, 2, 7).join(' '),
      url: `https://fly.io/blog/${slug}/`,
      minutes: 2 + Math.floor(random() * 12),
      summary: some(summaryWords, 10, 25).join(' '),
      authors: [...new Set(some(authors, 0, 2))],
      section: pick(sections),
      topics: [...new Set(some(topics, 2, 4))],
      date: `${year}-${month}-${day}`,
    });
  }
  return posts;
}
