import { authorize, isStaff } from '../src/domain/permissions.js';
import type { BotContext, Handler } from '../src/bot/context.js';
import { isOverdue, type Ticket } from '../src/domain/ticket.js';
import { answer, list, ownOpen, showTicket } from './common.js';

/** #12 什么进度了 · 我的待办 · 我们的问题 · 超期问题 · 查一下 X 的工单. */
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
      // another enterprise's problem is never posted into this group: the card goes to the asker privately
      return showTicket(ctx, t);
    }
    if (/超期/.test(text)) {
      const auth = authorize('overdue', a, null, ctx.now);
      if (!auth.ok) {
        await answer(ctx, auth.message);
        return 'refused';
      }
      // 超期: open, past the current answer deadline, not waiting for the enterprise (one definition: isOverdue)
      const overdue = (await ctx.tickets.listOpen({ overdueAt: ctx.now, limit: 30 })).filter((t) => isOverdue(t, ctx.now));
      await list(ctx, '超期问题', overdue, '目前没有超期问题。', { line: { enterprise: true } });
      return 'overdue listed';
    }
    // one enterprise's tickets asked for by name (the parse reads the name): staff may view every ticket (authorize
    // 'view'); a list naming other enterprises is sent privately (list); a contact is shown its own, below
    const name = isStaff(a) ? ctx.parsed.enterprise : null;
    if (name) {
      const e = ctx.directory.enterpriseByName(name);
      if (!e) {
        await answer(ctx, `未找到企业“${name}”，请核对企业名称。`);
        return 'enterprise not found';
      }
      await list(ctx, `${e.name}在办问题`, await ctx.tickets.listOpen({ enterpriseId: e.id }), `${e.name}目前没有在办问题。`);
      return 'named enterprise tickets listed';
    }
    if (a.role === 'enterprise' || /我们|本企业|我司|公司/.test(text)) {
      const own = await ownOpen(ctx);
      await list(ctx, own.title, own.tickets, own.none, { note: `${own.title}已私信发送给您` });
      return 'enterprise tickets listed';
    }
    if (a.personId) {
      await list(ctx, '您的待办', await ctx.tickets.listOpen({ assignee: a.personId }), '您目前没有待办工单。', { line: { enterprise: true, assignee: false } });
      return 'todo listed';
    }
    await answer(ctx, '您尚未登记为工作人员，暂无待办。如需查询具体工单，请回复“#编号 什么进度了”。');
    return 'unknown sender';
  },
};
