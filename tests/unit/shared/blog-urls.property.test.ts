// Property-based tests of URL matching: any string in, no throw, and a post only for a URL that
// really names it; every post's canonical URL survives every harmless respelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import { blogPageForUrl, postForUrl } from '../../../data/shared/blog-urls';

const posts = fieldNotes().posts;
const slugs = new Set(posts.map((p) => p.slug));
const RUNS = { numRuns: 500 };

/** Strings that look like URLs: schemes, hosts and paths near the real ones, plus junk. */
const urlish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', '//', 'javascript:', ''),
      fc.constantFrom(
        'fly.io',
        'www.fly.io',
        'FLY.IO',
        'fly.io.',
        'evil-fly.io',
        'fly.io:8443',
        'xn--fly-io',
      ),
      fc.array(
        fc.oneof(
          fc.constantFrom('blog', 'page', '2', 'index.html', '..', '.', '%2e%2e', '', 'feed'),
          fc.constantFrom(...slugs),
          fc.string({ maxLength: 12 }),
        ),
        { maxLength: 5 },
      ),
      fc.constantFrom('', '/', '?q=1', '#x', '/?a=b#c', '%', '%zz'),
    )
    .map(([scheme, host, segments, tail]) => `${scheme}${host}/${segments.join('/')}${tail}`),
);

/** A post's canonical URL, respelled in ways that still name the same page. */
const respelled = fc
  .record({
    post: fc.constantFrom(...posts),
    scheme: fc.constantFrom('https', 'http', 'HTTPS'),
    www: fc.boolean(),
    hostCase: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    trailingDot: fc.boolean(),
    slash: fc.constantFrom('', '/', '/index.html', '/INDEX.HTML', '//'),
    query: fc.option(fc.webQueryParameters(), { nil: undefined }),
    fragment: fc.option(fc.webFragments(), { nil: undefined }),
    padding: fc.constantFrom('', ' ', '\t', '\n '),
  })
  .map((r) => {
    const host = 'fly.io'
      .split('')
      .map((c, i) => (r.hostCase[i] ? c.toUpperCase() : c))
      .join('');
    const url =
      `${r.scheme}://${r.www ? 'wWw.' : ''}${host}${r.trailingDot ? '.' : ''}/blog/${r.post.slug}${r.slash}` +
      `${r.query === undefined ? '' : `?${r.query}`}${r.fragment === undefined ? '' : `#${r.fragment}`}`;
    return { post: r.post, url: `${r.padding}${url}${r.padding}` };
  });

describe('URL matching, for any input', () => {
  it('postForUrl never throws and returns undefined or a post of the notes', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        const post = postForUrl(input);
        if (post === undefined) return;
        expect(slugs.has(post.slug)).toBe(true);
        expect(post.url).toBe(`https://fly.io/blog/${post.slug}/`);
        // A URL that names a post is on fly.io's blog, and names that post's slug.
        const url = new URL(input.trim());
        expect(url.hostname.replace(/\.$/, '').replace(/^www\./, '')).toBe('fly.io');
        expect(decodeURIComponent(url.pathname)).toContain(`/${post.slug}`);
      }),
      RUNS,
    );
  });

  it('blogPageForUrl never throws and always gives a well-formed kind', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        const page = blogPageForUrl(input);
        switch (page.kind) {
          case 'post':
            expect(page.post.slug).toBe(page.slug);
            expect(slugs.has(page.slug)).toBe(true);
            break;
          case 'unknown-post':
            expect(page.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
            expect(slugs.has(page.slug)).toBe(false);
            break;
          case 'index':
            expect(Number.isInteger(page.page) && page.page >= 1).toBe(true);
            break;
          default:
            expect(page.kind).toBe('other');
        }
      }),
      RUNS,
    );
  });

  it('agrees with itself: postForUrl is the post of blogPageForUrl', () => {
    fc.assert(
      fc.property(urlish, (input) => {
        const page = blogPageForUrl(input);
        expect(postForUrl(input)).toBe(page.kind === 'post' ? page.post : undefined);
      }),
      RUNS,
    );
  });
});

describe("every post's URL, respelled", () => {
  it('maps back to the post (host case, www., trailing dot or slash, index.html, query, fragment)', () => {
    fc.assert(
      fc.property(respelled, ({ post, url }) => {
        expect(postForUrl(url)?.slug).toBe(post.slug);
      }),
      RUNS,
    );
  });

  it('does not map to the post once the slug is changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...posts),
        fc.constantFrom('-x', 'x', '-2', '/extra'),
        (post, suffix) => {
          expect(postForUrl(`https://fly.io/blog/${post.slug}${suffix}/`)?.slug).not.toBe(
            post.slug,
          );
        },
      ),
      RUNS,
    );
  });
});
