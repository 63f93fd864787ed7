import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { Directory, directorySchema } from '../../../src/domain/directory.js';
import { buildNewTicket, type Ticket } from '../../../src/domain/ticket.js';
import { createWorkbench, type WorkbenchDeps } from '../../../src/server/workbench/routes.js';
import type { TicketQuery } from '../../../src/store/repositories/ticket.repository.js';
import { createLogger } from '../../../src/shared/logger.js';

/**
 * GET /h5/api/common-issues: the workbench reads the open tickets as its lists do (`search`) and answers the groups
 * to leaders and admins only. The session store, the directory and the tickets are stand-ins; the routes are real.
 */
const NOW = new Date('2026-11-20T02:00:00.000Z');
const dir = new Directory(
  directorySchema.parse({
    people: [
      { id: 'lihua', name: '李华', role: 'leader', wecom: 'lihua' },
      { id: 'zhangwei', name: '张伟', role: 'cadre', wecom: 'zhangwei' },
    ],
    enterprises: [
      { id: 'a', name: '甲电子', area: '钱塘园区' },
      { id: 'b', name: '乙材料', area: '钱塘园区' },
      { id: 'c', name: '丙精密', area: '钱塘园区' },
    ],
  }),
);
const ticket = (no: number, enterpriseId: string, text: string, status: Ticket['status'] = 'pending_claim'): Ticket => ({
  ...buildNewTicket(no, {
    platform: 'wecom',
    chatId: `grp-${enterpriseId}`,
    reporter: { id: `r${no}` },
    text,
    summary: text,
    category: 'utilities',
    categoryConfidence: 0.9,
    urgency: 'normal',
    requestedDate: null,
    resolutionDueAt: '2026-11-27T09:00:00.000Z',
    enterprise: dir.enterprise(enterpriseId)!.name,
    enterpriseId,
    sourceMessageId: `s${no}`,
    parsedBy: 'rules',
    now: new Date(NOW.getTime() - 3 * 86_400_000).toISOString(),
  }),
  status,
});
const TICKETS = [
  ticket(12, 'a', '厂房用电负荷不够，申请变压器增容一直没批下来'),
  ticket(15, 'b', '变压器扩容申请递交快一个月了还没动静'),
  ticket(19, 'c', '新生产线要上，变压器容量不够需要增容'),
];
const queries: TicketQuery[] = [];
let user = 'lihua';
let server: Server;
let base: string;

beforeAll(async () => {
  const deps = {
    config: loadConfig({}),
    log: createLogger('silent'),
    now: () => NOW,
    sessions: { getSession: async () => ({ who: { platform: 'wecom', userId: user }, csrf: 'x' }) },
    directory: async () => dir,
    tickets: {
      getByNo: async () => null,
      search: async () => ({ total: 0, tickets: [] }),
      // one ticket a page: the route follows the cursors to the last page
      async searchPage(q: TicketQuery, page: { cursor?: string; limit: number }) {
        queries.push(q);
        const open = TICKETS.filter((t) => !q.statuses || q.statuses.includes(t.status));
        const at = page.cursor ? Number(page.cursor) : 0;
        return { total: open.length, tickets: open.slice(at, at + 1).map((t) => ({ ...t, events: [] })), nextCursor: at + 1 < open.length ? String(at + 1) : null };
      },
    },
    calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }),
    identity: { isCodeError: () => false },
    webRoot: '/nonexistent',
  } as unknown as WorkbenchDeps;
  const { router } = createWorkbench(deps);
  const app = new Koa();
  app.keys = ['test-key'];
  app.use(router.routes());
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('GET /h5/api/common-issues', () => {
  it('gives a leader the groups of the open tickets, each ticket with its enterprise and problem', async () => {
    user = 'lihua';
    const res = await fetch(`${base}/h5/api/common-issues`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { windowDays: number; minEnterprises: number; groups: { label: string; tickets: { no: number; enterprise: string; summary: string; statusLabel: string }[] }[] };
    expect(body).toMatchObject({ windowDays: 30, minEnterprises: 3 });
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]!.label).toMatch(/^3家企业反映 钱塘园区 /);
    expect(body.groups[0]!.tickets).toEqual([
      { no: 12, enterprise: '甲电子', summary: TICKETS[0]!.summary, statusLabel: '待签收' },
      { no: 15, enterprise: '乙材料', summary: TICKETS[1]!.summary, statusLabel: '待签收' },
      { no: 19, enterprise: '丙精密', summary: TICKETS[2]!.summary, statusLabel: '待签收' },
    ]);
    // open tickets of the window, as the lists read them
    expect(queries.at(-1)).toMatchObject({ statuses: ['accepted', 'pending_claim', 'in_progress'], from: new Date(NOW.getTime() - 30 * 86_400_000).toISOString() });
  });

  it('refuses a cadre (403)', async () => {
    user = 'zhangwei';
    const res = await fetch(`${base}/h5/api/common-issues`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain('只有领导和管理员');
  });
});
