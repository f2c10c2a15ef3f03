// The background listens for closed tabs only while a walk of the blog has a tab: a listener
// kept for good would wake it each time the reader closes any tab (entrypoints/background/
// archive-walk.ts says why).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerArchiveWalk } from '../../../entrypoints/background/archive-walk';
import {
  nextJob,
  startWalk,
  walkFromStored,
  WALK_KEY,
  type WalkState,
} from '../../../data/archive/walk';

const listening = () => fakeBrowser.tabs.onRemoved.hasListeners();
const storedWalk = async (): Promise<WalkState> =>
  walkFromStored((await fakeBrowser.storage.local.get(WALK_KEY))[WALK_KEY]);

/** A walk running in tab `tab`, as the background stores it once the tab has asked. */
async function storeWalkIn(tab: number): Promise<void> {
  const { state } = nextJob(
    startWalk(walkFromStored(undefined)),
    tab,
    'https://fly.io',
    Date.now(),
  );
  expect(state.leaseTab).toBe(tab);
  await fakeBrowser.storage.local.set({ [WALK_KEY]: state });
}

beforeEach(() => fakeBrowser.reset());

describe('closed tabs and the walk of the blog', () => {
  it('does not listen for closed tabs while no walk runs', async () => {
    registerArchiveWalk();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listening()).toBe(false);
  });

  it('listens while a walk has a tab, stops the walk when that tab closes, then stops listening', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://fly.io/blog/' });
    await storeWalkIn(tab.id!);
    registerArchiveWalk();
    await expect.poll(listening).toBe(true);

    // Another tab closing changes nothing.
    await fakeBrowser.tabs.onRemoved.trigger(tab.id! + 1, { windowId: 0, isWindowClosing: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await storedWalk()).status).toBe('running');

    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: 0, isWindowClosing: false });
    await expect.poll(async () => (await storedWalk()).status).toBe('stopped');
    expect((await storedWalk()).message).toMatch(/tab loading it was closed/);
    expect(listening()).toBe(false);
  });

  it('stops, at its start, a walk whose tab closed while it slept', async () => {
    await storeWalkIn(4242);
    registerArchiveWalk();
    await expect.poll(async () => (await storedWalk()).status).toBe('stopped');
    expect(listening()).toBe(false);
  });
});
