// The first step of `npm run bench`: notes when the run started, for the duration report.mjs
// gives against its 3-minute budget (issue 17), and clears the previous run's results so a
// benchmark that did not run this time cannot leave old figures in BENCHMARKS.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

rmSync('test-results/bench', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-started.json', JSON.stringify({ at: Date.now() }));
