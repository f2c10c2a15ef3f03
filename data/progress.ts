// The reader's marks. Each post's mark lives under its own storage key (`read:<slug>`), so
// writers in different tabs that mark different posts never overwrite each other: there is no
// shared object to read-modify-write. An unmark is stored too (read: false) so that an import
// can tell which of two marks is the later one.
//
// Layout versions: v1 kept every mark in one object (`progress: { version: 1, read: { slug:
// ISO date } }`), which lost marks when two tabs wrote at once; v2 is the per-key layout above,
// with `progressVersion: 2`. storage-upkeep.ts moves v1 data over; until it has run, reads merge
// the v1 object in memory so nothing is ever missing from the reader's view.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { slugSchema } from './slug';

export const MARK_PREFIX = 'read:';
export const VERSION_KEY = 'progressVersion';
export const PROGRESS_VERSION = 2;
/** Where v1 kept every mark. */
export const LEGACY_KEY = 'progress';

export const markWaySchema = z.enum(['button', 'popup', 'card', 'auto', 'import', 'notes']);
export type MarkWay = z.infer<typeof markWaySchema>;

export const markSchema = z.strictObject({
  read: z.boolean(),
  /** When the mark was made, in ms since the epoch. */
  at: z.number().check(z.int(), z.nonnegative()),
  via: markWaySchema,
});
export type Mark = z.infer<typeof markSchema>;

/** Marks by slug. Only valid marks ever reach this map. */
export type Progress = Readonly<Record<string, Mark>>;

/** v1: one object for every mark; a mark was only "read", at an ISO time. */
export const legacyProgressSchema = z.object({
  version: z.literal(1),
  read: z.record(z.string(), z.unknown()),
});

const isoTimeSchema = z.iso.datetime({ offset: true });

export function isRead(progress: Progress, slug: string): boolean {
  return progress[slug]?.read === true;
}

export function readSlugs(progress: Progress): string[] {
  return Object.keys(progress).filter((slug) => isRead(progress, slug));
}

/** The later of two marks; on a tie the one we already hold stays. */
export function laterMark(held: Mark | undefined, other: Mark): Mark {
  return held && held.at >= other.at ? held : other;
}

const emptyRecord = <T>() => Object.create(null) as Record<string, T>;

/** Turn raw `storage.local` items into marks, leaving aside anything that fails validation. */
export function marksFromItems(items: Record<string, unknown>): {
  progress: Record<string, Mark>;
  invalid: Record<string, unknown>;
} {
  const progress = emptyRecord<Mark>();
  const invalid = emptyRecord<unknown>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(MARK_PREFIX)) continue;
    const slug = key.slice(MARK_PREFIX.length);
    const parsed = markSchema.safeParse(value);
    if (parsed.success && slugSchema.safeParse(slug).success) progress[slug] = parsed.data;
    else invalid[key] = value;
  }
  return { progress, invalid };
}

/** The valid marks of a v1 object, and what in it could not be read. */
export function marksFromLegacy(value: unknown): {
  progress: Record<string, Mark>;
  invalid: Record<string, unknown>;
} {
  const progress = emptyRecord<Mark>();
  const invalid = emptyRecord<unknown>();
  const parsed = legacyProgressSchema.safeParse(value);
  if (!parsed.success) {
    invalid[LEGACY_KEY] = value;
    return { progress, invalid };
  }
  for (const [slug, when] of Object.entries(parsed.data.read)) {
    const time = isoTimeSchema.safeParse(when);
    const at = time.success ? Date.parse(time.data) : NaN;
    if (slugSchema.safeParse(slug).success && Number.isInteger(at) && at >= 0)
      // v1 did not record how a post was marked; "import" says it came from elsewhere.
      progress[slug] = { read: true, at, via: 'import' };
    else invalid[slug] = when;
  }
  return { progress, invalid };
}

/** Everything the reader has marked, from any layout still in storage. */
export function progressFromItems(items: Record<string, unknown>): Progress {
  const { progress } = marksFromItems(items);
  if (items[LEGACY_KEY] === undefined) return progress;
  const legacy = marksFromLegacy(items[LEGACY_KEY]).progress;
  for (const [slug, mark] of Object.entries(legacy))
    progress[slug] = laterMark(progress[slug], mark);
  return progress;
}

export async function loadProgress(): Promise<Progress> {
  const items = await browser.storage.local.get(null);
  return progressFromItems(items);
}

export async function setRead(slug: string, read: boolean, via: MarkWay): Promise<Mark> {
  const mark: Mark = { read, at: Date.now(), via };
  await browser.storage.local.set({ [MARK_PREFIX + slug]: mark });
  return mark;
}

/** Write many marks at once (import, undo); each still lands under its own key. */
export async function writeMarks(marks: Readonly<Record<string, Mark>>): Promise<void> {
  const items: Record<string, Mark> = {};
  for (const [slug, mark] of Object.entries(marks))
    if (slugSchema.safeParse(slug).success) items[MARK_PREFIX + slug] = markSchema.parse(mark);
  if (Object.keys(items).length > 0) await browser.storage.local.set(items);
}

/** The marks a reset forgot, kept so the reset can be undone even after the page is closed. */
export const RESET_UNDO_KEY = 'reset:undo';
/** How long a reset can be undone. */
export const RESET_UNDO_MS = 24 * 60 * 60 * 1000;
const resetUndoSchema = z.strictObject({
  at: z.number(),
  marks: z.record(z.string(), markSchema),
});

/**
 * Forget every mark (reset). Returns what was there so it can be undone; it is also kept in
 * storage (written before anything is removed). Removing (rather than writing unmarks) lets a
 * later import of an older backup bring the marks back.
 */
export async function clearMarks(now = Date.now()): Promise<Progress> {
  const items = await browser.storage.local.get(null);
  const before = progressFromItems(items);
  const keys = Object.keys(items).filter((key) => key.startsWith(MARK_PREFIX));
  if (items[LEGACY_KEY] !== undefined) keys.push(LEGACY_KEY);
  await browser.storage.local.set({ [RESET_UNDO_KEY]: { at: now, marks: { ...before } } });
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
 * Put back marks forgotten by a reset (undo). A post marked again since the reset keeps its
 * newer mark. Returns how many marks came back.
 */
export async function restoreMarks(snapshot: Progress): Promise<number> {
  const current = await loadProgress();
  const writes = emptyRecord<Mark>();
  for (const [slug, mark] of Object.entries(snapshot))
    if (laterMark(current[slug], mark) === mark && current[slug] !== mark) writes[slug] = mark;
  await writeMarks(writes);
  await browser.storage.local.remove(RESET_UNDO_KEY);
  return Object.keys(writes).length;
}

/** Call `onChange` with the whole progress whenever any mark changes, in any context. */
export function watchProgress(onChange: (progress: Progress) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (!keys.some((key) => key.startsWith(MARK_PREFIX) || key === LEGACY_KEY)) return;
    void loadProgress().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
