// What the sidebar shows of a post outside the notes: the cached feed's entry and what the
// blog's own pages taught the archive (data/archive/learned-schema.ts), combined. Content-safe:
// two storage reads of one key each, one small schema; nothing else of the archive.
import { loadFeedPost, watchFeedPost, type FeedPostView } from '../feed/feed-post';
import { loadLearnedPost, type LearnedPost } from './learned-schema';

/** A post the archive knows (all plain text). `source` says where title and day came from. */
export interface KnownPost extends FeedPostView {
  /** fly.io's own reading time, in minutes (not the notes'). */
  minutes?: number;
  authors?: readonly string[];
  /** 'blog' when only the blog's pages (no feed entry) told us of it. */
  source?: 'feed' | 'blog';
}

/** "old-post-3" → "Old post 3": a label for a post known by its link alone. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The feed's entry (title, day) filled in with what the pages said; undefined if neither. */
export function knownPost(
  slug: string,
  feed: FeedPostView | undefined,
  learned: LearnedPost | undefined,
): KnownPost | undefined {
  if (!feed && !learned) return undefined;
  const post: KnownPost = feed
    ? { ...feed, source: 'feed' }
    : {
        title: learned?.title ?? titleFromSlug(slug),
        date: learned?.date ?? '',
        teaser: '',
        source: 'blog',
      };
  if (post.teaser === '' && learned?.teaser) post.teaser = learned.teaser;
  if (learned?.minutes !== undefined) post.minutes = learned.minutes;
  if (learned?.authors !== undefined) post.authors = learned.authors;
  return post;
}

/**
 * The sidebar's store for a post outside the notes. It follows the feed live; what the pages
 * taught is read when the page opens (this page's own reading lands after first paint and shows
 * on the next visit, so the sidebar does not change under the reader).
 */
export const knownPostStore = {
  load: async (slug: string) =>
    knownPost(slug, await loadFeedPost(slug), await loadLearnedPost(slug)),
  watch: (slug: string, onChange: (post: KnownPost | undefined) => void) =>
    watchFeedPost(slug, (feed) => {
      void loadLearnedPost(slug).then((learned) => onChange(knownPost(slug, feed, learned)));
    }),
};
