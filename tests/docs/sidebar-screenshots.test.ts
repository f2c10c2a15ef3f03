// The README's pictures of the sidebar beside a post, light and dark. Each shot first checks
// that it shows what the README says: the post's note, open and pinned beside the article.
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import notes from '../../data/notes/notes.json';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/chromium';

interface StorageApi {
  chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
}

const OUT = '.github/screenshots';
const SLUG = notes.path[1]!.slug;

let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('README screenshots', () => {
  for (const theme of ['light', 'dark'] as const)
    it(`sidebar-${theme}.png: the sidebar on a post, ${theme}`, async () => {
      browser = await launchWithExtension({
        colorScheme: theme,
        viewport: { width: 1280, height: 800 },
      });
      // A reader part-way along the path: the first step read.
      await browser.worker.evaluate(
        (slug) =>
          (globalThis as unknown as StorageApi).chrome.storage.local.set({
            [`read:${slug}`]: { read: true, at: Date.now(), via: 'button' },
          }),
        notes.path[0]!.slug,
      );
      const page = await browser.context.newPage();
      if (theme === 'dark')
        // The fixture page has no dark mode of its own; give it one so the picture is coherent.
        await page.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent =
              'html{background:#121218;color-scheme:dark} body{color:#e4e4ea} .site-header,.site-footer{background:#1e1e2a} a{color:#b9a8ff}';
            document.head.append(style);
          });
        });
      await page.goto(`https://fly.io/blog/${SLUG}/`);
      await page.getByTestId('fn-sidebar').waitFor();
      await expect
        .poll(() => page.locator('[data-testid="fn-path-step"][data-read="true"]').count())
        .toBe(1);
      expect(await page.getByTestId('fn-post').getAttribute('data-slug')).toBe(SLUG);
      expect(await page.getByTestId('fn-root').getAttribute('data-theme')).toBe(theme);
      expect(await page.getByTestId('fn-root').getAttribute('data-mode')).toBe('push');
      const [article, aside] = await Promise.all(
        ['article', 'fly-field-notes >> [data-testid="fn-sidebar"]'].map((s) =>
          page.locator(s).evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
        ),
      );
      expect(article!.right).toBeLessThanOrEqual(aside!.left);
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: `${OUT}/sidebar-${theme}.png` });
    });
});
