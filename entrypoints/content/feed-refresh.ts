// Keeps the live archive fresh while the reader is on the blog. Why here and not in the
// background: this script already runs on fly.io/blog pages, so fetching
// https://fly.io/blog/feed.xml is a same-origin request that needs no extra permission in
// Chrome or Firefox; the background would need a host permission for fly.io at install.
// Once the page is idle it asks the background whether a check is due (data/feed/cache.ts
// claimFeedCheck: at most every few hours, one tab at a time), fetches with the validators the
// background gives (If-None-Match / If-Modified-Since), and hands the answer back to the
// background, which parses it: the parser and the cache stay out of this bundle.
import { fetchFeed, feedUrlFor } from '../../data/feed/fetch';
import type { FeedFetchOutcome } from '../../data/feed/state-schema';
import { contentResponseSchemas, sendMessage } from '../../data/shared/messages';
import type { ContentContext } from './context';
import { BLOG_PAGES, type ContentFeature } from './features';

/**
 * Firefox gives content scripts the extension's origin for plain fetch(), which makes the feed a
 * cross-origin request that needs a host permission; `content.fetch` sends it as the page does,
 * same-origin. Chrome's content-script fetch is the page's origin already.
 */
export function pageFetch(): typeof fetch {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof page?.fetch === 'function' ? page.fetch.bind(page) : fetch.bind(globalThis);
}

async function refreshIfDue(ctx: ContentContext): Promise<void> {
  // Several blog tabs may ask at once; the background lets one of them go.
  const claim = await sendMessage(contentResponseSchemas, 'fn:feed-claim', {});
  if (!claim.go || ctx.isInvalid) return;
  const outcome: FeedFetchOutcome = await fetchFeed(feedUrlFor(location.origin), claim, {
    signal: ctx.signal,
    fetchImpl: pageFetch(),
  });
  // Torn down mid-fetch (extension reloaded, page left): the answer is not worth reporting.
  if (ctx.isInvalid) return;
  await sendMessage(contentResponseSchemas, 'fn:feed-fetched', { outcome });
}

/** Check once the page is idle; returns the function that cancels a check not started yet. */
export function initFeedRefresh(ctx: ContentContext): () => void {
  const id = ctx.requestIdleCallback(
    () => {
      refreshIfDue(ctx).catch(() => {
        // Nothing to do: the background keeps the last good copy, and the next page view retries.
      });
    },
    { timeout: 5000 },
  );
  return () => cancelIdleCallback(id);
}

/** Feed refresh as a content feature: on every blog page, once it is idle. */
export const feedRefreshFeature: ContentFeature = {
  name: 'feed refresh',
  pages: BLOG_PAGES,
  start: (ctx) => initFeedRefresh(ctx),
};
