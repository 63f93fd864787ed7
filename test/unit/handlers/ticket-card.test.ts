import { describe, expect, it } from 'vitest';
import { dueText, reopenedDueText, ticketCard } from '../../../handlers/common.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { buildNewTicket, type Ticket } from '../../../src/domain/ticket.js';
import { transition, type ActionContext } from '../../../src/domain/ticket-state.js';

/** What people read of a ticket: the deadline as it counts, and no rejected answer shown as its result. */

// 2026-11-30 … 12-04 are plain working days (overrides, so the bundled holiday data does not matter)
const cal = new BusinessCalendar({
  timezone: 'Asia/Shanghai',
  overrides: { '2026-11-30': true, '2026-12-01': true, '2026-12-02': true, '2026-12-03': true, '2026-12-04': true },
});
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const by: ActionContext['by'] = { platform: 'wecom', id: 'zhangwei', name: '张伟', personId: 'zhangwei' };

function ticket(dueLocal: string): Ticket {
  const t = buildNewTicket(9, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'chenjl' }, text: 't', summary: '路灯不亮', category: 'infrastructure', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: at(dueLocal), enterprise: null, sourceMessageId: 'wecom:card', parsedBy: 'rules', now: at('2026-11-30T09:00:00'),
  });
  return { ...t, status: 'in_progress', assignee: { personId: 'zhangwei', name: '张伟' }, claimedAt: t.createdAt };
}

describe('the deadline people read', () => {
  it('a deadline at the close of a working day reads as that day', () => {
    expect(dueText(ticket('2026-12-03T18:00:00'), cal)).toBe('2026-12-03（周四）');
  });

  it('a deadline early in a day carries its time, so it is not read as the whole day', () => {
    // one working day from 08:30:29 ends 29 s into the next morning: the day alone would promise a day that is not there
    expect(dueText(ticket('2026-12-03T08:30:29'), cal)).toBe('2026-12-03（周四）08:30');
    expect(dueText(ticket('2026-12-03T10:15:00'), cal)).toBe('2026-12-03（周四）10:15');
  });
});

describe('a reopened ticket', () => {
  it('shows no result and labels the answer the enterprise did not accept', () => {
    const t = ticket('2026-12-03T18:00:00');
    const answered = transition(t, { type: 'resolve', outcome: 'resolved', note: '已修复' }, { by, at: at('2026-12-01T10:00:00') });
    if (!answered.ok) throw new Error(answered.message);
    expect(ticketCard(answered.ticket, cal).join('\n')).toContain('（已解决）');
    const reopened = transition(answered.ticket, { type: 'rate', level: 'dissatisfied', note: '还是不亮', resolutionDueAt: at('2026-12-08T10:00:00') }, {
      by: { platform: 'wecom', id: 'chenjl' },
      at: at('2026-12-01T11:00:00'),
    });
    if (!reopened.ok) throw new Error(reopened.message);
    const card = ticketCard(reopened.ticket, cal).join('\n');
    expect(card).not.toContain('（已解决）');
    expect(card).toContain('上次答复（已重办）：已修复');
    expect(card).not.toContain('最近进展：已修复');
  });
});

describe('the new deadline of a reopened ticket', () => {
  const reopen = (newDueLocal: string) => {
    const t = ticket('2026-12-03T10:15:00');
    const answered = transition(t, { type: 'resolve', outcome: 'resolved', note: '已修复' }, { by, at: at('2026-12-01T10:00:00') });
    if (!answered.ok) throw new Error(answered.message);
    const r = transition(answered.ticket, { type: 'reopen', resolutionDueAt: at(newDueLocal) }, { by: { platform: 'wecom', id: 'chenjl' }, at: at('2026-12-01T11:00:00') });
    if (!r.ok) throw new Error(r.message);
    return reopenedDueText(r.ticket, cal);
  };
  it('tells the earlier deadline beside the new one', () => {
    expect(reopen('2026-12-04T10:15:00')).toBe('2026-12-04（周五）10:15（原时限 2026-12-03（周四）10:15）');
  });
  it('says nothing of an earlier deadline that reads the same (seconds apart)', () => {
    expect(reopen('2026-12-03T10:15:20')).toBe('2026-12-03（周四）10:15');
  });
});
