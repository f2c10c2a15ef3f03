// The sidebar script's features (the sidebar itself, card marks, auto-mark, feed refresh, …)
// and the one place that starts and stops them. Each feature is a small module that declares
// the page kinds it serves and a `start`; on every navigation (navigation.ts) the manager ends
// the features' runs for the old page and starts those that serve the new one, so a feature
// never has to follow the URL itself.
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import { createContentContext, type ContentContext } from './context';
import { followNavigation } from './navigation';

export type PageKind = SidebarPage['kind'];
/** Every kind of page that gets the sidebar. */
export const BLOG_PAGES: readonly PageKind[] = ['post', 'unknown-post', 'index'];

export interface ContentFeature {
  /** For reading a trace; not used by the manager. */
  name: string;
  /** The kinds of page it runs on. */
  pages: readonly PageKind[];
  /** Start once the page is idle: what the first paint does not need waits. */
  whenIdle?: boolean;
  /**
   * Run for one page. `ctx` ends when the page does (navigation, or the script's end): its
   * timers and listeners go with it. The returned teardown undoes the rest.
   */
  start: (ctx: ContentContext, page: SidebarPage) => () => void;
}

/** Idle callbacks wait at most this long (ms) on a page that is never idle. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Run `features` for the current page and again after every navigation, until `ctx` ends.
 * A run's teardowns are called before the next page's features start.
 */
export function runFeatures(ctx: ContentContext, features: readonly ContentFeature[]): void {
  let run: ContentContext | undefined;
  const teardowns: (() => void)[] = [];
  const stop = () => {
    run?.abort();
    for (const teardown of teardowns.splice(0)) teardown();
  };
  const startFor = (url: string) => {
    stop();
    const page = blogPageForUrl(url);
    if (page.kind === 'other') return;
    const current = (run = createContentContext(ctx));
    const startOne = (feature: ContentFeature) => {
      if (current.isInvalid) return;
      teardowns.push(feature.start(current, page));
    };
    for (const feature of features) {
      if (!feature.pages.includes(page.kind)) continue;
      if (feature.whenIdle)
        current.requestIdleCallback(() => startOne(feature), { timeout: IDLE_TIMEOUT_MS });
      else startOne(feature);
    }
  };
  ctx.onInvalidated(stop);
  startFor(location.href);
  followNavigation(ctx, startFor);
}
