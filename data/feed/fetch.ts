// One conditional GET of the blog's feed, reported as a FeedFetchOutcome (never a throw). Used
// by the content script (same origin as the feed, so no permission) and by the background for
// "check for new posts" (with the optional host permission). It only fetches; parsing happens
// in the background, so this stays small enough for the content script.
import { isFlyHost } from '../shared/fly-urls';
import { MAX_FEED_CHARS } from './schema';
import type { FeedFetchOutcome, FeedMeta } from './state-schema';

export const FEED_URL = 'https://fly.io/blog/feed.xml';

/** The feed on the page's own origin (fly.io or www.fly.io), so the fetch is same-origin. */
export function feedUrlFor(origin: string): string {
  return new URL('/blog/feed.xml', origin).href;
}

async function readCapped(response: Response): Promise<string | undefined> {
  if (!response.body) {
    const text = await response.text();
    return text.length > MAX_FEED_CHARS ? undefined : text;
  }
  // Stream so that an endless or huge answer is cut off at the cap, not held whole in memory.
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
    if (text.length > MAX_FEED_CHARS) {
      await reader.cancel();
      return undefined;
    }
  }
}

export interface FetchFeedOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export async function fetchFeed(
  url: string,
  /** The validators of the copy held, if any. */
  meta: Pick<FeedMeta, 'etag' | 'lastModified'>,
  options: FetchFeedOptions = {},
): Promise<FeedFetchOutcome> {
  const headers: Record<string, string> = { Accept: 'application/atom+xml, application/xml;q=0.9' };
  if (meta.etag !== undefined) headers['If-None-Match'] = meta.etag;
  if (meta.lastModified !== undefined) headers['If-Modified-Since'] = meta.lastModified;
  try {
    const response = await (options.fetchImpl ?? fetch)(url, {
      headers,
      // The validators above do the caching; no cookies: the feed is public.
      cache: 'no-store',
      credentials: 'omit',
      signal: options.signal,
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.url !== '' && !isFlyHost(new URL(response.url).hostname))
      return { kind: 'failed', error: 'the feed redirected off fly.io' };
    if (!response.ok) return { kind: 'failed', error: `the feed answered HTTP ${response.status}` };
    const length = Number(response.headers.get('Content-Length') ?? '0');
    const text = length > MAX_FEED_CHARS ? undefined : await readCapped(response);
    if (text === undefined) return { kind: 'failed', error: 'the feed is too large' };
    const etag = response.headers.get('ETag') ?? undefined;
    const lastModified = response.headers.get('Last-Modified') ?? undefined;
    return {
      kind: 'body',
      status: response.status,
      text,
      ...(etag !== undefined && etag.length <= 500 ? { etag } : {}),
      ...(lastModified !== undefined && lastModified.length <= 100 ? { lastModified } : {}),
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    // A TypeError from fetch is the network: offline, DNS, TLS, a reset or a CORS refusal.
    return {
      kind: 'failed',
      error: `the feed could not be fetched (${name}: ${message})`.slice(0, 500),
    };
  }
}
