import type { Policy } from '../../config/policy.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { Directory } from '../domain/directory.js';
import type { DigestService } from '../digest/digest-service.js';
import type { BayesModel } from '../domain/parse/bayes.js';
import { renderDigest, renderDigestFigure } from '../platforms/digest-render.js';
import { previousPeriod } from '../domain/digest.js';
import { renderMonthlyReport, renderQuarterlyVisits, renderYearlyReport } from '../platforms/project-render.js';
import { parseMessage, type ParsedMessage } from '../domain/parse/parse.js';
import { VISIT_EDIT_WINDOW_MS } from '../domain/visit.js';
import type { ReportRefiner } from '../llm/refine-report.js';
import { createHash } from 'node:crypto';
import { actionDoneLabel } from '../messages/actions.js';
import type { InboundMessage } from '../messages/inbound.js';
import { toPlainText, type OutboundMessage, type OutboundTarget } from '../messages/outbound.js';
import type { Logger } from '../shared/logger.js';
import type { BotContext, Handler, Performer, TicketCommand, WorkbenchIdentity } from './context.js';
import type { ProjectService } from './project-service.js';
import { sourceId, type TicketService } from './ticket-service.js';
import type { VisitService } from './visit-service.js';

/** Who acts when the bot itself changes a ticket (派单). */
const BOT_ACTOR = (platform: InboundMessage['platform']) => ({ platform, id: 'xiaoer', name: '店小二' });

export interface BotDeps {
  handlers: Handler[];
  tickets: TicketService;
  /** 项目代办's paths; without it, the project commands answer that the feature is not set up. */
  projects?: ProjectService;
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
  /** The deployment's learned category model in force (undefined: the shipped one); read for each message. */
  categoryModel?: () => BayesModel | undefined;
  /** 助企走访: the visits; without them, the visit commands answer that the feature is not set up. */
  visits?: VisitService;
  /** 助企走访's figures as of now, rendered: 走访情况 for leaders, 我的走访 for a cadre. */
  visitReports?: { overview(now: Date): Promise<OutboundMessage>; mine(personId: string, now: Date): Promise<OutboundMessage> };
  /** Durable send: `index` numbers the sends caused by one message, for deterministic outbound job ids. */
  send(cause: string, index: number, target: OutboundTarget, message: OutboundMessage): Promise<void>;
  /** Performs a ticket command (handlers/perform.ts): the workbench's changes run the chat handlers' own code. */
  perform?: Performer;
  /** The workbench, when the bot has a public address: its page links and one-time sign-in links. */
  workbench?: { publicUrl: string; signInLink(who: WorkbenchIdentity): Promise<string> };
}

/** A change from the workbench: who made it, and the page's id of the submission (a repeat applies once). */
export interface WorkbenchRequest {
  who: WorkbenchIdentity;
  requestId: string;
  command: TicketCommand;
}

/**
 * The message id a workbench change is recorded under: the person, the ticket, the action and the page's id of the
 * submission — a repeated submission is the same message (applied once, nothing sent twice).
 */
