import { describe, expect, it } from 'vitest';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { buildVisitReport, myVisits } from '../../../src/domain/visit-report.js';
import { buildNewTicket, type Ticket, type TicketStatus } from '../../../src/domain/ticket.js';
import type { Visit, VisitCadre, VisitMode } from '../../../src/domain/visit.js';

const TZ = 'Asia/Shanghai';
const L = (local: string) => new Date(`${local}+08:00`).toISOString();

const v = validateDirectory({
  people: [
    { id: 'c1', name: '张伟', role: 'cadre', department: '区发改局' },
    { id: 'c2', name: '王芳', role: 'cadre', department: '区发改局' },
    { id: 'c3', name: '李强', role: 'cadre', department: '区住建局' },
    { id: 'l1', name: '刘书记', role: 'leader' },
  ],
  enterprises: [
    { id: 'e1', name: '亿龙置业', key: true, commissioner: 'c1' },
    { id: 'e2', name: '天赐科技', key: true, commissioner: 'c1' },
    { id: 'e3', name: '华丰机械', key: true, commissioner: 'c2', visitsPerMonth: 2 },
    { id: 'e4', name: '绿源食品', key: true, commissioner: 'c3' },
    { id: 'e5', name: '东方纺织', key: true, commissioner: 'c3' },
    { id: 'e6', name: '小微商贸', commissioner: 'c3' },
  ],
  projects: [
    { id: 'p1', name: '亿龙二期', enterprise: 'e1', leader: 'l1', taskforce: ['c1', 'c3'] },
    { id: 'p2', name: '天赐新材料', enterprise: 'e2', leader: 'l1', taskforce: ['c2'] },
  ],
  departments: [
    { id: 'fg', name: '区发改局', lead: 'c1' },
    { id: 'zj', name: '区住建局', lead: 'c3' },
  ],
});
if (!v.ok) throw new Error(JSON.stringify(v.problems));
const dir = new Directory(v.data);

const P = (id: string): VisitCadre => ({ personId: id, name: dir.person(id)!.name });
function V(
  no: number,
  date: string,
  by: string,
  companions: VisitCadre[],
  enterprise: string | null,
  o: { name?: string; projectId?: string; problems?: [string, number | null][]; deleted?: boolean; mode?: VisitMode } = {},
): Visit {
  return {
    no,
    platform: 'wecom',
    chatId: 'g',
    chatType: 'group',
    source: `wecom:v${no}`,
    by: { ...P(by), platformId: by },
    companions,
    enterpriseId: enterprise,
    enterpriseName: o.name ?? dir.enterprise(enterprise ?? undefined)!.name,
    projectId: o.projectId ?? null,
    mode: o.mode ?? 'onsite',
    date,
    note: '了解生产经营情况',
    problems: (o.problems ?? []).map(([text, ticketNo], i) => ({ n: i + 1, text, ticketNo })),
    recordedAt: L(`${date}T18:00:00`),
    editedAt: null,
    deletedAt: o.deleted ? L(`${date}T19:00:00`) : null,
    history: [],
  };
}

const visits: Visit[] = [
  // October
  V(1, '2026-10-15', 'c1', [P('c2')], 'e2', { projectId: 'p2', problems: [['用电报装慢', 1]] }),
  V(2, '2026-10-20', 'c3', [], 'e4'),
  // November
  V(3, '2026-11-02', 'c1', [P('c3'), P('l1')], 'e1', { projectId: 'p1', problems: [['变电站扩容慢', 2], ['招工难', 3]] }),
  V(4, '2026-11-05', 'c1', [], 'e2', { problems: [['融资难', 4]] }),
  V(5, '2026-11-10', 'c3', [P('c1')], 'e4'),
  V(6, '2026-11-12', 'c3', [], 'e4', { problems: [['道路破损', null]] }),
  V(7, '2026-11-15', 'c3', [], null, { name: '新星电子', problems: [['政策兑现慢', 5]] }),
  V(8, '2026-11-18', 'c2', [], 'e3', { deleted: true, problems: [['重复登记', 6]] }),
  V(9, '2026-11-20', 'l1', [P('c3')], 'e6'),
  // the author named again as a companion, and a companion not in the directory
  V(10, '2026-11-25', 'c1', [P('c1'), { personId: null, name: '赵六' }], 'e3', { mode: 'phone' }),
  V(11, '2026-11-28', 'c1', [], 'e2', { problems: [['证照办理', 7]] }),
  // December: after `at`
  V(12, '2026-12-01', 'c2', [], 'e5'),
];

