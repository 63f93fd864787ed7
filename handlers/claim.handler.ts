import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { isSourceOf } from '../src/bot/ticket-service.js';
import { claimNote } from '../src/domain/parse/commands.js';
import { authorize } from '../src/domain/permissions.js';
import { announce, changeTicket, compose, dueText, outcomeOf, theOneMeant } from './common.js';
import { performProgress } from './progress.handler.js';

/** Claims a ticket (签收). */
export async function performClaim(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'claim' }>): Promise<PerformResult> {
  const t = await changeTicket(ctx, cmd.no, 'claim', () => ({ type: 'claim' }));
  if (!t) return { done: false, outcome: 'refused' };
  const msg = compose([`**#${t.no} 已签收**，由 ${t.assignee?.name ?? ctx.actor.name ?? ''} 办理。`, `> 办理时限：${dueText(t, ctx.sla.calendar)}`], []);
  await announce(ctx, t, msg, '已签收');
  return { done: true, outcome: `#${t.no} claimed` };
}

/**
 * A claim said without its number ("这个我认领了", under the ticket the bot just posted): the one ticket of this
 * conversation waiting to be claimed that the sender may claim. None, or several: the sender is told which number to give.
 */
async function waitingHere(ctx: BotContext): Promise<number | null> {
  const waiting = (await ctx.tickets.listHere(['accepted', 'pending_claim'])).filter((t) => authorize('claim', ctx.actor, t, ctx.now).ok);
  return theOneMeant(ctx, waiting, {
    none: '未找到您可签收的待签收工单，请注明工单编号，例如“认领 #12”。',
    several: (n) => `本群有 ${n} 件待签收工单`,
    example: (no) => `认领 #${no}`,
    afterwards: ['in_progress'],
  });
}

/** 签收 / 认领 #12. */
export const claim: Handler = {
  name: 'claim',
  match: (ctx) => ctx.parsed.intent === 'claim',
  async handle(ctx) {
    const no = ctx.parsed.ticket ?? (await waitingHere(ctx));
    if (no === null) return 'no ticket number';
    // "#79 已签收，电话联系了企业负责人，明天上门核实情况": taken, and what was done told too — the first progress note. Said
    // of a ticket already in the sender's hands (claimed in the workbench), only the note is recorded
    const note = claimNote(ctx.parsed.normalized);
    if (note) {
      const t = await ctx.tickets.get(no);
      const claimedBefore = t?.status === 'in_progress' && !t.events.some((e) => isSourceOf(e.source, ctx.msg)) && authorize('progress', ctx.actor, t, ctx.now).ok;
      if (claimedBefore) return outcomeOf(await performProgress(ctx, { kind: 'progress', no, note }));
    }
    const claimed = await performClaim(ctx, { kind: 'claim', no });
    if (!note || !claimed.done) return outcomeOf(claimed);
    return outcomeOf(await performProgress(ctx, { kind: 'progress', no, note }));
  },
};
