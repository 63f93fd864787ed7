import { commandNote, PROGRESS_TOLD } from '../src/domain/parse/commands.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { authorize } from '../src/domain/permissions.js';
import { OPEN_STATUSES } from '../src/domain/ticket.js';
import { announce, changeTicket, answer, compose, outcomeOf, theOneMeant, ticketNo } from './common.js';
import { createTicket } from './create-ticket.handler.js';
import { query } from './query.handler.js';

/** Records a progress note (进展) and posts it to the enterprise's group (办事全流程公开). */
export async function performProgress(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'progress' }>): Promise<PerformResult> {
  const t = await changeTicket(ctx, cmd.no, 'progress', () => ({ type: 'progress', note: cmd.note }));
  if (!t) return { done: false, outcome: 'refused' };
  const msg = compose([`**#${t.no} 办理进展**（${ctx.actor.name ?? '责任人'}）`, `> ${cmd.note}`], []);
  await announce(ctx, t, msg, '进展已记录');
  return { done: true, outcome: `#${t.no} progress` };
}

/** Whether the text names its update as one (进展, 已联系…), rather than only telling something. */
const hasProgressWord = (t: string) => /(进展|进度|更新|延期|待补充|已补充|补充完毕|恢复办理|已协调|已对接|已联系|已约|已上报|已报送|正在)/.test(t);

/** #12 进展：… */
export const progress: Handler = {
  name: 'progress',
  match: (ctx) => ctx.parsed.intent === 'progress',
  async handle(ctx) {
    // what an enterprise's contact (or a stranger) writes about a ticket is not a progress note of the handling: they
    // are shown where it stands, as when they ask
    if (ctx.actor.role !== 'cadre' && ctx.actor.role !== 'leader' && ctx.actor.role !== 'admin' && !hasProgressWord(ctx.parsed.normalized)) return query.handle(ctx);
    const no = await ticketNo(ctx, '#12 进展：已联系供电公司');
    if (no === null) return 'no ticket number';
    const note = commandNote(ctx.parsed.normalized);
    if (!note) {
      await answer(ctx, `请写明进展内容，例如“#${no} 进展：已联系供电公司，周五现场勘察”。`);
      return 'no note';
    }
    return outcomeOf(await performProgress(ctx, { kind: 'progress', no, note }));
  },
};

/**
 * A cadre's progress note without its number in a group ("已联系供电公司，周五现场勘察", written under the ticket they
 * claimed): recorded on the one ticket of the group in hand that they may update, not opened as a problem of its own.
 * Several: they are asked which (nothing is opened). None: it is a report like any other (a cadre may report for an
 * enterprise). An enterprise's words of the same shape are always a report.
 */
export const progressWithoutNumber: Handler = {
  name: 'progress-without-number',
  match: (ctx) => ctx.parsed.intent === 'report' && ctx.actor.role === 'cadre' && ctx.msg.chatType === 'group' && PROGRESS_TOLD.test(ctx.parsed.normalized),
  async handle(ctx) {
    // (a retried job whose first attempt opened a ticket from this message goes on as that report: the ticket it opened
    // may be in the sender's hands by now, and must not take the message as its own progress)
    if (await ctx.tickets.ofThisMessage()) return createTicket.handle(ctx);
    const mine = (await ctx.tickets.listHere(OPEN_STATUSES)).filter((t) => authorize('progress', ctx.actor, t, ctx.now).ok);
    if (mine.length === 0) return createTicket.handle(ctx);
    const no = await theOneMeant(ctx, mine, {
      none: '',
      several: (n) => `本群有 ${n} 件您在办的工单`,
      example: (no) => `#${no} 进展：${ctx.parsed.normalized.slice(0, 12)}`,
      tellsContent: true,
    });
    if (no === null) return 'no ticket number';
    return outcomeOf(await performProgress(ctx, { kind: 'progress', no, note: ctx.parsed.normalized }));
  },
};
