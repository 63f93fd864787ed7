import { defineConfig } from 'vitest/config';

/**
 * Two projects, run side by side on two workers (the machine has two cores):
 * - `unit`: pure code, no servers. Its files share a module graph per worker (`isolate: false`): the parser's models
 *   (6 MiB of JSON) are loaded once per worker, not once per file, which took half of the unit run. No unit test may
 *   depend on running first: each builds what it reads.
 * - `integration`: the integration and e2e tests, on one FerretDB and one Redis started by the global setup; each file
 *   uses its own database and queue prefix (test/helpers), so two files may run at once. A wait on a process or a
 *   connection allows for a machine busy with the other file.
 * Until 2026-12 every file ran one after another (1,116 s on an idle 2-core machine; 652 s two at a time).
 * The fault suite has its own configuration (vitest.faults.config.ts, `npm run test:faults`).
 */
export default defineConfig({
  test: {
    // the JSON report lets .ci/run print a plain 'N passed, N failed' line
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          isolate: false,
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
