// "Mark as read when I reach the end": when the article's end has been in view for a moment,
// after a short stay on the page, the post is marked read (via 'auto'). Only with the autoMark
// setting on, only for a post with no mark yet (a reader who unmarked it keeps it unmarked),
// and only while this content-script context lives. It listens to the page's one reading
// tracker (data/page/tracker.ts), which the outline and the reader's place share; it is run
// from the reading chunk (entrypoints/reading/), so its storage comes in as `store`.
import type { ContentContext } from './context';
import type { Prefs } from '../../data/settings/prefs';
import type { Mark, MarkWay, Progress } from '../../data/progress/marks';
import { articleEnd } from '../../data/page/article';
import { createReadingTracker, type ReadingTracker } from '../../data/page/tracker';

export { articleEnd } from '../../data/page/article';

/** The settings and marks auto-mark needs (data/settings/prefs.ts, data/progress/marks.ts). */
export interface AutoMarkStore {
  loadPrefs: () => Promise<Prefs>;
  watchPrefs: (onChange: (prefs: Prefs) => void) => () => void;
  loadProgress: () => Promise<Progress>;
  setRead: (slug: string, read: boolean, via: MarkWay) => Promise<Mark>;
  /** The post the tab shows now (data/shared/blog-urls.ts), checked before marking. */
  pageSlug: () => string | undefined;
}

export interface AutoMarkOptions {
  store: AutoMarkStore;
  /** The page's reading tracker; without one, auto-mark watches the article's end itself. */
  tracker?: ReadingTracker;
  /** Time on the page before reaching the end counts: skimming to the bottom is not reading. */
  pageDwellMs?: number;
  /** How long the end must stay in view (a scroll that flies past does not count). */
  endDwellMs?: number;
}

export const PAGE_DWELL_MS = 5000;
export const END_DWELL_MS = 1000;

/** Start auto-mark for this post; returns its teardown (it also ends with the context). */
export function initAutoMark(
  ctx: ContentContext,
  slug: string,
  options: AutoMarkOptions,
): () => void {
  const { store } = options;
  const pageDwellMs = options.pageDwellMs ?? PAGE_DWELL_MS;
  const endDwellMs = options.endDwellMs ?? END_DWELL_MS;
  let tracker = options.tracker;
  const ownTracker = !tracker;
  if (!tracker) {
    const end = articleEnd(document);
    if (!end || typeof IntersectionObserver === 'undefined') return () => undefined;
    tracker = createReadingTracker(window, { end });
  }

  const started = Date.now();
  let enabled = false;
  let inView = tracker.state().atEnd;
  let finished = false;
  let timer: number | undefined;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const markIfUnmarked = async () => {
    // After in-page navigation to another post this tracker's article is no longer this slug's.
    if (finished || !enabled || !inView || store.pageSlug() !== slug) return;
    const progress = await store.loadProgress();
    if (finished || ctx.isInvalid) return;
    if (progress[slug] === undefined) await store.setRead(slug, true, 'auto');
    finish();
  };
  const consider = () => {
    stopTimer();
    if (finished || !enabled || !inView) return;
    const wait = Math.max(endDwellMs, pageDwellMs - (Date.now() - started));
    timer = ctx.setTimeout(() => void markIfUnmarked(), wait);
  };

  const unsubscribe = tracker.subscribe((state) => {
    if (state.atEnd === inView) return;
    inView = state.atEnd;
    consider();
  });
  const stopPrefs = store.watchPrefs((prefs) => {
    enabled = prefs.autoMark;
    consider();
  });
  function finish() {
    if (finished) return;
    finished = true;
    stopTimer();
    unsubscribe();
    stopPrefs();
    if (ownTracker) tracker?.stop();
  }
  ctx.onInvalidated(finish);

  void store.loadPrefs().then((prefs) => {
    enabled = prefs.autoMark;
    consider();
  });
  return finish;
}
