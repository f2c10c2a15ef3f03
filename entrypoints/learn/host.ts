// What the sidebar's script (entrypoints/content/learn.ts) hands the learn chunk: the chunk
// brings no extension API, storage or schema code of its own (the sidebar's script has them),
// which keeps it small.
import type { ContentContext } from '../content/context';
import type { IndexCard } from '../../data/page/index-cards';
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import type { RequestOf, ResponseOf } from '../../data/shared/messages';

/** The messages the chunk sends to the background. */
export type LearnMessage = 'fn:archive-learn' | 'fn:archive-walk-next';

export interface LearnHost {
  ctx: ContentContext;
  /** Send a message to the background; resolves with its checked answer. */
  send: <K extends LearnMessage>(type: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;
  /** fetch() as the page would send it (same origin; Firefox's `content.fetch`). */
  fetch: typeof fetch;
}

/** The chunk's exports, left on the content script's global when it is evaluated. */
export interface LearnChunk {
  /** Read the page the reader opened (a post page, an index's cards) and send what it says. */
  learnPage: (host: LearnHost, page: SidebarPage) => void;
  /** Take up a walk over the index the background has waiting, if any. */
  walk: (host: LearnHost) => Promise<void>;
  /** Every post card of an index page, whatever its markup. */
  findCards: (root: ParentNode, pageUrl: string) => IndexCard[];
}
