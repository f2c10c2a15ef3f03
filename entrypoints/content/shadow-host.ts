// The sidebar's root on the page: one custom element with an open shadow root holding the
// sidebar's stylesheet and a container to render into. It does what WXT's createShadowRootUi
// did for this script (the same element, reset, stylesheet and teardown) in a fraction of the
// code: the content script has a 25 KB gzip budget and this script uses none of the rest.
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

/**
 * The stylesheet WXT builds for this script (cssInjectionMode 'ui'), fetched from the
 * extension. Without it the sidebar would be unstyled, so a failure is an error, not a warning.
 */
export async function loadContentCss(): Promise<string> {
  const response = await fetch(extensionUrl('/content-scripts/content.css'));
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
  // Open, as WXT's was: tests and the page's own tools can see inside; nothing secret is here.
  const shadow = host.attachShadow({ mode: 'open' });
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
