import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface SingleFlight {
  /** Whether this process holds the lease now. */
  held(): boolean;
  /** Stops trying, and releases the lease (running `onLose` first) when held. */
  stop(): Promise<void>;
}

/**
 * One holder across every process of a deployment, for something that must run once (the WeCom long connection: a
 * second subscription for the bot makes WeCom drop the first, and two instances taking it from each other would
 * storm). A Redis lease (SET NX PX `ttlMs`) under the deployment's prefix: the holder renews it every ttl/3 and runs
 * `onAcquire`; the others try every ttl/3 and take over within about `ttlMs` after the holder dies. A holder that
 * fails to renew (another took it, Redis lost the key) runs `onLose` at once; one that cannot reach Redis keeps
 * holding until the ttl would have run out, then lets go — so two never hold it for longer than a renewal period.
 */
export function startSingleFlight(
  redis: Redis,
  key: string,
  hooks: { onAcquire(): void; onLose(reason: string): void | Promise<void> },
  opts: { ttlMs?: number } = {},
): SingleFlight {
  const ttl = opts.ttlMs ?? 30_000;
  // a NaN, zero or fractional ttl would make every SET fail quietly (Redis takes whole milliseconds): the lease never
  // taken, the connection never opened
  if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError(`startSingleFlight(${key}): ttlMs must be a positive whole number of milliseconds, got ${ttl}`);
  const token = randomUUID();
  let holding = false;
  let heldUntil = 0;
  let stopped = false;
  let busy = false;

  async function lose(reason: string): Promise<void> {
    if (!holding) return;
    holding = false;
    await hooks.onLose(reason);
  }

  async function tick(): Promise<void> {
    if (busy || stopped) return;
    busy = true;
    try {
      if (holding) {
        const r = Number(await redis.eval(EXTEND, 1, key, token, ttl));
        if (r === 1) heldUntil = Date.now() + ttl;
        else await lose('the lease was taken over or lost');
      } else if ((await redis.set(key, token, 'PX', ttl, 'NX')) === 'OK') {
        // stopped meanwhile: hand it straight back
        if (stopped) return void (await redis.eval(RELEASE, 1, key, token).catch(() => undefined));
        holding = true;
        heldUntil = Date.now() + ttl;
        hooks.onAcquire();
      }
    } catch {
      // Redis unreachable: keep what we hold only while it is surely ours
      if (holding && Date.now() > heldUntil - Math.floor(ttl / 3)) await lose('Redis unreachable: the lease may have run out');
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => void tick(), Math.max(10, Math.floor(ttl / 3)));
  void tick();
  return {
    held: () => holding,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (holding) {
        await lose('stopping');
        await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      }
    },
  };
}
