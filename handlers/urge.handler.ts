import type { BotContext, Handler } from '../src/bot/context.js';
import { isOverdue, type Ticket } from '../src/domain/ticket.js';
import { authorize } from '../src/domain/permissions.js';
import { chasable, changeTicket, compose, dueText, mentionOrName, showTicket, theOneMeant } from './common.js';

/**
 * A chase said without its number ("我们那个扩容的事麻烦再催催", or a few words pressing, "这事怎么还没动静"): of the
 * tickets in hand the sender may chase (`chasable`, their enterprise's), the one meant. None, or several: the sender is
 * told which number to give (`footer`: a line under the list of several), and null is returned.
 */
export function chaseMeant(ctx: BotContext, open: Ticket[], footer?: string): Promise<number | null> {
  return theOneMeant(ctx, open, {
    none: '未找到您可催办的在办工单，请注明工单编号，例如“#12 催一下”。',
    several: (n) => `${ctx.msg.chatType === 'single' ? '您' : '本群'}有 ${n} 件在办工单`,
    example: (no) => `#${no} 催一下`,
    ...(footer ? { footer } : {}),
  });
}

/**
 * 催办 of ticket `no` — counted on the ticket; the responsible person is reminded privately and, in a group, mentioned in
 * the answer (a private chat with the enterprise's contact names them without a mention: they are not in it).
 */
export async function urgeTicket(ctx: BotContext, no: number): Promise<string> {
  const t = await changeTicket(ctx, no, 'urge', () => ({ type: 'urge' }));
  if (!t) return 'refused';
  // (a chase of a ticket past its limit says so, to the enterprise and to the one chased — found trying the product: it
  // read as one made before the deadline)
  const overdue = isOverdue(t, ctx.now) ? '，已超期' : '';
  const due = `办理时限：${dueText(t, ctx.sla.calendar)}${overdue}`;
  if (ctx.msg.chatType === 'single') await ctx.reply(compose([`已催办 **#${t.no}**，已提醒${t.assignee?.name ?? '责任人'}抓紧办理（${due}）。`], []));
  else await ctx.reply(compose([`已催办 **#${t.no}**，@{0} 请抓紧办理（${due}）。`], [t.assignee ? mentionOrName(t.assignee, ctx.msg.platform) : null]));
  if (t.assignee) {
    await ctx.notifyPerson(t.assignee, compose([`【催办】#${t.no} 第${t.urgeCount ?? 1}次催办`, `问题：${t.summary}`, due], []), t.platform);
  }
  return `#${t.no} urged`;
}

/** #12 催一下, or a chase said without its number. */
export const urge: Handler = {
  name: 'urge',
  match: (ctx) => ctx.parsed.intent === 'urge',
  async handle(ctx) {
    const no = ctx.parsed.ticket ?? (await chaseMeant(ctx, await chasable(ctx)));
    if (no === null) return 'no ticket number';
    // a cadre pressing on a number ("#12 签收了没有？都三天了") may not chase (the enterprise and leaders do) but may
    // see it: the refusal comes with where the ticket stands, which is what the cadre wants to know
    if (ctx.actor.role === 'cadre') {
      const t = await ctx.tickets.get(no);
      const auth = t ? authorize('urge', ctx.actor, t, ctx.now) : { ok: true as const };
      if (t && !auth.ok) return showTicket(ctx, t, auth.message.replace(/。$/, '；该工单当前情况如下：'));
    }
    return urgeTicket(ctx, no);
  },
};
