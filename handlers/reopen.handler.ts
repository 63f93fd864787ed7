import { commandNote } from '../src/domain/parse/commands.js';
import type { Handler } from '../src/bot/context.js';
import { actOn, compose, personRef, ticketNo } from './common.js';

/** #12 还没解决 — the enterprise sends the ticket back (重办). */
export const reopen: Handler = {
  name: 'reopen',
  match: (ctx) => ctx.parsed.intent === 'reopen',
  async handle(ctx) {
    const no = await ticketNo(ctx, '#12 还没解决');
    if (no === null) return 'no ticket number';
    const note = commandNote(ctx.parsed.normalized);
    const t = await actOn(ctx, no, 'reopen', () => ({ type: 'reopen', note: note || undefined }));
    if (!t) return 'refused';
    const who = t.assignee ? personRef(t.assignee, ctx.msg.platform) : null;
    await ctx.reply(compose([`**#${t.no} 已重新打开，转入重办**，@{0} 请尽快跟进。`], [who]));
    if (t.assignee) {
      await ctx.notifyPerson(t.assignee, compose([`【重办】#${t.no} 企业反映问题未解决`, ...(note ? [`企业说明：${note}`] : []), `问题：${t.summary}`], []), t.platform);
    }
    return `#${t.no} reopened`;
  },
};
