// What a hostile page script does to find the extension and switch it off, as functions the
// page runs (Playwright's and Puppeteer's evaluate serialise them: each is self-contained).

/** Run before the page's own scripts: keep every `message` the window receives. */
export function recordPageMessages(): void {
  const seen: string[] = [];
  (window as unknown as { __seenMessages: string[] }).__seenMessages = seen;
  addEventListener(
    'message',
    (event) => {
      let data: string;
      try {
        data = JSON.stringify(event.data);
      } catch {
        data = String(event.data);
      }
      seen.push(`${event.origin} ${data}`);
    },
    true,
  );
}

/** The messages recordPageMessages kept. */
export function seenMessages(): string[] {
  return (window as unknown as { __seenMessages?: string[] }).__seenMessages ?? [];
}

/**
 * Dispatch every event and message WXT's content-script context reacted to, named for each id
 * the page might know (the Chrome Web Store id, the Firefox add-on id): on document and window,
 * as CustomEvents and as posted messages, plus forged navigation events.
 */
export function dispatchLikeWxt(ids: string[]): number {
  let sent = 0;
  for (const id of ids)
    for (const script of ['content', 'loader'])
      for (const name of ['content-script-started', 'locationchange']) {
        const type = `${id}:${script}:wxt:${name}`;
        const detail = { contentScriptName: script, messageId: 'from-the-page' };
        document.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
        sent += 3;
      }
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.dispatchEvent(new Event('currententrychange'));
  return sent;
}

/** What of the extension the page shows: sidebars and card marks, present and visible. */
export function extensionOnPage(): {
  sidebars: number;
  sidebarShown: boolean;
  cards: number;
  cardsShown: number;
} {
  const shown = (el: Element) => {
    const style = getComputedStyle(el);
    return el.isConnected && style.display !== 'none' && style.visibility !== 'hidden';
  };
  const sidebars = Array.from(document.querySelectorAll('fly-field-notes'));
  const cards = Array.from(document.querySelectorAll('fly-field-notes-card'));
  return {
    sidebars: sidebars.length,
    sidebarShown: sidebars.some(
      (host) => shown(host) && !!host.shadowRoot?.querySelector('[data-testid="fn-sidebar"]'),
    ),
    cards: cards.length,
    cardsShown: cards.filter((host) => shown(host) && !!host.shadowRoot?.querySelector('button'))
      .length,
  };
}

/** Strings in the built sidebar script that would talk to the page. */
export const PAGE_CHANNELS = /postMessage|dispatchEvent|CustomEvent/;
