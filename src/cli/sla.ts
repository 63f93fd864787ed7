import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { localTime } from './format.js';
import { withStore } from './open.js';

/** `xiaoer sla preview`: what would fire at an instant, without sending anything. */
export function registerSla(program: Command): void {
  program
    .command('sla')
    .description('SLA reminders and escalations')
    .command('preview')
    .description('list what would fire at an instant (ticket, step, recipient) without sending anything')
    .requiredOption('--at <iso>', 'ISO-8601 instant, e.g. 2026-11-30T09:30:00+08:00')
    .option('--json', 'JSON output')
    .action(async (opts: { at: string; json?: boolean }) => {
      if (!DateTime.fromISO(opts.at).isValid) {
        console.error('--at 需要 ISO-8601 时间，例如 2026-11-30T09:30:00+08:00');
        process.exitCode = 2;
        return;
      }
      const at = DateTime.fromISO(opts.at).toUTC().toISO()!;
      await withStore(async (store, cfg) => {
        const [{ calendarFromPolicy }, { pendingSteps, STEP_LABELS }, { recipientsFor }, { createDirectoryRepository }, { createTicketRepository }] =
          await Promise.all([
            import('../domain/calendar.js'),
            import('../domain/sla.js'),
            import('../domain/escalation.js'),
            import('../store/repositories/directory.repository.js'),
            import('../store/repositories/ticket.repository.js'),
          ]);
        const cal = calendarFromPolicy(cfg.timezone, cfg.policy);
        const dir = await createDirectoryRepository(store.conn).current();
        const due = await createTicketRepository(store.conn).listDue(at, 10_000);
        const rows = due.flatMap((t) =>
          pendingSteps(t, cal, cfg.policy)
            .filter((step) => step.at <= at)
            .map((step) => ({
              ticket: t.no,
              step: step.kind,
              label: STEP_LABELS[step.kind],
              at: step.at,
              recipients: recipientsFor(step.target, t, dir).map((p) => ({ personId: p.personId, name: p.name })),
            })),
        );
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) console.log('该时刻没有待发送的提醒或督办。');
        else {
          for (const r of rows) {
            console.log(`#${r.ticket}  ${r.label}  ${localTime(r.at, cfg.timezone)}  → ${r.recipients.map((p) => p.name).join('、') || '（无接收人）'}`);
          }
        }
      });
    });
}
