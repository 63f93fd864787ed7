import type { BotContext, PerformResult } from '../src/bot/context.js';
import { authorize, isStaff, mayShowTicketIn, type Permission } from '../src/domain/permissions.js';
import type { TicketAction } from '../src/domain/ticket-state.js';
import { isOpen, OPEN_STATUSES, type Assignee, type Ticket, type TicketStatus } from '../src/domain/ticket.js';
import { isSourceOf, sourceId } from '../src/bot/ticket-service.js';
import { namedMatter } from '../src/domain/parse/commands.js';
import { isAbout, sharesObject } from '../src/domain/similarity.js';
import { escapeTokens, mentionToken, type OutboundMessage, type OutboundTarget } from '../src/messages/outbound.js';
import { dueText, ticketCard, ticketLine } from '../src/domain/ticket-text.js';

export { cnDate, dueDate, dueText, reopenedDueText, ticketCard, ticketLine, timeLeft, weekday, type TimeLeftCalendar } from '../src/domain/ticket-text.js';
import type { UserRef } from '../src/messages/inbound.js';

/**
 * A short text answer that @-mentions the sender (in a group; in a private chat, plainly). To a tap on a card's button
 * it goes privately to the tapper (a refusal is theirs alone, and the card stays as it was: no update is sent).
 */
export function answer(ctx: BotContext, text: string): Promise<void> {
  if (ctx.msg.card) {
    return ctx.send({ kind: 'user', platform: ctx.msg.platform, userId: ctx.msg.sender.id }, { format: 'text', text: escapeTokens(text), mentions: [] });
  }
  // in a private chat there is no one else to tell it from: no mention
  if (ctx.msg.chatType === 'single') return ctx.reply({ format: 'text', text: escapeTokens(text), mentions: [] });
  return ctx.reply({ format: 'text', text: `${mentionToken(0)} ${escapeTokens(text)}`, mentions: [ctx.msg.sender] });
}

/**
 * One change to ticket `no` under its lock: the sender needs `permission`, then `decide` gives the action (or a
 * refusal). A refusal of either kind is answered to the sender and gives null; nothing changes. `part` (0, 1…): one of
 * several changes of the same kind by the same message (two fields corrected), each recorded under its own source and
 * allowed where another part of the message was made — one command, allowed as the ticket stood when it came (a part
 * may have handed the ticket to another; a retry finds the parts it made).
 */
export async function changeTicket(
  ctx: BotContext,
  no: number,
  permission: Permission,
  decide: (t: Ticket) => TicketAction | { refuse: string },
  part?: number,
): Promise<Ticket | null> {
  const res = await ctx.tickets.change(no, (t) => {
    if (part !== undefined && madeByMessage(ctx, t)) return decide(t);
    const auth = authorize(permission, ctx.actor, t, ctx.now);
    return auth.ok ? decide(t) : { refuse: auth.message };
  }, part ? { part } : undefined);
  if (res.ok) return res.ticket;
  await answer(ctx, res.message);
  return null;
}

/** Whether the message in hand changed ticket `t` already (any of its parts: its source, or its source and #n). */
export function madeByMessage(ctx: BotContext, t: Ticket): boolean {
  return t.events.some((e) => isSourceOf(e.source, ctx.msg));
}

/**
 * Tells a ticket's change where it belongs: to the ticket's own group, and as the answer here when this conversation
 * may show the ticket (its group, a group of its enterprise, a leaders' group, a private chat). Typed in another
 * enterprise's group, the answer is a short acknowledgement (`done`, e.g. "已签收") that names nothing of the ticket.
 */
export async function announce(ctx: BotContext, t: Ticket, msg: OutboundMessage, done: string): Promise<void> {
  if (mayShowTicketIn(t, ctx.msg, ctx.directory)) await ctx.reply(msg);
  else await answer(ctx, `#${t.no} ${done}，已告知该工单所在的企业服务群。`);
  await ctx.postToTicketGroup(t, msg);
}

/** A performed command as the outcome a handler reports (a refusal was answered already). */
export function outcomeOf(r: PerformResult): string {
  return r.outcome;
}

/** The referenced ticket number, or a polite request for one (returns null). */
export async function ticketNo(ctx: BotContext, example: string): Promise<number | null> {
  if (ctx.parsed.ticket !== null) return ctx.parsed.ticket;
  await answer(ctx, `请注明工单编号，例如“${example}”。`);
  return null;
}

/**
 * The ticket a command said without its number means: the one of `candidates` (this conversation's tickets the
 * sender may act on). None, or several: the sender is told which number to give, and null is returned. `opts`: what
 * to answer then (none, several, an example command), and how to find the ticket meant.
 */
