import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { TICKET_STATUSES, type TicketStatus } from '../domain/ticket.js';
import { isoDate } from './format.js';
import { openDigests, withStore } from './open.js';

/** `xiaoer ledger export`: the issue ledger as an Excel workbook. */
export function registerLedger(program: Command): void {
  program
    .command('ledger')
    .description('问题台账 / the issue ledger')
    .command('export')
    .description('write the ledger as an Excel workbook')
    .requiredOption('--out <file>', 'e.g. 问题台账.xlsx')
    .option('--from <date>', 'created on or after (YYYY-MM-DD)', isoDate)
    .option('--to <date>', 'created on or before (YYYY-MM-DD)', isoDate)
    .option('--status <status>', `one of ${Object.keys(TICKET_STATUSES).join(', ')}`)
    .action(async (opts: { out: string; from?: string; to?: string; status?: string }) => {
      if (opts.status && !(opts.status in TICKET_STATUSES)) {
        console.error(`未知状态 ${opts.status}；可选：${Object.keys(TICKET_STATUSES).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      await withStore(async (store, cfg) => {
        const [{ exportLedger }, { calendarFromPolicy }, { createTicketRepository }, { createDirectoryRepository }] = await Promise.all([
          import('../ledger/export.js'),
          import('../domain/calendar.js'),
          import('../store/repositories/ticket.repository.js'),
          import('../store/repositories/directory.repository.js'),
        ]);
        const buf = await exportLedger(
          { from: opts.from, to: opts.to, status: opts.status as TicketStatus | undefined },
          {
            tickets: createTicketRepository(store.conn),
            directories: createDirectoryRepository(store.conn),
            digests: await openDigests(store, cfg),
            calendar: calendarFromPolicy(cfg.timezone, cfg.policy),
            timezone: cfg.timezone,
            now: new Date(),
          },
        );
        await writeFile(opts.out, buf);
        console.log(`已导出问题台账到 ${opts.out}`);
      });
    });
}
