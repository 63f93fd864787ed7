import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../src/domain/calendar.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { buildNewTicket, type Ticket, type TicketStatus } from '../../../src/domain/ticket.js';
import { buildVisitReport, myVisits } from '../../../src/domain/visit-report.js';
import type { Visit } from '../../../src/domain/visit.js';
import { allowedActions, myVisitsView, ticketDetail, timeLeft, visitsView } from '../../../src/workbench/views.js';
import { sharedPath } from '../../helpers/shared.js';

const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const dir = new Directory(v.data);
const cal = defaultCalendar;
// Monday 2026-11-23 10:00 in Shanghai; the deadline: Monday 2026-11-30 17:30 (the close of that working day)
const NOW = '2026-11-23T02:00:00.000Z';
const DUE = cal.endOfWorkingDay('2026-11-30');

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  const t = buildNewTicket(12, {
    platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: 't', summary: 's', category: 'utilities',
    categoryConfidence: 0.9, urgency: 'normal', requestedDate: null, resolutionDueAt: DUE, enterprise: '浙江亿龙置业有限公司',
    enterpriseId: 'yilong', sourceMessageId: 'wecom:m1', parsedBy: 'rules', now: NOW,
  });
  return { ...t, status, assignee: { personId: 'zhangwei', name: '张伟' }, team: ['zhangwei', 'wangfang'], ...extra };
}
const actor = (id: string) => dir.actor('wecom', id, 'wrkSFfCgAAyilong01');

describe('the time left on a ticket, in working time', () => {
  it('working days while more than one is left, working hours within the last, overdue in working days', () => {
    expect(timeLeft(ticket('in_progress'), cal, NOW)).toEqual({ text: '剩 5 个工作日', overdue: false, soon: false });
    expect(timeLeft(ticket('in_progress'), cal, cal.subtractWorkingMinutes(DUE, 150))).toEqual({ text: '剩 3 个工作小时', overdue: false, soon: true });
    expect(timeLeft(ticket('in_progress'), cal, cal.addWorkingMinutes(DUE, 2 * cal.minutesPerDay))).toEqual({ text: '已超期 2 个工作日', overdue: true, soon: false });
    // late by less than a working day: in working hours, as the time left is
    expect(timeLeft(ticket('in_progress'), cal, cal.addWorkingMinutes(DUE, cal.minutesPerDay))).toMatchObject({ text: '已超期 1 个工作日', overdue: true });
    expect(timeLeft(ticket('in_progress'), cal, cal.addWorkingMinutes(DUE, 210))).toMatchObject({ text: '已超期 4 个工作小时', overdue: true });
    expect(timeLeft(ticket('in_progress', { pausedAt: NOW }), cal, cal.addWorkingMinutes(DUE, 600)).text).toBe('已暂停（待补充）');
    expect(timeLeft(ticket('closed'), cal, NOW).text).toBe('已办结');
  });
});

describe('the actions the page offers are the chat’s permissions in the ticket’s state', () => {
  it('assignee, teammate, leader, the enterprise and another enterprise', () => {
    expect(allowedActions(actor('zhangwei'), ticket('pending_claim'), NOW)).toEqual(['claim', 'transfer', 'return', 'extend', 'correct', 'dismiss']);
    expect(allowedActions(actor('zhangwei'), ticket('in_progress'), NOW)).toEqual(['progress', 'transfer', 'return', 'extend', 'resolve', 'correct', 'dismiss']);
    expect(allowedActions(actor('wangfang'), ticket('pending_claim'), NOW)).toEqual(['claim']);
    expect(allowedActions(actor('lihua'), ticket('in_progress', { pendingExtension: { to: DUE, reason: 'r', by: 'zhangwei' } }), NOW)).toContain('approve_extension');
    expect(allowedActions(actor('chenjl'), ticket('pending_rating', { resolvedAt: NOW }), NOW)).toEqual(['rate', 'reopen']);
    expect(allowedActions(actor('sunzg'), ticket('pending_rating', { resolvedAt: NOW }), NOW)).toEqual([]);
  });
});

