import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import type { BayesModel } from '../domain/parse/bayes.js';
import { createSignal, SIGNALS } from '../queue/signal.js';
import type { Logger } from '../shared/logger.js';
import { createCategoryModelCache, createCategoryModelRepository } from '../store/repositories/category-model.repository.js';

/** How often a process looks at the pointer by itself (a missed signal costs at most this long). */
export const CATEGORY_MODEL_CHECK_MS = 60_000;

/**
 * This process's category model: the version in force loaded now (the shipped model when there is none or the store
 * does not answer), checked again every `everyMs` and on each signal through Redis on this deployment's prefix.
 * `current()` is what the bot hands to parseMessage.
 */
export async function startCategoryModel(deps: {
  conn: Connection;
  redis: Redis;
  prefix: string;
  log: Logger;
  everyMs?: number;
}): Promise<{ current(): BayesModel | undefined; version(): number; refresh(): Promise<boolean>; stop(): Promise<void> }> {
  const cache = createCategoryModelCache(createCategoryModelRepository(deps.conn), { everyMs: deps.everyMs ?? CATEGORY_MODEL_CHECK_MS, log: deps.log });
  await cache.refresh();
  cache.start();
  const subscription = await createSignal(deps.redis, deps.prefix, SIGNALS.categoryModel).subscribe(
    () => void cache.refresh(),
    (err) => deps.log.warn({ err: { message: err.message } }, 'category model: signal connection error'),
  );
  return {
    current: cache.current,
    version: cache.version,
    refresh: cache.refresh,
    async stop() {
      cache.stop();
      await subscription.close();
    },
  };
}
