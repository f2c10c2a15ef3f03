// The sidebar script leaves the page no handle on the extension: starting it posts nothing to
// the page and dispatches no event the page could read; a second run stops the first through
// the content-script world's own globalThis; and events a page script dispatches (named like
// WXT's, or forged navigation events) neither stop the sidebar nor make it run again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import contentScript from '../../../entrypoints/content/index';
import { fieldNotes } from '../../../data/notes/notes';
import { projectSidebarNotes } from '../../../data/sidebar/notes-projection';

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);
}

/** The extension's files as the content script fetches them: its notes and its stylesheet. */
function serveExtensionFiles() {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('.json'))
        return Promise.resolve(Response.json(projectSidebarNotes(fieldNotes())));
      return Promise.resolve(
        new Response('.fn-root{}', { headers: { 'content-type': 'text/css' } }),
      );
    }),
  );
}

const hosts = () => document.querySelectorAll('fly-field-notes');
// Production builds close the sidebar's shadow root: the test keeps each root as it is
// attached, since the page's `element.shadowRoot` is null.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.set(this, root);
  return root;
};
const rootOf = (host: Element | undefined) => (host ? roots.get(host) : undefined);
const sidebarShown = async () =>
  vi.waitFor(() => {
    const host = hosts()[0];
    expect(rootOf(host)?.querySelector('[data-testid="fn-sidebar"]')).toBeTruthy();
  });

let posted: unknown[];
let dispatched: string[];
beforeEach(() => {
  fakeBrowser.reset();
  setUrl('https://fly.io/blog/corrosion/');
  document.body.replaceChildren();
  serveExtensionFiles();
  // happy-dom has no idle callbacks: the next task stands in for idle time.
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) =>
    setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 0),
  );
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  posted = [];
  dispatched = [];
  vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => {
    posted.push(message);
  });
  for (const target of [window, document]) {
    const original = target.dispatchEvent.bind(target);
    vi.spyOn(target, 'dispatchEvent').mockImplementation((event: Event) => {
      dispatched.push(event.type);
      return original(event);
    });
  }
});
afterEach(() => {
  // Ends the run still going (the next test's first run stops it, as an update would).
  (globalThis as { flyFieldNotesStop?: () => void }).flyFieldNotesStop?.();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('starting the sidebar', () => {
  it('posts nothing to the page and dispatches no event on window or document', async () => {
    await contentScript.main(undefined as never);
    await sidebarShown();
    expect(posted).toEqual([]);
    expect(dispatched).toEqual([]);
  });

  it('stops an older run in the same world without telling the page', async () => {
    await contentScript.main(undefined as never);
    await sidebarShown();
    const first = hosts()[0];
    await contentScript.main(undefined as never);
    await sidebarShown();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(posted).toEqual([]);
    expect(dispatched).toEqual([]);
  });

  it('is not stopped or re-run by events a page script dispatches', async () => {
    await contentScript.main(undefined as never);
    await sidebarShown();
    const host = hosts()[0];
    const panel = rootOf(host)?.querySelector('[data-testid="fn-sidebar"]');
    const id = fakeBrowser.runtime.id;
    for (const name of ['content-script-started', 'locationchange'])
      for (const target of [document, window])
        target.dispatchEvent(
          new CustomEvent(`${id}:content:wxt:${name}`, {
            detail: { contentScriptName: 'content', messageId: 'page' },
          }),
        );
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).toBe(host);
    expect(host?.isConnected).toBe(true);
    // Not painted again either: the same panel element is still there.
    expect(rootOf(host)?.querySelector('[data-testid="fn-sidebar"]')).toBe(panel);
  });
});