/** A ticket as it stands (no later events): status, deadline and outcome as given. */
function T(no: number, created: string, status: TicketStatus, due: string, extra: Partial<Ticket> = {}): Ticket {
  const base = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: 't', summary: `问题${no}`, category: 'other', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: L(`${due}T18:00:00`), enterprise: `企业${no}`,
    sourceMessageId: `wecom:t${no}`, parsedBy: 'rules', now: L(`${created}T10:00:00`),
  });
  return { ...base, status, ...extra };
}
const rated = (level: string, at: string) => ({ level, at: L(`${at}T10:00:00`), by: { platform: 'wecom' as const, id: 'r' }, assigneePersonId: null });
const tickets: Ticket[] = [
  T(1, '2026-10-15', 'closed', '2026-10-25', { visitNo: 1, outcome: 'resolved', closedAt: L('2026-10-24T10:00:00') }), // solved
  T(2, '2026-11-02', 'closed', '2026-11-12', { visitNo: 3, outcome: 'resolved', closedAt: L('2026-11-10T10:00:00') }), // solved
  T(3, '2026-11-02', 'closed', '2026-11-12', { visitNo: 3, outcome: 'explained', closedAt: L('2026-11-11T10:00:00') }), // base, not solved
  T(4, '2026-11-05', 'in_progress', '2026-11-20', { visitNo: 4 }), // overdue: base, not solved
  T(5, '2026-11-15', 'in_progress', '2026-12-10', { visitNo: 7 }), // open, not due: out of the base
  T(6, '2026-11-18', 'closed', '2026-11-28', { visitNo: 8, outcome: 'resolved', closedAt: L('2026-11-20T10:00:00') }), // deleted visit
  T(7, '2026-11-28', 'accepted', '2026-12-05', { visitNo: 11 }), // open, not due
  T(8, '2026-11-03', 'closed', '2026-11-13', { outcome: 'partial', rating: rated('basically_satisfied', '2026-11-09'), closedAt: L('2026-11-09T10:00:00') }), // solved
  T(9, '2026-11-04', 'in_progress', '2026-11-10'), // overdue
  T(10, '2025-12-01', 'closed', '2025-12-10', { outcome: 'resolved', closedAt: L('2025-12-08T10:00:00') }), // last year
];

const at = L('2026-11-30T12:00:00');
const november = buildVisitReport({ visits, tickets, directory: dir, date: '2026-11-15', at, tz: TZ });

describe('buildVisitReport: a month', () => {
  it('counts 批次, 人次, cadres, enterprises and problems of the month (deleted and later visits left out)', () => {
    expect(november.period.key).toBe('2026-11-01');
    expect(november.windows.period).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    // V3 V4 V5 V6 V7 V9 V10 V11 (V8 deleted, V12 in December)
    // 人次 3+1+2+1+1+2+2+1 (V10: the author once, 赵六 by name); cadres 张伟 李强 刘书记 赵六
    // enterprises 亿龙 天赐 绿源 新星电子(unlinked, by name) 小微 华丰; problems 2+1+1+1+1, ticketed #2 #3 #4 #5 #7, solved #2
    expect(november.figures).toEqual({ visits: 8, personVisits: 13, cadres: 4, enterprises: 6, problems: 6, ticketed: 5, solved: 1 });
  });

  it('counts the year to date from January 1 to `at`', () => {
    // + V1 (2 人次, 王芳, #1 solved) + V2 (1 人次)
    expect(november.ytd).toEqual({ visits: 10, personVisits: 16, cadres: 5, enterprises: 6, problems: 7, ticketed: 6, solved: 2 });
  });

  it('gives 破解率 of visit tickets and overall by the digest rule', () => {
    // visit tickets #1 #2 #3 #4 #5 #7 (#6: its visit was deleted): solved #1 #2; base 6 − open not due (#5 #7) = 4
    expect(november.solveRate.visits).toEqual({ solved: 2, base: 4, rate: 50 });
    // all of this year #1–#9: solved #1 #2 #6 #8 (partial, rated well); base 9 − 2 = 7
    expect(november.solveRate.overall).toEqual({ solved: 4, base: 7, rate: 57.1 });
  });

  it('covers key enterprises against their monthly target and key projects', () => {
    const c = november.coverage;
    // e1 1/1, e2 2/1, e3 1/2 (not covered: V8 deleted), e4 2/1, e5 0/1 (V12 is December)
    expect(c.keyEnterprises.list.map((e) => [e.id, e.visits, e.covered])).toEqual([
      ['e1', 1, true], ['e2', 2, true], ['e3', 1, false], ['e4', 2, true], ['e5', 0, false],
    ]);
    expect([c.keyEnterprises.covered, c.keyEnterprises.total, c.keyEnterprises.rate]).toEqual([3, 5, 60]);
    expect(c.unvisitedEnterprises.map((e) => [e.name, e.commissionerName])).toEqual([['东方纺织', '李强']]);
    // p1 by V3; p2 only in October
    expect([c.projects.covered, c.projects.total, c.projects.rate]).toEqual([1, 2, 50]);
    expect(c.unvisitedProjects.map((p) => p.name)).toEqual(['天赐新材料']);
  });

  it('lists cadres with no visit (a deleted visit is none; leaders never listed)', () => {
    expect(november.cadresWithoutVisit).toEqual([{ id: 'c2', name: '王芳', department: '区发改局' }]);
  });

  it('counts by department and by 专班', () => {
    expect(november.byDepartment).toEqual([
      // 发改局: V3 V4 V5 V10 V11; key enterprises e1 e2 e3 (c1, c1, c2), covered e1 e2
      { department: '区发改局', cadres: 2, cadresVisited: 1, visits: 5, keyEnterprises: 3, keyEnterprisesCovered: 2, coverageRate: 66.7 },
      // 住建局: V3 V5 V6 V7 V9; key enterprises e4 e5, covered e4
      { department: '区住建局', cadres: 1, cadresVisited: 1, visits: 5, keyEnterprises: 2, keyEnterprisesCovered: 1, coverageRate: 50 },
    ]);
    expect(november.byTaskforce).toEqual([
      { projectId: 'p1', projectName: '亿龙二期', members: 2, membersVisited: 2, projectVisits: 1, projectVisited: true },
      { projectId: 'p2', projectName: '天赐新材料', members: 1, membersVisited: 0, projectVisits: 0, projectVisited: false },
    ]);
  });

  it('lists unlinked visits for admins', () => {
    expect(november.unlinked.map((x) => x.no)).toEqual([7]);
  });

  it('counts a visit once per department even when two of its cadres went', () => {
    const october = buildVisitReport({ visits, tickets, directory: dir, date: '2026-10-01', at, tz: TZ });
    // V1 (张伟 + 王芳, both 发改局), V2
    expect(october.figures).toMatchObject({ visits: 2, personVisits: 3, cadres: 3, enterprises: 2 });
    expect(october.byDepartment[0]).toMatchObject({ department: '区发改局', cadres: 2, cadresVisited: 2, visits: 1 });
    expect(october.coverage.projects.covered).toBe(1);
    // the year to date ends with October
    expect(october.ytd.visits).toBe(2);
  });

  it('stops at `at` while the month runs', () => {
    const early = buildVisitReport({ visits, tickets, directory: dir, date: '2026-11-10', at: L('2026-11-10T12:00:00'), tz: TZ });
    // V3 V4 V5; 人次 3+1+2
    expect(early.figures).toMatchObject({ visits: 3, personVisits: 6, problems: 3, ticketed: 3 });
    expect(early.windows.month).toEqual({ from: '2026-11-01', to: '2026-11-11' });
    expect(early.ytd.visits).toBe(5);
  });
});

