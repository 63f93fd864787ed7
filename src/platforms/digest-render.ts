import { neutralizeUserText, type OutboundMessage } from '../messages/outbound.js';
import type { DigestModel, Period, PeriodNumbers } from '../domain/digest.js';
import type { DigestWithVisits } from '../domain/visit-report.js';
import { visitDigestLines } from './visit-render.js';
import type { DigestFocus } from '../domain/parse/digest-request.js';
import { CATEGORIES, type Category } from '../domain/ticket.js';
import { MIN_ENTERPRISES, WINDOW_DAYS, type CommonIssueGroup } from '../domain/common-issues.js';
import { WINDOWS } from '../domain/similarity.js';

const NAMES: Record<Period, string> = { day: '日报', week: '周报', month: '月报', year: '年报' };
const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
const delta = (now: number, before: number) => {
  const d = now - before;
  return d === 0 ? '持平' : d > 0 ? `+${d}` : `${d}`;
};
/** `{{warn:…}}` is rendered per platform: WeCom's warning colour, DingTalk bold, plain text as is. */
const warn = (s: string) => `{{warn:${s}}}`;
/** Names and summaries came from people: their `{{…}}`, `<@…>` or `**` are shown as typed. */
const u = (s: string | null | undefined) => (s ? neutralizeUserText(s) : s);

/**
 * 共性问题 as digest lines, one per group, the largest first: "共性问题：4家企业反映 钱塘园区 变压器增容（#12 #15 #19 #21）";
 * at most `max`, then how many more. No line when there is no group. The phrase comes from the tickets' summaries
 * (people's words): shown as typed. For leaders only, as the rest of the digest: it names several enterprises' tickets.
 */
