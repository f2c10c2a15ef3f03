import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clampWidth,
  WIDTH_STEP,
  DEFAULT_WIDTH,
  defaultLayout,
  LAYOUT_KEY,
  layoutFromStored,
  layoutMode,
  loadLayout,
  MAX_WIDTH,
  MIN_WIDTH,
  saveLayout,
  type Layout,
} from '../../../data/settings/layout';
import { DEFAULT_PREFS, PREFS_KEY } from '../../../data/settings/prefs';

const fallback: Layout = { open: true, pinned: true, width: DEFAULT_WIDTH, side: 'right' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('clampWidth', () => {
  it('keeps a width inside the bounds and leaves the page some room', () => {
    expect(clampWidth(400, 1280)).toBe(400);
    expect(clampWidth(100, 1280)).toBe(MIN_WIDTH);
    expect(clampWidth(5000, 1920)).toBe(MAX_WIDTH);
    expect(clampWidth(600, 500)).toBe(452);
  });
  it('moves in WIDTH_STEP steps from the minimum (one stylesheet per step reserves the space)', () => {
    expect(clampWidth(333.6, 1280)).toBe(340);
    expect(clampWidth(329, 1280)).toBe(320);
    expect(clampWidth(DEFAULT_WIDTH + WIDTH_STEP / 2 - 1, 1280)).toBe(DEFAULT_WIDTH);
    expect(clampWidth(MAX_WIDTH - 1, 1920)).toBe(MAX_WIDTH);
  });
  it('never goes below the minimum, even in a tiny window', () => {
    expect(clampWidth(400, 200)).toBe(MIN_WIDTH);
  });
  it('gives the default for a width that is not a number', () => {
    expect(clampWidth(Number.NaN, 1280)).toBe(DEFAULT_WIDTH);
  });
});

describe('layoutFromStored', () => {
  it('keeps every valid field', () => {
    const stored = { open: false, pinned: false, width: 420, side: 'left' };
    expect(layoutFromStored(stored, fallback, 1280)).toEqual(stored);
  });
  it('falls back field by field', () => {
    expect(
      layoutFromStored({ open: 'yes', pinned: false, width: 'wide', side: 'top' }, fallback, 1280),
    ).toEqual({ ...fallback, pinned: false });
  });
  it('takes the fallback for anything that is not an object', () => {
    for (const value of [undefined, null, 3, 'x', []])
      expect(layoutFromStored(value, fallback, 1280)).toEqual(fallback);
  });
  it('clamps a remembered width to the window it is read back into', () => {
    expect(layoutFromStored({ width: 600 }, fallback, 500).width).toBe(452);
    expect(layoutFromStored({ width: 9000 }, fallback, 1920).width).toBe(MAX_WIDTH);
    expect(layoutFromStored({ width: 10 }, fallback, 1920).width).toBe(MIN_WIDTH);
  });
});

describe('layoutMode', () => {
  it('pushes only when pinned and the page keeps enough room', () => {
    expect(layoutMode({ ...fallback, open: false }, 1920)).toBe('collapsed');
    expect(layoutMode(fallback, 1280)).toBe('push');
    expect(layoutMode(fallback, 900)).toBe('overlay');
    expect(layoutMode({ ...fallback, pinned: false }, 1920)).toBe('overlay');
  });
});

describe('loadLayout / saveLayout', () => {
  it('starts from the reader’s sidebar settings when nothing is remembered', async () => {
    await fakeBrowser.storage.local.set({
      [PREFS_KEY]: {
        ...DEFAULT_PREFS,
        sidebarOpenByDefault: false,
        sidebarPinnedByDefault: false,
        sidebarSide: 'left',
      },
    });
    expect(await loadLayout(1280)).toEqual({
      open: false,
      pinned: false,
      width: DEFAULT_WIDTH,
      side: 'left',
    });
  });
  it('defaults to the default prefs with no storage at all', async () => {
    expect(await loadLayout(1280)).toEqual(defaultLayout(DEFAULT_PREFS));
  });
  it('round-trips a saved layout, clamped on the way back', async () => {
    await saveLayout({ open: true, pinned: false, width: 600, side: 'left' });
    expect((await fakeBrowser.storage.local.get(LAYOUT_KEY))[LAYOUT_KEY]).toEqual({
      open: true,
      pinned: false,
      width: 600,
      side: 'left',
    });
    expect(await loadLayout(1920)).toEqual({ open: true, pinned: false, width: 600, side: 'left' });
    expect((await loadLayout(560)).width).toBe(512);
  });
  it('refuses to save an invalid layout', async () => {
    await expect(
      saveLayout({ open: true, pinned: true, width: 10, side: 'right' }),
    ).rejects.toThrow();
  });
});
