import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const slugs = (popup: Page) =>
  popup
    .getByTestId('fn-result')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-slug')));

/** A fresh popup with no saved search or marks left by an earlier test. */
async function openPopup(): Promise<Page> {
  await browser.worker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { storage: Record<string, { clear(): Promise<void> }> } }
    ).chrome;
    await api.storage.session!.clear();
    await api.storage.local!.clear();
  });
  const popup = await browser.openExtensionPage('popup.html');
  await expect.poll(() => popup.getByTestId('fn-result').count()).toBeGreaterThan(0);
  return popup;
}

describe('archive search in the popup (Chromium)', () => {
  it('lists the Litestream posts first for "sqllite", with the typed box focused', async () => {
    const popup = await openPopup();
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('fn-search');
    await popup.keyboard.type('sqllite');
    await expect
      .poll(async () => (await slugs(popup)).slice(0, 4).sort())
      .toEqual([
        'litestream-revamped',
        'litestream-v050-is-here',
        'litestream-vfs',
        'litestream-writable-vfs',
      ]);
    expect(await popup.getByTestId('fn-result-count').textContent()).toBe('4 posts match');
    await popup.close();
  });

  it('finds "Operationalizing Macaroons" for "operationalising"', async () => {
    const popup = await openPopup();
    await popup.getByTestId('fn-search').fill('operationalising');
    const first = popup.getByTestId('fn-result').first();
    await expect.poll(() => first.getAttribute('data-slug')).toBe('operationalizing-macaroons');
    expect(await first.locator('mark').first().textContent()).toBe('Operationalizing');
    await popup.close();
  });

  it('narrows the list with the section and unread-only filters', async () => {
    const popup = await openPopup();
    await popup.getByTestId('fn-search').fill('agent');
    await expect.poll(async () => (await slugs(popup)).length).toBeGreaterThan(4);
    const all = await slugs(popup);

    await popup.getByTestId('fn-filter-section').selectOption('AI Agents & MCP');
    await expect.poll(async () => (await slugs(popup)).length).toBeLessThan(all.length);
    const inSection = await slugs(popup);
    expect(inSection.length).toBeGreaterThan(1);

    const marked = inSection[0]!;
    await popup.locator(`[data-slug="${marked}"] [data-testid=fn-result-read]`).click();
    await expect
      .poll(() => popup.locator(`[data-slug="${marked}"]`).getAttribute('data-read'))
      .toBe('true');
    await popup.getByTestId('fn-filter-unread').check();
    await expect.poll(() => slugs(popup)).toEqual(inSection.slice(1));
    await popup.close();
  });

  it('opens the second result with ↓ ↓ Enter', async () => {
    const popup = await openPopup();
    await popup.getByTestId('fn-search').fill('litestream');
    await expect.poll(async () => (await slugs(popup)).length).toBe(4);
    const second = (await slugs(popup))[1]!;
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await popup.getByTestId('fn-search').getAttribute('aria-activedescendant')).toBe(
      `fn-option-${second}`,
    );
    const opened = browser.context.waitForEvent('page');
    // The popup closes itself once the post is open, which can end the key press early.
    await popup.keyboard.press('Enter').catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
    const post = await opened;
    await post.waitForURL(`https://fly.io/blog/${second}/`);
    expect(post.url()).toBe(`https://fly.io/blog/${second}/`);
    await post.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('shows a mark made elsewhere within a second', async () => {
    const popup = await openPopup();
    await popup.getByTestId('fn-search').fill('corrosion');
    const result = popup.locator('[data-testid=fn-result][data-slug=corrosion]');
    await expect.poll(() => result.getAttribute('data-read')).toBe('false');
    await browser.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).chrome;
      await api.storage.local.set({
        'read:corrosion': { read: true, at: Date.now(), via: 'button' },
      });
    });
    await expect.poll(() => result.getAttribute('data-read'), { timeout: 1000 }).toBe('true');
    await popup.close();
  });

  it('reopens with the last query and filters', async () => {
    const popup = await openPopup();
    await popup.getByTestId('fn-search').fill('litestream');
    await popup.getByTestId('fn-filter-short').check();
    await expect.poll(() => slugs(popup)).toEqual(['litestream-vfs', 'litestream-v050-is-here']);
    await popup.close();
    const again = await browser.openExtensionPage('popup.html');
    await expect.poll(() => again.getByTestId('fn-search').inputValue()).toBe('litestream');
    expect(await again.getByTestId('fn-filter-short').isChecked()).toBe(true);
    await expect.poll(() => slugs(again)).toEqual(['litestream-vfs', 'litestream-v050-is-here']);
    await again.close();
  });

  it('has no axe violations, empty and with results and no results', async () => {
    const popup = await openPopup();
    await popup.evaluate(axeSource);
    const violations = () =>
      popup.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => `${v.id} ×${v.nodes.length}`);
      });
    expect(await violations()).toEqual([]);
    await popup.getByTestId('fn-search').fill('macaroons');
    await popup.keyboard.press('ArrowDown');
    expect(await violations()).toEqual([]);
    await popup.getByTestId('fn-search').fill('qqqzzz');
    await expect.poll(() => popup.getByTestId('fn-no-results').count()).toBe(1);
    expect(await violations()).toEqual([]);
    await popup.close();
  });
});
