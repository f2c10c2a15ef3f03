// Every kind of blog page, in real Chromium: a post of the notes (reached by any spelling of its
// URL), the index with its card marks, a post the notes do not know, and pages that are not the blog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import notes from '../../data/notes/notes.json';
import { indexPage } from '../fixtures/blog-pages';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

const pathSlugs = notes.path.map((s) => s.slug);
const offPath = notes.posts.find((p) => !pathSlugs.includes(p.slug))!;

describe('a post of the notes', () => {
  it('shows the blog notes, this post, the path with its position, and the read button', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    const post = notes.posts.find((p) => p.slug === 'corrosion')!;
    expect(await page.getByTestId('fn-post').getAttribute('data-slug')).toBe('corrosion');
    expect(await page.getByTestId('fn-post-title').textContent()).toBe(post.title);
    expect(await page.getByTestId('fn-post-minutes').textContent()).toBe(`${post.minutes} min`);
    expect(await page.getByTestId('fn-post-section').textContent()).toBe(post.section);
    expect(await page.getByTestId('fn-post-summary').textContent()).toBe(post.summary);
    expect(await page.getByTestId('fn-tagline').textContent()).toBe(notes.blog.tagline);
    expect(await page.getByTestId('fn-compared-to').textContent()).toContain(
      'AWS Architecture Blog',
    );
    expect(await page.getByTestId('fn-read-this').textContent()).toContain(notes.blog.readThisWhen);
    expect(await page.getByTestId('fn-skip-it').textContent()).toContain(notes.blog.skipItIf);
    expect(await page.getByTestId('fn-path-position').textContent()).toBe('Step 2 of 7');
    const steps = page.getByTestId('fn-path-step');
    expect(await steps.count()).toBe(7);
    expect(await steps.nth(1).getAttribute('aria-current')).toBe('step');
    expect(await page.locator('[data-testid="fn-path-step"][aria-current="step"]').count()).toBe(1);
    expect(await page.getByTestId('fn-path-previous').getAttribute('href')).toBe(
      `https://fly.io/blog/${pathSlugs[0]}/`,
    );
    expect(await page.getByTestId('fn-path-next').getAttribute('href')).toBe(
      `https://fly.io/blog/${pathSlugs[2]}/`,
    );

    const mark = page.getByTestId('fn-mark-read');
    expect(await mark.getAttribute('aria-pressed')).toBe('false');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => steps.nth(1).getAttribute('data-read')).toBe('true');
    expect(await page.getByTestId('fn-path-progress').textContent()).toBe('1 of 7 read');
    const stored = await storageGet(browser.worker);
    expect(stored['read:corrosion']).toMatchObject({ read: true, via: 'button' });
    await mark.click();
    await expect.poll(() => steps.nth(1).getAttribute('data-read')).toBe('false');
    await page.close();
  });

  it('opens all the field notes from the sidebar, and leaves marks for the benchmark', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    const opened = browser.context.waitForEvent('page');
    await page.getByTestId('fn-all-notes').click();
    const notesPage = await opened;
    expect(notesPage.url()).toBe(`chrome-extension://${browser.extensionId}/notes.html`);
    expect(page.url()).toBe('https://fly.io/blog/corrosion/');
    await notesPage.close();
    const marks = await page.evaluate(() =>
      ['fn-content-start', 'fn-sidebar-painted'].map(
        (name) => performance.getEntriesByName(name, 'mark').length,
      ),
    );
    expect(marks).toEqual([1, 1]);
    await page.close();
  });

  it('says "not on the path" and offers the next unread step on a post off the path', async () => {
    const page = await open(`https://fly.io/blog/${offPath.slug}/`);
    expect(await page.getByTestId('fn-path-position').textContent()).toBe(
      'Not on the reading path',
    );
    expect(await page.locator('[aria-current="step"]').count()).toBe(0);
    expect(await page.getByTestId('fn-path-continue').textContent()).toContain('Step 1');
    await page.close();
  });

  for (const url of [
    'https://www.fly.io/blog/litestream-vfs/',
    'https://fly.io/blog/litestream-vfs',
    'https://fly.io/blog/litestream-vfs/?utm_source=feed',
    'https://fly.io/blog/litestream-vfs/#part-3',
  ])
    it(`recognises the post at ${url}`, async () => {
      const page = await open(url);
      expect(await page.getByTestId('fn-post').getAttribute('data-slug')).toBe('litestream-vfs');
      expect(await page.locator('fly-field-notes').count()).toBe(1);
      await page.close();
    });
});

