// Reading progress in real Chromium: marks made anywhere show everywhere without reload, and
// marks made at the same moment from three tabs and the popup all survive.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectPollOptions } from 'vitest';
import notes from '../../data/notes/notes.json';
import { atomEntry, atomFeed, BUNDLED_ENTRIES, type EntryInput } from '../fixtures/feed/atom';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';
import { routeFeed } from './support/feed-route';

// These wait for state to arrive (storage events, page loads) and time nothing; the default
// one-second poll is too tight when the 2-core machine is busy.
const poll = <T>(read: () => T, options: ExpectPollOptions = {}) =>
  expect.poll(read, { timeout: 5000, ...options });

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  // The blog's feed knows 20 posts the notes do not: with them the popup can toggle posts of
  // its own, so that the concurrency test toggles 50 different posts.
  await routeFeed(browser.context, {
    status: 200,
    body: atomFeed([...FEED_ONLY, ...BUNDLED_ENTRIES].map(atomEntry)),
  });
});
afterAll(async () => {
  await browser?.close();
});

interface StoredMark {
  read: boolean;
  at: number;
  via: string;
}

const marks = async (): Promise<Record<string, StoredMark>> => {
  const items = await storageGet(browser.worker);
  return Object.fromEntries(
    Object.entries(items)
      .filter(([key]) => key.startsWith('read:'))
      .map(([key, value]) => [key.slice('read:'.length), value as StoredMark]),
  );
};

const clearStorage = () =>
  browser.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { clear: () => Promise<void> } } } }
    ).chrome.storage.local.clear(),
  );

const postUrl = (slug: string) => `https://fly.io/blog/${slug}/`;
const NATO =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango'.split(
    ' ',
  );
/** TEST DATA: 20 invented posts that only the (routed) feed knows, each with a unique word. */
const FEED_ONLY: EntryInput[] = NATO.map((word, i) => ({
  slug: `fixture-concurrency-${word}`,
  title: `Fixture: Concurrency ${word[0]!.toUpperCase()}${word.slice(1)}`,
  day: `2025-11-${String(i + 1).padStart(2, '0')}`,
  lead: `Test data: an invented post for the concurrency test. Its word is ${word}.`,
}));
const titleOf = (slug: string) =>
  notes.posts.find((p) => p.slug === slug)?.title ?? FEED_ONLY.find((e) => e.slug === slug)!.title;

/** Toggle a post in a tab's sidebar with its real button, and wait for the sidebar to agree. */
async function toggleInSidebar(page: Page, slug: string, read: boolean): Promise<void> {
  if (page.url() !== postUrl(slug)) await page.goto(postUrl(slug));
  const button = page.getByTestId('fn-mark-read');
  await poll(() => button.getAttribute('aria-pressed')).toBe(String(!read));
  await button.click();
  await poll(() => button.getAttribute('aria-pressed')).toBe(String(read));
}

/** Toggle a post with the popup's per-result button, found by searching its title. */
async function toggleInPopup(popup: Page, slug: string, read: boolean): Promise<void> {
  await popup.getByTestId('fn-search').fill(titleOf(slug));
  const result = popup.locator(`[data-testid="fn-result"][data-slug="${slug}"]`);
  await poll(() => result.getAttribute('data-read')).toBe(String(!read));
  await result.getByTestId('fn-result-read').click();
  await poll(() => result.getAttribute('data-read')).toBe(String(read));
  // The popup shows its toggle at once; storage is the proof the write landed.
  await poll(async () => (await marks())[slug]?.read).toBe(read);
}

