import { authorize } from '../src/domain/permissions.js';
import { digestRequestOf } from '../src/domain/parse/digest-request.js';
import { bareText } from '../src/domain/parse/normalize.js';
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
    // plain words ("发一下本周的问题汇总", "破解率多少了", "上个月的数据发我一下"): the period, whether the one before, and
    // the figure asked for; the short forms (简报, 周报, 月报, 排名) as before
    const req = digestRequestOf(bareText(t));
    await ctx.reply(await ctx.digest(req.period, { previous: req.previous, focus: req.focus, category: req.category }));
    return `digest ${req.period}${req.previous ? ' (previous)' : ''}${req.focus === 'all' ? '' : ` ${req.focus}`} sent`;
  },
};
