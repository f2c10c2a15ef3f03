// Issue 7's acceptance in real Chromium, through the UIs: with https://fly.io/blog/feed.xml
// routed to the 40-entry fixture (two posts newer than the notes), a blog visit fills the cache;
// the popup finds the new posts by title words, opening one shows the sidebar's "no field notes
// yet" with its teaser, the notes page's chart counts them apart, and the options page says how
// the feed is doing. Then the feed breaks (500, malformed): everything keeps working, the
// earlier cache stays, and the options page says what went wrong, live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import notes from '../../data/notes/notes.json';
import { FIXTURE_NEW_POSTS, fixtureEntries, fixtureFeedXml } from '../fixtures/feed/atom';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';
import { routeFeed, storageSet, type FeedAnswer, type FeedRoute } from './support/feed-route';

interface Entry {
  slug: string;
  title: string;
  date: string;
  teaser: string;
}
interface Meta {
  lastChecked?: number;
  lastSuccess?: number;
  lastError?: { at: number; message: string };
}

let browser: ExtensionBrowser;
let feed: FeedRoute;

const stored = async () => storageGet(browser.worker);
const entries = async () => ((await stored())['feed:entries'] ?? []) as Entry[];
const meta = async () => ((await stored())['feed:meta'] ?? {}) as Meta;

const bundledSlugs = new Set(notes.posts.map((p) => p.slug));
/** The fixture's posts the notes do not annotate: the two new ones and eight older ones. */
const feedOnly = fixtureEntries().filter((e) => !bundledSlugs.has(e.slug));

/** Words of a title a reader would type: the title minus the fixture's "Fixture:" marker. */
const titleWords = (title: string) => title.replace(/^Fixture:\s*/, '').toLowerCase();

