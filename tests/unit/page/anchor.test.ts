import { beforeEach, describe, expect, it } from 'vitest';
import { anchorOf, articleBlocks, resolveAnchor } from '../../../data/page/anchor';
import { articleHeadings } from '../../../data/page/article';

function setBody(html: string) {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
}
const article = () => document.querySelector('article')!;
const POST = `<article>
  <p id="lead">Lead paragraph.</p>
  <h2>Alpha</h2><p id="a1">Alpha one.</p><p id="a2">Alpha two.</p>
  <h2>Beta</h2><p id="b1">Beta one.</p><ul><li id="b2">Beta two, a list item.</li></ul><p id="b3">Beta three.</p>
</article>`;
beforeEach(() => setBody(POST));

describe('a place in a post', () => {
  it('is a heading, a text offset into its section and a quote', () => {
    const headings = articleHeadings(article());
    expect(anchorOf(article(), headings, document.getElementById('b3')!)).toEqual({
      index: 1,
      heading: 'Beta',
      offset: 'Beta one.'.length + 1 + 'Beta two, a list item.'.length + 1,
      quote: 'Beta three.',
    });
    expect(anchorOf(article(), headings, document.getElementById('lead')!)?.index).toBe(-1);
  });

  it('blocks are innermost: a list item, not its list', () => {
    const blocks = articleBlocks(article());
    expect(blocks.map((b) => b.id)).toContain('b2');
    expect(blocks.map((b) => b.tagName)).not.toContain('UL');
  });

  it('finds the same paragraph after an edit above it and a new section before', () => {
    const anchor = anchorOf(article(), articleHeadings(article()), document.getElementById('b3')!)!;
    setBody(
      POST.replace('<h2>Alpha</h2>', '<h2>New</h2><p>New text.</p><h2>Alpha</h2>').replace(
        '<p id="b1">',
        '<p>Inserted.</p><p id="b1">',
      ),
    );
    expect(resolveAnchor(article(), articleHeadings(article()), anchor)?.id).toBe('b3');
  });

  it('falls back to the paragraph at the offset, then to the heading', () => {
    const headings = articleHeadings(article());
    const byOffset = resolveAnchor(article(), headings, {
      index: 1,
      heading: 'Beta',
      offset: 11,
      quote: 'Text that is gone',
    });
    expect(byOffset?.id).toBe('b2');
    const heading = resolveAnchor(article(), headings, {
      index: 0,
      heading: 'Alpha',
      offset: 0,
      quote: '',
    });
    expect(heading?.textContent).toBe('Alpha');
  });
});
