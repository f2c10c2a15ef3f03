// Exactly one sidebar, showing the right post, whatever the page's history does: pushState and
// popstate, the back/forward cache, a leftover UI in the page, and a reload of the extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postPage } from '../fixtures/blog-pages';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './support/chromium';

interface ChromeApi {
  chrome: {
    storage: { local: { set: (v: object) => Promise<void> } };
    runtime: { reload: () => void };
  };
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ backForwardCache: true });
});
afterAll(async () => {
  await browser?.close();
});

const hosts = (page: Page) => page.locator('fly-field-notes').count();
const shownSlug = (page: Page) => page.getByTestId('fn-post').getAttribute('data-slug');

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

describe('history navigation', () => {
  it('follows pushState and popstate in place, and leaves and comes back with the blog', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    await page.evaluate(() => history.pushState({}, '', '/blog/litestream-vfs/'));
    await expect.poll(() => shownSlug(page)).toBe('litestream-vfs');
    expect(await hosts(page)).toBe(1);
    expect(await page.getByTestId('fn-post-title').textContent()).toBe('Litestream VFS');

    await page.evaluate(() => history.back());
    await expect.poll(() => shownSlug(page)).toBe('corrosion');
    expect(await hosts(page)).toBe(1);

    await page.evaluate(() => history.pushState({}, '', '/blog/page/2/'));
    await expect.poll(() => page.getByTestId('fn-post').count()).toBe(0);
    expect(await page.getByTestId('fn-path-progress').textContent()).toMatch(/of 7 read$/);

    await page.evaluate(() => history.pushState({}, '', '/docs/'));
    await expect.poll(() => hosts(page)).toBe(0);
    await page.evaluate(() => history.pushState({}, '', '/blog/some-future-post/'));
    await expect.poll(() => page.getByTestId('fn-unknown-post').count()).toBe(1);
    expect(await hosts(page)).toBe(1);
    await page.close();
  });

  it('keeps the sidebar when a link starts a navigation that never leaves the page', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    // 204 No Content: the browser starts navigating, then stays on the page.
    await page.route('https://fly.io/docs/no-content/', (route) => route.fulfill({ status: 204 }));
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/docs/no-content/';
      a.id = 'nowhere';
      a.textContent = 'nowhere';
      document.querySelector('article')!.append(a);
    });
    await page.locator('#nowhere').click();
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('https://fly.io/blog/corrosion/');
    expect(await hosts(page)).toBe(1);
    expect(await shownSlug(page)).toBe('corrosion');
    await page.close();
  });
});

describe('back/forward cache', () => {
  it('shows the right post, with current marks, when a page comes back', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      addEventListener('pageshow', (e) => {
        if (e.persisted) (window as unknown as { __restored: boolean }).__restored = true;
      });
    });
    await page.goto('https://fly.io/blog/corrosion/');
    await page.getByTestId('fn-sidebar').waitFor();
    expect(await page.getByTestId('fn-mark-read').getAttribute('aria-pressed')).toBe('false');
    await page.goto('https://fly.io/blog/litestream-vfs/');
    await expect.poll(() => shownSlug(page)).toBe('litestream-vfs');
    // While corrosion's page sits in the cache, it is marked read elsewhere.
    await browser.worker.evaluate(() =>
      (globalThis as unknown as ChromeApi).chrome.storage.local.set({
        'read:corrosion': { read: true, at: Date.now(), via: 'popup' },
      }),
    );
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => shownSlug(page)).toBe('corrosion');
    expect(await hosts(page)).toBe(1);
    await expect
      .poll(() => page.getByTestId('fn-mark-read').getAttribute('aria-pressed'))
      .toBe('true');
    const restored = await page.evaluate(
      () => (window as unknown as { __restored?: boolean }).__restored === true,
    );
    // Really from the cache: the content script did not run again, it updated in place.
    expect(restored).toBe(true);
    await page.goForward({ waitUntil: 'commit' });
    await expect.poll(() => shownSlug(page)).toBe('litestream-vfs');
    expect(await hosts(page)).toBe(1);
    await page.close();
  });
});

describe('one sidebar per page', () => {
  it('replaces a sidebar left behind in the page by an older version', async () => {
    const page = await browser.context.newPage();
    await page.route('https://fly.io/blog/kurt-got-got/', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: postPage('kurt-got-got').replace(
          '</body>',
          '<fly-field-notes><template shadowrootmode="open"><div class="fn-root">stale sidebar</div></template></fly-field-notes></body>',
        ),
      }),
    );
    await page.goto('https://fly.io/blog/kurt-got-got/');
    await page.getByTestId('fn-sidebar').waitFor();
    expect(await hosts(page)).toBe(1);
    expect(
      await page.locator('fly-field-notes').evaluate((e) => e.shadowRoot?.textContent ?? ''),
    ).not.toContain('stale sidebar');
    await page.close();
  });

  it('a second run of the content script (as an update injects it) replaces the first in place', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    const first = await page.locator('fly-field-notes').elementHandle();
    // Run the manifest's content script (the loader, which imports the sidebar's script) again
    // in the extension's own isolated world of this page.
    const cdp = await browser.context.newCDPSession(page);
    const worlds: { id: number; name: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      worlds.push({ id: context.id, name: context.name, type: context.auxData?.type }),
    );
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.some((w) => w.name === 'Fly Field Notes')).toBe(true);
    const world = worlds.find((w) => w.name === 'Fly Field Notes')!;
    const source = readFileSync(join(EXTENSION_DIR, 'loader.js'), 'utf8');
    const run = await cdp.send('Runtime.evaluate', { expression: source, contextId: world.id });
    expect(run.exceptionDetails).toBeUndefined();
    await expect.poll(() => first!.evaluate((e) => e.isConnected)).toBe(false);
    await page.getByTestId('fn-sidebar').waitFor();
    expect(await hosts(page)).toBe(1);
    expect(await shownSlug(page)).toBe('corrosion');
    // The new one is alive: it still answers clicks and storage.
    const mark = page.getByTestId('fn-mark-read');
    const before = await mark.getAttribute('aria-pressed');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).not.toBe(before);
    await page.close();
  });

  it('an orphaned sidebar takes itself and its margin away when the extension is reloaded', async () => {
    const page = await open('https://fly.io/blog/corrosion/');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.style.marginRight))
      .toBe('340px');
    // Headless Chromium does not bring an unpacked extension back after runtime.reload(), so
    // this is the last test of the file: it checks the old UI goes, not that a new one comes.
    await browser.worker.evaluate(() =>
      (globalThis as unknown as ChromeApi).chrome.runtime.reload(),
    );
    await expect.poll(() => hosts(page), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await page.close();
  });
});
