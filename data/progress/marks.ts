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
import { slugSchema } from '../shared/slug';
import { setAside } from '../storage/set-aside';

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

/**
 * v1: one object for every mark; a mark was only "read", at an ISO time. Its entries are checked
 * one by one below (a bad entry is set aside, the rest still count), so `read` need only be an
 * object here.
 */
export const legacyProgressSchema = z.object({
  version: z.literal(1),
  read: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  ),
});

/**
 * v1's times: ISO 8601 date-times as Date#toISOString() wrote them, or with an offset. A plain
 * pattern rather than z.iso.datetime(): this module runs in the content script, whose size
 * budget the latter's date-time machinery would strain; Date.parse below checks the values.
 */
const isoTimeSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/));

/**
 * The reader's marks as a surface gets them (sidebar, card marks, notes page): injected, so
 * components and tests need no storage. `setRead` records the surface's own way of marking.
 */
export interface ProgressStore {
  load: () => Promise<Progress>;
  watch: (onChange: (progress: Progress) => void) => () => void;
  setRead: (slug: string, read: boolean) => Promise<unknown>;
}

/** The store over `storage.local`, marking `via` the given way. */
export function progressStore(via: MarkWay): ProgressStore {
  return {
    load: loadProgress,
    watch: watchProgress,
    setRead: (slug, read) => setRead(slug, read, via),
  };
}

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

/** A record with no prototype, so a slug like `__proto__` is only ever a key. */
export const emptyRecord = <T>() => Object.create(null) as Record<string, T>;

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
  const key = MARK_PREFIX + slug;
  const mark: Mark = { read, at: Date.now(), via };
  // A corrupt value here is set aside first, as storage upkeep would have (it may not have run
  // yet since the browser started): the reader's click must not silently destroy it.
  const held = (await browser.storage.local.get(key))[key];
  if (held !== undefined && !markSchema.safeParse(held).success)
    await setAside(key, held, 'not a valid mark');
  await browser.storage.local.set({ [key]: mark });
  return mark;
}

/** Write many marks at once (import, undo); each still lands under its own key. */
export async function writeMarks(marks: Readonly<Record<string, Mark>>): Promise<void> {
  const items = markItems(marks);
  if (Object.keys(items).length > 0) await browser.storage.local.set(items);
}

/** The storage items (`read:<slug>` → mark) for valid marks; invalid slugs are left out. */
export function markItems(marks: Readonly<Record<string, Mark>>): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const [slug, mark] of Object.entries(marks))
    if (slugSchema.safeParse(slug).success) items[MARK_PREFIX + slug] = markSchema.parse(mark);
  return items;
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
