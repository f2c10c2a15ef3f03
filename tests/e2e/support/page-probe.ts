// What a page script on fly.io can learn about, and do to, the extension's UI. Both functions
// run in the page's own world (page.evaluate), so they see exactly what the page's scripts see.
// They are self-contained: Playwright and Puppeteer serialise them into the page.

/** What the page can read of the extension's elements. */
export interface PageView {
  /** Our elements on the page (the sidebar host, the card mark hosts). */
  hosts: string[];
  /** Our elements whose `shadowRoot` the page can read. */
  openRoots: string[];
  /** Every attribute of our elements, as the page reads them. */
  hostAttributes: string[];
  /** Mark state the page found anywhere it can reach (should be none). */
  marks: string[];
  /** How many light-DOM children each of our elements has (should be none). */
  lightDomChildren: number;
  /** Our UI is drawn: the page hit-tests a host at a window edge, or a card mark has a size. */
  painted: boolean;
}

/** Everything a page script can read of our elements, including through open roots. */
export function readWhatThePageSees(): PageView {
  const ours = [...document.querySelectorAll('*')].filter((el) =>
    el.localName.startsWith('fly-field-notes'),
  );
  const marks: string[] = [];
  for (const el of ours) {
    const root = el.shadowRoot;
    if (!root) continue;
    for (const found of root.querySelectorAll('[aria-pressed], [data-read]'))
      marks.push(
        `${found.getAttribute('data-testid')}: ${found.getAttribute('aria-pressed') ?? found.getAttribute('data-read')}`,
      );
  }
  return {
    hosts: ours.map((el) => el.localName),
    openRoots: ours.filter((el) => el.shadowRoot !== null).map((el) => el.localName),
    hostAttributes: ours.flatMap((el) =>
      [...el.attributes].filter((a) => a.name !== 'style').map((a) => `${a.name}=${a.value}`),
    ),
    marks,
    lightDomChildren: ours.reduce((sum, el) => sum + el.childNodes.length, 0),
    painted:
      // clientWidth, not innerWidth: Firefox's scrollbar takes the window's last pixels.
      [1, document.documentElement.clientWidth - 2].some((x) =>
        document
          .elementFromPoint(x, window.innerHeight / 2)
          ?.localName.startsWith('fly-field-notes'),
      ) ||
      ours.some((el) => el.localName.endsWith('-card') && el.getBoundingClientRect().width > 0),
  };
}

/**
 * Do what a hostile page would to forge a mark or change a setting: `.click()` and dispatch
 * clicks, keys and pointer events on every element it can reach (our hosts, everything inside
 * any open root of ours, the document). Returns how many elements it reached.
 */
export function forgeInput(): number {
  const ours = [...document.querySelectorAll('*')].filter((el) =>
    el.localName.startsWith('fly-field-notes'),
  );
  const targets: Element[] = [document.documentElement, ...ours];
  for (const el of ours) if (el.shadowRoot) targets.push(...el.shadowRoot.querySelectorAll('*'));
  const init = { bubbles: true, composed: true, cancelable: true };
  for (const el of targets) {
    if (el instanceof HTMLElement) el.click();
    el.dispatchEvent(new MouseEvent('click', init));
    el.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerId: 1 }));
    el.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerId: 1, clientX: 5 }));
    for (const key of ['Enter', ' ', 'Escape', 'ArrowLeft', 'ArrowRight']) {
      el.dispatchEvent(new KeyboardEvent('keydown', { ...init, key }));
      el.dispatchEvent(new KeyboardEvent('keyup', { ...init, key }));
    }
  }
  return targets.length;
}
