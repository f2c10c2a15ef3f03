// Keeps the live archive fresh while the reader is on the blog. Why here and not in the
// background: this script already runs on fly.io/blog pages, so fetching
// https://fly.io/blog/feed.xml is a same-origin request that needs no extra permission in
// Chrome or Firefox; the background would need a host permission for fly.io at install.
// Once the page is idle it asks the background whether a check is due (data/feed/cache.ts
// claimFeedCheck: at most every few hours, one tab at a time), fetches with the validators the
// background gives (If-None-Match / If-Modified-Since), and hands the answer back to the
// background, which parses it: the parser and the cache stay out of this bundle.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fetchFeed, feedUrlFor } from '../../data/feed/fetch';
import { FEED_CLAIM, FEED_FETCHED, feedClaimResponseSchema } from '../../data/feed/schema';
import type { FeedFetchOutcome } from '../../data/feed/state-schema';

/**
 * Firefox gives content scripts the extension's origin for plain fetch(), which makes the feed a
 * cross-origin request that needs a host permission; `content.fetch` sends it as the page does,
 * same-origin. Chrome's content-script fetch is the page's origin already.
 */
function pageFetch(): typeof fetch {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof page?.fetch === 'function' ? page.fetch.bind(page) : fetch.bind(globalThis);
}

async function refreshIfDue(ctx: ContentScriptContext): Promise<void> {
  // Several blog tabs may ask at once; the background lets one of them go.
  const claim = feedClaimResponseSchema.safeParse(
    await browser.runtime.sendMessage({ type: FEED_CLAIM }),
  );
  if (!claim.success || !claim.data.go || ctx.isInvalid) return;
  const outcome: FeedFetchOutcome = await fetchFeed(feedUrlFor(location.origin), claim.data, {
    signal: ctx.signal,
    fetchImpl: pageFetch(),
  });
  // Torn down mid-fetch (extension reloaded, page left): the answer is not worth reporting.
  if (ctx.isInvalid) return;
  await browser.runtime.sendMessage({ type: FEED_FETCHED, outcome });
}

export function initFeedRefresh(ctx: ContentScriptContext): void {
  ctx.requestIdleCallback(
    () => {
      refreshIfDue(ctx).catch(() => {
        // Nothing to do: the background keeps the last good copy, and the next page view retries.
      });
    },
    { timeout: 5000 },
  );
}
