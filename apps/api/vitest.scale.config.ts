import { defineConfig } from 'vitest/config';

/** The scale-out proof with real parts (scale/): run by .ci/run, not by `npm test` (it needs Debian packages). */
export default defineConfig({
  test: {
    name: 'api-scale',
    include: ['scale/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: ['default', ['json', { outputFile: 'reports/scale/vitest.json' }]],
  },
});
