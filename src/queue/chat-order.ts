import type { Redis } from 'ioredis';

/**
 * Per-conversation order of inbound messages: a sorted set per conversation of the messages not yet processed,
 * scored by the time the intake stored them. Only the earliest one (the head) is processed; the others wait until
 * it is processed or parked, whichever process or worker runs them. The store keeps the arrival time, so the set is
 * rebuilt from it when Redis lost it (each job and the recovery sweep add their message again before looking).
 */
export function createChatOrder(redis: Redis, prefix: string) {
  const key = (platform: string, chatId: string) => `${prefix}:inorder:${platform}:${chatId}`;
  return {
    /** Puts a message in its conversation's line (again: no change). */
    async add(platform: string, chatId: string, eventId: string, receivedAtMs: number): Promise<void> {
      await this.addMany([{ platform, chatId, eventId, receivedAtMs }]);
    },
    /** Puts messages in their conversations' lines, in one round trip. */
    async addMany(entries: readonly { platform: string; chatId: string; eventId: string; receivedAtMs: number }[]): Promise<void> {
      if (entries.length === 0) return;
      const m = redis.multi();
      for (const e of entries) {
        const k = key(e.platform, e.chatId);
        m.zadd(k, 'NX', e.receivedAtMs, e.eventId).pexpire(k, 31 * 86_400_000);
      }
      await m.exec();
    },
    /** The earliest unfinished message of the conversation, or null. */
    async head(platform: string, chatId: string): Promise<string | null> {
      const [first] = await redis.zrange(key(platform, chatId), 0, 0);
      return first ?? null;
    },
    /** Where the message stands in its line (0: it is the head), or null when it is not in it. */
    async rank(platform: string, chatId: string, eventId: string): Promise<number | null> {
      return redis.zrank(key(platform, chatId), eventId);
    },
    /** The message is processed or parked: the next one may go. Returns the new head, if any. */
    async done(platform: string, chatId: string, eventId: string): Promise<string | null> {
      const k = key(platform, chatId);
      const res = await redis.multi().zrem(k, eventId).zrange(k, 0, 0).exec();
      const next = res?.[1]?.[1] as string[] | undefined;
      return next?.[0] ?? null;
    },
  };
}
export type ChatOrder = ReturnType<typeof createChatOrder>;
