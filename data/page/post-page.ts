// Reads what a blog post's own page says of it, without depending on its markup: the title
// (its h1, else the <title> without " · The Fly Blog"), the teaser (meta description), fly.io's
// own reading time ("Reading time • N min"), the "Last updated • Mon D, YYYY" day, and the
// authors ("By …", or the name beside each "@handle" of the author block). Every field is
// optional plain text; one bounded pass over the page's text nodes.
import { blogPageForUrl } from '../shared/blog-urls';
import {
  authorsIn,
  clip,
  dayIn,
  MAX_AUTHOR,
  MAX_AUTHORS,
  MAX_SLUG,
  MAX_TEASER,
  MAX_TITLE,
  minutesIn,
} from './page-text';

/** What a post's page says of it. Only `slug` is always there. */
export interface PostPageFacts {
  slug: string;
  title?: string;
  teaser?: string;
  /** fly.io's own reading time, in minutes (not the field notes' minutes). */
  minutes?: number;
  /** YYYY-MM-DD, from "Last updated". */
  date?: string;
  authors?: string[];
}

/** Text nodes read per page: a long post has a few thousand. */
const MAX_TEXT_NODES = 20_000;
const SITE_SUFFIX = ' · The Fly Blog';

/** The facts of the post page `doc` (at `url`), or undefined when `url` is not a post. */
export function readPostPage(doc: Document, url: string): PostPageFacts | undefined {
  const page = blogPageForUrl(url);
  if ((page.kind !== 'post' && page.kind !== 'unknown-post') || page.slug.length > MAX_SLUG)
    return undefined;
  const facts: PostPageFacts = { slug: page.slug };

  const h1 = clip(doc.querySelector('h1')?.textContent ?? '', MAX_TITLE);
  let docTitle = doc.title;
  if (docTitle.endsWith(SITE_SUFFIX)) docTitle = docTitle.slice(0, -SITE_SUFFIX.length);
  const title = h1 || clip(docTitle, MAX_TITLE);
  if (title) facts.title = title;
  const teaser = clip(
    doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    MAX_TEASER,
  );
  if (teaser) facts.teaser = teaser;

  const handles: string[] = [];
  let previous = '';
  let count = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && count < MAX_TEXT_NODES; node = walker.nextNode()) {
    count++;
    const raw = node.nodeValue ?? '';
    if (raw.trim() === '' || raw.length > 400) continue;
    const text = clip(raw, 200);
    if (facts.minutes === undefined && text.startsWith('Reading time'))
      facts.minutes = minutesIn(text.slice(12), 30) ?? minutesIn(nextText(node), 30);
    else if (facts.date === undefined && text.startsWith('Last updated'))
      facts.date = dayIn(text) ?? dayIn(nextText(node));
    else if (facts.authors === undefined && text.startsWith('By ')) facts.authors = authorsIn(text);
    else if (/^@\w{1,40}$/.test(text) && previous !== '' && handles.length < MAX_AUTHORS)
      handles.push(clip(previous, MAX_AUTHOR));
    previous = text;
  }
  if (facts.authors === undefined && handles.length > 0) facts.authors = [...new Set(handles)];
  return facts;
}

/** The text right after a label split over two elements ("Reading time •" <span>13 min</span>). */
function nextText(node: Node): string {
  const parent = node.parentElement;
  return clip(
    parent?.nextElementSibling?.textContent ?? parent?.parentElement?.textContent ?? '',
    80,
  );
}
