// fly.io's addresses as the extension writes and checks them: one rule each. No imports, so
// every context (the content script included) can use it.

/** The hosts that serve the blog. */
export function isFlyHost(hostname: string): boolean {
  return hostname === 'fly.io' || hostname === 'www.fly.io';
}

/** A post's canonical URL, the form the feed and the notes use. */
export function postUrl(slug: string): string {
  return `https://fly.io/blog/${slug}/`;
}

/** The blog's pages as match patterns: where the content script runs, and its hosts. */
export const BLOG_PAGE_MATCHES = ['https://fly.io/blog/*', 'https://www.fly.io/blog/*'];
