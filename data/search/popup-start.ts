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

/** The popup's first reads. */
export interface PopupStart {
  session: Promise<SavedSearch | undefined>;
  /** Every storage.local item, unvalidated: take values with the functions below. */
  local: Promise<Record<string, unknown>>;
}

/** Ask for everything the popup shows from storage, at once; the saved search first. */
export function startPopupReads(): PopupStart {
  const session = loadSearchSession();
  return { session, local: browser.storage.local.get(null) };
}

// Each is worked out only when asked for, so that what the first paint does not need (the
// feed's entries, the places) is validated after it.
export const startProgress = (start: PopupStart): Promise<Progress> =>
  start.local.then(progressFromItems);
export const startArchive = (start: PopupStart): Promise<ArchivePost[]> =>
  start.local.then(archiveFromItems);
export const startPlaces = (start: PopupStart): Promise<PostPlace[]> =>
  start.local.then(placesFromStorage);

/**
 * A loader whose first call is answered by `first` (from what was read at the start) and every
 * later call by a fresh read: a list shown again later must not show the opening's copy.
 */
export function firstThen<T>(
  first: (() => Promise<T>) | undefined,
  load: () => Promise<T>,
): () => Promise<T> {
  let pending = first;
  return () => {
    const answer = (pending ?? load)();
    pending = undefined;
    return answer;
  };
}
