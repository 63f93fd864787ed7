import { resolutionDueAt, responseDueAt } from '../src/domain/sla.js';
import { route, type Route } from '../src/domain/routing.js';
import { CATEGORIES, type Ticket } from '../src/domain/ticket.js';
import type { Enterprise } from '../src/domain/directory.js';
import { isBusinessName } from '../src/domain/parse/enterprise.js';
import { namesNoMatter, type ParsedMessage } from '../src/domain/parse/parse.js';
import { isStaff } from '../src/domain/permissions.js';
import type { BotContext, Handler } from '../src/bot/context.js';
import type { OpenTicketFields } from '../src/bot/ticket-service.js';
import { claimAction } from '../src/messages/actions.js';
import type { OutboundMessage } from '../src/messages/outbound.js';
import { chasable, cnDate, compose, dueDate, dueText, list, ownOpen, personRef, reporterRef } from './common.js';
import { askSame, findSimilar, mergeInto } from './similar.js';
import { chaseMeant, urgeTicket } from './urge.handler.js';
import { sourceId } from '../src/bot/ticket-service.js';

const VIA: Record<string, string> = { commissioner: '服务专员', taskforce: '项目专班', department: '责任部门', admin: '管理员' };

/** A problem to open as a ticket: as read from a message, with its enterprise when already known. */
export interface NewProblem {
  parsed: Pick<ParsedMessage, 'urgency' | 'category' | 'categoryConfidence' | 'deadline' | 'enterprise' | 'summary' | 'normalized'>;
  /** What the summary falls back to. */
  text: string;
  enterprise?: Enterprise;
  /** A problem found on a visit (助企走访): the visit's number and the ticket's own source, group and text. */
  visit?: { no: number; origin: NonNullable<OpenTicketFields['origin']> };
  /** A report the sender made earlier (the one a 重复 question was asked about): its own source, group and text. */
  origin?: NonNullable<OpenTicketFields['origin']>;
  /** 回潮: the earlier, answered ticket this one reports again. */
  recurrenceOf?: number;
}

/** The enterprise of a report: named in the message, else the group's, else the sender's. */
export function reportEnterprise(ctx: BotContext, parsed: Pick<ParsedMessage, 'enterprise' | 'normalized'>): Enterprise | undefined {
  const dir = ctx.directory;
  return (
    (parsed.enterprise ? dir.enterpriseByName(parsed.enterprise) : undefined) ??
    dir.findEnterpriseIn(parsed.normalized) ??
    dir.enterprise(dir.group(ctx.msg.platform, ctx.msg.chatId)?.enterprise) ??
    dir.enterprise(ctx.actor.enterpriseId)
  );
}

/**
 * The business a report is signed by, when the directory does not know it and the ticket was filed under the group's
 * (or the sender's) enterprise instead: the answer says so, for staff to correct it (found trying the product: a report
 * signed "宏达化工" in 天赐's group went to 天赐 without a word). Not a name of that enterprise's own, nor a word the
 * parser read as a name that says no business (停电两天了).
 */
export function unknownSigner(ctx: BotContext, parsed: Pick<ParsedMessage, 'enterprise'>, filedUnder: Enterprise | undefined): string | null {
  const name = parsed.enterprise;
  if (!name || !filedUnder || !isBusinessName(name) || ctx.directory.enterpriseByName(name)) return null;
  return [filedUnder.name, ...filedUnder.aliases].some((own) => own.includes(name) || name.includes(own)) ? null : name;
}

/**
 * 受理 + 派单, the same for a report typed by an enterprise and for a problem found on a visit: opens the ticket once
 * (per source), routes it and dispatches it. Returns the ticket, whether it is new, and how it was routed.
 */
