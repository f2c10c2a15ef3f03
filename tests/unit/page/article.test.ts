import { beforeEach, describe, expect, it } from 'vitest';
import { articleEnd, articleHeadings, findArticle, pageShowsToc } from '../../../data/page/article';
import { headingText, plainText } from '../../../data/page/text';

const words = (n: number) => 'word '.repeat(n);
function setBody(html: string) {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
}
beforeEach(() => setBody(''));

describe('finding the article', () => {
  it('takes the article with the most paragraph text', () => {
    setBody(
      `<article id="card"><p>${words(10)}</p></article><article id="post"><p>${words(200)}</p></article>`,
    );
    expect(findArticle(document)?.id).toBe('post');
  });

  it('falls back to main, then to the largest block of paragraphs', () => {
    setBody(`<main id="m"><p>${words(200)}</p></main>`);
    expect(findArticle(document)?.id).toBe('m');
    setBody(
      `<div id="side"><p>${words(20)}</p></div><div id="body"><p>${words(100)}</p><p>${words(100)}</p></div>`,
    );
    expect(findArticle(document)?.id).toBe('body');
  });

  it('finds nothing on a page without a block of paragraphs', () => {
    setBody('<div>Line one</div><div>Line two</div><h2>Lonely</h2>');
    expect(findArticle(document)).toBeUndefined();
  });
});

describe('the headings', () => {
  it('are the h2/h3 with text, in order, with text as read and without anchor marks', () => {
    setBody(`<article>
      <h1>Title</h1>
      <h2 id="a">Using <code>fly   deploy</code> with <em>care</em> <a href="#a">#</a></h2>
      <h3>Inner</h3><h4>Too deep</h4><h2> </h2>
      <nav><h2>Contents</h2></nav>
      <h3 id="b">¶ Last</h3>
    </article>`);
    const headings = articleHeadings(document.querySelector('article')!);
    expect(headings.map((h) => [h.level, h.text, h.id])).toEqual([
      [2, 'Using fly deploy with care', 'a'],
      [3, 'Inner', undefined],
      [3, 'Last', 'b'],
    ]);
  });

  it('plain text is linear on long runs of spaces', () => {
    expect(plainText(` a${' '.repeat(100_000)}b `)).toBe('a b');
    const h = document.createElement('h2');
    h.textContent = '# # Title #';
    expect(headingText(h)).toBe('Title');
  });
});

describe('the article end', () => {
  it('is the "Last updated" line, found by its text', () => {
    setBody(
      `<article><p>${words(200)}</p><p id="lu">Last updated • Mar 1, 2026</p><nav>n</nav></article>`,
    );
    expect(articleEnd(document)?.id).toBe('lu');
  });
});

describe("the page's own table of contents", () => {
  const post = (toc: string) =>
    setBody(
      `${toc}<article>${[1, 2, 3, 4].map((i) => `<h2 id="h${i}">H${i} <a href="#h${i}">#</a></h2><p>${words(50)}</p>`).join('')}</article>`,
    );
  const detect = () => pageShowsToc(document, articleHeadings(document.querySelector('article')!));

  it('is a list of links to three of the headings', () => {
    post(
      '<ol><li><a href="#h1">1</a></li><li><a href="#h2">2</a></li><li><a href="#h3">3</a></li></ol>',
    );
    expect(detect()).toBe(true);
  });

  it('is not the headings’ own anchor links, nor a list of two', () => {
    post('<ul><li><a href="#h1">1</a></li><li><a href="#h2">2</a></li></ul>');
    expect(detect()).toBe(false);
  });
});
