import type { Handler } from '../src/bot/context.js';
import { announce, changeTicket, compose, dueText, ticketNo } from './common.js';

/** 签收 / 认领 #12. */
export const claim: Handler = {
  name: 'claim',
  match: (ctx) => ctx.parsed.intent === 'claim',
  async handle(ctx) {
    const no = await ticketNo(ctx, '认领 #12');
    if (no === null) return 'no ticket number';
    const t = await changeTicket(ctx, no, 'claim', () => ({ type: 'claim' }));
    if (!t) return 'refused';
    const msg = compose([`**#${t.no} 已签收**，由 ${t.assignee?.name ?? ctx.actor.name ?? ''} 办理。`, `> 办理时限：${dueText(t, ctx.sla.calendar)}`], []);
    await announce(ctx, t, msg, '已签收');
    return `#${t.no} claimed`;
  },
};
