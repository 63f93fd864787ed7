import type { Handler } from '../src/bot/context.js';
import { parseMessage } from '../src/domain/parse/parse.js';
import type { DuplicateAsk, Ticket } from '../src/domain/ticket.js';
import { sourceId } from '../src/bot/ticket-service.js';
import { acceptedCard, notifyNewAssignee, openProblem, reportEnterprise } from './create-ticket.handler.js';
import { candidateTickets, mergeInto } from './similar.js';
import { answer } from './common.js';

const YES = /^(是|是的|对|对的|是同一个|是同一个问题|同一个问题)$/;
const NO = /^(不是|不是的|不对|不是同一个|不是同一个问题|不一样)$/;
/** A question is answered within three days; after that a 是 is just a word. */
const ASK_WINDOW_MS = 3 * 86_400_000;

const bare = (text: string) => text.replace(/^@\S+\s*/, '').replace(/[\s。！!？?，,.]+/g, '');

/**
 * The sender's 是 / 不是 to the bot's question whether their report is the same problem as an open ticket
 * (similar.ts `askSame`): 是 merges the report into that ticket, 不是 opens a ticket of its own from the report's text.
 * The question is kept on the ticket (`duplicateAsks`) with its answer and the answering message, so a retried
 * answer does the same again, once. A 是 with no question open is chat, as before.
 */
export const duplicateAnswer: Handler = {
  name: 'duplicate-answer',
  match: (ctx) => ctx.parsed.intent === 'chat' && (YES.test(bare(ctx.parsed.normalized)) || NO.test(bare(ctx.parsed.normalized))),
  async handle(ctx) {
    const yes = YES.test(bare(ctx.parsed.normalized));
    const source = sourceId(ctx.msg);
    const since = new Date(Date.parse(ctx.now) - ASK_WINDOW_MS).toISOString();
    // a question still open, one this very message answered (a retry), or a merge the bot made without asking that
    // the sender now says is not the same problem (不是 within the window undoes it)
    const mine = (a: DuplicateAsk) =>
      a.reporter.id === ctx.msg.sender.id &&
      (a.answeredBy === source || (a.at >= since && a.at <= ctx.now && (!a.answer || (!yes && a.auto && a.answer === 'yes'))));
    // the questions live on the open tickets of this conversation or its enterprise (where the report was compared):
    // few, read without their events
    const tickets = await candidateTickets(ctx, reportEnterprise(ctx, ctx.parsed)?.id ?? null);
    let found: { t: Ticket; ask: DuplicateAsk } | null = null;
    for (const t of tickets) {
      for (const ask of t.duplicateAsks ?? []) if (mine(ask) && (!found || ask.at > found.ask.at)) found = { t, ask };
    }
    if (!found) return 'chat ignored';
    const { t, ask } = found;
    // the report asked about was accepted as a ticket of its own (since then; a question asked before has none)
    const own = await ctx.tickets.bySource(ask.source);
    if (yes && (await mergeInto(ctx, t, { message: ask.source, text: ask.text, answered: true }))) {
      // its own ticket closes as part of the other (out of every figure: it was never a second problem)
      if (own && own.no !== t.no) await ctx.tickets.change(own.no, () => ({ type: 'dismiss', note: `与 #${t.no} 为同一问题，已并入` }), { asBot: true });
      return `merged into #${t.no} (answered 是)${own ? `, #${own.no} closed into it` : ''}`;
    }
    if (own && !yes) {
      await ctx.tickets.change(t.no, () => ({ type: 'not_duplicate', message: ask.source }));
      await answer(ctx, `好的，#${own.no} 将作为单独的问题办理。`);
      return `#${own.no} kept apart from #${t.no} (answered 不是)`;
    }
    // 不是 to a question asked before reports were accepted first (or the ticket was closed meanwhile): the report
    // becomes a ticket of its own, once (its own source), then the question is marked answered
    const parsed = parseMessage(ask.text, ctx.now, ctx.sla.calendar);
    const { ticket, route } = await openProblem(ctx, {
      parsed,
      text: ask.text,
      origin: { source: ask.source, platform: ctx.msg.platform, chatId: ctx.msg.chatId, text: ask.text },
    });
    await ctx.tickets.change(t.no, () => ({ type: 'not_duplicate', message: ask.source }));
    await ctx.reply(acceptedCard(ctx, ticket, route));
    await notifyNewAssignee(ctx, ticket);
    return `ticket #${ticket.no} opened (not the same as #${t.no})`;
  },
};
