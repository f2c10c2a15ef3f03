// The combined archive for the UIs, loaded and watched: the bundled notes, the cached feed
// (data/feed/merge.ts has those rules) and every post learned from the blog's own pages
// (data/archive/learned.ts). The notes always win for what they annotate; the feed's title
// and day win over a learned one; learned fields fill in the rest. Read-only here.
//
//   const archive = await loadArchivePosts();      // ArchivePost[], newest first, undated last
//   const stop = watchArchive(setArchive);         // after every feed refresh or learned post
import { browser } from 'wxt/browser';
import { archiveDay, archivePosts, type ArchivePost, type FeedOnlyPost } from '../feed/merge';
import { FEED_ENTRIES_KEY, FEED_META_KEY } from '../feed/schema';
import { feedCacheFromItems, loadFeedPosts } from '../feed/cache';
import type { FeedEntry } from '../feed/schema';
import { fieldNotes } from '../notes/notes';
import type { Post } from '../notes/schema';
import { postUrl } from '../page/post-link';
import { titleFromSlug } from './known-post';
import { setAside } from '../storage/quarantine';
import { LEARNED_PREFIX, learnedFromItems, loadLearnedPosts, type LearnedPost } from './learned';

function withLearned(post: FeedOnlyPost, learned: LearnedPost | undefined): FeedOnlyPost {
  if (!learned) return post;
  return {
    ...post,
    teaser: post.teaser || (learned.teaser ?? ''),
    ...(learned.minutes !== undefined ? { flyMinutes: learned.minutes } : {}),
    ...(learned.authors !== undefined ? { authors: learned.authors } : {}),
  };
}

/** Notes + feed + learned posts: every post of the blog the extension knows, newest first. */
export function wholeArchive(
  bundled: readonly Post[],
  feed: readonly FeedEntry[],
  learned: ReadonlyMap<string, LearnedPost>,
): ArchivePost[] {
  const base = archivePosts(bundled, feed).map((post) =>
    post.fromFeed ? withLearned(post, learned.get(post.slug)) : post,
  );
  const known = new Set(base.map((p) => p.slug));
  const extra: FeedOnlyPost[] = [];
  for (const [slug, post] of learned) {
    if (known.has(slug)) continue;
    extra.push(
      withLearned(
        {
          slug,
          title: post.title ?? titleFromSlug(slug),
          url: postUrl(slug),
          date: post.date ?? '',
          teaser: '',
          fromFeed: true,
        },
        post,
      ),
    );
  }
  return [...base, ...extra]
    .map((post, order) => ({ post, order }))
    .sort((a, b) => archiveDay(b.post).localeCompare(archiveDay(a.post)) || a.order - b.order)
    .map(({ post }) => post);
}

export async function loadArchivePosts(): Promise<ArchivePost[]> {
  const [feed, learned] = await Promise.all([loadFeedPosts(), loadLearnedPosts()]);
  return wholeArchive(fieldNotes().posts, feed, learned);
}

/**
 * The archive from items already read from storage.local (every key), validated as
 * loadArchivePosts does; learned entries that fail validation are set aside.
 */
export async function archiveFromItems(items: Record<string, unknown>): Promise<ArchivePost[]> {
  const { posts, invalid } = learnedFromItems(items);
  for (const [key, value] of Object.entries(invalid))
    await setAside(key, value, 'not a valid archive entry');
  return wholeArchive(fieldNotes().posts, feedCacheFromItems(items).entries, posts);
}

/** Whether a change to these storage.local keys changes the archive. */
export function changesArchive(keys: readonly string[]): boolean {
  return keys.some(
    (k) => k === FEED_META_KEY || k === FEED_ENTRIES_KEY || k.startsWith(LEARNED_PREFIX),
  );
}

/** Calls back with the whole archive after the feed or any learned post changes (batched). */
export function watchArchive(onChange: (archive: ArchivePost[]) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!changesArchive(Object.keys(changes))) return;
    // A walk writes a page of posts a second: one reload for a burst of writes.
    clearTimeout(timer);
    timer = setTimeout(() => void loadArchivePosts().then(onChange), 300);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(listener);
  };
}