describe('the detail an enterprise contact sees is what chat tells its group', () => {
  it('no reminders, escalations or extension requests; no reasons for 转办 and 退单; staff see everything', () => {
    const by = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟' };
    const t = ticket('in_progress', {
      pendingExtension: { to: DUE, reason: '等待省里批复', by: 'zhangwei' },
      events: [
        { type: 'accepted', at: NOW },
        { type: 'return', at: NOW, by, note: '不属于本单位职责' },
        { type: 'escalation', at: NOW, note: '督办：已超期' },
        { type: 'request_extension', at: NOW, by, note: '等待省里批复' },
        { type: 'progress', at: NOW, by, note: '已联系供电公司' },
      ],
    });
    const outside = ticketDetail(t, cal, NOW, actor('chenjl'));
    expect(outside.events.map((e) => [e.type, e.note])).toEqual([['accepted', ''], ['return', ''], ['progress', '已联系供电公司']]);
    expect(outside.pendingExtension).toBeNull();
    const inside = ticketDetail(t, cal, NOW, actor('lihua'));
    expect(inside.events).toHaveLength(5);
    expect(inside.pendingExtension?.reason).toBe('等待省里批复');
  });
});

describe('the history says what each event did', () => {
  it('to whom, the outcome, the rating, the new deadline, the reminder — and to the enterprise no reasons for a transfer', () => {
    const by = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟' };
    const wang = { personId: 'wangfang', name: '王芳' };
    const t = ticket('in_progress', {
      events: [
        { type: 'dispatch', at: NOW, data: { to: { personId: 'zhangwei', name: '张伟' }, via: 'commissioner' } },
        { type: 'transfer', at: NOW, by, note: '属住建职责', data: { to: wang, previous: { personId: 'zhangwei', name: '张伟' } } },
        { type: 'reminder', at: NOW, data: { step: 'response-pre', key: 'k1', recipients: ['wangfang'] } },
        { type: 'reminder', at: NOW, data: { step: 'resolution-pre', key: 'k2', recipients: [] } },
        { type: 'escalation', at: NOW, data: { step: 'escalate-leader', key: 'k3', recipients: ['lihua'] } },
        { type: 'extend', at: NOW, by, note: '等待省里批复', data: { previousDue: DUE, resolutionDueAt: cal.endOfWorkingDay('2026-12-07') } },
        { type: 'resolve', at: NOW, by, note: '已恢复供电', data: { outcome: 'resolved' } },
        { type: 'rate', at: NOW, data: { level: 'dissatisfied', reopened: true } },
      ],
    });
    // reopened: the answer it stood on is no longer its outcome
    expect(ticketDetail({ ...t, outcome: 'resolved' }, cal, NOW, actor('lihua'))).toMatchObject({ outcome: null, outcomeLabel: null });
    expect(ticketDetail({ ...t, outcome: 'resolved', status: 'pending_rating' }, cal, NOW, actor('lihua'))).toMatchObject({ outcome: 'resolved', outcomeLabel: '已解决' });
    const staff = ticketDetail(t, cal, NOW, actor('lihua')).events.map((e) => e.note);
    expect(staff).toEqual([
      '派给 张伟',
      '转由 王芳 办理；属住建职责',
      '签收提醒',
      '办理到期前提醒（未发送）',
      '超期督办（包联区领导）',
      '等待省里批复；办理时限 2026-12-07',
      '已解决；已恢复供电',
      '不满意，转入重办',
    ]);
    const outside = ticketDetail(t, cal, NOW, actor('chenjl')).events.map((e) => e.note);
    expect(outside).toEqual(['派给 张伟', '转由 王芳 办理', '等待省里批复；办理时限 2026-12-07', '已解决；已恢复供电', '不满意，转入重办']);
  });
});

