// Simulated devices running the real sync steps (data/sync/replica.ts): whatever the
// interleaving of marks, unmarks, resets, undos, imports and deliveries (items arriving in any
// order, some buckets before others), every device ends in the same state, and each post ends
// with its latest mark.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laterMark, type Mark, type Progress } from '../../../data/progress/marks';
import { ingestIncoming, ingestLocal } from '../../../data/sync/replica';
import { winner } from '../../../data/sync/merge';
import { bucketOf } from '../../../data/sync/pack';
import {
  MARK_BUCKETS,
  emptyRecords,
  recordToMark,
  type RecordMap,
} from '../../../data/sync/records';

const SLUGS = ['corrosion', 'kurt-got-got', 'litestream-vfs', 'a', 'b-2'];

interface Device {
  local: Record<string, Mark>;
  records: RecordMap;
  undo?: Progress;
}

type Op =
  | { kind: 'mark'; device: number; slug: string; read: boolean }
  | { kind: 'reset'; device: number }
  | { kind: 'undo'; device: number }
  | { kind: 'import'; device: number; marks: { slug: string; read: boolean; ago: number }[] }
  | { kind: 'deliver'; from: number; to: number; buckets: number[] }
  | { kind: 'tick'; by: number };

const opArb = (devices: number, withImport: boolean): fc.Arbitrary<Op> => {
  const device = fc.nat(devices - 1);
  const slug = fc.constantFrom(...SLUGS);
  const ops: fc.Arbitrary<Op>[] = [
    fc.record({ kind: fc.constant('mark' as const), device, slug, read: fc.boolean() }),
    fc.record({ kind: fc.constant('reset' as const), device }),
    fc.record({ kind: fc.constant('undo' as const), device }),
    fc.record({
      kind: fc.constant('deliver' as const),
      from: device,
      to: device,
      buckets: fc.subarray([...Array(MARK_BUCKETS).keys()], { minLength: 1 }),
    }),
    fc.record({ kind: fc.constant('tick' as const), by: fc.nat(3) }),
  ];
  if (withImport)
    ops.push(
      fc.record({
        kind: fc.constant('import' as const),
        device,
        marks: fc.uniqueArray(fc.record({ slug, read: fc.boolean(), ago: fc.nat(20) }), {
          selector: (m) => m.slug,
          maxLength: 4,
        }),
      }),
    );
  return fc.oneof(...ops);
};

/** Runs ops on `count` devices; `strictClock` moves time on after every op (no ties). */
function simulate(count: number, ops: readonly Op[], strictClock: boolean) {
  const devices: Device[] = Array.from({ length: count }, () => ({
    local: Object.create(null) as Record<string, Mark>,
    records: emptyRecords(),
  }));
  let now = 1_000;
  /** Every record any device ever made: the state all must reach is their join. */
  const everything = emptyRecords();
  /** Per post, the read state the latest change set (for the strict clock). */
  const latest = new Map<string, { at: number; read: boolean }>();
  const event = (slug: string, read: boolean) => latest.set(slug, { at: now, read });

  const takeLocal = (d: Device) => {
    const { records, changed } = ingestLocal(d.records, d.local, now);
    d.records = records;
    for (const slug of changed) everything[slug] = winner(everything[slug], records[slug])!;
  };
  const deliver = (from: Device, to: Device, buckets: ReadonlySet<number>) => {
    const incoming = emptyRecords();
    for (const [slug, record] of Object.entries(from.records))
      if (buckets.has(bucketOf(slug))) incoming[slug] = record;
    const { records, writes } = ingestIncoming(to.records, incoming, to.local);
    to.records = records;
    for (const [slug, mark] of Object.entries(writes)) {
      if (mark) to.local[slug] = mark;
      else Reflect.deleteProperty(to.local, slug);
    }
    // Writing the merge's result locally is not a new local change (no echo).
    expect(ingestLocal(to.records, to.local, now).changed).toEqual([]);
  };

  for (const op of ops) {
    switch (op.kind) {
      case 'tick':
        now += op.by;
        break;
      case 'mark': {
        const d = devices[op.device]!;
        d.local[op.slug] = { read: op.read, at: now, via: 'button' };
        event(op.slug, op.read);
        takeLocal(d);
        break;
      }
      case 'reset': {
        const d = devices[op.device]!;
        for (const [slug, mark] of Object.entries(d.local)) if (mark.read) event(slug, false);
        d.undo = { ...d.local };
        d.local = Object.create(null) as Record<string, Mark>;
        takeLocal(d);
        break;
      }
      case 'undo': {
        // As data/progress/reset.ts restoreMarks: a post marked since the reset keeps that mark.
        const d = devices[op.device]!;
        if (!d.undo) break;
        for (const [slug, mark] of Object.entries(d.undo)) {
          const held = d.local[slug];
          if (laterMark(held, mark) === mark && held !== mark) {
            d.local[slug] = mark;
            // Putting back an unmark changes nothing the reset changed: it is no new event.
            if (mark.read) event(slug, true);
          }
        }
        d.undo = undefined;
        takeLocal(d);
        break;
      }
      case 'import': {
        // As data/progress/backup.ts planImport: added if unmarked here, replaced if later.
        const d = devices[op.device]!;
        for (const { slug, read, ago } of op.marks) {
          const mark: Mark = { read, at: Math.max(0, now - ago), via: 'import' };
          const held = d.local[slug];
          if (!held || (held.read !== read && mark.at > held.at)) d.local[slug] = mark;
        }
        takeLocal(d);
        break;
      }
      case 'deliver':
        deliver(devices[op.from]!, devices[op.to]!, new Set(op.buckets));
        break;
    }
    if (strictClock) now += 1;
  }

  // Everyone meets everyone, in both directions, until nothing changes.
  const all = new Set([...Array(MARK_BUCKETS).keys()]);
  for (let round = 0; round < 3; round++)
    for (const from of devices) for (const to of devices) if (from !== to) deliver(from, to, all);
  return { devices, everything, latest };
}

/** The read marks the join of all records stands for. */
const readMarksOf = (records: RecordMap) => {
  const local: Record<string, Mark> = {};
  for (const slug of Object.keys(records).sort()) {
    const mark = recordToMark(records[slug]!);
    if (mark?.read) local[slug] = mark;
  }
  return local;
};
/** The read marks (an unread post may hold an unmark or no mark: both say "unread"). */
const readMarks = (local: Record<string, Mark>) =>
  Object.fromEntries(
    Object.entries(local)
      .filter(([, mark]) => mark.read)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

describe.each([2, 3])('%i devices', (count) => {
  it('converge to the join of every change, for any interleaving and delivery order', () => {
    fc.assert(
      fc.property(fc.array(opArb(count, true), { maxLength: 60 }), (ops) => {
        const { devices, everything } = simulate(count, ops, false);
        const expected = readMarksOf(everything);
        for (const device of devices) {
          expect(readMarks(device.local)).toEqual(expected);
          expect(device.records).toEqual(everything);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('end with every post as its latest mark, unmark, reset or undo left it', () => {
    fc.assert(
      fc.property(fc.array(opArb(count, false), { maxLength: 60 }), (ops) => {
        const { devices, latest } = simulate(count, ops, true);
        for (const device of devices)
          for (const slug of SLUGS)
            expect([slug, device.local[slug]?.read === true]).toEqual([
              slug,
              latest.get(slug)?.read === true,
            ]);
      }),
      { numRuns: 300 },
    );
  });
});
