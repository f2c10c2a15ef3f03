// The `fn` keyword in the address bar: suggestions from the archive index, Enter opens the
// post (where the browser's disposition says), or the notes page when nothing matched.
import { browser } from 'wxt/browser';
import { changesArchive, loadArchivePosts } from '../../data/archive/archive';
import type { ArchivePost } from '../../data/feed/merge';
import {
  buildIndex,
  documentFromFeedEntry,
  documentFromPost,
  type ArchiveIndex,
  type SearchDocument,
} from '../../data/search/engine';
import { omniboxSuggestions, omniboxTarget } from '../../data/search/omnibox';
import { notesPageUrl } from '../../data/shared/extension-pages';

interface Built {
  index: ArchiveIndex;
  docs: Map<string, SearchDocument>;
}

/** The index over the whole archive (notes, feed, posts learned from the blog's pages). */
export function archiveSearch(archive: readonly ArchivePost[]): Built {
  const docs = archive.map((post) =>
    post.fromFeed ? documentFromFeedEntry(post) : documentFromPost(post),
  );
  return {
    index: buildIndex(
      archive.flatMap((p) => (p.fromFeed ? [] : [p])),
      docs.filter((d) => d.fromFeed),
    ),
    docs: new Map(docs.map((d) => [d.slug, d])),
  };
}

let built: Promise<Built> | undefined;
let watching = false;

// Built on the first keystroke, not at worker start: most worker wake-ups never need it. A
// change to the archive (feed refresh, learned posts) drops it; the next keystroke rebuilds.
function archive(): Promise<Built> {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changesArchive(Object.keys(changes))) built = undefined;
    });
  }
  built ??= loadArchivePosts().then(archiveSearch);
  return built;
}

export function registerOmnibox(): void {
  // Absent where the manifest has no omnibox key (and in some test browsers).
  const omnibox = browser.omnibox as typeof browser.omnibox | undefined;
  if (!omnibox) return;
  const xml = import.meta.env.BROWSER !== 'firefox';
  omnibox.setDefaultSuggestion({ description: 'Search the Fly Blog and its field notes' });
  omnibox.onInputChanged.addListener((text, suggest) => {
    void archive().then(({ index, docs }) =>
      suggest(omniboxSuggestions(index, docs, text, { xml })),
    );
  });
  omnibox.onInputEntered.addListener((text, disposition) => {
    void archive().then(({ index, docs }) => {
      const url = omniboxTarget(index, docs, text) ?? notesPageUrl();
      if (disposition === 'currentTab') void browser.tabs.update({ url });
      else void browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
    });
  });
}
