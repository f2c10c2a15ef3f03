// The address bar cannot be typed into from a test, so the test calls what the browser calls:
// it dispatches the omnibox events to the listeners the service worker registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

interface OmniboxEvent {
  hasListeners(): boolean;
  dispatch(...args: unknown[]): void;
}
interface ChromeOmnibox {
  omnibox: { onInputChanged: OmniboxEvent; onInputEntered: OmniboxEvent };
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('the fn omnibox keyword (Chromium)', () => {
  it('is declared in the manifest', async () => {
    const keyword = await browser.worker.evaluate(
      () =>
        (
          globalThis as unknown as {
            chrome: { runtime: { getManifest(): { omnibox?: { keyword: string } } } };
          }
        ).chrome.runtime.getManifest().omnibox?.keyword,
    );
    expect(keyword).toBe('fn');
  });

  it('suggests posts from the archive index for what is typed', async () => {
    const suggestions = await browser.worker.evaluate(async () => {
      const { omnibox } = (globalThis as unknown as { chrome: ChromeOmnibox }).chrome;
      if (!omnibox.onInputChanged.hasListeners()) return 'no listener';
      return new Promise<{ content: string; description: string }[]>((resolve) =>
        omnibox.onInputChanged.dispatch('sqllite', resolve),
      );
    });
    expect(Array.isArray(suggestions)).toBe(true);
    const list = suggestions as { content: string; description: string }[];
    expect(
      list
        .slice(0, 4)
        .map((s) => s.content)
        .sort(),
    ).toEqual([
      'https://fly.io/blog/litestream-revamped/',
      'https://fly.io/blog/litestream-v050-is-here/',
      'https://fly.io/blog/litestream-vfs/',
      'https://fly.io/blog/litestream-writable-vfs/',
    ]);
    expect(list[0]!.description).toContain('SQLite &amp; Litestream');
  });

  it('searches the whole archive: a post learned from the blog, said to have no field notes', async () => {
    const suggestions = await browser.worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: ChromeOmnibox & {
            storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
          };
        }
      ).chrome;
      await chrome.storage.local.set({
        'archive:post:zebra-migrations-of-2019': {
          title: 'Zebra Migrations of 2019',
          from: 'index',
          at: 1,
        },
      });
      return new Promise<{ content: string; description: string }[]>((resolve) =>
        chrome.omnibox.onInputChanged.dispatch('zebra', resolve),
      );
    });
    expect(suggestions[0]).toEqual({
      content: 'https://fly.io/blog/zebra-migrations-of-2019/',
      description: 'Zebra Migrations of 2019 — no field notes yet',
    });
  });

  it('opens the best match on Enter, in a new tab when asked', async () => {
    const opened = browser.context.waitForEvent('page');
    await browser.worker.evaluate(() => {
      const { omnibox } = (globalThis as unknown as { chrome: ChromeOmnibox }).chrome;
      omnibox.onInputEntered.dispatch('operationalising', 'newForegroundTab');
    });
    const page = await opened;
    await page.waitForURL('https://fly.io/blog/operationalizing-macaroons/');
    expect(page.url()).toBe('https://fly.io/blog/operationalizing-macaroons/');
    await page.close();
  });
});
