// Read marks and path badges on the blog index's post cards. Each mark lives in its own tiny
// (closed) shadow host, absolutely positioned at the end of the card's title: it takes no space,
// so the page's layout does not move. Cards are found by their links to posts, on any markup
// (data/page/index-cards.ts, in the learn chunk): every post of the blog gets its mark.
import { render } from 'preact';
import type { ContentContext } from './context';
import { CardMark } from '../../components/common/CardMark';
import { SHADOW_MODE } from '../../components/common/test-build';
import { guardAgainstScriptedInput } from '../../components/common/trusted-input';
import { pathLength, pathPosition, sidebarPost } from '../../data/sidebar/sidebar-notes';
import { isRead, type Progress, type ProgressStore } from '../../data/progress/marks';
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import type { IndexCard } from '../../data/page/index-cards';
import type { Theme } from '../../components/sidebar/SidebarShell';
import type { ContentFeature } from './features';
import { loadLearnChunk } from './learn';
import { currentTheme, watchTheme } from './page-theme';

export const CARD_HOST = 'fly-field-notes-card';

interface Card {
  slug: string;
  title: string;
  /** The post link the mark follows. */
  link: HTMLAnchorElement;
}

/** Finds the index's cards (the learn chunk's readIndexCards). */
export type FindCards = (root: ParentNode, pageUrl: string) => IndexCard[];

/** The cards to mark: the notes' title where the notes have the post, else the card's own. */
export function findCards(find: FindCards, root: ParentNode = document, pageUrl = location.href) {
  return find(root, pageUrl).map(({ slug, title, link }): Card => ({
    slug,
    title: sidebarPost(slug)?.title ?? title ?? slug,
    link,
  }));
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
  options: { enabled: boolean; theme: Theme; css: string; find: FindCards },
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
    for (const card of findCards(options.find)) {
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
      let cards: CardMarks | undefined;
      // The cards are read by the learn chunk (any markup); it loads once, after first paint.
      void Promise.all([loadLearnChunk(), loadPrefs()]).then(([chunk, prefs]) => {
        if (!chunk || ctx.isInvalid) return;
        cards = initCardMarks(ctx, store, {
          enabled: prefs.indexCardMarks,
          theme: currentTheme(),
          css,
          find: chunk.findCards,
        });
      });
      const stopPrefs = watchPrefs((prefs) => cards?.setEnabled(prefs.indexCardMarks));
      watchTheme(ctx, (theme) => cards?.setTheme(theme));
      return stopPrefs;
    },
  };
}
