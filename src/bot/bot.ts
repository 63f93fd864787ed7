import type { Policy } from '../../config/policy.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { Directory } from '../domain/directory.js';
import type { DigestService } from '../digest/digest-service.js';
import { renderDigest } from '../platforms/digest-render.js';
import { parseMessage } from '../domain/parse/parse.js';
import type { ReportRefiner } from '../llm/refine-report.js';
import type { InboundMessage } from '../messages/inbound.js';
import type { OutboundMessage, OutboundTarget } from '../messages/outbound.js';
import type { Logger } from '../shared/logger.js';
import type { BotContext, Handler } from './context.js';
import { sourceId, type TicketService } from './ticket-service.js';

/** Who acts when the bot itself changes a ticket (派单). */
const BOT_ACTOR = (platform: InboundMessage['platform']) => ({ platform, id: 'xiaoer', name: '店小二' });

export interface BotDeps {
  handlers: Handler[];
  tickets: TicketService;
  directory(): Promise<Directory>;
  calendar: BusinessCalendar;
  policy: Policy;
  timezone: string;
  digests: DigestService;
  /** The clock (the simulator's may run ahead). */
  now?: () => Date;
  log: Logger;
  /** Optional LLM refinement of report fields (the rules' reading stands when it answers null). */
  refiner?: ReportRefiner;
  /** Durable send: `index` numbers the sends caused by one message, for deterministic outbound job ids. */
  send(cause: string, index: number, target: OutboundTarget, message: OutboundMessage): Promise<void>;
}

/**
 * Reads the message once, then runs the first handler whose `match` holds (ordered chain, first match wins).
 * A handler error propagates, so the job is retried; every step a handler takes is idempotent.
 */
export function createBot(deps: BotDeps) {
  return {
    async handle(msg: InboundMessage): Promise<string> {
      const log = deps.log.child({ platform: msg.platform, eventId: msg.eventId, chatId: msg.chatId });
      const directory = await deps.directory();
      const rules = parseMessage(msg.text, msg.sentAt, deps.calendar);
      let parsed = rules;
      let parsedBy: 'rules' | 'llm' = 'rules';
      if (rules.intent === 'report' && deps.refiner) {
        const llm = await deps.refiner.refine(msg.text, rules, msg.sentAt);
        if (llm) {
          parsed = { ...rules, ...llm, categoryConfidence: 0.9 };
          parsedBy = 'llm';
        }
      }
      const actor = directory.actor(msg.platform, msg.sender.id, msg.chatId);
      let sends = 0;
      const send = (target: OutboundTarget, message: OutboundMessage) => deps.send(sourceId(msg), sends++, target, message);
      const by = { platform: msg.platform, id: msg.sender.id, name: actor.name ?? msg.sender.name, ...(actor.personId ? { personId: actor.personId } : {}) };
      const ctx: BotContext = {
        msg,
        parsed,
        parsedBy,
        log,
        now: msg.sentAt,
        timezone: deps.timezone,
        actor,
        directory,
        sla: { calendar: deps.calendar, policy: deps.policy },
        async digest(kind, opts) {
          const now = deps.now?.() ?? new Date();
          return renderDigest(await deps.digests.build(deps.digests.range(kind, undefined, now), now), opts);
        },
        reply: (message) =>
          send({ kind: 'reply', platform: msg.platform, chatId: msg.chatId, chatType: msg.chatType, replyVia: msg.replyVia, robotCode: msg.robotCode }, message),
        send,
        async notifyPerson(person, message, preferred = msg.platform) {
          const order = preferred === 'wecom' ? (['wecom', 'dingtalk'] as const) : (['dingtalk', 'wecom'] as const);
          const platform = order.find((p) => person[p]);
          if (!platform) return false;
          await send({ kind: 'user', platform, userId: person[platform]! }, message);
          return true;
        },
        async postToTicketGroup(ticket, message) {
          if (ticket.platform === msg.platform && ticket.chatId === msg.chatId) return;
          await send({ kind: 'group', platform: ticket.platform, chatId: ticket.chatId }, message);
        },
        tickets: {
          // the reporter as the directory names them (a callback may carry only the user id)
          openFromMessage: (f) => deps.tickets.openFromMessage({ ...msg, sender: { ...msg.sender, name: actor.name ?? msg.sender.name } }, f, msg.sentAt),
          get: (no) => deps.tickets.get(no),
          change: (no, decide, opts) =>
            deps.tickets.change(no, decide, { by: opts?.asBot ? BOT_ACTOR(msg.platform) : by, at: msg.sentAt, source: sourceId(msg) }),
          listOpen: (f) => deps.tickets.listOpen(f),
        },
      };
      const handler = deps.handlers.find((h) => h.match(ctx));
      if (!handler) return 'unhandled';
      const outcome = await handler.handle(ctx);
      log.info({ handler: handler.name, intent: parsed.intent, role: actor.role, outcome }, 'message handled');
      return outcome;
    },
  };
}
export type Bot = ReturnType<typeof createBot>;