async function visit(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://fly.io${path}`);
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

/** Make the next blog page check the feed, visit one, and wait for that check to be recorded. */
async function checkAgainWith(answer: FeedAnswer): Promise<Meta> {
  feed.answer(answer);
  const current = await meta();
  const longAgo = (current.lastChecked ?? Date.now()) - 24 * 3600 * 1000;
  await storageSet(browser.worker, { 'feed:meta': { ...current, lastChecked: longAgo } });
  const requests = feed.requests.length;
  const page = await visit('/blog/corrosion/');
  await expect
    .poll(async () => (await meta()).lastChecked ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(longAgo);
  expect(feed.requests.length).toBe(requests + 1);
  await page.close();
  return meta();
}

/** The popup finds each new post by its title words, marked as having no field notes yet. */
async function popupFindsNewPosts(): Promise<void> {
  const popup = await browser.openExtensionPage('popup.html');
  for (const post of FIXTURE_NEW_POSTS) {
    await popup.getByTestId('fn-search').fill(titleWords(post.title));
    const result = popup.locator(`[data-testid="fn-result"][data-slug="${post.slug}"]`);
    await expect.poll(() => result.count(), { message: post.title, timeout: 5000 }).toBe(1);
    expect(await result.textContent()).toContain(post.title);
    expect(await result.textContent()).toContain('No field notes yet');
  }
  await popup.close();
}

/** The sum of the chart's bars, and the March 2026 bar (the two new posts). */
async function chartCounts(): Promise<{ total: number; marchFeed: number; marchCount: string }> {
  const page = await browser.openExtensionPage('notes.html');
  await page.getByTestId('fn-notes-header').waitFor();
  const march = page.locator('[data-testid=fn-history-bar][data-month="2026-03"]');
  await expect.poll(() => march.locator('.fn-bar-feed').count(), { timeout: 5000 }).toBe(1);
  const counts = await page
    .getByTestId('fn-history-bar')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-count'))));
  const result = {
    total: counts.reduce((sum, n) => sum + n, 0),
    marchFeed: await march.locator('.fn-bar-feed').count(),
    marchCount: (await march.getAttribute('data-count')) ?? '',
  };
  await page.close();
  return result;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  feed = await routeFeed(browser.context, { status: 200, body: fixtureFeedXml() });
});
afterAll(async () => {
  await browser?.close();
});

describe('the feed in the popup, the sidebar, the notes page and the options page', () => {
  it('fills the cache on a blog visit, and the popup finds both new posts by title words', async () => {
    // A popup already open (and searching) when the feed arrives re-indexes without reopening.
    const open = await browser.openExtensionPage('popup.html');
    const newest = FIXTURE_NEW_POSTS[0]!;
    await open.getByTestId('fn-search').fill(titleWords(newest.title));
    const found = open.locator(`[data-testid="fn-result"][data-slug="${newest.slug}"]`);
    await expect.poll(() => open.getByTestId('fn-result-count').textContent()).toMatch(/match/);
    expect(await found.count()).toBe(0);
    const page = await visit('/blog/litestream-vfs/');
    await expect.poll(async () => (await entries()).length, { timeout: 15_000 }).toBe(40);
    await page.close();
    await expect.poll(() => found.count()).toBe(1);
    await open.close();
    await popupFindsNewPosts();
  });

  it('opening a new post from the popup shows "no field notes yet" with its teaser', async () => {
    const post = FIXTURE_NEW_POSTS[0]!;
    const cached = (await entries()).find((e) => e.slug === post.slug)!;
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByTestId('fn-search').fill(titleWords(post.title));
    const result = popup.locator(`[data-testid="fn-result"][data-slug="${post.slug}"]`);
    await result.waitFor();
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), result.click()]);
    await tab.waitForURL(`https://fly.io/blog/${post.slug}/`);
    const unknown = tab.getByTestId('fn-unknown-post');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('No field notes for this post yet');
    await tab.getByTestId('fn-feed-teaser').waitFor();
    expect(await tab.getByTestId('fn-feed-title').textContent()).toBe(post.title);
    expect(await tab.getByTestId('fn-feed-text').textContent()).toBe(cached.teaser);
    // The lead cut to its first sentences, as text.
    expect(post.lead.startsWith(cached.teaser)).toBe(true);
    expect(cached.teaser.length).toBeLessThan(post.lead.length);
    expect(await tab.locator('[data-testid="fn-feed-text"] *').count()).toBe(0);
    await tab.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('the notes page counts the feed posts in its chart, drawn apart', async () => {
    const chart = await chartCounts();
    expect(chart.total).toBe(notes.posts.length + feedOnly.length);
    const march = fixtureEntries().filter((e) => e.day.startsWith('2026-03')).length;
    expect(chart.marchCount).toBe(String(march));
    expect(chart.marchFeed).toBe(1);
  });

  it('the options page shows the last check and the posts the feed adds', async () => {
    const options = await browser.openExtensionPage('options.html');
    const status = options.getByTestId('fn-feed-status');
    await expect.poll(() => status.textContent()).toContain('Last checked:');
    expect(await status.textContent()).toContain('Last successful check:');
    expect(await options.getByTestId('fn-feed-count').getAttribute('data-count')).toBe(
      String(feedOnly.length),
    );
    expect(await options.getByTestId('fn-feed-error').count()).toBe(0);
    await options.close();
  });

  it.each([
    ['a 500', { status: 500, body: '<!DOCTYPE html><html><body>Oops</body></html>' }, /HTTP 500/],
    [
      'malformed XML',
      {
        status: 200,
        body: '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</entry></feed>',
      },
      /malformed/,
    ],
  ])(
    'after %s the cache stays, everything keeps working, and the options page says why, live',
    async (_name, answer, why) => {
      const before = await entries();
      const options = await browser.openExtensionPage('options.html');
      await expect
        .poll(() => options.getByTestId('fn-feed-status').textContent())
        .toContain('Last checked:');

      const after = await checkAgainWith(answer);
      expect(after.lastError?.message).toMatch(why);
      expect(await entries()).toEqual(before);

      // The open options page follows storage: the error, in plain words, with no reload.
      const error = options.getByTestId('fn-feed-error');
      await expect.poll(() => error.textContent(), { timeout: 5000 }).toMatch(why);
      expect(await error.textContent()).toMatch(/^The last check, .+, failed: The feed .+\./);
      expect(await error.textContent()).toContain('The posts found before are kept.');
      expect(await options.getByTestId('fn-feed-count').getAttribute('data-count')).toBe(
        String(feedOnly.length),
      );
      await options.close();

      await popupFindsNewPosts();
      const post = await visit(`/blog/${FIXTURE_NEW_POSTS[1]!.slug}/`);
      await post.getByTestId('fn-feed-teaser').waitFor();
      expect(await post.getByTestId('fn-feed-title').textContent()).toBe(
        FIXTURE_NEW_POSTS[1]!.title,
      );
      await post.close();
      const annotated = await visit('/blog/litestream-vfs/');
      expect(await annotated.getByTestId('fn-post').count()).toBe(1);
      await annotated.close();
      expect((await chartCounts()).total).toBe(notes.posts.length + feedOnly.length);
    },
    60_000,
  );

  it('Check for new posts asks in the click, and says clearly that nothing was checked when refused', async () => {
    const options = await browser.openExtensionPage('options.html');
    const status = options.getByTestId('fn-feed-status');
    await expect.poll(() => status.textContent()).not.toContain('Reading the feed');
    const statusBefore = await status.textContent();
    // Headless Chromium shows the permission prompt where nothing can answer it (the check
    // waits for ever), so the reader's "No" is stood in for: the page's permissions.request
    // answers false, and records what it was asked and whether the click's gesture was live.
    await options.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { permissions: Record<string, unknown> } })
        .chrome;
      const asked: unknown[] = [];
      (globalThis as unknown as { asked: unknown[] }).asked = asked;
      api.permissions.request = (request: unknown) => {
        asked.push({ request, gesture: navigator.userActivation.isActive });
        return Promise.resolve(false);
      };
    });
    const requests = feed.requests.length;
    const before = await meta();
    await options.getByTestId('fn-feed-check').click();
    const result = options.getByTestId('fn-feed-check-result');
    await expect
      .poll(() => result.textContent(), { timeout: 5000 })
      .toContain('permission to reach fly.io was not given');
    expect(await result.textContent()).toMatch(/^Not checked: /);
    expect(
      await options.evaluate(() => (globalThis as unknown as { asked: unknown[] }).asked),
    ).toEqual([{ request: { origins: ['https://fly.io/blog/feed.xml'] }, gesture: true }]);
    expect(await options.getByTestId('fn-feed-check').isEnabled()).toBe(true);
    // Refused: nothing fetched, nothing recorded, the status as it was.
    expect(feed.requests.length).toBe(requests);
    expect(await meta()).toEqual(before);
    expect(await status.textContent()).toBe(statusBefore);
    await options.close();
  });
});
