// The sidebar itself as a content feature: on every blog page, painted at once (it is the first
// paint). Between two blog pages it is repainted in place, so the reader's open panel, focus
// and the page's margin stay as they are; it leaves only when the next page gets no sidebar.
import { render } from 'preact';
import { SidebarApp, type SidebarHost } from '../../components/sidebar/SidebarApp';
import { BLOG_PAGES, type ContentFeature } from './features';
import type { ShadowHost } from './shadow-host';

export function sidebarFeature(ui: ShadowHost, host: SidebarHost): ContentFeature {
  // Set by a run's teardown; the next run, started in the same task, clears it.
  let leaving = false;
  return {
    name: 'sidebar',
    pages: BLOG_PAGES,
    start: (_ctx, page) => {
      leaving = false;
      // Also when the page replaced its <body> (as a single-page navigation may) and took it.
      if (!ui.host.isConnected) ui.mount();
      // A new page object also reloads the marks: nothing stays stale.
      render(<SidebarApp page={page} host={host} />, ui.container);
      return () => {
        leaving = true;
        queueMicrotask(() => {
          if (leaving) ui.remove();
        });
      };
    },
  };
}
