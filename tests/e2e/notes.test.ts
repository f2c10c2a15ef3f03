// The notes page (notes.html) in real Chromium: every part, the chart, live progress, the
// exports, the clipboard, print styles, no network, and axe in light and dark themes.
import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entriesFromPosts, monthsBetween, postingHistory } from '../../data/notes/history';
import { fieldNotes } from '../../data/notes/notes';
import { pathMarkdown } from '../../data/notes/exports';
import { seriousAxeViolations } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const notes = fieldNotes();
interface ChromeStorageLocal {
  chrome: {
    storage: { local: { clear: () => Promise<void>; set: (items: object) => Promise<void> } };
  };
}

/** Start from a reader who has read exactly `slugs` (marks written as progress.ts writes them). */
async function resetMarks(worker: Worker, slugs: string[] = []): Promise<void> {
  await worker.evaluate(async (list) => {
    const { storage } = (globalThis as unknown as ChromeStorageLocal).chrome;
    await storage.local.clear();
    const at = Date.now();
    await storage.local.set(
      Object.fromEntries(list.map((slug) => [`read:${slug}`, { read: true, at, via: 'popup' }])),
    );
  }, slugs);
}

async function openNotes(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openExtensionPage('notes.html');
  await page.getByTestId('fn-notes-header').waitFor();
  return page;
}

