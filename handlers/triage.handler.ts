import { authorize } from '../src/domain/permissions.js';
import { CATEGORIES } from '../src/domain/ticket.js';
import type { Handler } from '../src/bot/context.js';
import { answer, compose, here } from './common.js';

const LIMIT = 20;

/**
 * 待确认: the open tickets whose category the bot was not sure of, oldest first — a cadre's team's (assigned to them
 * or claimable by their task force or department), everyone's to leaders and admins. Sent privately when asked in a
 * group (the list names several enterprises' problems).
 */
export const triage: Handler = {
  name: 'triage',
  match: (ctx) => ctx.parsed.intent === 'triage',
  async handle(ctx) {
    const a = ctx.actor;
    const auth = authorize('triage', a, null, ctx.now);
    if (!auth.ok) {
      await answer(ctx, auth.message);
      return 'refused';
    }
    const mine = a.role === 'cadre';
    const { total, tickets } = await ctx.tickets.listTriage({ ...(mine ? { memberOf: a.personId } : {}), limit: LIMIT });
    if (total === 0) {
      await answer(ctx, mine ? '您和所在团队目前没有待确认分类的工单。' : '目前没有待确认分类的工单。');
      return 'none';
    }
    const first = tickets[0]!.no;
    const msg = compose(
      [
        `**待确认分类工单（共 ${total} 件${total > tickets.length ? `，以下为最早的 ${tickets.length} 件` : ''}）**`,
        ...tickets.map((t) => `> #${t.no} ${CATEGORIES[t.category]}？ · ${t.enterprise ?? '企业未识别'} · ${t.summary}`),
        `请核对后更正，例如“#${first} 类别改为 用工人才”“#${first} 改为紧急”“#${first} 不是问题”。`,
      ],
      [],
    );
    await here(ctx, ctx.msg.chatType === 'single', msg, '待确认分类工单清单已私信发送给您（如未收到，请与我私聊“待确认”）。');
    return `${total} awaiting triage listed`;
  },
};
