// The sidebar's first-paint loads, started by the loader beside the import of the sidebar's
// script (entrypoints/loader.ts, startEarlyLoads) and taken over by that script
// (entrypoints/content/early-loads.ts): the loader asks for the same files and keys as the
// script would, the script uses what the loader got, and loads for itself whatever failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import contentScript from '../../../entrypoints/content/index';
import {
  runQuery,
  startEarlyLoads,
  takeEarlyLoads,
  withEarly,
  type EarlyLoads,
} from '../../../entrypoints/content/early-loads';
import { READING_SCRIPT } from '../../../entrypoints/content/outline';
import { CONTENT_CSS_FILE } from '../../../entrypoints/content/shadow-host';
import { fieldNotes } from '../../../data/notes/notes';
import { PLACE_PREFIX } from '../../../data/progress/places';
import { LAYOUT_KEY } from '../../../data/settings/layout';
import { PREFS_KEY } from '../../../data/settings/prefs';
import { projectSidebarNotes, SIDEBAR_NOTES_FILE } from '../../../data/sidebar/notes-projection';

type World = { flyFieldNotesEarly?: EarlyLoads; flyFieldNotesStop?: () => void };
const world = globalThis as World;

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
}

const notesResponse = () => Response.json(projectSidebarNotes(fieldNotes()));
const cssResponse = () => new Response('.fn-root{}', { headers: { 'content-type': 'text/css' } });

describe("the loader's early loads", () => {
  /** A runtime whose URLs are the path behind `ext:`, and what the loader asked of it. */
  function fakeApi() {
    const asked = { urls: [] as string[], keys: [] as string[][] };
    const api = {
      runtime: {
        getURL: (path: string) => {
          asked.urls.push(path);
          return `ext:${path}`;
        },
      },
      storage: {
        local: {
          get: (keys: string[]) => {
            asked.keys.push(keys);
            return Promise.resolve({});
          },
        },
      },
    };
    return { api, asked };
  }
  let fetched: string[];
  beforeEach(() => {
    fetched = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        fetched.push(String(input));
        return Promise.resolve(new Response(''));
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete world.flyFieldNotesEarly;
  });
  /** What the loader leaves for the sidebar's script on a page at `path`. */
  function started(api: Parameters<typeof startEarlyLoads>[0], path: string): EarlyLoads {
    startEarlyLoads(api, 1, path);
    const early = world.flyFieldNotesEarly;
    expect(early).toBeDefined();
    return early as EarlyLoads;
  }

  it("on a post: the sidebar's notes, stylesheet, layout, settings, the post's place and the reading chunk", async () => {
    const { api, asked } = fakeApi();
    const early = started(api, '/blog/corrosion/');
    expect(fetched).toEqual([`ext:/${SIDEBAR_NOTES_FILE}`, `ext:${CONTENT_CSS_FILE}`]);
    expect(asked.keys).toEqual([[LAYOUT_KEY, PREFS_KEY, `${PLACE_PREFIX}corrosion`]]);
    expect(asked.urls).toContain(READING_SCRIPT);
    expect(early.slug).toBe('corrosion');
    expect(await early.stored).toEqual({});
    await expect(early.notes).resolves.toBeInstanceOf(Response);
  });

  it('on the index: no place and no reading chunk', () => {
    const { api, asked } = fakeApi();
    const early = started(api, '/blog/');
    expect(fetched).toHaveLength(2);
    expect(asked.keys).toEqual([[LAYOUT_KEY, PREFS_KEY]]);
    expect(asked.urls).not.toContain(READING_SCRIPT);
    expect(early.slug).toBeUndefined();
  });

  it('without a storage API, leaves the stored values to the sidebar script', () => {
    const { api } = fakeApi();
    const early = started({ runtime: api.runtime }, '/blog/corrosion');
    expect(early.stored).toBeUndefined();
    expect(early.slug).toBe('corrosion');
  });

  it('adds a query to the scripts only from the second run in a world on', () => {
    expect(runQuery(1)).toBe('');
    expect(runQuery(2)).toBe('?run=2');
    expect(runQuery(3)).not.toBe(runQuery(2));
  });
});

