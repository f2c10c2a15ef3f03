// The reading chunk's part of the sidebar: resume, progress and "In this post", in one element
// that entrypoints/reading/start.ts puts into the sidebar's slot (and back, when the sidebar
// is reopened: folded state and all).
import { createOutline, type OutlineEntry } from './Outline';
import { el } from './reading-dom';
import { createReadProgress } from './ReadProgress';
import { createResumeButton } from './ResumeButton';

export interface ReadingPanelOptions {
  entries: readonly OutlineEntry[];
  /** False when the page's article could not be found: no progress is shown. */
  showProgress: boolean;
  outlineOpen: boolean;
  onGo: (index: number) => void;
}

export interface ReadingPanel {
  el: HTMLElement;
  update: (state: { current: number; percent: number }) => void;
  /** Offer to continue at a saved place; undefined takes the offer away. */
  setResume: (resume: { percent: number; heading: string; go: () => void } | undefined) => void;
}

export function createReadingPanel(options: ReadingPanelOptions): ReadingPanel {
  const root = el('section', { class: 'fn-reading-panel', 'aria-label': 'Your reading' });
  const progress = options.showProgress ? createReadProgress() : undefined;
  const outline =
    options.entries.length > 0
      ? createOutline(options.entries, options.outlineOpen, options.onGo)
      : undefined;
  root.append(...[progress?.el, outline?.el].flatMap((n) => (n ? [n] : [])));
  root.hidden = !progress && !outline;
  let resume: HTMLElement | undefined;
  return {
    el: root,
    update: ({ current, percent }) => {
      progress?.setPercent(percent);
      outline?.setCurrent(current);
    },
    setResume: (offer) => {
      resume?.remove();
      resume = offer ? createResumeButton(offer.percent, offer.heading, offer.go) : undefined;
      if (resume) root.prepend(resume);
      root.hidden = !progress && !outline && !resume;
    },
  };
}
