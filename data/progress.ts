// The reader's marks. Each post's mark lives under its own storage key (`read:<slug>`), so
// writers in different tabs that mark different posts never overwrite each other: there is no
// shared object to read-modify-write. An unmark is stored too (read: false) so that an import
// can tell which of two marks is the later one.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const MARK_PREFIX = 'read:';

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

export function isRead(progress: Progress, slug: string): boolean {
  return progress[slug]?.read === true;
}

export function readSlugs(progress: Progress): string[] {
  return Object.keys(progress).filter((slug) => isRead(progress, slug));
}

/** Turn raw `storage.local` items into marks, leaving aside anything that fails validation. */
export function marksFromItems(items: Record<string, unknown>): {
  progress: Record<string, Mark>;
  invalid: Record<string, unknown>;
} {
  const progress: Record<string, Mark> = Object.create(null) as Record<string, Mark>;
  const invalid: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(MARK_PREFIX)) continue;
    const slug = key.slice(MARK_PREFIX.length);
    const parsed = markSchema.safeParse(value);
    if (parsed.success && slug !== '') progress[slug] = parsed.data;
    else invalid[key] = value;
  }
  return { progress, invalid };
}

export async function loadProgress(): Promise<Progress> {
  const items = await browser.storage.local.get(null);
  return marksFromItems(items).progress;
}

export async function setRead(slug: string, read: boolean, via: MarkWay): Promise<Mark> {
  const mark: Mark = { read, at: Date.now(), via };
  await browser.storage.local.set({ [MARK_PREFIX + slug]: mark });
  return mark;
}

/** Call `onChange` with the whole progress whenever any mark changes, in any context. */
export function watchProgress(onChange: (progress: Progress) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some((key) => key.startsWith(MARK_PREFIX))) return;
    void loadProgress().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
