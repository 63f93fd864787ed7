import { authorize } from '../src/domain/permissions.js';
import type { Handler } from '../src/bot/context.js';
import { answer } from './common.js';

/** 今日简报 / 日报 / 周报 / 月报 / 排名 — leaders and admins, in a leaders group or a private chat. */
export const digest: Handler = {
  name: 'digest',
  match: (ctx) => ctx.parsed.intent === 'digest',
  async handle(ctx) {
    const auth = authorize('digest', ctx.actor, null, ctx.now);
    if (!auth.ok) {
      await answer(ctx, auth.message);
      return 'refused';
    }
    const group = ctx.directory.group(ctx.msg.platform, ctx.msg.chatId);
    if (ctx.msg.chatType === 'group' && group?.kind !== 'leaders') {
      await answer(ctx, '简报涉及全区数据，请在领导群或与我私聊时查看。');
      return 'refused: not a leaders group';
    }
    const t = ctx.parsed.normalized;
    const kind = /周报|本周/.test(t) ? 'week' : /月报|本月|排名|红黑榜/.test(t) ? 'month' : 'day';
    await ctx.reply(await ctx.digest(kind, { rankingOnly: /排名|红黑榜/.test(t) }));
    return `digest ${kind} sent`;
  },
};
