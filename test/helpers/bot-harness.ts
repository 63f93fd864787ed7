import { Redis } from 'ioredis';
import { DEFAULT_POLICY, type Policy } from '../../config/policy.js';
import { handlers } from '../../handlers/index.js';
import { createBot } from '../../src/bot/bot.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { createVisitService } from '../../src/bot/visit-service.js';
import { createVisitRepository } from '../../src/store/repositories/visit.repository.js';
import { renderMyVisits, renderVisitOverview } from '../../src/platforms/visit-render.js';
import { createDigestService } from '../../src/digest/digest-service.js';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import type { BayesModel } from '../../src/domain/parse/bayes.js';
import type { DirectoryData } from '../../src/domain/directory.js';
import type { InboundMessage, PlatformId } from '../../src/messages/inbound.js';
import type { OutboundMessage, OutboundTarget } from '../../src/messages/outbound.js';
import { createLocker } from '../../src/queue/lock.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from './env.js';

export interface Sent {
  cause: string;
  index: number;
  target: OutboundTarget;
  message: OutboundMessage;
}

/**
 * The real bot (`createBot` with the registered handlers) and the real ticket service (`createTicketService`) over
 * a real store (a fresh database on the run's FerretDB/MongoDB) and the real Redis locker. Only the way out is
 * replaced: what the bot would put in the outbox is captured instead. Every message carries an explicit time, so
 * nothing depends on today's date.
 */
export async function startBotHarness(opts: {
  label: string;
  directory?: DirectoryData;
  /** ISO instant of the first message (default Monday 2026-11-23 09:30 in Shanghai); later messages may set their own. */
  now?: string;
  calendar?: BusinessCalendar;
  policy?: Policy;
  /** The database (default: a fresh one): two harnesses on one are two processes of one deployment. */
  mongoUri?: string;
  /** The learned category model in force (BotDeps.categoryModel). */
  categoryModel?: () => BayesModel | undefined;
}) {
  const store = await connectStore(opts.mongoUri ?? testMongoUri(opts.label));
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const tickets = createTicketRepository(store.conn);
  const directories = createDirectoryRepository(store.conn);
  let clock = opts.now ?? '2026-11-23T01:30:00.000Z';
  if (opts.directory) await directories.replace(opts.directory, new Date(clock));
  // the calendar is explicit: no dependence on which years the bundled holiday data has published
  const calendar = opts.calendar ?? new BusinessCalendar({ timezone: 'Asia/Shanghai' });
  const policy = opts.policy ?? DEFAULT_POLICY;
  const service = createTicketService({ tickets, withLock: createLocker(redis, testQueuePrefix()), calendar, policy });
  const sent: Sent[] = [];
  const visits = createVisitRepository(store.conn);
  const digests = createDigestService({ tickets, directories, calendar, timezone: 'Asia/Shanghai', visits });
  const bot = createBot({
    handlers,
    tickets: service,
    visits: createVisitService({ visits, withLock: createLocker(redis, testQueuePrefix()) }),
    directory: () => directories.current(),
    calendar,
    policy,
    timezone: 'Asia/Shanghai',
    digests,
    visitReports: {
      overview: async (at) => renderVisitOverview((await digests.visits(at))!),
      mine: async (personId, at) => renderMyVisits((await digests.myVisits(personId, at))!),
    },
    now: () => new Date(clock),
    log: createLogger('silent'),
    categoryModel: opts.categoryModel,
    async send(cause, index, target, message) {
      sent.push({ cause, index, target, message });
    },
  });
  let seq = 0;

  return {
    sent,
    tickets,
    service,
    conn: store.conn,
    redis,
    visits,
    /** One message through the whole bot; returns what it sent because of it. */
    async say(senderId: string, text: string, o: { chatId?: string; platform?: PlatformId; at?: string; chatType?: 'group' | 'single'; replyVia?: InboundMessage['replyVia'] } = {}) {
      if (o.at) clock = o.at;
      const platform = o.platform ?? 'wecom';
      const msg: InboundMessage = {
        platform,
        eventId: `h-${opts.label}-${++seq}`,
        chatId: o.chatId ?? 'c1',
        chatType: o.chatType ?? 'group',
        sender: { platform, id: senderId },
        text,
        mentions: [],
        sentAt: clock,
        ...(o.replyVia ? { replyVia: o.replyVia } : {}),
      };
      const from = sent.length;
      const outcome = await bot.handle(msg);
      const mine = sent.slice(from);
      return { outcome, msg, sent: mine, texts: mine.map((s) => s.message.text) };
    },
    /**
     * A tap on a button of one of the bot's WeCom cards, as the intake stores it (to-inbound.ts
     * `wecomCardEventToInbound`): the button's command as the text, the card's task_id, and in long-connection mode
     * (`reqId`) the answer routed to update the card.
     */
    async tap(senderId: string, command: string, o: { chatId?: string; taskId?: string; reqId?: string; at?: string } = {}) {
      if (o.at) clock = o.at;
      const taskId = o.taskId ?? `task-${opts.label}-${seq + 1}`;
      const msg: InboundMessage = {
        platform: 'wecom',
        eventId: `h-${opts.label}-${++seq}`,
        chatId: o.chatId ?? 'c1',
        chatType: 'group',
        sender: { platform: 'wecom', id: senderId },
        text: command,
        mentions: [],
        sentAt: clock,
        card: o.reqId ? { taskId, reqId: o.reqId } : { taskId },
        ...(o.reqId ? { replyVia: { kind: 'wecom-card' as const, reqId: o.reqId, taskId } } : {}),
      };
      const from = sent.length;
      const outcome = await bot.handle(msg);
      const mine = sent.slice(from);
      return { outcome, msg, sent: mine, texts: mine.map((s) => s.message.text) };
    },
    /** The same message again (a retried job, a redelivery): the bot must not apply it twice. */
    async again(msg: InboundMessage) {
      const from = sent.length;
      const outcome = await bot.handle(msg);
      const mine = sent.slice(from);
      return { outcome, msg, sent: mine, texts: mine.map((s) => s.message.text) };
    },
    ticket: (no: number) => tickets.getByNo(no),
    setNow(iso: string) {
      clock = iso;
    },
    async close() {
      await store.conn.dropDatabase();
      await store.close();
      redis.disconnect();
    },
  };
}
export type BotHarness = Awaited<ReturnType<typeof startBotHarness>>;

/** A target's kind and address, for readable assertions. */
export const isGroup = (chatId: string) => (s: Sent) => s.target.kind === 'group' && s.target.chatId === chatId;
export const isUser = (userId: string) => (s: Sent) => s.target.kind === 'user' && s.target.userId === userId;
export const isReply = (s: Sent) => s.target.kind === 'reply';