export async function theOneMeant(
  ctx: BotContext,
  candidates: Ticket[],
  opts: {
    none: string;
    several: (n: number) => string;
    example: (no: number) => string;
    /**
     * The statuses the command leaves a ticket in: a retried job finds there the ticket its first attempt changed
     * (its events carry this message's source), which is no longer among the candidates, and means it again.
     */
    afterwards?: readonly TicketStatus[];
    /** The message tells what was done about the problem (a progress note): of several, the one it names the object of. */
    tellsContent?: boolean;
    /** A line under the list of several. */
    footer?: string;
  },
): Promise<number | null> {
  const { afterwards = [], tellsContent = false } = opts;
  if (afterwards.length) {
    const source = sourceId(ctx.msg);
    for (const t of await ctx.tickets.listHere(afterwards)) {
      if ((await ctx.tickets.get(t.no))?.events.some((e) => e.source === source)) return t.no;
    }
  }
  // "那个扩容的单子…": the ticket it calls by what it is about, not another one that happens to be in hand
  const matter = namedMatter(ctx.parsed.normalized);
  const meant = matter ? candidates.filter((t) => isAbout(matter, t.text)) : candidates;
  if (meant.length === 1) return meant[0]!.no;
  // "跟供电所沟通过了，本周恢复供电" under two tickets in hand, one about 停电: that one
  const named = tellsContent && meant.length > 1 ? meant.filter((t) => sharesObject(ctx.parsed.normalized, t.text)) : [];
  if (named.length === 1) return named[0]!.no;
  const list = (head: string, shown: Ticket[]) =>
    [`${head}，请注明编号，例如“${opts.example(shown[0]!.no)}”：`, ...shown.slice(0, 5).map((t) => `#${t.no} ${t.summary}`), ...(opts.footer ? [opts.footer] : [])].join('\n');
  if (candidates.length === 0) await answer(ctx, opts.none);
  else if (meant.length === 0) await answer(ctx, list(`${ctx.msg.chatType === 'single' ? '' : '本群'}未找到与“${matter}”相符的工单`, candidates));
  else await answer(ctx, list(opts.several(meant.length), meant));
  return null;
}

/** A person as a mention on the ticket's platform (null when they have no id there). */
export function personRef(p: Assignee, platform: UserRef['platform']): UserRef | null {
  const id = p[platform];
  return id ? { platform, id, name: p.name } : null;
}

/**
 * The enterprise's reporter, to @-mention in the ticket's group; null for a problem found on a visit (its reporter of
 * record is the cadre who logged it: the group is addressed as a whole).
 */
export function reporterRef(t: Ticket): UserRef | null {
  return t.visitNo ? null : { platform: t.platform, id: t.reporter.id, name: t.reporter.name };
}

/**
 * A person to @-mention on `platform`, or their name where they have no account there: the platforms show a mention
 * as the person's name, so a message says it once (found trying the product: "已转办给 @周明 周明").
 */
export function mentionOrName(p: Assignee, platform: UserRef['platform']): UserRef | { name: string } {
  return personRef(p, platform) ?? { name: p.name };
}

/**
 * Builds a message from lines where `@{n}` marks the n-th of `mentions`: a mention where it has an id, the bare name
 * where it has only a name, nothing where it is missing.
 */
export function compose(lines: string[], mentions: (UserRef | { name: string } | null)[], title?: string): OutboundMessage {
  const present: UserRef[] = [];
  // tokens are made here only: any in the lines came from a user and are shown as typed
  const text = escapeTokens(lines.join('\n'))
    .replace(/@\{(\d+)\}/g, (_, i: string) => {
      const u = mentions[Number(i)];
      if (!u) return '';
      if (!('id' in u)) return escapeTokens(u.name);
      present.push(u);
      return mentionToken(present.length - 1);
    })
    .replace(/ +\n/g, '\n');
  return { format: 'markdown', ...(title ? { title } : {}), text, mentions: present };
}

/** The sender, privately, on the platform they wrote on. */
export const privately = (ctx: BotContext): OutboundTarget => ({ kind: 'user', platform: ctx.msg.platform, userId: ctx.msg.sender.id });

/**
 * `msg` here when this conversation may show it (`allowed`); otherwise to the sender privately, with a short line
 * here (`told`) that names nothing of it.
 */
export async function here(ctx: BotContext, allowed: boolean, msg: OutboundMessage, told: string): Promise<void> {
  if (allowed) return ctx.reply(msg);
  await ctx.send(privately(ctx), msg);
  await answer(ctx, told);
}

