// What the popup reads from storage when it opens, asked for before its first render
// (entrypoints/popup/main.tsx) rather than from effects, which run only after the first paint:
// the saved search, and one storage.local read (every key) that the reader's marks, the
// "Continue reading" places and the feed cache are all taken from, instead of a read each.
// Everything taken from it is validated as the usual loaders validate it.
import { browser } from 'wxt/browser';
import { archiveFromItems } from '../archive/archive';
import type { ArchivePost } from '../feed/merge';
import { progressFromItems, type Progress } from '../progress/marks';
import { placesFromStorage, type PostPlace } from '../progress/places';
import { loadSearchSession, type SavedSearch } from './session';

/** The popup's first reads, each a promise of the validated value. */
export interface PopupStart {
  session: Promise<SavedSearch | undefined>;
  progress: Promise<Progress>;
  archive: Promise<ArchivePost[]>;
  places: Promise<PostPlace[]>;
}

/** Ask for everything the popup shows from storage, at once. */
export function startPopupReads(): PopupStart {
  const local = browser.storage.local.get(null);
  return {
    session: loadSearchSession(),
    progress: local.then(progressFromItems),
    archive: local.then(archiveFromItems),
    places: local.then(placesFromStorage),
  };
}

/**
 * A loader that answers its first call with `first` (what was read at the start) and every
 * later call with a fresh read: a list shown again later must not show the opening's copy.
 */
export function firstThen<T>(
  first: Promise<T> | undefined,
  load: () => Promise<T>,
): () => Promise<T> {
  let pending = first;
  return () => {
    const answer = pending ?? load();
    pending = undefined;
    return answer;
  };
}
