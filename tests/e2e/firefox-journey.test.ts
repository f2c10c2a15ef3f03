// The core journey on the Firefox build (.output/firefox-mv2) in Firefox ESR, over WebDriver
// BiDi: the sidebar on a post, mark it read, the popup finds a post, the popup shows the mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  extensionStorage,
  launchFirefoxWithExtension,
  shadowFirst,
  sidebarHostCount,
  waitForShadow,
  type FirefoxExtensionBrowser,
} from './support/firefox';

const SLUG = 'litestream-vfs';
const TITLE = 'Litestream VFS';
/** Browsers need longer than expect.poll's 1 s default on a busy 2-core machine. */
const POLL = { timeout: 10_000 };

let firefox: FirefoxExtensionBrowser;
let post: Page;

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension();
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

/** Open the sidebar if it starts collapsed to its edge tab. */
async function openSidebar(page: Page): Promise<void> {
  await waitForShadow(page, 'fn-sidebar');
  const toggle = await shadowFirst(page, 'fn-toggle');
  if (toggle.found && toggle.attributes['aria-expanded'] === 'false')
    await (await waitForShadow(page, 'fn-toggle')).click();
  await expect
    .poll(async () => (await shadowFirst(page, 'fn-sidebar')).attributes.hidden, POLL)
    .toBeUndefined();
}

async function searchPopup(query: string): Promise<Page> {
  const popup = await firefox.openExtensionPage('popup.html');
  const input = await popup.waitForSelector('[data-testid="fn-search"]', { timeout: 10_000 });
  // The popup may restore the last query: select it so that typing replaces it.
  await input!.evaluate((el) => (el as HTMLInputElement).select());
  await input!.type(query);
  await expect
    .poll(() => input!.evaluate((el) => (el as HTMLInputElement).value), POLL)
    .toBe(query);
  return popup;
}

function results(popup: Page) {
  return popup.$$eval('[data-testid="fn-result"]', (items) =>
    items.map((item) => ({
      slug: item.getAttribute('data-slug'),
      read: item.getAttribute('data-read'),
      text: item.textContent ?? '',
    })),
  );
}

describe('the core journey in Firefox ESR', () => {
  it('installs the extension under the moz-extension UUID the test chose', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    expect(await popup.evaluate(() => location.host)).toBe(firefox.uuid);
    await popup.close();
  });

  it(`shows the post's note in the sidebar on https://fly.io/blog/${SLUG}/`, async () => {
    post = await firefox.newPage();
    await post.goto(`https://fly.io/blog/${SLUG}/`);
    await openSidebar(post);
    expect((await shadowFirst(post, 'fn-post-title')).text).toBe(TITLE);
    expect((await shadowFirst(post, 'fn-post-summary')).text).toContain('sandwich ratings');
    expect(await sidebarHostCount(post)).toBe(1);
  });

  it('marks the post read from the sidebar', async () => {
    const button = await waitForShadow(post, 'fn-mark-read');
    expect((await shadowFirst(post, 'fn-mark-read')).attributes['aria-pressed']).toBe('false');
    await button.click();
    await expect
      .poll(async () => (await shadowFirst(post, 'fn-mark-read')).attributes['aria-pressed'], POLL)
      .toBe('true');
    // The mark is in the extension's storage, where every other surface reads it.
    const popup = await firefox.openExtensionPage('popup.html');
    await expect
      .poll(async () => (await extensionStorage(popup))[`read:${SLUG}`], POLL)
      .toMatchObject({ read: true });
    await popup.close();
  });

  it('finds "Operationalizing Macaroons" in the popup for "macaroons"', async () => {
    const popup = await searchPopup('macaroons');
    await expect
      .poll(async () => (await results(popup))[0]?.slug, POLL)
      .toBe('operationalizing-macaroons');
    expect((await results(popup))[0]?.text).toContain('Operationalizing Macaroons');
    await popup.close();
  });

  it('shows the read mark in the popup', async () => {
    const popup = await searchPopup('litestream');
    await expect
      .poll(async () => (await results(popup)).find((r) => r.slug === SLUG)?.read, POLL)
      .toBe('true');
    // …and only on the post that was marked.
    const others = (await results(popup)).filter((r) => r.slug !== SLUG);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.read === 'false')).toBe(true);
    await popup.close();
  });
});