export function renderCommonIssueLines(groups: readonly CommonIssueGroup[], max = 5): string[] {
  const lines = groups.slice(0, max).map((g) => `共性问题：${u(g.label)}（${g.tickets.map((no) => `#${no}`).join(' ')}）`);
  if (groups.length > max) lines.push(`> 另有 ${groups.length - max} 组共性问题，见领导看板。`);
  return lines;
}

/** "No overdue ticket", said of the moment the stock was read: now (a running period, or read when sent), or the period's end. */
const noneOverdue = (d: DigestModel): string =>
  d.period.period === 'day' ? '> 今日无超期' : d.openAtLabel || d.at < d.period.end ? '> 目前无超期' : '> 期末无超期';

/** The digest as one platform-neutral markdown message (no phone numbers: none are in the model). */
/** `dashboardUrl`: the workbench's dashboard, linked at the end (when the bot has a public address). */
export function renderDigest(d: DigestWithVisits, opts: { rankingOnly?: boolean; dashboardUrl?: string } = {}): OutboundMessage {
  const n: PeriodNumbers = d.numbers;
  const p: PeriodNumbers = d.previous;
  const title = `助企服务${NAMES[d.period.period]}（${d.period.label}）`;
  const lines: string[] = [`## ${title}`];
  if (!opts.rankingOnly) {
    lines.push(
      `**受理** 新增 ${n.newTickets}（${delta(n.newTickets, p.newTickets)}） · 办结 ${n.answered}（${delta(n.answered, p.answered)}） · 在办 ${n.open}（${delta(n.open, p.open)}）`,
      ...(d.openAtLabel ? [`> 在办、超期统计截至 ${d.openAtLabel}`] : []),
      `> 在办账龄：≤5个工作日 ${n.openByAge.upTo5} · 6–15个 ${n.openByAge.from6To15} · >15个 ${n.openByAge.over15}`,
      `> 年度累计：受理 ${d.ytd.newTickets} · 办结 ${d.ytd.answered} · 销号 ${d.ytd.closed}`,
      `**响应率** ${pct(d.responseRate.rate)}（近30天 ${d.responseRate.onTime}/${d.responseRate.due}） · **破解率** ${pct(d.solveRate.rate)}（年度 ${d.solveRate.solved}/${d.solveRate.base}）`,
      `**满意率** ${pct(d.satisfaction.period.rate)}（本期 ${d.satisfaction.period.good}/${d.satisfaction.period.rated}，参评率 ${pct(d.satisfaction.period.participation)}） · 年度 ${pct(d.satisfaction.ytd.rate)}`,
    );
    if (d.satisfaction.bad.length) {
      lines.push(`**差评 ${d.satisfaction.bad.length} 件**`, ...d.satisfaction.bad.map((b) => `> #${b.no} ${u(b.enterprise) ?? ''} ${b.level} · 责任人 ${u(b.assignee) ?? '—'}`));
    }
    const overdueHead = d.overdue.count > 0 ? warn(`超期 ${d.overdue.count} 件`) : '超期 0 件';
    lines.push(`**${overdueHead}**（超期率 ${pct(d.overdue.rate)}，较上期 ${delta(n.overdue, p.overdue)}） · 即将超期 ${d.overdue.dueSoon} 件`);
    if (d.overdue.top.length === 0) lines.push(noneOverdue(d));
    for (const r of d.overdue.top) {
      lines.push(
        `> #${r.no} ${u(r.enterprise) ?? '—'} · ${u(r.summary)} · 责任人 ${u(r.assignee) ?? '—'} · 包联 ${u(r.leader) ?? '—'} · ${warn(`超期${r.workingDaysOverdue}个工作日`)}${r.escalations ? ` · 督办${r.escalations}次` : ''}`,
      );
    }
    // 待确认分类: open tickets whose category the bot was not sure of (a person checks them: 待确认)
    lines.push(`**待确认分类** ${d.triage} 件`);
    // 回潮: problems answered before and reported again in the period (their earlier tickets no longer count as 破解)
    lines.push(`**回潮** ${d.recurrences ?? 0} 件`);
    lines.push(...renderCommonIssueLines(d.common ?? []));
    if (d.categories.length) {
      lines.push(`**类别** ${d.categories.map((c) => `${c.label} ${c.newTickets}/${c.open}`).join(' · ')}（新增/在办）`);
    }
    // 助企走访: a short line for a day or a week, coverage and 破解率 for a month (a year: its last month and the year)
    // (left out where nobody logs visits: a district not using 助企走访 reads no line of zeros)
    if (d.visits && d.visits.ytd.visits > 0) lines.push(...visitDigestLines(d.visits, d.period.period === 'year' ? 'month' : d.period.period));
  }
  if (opts.rankingOnly) {
    // rankings read best as tables (WeCom markdown_v2; lines where tables do not render)
    const table = (title: string, rows: DigestModel['byCadre']) => [
      `**${title}**`,
      '| 名次 | 名称 | 在办 | 超期 | 办结 | 满意/参评 |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map((r, i) => `| ${i + 1} | ${u(r.name)} | ${r.open} | ${r.overdue} | ${r.answered} | ${r.satisfied}/${r.rated} |`),
    ];
    if (d.byDepartment.length) lines.push(...table('部门排名', d.byDepartment));
    if (d.byCadre.length) lines.push(...table('干部排名', d.byCadre));
    // (found trying the product: "上周排名" over a week without a ticket answered with its heading alone)
    if (!d.byDepartment.length && !d.byCadre.length) lines.push('本期没有可排名的数据：无在办、新增或办结问题。');
    if (opts.dashboardUrl) lines.push(`[打开领导看板](${opts.dashboardUrl})`);
    return { format: 'table', title, text: lines.join('\n'), mentions: [] };
  }
  const rankLine = (r: DigestModel['byCadre'][number]) => `${u(r.name)}：在办${r.open} 超期${r.overdue > 0 ? warn(String(r.overdue)) : '0'} 办结${r.answered}${r.rated ? ` 满意${r.satisfied}/${r.rated}` : ''}`;
  if (d.byDepartment.length) lines.push('**部门排名**', ...d.byDepartment.map((r, i) => `> ${i + 1}. ${rankLine(r)}`));
  if (d.byCadre.length) lines.push('**干部排名**', ...d.byCadre.map((r, i) => `> ${i + 1}. ${rankLine(r)}`));
  if (opts.dashboardUrl) lines.push(`[打开领导看板](${opts.dashboardUrl})`);
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}

/**
 * One figure of the digest, as a leader asked for it in plain words ("破解率多少了", "本月满意率怎么样", "这周超期的有哪些",
 * "看看这个月用工类的问题"): the figure, its basis and, where it has one, its list — from the same model as the whole
 * digest, so the numbers are the digest's.
 */
export function renderDigestFigure(d: DigestWithVisits, focus: Exclude<DigestFocus, 'all' | 'ranking'>, category: Category | null): OutboundMessage {
  const n = d.numbers;
  const p = d.previous;
  const title = `助企服务数据（${d.period.label}）`;
  const lines: string[] = [`**${title}**`];
  // (the local date that names the period: its start instant is the day before in UTC on January 1)
  const year = d.period.key.slice(0, 4);
  switch (focus) {
    case 'solve':
      lines.push(`**破解率** ${pct(d.solveRate.rate)}（${year}年累计：已破解 ${d.solveRate.solved} 件，计入 ${d.solveRate.base} 件）`, '> 已破解：已解决（或部分解决且企业满意）并销号、未重办的问题；未到期的在办问题不计入。');
      // ("本周破解率多少": the rate is the year's; what the asked period itself did is its 办结)
      // (the period's 办结 — answers given — beside it, named by its dates: not a 破解 count, and no change on a period
      // that may still be running)
      if (d.period.period !== 'year') {
        const unit = ({ day: '日', week: '周', month: '月' } as const)[d.period.period];
        lines.push(`> 破解率按年度累计，不按${unit}单独计算；${d.period.label}办结（答复）${n.answered} 件。`);
      }
      break;
    case 'response':
      lines.push(`**响应率** ${pct(d.responseRate.rate)}（近30天按时签收或回复 ${d.responseRate.onTime}/${d.responseRate.due} 件）`);
      break;
    case 'satisfaction':
      lines.push(
        `**满意率** ${pct(d.satisfaction.period.rate)}（本期满意 ${d.satisfaction.period.good}/${d.satisfaction.period.rated}，参评率 ${pct(d.satisfaction.period.participation)}）`,
        `> 年度满意率 ${pct(d.satisfaction.ytd.rate)}（${d.satisfaction.ytd.good}/${d.satisfaction.ytd.rated}）`,
        ...(d.satisfaction.bad.length ? [`**差评 ${d.satisfaction.bad.length} 件**`, ...d.satisfaction.bad.map((b) => `> #${b.no} ${u(b.enterprise) ?? ''} ${b.level} · 责任人 ${u(b.assignee) ?? '—'}`)] : ['> 本期无差评']),
      );
      break;
    case 'overdue': {
      const head = d.overdue.count > 0 ? warn(`超期 ${d.overdue.count} 件`) : '超期 0 件';
      lines.push(`**${head}**（超期率 ${pct(d.overdue.rate)}，较上期 ${delta(n.overdue, p.overdue)}） · 即将超期 ${d.overdue.dueSoon} 件`);
      if (d.overdue.top.length === 0) lines.push(noneOverdue(d));
      for (const r of d.overdue.top) lines.push(`> #${r.no} ${u(r.enterprise) ?? '—'} · ${u(r.summary)} · 责任人 ${u(r.assignee) ?? '—'} · ${warn(`超期${r.workingDaysOverdue}个工作日`)}`);
      break;
    }
    case 'flow':
      lines.push(
        `**受理** 新增 ${n.newTickets}（${delta(n.newTickets, p.newTickets)}） · 办结 ${n.answered}（${delta(n.answered, p.answered)}） · 在办 ${n.open}（${delta(n.open, p.open)}）`,
        `> 年度累计：受理 ${d.ytd.newTickets} · 办结 ${d.ytd.answered} · 销号 ${d.ytd.closed}`,
      );
      break;
    case 'common': {
      // (the groups stand now, whatever the period: open problems of several enterprises, created within 30 days)
      const groups = d.common ?? [];
      lines.push(`**共性问题** ${groups.length} 组`, ...(groups.length ? renderCommonIssueLines(groups, 10) : [`> 目前没有共性问题（${MIN_ENTERPRISES}家及以上企业近${WINDOW_DAYS}天反映的同类在办问题）`]));
      if (groups.length) lines.push('> 如需合并办理，请回复“共性 #牵头工单 #其他工单”，例如“共性 #12 #15 #19”。');
      break;
    }
    case 'recurrence':
      lines.push(`**回潮** 本期 ${d.recurrences ?? 0} 件`, `> 回潮：企业已办结${WINDOWS.closedDays}天内的问题再次反映；原工单不再计入破解率。`);
      break;
    case 'categories':
      // every category with a new or an open problem, most new first ("这周新增的问题按类别分一下")
      lines.push(
        ...(d.categories.length
          ? [`**按类别**（新增/在办）`, ...[...d.categories].sort((a, b) => b.newTickets - a.newTickets || b.open - a.open).map((c) => `> ${c.label} ${c.newTickets}/${c.open}`)]
          : ['> 本期无新增，目前无在办问题']),
      );
      break;
    case 'category': {
      const c = category ? d.categories.find((x) => x.category === category) : undefined;
      const label = category ? CATEGORIES[category] : '该类别';
      lines.push(c ? `**${label}** 本期新增 ${c.newTickets} 件 · 目前在办 ${c.open} 件` : `**${label}** 本期无新增，目前无在办问题`);
      break;
    }
  }
  lines.push('> 发送“简报”“周报”“月报”可查看完整数据。');
  return { format: 'markdown', title, text: lines.join('\n'), mentions: [] };
}
