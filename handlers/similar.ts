import type { BotContext } from '../src/bot/context.js';
import { sourceId } from '../src/bot/ticket-service.js';
import { bestMatch, chatKey, WINDOWS, type Candidate, type Match } from '../src/domain/similarity.js';
import { isOpen, type Ticket } from '../src/domain/ticket.js';
import { authorize, mayShowTicketIn } from '../src/domain/permissions.js';
import { answer } from './common.js';

/**
 * 重复 and 回潮 (domain/similarity.ts) for a new report: which of the enterprise's tickets it repeats, and the answers
 * the bot gives when it merges a report or asks whether it is the same problem.
 */

const DAY_MS = 86_400_000;

function toCandidate(t: Ticket): Candidate | null {
  const open = isOpen(t);
  const at = open ? t.createdAt : (t.resolvedAt ?? t.closedAt);
  if (!at) return null;
  return { no: t.no, state: open ? 'open' : 'closed', at, text: t.text, category: t.category, enterpriseId: t.enterpriseId, chat: chatKey(t) };
}

/**
 * The conversation's or the enterprise's tickets in the windows of 重复 (open) and 回潮 (answered) — only those the
 * sender may see, here: a merge answer or a question quotes the ticket, and an enterprise named in the text ("神马电力那边
 * 跟我们一样…") never brings another enterprise's ticket into this conversation.
 */
export async function candidateTickets(ctx: BotContext, enterpriseId: string | null): Promise<Ticket[]> {
  const at = Date.parse(ctx.now);
  const tickets = await ctx.tickets.listSimilarCandidates({
    enterpriseId,
    openSince: new Date(at - WINDOWS.openDays * DAY_MS).toISOString(),
    answeredSince: new Date(at - WINDOWS.closedDays * DAY_MS).toISOString(),
  });
  return tickets.filter((t) => mayShowTicketIn(t, ctx.msg, ctx.directory) && authorize('view', ctx.actor, t, ctx.now).ok);
}

/**
 * The ticket this report repeats: an open one (重复: `same` merges, `unsure` asks), else an answered one it is surely
 * the same as (回潮). The ticket this very message opened (a retried job) is never its own match.
 */
export async function findSimilar(
  ctx: BotContext,
  report: { text: string; category: string; enterpriseId: string | null },
): Promise<{ match: Match; ticket: Ticket } | null> {
  const source = sourceId(ctx.msg);
  const tickets = (await candidateTickets(ctx, report.enterpriseId)).filter((t) => t.sourceMessageId !== source && t.status !== 'dismissed');
  const candidates = tickets.map(toCandidate).filter((c): c is Candidate => !!c);
  const r = { ...report, chat: chatKey(ctx.msg), at: ctx.now };
  const found = (m: Match | null) => (m ? { match: m, ticket: tickets.find((t) => t.no === m.no)! } : null);
  const open = bestMatch(r, candidates.filter((c) => c.state === 'open'), undefined, ctx.pairWeights);
  if (open && open.verdict !== 'different') return found(open);
  const closed = bestMatch(r, candidates.filter((c) => c.state === 'closed'), undefined, ctx.pairWeights);
  return closed && closed.verdict === 'same' ? found(closed) : null;
}

/** The summary as quoted back in a sentence (short). */
export const quoted = (t: Pick<Ticket, 'summary'>): string => (t.summary.length > 24 ? `${t.summary.slice(0, 24)}…` : t.summary);

/** 重复: merges the sender's report into ticket `t` (once per message) and says so; false when `t` may no longer take it. */
export async function mergeInto(ctx: BotContext, t: Ticket, report: { message: string; text: string; answered?: boolean }): Promise<boolean> {
  const r = await ctx.tickets.change(t.no, () => ({ type: 'merge', message: report.message, text: report.text, ...(report.answered ? { answered: true } : {}) }));
  if (!r.ok) return false;
  // its own reporter saying it again ("還是沒有電，怎麼回事？") adds to the ticket: not "the same problem raised by
  // someone else" (found trying the product: the assignee was told 孙总 also reported 孙总's own problem)
  const own = t.platform === ctx.msg.platform && t.reporter.id === ctx.msg.sender.id && !t.visitNo;
  if (own) {
    await answer(ctx, `已收到您关于 #${t.no}（${quoted(r.ticket)}）的补充，已转告责任人，我们会尽快回复您。`);
    if (r.ticket.assignee) {
      const who = ctx.actor.name ?? ctx.msg.sender.name ?? '企业联系人';
      await ctx.notifyPerson(r.ticket.assignee, { format: 'text', text: `【企业补充】#${t.no} ${who}：“${report.text.slice(0, 80)}”。请尽快回复企业。`, mentions: [] });
    }
    return true;
  }
  await answer(
    ctx,
    report.answered
      ? `您反映的问题与 #${t.no}（${quoted(r.ticket)}）为同一问题，已并入，我们会一并跟进。`
      : `您反映的问题与 #${t.no}（${quoted(r.ticket)}）为同一问题，已并入，我们会一并跟进。如不是同一问题，请回复“不是”，我们将单独受理。`,
  );
  // the responsible person learns who else raised it, and in what words
  const assignee = r.ticket.assignee;
  if (assignee) {
    const who = ctx.actor.name ?? ctx.msg.sender.name ?? '企业联系人';
    await ctx.notifyPerson(assignee, { format: 'text', text: `【并入】#${t.no} ${who}也反映了同一问题：“${report.text.slice(0, 80)}”。已并入本工单，答复时请一并告知。`, mentions: [] });
  }
  return true;
}

/**
 * 重复 the bot is not sure of: the report was accepted as `opened`; the sender is asked once whether it is the same as
 * `t` (the question recorded on `t`). Gives the question, for the answer that accepts the report (one answer: a WeCom
 * AI bot's response_url takes one body), or null when `t` may no longer be asked about.
 */
export async function askSame(ctx: BotContext, t: Ticket, opened: Ticket): Promise<string | null> {
  const r = await ctx.tickets.change(t.no, () => ({ type: 'duplicate_ask', message: sourceId(ctx.msg), text: ctx.msg.text }));
  if (!r.ok) return null;
  return `另：#${opened.no} 与 #${t.no}（${quoted(r.ticket)}）可能为同一问题。如是，请回复“是”，我们将合并办理；如不是，无需回复。`;
}
