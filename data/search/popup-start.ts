// What the popup reads from storage when it opens. The saved search is asked for first, and
// the first render waits for it (entrypoints/popup/main.tsx), so a reopened popup's query is in
// its first frame. The reader's marks, the "Continue reading" places and the feed cache then
// come from one storage.local read (every key) instead of a read each; it is asked for on first
// use, after the first paint, because with a large archive its answer is big and would hold up
// that paint. Everything taken from it is validated as the usual loaders validate it.
import { browser } from 'wxt/browser';
import { archiveFromItems } from '../archive/archive';
import { learnedFromItems } from '../archive/learned';
import type { ArchivePost } from '../feed/merge';
import { progressFromItems, type Progress } from '../progress/marks';
import { placesFromStorage, type PostPlace } from '../progress/places';
import { loadSearchSession, type SavedSearch } from './session';

/** The popup's first reads. */
export interface PopupStart {
  session: Promise<SavedSearch | undefined>;
  /** Every storage.local item, unvalidated, read once on the first call: take values with the functions below. */
  local: () => Promise<Record<string, unknown>>;
}

/** Ask for the saved search now, and for storage.local once, when first needed. */
export function startPopupReads(): PopupStart {
  let local: Promise<Record<string, unknown>> | undefined;
  return {
    session: loadSearchSession(),
    local: () => (local ??= browser.storage.local.get(null)),
  };
}

// Each is worked out only when asked for (from effects, after the first paint).
export const startProgress = (start: PopupStart): Promise<Progress> =>
  start.local().then(progressFromItems);
export const startArchive = (start: PopupStart): Promise<ArchivePost[]> =>
  start.local().then(archiveFromItems);
export const startPlaces = (start: PopupStart): Promise<PostPlace[]> =>
  start.local().then(placesFromStorage);
export const startLearnedCount = (start: PopupStart): Promise<number> =>
  start.local().then((items) => learnedFromItems(items).posts.size);

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
