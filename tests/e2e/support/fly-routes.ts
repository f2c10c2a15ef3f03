// What fly.io answers in the end-to-end tests, as plain data, so that every browser driver
// (playwright-core for Chromium, puppeteer-core for Firefox) serves the same fixture pages.
// It mirrors routeFlyIo() in chromium.ts: posts, index pages, a 404 feed and other pages.
import { indexPage, otherPage, postPage } from '../../fixtures/blog-pages';

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

/** fly.io and www.fly.io, over https, any path. */
export const FLY_IO = /^https:\/\/(www\.)?fly\.io\//i;

export function html(body: string): FixtureResponse {
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

/** The fixture for a fly.io URL (undefined for any other host). */
export function flyIoResponse(href: string): FixtureResponse | undefined {
  if (!FLY_IO.test(href)) return undefined;
  const path = new URL(href).pathname;
  const index = /^\/blog\/(?:page\/(\d+)\/?)?$/.exec(path);
  if (index) return html(indexPage(Number(index[1] ?? 1)));
  if (path === '/blog/feed.xml')
    return { status: 404, contentType: 'text/plain', body: 'no feed in this test' };
  const post = /^\/blog\/([a-z0-9-]+)\/?(?:index\.html)?$/.exec(path);
  if (post) return html(postPage(post[1]!));
  return html(otherPage());
}
