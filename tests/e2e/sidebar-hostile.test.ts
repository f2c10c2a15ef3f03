// Host pages that try to break the sidebar: hostile CSS and a strict Content-Security-Policy.
// The sidebar must render with its own styles, checked as computed styles inside its shadow root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostilePage, STRICT_CSP, strictCspPage } from '../fixtures/hostile/pages';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import {
  expectOwnSidebarStyles,
  sidebarElementStyles,
  sidebarIsOnTop,
  type ElementStyles,
} from './support/hostile-styles';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function serve(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body }),
  );
  await page.goto(url);
  await page.getByTestId('fn-sidebar').waitFor();
  return page;
}

/** Computed styles of elements inside the sidebar's shadow root, by test id. */
const styles = (page: Page, testId: string, props: string[]): Promise<ElementStyles> =>
  page.evaluate(sidebarElementStyles, { testId, props });

describe('hostile CSS', () => {
  it('renders with its own fonts, colours, sizes and opacity, above a max-z-index header', async () => {
    const page = await serve('https://fly.io/blog/litestream-vfs/', hostilePage('litestream-vfs'));
    await expectOwnSidebarStyles((testId, props) => styles(page, testId, props));
    // The page's header is fixed at the highest z-index; the sidebar still shows over it.
    const onTop = await page.evaluate(sidebarIsOnTop);
    expect(onTop).toBe(true);
    await page.close();
  });
});

describe('strict Content-Security-Policy', () => {
  it('renders styled under a CSP sent as a header and as a meta tag', async () => {
    const url = 'https://fly.io/blog/corrosion/';
    const page = await serve(url, strictCspPage('corrosion'), {
      'content-security-policy': STRICT_CSP,
    });
    // The policy is really in force: the page's own inline style is refused.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain(
      'Georgia',
    );
    const root = await styles(page, 'fn-root', ['position', 'z-index']);
    expect(root).toMatchObject({ position: 'fixed', 'z-index': '2147483647' });
    const aside = await styles(page, 'fn-sidebar', ['background-color', 'font-size', 'overflow-y']);
    expect(aside).toMatchObject({
      'background-color': 'rgb(255, 255, 255)',
      'font-size': '14px',
      'overflow-y': 'auto',
    });
    expect(aside.width).toBe(340);
    const button = await styles(page, 'fn-mark-read', ['background-color', 'border-radius']);
    expect(button).toMatchObject({
      'background-color': 'rgb(82, 51, 201)',
      'border-radius': '6px',
    });
    await page.close();
  });
});
