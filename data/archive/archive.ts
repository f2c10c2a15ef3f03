// The combined archive for the UIs, loaded and watched: the bundled notes plus the cached feed
// (data/feed/merge.ts has the rules). Read-only; only the background writes the feed cache.
//
//   const archive = await loadArchivePosts();      // ArchivePost[], newest first
//   const stop = watchArchive(setArchive);         // after every feed refresh, in any context
import { archivePosts, type ArchivePost } from '../feed/merge';
import { feedCacheFromItems, loadFeedPosts, watchFeed } from '../feed/cache';
import { fieldNotes } from '../notes/notes';

export async function loadArchivePosts(): Promise<ArchivePost[]> {
  return archivePosts(fieldNotes().posts, await loadFeedPosts());
}

/** The archive from items already read from storage.local (validated as loadArchivePosts does). */
export function archiveFromItems(items: Record<string, unknown>): ArchivePost[] {
  return archivePosts(fieldNotes().posts, feedCacheFromItems(items).entries);
}

export function watchArchive(onChange: (archive: ArchivePost[]) => void): () => void {
  return watchFeed((cache) => onChange(archivePosts(fieldNotes().posts, cache.entries)));
}
