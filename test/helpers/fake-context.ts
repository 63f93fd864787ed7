import type { BotContext } from '../../src/bot/context.js';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import { Directory } from '../../src/domain/directory.js';
import { parseMessage } from '../../src/domain/parse/parse.js';
import { buildNewTicket, type Ticket } from '../../src/domain/ticket.js';
import { transition } from '../../src/domain/ticket-state.js';
import type { OutboundMessage, OutboundTarget } from '../../src/messages/outbound.js';
import { createLogger } from '../../src/shared/logger.js';

/** A BotContext over an in-memory ticket store with the real state machine; records what the handler sends. */
export function fakeContext(text: string, opts: { senderId?: string; chatId?: string; directory?: Directory; now?: string; tickets?: Map<number, Ticket> } = {}) {
  const now = opts.now ?? '2026-11-23T01:30:00.000Z';
  const directory = opts.directory ?? Directory.empty();
  const store = opts.tickets ?? new Map<number, Ticket>();
  const sent: { target: OutboundTarget | 'reply'; message: OutboundMessage }[] = [];
  const msg = {
    platform: 'wecom' as const,
    eventId: `e-${Math.random()}`,
    chatId: opts.chatId ?? 'c1',
    chatType: 'group' as const,
    sender: { platform: 'wecom' as const, id: opts.senderId ?? 'chenjl' },
    text,
    mentions: [],
    mentionsBot: true,
    sentAt: now,
  };
  const actor = directory.actor('wecom', msg.sender.id, msg.chatId);
  const by = { platform: 'wecom' as const, id: msg.sender.id, ...(actor.personId ? { personId: actor.personId, name: actor.name } : {}) };
  const ctx: BotContext = {
    msg,
    parsed: parseMessage(text, now),
    parsedBy: 'rules',
    log: createLogger('silent'),
    now,
    timezone: 'Asia/Shanghai',
    actor,
    directory,
    sla: { calendar: defaultCalendar, policy: DEFAULT_POLICY },
    digest: async (kind) => ({ format: 'markdown', text: `digest:${kind}`, mentions: [] }),
    reply: async (m) => void sent.push({ target: 'reply', message: m }),
    send: async (target, m) => void sent.push({ target, message: m }),
    async notifyPerson(p, m) {
      if (!p.wecom) return false;
      sent.push({ target: { kind: 'user', platform: 'wecom', userId: p.wecom }, message: m });
      return true;
    },
    async postToTicketGroup(t, m) {
      if (t.chatId !== msg.chatId) sent.push({ target: { kind: 'group', platform: t.platform, chatId: t.chatId }, message: m });
    },
    tickets: {
      async openFromMessage(f) {
        const no = store.size + 1;
        const ticket = buildNewTicket(no, { ...f, platform: 'wecom', chatId: msg.chatId, reporter: { id: msg.sender.id }, text, sourceMessageId: `wecom:${msg.eventId}`, now });
        store.set(no, ticket);
        return { ticket, created: true };
      },
      get: async (no) => store.get(no) ?? null,
      async act(no, decide) {
        const t = store.get(no);
        if (!t) return { ok: false, message: `未找到工单 #${no}，请核对编号。`, notFound: true };
        const a = decide(t);
        if ('refuse' in a) return { ok: false, message: a.refuse };
        const r = transition(t, a, { by, at: now });
        if (!r.ok) return { ok: false, message: r.message };
        store.set(no, r.ticket);
        return { ok: true, ticket: r.ticket, before: t, repeated: false };
      },
      listOpen: async (f) => [...store.values()].filter((t) => t.status !== 'closed' && (!f.assignee || t.assignee?.personId === f.assignee)),
    },
  };
  return { ctx, sent, store };
}