describe('the notes page in Chromium (light)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await resetMarks(browser.worker);
  });

  it('renders every part, loading nothing from the network', async () => {
    const requests: string[] = [];
    const record = (r: { url: () => string }) => requests.push(r.url());
    browser.context.on('request', record);
    const page = await openNotes(browser);
    for (const id of [
      'fn-notes-header',
      'fn-verdict',
      'fn-start-here',
      'fn-sections',
      'fn-history',
      'fn-archive',
      'fn-export-notes-markdown',
      'fn-copy-path',
      'fn-export-notes-json',
    ])
      expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    expect(await page.getByTestId('fn-section').count()).toBe(8);
    expect(await page.getByTestId('fn-step').count()).toBe(7);
    expect(await page.getByTestId('fn-archive-post').count()).toBe(30);
    expect(await page.getByTestId('fn-notes-header').textContent()).toContain('30');
    await page.waitForLoadState('networkidle');
    browser.context.off('request', record);
    expect(requests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
    await page.close();
  });

  it('draws one bar per month from the first post to the last, adding up to every dated post', async () => {
    const page = await openNotes(browser);
    const bars = page.getByTestId('fn-history-bar');
    const months = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-month')));
    const counts = await bars.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-count'))),
    );
    const days = notes.posts.map((p) => p.date ?? p.dateRange!.from).sort();
    expect(months).toEqual(monthsBetween(days[0]!.slice(0, 7), days[days.length - 1]!.slice(0, 7)));
    // Every post is dated: 25 to the day, 5 by a range. Ranges inside one month count there;
    // the 2 ranges that cross months count in their first month and are marked approximate.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(counts).toEqual(
      postingHistory(entriesFromPosts(notes.posts, () => false)).map((b) => b.count),
    );
    expect(
      await page
        .locator('[data-testid=fn-history-bar][data-month="2025-09"]')
        .getAttribute('data-count'),
    ).toBe('0');
    expect(await page.locator('[data-testid="fn-history-bar"][data-approximate="1"]').count()).toBe(
      2,
    );
    await page.close();
  });

  it('shows a month and its posts when a bar is hovered or reached with the keyboard', async () => {
    const page = await openNotes(browser);
    const detail = page.getByTestId('fn-history-detail');
    await page.locator('[data-testid=fn-history-bar][data-month="2025-10"]').hover();
    await expect.poll(() => detail.textContent()).toContain('October 2025: 3 posts');
    expect(await detail.textContent()).toContain('Kurt Got Got');
    // Keyboard: focus the first bar and Tab to the next one.
    await page.locator('[data-testid=fn-history-bar][data-month="2025-02"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-month'))).toBe(
      '2025-03',
    );
    await expect.poll(() => detail.textContent()).toContain('March 2025: 1 post');
    expect(await page.getByRole('img', { name: /^March 2025: 1 post, 0 read/ }).count()).toBe(1);
    await page.close();
  });

  it('updates without a reload when a post is marked read in the sidebar of another tab', async () => {
    const page = await openNotes(browser);
    const step = page.locator('[data-testid=fn-step][data-slug="corrosion"]');
    expect(await step.getAttribute('data-read')).toBe('false');
    const blog = await browser.context.newPage();
    await blog.goto('https://fly.io/blog/corrosion/');
    await blog.getByTestId('fn-mark-read').click();
    await expect.poll(() => step.getAttribute('data-read')).toBe('true');
    expect(await page.getByTestId('fn-notes-progress').textContent()).toContain(
      '1 of 30 posts read',
    );
    const bar = page.locator('[data-testid=fn-history-bar][data-month="2025-10"]');
    expect(await bar.getAttribute('data-read')).toBe('1');
    expect(
      await page
        .locator('[data-testid=fn-section][data-section="Networking & Infrastructure"]')
        .textContent(),
    ).toContain('1 of 2 read');
    // Corrosion is step 2; step 1 is still unread, so it stays the one to read next.
    expect(
      await page.locator('[data-testid=fn-step][data-next="true"]').getAttribute('data-slug'),
    ).toBe('litestream-revamped');
    await blog.close();
    await page.close();
  });

  it('draws the posts of the cached feed apart, live', async () => {
    const page = await openNotes(browser);
    await browser.worker.evaluate(async () => {
      const { storage } = (globalThis as unknown as ChromeStorageLocal).chrome;
      await storage.local.set({
        'feed:entries': [
          {
            slug: 'a-newer-post',
            title: 'A Newer Post',
            url: 'https://fly.io/blog/a-newer-post/',
            date: '2026-05-04',
            teaser: 'Something new.',
          },
        ],
      });
    });
    const may = page.locator('[data-testid=fn-history-bar][data-month="2026-05"]');
    await expect.poll(() => may.getAttribute('data-count')).toBe('1');
    expect(await may.locator('.fn-bar-feed').count()).toBe(1);
    expect(await page.getByTestId('fn-history-bar').count()).toBe(16);
    expect(await page.getByTestId('fn-archive-post').count()).toBe(30);
    await page.close();
  });

  it('searches and filters the archive', async () => {
    const page = await openNotes(browser);
    await page.getByTestId('fn-archive-search').fill('macaroons');
    const posts = page.getByTestId('fn-archive-post');
    await expect
      .poll(() => posts.first().getAttribute('data-slug'))
      .toBe('operationalizing-macaroons');
    await page.getByTestId('fn-archive-search').fill('');
    await page.getByTestId('fn-archive-section').selectOption('SQLite & Litestream');
    await expect.poll(() => posts.count()).toBe(4);
    await page.getByTestId('fn-archive-unread').check();
    await expect.poll(() => posts.count()).toBe(4);
    // Marked read on the page, the post leaves the unread-only list (click, not check(): the
    // box is gone before check() could confirm its state).
    await posts.first().getByRole('checkbox').click();
    await expect.poll(() => posts.count()).toBe(3);
    await page.close();
  });

  it('downloads the field notes as Markdown with all 30 posts linked and the 7 steps in order', async () => {
    await resetMarks(browser.worker, ['corrosion', 'litestream-vfs']);
    const page = await openNotes(browser);
    await expect
      .poll(() => page.getByTestId('fn-notes-progress').textContent())
      .toContain('2 of 30');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fn-export-notes-markdown').click(),
    ]);
    expect(download.suggestedFilename()).toBe('fly-field-notes.md');
    const md = readFileSync(await download.path(), 'utf8');
    const links = [...md.matchAll(/\]\((https:\/\/fly\.io\/blog\/([a-z0-9-]+)\/)\)/g)];
    expect(new Set(links.map((m) => m[2]))).toEqual(new Set(notes.posts.map((p) => p.slug)));
    for (const [, url, slug] of links)
      expect(url).toBe(notes.posts.find((p) => p.slug === slug)!.url);
    const start = md.slice(md.indexOf('## Start Here'), md.indexOf("## What's inside"));
    const steps = start.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(steps.map((l) => /\(https:\/\/fly\.io\/blog\/([a-z0-9-]+)\/\)/.exec(l)?.[1])).toEqual(
      notes.path.map((s) => s.slug),
    );
    expect(steps.map((l) => l.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(steps[1]).toMatch(/^2\. \[x\] \[Corrosion\]/);
    // A link from the file opens the post, with its field notes beside it.
    const post = await browser.context.newPage();
    await post.goto(links[0]![1]!);
    await expect
      .poll(() => post.getByTestId('fn-post-title').textContent())
      .toBe(notes.posts.find((p) => p.slug === links[0]![2])!.title);
    await post.close();
    await page.close();
  });

  it('downloads the data as JSON', async () => {
    await resetMarks(browser.worker, ['corrosion', 'litestream-writable-vfs']);
    const page = await openNotes(browser);
    await expect
      .poll(() => page.getByTestId('fn-notes-progress').textContent())
      .toContain('2 of 30');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fn-export-notes-json').click(),
    ]);
    expect(download.suggestedFilename()).toBe('fly-field-notes.json');
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      fieldNotes: { posts: unknown[] };
      read: string[];
    };
    expect(data.fieldNotes.posts).toHaveLength(30);
    expect(data.read.sort()).toEqual(['corrosion', 'litestream-writable-vfs']);
    await page.close();
  });

  it('copies Start Here to the clipboard as a Markdown list', async () => {
    // Chromium refuses to grant to an extension origin by name ("opaque origin"); granting
    // without an origin covers every page of the context.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openNotes(browser);
    await page.getByTestId('fn-copy-path').click();
    await expect.poll(() => page.getByTestId('fn-export-status').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pathMarkdown(notes));
    await page.close();
  });

  it('prints as a handout: no controls, every post, the links written out', async () => {
    const page = await openNotes(browser);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('fn-copy-path').isVisible()).toBe(false);
    expect(await page.getByTestId('fn-archive-search').isVisible()).toBe(false);
    expect(await page.getByTestId('fn-history').isVisible()).toBe(true);
    expect(await page.getByTestId('fn-archive-post').filter({ visible: true }).count()).toBe(30);
    const after = await page
      .locator('.fn-archive-title a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://fly.io/blog/');
    await page.close();
  });

  it('has no serious or critical axe violation in the light theme', async () => {
    const page = await openNotes(browser);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      false,
    );
    await page.locator('[data-testid=fn-history-bar][data-month="2025-10"]').hover();
    expect(await seriousAxeViolations(browser.context, page)).toEqual([]);
    await page.close();
  });
});

describe('the notes page in Chromium (dark)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uses the dark theme and has no serious or critical axe violation', async () => {
    const page = await openNotes(browser);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(19, 19, 26)');
    await page.locator('[data-testid=fn-step-read][data-slug="corrosion"]').check();
    await expect
      .poll(() => page.getByTestId('fn-notes-progress').textContent())
      .toContain('1 of 30');
    expect(await seriousAxeViolations(browser.context, page)).toEqual([]);
    await page.close();
  });
});
