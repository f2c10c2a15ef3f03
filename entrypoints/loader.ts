// The script the manifest injects on fly.io/blog pages: a few lines that start the sidebar's
// script (entrypoints/content/, built to content-scripts/content.js) once the page has loaded.
//
// Why a loader: Chrome runs document-idle scripts just before the page's load event when the
// page has loaded quickly, so compiling and running the sidebar's ~75 KB there held the load
// event up by 15–35 ms on this project's benchmark machine. Imported after the load event, the
// sidebar costs the page's load nothing; a page still loading 100 ms on (a slow image) gets it
// then. The sidebar's script is a web-accessible file of the extension, never remote code.
//
// Deliberately tiny and free of imports (not even the polyfill): it runs on every blog page.

/** The sidebar's script, relative to the extension's root (see wxt.config.ts). */
export const SIDEBAR_SCRIPT = '/content-scripts/content.js';
/** The longest the loader waits for the page's load event before it starts the sidebar. */
const LOAD_WAIT_MS = 100;

interface RuntimeGlobal {
  browser?: { runtime: { getURL: (path: string) => string } };
  chrome?: { runtime: { getURL: (path: string) => string } };
  /** How many times this page's content-script world has started the sidebar. */
  flyFieldNotesRuns?: number;
}

export default defineUnlistedScript(() => {
  performance.mark('fn-content-start');
  const world = globalThis as RuntimeGlobal;
  const runtime = (world.browser ?? world.chrome)?.runtime;
  if (!runtime) return;
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
  };
  if (document.readyState === 'complete') start();
  else {
    // After the load event's own handlers, not among them.
    addEventListener('load', () => setTimeout(start, 0), { once: true });
    setTimeout(start, LOAD_WAIT_MS);
  }
});
