import { describe, expect, it } from 'vitest';
import { buildNewTicket, type Assignee, type Ticket, type TicketStatus } from '../../../src/domain/ticket.js';
import { ALLOWED_FROM, transition, type TicketAction } from '../../../src/domain/ticket-state.js';
import { commandNote, outcomeFrom, ratingFrom } from '../../../src/domain/parse/commands.js';

const zhang: Assignee = { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' };
const wang: Assignee = { personId: 'wangfang', name: '王芳', wecom: 'wangfang' };
const ctx = { by: { platform: 'wecom' as const, id: 'zhangwei', name: '张伟', personId: 'zhangwei' }, at: '2026-11-23T02:00:00.000Z', source: 'wecom:m9' };

function ticket(status: TicketStatus, assignee: Assignee | null = zhang): Ticket {
  const t = buildNewTicket(12, {
    platform: 'wecom',
    chatId: 'g1',
    reporter: { id: 'chenjl' },
    text: 't',
    summary: 's',
    category: 'utilities',
    categoryConfidence: 0.9,
    urgency: 'normal',
    requestedDate: null,
    resolutionDueAt: '2026-11-30T01:30:00.000Z',
    enterprise: null,
    sourceMessageId: 'wecom:m1',
    parsedBy: 'rules',
    now: '2026-11-23T01:00:00.000Z',
  });
  return { ...t, status, assignee };
}

const RESPONSE_DUE = '2026-11-24T01:30:00.000Z';
const REOPEN_DUE = '2026-12-07T02:00:00.000Z';
const actions: Partial<Record<TicketAction['type'], TicketAction>> = {
  dispatch: { type: 'dispatch', to: zhang, via: 'commissioner', responseDueAt: RESPONSE_DUE },
  claim: { type: 'claim' },
  progress: { type: 'progress', note: '已约现场' },
  transfer: { type: 'transfer', to: wang, responseDueAt: RESPONSE_DUE },
  return: { type: 'return', to: wang, reason: '不属本单位职责', responseDueAt: RESPONSE_DUE },
  resolve: { type: 'resolve', outcome: 'resolved', note: '已送电' },
  rate: { type: 'rate', level: 'satisfied', resolutionDueAt: REOPEN_DUE },
  reopen: { type: 'reopen', resolutionDueAt: REOPEN_DUE },
  urge: { type: 'urge' },
};

// [action, from] → expected status after, or null when refused
const expected: Partial<Record<TicketAction['type'], TicketStatus>> = {
  dispatch: 'pending_claim',
  claim: 'in_progress',
  progress: 'in_progress',
  transfer: 'pending_claim',
  return: 'pending_claim',
  resolve: 'pending_rating',
  rate: 'closed',
  reopen: 'in_progress',
  urge: 'accepted', // unchanged: checked per state below
};

const STATES: TicketStatus[] = ['accepted', 'pending_claim', 'in_progress', 'pending_rating', 'closed'];

describe('ticket state machine: every action from every state', () => {
  for (const [type, action] of Object.entries(actions) as [TicketAction['type'], TicketAction][]) {
    for (const from of STATES) {
      const allowed = ALLOWED_FROM[type].includes(from);
      it(`${type} from ${from}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const t = ticket(from);
        const r = transition(t, action, ctx);
        if (!allowed) {
          expect(r).toMatchObject({ ok: false, code: 'TICKET_INVALID_TRANSITION' });
          expect((r as { message: string }).message).toMatch(/^#12 .+，不能.+。$/);
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.ticket.status).toBe(type === 'urge' || type === 'progress' ? from : expected[type]);
        expect(r.ticket.events).toHaveLength(t.events.length + 1);
        expect(r.event).toMatchObject({ type, at: ctx.at, by: ctx.by, source: 'wecom:m9', data: { from } });
        expect(t.events).toHaveLength(1); // the input is not mutated
      });
    }
  }
});

describe('ticket state machine: details', () => {
  it('a bad rating sends the ticket back (重办) and counts it; the rating keeps the assignee at rating time', () => {
    const r = transition(ticket('pending_rating'), { type: 'rate', level: 'dissatisfied', resolutionDueAt: REOPEN_DUE }, ctx);
    expect(r.ok && r.ticket).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: { level: 'dissatisfied', assigneePersonId: 'zhangwei' } });
  });
  it('a good rating closes it; rating again within the window keeps the first closing time', () => {
    const first = transition(ticket('pending_rating'), { type: 'rate', level: 'satisfied', resolutionDueAt: REOPEN_DUE }, ctx);
    expect(first.ok && first.ticket.closedAt).toBe(ctx.at);
    const again = transition(first.ok ? first.ticket : ticket('closed'), { type: 'rate', level: 'very_satisfied', resolutionDueAt: REOPEN_DUE }, { ...ctx, at: '2026-11-25T00:00:00.000Z' });
    expect(again.ok && again.ticket).toMatchObject({ status: 'closed', closedAt: ctx.at, rating: { level: 'very_satisfied' } });
  });
  it('transfer to the current assignee changes nothing', () => {
    expect(transition(ticket('in_progress'), { type: 'transfer', to: zhang, responseDueAt: RESPONSE_DUE }, ctx)).toMatchObject({ ok: false, code: 'TICKET_NO_CHANGE' });
  });
  it('a claim by someone else makes them the assignee; a return counts', () => {
    const byWang = { ...ctx, by: { platform: 'wecom' as const, id: 'wangfang', name: '王芳', personId: 'wangfang' } };
    const r = transition(ticket('pending_claim'), { type: 'claim' }, byWang);
    expect(r.ok && r.ticket.assignee).toEqual({ personId: 'wangfang', name: '王芳', wecom: 'wangfang' });
    const ret = transition(ticket('in_progress'), actions.return!, ctx);
    expect(ret.ok && ret.ticket).toMatchObject({ returnCount: 1, assignee: wang, status: 'pending_claim' });
    expect(ret.ok && ret.event.note).toBe('不属本单位职责');
  });
});

describe('command text', () => {
  it.each([
    ['#3 满意', 'satisfied'],
    ['#3 非常满意，感谢', 'very_satisfied'],
    ['#3 基本满意', 'basically_satisfied'],
    ['#3 不满意', 'dissatisfied'],
    ['#3 非常不满意', 'very_dissatisfied'],
    ['评价 #21 5星', 'very_satisfied'],
    ['#21 三星', 'basically_satisfied'],
    ['#21 1星', 'very_dissatisfied'],
    ['#21 好评', 'satisfied'],
    ['#21 差评', 'dissatisfied'],
    ['#21 ⭐⭐⭐⭐', 'satisfied'],
    ['#21 ★★', 'dissatisfied'],
    ['#21 收到', null],
  ])('%s → %s', (text, level) => expect(ratingFrom(text)).toBe(level));
  it.each([
    ['办结 #3 已恢复供电', 'resolved'],
    ['办结 #3 部分解决，余下待明年', 'partial'],
    ['答复 #20：该事项暂无政策依据，已向企业当面解释', 'explained'],
    ['办结 #8 暂无法解决，列入挂账', 'unresolvable'],
  ])('%s → %s', (text, outcome) => expect(outcomeFrom(text)).toBe(outcome));
  it('takes the note out of a command', () => {
    expect(commandNote('#3 进展：已约供电公司明天上午到现场')).toBe('已约供电公司明天上午到现场');
    expect(commandNote('办结 #3 已恢复供电')).toBe('已恢复供电');
    expect(commandNote('退单 #12 理由：不属于本局职责')).toBe('不属于本局职责');
  });
});
