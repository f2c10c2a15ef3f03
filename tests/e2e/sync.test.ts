// Sync in real Chromium, with two independent profiles A and B. No signed-in browser carries
// data here, so the test does what the sync service would: it reads one profile's sync items
// through its service worker and sets them into the other's, in either order.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectPollOptions } from 'vitest';
import { readItem } from '../../data/sync/pack';
import { blogLikeSlugs } from '../fixtures/sync/slugs';
import { launchWithExtension, storageGet, type ExtensionBrowser } from './support/chromium';

const poll = <T>(read: () => T, options: ExpectPollOptions = {}) =>
  expect.poll(read, { timeout: 20_000, interval: 250, ...options });

interface Mark {
  read: boolean;
  at: number;
  via: string;
}
interface Area {
  get: (keys: null) => Promise<Record<string, unknown>>;
  remove: (keys: string) => Promise<void>;
  set: (items: Record<string, unknown>) => Promise<void>;
  getBytesInUse: (keys: null) => Promise<number>;
}
interface Chrome {
  storage: { local: Area; sync: Area };
  action: { getBadgeText: (details: object) => Promise<string> };
}
const chromeIn = () => (globalThis as unknown as { chrome: Chrome }).chrome;

const syncItems = (worker: Worker) =>
  worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get(null),
  );
const setSync = (worker: Worker, items: Record<string, unknown>) =>
  worker.evaluate(
    (items) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set(items),
    items,
  );
const setLocal = (worker: Worker, items: Record<string, unknown>) =>
  worker.evaluate(
    (items) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(items),
    items,
  );
void chromeIn;

const marksOf = async (b: ExtensionBrowser): Promise<Record<string, Mark>> => {
  const items = await storageGet(b.worker);
  return Object.fromEntries(
    Object.entries(items)
      .filter(([key]) => key.startsWith('read:'))
      .map(([key, value]) => [key.slice('read:'.length), value as Mark]),
  );
};
const readOf = async (b: ExtensionBrowser, slugs: readonly string[]) => {
  const marks = await marksOf(b);
  return Object.fromEntries(slugs.map((slug) => [slug, marks[slug]?.read === true]));
};
interface Status {
  marksSynced: number;
  writes: number;
  recentWrites: number[];
  lastError?: string;
  lastSyncedAt?: number;
  notSynced: { unread: number; read: number };
  newerItems: number;
  quarantined: number;
}
const statusOf = async (b: ExtensionBrowser) =>
  (await storageGet(b.worker))['sync:status'] as Status | undefined;

/** The records in a profile's sync items, decoded as B's engine would. */
async function syncedMarks(b: ExtensionBrowser): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(await syncItems(b.worker))) {
    const item = await readItem(key, value);
    if (item.kind === 'marks')
      for (const [slug, record] of Object.entries(item.records)) out[slug] = record.read;
  }
  return out;
}

/** Carry `from`'s items into `to`, as the browser's sync would. */
const carry = async (from: ExtensionBrowser, to: ExtensionBrowser) =>
  setSync(to.worker, await syncItems(from.worker));

