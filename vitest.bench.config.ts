import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run bench`: each tests/bench/*.bench.ts measures one thing and writes its figures to
// test-results/bench/<name>.json; tests/bench/report.mjs turns them into BENCHMARKS.md.
// Not part of `npm test`: figures are reported, never asserted as timings.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'node',
    include: ['tests/bench/**/*.bench.ts'],
    fileParallelism: false,
    testTimeout: 170_000,
    hookTimeout: 60_000,
  },
});