describe('taking the early loads', () => {
  afterEach(() => {
    delete world.flyFieldNotesEarly;
  });

  it('hands them over once', () => {
    const early: EarlyLoads = {
      notes: Promise.resolve(notesResponse()),
      css: Promise.resolve(cssResponse()),
    };
    world.flyFieldNotesEarly = early;
    expect(takeEarlyLoads()).toBe(early);
    expect(world.flyFieldNotesEarly).toBeUndefined();
    expect(takeEarlyLoads()).toBeUndefined();
  });

  it('uses an early answer, and loads again when it failed or there was none', async () => {
    const load = vi.fn((early?: Promise<number>) =>
      early ? early.then((n) => n * 2) : Promise.resolve(-1),
    );
    expect(await withEarly(Promise.resolve(21), load)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
    load.mockClear();
    expect(await withEarly(Promise.reject(new Error('no answer')), load)).toBe(-1);
    expect(load).toHaveBeenCalledTimes(2);
    expect(load.mock.calls[1]).toEqual([]);
    load.mockClear();
    expect(await withEarly(undefined, load)).toBe(-1);
    expect(load.mock.calls).toEqual([[]]);
  });

  it('loads again when the early answer is there but not usable', async () => {
    const parse = (early?: Promise<string>) =>
      (early ?? Promise.resolve('{"ok":true}')).then((text) => JSON.parse(text) as unknown);
    expect(await withEarly(Promise.resolve('{ not json'), parse)).toEqual({ ok: true });
  });
});

describe('the sidebar script with the early loads', () => {
  const hosts = () => document.querySelectorAll('fly-field-notes');
  const roots = new WeakMap<Element, ShadowRoot>();
  const attachShadow = Element.prototype.attachShadow;
  beforeEach(() => {
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      roots.set(this, root);
      return root;
    };
  });
  const sidebarMode = async () =>
    vi.waitFor(() => {
      const host = hosts()[0];
      const root = host ? roots.get(host) : undefined;
      const mode = root?.querySelector('[data-testid="fn-root"]')?.getAttribute('data-mode');
      expect(mode).toBeTruthy();
      return mode;
    });

  let fetched: string[];
  let storageGet: { mock: { calls: unknown[][] }; mockClear: () => void };
  beforeEach(() => {
    fakeBrowser.reset();
    setUrl('https://fly.io/blog/corrosion/');
    document.body.replaceChildren();
    fetched = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const url = String(input);
        fetched.push(url);
        return Promise.resolve(url.endsWith('.json') ? notesResponse() : cssResponse());
      }),
    );
    storageGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    // The reading chunk cannot be imported here; the sidebar only warns.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
  });
  afterEach(() => {
    world.flyFieldNotesStop?.();
    delete world.flyFieldNotesEarly;
    Element.prototype.attachShadow = attachShadow;
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const readsOf = (key: string) =>
    storageGet.mock.calls.filter(([keys]) => ([] as unknown[]).concat(keys).includes(key));

  it("paints from the loader's answers without asking again", async () => {
    // The stored layout says collapsed; storage itself holds nothing (the default is open).
    world.flyFieldNotesEarly = {
      notes: Promise.resolve(notesResponse()),
      css: Promise.resolve(cssResponse()),
      stored: Promise.resolve({
        [LAYOUT_KEY]: { open: false, pinned: true, width: 340, side: 'right' },
        [`${PLACE_PREFIX}corrosion`]: undefined,
      }),
      slug: 'corrosion',
    };
    await contentScript.main(undefined as never);
    expect(await sidebarMode()).toBe('collapsed');
    expect(world.flyFieldNotesEarly).toBeUndefined();
    expect(fetched.filter((url) => url.endsWith('.json') || url.endsWith('.css'))).toEqual([]);
    expect(readsOf(LAYOUT_KEY)).toEqual([]);
    expect(readsOf(`${PLACE_PREFIX}corrosion`)).toEqual([]);
  });

  it('loads for itself what the loader failed to get', async () => {
    await fakeBrowser.storage.local.set({
      [LAYOUT_KEY]: { open: false, pinned: false, width: 300, side: 'left' },
    });
    storageGet.mockClear();
    world.flyFieldNotesEarly = {
      notes: Promise.reject(new Error('network')),
      css: Promise.resolve(new Response('', { status: 404 })),
      stored: Promise.reject(new Error('storage')),
      slug: 'corrosion',
    };
    await contentScript.main(undefined as never);
    expect(await sidebarMode()).toBe('collapsed');
    expect(fetched.filter((url) => url.endsWith('.json'))).toHaveLength(1);
    expect(fetched.filter((url) => url.endsWith('.css'))).toHaveLength(1);
    expect(readsOf(LAYOUT_KEY)).toHaveLength(1);
    expect(readsOf(`${PLACE_PREFIX}corrosion`)).toHaveLength(1);
  });

  it('reads the place itself when the loader took the page for another post', async () => {
    world.flyFieldNotesEarly = {
      notes: Promise.resolve(notesResponse()),
      css: Promise.resolve(cssResponse()),
      stored: Promise.resolve({}),
      slug: 'another-post',
    };
    await contentScript.main(undefined as never);
    expect(await sidebarMode()).toBeTruthy();
    expect(readsOf(LAYOUT_KEY)).toEqual([]);
    expect(readsOf(`${PLACE_PREFIX}corrosion`)).toHaveLength(1);
  });

  it('loads everything itself without a loader', async () => {
    await contentScript.main(undefined as never);
    expect(await sidebarMode()).toBeTruthy();
    expect(fetched.filter((url) => url.endsWith('.json') || url.endsWith('.css'))).toHaveLength(2);
    expect(readsOf(LAYOUT_KEY)).toHaveLength(1);
  });
});