let a: ExtensionBrowser;
let b: ExtensionBrowser;
beforeAll(async () => {
  a = await launchWithExtension();
  b = await launchWithExtension();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('two profiles', () => {
  it.each([
    ['A then B', 'first'],
    ['B then A', 'second'],
  ])('end with the same marks, the later winning, when items are carried %s', async (_, round) => {
    const base = Date.now() - 10 * 60_000;
    const slug = (name: string) => `${round}-round-${name}`;
    // Made while "offline": A and B each mark different posts, and both change two posts.
    await setLocal(a.worker, {
      [`read:${slug('only-a')}`]: { read: true, at: base, via: 'button' },
      [`read:${slug('both-b-later')}`]: { read: true, at: base + 1_000, via: 'button' },
      [`read:${slug('both-a-later')}`]: { read: false, at: base + 9_000, via: 'popup' },
    });
    await setLocal(b.worker, {
      [`read:${slug('only-b')}`]: { read: true, at: base + 2_000, via: 'card' },
      [`read:${slug('both-b-later')}`]: { read: false, at: base + 5_000, via: 'popup' },
      [`read:${slug('both-a-later')}`]: { read: true, at: base + 3_000, via: 'button' },
    });
    const slugs = ['only-a', 'only-b', 'both-b-later', 'both-a-later'].map(slug);
    await poll(async () =>
      Object.keys(await syncedMarks(a)).filter((s) => slugs.includes(s)),
    ).toHaveLength(3);
    await poll(async () =>
      Object.keys(await syncedMarks(b)).filter((s) => slugs.includes(s)),
    ).toHaveLength(3);

    const expected = {
      [slug('only-a')]: true,
      [slug('only-b')]: true,
      [slug('both-b-later')]: false,
      [slug('both-a-later')]: false,
    };
    const [first, second] = round === 'first' ? [a, b] : [b, a];
    await carry(first, second);
    // The second profile merges and writes the result back to its sync area; once it has, the
    // sync service carries that back to the first.
    await poll(async () => {
      const synced = await syncedMarks(second);
      return Object.fromEntries(slugs.map((s) => [s, synced[s]]));
    }).toEqual(expected);
    await carry(second, first);

    await poll(() => readOf(a, slugs)).toEqual(expected);
    await poll(() => readOf(b, slugs)).toEqual(expected);
    // The winners keep their own times and ways on both sides.
    const [marksA, marksB] = [await marksOf(a), await marksOf(b)];
    for (const s of [slug('only-a'), slug('only-b'), slug('both-b-later')])
      expect(marksA[s]).toEqual(marksB[s]);
  });

  it("updates B's open sidebar, popup and badge without reload when A's items arrive", async () => {
    const post = 'kamal-in-production'; // a Start Here post: the badge counts it
    const page = await b.context.newPage();
    await page.goto(`https://fly.io/blog/${post}/`);
    const button = page.getByTestId('fn-mark-read');
    await poll(() => button.getAttribute('aria-pressed')).toBe('false');
    const popup: Page = await b.openExtensionPage('popup.html');
    await popup.getByTestId('fn-search').fill('Kamal');
    const result = popup.locator(`[data-testid="fn-result"][data-slug="${post}"]`);
    await poll(() => result.getAttribute('data-read')).toBe('false');
    const badge = () =>
      b.worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}),
      );
    const badgeBefore = await badge();

    // A marks the post with its sidebar's real button.
    const pageA = await a.context.newPage();
    await pageA.goto(`https://fly.io/blog/${post}/`);
    await pageA.getByTestId('fn-mark-read').click();
    await poll(async () => (await syncedMarks(a))[post]).toBe(true);
    await carry(a, b);

    await poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await poll(() => result.getAttribute('data-read')).toBe('true');
    await poll(badge).not.toBe(badgeBefore);
    await Promise.all([page.close(), popup.close(), pageA.close()]);
  });
});

describe('reading places', () => {
  it("carries a half-read post's place from A to B's popup, and its end back", async () => {
    const slug = 'synced-place-post';
    const place = {
      at: Date.now() - 60_000,
      percent: 60,
      title: 'A post half read on another device',
      index: 3,
      heading: 'The part about sync',
      offset: 40,
      quote: 'Where the reader stopped',
    };
    await setLocal(a.worker, { [`place:${slug}`]: place });
    const placesIn = async (p: ExtensionBrowser) => {
      const out: Record<string, number | null> = {};
      for (const [key, value] of Object.entries(await syncItems(p.worker))) {
        const item = await readItem(key, value);
        if (item.kind === 'places')
          for (const [s, record] of Object.entries(item.records))
            out[s] = record.place?.percent ?? null;
      }
      return out;
    };
    await poll(async () => (await placesIn(a))[slug]).toBe(60);
    await carry(a, b);
    await poll(async () => (await storageGet(b.worker))[`place:${slug}`]).toEqual(place);
    const popup = await b.openExtensionPage('popup.html');
    // The popup comes back to the last search (an earlier test's); the list is in the empty view.
    await popup.getByTestId('fn-search').fill('');
    const row = popup.locator(`[data-testid="fn-continue"][data-slug="${slug}"]`);
    await poll(() => row.getAttribute('data-percent')).toBe('60');
    await popup.close();

    // B reads to the end: the place is forgotten there, and on A once the items come back.
    await b.worker.evaluate(
      (key) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove(key),
      `place:${slug}`,
    );
    await poll(async () => (await placesIn(b))[slug]).toBeNull();
    await carry(b, a);
    await poll(async () => (await storageGet(a.worker))[`place:${slug}`]).toBeUndefined();
  }, 60_000);
});

