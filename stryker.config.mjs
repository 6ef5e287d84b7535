// Mutation testing of the criteria engine and its wording, the figures, the unit tree, exact arithmetic, the privacy
// rules and gates and the cross-file checks: `npm run mutation` (not part of `npm test`; about an hour
// on two cores, checks.ts alone about 40 minutes).
// One file while iterating: `npm run mutation -- --mutate src/lib/domain/exact.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'src/lib/domain/criteria.ts',
    'src/lib/domain/verdict-text.ts',
    'src/lib/domain/method-text.ts',
    'src/lib/domain/poverty-standard.ts',
    'src/lib/domain/figures.ts',
    'src/lib/domain/units.ts',
    'src/lib/domain/exact.ts',
    'src/lib/domain/privacy.ts',
    'src/lib/domain/protected-names.ts',
    'src/lib/domain/privacy-gate.ts',
    'src/lib/domain/output-scan.ts',
    'src/lib/domain/photo-metadata.ts',
    'src/lib/domain/checks.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine has two cores shared with other work.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // `--incremental` keeps its results beside the reports, out of the repository.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', '.site-build', '.astro', 'test-results', 'reports'],
  cleanTempDir: true,
};
