import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, schedulesFromData } from '../../../src/domain/calendar.js';
import { createPath, transitionItem, type ItemAction, type ProjectPath } from '../../../src/domain/project-path.js';
import {
  buildMonthlyReport,
  buildQuarterlyVisits,
  buildYearlyReport,
  finishedOn,
  isOnTime,
  monthRange,
  quarterRange,
  workingDaysTaken,
  yearRange,
  type ReportProject,
} from '../../../src/domain/project-report.js';
import { validateProjectTemplates, type ProjectTemplate } from '../../../src/domain/project-template.js';
import { buildProjectLedger, PROJECT_ITEM_HEADERS, PROJECT_LEDGER_HEADERS } from '../../../src/ledger/project-ledger.js';
import { NEUTRAL } from '../../../src/messages/outbound.js';
import { renderMonthlyReport, renderQuarterlyVisits, renderYearlyReport } from '../../../src/platforms/project-render.js';
import { OFFICIAL_2025_2026 } from '../../fixtures/official-schedules.js';

/**
 * Figures counted by hand on the official 2026 schedule (injected; never today's date). Around National Day 2026:
 * 9/25 off (中秋), 10/1–10/7 off, Sat 10/10 works (调休), Sun 10/11 off. November 2026 has no holiday; 11/1 is a
 * Sunday, 11/30 a Monday ("today").
 */
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai', official: schedulesFromData(OFFICIAL_2025_2026) });
const at = (local: string) => new Date(`${local}T10:00:00+08:00`).toISOString();
const by = { id: 'zhangwei', name: '张伟' };
const TODAY = '2026-11-30';

