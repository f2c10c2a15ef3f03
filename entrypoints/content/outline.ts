// "In this post", reading progress and resume, on every post page (feature module: started
// for a page after the sidebar's first paint, torn down on navigation). What the reader sees
// and the page's reading tracker live in a chunk of their own (entrypoints/reading/, built to
// reading.js) that is imported once the sidebar has painted, so the first-paint script stays
// within its budget; this module only imports it and hands it the storage it needs.
import type { ContentContext } from './context';
import type { ContentFeature } from './features';
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import { loadProgress, setRead } from '../../data/progress/marks';
import { clearPlace, loadPlace, savePlace } from '../../data/progress/places';
import { extensionUrl } from '../../data/sidebar/notes-file';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import type { ReadingHost, ReadingSlot, StartReading } from '../reading/host';
import './outline.css';

/** The reading chunk, relative to the extension's root (web-accessible, see wxt.config.ts). */
export const READING_SCRIPT = '/reading.js';

interface ReadingGlobal {
  /** Set by the reading chunk when it is evaluated. */
  flyFieldNotesReading?: StartReading;
  /** How many times the loader has started the sidebar in this world (entrypoints/loader.ts). */
  flyFieldNotesRuns?: number;
}

let slotEl: HTMLElement | null = null;
const slotListeners = new Set<(el: HTMLElement | null) => void>();

/**
 * The place in the sidebar where the reading chunk renders (its own Preact root): Sidebar.tsx
 * hands its element in through `ref`; the chunk follows it as the sidebar opens and closes.
 */
export const readingSlot: ReadingSlot & { ref: (el: HTMLElement | null) => void } = {
  ref: (el) => {
    if (el === slotEl) return;
    slotEl = el;
    for (const listener of [...slotListeners]) listener(el);
  },
  watch: (onChange) => {
    slotListeners.add(onChange);
    onChange(slotEl);
    return () => slotListeners.delete(onChange);
  },
};

const pageSlug = () => {
  const page = blogPageForUrl(location.href);
  return 'slug' in page ? page.slug : undefined;
};

let chunk: Promise<StartReading | undefined> | undefined;

function loadReadingChunk(): Promise<StartReading | undefined> {
  const world = globalThis as ReadingGlobal;
  const runs = world.flyFieldNotesRuns ?? 1;
  // A second run of the sidebar in this world (an update) evaluates the chunk afresh too.
  const url = extensionUrl(READING_SCRIPT) + (runs > 1 ? `?run=${runs}` : '');
  chunk ??= import(/* @vite-ignore */ url).then(
    () => world.flyFieldNotesReading,
    (error: unknown) => {
      console.warn('Fly Field Notes: the outline could not start.', error);
      return undefined;
    },
  );
  return chunk;
}

/** Start the outline, progress and resume for a post page; returns its teardown. */
export function startOutline(ctx: ContentContext, page: SidebarPage): () => void {
  if (!('slug' in page)) return () => undefined;
  const slug = page.slug;
  let stopped = false;
  let stop: (() => void) | undefined;
  const host: ReadingHost = {
    ctx,
    slug,
    title: page.kind === 'post' ? page.post.title : undefined,
    places: { load: loadPlace, save: savePlace, clear: clearPlace },
    store: { loadPrefs, watchPrefs, loadProgress, setRead, pageSlug },
    slot: readingSlot,
  };
  ctx.requestIdleCallback(
    () =>
      void loadReadingChunk().then((start) => {
        // A page the outline cannot read keeps its sidebar: the chunk's errors stay its own.
        if (!stopped && !ctx.isInvalid && start) stop = start(host);
      }),
    { timeout: 1000 },
  );
  const teardown = () => {
    stopped = true;
    stop?.();
    stop = undefined;
  };
  ctx.onInvalidated(teardown);
  return teardown;
}

/** The outline, progress, resume and auto-mark as a content feature: on every post page. */
export const outlineFeature: ContentFeature = {
  name: 'outline',
  pages: ['post', 'unknown-post'],
  start: startOutline,
};
