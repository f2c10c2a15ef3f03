// Reads the post cards of a blog index page (/blog/, /blog/page/N/) without depending on its
// markup: a card is the largest element around one post's links that holds no other post's
// link (so, in a list of cards, exactly one card). Its fields come from its text:
//   title   its heading, else its most telling link text, else its first line
//   minutes "N min" in a short line        authors "By A & B"
//   teaser  the rest of its text (not "Read more")
// Every field is optional and plain text (textContent only); the page is never changed.
// Linear in the page: each element is visited a bounded number of times, and the number of
// links, cards and text nodes read is capped.
import { blogPageForUrl } from '../shared/blog-urls';
import { authorsIn, clip, isGenericLinkText, MAX_TEASER, MAX_TITLE, minutesIn } from './page-text';
import { postSlugOfHref } from './post-link';

/** What one card says of its post. Only `slug`, `card` and `link` are always there. */
export interface IndexCard {
  slug: string;
  /** The card's element (for marks); not for storage. */
  card: Element;
  /** The link a mark goes after: the title's link if there is one. */
  link: HTMLAnchorElement;
  title?: string;
  minutes?: number;
  authors?: string[];
  teaser?: string;
}

/** Links read per page; an index has a few dozen. */
export const MAX_LINKS = 3000;
/** Cards read per page; an index shows about ten. */
export const MAX_CARDS = 100;
/** Text pieces read per card. */
const MAX_PIECES = 60;
/** A card with more text than this is a page region, not a card: only its link counts. */
const MAX_CARD_TEXT = 4000;

const MIXED = '';

/** Each post's links on the page, in order, bounded. */
function postLinks(root: ParentNode, base: string): { link: HTMLAnchorElement; slug: string }[] {
  const found: { link: HTMLAnchorElement; slug: string }[] = [];
  const anchors = root.querySelectorAll<HTMLAnchorElement>('a[href]');
  const count = Math.min(anchors.length, MAX_LINKS);
  for (let i = 0; i < count; i++) {
    const link = anchors[i]!;
    const slug = postSlugOfHref(link.getAttribute('href'), base);
    if (slug) found.push({ link, slug });
  }
  return found;
}

/**
 * For each element above a post link: the one slug its links lead to, or MIXED. Each element
 * changes at most twice (unset → slug → MIXED), so this is linear in the page.
 */
function slugOwners(links: readonly { link: Element; slug: string }[]): Map<Element, string> {
  const owner = new Map<Element, string>();
  for (const { link, slug } of links) {
    for (let el: Element | null = link; el; el = el.parentElement) {
      const held = owner.get(el);
      if (held === slug || held === MIXED) break;
      owner.set(el, held === undefined ? slug : MIXED);
    }
  }
  return owner;
}

/** The text pieces of a card: each element holding text of its own gives one piece. */
function pieces(card: Element): { text: string; el: Element }[] {
  const found: { text: string; el: Element }[] = [];
  const taken = new Set<Element>();
  const walker = card.ownerDocument.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && found.length < MAX_PIECES; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.nodeValue?.trim()) continue;
    if (el.closest('script, style, template, noscript')) continue;
    let inside = false;
    for (let up: Element | null = el; up && up !== card.parentElement; up = up.parentElement)
      if (taken.has(up)) {
        inside = true;
        break;
      }
    if (inside) continue;
    taken.add(el);
    found.push({ text: clip(el.textContent ?? '', MAX_TEASER * 2), el });
  }
  return found;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

const isPlainLine = (text: string) =>
  !isGenericLinkText(text) && authorsIn(text) === undefined && minutesIn(text) === undefined;

/**
 * The card's title: a heading that holds (or sits in) the post's link; else its only heading
 * (not the page's h1); else the post link's own text; else the first plain line inside a link.
 */
