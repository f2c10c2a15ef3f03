import { describe, expect, it } from 'vitest';
import { readPostPage } from '../../../data/page/post-page';
import { otherPage, postPage } from '../../fixtures/blog-pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readPostPage', () => {
  it("reads the title, teaser, fly.io's reading time, the last-updated day and the author", () => {
    const html = postPage('old-one', { title: 'An Old Post', teaser: 'Why we did it.' });
    expect(readPostPage(parse(html), 'https://fly.io/blog/old-one/')).toEqual({
      slug: 'old-one',
      title: 'An Old Post',
      teaser: 'Why we did it.',
      minutes: 5,
      date: '2026-03-01',
    });
  });

  it('falls back to the <title> without " · The Fly Blog" when there is no h1', () => {
    const html = `<html><head><title>No Heading Here · The Fly Blog</title></head><body><p>Reading time • 13 min</p><p>By Kurt Mackey &amp; Thomas Ptacek</p><p>Last updated • Sep 12, 2024</p></body></html>`;
    expect(readPostPage(parse(html), 'https://www.fly.io/blog/no-heading')).toEqual({
      slug: 'no-heading',
      title: 'No Heading Here',
      minutes: 13,
      date: '2024-09-12',
      authors: ['Kurt Mackey', 'Thomas Ptacek'],
    });
  });

  it('reads labels split from their values, and names beside @handles', () => {
    const html = `<body><h1>Split</h1><div><span>Reading time •</span> <span>22 min</span></div>
      <div class="author"><img alt=""><span>Amos Wenger</span><span>@fasterthanlime</span></div>
      <div><span>Last updated •</span><span>Jan 5, 2023</span></div></body>`;
    expect(readPostPage(parse(html), 'https://fly.io/blog/split/')).toMatchObject({
      minutes: 22,
      date: '2023-01-05',
      authors: ['Amos Wenger'],
    });
  });

  it('keeps a title holding markup as plain text, and bounds it', () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const facts = readPostPage(parse(postPage('x', { title })), 'https://fly.io/blog/x/');
    expect(facts?.title).toBe(title);
    const long = readPostPage(
      parse(`<h1>${'long '.repeat(1000)}</h1>`),
      'https://fly.io/blog/long/',
    );
    expect(long?.title?.length).toBeLessThanOrEqual(300);
  });

  it('reads nothing off pages that are not posts', () => {
    const doc = parse(otherPage('Fly Docs'));
    expect(readPostPage(doc, 'https://fly.io/docs/')).toBeUndefined();
    expect(readPostPage(doc, 'https://fly.io/blog/')).toBeUndefined();
    expect(readPostPage(doc, 'https://fly.io/blog/page/2/')).toBeUndefined();
    expect(readPostPage(doc, 'https://fly.io/phoenix-files/some-post/')).toBeUndefined();
  });

  it('leaves out what the page does not say', () => {
    expect(readPostPage(parse('<body><p>Hello</p></body>'), 'https://fly.io/blog/bare/')).toEqual({
      slug: 'bare',
    });
  });
});
