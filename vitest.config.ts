import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The e2e tests mostly wait for the hotline processes they start, so even a 2-core machine
    // runs two test files at once (vitest's default would be one there): 222 s instead of 377 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
