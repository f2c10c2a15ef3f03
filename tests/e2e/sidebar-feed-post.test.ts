// A post known only from the blog's feed, in real Chromium: after a blog page has filled the
// cache from the (routed) fixture feed, that post's own page shows the sidebar's "no field notes
// yet" with the feed's title, day and plain-text teaser, and its read button marks it read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';
import { routeFeed, storageSet } from './support/feed-route';
import { FIXTURE_NEW_POSTS, fixtureFeedXml } from '../fixtures/feed/atom';

interface Entry {
  slug: string;
  title: string;
  date: string;
  teaser: string;
}

let browser: ExtensionBrowser;

const cachedEntries = async () =>
  ((await storageGet(browser.worker))['feed:entries'] ?? []) as Entry[];

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://fly.io${path}`);
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeFeed(browser.context, { status: 200, body: fixtureFeedXml() });
});
afterAll(async () => {
  await browser?.close();
});

describe('the sidebar on a post from the feed', () => {
  it('shows the feed’s title, day and teaser with "no field notes yet", and marks it read', async () => {
    // Any blog page checks the feed when the cache has never been filled.
    const first = await open('/blog/litestream-vfs/');
    await expect
      .poll(async () => (await cachedEntries()).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await first.close();

    const post = FIXTURE_NEW_POSTS[0]!;
    const cached = (await cachedEntries()).find((e) => e.slug === post.slug);
    expect(cached, 'the fixture post is in the cache').toBeDefined();
    // The teaser is the lead cut to its first sentences, as the parser stored it.
    expect(cached!.teaser.length).toBeGreaterThan(0);
    expect(post.lead.startsWith(cached!.teaser.slice(0, 40))).toBe(true);

    const page = await open(`/blog/${post.slug}/`);
    const unknown = page.getByTestId('fn-unknown-post');
    expect(await unknown.textContent()).toContain('No field notes for this post yet');
    await page.getByTestId('fn-feed-teaser').waitFor();
    expect(await page.getByTestId('fn-feed-title').textContent()).toBe(post.title);
    expect(await page.getByTestId('fn-feed-date').textContent()).toBe(post.day);
    expect(await page.getByTestId('fn-feed-text').textContent()).toBe(cached!.teaser);
    // Text only: the teaser holds no element of its own.
    expect(await page.locator('[data-testid="fn-feed-text"] *').count()).toBe(0);
    expect(await page.getByTestId('fn-post').count()).toBe(0);

    const mark = page.getByTestId('fn-mark-read');
    expect(await mark.getAttribute('aria-pressed')).toBe('false');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    const stored = await storageGet(browser.worker);
    expect(stored[`read:${post.slug}`]).toMatchObject({ read: true, via: 'button' });
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('false');
    expect((await storageGet(browser.worker))[`read:${post.slug}`]).toMatchObject({ read: false });
    await page.close();
  });

  it('fills in the teaser live when the cache learns of the post while its page is open', async () => {
    const slug = 'fixture-arrives-later';
    const page = await open(`/blog/${slug}/`);
    expect(await page.getByTestId('fn-unknown-post').textContent()).toContain(
      'No field notes for this post yet',
    );
    expect(await page.getByTestId('fn-feed-teaser').count()).toBe(0);
    expect(await page.getByTestId('fn-mark-read').count()).toBe(0);

    const entry: Entry = {
      slug,
      title: 'Fixture: <b>Arrives</b> Later',
      date: '2026-04-01',
      teaser: 'Test data: <script>alert(1)</script> shown as text.',
    };
    await storageSet(browser.worker, {
      'feed:entries': [
        ...(await cachedEntries()),
        { ...entry, url: `https://fly.io/blog/${slug}/` },
      ],
    });
    await page.getByTestId('fn-feed-teaser').waitFor();
    expect(await page.getByTestId('fn-feed-title').textContent()).toBe(entry.title);
    expect(await page.getByTestId('fn-feed-text').textContent()).toBe(entry.teaser);
    expect(await page.locator('[data-testid="fn-feed-teaser"] :is(b, script)').count()).toBe(0);
    expect(await page.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('says only "no field notes yet" for a post the feed does not hold either', async () => {
    const page = await open('/blog/not-in-the-feed-either/');
    expect(await page.getByTestId('fn-unknown-post').textContent()).toContain(
      'No field notes for this post yet',
    );
    expect(await page.getByTestId('fn-feed-teaser').count()).toBe(0);
    expect(await page.getByTestId('fn-mark-read').count()).toBe(0);
    await page.close();
  });
});
