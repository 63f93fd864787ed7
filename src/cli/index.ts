/**
 * `xiaoer …`: the operator's command line (bin/xiaoer.js runs the compiled copy of this file).
 *
 * One file per command group. Each registers its commands here and opens what a command needs only when that command
 * runs (`await import(...)` in its action): printing a calendar date loads the configuration and the domain's
 * calendar, never the runtime, the handlers, the jobs, the store or the simulator.
 */
import { Command } from 'commander';
import { registerCalendar } from './calendar.js';
import { registerDigest, registerDigestSummaries } from './digest.js';
import { registerDirectory } from './directory.js';
import { registerLedger } from './ledger.js';
import { registerModel } from './model.js';
import { registerOps } from './ops.js';
import { registerOutbound } from './outbound.js';
import { registerParse } from './parse.js';
import { registerProjects } from './projects.js';
import { registerServe } from './serve.js';
import { registerSetup } from './setup.js';
import { registerSla } from './sla.js';
import { registerTickets } from './tickets.js';

/** The command groups in the order `xiaoer --help` lists them. */
const GROUPS = [
  registerServe,
  registerSetup,
  registerParse,
  registerModel,
  registerDirectory,
  registerProjects,
  registerCalendar,
  registerSla,
  registerDigest,
  registerDigestSummaries,
  registerLedger,
  registerOutbound,
  registerTickets,
  registerOps,
];

export function buildCli(): Command {
  const program = new Command('xiaoer').description('店小二 — 企业诉求闭环机器人').showHelpAfterError();
  for (const register of GROUPS) register(program);
  return program;
}

await buildCli().parseAsync(process.argv);