export async function openProblem(ctx: BotContext, p: NewProblem): Promise<{ ticket: Ticket; created: boolean; route: Route | null }> {
  const dir = ctx.directory;
  const { parsed } = p;
  const urgency = parsed.urgency ?? 'normal';
  // the enterprise given, else named in the message, else the group's, else the sender's
  // a visit's problem belongs to the enterprise visited (none when the directory does not know it): never to one
  // named in the problem's text or bound to the chat it was confirmed in
  const enterprise = p.visit ? p.enterprise : p.enterprise ?? reportEnterprise(ctx, parsed);
  const category = parsed.category ?? 'other';
  const { calendar, policy } = ctx.sla;
  const opened = await ctx.tickets.openFromMessage({
    summary: parsed.summary ?? p.text.slice(0, 40),
    category,
    categoryConfidence: parsed.categoryConfidence,
    urgency,
    requestedDate: parsed.deadline,
    resolutionDueAt: resolutionDueAt(ctx.now, urgency, parsed.deadline, calendar, policy),
    enterprise: enterprise?.name ?? parsed.enterprise,
    enterpriseId: enterprise?.id ?? null,
    parsedBy: ctx.parsedBy,
    ...(p.visit ? { visitNo: p.visit.no, origin: p.visit.origin } : {}),
    ...(p.origin ? { origin: p.origin } : {}),
    ...(p.recurrenceOf ? { recurrenceOf: p.recurrenceOf } : {}),
  });
  let t = opened.ticket;
  const r = route(dir, t.enterpriseId, category);
  if (r && t.status === 'accepted') {
    const res = await ctx.tickets.change(
      t.no,
      () => ({
        type: 'dispatch',
        to: r.assignee,
        via: r.via,
        responseDueAt: responseDueAt(ctx.now, urgency, calendar, policy),
        team: r.team,
        projectId: r.projectId,
        leaderId: r.leaderId,
      }),
      { asBot: true },
    );
    if (res.ok) t = res.ticket;
  }
  return { ticket: t, created: opened.created, route: r };
}

/** The 受理 card for the ticket's group: the problem, its deadline and who handles it. */
export function acceptedCard(ctx: BotContext, t: Ticket, r: Route | null, also?: string): OutboundMessage {
  const assignee = t.assignee ? personRef(t.assignee, t.platform) : null;
  // the date the enterprise asked for: the deadline is that date, or earlier when the policy's limit comes first
  const due = dueDate(t, ctx.sla.calendar);
  const whose = t.visitNo ? '企业' : '您';
  const asked = !t.requestedDate
    ? ''
    : due === t.requestedDate
      ? `，按${whose}要求的日期`
      : t.requestedDate > due
        ? `，早于${whose}要求的${cnDate(t.requestedDate, ctx.sla.calendar.localDate(ctx.now))}`
        : '';
  const card = compose(
    [
      `**已受理 #${t.no}** ${t.visitNo ? `（走访发现 · V${t.visitNo}）` : '@{0}'}`,
      `> 问题：${t.summary}`,
      `> 类别：${CATEGORIES[t.category]}${t.urgency === 'urgent' ? ' · **紧急**' : ''}${t.enterprise ? ` · ${t.enterprise}` : ''}`,
      `> 办理时限：${dueText(t, ctx.sla.calendar)}${asked}`,
      t.assignee
        ? // the mention shows the name; without one (no id on this platform) the name is written out
          `> 责任人：${assignee ? '@{1}' : t.assignee.name}（${VIA[r?.via ?? ''] ?? '责任人'}）\n请责任人签收：回复“认领 #${t.no}”。`
        : '我们将尽快安排专人办理，进展会在本群告知。',
      // a question that goes with the answer (a near-duplicate): in it, not after it — a WeCom AI bot's response_url
      // takes one body
      ...(also ? [also] : []),
    ],
    [reporterRef(t), assignee],
    `已受理 #${t.no}`,
  );
  // the responsible person may tap 认领 instead of typing it (where the platform shows buttons)
  return t.assignee ? { ...card, actions: [claimAction(t.no)] } : card;
}

/** Tells the responsible person of a new ticket privately (【新工单】). */
export async function notifyNewAssignee(ctx: BotContext, t: Ticket, earlier?: Ticket | null): Promise<void> {
  if (!t.assignee) return;
  const answered = earlier ? (earlier.resolvedAt ?? earlier.closedAt) : null;
  const reached = await ctx.notifyPerson(
    t.assignee,
    compose(
      [
        `【新工单】#${t.no}${t.urgency === 'urgent' ? '（紧急）' : ''}${t.visitNo ? `（走访发现 · V${t.visitNo}）` : ''}`,
        `企业：${t.enterprise ?? '—'}`,
        `问题：${t.summary}`,
        ...(earlier && answered ? [`回潮：与 #${earlier.no}（已于 ${cnDate(ctx.sla.calendar.localDate(answered), ctx.sla.calendar.localDate(ctx.now))} 答复）反映的问题相同`] : []),
        `办理时限：${dueText(t, ctx.sla.calendar)}`,
        `请在群内回复“认领 #${t.no}”签收。`,
        ...ctx.links.ticket(t.no),
      ],
      [],
    ),
    t.platform,
  );
  if (!reached) ctx.log.warn({ ticketId: t.no }, 'assignee has no platform id: no private message');
}

