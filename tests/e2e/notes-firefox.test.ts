// The notes page in Firefox ESR (the MV2 build): it renders, draws the chart, marks a post, and
// its Markdown download holds every post. The full journey is in notes.test.ts (Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldNotes } from '../../data/notes/notes';
import {
  extensionStorage,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';

const notes = fieldNotes();

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
});

describe('the notes page in Firefox ESR', () => {
  it('renders every part and one bar per month adding up to all 30 posts', async () => {
    const page = await firefox.openExtensionPage('notes.html');
    await page.waitForSelector('[data-testid="fn-notes-header"]');
    const found = await page.evaluate(() =>
      [
        'fn-notes-header',
        'fn-verdict',
        'fn-start-here',
        'fn-sections',
        'fn-history',
        'fn-archive',
        'fn-export-notes-markdown',
        'fn-copy-path',
        'fn-export-notes-json',
      ].filter((id) => document.querySelector(`[data-testid="${id}"]`) !== null),
    );
    expect(found).toHaveLength(9);
    const bars = await page.$$eval('[data-testid="fn-history-bar"]', (els) =>
      els.map((e) => [e.getAttribute('data-month'), Number(e.getAttribute('data-count'))] as const),
    );
    expect(bars).toHaveLength(14);
    expect(bars.reduce((sum, [, count]) => sum + count, 0)).toBe(30);
    expect(await page.$$eval('[data-testid="fn-archive-post"]', (els) => els.length)).toBe(30);
    await page.close();
  });

  it('marks a post read from the page and offers the Markdown with it ticked', async () => {
    const page = await firefox.openExtensionPage('notes.html');
    await page.waitForSelector('[data-testid="fn-step-read"][data-slug="corrosion"]');
    await page.click('[data-testid="fn-step-read"][data-slug="corrosion"]');
    const deadline = Date.now() + 10_000;
    let stored: unknown;
    while (Date.now() < deadline) {
      stored = (await extensionStorage(page))['read:corrosion'];
      if (stored) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stored).toMatchObject({ read: true, via: 'notes' });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="fn-step"][data-slug="corrosion"]')
          ?.getAttribute('data-read') === 'true',
    );
    // Read the file the download link points at, as the browser would save it.
    const markdown = await page.evaluate(async () => {
      const link = document.querySelector('[data-testid="fn-export-notes-markdown"]');
      const href = link?.getAttribute('href');
      if (!href) throw new Error('no download link');
      return (await fetch(href)).text();
    });
    const slugs = new Set(
      [...markdown.matchAll(/\]\(https:\/\/fly\.io\/blog\/([a-z0-9-]+)\/\)/g)].map((m) => m[1]),
    );
    expect(slugs).toEqual(new Set(notes.posts.map((p) => p.slug)));
    expect(markdown).toContain('2. [x] [Corrosion](https://fly.io/blog/corrosion/)');
    await page.close();
  });
});
