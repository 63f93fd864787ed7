import { authorize } from '../src/domain/permissions.js';
import { commandNote } from '../src/domain/parse/commands.js';
import { route, toAssignee } from '../src/domain/routing.js';
import { responseDueAt } from '../src/domain/sla.js';
import { isOverdue, type Assignee } from '../src/domain/ticket.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { answer, compose, dueText, notifyPreviousAssignee, mentionOrName, outcomeOf, ticketNo } from './common.js';

/** Whom a 转办 names: an @-mention (DingTalk ids), a person's name, or a department (its lead). */
function target(ctx: BotContext): Assignee | null {
  const dir = ctx.directory;
  for (const m of ctx.msg.mentions) {
    const p = dir.personByPlatformId(m.platform, m.id);
    if (p && p.role !== 'enterprise') return toAssignee(p);
  }
  const byName = dir.findPersonByName(ctx.parsed.normalized);
  if (byName && byName.id !== ctx.actor.personId) return toAssignee(byName);
  const dept = dir.findDepartmentIn(ctx.parsed.normalized);
  const lead = dir.person(dept?.lead);
  return lead ? toAssignee(lead) : null;
}

/** Hands a ticket to someone else (转办), or back to routing with a reason (退单): the new assignee must sign for it. */
export async function performTransfer(
  ctx: BotContext,
  cmd: Extract<TicketCommand, { kind: 'transfer' } | { kind: 'return' }>,
): Promise<PerformResult> {
  const isReturn = cmd.kind === 'return';
  const note = cmd.kind === 'return' ? cmd.reason : (cmd.note ?? '');
  const res = await ctx.tickets.change(cmd.no, (t) => {
    const auth = authorize('transfer', ctx.actor, t, ctx.now);
    if (!auth.ok) return { refuse: auth.message };
    const responseDue = responseDueAt(ctx.now, t.urgency, ctx.sla.calendar, ctx.sla.policy);
    if (cmd.kind === 'transfer') return { type: 'transfer', to: cmd.to, note: note || undefined, responseDueAt: responseDue };
    const next = route(ctx.directory, t.enterpriseId, t.category, t.assignee?.personId);
    return next ? { type: 'return', to: next.assignee, reason: note, responseDueAt: responseDue } : { refuse: `#${t.no} 暂无其他可派单对象，请联系管理员。` };
  });
  if (!res.ok) {
    await answer(ctx, res.message);
    return { done: false, outcome: `refused: ${res.message}` };
  }
  const t = res.ticket;
  const to = t.assignee!;
  const verb = isReturn ? '已退单，改派' : '已转办';
  await ctx.reply(compose([`**#${t.no} ${verb}给 @{0}**，待签收。`, ...(note ? [`> ${isReturn ? '理由' : '说明'}：${note}`] : [])], [mentionOrName(to, ctx.msg.platform)]));
  await ctx.postToTicketGroup(t, compose([`**#${t.no} 已转由 ${to.name} 办理**，待签收。`], []));
  await ctx.notifyPerson(
    to,
    // (found trying the product: the notice named neither the enterprise nor who passed it on)
    compose([
      `【${isReturn ? '改派' : '转办'}】#${t.no} ${t.summary}${t.enterprise ? `（${t.enterprise}）` : ''}`,
      ...(ctx.actor.name ? [`由 ${ctx.actor.name} ${isReturn ? '退单改派' : '转办'}${note ? `，${isReturn ? '理由' : '说明'}：${note}` : ''}`] : []),
      // (found trying the product: a ticket passed on already late said nothing of it to its new handler)
      `办理时限：${dueText(t, ctx.sla.calendar)}${isOverdue(t, ctx.now) ? '（已超期）' : ''}`,
      `请在群内回复“认领 #${t.no}”签收。`,
      ...ctx.links.ticket(t.no),
    ], []),
    t.platform,
  );
  const e = [...t.events].reverse().find((x) => x.type === 'transfer' || x.type === 'return');
  await notifyPreviousAssignee(ctx, t, e?.data?.previous as Assignee | undefined, to);
  return { done: true, outcome: `#${t.no} ${isReturn ? 'returned' : 'transferred'} to ${to.personId}` };
}

/** 转办 #12 @王芳 / 转办 #12 给区住建局 / 退单 #12 理由 … */
export const transfer: Handler = {
  name: 'transfer',
  match: (ctx) => ctx.parsed.intent === 'transfer',
  async handle(ctx) {
    const isReturn = /(退单|退回)/.test(ctx.parsed.normalized);
    const no = await ticketNo(ctx, isReturn ? '退单 #12 理由：不属于本单位职责' : '转办 #12 @王芳');
    if (no === null) return 'no ticket number';
    const text = ctx.parsed.normalized;
    const explicit = /(?:理由|原因|说明|备注)[:：]?\s*(.+)$/.exec(text)?.[1]?.trim();
    const note = explicit ?? (isReturn ? commandNote(text.replace(/退单|退回/g, '')).replace(/[，,。\s]+$/, '') : '');
    if (isReturn) {
      if (!note) {
        await answer(ctx, `退单请写明理由，例如“退单 #${no} 理由：不属于本单位职责”。`);
        return 'no reason';
      }
      return outcomeOf(await performTransfer(ctx, { kind: 'return', no, reason: note }));
    }
    const named = target(ctx);
    if (!named) {
      await answer(ctx, '未找到转办对象，请 @具体人员 或写明部门名称，例如“转办 #12 给区住建局”。');
      return 'no target';
    }
    return outcomeOf(await performTransfer(ctx, { kind: 'transfer', no, to: named, note: note || undefined }));
  },
};
