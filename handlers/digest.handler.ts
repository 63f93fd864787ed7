import { authorize } from '../src/domain/permissions.js';
import type { Handler } from '../src/bot/context.js';
import { answer } from './common.js';

/** The words of 项目代办's leaders' reports, and which each is. */
const PROJECT_REPORTS = [
  ['月调度', 'month'],
  ['季观摩', 'quarter'],
  ['年验收', 'year'],
] as const;

/**
 * 今日简报 / 日报 / 周报 / 月报 / 排名, and 项目代办's 月调度 / 季观摩 / 年验收 — leaders and admins, in a leaders group or a
 * private chat.
 */
export const digest: Handler = {
  name: 'digest',
  match: (ctx) => ctx.parsed.intent === 'digest',
  async handle(ctx) {
    const t = ctx.parsed.normalized;
    const projectReport = PROJECT_REPORTS.find(([word]) => t.includes(word));
    const auth = authorize('digest', ctx.actor, null, ctx.now);
    if (!auth.ok) {
      await answer(ctx, projectReport ? auth.message.replace('查看简报', `查看${projectReport[0]}`) : auth.message);
      return 'refused';
    }
    const group = ctx.directory.group(ctx.msg.platform, ctx.msg.chatId);
    if (ctx.msg.chatType === 'group' && group?.kind !== 'leaders') {
      await answer(ctx, `${projectReport ? projectReport[0] : '简报'}涉及全区数据，请在领导群或与我私聊时查看。`);
      return 'refused: not a leaders group';
    }
    if (projectReport) {
      await ctx.reply(await ctx.projectReport(projectReport[1]));
      return `project report ${projectReport[1]} sent`;
    }
    const kind = /周报|本周/.test(t) ? 'week' : /月报|本月|排名|红黑榜/.test(t) ? 'month' : 'day';
    await ctx.reply(await ctx.digest(kind, { rankingOnly: /排名|红黑榜/.test(t) }));
    return `digest ${kind} sent`;
  },
};
