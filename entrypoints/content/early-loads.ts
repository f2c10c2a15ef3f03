// The sidebar's first-paint loads (its notes, stylesheet and stored layout; on a post, the
// reading chunk and the post's saved place), started by the manifest's loader
// (entrypoints/loader.ts) beside its import of the sidebar's script rather than by that script
// once imported. Each load is a round trip to the browser's process, and the import is one
// too: one after the other, they doubled the wait for the sidebar's first frame. They are handed
// over through the content-script world's globalThis, which page scripts cannot reach, and taken
// once; any that failed, or a run without them, loads as before.
//
// startEarlyLoads is bundled into the loader, which runs on every blog page: it imports nothing,
// and spells out the paths and keys (tests/unit/content/early-loads.test.ts holds them to the
// real ones).

export interface EarlyLoads {
  notes: Promise<Response>;
  css: Promise<Response>;
  /** The layout and settings, and the place of `slug` when there is one. */
  stored?: Promise<Record<string, unknown>>;
  /** The post the loader took this page for, from its path alone. */
  slug?: string;
}

/** The few parts of the extension API the loader touches (it imports no polyfill). */
export interface ExtensionApi {
  runtime: { getURL: (path: string) => string };
  storage?: { local: { get: (keys: string[]) => Promise<Record<string, unknown>> } };
}

/**
 * The query that makes a second run of the sidebar in one content-script world (an update
 * re-injecting the loader) evaluate a script afresh rather than reuse the module the first run
 * imported: every import of the sidebar's scripts adds it, so the world's module map gives the
 * early import and the sidebar's own the same module.
 */
export const runQuery = (runs: number): string => (runs > 1 ? `?run=${runs}` : '');

type World = { flyFieldNotesEarly?: EarlyLoads };

/**
 * In the loader: start the loads and leave them for the sidebar's script. `runs`: how many times
 * this world has started the sidebar (entrypoints/loader.ts). A page the path takes for a post
 * and the sidebar does not (a tag list) loads the chunk for nothing, as it loads the script.
 */
export function startEarlyLoads(api: ExtensionApi, runs: number, path = location.pathname): void {
  const url = (file: string) => api.runtime.getURL(file);
  const slug = /^\/blog\/([a-z0-9-]+)\/?$/.exec(path)?.[1];
  const keys = ['sidebarLayout', 'prefs'];
  if (slug) {
    keys.push('place:' + slug);
    // The URL the sidebar's own import of the chunk asks for (outline.ts): the world's module
    // map gives that import this one, loaded or loading.
    import(/* @vite-ignore */ url('/reading.js') + runQuery(runs)).catch(() => undefined);
  }
  (globalThis as World).flyFieldNotesEarly = {
    notes: fetch(url('/content-scripts/sidebar-notes.json')),
    css: fetch(url('/content-scripts/content.css')),
    stored: api.storage?.local.get(keys),
    slug,
  };
}

/** In the sidebar's script: this run's early loads; undefined without, or once taken. */
export function takeEarlyLoads(): EarlyLoads | undefined {
  const world = globalThis as World;
  const early = world.flyFieldNotesEarly;
  delete world.flyFieldNotesEarly;
  return early;
}

/**
 * `load` from the early answer when there is one; when there is none, or `load` fails with it
 * (the early request failed, or answered badly), `load` on its own: one more round trip.
 */
export function withEarly<E, T>(
  early: Promise<E> | undefined,
  load: (early?: Promise<E>) => Promise<T>,
): Promise<T> {
  return early ? load(early).catch(() => load()) : load();
}
