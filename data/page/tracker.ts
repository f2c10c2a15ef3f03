// The one reading tracker on a post page: which heading is being read, how far through the
// article the reader is, and whether its end is in view. Cheap on the host page: headings and
// the end are watched by IntersectionObservers (no polling, no layout reads while scrolling);
// the scroll listener is passive and only reads scrollY, once a frame, against the article's
// top and height measured when the page's size changes. The outline, the progress bar, the
// saved place and auto-mark all listen to this one tracker.

export interface ReadingState {
  /** Index of the heading being read; -1 above the first. The last one once the end is reached. */
  current: number;
  /** 0–100: how far through the article, from its own top and bottom. */
  percent: number;
  /** The article's end is on screen. */
  atEnd: boolean;
}

export interface ReadingTracker {
  state: () => ReadingState;
  /** Called on every change of the state; returns the unsubscribe. */
  subscribe: (onChange: (state: ReadingState) => void) => () => void;
  stop: () => void;
}

export interface TrackerTargets {
  article?: Element | undefined;
  headings?: readonly Element[];
  end?: Element | undefined;
}

/** Where a heading starts to count as being read: this share of the viewport from its top. */
const READING_LINE = 0.25;

/** Whether an end-of-article entry means the end is on screen (for a tall stand-in: its bottom). */
export function endVisible(entry: IntersectionObserverEntry, viewportHeight: number): boolean {
  const viewport = entry.rootBounds?.height ?? viewportHeight;
  return (
    entry.isIntersecting &&
    (entry.boundingClientRect.height <= viewport || entry.boundingClientRect.bottom <= viewport)
  );
}

export function createReadingTracker(win: Window, targets: TrackerTargets): ReadingTracker {
  const headings = targets.headings ?? [];
  const listeners = new Set<(state: ReadingState) => void>();
  let state: ReadingState = { current: -1, percent: 0, atEnd: false };
  // Which headings are above the reading line, by index.
  const passed = new Array<boolean>(headings.length).fill(false);
  let atEnd = false;
  let geometry: { top: number; height: number } | undefined;
  let frame: number | undefined;
  let stopped = false;

  const update = () => {
    const last = passed.lastIndexOf(true);
    const current = atEnd && headings.length > 0 ? headings.length - 1 : last;
    // From the article's top at the viewport's top to its bottom at the viewport's bottom.
    const span = geometry ? geometry.height - win.innerHeight : 0;
    const raw =
      atEnd || !geometry || span <= 0
        ? atEnd
          ? 100
          : 0
        : (100 * (win.scrollY - geometry.top)) / span;
    const percent = Math.min(100, Math.max(0, Math.round(raw)));
    if (current === state.current && percent === state.percent && atEnd === state.atEnd) return;
    state = { current, percent, atEnd };
    for (const listener of [...listeners]) listener(state);
  };

  // Headings: the observed area runs from far above the page to the reading line, so a heading
  // "intersects" exactly when it is above that line, however the reader got there (a jump too).
  const headingIndex = new Map(headings.map((el, i) => [el, i]));
  const headingObserver =
    headings.length > 0
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const i = headingIndex.get(entry.target);
              if (i !== undefined) passed[i] = entry.isIntersecting;
            }
            update();
          },
          { rootMargin: `1000000px 0px -${(1 - READING_LINE) * 100}% 0px` },
        )
      : undefined;
  for (const el of headings) headingObserver?.observe(el);

  const endObserver = targets.end
    ? new IntersectionObserver(
        (entries) => {
          const entry = entries.at(-1);
          if (!entry) return;
          atEnd = endVisible(entry, win.innerHeight);
          update();
        },
        { threshold: [0, 0.25, 0.5, 0.75, 1] },
      )
    : undefined;
  if (targets.end) endObserver?.observe(targets.end);

  // The article's place in the document, measured when sizes change (not while scrolling).
  const article = targets.article;
  const measure = () => {
    if (!article || stopped) return;
    const rect = article.getBoundingClientRect();
    geometry = { top: rect.top + win.scrollY, height: rect.height };
    update();
  };
  const resizeObserver =
    article && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : undefined;
  if (article) {
    resizeObserver?.observe(article);
    resizeObserver?.observe(win.document.documentElement);
  }
  const onScroll = () => {
    if (frame !== undefined) return;
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      update();
    });
  };
  if (article) win.addEventListener('scroll', onScroll, { passive: true });

  return {
    state: () => state,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      headingObserver?.disconnect();
      endObserver?.disconnect();
      resizeObserver?.disconnect();
      win.removeEventListener('scroll', onScroll);
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      listeners.clear();
    },
  };
}
