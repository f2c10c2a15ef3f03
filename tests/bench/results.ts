// Where each benchmark file leaves its figures for tests/bench/report.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchTable {
  title: string;
  /** What was measured and how, in a sentence or two, for BENCHMARKS.md. */
  method: string;
  columns: string[];
  rows: (string | number)[][];
}

/** One target a benchmark measures, for the targets table at the top of BENCHMARKS.md. */
export interface BenchTarget {
  /** The target, and the issue (and item) that set it. */
  target: string;
  /** The figure measured in this run, with what it is. */
  measured: string;
  /** measured ÷ target where both are numbers (≤ 1 meets a "at most" target), else '–'. */
  ratio: string;
  met: boolean;
}

/** `measured ÷ target` as the targets table writes it. */
export const ratioText = (measured: number, target: number): string =>
  `${(measured / target).toFixed(2)}×`;

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function writeBenchResult(
  name: string,
  tables: BenchTable[],
  targets: BenchTarget[] = [],
): void {
  mkdirSync('test-results/bench', { recursive: true });
  writeFileSync(
    `test-results/bench/${name}.json`,
    JSON.stringify(
      { name, date: new Date().toISOString(), machine: machine(), tables, targets },
      null,
      2,
    ),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
