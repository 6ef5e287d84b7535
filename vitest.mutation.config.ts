import { defineConfig } from 'vitest/config';

// Mutation testing (`npm run mutation`) runs only the pure core's tests: the site project builds
// the whole site in its global setup, far too slow to repeat for every mutant.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
