import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers fail fast (a webhook must not hang on Redis); workers wait for Redis forever, as BullMQ requires
 * (`maxRetriesPerRequest: null`).
 */
export function createRedis(url: string, role: 'producer' | 'worker'): Redis {
  const opts: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: true };
  const client = new Redis(url, opts);
  return client;
}
