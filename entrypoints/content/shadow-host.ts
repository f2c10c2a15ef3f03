// The sidebar's root on the page: one custom element with a closed shadow root (open only in
// test builds, components/common/test-build.ts) holding the sidebar's stylesheet and a
// container to render into. The page sees the bare element and nothing inside it. It does what WXT's createShadowRootUi
// did for this script (the same element, reset, stylesheet and teardown) in a fraction of the
// code: the content script has a 25 KB gzip budget and this script uses none of the rest.
import { SHADOW_MODE } from '../../components/common/test-build';
import { guardAgainstScriptedInput } from '../../components/common/trusted-input';
import type { ContentContext } from './context';
import { extensionUrl } from '../../data/sidebar/notes-file';

export interface ShadowHost {
  /** The element the page sees. */
  host: HTMLElement;
  /** Where the UI renders, inside the shadow root. */
  container: HTMLElement;
  /** Put the host at the end of <body> (again, if the page removed it). */
  mount: () => void;
  /** Take the host off the page; `mount` can put it back. */
  remove: () => void;
  /** Between `mount` and `remove`. */
  readonly mounted: boolean;
}

/** The stylesheet's path in the extension (the loader fetches it too: entrypoints/loader.ts). */
export const CONTENT_CSS_FILE = '/content-scripts/content.css';

/**
 * The stylesheet WXT builds for this script (cssInjectionMode 'ui'), fetched from the
 * extension (or `early`, the loader's request for it). Without it the sidebar would be unstyled,
 * so a failure is an error, not a warning.
 */
export async function loadContentCss(early?: Promise<Response>): Promise<string> {
  const response = await (early ?? fetch(extensionUrl(CONTENT_CSS_FILE)));
  if (!response.ok) throw new Error(`The sidebar stylesheet answered HTTP ${response.status}.`);
  return response.text();
}

/**
 * Create the host element `name` with its shadow root. Throws when the page has already made
 * `name` its own element (which may refuse a shadow root): the caller tries another name.
 */
export function createShadowHost(
  ctx: ContentContext,
  name: string,
  css: string,
  onRemove: (container: HTMLElement) => void,
): ShadowHost {
  const host = document.createElement(name);
  // Closed: the reader's marks are inside, and `host.shadowRoot` would hand them to the page.
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
  guardAgainstScriptedInput(shadow);
  const style = document.createElement('style');
  // Nothing of the page's styles reaches in: `all: initial` on the host, then our sheet.
  style.textContent = `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);

  let mounted = false;
  const remove = () => {
    onRemove(container);
    host.remove();
    mounted = false;
  };
  ctx.onInvalidated(remove);
  return {
    host,
    container,
    mount: () => {
      document.body.append(host);
      mounted = true;
    },
    remove,
    get mounted() {
      return mounted;
    },
  };
}

/**
 * The shadow root of one of our elements, open or closed: content scripts may read closed
 * roots (Chrome's `chrome.dom.openOrClosedShadowRoot`, Firefox's
 * `element.openOrClosedShadowRoot`); the page cannot.
 */
export function shadowRootOf(element: Element): ShadowRoot | null {
  type Dom = { chrome?: { dom?: { openOrClosedShadowRoot: (e: Element) => ShadowRoot | null } } };
  return (
    (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    (globalThis as Dom).chrome?.dom?.openOrClosedShadowRoot(element) ??
    element.shadowRoot
  );
}
