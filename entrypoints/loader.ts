// The script the manifest injects on fly.io/blog pages: a few lines that start the sidebar's
// script (entrypoints/content/, built to content-scripts/content.js) once the page has loaded.
//
// Why a loader: Chrome runs document-idle scripts just before the page's load event when the
// page has loaded quickly, so compiling and running the sidebar's ~75 KB there held the load
// event up by 15–35 ms on this project's benchmark machine. Imported after the load event, the
// sidebar costs the page's load nothing; a page still loading 100 ms on (a slow image) gets it
// then. The sidebar's script is a web-accessible file of the extension, never remote code.
//
// It runs at document_start for one more job: a pinned, open sidebar pushes the page aside,
// and a margin set after the page's first paint moves everything on it (a layout shift). So
// it reads the remembered layout at once and sets the same margin before the page paints; the
// sidebar's script adopts it (push-aside.ts) and nothing moves when the sidebar arrives.
//
// Deliberately tiny and free of imports (not even the polyfill) but the few lines that start
// the sidebar's first-paint loads: it runs on every blog page.
import { startEarlyLoads } from './content/early-loads';

/** The sidebar's script, relative to the extension's root (see wxt.config.ts). */
export const SIDEBAR_SCRIPT = '/content-scripts/content.js';
/** The longest the loader waits for the page's load event before it starts the sidebar. */
const LOAD_WAIT_MS = 100;

interface Runtime {
  runtime: { getURL: (path: string) => string };
  storage?: { local: { get: (keys: string[]) => Promise<Record<string, unknown>> } };
}
interface RuntimeGlobal {
  browser?: Runtime;
  chrome?: Runtime;
  /** How many times this page's content-script world has started the sidebar. */
  flyFieldNotesRuns?: number;
  /** The root's margin property the loader set for the sidebar (push-aside.ts takes it over). */
  flyFieldNotesReserved?: string;
}

type Fields = Record<string, unknown>;
const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/**
 * The margin (property, px) a pinned, open sidebar takes on a window this wide, from the stored
 * layout and settings; undefined when it takes none. The rules of data/settings/layout.ts
 * (layoutFromStored, clampWidth, layoutMode) in a few lines: that module needs Zod, too big for
 * this script. tests/unit/settings/reserved-space.test.ts holds the two to the same answers.
 */
export function reservedMargin(
  storedLayout: unknown,
  storedPrefs: unknown,
  windowWidth: number,
): [property: string, width: number] | undefined {
  const layout = Object(storedLayout) as Fields;
  const prefs = Object(storedPrefs) as Fields;
  const side = layout.side === 'left' || layout.side === 'right' ? layout.side : prefs.sidebarSide;
  const stored = layout.width;
  const width = Math.min(
    Math.max(260, Math.floor(windowWidth - 48)),
    typeof stored === 'number' && isFinite(stored)
      ? Math.min(640, Math.max(260, Math.round(stored)))
      : 340,
  );
  if (
    flag(layout.open, flag(prefs.sidebarOpenByDefault, true)) &&
    flag(layout.pinned, flag(prefs.sidebarPinnedByDefault, true)) &&
    windowWidth - width >= 720
  )
    return [side === 'left' ? 'margin-left' : 'margin-right', width];
}

export default defineUnlistedScript(() => {
  performance.mark('fn-content-start');
  const world = globalThis as RuntimeGlobal;
  const api = world.browser ?? world.chrome;
  const runtime = api?.runtime;
  if (!runtime) return;
  // Before the page's first paint (storage answers within a few ms), reserve the pinned
  // sidebar's space; the sidebar's script takes it over, or gives it back if it does not show.
  // Only on a root with no inline margin of its own on that side (nothing else to give back).
  api.storage?.local.get(['sidebarLayout', 'prefs']).then((items) => {
    const margin = reservedMargin(items.sidebarLayout, items.prefs, innerWidth);
    const style = document.documentElement?.style;
    if (margin && style && !style.getPropertyValue(margin[0]) && !world.flyFieldNotesRuns) {
      world.flyFieldNotesReserved = margin[0];
      style.setProperty(margin[0], `${margin[1]}px`, 'important');
    }
  });
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // A second run in the same world (an update re-injecting this script) must evaluate the
    // sidebar's script again, not reuse the module the first run imported.
    const runs = (world.flyFieldNotesRuns = (world.flyFieldNotesRuns ?? 0) + 1);
    const url = runtime.getURL(SIDEBAR_SCRIPT) + (runs > 1 ? `?run=${runs}` : '');
    import(/* @vite-ignore */ url).catch((error: unknown) => {
      console.warn('Fly Field Notes: the sidebar could not start.', error);
    });
    // What the sidebar's first paint loads, at once beside it (content/early-loads.ts).
    startEarlyLoads({ runtime, storage: api?.storage }, runs);
  };
  if (document.readyState === 'complete') start();
  else {
    // After the load event's own handlers, not among them.
    addEventListener('load', () => setTimeout(start, 0), { once: true });
    // The wait counts from the parsed document (when document_idle used to run this script).
    addEventListener('DOMContentLoaded', () => setTimeout(start, LOAD_WAIT_MS), { once: true });
  }
});
