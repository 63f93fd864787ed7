import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the fault suite has its own configuration (vitest.faults.config.ts, `npm run test:faults`)
    exclude: ['test/faults/**', '**/node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Integration and e2e tests share one FerretDB and one Redis; files run one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // the JSON report lets .ci/run print a plain 'N passed, N failed' line
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
