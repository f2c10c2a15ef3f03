// The whole blog in Firefox ESR (MV2): an index page teaches the archive its cards and shows a
// mark on every card (the learn chunk, imported from the content script), an old post's page
// shows what the archive knows of it (fn-known-post) and marks it read, and its card then shows
// the mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  extensionStorage,
  launchFirefoxWithExtension,
  shadowFirst,
  waitForShadow,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { postPage } from '../fixtures/blog-pages';
import { indexShapePage, oldPosts } from '../fixtures/index-shapes';

const PAGE_17 = oldPosts(170).slice(160);
const POST = PAGE_17[2]!; // old-post-163
const CARD_HOST = 'fly-field-notes-card';

let firefox: FirefoxExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    route: (url) => {
      if (/^https:\/\/fly\.io\/blog\/page\/17\/$/.test(url))
        return {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: indexShapePage('div', PAGE_17, { page: 17 }),
        };
      const slug = /^https:\/\/fly\.io\/blog\/(old-post-\d+)\/$/.exec(url)?.[1];
      const post = PAGE_17.find((p) => p.slug === slug);
      if (!slug || !post) return undefined;
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: postPage(slug, { title: post.title, teaser: post.teaser }),
      };
    },
  });
  extensionPage = await firefox.openExtensionPage('options.html');
});
afterAll(async () => {
  await firefox?.close();
});

/** The card marks on the page: each one's label and read state. */
const cardMarks = (page: Page) =>
  page.evaluate(
    (host) =>
      Array.from(document.querySelectorAll(host)).flatMap((el) =>
        Array.from(el.shadowRoot?.querySelectorAll('[data-testid="fn-card-mark"]') ?? []).map(
          (mark) => ({
            label: mark.getAttribute('aria-label') ?? '',
            read: mark.getAttribute('data-read'),
          }),
        ),
      ),
    CARD_HOST,
  );

describe('the whole blog in Firefox', () => {
  it('learns an index page, knows an old post on its page, marks it read, and its card shows it', async () => {
    const index = await firefox.newPage();
    await index.goto('https://fly.io/blog/page/17/');
    await expect.poll(async () => (await cardMarks(index)).length, { timeout: 20_000 }).toBe(10);
    expect((await cardMarks(index)).map((m) => m.label)).toEqual(
      PAGE_17.map((p) => `${p.title}: mark as read`),
    );
    await expect
      .poll(async () => (await extensionStorage(extensionPage))[`archive:post:${POST.slug}`], {
        timeout: 20_000,
      })
      .toMatchObject({ title: POST.title, minutes: POST.minutes, from: 'index' });
    await index.close();

    const page = await firefox.newPage();
    await page.goto(`https://fly.io/blog/${POST.slug}/`);
    await waitForShadow(page, 'fn-known-post', 20_000);
    expect((await shadowFirst(page, 'fn-known-post')).attributes['data-slug']).toBe(POST.slug);
    expect((await shadowFirst(page, 'fn-feed-title')).text).toBe(POST.title);
    expect((await shadowFirst(page, 'fn-fly-minutes')).text).toContain(
      `${POST.minutes} min on fly.io`,
    );
    const button = await waitForShadow(page, 'fn-mark-read');
    await button.click();
    await expect
      .poll(async () => (await extensionStorage(extensionPage))[`read:${POST.slug}`])
      .toMatchObject({ read: true });
    await page.close();

    const again = await firefox.newPage();
    await again.goto('https://fly.io/blog/page/17/');
    await expect
      .poll(
        async () => (await cardMarks(again)).find((m) => m.label.startsWith(POST.title))?.read,
        { timeout: 20_000 },
      )
      .toBe('true');
    await again.close();
  }, 90_000);
});
