import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  DEFAULT_PREFS,
  PREFS_KEY,
  loadPrefs,
  prefsFromStored,
  savePrefs,
  watchPrefs,
  type Prefs,
} from '../../../data/settings/prefs';
import { startHereBadge } from '../../../data/progress/badge-text';
import { pathPosts } from '../../../data/notes/notes';
import type { Progress } from '../../../data/progress/marks';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('default when nothing is stored, and auto-mark starts off', async () => {
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    expect(DEFAULT_PREFS.autoMark).toBe(false);
  });

  it('fall back field by field from corrupt values', () => {
    expect(prefsFromStored('junk')).toEqual(DEFAULT_PREFS);
    expect(prefsFromStored(null)).toEqual(DEFAULT_PREFS);
    expect(prefsFromStored({ sidebarSide: 'middle', badge: false, extra: 1 })).toEqual({
      ...DEFAULT_PREFS,
      badge: false,
    });
    expect(prefsFromStored(JSON.parse('{"__proto__":{"badge":false}}'))).toEqual(DEFAULT_PREFS);
  });

  it('save a change without touching the other settings, and tell watchers', async () => {
    const seen: Prefs[] = [];
    const stop = watchPrefs((p) => seen.push(p));
    await savePrefs({ sidebarSide: 'left' });
    await savePrefs({ autoMark: true });
    expect(await loadPrefs()).toEqual({ ...DEFAULT_PREFS, sidebarSide: 'left', autoMark: true });
    await expect.poll(() => seen.at(-1)?.autoMark).toBe(true);
    stop();
    expect((await browser.storage.local.get(PREFS_KEY))[PREFS_KEY]).toMatchObject({
      sidebarSide: 'left',
    });
  });
});

describe('the Start Here badge', () => {
  const path = pathPosts().map((s) => s.post.slug);
  const marked = (n: number): Progress =>
    Object.fromEntries(
      path.slice(0, n).map((slug) => [slug, { read: true, at: 1, via: 'button' as const }]),
    );

  it('counts read path steps', () => {
    expect(startHereBadge({}, { badge: true })).toBe('0/7');
    expect(startHereBadge(marked(3), { badge: true })).toBe('3/7');
    expect(
      startHereBadge(
        { ...marked(3), [path[0]!]: { read: false, at: 2, via: 'popup' } },
        { badge: true },
      ),
    ).toBe('2/7');
  });

  it('shows nothing when the path is done or the badge is off', () => {
    expect(startHereBadge(marked(7), { badge: true })).toBe('');
    expect(startHereBadge(marked(3), { badge: false })).toBe('');
  });
});