describe('回潮 on the page: each ticket names the other', () => {
  it('the later ticket names the earlier one it reports again; the earlier one names the later', () => {
    const fresh = buildNewTicket(12, { platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: 't', summary: 's', category: 'utilities', categoryConfidence: 0.9, urgency: 'normal', requestedDate: null, resolutionDueAt: DUE, enterprise: null, enterpriseId: 'yilong', sourceMessageId: 'wecom:m2', parsedBy: 'rules', now: NOW, recurrenceOf: 7 });
    expect(ticketDetail({ ...ticket('accepted'), events: fresh.events }, cal, NOW, actor('chenjl')).events.find((e) => e.type === 'recurrence')?.note).toBe('与 #7 反映的问题相同（该单已答复）');
    const earlier = ticket('closed', { events: [{ type: 'recurrence', at: NOW, data: { later: 12 } }] });
    expect(ticketDetail(earlier, cal, NOW, actor('zhangwei')).events[0]).toMatchObject({ label: '回潮', note: '#12 再次反映了此问题' });
  });
});

describe('助企走访 on the page: numbers, and nothing people wrote beyond their own visits', () => {
  const at = '2026-11-28T08:00:00.000Z';
  const visit = (no: number, v: Partial<Visit>): Visit => ({
    no, platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', chatType: 'group', source: `wecom:m${no}`,
    by: { personId: 'zhangwei', name: '张伟', platformId: 'zhangwei' }, companions: [], enterpriseId: 'yilong', enterpriseName: '浙江亿龙置业有限公司',
    projectId: null, mode: 'onsite', date: '2026-11-27', note: '了解用电', problems: [], recordedAt: at, editedAt: null, deletedAt: null,
    history: [{ type: 'edit', at, by: { platformId: 'zhangwei', personId: 'zhangwei', name: '张伟' }, source: 'wecom:e1', data: { note: '旧备注' } }],
    ...v,
  });
  const visits = [
    visit(1, { companions: [{ personId: 'wangfang', name: '王芳' }], problems: [{ n: 1, text: '变电站扩容慢', ticketNo: null }] }),
    visit(2, { by: { personId: 'liuqiang', name: '刘强', platformId: 'liuqiang' }, enterpriseId: null, enterpriseName: '某某装备', note: '资金链紧张' }),
  ];
  const input = { visits, directory: dir, date: '2026-11-28', at, tz: cal.timezone };

  it('the month: the report’s numbers; an unlinked visit as number, date, enterprise and author only', () => {
    const r = buildVisitReport({ ...input, tickets: [] });
    const v = visitsView(r);
    expect(v.figures).toEqual(r.figures);
    expect(v.through).toBe('2026-11-28');
    expect(v.month).toMatchObject({ key: '2026-11-01', label: r.month.label });
    expect(v.coverage.keyEnterprises).toMatchObject({ covered: 1, total: 1, rate: 100 });
    expect(v.coverage.unvisitedEnterprises).toEqual([]);
    expect(v.unlinked).toEqual([{ no: 2, date: '2026-11-27', enterpriseName: '某某装备', by: { name: '刘强' } }]);
    const json = JSON.stringify(v);
    for (const s of ['资金链紧张', '了解用电', '变电站扩容慢', '旧备注', 'wrkSFfCgAAyilong01', 'wecom:m', 'platformId']) expect(json).not.toContain(s);
  });

  it('我的走访: the viewer’s visits with their notes, who went along, no chat or history', () => {
    const m = myVisitsView(myVisits('wangfang', input));
    expect(m.visits).toEqual([
      {
        no: 1, date: '2026-11-27', mode: 'onsite', modeLabel: '上门', enterpriseName: '浙江亿龙置业有限公司', projectId: null, note: '了解用电',
        problems: [{ n: 1, text: '变电站扩容慢', ticketNo: null }], by: { personId: 'zhangwei', name: '张伟' }, with: ['张伟'],
      },
    ]);
    const json = JSON.stringify(m);
    for (const s of ['资金链紧张', '旧备注', 'wrkSFfCgAAyilong01', 'platformId']) expect(json).not.toContain(s);
    expect(myVisitsView(myVisits('zhangwei', input))).toMatchObject({ assigned: 1, notVisited: [], visits: [{ no: 1, with: ['王芳'] }] });
  });
});
