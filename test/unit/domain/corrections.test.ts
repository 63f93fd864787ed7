import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../config/policy.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { correctionAction } from '../../../src/domain/correction.js';
import { answeredAt, buildDigest, dailySeries, isSolvedAt, periodOf } from '../../../src/domain/digest.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { categoryFrom, parseCorrection, parseCorrections } from '../../../src/domain/parse/commands.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { authorize } from '../../../src/domain/permissions.js';
import { transition, type TicketAction } from '../../../src/domain/ticket-state.js';
import { buildNewTicket, isOpen, type Ticket } from '../../../src/domain/ticket.js';
import { renderDigest } from '../../../src/platforms/digest-render.js';
import { sharedPath } from '../../helpers/shared.js';

const TZ = 'Asia/Shanghai';
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const dir = new Directory(v.data);
const cal = new BusinessCalendar({ timezone: TZ });
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const zhang = { platform: 'wecom' as const, id: 'zhangwei', name: '张伟', personId: 'zhangwei' };

describe('reading a correction', () => {
  it.each([
    ['#12 类别改为 用工人才', { field: 'category', to: 'talent' }],
    ['#12 改为用工人才类', { field: 'category', to: 'talent' }],
    ['#12 类别：用工人才', { field: 'category', to: 'talent' }],
    ['#12 类别改为 talent', { field: 'category', to: 'talent' }],
    ['#12 分类改成水电', { field: 'category', to: 'utilities' }],
    ['#12 类别应为 施工建设与安全', { field: 'category', to: 'construction' }],
    ['#12 类别改为 乱七八糟', { field: 'category', to: null }],
    ['#12 改为紧急', { field: 'urgency', to: 'urgent' }],
    ['#12 改为一般', { field: 'urgency', to: 'normal' }],
    ['＃12 改成 普通', { field: 'urgency', to: 'normal' }],
    ['#12 企业是 神马电力', { field: 'enterprise', name: '神马电力' }],
    ['#12 企业：浙江亿龙置业有限公司', { field: 'enterprise', name: '浙江亿龙置业有限公司' }],
    ['#12 企业名不对，实际注册名是博瑞羊绒制品有限公司，改一下', { field: 'enterprise', name: '博瑞羊绒制品有限公司' }],
    ['#12 不是问题', { field: 'dismiss' }],
    ['#12 不是问题，只是咨询政策', { field: 'dismiss', note: '只是咨询政策' }],
  ])('%s', (text, expected) => {
    expect(parseCorrection(parseMessage(text, L('2026-11-23T09:30:00')).normalized)).toMatchObject(expected);
    const p = parseMessage(text, L('2026-11-23T09:30:00'));
    expect(p).toMatchObject({ intent: 'correct', ticket: 12 });
  });

  it.each(['#12 改为明天去现场', '#12 企业是否需要补充材料', '#12 类别是什么', '#12 进展：已联系供电公司', '转办 #12 给区住建局', '#12 什么进度了'])(
    '%s is no correction',
    (text) => {
      const p = parseMessage(text, L('2026-11-23T09:30:00'));
      expect(parseCorrection(p.normalized)).toBeNull();
      expect(p.intent).not.toBe('correct');
    },
  );

  it('待确认 lists the tickets awaiting a category check', () => {
    expect(parseMessage('待确认', L('2026-11-23T09:30:00')).intent).toBe('triage');
    expect(parseMessage('待确认工单', L('2026-11-23T09:30:00')).intent).toBe('triage');
  });

  it('a category by its label, key, part or a common word', () => {
    expect(categoryFrom('用工人才类')).toBe('talent');
    expect(categoryFrom('其他问题')).toBe('other');
    expect(categoryFrom('融资')).toBe('finance');
    expect(categoryFrom('随便')).toBeNull();
  });

  it('two fields corrected in one message are both read, the name ending where the second field begins', () => {
    const n = (t: string) => parseCorrections(parseMessage(t, L('2026-11-23T09:30:00')).normalized);
    expect(n('#65 企业写错了，是黔锐机械不是黔瑞机械，紧急程度也改成一般')).toEqual([
      { field: 'enterprise', name: '黔锐机械' },
      { field: 'urgency', to: 'normal' },
    ]);
    expect(n('#150 企业不是博远，是博源精化；分类也改成基础设施')).toEqual([
      { field: 'enterprise', name: '博源精化' },
      { field: 'category', to: 'infrastructure', text: '基础设施' },
    ]);
    expect(n('#216 企业名搞错了，应该是“凯旋国际贸易”，另外分类改成融资资金')[0]).toEqual({ field: 'enterprise', name: '凯旋国际贸易' });
    expect(n('#147 分类改一下 应该是审批 不是用地 紧急程度也改成一般').map((k) => k.field)).toEqual(['category', 'urgency']);
    expect(n('#138 企业名称写成了华森竹业 实际是华林竹业 改过来 类别也改成审批')).toEqual([
      { field: 'enterprise', name: '华林竹业' },
      { field: 'category', to: 'approval', text: '审批' },
    ]);
    // a name cut where a second field begins that reads as no correction
    expect(n('#12 企业是 博源精化，紧急程度也改一下')).toEqual([{ field: 'enterprise', name: '博源精化' }]);
    // one correction, the enterprise in why: not two
    expect(n('#12 这个不算急事，企业也是这么说的，改成一般')).toEqual([{ field: 'urgency', to: 'normal' }]);
    expect(parseMessage('#147 分类改一下 应该是审批 不是用地 紧急程度也改成一般', L('2026-11-23T09:30:00')).intent).toBe('correct');
    // (the review: what a field still is, or a category none of ours said by the way, is no second correction)
    expect(n('#12 紧急程度改成一般，企业名称还是对的')).toEqual([{ field: 'urgency', to: 'normal' }]);
    expect(n('#12 紧急程度改成一般，企业名称也是宏达食品没错')).toEqual([{ field: 'urgency', to: 'normal' }]);
    expect(n('#12 改成一般，分类还是用地')).toEqual([{ field: 'urgency', to: 'normal' }]);
    expect(n('#12 企业是宏达食品，另外分类没问题')).toEqual([{ field: 'enterprise', name: '宏达食品' }]);
    expect(n('#12 分类改成融资，企业名也改成宏达食品')).toEqual([
      { field: 'category', to: 'finance', text: '融资' },
      { field: 'enterprise', name: '宏达食品' },
    ]);
  });
});

