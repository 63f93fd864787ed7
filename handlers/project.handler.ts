import { DateTime } from 'luxon';
import type { BotContext, Handler } from '../src/bot/context.js';
import type { BusinessCalendar } from '../src/domain/calendar.js';
import type { Project } from '../src/domain/directory.js';
import { parseRequestedDate } from '../src/domain/parse/dates.js';
import { authorize, mayShowProjectIn, mayUpdateProject } from '../src/domain/permissions.js';
import {
  checkStartPlan,
  isFinished,
  isItemLate,
  isSatisfied,
  ITEM_STATES,
  itemLateness,
  matchItem,
  owedDocuments,
  parseItemState,
  schedulePath,
  type ItemAction,
  type ItemEvent,
  type ItemState,
  type PathItem,
  type ProjectPath,
} from '../src/domain/project-path.js';
import { answer, cnDate, compose, here } from './common.js';

/**
 * 项目代办 in chat: `项目 亿龙二期` shows the project's approval path; `亿龙二期 施工许可 已申报` (已批复, 容缺受理 缺：…,
 * 不适用, 预计12月5日, 准备材料, 补齐：…) changes one item. Only a message of exactly that shape is an update: anything
 * else naming a project (`亿龙二期 桩基离污水井太近`) goes on to become a ticket.
 */

/** Words of a state change at the end of an update, longest first. */
const STATE_PHRASE =
  '已申报|申报|已提交|已报送|已受理|已批复|批复|已批|已办结|已取得|已拿证|已发证|不适用|无需办理|免办|准备材料|准备中|材料准备|退回补正';
const CARD = /^(?:查看)?项目(?:进度|代办|卡片)?\s*(.+)$/;
/** An item's name as people type it: short, and no words of a complaint or a question. */
const ITEM_PART = /^[^，,。；;？?！!]{1,16}$/;
const NOT_AN_ITEM = /[没未还难慢拖吗呢怎为催]/;

type Command =
  | { kind: 'card'; project: Project }
  | { kind: 'unknown_project'; name: string }
  | { kind: 'update'; project: Project; itemText: string; action: ItemAction | { invalid: string } };
type UpdateAction = Extract<Command, { kind: 'update' }>['action'];

const ACTION_OF: Record<Exclude<ItemState, 'not_started' | 'accepted_pending'>, ItemAction['type']> = {
  preparing: 'prepare',
  submitted: 'submit',
  approved: 'approve',
  not_applicable: 'not_applicable',
};

function readCommand(ctx: BotContext): Command | null {
  const t = ctx.parsed.normalized.replace(/^@\S+\s*/, '').trim();
  if (!t) return null;
  const dir = ctx.directory;
  const card = CARD.exec(t);
  if (card) {
    const name = card[1]!.trim();
    const found = dir.findProjectIn(name);
    if (found) return { kind: 'card', project: found.project };
    // `项目 X` with a short name and no question: a project we do not know
    return name.length <= 20 && !/[，,。？?]/.test(name) && !ctx.parsed.ticket ? { kind: 'unknown_project', name } : null;
  }
  const found = dir.findProjectIn(t);
  if (!found || !t.startsWith(found.name)) return null;
  const rest = t.slice(found.name.length).replace(/^[\s:：,，]+/, '');
  const now = DateTime.fromISO(ctx.now, { zone: ctx.sla.calendar.timezone });
  const item = (s: string) => {
    const x = s.trim();
    return ITEM_PART.test(x) && !NOT_AN_ITEM.test(x) ? x : null;
  };
  const update = (itemText: string | null, action: UpdateAction): Command | null =>
    itemText ? { kind: 'update' as const, project: found.project, itemText, action } : null;
  let m: RegExpExecArray | null;
  if ((m = /^(.+?)\s*预计\s*(.+?)\s*(?:前)?\s*(?:批复|办结|完成|取得|拿证)?$/.exec(rest))) {
    const date = parseRequestedDate(m[2]!, now, ctx.sla.calendar);
    return update(item(m[1]!), date ? { type: 'expect', date } : { invalid: `未能识别预计日期「${m[2]}」，请写明如「预计12月5日」。` });
  }
  if ((m = /^(.+?)\s*容缺(?:受理)?\s*(?:[，,；;]?\s*缺[:：]?\s*(.*))?$/.exec(rest))) {
    const missing: { name: string; dueDate: string }[] = [];
    for (const part of (m[2] ?? '').split(/[；;]/).map((x) => x.trim()).filter(Boolean)) {
      const dm = /^(.+?)[\s，,]*((?:\d{4}\s*[年\-/.]\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[月\-/.]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]?)\s*(?:前|之前|以前)?\s*(?:补齐|补交|补正|提交|补充)?$/.exec(part);
      const dueDate = dm ? parseRequestedDate(dm[2]!, now, ctx.sla.calendar) : null;
      if (!dm || !dueDate) return update(item(m[1]!), { invalid: `容缺材料「${part}」须写明补齐日期，如「缺：日照分析报告，12月10日前补齐」。` });
      missing.push({ name: dm[1]!.replace(/[，,\s]+$/, ''), dueDate });
    }
    return update(item(m[1]!), { type: 'accept_pending', missing });
  }
  if ((m = /^(.+?)\s*(?:已)?补齐\s*[:：]?\s*(.+)$/.exec(rest))) {
    return update(item(m[1]!), { type: 'supply', documents: m[2]!.split(/[、，,；;\s]+/).filter(Boolean) });
  }
  if ((m = new RegExp(`^(.+?)\\s*(${STATE_PHRASE})\\s*(?:[，,。]\\s*(.*))?$`).exec(rest))) {
    const state = parseItemState(m[2]!);
    if (!state || state === 'not_started' || state === 'accepted_pending') return null;
    const note = m[3]?.trim();
    return update(item(m[1]!), { type: ACTION_OF[state], ...(note ? { note } : {}) } as ItemAction);
  }
  return null;
}


