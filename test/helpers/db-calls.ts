import mongoose, { type Connection } from 'mongoose';

export interface DbCall {
  coll: string;
  method: string;
  args: unknown[];
}

/**
 * The calls made on `conn`'s collections while `fn` runs, through mongoose's debug hook. The hook is process-wide and
 * the integration files share a module graph per worker (vitest.config.ts): a connection another file left open in this
 * worker, or another connection of this file, is not the one asked about, so only `conn`'s calls are kept.
 */
export async function callsOn<T>(conn: Connection, fn: () => Promise<T>): Promise<{ value: T; calls: DbCall[] }> {
  const calls: DbCall[] = [];
  mongoose.set('debug', function (this: { conn?: unknown }, coll: string, method: string, ...args: unknown[]) {
    if (this.conn === conn) calls.push({ coll, method, args });
  });
  try {
    return { value: await fn(), calls };
  } finally {
    mongoose.set('debug', false);
  }
}