/** A ticket of an enterprise the directory does not know (so the category decides the department), dispatched. */
function ticket(over: Partial<Ticket> = {}): Ticket {
  const t = buildNewTicket(12, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: '我们厂最近招不到电焊工', summary: '招不到电焊工', category: 'other',
    categoryConfidence: 0.2, urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-11-30T09:30:00'), enterprise: null,
    sourceMessageId: 'wecom:x', parsedBy: 'rules', now: L('2026-11-23T09:30:00'),
  });
  const r = transition(t, { type: 'dispatch', to: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' }, via: 'department', responseDueAt: L('2026-11-24T09:30:00'), team: ['zhangwei'] }, { by: zhang, at: t.createdAt });
  if (!r.ok) throw new Error(r.message);
  return { ...r.ticket, ...over };
}

describe('a correction as a ticket event', () => {
  const ctx = { dir, now: L('2026-11-24T10:00:00'), calendar: cal, policy: DEFAULT_POLICY };

  it('a category correction re-routes to the department of the right category, as a 转办 does', () => {
    const t = ticket();
    expect(t.needsTriage).toBe(true);
    const action = correctionAction(t, { field: 'category', to: 'talent', text: '用工人才' }, ctx) as TicketAction;
    const r = transition(t, action, { by: zhang, at: ctx.now });
    if (!r.ok) throw new Error(r.message);
    expect(r.ticket).toMatchObject({ category: 'talent', needsTriage: false, status: 'pending_claim', assignee: { personId: 'liuqiang' }, dispatchedAt: ctx.now, claimedAt: null });
    expect(r.ticket.responseDueAt! > ctx.now).toBe(true);
    expect(r.event).toMatchObject({ type: 'correct', by: zhang, at: ctx.now, note: '类别：其他 → 用工人才', data: { change: { field: 'category', from: 'other', to: 'talent' } } });
  });

  it('a ticket a person handed on stays with them; the same category is no change', () => {
    const handed = ticket({ assignee: { personId: 'wangfang', name: '王芳' } });
    const r = transition(handed, correctionAction(handed, { field: 'category', to: 'talent', text: '' }, ctx) as TicketAction, { by: zhang, at: ctx.now });
    expect(r.ok && r.ticket.assignee?.personId).toBe('wangfang');
    const checked = ticket({ needsTriage: false });
    const same = transition(checked, correctionAction(checked, { field: 'category', to: 'other', text: '' }, ctx) as TicketAction, { by: zhang, at: ctx.now });
    expect(same).toMatchObject({ ok: false, code: 'TICKET_NO_CHANGE', message: '#12 类别已是“其他”，无需更改。' });
  });

  it('naming the category a ticket awaiting a check already has confirms it: the mark goes, the check is on record, nothing else moves', () => {
    const t = ticket();
    expect(t.needsTriage).toBe(true);
    const r = transition(t, correctionAction(t, { field: 'category', to: 'other', text: '' }, ctx) as TicketAction, { by: zhang, at: ctx.now });
    if (!r.ok) throw new Error(r.message);
    expect(r.ticket).toMatchObject({ category: 'other', needsTriage: false, status: t.status, assignee: t.assignee, responseDueAt: t.responseDueAt });
    expect(r.event).toMatchObject({ type: 'correct', note: '类别：其他（经核对无误）', data: { change: { field: 'category', from: 'other', to: 'other', confirmed: true } } });
  });

  it('urgent shortens a deadline nobody moved (never into the past); the enterprise comes from the directory', () => {
    const t = ticket({ resolutionDueAt: L('2026-11-30T09:30:00') });
    const action = correctionAction(t, { field: 'urgency', to: 'urgent' }, ctx);
    expect(action).toMatchObject({ type: 'correct', field: 'urgency', to: 'urgent' });
    const r = transition(t, action as TicketAction, { by: zhang, at: ctx.now });
    if (!r.ok) throw new Error(r.message);
    expect(r.ticket.urgency).toBe('urgent');
    expect(r.ticket.resolutionDueAt >= ctx.now && r.ticket.resolutionDueAt < t.resolutionDueAt).toBe(true);
    expect(r.event.data).toMatchObject({ previousDue: t.resolutionDueAt });
    const e = correctionAction(ticket(), { field: 'enterprise', name: '亿龙' }, ctx);
    expect(e).toMatchObject({ to: { name: '浙江亿龙置业有限公司', id: 'yilong' } });
  });

  it('不是问题 closes it: not open, not answered, not 破解, and the enterprise can neither rate nor reopen it', () => {
    const r = transition(ticket(), { type: 'dismiss', note: '咨询' }, { by: zhang, at: ctx.now });
    if (!r.ok) throw new Error(r.message);
    expect(r.ticket).toMatchObject({ status: 'dismissed', needsTriage: false });
    expect(answeredAt(r.ticket)).toBeNull();
    expect(isOpen(r.ticket)).toBe(false);
    expect(isSolvedAt(r.ticket, L('2026-12-01T00:00:00'))).toBe(false);
    const enterprise = { role: 'enterprise' as const, platform: 'wecom' as const, platformId: 'r' };
    expect(authorize('rate', enterprise, r.ticket, ctx.now).ok).toBe(false);
    expect(transition(r.ticket, { type: 'progress', note: 'x' }, { by: zhang, at: ctx.now })).toMatchObject({ ok: false });
  });
});

describe('the digest and 不是问题', () => {
  const day = periodOf('day', '2026-11-24', TZ);
  const open = (no: number, triage: boolean): Ticket => ({ ...ticket(), no, needsTriage: triage, sourceMessageId: `wecom:${no}` });
  const dismissed = (no: number): Ticket => {
    const r = transition(open(no, true), { type: 'dismiss' }, { by: zhang, at: L('2026-11-24T11:00:00') });
    if (!r.ok) throw new Error(r.message);
    return r.ticket;
  };

  it('a ticket closed as not a problem leaves every figure (新增, 办结, 在办, 破解率, categories, daily series)', () => {
    const base = [open(1, false), open(2, false)];
    const without = buildDigest(base, day, day.end, cal, dir, TZ);
    const withIt = buildDigest([...base, dismissed(3)], day, day.end, cal, dir, TZ);
    expect(withIt.numbers).toEqual(without.numbers);
    expect(withIt.previous).toEqual(without.previous);
    expect(withIt.ytd).toEqual(without.ytd);
    expect(withIt.solveRate).toEqual(without.solveRate);
    expect(withIt.categories).toEqual(without.categories);
    expect(withIt.byCadre).toEqual(without.byCadre);
    const days = ['2026-11-23', '2026-11-24'];
    expect(dailySeries([...base, dismissed(3)], days, TZ)).toEqual(dailySeries(base, days, TZ));
  });

  it('counts the open tickets awaiting a category check: one line 待确认分类 N 件', () => {
    const d = buildDigest([open(1, true), open(2, false), open(4, true), dismissed(3)], day, day.end, cal, dir, TZ);
    expect(d.triage).toBe(2);
    expect(renderDigest(d).text).toContain('**待确认分类** 2 件');
  });
});

describe('a refusal before 签收', () => {
  it('tells the cadre to sign first when they try to update or answer an unsigned ticket', () => {
    const t = { ...ticket(), status: 'pending_claim' as const };
    const r = transition(t, { type: 'progress', note: '已联系' } as TicketAction, { by: zhang, at: L('2026-11-24T10:00:00') });
    expect(r).toMatchObject({ ok: false, message: '#12 尚未签收，不能更新进展。请先回复“认领 #12”签收。' });
  });
});
