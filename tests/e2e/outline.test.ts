// "In this post", reading progress and resume in real Chromium: the outline of a long post with
// a sticky header, the heading being read, jumps clear of the header with the sidebar pinned,
// the reader's place across a closed tab and a narrower window, the popup's "Continue reading",
// reading to the end (and auto-mark), odd pages that must never break, and axe in both themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  articleLessPage,
  longPostHeading,
  longPostPage,
  LONG_POST_LEVELS,
  type LongPostOptions,
} from '../fixtures/blog-pages';
import { axeScan } from './support/axe';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';

const SLUG = 'games-as-model-eval';
const URL_OF = (slug: string) => `https://fly.io/blog/${slug}/`;
const HEADER_HEIGHT = 64;
/** A smooth scroll on a busy shared machine can take a while. */
const SCROLLED = { timeout: 5000 };

async function serve(context: BrowserContext, slug: string, body: string): Promise<void> {
  await context.route(URL_OF(slug), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

async function clearStorage(browser: ExtensionBrowser, prefs?: object): Promise<void> {
  await browser.worker.evaluate(async (p) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { clear(): Promise<void>; set(v: object): Promise<void> } } };
      }
    ).chrome;
    await api.storage.local.clear();
    if (p) await api.storage.local.set({ prefs: p });
  }, prefs);
}

/** Page errors and console errors of a page, to show none happened. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // The routed feed answers 404 on purpose (support/chromium.ts): not an error of ours.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.text().includes('Fly Field Notes')) errors.push(m.text());
  });
  return errors;
}

async function openPost(context: BrowserContext, slug = SLUG): Promise<Page> {
  const page = await context.newPage();
  await page.goto(URL_OF(slug));
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

/** Scroll so that the article's progress is `percent` (its top at the top, bottom at the bottom). */
function scrollToPercent(page: Page, percent: number): Promise<void> {
  return page.evaluate((p) => {
    const rect = document.querySelector('article')!.getBoundingClientRect();
    const top = rect.top + window.scrollY;
    window.scrollTo({ top: top + (p / 100) * (rect.height - innerHeight), behavior: 'instant' });
  }, percent);
}

/** The paragraph at the top of the reading area, below the sticky header. */
function paragraphAtTop(page: Page): Promise<string | null> {
  return page.evaluate((header) => {
    const paras = [...document.querySelectorAll('[data-para]')];
    const at = paras.find((p) => p.getBoundingClientRect().bottom > header + 12);
    return at?.getAttribute('data-para') ?? null;
  }, HEADER_HEIGHT);
}

const headingRect = (page: Page, index: number) =>
  page.evaluate((i) => {
    const h = document.querySelectorAll('article h2, article h3')[i]!;
    const r = h.getBoundingClientRect();
    return {
      top: r.top,
      left: r.left,
      right: r.right,
      focused: document.activeElement === h,
      innerHeight,
      innerWidth,
    };
  }, index);

