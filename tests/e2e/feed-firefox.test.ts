// The live archive in Firefox ESR (MV2): the content script's same-origin fetch of the feed
// (content.fetch, see entrypoints/content/feed-refresh.ts) works without any host permission, and the background fills the cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './support/firefox';
import { FIXTURE_NEW_POSTS, FIXTURE_RANGE_DAYS, fixtureFeedXml } from '../fixtures/feed/atom';

let firefox: FirefoxExtensionBrowser;
let extensionPage: Page;
const feedRequests: string[] = [];

interface Entry {
  slug: string;
  date: string;
}
interface StorageArea {
  storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } };
}

const stored = async (key: string): Promise<unknown> =>
  extensionPage.evaluate(async (k) => {
    const api = (globalThis as unknown as { browser: StorageArea }).browser;
    return (await api.storage.local.get(k))[k];
  }, key);

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    route: (url) => {
      if (!/^https:\/\/(www\.)?fly\.io\/blog\/feed\.xml$/.test(url)) return undefined;
      feedRequests.push(url);
      return { status: 200, contentType: 'application/atom+xml', body: fixtureFeedXml() };
    },
  });
  extensionPage = await firefox.openExtensionPage('options.html');
});
afterAll(async () => {
  await firefox?.close();
});

describe('the live archive in Firefox', () => {
  it('fills the cache from a blog page, with exact days for the range posts', async () => {
    const page = await firefox.newPage();
    await page.goto('https://fly.io/blog/litestream-vfs/');
    await expect
      .poll(async () => ((await stored('feed:entries')) as Entry[] | undefined)?.length, {
        timeout: 20_000,
      })
      .toBe(40);
    const entries = (await stored('feed:entries')) as Entry[];
    const bySlug = new Map(entries.map((e) => [e.slug, e]));
    for (const post of FIXTURE_NEW_POSTS) expect(bySlug.get(post.slug)?.date).toBe(post.day);
    for (const [slug, day] of Object.entries(FIXTURE_RANGE_DAYS))
      expect(bySlug.get(slug)?.date).toBe(day);
    expect(feedRequests).toEqual(['https://fly.io/blog/feed.xml']);
    await page.close();
  });
});
