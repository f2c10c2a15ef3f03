// page-handle.test.ts in Firefox ESR (MV2 build): nothing the page receives holds the add-on's
// id or its moz-extension:// host, and events or messages named like WXT's content-script
// context's neither remove nor hide the sidebar or the card marks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import {
  dispatchLikeWxt,
  extensionOnPage,
  PAGE_CHANNELS,
  recordPageMessages,
  seenMessages,
} from './support/page-handle';

const POLL = { timeout: 20_000 };

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension();
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

describe('what a page can see of the extension (Firefox ESR)', () => {
  it('the built sidebar script and its loader neither post to the page nor dispatch events', () => {
    for (const file of ['content-scripts/content.js', 'loader.js'])
      expect(readFileSync(join(FIREFOX_EXTENSION_DIR, file), 'utf8')).not.toMatch(PAGE_CHANNELS);
  });

  it('a page listening to messages sees none from the extension, and cannot switch it off', async () => {
    const page = await firefox.newPage();
    await page.evaluateOnNewDocument(recordPageMessages);
    await page.goto('https://fly.io/blog/');
    await expect
      .poll(() => page.evaluate(extensionOnPage), POLL)
      .toMatchObject({
        sidebars: 1,
        sidebarShown: true,
        cardsShown: 10,
      });
    const seen = await page.evaluate(seenMessages);
    expect(seen.filter((m) => m.includes(firefox.addonId) || m.includes(firefox.uuid))).toEqual([]);
    expect(seen).toEqual([]);

    const sent = await page.evaluate(dispatchLikeWxt, [firefox.addonId, firefox.uuid]);
    expect(sent).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(extensionOnPage)).toEqual({
      sidebars: 1,
      sidebarShown: true,
      cards: 10,
      cardsShown: 10,
    });
    expect((await page.evaluate(seenMessages)).every((m) => m.includes('from-the-page'))).toBe(
      true,
    );
    await page.close();
  }, 90_000);
});