function template(): ProjectTemplate {
  const v = validateProjectTemplates({
    templates: [
      {
        id: 'gongye',
        name: '工业仓储类',
        items: [
          { id: 'lixiang', name: '立项备案', department: '区发展改革局', promisedWorkingDays: 1 },
          { id: 'yongdi', name: '建设用地规划许可', department: '区规划和自然资源分局', promisedWorkingDays: 3, dependsOn: ['lixiang'] },
          { id: 'gongcheng', name: '建设工程规划许可', department: '区规划和自然资源分局', promisedWorkingDays: 5, dependsOn: ['yongdi'] },
          { id: 'huanping', name: '环境影响评价', department: '区生态环境分局', promisedWorkingDays: 10, dependsOn: ['lixiang'] },
          { id: 'tushen', name: '施工图审查', department: '区住建局', promisedWorkingDays: 4 },
          { id: 'shigong', name: '施工许可', department: '区住建局', promisedWorkingDays: 2, dependsOn: ['gongcheng', 'huanping', 'tushen'] },
          { id: 'yanshou', name: '竣工验收', department: '区住建局', promisedWorkingDays: 10, dependsOn: ['shigong'] },
        ],
      },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.data.templates[0]!;
}

function apply(path: ProjectPath, steps: [string, ItemAction, string][]): ProjectPath {
  for (const [id, action, day] of steps) {
    const r = transitionItem(path, id, action, { by, at: at(day) }, cal);
    if (!r.ok) throw new Error(`${id} ${action.type}: ${r.message}`);
    path = r.path;
  }
  return path;
}

/**
 * 亿龙二期: 立项 9/30 → due 10/8 (over the holiday), 批复 10/8; 用地 10/9 → due 10/13 (Sat 10/10 works), 批复 10/13;
 * 环评 10/9 → due 10/22, 批复 11/4: 9 working days late, 19 taken; 工程规划 11/2 → due 11/9, 批复 11/6 (4 taken);
 * 图审 11/16 → due 11/20, open: 6 working days late on 11/30. 施工许可 can start 11/30 (图审 forecast today), earliest
 * 开工 12/2, planned 12/10: 6 working days to spare; 竣工验收 12/16.
 */
const yilong = apply(createPath(template(), { landDate: '2026-09-18', plannedStartDate: '2026-12-10' }), [
  ['lixiang', { type: 'submit' }, '2026-09-30'],
  ['lixiang', { type: 'approve' }, '2026-10-08'],
  ['yongdi', { type: 'submit' }, '2026-10-09'],
  ['huanping', { type: 'submit' }, '2026-10-09'],
  ['yongdi', { type: 'approve' }, '2026-10-13'],
  ['gongcheng', { type: 'submit' }, '2026-11-02'],
  ['huanping', { type: 'approve' }, '2026-11-04'],
  ['gongcheng', { type: 'approve' }, '2026-11-06'],
  ['tushen', { type: 'submit' }, '2026-11-16'],
]);

/**
 * 星河产业园: 立项 11/2 → due 11/3, 批复 11/3 (1 taken); 环评 容缺受理 11/5 (due 11/19, 0 taken); 图审 不适用; 用地 11/4 →
 * due 11/9, open: 15 working days late on 11/30. 工程规划 from 11/30 → 12/7, 施工许可 → 12/9: planned 开工 11/20 is
 * 13 working days out of reach.
 */
const xinghe = apply(createPath(template(), { landDate: '2026-10-20', plannedStartDate: '2026-11-20' }), [
  ['lixiang', { type: 'submit' }, '2026-11-02'],
  ['lixiang', { type: 'approve' }, '2026-11-03'],
  ['yongdi', { type: 'submit' }, '2026-11-04'],
  ['huanping', { type: 'accept_pending', missing: [{ name: '水土保持方案', dueDate: '2026-11-30' }] }, '2026-11-05'],
  ['tushen', { type: 'not_applicable' }, '2026-11-10'],
]);

const projects: ReportProject[] = [
  { project: { id: 'yilong2', name: '亿龙二期', enterprise: '亿龙科技', leaderId: 'li' }, path: yilong },
  { project: { id: 'xinghe', name: '星河产业园', enterprise: null }, path: xinghe },
  // nothing started: 施工许可 forecast 12/17, one working day before the planned 12/18
  { project: { id: 'chengdong', name: '城东学校' }, path: createPath(template(), { plannedStartDate: '2026-12-18' }) },
  // nothing started and no plan: behind nobody, so after 城东学校 although its name sorts first
  { project: { id: 'anju', name: '安居小区**' }, path: createPath(template()) },
];

describe('the figures, defined once', () => {
  const item = (p: ProjectPath, id: string) => p.items.find((i) => i.id === id)!;
  it('办结, 按期 and 用时 of single items', () => {
    expect(item(yilong, 'lixiang').dueDate).toBe('2026-10-08');
    expect(item(yilong, 'huanping').dueDate).toBe('2026-10-22');
    expect(finishedOn(item(yilong, 'huanping'), cal)).toBe('2026-11-04');
    expect(isOnTime(item(yilong, 'huanping'), cal)).toBe(false);
    expect(workingDaysTaken(item(yilong, 'huanping'), cal)).toBe(19);
    expect(workingDaysTaken(item(yilong, 'yongdi'), cal)).toBe(3);
    // 不适用 is finished for the path but never 办结
    expect(finishedOn(item(xinghe, 'tushen'), cal)).toBeNull();
    expect(isOnTime(item(xinghe, 'tushen'), cal)).toBe(false);
    expect(isOnTime(item(xinghe, 'huanping'), cal)).toBe(true);
  });
  it('ranges', () => {
    expect(monthRange('2026-11-30')).toEqual({ start: '2026-11-01', end: '2026-12-01', label: '2026年11月' });
    expect(quarterRange('2026-11-30')).toEqual({ start: '2026-10-01', end: '2027-01-01', label: '2026年第四季度' });
    expect(yearRange('2026-11-30')).toEqual({ start: '2026-01-01', end: '2027-01-01', label: '2026年' });
  });
});

describe('月调度', () => {
  const r = buildMonthlyReport(projects, monthRange('2026-11-01'), TODAY, cal);
  it('per project: 办结 this month, 超期 with days and department, next month, 开工', () => {
    const [a, b, c] = r.projects;
    expect(a!.finished).toEqual([
      { itemId: 'huanping', name: '环境影响评价', department: '区生态环境分局', date: '2026-11-04', onTime: false },
      { itemId: 'gongcheng', name: '建设工程规划许可', department: '区规划和自然资源分局', date: '2026-11-06', onTime: true },
    ]);
    expect(a!.late).toEqual([
      { itemId: 'huanping', name: '环境影响评价', department: '区生态环境分局', dueDate: '2026-10-22', workingDaysLate: 9, finished: true },
      { itemId: 'tushen', name: '施工图审查', department: '区住建局', dueDate: '2026-11-20', workingDaysLate: 6, finished: false },
    ]);
    expect(a!.nextMonth.map((i) => [i.itemId, i.finish, i.isStart])).toEqual([
      ['shigong', '2026-12-02', true],
      ['yanshou', '2026-12-16', false],
    ]);
    expect(a!.start).toMatchObject({ plannedStartDate: '2026-12-10', earliestStartDate: '2026-12-02', slackWorkingDays: 6, onTrack: true, achievedDate: null });

    expect(b!.finished.map((f) => [f.itemId, f.date, f.onTime])).toEqual([
      ['lixiang', '2026-11-03', true],
      ['huanping', '2026-11-05', true],
    ]);
    expect(b!.late).toEqual([{ itemId: 'yongdi', name: '建设用地规划许可', department: '区规划和自然资源分局', dueDate: '2026-11-09', workingDaysLate: 15, finished: false }]);
    expect(b!.nextMonth.map((i) => [i.itemId, i.finish])).toEqual([
      ['gongcheng', '2026-12-07'],
      ['shigong', '2026-12-09'],
      ['yanshou', '2026-12-23'],
    ]);
    expect(b!.start).toMatchObject({ earliestStartDate: '2026-12-09', slackWorkingDays: -13, onTrack: false });
    expect(c!.nextMonth).toHaveLength(7);
    expect(r.projects[3]!.start).toBeNull();
  });
  it('totals: 在办, 按期率, 用时 against the promise', () => {
    // 办结 in November: 亿龙 环评 (late, 19 of 10), 亿龙 工程规划 (4 of 5), 星河 立项 (1 of 1), 星河 环评 (0 of 10)
    expect(r.totals).toEqual({
      projects: 4,
      inProgress: 4,
      lateOpen: 2,
      startAtRisk: 1,
      finished: 4,
      onTime: 3,
      onTimeRate: 75,
      averageWorkingDays: 6, // (19 + 4 + 1 + 0) / 4
      averagePromisedWorkingDays: 6.5, // (10 + 5 + 1 + 10) / 4
    });
    expect(r.nextMonth).toEqual({ start: '2026-12-01', end: '2027-01-01', label: '2026年12月' });
  });
  it('by department: most late open first, then the lowest 按期率', () => {
    expect(r.byDepartment).toEqual([
      { department: '区规划和自然资源分局', finished: 1, onTime: 1, onTimeRate: 100, averageWorkingDays: 4, averagePromisedWorkingDays: 5, lateOpen: 1 },
      { department: '区住建局', finished: 0, onTime: 0, onTimeRate: null, averageWorkingDays: null, averagePromisedWorkingDays: null, lateOpen: 1 },
      { department: '区生态环境分局', finished: 2, onTime: 1, onTimeRate: 50, averageWorkingDays: 9.5, averagePromisedWorkingDays: 10, lateOpen: 0 },
      { department: '区发展改革局', finished: 1, onTime: 1, onTimeRate: 100, averageWorkingDays: 1, averagePromisedWorkingDays: 1, lateOpen: 0 },
    ]);
  });
  it('renders in official Chinese, names kept inert', () => {
    const m = renderMonthlyReport(r);
    expect(m).toMatchObject({ format: 'markdown', title: '重点项目月调度（2026年11月）', mentions: [] });
    const lines = m.text.split('\n');
    expect(lines[0]).toBe('## 重点项目月调度（2026年11月）');
    expect(lines[1]).toBe('**总体** 代办项目 4 个，在办 4 个；办结事项 4 个，按期 3 个，按期率 75%；平均用时 6 个工作日（承诺 6.5 个）');
    expect(lines[2]).toBe('**超期** {{warn:在办超期事项 2 个}} · 开工无法按期项目 {{warn:1}} 个');
    expect(m.text).toContain('**1. 亿龙二期（亿龙科技）**\n> 本月办结：环境影响评价（11月4日，超期）、建设工程规划许可（11月6日）');
    expect(m.text).toContain('> 超期：{{warn:环境影响评价（区生态环境分局，超期办结9个工作日）}}、{{warn:施工图审查（区住建局，超期6个工作日）}}');
    expect(m.text).toContain('> 下月计划：施工许可（区住建局，12月2日，开工）、竣工验收（区住建局，12月16日）');
    expect(m.text).toContain('> 开工：可按期（计划12月10日，最早12月2日，余6个工作日）');
    expect(m.text).toContain('> 开工：{{warn:无法按期}}（计划11月20日，最早12月9日，晚13个工作日）');
    expect(m.text).toContain('> 区住建局：办结0 按期率— 平均用时—/—个工作日 在办超期{{warn:1}}');
    expect(m.text).toContain(`**4. 安居小区*${NEUTRAL}*`);
    // a long plan is cut after five items and counted
    expect(m.text).toContain('施工图审查（区住建局，12月4日）、建设工程规划许可（区规划和自然资源分局，12月11日）、环境影响评价（区生态环境分局，12月15日） 等7项');
  });
});

describe('季观摩', () => {
  const v = buildQuarterlyVisits(projects, quarterRange(TODAY), TODAY, cal);
  it('lists the projects in progress furthest behind first: late working days, then slack to 开工', () => {
    expect(v.projects.map((p) => [p.project.name, p.workingDaysBehind, p.start?.slackWorkingDays ?? null])).toEqual([
      ['星河产业园', 15, -13],
      ['亿龙二期', 6, 6],
      ['城东学校', 0, 1],
      ['安居小区**', 0, null],
    ]);
    expect(v.projects[1]).toMatchObject({ done: 4, total: 7, finishedThisQuarter: 4 });
    // 不适用 is done but not 办结
    expect(v.projects[0]).toMatchObject({ done: 3, total: 7, finishedThisQuarter: 2 });
    expect(v.projects[1]!.late.map((l) => l.itemId)).toEqual(['tushen']);
  });
  it('renders', () => {
    const m = renderQuarterlyVisits(v);
    expect(m.title).toBe('重点项目季观摩（2026年第四季度）');
    expect(m.text).toContain('**1. 星河产业园** {{warn:超期1项，合计15个工作日}} · 事项完成 3/7 · 本季办结 2');
    expect(m.text).toContain('**3. 城东学校** 无超期事项 · 事项完成 0/7 · 本季办结 0');
  });
});

describe('年验收', () => {
  const y = buildYearlyReport(projects, yearRange(TODAY), TODAY, cal);
  it("gives each project's year: 办结, 按期率, 用时, 开工 achieved vs planned, 超期", () => {
    const [a, b, c, d] = y.projects;
    // 立项 1, 用地 3, 环评 19 (late), 工程规划 4; promised 1, 3, 10, 5
    expect(a!.stats).toEqual({ finished: 4, onTime: 3, onTimeRate: 75, averageWorkingDays: 6.8, averagePromisedWorkingDays: 4.8 });
    expect(a!.late.map((l) => [l.itemId, l.workingDaysLate])).toEqual([['huanping', 9], ['tushen', 6]]);
    expect(a!.start).toEqual({ plannedStartDate: '2026-12-10', achievedDate: null, met: null });
    expect(b!.stats).toEqual({ finished: 2, onTime: 2, onTimeRate: 100, averageWorkingDays: 0.5, averagePromisedWorkingDays: 5.5 });
    expect(b!.start).toEqual({ plannedStartDate: '2026-11-20', achievedDate: null, met: false });
    expect(c!.start?.met).toBeNull();
    expect(d!.start).toBeNull();
    expect(y.totals).toEqual({
      projects: 4,
      inProgress: 4,
      startPlanned: 3,
      startMet: 0,
      finished: 6,
      onTime: 5,
      onTimeRate: 83.3,
      averageWorkingDays: 4.7, // 28 / 6
      averagePromisedWorkingDays: 5, // 30 / 6
    });
  });
  it('renders', () => {
    const m = renderYearlyReport(y);
    expect(m.title).toBe('重点项目年验收（2026年）');
    expect(m.text).toContain('**开工目标** 年内计划开工 3 个，按期实现 0 个');
    expect(m.text).toContain('**2. 星河产业园**\n> 办结事项 2 个，按期 2 个，按期率 100%；平均用时 0.5 个工作日（承诺 5.5 个）\n> 开工：{{warn:未实现（计划2026年11月20日）}}');
    expect(m.text).toContain('> 开工：计划2026年12月10日，尚未到期\n> 超期：{{warn:环境影响评价（区生态环境分局，超期办结9个工作日）}}、{{warn:施工图审查（区住建局，超期6个工作日）}}');
    expect(m.text).toContain('**3. 城东学校**\n> 无办结事项\n');
  });
});

describe('项目台账', () => {
  it('has a sheet of projects and one of items, frozen headers and real dates', async () => {
    const buf = await buildProjectLedger(projects, { calendar: cal, today: TODAY, now: '2026-11-30T02:00:00.000Z', templateNames: { gongye: '工业仓储类' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ps = wb.getWorksheet('项目')!;
    const is = wb.getWorksheet('事项')!;
    const row = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    expect(row(ps, 1)).toEqual([...PROJECT_LEDGER_HEADERS]);
    expect(row(is, 1)).toEqual([...PROJECT_ITEM_HEADERS]);
    expect(ps.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(is.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(row(ps, 2).map(day)).toEqual(['亿龙二期', '亿龙科技', '工业仓储类', '2026-09-18', '2026-12-10', '2026-12-02', '是', '4/7', 2]);
    expect(row(ps, 3).map(day)).toEqual(['星河产业园', '', '工业仓储类', '2026-10-20', '2026-11-20', '2026-12-09', '否', '3/7', 1]);
    expect(ps.getCell('D2').value).toBeInstanceOf(Date);
    expect(row(ps, 5)[6]).toBe('未定计划');
    // 亿龙二期's 环评: the fourth item
    expect(row(is, 5).map(day)).toEqual(['亿龙二期', '环境影响评价', '区生态环境分局', '已批复', '2026-10-09', 10, '2026-10-22', '2026-11-04', '是', 9]);
    expect(is.rowCount).toBe(1 + 4 * 7);
    // 星河产业园's 图审: 不适用, no dates
    const tushen = row(is, 9 + 4);
    expect(tushen.slice(0, 4)).toEqual(['星河产业园', '施工图审查', '区住建局', '不适用']);
    expect(tushen[7] ?? null).toBeNull();
  });
});
