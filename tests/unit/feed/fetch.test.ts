import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerFeedBackground } from '../../../entrypoints/background/feed';
import {
  CHECK_INTERVAL_MS,
  FEED_ENTRIES_KEY,
  FEED_META_KEY,
  loadFeedCache,
} from '../../../data/feed/cache';
import { checkFeedNow } from '../../../data/feed/check';
import { FEED_URL, fetchFeed, feedUrlFor } from '../../../data/feed/fetch';
import { MAX_FEED_CHARS } from '../../../data/feed/schema';
import type { MessageType } from '../../../data/shared/messages';

// The messages as they travel (`{ type, ...request }`), raw, to test what the background accepts.
const FEED_CHECK_NOW: MessageType = 'fn:feed-check-now';
const FEED_CLAIM: MessageType = 'fn:feed-claim';
const FEED_FETCHED: MessageType = 'fn:feed-fetched';
import { fixtureFeedXml } from '../../fixtures/feed/atom';

interface Call {
  url: string;
  init: RequestInit | undefined;
}
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return answer();
  });
  return { calls, impl: impl as unknown as typeof fetch };
}
// The permissions API is not mocked by the fake browser; its overloads hide the promise type.
let granted: Record<'contains' | 'request', boolean> = { contains: false, request: false };
function grant(method: 'contains' | 'request', value: boolean) {
  granted = { ...granted, [method]: value };
  const spy = vi.spyOn(browser.permissions, method);
  spy.mockImplementation((() => Promise.resolve(granted[method])) as never);
  return spy;
}
const headersOf = (call: Call | undefined) => new Headers(call?.init?.headers);

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('fetchFeed', () => {
  it('fetches the feed on the page’s own origin', () => {
    expect(feedUrlFor('https://fly.io')).toBe('https://fly.io/blog/feed.xml');
    expect(feedUrlFor('https://www.fly.io')).toBe('https://www.fly.io/blog/feed.xml');
  });

  it('asks conditionally, without cookies or the HTTP cache, and hands back body and validators', async () => {
    const { calls, impl } = fakeFetch(
      () =>
        new Response('<feed/>', {
          status: 200,
          headers: { ETag: '"v2"', 'Last-Modified': 'Wed, 25 Mar 2026 00:00:00 GMT' },
        }),
    );
    const outcome = await fetchFeed(
      FEED_URL,
      { etag: '"v1"', lastModified: 'Tue, 24 Mar 2026 00:00:00 GMT' },
      { fetchImpl: impl },
    );
    expect(outcome).toEqual({
      kind: 'body',
      status: 200,
      text: '<feed/>',
      etag: '"v2"',
      lastModified: 'Wed, 25 Mar 2026 00:00:00 GMT',
    });
    expect(headersOf(calls[0]).get('If-None-Match')).toBe('"v1"');
    expect(headersOf(calls[0]).get('If-Modified-Since')).toBe('Tue, 24 Mar 2026 00:00:00 GMT');
    expect(calls[0]?.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('sends no validators for a first check', async () => {
    const { calls, impl } = fakeFetch(() => new Response('x'));
    await fetchFeed(FEED_URL, {}, { fetchImpl: impl });
    expect(headersOf(calls[0]).has('If-None-Match')).toBe(false);
    expect(headersOf(calls[0]).has('If-Modified-Since')).toBe(false);
  });

  it.each([
    [() => new Response(null, { status: 304 }), { kind: 'not-modified' }],
    [
      () => new Response('down', { status: 503 }),
      { kind: 'failed', error: 'the feed answered HTTP 503' },
    ],
    [
      () => new Response('gone', { status: 404 }),
      { kind: 'failed', error: 'the feed answered HTTP 404' },
    ],
  ])('reports status answers (%#)', async (answer, expected) => {
    expect(await fetchFeed(FEED_URL, {}, { fetchImpl: fakeFetch(answer).impl })).toEqual(expected);
  });

  it('reports a network failure (offline) instead of throwing', async () => {
    const outcome = await fetchFeed(
      FEED_URL,
      {},
      {
        fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).impl,
      },
    );
    expect(outcome).toEqual({
      kind: 'failed',
      error: 'the feed could not be fetched (TypeError: Failed to fetch)',
    });
  });

  it('refuses a body over the cap, by its length header or while streaming it', async () => {
    const declared = () =>
      new Response('small', { headers: { 'Content-Length': String(MAX_FEED_CHARS + 1) } });
    const chunk = 'x'.repeat(1024 * 1024);
    let sent = 0;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 1;
            controller.enqueue(new TextEncoder().encode(chunk));
          },
        }),
      );
    for (const answer of [declared, endless])
      expect(await fetchFeed(FEED_URL, {}, { fetchImpl: fakeFetch(answer).impl })).toEqual({
        kind: 'failed',
        error: 'the feed is too large',
      });
    expect(sent).toBeLessThan(10);
  });

  it('refuses an answer that was redirected off fly.io', async () => {
    const response = new Response('<feed/>');
    Object.defineProperty(response, 'url', { value: 'https://evil.example/feed.xml' });
    expect(await fetchFeed(FEED_URL, {}, { fetchImpl: fakeFetch(() => response).impl })).toEqual({
      kind: 'failed',
      error: 'the feed redirected off fly.io',
    });
  });
});

