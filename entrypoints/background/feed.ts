// The live archive's one writer. Content scripts on blog pages fetch the feed (same origin, no
// permission) and send what they got here; the options page asks for a check now. Parsing,
// validation and the cache write all happen here, one at a time, so the content script stays
// small and two tabs cannot interleave their writes.
import { browser } from 'wxt/browser';
import { claimFeedCheck, loadFeedMeta, statusOf, loadFeedCache } from '../../data/feed/cache';
import { fetchFeed, FEED_URL } from '../../data/feed/fetch';
import { recordFeedOutcome } from '../../data/feed/record';
import type { FeedCheckResponse } from '../../data/feed/check';
import { FEED_FETCHED } from '../../data/feed/schema';
import {
  feedCheckNowMessageSchema,
  feedClaimMessageSchema,
  feedFetchedMessageSchema,
} from '../../data/feed/state-schema';

let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function checkNow(): Promise<FeedCheckResponse> {
  const granted = await browser.permissions.contains({ origins: [FEED_URL] });
  if (!granted) return { ok: false, status: statusOf(await loadFeedCache()) };
  const status = await recordFeedOutcome(await fetchFeed(FEED_URL, await loadFeedMeta()));
  // A good answer sets lastSuccess to the same instant as lastChecked.
  return {
    ok: status.lastSuccess !== undefined && status.lastSuccess === status.lastChecked,
    status,
  };
}

function handle(message: unknown): Promise<unknown> | undefined {
  const fetched = feedFetchedMessageSchema.safeParse(message);
  if (fetched.success) return oneAtATime(() => recordFeedOutcome(fetched.data.outcome));
  if (feedCheckNowMessageSchema.safeParse(message).success) return oneAtATime(checkNow);
  if (feedClaimMessageSchema.safeParse(message).success) return oneAtATime(() => claimFeedCheck());
  // Ours by its type but not valid (e.g. a body over the size cap): a failed check, recorded.
  if (typeof message === 'object' && message !== null && 'type' in message)
    if (message.type === FEED_FETCHED)
      return oneAtATime(() =>
        recordFeedOutcome({ kind: 'failed', error: 'the feed message was not valid' }),
      );
  return undefined;
}

export function registerFeedBackground(): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse?: (response: unknown) => void) => {
      const work = handle(message);
      // Not ours: leave the message to the other background listeners.
      if (work === undefined) return undefined;
      // Works with both answering styles (see toolchain.md: the fake browser wants sendResponse).
      if (typeof sendResponse === 'function') {
        work.then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
        return true;
      }
      return work;
    },
  );
}
