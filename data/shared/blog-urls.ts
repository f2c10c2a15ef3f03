// Which kind of Fly Blog page a URL is. Everything here is pure: no DOM, no browser API.
// Posts are looked up in the sidebar's share of the notes: the content script classifies every
// page it runs on, and must not carry (or validate) the whole notes to do it.
import { sidebarPost, type SidebarPost } from '../sidebar/sidebar-notes';
import { isFlyHost } from './fly-urls';

export type BlogPage =
  | { kind: 'post'; slug: string; post: SidebarPost }
  | { kind: 'unknown-post'; slug: string }
  | { kind: 'index'; page: number }
  | { kind: 'other' };

// Single-segment paths under /blog/ that are not posts.
const RESERVED = new Set(['page', 'tags', 'tag', 'author', 'authors', 'feed', 'rss', 'archive']);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parse(url: string | URL): URL | undefined {
  try {
    return new URL(String(url).trim());
  } catch {
    return undefined;
  }
}

/** Classify a URL: a post of the notes, a post the notes do not know, the index, or other. */
export function blogPageForUrl(input: string | URL): BlogPage {
  const url = parse(input);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { kind: 'other' };
  // URL already lower-cases the host; a trailing dot is a valid spelling of the same host.
  const host = url.hostname.replace(/\.$/, '');
  if (!isFlyHost(host)) return { kind: 'other' };
  if (url.port !== '') return { kind: 'other' };

  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.at(-1)?.toLowerCase() === 'index.html') segments.pop();
  if (segments[0] !== 'blog') return { kind: 'other' };

  if (segments.length === 1) return { kind: 'index', page: 1 };
  if (segments.length === 3 && segments[1] === 'page' && /^[1-9]\d{0,5}$/.test(segments[2] ?? ''))
    return { kind: 'index', page: Number(segments[2]) };
  if (segments.length !== 2) return { kind: 'other' };

  let slug: string;
  try {
    slug = decodeURIComponent(segments[1] ?? '');
  } catch {
    return { kind: 'other' };
  }
  if (!SLUG.test(slug) || RESERVED.has(slug)) return { kind: 'other' };
  const post = sidebarPost(slug);
  return post ? { kind: 'post', slug, post } : { kind: 'unknown-post', slug };
}

/** The post of the notes that a URL shows, or undefined. */
export function postForUrl(url: string | URL): SidebarPost | undefined {
  const page = blogPageForUrl(url);
  return page.kind === 'post' ? page.post : undefined;
}
