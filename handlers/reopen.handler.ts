import { reopenNote } from '../src/domain/parse/commands.js';
import { reopenDueAt } from '../src/domain/sla.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { authorize } from '../src/domain/permissions.js';
import { announce, changeTicket, compose, outcomeOf, reopenedDueText, mentionOrName, theOneMeant } from './common.js';

/** The enterprise sends the ticket back (重办): a new answer clock from now. */
export async function performReopen(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'reopen' }>): Promise<PerformResult> {
  const { note } = cmd;
  const { calendar, policy } = ctx.sla;
  const t = await changeTicket(ctx, cmd.no, 'reopen', (t) => ({
    type: 'reopen',
    note: note || undefined,
    resolutionDueAt: reopenDueAt(ctx.now, t.urgency, calendar, policy),
  }));
  if (!t) return { done: false, outcome: 'refused' };
  const who = t.assignee ? mentionOrName(t.assignee, ctx.msg.platform) : null;
  const msg = compose([`**#${t.no} 已重新打开，转入重办**，@{0} 请尽快跟进。`, `> 办理时限：${reopenedDueText(t, calendar)}`], [who]);
  await announce(ctx, t, msg, '已转入重办');
  if (t.assignee) {
    await ctx.notifyPerson(
      t.assignee,
      compose([`【重办】#${t.no} 企业反映问题未解决`, ...(note ? [`企业说明：${note}`] : []), `问题：${t.summary}`, `办理时限：${reopenedDueText(t, calendar)}`], []),
      t.platform,
    );
  }
  return { done: true, outcome: `#${t.no} reopened` };
}

/**
 * 重办 said without its number ("上次那个路灯说修好了，晚上还是不亮，麻烦重新打开"): the one ticket of this conversation
 * answered (待评价, or closed within the rating window) that the sender may send back. None, or several: the sender is
 * told which number to give.
 */
async function answeredHere(ctx: BotContext): Promise<number | null> {
  const answered = (await ctx.tickets.listHere(['pending_rating', 'closed'])).filter((t) => authorize('reopen', ctx.actor, t, ctx.now).ok);
  return theOneMeant(ctx, answered, {
    none: '未找到可重办的已答复工单，请注明工单编号，例如“#12 还没解决”。',
    several: (n) => `您有 ${n} 件已答复的工单`,
    example: (no) => `#${no} 还没解决`,
    afterwards: ['in_progress'],
  });
}

/** #12 还没解决 */
export const reopen: Handler = {
  name: 'reopen',
  match: (ctx) => ctx.parsed.intent === 'reopen',
  async handle(ctx) {
    const no = ctx.parsed.ticket ?? (await answeredHere(ctx));
    if (no === null) return 'no ticket number';
    const note = reopenNote(ctx.parsed.normalized);
    return outcomeOf(await performReopen(ctx, { kind: 'reopen', no, note: note || undefined }));
  },
};
