import { correctionAction, type Correction } from '../src/domain/correction.js';
import { parseCorrections } from '../src/domain/parse/commands.js';
import { authorize, isStaff, mayShowTicketIn } from '../src/domain/permissions.js';
import { FIELD_LABELS } from '../src/domain/ticket-state.js';
import { isOpen, type Assignee, type Ticket } from '../src/domain/ticket.js';
import { sourceId } from '../src/bot/ticket-service.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { announce, answer, changeTicket, chasable, compose, dueText, madeByMessage, notifyPreviousAssignee, outcomeOf, mentionOrName, theOneMeant, ticketNo } from './common.js';

const VIA: Record<string, string> = { commissioner: '服务专员', taskforce: '项目专班', department: '责任部门', admin: '管理员' };

/** Tells a new assignee of a corrected ticket privately, as a 转办 does (【改派】). */
async function notifyNewAssignee(ctx: BotContext, t: Ticket, to: Assignee): Promise<void> {
  await ctx.notifyPerson(
    to,
    compose([`【改派】#${t.no} ${t.summary}`, `办理时限：${dueText(t, ctx.sla.calendar)}`, `请在群内回复“认领 #${t.no}”签收。`, ...ctx.links.ticket(t.no)], []),
    t.platform,
  );
}

/**
 * 更正: corrects what the bot read from a report (category, urgency, enterprise), or closes it as no problem (不是问题).
 * Allowed to whoever may 转办 it. A correction that re-routes the ticket dispatches it to the new person as a 转办 does
 * (the ticket's group is told who handles it now); 不是问题 tells the ticket's group politely; the other corrections
 * are answered to the sender only. `part` (0, 1): which of two fields one message corrects, each recorded apart.
 */
export async function performCorrect(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'correct' }>, part?: number): Promise<PerformResult> {
  const k: Correction = cmd.correction;
  const c = { dir: ctx.directory, now: ctx.now, calendar: ctx.sla.calendar, policy: ctx.sla.policy };
  const t = await changeTicket(ctx, cmd.no, 'correct', (t) => correctionAction(t, k, c), part);
  if (!t) return { done: false, outcome: 'refused' };
  // the event this message made (a retried message finds the one it made before)
  const e = [...t.events].reverse().find((x) => (x.type === 'correct' || x.type === 'dismiss') && x.source === sourceId(ctx.msg, part ?? 0));

  if (k.field === 'dismiss') {
    const msg = compose(
      [
        `**#${t.no} 已关闭**：经核实，该事项不属于需要办理的问题，不计入办理统计。如有需要，欢迎随时重新反映。`,
        `> 事项：${t.summary}`,
        ...(e?.note ? [`> 说明：${e.note}`] : []),
      ],
      [],
    );
    await announce(ctx, t, msg, '已关闭（不是问题）');
    return { done: true, outcome: `#${t.no} dismissed` };
  }

  const moved = e?.data?.to as Assignee | undefined;
  const confirmed = (e?.data?.change as { confirmed?: boolean } | undefined)?.confirmed === true;
  const verb = confirmed ? '已确认' : '已更正';
  const lines = [`**#${t.no} ${FIELD_LABELS[k.field]}${verb}**：${e?.note?.replace(/^[^：]*：/, '') ?? ''}`];
  if (k.field === 'urgency' && typeof e?.data?.resolutionDueAt === 'string') lines.push(`> 办理时限：${dueText(t, ctx.sla.calendar)}`);
  if (moved) lines.push(`> 已改派给 @{0}（${VIA[String(e?.data?.via)] ?? '责任人'}），待签收。`);
  const msg = compose(lines, [moved ? mentionOrName(moved, ctx.msg.platform) : null]);
  if (mayShowTicketIn(t, ctx.msg, ctx.directory)) await ctx.reply(msg);
  else await answer(ctx, `#${t.no} ${FIELD_LABELS[k.field]}${verb}。`);
  if (moved) {
    await ctx.postToTicketGroup(t, compose([`**#${t.no} 已转由 ${moved.name} 办理**，待签收。`], []));
    await notifyNewAssignee(ctx, t, moved);
    await notifyPreviousAssignee(ctx, t, e?.data?.previous as Assignee | undefined, moved);
  }
  return { done: true, outcome: `#${t.no} ${k.field} ${confirmed ? 'confirmed' : 'corrected'}${moved ? `, rerouted to ${moved.personId}` : ''}` };
}

/** Whether the sender may correct ticket `no` now (it exists, and they may, or this message changed it already). */
async function mayCorrect(ctx: BotContext, no: number): Promise<boolean> {
  const t = await ctx.tickets.get(no);
  return !!t && (authorize('correct', ctx.actor, t, ctx.now).ok || madeByMessage(ctx, t));
}

