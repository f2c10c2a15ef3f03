// A reader's place in a post that survives another window width and small edits to the post:
// the heading of the section they were in, how far into that section's text they were, and a
// short quote of the paragraph there, checked on return. Never a pixel offset.
import type { ArticleHeading } from './article';
import { plainText } from './text';

/** What a place in a post is made of (stored by data/progress/places.ts). */
export interface TextAnchor {
  /** Index of the section's heading in the outline; -1 before the first heading. */
  index: number;
  /** That heading's text ('' before the first heading). */
  heading: string;
  /** Characters of the section's text before the paragraph. */
  offset: number;
  /** The paragraph's first words. */
  quote: string;
}

const BLOCKS = 'p, li, pre, blockquote, h2, h3, h4, h5, h6, table, figure, dt, dd';
export const QUOTE_CHARS = 64;

/** The article's readable blocks in order, innermost only (a list item's paragraph, not both). */
export function articleBlocks(article: Element): Element[] {
  return [...article.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
}

interface Section {
  index: number;
  blocks: { el: Element; offset: number; text: string }[];
}

/** Blocks grouped under their heading, with each block's text offset into its section. */
function sections(article: Element, headings: readonly ArticleHeading[]): Section[] {
  const all: Section[] = [{ index: -1, blocks: [] }];
  const headingAt = new Map(headings.map((h, i) => [h.el as Element, i]));
  let offset = 0;
  for (const el of articleBlocks(article)) {
    const index = headingAt.get(el);
    if (index !== undefined) {
      all.push({ index, blocks: [] });
      offset = 0;
      continue;
    }
    const text = plainText(el.textContent ?? '');
    all.at(-1)!.blocks.push({ el, offset, text });
    offset += text.length + 1;
  }
  return all;
}

/** The anchor of a block of the article (the paragraph the reader is at). */
export function anchorOf(
  article: Element,
  headings: readonly ArticleHeading[],
  block: Element,
): TextAnchor | undefined {
  for (const section of sections(article, headings)) {
    const found = section.blocks.find((b) => b.el === block || b.el.contains(block));
    if (found)
      return {
        index: section.index,
        heading: headings[section.index]?.text ?? '',
        offset: found.offset,
        quote: found.text.slice(0, QUOTE_CHARS),
      };
    if (section.index >= 0 && headings[section.index]?.el === block)
      return { index: section.index, heading: headings[section.index]!.text, offset: 0, quote: '' };
  }
  return undefined;
}

/**
 * The element an anchor points at in the page as it is now: the section by its heading's text
 * (then by position), the paragraph by its quote nearest the offset, else the one at the
 * offset, else the heading itself.
 */
export function resolveAnchor(
  article: Element,
  headings: readonly ArticleHeading[],
  anchor: TextAnchor,
): Element | undefined {
  const all = sections(article, headings);
  const byText = anchor.heading === '' ? -1 : headings.findIndex((h) => h.text === anchor.heading);
  const sameAt = headings[anchor.index]?.text === anchor.heading;
  const index = sameAt ? anchor.index : byText >= 0 ? byText : anchor.index;
  const section =
    all.find((s) => s.index === index) ?? all.find((s) => s.index === headings.length - 1);
  if (!section) return undefined;
  const quoted = anchor.quote ? section.blocks.filter((b) => b.text.startsWith(anchor.quote)) : [];
  const nearest = (list: typeof section.blocks) =>
    list.reduce<(typeof list)[number] | undefined>(
      (best, b) =>
        !best || Math.abs(b.offset - anchor.offset) < Math.abs(best.offset - anchor.offset)
          ? b
          : best,
      undefined,
    );
  const atOffset = section.blocks.filter((b) => b.offset <= anchor.offset).at(-1);
  return (
    nearest(quoted)?.el ??
    (anchor.quote === '' ? undefined : atOffset?.el) ??
    headings[section.index]?.el ??
    section.blocks[0]?.el
  );
}
