// A pinned sidebar's space is reserved before the page paints by a stylesheet the background
// registers (data/settings/reserved-space.ts): its file and media query must answer as the
// sidebar's own layout rules do (data/settings/layout.ts), or the sidebar would move the page
// when it arrives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVE_OFF } from '../../../entrypoints/loader';
import {
  RESERVE_OFF_ATTRIBUTE,
  allReservations,
  reservationAssets,
  reservationCss,
  reservationFile,
  reservationFor,
} from '../../../data/settings/reserved-space';
import {
  clampWidth,
  defaultLayout,
  layoutFromStored,
  layoutMode,
  MIN_PAGE_WIDTH,
} from '../../../data/settings/layout';
import { prefsFromStored } from '../../../data/settings/prefs';

/** What the sidebar's script does with the same stored values (SidebarApp's push). */
function sidebarMargin(storedLayout: unknown, storedPrefs: unknown, windowWidth: number) {
  const layout = layoutFromStored(
    storedLayout,
    defaultLayout(prefsFromStored(storedPrefs)),
    windowWidth,
  );
  if (layoutMode(layout, windowWidth) !== 'push') return undefined;
  return [
    layout.side === 'left' ? 'margin-left' : 'margin-right',
    clampWidth(layout.width, windowWidth),
  ];
}

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.string(),
  fc.integer(),
  fc.double(),
);
const storedLayout = fc.oneof(
  anyValue,
  fc.record(
    {
      open: fc.oneof(fc.boolean(), anyValue),
      pinned: fc.oneof(fc.boolean(), anyValue),
      width: fc.oneof(fc.integer({ min: 100, max: 900 }), fc.double(), anyValue),
      side: fc.oneof(fc.constantFrom('left', 'right'), anyValue),
    },
    { requiredKeys: [] },
  ),
);
const storedPrefs = fc.oneof(
  anyValue,
  fc.record(
    {
      sidebarOpenByDefault: fc.oneof(fc.boolean(), anyValue),
      sidebarPinnedByDefault: fc.oneof(fc.boolean(), anyValue),
      sidebarSide: fc.oneof(fc.constantFrom('left', 'right'), anyValue),
    },
    { requiredKeys: [] },
  ),
);

/**
 * What the reserving stylesheet does in a window this wide: its media query is
 * `(min-width: <px>)`, read back from its text rather than recomputed.
 */
function reservedMargin(storedLayout: unknown, storedPrefs: unknown, windowWidth: number) {
  const reservation = reservationFor(storedLayout, storedPrefs);
  if (!reservation) return undefined;
  const css = reservationCss(reservation);
  const minWidth = Number(/\(min-width: (\d+)px\)/.exec(css)?.[1]);
  const margin = /margin-(left|right): (\d+)px !important/.exec(css);
  if (!margin || windowWidth < minWidth) return undefined;
  return [`margin-${margin[1]}`, Number(margin[2])];
}

describe('the space reserved before the page paints', () => {
  it('is the margin the sidebar sets, for any stored layout, settings and window', () => {
    fc.assert(
      fc.property(storedLayout, storedPrefs, fc.integer({ min: 200, max: 3000 }), (l, p, w) => {
        expect(reservedMargin(l, p, w)).toEqual(sidebarMargin(l, p, w));
      }),
      { numRuns: 1000 },
    );
  });

  it('asks only for stylesheets the build writes', () => {
    const built = new Set(reservationAssets().map((a) => a.relativeDest));
    expect(built.size).toBe(allReservations().length);
    fc.assert(
      fc.property(storedLayout, storedPrefs, (l, p) => {
        const reservation = reservationFor(l, p);
        if (reservation) expect(built.has(reservationFile(reservation))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reserves the default sidebar on a wide window, and nothing when collapsed or overlaid', () => {
    expect(reservedMargin(undefined, undefined, 1280)).toEqual(['margin-right', 340]);
    const stored = { open: true, pinned: true, width: 400, side: 'left' };
    expect(reservedMargin(stored, undefined, 1920)).toEqual(['margin-left', 400]);
    expect(reservationFile(reservationFor(stored, undefined)!)).toBe('reserved-space/left-400.css');
    expect(reservedMargin({ ...stored, open: false }, undefined, 1920)).toBeUndefined();
    expect(reservedMargin({ ...stored, pinned: false }, undefined, 1920)).toBeUndefined();
    expect(reservedMargin(stored, undefined, 400 + MIN_PAGE_WIDTH - 1)).toBeUndefined();
    expect(reservedMargin(stored, undefined, 400 + MIN_PAGE_WIDTH)).toEqual(['margin-left', 400]);
  });

  it('is turned off by the attribute the sidebar and the loader set', () => {
    expect(RESERVE_OFF).toBe(RESERVE_OFF_ATTRIBUTE);
    expect(reservationCss({ side: 'right', width: 340 })).toContain(
      `:root:not([${RESERVE_OFF_ATTRIBUTE}])`,
    );
  });
});
