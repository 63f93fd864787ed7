import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { BotProcess } from './bot-process.js';

export interface FeedItem {
  id: number;
  conversation: string;
  from: 'bot' | 'user';
  text: string;
  at: string;
}

/**
 * Chatting with the real bot through the simulator's API, as the page does: what people write (`say`), what the bot
 * answers (`botSays`, reading the feed from where it was), and the simulated clock (`simNow`, `jump`). `bot` is read
 * when used (tests start it in beforeAll).
 */
export function simChat(bot: () => BotProcess, opts: { timezone?: string } = {}) {
  let cursor = 0;
  const seen: FeedItem[] = [];

  async function feed(): Promise<FeedItem[]> {
    const r = (await (await fetch(`${bot().base}/simulator/api/feed?since=${cursor}`)).json()) as { items: FeedItem[] };
    for (const i of r.items) {
      seen.push(i);
      cursor = Math.max(cursor, i.id);
    }
    return seen;
  }

  /** The first bot message in `conversation` after item `after` that satisfies `pred`. */
  async function botSays(conversation: string, after: number, pred: (t: string) => boolean = () => true, timeoutMs = 20_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = (await feed()).find((i) => i.id > after && i.from === 'bot' && i.conversation === conversation && pred(i.text));
      if (hit) return hit.text;
      if (Date.now() > until) throw new Error(`no bot message in ${conversation} after #${after}; the bot's log:\n${bot().log().split('\n').slice(-12).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    feed,
    botSays,
    /** The last feed item's id read so far. */
    get cursor() {
      return cursor;
    },
    /** Every bot message in `conversation` so far that contains `contains`. */
    botMessagesTo: (conversation: string, contains: string) => seen.filter((i) => i.from === 'bot' && i.conversation === conversation && i.text.includes(contains)),

    /** `personId` writes `text` in `conversation`; resolves with the bot's first answer there that satisfies `pred`. */
    async say(personId: string, conversation: string, text: string, pred: (t: string) => boolean = () => true): Promise<string> {
      await feed();
      const before = cursor;
      const res = await fetch(`${bot().base}/simulator/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId, conversation, text }),
      });
      expect(res.status).toBe(200);
      return botSays(conversation, before, pred).catch((err: Error) => {
        throw new Error(`${err.message} (after “${text}”)`);
      });
    },

    async simNow(): Promise<DateTime> {
      const s = (await (await fetch(`${bot().base}/simulator/api/state`)).json()) as { now: string };
      return DateTime.fromISO(s.now).setZone(opts.timezone ?? 'Asia/Shanghai');
    },

    /** Moves the simulated clock `hours` ahead (at most 14 days at a time). */
    async jump(hours: number): Promise<void> {
      const r = await fetch(`${bot().base}/simulator/api/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours }) });
      expect(r.status).toBe(200);
    },
  };
}
