/**
 * Vitest config for mutation runs (scripts/mutation/stryker.config.mjs): the unit tests minus the
 * ones that run the code in a child process (whole site builds in tests/unit/build/*, the validate
 * script): a child process never sees the mutant Stryker activates in the test process, so these
 * tests cannot kill a mutant, and they take seconds to minutes per run.
 *
 * `MUTATION_TESTS` (comma-separated globs) narrows the run to the tests that exercise the file
 * being mutated, for a file-by-file measurement (a lower bound: other tests can only kill more).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/build/**', 'tests/unit/dataset/build-failure.test.ts', 'tests/unit/dataset/validate-script.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