describe('the outline of a long post', () => {
  for (const width of [1280, 1920])
    describe(`at ${width} px`, () => {
      let browser: ExtensionBrowser;
      beforeAll(async () => {
        browser = await launchWithExtension({ viewport: { width, height: 900 } });
        await serve(browser.context, SLUG, longPostPage(SLUG));
      });
      afterAll(async () => {
        await browser?.close();
      });

      it('lists the 12 headings nested, marks the one being read and jumps clear of the header', async () => {
        const page = await openPost(browser.context);
        const errors = errorsOf(page);
        const items = page.getByTestId('fn-outline-item');
        await expect.poll(() => items.count()).toBe(12);
        expect(await items.allTextContents()).toEqual(
          LONG_POST_LEVELS.map((_, i) => longPostHeading(i)),
        );
        // h3s sit in a list inside their h2's entry.
        const nested = await page
          .locator('#fn-outline-list > li > ol [data-testid="fn-outline-item"]')
          .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-index'))));
        expect(nested).toEqual(LONG_POST_LEVELS.flatMap((l, i) => (l === 3 ? [i] : [])));
        expect(await page.getByRole('navigation', { name: 'In this post' }).count()).toBe(1);

        // Scrolling to the 5th heading marks it current.
        await page.evaluate(() => {
          const h = document.querySelectorAll('article h2, article h3')[4]!;
          window.scrollTo({
            top: h.getBoundingClientRect().top + scrollY - 100,
            behavior: 'instant',
          });
        });
        await expect
          .poll(() => page.locator('[aria-current="location"]').getAttribute('data-index'))
          .toBe('4');

        // The sidebar is pinned and pushes the page aside at this width.
        expect(await page.getByTestId('fn-root').getAttribute('data-mode')).toBe('push');
        const sidebarLeft = await page
          .getByTestId('fn-sidebar')
          .evaluate((el) => el.getBoundingClientRect().left);

        // Enter on the 9th brings its heading into view below the sticky header, focused.
        await items.nth(8).focus();
        await page.keyboard.press('Enter');
        await expect
          .poll(async () => {
            const r = await headingRect(page, 8);
            return r.top >= HEADER_HEIGHT && r.top < HEADER_HEIGHT + 60 && r.focused;
          }, SCROLLED)
          .toBe(true);
        const r = await headingRect(page, 8);
        expect(r.right).toBeLessThanOrEqual(sidebarLeft);
        expect(r.left).toBeGreaterThanOrEqual(0);
        await expect
          .poll(() => page.locator('[aria-current="location"]').getAttribute('data-index'))
          .toBe('8');

        // A click does the same for another heading.
        await items.nth(2).click();
        await expect
          .poll(async () => {
            const h = await headingRect(page, 2);
            return {
              below: h.top >= HEADER_HEIGHT && h.top < HEADER_HEIGHT + 60,
              focused: h.focused,
            };
          }, SCROLLED)
          .toEqual({ below: true, focused: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    });
});

describe('reading progress and resume', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
    await serve(browser.context, SLUG, longPostPage(SLUG));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('remembers the place at 60 %, offers it in a narrower window and in the popup, and forgets it at the end', async () => {
    await clearStorage(browser, {
      sidebarOpenByDefault: true,
      sidebarPinnedByDefault: true,
      sidebarSide: 'right',
      autoMark: true,
      badge: true,
      indexCardMarks: true,
    });
    const first = await openPost(browser.context);
    await first.getByTestId('fn-outline').waitFor();
    await scrollToPercent(first, 60);
    const progress = first.getByTestId('fn-read-progress');
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')))
      .toBeGreaterThanOrEqual(58);
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(62);
    const para = await paragraphAtTop(first);
    expect(para).toMatch(/^s\d+-p\d+$/);
    const section = Number(/^s(\d+)/.exec(para!)![1]);
    await expect
      .poll(async () => (await storageGet(browser.worker))[`place:${SLUG}`])
      .toBeDefined();
    await first.close();

    // Back in a window 300 px narrower: offered, never scrolled to by itself.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 980, height: 900 });
    await page.goto(URL_OF(SLUG));
    const resume = page.getByTestId('fn-resume');
    await resume.waitFor();
    const percent = Number(await resume.getAttribute('data-percent'));
    expect(percent).toBeGreaterThanOrEqual(55);
    expect(percent).toBeLessThanOrEqual(65);
    const text = await resume.textContent();
    expect(text).toContain(`Continue where you stopped · ${percent} %`);
    expect(text).toContain(longPostHeading(section));
    expect(await page.evaluate(() => scrollY)).toBe(0);

    // The popup's empty view lists it.
    const popup = await browser.openExtensionPage('popup.html');
    const listed = popup.getByTestId('fn-continue');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.getAttribute('data-slug')).toBe(SLUG);
    expect(Number(await listed.getAttribute('data-percent'))).toBe(percent);
    await popup.close();

    // Activating it brings the same paragraph into view.
    await resume.click();
    await expect
      .poll(
        () =>
          page.evaluate((p) => {
            const r = document.querySelector(`[data-para="${p}"]`)!.getBoundingClientRect();
            return r.top < innerHeight && r.bottom > 64;
          }, para),
        SCROLLED,
      )
      .toBe(true);
    await expect.poll(() => resume.count()).toBe(0);

    // Reading to the end forgets the place and (auto-mark on) marks the post read.
    await page.evaluate(() =>
      window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }),
    );
    await expect
      .poll(() => page.getByTestId('fn-read-progress').getAttribute('aria-valuenow'))
      .toBe('100');
    await expect
      .poll(() => page.locator('[aria-current="location"]').getAttribute('data-index'))
      .toBe('11');
    await expect
      .poll(async () => (await storageGet(browser.worker))[`place:${SLUG}`], { timeout: 5000 })
      .toBeUndefined();
    await expect
      .poll(async () => (await storageGet(browser.worker))[`read:${SLUG}`], { timeout: 15_000 })
      .toMatchObject({ read: true, via: 'auto' });
    const after = await browser.openExtensionPage('popup.html');
    await after.getByTestId('fn-result').first().waitFor();
    expect(await after.getByTestId('fn-continue').count()).toBe(0);
    await after.close();
    await page.close();
  }, 60_000);
});

