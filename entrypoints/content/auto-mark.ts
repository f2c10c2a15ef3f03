// "Mark as read when I reach the end": when the article's end has been in view for a moment,
// after a short stay on the page, the post is marked read (via 'auto'). Only with the autoMark
// setting on, only for a post with no mark yet (a reader who unmarked it keeps it unmarked),
// and only while this content-script context lives.
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import { loadProgress, setRead } from '../../data/progress/marks';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import type { ContentContext } from './context';
import type { ContentFeature } from './features';

export interface AutoMarkOptions {
  /** Time on the page before reaching the end counts: skimming to the bottom is not reading. */
  pageDwellMs?: number;
  /** How long the end must stay in view (a scroll that flies past does not count). */
  endDwellMs?: number;
}

const slugOfPage = (url: string) => {
  const page = blogPageForUrl(url);
  return 'slug' in page ? page.slug : undefined;
};

export const PAGE_DWELL_MS = 5000;
export const END_DWELL_MS = 1000;

/** The element that marks the end of the post's text on fly.io, or the best stand-in. */
export function articleEnd(doc: Document): Element | undefined {
  const article = doc.querySelector('article');
  return (
    article?.querySelector('.last-updated') ??
    article?.lastElementChild ??
    article ??
    doc.querySelector('main')?.lastElementChild ??
    doc.body.lastElementChild ??
    undefined
  );
}

export function initAutoMark(
  ctx: ContentContext,
  slug: string,
  options: AutoMarkOptions = {},
): () => void {
  const pageDwellMs = options.pageDwellMs ?? PAGE_DWELL_MS;
  const endDwellMs = options.endDwellMs ?? END_DWELL_MS;
  const end = articleEnd(document);
  if (!end || typeof IntersectionObserver === 'undefined') return () => undefined;

  const started = Date.now();
  let enabled = false;
  let inView = false;
  let finished = false;
  let timer: number | undefined;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const finish = () => {
    finished = true;
    stopTimer();
    observer.disconnect();
  };
  const markIfUnmarked = async () => {
    // After in-page navigation to another post this observer's article is no longer this slug's.
    if (finished || !enabled || !inView || slugOfPage(location.href) !== slug) return;
    const progress = await loadProgress();
    if (finished || ctx.isInvalid) return;
    if (progress[slug] === undefined) await setRead(slug, true, 'auto');
    finish();
  };
  const consider = () => {
    stopTimer();
    if (finished || !enabled || !inView) return;
    const wait = Math.max(endDwellMs, pageDwellMs - (Date.now() - started));
    timer = ctx.setTimeout(() => void markIfUnmarked(), wait);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      // For a tall stand-in (a whole article) "in view" means its bottom edge is on screen.
      const viewport = entry.rootBounds?.height ?? window.innerHeight;
      inView =
        entry.isIntersecting &&
        (entry.boundingClientRect.height <= viewport ||
          entry.boundingClientRect.bottom <= viewport);
      consider();
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  observer.observe(end);
  ctx.onInvalidated(finish);

  void loadPrefs().then((prefs) => {
    enabled = prefs.autoMark;
    consider();
  });
  const stopPrefs = watchPrefs((prefs) => {
    enabled = prefs.autoMark;
    consider();
  });
  ctx.onInvalidated(stopPrefs);
  return () => {
    finish();
    stopPrefs();
  };
}

/** Auto-mark as a content feature: on every post page, once the page is idle. */
export const autoMarkFeature: ContentFeature = {
  name: 'auto-mark',
  pages: ['post', 'unknown-post'],
  whenIdle: true,
  start: (ctx, page) => ('slug' in page ? initAutoMark(ctx, page.slug) : () => undefined),
};
