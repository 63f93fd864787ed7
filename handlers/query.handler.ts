import { DateTime } from 'luxon';
import { authorize } from '../src/domain/permissions.js';
import type { BotContext, Handler } from '../src/bot/context.js';
import type { Ticket } from '../src/domain/ticket.js';
import { answer, compose, ticketCard, ticketLine } from './common.js';

async function list(ctx: BotContext, title: string, tickets: Ticket[], empty: string): Promise<void> {
  if (tickets.length === 0) return answer(ctx, empty);
  await ctx.reply(compose([`**${title}（${tickets.length}件）**`, ...tickets.map((t) => `> ${ticketLine(t)}`)], []));
}

/** #12 什么进度了 · 我的待办 · 我们的问题 · 超期问题. */
export const query: Handler = {
  name: 'query',
  match: (ctx) => ctx.parsed.intent === 'query',
  async handle(ctx) {
    const text = ctx.parsed.normalized;
    const a = ctx.actor;
    if (ctx.parsed.ticket !== null) {
      const t = await ctx.tickets.get(ctx.parsed.ticket);
      if (!t) {
        await answer(ctx, `未找到工单 #${ctx.parsed.ticket}，请核对编号。`);
        return 'not found';
      }
      const auth = authorize('view', a, t, ctx.now);
      if (!auth.ok) {
        await answer(ctx, auth.message);
        return 'refused';
      }
      await ctx.reply(compose(ticketCard(t), []));
      return `#${t.no} shown`;
    }
    if (/超期/.test(text)) {
      const auth = authorize('overdue', a, null, ctx.now);
      if (!auth.ok) {
        await answer(ctx, auth.message);
        return 'refused';
      }
      const today = DateTime.fromISO(ctx.now, { zone: ctx.timezone }).toISODate()!;
      await list(ctx, '超期问题', await ctx.tickets.listOpen({ dueBefore: today, limit: 30 }), '目前没有超期问题。');
      return 'overdue listed';
    }
    if (a.role === 'enterprise' || /我们|本企业|我司|公司/.test(text)) {
      const own = a.enterpriseId
        ? await ctx.tickets.listOpen({ enterpriseId: a.enterpriseId })
        : await ctx.tickets.listOpen({ reporter: ctx.msg.sender.id });
      await list(ctx, '贵企业在办问题', own, '贵企业目前没有在办问题。');
      return 'enterprise tickets listed';
    }
    if (a.personId) {
      await list(ctx, '您的待办', await ctx.tickets.listOpen({ assignee: a.personId }), '您目前没有待办工单。');
      return 'todo listed';
    }
    await answer(ctx, '您尚未登记为工作人员，暂无待办。如需查询具体工单，请回复“#编号 什么进度了”。');
    return 'unknown sender';
  },
};
