// The sidebar's remembered layout: open, pinned, width and side. One storage key, validated
// field by field on every read so that one bad field never resets the others; the width is
// clamped to the window it is read back into, since the window may have shrunk since.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { PREFS_KEY, prefsFromStored, type Prefs } from './prefs';
import { validStoredFields } from '../shared/stored-fields';

export const LAYOUT_KEY = 'sidebarLayout';

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 640;
export const DEFAULT_WIDTH = 340;
/**
 * Widths move in steps of this many px, so that a stylesheet per width can reserve a pinned
 * sidebar's space before the page paints (reserved-space.ts). MIN_WIDTH, MAX_WIDTH and
 * DEFAULT_WIDTH are on the steps.
 */
export const WIDTH_STEP = 20;
/** What is left for the page when the sidebar pushes it aside; narrower windows get an overlay. */
export const MIN_PAGE_WIDTH = 720;
/** An overlaid sidebar still leaves this much of the page visible beside it. */
const MIN_VISIBLE_PAGE = 48;

export const sideSchema = z.enum(['left', 'right']);
export type Side = z.infer<typeof sideSchema>;

export const layoutSchema = z.strictObject({
  open: z.boolean(),
  pinned: z.boolean(),
  width: z.number().check(z.int(), z.minimum(MIN_WIDTH), z.maximum(MAX_WIDTH)),
  side: sideSchema,
});
export type Layout = z.infer<typeof layoutSchema>;

/** How the sidebar sits on the page right now. */
export type LayoutMode = 'collapsed' | 'overlay' | 'push';

export function defaultLayout(
  prefs: Pick<Prefs, 'sidebarOpenByDefault' | 'sidebarPinnedByDefault' | 'sidebarSide'>,
): Layout {
  return {
    open: prefs.sidebarOpenByDefault,
    pinned: prefs.sidebarPinnedByDefault,
    width: DEFAULT_WIDTH,
    side: prefs.sidebarSide,
  };
}

/** The widest the sidebar may be in a window this wide, never below MIN_WIDTH. */
export function maxWidthFor(windowWidth: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(windowWidth - MIN_VISIBLE_PAGE)));
}

export function clampWidth(width: number, windowWidth: number): number {
  if (!Number.isFinite(width)) return Math.min(DEFAULT_WIDTH, maxWidthFor(windowWidth));
  const stepped = Math.round((width - MIN_WIDTH) / WIDTH_STEP) * WIDTH_STEP + MIN_WIDTH;
  return Math.min(maxWidthFor(windowWidth), Math.max(MIN_WIDTH, stepped));
}

/** Any stored value → a valid layout: fields that validate are kept, the rest come from `fallback`. */
export function layoutFromStored(value: unknown, fallback: Layout, windowWidth: number): Layout {
  // A width outside the bounds is still the reader's intent: clamp it rather than drop it.
  const fields = validStoredFields(value, layoutSchema.def.shape, (key, field) =>
    key === 'width' && typeof field === 'number'
      ? clampWidth(field, Number.POSITIVE_INFINITY)
      : field,
  );
  const valid = layoutSchema.parse({ ...fallback, ...fields });
  return { ...valid, width: clampWidth(valid.width, windowWidth) };
}

export async function loadLayout(windowWidth: number): Promise<Layout> {
  return (await loadLayoutAndPrefs(windowWidth)).layout;
}

/**
 * The layout and the settings it defaults from, in one storage read (the sidebar's first paint),
 * or from `stored`, a read of at least those keys already under way.
 */
export async function loadLayoutAndPrefs(
  windowWidth: number,
  stored?: Promise<Record<string, unknown>>,
): Promise<{ layout: Layout; prefs: Prefs }> {
  const items = await (stored ?? browser.storage.local.get([LAYOUT_KEY, PREFS_KEY]));
  const prefs = prefsFromStored(items[PREFS_KEY]);
  return { layout: layoutFromStored(items[LAYOUT_KEY], defaultLayout(prefs), windowWidth), prefs };
}

export async function saveLayout(layout: Layout): Promise<void> {
  await browser.storage.local.set({ [LAYOUT_KEY]: layoutSchema.parse(layout) });
}

/** Pinned pushes the page aside only where the page keeps MIN_PAGE_WIDTH beside the sidebar. */
export function layoutMode(layout: Layout, windowWidth: number): LayoutMode {
  if (!layout.open) return 'collapsed';
  if (layout.pinned && windowWidth - layout.width >= MIN_PAGE_WIDTH) return 'push';
  return 'overlay';
}
