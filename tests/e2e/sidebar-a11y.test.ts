// Accessibility in real Chromium: axe-core scans the sidebar (inside its shadow root) on every
// page kind, open and collapsed, in the light and the dark theme, and finds nothing serious.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import notes from '../../data/notes/notes.json';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}
interface AxeResult {
  violations: AxeRule[];
  passes: AxeRule[];
}

async function scan(page: Page): Promise<AxeResult['violations']> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: object, o: object) => Promise<AxeResult> } }
    ).axe;
    // The sidebar, and on the index the card marks, each in its own shadow root.
    const include = [['fly-field-notes']];
    if (document.querySelector('fly-field-notes-card')) include.push(['fly-field-notes-card']);
    return axe.run({ include }, { resultTypes: ['violations'] });
  });
  // The scan really reached inside the shadow roots and checked colours there.
  expect(result.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(
    0,
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface StorageApi {
  chrome: { storage: { local: { set: (v: object) => Promise<void> } } };
}

for (const theme of ['light', 'dark'] as const)
  describe(`axe, ${theme} theme`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension({ colorScheme: theme });
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const url of [
      'https://fly.io/blog/corrosion/',
      'https://fly.io/blog/',
      'https://fly.io/blog/some-future-post/',
    ])
      it(`finds no serious or critical violation on ${url}`, async () => {
        const page = await browser.context.newPage();
        await page.goto(url);
        await page.getByTestId('fn-sidebar').waitFor();
        expect(await page.getByTestId('fn-root').getAttribute('data-theme')).toBe(theme);
        // Marks make both colour states appear: read and unread steps.
        await browser.worker.evaluate(
          (slug) =>
            (globalThis as unknown as StorageApi).chrome.storage.local.set({
              [`read:${slug}`]: { read: true, at: Date.now(), via: 'button' },
            }),
          notes.path[0]!.slug,
        );
        await expect
          .poll(() => page.locator('[data-testid="fn-path-step"][data-read="true"]').count())
          .toBeGreaterThan(0);
        expect(await scan(page)).toEqual([]);
        await page.close();
      });

    it('finds no serious or critical violation with the sidebar collapsed', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://fly.io/blog/corrosion/');
      await page.getByTestId('fn-toggle').click();
      expect(await page.getByTestId('fn-toggle').getAttribute('aria-expanded')).toBe('false');
      // Collapsed content is out of the accessibility tree as well as the tab order.
      const snapshot = await page.locator('fly-field-notes').ariaSnapshot();
      expect(snapshot).not.toContain('complementary');
      expect(snapshot).toContain('Show field notes');
      expect(await scan(page)).toEqual([]);
      await page.getByTestId('fn-toggle').click();
      await page.close();
    });

    it('names the landmark and ties the toggle to it', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://fly.io/blog/corrosion/');
      await page.getByTestId('fn-sidebar').waitFor();
      expect(await page.getByRole('complementary', { name: 'Field notes' }).count()).toBe(1);
      const toggle = page.getByRole('button', { name: 'Hide field notes' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.getAttribute('aria-controls')).toBe(
        await page.getByTestId('fn-sidebar').getAttribute('id'),
      );
      await page.close();
    });
  });

describe('the page’s own dark mode', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ colorScheme: 'light' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turns the sidebar dark on a dark page under a light OS, and back when the page switches', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent =
          'html.dark { background: #111118; color-scheme: dark } html.dark body { color: #eee }';
        document.head.append(style);
        document.documentElement.classList.add('dark');
      });
    });
    await page.goto('https://fly.io/blog/corrosion/');
    await page.getByTestId('fn-sidebar').waitFor();
    const root = page.getByTestId('fn-root');
    expect(await root.getAttribute('data-theme')).toBe('dark');
    expect(await scan(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(() => root.getAttribute('data-theme')).toBe('light');
    await page.close();
  });
});
