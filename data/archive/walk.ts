// Loading the whole blog: the walk over the index pages (/blog/, /blog/page/2/, …), as a pure
// state machine the background drives (entrypoints/background/archive-walk.ts) and a blog tab
// runs (entrypoints/content/archive-walk.ts fetches, same origin, one page per job).
//
// Politeness, all decided here: one request at a time (one job out at once), at least
// MIN_GAP_MS between requests, conditional requests (each page's validators are kept), stop at
// the first page with no posts or a 404, and on 429, 503, a timeout, a network error or a
// redirect off the blog stop with what we have and a message; the next run resumes at the page
// it stopped on. A finished walk is refreshed at most weekly, from page 1 until a page whose
// posts are all known already.
import * as z from 'zod/mini';
import { blogPageForUrl } from '../shared/blog-urls';
import type { WalkJob } from './walk-job';

export const WALK_KEY = 'archive:walk';
/** Never two requests closer than this (the issue asks for at least one second). */
export const MIN_GAP_MS = 1100;
/** A walking tab that has not asked for its next page this long ago is gone (closed, asleep). */
export const LEASE_MS = 30_000;
export const REFRESH_MS = 7 * 24 * 60 * 60 * 1000;
/** The index has about 40 pages; a walk that reaches this is not walking the blog we know. */
export const MAX_PAGES = 500;

export const walkStateSchema = z.strictObject({
  status: z.enum(['idle', 'running', 'stopped', 'complete']),
  mode: z.enum(['full', 'refresh']),
  /** The next index page to fetch (1 is /blog/). */
  nextPage: z.number().check(z.int(), z.positive()),
  pagesRead: z.number().check(z.int(), z.nonnegative()),
  /** When the last request was (or is planned to be) sent. */
  lastRequestAt: z.optional(z.number()),
  /** When the walking tab last asked; another tab takes over after LEASE_MS. */
  leaseAt: z.optional(z.number()),
  leaseTab: z.optional(z.number()),
  /** When the last walk completed (for "checked 2 days ago" and the weekly refresh). */
  checkedAt: z.optional(z.number()),
  message: z.optional(z.string().check(z.maxLength(300))),
  /** Validators per page, for conditional requests. */
  validators: z.record(
    z.string(),
    z.strictObject({
      etag: z.optional(z.string().check(z.maxLength(300))),
      lastModified: z.optional(z.string().check(z.maxLength(100))),
    }),
  ),
});
export type WalkState = z.infer<typeof walkStateSchema>;

export const IDLE_WALK: WalkState = {
  status: 'idle',
  mode: 'full',
  nextPage: 1,
  pagesRead: 0,
  validators: {},
};

/** Any stored value → a valid state (an unreadable one starts over: nothing is lost, the
 * posts themselves are stored apart). */
export function walkFromStored(value: unknown): WalkState {
  const parsed = walkStateSchema.safeParse(value);
  return parsed.success ? parsed.data : IDLE_WALK;
}

/** The index page's URL on the tab's origin. */
export const indexPageUrl = (origin: string, page: number) =>
  page === 1 ? `${origin}/blog/` : `${origin}/blog/page/${page}/`;

/** What a tab reports after fetching one page. `status` 0 is a timeout or network error. */
export const walkResultSchema = z.strictObject({
  page: z.number().check(z.int(), z.positive()),
  status: z.number().check(z.int()),
  finalUrl: z.string().check(z.maxLength(2000)),
  /** Posts read off the page (each validated again by the archive's writer). */
  posts: z.array(z.unknown()).check(z.maxLength(100)),
  etag: z.optional(z.string().check(z.maxLength(300))),
  lastModified: z.optional(z.string().check(z.maxLength(100))),
});
export type WalkResult = z.infer<typeof walkResultSchema>;

export type { WalkJob } from './walk-job';

/** What a tab asks with: the result of its last page, if it fetched one. */
export const walkNextRequestSchema = z.strictObject({ result: z.optional(walkResultSchema) });
export type WalkNextRequest = z.infer<typeof walkNextRequestSchema>;

/** Start (or resume) loading the whole blog, as the reader asked. */
export function startWalk(state: WalkState): WalkState {
  // A stopped or interrupted walk resumes at its page; a finished one starts again at page 1.
  const resume =
    (state.status === 'stopped' || state.status === 'running') && state.mode === 'full';
  // The reader asked: whichever blog tab asks next walks (the last walking tab may be closed).
  const rest = { ...state };
  delete rest.message;
  delete rest.leaseAt;
  delete rest.leaseTab;
  return {
    ...rest,
    status: 'running',
    mode: 'full',
    nextPage: resume ? state.nextPage : 1,
    pagesRead: resume ? state.pagesRead : 0,
  };
}

export function stopWalk(state: WalkState, pagesKept: string): WalkState {
  if (state.status !== 'running') return state;
  return {
    ...state,
    status: 'stopped',
    message: `Stopped by you on page ${state.nextPage}; ${pagesKept}.`,
  };
}