/**
 * A correction asked by the enterprise's own contact ("这个不是我们企业的问题，撤销", "#12 不是问题"): the enterprise
 * may not correct a ticket itself (the same people as a 转办 may), so its word goes to the one handling the ticket,
 * privately, with the command to give once verified; the contact is told so. Without a number, the ticket meant is
 * found among those in hand as a chase finds it. Nothing of the ticket changes.
 */
async function passOnToAssignee(ctx: BotContext): Promise<string> {
  const no =
    ctx.parsed.ticket ??
    (await theOneMeant(ctx, await chasable(ctx), {
      none: '未找到贵企业在办的工单。如需撤回或更正已反映的问题，请注明工单编号，例如“#12 不是我们企业的问题，撤销”。',
      several: (n) => `${ctx.msg.chatType === 'single' ? '您' : '本群'}有 ${n} 件在办工单`,
      example: (no) => `#${no} 不是我们企业的问题，撤销`,
    }));
  if (no === null) return 'no correction: number asked for';
  const t = await ctx.tickets.get(no);
  if (!t) {
    await answer(ctx, `未找到工单 #${no}，请核对编号。`);
    return 'unknown ticket';
  }
  // (another enterprise's ticket, or one nobody handles — closed, or not yet routed: refused as a correction is)
  if (!authorize('urge', ctx.actor, t, ctx.now).ok || !t.assignee || !isOpen(t)) {
    const auth = authorize('correct', ctx.actor, t, ctx.now);
    await answer(ctx, auth.ok ? `#${t.no} 当前无人办理，无法转告。` : auth.message);
    return 'refused';
  }
  const who = ctx.actor.name ?? ctx.msg.sender.name;
  await ctx.notifyPerson(
    t.assignee,
    compose(
      [
        `【企业反馈】#${t.no} ${t.summary}`,
        `${who ? `企业联系人${who}` : '企业'}反映：“${ctx.msg.text.trim()}”`,
        `请核实：如确不属于需要办理的问题，请回复“#${t.no} 不是问题”；如类别、企业或紧急程度有误，请回复“#${t.no} 类别改为 …”等更正。`,
      ],
      [],
    ),
    t.platform,
  );
  await answer(ctx, `已将您的意见转告 #${t.no} 的责任人${t.assignee.name}，核实后将更正或关闭该工单。`);
  return `#${t.no} correction passed on to ${t.assignee.personId}`;
}

/** #12 类别改为 用工人才 · #12 改为紧急 · #12 企业是 神马电力 · #12 不是问题 */
export const correct: Handler = {
  name: 'correct',
  match: (ctx) => ctx.parsed.intent === 'correct',
  async handle(ctx) {
    // the enterprise's own word: passed on to whoever handles the ticket
    if (!isStaff(ctx.actor)) return passOnToAssignee(ctx);
    // a correction without its number ("刚刚那条不是问题 撤一下"): the number asked for
    // (a name said wrong, "刚才那单企业名写错了，…": the example is the name's correction)
    const no = await ticketNo(ctx, /(企业|公司)(名|名字|名称)/.test(ctx.parsed.normalized) ? '#12 企业是 宏远物流' : '#12 不是问题');
    if (no === null) return 'no correction: number asked for';
    // (with a number, the intent is read from the corrections themselves: there is one; two fields corrected at once,
    // "…，紧急程度也改成一般", are made one after the other, each answered — one already so leaves the other; a refusal of
    // who may correct it, or of the number, is answered once)
    const corrections = parseCorrections(ctx.parsed.normalized);
    // (a change begun but not read — "#12 企业名改成宏达 不是很确定" — is asked again in the form, nothing changed; found
    // trying the product, where such a message closed the ticket)
    if (!corrections.length) {
      // (a detail the ticket does not keep, "#61 企业地址填错了…", is answered with what can be corrected)
      await answer(ctx, `未能确认 #${no} 要更正的内容（可更正企业名称、类别、紧急程度），请按格式重发，如“#${no} 企业是 宏远物流”“#${no} 类别改为 用工人才”“#${no} 改为紧急”。`);
      return 'no correction: the form asked for';
    }
    const outcomes: string[] = [];
    for (const [part, correction] of corrections.entries()) {
      const r = await performCorrect(ctx, { kind: 'correct', no, correction }, part);
      outcomes.push(outcomeOf(r));
      if (!r.done && !(await mayCorrect(ctx, no))) break;
    }
    return outcomes.join('; ');
  },
};
