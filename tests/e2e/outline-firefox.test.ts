// "In this post" and resume in Firefox ESR (the MV2 build): the reading chunk loads, the outline
// renders nested, and a place saved at 60 % is offered again and brings the reader back there.
// The full journey is in outline.test.ts (Chromium). Puppeteer does not pierce shadow roots, so
// the sidebar is read through host.shadowRoot in page.evaluate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { longPostHeading, longPostPage, LONG_POST_LEVELS } from '../fixtures/blog-pages';
import { html } from './support/fly-routes';
import {
  extensionStorage,
  launchFirefoxWithExtension,
  shadowAll,
  shadowElement,
  shadowFirst,
  waitForShadow,
  type FirefoxExtensionBrowser,
} from './support/firefox';

const SLUG = 'games-as-model-eval';
const URL = `https://fly.io/blog/${SLUG}/`;

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({
    route: (url) => (url.startsWith(URL) ? html(longPostPage(SLUG)) : undefined),
  });
});
afterAll(async () => {
  await firefox?.close();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const paragraphAtTop = (page: Page) =>
  page.evaluate(() => {
    const paras = Array.from(document.querySelectorAll('[data-para]'));
    return paras.find((p) => p.getBoundingClientRect().bottom > 76)?.getAttribute('data-para');
  });

describe('the outline and resume in Firefox ESR', () => {
  it('renders the outline nested and offers the place again after the tab is closed', async () => {
    const first = await firefox.newPage();
    await first.setViewport({ width: 1280, height: 900 });
    await first.goto(URL);
    await waitForShadow(first, 'fn-outline');
    const items = await shadowAll(first, 'fn-outline-item');
    expect(items.map((i) => i.text)).toEqual(LONG_POST_LEVELS.map((_, i) => longPostHeading(i)));
    const nested = await first.evaluate(
      () =>
        document
          .querySelector('fly-field-notes')!
          .shadowRoot!.querySelectorAll('#fn-outline-list > li > ol a').length,
    );
    expect(nested).toBe(LONG_POST_LEVELS.filter((l) => l === 3).length);

    // Scroll to 60 % of the article.
    await first.evaluate(() => {
      const rect = document.querySelector('article')!.getBoundingClientRect();
      window.scrollTo(0, rect.top + scrollY + 0.6 * (rect.height - innerHeight));
    });
    const progress = await until(
      async () =>
        Number((await shadowFirst(first, 'fn-read-progress')).attributes['aria-valuenow']),
      (v) => v >= 58,
    );
    expect(progress).toBeGreaterThanOrEqual(58);
    expect(progress).toBeLessThanOrEqual(62);
    const para = await paragraphAtTop(first);
    const section = Number(/^s(\d+)/.exec(para ?? '')?.[1]);
    const extension = await firefox.openExtensionPage('popup.html');
    const stored = await until(
      async () => (await extensionStorage(extension))[`place:${SLUG}`],
      (v) => v !== undefined,
    );
    expect(stored).toMatchObject({ percent: progress, heading: longPostHeading(section) });
    await first.close();

    // Back, narrower: offered, and it brings the same paragraph into view.
    const page = await firefox.newPage();
    await page.setViewport({ width: 980, height: 900 });
    await page.goto(URL);
    await waitForShadow(page, 'fn-resume');
    const resume = await shadowFirst(page, 'fn-resume');
    const percent = Number(resume.attributes['data-percent']);
    expect(Math.abs(percent - 60)).toBeLessThanOrEqual(5);
    expect(resume.text).toContain(longPostHeading(section));
    await (await shadowElement(page, 'fn-resume'))!.click();
    const inView = await until(
      () =>
        page.evaluate((p) => {
          const r = document.querySelector(`[data-para="${p}"]`)!.getBoundingClientRect();
          return r.top < innerHeight && r.bottom > 64;
        }, para),
      (v) => v,
    );
    expect(inView).toBe(true);
    await page.close();
    await extension.close();
  }, 90_000);
});
