import { authorize } from '../src/domain/permissions.js';
import { commandNote } from '../src/domain/parse/commands.js';
import type { BotContext, Handler } from '../src/bot/context.js';
import { announce, answer, compose, dueText, reporterRef, ticketNo } from './common.js';

const RESUME = /(已补充|补充完毕|恢复办理)/;

/** #12 待补充：… pauses the 答复 clock while the enterprise supplies something; #12 已补充 resumes it. */
export const pause: Handler = {
  name: 'pause',
  match: (ctx) => ctx.parsed.intent === 'progress' && /(待补充|已补充|补充完毕|恢复办理)/.test(ctx.parsed.normalized),
  async handle(ctx: BotContext) {
    const resuming = RESUME.test(ctx.parsed.normalized);
    const no = await ticketNo(ctx, resuming ? '#12 已补充' : '#12 待补充：请提供用电负荷表');
    if (no === null) return 'no ticket number';
    const note = commandNote(ctx.parsed.normalized.replace(/(待补充|已补充|补充完毕|恢复办理)[:：]?/, ''));
    if (!resuming && !note) {
      await answer(ctx, `请写明需要企业补充的内容，例如“#${no} 待补充：请提供用电负荷表”。`);
      return 'no note';
    }
    const { calendar } = ctx.sla;
    const res = await ctx.tickets.change(no, (t) => {
      const auth = authorize(resuming ? 'resume' : 'progress', ctx.actor, t, ctx.now);
      if (!auth.ok) return { refuse: auth.message };
      if (!resuming) return { type: 'pause', note };
      if (!t.pausedAt) return { type: 'resume', resolutionDueAt: t.resolutionDueAt };
      const paused = calendar.workingMinutesBetween(t.pausedAt, ctx.now);
      return { type: 'resume', resolutionDueAt: calendar.addWorkingMinutes(t.resolutionDueAt, paused), note: note || undefined };
    });
    if (!res.ok) {
      await answer(ctx, res.message);
      return `refused: ${res.message}`;
    }
    const t = res.ticket;
    const msg = resuming
      ? compose([`**#${t.no} 已恢复办理**，办理时限顺延至 ${dueText(t, ctx.sla.calendar)}。`], [])
      : compose([`**#${t.no} 需企业补充材料** @{0}`, `> ${note}`, `补充后请回复“#${t.no} 已补充”，办理时限在此期间暂停计算。`], [reporterRef(t)]);
    await announce(ctx, t, msg, resuming ? '已恢复办理' : '已标记待补充');
    return `#${t.no} ${resuming ? 'resumed' : 'paused'}`;
  },
};
