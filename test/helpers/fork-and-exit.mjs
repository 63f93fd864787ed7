// Forks ENTRY with an IPC channel and the tsx loader, prints the child's id, and exits at once (the child outlives it).
import { fork } from 'node:child_process';

const child = fork(process.env.ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: 'ignore', detached: true });
process.stdout.write(`${child.pid}\n`, () => process.exit(0));
