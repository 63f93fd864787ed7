import { describe, expect, it } from 'vitest';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { buildVisitReport, myVisits, type VisitReport } from '../../../src/domain/visit-report.js';
import { buildNewTicket, type Ticket } from '../../../src/domain/ticket.js';
import type { Visit, VisitCadre } from '../../../src/domain/visit.js';
import { renderMyVisits, renderVisitOverview, visitDigestLines } from '../../../src/platforms/visit-render.js';

const TZ = 'Asia/Shanghai';
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const v = validateDirectory({
  people: [
    { id: 'c1', name: '张伟', role: 'cadre', department: '区发改局' },
    { id: 'c2', name: '王芳', role: 'cadre', department: '区住建局' },
    { id: 'l1', name: '刘书记', role: 'leader' },
  ],
  enterprises: [
    { id: 'e1', name: '亿龙置业', key: true, commissioner: 'c1' },
    { id: 'e2', name: '天赐科技', key: true, commissioner: 'c1', visitsPerMonth: 2 },
    { id: 'e3', name: '华丰机械', key: true, commissioner: 'c2' },
  ],
  projects: [{ id: 'p1', name: '亿龙二期', enterprise: 'e1', taskforce: ['c1', 'c2'] }],
});
if (!v.ok) throw new Error(JSON.stringify(v.problems));
const dir = new Directory(v.data);
const P = (id: string): VisitCadre => ({ personId: id, name: dir.person(id)!.name });
const V = (no: number, date: string, by: string, companions: VisitCadre[], e: string, problems: [string, number | null][] = [], projectId: string | null = null): Visit => ({
  no, platform: 'wecom', chatId: 'g', chatType: 'group', source: `wecom:v${no}`, by: { ...P(by), platformId: by }, companions,
  enterpriseId: e, enterpriseName: dir.enterprise(e)!.name, projectId, mode: 'onsite', date, note: '',
  problems: problems.map(([text, ticketNo], i) => ({ n: i + 1, text, ticketNo })), recordedAt: L(`${date}T18:00:00`), editedAt: null, deletedAt: null, history: [],
});
const visits = [
  V(12, '2026-11-28', 'c1', [P('l1')], 'e1', [['变电站扩容慢', 31], ['招工难', 32]], 'p1'),
  V(13, '2026-11-26', 'c1', [], 'e2', [['融资难', null]]),
];
const ticket = (no: number): Ticket => ({
  ...buildNewTicket(no, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: 't', summary: 's', category: 'other', categoryConfidence: 1, urgency: 'normal',
    requestedDate: null, resolutionDueAt: L('2026-11-29T18:00:00'), enterprise: null, sourceMessageId: `wecom:t${no}`, parsedBy: 'rules', now: L('2026-11-28T19:00:00'),
  }),
  visitNo: 12,
});
const tickets = [{ ...ticket(31), status: 'closed' as const, outcome: 'resolved' as const }, ticket(32)];
const at = L('2026-11-30T12:00:00');
const report = buildVisitReport({ visits, tickets, directory: dir, date: '2026-11-30', at, tz: TZ });

describe('visitDigestLines', () => {
  it('gives one line for a week', () => {
    const week = buildVisitReport({ visits, tickets, directory: dir, period: 'week', date: '2026-11-26', at, tz: TZ });
    expect(visitDigestLines(week, 'week')).toEqual(['助企走访：本周 2 批次、3 人次，服务企业 2 家，发现问题 3 个']);
  });
  it('gives coverage, unvisited key enterprises, 破解率 and the year to date for a month', () => {
    const lines = visitDigestLines(report, 'month');
    expect(lines[0]).toBe('助企走访：本月 2 批次、3 人次，服务企业 2 家，发现问题 3 个（已建单 2 个，已破解 1 个），参与干部 2 名');
    // 天赐科技 visited once of its two a month: not covered
    expect(lines).toContain('> 重点企业覆盖 1/3（33.3%） · 重点项目覆盖 1/1（100%）');
    expect(lines).toContain('> {{warn:未走访重点企业 1 家}}：华丰机械（专员 王芳）');
    // #31 solved; #32 overdue (due 11-29): 1/2 — the same tickets overall
    expect(lines).toContain('> 走访发现问题破解率 50%（1/2） · 总体破解率 50%（1/2）（年度）');
    expect(lines.at(-1)).toBe('> 年度累计：2 批次、3 人次，服务企业 2 家，发现问题 3 个，已破解 1 个');
  });
  it('lists at most 10 unvisited key enterprises, then counts them', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...report.coverage.unvisitedEnterprises[0]!, name: `企业${i + 1}` }));
    const r: VisitReport = { ...report, coverage: { ...report.coverage, unvisitedEnterprises: many } };
    const line = visitDigestLines(r, 'month').find((l) => l.includes('未走访重点企业'))!;
    expect(line).toContain('企业10（专员 王芳） 等12家');
    expect(line).not.toContain('企业11');
  });
});

describe('renderVisitOverview', () => {
  it('shows departments, 专班, cadres with no visit and unvisited key enterprises', () => {
    const m = renderVisitOverview(report);
    expect(m.format).toBe('markdown');
    expect(m.title).toBe('助企走访情况（2026年11月）');
    expect(m.text).toContain('> 区发改局：干部 1 名，已走访 1 名，走访 2 批次，联系重点企业覆盖 1/2');
    expect(m.text).toContain('> 亿龙二期专班：成员 2 名，已走访 1 名，项目已走访 1 批次');
    expect(m.text).toContain('**本月未走访干部 1 名**：王芳');
    expect(m.text).not.toContain('刘书记');
  });
});

describe('renderMyVisits', () => {
  it('lists my visits one line each and my key enterprises not yet visited', () => {
    const m = renderMyVisits(myVisits('c1', { visits, directory: dir, date: '2026-11-30', at, tz: TZ }));
    const lines = m.text.split('\n');
    expect(lines[0]).toBe('## 我的走访（2026年11月）');
    expect(lines).toContain('> V13 11月26日 上门 天赐科技 · 发现问题1个（待建单1个）');
    expect(lines).toContain('> V12 11月28日 上门 亿龙置业 · 发现问题2个（已建单 #31 #32） · 同行 刘书记');
    expect(m.text.indexOf('V13')).toBeLessThan(m.text.indexOf('V12'));
    expect(m.text).toContain('联系的 2 家重点企业本月均已走访。');
    const wang = renderMyVisits(myVisits('c2', { visits, directory: dir, date: '2026-11-30', at, tz: TZ }));
    expect(wang.text).toContain('本月暂无走访记录。');
    expect(wang.text).toContain('**联系的重点企业本月尚未走访 1 家**：华丰机械');
  });
});
