// The hostile host pages of hostile-pages.test.ts and sidebar-hostile.test.ts (Chromium), run
// against the Firefox build in Firefox ESR over WebDriver BiDi, with the same fixtures: each page
// ends with a working sidebar (one host, the post's title, a mark-read button that works) or a
// clean absence, and nothing is thrown or logged as an error.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPResponse, Page } from 'puppeteer-core';
import { hostilePage, STRICT_CSP, strictCspPage } from '../fixtures/hostile/pages';
import {
  freezePage,
  hugePage,
  ownElementPage,
  removeOncePage,
  removerPage,
} from '../fixtures/hostile/q-pages';
import { postPage } from '../fixtures/blog-pages';
import { html } from './support/fly-routes';
import {
  launchFirefoxWithExtension,
  shadowFirst,
  waitForShadow,
  type FirefoxExtensionBrowser,
  type FirefoxRouteResponse,
} from './support/firefox';
import {
  expectOwnSidebarStyles,
  sidebarElementStyles,
  sidebarIsOnTop,
  type ElementStyles,
} from './support/hostile-styles';

const SLUG = 'litestream-vfs';
const URL_ = `https://fly.io/blog/${SLUG}/`;
const TITLE = 'Litestream VFS';
/** Hosts the content script may mount in: its own name, or its fallback when the page took it. */
const HOSTS = 'fly-field-notes, fly-field-notes-sidebar';
/** Browsers need longer than expect.poll's 1 s default on a busy 2-core machine. */
const POLL = { timeout: 10_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the next request for a URL gets; anything not here falls through to the fly.io fixtures. */
const served = new Map<string, FirefoxRouteResponse>();

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({ route: (url) => served.get(url) });
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

interface Visit {
  page: Page;
  response: HTTPResponse | null;
  /** Uncaught exceptions and console errors, from the page and from the content script. */
  errors: string[];
  /** Errors the test expected (and so kept out of `errors`). */
  expected: string[];
}

interface VisitOptions {
  url?: string;
  headers?: Record<string, string>;
  /** Errors the page itself is known to cause. */
  expectError?: (error: string) => boolean;
}

/**
 * Serve `body` at `url` and open it. Chromium's test listens through CDP because Playwright's
 * pageerror misses the content script's world; Firefox's BiDi log reports the content script's
 * console errors and uncaught exceptions to the page too, so puppeteer's events cover both.
 */
async function visit(
  body: string,
  { url = URL_, headers, expectError = () => false }: VisitOptions = {},
): Promise<Visit> {
  served.set(url, { ...html(body), headers });
  const page = await firefox.newPage();
  // Playwright's default viewport, as in the Chromium tests: the sidebar opens beside the post.
  await page.setViewport({ width: 1280, height: 720 });
  const errors: string[] = [];
  const expected: string[] = [];
  const record = (error: string) => (expectError(error) ? expected : errors).push(error);
  page.on('pageerror', (error) => record(`exception: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'assert')
      record(`console.${message.type()}: ${message.text()}`);
  });
  const response = await page.goto(url, { timeout: 30_000 });
  return { page, response, errors, expected };
}

/** Our sidebar's state: how many hosts, and whether one of them shows the post. */
function sidebarState(page: Page) {
  return page.evaluate((hosts) => {
    const all = Array.from(document.querySelectorAll(hosts));
    const ours = all.find((h) => h.shadowRoot?.querySelector('[data-testid="fn-sidebar"]'));
    const title = ours?.shadowRoot?.querySelector('[data-testid="fn-post-title"]')?.textContent;
    return {
      hosts: all.length,
      ours: ours?.localName ?? null,
      title: title ?? null,
    };
  }, HOSTS);
}

/** Wait for the sidebar to show the post (true) or for `ms` to pass without it (false). */
async function sidebarShows(page: Page, ms: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      (hosts, title) =>
        Array.from(document.querySelectorAll(hosts)).some(
          (h) =>
            h.shadowRoot?.querySelector('[data-testid="fn-post-title"]')?.textContent === title,
        ),
      { timeout: ms, polling: 50 },
      HOSTS,
      TITLE,
    );
    return true;
  } catch {
    return false;
  }
}

/** The mark-read button's aria-pressed, in whichever host is ours. */
function markReadPressed(page: Page): Promise<string | null> {
  return page.evaluate((hosts) => {
    for (const host of Array.from(document.querySelectorAll(hosts))) {
      const button = host.shadowRoot?.querySelector('[data-testid="fn-mark-read"]');
      if (button) return button.getAttribute('aria-pressed');
    }
    return null;
  }, HOSTS);
}

/**
 * Click mark-read with a real pointer (so a page element covering it would take the click) and
 * see it flip: the post may be read already from an earlier case.
 */
async function expectMarkReadWorks(page: Page): Promise<void> {
  const before = await markReadPressed(page);
  expect(['true', 'false']).toContain(before);
  const button = await page.evaluateHandle((hosts) => {
    for (const host of Array.from(document.querySelectorAll(hosts))) {
      const found = host.shadowRoot?.querySelector<HTMLElement>('[data-testid="fn-mark-read"]');
      if (found) return found;
    }
    throw new Error('no mark-read button');
  }, HOSTS);
  await button.click();
  await button.dispose();
  await expect.poll(() => markReadPressed(page), POLL).toBe(before === 'true' ? 'false' : 'true');
}

/** A working sidebar (one host, showing the post, mark-read works) or a clean absence. */
async function expectWorkingOrAbsent(v: Visit, title = TITLE): Promise<'working' | 'absent'> {
  await sleep(500);
  const state = await sidebarState(v.page);
  expect(v.errors).toEqual([]);
  expect(state.hosts).toBeLessThanOrEqual(1);
  if (state.ours === null) return 'absent';
  expect(state.title).toBe(title);
  await expectMarkReadWorks(v.page);
  expect(v.errors).toEqual([]);
  return 'working';
}

/** Computed styles of elements inside the sidebar's shadow root, by test id. */
function styles(page: Page, testId: string, props: string[]): Promise<ElementStyles> {
  return page.evaluate(sidebarElementStyles, { testId, props });
}

describe('hostile host pages in Firefox ESR', () => {
  it('control: a plain post gets a working sidebar, and errors would be seen', async () => {
    const v = await visit(postPage(SLUG));
    expect(await sidebarShows(v.page, 10_000)).toBe(true);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    // The error listeners are live: an error logged by the page is caught.
    await v.page.evaluate(() => console.error('probe'));
    await expect.poll(() => v.errors, POLL).toEqual(['console.error: probe']);
    await v.page.close();
  });

  it('a page that defines its own fly-field-notes element first', async () => {
    const v = await visit(ownElementPage(SLUG));
    await sidebarShows(v.page, 5_000);
    const outcome = await expectWorkingOrAbsent(v);
    expect(['working', 'absent']).toContain(outcome);
    // The page's own element class is still the one registered, and the page still works.
    expect(await v.page.evaluate(() => typeof customElements.get('fly-field-notes'))).toBe(
      'function',
    );
    await v.page.close();
  });

  it('a page that removes our element every time it appears', async () => {
    const v = await visit(removerPage(SLUG));
    await sleep(2_000);
    await expectWorkingOrAbsent(v);
    // No remount loop against the page: a few attempts at most, and at least the first one.
    const removed = await v.page.evaluate(
      () => (window as unknown as { __removed: number }).__removed,
    );
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(removed).toBeLessThanOrEqual(3);
    await v.page.close();
  });

  it('a page that removes our element once, after it appeared', async () => {
    const v = await visit(removeOncePage(SLUG));
    await v.page.waitForFunction(() => (window as unknown as { __removed: number }).__removed > 0, {
      timeout: 10_000,
      polling: 50,
    });
    await sleep(1_000);
    await expectWorkingOrAbsent(v);
    await v.page.close();
  });

  it('a page that freezes its main thread for a second on load', async () => {
    const v = await visit(freezePage(SLUG));
    expect(await sidebarShows(v.page, 15_000)).toBe(true);
    await expect
      .poll(
        () => v.page.evaluate(() => (window as unknown as { __frozeFor?: number }).__frozeFor),
        POLL,
      )
      .toBe(1000);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await v.page.close();
  });

  it('a 5 MB page', async () => {
    const body = hugePage(SLUG);
    expect(body.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const v = await visit(body);
    expect(await sidebarShows(v.page, 20_000)).toBe(true);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await v.page.close();
  });
});

describe('hostile CSS in Firefox ESR', () => {
  it('renders with its own fonts, colours, sizes and opacity, above a max-z-index header', async () => {
    const v = await visit(hostilePage(SLUG));
    await waitForShadow(v.page, 'fn-sidebar');
    await expectOwnSidebarStyles((testId, props) => styles(v.page, testId, props));
    // The page's header is fixed at the highest z-index; the sidebar still shows over it.
    const onTop = await v.page.evaluate(sidebarIsOnTop);
    expect(onTop).toBe(true);
    expect(await expectWorkingOrAbsent(v)).toBe('working');
    await v.page.close();
  });
});

/**
 * Firefox reports each CSP violation as a page error (Chromium's CDP listener does not see them).
 * Those of the fixture's own markup are expected: its inline <style>, named by the hash Firefox
 * prints, and its data: author image. Anything the extension got blocked would still fail.
 */
function fixtureCspViolation(body: string): (error: string) => boolean {
  const pageStyles = [...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  const pageImages = [...body.matchAll(/<img[^>]* src="(data:[^"]{0,30})/g)].map((m) => m[1]!);
  return (error) =>
    error.startsWith('exception: Error: Content-Security-Policy:') &&
    ((error.includes('blocked an inline style') && pageStyles.some((h) => error.includes(h))) ||
      (error.includes('(img-src)') && pageImages.some((src) => error.includes(src))));
}

describe('strict Content-Security-Policy in Firefox ESR', () => {
  it('renders styled under a CSP sent as a header and as a meta tag', async () => {
    const body = strictCspPage('corrosion');
    const v = await visit(body, {
      url: 'https://fly.io/blog/corrosion/',
      headers: { 'content-security-policy': STRICT_CSP },
      expectError: fixtureCspViolation(body),
    });
    expect(v.response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await waitForShadow(v.page, 'fn-sidebar');
    // The policy is really in force: the page's own inline style is refused, and reported.
    expect(await v.page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain(
      'Georgia',
    );
    await expect
      .poll(() => v.expected.some((e) => e.includes('blocked an inline style')), POLL)
      .toBe(true);
    const root = await styles(v.page, 'fn-root', ['position', 'z-index']);
    expect(root).toMatchObject({ position: 'fixed', 'z-index': '2147483647' });
    const aside = await styles(v.page, 'fn-sidebar', [
      'background-color',
      'font-size',
      'overflow-y',
    ]);
    expect(aside).toMatchObject({
      'background-color': 'rgb(255, 255, 255)',
      'font-size': '14px',
      'overflow-y': 'auto',
    });
    expect(aside.width).toBe(340);
    const button = await styles(v.page, 'fn-mark-read', ['background-color', 'border-radius']);
    expect(button).toMatchObject({
      'background-color': 'rgb(82, 51, 201)',
      'border-radius': '6px',
    });
    expect((await shadowFirst(v.page, 'fn-post-title')).text).toBe('Corrosion');
    expect(await expectWorkingOrAbsent(v, 'Corrosion')).toBe('working');
    await v.page.close();
  });
});
