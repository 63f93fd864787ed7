import type { Redis } from 'ioredis';

/**
 * A nudge to every process of this deployment (Redis pub/sub on `<prefix>:signal:<name>`): "something you cache
 * changed, look again". It carries no data and may be missed (a process reconnecting): whoever listens also looks
 * again on its own from time to time.
 */
/** The signals of this deployment: who sends them, who listens. */
export const SIGNALS = {
  /** `xiaoer model rebuild | rollback` changed the category model in force; every process looks at the pointer again. */
  categoryModel: 'category-model',
} as const;

export interface Signal {
  readonly channel: string;
  /** Tells the listening processes; resolves to how many connections heard it. */
  publish(): Promise<number>;
  /**
   * Calls `onSignal` on each nudge, on a connection of its own (a subscribed connection does nothing else); the
   * connection's errors go to `onError` (it reconnects and subscribes again by itself).
   */
  subscribe(onSignal: () => void, onError?: (err: Error) => void): Promise<{ close(): Promise<void> }>;
}

export function createSignal(redis: Redis, prefix: string, name: (typeof SIGNALS)[keyof typeof SIGNALS]): Signal {
  const channel = `${prefix}:signal:${name}`;
  return {
    channel,
    publish: () => redis.publish(channel, String(Date.now())),
    async subscribe(onSignal, onError) {
      const sub = redis.duplicate();
      sub.on('error', (err: Error) => onError?.(err));
      sub.on('message', (ch: string) => {
        if (ch === channel) onSignal();
      });
      await sub.subscribe(channel);
      return {
        async close() {
          sub.disconnect();
        },
      };
    },
  };
}
