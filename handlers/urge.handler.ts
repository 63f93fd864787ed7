import type { Handler } from '../src/bot/context.js';
import { changeTicket, compose, dueText, personRef, ticketNo } from './common.js';

/** #12 催一下 — counted on the ticket; the responsible person is reminded privately and in the group. */
export const urge: Handler = {
  name: 'urge',
  match: (ctx) => ctx.parsed.intent === 'urge',
  async handle(ctx) {
    const no = await ticketNo(ctx, '#12 催一下');
    if (no === null) return 'no ticket number';
    const t = await changeTicket(ctx, no, 'urge', () => ({ type: 'urge' }));
    if (!t) return 'refused';
    const who = t.assignee ? personRef(t.assignee, ctx.msg.platform) : null;
    await ctx.reply(compose([`已催办 **#${t.no}**，@{0} 请抓紧办理（办理时限：${dueText(t, ctx.sla.calendar)}）。`], [who]));
    if (t.assignee) {
      await ctx.notifyPerson(t.assignee, compose([`【催办】#${t.no} 第${t.urgeCount ?? 1}次催办`, `问题：${t.summary}`, `办理时限：${dueText(t, ctx.sla.calendar)}`], []), t.platform);
    }
    return `#${t.no} urged`;
  },
};
