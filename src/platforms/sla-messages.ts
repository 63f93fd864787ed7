import { DateTime } from 'luxon';
import { mentionToken, neutralizeUserText, type OutboundMessage } from '../messages/outbound.js';
import type { UserRef } from '../messages/inbound.js';
import type { SlaStep } from '../domain/sla.js';
import type { Assignee, Ticket } from '../domain/ticket.js';

const fmt = (iso: string, tz: string) => DateTime.fromISO(iso).setZone(tz).toFormat('M月d日 HH:mm');

/**
 * The private message for one recipient of a step. `toAssignee`: the assignee's own copy of a step addressed to
 * someone else (a missed 签收 tells the lead to 督促; the assignee gets a plain reminder).
 */
export function stepMessage(step: SlaStep, t: Ticket, opts: { timezone: string; overdueDays: number; toAssignee?: boolean; now?: string }): OutboundMessage {
  const due = fmt(step.dueAt, opts.timezone);
  // 今日 only on the deadline's own day: a reminder delivered later (the process was down, found driving the simulator's
  // clock) says the deadline has passed
  const day = (iso: string) => DateTime.fromISO(iso).setZone(opts.timezone).toISODate();
  const dueToday = !opts.now || day(opts.now) === day(step.dueAt);
  const about = `问题：${t.summary}${t.enterprise ? `（${t.enterprise}）` : ''}`;
  const who = t.assignee?.name ?? '待派单';
  const lines: Record<SlaStep['kind'], string[]> = {
    'response-pre': [`【签收提醒】#${t.no} 尚未签收，签收时限 ${due}。`, about, `请回复“认领 #${t.no}”。`],
    'response-due': [`【签收到期】#${t.no} 已到签收时限（${due}），仍未签收。`, about, `请回复“认领 #${t.no}”。`],
    'response-overdue': [`【签收超时】#${t.no} 派给 ${who} 已超过签收时限（${due}）。`, about, '请督促签收办理。'],
    'resolution-pre': [`【到期提醒】#${t.no} 将于 ${due} 到期。`, about, `请抓紧办理；确需延期请回复“延期 #${t.no} 到某日 理由：…”。`],
    'resolution-due': [dueToday ? `【今日到期】#${t.no} 已到办理时限（${due}）。` : `【已到期】#${t.no} 已过办理时限（${due}）。`, about, `请尽快答复（“办结 #${t.no} …”）或申请延期。`],
    'escalate-lead': [`【超期督办】#${t.no} 已超期 ${opts.overdueDays} 个工作日，责任人 ${who}。`, about, '请督促责任人尽快办结。'],
    'escalate-leader': [`【超期督办·区领导】#${t.no} 已超期 ${opts.overdueDays} 个工作日，责任人 ${who}。`, about, '请关注并协调推进。'],
    'escalate-admins': [`【超期督办·管理员】#${t.no} 已超期 ${opts.overdueDays} 个工作日，责任人 ${who}。`, about, '请协调处理。'],
  };
  const own: Partial<Record<SlaStep['kind'], string[]>> = {
    'response-overdue': [`【签收超时】#${t.no} 已超过签收时限（${due}），仍未签收。`, about, `请尽快回复“认领 #${t.no}”。`],
  };
  const text = (opts.toAssignee && own[step.kind]) || lines[step.kind];
  return { format: 'text', text: text.join('\n'), mentions: [] };
}

/** The group post of an escalation: @-mentions the people who must act, on the ticket's platform. */
export function escalationPost(step: SlaStep, t: Ticket, recipients: Assignee[], opts: { timezone: string; overdueDays: number }): OutboundMessage {
  const mentions: UserRef[] = recipients.flatMap((r) => (r[t.platform] ? [{ platform: t.platform, id: r[t.platform]!, name: r.name }] : []));
  const tokens = mentions.map((_, i) => mentionToken(i)).join(' ');
  return {
    format: 'markdown',
    title: `超期督办 #${t.no}`,
    text: [
      `**【超期督办】#${t.no} 已超期 ${opts.overdueDays} 个工作日** ${tokens}`.trim(),
      // the summary may come from the LLM: it never becomes markup
      `> 问题：${neutralizeUserText(t.summary)}${t.enterprise ? `（${neutralizeUserText(t.enterprise)}）` : ''}`,
      `> 责任人：${t.assignee?.name ?? '待派单'} · 原办理时限：${fmt(step.dueAt, opts.timezone)}`,
    ].join('\n'),
    mentions,
  };
}

export function calendarMissingMessage(year: number): OutboundMessage {
  return {
    format: 'text',
    text: `【日历提醒】${year}年国务院节假日及调休安排尚未收录，系统暂按法定节假日（不含调休）计算办理时限。请在官方公布后升级数据，或在策略文件的 calendar 中补充调休日期。`,
    mentions: [],
  };
}
