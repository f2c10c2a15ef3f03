// Which links on a page are links to a blog post: /blog/<slug>/ in any URL form the notes accept
// (data/shared/blog-urls.ts), never /blog/page/N/, the feed, the sibling sections or other sites.
import { blogPageForUrl } from '../shared/blog-urls';
import { MAX_SLUG } from './page-text';

/** The post slug a link leads to, or undefined. `base` resolves relative links. */
export function postSlugOfHref(href: string | null, base: string): string | undefined {
  if (href === null || href.length > 2000) return undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  const page = blogPageForUrl(url);
  if (page.kind !== 'post' && page.kind !== 'unknown-post') return undefined;
  return page.slug.length <= MAX_SLUG ? page.slug : undefined;
}

/** The canonical URL of a post. */
export const postUrl = (slug: string) => `https://fly.io/blog/${slug}/`;
