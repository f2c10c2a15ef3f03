// "Check for new posts" for the options page (phase 2 wires the button):
//
//   <button onClick={() => void checkFeedNow().then(setResult)}>Check for new posts</button>
//
// Call checkFeedNow() straight from the click handler: its first step is
// permissions.request, which both browsers allow only during a user gesture (Firefox refuses
// it after any await). An extension page cannot fetch fly.io without a host permission, and
// waiting for the reader to open a blog tab would not be "on demand"; so the manifest asks for
// the feed's origin as an OPTIONAL permission: nothing at install, one prompt on the first click.
// The background then fetches, records and answers with the new status.
import { browser } from 'wxt/browser';
import { feedStatus, type FeedStatus } from './cache';
import { FEED_URL } from './fetch';
import { sendMessage, type ResponseOf } from '../shared/messages';
import { responseSchemas } from '../shared/message-schemas';

export const FEED_ORIGINS = [FEED_URL];

export type FeedCheckResult =
  { ok: true; status: FeedStatus } | { ok: false; reason: 'denied' | 'failed'; status: FeedStatus };

/** The background's answer to 'fn:feed-check-now'. */
export type FeedCheckResponse = ResponseOf<'fn:feed-check-now'>;

export async function checkFeedNow(): Promise<FeedCheckResult> {
  const granted = await browser.permissions.request({ origins: FEED_ORIGINS });
  if (!granted) return { ok: false, reason: 'denied', status: await feedStatus() };
  const response = await sendMessage(responseSchemas, 'fn:feed-check-now', {}).catch(
    () => undefined,
  );
  if (!response) return { ok: false, reason: 'failed', status: await feedStatus() };
  return response.ok
    ? { ok: true, status: response.status }
    : { ok: false, reason: 'failed', status: response.status };
}
