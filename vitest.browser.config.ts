import { defineConfig } from 'vitest/config';

// Browser tests: build fixture sites, serve them, drive the system Chromium with playwright-core.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