describe('pages that must never break it', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases: { name: string; slug: string; body: string; items: number; first?: string }[] = [
    {
      name: 'no headings',
      slug: 'wrong-about-gpu',
      body: longPostPage('wrong-about-gpu', { levels: [] as (2 | 3)[], perSection: 0 }),
      items: 0,
    },
    {
      name: '200 headings',
      slug: 'kamal-in-production',
      body: longPostPage('kamal-in-production', {
        levels: Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 2 : 3)),
        perSection: 1,
      }),
      items: 200,
    },
    {
      name: 'headings holding markup and code',
      slug: 'taming-rust-proxy',
      body: longPostPage('taming-rust-proxy', {
        headingHtml: (i) =>
          `Using <code>fly deploy --ha=${i}</code> with <em>care</em> &amp; <b>&lt;tags&gt;</b>`,
      } satisfies LongPostOptions),
      items: 12,
      first: 'Using fly deploy --ha=0 with care & <tags>',
    },
    { name: 'no article to be found', slug: 'fuckin-robots', body: articleLessPage(), items: 0 },
  ];
  for (const c of cases)
    it(`shows no outline or a correct one, and no error: ${c.name}`, async () => {
      await serve(browser.context, c.slug, c.body);
      const page = await browser.context.newPage();
      const errors = errorsOf(page);
      await page.goto(URL_OF(c.slug));
      await page.getByTestId('fn-sidebar').waitFor();
      // The chunk has run once the reading slot holds its panel (or stayed empty by design).
      await expect
        .poll(() => page.getByTestId('fn-reading').evaluate((el) => el.childElementCount))
        .toBe(1);
      const items = page.getByTestId('fn-outline-item');
      expect(await items.count()).toBe(c.items);
      if (c.items === 0) expect(await page.getByTestId('fn-outline').count()).toBe(0);
      if (c.first) expect(await items.first().textContent()).toBe(c.first);
      expect(errors).toEqual([]);
      await page.close();
    });

  it('starts folded away when the page shows its own table of contents', async () => {
    await serve(
      browser.context,
      'vscode-ssh-wtf',
      longPostPage('vscode-ssh-wtf', { ownToc: true }),
    );
    const page = await openPost(browser.context, 'vscode-ssh-wtf');
    const toggle = page.getByTestId('fn-outline-toggle');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('fn-outline-item').first().isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('fn-outline-item').first().isVisible()).toBe(true);
    await page.close();
  });
});

for (const theme of ['light', 'dark'] as const)
  describe(`axe on the outline, ${theme} theme`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension({ colorScheme: theme });
      await serve(browser.context, SLUG, longPostPage(SLUG));
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('finds nothing serious with the outline, progress and resume shown', async () => {
      await clearStorage(browser);
      const first = await openPost(browser.context);
      await first.getByTestId('fn-outline').waitFor();
      await scrollToPercent(first, 40);
      await expect
        .poll(async () => (await storageGet(browser.worker))[`place:${SLUG}`])
        .toBeDefined();
      await first.close();
      const page = await openPost(browser.context);
      await page.getByTestId('fn-resume').waitFor();
      await page.getByTestId('fn-read-progress').waitFor();
      const { serious, passes } = await axeScan(browser.context, page);
      expect(passes).toBeGreaterThan(0);
      expect(serious).toEqual([]);
      await page.close();
    });
  });
