// The combined archive: the bundled field notes plus what the blog's feed adds. This is the one
// function search, the sidebar and the posting-history chart read the archive through:
//
//   const archive = archivePosts(fieldNotes().posts, await loadFeedPosts());
//   for (const post of archive)
//     if (post.fromFeed) { /* FeedOnlyPost: title, url, date, teaser; "no field notes yet" */ }
//     else { /* AnnotatedPost: the bundled Post, with `date` exact where the feed settled it */ }
//
// Rules (each a test in tests/unit/feed/merge.test.ts):
// - The bundled notes win for everything they annotate: title, summary, section, an exact date.
//   A feed entry whose slug is a bundled post only ever contributes its day, and only where the
//   notes have a `dateRange`.
// - The feed is authoritative for days, but sanity-checked: its day is taken only when it falls
//   inside the notes' range (inclusive). A day outside it means one of the two is wrong, and the
//   notes were checked by hand, so the range stays (and `mergeProblems` says so).
// - Every other feed entry becomes a FeedOnlyPost (`fromFeed: true`).
import type { Post } from '../notes/schema';
import type { FeedEntry } from './schema';

export type AnnotatedPost = Post & {
  readonly fromFeed: false;
  /** True when `date` came from the feed (the notes had only a range). */
  readonly dayFromFeed: boolean;
};

export interface FeedOnlyPost {
  readonly slug: string;
  readonly title: string;
  readonly url: string;
  /** YYYY-MM-DD, exact. */
  readonly date: string;
  /** Plain text, a sentence or two; may be empty. Render as text only. */
  readonly teaser: string;
  /**
   * True for every post the notes do not annotate: from the feed, or learned from the blog's
   * pages (data/archive/learned.ts); then `date` is '' when no page gave one.
   */
  readonly fromFeed: true;
  /** fly.io's own reading time, when a page of the blog gave it (not the notes' minutes). */
  readonly flyMinutes?: number;
  readonly authors?: readonly string[];
}

export type ArchivePost = AnnotatedPost | FeedOnlyPost;

/** A post's day for display and sorting: exact where known, else the start of its range. */
export function archiveDay(post: ArchivePost): string {
  return post.fromFeed ? post.date : (post.date ?? post.dateRange?.from ?? '');
}

function withFeedDay(post: Post, entry: FeedEntry | undefined): AnnotatedPost {
  const range = post.dateRange;
  if (
    post.date === undefined &&
    range &&
    entry &&
    entry.date >= range.from &&
    entry.date <= range.to
  ) {
    // Drop the range: a post has exactly one of the two, as in the notes' own schema.
    const settled: Post = { ...post };
    delete settled.dateRange;
    return { ...settled, date: entry.date, fromFeed: false, dayFromFeed: true };
  }
  return { ...post, fromFeed: false, dayFromFeed: false };
}

/**
 * Bundled posts (exact days filled in from the feed where it can) followed by the feed's posts
 * the notes do not annotate, all sorted newest first (ties keep bundled before feed order).
 */
export function archivePosts(bundled: readonly Post[], feed: readonly FeedEntry[]): ArchivePost[] {
  const feedBySlug = new Map<string, FeedEntry>();
  for (const entry of feed) if (!feedBySlug.has(entry.slug)) feedBySlug.set(entry.slug, entry);
  const bundledSlugs = new Set(bundled.map((p) => p.slug));

  const annotated = bundled.map((post) => withFeedDay(post, feedBySlug.get(post.slug)));
  const feedOnly: FeedOnlyPost[] = [...feedBySlug.values()]
    .filter((entry) => !bundledSlugs.has(entry.slug))
    .map(({ slug, title, url, date, teaser }) => ({
      slug,
      title,
      url,
      date,
      teaser,
      fromFeed: true,
    }));

  return [...annotated, ...feedOnly]
    .map((post, order) => ({ post, order }))
    .sort((a, b) => archiveDay(b.post).localeCompare(archiveDay(a.post)) || a.order - b.order)
    .map(({ post }) => post);
}

/** The archive's post for a slug (e.g. the sidebar on an `unknown-post` page), if any. */
export function archivePostBySlug(
  archive: readonly ArchivePost[],
  slug: string,
): ArchivePost | undefined {
  return archive.find((p) => p.slug === slug);
}

/** Where the feed disagrees with the notes; for the options page and for tests, never fatal. */
export function mergeProblems(bundled: readonly Post[], feed: readonly FeedEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of feed) {
    const post = bundled.find((p) => p.slug === entry.slug);
    if (!post) continue;
    if (post.title !== entry.title)
      problems.push(`${entry.slug}: the feed's title "${entry.title}" differs; the notes' is kept`);
    const range = post.dateRange;
    if (range && (entry.date < range.from || entry.date > range.to))
      problems.push(
        `${entry.slug}: the feed's day ${entry.date} is outside ${range.from}..${range.to}; the range is kept`,
      );
    if (post.date !== undefined && post.date !== entry.date)
      problems.push(
        `${entry.slug}: the feed's day ${entry.date} differs; the notes' ${post.date} is kept`,
      );
  }
  return problems;
}
