// Keyboard in real Chromium: the browser command toggles the sidebar, opening by keyboard moves
// focus in, Escape closes and gives focus back, and everything is reachable by Tab with a ring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { WIDTH_STEP } from '../../data/settings/layout';

interface ChromeApi {
  chrome: {
    commands: { onCommand: { dispatch: (command: string) => void } };
    runtime: { getManifest: () => { commands?: Record<string, unknown> } };
    storage: { local: { set: (v: object) => Promise<void> } };
  };
}

/** What the browser does when the reader presses the shortcut: fire the command's event. */
const pressCommand = (worker: Worker) =>
  worker.evaluate(() =>
    (globalThis as unknown as ChromeApi).chrome.commands.onCommand.dispatch('toggle-sidebar'),
  );

/** Where focus is, seen through the sidebar's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName.toLowerCase() === 'fly-field-notes') {
      const inner = active.shadowRoot?.activeElement;
      return `sidebar:${inner?.getAttribute('data-testid') ?? inner?.tagName.toLowerCase() ?? ''}`;
    }
    return `page:${active?.id || active?.tagName.toLowerCase() || ''}`;
  });

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function collapsedPost(): Promise<Page> {
  await browser.worker.evaluate(() =>
    (globalThis as unknown as ChromeApi).chrome.storage.local.set({
      sidebarLayout: { open: false, pinned: true, width: 340, side: 'right' },
    }),
  );
  const page = await browser.context.newPage();
  await page.goto('https://fly.io/blog/corrosion/');
  await page.getByTestId('fn-toggle').waitFor();
  return page;
}

describe('keyboard', () => {
  it('declares a rebindable toggle command with a suggested key', async () => {
    const commands = await browser.worker.evaluate(
      () => (globalThis as unknown as ChromeApi).chrome.runtime.getManifest().commands,
    );
    expect(commands).toMatchObject({
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: expect.stringContaining('field-notes sidebar'),
      },
    });
  });

  it('opens on the command with focus inside, and Escape closes it and returns focus', async () => {
    const page = await collapsedPost();
    await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('article h2 a')!;
      link.id = 'start-link';
      link.focus();
    });
    expect(await focused(page)).toBe('page:start-link');

    await pressCommand(browser.worker);
    const toggle = page.getByTestId('fn-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused(page)).toBe('sidebar:fn-sidebar');
    expect(await page.getByTestId('fn-sidebar').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('page:start-link');
    expect(await page.getByTestId('fn-sidebar').isVisible()).toBe(false);

    // The command closes an open sidebar too.
    await pressCommand(browser.worker);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await pressCommand(browser.worker);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('reaches every control by Tab, each with a visible focus ring, and none while collapsed', async () => {
    const page = await collapsedPost();
    // Collapsed: Tab from the last link of the page reaches the toggle and nothing inside.
    await page.locator('footer').evaluate((f) => {
      const a = document.createElement('a');
      a.href = '#end';
      a.id = 'last-link';
      a.textContent = 'end';
      f.append(a);
      a.focus();
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('sidebar:fn-toggle');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^sidebar:/);

    await page.getByTestId('fn-toggle').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('fn-toggle').getAttribute('aria-expanded'))
      .toBe('true');
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const where = await focused(page);
      if (!where.startsWith('sidebar:')) break;
      seen.push(where);
      const ring = await page.evaluate(() => {
        const el = document.querySelector('fly-field-notes')!.shadowRoot!.activeElement!;
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: s.outlineWidth };
      });
      expect(ring, where).toEqual({ style: 'solid', width: '2px' });
    }
    for (const hook of ['fn-pin', 'fn-side', 'fn-resize', 'fn-mark-read', 'fn-all-notes'])
      expect(seen).toContain(`sidebar:${hook}`);
    expect(seen.filter((s) => s === 'sidebar:a').length).toBeGreaterThanOrEqual(7);
    await page.close();
  });

  it('resizes from the keyboard with the arrow keys on the grip', async () => {
    const page = await collapsedPost();
    await page.getByTestId('fn-toggle').click();
    const grip = page.getByTestId('fn-resize');
    const before = Number(await grip.getAttribute('aria-valuenow'));
    await grip.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => Number(await grip.getAttribute('aria-valuenow')))
      .toBe(before + 2 * WIDTH_STEP);
    await page.close();
  });
});
