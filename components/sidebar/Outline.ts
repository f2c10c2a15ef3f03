// "In this post": the article's h2/h3 headings as a nested list of links, the one being read
// marked with aria-current="location". Built by the reading chunk (entrypoints/reading/).
import { el } from './reading-dom';

export interface OutlineEntry {
  text: string;
  level: 2 | 3;
  /** The heading's id, for the link's href (the click itself scrolls, clear of headers). */
  id: string | undefined;
}

export interface OutlineView {
  el: HTMLElement;
  /** Mark the heading being read (-1: none). */
  setCurrent: (index: number) => void;
}

/** Each h3 under the h2 before it; an h3 before any h2 stands on its own. */
export function nestEntries(
  entries: readonly OutlineEntry[],
): { index: number; children: number[] }[] {
  const groups: { index: number; children: number[] }[] = [];
  entries.forEach((entry, index) => {
    const parent = groups.at(-1);
    if (entry.level === 3 && parent && entries[parent.index]?.level === 2)
      parent.children.push(index);
    else groups.push({ index, children: [] });
  });
  return groups;
}

/**
 * The outline's nav (entries must not be empty). `open` false starts it folded away (the page
 * shows its own table of contents). A click or Enter on an entry calls `onGo` with its index.
 */
export function createOutline(
  entries: readonly OutlineEntry[],
  open: boolean,
  onGo: (index: number) => void,
): OutlineView {
  const links: HTMLAnchorElement[] = [];
  const item = (index: number, children: number[] = []) => {
    const entry = entries[index]!;
    const link = el(
      'a',
      { href: `#${entry.id ?? ''}`, 'data-testid': 'fn-outline-item', 'data-index': String(index) },
      entry.text,
    );
    link.addEventListener('click', (event) => {
      event.preventDefault();
      onGo(index);
    });
    links[index] = link;
    const li = el('li', {}, link);
    if (children.length > 0) li.append(el('ol', {}, ...children.map((i) => item(i))));
    return li;
  };
  const list = el(
    'ol',
    { id: 'fn-outline-list', class: 'fn-outline-list' },
    ...nestEntries(entries).map((g) => item(g.index, g.children)),
  );
  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'fn-outline-toggle',
      'data-testid': 'fn-outline-toggle',
      'aria-controls': 'fn-outline-list',
    },
    'In this post',
  );
  const fold = (unfolded: boolean) => {
    toggle.setAttribute('aria-expanded', String(unfolded));
    list.hidden = !unfolded;
  };
  fold(open);
  toggle.addEventListener('click', () => fold(list.hidden));
  const nav = el(
    'nav',
    { class: 'fn-outline', 'data-testid': 'fn-outline', 'aria-labelledby': 'fn-outline-title' },
    el('h3', { id: 'fn-outline-title', class: 'fn-outline-title' }, toggle),
    list,
  );
  let current = -1;
  return {
    el: nav,
    setCurrent: (index) => {
      if (index === current) return;
      links[current]?.removeAttribute('aria-current');
      links[index]?.setAttribute('aria-current', 'location');
      current = index;
    },
  };
}
