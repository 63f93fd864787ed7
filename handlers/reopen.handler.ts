import { reopenNote } from '../src/domain/parse/commands.js';
import { reopenDueAt } from '../src/domain/sla.js';
import type { Handler } from '../src/bot/context.js';
import { changeTicket, compose, reopenedDueText, personRef, ticketNo } from './common.js';

/** #12 还没解决 — the enterprise sends the ticket back (重办): a new answer clock from now. */
export const reopen: Handler = {
  name: 'reopen',
  match: (ctx) => ctx.parsed.intent === 'reopen',
  async handle(ctx) {
    const no = await ticketNo(ctx, '#12 还没解决');
    if (no === null) return 'no ticket number';
    const note = reopenNote(ctx.parsed.normalized);
    const { calendar, policy } = ctx.sla;
    const t = await changeTicket(ctx, no, 'reopen', (t) => ({
      type: 'reopen',
      note: note || undefined,
      resolutionDueAt: reopenDueAt(ctx.now, t.urgency, calendar, policy),
    }));
    if (!t) return 'refused';
    const who = t.assignee ? personRef(t.assignee, ctx.msg.platform) : null;
    await ctx.reply(compose([`**#${t.no} 已重新打开，转入重办**，@{0} 请尽快跟进。`, `> 办理时限：${reopenedDueText(t, calendar)}`], [who]));
    if (t.assignee) {
      await ctx.notifyPerson(
        t.assignee,
        compose([`【重办】#${t.no} 企业反映问题未解决`, ...(note ? [`企业说明：${note}`] : []), `问题：${t.summary}`, `办理时限：${reopenedDueText(t, calendar)}`], []),
        t.platform,
      );
    }
    return `#${t.no} reopened`;
  },
};