/** Said with every list or card sent privately instead of in the group. */
export const NOT_RECEIVED = '如未收到，请与我私聊查询';

/**
 * A ticket's card as the answer (`lead`: a line above it) — here when this conversation may show it, else to the
 * asker privately with a short note here that names nothing of it. Returns the outcome (shown here, or privately).
 */
export async function showTicket(ctx: BotContext, t: Ticket, lead?: string): Promise<string> {
  const shown = mayShowTicketIn(t, ctx.msg, ctx.directory);
  const card = compose([...(lead ? [lead] : []), ...ticketCard(t, ctx.sla.calendar)], []);
  await here(ctx, shown, card, `#${t.no} 不是本群企业的问题，详情已私信发送给您（${NOT_RECEIVED}“#${t.no} 什么进度了”）。`);
  return shown ? `#${t.no} shown` : `#${t.no} shown privately`;
}

/**
 * A list answered here, or — when a ticket in it may not be shown in this group (another enterprise's problem, or the
 * sender's own from another group) — sent to the asker privately, with a short note here that names no ticket
 * (`note`, else that the list holds other enterprises' problems). `footer`: a line under the list, in the note too.
 */
export async function list(
  ctx: BotContext,
  title: string,
  tickets: Ticket[],
  empty: string,
  opts: { footer?: string; note?: string; line?: { enterprise?: boolean; assignee?: boolean } } = {},
): Promise<void> {
  if (tickets.length === 0) return answer(ctx, empty);
  const shown = tickets.every((t) => mayShowTicketIn(t, ctx.msg, ctx.directory));
  // shown in a group, the list is the asker's answer and @-mentions them (as a short answer does); sent privately, it needs none
  const asker = shown && ctx.msg.chatType !== 'single' && !ctx.msg.card;
  const lines = [`${asker ? '@{0} ' : ''}**${title}（${tickets.length}件）**`, ...tickets.map((t) => `> ${ticketLine(t, ctx.sla.calendar, { ...opts.line, now: ctx.now })}`), ...(opts.footer ? [opts.footer] : [])];
  const msg = compose(lines, asker ? [ctx.msg.sender] : []);
  return here(ctx, shown, msg, `${opts.note ?? `${title}含其他企业的问题，已私信发送给您`}（${NOT_RECEIVED}）。${opts.footer ?? ''}`);
}

/**
 * What a chase said without its number may mean: this conversation's tickets in hand (在办) that the sender may chase
 * — in a private chat with an enterprise's contact, also their enterprise's (or those they reported) wherever they were
 * opened, since none were opened in the private chat itself. (The other commands without a number — 满意, 还是没解决,
 * 认领 — look at this conversation's tickets alone: an answered ticket is rated or reopened where it was answered.)
 */
export async function chasable(ctx: BotContext): Promise<Ticket[]> {
  const inChat = await ctx.tickets.listHere(OPEN_STATUSES);
  const own = ctx.msg.chatType === 'single' && !isStaff(ctx.actor) ? (await ownOpen(ctx)).tickets.filter((t) => isOpen(t) && !inChat.some((h) => h.no === t.no)) : [];
  return [...inChat, ...own].filter((t) => authorize('urge', ctx.actor, t, ctx.now).ok);
}

/** The open tickets of the sender's enterprise, or those the sender reported where the enterprise is not known. */
export async function ownOpen(ctx: BotContext): Promise<{ title: string; tickets: Ticket[]; none: string }> {
  const a = ctx.actor;
  return a.enterpriseId
    ? { title: '贵企业在办问题', tickets: await ctx.tickets.listOpen({ enterpriseId: a.enterpriseId }), none: '贵企业目前没有在办问题。' }
    : { title: '您反映的在办问题', tickets: await ctx.tickets.listOpen({ reporter: ctx.msg.sender.id }), none: '您目前没有在办问题。' };
}

/**
 * Tells the person a ticket was taken from (转办, or a correction that re-routes it) privately that someone else handles
 * it now — unless they moved it themselves or it is theirs again (found trying the product: a service commissioner who
 * had claimed a ticket lost it to a correction without a word, and was then refused when he reported progress).
 */
export async function notifyPreviousAssignee(ctx: BotContext, t: Ticket, previous: Assignee | undefined, to: Assignee): Promise<void> {
  if (!previous || previous.personId === to.personId || previous.personId === ctx.actor.personId) return;
  await ctx.notifyPerson(previous, compose([`【改派】#${t.no} ${t.summary}`, `已转由 ${to.name} 办理，您无需再跟进。`], []), t.platform);
}
