// Read marks and path badges on the blog index's post cards. Each mark lives in its own tiny
// (closed) shadow host, absolutely positioned at the end of the card's title: it takes no space, so the
// page's layout does not move. Cards are found by their link to a post; markup that does not
// match simply gets no mark.
import { render } from 'preact';
import type { ContentContext } from './context';
import { CardMark } from '../../components/common/CardMark';
import { SHADOW_MODE } from '../../components/common/test-build';
import { guardAgainstScriptedInput } from '../../components/common/trusted-input';
import { pathLength, pathPosition } from '../../data/sidebar/sidebar-notes';
import { isRead, type Progress, type ProgressStore } from '../../data/progress/marks';
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import { blogPageForUrl } from '../../data/shared/blog-urls';
import type { Theme } from '../../components/sidebar/SidebarShell';
import type { ContentFeature } from './features';
import { currentTheme, watchTheme } from './page-theme';

export const CARD_HOST = 'fly-field-notes-card';

interface Card {
  slug: string;
  title: string;
  /** The post link the mark follows. */
  link: HTMLAnchorElement;
}

/** Each `article` with a link to a post of the notes, by the link in its heading if it has one. */
export function findCards(root: ParentNode = document): Card[] {
  const cards: Card[] = [];
  for (const article of root.querySelectorAll('article')) {
    const links = [...article.querySelectorAll<HTMLAnchorElement>('a[href]')];
    const posts = links
      .map((link) => ({ link, page: blogPageForUrl(link.href) }))
      .filter((c) => c.page.kind === 'post');
    const chosen = posts.find((c) => c.link.closest('h1, h2, h3, h4')) ?? posts[0];
    if (chosen?.page.kind !== 'post') continue;
    cards.push({ slug: chosen.page.slug, title: chosen.page.post.title, link: chosen.link });
  }
  return cards;
}

export function removeCardMarks(root: ParentNode = document): void {
  for (const host of root.querySelectorAll(CARD_HOST)) host.remove();
}

export interface CardMarks {
  /** Show or hide the marks (the reader's `indexCardMarks` setting). */
  setEnabled: (enabled: boolean) => void;
  setTheme: (theme: Theme) => void;
}

export function initCardMarks(
  ctx: ContentContext,
  store: ProgressStore,
  /** `css`: the content script's stylesheet, which holds card-marks.css (see index.tsx). */
  options: { enabled: boolean; theme: Theme; css: string },
): CardMarks {
  let progress: Progress = {};
  let theme = options.theme;
  let mounted: { card: Card; container: HTMLElement }[] = [];
  const total = pathLength();

  const paint = () => {
    for (const { card, container } of mounted) {
      render(
        <CardMark
          title={card.title}
          read={isRead(progress, card.slug)}
          step={pathPosition(card.slug)?.step}
          total={total}
          theme={theme}
          onToggleRead={(read) => void store.setRead(card.slug, read)}
        />,
        container,
      );
    }
  };

  const unmount = () => {
    for (const { container } of mounted) render(null, container);
    mounted = [];
    removeCardMarks();
  };

  const mount = () => {
    unmount();
    for (const card of findCards()) {
      const host = document.createElement(CARD_HOST);
      // Out of flow at its static position, so the title line keeps its size.
      host.style.setProperty('position', 'absolute', 'important');
      let shadow: ShadowRoot;
      try {
        // Closed (open only in test builds): the mark inside is the reader's, not the page's.
        shadow = host.attachShadow({ mode: SHADOW_MODE });
      } catch {
        // The page defined an element of this name with its own shadow root: no marks then.
        return;
      }
      guardAgainstScriptedInput(shadow);
      const style = document.createElement('style');
      style.textContent = options.css;
      const container = document.createElement('span');
      shadow.append(style, container);
      card.link.after(host);
      mounted.push({ card, container });
    }
    paint();
  };

  let stopWatch: (() => void) | undefined;
  const setEnabled = (enabled: boolean) => {
    if (!enabled) {
      stopWatch?.();
      stopWatch = undefined;
      return unmount();
    }
    if (!stopWatch) {
      stopWatch = store.watch((p) => {
        progress = p;
        paint();
      });
      void store.load().then((p) => {
        progress = p;
        paint();
      });
    }
    mount();
  };

  ctx.onInvalidated(() => {
    stopWatch?.();
    unmount();
  });
  setEnabled(options.enabled);
  return {
    setEnabled,
    setTheme: (next) => {
      theme = next;
      paint();
    },
  };
}

/**
 * Card marks as a content feature: on index pages, once the page is idle, shown or hidden as
 * the reader's `indexCardMarks` setting says. `css`: as for initCardMarks.
 */
export function cardMarksFeature(store: ProgressStore, css: string): ContentFeature {
  return {
    name: 'card marks',
    pages: ['index'],
    whenIdle: true,
    start: (ctx) => {
      const cards = initCardMarks(ctx, store, { enabled: false, theme: currentTheme(), css });
      void loadPrefs().then((prefs) => {
        if (!ctx.isInvalid) cards.setEnabled(prefs.indexCardMarks);
      });
      const stopPrefs = watchPrefs((prefs) => cards.setEnabled(prefs.indexCardMarks));
      watchTheme(ctx, cards.setTheme);
      return stopPrefs;
    },
  };
}