describe('the index', () => {
  for (const url of ['https://fly.io/blog/', 'https://fly.io/blog/page/2/'])
    it(`shows blog notes, path progress and a continue link at ${url}`, async () => {
      await browser.worker.evaluate(
        (slug) =>
          (
            globalThis as unknown as {
              chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
            }
          ).chrome.storage.local.set({
            [`read:${slug}`]: { read: true, at: Date.now(), via: 'button' },
          }),
        pathSlugs[0]!,
      );
      const page = await open(url);
      expect(await page.getByTestId('fn-post').count()).toBe(0);
      expect(await page.getByTestId('fn-blog-summary').textContent()).toBe(notes.blog.summary);
      expect(await page.getByTestId('fn-tagline').textContent()).toBe(notes.blog.tagline);
      expect(await page.getByTestId('fn-path-progress').textContent()).toBe('1 of 7 read');
      const next = notes.posts.find((p) => p.slug === pathSlugs[1])!;
      expect(await page.getByTestId('fn-path-continue').textContent()).toContain(next.title);
      await page.close();
    });

  it('marks each card of a post in the notes, live, and toggles read from the card', async () => {
    const page = await open('https://fly.io/blog/');
    const marks = page.getByTestId('fn-card-mark');
    await expect.poll(() => marks.count()).toBe(10);
    // A card of a post on the path: its mark, its step badge, and the sidebar's step agree.
    const cardIndex = notes.posts.slice(0, 10).findIndex((p) => pathSlugs.includes(p.slug));
    expect(cardIndex).toBeGreaterThanOrEqual(0);
    const post = notes.posts[cardIndex]!;
    const card = page.locator('article').nth(cardIndex);
    const mark = card.getByTestId('fn-card-mark');
    expect(await card.getByTestId('fn-card-step').textContent()).toBe(
      `Step ${pathSlugs.indexOf(post.slug) + 1} of 7`,
    );
    const step = page.locator(`[data-testid="fn-path-step"][data-slug="${post.slug}"]`);
    const before = await mark.getAttribute('data-read');
    await mark.click();
    const after = before === 'true' ? 'false' : 'true';
    await expect.poll(() => mark.getAttribute('data-read')).toBe(after);
    expect((await storageGet(browser.worker))[`read:${post.slug}`]).toMatchObject({
      read: after === 'true',
      via: 'card',
    });
    // The sidebar follows the card, live; and the card follows the sidebar.
    await expect.poll(() => step.getAttribute('data-read')).toBe(after);
    await browser.worker.evaluate(
      (slug) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
          }
        ).chrome.storage.local.set({
          [`read:${slug}`]: { read: false, at: Date.now(), via: 'popup' },
        }),
      post.slug,
    );
    await expect.poll(() => mark.getAttribute('data-read')).toBe('false');
    await page.close();
  });

  it('adds the card marks without moving the page layout', async () => {
    const rects = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('article, article h2, article p, .pagination')].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
        }),
      );
    // The same markup at a URL the content script does not match, as the untouched reference.
    const reference = await browser.context.newPage();
    await reference.route('https://fly.io/docs/index-copy/', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: indexPage(1) }),
    );
    await reference.goto('https://fly.io/docs/index-copy/');
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Collapsed, so only the card marks touch the page.
    await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
        }
      ).chrome.storage.local.set({
        sidebarLayout: { open: false, pinned: true, width: 340, side: 'right' },
      }),
    );
    await page.goto('https://fly.io/blog/');
    await expect.poll(() => page.getByTestId('fn-card-mark').count()).toBe(10);
    expect(await rects(page)).toEqual(await rects(reference));
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { remove: (k: string) => Promise<void> } } };
        }
      ).chrome.storage.local.remove('sidebarLayout'),
    );
    await page.close();
    await reference.close();
  });

  it('removes the card marks when the reader turns them off', async () => {
    const page = await open('https://fly.io/blog/');
    await expect.poll(() => page.getByTestId('fn-card-mark').count()).toBe(10);
    await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
        }
      ).chrome.storage.local.set({ prefs: { indexCardMarks: false } }),
    );
    await expect.poll(() => page.getByTestId('fn-card-mark').count()).toBe(0);
    await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { remove: (k: string) => Promise<void> } } };
        }
      ).chrome.storage.local.remove('prefs'),
    );
    await expect.poll(() => page.getByTestId('fn-card-mark').count()).toBe(10);
    await page.close();
  });
});

describe('a post the notes do not know', () => {
  it('shows the blog notes and says there are no field notes yet', async () => {
    const page = await open('https://fly.io/blog/some-future-post/');
    expect(await page.getByTestId('fn-unknown-post').textContent()).toContain(
      'No field notes for this post yet',
    );
    expect(await page.getByTestId('fn-blog-summary').textContent()).toBe(notes.blog.summary);
    expect(await page.getByTestId('fn-post').count()).toBe(0);
    await page.close();
  });
});

describe('pages that are not the blog', () => {
  for (const url of [
    'https://fly.io/docs/',
    'https://fly.io/phoenix-files/some-post/',
    'https://fly.io/blog/feed.xml',
  ])
    it(`adds nothing to ${url}`, async () => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForLoadState('load');
      // Give a content script that wrongly ran every chance to mount.
      await page.waitForTimeout(500);
      expect(await page.locator('fly-field-notes').count()).toBe(0);
      await page.close();
    });
});
