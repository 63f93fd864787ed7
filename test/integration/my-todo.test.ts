/**
 * 我的待办 on the workbench (`mineOf`), on the real store: what is assigned to the cadre, and what waits for 签收 by
 * anyone of his team — not a ticket moved away from him, not one a colleague has signed for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES, buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri } from '../helpers/env.js';

let store: Store;
const now = '2026-11-23T02:00:00.000Z';
const person = (personId: string, name: string) => ({ personId, name });

function ticket(no: number, extra: Partial<Ticket>): Ticket & { _id: number } {
  const t = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g1', reporter: { id: 'u1' }, text: '用电扩容', summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: '2026-12-10T10:00:00.000Z', enterprise: null, sourceMessageId: `wecom:todo${no}`,
    parsedBy: 'rules', now,
  });
  return { ...t, _id: no, status: 'pending_claim', team: ['zhangwei', 'wangfang'], ...extra };
}
const movedAway = (from: string, type: string) => ({ type, at: now, data: { previous: person(from, '某人'), to: person('zhouming', '周明') } });

beforeAll(async () => {
  store = await connectStore(testMongoUri('mytodo'));
  await store.conn.collection('tickets').insertMany([
    ticket(1, { assignee: person('zhangwei', '张伟') }),
    ticket(2, { assignee: person('zhangwei', '张伟'), status: 'in_progress' }),
    // waiting for 签收 by a colleague of his task force: he may sign for it
    ticket(3, { assignee: person('wangfang', '王芳') }),
    // signed for by the colleague: hers
    ticket(4, { assignee: person('wangfang', '王芳'), status: 'in_progress' }),
    // he transferred it to the power company: no longer his to do, though his task force still may sign for it
    ticket(5, { assignee: person('zhouming', '周明'), events: [movedAway('zhangwei', 'transfer')] }),
    // another transferred it: still claimable by his team
    ticket(6, { assignee: person('zhouming', '周明'), events: [movedAway('wangfang', 'transfer')] }),
    // he returned it (退单)
    ticket(7, { assignee: person('zhouming', '周明'), events: [movedAway('zhangwei', 'return')] }),
    // passed back to him after all: his
    ticket(8, { assignee: person('zhangwei', '张伟'), events: [movedAway('zhangwei', 'transfer'), { type: 'transfer', at: now, data: { previous: person('zhouming', '周明'), to: person('zhangwei', '张伟') } }] }),
    // not his team's
    ticket(9, { assignee: person('liuqiang', '刘强'), team: ['liuqiang'] }),
  ] as never[]);
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
});

describe('我的待办', () => {
  it('his own, and what his team may still sign for — not what moved away from him, not what a colleague signed for', async () => {
    const repo = createTicketRepository(store.conn);
    const r = await repo.search({ mineOf: 'zhangwei', statuses: [...OPEN_STATUSES] }, { sort: 'newest', skip: 0, limit: 50 });
    expect(r.tickets.map((t) => t.no).sort((a, b) => a - b)).toEqual([1, 2, 3, 6, 8]);
    expect(r.total).toBe(5);
    const page = await repo.searchPage({ mineOf: 'zhangwei', statuses: [...OPEN_STATUSES] }, { sort: 'todo', limit: 2 });
    expect(page.total).toBe(5);
  });
});
