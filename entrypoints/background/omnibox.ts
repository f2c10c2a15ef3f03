// The `fn` keyword in the address bar: suggestions from the archive index, Enter opens the
// post (where the browser's disposition says), or the notes page when nothing matched.
import { browser } from 'wxt/browser';
import { fieldNotes } from '../../data/notes/notes';
import {
  buildIndex,
  documentFromPost,
  type ArchiveIndex,
  type SearchDocument,
} from '../../data/search/engine';
import { omniboxSuggestions, omniboxTarget } from '../../data/search/omnibox';
import { notesPageUrl } from '../../data/shared/extension-pages';

let built: { index: ArchiveIndex; docs: Map<string, SearchDocument> } | undefined;

// Built on the first keystroke, not at worker start: most worker wake-ups never need it.
function archive() {
  built ??= {
    index: buildIndex(fieldNotes().posts),
    docs: new Map(fieldNotes().posts.map((p) => [p.slug, documentFromPost(p)])),
  };
  return built;
}

export function registerOmnibox(): void {
  // Absent where the manifest has no omnibox key (and in some test browsers).
  const omnibox = browser.omnibox as typeof browser.omnibox | undefined;
  if (!omnibox) return;
  const xml = import.meta.env.BROWSER !== 'firefox';
  omnibox.setDefaultSuggestion({ description: 'Search the Fly Blog field notes' });
  omnibox.onInputChanged.addListener((text, suggest) => {
    const { index, docs } = archive();
    suggest(omniboxSuggestions(index, docs, text, { xml }));
  });
  omnibox.onInputEntered.addListener((text, disposition) => {
    const { index, docs } = archive();
    const url = omniboxTarget(index, docs, text) ?? notesPageUrl();
    if (disposition === 'currentTab') void browser.tabs.update({ url });
    else void browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
}
