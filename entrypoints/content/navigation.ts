// Keeping the one sidebar in step with the page's URL: history navigation (pushState,
// popstate) and pages restored from the back/forward cache, where the script does not re-run.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function followNavigation(ctx: ContentScriptContext, onUrl: (url: string) => void): void {
  ctx.addEventListener(window, 'wxt:locationchange', (event) => onUrl(event.newUrl.href));
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) onUrl(location.href);
  });
}
