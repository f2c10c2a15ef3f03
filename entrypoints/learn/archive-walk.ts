// The blog tab's part in loading the whole blog (the background decides everything; see
// data/archive/walk.ts): ask for a page, wait as told, fetch it same-origin without cookies and
// with the validators given, read its cards (data/page/index-cards.ts), report, repeat. Asked
// once when the page is idle (to resume an interrupted walk, or for the weekly refresh) and
// whenever the background wakes blog tabs because the reader pressed "Load the whole blog".
import type { WalkJob } from '../../data/archive/walk-job';
import type { WalkResult } from '../../data/archive/walk';
import { readIndexCards } from '../../data/page/index-cards';
import type { LearnHost } from './host';

/** An index page is a few hundred KB at most; past this it is not one. */
const MAX_PAGE_CHARS = 3 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

async function fetchPage(
  host: LearnHost,
  job: WalkJob,
  page: number,
  url: string,
): Promise<WalkResult> {
  const { ctx } = host;
  const headers: Record<string, string> = {};
  if (job.etag !== undefined) headers['If-None-Match'] = job.etag;
  if (job.lastModified !== undefined) headers['If-Modified-Since'] = job.lastModified;
  const timeout = new AbortController();
  const timer = ctx.setTimeout(() => timeout.abort(), TIMEOUT_MS);
  try {
    const response = await host.fetch(url, {
      credentials: 'omit',
      headers,
      signal: timeout.signal,
    });
    const text = response.status === 200 ? await response.text() : '';
    const doc = new DOMParser().parseFromString(text.slice(0, MAX_PAGE_CHARS), 'text/html');
    const posts = readIndexCards(doc, url).map(({ slug, title, minutes, authors, teaser }) => ({
      slug,
      title,
      minutes,
      authors,
      teaser,
    }));
    const etag = response.headers.get('ETag');
    const lastModified = response.headers.get('Last-Modified');
    return {
      page,
      status: response.status,
      finalUrl: response.url || url,
      posts,
      ...(etag ? { etag: etag.slice(0, 300) } : {}),
      ...(lastModified ? { lastModified: lastModified.slice(0, 100) } : {}),
    };
  } catch {
    return { page, status: 0, finalUrl: url, posts: [] };
  } finally {
    clearTimeout(timer);
  }
}

let walking = false;

/**
 * Walk while the background hands out pages: ask, wait as told, fetch, report, repeat. One walk
 * at a time per tab; ends when there is nothing to do, or this page's run ends.
 */
export async function walkIndex(host: LearnHost): Promise<void> {
  const { ctx } = host;
  if (walking) return;
  walking = true;
  try {
    let result: WalkResult | undefined;
    for (;;) {
      const job = await host.send('fn:archive-walk-next', result ? { result } : {});
      const { page, url, waitMs } = job;
      if (!job.go || page === undefined || url === undefined) return;
      if (new URL(url).origin !== location.origin || ctx.isInvalid) return;
      await new Promise<void>((done) => ctx.setTimeout(() => done(), waitMs ?? 0));
      if (ctx.isInvalid) return;
      result = await fetchPage(host, job, page, url);
    }
  } catch {
    // The background or this page went away; the walk resumes from its stored state.
  } finally {
    walking = false;
  }
}
