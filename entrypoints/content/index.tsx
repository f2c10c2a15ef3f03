// The sidebar's content script, which the manifest's loader (entrypoints/loader.ts) imports
// once the page has loaded: decide whether this page gets a sidebar, make its one shadow root,
// and run the content features (features.ts) for this page and every page navigated to.
import { BLOG_PAGE_MATCHES } from '../../data/shared/fly-urls';
import { render } from 'preact';
import type { SidebarHost } from '../../components/sidebar/SidebarApp';
import { knownPostStore } from '../../data/archive/known-post';
import { loadLayoutAndPrefs, saveLayout } from '../../data/settings/layout';
import { progressStore } from '../../data/progress/marks';
import { setSidebarNotes } from '../../data/sidebar/sidebar-notes';
import { loadSidebarNotesFile } from '../../data/sidebar/notes-file';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import { notesPageUrl } from '../../data/shared/extension-pages';
import { contentResponseSchemas, sendMessage } from '../../data/shared/messages';
import { CARD_HOST, cardMarksFeature } from './card-marks';
import { startSidebarRun } from './context';
import { feedRefreshFeature } from './feed-refresh';
import { runFeatures } from './features';
import { learnFeature } from './learn';
import { outlineFeature, preloadReading, readingSlot } from './outline';
import { currentTheme, watchTheme } from './page-theme';
import { createPagePusher } from './push-aside';
import { takeEarlyLoads, withEarly } from './early-loads';
import { createShadowHost, loadContentCss, shadowRootOf, type ShadowHost } from './shadow-host';
import { sidebarFeature } from './sidebar-feature';
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
 * replaced here so there is only ever one. (An older run in this world is stopped by
 * startSidebarRun.) Only elements that hold our markup go: a page's own element of the same
 * name is left alone.
 */
function removeStaleUi(): void {
  for (const el of document.querySelectorAll(`${HOST}, ${FALLBACK_HOST}, ${CARD_HOST}`))
    if (shadowRootOf(el)?.querySelector('[class^="fn-"]')) el.remove();
}

export default defineContentScript({
  matches: BLOG_PAGE_MATCHES,
  // WXT builds the stylesheet as a file of its own; shadow-host.ts puts it in the shadow root.
  cssInjectionMode: 'ui',
  // WXT's own context is kept out of this script (wxt.config.ts): context.ts says why.
  async main() {
    // The manifest's loader (entrypoints/loader.ts) imports this script after the page's load
    // event; fn-content-start marks the loader's start, this mark this script's.
    performance.mark('fn-sidebar-start');
    const early = takeEarlyLoads();
    // Takes over the space the loader may have reserved; every early return gives it back.
    const pushPage = createPagePusher();
    const giveUp = () => pushPage('right', 0);
    const first = blogPageForUrl(location.href);
    if (first.kind === 'other') return giveUp();
    const ctx = startSidebarRun();
    // First paint needs the notes, the stylesheet and the layout (one storage read): all three
    // load at once, most often already started by the loader (early-loads.ts). Everything else
    // waits for the page to be idle (features.ts).
    const loading = Promise.all([
      withEarly(early?.notes, (notes) => loadSidebarNotesFile(notes && (() => notes))),
      withEarly(early?.css, loadContentCss),
      withEarly(early?.stored, (stored) => loadLayoutAndPrefs(window.innerWidth, stored)),
    ]);

    // On a post, the reading chunk too: drawn into an open sidebar after its first paint, it
    // would move the sidebar's lower sections (outline.ts). Awaited only if the sidebar opens.
    // The loader read the post's place with the layout if it took the page for the same post.
    const reading =
      'slug' in first
        ? preloadReading(first.slug, early?.slug === first.slug ? early.stored : undefined)
        : undefined;

    removeStaleUi();
    // Chrome gives an orphaned script no event; a cheap periodic check of the context notices
    // the extension is gone and removes this script's UI (ctx.setInterval checks it).
    ctx.setInterval(() => undefined, 3000);

    let started: Awaited<typeof loading>;
    try {
      started = await loading;
    } catch (error) {
      // Only a broken build gets here; the page is left exactly as it was.
      console.warn('Fly Field Notes: the sidebar could not start.', error);
      return giveUp();
    }
    const [notes, css, { layout }] = started;
    if (layout.open) await reading;
    if (ctx.isInvalid) return giveUp();
    setSidebarNotes(notes);

    const clear = (container: HTMLElement) => render(null, container);
    let ui: ShadowHost;
    try {
      ui = createShadowHost(ctx, HOST, css, clear);
    } catch {
      // A page that defined its own element under our name owns its shadow root.
      ui = createShadowHost(ctx, FALLBACK_HOST, css, clear);
    }
    const toggleListeners = new Set<() => void>();
    const themeListeners = new Set<(theme: ReturnType<typeof currentTheme>) => void>();
    listenForToggleCommand(ctx, () => toggleListeners.forEach((f) => f()));
    watchTheme(ctx, (theme) => themeListeners.forEach((f) => f(theme)));

    let currentLayout = layout;
    const host: SidebarHost = {
      progress: progressStore('button'),
      feedPosts: knownPostStore,
      suggestSection: (post) =>
        sendMessage(contentResponseSchemas, 'fn:suggest-section', post).then((r) => r.suggestion),
      // A sidebar painted again (the script restarted in place) starts from the reader's layout.
      get initialLayout() {
        return currentLayout;
      },
      saveLayout: (next) => {
        currentLayout = next;
        void saveLayout(next);
      },
      viewportWidth: () => window.innerWidth,
      watchViewport: (onChange) => {
        window.addEventListener('resize', onChange);
        const stop = () => window.removeEventListener('resize', onChange);
        const unhook = ctx.onInvalidated(stop);
        return () => (stop(), unhook());
      },
      pushPage,
      theme: currentTheme,
      watchTheme: (onChange) => {
        themeListeners.add(onChange);
        return () => themeListeners.delete(onChange);
      },
      watchToggleCommand: (onToggle) => {
        toggleListeners.add(onToggle);
        return () => toggleListeners.delete(onToggle);
      },
      notesUrl: notesPageUrl(),
      openNotes: () =>
        void sendMessage(contentResponseSchemas, 'fn:open-notes', {}).catch(() => undefined),
      readingSlot: readingSlot.ref,
    };

    // One line per feature; each declares its pages, and what first paint does not need
    // starts when the page is idle.
    runFeatures(ctx, [
      sidebarFeature(ui, host),
      cardMarksFeature(progressStore('card'), css),
      // Outline, progress, resume and auto-mark: a chunk of their own, loaded after the paint.
      outlineFeature,
      feedRefreshFeature,
      // Learning the whole blog from this page, and the index walk: the learn chunk, when idle.
      learnFeature,
    ]);
    ctx.requestAnimationFrame(() => performance.mark('fn-sidebar-painted'));
  },
});
