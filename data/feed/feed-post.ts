// What the cached feed says of one post the notes do not annotate: the sidebar on that post's
// page shows it ("no field notes yet", with the feed's title, day and plain-text teaser).
//
// Why not loadArchivePosts(): that validates every cached entry (up to 600) and merges them
// with the notes; the sidebar needs one entry. This reads the stored array, picks the item whose
// slug matches and validates only that one with the same schema the cache is written with. The
// feed parser is not imported: this runs in the content script, on every unknown post's page.
import { browser } from 'wxt/browser';
import { FEED_ENTRIES_KEY, feedEntrySchema, MAX_CACHED_ENTRIES } from './schema';

/** What the sidebar shows of a post known only from the feed (all plain text). */
export interface FeedPostView {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  teaser: string;
}

/** The valid cached entry for `slug` in a stored `feed:entries` value, or undefined. */
export function feedPostFromStored(value: unknown, slug: string): FeedPostView | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const item of value.slice(0, MAX_CACHED_ENTRIES)) {
    if (typeof item !== 'object' || item === null || (item as { slug?: unknown }).slug !== slug)
      continue;
    const parsed = feedEntrySchema.safeParse(item);
    // As the cache's own reader does: an invalid item is left aside, the first valid one counts.
    if (!parsed.success) continue;
    const { title, date, teaser } = parsed.data;
    return { title, date, teaser };
  }
  return undefined;
}

export async function loadFeedPost(slug: string): Promise<FeedPostView | undefined> {
  const items = await browser.storage.local.get(FEED_ENTRIES_KEY);
  return feedPostFromStored(items[FEED_ENTRIES_KEY], slug);
}

/** Calls back with the post's teaser (or undefined) whenever the cached feed changes. */
export function watchFeedPost(
  slug: string,
  onChange: (teaser: FeedPostView | undefined) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && FEED_ENTRIES_KEY in changes)
      onChange(feedPostFromStored(changes[FEED_ENTRIES_KEY]?.newValue, slug));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