describe('within the quotas', () => {
  it('keeps a burst of 200 marks in 20 s locally and in sync, within the write rate', async () => {
    const writesBefore = (await statusOf(a))?.writes ?? 0;
    const slugs = Array.from({ length: 200 }, (_, i) => `burst-post-${i}`);
    const started = Date.now();
    for (const [i, slug] of slugs.entries()) {
      await setLocal(a.worker, { [`read:${slug}`]: { read: true, at: Date.now(), via: 'button' } });
      // 200 marks spread over 20 seconds.
      const due = started + (i + 1) * 100;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    const local = await marksOf(a);
    expect(slugs.filter((s) => local[s]?.read === true)).toHaveLength(200);
    await poll(async () => {
      const synced = await syncedMarks(a);
      return slugs.filter((s) => synced[s] === true).length;
    }).toBe(200);
    const status = (await statusOf(a))!;
    const writes = status.writes - writesBefore;
    console.log(`sync writes for a burst of 200 marks in 20 s: ${writes}`);
    expect(writes).toBeGreaterThan(0);
    // No 60-second window holds more than the per-minute limit.
    for (const at of status.recentWrites)
      expect(
        status.recentWrites.filter((t) => t >= at && t < at + 60_000).length,
      ).toBeLessThanOrEqual(120);
    expect(writes).toBeLessThanOrEqual(120);
  }, 90_000);

  it('fits 5,000 marks in the sync area (getBytesInUse)', async () => {
    const items: Record<string, Mark> = {};
    const at = Date.now() - 3_600_000;
    for (const [i, slug] of blogLikeSlugs(5_000).entries())
      items[`read:${slug}`] = { read: i % 4 !== 0, at: at + i * 1_000, via: 'button' };
    await setLocal(b.worker, items);
    await poll(async () => (await statusOf(b))?.marksSynced ?? 0, {
      timeout: 40_000,
    }).toBeGreaterThanOrEqual(5_000);
    const status = (await statusOf(b))!;
    expect(status.notSynced).toEqual({ unread: 0, read: 0 });
    expect(status.lastError).toBeUndefined();
    const bytes = await b.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.getBytesInUse(null),
    );
    console.log(`sync bytes for ${status.marksSynced} marks: ${bytes}`);
    expect(bytes).toBeLessThanOrEqual(102_400);
    expect(Object.keys(await syncItems(b.worker)).length).toBeLessThanOrEqual(512);
  }, 90_000);

  it("quarantines a corrupt item without spreading it, and leaves a later format's item alone", async () => {
    const newer = { v: 2, m: 'written by a later version', extra: [1, 2, 3] };
    await setSync(b.worker, { 'fn-sync:marks:5': 'garbage', 'fn-sync:marks:6': newer });
    await setLocal(b.worker, {
      'read:after-corrupt': { read: true, at: Date.now(), via: 'button' },
    });
    await poll(async () =>
      Object.keys(await storageGet(b.worker)).some((k) =>
        k.startsWith('quarantine:sync:fn-sync:marks:5'),
      ),
    ).toBe(true);
    await poll(async () => (await syncItems(b.worker))['fn-sync:marks:5']).not.toBe('garbage');
    expect((await syncItems(b.worker))['fn-sync:marks:6']).toEqual(newer);
    expect((await statusOf(b))?.newerItems).toBe(1);
    // Carried on to another profile, nothing corrupt travels.
    await carry(b, a);
    await poll(async () => (await marksOf(a))['after-corrupt']?.read).toBe(true);
    expect(Object.values(await syncItems(a.worker))).not.toContain('garbage');
    expect((await syncItems(a.worker))['fn-sync:marks:6']).toEqual(newer);
  }, 60_000);

  it('loses no local mark when sync is full, and says so in fn-sync-status', async () => {
    // Another extension's worth of data fills the area, leaving too little for the marks.
    const ours = await syncItems(a.worker);
    const filler: Record<string, string> = {};
    let used = Object.entries(ours).reduce(
      (sum, [key, value]) => sum + key.length + JSON.stringify(value).length,
      0,
    );
    for (let i = 0; used < 100_000; i++) {
      const value = 'x'.repeat(Math.min(7_000, 100_000 - used));
      filler[`other-${i}`] = value;
      used += `other-${i}`.length + value.length + 2;
    }
    await setSync(a.worker, filler);
    await setLocal(a.worker, {
      'read:after-full-one': { read: true, at: Date.now(), via: 'button' },
      'read:after-full-two': { read: true, at: Date.now(), via: 'button' },
    });
    const options = await a.openExtensionPage('options.html');
    const status = options.getByTestId('fn-sync-status');
    await poll(() => status.textContent()).toMatch(/kept on this device/);
    console.log(`status when full: ${await status.textContent()}`);
    expect((await marksOf(a))['after-full-one']?.read).toBe(true);
    expect((await marksOf(a))['after-full-two']?.read).toBe(true);
    expect(await options.getByTestId('fn-sync-usage').textContent()).toMatch(/^\d+\.\d of 100 KB$/);
    await options.close();
  }, 60_000);
});
