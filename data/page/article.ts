// Where the post is on a page, found from the page's structure alone (no class names of the
// blog's own): its `article`, else its `main`, else the largest block of paragraphs. Also the
// article's h2/h3 headings, its end, and whether the page shows a table of contents of its own.
import { headingText, plainText } from './text';

/** Our own elements on the page (their shadow roots are never searched; the hosts are skipped). */
const OWN = 'fly-field-notes, fly-field-notes-sidebar';

/** Paragraph text under an element, a measure of how much of a post it holds. */
function paragraphChars(el: Element): number {
  let n = 0;
  for (const p of el.querySelectorAll('p')) n += (p.textContent ?? '').length;
  return n;
}

/** The least a block of paragraphs must hold to count as a post. */
const MIN_ARTICLE_CHARS = 400;

/**
 * The element holding the post's text: the `article` with the most paragraph text, else `main`,
 * else the parent of the largest block of paragraphs. Undefined when the page has no such block.
 */
export function findArticle(doc: Document): Element | undefined {
  const articles = [...doc.querySelectorAll('article')].filter((a) => !a.closest('nav, aside'));
  let best: Element | undefined;
  let bestChars = 0;
  for (const a of articles) {
    const chars = paragraphChars(a);
    if (chars > bestChars) [best, bestChars] = [a, chars];
  }
  if (best && bestChars >= MIN_ARTICLE_CHARS) return best;
  const main = doc.querySelector('main');
  if (main && paragraphChars(main) >= MIN_ARTICLE_CHARS) return main;
  // No landmark: the parent whose direct paragraphs hold the most text.
  const byParent = new Map<Element, number>();
  for (const p of doc.body?.querySelectorAll('p') ?? []) {
    const parent = p.parentElement;
    if (!parent || parent.closest(`nav, aside, footer, header, ${OWN}`)) continue;
    byParent.set(parent, (byParent.get(parent) ?? 0) + (p.textContent ?? '').length);
  }
  let block: Element | undefined;
  let blockChars = 0;
  for (const [parent, chars] of byParent)
    if (chars > blockChars) [block, blockChars] = [parent, chars];
  return block && blockChars >= MIN_ARTICLE_CHARS ? block : undefined;
}

/** One heading of the outline. */
export interface ArticleHeading {
  el: HTMLElement;
  level: 2 | 3;
  text: string;
  /** The heading's id, when it has one (a link target). */
  id: string | undefined;
}

/** The article's h2 and h3 headings with text, in order; none inside its navigation or asides. */
export function articleHeadings(article: Element): ArticleHeading[] {
  const found: ArticleHeading[] = [];
  for (const el of article.querySelectorAll<HTMLElement>('h2, h3')) {
    if (el.closest(`nav, aside, ${OWN}`)) continue;
    const text = headingText(el);
    if (text === '') continue;
    found.push({ el, level: el.tagName === 'H2' ? 2 : 3, text, id: el.id || undefined });
  }
  return found;
}

/**
 * The element that marks the end of the post's text: fly.io's "last updated" line when the
 * article has it, else the article's last element, else the page's best stand-in.
 */
export function articleEnd(
  doc: Document,
  article = findArticle(doc) ?? doc.querySelector('article') ?? undefined,
): Element | undefined {
  const lastUpdated = [...(article?.querySelectorAll('p') ?? [])].find((p) =>
    plainText(p.textContent ?? '').startsWith('Last updated'),
  );
  return (
    lastUpdated ??
    article?.lastElementChild ??
    article ??
    doc.querySelector('main')?.lastElementChild ??
    doc.body.lastElementChild ??
    undefined
  );
}

/**
 * Whether the page shows its own table of contents: a list or nav whose in-page links lead to
 * at least three of the article's headings (or all of them, when it has fewer).
 */
export function pageShowsToc(doc: Document, headings: readonly ArticleHeading[]): boolean {
  const ids = new Set(headings.flatMap((h) => (h.id ? [h.id] : [])));
  if (ids.size < 2) return false;
  const needed = Math.min(3, ids.size);
  const counts = new Map<Element, Set<string>>();
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    // A heading's own anchor link is not a table of contents.
    if (a.closest('h1, h2, h3, h4, h5, h6')) continue;
    const target = decodeFragment(a.getAttribute('href') ?? '');
    const list = a.closest('nav, ol, ul');
    if (!list || !ids.has(target)) continue;
    const seen = counts.get(list) ?? new Set<string>();
    seen.add(target);
    counts.set(list, seen);
    if (seen.size >= needed) return true;
  }
  return false;
}

function decodeFragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}
