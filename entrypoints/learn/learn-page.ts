// Learning the blog while the reader browses: once the page is idle (the loader already waited
// for the load event, the learn feature for idle time), read the post page or the index page's
// cards (data/page/) and send what they say to the background, which validates and stores it
// (entrypoints/background/archive.ts). No storage, no schema here: one bounded pass, one message.
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import type { BlogPage } from '../../data/shared/blog-urls';
import { readIndexCards } from '../../data/page/index-cards';
import { readPostPage } from '../../data/page/post-page';
import type { LearnHost } from './host';

/** What the page says of its posts: the index's cards, or the post page itself. */
export function learnablePosts(page: BlogPage, doc: Document, url: string) {
  if (page.kind === 'index')
    return readIndexCards(doc, url).map(({ slug, title, minutes, authors, teaser }) => ({
      slug,
      title,
      minutes,
      authors,
      teaser,
    }));
  const facts = page.kind === 'other' ? undefined : readPostPage(doc, url);
  return facts ? [facts] : [];
}

/** Read this page and send what it says (nothing when it holds no post). */
export function learnPage(host: LearnHost, page: SidebarPage): void {
  if (host.ctx.isInvalid) return;
  const posts = learnablePosts(page, document, location.href);
  if (posts.length === 0) return;
  const from = page.kind === 'index' ? 'index' : 'page';
  host.send('fn:archive-learn', { from, posts }).catch(() => {
    // The next visit learns it again.
  });
}
