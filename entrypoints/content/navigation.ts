// Keeping the sidebar script in step with the page's URL: history navigation (pushState,
// replaceState, popstate) and pages restored from the back/forward cache, where the script does
// not re-run. Only events the browser itself fires count (isTrusted), and only a change of the
// page (path or query; a #fragment is the same page) calls back: a page script cannot make the
// features run again by dispatching events.
import type { ContentContext } from './context';

/** The part of a URL that names the page: everything but the fragment. */
const pageOf = (href: string) => href.split('#', 1)[0] ?? href;

interface NavigationTarget extends EventTarget {
  currentEntry: unknown;
}

export function followNavigation(ctx: ContentContext, onUrl: (url: string) => void): void {
  let last = pageOf(location.href);
  const changed = () => {
    const now = pageOf(location.href);
    if (now === last) return;
    last = now;
    onUrl(location.href);
  };
  const check = (event: Event) => {
    if (event.isTrusted) changed();
  };
  // The Navigation API reports every same-document navigation once it has committed
  // (currententrychange): pushState from the page included, which a content script cannot see
  // otherwise. Where it is missing, popstate plus a cheap check of the URL every second.
  const navigation = (globalThis as { navigation?: NavigationTarget }).navigation;
  if (navigation && 'currentEntry' in navigation)
    ctx.addEventListener(navigation, 'currententrychange', check);
  else {
    ctx.addEventListener(window, 'popstate', check);
    ctx.setInterval(changed, 1000);
  }
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (!event.isTrusted || !event.persisted) return;
    last = pageOf(location.href);
    onUrl(location.href);
  });
}
