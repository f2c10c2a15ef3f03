// The live archive's one writer. Content scripts on blog pages fetch the feed (same origin, no
// permission) and send what they got here; the options page asks for a check now. Parsing,
// validation and the cache write all happen here, one at a time, so the content script stays
// small and two tabs cannot interleave their writes.
import { browser } from 'wxt/browser';
import { claimFeedCheck, loadFeedMeta, statusOf, loadFeedCache } from '../../data/feed/cache';
import { fetchFeed, FEED_URL } from '../../data/feed/fetch';
import { recordFeedOutcome } from '../../data/feed/record';
import type { FeedCheckResponse } from '../../data/feed/check';
import { handleMessages } from '../../data/shared/messages';
import { serialQueue } from '../../data/shared/serial-queue';
import { requestSchemas } from '../../data/shared/message-schemas';
import { learnedWriter } from './archive';

// The feed cache is read, changed and written by each step: one step at a time.
const { run: oneAtATime } = serialQueue();

/** Posts the blog's own pages confirm (the archive's learned posts): a feed that stops listing
 * them does not drop them from the cache (data/feed/record.ts). */
const indexConfirmed = () => learnedWriter.slugs();

async function checkNow(): Promise<FeedCheckResponse> {
  const granted = await browser.permissions.contains({ origins: [FEED_URL] });
  if (!granted) return { ok: false, status: statusOf(await loadFeedCache()) };
  const outcome = await fetchFeed(FEED_URL, await loadFeedMeta());
  const status = await recordFeedOutcome(outcome, Date.now(), await indexConfirmed());
  // A good answer sets lastSuccess to the same instant as lastChecked.
  return {
    ok: status.lastSuccess !== undefined && status.lastSuccess === status.lastChecked,
    status,
  };
}

export function registerFeedBackground(): void {
  handleMessages(
    requestSchemas,
    {
      'fn:feed-fetched': ({ outcome }) =>
        oneAtATime(async () => recordFeedOutcome(outcome, Date.now(), await indexConfirmed())),
      'fn:feed-check-now': () => oneAtATime(checkNow),
      'fn:feed-claim': () => oneAtATime(() => claimFeedCheck()),
    },
    {
      // Ours by its type but not valid (e.g. a body over the size cap): a failed check, recorded.
      'fn:feed-fetched': () =>
        oneAtATime(() =>
          recordFeedOutcome({ kind: 'failed', error: 'the feed message was not valid' }),
        ),
    },
  );
}
