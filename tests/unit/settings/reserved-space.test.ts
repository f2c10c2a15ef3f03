// The loader reserves a pinned sidebar's space before the page paints with its own few lines of
// the layout rules (it cannot load Zod): they must answer as data/settings/layout.ts does, or
// the sidebar would move the page when it arrives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reservedMargin } from '../../../entrypoints/loader';
import {
  clampWidth,
  defaultLayout,
  layoutFromStored,
  layoutMode,
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

describe('the space the loader reserves', () => {
  it('is the margin the sidebar sets, for any stored layout, settings and window', () => {
    fc.assert(
      fc.property(storedLayout, storedPrefs, fc.integer({ min: 200, max: 3000 }), (l, p, w) => {
        expect(reservedMargin(l, p, w)).toEqual(sidebarMargin(l, p, w));
      }),
      { numRuns: 1000 },
    );
  });

  it('reserves the default sidebar on a wide window, and nothing when collapsed or overlaid', () => {
    expect(reservedMargin(undefined, undefined, 1280)).toEqual(['margin-right', 340]);
    const stored = { open: true, pinned: true, width: 400, side: 'left' };
    expect(reservedMargin(stored, undefined, 1920)).toEqual(['margin-left', 400]);
    expect(reservedMargin({ ...stored, open: false }, undefined, 1920)).toBeUndefined();
    expect(reservedMargin({ ...stored, pinned: false }, undefined, 1920)).toBeUndefined();
    expect(reservedMargin(stored, undefined, 900)).toBeUndefined();
  });
});