/**
 * 回潮: records on the earlier ticket that `t` reports its problem again (once; a retried job finds it done), and
 * returns the earlier ticket — from `t` itself, so that a retry links what the first attempt decided.
 */
async function linkRecurrence(ctx: BotContext, t: Ticket): Promise<Ticket | null> {
  if (!t.recurrenceOf) return null;
  const r = await ctx.tickets.change(t.recurrenceOf, () => ({ type: 'recurrence', later: t.no, openedAt: t.createdAt }), { asBot: true });
  return r.ok ? r.ticket : await ctx.tickets.get(t.recurrenceOf);
}

/** 受理 + 派单: opens the ticket, routes it, answers in the group and tells the responsible person privately. */
export const createTicket: Handler = {
  name: 'create-ticket',
  match: (ctx) => ctx.parsed.intent === 'report',
  async handle(ctx) {
    // (a retried job whose first attempt opened the ticket goes on with it, whatever has been reported since)
    const opened = await ctx.tickets.ofThisMessage();
    // a few words about a matter, waiting or pressing, from an enterprise with problems in hand ("这事怎么还没动静",
    // "我们还在等"): about those, not a new one — chased as a chase without its number is (the one in hand: counted, its
    // cadre told; several: shown with how to chase one and how to report a new problem); with none in hand, a report
    if (!opened && !isStaff(ctx.actor) && namesNoMatter(ctx.parsed)) {
      const NEW_PROBLEM = '如需反映新的问题，请写明具体事项和诉求，我们将另行受理。';
      const open = await chasable(ctx);
      if (open.length > 0) {
        const no = await chaseMeant(ctx, open, NEW_PROBLEM);
        return no === null ? `few words, no matter of their own: open tickets shown (${open.length})` : `few words, pressing: ${await urgeTicket(ctx, no)}`;
      }
      // none in hand here, but the enterprise has problems elsewhere (its other group, one a cadre logged on a visit)
      // or one answered and awaiting its rating: those are shown — privately when they may not be shown here
      const own = await ownOpen(ctx);
      if (own.tickets.length > 0) {
        await list(ctx, own.title, own.tickets, own.none, { footer: `如需催办，请回复“#${own.tickets[0]!.no} 催一下”；${NEW_PROBLEM}`, note: `${own.title}已私信发送给您` });
        return `few words, no matter of their own: open tickets shown (${own.tickets.length})`;
      }
    }
    // 重复: the same problem as an open ticket of this group or enterprise is merged into it (or asked about); 回潮:
    // one answered in the last 90 days is opened again as a new ticket linked to it
    const enterprise = reportEnterprise(ctx, ctx.parsed);
    const similar = opened
      ? null
      : await findSimilar(ctx, { text: ctx.msg.text, category: ctx.parsed.category ?? 'other', enterpriseId: enterprise?.id ?? null });
    if (similar?.match.kind === 'duplicate' && similar.match.verdict === 'same') {
      const { ticket: same, match } = similar;
      if (await mergeInto(ctx, same, { message: sourceId(ctx.msg), text: ctx.msg.text })) return `merged into #${same.no} (score ${match.score})`;
    }
    const earlier = similar?.match.kind === 'recurrence' ? similar.ticket : null;
    const { ticket: t, created, route: r } = await openProblem(ctx, { parsed: ctx.parsed, text: ctx.msg.text, enterprise, ...(earlier ? { recurrenceOf: earlier.no } : {}) });
    const linked = await linkRecurrence(ctx, t);
    // not sure it is the same as an open ticket: accepted as its own all the same (nothing waits on an answer that may
    // never come), and asked once, in the same answer — 是 merges it into the other and closes this one
    const unsure = similar?.match.kind === 'duplicate' && similar.match.verdict === 'unsure' ? similar : null;
    const question = unsure ? await askSame(ctx, unsure.ticket, t) : null;
    const signer = unknownSigner(ctx, ctx.parsed, enterprise);
    const note = signer ? `> 注：消息署名“${signer}”，名录中无此企业，已按${t.enterprise}登记；如有误，请责任人回复“#${t.no} 企业是 企业名称”更正。` : null;
    const also = [note, question].filter((x): x is string => !!x).join('\n');
    await ctx.reply(acceptedCard(ctx, t, r, also || undefined));
    await notifyNewAssignee(ctx, t, linked);
    const asked = question ? `; asked whether the same as #${unsure!.ticket.no} (score ${unsure!.match.score})` : '';
    return (created ? `ticket #${t.no} created${t.assignee ? `, dispatched to ${t.assignee.personId}` : ''}` : `ticket #${t.no} already existed`) + asked;
  },
};
