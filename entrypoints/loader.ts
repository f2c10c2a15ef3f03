// The script the manifest injects on fly.io/blog pages: a few lines that start the sidebar's
// script (entrypoints/content/, built to content-scripts/content.js) once the page has loaded.
//
// Why a loader: Chrome runs document-idle scripts just before the page's load event when the
// page has loaded quickly, so compiling and running the sidebar's ~75 KB there held the load
// event up by 15–35 ms on this project's benchmark machine. Imported after the load event, the
// sidebar costs the page's load nothing; a page still loading 100 ms on (a slow image) gets it
// then. The sidebar's script is a web-accessible file of the extension, never remote code.
//
// It runs at document_start, early in the page's parse: before the load event it only sets
// two listeners and touches no extension API (the API's first touch costs a few ms, which a
// page that loads in 50 ms would feel). A pinned sidebar's space is reserved before the page
// paints by a stylesheet the background registers (data/settings/reserved-space.ts).
//
// Deliberately tiny and free of imports (not even the polyfill) but the few lines that start
// the sidebar's first-paint loads: it runs on every blog page.
import { runQuery, startEarlyLoads, type ExtensionApi } from './content/early-loads';

/** The sidebar's script, relative to the extension's root (see wxt.config.ts). */
export const SIDEBAR_SCRIPT = '/content-scripts/content.js';
/** The longest the loader waits for the page's load event before it starts the sidebar. */
const LOAD_WAIT_MS = 100;

interface RuntimeGlobal {
  browser?: ExtensionApi;
  chrome?: ExtensionApi;
  /** How many times this page's content-script world has started the sidebar. */
  flyFieldNotesRuns?: number;
}

/** data/settings/reserved-space.ts's RESERVE_OFF_ATTRIBUTE (this script imports nothing). */
export const RESERVE_OFF = 'data-fly-field-notes-reserve-off';

export default defineUnlistedScript(() => {
  performance.mark('fn-content-start');
  const world = globalThis as RuntimeGlobal;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // Touched only now: the first touch of the API builds its bindings (see above).
    const api = world.browser ?? world.chrome;
    const runtime = api?.runtime;
    if (!runtime) return;
    // A second run in the same world (an update re-injecting this script) must evaluate the
    // sidebar's script again, not reuse the module the first run imported.
    const runs = (world.flyFieldNotesRuns = (world.flyFieldNotesRuns ?? 0) + 1);
    const url = runtime.getURL(SIDEBAR_SCRIPT) + runQuery(runs);
    import(/* @vite-ignore */ url).catch((error: unknown) => {
      // Give back the space reserved for a sidebar that will not come.
      document.documentElement?.setAttribute(RESERVE_OFF, '');
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
