// Moving the reader to a place in the page: clear of the page's own sticky header (measured
// when asked, never while scrolling), smoothly unless they prefer reduced motion, and with focus
// moved there so keyboard and screen-reader users land where the eye does.

/** How far down the viewport the page's fixed or sticky header reaches (0 when it has none). */
export function topObstruction(win: Window): number {
  const doc = win.document;
  const limit = win.innerHeight * 0.4;
  let bottom = 0;
  for (const x of [win.innerWidth * 0.25, win.innerWidth * 0.5]) {
    for (const el of doc.elementsFromPoint?.(x, 2) ?? []) {
      for (let at: Element | null = el; at && at !== doc.body; at = at.parentElement) {
        if (at.tagName.toLowerCase().startsWith('fly-field-notes')) break;
        const position = win.getComputedStyle(at).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        const rect = at.getBoundingClientRect();
        if (rect.top <= 2 && rect.bottom <= limit) bottom = Math.max(bottom, rect.bottom);
      }
    }
  }
  return bottom;
}

/** Breathing room above a place we scroll to. */
const GAP = 12;

/** Scroll `el` to just below the page's sticky header and give it focus. */
export function bringIntoView(win: Window, el: Element): void {
  const top = el.getBoundingClientRect().top + win.scrollY - topObstruction(win) - GAP;
  const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  win.scrollTo({ top: Math.max(0, top), behavior: reduced ? 'auto' : 'smooth' });
  if ('focus' in el && typeof el.focus === 'function') {
    // Focus without a second, instant scroll; a heading or paragraph needs tabindex for it.
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    (el as HTMLElement).focus({ preventScroll: true });
  }
}

/** The first block whose bottom is below the reading line: the paragraph being read. */
export function blockAtTop(win: Window, blocks: readonly Element[]): Element | undefined {
  const line = topObstruction(win) + GAP;
  let low = 0;
  let high = blocks.length - 1;
  let found: Element | undefined;
  // Blocks are in document order, so their bottoms only grow: a binary search reads few rects.
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > line) {
      found = blocks[mid];
      high = mid - 1;
    } else low = mid + 1;
  }
  return found;
}