function titleOf(
  card: Element,
  links: HTMLAnchorElement[],
  found: { text: string; el: Element }[],
) {
  const headings = [...(card.matches(HEADING) ? [card] : []), ...card.querySelectorAll(HEADING)];
  const linked = headings.find((h) => links.some((l) => h.contains(l) || l.contains(h)));
  const only = headings.length === 1 && headings[0]?.tagName !== 'H1' ? headings[0] : undefined;
  const heading = linked ?? only;
  if (heading) {
    const text = clip(heading.textContent ?? '', MAX_TITLE);
    if (text !== '') return text;
  }
  const named = links
    .map((l) => clip(l.textContent ?? '', MAX_TITLE * 2))
    .filter((t) => t.length <= 150 && isPlainLine(t))
    .sort((a, b) => b.length - a.length)[0];
  if (named) return named;
  const line = found.find((p) => links.some((l) => l.contains(p.el)) && isPlainLine(p.text));
  return line ? clip(line.text, MAX_TITLE) : '';
}

function readCard(card: Element, links: HTMLAnchorElement[], slug: string): IndexCard {
  const titleLink =
    links.find((l) => l.closest(HEADING) && card.contains(l.closest(HEADING))) ??
    links.find((l) => !isGenericLinkText(l.textContent ?? '')) ??
    links[0]!;
  const result: IndexCard = { slug, card, link: titleLink };
  if ((card.textContent ?? '').length > MAX_CARD_TEXT) {
    const text = clip(titleLink.textContent ?? '', MAX_TITLE);
    if (!isGenericLinkText(text)) result.title = text;
    return result;
  }

  const found = pieces(card);
  const title = titleOf(card, links, found);
  const rest: string[] = [];
  for (let i = 0; i < found.length; i++) {
    let text = found[i]!.text;
    const next = found[i + 1]?.text ?? '';
    // "13" and "min Read", or "By" and "Kurt Mackey", in two elements are one line.
    if ((/^\d{1,3}$/.test(text) && /^min/i.test(next)) || /^by$/i.test(text))
      text = `${text} ${next}`;
    const authors = text.length <= 200 ? authorsIn(text) : undefined;
    if (authors) {
      // The byline's names may be split over elements: the fullest reading wins.
      if (authors.length > (result.authors?.length ?? 0)) result.authors = authors;
      if (text === `${found[i]!.text} ${next}`) i++;
      continue;
    }
    const minutes = minutesIn(text);
    if (minutes !== undefined) {
      result.minutes ??= minutes;
      if (text === `${found[i]!.text} ${next}`) i++;
      continue;
    }
    if (isGenericLinkText(text) || text === title) continue;
    rest.push(text);
  }
  if (title !== '') result.title = title;
  const teaser = clip(rest.join(' '), MAX_TEASER);
  if (teaser !== '') result.teaser = teaser;
  return result;
}

/**
 * The post cards of an index page, in page order, one per post (the first card of a post that
 * shows twice). Any page that is not /blog/ or /blog/page/N/ has none.
 */
export function readIndexCards(root: ParentNode, pageUrl: string): IndexCard[] {
  if (blogPageForUrl(pageUrl).kind !== 'index') return [];
  const links = postLinks(root, pageUrl);
  const owner = slugOwners(links);
  const top = root instanceof Document ? root.body : root;
  const cards = new Map<Element, { slug: string; links: HTMLAnchorElement[] }>();
  for (const { link, slug } of links) {
    // Climb while the parent holds only this post's links; stop below the page's body.
    let card: Element = link;
    // A parent holding an h1 the card does not is the page around a lone card.
    while (
      card.parentElement &&
      card.parentElement !== top &&
      owner.get(card.parentElement) === slug &&
      !(card.parentElement.querySelector('h1') && !card.querySelector('h1'))
    )
      card = card.parentElement;
    const held = cards.get(card);
    if (held) held.links.push(link);
    else if (cards.size < MAX_CARDS) cards.set(card, { slug, links: [link] });
  }
  const seen = new Set<string>();
  const result: IndexCard[] = [];
  for (const [card, { slug, links: cardLinks }] of cards) {
    if (seen.has(slug)) continue;
    seen.add(slug);
    result.push(readCard(card, cardLinks, slug));
  }
  return result;
}