export function workbenchEventId(req: WorkbenchRequest): string {
  const key = [req.who.platform, req.who.userId, req.command.no, req.command.kind, req.requestId].join('\n');
  return `h5-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/**
 * Where the `n`-th answer (from 0) to a message goes: the conversation it came from. A WeCom AI bot's response_url takes
 * one body (platforms.md, doc 101138), so a second answer to the same message (a visit's 确认 1 2 accepts two tickets)
 * goes to the group through its 消息推送 webhook, and in a single chat privately (the application's message).
 */
export function answerTarget(msg: InboundMessage, n: number): OutboundTarget {
  const replyTo = { kind: 'reply' as const, platform: msg.platform, chatId: msg.chatId, chatType: msg.chatType, replyVia: msg.replyVia, robotCode: msg.robotCode };
  if (n === 0 || msg.replyVia?.kind !== 'wecom-response-url') return replyTo;
  return msg.chatType === 'group' ? { ...replyTo, replyVia: undefined } : { kind: 'user', platform: msg.platform, userId: msg.sender.id };
}

/**
 * Reads the message once, then runs the first handler whose `match` holds (ordered chain, first match wins).
 * A handler error propagates, so the job is retried; every step a handler takes is idempotent.
 */
export function createBot(deps: BotDeps) {
  const links = {
    ticket: (no: number) => (deps.workbench ? [`在工作台查看：${deps.workbench.publicUrl}/h5/tickets/${no}`] : []),
  };
  const dashboardUrl = deps.workbench ? `${deps.workbench.publicUrl}/h5/dashboard` : undefined;

  /** The context a handler runs in, for a message (from chat, or made from a workbench request). */
  function contextFor(
    msg: InboundMessage,
    parsed: ParsedMessage,
    parsedBy: 'rules' | 'llm',
    directory: Directory,
    reply: (message: OutboundMessage, send: (target: OutboundTarget, message: OutboundMessage) => Promise<void>) => Promise<void>,
    actorChatId = msg.chatId,
  ): BotContext {
    const log = deps.log.child({ platform: msg.platform, eventId: msg.eventId, chatId: msg.chatId });
    const actor = directory.actor(msg.platform, msg.sender.id, actorChatId);
    let sends = 0;
    const send = (target: OutboundTarget, message: OutboundMessage) => deps.send(sourceId(msg), sends++, target, message);
    const by = { platform: msg.platform, id: msg.sender.id, name: actor.name ?? msg.sender.name, ...(actor.personId ? { personId: actor.personId } : {}) };
    return {
      msg,
      parsed,
      parsedBy,
      pairWeights: deps.categoryModel?.()?.pair,
      log,
      now: msg.sentAt,
      timezone: deps.timezone,
      actor,
      directory,
      sla: { calendar: deps.calendar, policy: deps.policy },
      links,
      async signInLink() {
        return deps.workbench ? deps.workbench.signInLink({ platform: msg.platform, userId: msg.sender.id, name: by.name, chatId: msg.chatId }) : null;
      },
      async digest(kind, opts = {}) {
        const now = deps.now?.() ?? new Date();
        const current = deps.digests.range(kind, undefined, now);
        const d = await deps.digests.build(opts.previous ? previousPeriod(current, deps.timezone) : current, now);
        if (opts.focus && opts.focus !== 'all' && opts.focus !== 'ranking') return renderDigestFigure(d, opts.focus, opts.category ?? null);
        return renderDigest(d, { rankingOnly: opts.rankingOnly || opts.focus === 'ranking', dashboardUrl });
      },
      async projectReport(kind) {
        if (!deps.projects) return { format: 'text', text: '项目代办尚未启用。', mentions: [] };
        const r = await deps.projects.report(kind, directory, deps.now?.() ?? new Date());
        return r.kind === 'month' ? renderMonthlyReport(r.report) : r.kind === 'quarter' ? renderQuarterlyVisits(r.report) : renderYearlyReport(r.report);
      },
      reply: (message) => reply(message, send),
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
        openFromMessage: (f) => deps.tickets.openFromMessage({ ...msg, sender: { ...msg.sender, name: by.name } }, f, msg.sentAt),
        get: (no) => deps.tickets.get(no),
        ofThisMessage: () => deps.tickets.ofMessage(msg),
        bySource: (source) => deps.tickets.bySource(source),
        change: (no, decide, opts) =>
          deps.tickets.change(no, decide, { by: opts?.asBot ? BOT_ACTOR(msg.platform) : by, at: msg.sentAt, source: sourceId(msg, opts?.part) }),
        listOpen: (f) => deps.tickets.listOpen(f),
        listTriage: (f) => deps.tickets.listTriage(f),
        listSimilarCandidates: (f) => deps.tickets.listSimilarCandidates({ ...f, platform: msg.platform, chatId: msg.chatId }),
        listHere: (statuses) => deps.tickets.listIn({ platform: msg.platform, chatId: msg.chatId, statuses }),
      },
      visits: {
        async log(build) {
          if (!deps.visits) throw new Error('the bot was built without visits');
          return deps.visits.log(sourceId(msg), build);
        },
        get: async (no) => (deps.visits ? deps.visits.get(no) : null),
        async change(no, decide) {
          if (!deps.visits) return { ok: false, message: '助企走访尚未启用。' };
          return deps.visits.change(no, decide, sourceId(msg));
        },
        async recentOfSender() {
          if (!deps.visits) return [];
          return deps.visits.recentBy(msg.sender.id, new Date(Date.parse(msg.sentAt) - VISIT_EDIT_WINDOW_MS).toISOString());
        },
        unlinked: async () => (deps.visits ? deps.visits.unlinked() : []),
        async overview() {
          if (!deps.visitReports) return { format: 'text', text: '助企走访尚未启用。', mentions: [] };
          return deps.visitReports.overview(deps.now?.() ?? new Date());
        },
        async mine(personId) {
          if (!deps.visitReports) return { format: 'text', text: '助企走访尚未启用。', mentions: [] };
          return deps.visitReports.mine(personId, deps.now?.() ?? new Date());
        },
      },
      projects: {
        async pathOf(project) {
          if (!deps.projects) return { ok: false, reason: 'unknown_template', message: '项目代办尚未启用。' };
          return deps.projects.pathOf(project, new Date(msg.sentAt));
        },
        async change(project, decide) {
          if (!deps.projects) return { ok: false, message: '项目代办尚未启用。' };
          return deps.projects.change(project, decide, { by, at: msg.sentAt, source: sourceId(msg) });
        },
      },
    };
  }

  return {
    async handle(msg: InboundMessage): Promise<string> {
      const directory = await deps.directory();
      const rules = parseMessage(msg.text, msg.sentAt, deps.calendar, { categoryModel: deps.categoryModel?.() });
      let parsed = rules;
      let parsedBy: 'rules' | 'llm' = 'rules';
      if (rules.intent === 'report' && deps.refiner) {
        const llm = await deps.refiner.refine(msg.text, rules, msg.sentAt);
        if (llm) {
          parsed = { ...rules, ...llm, categoryConfidence: 0.9 };
          parsedBy = 'llm';
        }
      }
      // a tap on a card's button: the answer in the conversation (the handler's announcement) says who did what, which
      // the sender shows in place of the card's buttons where the card can be updated (WeCom long connection). An
      // answer to the tapper alone (a refusal) goes privately instead (handlers/common.ts `answer`): the card stays.
      const status = msg.card
        ? actionDoneLabel(msg.text, directory.actor(msg.platform, msg.sender.id, msg.chatId).name ?? msg.sender.name ?? '')
        : undefined;
      let replies = 0;
      const ctx = contextFor(msg, parsed, parsedBy, directory, (message, send) => send(answerTarget(msg, replies++), status ? { ...message, status } : message));
      const { log, actor } = ctx;
      const handler = deps.handlers.find((h) => h.match(ctx));
      if (!handler) return 'unhandled';
      const outcome = await handler.handle(ctx);
      log.info({ handler: handler.name, intent: parsed.intent, role: actor.role, outcome }, 'message handled');
      return outcome;
    },

    /**
     * A change made on the workbench, performed by the chat handler's own code as if the person had written it to
     * the bot privately: the same permission checks, the same announcements to the ticket's group and the people
     * concerned (durably, through the outbox), and the answer the chat would have given returned as `message`.
     * `requestId` names the submission: repeated, the change applies once and the sends are not repeated.
     */
    async perform(req: WorkbenchRequest): Promise<{ done: boolean; message: string }> {
      if (!deps.perform) throw new Error('the bot was built without a performer');
      const directory = await deps.directory();
      const at = (deps.now?.() ?? new Date()).toISOString();
      const msg: InboundMessage = {
        platform: req.who.platform,
        eventId: workbenchEventId(req),
        chatId: `h5:${req.who.userId}`,
        chatType: 'single',
        sender: { platform: req.who.platform, id: req.who.userId, name: req.who.name },
        text: '',
        mentions: [],
        sentAt: at,
      };
      const answers: string[] = [];
      const parsed = parseMessage('', at, deps.calendar);
      // the person's enterprise comes from the conversation they signed in from, as in chat
      const ctx = contextFor(msg, parsed, 'rules', directory, async (message) => void answers.push(toPlainText(message)), req.who.chatId ?? msg.chatId);
      const result = await deps.perform(ctx, req.command);
      ctx.log.info({ handler: 'workbench', command: req.command.kind, role: ctx.actor.role, outcome: result.outcome }, 'workbench change');
      return { done: result.done, message: answers.join('\n') };
    },
  };
}
export type Bot = ReturnType<typeof createBot>;
