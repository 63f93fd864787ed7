/**
 * A ticket as people read it, in chat and on the workbench alike: its deadline ("2026-12-02（周三）"), its time left
 * ("剩 2 个工作日", "已超期 3 个工作小时"), its line in a list and its status card. Pure: the calendar and the instant
 * are given.
 */
import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import { workingDaysOverdue } from './sla.js';
import { CATEGORIES, isOpen, isOverdue, TICKET_STATUSES, type Ticket } from './ticket.js';
import { OUTCOMES } from './ticket-state.js';

export function weekday(date: string): string {
  return `周${'一二三四五六日'[DateTime.fromISO(date).weekday - 1]}`;
}

/** The local date of the ticket's current answer deadline (the one stored instant, in the calendar's time zone). */
export function dueDate(t: Pick<Ticket, 'resolutionDueAt'>, cal: Pick<BusinessCalendar, 'localDate'>): string {
  return cal.localDate(t.resolutionDueAt);
}

/**
 * "2026-12-02（周三）": the current answer deadline as people read it — with its time when it is not the close of that
 * working day ("2026-12-03（周四）10:15"), so that a deadline early in a day is never read as the whole day.
 */
export function dueText(t: Pick<Ticket, 'resolutionDueAt'>, cal: Pick<BusinessCalendar, 'localDate' | 'endOfWorkingDay' | 'timezone'>): string {
  const date = dueDate(t, cal);
  const closing = Date.parse(cal.endOfWorkingDay(date)) === Date.parse(t.resolutionDueAt);
  const time = closing ? '' : DateTime.fromISO(t.resolutionDueAt).setZone(cal.timezone).toFormat('HH:mm');
  return `${date}（${weekday(date)}）${time}`;
}

/**
 * The deadline of a reopened ticket (重办 gives a new answer clock), with the one it replaced when that differs:
 * "2026-12-08（周二）（原时限 2026-12-04（周五））".
 */
export function reopenedDueText(t: Ticket, cal: Pick<BusinessCalendar, 'localDate' | 'endOfWorkingDay' | 'timezone'>): string {
  const previous = [...t.events].reverse().find((e) => e.type === 'reopen' || e.type === 'rate')?.data?.previousDue;
  const now = dueText(t, cal);
  if (typeof previous !== 'string') return now;
  // (shown only when it reads otherwise: a new clock that ends the same minute is no change to tell)
  const before = dueText({ resolutionDueAt: previous }, cal);
  return before === now ? now : `${now}（原时限 ${before}）`;
}

/**
 * One line per ticket for lists. `enterprise`: whose problem it is (a list across enterprises); `assignee` false: the
 * handler left out (the reader's own 待办); `now`: an overdue ticket says by how much ("已超期 2 个工作日") instead of
 * its deadline (found trying the product: 超期问题 listed neither the enterprise nor the lateness, 我的待办 repeated
 * the reader's own name on every row).
 */
export function ticketLine(
  t: Ticket,
  cal: TimeLeftCalendar,
  opts: { enterprise?: boolean; assignee?: boolean; now?: string } = {},
): string {
  const whose = opts.enterprise && t.enterprise ? ` · ${t.enterprise}` : '';
  const who = opts.assignee !== false && t.assignee ? ` · ${t.assignee.name}` : '';
  const left = opts.now ? timeLeft(t, cal, opts.now) : null;
  const when = left?.overdue ? left.text : `时限 ${dueDate(t, cal)}`;
  return `#${t.no} ${TICKET_STATUSES[t.status]}${whose}${who} · ${when} · ${t.summary}`;
}

/** What a ticket's time left is read with. */
export type TimeLeftCalendar = Pick<BusinessCalendar, 'localDate' | 'endOfWorkingDay' | 'timezone' | 'workingMinutesBetween' | 'minutesPerDay'>;

/** "剩 2 个工作日", "剩 3 个工作小时", "已超期 2 个工作日", "已暂停（待补充）" or the closed state. */
export function timeLeft(t: Ticket, cal: TimeLeftCalendar, now: string): { text: string; overdue: boolean; soon: boolean } {
  if (!isOpen(t)) return { text: TICKET_STATUSES[t.status], overdue: false, soon: false };
  if (t.pausedAt) return { text: '已暂停（待补充）', overdue: false, soon: false };
  if (isOverdue(t, now)) {
    // within its first working day, in working hours, as the time left is (found trying the product: 3.5 hours late read
    // "已超期 1 个工作日" beside "剩 8 个工作小时")
    const late = cal.workingMinutesBetween(t.resolutionDueAt, now);
    if (late < cal.minutesPerDay) return { text: late > 0 ? `已超期 ${Math.ceil(late / 60)} 个工作小时` : '已超期', overdue: true, soon: false };
    return { text: `已超期 ${workingDaysOverdue(t, now, cal as BusinessCalendar)} 个工作日`, overdue: true, soon: false };
  }
  const minutes = cal.workingMinutesBetween(now, t.resolutionDueAt);
  if (minutes < cal.minutesPerDay) return { text: `剩 ${Math.max(1, Math.ceil(minutes / 60))} 个工作小时`, overdue: false, soon: true };
  return { text: `剩 ${Math.floor(minutes / cal.minutesPerDay)} 个工作日`, overdue: false, soon: false };
}

/** The status card of a ticket. */
export function ticketCard(t: Ticket, cal: Pick<BusinessCalendar, 'localDate' | 'endOfWorkingDay' | 'timezone'>): string[] {
  const last = [...t.events].reverse().find((e) => e.type === 'progress' || e.type === 'resolve');
  // reopened (重办): the answer the enterprise did not accept is no longer the ticket's result
  const open = isOpen(t);
  const lastLabel = open && last?.type === 'resolve' ? '上次答复（已重办）' : '最近进展';
  return [
    `**#${t.no} ${TICKET_STATUSES[t.status]}**${t.outcome && !open ? `（${OUTCOMES[t.outcome]}）` : ''}`,
    `> 问题：${t.summary}`,
    `> 类别：${CATEGORIES[t.category]}${t.enterprise ? ` · ${t.enterprise}` : ''}${t.visitNo ? ` · 走访发现（V${t.visitNo}）` : ''}`,
    `> 责任人：${t.assignee?.name ?? '待派单'} · 办理时限：${dueText(t, cal)}`,
    ...(last?.note ? [`> ${lastLabel}：${last.note}`] : []),
  ];
}

/** A date as officials write it: "12月5日" (with the year when it is not this year's). */
export function cnDate(d: string, today: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${String(y) === today.slice(0, 4) ? '' : `${y}年`}${m}月${day}日`;
}
