import { describe, expect, it } from 'vitest';
import { readIndexCards } from '../../../data/page/index-cards';
import { postPage, otherPage } from '../../fixtures/blog-pages';
import {
  escapeHtml,
  INDEX_SHAPES,
  indexShapePage,
  oldPosts,
  type ShapePost,
} from '../../fixtures/index-shapes';

const INDEX = 'https://fly.io/blog/page/3/';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const plain = (cards: ReturnType<typeof readIndexCards>) =>
  cards.map(({ slug, title, minutes, authors, teaser }) => ({
    slug,
    title,
    minutes,
    authors,
    teaser,
  }));

const expected = (posts: readonly ShapePost[]) =>
  posts.map(({ slug, title, minutes, authors, teaser }) => ({
    slug,
    title,
    minutes,
    authors,
    teaser,
  }));

describe('readIndexCards on index pages of every shape', () => {
  const posts = oldPosts(10, 41);

  it.each(INDEX_SHAPES)(
    'reads every card of the %s shape: slug, title, minutes, authors, teaser',
    (shape) => {
      const cards = readIndexCards(parse(indexShapePage(shape, posts, { page: 3 })), INDEX);
      expect(plain(cards)).toEqual(expected(posts));
    },
  );

  it.each(INDEX_SHAPES)('gives each %s card its own element and a link to the post', (shape) => {
    const doc = parse(indexShapePage(shape, posts, { page: 3 }));
    const cards = readIndexCards(doc, INDEX);
    expect(new Set(cards.map((c) => c.card)).size).toBe(posts.length);
    for (const card of cards) {
      expect(card.card.contains(card.link)).toBe(true);
      expect(card.link.getAttribute('href')).toContain(card.slug);
    }
  });

  it('reads a page of one card as that one post, not the page around it', () => {
    const cards = readIndexCards(parse(indexShapePage('article', posts.slice(0, 1))), INDEX);
    expect(plain(cards)).toEqual(expected(posts.slice(0, 1)));
  });

  it('never counts the pagination, the feed, the sibling sections or other sites', () => {
    const doc = parse(indexShapePage('list', posts, { page: 3 }));
    const slugs = readIndexCards(doc, INDEX).map((c) => c.slug);
    expect(slugs).toEqual(posts.map((p) => p.slug));
    expect(slugs.some((s) => /page|feed|phoenix/.test(s))).toBe(false);
  });

  it('reads /blog/ and /blog/page/N/ in any URL form, and nothing else', () => {
    const html = indexShapePage('article', posts);
    for (const url of [
      'https://fly.io/blog/',
      'https://www.fly.io/blog/page/2',
      'http://fly.io/blog/index.html',
    ])
      expect(readIndexCards(parse(html), url)).toHaveLength(posts.length);
    for (const url of [
      'https://fly.io/docs/',
      'https://fly.io/blog/old-post-41/',
      'https://example.com/blog/',
    ])
      expect(readIndexCards(parse(html), url)).toEqual([]);
  });
});

describe('readIndexCards on pages that are not what they seem', () => {
  it('finds no cards on a post page, with its Next post / Previous post links', () => {
    const doc = parse(postPage('corrosion'));
    expect(readIndexCards(doc, 'https://fly.io/blog/corrosion/')).toEqual([]);
  });

  it('finds no cards on the docs or an error page', () => {
    expect(readIndexCards(parse(otherPage('Fly Docs')), 'https://fly.io/docs/')).toEqual([]);
    const error = parse(otherPage('404 — Page not found'));
    expect(readIndexCards(error, 'https://fly.io/blog/page/99/')).toEqual([]);
  });

  it('finds no posts on an index whose links all lead off the blog', () => {
    const links = Array.from(
      { length: 50 },
      (_, i) =>
        `<article><h2><a href="https://evil.example/blog/post-${i}/">Post ${i}</a></h2>
         <a href="/phoenix-files/post-${i}/">Phoenix</a><a href="/blog/page/${i + 2}/">More</a>
         <a href="/blog/feed.xml">Feed</a><a href="javascript:alert(1)">x</a></article>`,
    ).join('');
    expect(readIndexCards(parse(`<main>${links}</main>`), INDEX)).toEqual([]);
  });

  // happy-dom takes seconds to parse 10,000 links, so 4,000 here (past the 3,000-link bound);
  // the end-to-end tests give real Chromium the 10,000.
  it('reads at most a bounded number of links and cards on a page of thousands of links', () => {
    const links = Array.from(
      { length: 4000 },
      (_, i) => `<li><a href="/blog/flood-${i}/">Flood ${i}</a></li>`,
    ).join('');
    const cards = readIndexCards(parse(`<ul>${links}</ul>`), INDEX);
    expect(cards.length).toBeLessThanOrEqual(100);
    // Whatever it read is right: each card's title is its own link's text.
    for (const card of cards) expect(card.title).toBe(`Flood ${card.slug.slice(6)}`);
  }, 30_000);

  it('keeps a title holding markup as plain text', () => {
    const post: ShapePost = {
      slug: 'markup-title',
      title: '<img src=x onerror="alert(1)"><script>alert(2)</script> & <b>bold</b>',
      minutes: 4,
      authors: ['Mallory'],
      teaser: '<iframe src="https://evil.example"></iframe>',
    };
    const [card] = readIndexCards(parse(indexShapePage('article', [post])), INDEX);
    expect(card?.title).toBe(post.title);
    expect(card?.teaser).toBe(post.teaser);
    expect(escapeHtml(card?.title ?? '')).toContain('&lt;img');
  });

  it('bounds every field of a card full of text', () => {
    const long = 'word '.repeat(5000);
    const html = `<article><h2><a href="/blog/long/">${long}</a></h2><p>By ${long}</p><p>${long}</p></article><article><a href="/blog/other/">Other</a></article>`;
    const [card] = readIndexCards(parse(html), INDEX);
    expect(card?.slug).toBe('long');
    expect(card?.title?.length ?? 0).toBeLessThanOrEqual(300);
    expect(card?.teaser?.length ?? 0).toBeLessThanOrEqual(400);
    for (const name of card?.authors ?? []) expect(name.length).toBeLessThanOrEqual(100);
  });

  it('keeps a post that appears twice (featured and in the list) once', () => {
    const [first, ...rest] = oldPosts(4);
    const featured = `<section><h2><a href="/blog/${first!.slug}/">${first!.title}</a></h2></section>`;
    const html = indexShapePage('article', [first!, ...rest]).replace(
      '<h1>The Fly Blog</h1>',
      `<h1>The Fly Blog</h1>${featured}`,
    );
    const slugs = readIndexCards(parse(html), 'https://fly.io/blog/').map((c) => c.slug);
    expect(slugs).toEqual([first!, ...rest].map((p) => p.slug));
  });
});