/** The walking tab was closed: stop, keeping the page, so that "Load" resumes there. */
export function tabClosed(state: WalkState, tab: number, pagesKept: string): WalkState {
  if (state.status !== 'running' || state.leaseTab !== tab) return state;
  const rest = { ...state };
  delete rest.leaseAt;
  delete rest.leaseTab;
  return {
    ...rest,
    status: 'stopped',
    message: `The blog tab loading it was closed on page ${state.nextPage}; ${pagesKept}. Loading again continues from there.`,
  };
}

/** Whether a refresh is due: the last complete walk is a week old (never walked: no). */
export function refreshDue(state: WalkState, now: number): boolean {
  return (
    state.status === 'complete' &&
    state.checkedAt !== undefined &&
    now - state.checkedAt >= REFRESH_MS
  );
}

/**
 * The next job for the tab `tab`, and the state with it handed out. Only one tab walks: another
 * gets nothing while the walking tab's lease is fresh.
 */
export function nextJob(
  state: WalkState,
  tab: number,
  origin: string,
  now: number,
): { state: WalkState; job: WalkJob } {
  let current = state;
  if (refreshDue(current, now))
    current = { ...current, status: 'running', mode: 'refresh', nextPage: 1, pagesRead: 0 };
  if (current.status !== 'running') return { state: current, job: { go: false } };
  const leased = current.leaseTab !== undefined && current.leaseAt !== undefined;
  if (leased && current.leaseTab !== tab && now - (current.leaseAt ?? 0) < LEASE_MS)
    return { state: current, job: { go: false } };
  const last = current.lastRequestAt;
  const waitMs = last === undefined ? 0 : Math.max(0, last + MIN_GAP_MS - now);
  const validators = current.validators[String(current.nextPage)] ?? {};
  return {
    state: { ...current, leaseTab: tab, leaseAt: now, lastRequestAt: now + waitMs },
    job: {
      go: true,
      page: current.nextPage,
      url: indexPageUrl(origin, current.nextPage),
      waitMs,
      ...validators,
    },
  };
}

const REASONS: Record<number, string> = {
  0: 'fly.io did not answer in time',
  429: 'fly.io asked us to slow down (429)',
  503: 'fly.io is unavailable (503)',
};

/**
 * The state after a tab's result. `allKnown` says whether every post on the page was already in
 * the archive (the weekly refresh stops there); `kept` describes what the archive holds now.
 */
export function afterResult(
  state: WalkState,
  result: WalkResult,
  allKnown: boolean,
  kept: string,
  now: number,
): WalkState {
  if (state.status !== 'running' || result.page !== state.nextPage) return state;
  const finish = (message?: string): WalkState => ({
    ...state,
    status: 'complete',
    checkedAt: now,
    nextPage: 1,
    ...(message ? { message } : {}),
  });
  const stop = (why: string): WalkState => ({
    ...state,
    status: 'stopped',
    message: `${why} on page ${result.page}; ${kept}. Loading again later continues from there.`,
  });
  const next = (): WalkState => {
    if (result.page + 1 > MAX_PAGES) return finish();
    return { ...state, nextPage: result.page + 1, pagesRead: state.pagesRead + 1 };
  };
  const landed = blogPageForUrl(result.finalUrl);
  const onIndex = landed.kind === 'index' && landed.page === result.page;
  if (result.status === 404) return finish();
  if (result.status === 304) return state.mode === 'refresh' ? finish() : next();
  if (result.status === 200 && !onIndex) return stop('fly.io sent us off the blog');
  if (result.status === 200) {
    const validators = { ...state.validators };
    if (result.etag !== undefined || result.lastModified !== undefined)
      validators[String(result.page)] = {
        ...(result.etag !== undefined ? { etag: result.etag } : {}),
        ...(result.lastModified !== undefined ? { lastModified: result.lastModified } : {}),
      };
    if (result.posts.length === 0) return { ...finish(), validators };
    if (state.mode === 'refresh' && allKnown) return { ...finish(), validators };
    return { ...next(), validators };
  }
  return stop(REASONS[result.status] ?? `fly.io answered ${result.status}`);
}

/** "2 days ago", "just now". */
export function ago(then: number, now: number): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** The result line: "412 posts · complete · checked 2 days ago". */
export function walkStatusText(state: WalkState, posts: number, now: number): string {
  const count = `${posts} ${posts === 1 ? 'post' : 'posts'}`;
  if (state.status === 'running') return `${count} · loading page ${state.nextPage}`;
  if (state.status === 'stopped') return `${count} · stopped`;
  if (state.status === 'complete' && state.checkedAt !== undefined)
    return `${count} · complete · checked ${ago(state.checkedAt, now)}`;
  return `${count} · the whole blog not loaded yet`;
}
