import type { Command } from 'commander';
import type { BusinessCalendar } from '../domain/calendar.js';
import { CATEGORIES, EVENT_LABELS, isOverdue, TICKET_STATUSES, type Ticket, type TicketStatus } from '../domain/ticket.js';
import { instantOption, localTime, nextCommand, positiveInt } from './format.js';
import { withTickets } from './open.js';

/** The current answer deadline as a local date, marked when 超期 at `now` (isOverdue). */
function dueLabel(t: Ticket, cal: BusinessCalendar, now: string): string {
  return `${cal.localDate(t.resolutionDueAt)}${isOverdue(t, now) ? '（已超期）' : ''}`;
}

function ticketLine(t: Ticket, cal: BusinessCalendar, now: string): string {
  const urgent = t.urgency === 'urgent' ? '紧急' : '一般';
  return [
    `#${t.no}`.padEnd(6),
    TICKET_STATUSES[t.status],
    CATEGORIES[t.category].padEnd(6, '　'),
    urgent,
    `时限 ${dueLabel(t, cal, now)}`,
    t.enterprise ?? '—',
    t.summary,
  ].join('  ');
}

function ticketDetail(t: Ticket, tz: string, cal: BusinessCalendar, now: string): string {
  const lines = [
    `#${t.no}  ${TICKET_STATUSES[t.status]}`,
    `摘要：${t.summary}`,
    `企业：${t.enterprise ?? '—'}`,
    `类别：${CATEGORIES[t.category]}${t.needsTriage ? '（待人工确认）' : ''}`,
    `紧急程度：${t.urgency === 'urgent' ? '紧急' : '一般'}`,
    `办理时限：${dueLabel(t, cal, now)}${t.requestedDate ? `（企业要求 ${t.requestedDate}）` : ''}`,
    `责任人：${t.assignee ? t.assignee.name : '待派单'}`,
    `反映人：${t.reporter.name ?? t.reporter.id}（${t.platform === 'wecom' ? '企业微信' : '钉钉'} · ${t.chatId}）`,
    `受理时间：${localTime(t.createdAt, tz)}`,
    `原文：${t.text}`,
    '记录：',
    ...t.events.map((e) => `  ${localTime(e.at, tz)}  ${EVENT_LABELS[e.type] ?? e.type}${e.by ? `  ${e.by.name ?? e.by.id}` : ''}${e.note ? `  ${e.note}` : ''}`),
  ];
  return lines.join('\n');
}

const MAX_PAGE = 1000;

/** `xiaoer tickets list | show`. */
export function registerTickets(program: Command): void {
  const tickets = program.command('tickets').description('工单 / tickets');
  tickets
    .command('list')
    .description('list tickets, newest first')
    .option('--json', 'JSON output')
    .option('--status <status>', `one of ${Object.keys(TICKET_STATUSES).join(', ')}`)
    .option('--enterprise <name>', 'enterprise name')
    .option('--since <date>', 'created on or after (ISO-8601)')
    .option('--limit <n>', `tickets per page (at most ${MAX_PAGE})`, positiveInt, 200)
    .option('--cursor <cursor>', 'the next page: the cursor printed after the previous one')
    .option('--at <iso>', 'the instant at which 超期 is judged (ISO-8601); default: now')
    .action(async (opts: { json?: boolean; status?: string; enterprise?: string; since?: string; limit: number; cursor?: string; at?: string }) => {
      if (opts.status && !(opts.status in TICKET_STATUSES)) {
        console.error(`未知状态 ${opts.status}；可选：${Object.keys(TICKET_STATUSES).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      if (opts.since && Number.isNaN(Date.parse(opts.since))) {
        console.error('--since 需要 ISO-8601 日期，例如 2026-11-01');
        process.exitCode = 2;
        return;
      }
      const at = instantOption(opts.at);
      if (!at) return;
      await withTickets(async (repo, cfg) => {
        const { PageCursorError } = await import('../shared/page-cursor.js');
        let page: Awaited<ReturnType<typeof repo.listPage>>;
        try {
          page = await repo.listPage(
            { status: opts.status as TicketStatus | undefined, enterprise: opts.enterprise, since: opts.since ? new Date(opts.since).toISOString() : undefined },
            { cursor: opts.cursor, limit: Math.min(opts.limit, MAX_PAGE) },
          );
        } catch (err) {
          if (!(err instanceof PageCursorError)) throw err;
          console.error('--cursor 无效：请使用上一页末尾给出的游标（筛选条件保持不变）。');
          process.exitCode = 2;
          return;
        }
        const list = page.tickets;
        if (opts.json) console.log(JSON.stringify(list, null, 2));
        else if (list.length === 0) console.log('暂无工单。');
        else {
          const { calendarFromPolicy } = await import('../domain/calendar.js');
          const cal = calendarFromPolicy(cfg.timezone, cfg.policy);
          console.log(list.map((t) => ticketLine(t, cal, at)).join('\n'));
        }
        // the next page's command, on stderr with --json (stdout stays one JSON document)
        if (page.nextCursor) (opts.json ? console.error : console.log)(`下一页：${nextCommand(process.argv, page.nextCursor)}`);
      });
    });
  tickets
    .command('show')
    .description('one ticket with its history')
    .argument('<no>', 'ticket number, e.g. 17 or #17', positiveInt)
    .option('--json', 'JSON output')
    .option('--at <iso>', 'the instant at which 超期 is judged (ISO-8601); default: now')
    .action(async (no: number, opts: { json?: boolean; at?: string }) => {
      const at = instantOption(opts.at);
      if (!at) return;
      await withTickets(async (repo, cfg) => {
        const t = await repo.getByNo(no);
        if (!t) {
          console.error(`未找到工单 #${no}。`);
          process.exitCode = 1;
          return;
        }
        const { calendarFromPolicy } = await import('../domain/calendar.js');
        console.log(opts.json ? JSON.stringify(t, null, 2) : ticketDetail(t, cfg.timezone, calendarFromPolicy(cfg.timezone, cfg.policy), at));
      });
    });
}
