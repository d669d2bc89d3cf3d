// @ts-check
/**
 * Stryker config for `npm run mutation [-- dataset|stats|publicuse ...] [stryker options]`
 * (scripts/mutation/run.ts sets MUTATION_TARGETS). Temp sandboxes and reports go under tmp/
 * (git-ignored). One worker: the run takes tens of minutes on 2 cores, so it is not part of CI.
 */
const all = ['dataset', 'stats', 'publicuse'];
const targets = (process.env.MUTATION_TARGETS ?? all.join(',')).split(',').filter(Boolean);
// MUTATION_NAME names the reports and incremental file of a file-by-file run (README).
const name = process.env.MUTATION_NAME ?? (targets.length === all.length ? 'all' : targets.join('-'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'scripts/mutation/vitest.config.ts' },
  mutate: targets.map((t) => `src/lib/${t}/**/*.ts`),
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Type declarations only: nothing to mutate.
  ignorePatterns: ['dist', '.astro', 'test-results', 'playwright-report', 'tmp'],
  tempDirName: 'tmp/stryker',
  incremental: true,
  incrementalFile: `tmp/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `tmp/mutation/${name}.html` },
  jsonReporter: { fileName: `tmp/mutation/${name}.json` },
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: null },
};
