// Sync through storage.sync, for BENCHMARKS.md: bytes per mark in the sync area, sync writes
// per 100 marks, and the time to take in 5,000 marks arriving from another device (reading the
// items and merging them). Figures are reported, never asserted as timings.
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { setRead } from '../../data/progress/marks';
import { SyncEngine } from '../../data/sync/engine';
import { packAll, readItem } from '../../data/sync/pack';
import { ingestIncoming } from '../../data/sync/replica';
import { emptyRecords, type RecordMap } from '../../data/sync/records';
import { loadSyncStatus } from '../../data/sync/status';
import { blogLikeSlugs } from '../fixtures/sync/slugs';
import { median, percentile, writeBenchResult } from './results';

function records(count: number): RecordMap {
  const map = emptyRecords();
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (const [i, slug] of blogLikeSlugs(count).entries()) {
    const at = start + i * 61_237;
    map[slug] = { read: i % 4 !== 0, at, via: 'button', t: at };
  }
  return map;
}

it('measures sync', async () => {
  const sizes: (string | number)[][] = [];
  for (const count of [100, 1_000, 5_000]) {
    const packed = await packAll(records(count), {});
    expect(packed.synced).toBe(count);
    sizes.push([
      count,
      Object.keys(packed.items).length,
      `${(packed.bytes / 1024).toFixed(1)} KB`,
      (packed.bytes / count).toFixed(1),
    ]);
  }

  // Writes: the real engine over the fake browser, with its real debounce.
  const writes: (string | number)[][] = [];
  // In simulated time (the timers and the clock faked): the batching is the engine's own, and
  // the run no longer sleeps through its debounce (11 s of the benchmark's wall clock).
  for (const [name, gapMs] of [
    ['100 marks at once', 0],
    ['100 marks, one every 50 ms', 50],
  ] as const) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      fakeBrowser.reset();
      const engine = new SyncEngine();
      await engine.start();
      for (const slug of blogLikeSlugs(100)) {
        await setRead(slug, true, 'button');
        if (gapMs) await vi.advanceTimersByTimeAsync(gapMs);
      }
      await vi.advanceTimersByTimeAsync(3_000);
      await engine.idle();
      const status = await loadSyncStatus();
      expect(status.marksSynced).toBe(100);
      writes.push([name, status.writes]);
    } finally {
      vi.useRealTimers();
    }
  }

  // Merge: 5,000 marks arriving as items, read and merged into a device holding 1,000 others.
  const incoming = await packAll(records(5_000), {});
  const held = records(1_000);
  const times: number[] = [];
  for (let run = 0; run < 10; run++) {
    const start = performance.now();
    const arrived = emptyRecords();
    for (const [key, value] of Object.entries(incoming.items)) {
      const item = await readItem(key, value);
      if (item.kind === 'marks') Object.assign(arrived, item.records);
    }
    const { writes: local } = ingestIncoming(held, arrived, {});
    times.push(performance.now() - start);
    expect(Object.keys(local).length).toBeGreaterThan(0);
  }
  await browser.storage.local.clear();

  writeBenchResult('sync', [
    {
      title: 'Sync: bytes in storage.sync',
      method:
        'packAll on blog-like slugs (three words and a suffix, ~27 characters), a quarter of them unread; bytes as the quota counts them (UTF-8 key + JSON value).',
      columns: ['marks', 'items', 'bytes', 'bytes per mark'],
      rows: sizes,
    },
    {
      title: 'Sync: writes per 100 marks',
      method:
        'The sync engine over WXT’s fake browser with its real batching (2 s debounce, 10 s at most), in simulated time (Vitest’s fake timers and clock: the 50 ms gaps and the 3 s wait after the last mark are advanced, not slept); sync write operations counted by the engine.',
      columns: ['marks', 'sync writes'],
      rows: writes,
    },
    {
      title: 'Sync: taking in 5,000 marks from another device',
      method:
        'Reading (inflating, validating) the items of 5,000 marks and merging them into 1,000 held ones, 10 runs in Node; median and 95th percentile.',
      columns: ['marks', 'median', 'p95'],
      rows: [[5_000, `${median(times).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`]],
    },
  ]);
});
