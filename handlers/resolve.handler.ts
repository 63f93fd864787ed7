import { commandNote, outcomeFrom } from '../src/domain/parse/commands.js';
import { OUTCOMES } from '../src/domain/ticket-state.js';
import { rateActions } from '../src/messages/actions.js';
import type { BotContext, Handler, PerformResult, TicketCommand } from '../src/bot/context.js';
import { announce, changeTicket, compose, outcomeOf, reporterRef, ticketNo } from './common.js';
import { answerCaseMembers } from './common-case.handler.js';

/** Answers a ticket (办结/答复): the answer goes to the enterprise's group with a request to rate. */
export async function performResolve(ctx: BotContext, cmd: Extract<TicketCommand, { kind: 'resolve' }>): Promise<PerformResult> {
  const { outcome, note } = cmd;
  const t = await changeTicket(ctx, cmd.no, 'resolve', () => ({ type: 'resolve', outcome, note: note || undefined }));
  if (!t) return { done: false, outcome: 'refused' };
  const text = compose(
    [
      `**#${t.no} 已答复（${OUTCOMES[outcome]}）** @{0}`,
      `> 问题：${t.summary}`,
      ...(note ? [`> 答复：${note}`] : []),
      `请评价：回复“#${t.no} 满意”“#${t.no} 基本满意”或“#${t.no} 不满意”。`,
    ],
    [reporterRef(t)],
  );
  // the enterprise may tap its rating instead of typing it (where the platform shows buttons)
  const msg = { ...text, actions: rateActions(t.no) };
  // the answer names the problem: it goes to the ticket's own group; elsewhere the cadre gets a short acknowledgement
  await announce(ctx, t, msg, `已答复（${OUTCOMES[outcome]}）`);
  // 共性问题: the lead's answer answers the tickets made part of its case, each in its own group
  const members = t.caseMembers?.length ? await answerCaseMembers(ctx, t, outcome, note || undefined) : [];
  return { done: true, outcome: `#${t.no} resolved (${outcome})${members.length ? `, case members ${members.map((n) => `#${n}`).join(' ')} answered` : ''}` };
}

/** 办结 #12 … */
export const resolve: Handler = {
  name: 'resolve',
  match: (ctx) => ctx.parsed.intent === 'resolve',
  async handle(ctx) {
    const no = await ticketNo(ctx, '办结 #12 已恢复供电');
    if (no === null) return 'no ticket number';
    const outcome = outcomeFrom(ctx.parsed.normalized);
    // the outcome named before or after the answer is the outcome, not part of it ("办结 #2 …下周完成 部分解决")
    const note = commandNote(ctx.parsed.normalized)
      .replace(/^(已办结|已解决|部分解决|解释说明|暂无法解决)[，,：:\s]*/, '')
      .replace(/[，,；;\s]*[（(]?(部分解决|解释说明|暂无法解决)[）)]?[。.]?$/, '');
    return outcomeOf(await performResolve(ctx, { kind: 'resolve', no, outcome, note: note || undefined }));
  },
};
