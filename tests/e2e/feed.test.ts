// The live archive end to end in Chromium: a blog page fetches the (routed) feed, the background
// fills the cache; a second check is conditional; broken answers keep the last good copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';
import { routeFeed, storageSet, type FeedRoute } from './support/feed-route';
import { FIXTURE_NEW_POSTS, FIXTURE_RANGE_DAYS, fixtureFeedXml } from '../fixtures/feed/atom';

const ETAG = '"fixture-feed-1"';
const LAST_MODIFIED = 'Tue, 24 Mar 2026 00:00:00 GMT';

interface Entry {
  slug: string;
  title: string;
  date: string;
  teaser: string;
}
interface Meta {
  etag?: string;
  lastModified?: string;
  lastChecked?: number;
  lastSuccess?: number;
  lastError?: { at: number; message: string };
}

let browser: ExtensionBrowser;
let feed: FeedRoute;

const entries = async () => ((await storageGet(browser.worker))['feed:entries'] ?? []) as Entry[];
const meta = async () => ((await storageGet(browser.worker))['feed:meta'] ?? {}) as Meta;

/** Pretend the last check was long ago, so the next blog page checks again. */
async function makeCheckDue(): Promise<number> {
  const current = await meta();
  const longAgo = (current.lastChecked ?? Date.now()) - 24 * 3600 * 1000;
  await storageSet(browser.worker, { 'feed:meta': { ...current, lastChecked: longAgo } });
  return longAgo;
}

async function visitAndWaitForCheck(path: string, checkedBefore: number | undefined) {
  const page = await browser.context.newPage();
  await page.goto(`https://fly.io${path}`);
  await expect
    .poll(async () => (await meta()).lastChecked ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(checkedBefore ?? 0);
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  feed = await routeFeed(browser.context, {
    status: 200,
    body: fixtureFeedXml(),
    headers: { etag: ETAG, 'last-modified': LAST_MODIFIED },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the live archive in Chromium', () => {
  it('fills the cache from the feed when a blog page is visited', async () => {
    const page = await visitAndWaitForCheck('/blog/litestream-vfs/', undefined);
    const cached = await entries();
    expect(cached).toHaveLength(40);
    const bySlug = new Map(cached.map((e) => [e.slug, e]));
    for (const post of FIXTURE_NEW_POSTS)
      expect(bySlug.get(post.slug)).toMatchObject({ title: post.title, date: post.day });
    expect(bySlug.get('fixture-quokka-queues')?.teaser).toBe(
      'Test data: quokka queues are a job queue we made up for this fixture. They keep jobs in SQLite, replicated with Litestream.',
    );
    for (const [slug, day] of Object.entries(FIXTURE_RANGE_DAYS))
      expect(bySlug.get(slug)?.date).toBe(day);
    const stored = await meta();
    expect(stored).toMatchObject({ etag: ETAG, lastModified: LAST_MODIFIED });
    expect(stored.lastSuccess).toBe(stored.lastChecked);
    expect(stored.lastError).toBeUndefined();
    // A first check has nothing to be conditional on.
    expect(feed.requests).toHaveLength(1);
    expect(feed.requests[0]?.url).toBe('https://fly.io/blog/feed.xml');
    expect(feed.requests[0]?.headers['if-none-match']).toBeUndefined();
    await page.close();
  });

  it('does not fetch again on the next page while the check is fresh', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/blog/corrosion/');
    await expect.poll(() => page.getByTestId('fn-sidebar').count()).toBe(1);
    // The check runs when the page is idle (within 5 s); give it that long to wrongly happen.
    await page.waitForTimeout(5500);
    expect(feed.requests).toHaveLength(1);
    await page.close();
  });

  it('sends If-None-Match / If-Modified-Since and keeps the cache on 304', async () => {
    const before = await entries();
    const { lastSuccess } = await meta();
    feed.answer((request) =>
      request.headers['if-none-match'] === ETAG
        ? { status: 304 }
        : { status: 200, body: '<feed xmlns="http://www.w3.org/2005/Atom"/>' },
    );
    const longAgo = await makeCheckDue();
    const page = await visitAndWaitForCheck('/blog/kurt-got-got/', longAgo);
    const request = feed.requests.at(-1);
    expect(request?.headers['if-none-match']).toBe(ETAG);
    expect(request?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(await entries()).toEqual(before);
    const after = await meta();
    expect(after.lastError).toBeUndefined();
    expect(after.lastSuccess).toBeGreaterThan(lastSuccess ?? 0);
    await page.close();
  });

  it.each([
    [
      'a 500',
      { status: 500, body: '<!DOCTYPE html><html><body>Internal error</body></html>' },
      /HTTP 500/,
    ],
    [
      'a truncated feed',
      { status: 200, body: fixtureFeedXml().slice(0, 30_000) },
      /truncated|malformed/,
    ],
    [
      'malformed XML',
      {
        status: 200,
        body: '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</entry></feed>',
      },
      /malformed/,
    ],
    [
      'an HTML error page with 200',
      {
        status: 200,
        body: '<!DOCTYPE html><html><head><title>Oops</title></head><body>Oops</body></html>',
      },
      /HTML page/,
    ],
  ])(
    'keeps the cache and records the error after %s; the sidebar still works',
    async (_name, answer, error) => {
      const before = await entries();
      const { lastSuccess, etag } = await meta();
      feed.answer(answer);
      const longAgo = await makeCheckDue();
      const page = await visitAndWaitForCheck('/blog/litestream-vfs/', longAgo);
      const after = await meta();
      expect(after.lastError?.message).toMatch(error);
      expect(after.lastError?.at).toBe(after.lastChecked);
      expect(after).toMatchObject({ lastSuccess, etag });
      expect(await entries()).toEqual(before);
      await expect.poll(() => page.getByTestId('fn-sidebar').count()).toBe(1);
      expect(await page.getByTestId('fn-post-title').textContent()).toBe('Litestream VFS');
      await page.close();
    },
  );

  it('takes a good feed again after the errors, clearing lastError', async () => {
    feed.answer({ status: 200, body: fixtureFeedXml(), headers: { etag: '"fixture-feed-2"' } });
    const longAgo = await makeCheckDue();
    const page = await visitAndWaitForCheck('/blog/', longAgo);
    const after = await meta();
    expect(after.lastError).toBeUndefined();
    expect(after.etag).toBe('"fixture-feed-2"');
    expect(await entries()).toHaveLength(40);
    await page.close();
  });

  it('fetches once when several blog tabs find the check due together', async () => {
    const count = feed.requests.length;
    feed.answer({ status: 304 });
    const longAgo = await makeCheckDue();
    const pages = await Promise.all(
      ['/blog/corrosion/', '/blog/kurt-got-got/', '/blog/'].map(async (path) => {
        const page = await browser.context.newPage();
        await page.goto(`https://fly.io${path}`);
        return page;
      }),
    );
    await expect.poll(async () => (await meta()).lastChecked ?? 0).toBeGreaterThan(longAgo);
    // Every tab has had its idle moment (the check waits at most 5 s for it).
    await pages[0]!.waitForTimeout(5500);
    expect(feed.requests.length - count).toBe(1);
    await Promise.all(pages.map((p) => p.close()));
  });

  it('never checks from pages outside the blog', async () => {
    const count = feed.requests.length;
    await makeCheckDue();
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/docs/');
    await page.waitForTimeout(5500);
    expect(feed.requests).toHaveLength(count);
    await page.close();
  });
});
