import { defineConfig } from 'vitest/config';

// `npm run screenshots`: drives the built extension in Chromium and writes the README's
// pictures to .github/screenshots/. Each file checks what it pictures before it shoots.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/docs/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
