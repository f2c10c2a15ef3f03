// No page-visible handle on the extension (Chromium): a page script that listens to every
// `message` on its window learns nothing of the extension, and events or messages named like
// WXT's content-script context's neither remove nor hide the sidebar or the card marks.
// Firefox ESR: page-handle-firefox.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import {
  dispatchLikeWxt,
  extensionOnPage,
  PAGE_CHANNELS,
  recordPageMessages,
  seenMessages,
} from './support/page-handle';

const POLL = { timeout: 15_000 };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('what a page can see of the extension (Chromium)', () => {
  it('the built sidebar script and its loader neither post to the page nor dispatch events', () => {
    for (const file of ['content-scripts/content.js', 'loader.js'])
      expect(readFileSync(join(EXTENSION_DIR, file), 'utf8')).not.toMatch(PAGE_CHANNELS);
  });

  it('a page listening to messages sees none from the extension, and cannot switch it off', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(recordPageMessages);
    await page.goto('https://fly.io/blog/');
    await page.getByTestId('fn-sidebar').waitFor();
    await expect
      .poll(() => page.evaluate(extensionOnPage), POLL)
      .toMatchObject({
        sidebars: 1,
        sidebarShown: true,
        cardsShown: 10,
      });
    const seen = await page.evaluate(seenMessages);
    expect(seen.filter((m) => m.includes(browser.extensionId))).toEqual([]);
    expect(seen).toEqual([]);

    const sent = await page.evaluate(dispatchLikeWxt, [browser.extensionId]);
    expect(sent).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(extensionOnPage)).toEqual({
      sidebars: 1,
      sidebarShown: true,
      cards: 10,
      cardsShown: 10,
    });
    expect(await page.getByTestId('fn-path-progress').isVisible()).toBe(true);
    // Only the page's own posts reached its listener.
    expect((await page.evaluate(seenMessages)).every((m) => m.includes('from-the-page'))).toBe(
      true,
    );
    await page.close();
  }, 60_000);
});