/** Working days, as 工作日 in a sentence. */
const wd = (n: number) => `${n}个工作日`;

function itemLine(item: PathItem, extra: string): string {
  return `> ${item.name}（${ITEM_STATES[item.state]}）· ${item.department}${extra ? ` · ${extra}` : ''}`;
}

/** The project's card: counts, late items, the next three due, the critical path and the planned 开工. */
export function projectCard(project: Project, path: ProjectPath, today: string, cal: BusinessCalendar): string[] {
  const schedule = schedulePath(path, today, cal);
  const done = path.items.filter((i) => i.state === 'approved' || i.state === 'accepted_pending');
  const na = path.items.filter((i) => i.state === 'not_applicable');
  const open = path.items.filter((i) => i.state === 'submitted');
  const late = path.items.filter((i) => isItemLate(i, today, cal));
  const waiting = path.items.filter((i) => i.state === 'not_started' || i.state === 'preparing');
  const D = (d: string) => cnDate(d, today);
  const nameOf = (id: string) => path.items.find((i) => i.id === id)?.name ?? id;
  const lines = [
    `**项目代办 · ${project.name}**`,
    `> 事项 ${path.items.length} 项：已完成 ${done.length}，办理中 ${open.length}（超期 ${late.length}），未申报 ${waiting.length}${na.length ? `，不适用 ${na.length}` : ''}`,
  ];
  if (late.length) {
    lines.push('**超期事项**');
    for (const i of late) lines.push(itemLine(i, `承诺 ${D(i.dueDate!)} · 超期${wd(itemLateness(i, today, cal))}`));
  }
  const next = path.items
    .filter((i) => !isFinished(i.state) && !isItemLate(i, today, cal))
    .map((i) => ({ i, date: i.state === 'submitted' ? (i.expectedDate ?? i.dueDate!) : schedule.items[i.id]!.finish! }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.i.name.localeCompare(b.i.name))
    .slice(0, 3);
  if (next.length) {
    lines.push('**接下来到期**');
    for (const { i, date } of next) {
      const label = i.state === 'submitted' ? (i.expectedDate ? '预计' : '承诺') : '最早可批复';
      lines.push(itemLine(i, `${label} ${D(date)}`));
    }
  }
  const owed = owedDocuments(path, today, cal);
  if (owed.length) {
    lines.push('**容缺待补材料**');
    for (const o of owed) lines.push(`> ${o.itemName}：${o.document.name}，${D(o.document.dueDate)}前补齐${o.daysLate ? `（已逾期${wd(o.daysLate)}）` : ''}`);
  }
  const startName = nameOf(path.startItem);
  if (schedule.criticalPath.length) lines.push(`**关键路径**：${schedule.criticalPath.map(nameOf).join(' → ')}`);
  lines.push(`> 最早可开工（${startName}批复）：${D(schedule.earliestStartDate)}`);
  const plan = checkStartPlan(path, schedule, cal);
  if (plan) {
    const left = plan.plannedStartDate >= today ? cal.workingDaysBetween(today, plan.plannedStartDate) : 0;
    lines.push(`> 计划开工：${D(plan.plannedStartDate)}（距今${wd(left)}）`);
    if (plan.impossible) lines.push(`**计划开工已无法实现**：最早${D(plan.earliestStartDate)}才能开工，晚于计划${wd(-plan.slackWorkingDays)}。`);
    else lines.push(`> 按期开工尚有余量${wd(plan.slackWorkingDays)}。`);
  }
  return lines;
}

/** The answer to a change (also to a repeat of it). */
function changeAnswer(project: Project, path: ProjectPath, item: PathItem, event: ItemEvent, today: string, cal: BusinessCalendar): string {
  const D = (d: string) => cnDate(d, today);
  const head = `已登记：${project.name}「${item.name}」`;
  const parts: string[] = [];
  switch (event.type) {
    case 'submit':
      parts.push(`${head}已申报（${item.department}），承诺时限${wd(item.promisedWorkingDays)}，应于${D(item.dueDate!)}前批复。`);
      break;
    case 'approve': {
      const late = itemLateness(item, today, cal);
      parts.push(`${head}已批复${late ? `，超出承诺时限${wd(late)}` : ''}。`);
      break;
    }
    case 'accept_pending': {
      const docs = item.missingDocuments.filter((d) => !d.suppliedAt).map((d) => `${d.name}（${D(d.dueDate)}前）`);
      parts.push(`${head}容缺受理，待补材料：${docs.join('、')}。`);
      break;
    }
    case 'not_applicable':
      parts.push(`${head}本项目不适用。`);
      break;
    case 'prepare':
      parts.push(`${head}准备材料${event.from === 'submitted' ? '（退回补正，时限待重新申报后起算）' : ''}。`);
      break;
    case 'supply':
      parts.push(`${head}已补齐：${((event.data?.supplied as string[] | undefined) ?? []).join('、')}。`);
      break;
    case 'expect':
      parts.push(`${head}预计${D(item.expectedDate!)}批复${item.dueDate && item.expectedDate! > item.dueDate ? `，晚于承诺日期${D(item.dueDate)}` : ''}。`);
      break;
  }
  if (isSatisfied(item.state)) {
    const ready = path.items.filter((i) => (i.state === 'not_started' || i.state === 'preparing') && i.dependsOn.includes(item.id) && i.dependsOn.every((d) => isSatisfied(path.items.find((x) => x.id === d)?.state ?? 'approved')));
    if (ready.length) parts.push(`前置已满足，可申报：${ready.map((i) => i.name).join('、')}。`);
  }
  const schedule = schedulePath(path, today, cal);
  const plan = checkStartPlan(path, schedule, cal);
  parts.push(`最早可开工${D(schedule.earliestStartDate)}${plan ? `，计划开工${D(plan.plannedStartDate)}${plan.impossible ? '，计划开工已无法实现' : ''}` : ''}。`);
  return parts.join('');
}

export const project: Handler = {
  name: 'project',
  match: (ctx) => ctx.parsed.ticket === null && readCommand(ctx) !== null,
  async handle(ctx) {
    const cmd = readCommand(ctx)!;
    const cal = ctx.sla.calendar;
    const today = cal.localDate(ctx.now);
    if (cmd.kind === 'unknown_project') {
      await answer(ctx, `未找到项目「${cmd.name}」，请核对项目名称或简称。`);
      return 'project:unknown';
    }
    if (cmd.kind === 'card') {
      const a = ctx.actor;
      const own = a.role === 'enterprise' && a.enterpriseId === cmd.project.enterprise;
      if (!(a.role === 'cadre' || a.role === 'leader' || a.role === 'admin' || own)) {
        await answer(ctx, '抱歉，只有工作人员和本企业联系人才能查看项目代办进度。');
        return 'project:card-refused';
      }
      const found = await ctx.projects.pathOf(cmd.project);
      if (!found.ok) {
        await answer(ctx, found.message);
        return `project:${found.reason}`;
      }
      const card = compose(projectCard(cmd.project, found.path, today, cal), [], `项目代办 · ${cmd.project.name}`);
      // another enterprise's group never sees this project: the card goes to the asker privately
      await here(ctx, mayShowProjectIn(cmd.project, ctx.msg, ctx.directory), card, '项目进度已私信发送给您。');
      return 'project:card';
    }
    const role = authorize('project_update', ctx.actor, null, ctx.now);
    const auth = role.ok ? mayUpdateProject(ctx.actor, cmd.project, ctx.directory) : role;
    if (!auth.ok) {
      await answer(ctx, auth.message);
      return 'project:refused';
    }
    const action = cmd.action;
    if ('invalid' in action) {
      await answer(ctx, action.invalid);
      return 'project:bad-input';
    }
    const res = await ctx.projects.change(cmd.project, (path) => {
      const m = matchItem(path.items, cmd.itemText);
      if (m.kind === 'found') return { itemId: m.item.id, action };
      if (m.kind === 'ambiguous') {
        return { refuse: `「${cmd.itemText}」可指多个事项：${m.candidates.map((i) => i.name).join('、')}，请写明是哪一项。` };
      }
      const hint = m.suggestions.length ? `您是否指：${m.suggestions.map((i) => i.name).join('、')}？` : `本项目的事项有：${path.items.map((i) => i.name).join('、')}。`;
      return { refuse: `${cmd.project.name} 的审批路径中没有事项「${cmd.itemText}」。${hint}` };
    });
    if (!res.ok) {
      await answer(ctx, res.message);
      return 'project:refused-step';
    }
    const told = changeAnswer(cmd.project, res.path, res.item, res.event, today, cal);
    if (mayShowProjectIn(cmd.project, ctx.msg, ctx.directory)) await answer(ctx, told);
    else {
      await ctx.send({ kind: 'user', platform: ctx.msg.platform, userId: ctx.msg.sender.id }, compose([told], []));
      await answer(ctx, '已登记，详情已私信发送给您。');
    }
    return res.repeated ? 'project:repeated' : `project:${res.event.type}`;
  },
};