describe('progress is live everywhere', () => {
  it('a mark in one tab shows in a second tab and in an open popup without reload', async () => {
    await clearStorage();
    const first = await browser.context.newPage();
    const second = await browser.context.newPage();
    await first.goto(postUrl('corrosion'));
    await second.goto(postUrl('litestream-revamped'));
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByTestId('fn-search').fill('corrosion');
    const popupResult = popup.locator('[data-testid="fn-result"][data-slug="corrosion"]');
    const secondStep = second.locator('[data-testid="fn-path-step"][data-slug="corrosion"]');
    await poll(() => popupResult.getAttribute('data-read')).toBe('false');
    await poll(() => secondStep.getAttribute('data-read')).toBe('false');

    await first.getByTestId('fn-mark-read').click();

    await poll(() => secondStep.getAttribute('data-read')).toBe('true');
    await poll(() => popupResult.getAttribute('data-read')).toBe('true');
    expect((await marks()).corrosion).toMatchObject({ read: true, via: 'button' });

    // And back: unmark from the popup, the sidebars follow.
    await popupResult.getByTestId('fn-result-read').click();
    await poll(() => secondStep.getAttribute('data-read')).toBe('false');
    await poll(() => first.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('false');
    expect((await marks()).corrosion).toMatchObject({ read: false, via: 'popup' });
    await Promise.all([first.close(), second.close(), popup.close()]);
  });
});

describe('no lost updates', () => {
  it('keeps every toggle of 50 different posts made concurrently from three tabs and the popup', async () => {
    await clearStorage();
    // 50 posts: the 30 of the notes, toggled in the tabs' sidebars, and the 20 invented feed
    // posts, toggled in the popup (feed posts have no sidebar button).
    const page = await browser.context.newPage();
    await page.goto(postUrl('litestream-vfs'));
    const cachedFeed = async () => (await storageGet(browser.worker))['feed:entries'];
    await poll(async () => ((await cachedFeed()) as unknown[] | undefined)?.length, {
      timeout: 15_000,
    }).toBe(BUNDLED_ENTRIES.length + FEED_ONLY.length);
    await page.close();

    const known = notes.posts.map((p) => p.slug);
    const fromFeed = FEED_ONLY.map((e) => e.slug);
    const shares = [known.slice(0, 10), known.slice(10, 20), known.slice(20, 30), fromFeed];
    // Then each writer unmarks a few of its posts again, all at once too.
    const unmark = [
      known.slice(0, 3),
      known.slice(10, 13),
      known.slice(20, 23),
      fromFeed.slice(0, 5),
    ];
    expect(new Set(shares.flat()).size).toBe(50);

    const tabs = await Promise.all([0, 1, 2].map(() => browser.context.newPage()));
    const popup = await browser.openExtensionPage('popup.html');
    const writers = [
      ...tabs.map((tab) => (slug: string, read: boolean) => toggleInSidebar(tab, slug, read)),
      (slug: string, read: boolean) => toggleInPopup(popup, slug, read),
    ];
    const round = (plan: string[][], read: boolean) =>
      Promise.all(
        writers.map(async (toggle, w) => {
          for (const slug of plan[w]!) await toggle(slug, read);
        }),
      );
    await round(shares, true);
    await round(unmark, false);

    const unmarked = new Set(unmark.flat());
    const stored = await marks();
    expect(Object.keys(stored).sort()).toEqual(shares.flat().sort());
    for (const [w, share] of shares.entries())
      for (const slug of share) {
        expect(stored[slug], slug).toMatchObject({
          read: !unmarked.has(slug),
          via: w === 3 ? 'popup' : 'button',
        });
      }

    // The UI agrees: a fresh sidebar's path, the popup's results and the options page.
    const check = await browser.context.newPage();
    await check.goto(postUrl('corrosion'));
    for (const { slug } of notes.path) {
      const step = check.locator(`[data-testid="fn-path-step"][data-slug="${slug}"]`);
      await poll(() => step.getAttribute('data-read'), { message: slug }).toBe(
        String(!unmarked.has(slug)),
      );
    }
    for (const slug of shares.flat()) {
      await popup.getByTestId('fn-search').fill(titleOf(slug));
      const result = popup.locator(`[data-testid="fn-result"][data-slug="${slug}"]`);
      await poll(() => result.getAttribute('data-read'), { message: slug }).toBe(
        String(!unmarked.has(slug)),
      );
    }
    const options = await browser.openExtensionPage('options.html');
    const knownRead = known.filter((slug) => !unmarked.has(slug)).length;
    await poll(() => options.getByTestId('fn-progress-summary').textContent()).toContain(
      `read ${knownRead} of ${known.length} posts`,
    );
    await Promise.all([...tabs, popup, check, options].map((p) => p.close()));
  }, 240_000);
});

describe('the toolbar badge', () => {
  const badgeText = () =>
    browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { action: { getBadgeText: (d: object) => Promise<string> } };
        }
      ).chrome.action.getBadgeText({}),
    );

  it('shows Start Here progress, and nothing when the path is done or the setting is off', async () => {
    await clearStorage();
    const tab = await browser.context.newPage();
    await poll(badgeText).toBe('0/7');
    const path = notes.path.map((s) => s.slug);
    for (const slug of path.slice(0, 3)) await toggleInSidebar(tab, slug, true);
    await poll(badgeText).toBe('3/7');

    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('fn-setting-badge').uncheck();
    await poll(badgeText).toBe('');
    await options.getByTestId('fn-setting-badge').check();
    await poll(badgeText).toBe('3/7');

    for (const slug of path.slice(3)) await toggleInSidebar(tab, slug, true);
    await poll(badgeText).toBe('');
    await Promise.all([tab.close(), options.close()]);
  });
});

describe('auto-mark at the end of the post', () => {
  it('marks a post read (via auto) when its end is reached after a short stay, only when on', async () => {
    await clearStorage();
    const tab = await browser.context.newPage();
    // Off by default: reaching the end marks nothing.
    await tab.goto(postUrl('kurt-got-got'));
    await tab.locator('p.last-updated').scrollIntoViewIfNeeded();
    await tab.waitForTimeout(7000);
    expect((await marks())['kurt-got-got']).toBeUndefined();

    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('fn-setting-autoMark').check();
    await tab.goto(postUrl('corrosion'));
    await tab.locator('p.last-updated').scrollIntoViewIfNeeded();
    await poll(async () => (await marks()).corrosion, { timeout: 15_000 }).toMatchObject({
      read: true,
      via: 'auto',
    });
    await poll(() => tab.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('true');

    // A post the reader unmarked stays unmarked.
    await tab.goto(postUrl('kurt-got-got'));
    await toggleInSidebar(tab, 'kurt-got-got', true);
    await toggleInSidebar(tab, 'kurt-got-got', false);
    await tab.reload();
    await tab.locator('p.last-updated').scrollIntoViewIfNeeded();
    await tab.waitForTimeout(7000);
    expect((await marks())['kurt-got-got']).toMatchObject({ read: false, via: 'button' });
    await Promise.all([tab.close(), options.close()]);
  }, 120_000);
});
