// The reader's settings, stored under one key and validated on every read. A stored value that
// fails validation falls back field by field to the defaults, so one bad field never resets the
// others.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { validStoredFields } from '../shared/stored-fields';

export const PREFS_KEY = 'prefs';

export const prefsSchema = z.strictObject({
  /** The sidebar opens by itself on blog pages (otherwise it starts as the edge tab). */
  sidebarOpenByDefault: z.boolean(),
  /** Pinned: pushes the page aside instead of overlaying it, where there is room. */
  sidebarPinnedByDefault: z.boolean(),
  sidebarSide: z.enum(['left', 'right']),
  /** Mark a post read when its end is scrolled into view after a short dwell. */
  autoMark: z.boolean(),
  /** Show Start Here progress (e.g. 3/7) on the toolbar button. */
  badge: z.boolean(),
  /** Read marks and path badges on the blog index's post cards. */
  indexCardMarks: z.boolean(),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const DEFAULT_PREFS: Prefs = {
  sidebarOpenByDefault: true,
  sidebarPinnedByDefault: true,
  sidebarSide: 'right',
  autoMark: false,
  badge: true,
  indexCardMarks: true,
};

/** Any stored value → valid prefs: each field that validates is kept, the rest default. */
export function prefsFromStored(value: unknown): Prefs {
  return prefsSchema.parse({
    ...DEFAULT_PREFS,
    ...validStoredFields(value, prefsSchema.def.shape),
  });
}

export async function loadPrefs(): Promise<Prefs> {
  const items = await browser.storage.local.get(PREFS_KEY);
  return prefsFromStored(items[PREFS_KEY]);
}

export async function savePrefs(changes: Partial<Prefs>): Promise<Prefs> {
  const next = prefsFromStored({ ...(await loadPrefs()), ...changes });
  await browser.storage.local.set({ [PREFS_KEY]: next });
  return next;
}

export function watchPrefs(onChange: (prefs: Prefs) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PREFS_KEY in changes)
      onChange(prefsFromStored(changes[PREFS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
