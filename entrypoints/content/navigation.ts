// Keeping the one sidebar in step with the page's URL: history navigation (pushState,
// popstate) and pages restored from the back/forward cache, where the script does not re-run.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function followNavigation(ctx: ContentScriptContext, onUrl: (url: string) => void): void {
  // WXT reports navigations as they start, cross-document ones (a click on a link) included.
  // Reading location a task later sees only what really happened in this document: pushState
  // has committed by then, and a page still being left keeps its own URL.
  ctx.addEventListener(window, 'wxt:locationchange', () =>
    ctx.setTimeout(() => onUrl(location.href), 0),
  );
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) onUrl(location.href);
  });
}
