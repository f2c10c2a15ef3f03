// The content features follow in-page navigation (history.pushState) as the blog's own pages
// would if they swapped their content in place: the features of the page navigated to start
// there, whatever page the content script first loaded on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { indexPage, postPage } from '../fixtures/blog-pages';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';

/** Browsers need longer than expect.poll's 1 s default on a busy 2-core machine. */
const POLL = { timeout: 15_000 };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Do what a single-page site does: put the next page's <body> in place, then pushState. */
async function navigateInPlace(page: Page, path: string, html: string): Promise<void> {
  await page.evaluate(
    ([nextPath, nextHtml]) => {
      const next = new DOMParser().parseFromString(nextHtml!, 'text/html');
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      history.pushState({}, '', nextPath);
    },
    [path, html],
  );
}

const cardMarks = (page: Page) => page.locator('fly-field-notes-card').count();

describe('in-page navigation', () => {
  it('pushState from the index to a post starts auto-mark there, and it marks the post', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('fn-setting-autoMark').check();
    await options.close();

    const page = await browser.context.newPage();
    await page.goto('https://fly.io/blog/');
    await page.getByTestId('fn-sidebar').waitFor();
    await expect.poll(() => cardMarks(page), POLL).toBeGreaterThan(0);

    await navigateInPlace(page, '/blog/corrosion/', postPage('corrosion'));
    await expect
      .poll(() => page.getByTestId('fn-post').getAttribute('data-slug'), POLL)
      .toBe('corrosion');
    expect(await page.locator('fly-field-notes').count()).toBe(1);
    await page.locator('p.last-updated').scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await storageGet(browser.worker))['read:corrosion'], POLL)
      .toMatchObject({ read: true, via: 'auto' });
    await expect
      .poll(() => page.getByTestId('fn-mark-read').getAttribute('aria-pressed'), POLL)
      .toBe('true');
    await page.close();
  }, 60_000);

  it('pushState from a post to the index draws the card marks', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://fly.io/blog/kurt-got-got/');
    await page.getByTestId('fn-sidebar').waitFor();
    expect(await cardMarks(page)).toBe(0);

    await navigateInPlace(page, '/blog/', indexPage(1));
    await expect.poll(() => cardMarks(page), POLL).toBe(10);
    await expect.poll(() => page.getByTestId('fn-post').count(), POLL).toBe(0);
    expect(await page.locator('fly-field-notes').count()).toBe(1);
    // corrosion was marked by the test above: its card says so.
    await expect
      .poll(
        () =>
          page
            .locator('article', { has: page.locator('a[href="/blog/corrosion/"]') })
            .locator('fly-field-notes-card [aria-pressed="true"]')
            .count(),
        POLL,
      )
      .toBe(1);

    // And back to a post: the marks go with the index.
    await navigateInPlace(page, '/blog/corrosion/', postPage('corrosion'));
    await expect.poll(() => cardMarks(page), POLL).toBe(0);
    await page.close();
  }, 60_000);
});
