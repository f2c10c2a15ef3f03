import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnablePosts } from '../../../entrypoints/learn/learn-page';
import { learnFromMessage } from '../../../entrypoints/background/archive';
import { loadLearnedPosts } from '../../../data/archive/learned';
import { knownPostStore } from '../../../data/archive/known-post';
import { blogPageForUrl } from '../../../data/shared/blog-urls';
import { indexShapePage, oldPosts } from '../../fixtures/index-shapes';
import { postPage } from '../../fixtures/blog-pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('learning from the page the reader opens', () => {
  it("sends an index page's cards and stores them, each under its own key", async () => {
    const url = 'https://fly.io/blog/page/17/';
    const posts = learnablePosts(
      blogPageForUrl(url),
      parse(indexShapePage('bigLink', oldPosts(3))),
      url,
    );
    expect(posts.map((p) => p.slug)).toEqual(['old-post-1', 'old-post-2', 'old-post-3']);
    await learnFromMessage({ from: 'index', posts });
    const stored = await loadLearnedPosts();
    expect(stored.get('old-post-2')).toMatchObject({ title: oldPosts(3)[1]!.title, minutes: 5 });
  });

  it("stores a post page's own facts, which the sidebar then shows with the feed's", async () => {
    const url = 'https://fly.io/blog/an-old-one/';
    const posts = learnablePosts(
      blogPageForUrl(url),
      parse(postPage('an-old-one', { title: 'An Old One', teaser: 'It was old.' })),
      url,
    );
    await learnFromMessage({ from: 'page', posts });
    expect(await knownPostStore.load('an-old-one')).toEqual({
      title: 'An Old One',
      date: '2026-03-01',
      teaser: 'It was old.',
      minutes: 5,
      source: 'blog',
    });
    expect(await knownPostStore.load('never-seen')).toBeUndefined();
  });

  it('ignores messages that are not valid, and posts within them that are not', async () => {
    expect(learnFromMessage({ from: 'elsewhere', posts: [] })).toBeUndefined();
    expect(learnFromMessage({ from: 'index', posts: new Array(101).fill({}) })).toBeUndefined();
    await learnFromMessage({
      from: 'index',
      posts: [{ slug: 'Bad Slug' }, { slug: 'fine', title: 42 }, 'nonsense'],
    });
    expect([...(await loadLearnedPosts()).entries()]).toEqual([
      ['fine', expect.objectContaining({ from: 'index' })],
    ]);
  });

  it('learns nothing on a page that is neither a post nor an index', () => {
    const url = 'https://fly.io/docs/';
    expect(learnablePosts(blogPageForUrl(url), parse(postPage('x')), url)).toEqual([]);
  });
});