describe('buildVisitReport: a week and a day', () => {
  it('counts the week, with the month of its last day for coverage', () => {
    const week = buildVisitReport({ visits, tickets, directory: dir, period: 'week', date: '2026-11-25', at, tz: TZ });
    expect(week.period.key).toBe('2026-11-23');
    // V10 (2 人次), V11 (1)
    expect(week.figures).toEqual({ visits: 2, personVisits: 3, cadres: 2, enterprises: 2, problems: 1, ticketed: 1, solved: 0 });
    expect(week.coverage.keyEnterprises.covered).toBe(3);
  });
  it('counts a day', () => {
    const day = buildVisitReport({ visits, tickets, directory: dir, period: 'day', date: '2026-11-20', at, tz: TZ });
    expect(day.figures).toMatchObject({ visits: 1, personVisits: 2, cadres: 2, enterprises: 1, problems: 0 });
  });
});

describe('myVisits', () => {
  const mine = (id: string) => myVisits(id, { visits, directory: dir, date: '2026-11-30', at, tz: TZ });
  it("lists a cadre's visits as author or companion, and assigned key enterprises all visited", () => {
    const m = mine('c1');
    expect(m.visits.map((x) => x.no)).toEqual([3, 4, 5, 10, 11]);
    expect([m.assigned, m.notVisited]).toEqual([2, []]);
  });
  it('lists assigned key enterprises the person has not visited', () => {
    expect(mine('c3').visits.map((x) => x.no)).toEqual([3, 5, 6, 7, 9]);
    expect(mine('c3').notVisited).toEqual([{ id: 'e5', name: '东方纺织' }]);
    // 华丰机械 was visited by 张伟, not by its commissioner 王芳 (whose own visit was deleted)
    expect(mine('c2').visits).toEqual([]);
    expect(mine('c2').notVisited).toEqual([{ id: 'e3', name: '华丰机械' }]);
  });
});

describe('zero denominators', () => {
  it('gives null rates when there is nothing to count', () => {
    const r = buildVisitReport({ visits: [], tickets: [], directory: Directory.empty(), date: '2026-11-15', at, tz: TZ });
    expect(r.coverage.keyEnterprises.rate).toBeNull();
    expect(r.coverage.projects.rate).toBeNull();
    expect(r.solveRate.visits.rate).toBeNull();
    expect(r.figures.visits).toBe(0);
  });
});
