// Sync in Firefox ESR (the MV2 build), with two independent profiles A and B. Firefox keeps
// `storage.sync` for an add-on with a fixed id even without a signed-in account; nothing is
// carried between profiles here, so the test does what the sync service would: it reads one
// profile's sync items through an extension page and sets them into the other's.
// The fuller journey (burst, quota, open tabs) is in sync.test.ts (Chromium).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItem } from '../../data/sync/pack';
import {
  extensionStorage,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from './support/firefox';

interface Mark {
  read: boolean;
  at: number;
  via: string;
}
interface Area {
  get: (keys: null) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
}
type Storage = { storage: { local: Area; sync: Area } };

/** A profile and one of its extension pages, through which the test reads and writes storage. */
interface Profile {
  firefox: FirefoxExtensionBrowser;
  page: Page;
}

const syncItems = (p: Profile) =>
  p.page.evaluate(() =>
    (globalThis as unknown as { browser: Storage }).browser.storage.sync.get(null),
  );
const setArea = (p: Profile, area: 'local' | 'sync', items: Record<string, unknown>) =>
  p.page.evaluate(
    (area, items) =>
      (globalThis as unknown as { browser: Storage }).browser.storage[area].set(items),
    area,
    items,
  );

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The records in a profile's sync items, decoded as the other profile's engine would. */
async function syncedMarks(p: Profile): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(await syncItems(p))) {
    const item = await readItem(key, value);
    if (item.kind === 'marks')
      for (const [slug, record] of Object.entries(item.records)) out[slug] = record.read;
  }
  return out;
}

async function readOf(p: Profile, slugs: readonly string[]) {
  const items = await extensionStorage(p.page);
  return Object.fromEntries(
    slugs.map((slug) => [slug, (items[`read:${slug}`] as Mark | undefined)?.read === true]),
  );
}

const carry = async (from: Profile, to: Profile) => setArea(to, 'sync', await syncItems(from));

async function launchProfile(): Promise<Profile> {
  const firefox = await launchFirefoxWithExtension();
  return { firefox, page: await firefox.openExtensionPage('options.html') };
}

let a: Profile;
let b: Profile;
beforeAll(async () => {
  a = await launchProfile();
  b = await launchProfile();
}, 60_000);
afterAll(async () => {
  await a?.firefox.close();
  await b?.firefox.close();
});

describe('sync in Firefox ESR', () => {
  it('carries marks between two profiles, the later mark winning for a post changed on both', async () => {
    const base = Date.now() - 10 * 60_000;
    await setArea(a, 'local', {
      'read:ff-only-a': { read: true, at: base, via: 'button' },
      'read:ff-both-b-later': { read: true, at: base + 1_000, via: 'button' },
    });
    await setArea(b, 'local', {
      'read:ff-only-b': { read: true, at: base + 2_000, via: 'card' },
      'read:ff-both-b-later': { read: false, at: base + 5_000, via: 'popup' },
    });
    const slugs = ['ff-only-a', 'ff-only-b', 'ff-both-b-later'];
    const inSync = (p: Profile) =>
      until(
        async () => Object.keys(await syncedMarks(p)).filter((s) => slugs.includes(s)),
        (found) => found.length === 2,
      );
    expect(await inSync(a)).toHaveLength(2);
    expect(await inSync(b)).toHaveLength(2);

    await carry(a, b);
    const expected = { 'ff-only-a': true, 'ff-only-b': true, 'ff-both-b-later': false };
    const merged = await until(
      async () => {
        const synced = await syncedMarks(b);
        return Object.fromEntries(slugs.map((s) => [s, synced[s]]));
      },
      (v) => JSON.stringify(v) === JSON.stringify(expected),
    );
    expect(merged).toEqual(expected);
    await carry(b, a);

    expect(
      await until(
        () => readOf(a, slugs),
        (v) => v['ff-only-b'] === true,
      ),
    ).toEqual(expected);
    expect(
      await until(
        () => readOf(b, slugs),
        (v) => v['ff-only-a'] === true,
      ),
    ).toEqual(expected);
  }, 90_000);

  it('quarantines a corrupt item without merging it, and says so in fn-sync-status', async () => {
    await setArea(b, 'sync', { 'fn-sync:marks:7': 'garbage' });
    await setArea(b, 'local', {
      'read:ff-after-corrupt': { read: true, at: Date.now(), via: 'button' },
    });
    const quarantined = await until(
      async () =>
        Object.keys(await extensionStorage(b.page)).some((k) =>
          k.startsWith('quarantine:sync:fn-sync:marks:7'),
        ),
      (v) => v,
    );
    expect(quarantined).toBe(true);
    const cleaned = await until(
      async () => (await syncItems(b))['fn-sync:marks:7'],
      (v) => v !== 'garbage',
    );
    expect(cleaned).not.toBe('garbage');
    const status = await until(
      () =>
        b.page.evaluate(
          () => document.querySelector('[data-testid="fn-sync-status"]')?.textContent ?? '',
        ),
      (text) => /unreadable sync items? (was|were) set aside/.test(text),
    );
    expect(status).toMatch(/Last synced [^;]* \d+ marks synced/);
    expect(status).toMatch(/1 unreadable sync items? (was|were) set aside, not merged/);
  }, 60_000);
});
