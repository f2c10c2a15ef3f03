// What the sidebar's script (entrypoints/content/outline.ts) hands the reading chunk: the
// chunk brings no storage or extension API code of its own (the sidebar's script already has
// them), which keeps it small.
import type { ContentContext } from '../content/context';
import type { Place } from '../../data/progress/places';
import type { AutoMarkStore } from '../content/auto-mark';

/** The sidebar's element the chunk renders into; null while the sidebar is closed. */
export interface ReadingSlot {
  watch: (onChange: (el: HTMLElement | null) => void) => () => void;
}

export interface PlaceStore {
  load: (slug: string) => Promise<Place | undefined>;
  save: (slug: string, place: Place) => Promise<void>;
  clear: (slug: string) => Promise<void>;
}

export interface ReadingHost {
  ctx: ContentContext;
  slug: string;
  /** The post's title from the notes; else the page's own is used. */
  title: string | undefined;
  places: PlaceStore;
  store: AutoMarkStore;
  slot: ReadingSlot;
}

/** The chunk's one export, left on the content script's global when it is evaluated. */
export type StartReading = (host: ReadingHost) => () => void;
