import { DateTime } from 'luxon';
import { neutralizeUserText, type OutboundMessage } from '../messages/outbound.js';
import type { FinishedStats, LateItem, MonthlyReport, QuarterlyVisits, StartStatus, YearlyReport, YearStart } from '../domain/project-report.js';

/** `{{warn:…}}` is rendered per platform: WeCom's warning colour, DingTalk bold, plain text as is. */
const warn = (s: string) => `{{warn:${s}}}`;
/** Project, enterprise, item and department names came from people (imports, chat): shown as typed, never acted on. */
const u = (s: string | null | undefined) => (s ? neutralizeUserText(s) : '');
const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
const days = (n: number | null) => (n === null ? '—' : `${n}`);
/** 2026-11-05 → 11月5日 (the year is the report's). */
const md = (date: string) => DateTime.fromISO(date).toFormat('M月d日');
const ymd = (date: string) => DateTime.fromISO(date).toFormat('yyyy年M月d日');
const name = (p: { name: string; enterprise?: string | null }) => `${u(p.name)}${p.enterprise ? `（${u(p.enterprise)}）` : ''}`;

/** The most items of next month's plan listed per project; the rest are counted. */
const PLAN_SHOWN = 5;
const list = <T>(xs: readonly T[], show: (x: T) => string, max = xs.length) =>
  xs.length ? `${xs.slice(0, max).map(show).join('、')}${xs.length > max ? ` 等${xs.length}项` : ''}` : '无';
const lateText = (l: LateItem) => warn(`${u(l.name)}（${u(l.department)}，${l.finished ? '超期办结' : '超期'}${l.workingDaysLate}个工作日）`);

const stats = (s: FinishedStats) =>
  s.finished === 0
    ? '无办结事项'
    : `办结事项 ${s.finished} 个，按期 ${s.onTime} 个，按期率 ${pct(s.onTimeRate)}；平均用时 ${days(s.averageWorkingDays)} 个工作日（承诺 ${days(s.averagePromisedWorkingDays)} 个）`;

function startLine(s: StartStatus | null): string {
  if (!s) return '开工：未定计划开工日期';
  if (s.achievedDate) {
    return s.onTrack ? `开工：已于${md(s.achievedDate)}具备开工条件（计划${md(s.plannedStartDate)}）` : `开工：${warn(`${md(s.achievedDate)}具备开工条件，晚于计划${md(s.plannedStartDate)}`)}`;
  }
  return s.onTrack
    ? `开工：可按期（计划${md(s.plannedStartDate)}，最早${md(s.earliestStartDate)}，余${s.slackWorkingDays}个工作日）`
    : `开工：${warn(`无法按期`)}（计划${md(s.plannedStartDate)}，最早${md(s.earliestStartDate)}，晚${-s.slackWorkingDays}个工作日）`;
}

/** 月调度: totals, then each project (办结 / 超期 / 下月计划 / 开工), then by department. */
export function renderMonthlyReport(r: MonthlyReport): OutboundMessage {
  const title = `重点项目月调度（${r.month.label}）`;
  const t = r.totals;
  const lines: string[] = [
    `## ${title}`,
    `**总体** 代办项目 ${t.projects} 个，在办 ${t.inProgress} 个；${stats(t)}`,
    `**超期** ${t.lateOpen > 0 ? warn(`在办超期事项 ${t.lateOpen} 个`) : '在办超期事项 0 个'} · 开工无法按期项目 ${t.startAtRisk > 0 ? warn(String(t.startAtRisk)) : '0'} 个`,
    `> 超期、开工、下月计划统计截至 ${ymd(r.today)}`,
  ];
  r.projects.forEach((p, n) => {
    lines.push(`**${n + 1}. ${name(p.project)}**${p.inProgress ? '' : '（审批事项已全部完成）'}`);
    lines.push(`> 本月办结：${list(p.finished, (f) => `${u(f.name)}（${md(f.date)}${f.onTime ? '' : '，超期'}）`)}`);
    if (p.late.length) lines.push(`> 超期：${list(p.late, lateText)}`);
    lines.push(`> 下月计划：${list(p.nextMonth, (i) => `${u(i.name)}（${u(i.department)}，${md(i.finish)}${i.isStart ? '，开工' : ''}）`, PLAN_SHOWN)}`);
    lines.push(`> ${startLine(p.start)}`);
  });
  if (!r.projects.length) lines.push('> 暂无代办项目');
  if (r.byDepartment.length) {
    lines.push('**分部门**');
    for (const d of r.byDepartment) {
      lines.push(
        `> ${u(d.department)}：办结${d.finished} 按期率${pct(d.onTimeRate)} 平均用时${days(d.averageWorkingDays)}/${days(d.averagePromisedWorkingDays)}个工作日 在办超期${d.lateOpen > 0 ? warn(String(d.lateOpen)) : '0'}`,
      );
    }
  }
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}

/** 季观摩: the projects to visit, furthest behind first, with why. */
export function renderQuarterlyVisits(v: QuarterlyVisits): OutboundMessage {
  const title = `重点项目季观摩（${v.quarter.label}）`;
  const lines: string[] = [`## ${title}`, `> 按落后程度排序：在办超期工作日合计，其次距计划开工的余量；统计截至 ${ymd(v.today)}`];
  if (!v.projects.length) lines.push('> 暂无在办代办项目');
  v.projects.forEach((p, n) => {
    const behind = p.workingDaysBehind > 0 ? warn(`超期${p.late.length}项，合计${p.workingDaysBehind}个工作日`) : '无超期事项';
    lines.push(`**${n + 1}. ${name(p.project)}** ${behind} · 事项完成 ${p.done}/${p.total} · 本季办结 ${p.finishedThisQuarter}`);
    if (p.late.length) lines.push(`> 超期：${p.late.map((l) => `${u(l.name)}（${u(l.department)}，${l.workingDaysLate}个工作日）`).join('、')}`);
    lines.push(`> ${startLine(p.start)}`);
  });
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}

function yearStart(s: YearStart | null): string {
  if (!s) return '开工：未定计划开工日期';
  if (s.met === true) return `开工：已实现（${md(s.achievedDate!)}，计划${md(s.plannedStartDate)}）`;
  if (s.met === false) {
    return s.achievedDate
      ? `开工：${warn(`未按期（${ymd(s.achievedDate)}，计划${ymd(s.plannedStartDate)}）`)}`
      : `开工：${warn(`未实现（计划${ymd(s.plannedStartDate)}）`)}`;
  }
  return `开工：计划${ymd(s.plannedStartDate)}，尚未到期`;
}

/** 年验收: the year's totals and each project's result. */
export function renderYearlyReport(r: YearlyReport): OutboundMessage {
  const title = `重点项目年验收（${r.year.label}）`;
  const t = r.totals;
  const lines: string[] = [
    `## ${title}`,
    `**总体** 代办项目 ${t.projects} 个，在办 ${t.inProgress} 个；${stats(t)}`,
    `**开工目标** 年内计划开工 ${t.startPlanned} 个，按期实现 ${t.startMet} 个`,
    `> 统计截至 ${ymd(r.today)}`,
  ];
  r.projects.forEach((p, n) => {
    lines.push(`**${n + 1}. ${name(p.project)}**${p.inProgress ? '' : '（审批事项已全部完成）'}`);
    lines.push(`> ${stats(p.stats)}`);
    lines.push(`> ${yearStart(p.start)}`);
    if (p.late.length) lines.push(`> 超期：${list(p.late, lateText)}`);
  });
  if (!r.projects.length) lines.push('> 暂无代办项目');
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}
