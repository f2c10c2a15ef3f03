import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { loadProgress, setRead } from '../../../data/progress/marks';
import { clearMarks } from '../../../data/progress/reset';
import { loadPrefs, savePrefs } from '../../../data/settings/prefs';
import { loadQuarantine } from '../../../data/storage/quarantine';
import { SyncEngine } from '../../../data/sync/engine';
import { markItemKey } from '../../../data/sync/records';
import { loadSyncStatus, saveSyncEnabled } from '../../../data/sync/status';

const settle = async (engine: SyncEngine) => {
  // Steps queue timers that queue steps: wait until both are quiet.
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await engine.idle();
  }
};

/** Another device's items: what a second engine over its own storage writes. */
async function otherDevice(run: () => Promise<void>): Promise<Record<string, unknown>> {
  const saved = {
    local: await browser.storage.local.get(null),
    sync: await browser.storage.sync.get(null),
  };
  fakeBrowser.reset();
  const engine = new SyncEngine({ debounceMs: 0 });
  await engine.start();
  await run();
  await settle(engine);
  const items = await browser.storage.sync.get(null);
  fakeBrowser.reset();
  await browser.storage.local.set(saved.local);
  await browser.storage.sync.set(saved.sync);
  return items;
}

beforeEach(() => fakeBrowser.reset());

describe('the sync engine', () => {
  it('carries local marks and settings to sync, and counts its writes', async () => {
    const engine = new SyncEngine({ debounceMs: 0 });
    await engine.start();
    await setRead('corrosion', true, 'button');
    await setRead('kurt-got-got', true, 'popup');
    await savePrefs({ badge: false });
    await settle(engine);
    const items = await browser.storage.sync.get(null);
    expect(Object.keys(items).length).toBeGreaterThan(0);
    const status = await loadSyncStatus();
    expect(status.marksSynced).toBe(2);
    expect(status.writes).toBeGreaterThan(0);
    expect(status.lastError).toBeUndefined();
  });

  it('merges marks and settings from another device, the later winning', async () => {
    const mine = await setRead('corrosion', true, 'button');
    const items = await otherDevice(async () => {
      await setRead('kurt-got-got', true, 'popup');
      await browser.storage.local.set({
        'read:corrosion': { read: false, at: mine.at + 1000, via: 'button' },
      });
      await savePrefs({ sidebarSide: 'left' });
    });
    const engine = new SyncEngine({ debounceMs: 0 });
    await engine.start();
    await settle(engine);
    await browser.storage.sync.set(items);
    await settle(engine);
    const progress = await loadProgress();
    expect(progress['kurt-got-got']?.read).toBe(true);
    expect(progress.corrosion?.read).toBe(false);
    expect((await loadPrefs()).sidebarSide).toBe('left');
  });

  it('sends a reset as "unread" records', async () => {
    const engine = new SyncEngine({ debounceMs: 0 });
    await engine.start();
    await setRead('corrosion', true, 'button');
    await settle(engine);
    await clearMarks();
    await settle(engine);
    const items = await browser.storage.sync.get(null);
    // Another device read the post before the reset.
    fakeBrowser.reset();
    await browser.storage.local.set({ 'read:corrosion': { read: true, at: 1_000, via: 'card' } });
    const other = new SyncEngine({ debounceMs: 0 });
    await other.start();
    await settle(other);
    await browser.storage.sync.set(items);
    await settle(other);
    expect((await loadProgress()).corrosion).toBeUndefined();
  });

  it('quarantines a corrupt item, leaves a newer format alone, and stops when off', async () => {
    const engine = new SyncEngine({ debounceMs: 0 });
    await engine.start();
    const newer = { v: 2, future: 'data' };
    await browser.storage.sync.set({ [markItemKey(0)]: 'garbage', [markItemKey(1)]: newer });
    await setRead('corrosion', true, 'button');
    await settle(engine);
    const quarantine = await loadQuarantine();
    expect(quarantine.map((entry) => entry.key)).toContain(`sync:${markItemKey(0)}`);
    const items = await browser.storage.sync.get(null);
    expect(items[markItemKey(1)]).toEqual(newer);
    expect(items[markItemKey(0)]).not.toBe('garbage');
    expect((await loadSyncStatus()).newerItems).toBe(1);

    await saveSyncEnabled(false);
    await settle(engine);
    const before = await browser.storage.sync.get(null);
    await setRead('kurt-got-got', true, 'button');
    await settle(engine);
    expect(await browser.storage.sync.get(null)).toEqual(before);
    expect((await loadProgress())['kurt-got-got']?.read).toBe(true);
  });
});
