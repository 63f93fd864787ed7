import { ratingFrom, ratingNote } from '../src/domain/parse/commands.js';
import { reopenDueAt } from '../src/domain/sla.js';
import { isBadRating, RATINGS } from '../src/domain/ticket-state.js';
import { isOpen } from '../src/domain/ticket.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { authorize } from '../src/domain/permissions.js';
import { announce, changeTicket, answer, compose, outcomeOf, reopenedDueText, mentionOrName, theOneMeant } from './common.js';

/** Rates an answer (好差评); 差评 reopens the ticket (重办) with a new answer clock. */
export async function performRate(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'rate' }>): Promise<PerformResult> {
  const { level, note } = cmd;
  const { calendar, policy } = ctx.sla;
  const t = await changeTicket(ctx, cmd.no, 'rate', (t) => ({
    type: 'rate',
    level,
    note: note || undefined,
    resolutionDueAt: reopenDueAt(ctx.now, t.urgency, calendar, policy),
  }));
  if (!t) return { done: false, outcome: 'refused' };
  const label = RATINGS[level].label;
  if (!isBadRating(level)) {
    await announce(ctx, t, compose([`感谢评价！**#${t.no} 已办结**（${label}）。`], []), '已评价');
    return { done: true, outcome: `#${t.no} rated ${level}, closed` };
  }
  const who = t.assignee ? mentionOrName(t.assignee, ctx.msg.platform) : null;
  await announce(ctx, t, compose([`已收到评价（${label}）。**#${t.no} 转入重办**，@{0} 请尽快跟进。`, `> 办理时限：${reopenedDueText(t, calendar)}`], [who]), '已评价，转入重办');
  if (t.assignee) {
    await ctx.notifyPerson(
      t.assignee,
      compose(
        [
          `【重办】#${t.no} 企业评价：${label}`,
          ...(note ? [`企业说明：${note}`] : []),
          `问题：${t.summary}`,
          `办理时限：${reopenedDueText(t, calendar)}`,
          '请尽快与企业联系，重新办理。',
        ],
        [],
      ),
      t.platform,
    );
  }
  return { done: true, outcome: `#${t.no} rated ${level}, reopened` };
}

/** #12 满意 / 基本满意 / 不满意 / 1–5星, with an optional reason. */
export const rate: Handler = {
  name: 'rate',
  match: (ctx) => ctx.parsed.intent === 'rate',
  async handle(ctx) {
    const no = ctx.parsed.ticket ?? (await awaitingRating(ctx));
    if (no === null) return 'no ticket number';
    const level = ratingFrom(ctx.parsed.normalized);
    if (!level && (await solvedBeforeAnswer(ctx, no))) return 'solved before its answer: the assignee told';
    if (!level) {
      await answer(ctx, `请回复评价等级，例如“#${no} 满意”：非常满意、满意、基本满意、不满意、非常不满意（或1–5星）。`);
      return 'no level';
    }
    const note = ratingNote(ctx.parsed.normalized);
    return outcomeOf(await performRate(ctx, { kind: 'rate', no, level, note: note || undefined }));
  },
};

/**
 * The enterprise says it is solved ("#3 已经解决了，谢谢") while the ticket is not answered yet: no rating to ask for
 * (found trying the product: the bot asked for one, then refused it as not answered). The enterprise is told so, and
 * the assignee is told what the enterprise said, to answer it. Nothing of the ticket changes. False when the ticket is
 * not the sender's to see, or awaits a rating.
 */
async function solvedBeforeAnswer(ctx: BotContext, no: number): Promise<boolean> {
  if (ctx.actor.role !== 'enterprise' && ctx.actor.role !== 'none') return false;
  const t = await ctx.tickets.get(no);
  if (!t || !isOpen(t) || t.status === 'pending_rating' || !authorize('view', ctx.actor, t, ctx.now).ok) return false;
  await answer(ctx, `#${no} 尚未答复。${t.assignee ? '已将您的反馈转告责任人，' : ''}答复后请再评价。`);
  if (t.assignee) {
    await ctx.notifyPerson(
      t.assignee,
      compose([`【企业反馈】#${t.no} ${t.summary}${t.enterprise ? `（${t.enterprise}）` : ''}`, `企业表示：${ctx.parsed.normalized.replace(/^[#＃]?\d+号?\s*/, '')}`, `如确已解决，请回复“办结 #${t.no} …”答复企业。`], []),
      t.platform,
    );
  }
  return true;
}

/**
 * A rating said without its number ("满意", the words of the answer's buttons): the one ticket of this conversation
 * that awaits the sender's rating. None, or several: the sender is told which number to give (nothing is rated).
 */
async function awaitingRating(ctx: BotContext): Promise<number | null> {
  const waiting = (await ctx.tickets.listHere(['pending_rating'])).filter((t) => authorize('rate', ctx.actor, t, ctx.now).ok);
  return theOneMeant(ctx, waiting, {
    none: '您目前没有待评价的工单。评价已答复的问题请注明编号，例如“#12 满意”。',
    several: (n) => `您有 ${n} 件工单待评价`,
    example: (no) => `#${no} 满意`,
    afterwards: ['closed', 'in_progress'],
  });
}
