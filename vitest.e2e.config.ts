import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers against the built extension (.output/), one file at a
// time: two browsers at once on a 2-core machine make timings flaky.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
