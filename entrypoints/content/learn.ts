// Learning the whole blog from the pages the reader opens, and the index walk, as a content
// feature. The reading of pages lives in a chunk of its own (entrypoints/learn/, built to
// learn.js) imported once the page is idle, so the first-paint script stays within its budget;
// this module only imports it, hands it the messaging and fetch it needs, and answers the
// background's wake-up while a walk waits for a blog tab. The card marks use the chunk too.
import type { SidebarPage } from '../../components/sidebar/Sidebar';
import { extensionUrl } from '../../data/sidebar/notes-file';
import {
  contentRequestSchemas,
  contentResponseSchemas,
  handleMessages,
  sendMessage,
} from '../../data/shared/messages';
import type { LearnChunk, LearnHost } from '../learn/host';
import type { ContentContext } from './context';
import { runQuery } from './early-loads';
import { pageFetch } from './feed-refresh';
import { BLOG_PAGES, type ContentFeature } from './features';

/** The learn chunk, relative to the extension's root (web-accessible, see wxt.config.ts). */
export const LEARN_SCRIPT = '/learn.js';

interface LearnGlobal {
  /** Set by the learn chunk when it is evaluated. */
  flyFieldNotesLearn?: LearnChunk;
  /** How many times the loader has started the sidebar in this world (entrypoints/loader.ts). */
  flyFieldNotesRuns?: number;
}

let chunk: Promise<LearnChunk | undefined> | undefined;

/** The learn chunk, imported once per run of the sidebar (undefined if it cannot load). */
export function loadLearnChunk(): Promise<LearnChunk | undefined> {
  const world = globalThis as LearnGlobal;
  const runs = world.flyFieldNotesRuns ?? 1;
  // A second run of the sidebar in this world (an update) evaluates the chunk afresh too.
  const url = extensionUrl(LEARN_SCRIPT) + runQuery(runs);
  chunk ??= import(/* @vite-ignore */ url).then(
    () => world.flyFieldNotesLearn,
    (error: unknown) => {
      console.warn('Fly Field Notes: the archive reader could not start.', error);
      return undefined;
    },
  );
  return chunk;
}

function learnHost(ctx: ContentContext): LearnHost {
  return {
    ctx,
    send: (type, request) => sendMessage(contentResponseSchemas, type, request),
    fetch: pageFetch(),
  };
}

/** Learn from this page, take up a waiting walk, and answer wake-ups; returns the teardown. */
export function startLearning(ctx: ContentContext, page: SidebarPage): () => void {
  const host = learnHost(ctx);
  const withChunk = (use: (chunk: LearnChunk) => void) =>
    void loadLearnChunk().then((loaded) => {
      if (loaded && !ctx.isInvalid) use(loaded);
    });
  withChunk((loaded) => {
    loaded.learnPage(host, page);
    // An interrupted walk resumes, and the weekly refresh runs, from whichever blog tab asks.
    void loaded.walk(host);
  });
  return handleMessages(contentRequestSchemas, {
    'fn:archive-walk-wake': () => {
      withChunk((loaded) => void loaded.walk(host));
      return true;
    },
  });
}

/** Learning as a content feature: on every blog page, once the page is idle. */
export const learnFeature: ContentFeature = {
  name: 'learn',
  pages: BLOG_PAGES,
  whenIdle: true,
  start: startLearning,
};
