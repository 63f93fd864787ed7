import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { announce, changeTicket, compose, dueText, outcomeOf, ticketNo } from './common.js';

/** Claims a ticket (签收). */
export async function performClaim(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'claim' }>): Promise<PerformResult> {
  const t = await changeTicket(ctx, cmd.no, 'claim', () => ({ type: 'claim' }));
  if (!t) return { done: false, outcome: 'refused' };
  const msg = compose([`**#${t.no} 已签收**，由 ${t.assignee?.name ?? ctx.actor.name ?? ''} 办理。`, `> 办理时限：${dueText(t, ctx.sla.calendar)}`], []);
  await announce(ctx, t, msg, '已签收');
  return { done: true, outcome: `#${t.no} claimed` };
}

/** 签收 / 认领 #12. */
export const claim: Handler = {
  name: 'claim',
  match: (ctx) => ctx.parsed.intent === 'claim',
  async handle(ctx) {
    const no = await ticketNo(ctx, '认领 #12');
    if (no === null) return 'no ticket number';
    return outcomeOf(await performClaim(ctx, { kind: 'claim', no }));
  },
};
