// The reader's place in each post they have half read, to offer "Continue where you stopped".
// Like the marks, each post's place has its own storage.local key (`place:<slug>`), so two tabs
// reading different posts never overwrite each other; at most MAX_PLACES are kept (the oldest
// go when a new one is saved). A stored place that fails validation is set aside in quarantine
// (data/storage/quarantine.ts) when the lists are read, never thrown away. The background's sync
// engine carries the most recent places to the reader's other devices (data/sync/place-records.ts).
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { slugSchema } from '../shared/slug';
import { setAside } from '../storage/quarantine';

export const PLACE_PREFIX = 'place:';
/** Places kept at most: the most recent ones. */
export const MAX_PLACES = 50;

export const placeSchema = z.strictObject({
  /** When the reader was last there, in ms since the epoch. */
  at: z.number().check(z.int(), z.nonnegative()),
  /** How far through the article, 0–100. */
  percent: z.number().check(z.int(), z.gte(0), z.lte(100)),
  /** The post's title as the page showed it (for lists outside the page). */
  title: z.string().check(z.maxLength(300)),
  /** The section: its heading's index in the outline (-1 before the first) and text. */
  index: z.number().check(z.int(), z.gte(-1)),
  heading: z.string().check(z.maxLength(300)),
  /** Characters of the section's text before the paragraph, and that paragraph's first words. */
  offset: z.number().check(z.int(), z.nonnegative()),
  quote: z.string().check(z.maxLength(200)),
});
export type Place = z.infer<typeof placeSchema>;

/** A place with the post it belongs to, for the "Continue reading" lists. */
export interface PostPlace extends Place {
  slug: string;
}

/** Valid places, most recent first, and the keys whose values failed validation. */
export function placesFromItems(items: Record<string, unknown>): {
  places: PostPlace[];
  invalid: Record<string, unknown>;
} {
  const places: PostPlace[] = [];
  const invalid: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PLACE_PREFIX)) continue;
    const slug = key.slice(PLACE_PREFIX.length);
    const parsed = placeSchema.safeParse(value);
    if (parsed.success && slugSchema.safeParse(slug).success) places.push({ ...parsed.data, slug });
    else invalid[key] = value;
  }
  places.sort((a, b) => b.at - a.at || a.slug.localeCompare(b.slug));
  return { places, invalid };
}

async function quarantine(invalid: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(invalid))
    await setAside(key, value, 'a saved reading place that is not valid');
}

/** Every saved place, most recent first; invalid ones go to quarantine. */
export async function loadPlaces(): Promise<PostPlace[]> {
  return placesFromStorage(await browser.storage.local.get(null));
}

/**
 * The places in items already read from storage.local (every key), as loadPlaces gives them:
 * invalid ones go to quarantine. For a page that reads storage once for several lists.
 */
export async function placesFromStorage(items: Record<string, unknown>): Promise<PostPlace[]> {
  const { places, invalid } = placesFromItems(items);
  await quarantine(invalid);
  return places;
}

/**
 * This post's saved place, if any. Runs on the blog's pages, where an invalid value is only
 * ignored (as the content script does with marks); loadPlaces, in the popup and the notes
 * page, sets it aside. `stored`: a read of its key already under way.
 */
export async function loadPlace(
  slug: string,
  stored?: Promise<Record<string, unknown>>,
): Promise<Place | undefined> {
  const key = PLACE_PREFIX + slug;
  const parsed = placeSchema.safeParse((await (stored ?? browser.storage.local.get(key)))[key]);
  return parsed.success ? parsed.data : undefined;
}

/** Remember the reader's place in a post, keeping only the MAX_PLACES most recent. */
export async function savePlace(slug: string, place: Place): Promise<void> {
  if (!slugSchema.safeParse(slug).success) return;
  await browser.storage.local.set({ [PLACE_PREFIX + slug]: placeSchema.parse(place) });
  const keys = Object.keys(await browser.storage.local.get(null)).filter((k) =>
    k.startsWith(PLACE_PREFIX),
  );
  if (keys.length <= MAX_PLACES) return;
  const { places } = placesFromItems(await browser.storage.local.get(keys));
  const extra = places.slice(MAX_PLACES).map((p) => PLACE_PREFIX + p.slug);
  if (extra.length > 0) await browser.storage.local.remove(extra);
}

/** Forget a post's place (the reader reached its end). */
export async function clearPlace(slug: string): Promise<void> {
  await browser.storage.local.remove(PLACE_PREFIX + slug);
}

/** Call `onChange` with every place whenever one changes, in any context. */
export function watchPlaces(onChange: (places: PostPlace[]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((k) => k.startsWith(PLACE_PREFIX))) return;
    void loadPlaces().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
