import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/** A fresh database on the run's MongoDB-wire server. */
export function testMongoUri(label: string): string {
  return `${inject('mongoBaseUri')}/t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomUUID().slice(0, 8)}`;
}

export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A fresh BullMQ key prefix. */
export function testQueuePrefix(): string {
  return `xt${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
