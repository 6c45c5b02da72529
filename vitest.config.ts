import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects (docs/testing.md): the unit tests run in worker threads, cheap to start; the
// end-to-end tests in forked processes, because the in-process CLI runs in the test's working
// directory (process.chdir, which threads may not call) and some start hotline as a process.
const PROCESS_TESTS = ['tests/e2e/**/*.test.ts', 'tests/io/policy-file.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e tests wait for the hotline processes they start, so even a 2-core machine runs two
    // test files at once (vitest's default would be one there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: PROCESS_TESTS, pool: 'threads' },
      },
      {
        extends: true,
        // tests/helpers/demo-setup.ts: one `hotline demo` for the whole run, copied by the tests that need its data.
        test: { name: 'e2e', include: PROCESS_TESTS, pool: 'forks', setupFiles: ['tests/helpers/file-setup.ts'], globalSetup: ['tests/helpers/demo-setup.ts'] },
      },
    ],
  },
});
