import { defineConfig } from 'vitest/config';

// Three layers of tests: the pure core (no build), the built site in dist/ (built once by the
// global setup from the sample data), and browser journeys in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          // Some tests run whole Astro builds, which share the .astro/ cache: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
