import type { BotContext, Handler } from '../src/bot/context.js';
import type { Enterprise, Project } from '../src/domain/directory.js';
import { parseMessage } from '../src/domain/parse/parse.js';
import { parseVisit, parseVisitConfirm, type VisitReading } from '../src/domain/parse/visit.js';
import { authorize, isStaff, mayShowVisitIn } from '../src/domain/permissions.js';
import {
  mayEditVisit,
  pendingProblems,
  VISIT_MODES,
  visitCadres,
  visitRef,
  type StoredVisit,
  type Visit,
  type VisitCadre,
  type VisitEvent,
  type VisitProblem,
} from '../src/domain/visit.js';
import type { OutboundMessage } from '../src/messages/outbound.js';
import { answer, cnDate, compose, here } from './common.js';
import { acceptedCard, notifyNewAssignee, openProblem } from './create-ticket.handler.js';

/**
 * 助企走访 in chat. A cadre logs a visit in one message (`走访 亿龙置业 了解二期用电情况，发现问题2个：1.… 2.…`), privately
 * or in the enterprise's group; the problems found become tickets in one step (`确认 1 2` / `都建单`). `我的走访`,
 * `走访情况` (leaders), `修改走访 V12 …` / `删除走访 V12` (the author, within a day), `待关联走访` / `关联走访 V12 企业名`
 * (admins: a visit to an enterprise the directory did not know).
 */

type Command =
  | { kind: 'log'; reading: VisitReading }
  | { kind: 'confirm'; visitNo: number | null; problems: number[] | 'all' }
  | { kind: 'mine' }
  | { kind: 'overview' }
  | { kind: 'delete'; visitNo: number | null }
  | { kind: 'edit'; visitNo: number; text: string }
  | { kind: 'unlinked' }
  | { kind: 'link'; visitNo: number; name: string }
  /** A visit command from someone who may not give it. */
  | { kind: 'not_staff' };

const MINE = /^我的走访(记录|情况)?$/;
const OVERVIEW = /^(本月)?(走访|助企走访|助企服务)(情况|统计|覆盖|覆盖率|覆盖情况|汇总)$/;
const DELETE = /^(?:删除|撤销|作废)走访(?:记录)?\s*(?:V\s*(\d+))?$/i;
const EDIT = /^(?:修改|更正)走访(?:记录)?\s*V\s*(\d+)\s*[:：,，]?\s*(.+)$/i;
const UNLINKED = /^待关联(的)?走访(记录)?$/;
const LINK = /^关联走访(?:记录)?\s*V\s*(\d+)\s*[:：,，]?\s*(?:到|为|至)?\s*(.+)$/i;
/** A message that is unmistakably a visit command, whoever sends it (a non-cadre gets a refusal, not a ticket). */
/** Words that make a message a visit log even when it names no enterprise (in the enterprise's group). */
const VISIT_WORD = /走访|上门服务|登记走访|座谈/;
const EXPLICIT = /^(登记走访|走访登记|走访\s|我的走访|走访情况|删除走访|修改走访|关联走访|待关联走访)/;

