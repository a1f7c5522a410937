import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'schemas/**/*.test.ts',
      'scripts/**/*.test.ts',
      'src/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Builds and real Git repositories are heavy; two cores, so two test files at a time.
    maxWorkers: 2,
    // The default reporter, plus a line as each file starts (in logs and CI the default one
    // says nothing until the first files end, minutes in while the site tests build).
    reporters: ['default', './tests/helpers/started-reporter.ts'],
  },
});