describe('the background feed listener', () => {
  beforeEach(() => registerFeedBackground());

  it('records a fetched feed sent by a content script and answers with the status', async () => {
    const status = await fakeBrowser.runtime.sendMessage({
      type: FEED_FETCHED,
      outcome: { kind: 'body', status: 200, text: fixtureFeedXml(), etag: '"v1"' },
    });
    expect(status).toMatchObject({ count: 40 });
    expect((await loadFeedCache()).entries).toHaveLength(40);
  });

  it('records reports one at a time, in order', async () => {
    const good = {
      type: FEED_FETCHED,
      outcome: { kind: 'body', status: 200, text: fixtureFeedXml() },
    };
    const failed = { type: FEED_FETCHED, outcome: { kind: 'failed', error: 'offline' } };
    await Promise.all([
      fakeBrowser.runtime.sendMessage(good),
      fakeBrowser.runtime.sendMessage(failed),
    ]);
    const cache = await loadFeedCache();
    expect(cache.entries).toHaveLength(40);
    expect(cache.meta.lastError?.message).toBe('offline');
  });

  it('records an invalid feed message as a failed check, keeping the cache', async () => {
    await fakeBrowser.runtime.sendMessage({
      type: FEED_FETCHED,
      outcome: { kind: 'body', status: 200, text: fixtureFeedXml() },
    });
    const before = (await fakeBrowser.storage.local.get(FEED_ENTRIES_KEY))[FEED_ENTRIES_KEY];
    await fakeBrowser.runtime.sendMessage({
      type: FEED_FETCHED,
      outcome: { kind: 'body', status: 200, text: 'x'.repeat(MAX_FEED_CHARS + 1) },
    });
    await fakeBrowser.runtime.sendMessage({
      type: FEED_FETCHED,
      outcome: { kind: 'html', body: '<b>' },
    });
    const cache = await loadFeedCache();
    expect((await fakeBrowser.storage.local.get(FEED_ENTRIES_KEY))[FEED_ENTRIES_KEY]).toEqual(
      before,
    );
    expect(cache.meta.lastError?.message).toBe('the feed message was not valid');
  });

  it('lets one of several tabs claim a due check, until an outcome is recorded', async () => {
    const claims = await Promise.all(
      [1, 2, 3].map(() => fakeBrowser.runtime.sendMessage({ type: FEED_CLAIM })),
    );
    expect(claims.filter((c) => (c as { go: boolean }).go)).toHaveLength(1);
    expect((await loadFeedCache()).meta.checkingSince).toBeTypeOf('number');
    await fakeBrowser.runtime.sendMessage({
      type: FEED_FETCHED,
      outcome: { kind: 'failed', error: 'offline' },
    });
    expect((await loadFeedCache()).meta.checkingSince).toBeUndefined();
    // Just checked (and failed): the next claim waits for the retry interval.
    expect(await fakeBrowser.runtime.sendMessage({ type: FEED_CLAIM })).toEqual({ go: false });
  });

  it('gives the claiming tab the validators of the copy held, for its conditional request', async () => {
    const hourAgo = Date.now() - CHECK_INTERVAL_MS - 60_000;
    await fakeBrowser.storage.local.set({
      [FEED_META_KEY]: {
        etag: '"v7"',
        lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT',
        lastChecked: hourAgo,
        lastSuccess: hourAgo,
      },
    });
    expect(await fakeBrowser.runtime.sendMessage({ type: FEED_CLAIM })).toEqual({
      go: true,
      etag: '"v7"',
      lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT',
    });
    // The check is taken: a second tab is told to wait, with nothing else.
    expect(await fakeBrowser.runtime.sendMessage({ type: FEED_CLAIM })).toEqual({ go: false });
  });

  it('leaves other messages to other listeners', async () => {
    expect(await fakeBrowser.runtime.sendMessage({ type: 'fn:something-else' })).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('checks now only with the optional permission granted', async () => {
    const contains = grant('contains', false);
    const { calls, impl } = fakeFetch(
      () => new Response(fixtureFeedXml(), { headers: { ETag: '"v9"' } }),
    );
    vi.stubGlobal('fetch', impl);
    expect(await fakeBrowser.runtime.sendMessage({ type: FEED_CHECK_NOW })).toEqual({
      ok: false,
      status: { count: 0 },
    });
    expect(calls).toHaveLength(0);

    grant('contains', true);
    const answer = await fakeBrowser.runtime.sendMessage({ type: FEED_CHECK_NOW });
    expect(answer).toMatchObject({ ok: true, status: { count: 40 } });
    expect(calls.map((c) => c.url)).toEqual([FEED_URL]);
    expect((await loadFeedCache()).meta.etag).toBe('"v9"');
    expect(contains).toHaveBeenCalledWith({ origins: [FEED_URL] });
  });

  it('answers a check-now whose fetch fails with ok: false and the error', async () => {
    grant('contains', true);
    vi.stubGlobal('fetch', fakeFetch(() => new Response('down', { status: 502 })).impl);
    const answer = await fakeBrowser.runtime.sendMessage({ type: FEED_CHECK_NOW });
    expect(answer).toMatchObject({
      ok: false,
      status: { lastError: { message: 'the feed answered HTTP 502' } },
    });
  });
});

describe('checkFeedNow (the options page button)', () => {
  it('asks for the feed origin first and stops if the reader declines', async () => {
    const request = grant('request', false);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await checkFeedNow()).toEqual({ ok: false, reason: 'denied', status: { count: 0 } });
    expect(request).toHaveBeenCalledWith({ origins: [FEED_URL] });
    expect(send).not.toHaveBeenCalled();
  });

  it('has the background check once granted', async () => {
    registerFeedBackground();
    grant('request', true);
    grant('contains', true);
    vi.stubGlobal('fetch', fakeFetch(() => new Response(fixtureFeedXml())).impl);
    const result = await checkFeedNow();
    expect(result).toMatchObject({ ok: true, status: { count: 40 } });
  });
});
