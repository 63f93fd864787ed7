// A stand-in for the worker process (test/integration/worker-child.test.ts): records its start in STARTS_FILE, then
// exits with EXIT_CODE on its own (0: stopped cleanly, as after a stop signal of its own; otherwise: a failure).
import { appendFileSync } from 'node:fs';

appendFileSync(process.env.STARTS_FILE, `${process.pid}\n`);
process.on('SIGTERM', () => process.exit(0));
setTimeout(() => process.exit(Number(process.env.EXIT_CODE)), 50);
