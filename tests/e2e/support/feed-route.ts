// Serve https://fly.io/blog/feed.xml (and www.) with whatever a test sets, and remember the
// requests, so a test can check the conditional headers. Registered after routeFlyIo(), it
// takes precedence over its 404 for the feed (Playwright runs the newest matching route first).
import type { BrowserContext, Worker } from 'playwright-core';

export interface FeedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FeedRequest {
  url: string;
  headers: Record<string, string>;
}

export interface FeedRoute {
  /** Every request for the feed so far, oldest first (header names lower-case). */
  requests: FeedRequest[];
  /** What the next requests get; a function sees the request (e.g. to answer 304). */
  answer: (next: FeedAnswer | ((request: FeedRequest) => FeedAnswer)) => void;
}

export async function routeFeed(context: BrowserContext, first: FeedAnswer): Promise<FeedRoute> {
  let answer: FeedAnswer | ((request: FeedRequest) => FeedAnswer) = first;
  const requests: FeedRequest[] = [];
  await context.route(/^https:\/\/(www\.)?fly\.io\/blog\/feed\.xml$/i, async (route) => {
    const request = { url: route.request().url(), headers: await route.request().allHeaders() };
    requests.push(request);
    const { status, body, headers } = typeof answer === 'function' ? answer(request) : answer;
    await route.fulfill({
      status,
      body: body ?? '',
      headers: { 'content-type': 'application/atom+xml; charset=utf-8', ...headers },
    });
  });
  return { requests, answer: (next) => (answer = next) };
}

interface ChromeStorageSet {
  storage: { local: { set: (items: Record<string, unknown>) => Promise<void> } };
}

/** Write the extension's storage from its service worker (e.g. to make a feed check due). */
export async function storageSet(worker: Worker, items: Record<string, unknown>): Promise<void> {
  await worker.evaluate((values) => {
    const api = (globalThis as unknown as { chrome: ChromeStorageSet }).chrome;
    return api.storage.local.set(values);
  }, items);
}