function readCommand(ctx: BotContext): Command | null {
  const t = ctx.parsed.normalized.replace(/^@\S+\s*/, '').trim();
  // a ticket command (`#12 …`) is never a visit command; "发现问题2个" is not a ticket number, so parsed.ticket is not asked
  if (!t || /[#＃]\s*\d/.test(t)) return null;
  // from an enterprise: only what is unmistakably a visit command is refused here; anything else reads on (a report)
  if (!isStaff(ctx.actor)) return EXPLICIT.test(t) ? { kind: 'not_staff' } : null;
  const bare = t.replace(/[\s。！!？?]+$/g, '');
  let m: RegExpExecArray | null;
  if (MINE.test(bare)) return { kind: 'mine' };
  if (OVERVIEW.test(bare)) return { kind: 'overview' };
  if (UNLINKED.test(bare)) return { kind: 'unlinked' };
  if ((m = DELETE.exec(bare))) return { kind: 'delete', visitNo: m[1] ? Number(m[1]) : null };
  if ((m = EDIT.exec(t))) return { kind: 'edit', visitNo: Number(m[1]), text: m[2]!.trim() };
  if ((m = LINK.exec(bare))) return { kind: 'link', visitNo: Number(m[1]), name: m[2]!.trim() };
  const confirm = parseVisitConfirm(bare);
  if (confirm) return { kind: 'confirm', ...confirm };
  const reading = parseVisit(ctx.msg.text, ctx.now, ctx.sla.calendar, knownNames(ctx));
  if (!reading) return null;
  // no enterprise written ("电话沟通了，问题已解决" in a group): a follow-up, not a visit — unless it says it is one
  if (reading.target === null && !(reading.problems.length > 0 || reading.noProblems || VISIT_WORD.test(t))) return null;
  return { kind: 'log', reading };
}

/** The names the directory knows (enterprises, projects, their aliases), matched first by the visit parser. */
function knownNames(ctx: BotContext): string[] {
  const d = ctx.directory.data;
  return [...d.enterprises.flatMap((e) => [e.name, ...e.aliases]), ...d.projects.flatMap((p) => [p.name, ...p.aliases])];
}


/** The enterprise and project a reading names: a project first (its enterprise goes with it), then an enterprise. */
function resolveTarget(ctx: BotContext, target: string | null): { enterprise?: Enterprise; project?: Project; name: string | null } {
  const dir = ctx.directory;
  if (target) {
    const project = dir.findProjectIn(target)?.project;
    if (project) return { project, enterprise: dir.enterprise(project.enterprise), name: target };
    const enterprise = dir.enterpriseByName(target);
    return { enterprise, name: target };
  }
  // no name written: in an enterprise's group, the visit is to that enterprise
  const g = dir.group(ctx.msg.platform, ctx.msg.chatId);
  const enterprise = g?.kind === 'enterprise' ? dir.enterprise(g.enterprise) : undefined;
  return { enterprise, name: enterprise?.name ?? null };
}

/** The companions: @-mentions on the platform and names written after @, as directory people when known. */
function companionsOf(ctx: BotContext, names: string[]): VisitCadre[] {
  const dir = ctx.directory;
  const out: VisitCadre[] = [];
  const add = (c: VisitCadre) => {
    if (c.personId && c.personId === ctx.actor.personId) return;
    if (out.some((x) => (c.personId && x.personId === c.personId) || x.name === c.name)) return;
    out.push(c);
  };
  for (const u of ctx.msg.mentions) {
    const p = dir.personByPlatformId(u.platform, u.id);
    if (p && p.role !== 'enterprise') add({ personId: p.id, name: p.name });
  }
  for (const n of names) {
    // an enterprise's own people (@王经理 of the enterprise visited) are whom the cadres met, not who went
    if (dir.data.people.some((x) => x.name === n && x.role === 'enterprise')) continue;
    const p = dir.data.people.find((x) => x.name === n);
    add(p ? { personId: p.id, name: p.name } : { personId: null, name: n });
  }
  return out;
}

/** The sender as a visit records them. */
const sender = (ctx: BotContext) => ({ platformId: ctx.msg.sender.id, personId: ctx.actor.personId ?? null, name: ctx.actor.name ?? ctx.msg.sender.name ?? ctx.msg.sender.id });

function event(ctx: BotContext, type: VisitEvent['type'], data?: Record<string, unknown>): VisitEvent {
  return {
    type,
    at: ctx.now,
    by: sender(ctx),
    source: `${ctx.msg.platform}:${ctx.msg.eventId}`,
    ...(data ? { data } : {}),
  };
}

/** The visit as the cadre reads it back: when, how, where, who, what, and the problems found with their tickets. */
function visitLines(ctx: BotContext, v: Visit, today: string): string[] {
  const name = ctx.directory.project(v.projectId ?? undefined)?.name;
  const project = name ? `（${name}）` : '';
  const lines = [
    `> ${cnDate(v.date, today)} · ${VISIT_MODES[v.mode]} · ${v.enterpriseName}${project}${v.enterpriseId ? '' : '（名录中无此企业，待管理员关联）'}`,
    `> 走访干部：${visitCadres(v).map((c) => c.name).join('、')}`,
    ...(v.note ? [`> 内容：${v.note}`] : []),
  ];
  if (v.problems.length === 0) lines.push('> 未发现问题。');
  else {
    lines.push(`发现问题 ${v.problems.length} 个：`);
    for (const p of v.problems) lines.push(`> ${p.n}. ${p.text}${p.ticketNo ? `（已建单 #${p.ticketNo}）` : ''}`);
  }
  return lines;
}

function offerLine(v: Visit): string[] {
  const pending = pendingProblems(v);
  if (pending.length === 0) return [];
  const nums = pending.map((p) => p.n).join(' ');
  return [`回复“确认 ${nums}”将问题建单交办${pending.length > 1 ? '（可只选部分编号）' : ''}，或回复“都建单”。`];
}

/** A visit's record here when this conversation may show it; otherwise privately, with a short line here. */
const show = (ctx: BotContext, v: Visit, msg: OutboundMessage, done: string) => here(ctx, mayShowVisitIn(v, ctx.msg, ctx.directory), msg, `${done}，详情已私信发送给您。`);

/** A visit named by number, or the sender's latest (logged in the last day) that `wanted` accepts. */
/**
 * A visit named by number, or the sender's latest (logged in the last day) that `wanted` accepts; `none`: what to
 * say when the sender has recent visits but none `wanted` accepts.
 */
async function findVisit(ctx: BotContext, no: number | null, wanted: (v: StoredVisit) => boolean, example: string, none?: string): Promise<StoredVisit | null> {
  if (no !== null) {
    const v = await ctx.visits.get(no);
    if (!v || v.deletedAt) await answer(ctx, `未找到走访记录 ${visitRef(no)}，请核对编号。`);
    return v && !v.deletedAt ? v : null;
  }
  const recent = await ctx.visits.recentOfSender();
  const v = recent.find(wanted);
  if (!v) await answer(ctx, recent.length && none ? `${none}；如需处理更早的走访，请注明编号，例如“${example}”。` : `未找到您一天内登记的相应走访记录，请注明编号，例如“${example}”。`);
  return v ?? null;
}

const badDateText = (d: string) => `走访日期「${d}」不是今天或以前的日期，请核对后重新发送，例如“11月28日 走访 亿龙置业 …”。`;

async function logVisit(ctx: BotContext, r: VisitReading): Promise<string> {
  const target = resolveTarget(ctx, r.target);
  if (!target.name) {
    await answer(ctx, '请写明走访的企业，例如“走访 亿龙置业 了解用电情况，无问题”。');
    return 'visit:no-enterprise';
  }
  if (r.badDate) {
    await answer(ctx, badDateText(r.badDate));
    return 'visit:bad-date';
  }
  const by = sender(ctx);
  const { visit, created } = await ctx.visits.log((no) => ({
    no,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    chatType: ctx.msg.chatType,
    source: `${ctx.msg.platform}:${ctx.msg.eventId}`,
    by,
    companions: companionsOf(ctx, r.companions),
    enterpriseId: target.enterprise?.id ?? null,
    enterpriseName: target.enterprise?.name ?? target.name!,
    projectId: target.project?.id ?? null,
    mode: r.mode,
    date: r.date,
    note: r.note,
    problems: r.problems.map((text, i) => ({ n: i + 1, text, ticketNo: null })),
    recordedAt: ctx.now,
    editedAt: null,
    deletedAt: null,
    history: [],
  }));
  const today = ctx.sla.calendar.localDate(ctx.now);
  const msg = compose([`**已登记走访 ${visitRef(visit.no)}**`, ...visitLines(ctx, visit, today), ...offerLine(visit)], [], `已登记走访 ${visitRef(visit.no)}`);
  await show(ctx, visit, msg, `已登记走访 ${visitRef(visit.no)}`);
  return created ? `visit ${visitRef(visit.no)} logged` : `visit ${visitRef(visit.no)} already logged`;
}

/**
 * The group a visit's tickets belong to (where the enterprise follows and rates them): the enterprise's own group, on
 * the visit's platform first; without one, this private chat. Null when the enterprise has no group and this is
 * another group (its tickets must not live in a group that is not the enterprise's).
 */
function ticketChat(ctx: BotContext, v: Visit): { platform: Visit['platform']; chatId: string } | null {
  const groups = ctx.directory.data.groups.filter((x) => x.kind === 'enterprise' && !!v.enterpriseId && x.enterprise === v.enterpriseId);
  const g = groups.find((x) => x.platform === v.platform) ?? groups[0];
  if (g) return { platform: g.platform, chatId: g.chatId };
  return ctx.msg.chatType === 'single' ? { platform: ctx.msg.platform, chatId: ctx.msg.chatId } : null;
}

async function confirm(ctx: BotContext, cmd: Extract<Command, { kind: 'confirm' }>): Promise<string> {
  const source = `${ctx.msg.platform}:${ctx.msg.eventId}`;
  // this message's own earlier attempt (a retried job): what it confirmed counts as its own, so it answers the same
  const byThis = (x: StoredVisit) => x.history.find((e) => e.source === source && e.type === 'tickets');
  const v = await findVisit(ctx, cmd.visitNo, (x) => !!byThis(x) || pendingProblems(x).length > 0, '确认 V12 1 2', '您一天内登记的走访中没有待建单的问题');
  if (!v) return 'visit:not-found';
  const mine = v.by.platformId === ctx.msg.sender.id || (!!ctx.actor.personId && v.by.personId === ctx.actor.personId);
  // the author, or a leader or admin (those who may see every visit's figures)
  if (!mine && !authorize('visit_overview', ctx.actor, null, ctx.now).ok) {
    await answer(ctx, `抱歉，只有登记人、领导和管理员才能为走访 ${visitRef(v.no)} 的问题建单。`);
    return 'visit:confirm-refused';
  }
  if (v.problems.length === 0) {
    await answer(ctx, `走访 ${visitRef(v.no)} 未记录发现的问题。`);
    return 'visit:no-problems';
  }
  const wanted = cmd.problems === 'all' ? v.problems.map((p) => p.n) : [...new Set(cmd.problems)];
  const unknown = wanted.filter((n) => !v.problems.some((p) => p.n === n));
  if (unknown.length) {
    await answer(ctx, `走访 ${visitRef(v.no)} 没有第 ${unknown.join('、')} 个问题（共 ${v.problems.length} 个），请核对编号。`);
    return 'visit:bad-numbers';
  }
  const chat = ticketChat(ctx, v);
  if (!chat) {
    await answer(ctx, `被走访企业暂无企业服务群，请与我私聊回复“确认 ${visitRef(v.no)} ${wanted.join(' ')}”建单。`);
    return 'visit:no-group';
  }
  const enterprise = ctx.directory.enterprise(v.enterpriseId ?? undefined);
  const earlier = (byThis(v)?.data?.tickets ?? {}) as Record<string, number>;
  const made: { p: VisitProblem; no: number; ours: boolean; assignee: string | null }[] = [];
  for (const n of wanted) {
    const p = v.problems.find((x) => x.n === n)!;
    // this message's problem: not made a ticket when it read the visit, or made one by this message's earlier attempt.
    // Its card and notice are sent whether the ticket is new or found (a retry after a crash mid-way): each send keeps
    // its place in this message's sends, so what went out before is not sent again and what did not, goes.
    const ours = p.ticketNo === null || earlier[String(n)] === p.ticketNo;
    const parsed = parseMessage(p.text, ctx.now, ctx.sla.calendar);
    // created as if the enterprise had reported it: read, routed and dispatched by the same code, once per problem —
    // with the visit's enterprise (none when the directory does not know it), never one read from the problem's text
    const { ticket, route } = await openProblem(ctx, {
      parsed: { ...parsed, enterprise: v.enterpriseName },
      text: p.text,
      enterprise,
      visit: { no: v.no, origin: { source: `visit:${v.no}:${n}`, ...chat, text: p.text } },
    });
    if (ours) {
      const card = acceptedCard(ctx, ticket, route);
      if (ticket.platform === ctx.msg.platform && ticket.chatId === ctx.msg.chatId) await ctx.reply(card);
      else await ctx.postToTicketGroup(ticket, card);
      await notifyNewAssignee(ctx, ticket);
    }
    made.push({ p, no: ticket.no, ours, assignee: ticket.assignee?.name ?? null });
  }
  const numbers = new Map(made.map((x) => [x.p.n, x.no]));
  const res = await ctx.visits.change(v.no, (cur) => ({
    ...cur,
    problems: cur.problems.map((p) => (numbers.has(p.n) && p.ticketNo === null ? { ...p, ticketNo: numbers.get(p.n)! } : p)),
    // the tickets this message opened (a retry of it answers the same)
    history: [...cur.history, event(ctx, 'tickets', { tickets: Object.fromEntries(made.filter((x) => x.ours).map((x) => [x.p.n, x.no])) })],
  }));
  if (!res.ok) {
    await answer(ctx, res.message);
    return 'visit:confirm-failed';
  }
  const inGroup = ctx.directory.group(chat.platform, chat.chatId)?.kind === 'enterprise';
  const lines = made.map(({ p, no, ours, assignee }) => `> ${p.n}. ${p.text} → #${no}${ours ? `（${assignee ? `责任人 ${assignee}` : '待派单'}）` : '（此前已建单）'}`);
  const msg = compose(
    [`**走访 ${visitRef(v.no)} 的问题已建单**`, ...lines, inGroup ? '受理情况已告知企业服务群，办理进展将在群内通报。' : '该企业暂无服务群，办理进展将在本会话通报。'],
    [],
  );
  await show(ctx, v, msg, `走访 ${visitRef(v.no)} 的问题已建单`);
  return `visit ${visitRef(v.no)}: tickets ${made.map((x) => `#${x.no}`).join(' ')}`;
}

async function remove(ctx: BotContext, no: number | null): Promise<string> {
  const v = await findVisit(ctx, no, () => true, '删除走访 V12');
  if (!v) return 'visit:not-found';
  const res = await ctx.visits.change(v.no, (cur) => {
    const may = mayEditVisit(cur, ctx.actor, ctx.now);
    if (!may.ok) return { refuse: may.message };
    const made = cur.problems.filter((p) => p.ticketNo !== null).map((p) => `#${p.ticketNo}`);
    if (made.length) return { refuse: `走访 ${visitRef(cur.no)} 的问题已建单（${made.join('、')}），记录不能删除；如有误，请用“修改走访 ${visitRef(cur.no)} …”更正。` };
    return { ...cur, deletedAt: ctx.now, history: [...cur.history, event(ctx, 'delete')] };
  });
  if (!res.ok) {
    await answer(ctx, res.message);
    return 'visit:delete-refused';
  }
  await answer(ctx, `已删除走访记录 ${visitRef(v.no)}，不再计入走访统计。`);
  return `visit ${visitRef(v.no)} deleted`;
}

async function edit(ctx: BotContext, cmd: Extract<Command, { kind: 'edit' }>): Promise<string> {
  const known = knownNames(ctx);
  const r = parseVisit(cmd.text, ctx.now, ctx.sla.calendar, known) ?? parseVisit(`走访 ${cmd.text}`, ctx.now, ctx.sla.calendar, known);
  if (!r) {
    await answer(ctx, `请写出更正后的完整走访内容，例如“修改走访 ${visitRef(cmd.visitNo)} 走访 亿龙置业 了解用电情况，无问题”。`);
    return 'visit:edit-unreadable';
  }
  if (r.badDate) {
    await answer(ctx, badDateText(r.badDate));
    return 'visit:bad-date';
  }
  // what the correction does not write stays as it was: the enterprise and project, the date
  const target = r.target !== null ? resolveTarget(ctx, r.target) : null;
  const res = await ctx.visits.change(cmd.visitNo, (cur) => {
    if (cur.deletedAt) return { refuse: `未找到走访记录 ${visitRef(cur.no)}，请核对编号。` };
    const may = mayEditVisit(cur, ctx.actor, ctx.now);
    if (!may.ok) return { refuse: may.message };
    const kept = cur.problems.filter((p) => p.ticketNo !== null);
    const enterpriseId = target ? (target.enterprise?.id ?? null) : cur.enterpriseId;
    // its tickets belong to the enterprise visited: a visit with tickets keeps its enterprise
    if (kept.length && enterpriseId !== cur.enterpriseId) {
      return { refuse: `走访 ${visitRef(cur.no)} 的问题已建单（${kept.map((p) => `#${p.ticketNo}`).join('、')}），不能改为其他企业。` };
    }
    // problems already made tickets stay as they are; the others are replaced by the corrected list (a problem written
    // again that is already a ticket is not added twice)
    const same = (a: string, b: string) => a.replace(/[\s，,。；;]/g, '') === b.replace(/[\s，,。；;]/g, '');
    const fresh = r.problems.filter((text) => !kept.some((k) => same(k.text, text)));
    const start = Math.max(0, ...kept.map((p) => p.n));
    return {
      ...cur,
      companions: companionsOf(ctx, r.companions),
      enterpriseId,
      enterpriseName: target ? (target.enterprise?.name ?? target.name ?? cur.enterpriseName) : cur.enterpriseName,
      projectId: target ? (target.project?.id ?? null) : cur.projectId,
      mode: r.mode,
      date: r.dateStated ? r.date : cur.date,
      note: r.note,
      problems: [...kept, ...fresh.map((text, i) => ({ n: start + i + 1, text, ticketNo: null }))],
      editedAt: ctx.now,
      history: [...cur.history, event(ctx, 'edit', { before: { enterpriseName: cur.enterpriseName, mode: cur.mode, date: cur.date, note: cur.note } })],
    };
  });
  if (!res.ok) {
    await answer(ctx, res.message);
    return 'visit:edit-refused';
  }
  const today = ctx.sla.calendar.localDate(ctx.now);
  const v = res.visit;
  await show(ctx, v, compose([`**已修改走访 ${visitRef(v.no)}**`, ...visitLines(ctx, v, today), ...offerLine(v)], []), `已修改走访 ${visitRef(v.no)}`);
  return `visit ${visitRef(v.no)} edited`;
}

async function link(ctx: BotContext, cmd: Extract<Command, { kind: 'link' }>): Promise<string> {
  if (ctx.actor.role !== 'admin') {
    await answer(ctx, '抱歉，只有管理员才能关联走访记录的企业。');
    return 'visit:link-refused';
  }
  const e = ctx.directory.enterpriseByName(cmd.name);
  if (!e) {
    await answer(ctx, `名录中未找到企业「${cmd.name}」，请先在名录中添加该企业，或核对名称。`);
    return 'visit:link-unknown';
  }
  const res = await ctx.visits.change(cmd.visitNo, (cur) =>
    cur.deletedAt
      ? { refuse: `未找到走访记录 ${visitRef(cur.no)}，请核对编号。` }
      : { ...cur, enterpriseId: e.id, enterpriseName: e.name, history: [...cur.history, event(ctx, 'link', { from: cur.enterpriseName, to: e.id })] },
  );
  if (!res.ok) {
    await answer(ctx, res.message);
    return 'visit:link-refused';
  }
  await answer(ctx, `已将走访 ${visitRef(cmd.visitNo)} 关联到名录企业「${e.name}」。`);
  return `visit ${visitRef(cmd.visitNo)} linked to ${e.id}`;
}

export const visit: Handler = {
  name: 'visit',
  match: (ctx) => readCommand(ctx) !== null,
  async handle(ctx) {
    const cmd = readCommand(ctx)!;
    switch (cmd.kind) {
      case 'not_staff':
        await answer(ctx, '抱歉，助企走访由工作人员登记和查看。企业如有问题或诉求，请直接在群里说明，我们会受理并交办。');
        return 'visit:not-staff';
      case 'log':
        return logVisit(ctx, cmd.reading);
      case 'confirm':
        return confirm(ctx, cmd);
      case 'delete':
        return remove(ctx, cmd.visitNo);
      case 'edit':
        return edit(ctx, cmd);
      case 'link':
        return link(ctx, cmd);
      case 'mine': {
        if (!ctx.actor.personId) {
          await answer(ctx, '抱歉，名录中没有您的信息，无法查询走访记录，请联系管理员。');
          return 'visit:mine-unknown';
        }
        // the list names many enterprises: only where no enterprise reads along (a visit of none may be shown there)
        await here(ctx, mayShowVisitIn({ enterpriseId: null }, ctx.msg, ctx.directory), await ctx.visits.mine(ctx.actor.personId), '您的走访情况已私信发送给您。');
        return 'visit:mine';
      }
      case 'overview': {
        const auth = authorize('visit_overview', ctx.actor, null, ctx.now);
        if (!auth.ok) {
          await answer(ctx, auth.message);
          return 'visit:overview-refused';
        }
        const g = ctx.directory.group(ctx.msg.platform, ctx.msg.chatId);
        if (ctx.msg.chatType === 'group' && g?.kind !== 'leaders') {
          await answer(ctx, '走访情况涉及全区数据，请在领导群或与我私聊时查看。');
          return 'visit:overview-not-here';
        }
        await ctx.reply(await ctx.visits.overview());
        return 'visit:overview';
      }
      case 'unlinked': {
        if (ctx.actor.role !== 'admin') {
          await answer(ctx, '抱歉，只有管理员才能查看待关联的走访记录。');
          return 'visit:unlinked-refused';
        }
        const list = await ctx.visits.unlinked();
        const today = ctx.sla.calendar.localDate(ctx.now);
        const msg = list.length
          ? compose(
              [
                `**待关联走访（${list.length}条）**`,
                ...list.map((v) => `> ${visitRef(v.no)} ${cnDate(v.date, today)} · ${v.by.name} · 「${v.enterpriseName}」`),
                '回复“关联走访 V12 企业名称”关联到名录中的企业。',
              ],
              [],
            )
          : compose(['目前没有待关联的走访记录。'], []);
        await here(ctx, ctx.msg.chatType === 'single', msg, '待关联走访已私信发送给您。');
        return 'visit:unlinked';
      }
    }
  },
};
