import { describe, expect, it } from 'vitest';
import { blogPageForUrl, postForUrl } from '../../../data/shared/blog-urls';

describe('postForUrl', () => {
  const litestreamVfs: string[] = [
    'https://fly.io/blog/litestream-vfs/',
    'https://fly.io/blog/litestream-vfs',
    'http://fly.io/blog/litestream-vfs/',
    'https://www.fly.io/blog/litestream-vfs/',
    'https://www.fly.io/blog/litestream-vfs',
    'https://FLY.IO/blog/litestream-vfs/',
    'https://Www.Fly.Io/blog/litestream-vfs/',
    'https://fly.io/blog/litestream-vfs/?utm_source=hn',
    'https://fly.io/blog/litestream-vfs?ref=x#section',
    'https://fly.io/blog/litestream-vfs/#sandwiches',
    'https://fly.io/blog/litestream-vfs/index.html',
    'https://fly.io/blog/litestream-vfs/index.html?x=1#y',
    'https://fly.io//blog//litestream-vfs//',
    'https://fly.io./blog/litestream-vfs/',
    '  https://fly.io/blog/litestream-vfs/  ',
  ];
  for (const url of litestreamVfs)
    it(`finds litestream-vfs for ${JSON.stringify(url)}`, () => {
      expect(postForUrl(url)?.slug).toBe('litestream-vfs');
    });

  const notPosts: string[] = [
    'https://fly.io/blog/',
    'https://fly.io/blog',
    'https://fly.io/blog/page/2/',
    'https://fly.io/blog/feed.xml',
    'https://fly.io/blog/not-in-the-notes/',
    'https://fly.io/docs/',
    'https://fly.io/',
    'https://fly.io/phoenix-files/litestream-vfs/',
    'https://fly.io/laravel-bytes/some-post/',
    'https://example.com/blog/litestream-vfs/',
    'https://fly.io.example.com/blog/litestream-vfs/',
    'https://evil.com/?u=https://fly.io/blog/litestream-vfs/',
    'https://fly.io:8443/blog/litestream-vfs/',
    'https://fly.io/blog/litestream-vfs/comments/',
    'https://fly.io/blog/LITESTREAM-VFS/',
    'ftp://fly.io/blog/litestream-vfs/',
    'not a url',
    '',
    'https://fly.io/blog/%E0%A4%A/',
  ];
  for (const url of notPosts)
    it(`finds no post for ${JSON.stringify(url)}`, () => {
      expect(postForUrl(url)).toBeUndefined();
    });

  it('matches on the slug, not a slugified title', () => {
    expect(postForUrl('https://fly.io/blog/fuckin-robots/')?.title).toBe(
      'Our Best Customers Are Now Robots',
    );
    expect(postForUrl('https://fly.io/blog/our-best-customers-are-now-robots/')).toBeUndefined();
  });
});

describe('blogPageForUrl', () => {
  it('knows the index and its pages', () => {
    expect(blogPageForUrl('https://fly.io/blog/')).toEqual({ kind: 'index', page: 1 });
    expect(blogPageForUrl('https://www.fly.io/blog/page/2')).toEqual({ kind: 'index', page: 2 });
    expect(blogPageForUrl('https://fly.io/blog/page/12/?x')).toEqual({ kind: 'index', page: 12 });
  });
  it('calls a post-shaped URL outside the notes an unknown post', () => {
    expect(blogPageForUrl('https://fly.io/blog/a-brand-new-post/')).toEqual({
      kind: 'unknown-post',
      slug: 'a-brand-new-post',
    });
  });
  it('calls the feed, reserved paths and other sections other', () => {
    for (const url of [
      'https://fly.io/blog/feed.xml',
      'https://fly.io/blog/page/',
      'https://fly.io/blog/page/0/',
      'https://fly.io/blog/tags/',
      'https://fly.io/ruby-dispatch/x/',
    ])
      expect(blogPageForUrl(url).kind).toBe('other');
  });
});
