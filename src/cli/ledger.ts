import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { TICKET_STATUSES, type TicketStatus } from '../domain/ticket.js';
import { isoDate } from './format.js';
import { openDigests, openProjectReports, withStore } from './open.js';

/** `xiaoer ledger export`: the issue ledger (or, with --projects, the 项目台账; with --visits, the 走访台账) as an Excel workbook. */
export function registerLedger(program: Command): void {
  program
    .command('ledger')
    .description('问题台账 / the issue ledger; 项目台账 / the key projects\' ledger; 走访台账 / the visits\' ledger')
    .command('export')
    .description('write the ledger as an Excel workbook')
    .requiredOption('--out <file>', 'e.g. 问题台账.xlsx')
    .option('--projects', '项目台账: a sheet of key projects and one of their approval items (no filters)')
    .option('--visits', '走访台账: visits on dates --from..--to (default: this year), and key enterprises\' coverage of --month')
    .option('--month <date>', 'with --visits: a date in the month of the coverage sheet (default: this month)', isoDate)
    .option('--from <date>', 'created on or after (YYYY-MM-DD)', isoDate)
    .option('--to <date>', 'created on or before (YYYY-MM-DD)', isoDate)
    .option('--status <status>', `one of ${Object.keys(TICKET_STATUSES).join(', ')}`)
    .action(async (opts: { out: string; from?: string; to?: string; status?: string; projects?: boolean; visits?: boolean; month?: string }) => {
      if (opts.visits && (opts.projects || opts.status)) {
        console.error('--visits 不接受 --projects 或 --status');
        process.exitCode = 2;
        return;
      }
      if (opts.visits) {
        await withStore(async (store, cfg) => {
          const [{ exportVisitLedger }, { createVisitRepository }, { createDirectoryRepository }] = await Promise.all([
            import('../ledger/visit-ledger.js'),
            import('../store/repositories/visit.repository.js'),
            import('../store/repositories/directory.repository.js'),
          ]);
          const { buffer, count } = await exportVisitLedger(
            { from: opts.from, to: opts.to, month: opts.month },
            { visits: createVisitRepository(store.conn), directories: createDirectoryRepository(store.conn), timezone: cfg.timezone, now: new Date() },
          );
          await writeFile(opts.out, buffer);
          console.log(`已导出走访台账（${count} 条走访记录）到 ${opts.out}`);
        });
        return;
      }
      if (opts.projects) {
        if (opts.from || opts.to || opts.status) {
          console.error('--projects 导出全部项目，不接受 --from、--to 或 --status');
          process.exitCode = 2;
          return;
        }
        await withStore(async (store, cfg) => {
          const { buildProjectLedger } = await import('../ledger/project-ledger.js');
          const { projects, templateNames, calendar } = await openProjectReports(store, cfg);
          const now = new Date();
          await writeFile(opts.out, await buildProjectLedger(projects, { calendar, today: calendar.localDate(now), now: now.toISOString(), templateNames }));
          console.log(`已导出项目台账（${projects.length} 个项目）到 ${opts.out}`);
        });
        return;
      }
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
        const stream = await exportLedger(
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
        // streamed into the file as tickets are read (memory stays that of one batch, whatever the ledger's size)
        await pipeline(stream, createWriteStream(opts.out));
        console.log(`已导出问题台账到 ${opts.out}`);
      });
    });
}
