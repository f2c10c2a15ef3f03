// "In this post", reading progress and resume, on every post page (feature module, torn down on
// navigation). What the reader sees and the page's reading tracker live in a chunk of their own
// (entrypoints/reading/, built to reading.js), so the first-paint script stays within its
// budget; this module only imports it and hands it the storage it needs. On a post the chunk
// (and the saved place) loads beside the sidebar's other first-paint loads, started by the
// loader (early-loads.ts), and an open sidebar waits for it (preloadReading), so the panel is in
// the sidebar's first frame: drawn into the open sidebar a frame later, it pushed the sidebar's
// lower sections down (a layout shift).
import type { ContentContext } from './context';
import type { ContentFeature } from './features';
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import { loadProgress, setRead } from '../../data/progress/marks';
import { clearPlace, loadPlace, savePlace, type Place } from '../../data/progress/places';
import { extensionUrl } from '../../data/sidebar/notes-file';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import { runQuery, withEarly } from './early-loads';
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

/** The place read by preloadReading, for its page's first start; else from storage. */
function loadPlaceOnce(slug: string): Promise<Place | undefined> {
  const early = preloaded;
  preloaded = undefined;
  // Already resolved: the resume offer is drawn before the frame (a microtask), moving nothing.
  return early?.slug === slug ? Promise.resolve(early.place) : loadPlace(slug);
}

const pageSlug = () => {
  const page = blogPageForUrl(location.href);
  return 'slug' in page ? page.slug : undefined;
};

let chunk: Promise<StartReading | undefined> | undefined;
/** The chunk's start once imported: later pages start it in the same task as the sidebar. */
let loaded: StartReading | undefined;
/** The saved place read with the chunk for the first page, used once (see preloadReading). */
let preloaded: { slug: string; place: Place | undefined } | undefined;

function loadReadingChunk(): Promise<StartReading | undefined> {
  const world = globalThis as ReadingGlobal;
  const runs = world.flyFieldNotesRuns ?? 1;
  // A second run of the sidebar in this world (an update) evaluates the chunk afresh too.
  const url = extensionUrl(READING_SCRIPT) + runQuery(runs);
  chunk ??= import(/* @vite-ignore */ url).then(
    () => (loaded = world.flyFieldNotesReading),
    (error: unknown) => {
      console.warn('Fly Field Notes: the outline could not start.', error);
      return undefined;
    },
  );
  return chunk;
}

/**
 * Import the chunk and read the post's saved place now, so that startOutline can draw the
 * panel in the same task as the sidebar's first render. Resolves when both are in; never
 * rejects (a chunk that fails to load leaves the sidebar as it is). `stored`: the loader's read
 * of the place (early-loads.ts); the loader's import of the chunk is the one imported here.
 */
export async function preloadReading(
  slug: string,
  stored?: Promise<Record<string, unknown>>,
): Promise<void> {
  const [, place] = await Promise.all([
    loadReadingChunk(),
    withEarly(stored, (early) => loadPlace(slug, early)).catch(() => undefined),
  ]);
  preloaded = { slug, place };
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
    places: { load: loadPlaceOnce, save: savePlace, clear: clearPlace },
    store: { loadPrefs, watchPrefs, loadProgress, setRead, pageSlug },
    slot: readingSlot,
  };
  const begin = (start: StartReading | undefined) => {
    if (stopped || ctx.isInvalid || !start) return;
    // A page the outline cannot read keeps its sidebar: the chunk's errors stay its own.
    try {
      stop = start(host);
    } catch (error) {
      console.warn('Fly Field Notes: the outline could not start.', error);
    }
  };
  // Already imported (preloaded for the first paint, or an earlier page): in this very task,
  // so the panel is in the sidebar's frame. Otherwise once the page is idle.
  if (loaded) begin(loaded);
  else
    ctx.requestIdleCallback(() => void loadReadingChunk().then(begin), {
      timeout: 1000,
    });
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
