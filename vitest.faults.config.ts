import { defineConfig } from 'vitest/config';

/** The fault suite (`npm run test:faults`): one real bot process, its own FerretDB and the run's Redis, under faults. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/faults/setup.ts'],
    fileParallelism: false,
    testTimeout: 420_000,
    hookTimeout: 120_000,
  },
});
