// Reset and its undo: forget every mark and every half-read post's place, and put them back
// within a day. Used by the options
// page; apart from data/progress/marks.ts, which the content script carries, to keep that small.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import {
  LEGACY_KEY,
  MARK_PREFIX,
  emptyRecord,
  laterMark,
  loadProgress,
  markSchema,
  progressFromItems,
  writeMarks,
  type Mark,
  type Progress,
} from './marks';
import { slugSchema } from '../shared/slug';
import { PLACE_PREFIX, placeSchema, placesFromItems, type Place } from './places';

/** The marks a reset forgot, kept so the reset can be undone even after the page is closed. */
export const RESET_UNDO_KEY = 'reset:undo';
/** How long a reset can be undone. */
export const RESET_UNDO_MS = 24 * 60 * 60 * 1000;
const resetUndoSchema = z.strictObject({
  at: z.number(),
  marks: z.record(z.string(), markSchema),
  /** Places forgotten with the marks (absent in an undo kept by an earlier version). */
  places: z.optional(z.record(z.string(), placeSchema)),
});

/**
 * Forget every mark and reading place (reset). Returns the marks so the reset can be undone;
 * marks and places are also kept in storage (written before anything is removed). Removing
 * (rather than writing unmarks) lets a later import of an older backup bring the marks back.
 * A place that fails validation is not part of the reset: it stays for quarantine.
 */
export async function clearMarks(now = Date.now()): Promise<Progress> {
  const items = await browser.storage.local.get(null);
  const before = progressFromItems(items);
  const keys = Object.keys(items).filter((key) => key.startsWith(MARK_PREFIX));
  if (items[LEGACY_KEY] !== undefined) keys.push(LEGACY_KEY);
  const places = emptyRecord<Place>();
  for (const { slug, ...place } of placesFromItems(items).places) {
    places[slug] = place;
    keys.push(PLACE_PREFIX + slug);
  }
  await browser.storage.local.set({
    [RESET_UNDO_KEY]: { at: now, marks: { ...before }, places: { ...places } },
  });
  if (keys.length > 0) await browser.storage.local.remove(keys);
  return before;
}

/** The marks of the last reset, while it can still be undone. */
export async function loadResetUndo(now = Date.now()): Promise<Progress | undefined> {
  const stored = resetUndoSchema.safeParse(
    (await browser.storage.local.get(RESET_UNDO_KEY))[RESET_UNDO_KEY],
  );
  if (!stored.success || now - stored.data.at > RESET_UNDO_MS) return undefined;
  const marks = emptyRecord<Mark>();
  for (const [slug, mark] of Object.entries(stored.data.marks))
    if (slugSchema.safeParse(slug).success) marks[slug] = mark;
  return marks;
}

/**
 * Put back marks forgotten by a reset (undo), and the places forgotten with them. A post marked
 * (or read on) again since the reset keeps its newer mark (or place). Returns how many marks
 * came back.
 */
export async function restoreMarks(snapshot: Progress): Promise<number> {
  const current = await loadProgress();
  const writes = emptyRecord<Mark>();
  for (const [slug, mark] of Object.entries(snapshot))
    if (laterMark(current[slug], mark) === mark && current[slug] !== mark) writes[slug] = mark;
  await writeMarks(writes);
  await restorePlaces();
  await browser.storage.local.remove(RESET_UNDO_KEY);
  return Object.keys(writes).length;
}

/** Put back the places of the last reset, unless the reader has been there again since. */
async function restorePlaces(): Promise<void> {
  const items = await browser.storage.local.get(null);
  const stored = resetUndoSchema.safeParse(items[RESET_UNDO_KEY]);
  if (!stored.success || !stored.data.places) return;
  const held = new Map(placesFromItems(items).places.map((p) => [p.slug, p.at]));
  const set: Record<string, Place> = {};
  for (const [slug, place] of Object.entries(stored.data.places))
    if (slugSchema.safeParse(slug).success && (held.get(slug) ?? -1) < place.at)
      set[PLACE_PREFIX + slug] = place;
  if (Object.keys(set).length > 0) await browser.storage.local.set(set);
}
