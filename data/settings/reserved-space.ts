// The space a pinned, open sidebar takes, reserved before the page's first paint.
//
// A margin set after the page has painted moves everything on it (a layout shift), and a
// content script cannot read storage before that paint reliably: on a page that paints at
// once, storage answers too late. So the background registers a stylesheet as a content script
// at document_start (entrypoints/background/reserved-space.ts), which the browser injects before
// the page's first paint. A registered stylesheet is a file of the extension, so there is one
// per side and width; widths move in WIDTH_STEP steps (layout.ts) so that 40 files cover them
// all. The window-width condition of layoutMode is the stylesheet's media query.
//
// The sidebar's script takes the space over with an inline margin (push-aside.ts) and then
// marks the root with RESERVE_OFF_ATTRIBUTE, which turns the stylesheet's rule off for good.
import {
  MAX_WIDTH,
  MIN_PAGE_WIDTH,
  MIN_WIDTH,
  WIDTH_STEP,
  defaultLayout,
  layoutFromStored,
  type Side,
} from './layout';
import { prefsFromStored } from './prefs';

/** Set on the page's root once the sidebar's script manages the margin itself. */
export const RESERVE_OFF_ATTRIBUTE = 'data-fly-field-notes-reserve-off';
/** The folder of the extension that holds the stylesheets. */
const FOLDER = 'reserved-space';

export interface Reservation {
  side: Side;
  width: number;
}

/**
 * The reservation for the stored layout and settings, whatever the window's width (the media
 * query adds that); undefined when the sidebar will not be open and pinned.
 */
export function reservationFor(
  storedLayout: unknown,
  storedPrefs: unknown,
): Reservation | undefined {
  const prefs = prefsFromStored(storedPrefs);
  const layout = layoutFromStored(storedLayout, defaultLayout(prefs), Number.POSITIVE_INFINITY);
  if (!layout.open || !layout.pinned) return undefined;
  return { side: layout.side, width: layout.width };
}

/** The stylesheet's path in the extension, for a reservation. */
export function reservationFile({ side, width }: Reservation): string {
  return `${FOLDER}/${side}-${width}.css`;
}

/** The stylesheet's text: the margin, only in a window wide enough to push the page aside. */
export function reservationCss({ side, width }: Reservation): string {
  return (
    `@media (min-width: ${width + MIN_PAGE_WIDTH}px) {\n` +
    `  :root:not([${RESERVE_OFF_ATTRIBUTE}]) { margin-${side}: ${width}px !important; }\n` +
    '}\n'
  );
}

/** Every reservation a stored layout can ask for: each side at each width step. */
export function allReservations(): Reservation[] {
  const widths: number[] = [];
  for (let width = MIN_WIDTH; width <= MAX_WIDTH; width += WIDTH_STEP) widths.push(width);
  return (['left', 'right'] as const).flatMap((side) => widths.map((width) => ({ side, width })));
}

/** The stylesheets as WXT's `build:publicAssets` hook takes them (wxt.config.ts). */
export function reservationAssets(): { relativeDest: string; contents: string }[] {
  return allReservations().map((r) => ({
    relativeDest: reservationFile(r),
    contents: reservationCss(r),
  }));
}
