// The sidebar's content script, which the manifest's loader (entrypoints/loader.ts) imports
// once the page has loaded: decide whether this page gets a sidebar, mount exactly one in a
// shadow root, keep it in step with navigation, and tear everything down with the context.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidebarApp, type SidebarHost } from '../../components/sidebar/SidebarApp';
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import { loadFeedTeaser, watchFeedTeaser } from '../../data/feed/feed-post';
import { loadLayoutAndPrefs, saveLayout } from '../../data/settings/layout';
import { watchPrefs } from '../../data/settings/prefs';
import { loadProgress, setRead, watchProgress } from '../../data/progress/marks';
import { setSidebarNotes } from '../../data/sidebar/sidebar-notes';
import { loadSidebarNotesFile } from '../../data/sidebar/notes-file';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import { CARD_HOST, initCardMarks, type CardMarks } from './card-marks';
import { initFeedRefresh } from './feed-refresh';
import { followNavigation } from './navigation';
import { readingSlot, startOutline } from './outline';
import { currentTheme, watchTheme } from './page-theme';
import { createPagePusher } from './push-aside';
import { createShadowHost, loadContentCss, type ShadowHost } from './shadow-host';
import { listenForToggleCommand } from './toggle-command';
// Both sheets go into the one stylesheet WXT builds for this script, fetched at start: the
// sidebar's shadow root and each index card's get it (browsers share a sheet of equal text).
import './style.css';
import './card-marks.css';

const HOST = 'fly-field-notes';
/** Used only when the page itself has defined an element named like ours. */
const FALLBACK_HOST = 'fly-field-notes-sidebar';

/**
 * A script orphaned by an extension update cannot always clean up after itself: its UI is
 * replaced here so there is only ever one. (WXT also stops older scripts of this name.) Only
 * elements that hold our markup go: a page's own element of the same name is left alone.
 */
function removeStaleUi(): void {
  for (const el of document.querySelectorAll(`${HOST}, ${FALLBACK_HOST}, ${CARD_HOST}`))
    if (el.shadowRoot?.querySelector('[class^="fn-"]')) el.remove();
}

export default defineContentScript({
  matches: ['https://fly.io/blog/*', 'https://www.fly.io/blog/*'],
  // WXT builds the stylesheet as a file of its own; shadow-host.ts puts it in the shadow root.
  cssInjectionMode: 'ui',
  async main(ctx) {
    // The manifest's loader (entrypoints/loader.ts) imports this script after the page's load
    // event; fn-content-start marks the loader's start, this mark this script's.
    performance.mark('fn-sidebar-start');
    if (blogPageForUrl(location.href).kind === 'other') return;
    // First paint needs the notes, the stylesheet and the layout (one storage read): all three
    // load at once. Everything else waits for the page to be idle, below.
    const loading = Promise.all([
      loadSidebarNotesFile(),
      loadContentCss(),
      loadLayoutAndPrefs(window.innerWidth),
    ]);

    removeStaleUi();
    // Chrome gives an orphaned script no event; a cheap periodic check of the context lets
    // WXT notice the extension is gone and remove this script's UI (ctx.setInterval checks it).
    ctx.setInterval(() => undefined, 3000);

    let started: Awaited<typeof loading>;
    try {
      started = await loading;
    } catch (error) {
      // Only a broken build gets here; the page is left exactly as it was.
      console.warn('Fly Field Notes: the sidebar could not start.', error);
      return;
    }
    const [notes, css, { layout, prefs }] = started;
    if (ctx.isInvalid) return;
    setSidebarNotes(notes);
    const initial = blogPageForUrl(location.href);
    if (initial.kind === 'other') return;

    const clear = (container: HTMLElement) => render(null, container);
    let ui: ShadowHost;
    try {
      ui = createShadowHost(ctx, HOST, css, clear);
    } catch {
      // A page that defined its own element under our name owns its shadow root.
      ui = createShadowHost(ctx, FALLBACK_HOST, css, clear);
    }
    let page: SidebarPage = initial;
    const toggleListeners = new Set<() => void>();
    const themeListeners = new Set<(theme: ReturnType<typeof currentTheme>) => void>();
    listenForToggleCommand(ctx, () => toggleListeners.forEach((f) => f()));

    const host: SidebarHost = {
      progress: {
        load: loadProgress,
        watch: watchProgress,
        setRead: (slug, read) => setRead(slug, read, 'button'),
      },
      feedTeasers: { load: loadFeedTeaser, watch: watchFeedTeaser },
      initialLayout: layout,
      saveLayout: (next) => void saveLayout(next),
      viewportWidth: () => window.innerWidth,
      watchViewport: (onChange) => {
        window.addEventListener('resize', onChange);
        const stop = () => window.removeEventListener('resize', onChange);
        const unhook = ctx.onInvalidated(stop);
        return () => (stop(), unhook());
      },
      pushPage: createPagePusher(),
      theme: currentTheme,
      watchTheme: (onChange) => {
        themeListeners.add(onChange);
        return () => themeListeners.delete(onChange);
      },
      watchToggleCommand: (onToggle) => {
        toggleListeners.add(onToggle);
        return () => toggleListeners.delete(onToggle);
      },
      notesUrl: new URL('notes.html', browser.runtime.getURL('/')).href,
      openNotes: () => void browser.runtime.sendMessage({ type: 'fn:open-notes' }),
      readingSlot: readingSlot.ref,
    };

    const paintSidebar = () => render(<SidebarApp page={page} host={host} />, ui.container);
    ui.mount();
    paintSidebar();
    ctx.requestAnimationFrame(() => performance.mark('fn-sidebar-painted'));

    // ---- features: one line each; what the first paint does not need waits for idle time ----
    let cards: CardMarks | undefined;
    ctx.requestIdleCallback(
      () => {
        if (initial.kind === 'index')
          cards = initCardMarks(
            ctx,
            { load: loadProgress, watch: watchProgress, setRead: (s, r) => setRead(s, r, 'card') },
            { enabled: prefs.indexCardMarks, theme: currentTheme(), css },
          );
        const stopPrefs = watchPrefs((next) => cards?.setEnabled(next.indexCardMarks));
        ctx.onInvalidated(stopPrefs);
      },
      { timeout: 1000 },
    );
    // Outline, progress and resume (with auto-mark), per page: a chunk loaded after the paint.
    let stopOutline = startOutline(ctx, page);
    initFeedRefresh(ctx);
    watchTheme(ctx, (theme) => {
      themeListeners.forEach((f) => f(theme));
      cards?.setTheme(theme);
    });
    followNavigation(ctx, (url) => {
      const next = blogPageForUrl(url);
      stopOutline();
      if (next.kind === 'other') return ui.remove();
      page = next;
      stopOutline = startOutline(ctx, page);
      if (!ui.mounted) ui.mount();
      // Repainting with a new page object also reloads the marks: nothing stays stale.
      paintSidebar();
    });
  },
});
