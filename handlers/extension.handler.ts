import { authorize } from '../src/domain/permissions.js';
import { cnNumber, parseRequestedDate } from '../src/domain/parse/dates.js';
import { selfExtensionLimit } from '../src/domain/sla.js';
import { isOverdue } from '../src/domain/ticket.js';
import { DateTime } from 'luxon';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { announce, answer, compose, dueText, outcomeOf, ticketNo } from './common.js';

/** The new deadline a 延期 message asks for: a date (end of that working day) or N working days more. */
function requestedDue(ctx: BotContext, currentDue: string): string | null {
  const { calendar } = ctx.sla;
  const text = ctx.parsed.normalized.replace(/#\s*\d+/g, ' ');
  const days = /([\d一二两三四五六七八九十]+)\s*个?工作日/.exec(text)?.[1];
  if (days) {
    const n = cnNumber(days);
    if (n) return calendar.addWorkingMinutes(currentDue, n * calendar.minutesPerDay);
  }
  const date = parseRequestedDate(text, DateTime.fromISO(ctx.now, { zone: calendar.timezone }), calendar);
  return date ? calendar.endOfWorkingDay(date) : null;
}

/** "12月5日": a working day some days ahead, for examples. */
function nextDayExample(ctx: BotContext): string {
  const d = DateTime.fromISO(ctx.sla.calendar.addWorkingDays(ctx.sla.calendar.localDate(ctx.now), 3));
  return `${d.month}月${d.day}日`;
}

/** 同意延期: a leader approves an extension beyond the assignee's allowance. */
export async function performApproveExtension(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'approve_extension' }>): Promise<PerformResult> {
  const res = await ctx.tickets.change(cmd.no, (t) => {
    const auth = authorize('approve_extension', ctx.actor, t, ctx.now);
    return auth.ok ? { type: 'approve_extension' } : { refuse: auth.message };
  });
  if (!res.ok) {
    await answer(ctx, res.message);
    return { done: false, outcome: `refused: ${res.message}` };
  }
  const t = res.ticket;
  const msg = compose([`**#${t.no} 延期已批准**，办理时限调整为 ${dueText(t, ctx.sla.calendar)}。`], []);
  await announce(ctx, t, msg, '延期已批准');
  if (t.assignee) await ctx.notifyPerson(t.assignee, compose([`【延期已批准】#${t.no} 新办理时限：${dueText(t, ctx.sla.calendar)}`], []), t.platform);
  return { done: true, outcome: `#${t.no} extension approved` };
}

/**
 * 延期: once by up to 5 working days on one's own; beyond that, or past the deadline, a request for a leader's
 * 同意延期. A leader's or admin's own extension applies at once.
 */
export async function performExtend(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'extend' }>): Promise<PerformResult> {
  const { reason } = cmd;
  let requested: 'self' | 'leader' = 'self';
  let late = false;
  const res = await ctx.tickets.change(cmd.no, (t) => {
    const auth = authorize('extend', ctx.actor, t, ctx.now);
    if (!auth.ok) return { refuse: auth.message };
    const to = cmd.due(t.resolutionDueAt);
    if (!to) return { refuse: `请写明延期到的日期或天数，例如“延期 #${t.no} 到12月5日”或“延期 #${t.no} 3个工作日”。` };
    if (to <= t.resolutionDueAt) return { refuse: `新的办理时限需晚于当前时限（${dueText(t, ctx.sla.calendar)}）。` };
    if (to <= ctx.now) return { refuse: `新的办理时限已经过去，请写明今后的日期，例如“延期 #${t.no} 到${nextDayExample(ctx)}”。` };
    const limit = selfExtensionLimit(t, ctx.sla.calendar, ctx.sla.policy);
    const manager = ctx.actor.role === 'leader' || ctx.actor.role === 'admin';
    if (manager) return { type: 'extend', resolutionDueAt: to, reason, approvedBy: ctx.actor.personId };
    // past the deadline, a new one is a leader's decision (the record keeps that it was overdue)
    late = isOverdue(t, ctx.now);
    if (!late && limit && to <= limit) return { type: 'extend', resolutionDueAt: to, reason };
    requested = 'leader';
    return { type: 'request_extension', resolutionDueAt: to, reason };
  });
  if (!res.ok) {
    await answer(ctx, res.message);
    return { done: false, outcome: `refused: ${res.message}` };
  }
  const t = res.ticket;
  if (requested === 'self') {
    const msg = compose([`**#${t.no} 已延期**，办理时限调整为 ${dueText(t, ctx.sla.calendar)}。`, `> 理由：${reason}`], []);
    await announce(ctx, t, msg, '已延期');
    return { done: true, outcome: `#${t.no} extended` };
  }
  const leader = ctx.directory.person(t.leaderId ?? undefined) ?? ctx.directory.leaders()[0];
  const to = ctx.sla.calendar.localDate(t.pendingExtension!.to);
  const why = late ? '已超过办理时限，延期需领导同意' : '超出自行延期权限';
  // the leader is asked privately; the group, often the enterprise's, is told it was asked — without a mention calling
  // a leader to answer in front of the enterprise; where no private message could reach one, the group is asked
  const notified = leader
    ? await ctx.notifyPerson(
        { personId: leader.id, name: leader.name, wecom: leader.wecom, dingtalk: leader.dingtalk },
        compose([`【延期审批】#${t.no} ${t.summary}`, `申请延期至 ${to}${late ? '（已超期）' : ''}，理由：${reason}`, `同意请回复“同意延期 #${t.no}”。`, ...ctx.links.ticket(t.no)], []),
        t.platform,
      )
    : false;
  await ctx.reply(
    compose([`#${t.no} 申请延期至 ${to}，${why}，已提交领导审批${notified ? `（已通知${leader!.name}）` : `，请领导回复“同意延期 #${t.no}”`}。`, `> 理由：${reason}`], []),
  );
  return { done: true, outcome: `#${t.no} extension requested` };
}

/** 延期 #12 到12月5日 理由：… · 同意延期 #12 */
export const extension: Handler = {
  name: 'extension',
  match: (ctx) => ctx.parsed.intent === 'progress' && /延期/.test(ctx.parsed.normalized),
  async handle(ctx) {
    const approving = /同意延期|批准延期/.test(ctx.parsed.normalized);
    const no = await ticketNo(ctx, approving ? '同意延期 #12' : '延期 #12 到12月5日 理由：等待省里批复');
    if (no === null) return 'no ticket number';
    if (approving) return outcomeOf(await performApproveExtension(ctx, { kind: 'approve_extension', no }));
    const reason = /(?:理由|原因)[:：]?\s*(.+)$/.exec(ctx.parsed.normalized)?.[1]?.trim();
    if (!reason) {
      await answer(ctx, `延期请写明理由，例如“延期 #${no} 到12月5日 理由：等待省里批复”。`);
      return 'no reason';
    }
    return outcomeOf(await performExtend(ctx, { kind: 'extend', no, reason, due: (current) => requestedDue(ctx, current) }));
  },
};
