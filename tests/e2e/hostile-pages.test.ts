// Hostile host pages: each ends with a working sidebar or a clean absence: nothing thrown or
// logged as an error by the content script, and never more than one `fly-field-notes` element.
// (Hostile CSS and a strict CSP are in sidebar-hostile.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  freezePage,
  hugePage,
  ownElementPage,
  removeOncePage,
  removerPage,
} from '../fixtures/hostile/q-pages';
import { postPage } from '../fixtures/blog-pages';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';

const SLUG = 'litestream-vfs';
const URL_ = `https://fly.io/blog/${SLUG}/`;
const TITLE = 'Litestream VFS';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

interface Visit {
  page: Page;
  cdp: CDPSession;
  /** Uncaught exceptions and console errors from every JavaScript world of the page. */
  errors: string[];
}

/**
 * Serve `html` at the post's URL and open it, listening through CDP to every world of the page
 * (Playwright's pageerror sees only the page's own world, not the content script's).
 */
async function visit(html: string): Promise<Visit> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) =>
    errors.push(
      `exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`,
    ),
  );
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'assert')
      errors.push(
        `console.${e.type}: ${e.args.map((a) => a.description ?? String(a.value)).join(' ')}`,
      );
  });
  await cdp.send('Runtime.enable');
  await page.route(URL_, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(URL_, { timeout: 30_000 });
  return { page, cdp, errors };
}

/** Our sidebar's state: how many hosts, and whether ours shows the post. */
function sidebarState(page: Page) {
  return page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('fly-field-notes'));
    const ours = hosts.find((h) => h.shadowRoot?.querySelector('[data-testid="fn-sidebar"]'));
    const title = ours?.shadowRoot?.querySelector('[data-testid="fn-post-title"]')?.textContent;
    return { hosts: hosts.length, ours: ours !== undefined, title: title ?? null };
  });
}

/** Wait for the sidebar to show the post (true) or for `ms` to pass without it (false). */
async function sidebarShows(page: Page, ms: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      (title) =>
        Array.from(document.querySelectorAll('fly-field-notes')).some(
          (h) =>
            h.shadowRoot?.querySelector('[data-testid="fn-post-title"]')?.textContent === title,
        ),
      TITLE,
      { timeout: ms },
    );
    return true;
  } catch {
    return false;
  }
}

/** A working sidebar (one host, showing the post) or a clean absence (no host of ours). */
async function expectWorkingOrAbsent(visit: Visit): Promise<'working' | 'absent'> {
  await visit.page.waitForTimeout(500);
  const state = await sidebarState(visit.page);
  expect(visit.errors).toEqual([]);
  expect(state.hosts).toBeLessThanOrEqual(1);
  if (state.ours) {
    expect(state.title).toBe(TITLE);
    return 'working';
  }
  return 'absent';
}

async function close(v: Visit) {
  await v.cdp.detach().catch(() => undefined);
  await v.page.close();
}

describe('hostile host pages', () => {
  it('control: a plain post gets a working sidebar and no error', async () => {
    const v = await visit(postPage(SLUG));
    expect(await sidebarShows(v.page, 10_000)).toBe(true);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await close(v);
  });

  it('a page that defines its own fly-field-notes element first', async () => {
    const v = await visit(ownElementPage(SLUG));
    await sidebarShows(v.page, 5_000);
    const outcome = await expectWorkingOrAbsent(v);
    // The page's own element class is still the one registered, and the page still works.
    expect(await v.page.evaluate(() => typeof customElements.get('fly-field-notes'))).toBe(
      'function',
    );
    expect(['working', 'absent']).toContain(outcome);
    await close(v);
  });

  it('a page that removes our element every time it appears', async () => {
    const v = await visit(removerPage(SLUG));
    await v.page.waitForTimeout(2_000);
    await expectWorkingOrAbsent(v);
    // No remount loop against the page: a few attempts at most.
    const removed = await v.page.evaluate(
      () => (window as unknown as { __removed: number }).__removed,
    );
    expect(removed).toBeLessThanOrEqual(3);
    await close(v);
  });

  it('a page that removes our element once, after it appeared', async () => {
    const v = await visit(removeOncePage(SLUG));
    await v.page.waitForFunction(
      () => (window as unknown as { __removed: number }).__removed > 0,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await v.page.waitForTimeout(1_000);
    await expectWorkingOrAbsent(v);
    await close(v);
  });

  it('a page that freezes its main thread for a second on load', async () => {
    const v = await visit(freezePage(SLUG));
    expect(await sidebarShows(v.page, 15_000)).toBe(true);
    expect(
      await v.page.evaluate(() => (window as unknown as { __frozeFor?: number }).__frozeFor),
    ).toBe(1000);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await close(v);
  });

  it('a 5 MB page', async () => {
    const html = hugePage(SLUG);
    expect(html.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const v = await visit(html);
    expect(await sidebarShows(v.page, 20_000)).toBe(true);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await close(v);
  });
});
