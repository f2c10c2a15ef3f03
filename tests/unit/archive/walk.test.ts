import { describe, expect, it } from 'vitest';
import {
  afterResult,
  IDLE_WALK,
  MIN_GAP_MS,
  LEASE_MS,
  nextJob,
  REFRESH_MS,
  startWalk,
  stopWalk,
  tabClosed,
  walkFromStored,
  walkStatusText,
  type WalkResult,
  type WalkState,
} from '../../../data/archive/walk';

const ORIGIN = 'https://fly.io';
const url = (page: number) => (page === 1 ? `${ORIGIN}/blog/` : `${ORIGIN}/blog/page/${page}/`);
const ok = (page: number, posts = 10, extra: Partial<WalkResult> = {}): WalkResult => ({
  page,
  status: 200,
  finalUrl: url(page),
  posts: Array.from({ length: posts }, (_, i) => ({ slug: `p-${page}-${i}` })),
  ...extra,
});

describe('the walk over the index', () => {
  it('hands out one page at a time, never closer than the minimum gap', () => {
    let state = startWalk(IDLE_WALK);
    let { state: s1, job } = nextJob(state, 7, ORIGIN, 1000);
    expect(job).toEqual({ go: true, page: 1, url: url(1), waitMs: 0 });
    state = afterResult(s1, ok(1, 10, { etag: '"a"' }), false, '10 posts kept', 1200);
    ({ state: s1, job } = nextJob(state, 7, ORIGIN, 1200));
    expect(job).toMatchObject({ go: true, page: 2, url: url(2), waitMs: MIN_GAP_MS - 200 });
    expect(s1.validators['1']).toEqual({ etag: '"a"' });
  });

  it('lets only one tab walk while its lease is fresh, and another take over after', () => {
    const { state } = nextJob(startWalk(IDLE_WALK), 1, ORIGIN, 0);
    expect(nextJob(state, 2, ORIGIN, 1000).job.go).toBe(false);
    expect(nextJob(state, 2, ORIGIN, LEASE_MS + 1).job).toMatchObject({ go: true, page: 1 });
  });

  it('completes at the first page with no posts, or a 404', () => {
    const running = { ...startWalk(IDLE_WALK), nextPage: 41 };
    expect(afterResult(running, ok(41, 0), false, '', 5).status).toBe('complete');
    expect(afterResult(running, { ...ok(41), status: 404 }, false, '', 5)).toMatchObject({
      status: 'complete',
      checkedAt: 5,
    });
  });

  it('stops on 429, 503, a timeout or a redirect off the blog, keeping its page', () => {
    const running: WalkState = { ...startWalk(IDLE_WALK), nextPage: 12, pagesRead: 11 };
    for (const result of [
      { ...ok(12), status: 429 },
      { ...ok(12), status: 503 },
      { ...ok(12), status: 0 },
      { ...ok(12), finalUrl: 'https://fly.io/login/' },
    ]) {
      const stopped = afterResult(running, result, false, '110 posts kept', 5);
      expect(stopped.status).toBe('stopped');
      expect(stopped.nextPage).toBe(12);
      expect(stopped.message).toContain('page 12; 110 posts kept');
    }
    const again = startWalk(afterResult(running, { ...ok(12), status: 429 }, false, '', 5));
    expect(again).toMatchObject({ status: 'running', nextPage: 12, pagesRead: 11 });
    expect(again.message).toBeUndefined();
  });

  it('resumes an interrupted walk where it was, and starts a finished one over', () => {
    expect(startWalk({ ...startWalk(IDLE_WALK), nextPage: 9 }).nextPage).toBe(9);
    expect(
      startWalk({ ...IDLE_WALK, status: 'complete', nextPage: 1, checkedAt: 1 }).nextPage,
    ).toBe(1);
    expect(stopWalk({ ...startWalk(IDLE_WALK), nextPage: 3 }, '20 posts kept')).toMatchObject({
      status: 'stopped',
      message: 'Stopped by you on page 3; 20 posts kept.',
    });
  });

  it('stops where it was when the walking tab closes, and only for that tab', () => {
    const { state } = nextJob({ ...startWalk(IDLE_WALK), nextPage: 15 }, 4, ORIGIN, 0);
    expect(tabClosed(state, 9, '')).toBe(state);
    expect(tabClosed(state, 4, '140 posts kept')).toMatchObject({
      status: 'stopped',
      nextPage: 15,
      message: expect.stringContaining('closed on page 15; 140 posts kept'),
    });
    expect(startWalk(tabClosed(state, 4, '')).nextPage).toBe(15);
  });

  it('refreshes weekly from page 1 until a page whose posts are all known', () => {
    const done: WalkState = { ...IDLE_WALK, status: 'complete', checkedAt: 0 };
    expect(nextJob(done, 1, ORIGIN, REFRESH_MS - 1).job.go).toBe(false);
    const { state, job } = nextJob(done, 1, ORIGIN, REFRESH_MS);
    expect(job).toMatchObject({ go: true, page: 1 });
    expect(state.mode).toBe('refresh');
    const after1 = afterResult(state, ok(1), false, '', REFRESH_MS + 10);
    expect(after1.nextPage).toBe(2);
    const after2 = afterResult({ ...after1, status: 'running' }, ok(2), true, '', REFRESH_MS + 20);
    expect(after2).toMatchObject({ status: 'complete', checkedAt: REFRESH_MS + 20 });
    expect(afterResult(state, { ...ok(1), status: 304 }, false, '', 9).status).toBe('complete');
  });

  it('says where it stands in one line, and survives a corrupt stored state', () => {
    const day = 24 * 60 * 60 * 1000;
    expect(walkStatusText({ ...IDLE_WALK, status: 'complete', checkedAt: 0 }, 412, 2 * day)).toBe(
      '412 posts · complete · checked 2 days ago',
    );
    expect(walkFromStored({ status: 'running', nextPage: -4 })).toEqual(IDLE_WALK);
    expect(walkFromStored('garbage')).toEqual(IDLE_WALK);
  });
});
