import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files whose timing or shared output needs the machine to themselves: a card tap's wait window, back-off delays,
 * bots' first connections, the browser tests, the processes that `npm start` runs. They
 * run one at a time after the rest. (A fallback or an overflow is shown by what was still unanswered — an LLM or a
 * store held until the test lets go — not by a clock, so those files run beside others.)
 */
const SERIAL = [
  'test/e2e/long-connection.test.ts',
  'test/e2e/closed-loop.test.ts',
  'test/e2e/simulator.test.ts',
  'test/e2e/workbench.test.ts',
  'test/e2e/workbench-api.test.ts',
  'test/e2e/shutdown.test.ts',
  'test/integration/wecom-card-callback.test.ts',
  'test/integration/wecom-long-connection.test.ts',
  // bots and workers killed and replaced, takeovers within a lease, a store gone and back: a test of 15–30 s on an
  // idle machine, over its limit beside another file (crash-recovery did so once)
  'test/e2e/crash-recovery.test.ts',
  'test/e2e/worker-stop.test.ts',
  'test/integration/outbound-takeover.test.ts',
  'test/integration/two-workers.test.ts',
  'test/integration/store-reconnect.test.ts',
];

/**
 * Three projects (the machine has two cores):
 * - `unit`: pure code, no servers. Its files share a module graph per worker (`isolate: false`): the parser's models
 *   (6 MiB of JSON) are loaded once per worker, not once per file, which took half of the unit run. No unit test may
 *   depend on running first: each builds what it reads.
 * - `integration`: the integration and e2e tests, on one FerretDB and one Redis started by the global setup; each file
 *   uses its own database and queue prefix, its own ports and temporary directories, so two files may run at once —
 *   beside each other and beside the unit files, two workers in all — and share a module graph per worker. The CLI
 *   and the bot they start as processes are the compiled ones, built by the global setup when the sources changed
 *   (helpers/build.ts).
 * - `integration-serial`: the files of SERIAL, one at a time once the others are done (`sequence.groupOrder` 1), on
 *   servers of their own.
 * Until 2026-12 every file ran one after another (vitest 1,116 s on an idle 2-core machine; 815 s so on a clean clone).
 * By the forty-first session the suite had grown to 1,318 s on a clean clone (27 minutes with the fault suite); the
 * compiled CLI and bot and the shared module graph brought it to 774 s.
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
          exclude: [...configDefaults.exclude, ...SERIAL],
          globalSetup: ['test/helpers/global-setup.ts'],
          // (one module graph per worker, as for the unit files: each file imported the store, the queues and the
          // parser's models anew, 506 s of a 1,318 s run; shared, 134 s of 774 s. No file mocks a module or changes
          // the environment of the others: each uses its own database, queue prefix, ports and folders, and reads
          // a metric as a difference)
          isolate: false,
          maxWorkers: 2,
          // (a hang guard, not a measure: a test of 10–15 s alone may take twice that beside another file)
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration-serial',
          include: SERIAL,
          globalSetup: ['test/helpers/global-setup.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
