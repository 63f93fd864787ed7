import { DateTime } from 'luxon';
import { neutralizeUserText, type OutboundMessage } from '../messages/outbound.js';
import type { SolveRate } from '../domain/digest.js';
import type { EnterpriseCoverage, MyVisits, VisitFigures, VisitPeriod, VisitReport } from '../domain/visit-report.js';
import { VISIT_MODES, visitCadres, visitRef, type Visit } from '../domain/visit.js';

/** `{{warn:…}}` is rendered per platform: WeCom's warning colour, DingTalk bold, plain text as is. */
const warn = (s: string) => `{{warn:${s}}}`;
/** Names and notes came from people: their `{{…}}`, `<@…>` or `**` are shown as typed. */
const u = (s: string | null | undefined) => (s ? neutralizeUserText(s) : '');
const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
/** 2026-11-28 → 11月28日. */
const md = (date: string) => DateTime.fromISO(date).toFormat('M月d日');
/** The first `max` items joined with 、, then "等N家" (N the whole count). */
const list = <T>(xs: readonly T[], show: (x: T) => string, max: number, unit: string) =>
  `${xs.slice(0, max).map(show).join('、')}${xs.length > max ? ` 等${xs.length}${unit}` : ''}`;

const WHEN: Record<VisitPeriod, string> = { day: '当日', week: '本周', month: '本月' };
/** The most names listed in one line of a digest or overview; the rest are counted. */
const LISTED = 10;

const flows = (f: VisitFigures) => `${f.visits} 批次、${f.personVisits} 人次，服务企业 ${f.enterprises} 家，发现问题 ${f.problems} 个`;
const rateText = (r: SolveRate) => `${pct(r.rate)}（${r.solved}/${r.base}）`;
const enterpriseText = (e: EnterpriseCoverage) => `${u(e.name)}（专员 ${e.commissionerName ? u(e.commissionerName) : '未指定'}）`;

/**
 * 助企走访 lines for the digest: one line for a day or a week; for a month also coverage, the key enterprises nobody
 * visited, 破解率 of the problems found on visits against the overall one, and the year to date.
 */
export function visitDigestLines(r: VisitReport, period: VisitPeriod): string[] {
  const f = r.figures;
  // a day's digest may span a weekend or a holiday (from the last working day): its own label says which days
  const lines = [`助企走访：${period === 'day' ? r.period.label : WHEN[period]} ${flows(f)}`];
  if (period !== 'month') return lines;
  lines[0] += `（已建单 ${f.ticketed} 个，已破解 ${f.solved} 个），参与干部 ${f.cadres} 名`;
  const c = r.coverage;
  const ke = c.keyEnterprises;
  lines.push(
    `> 重点企业覆盖 ${ke.covered}/${ke.total}（${pct(ke.rate)}） · 重点项目覆盖 ${c.projects.covered}/${c.projects.total}（${pct(c.projects.rate)}）`,
  );
  if (c.unvisitedEnterprises.length) {
    lines.push(`> ${warn(`未走访重点企业 ${c.unvisitedEnterprises.length} 家`)}：${list(c.unvisitedEnterprises, enterpriseText, LISTED, '家')}`);
  }
  lines.push(`> 走访发现问题破解率 ${rateText(r.solveRate.visits)} · 总体破解率 ${rateText(r.solveRate.overall)}（年度）`);
  lines.push(`> 年度累计：${flows(r.ytd)}，已破解 ${r.ytd.solved} 个`);
  return lines;
}

/** 走访情况 for leaders: this month's coverage by department and 专班, cadres with no visit, key enterprises nobody visited. */
export function renderVisitOverview(r: VisitReport): OutboundMessage {
  const title = `助企走访情况（${r.month.label}）`;
  const lines: string[] = [`## ${title}`, ...visitDigestLines(r, 'month')];
  if (r.end < r.month.end) lines.push(`> 统计截至 ${DateTime.fromISO(r.windows.month.to).minus({ days: 1 }).toFormat('M月d日')}`);
  if (r.byDepartment.length) {
    lines.push('**分部门**');
    for (const d of r.byDepartment) {
      const keys = d.keyEnterprises ? `，联系重点企业覆盖 ${d.keyEnterprisesCovered}/${d.keyEnterprises}` : '';
      lines.push(`> ${u(d.department)}：干部 ${d.cadres} 名，已走访 ${d.cadresVisited} 名，走访 ${d.visits} 批次${keys}`);
    }
  }
  if (r.byTaskforce.length) {
    lines.push('**分专班**');
    for (const t of r.byTaskforce) {
      lines.push(`> ${u(t.projectName)}专班：成员 ${t.members} 名，已走访 ${t.membersVisited} 名，项目${t.projectVisited ? `已走访 ${t.projectVisits} 批次` : warn('本月未走访')}`);
    }
  }
  const idle = r.cadresWithoutVisit;
  lines.push(idle.length ? `**本月未走访干部 ${idle.length} 名**：${list(idle, (p) => u(p.name), 20, '名')}` : '**本月未走访干部** 无');
  const none = r.coverage.unvisitedEnterprises;
  lines.push(none.length ? `**未走访重点企业 ${none.length} 家**：${list(none, enterpriseText, LISTED, '家')}` : '**未走访重点企业** 无');
  if (r.coverage.unvisitedProjects.length) {
    lines.push(`**未走访重点项目 ${r.coverage.unvisitedProjects.length} 个**：${list(r.coverage.unvisitedProjects, (p) => u(p.name), LISTED, '个')}`);
  }
  if (r.unlinked.length) lines.push(`> 另有 ${r.unlinked.length} 条走访记录的企业未在名录中，请管理员关联。`);
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}

/** One visit, one line: "V12 11月28日 上门 亿龙置业 · 发现问题2个（已建单 #31 #32）". */
export function visitLine(v: Visit, personId?: string): string {
  const made = v.problems.flatMap((p) => (p.ticketNo === null ? [] : [`#${p.ticketNo}`]));
  const pending = v.problems.length - made.length;
  const tickets = [made.length ? `已建单 ${made.join(' ')}` : '', pending ? `待建单${pending}个` : ''].filter(Boolean).join('，');
  const problems = v.problems.length ? ` · 发现问题${v.problems.length}个（${tickets}）` : '';
  const others = visitCadres(v).filter((c) => !personId || c.personId !== personId);
  const withWhom = others.length ? ` · 同行 ${others.map((c) => u(c.name)).join('、')}` : '';
  return `${visitRef(v.no)} ${md(v.date)} ${VISIT_MODES[v.mode]} ${u(v.enterpriseName)}${problems}${withWhom}`;
}

/** 我的走访: this month's visits, one line each, and the key enterprises assigned to me not yet visited this month. */
export function renderMyVisits(mine: MyVisits): OutboundMessage {
  const title = `我的走访（${mine.month.label}）`;
  const lines: string[] = [`## ${title}`];
  lines.push(mine.visits.length ? `本月走访 ${mine.visits.length} 次：` : '本月暂无走访记录。');
  for (const v of mine.visits) lines.push(`> ${visitLine(v, mine.personId)}`);
  if (mine.assigned > 0) {
    lines.push(
      mine.notVisited.length
        ? `**联系的重点企业本月尚未走访 ${mine.notVisited.length} 家**：${mine.notVisited.map((e) => u(e.name)).join('、')}`
        : `联系的 ${mine.assigned} 家重点企业本月均已走访。`,
    );
  }
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}
