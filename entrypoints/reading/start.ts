// The reading chunk's work on a post page: find the article and its headings, run the page's
// one reading tracker (shared by the outline, the progress bar, the saved place and
// auto-mark), remember the reader's place, and show the panel in the sidebar's slot.
import { createReadingPanel } from '../../components/sidebar/ReadingPanel';
import { anchorOf, articleBlocks, resolveAnchor } from '../../data/page/anchor';
import { articleEnd, articleHeadings, findArticle, pageShowsToc } from '../../data/page/article';
import { plainText } from '../../data/page/text';
import { createReadingTracker } from '../../data/page/tracker';
import { blockAtTop, bringIntoView } from '../../data/page/viewport';
import type { Place } from '../../data/progress/places';
import { initAutoMark } from '../content/auto-mark';
import type { ReadingHost } from './host';

/** Quiet time after the last move before the place is saved. */
const SAVE_AFTER_MS = 800;

/** The page's own title: its h1, else the <title> without the blog's suffix. */
function pageTitle(doc: Document): string {
  const h1 = plainText(doc.querySelector('h1')?.textContent ?? '');
  return (h1 || plainText(doc.title.split(' · ')[0] ?? '')).slice(0, 300);
}

export function startReading(host: ReadingHost): () => void {
  const { ctx, slug, places } = host;
  const article = findArticle(document);
  const headings = article ? articleHeadings(article) : [];
  const end = articleEnd(document, article ?? document.querySelector('article') ?? undefined);
  const tracker = createReadingTracker(window, {
    article,
    headings: headings.map((h) => h.el),
    end,
  });
  const stopAutoMark = initAutoMark(ctx, slug, { store: host.store, tracker });
  const title = host.title ?? pageTitle(document);

  const panel = createReadingPanel({
    entries: headings.map(({ text, level, id }) => ({ text, level, id })),
    showProgress: article !== undefined,
    // The page's own table of contents comes first: ours starts folded away.
    outlineOpen: !pageShowsToc(document, headings),
    onGo: (i) => {
      const heading = headings[i];
      if (heading) bringIntoView(window, heading.el);
    },
  });

  // The place saved before this visit, offered until used or read past.
  let arrival: Place | undefined;
  let stopped = false;
  let saveTimer: number | undefined;
  let cleared = false;
  const offer = (place: Place | undefined) => {
    arrival = place;
    panel.setResume(
      place && {
        percent: place.percent,
        heading: place.heading,
        go: () => {
          const target = article ? resolveAnchor(article, headings, place) : undefined;
          offer(undefined);
          if (target) bringIntoView(window, target);
        },
      },
    );
  };

  const save = () => {
    saveTimer = undefined;
    const state = tracker.state();
    if (stopped || !article || state.atEnd || state.percent < 1) return;
    // Skimming the top of a post again does not lose the place the reader is offered.
    if (arrival && state.percent < arrival.percent) return;
    const block = blockAtTop(window, articleBlocks(article));
    const anchor = block ? anchorOf(article, headings, block) : undefined;
    if (anchor)
      void places.save(slug, { at: Date.now(), percent: state.percent, title, ...anchor });
  };

  const unsubscribe = tracker.subscribe((state) => {
    panel.update(state);
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (state.atEnd) {
      // Read to the end: nothing to resume any more.
      if (arrival) offer(undefined);
      if (!cleared) void places.clear(slug);
      cleared = true;
      return;
    }
    cleared = false;
    if (arrival && state.percent >= arrival.percent) offer(undefined);
    saveTimer = ctx.setTimeout(save, SAVE_AFTER_MS);
  });
  panel.update(tracker.state());
  // Leaving the tab (or closing it) saves at once, without waiting for the quiet time.
  const onHide = () => {
    if (document.visibilityState !== 'hidden' || saveTimer === undefined) return;
    clearTimeout(saveTimer);
    save();
  };
  document.addEventListener('visibilitychange', onHide);

  // The panel goes wherever the sidebar's slot is (none while the sidebar is closed).
  const stopSlot = host.slot.watch((el) => {
    if (el && !stopped) el.replaceChildren(panel.el);
  });

  void places.load(slug).then((place) => {
    if (stopped || !place || tracker.state().atEnd) return;
    if (place.percent > tracker.state().percent) offer(place);
  });

  return () => {
    if (stopped) return;
    stopped = true;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    document.removeEventListener('visibilitychange', onHide);
    unsubscribe();
    stopSlot();
    panel.el.remove();
    stopAutoMark();
    tracker.stop();
  };
}
