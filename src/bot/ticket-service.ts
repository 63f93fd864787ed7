import type { Policy } from '../../config/policy.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import { nextDueAt, stepsToFile } from '../domain/sla.js';
import { buildNewTicket, type NewTicketInput, type Ticket } from '../domain/ticket.js';
import { transition, type ActionContext, type TicketAction } from '../domain/ticket-state.js';
import type { InboundMessage } from '../messages/inbound.js';
import type { WithLock } from '../queue/lock.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';
import { AppError } from '../shared/errors.js';

/**
 * What a handler decides about a new ticket; the message supplies the rest. `origin`: a ticket that is not the
 * message's own report (a problem found on a visit, 助企走访) — its own source id (one ticket per source), the group
 * it belongs to (on its platform), and its text.
 */
export type OpenTicketFields = Omit<NewTicketInput, 'platform' | 'chatId' | 'reporter' | 'text' | 'sourceMessageId' | 'now'> & {
  origin?: { source: string; platform: InboundMessage['platform']; chatId: string; text: string };
};

/** Given the current ticket: the action to apply, or a refusal to answer with. */
export type Decide = (t: Ticket) => TicketAction | { refuse: string };

export type ChangeResult =
  | { ok: true; ticket: Ticket; before: Ticket; repeated: boolean }
  | { ok: false; message: string; notFound?: boolean };

/** The source a message's change is recorded under; `part` (1…): a further change of the same kind by the same message. */
export function sourceId(msg: Pick<InboundMessage, 'platform' | 'eventId'>, part = 0): string {
  return part ? `${msg.platform}:${msg.eventId}#${part}` : `${msg.platform}:${msg.eventId}`;
}

/** Whether `source` is one a message's changes are recorded under (any of its parts). */
export function isSourceOf(source: string | undefined, msg: Pick<InboundMessage, 'platform' | 'eventId'>): boolean {
  const base = sourceId(msg);
  return source === base || !!source?.startsWith(`${base}#`);
}

/** How many sources' reservations a ticket service remembers between `ofMessage` and `openFromMessage`. */
const LOOKED_UP_MAX = 1000;

export function createTicketService(deps: { tickets: TicketRepository; withLock: WithLock; calendar: BusinessCalendar; policy: Policy }) {
  // a report's handler asks whether its message made a ticket already, then opens it: the reservation read for the
  // first is handed to the second (one store read less per report); taken once, and only by the same source
  const lookedUp = new Map<string, number | null>();
  const withNextDue = (t: Ticket): Ticket => ({ ...t, nextDueAt: nextDueAt(t, deps.calendar, deps.policy) });
  /** Files the ticket's next steps in the due index, before the ticket itself is written (a stale entry is harmless). */
  const fileDue = (t: Ticket) =>
    deps.tickets.due.file(stepsToFile(t, deps.calendar, deps.policy).map((s) => ({ no: t.no, key: s.key, at: s.at })), t.updatedAt);
  return {
    /** Opens the ticket of a report exactly once: the ticket's unique sourceMessageId is the guarantee. */
    async openFromMessage(msg: InboundMessage, f: OpenTicketFields, now: string): Promise<{ ticket: Ticket; created: boolean }> {
      const { origin, ...fields } = f;
      const source = origin?.source ?? sourceId(msg);
      const reserved = lookedUp.get(source);
      lookedUp.delete(source);
      return deps.tickets.insertNumbered(source, (no) =>
        withNextDue(buildNewTicket(no, {
          ...fields,
          platform: origin?.platform ?? msg.platform,
          chatId: origin?.chatId ?? msg.chatId,
          reporter: { id: msg.sender.id, name: msg.sender.name },
          text: origin?.text ?? msg.text,
          sourceMessageId: source,
          now,
        })),
        fileDue,
        reserved === undefined ? {} : { reserved },
      );
    },

    get: (no: number) => deps.tickets.getByNo(no),
    /** The ticket a message opened, if it did (a retried job), read by `_id` only. */
    async ofMessage(msg: Pick<InboundMessage, 'platform' | 'eventId'>): Promise<Ticket | null> {
      const source = sourceId(msg);
      const { reserved, ticket } = await deps.tickets.lookUpSource(source);
      if (lookedUp.size >= LOOKED_UP_MAX) lookedUp.clear();
      lookedUp.set(source, reserved);
      return ticket;
    },
    /** The ticket a source (a message id) opened, if any, read by `_id` only. */
    bySource: (source: string) => deps.tickets.getBySource(source),
    listOpen: deps.tickets.listOpen.bind(deps.tickets),
    listTriage: deps.tickets.listTriage.bind(deps.tickets),
    listSimilarCandidates: deps.tickets.listSimilarCandidates.bind(deps.tickets),
    listIn: deps.tickets.listIn.bind(deps.tickets),

    /**
     * One change: load, decide, transition, save (fields set, event appended, version counted up). Two guards keep
     * concurrent changes from overwriting each other: the ticket's lock, renewed while the change runs (checked in
     * Redis right before the write), and the version read, required by the update's filter. A save that finds a
     * newer version reads the ticket again and decides again (the newer state may refuse the action).
     */
    async change(no: number, decide: Decide, ctx: ActionContext): Promise<ChangeResult> {
      return deps.withLock(`ticket-${no}`, async (lease) => {
        for (let attempt = 0; ; attempt++) {
          const t = await deps.tickets.getByNo(no);
          if (!t) return { ok: false, message: `未找到工单 #${no}，请核对编号。`, notFound: true };
          const action = decide(t);
          // a retried job: this message already made this change — also when the ticket has moved on since and the
          // same decision would now be refused (a retried 转办 finds its sender no longer the assignee)
          const repeated = { ok: true as const, ticket: t, before: t, repeated: true };
          const madeBefore = !!ctx.source && t.events.some((e) => e.source === ctx.source);
          if ('refuse' in action) return madeBefore ? repeated : { ok: false, message: action.refuse };
          if (ctx.source && t.events.some((e) => e.source === ctx.source && e.type === action.type)) return repeated;
          const r = transition(t, action, ctx);
          if (!r.ok) return madeBefore ? repeated : { ok: false, message: r.message };
          const next = withNextDue(r.ticket);
          await fileDue(next);
          await lease?.assertHeld();
          if ((await deps.tickets.saveTransition(next, r.event)) === 'saved') {
            const saved = { ...next, version: ((t as Ticket & { version?: number }).version ?? 0) + 1 } as Ticket;
            return { ok: true, ticket: saved, before: t, repeated: false };
          }
          if (attempt >= 20) throw new AppError('TICKET_CONFLICT', `ticket #${no} keeps changing`, { retryable: true });
        }
      });
    },
  };
}
export type TicketService = ReturnType<typeof createTicketService>;
