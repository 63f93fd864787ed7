import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { addToDayTotals, contributionsByDay, localDayOf, type DayTotals } from '../domain/digest.js';
import { isOpen } from '../domain/ticket.js';
import type { WithLock } from '../queue/lock.js';
import type { Logger } from '../shared/logger.js';
import type { DigestFold, DigestSummaryRepository } from '../store/repositories/digest-summary.repository.js';
import type { TicketRepository } from '../store/repositories/ticket.repository.js';

/** Marks a ticket changed: its score is the next number of a counter, so that a later change is told apart. */
const MARK = `redis.call("zadd", KEYS[1], redis.call("incr", KEYS[2]), ARGV[1]) return 1`;
/** Removes a folded ticket unless it was marked again meanwhile (its score moved on). */
const UNMARK = `local n = 0 for i = 1, #ARGV, 2 do if redis.call("zscore", KEYS[1], ARGV[i]) == ARGV[i + 1] then n = n + redis.call("zrem", KEYS[1], ARGV[i]) end end return n`;

const LOCK = 'digest-fold';
const BATCH = 200;

export interface DigestFolder {
  /** Notes a ticket changed (after its write): the next fold counts it again. */
  mark(no: number): Promise<void>;
  /**
   * Whether the summaries are complete and up to date as far as this deployment's Redis knows: built (digest_meta)
   * and the change marks since then kept (the epoch in Redis is the build's; a wiped Redis lost them).
   */
  ready(): Promise<boolean>;
  /**
   * Folds every ticket marked changed into the summaries, one writer at a time (a lock); rebuilds them first when they
   * are not ready. Returns how many tickets it folded (a rebuild: how many it read).
   */
  catchUp(opts?: { waitMs?: number }): Promise<number>;
  /** Recounts the summaries from every ticket and replaces them (under the lock). */
  rebuild(): Promise<{ tickets: number; days: number; ms: number }>;
  /**
   * Recounts the flow figures from every ticket and compares them with the stored days: the days that differ, with
   * each key's stored and recounted value. With `repair`, a difference makes it rebuild.
   */
  check(opts?: { repair?: boolean }): Promise<{ tickets: number; days: number; differing: { day: string; key: string; stored: number; recounted: number }[]; repaired: boolean }>;
}

/**
 * The digest's per-day summaries kept up to date as tickets change (issue 18): every insert or transition marks the
 * ticket in a Redis sorted set (`mark`); a fold, under one lock for the deployment, reads each marked ticket by
 * `_id`, replaces what it added before (digest_folds) with what it adds now (`digestContributions`, by local day),
 * and writes the difference into the day documents — so its work follows what changed. A digest folds what is
 * pending before it reads (`catchUp`), so it sees every change made before it was asked. A nightly check recounts
 * everything and repairs a difference; a Redis that lost the marks (wiped, restarted without persistence) is noticed
 * by its epoch, and the summaries are rebuilt before they are used again.
 */
export function createDigestFolder(deps: {
  summaries: DigestSummaryRepository;
  tickets: Pick<TicketRepository, 'getManyByNo' | 'eachTicket'>;
  redis: Redis;
  prefix: string;
  withLock: WithLock;
  timezone: string;
  log: Logger;
}): DigestFolder {
  const pending = `${deps.prefix}:digest:pending`;
  const seq = `${deps.prefix}:digest:seq`;
  const epochKey = `${deps.prefix}:digest:epoch`;
  const tz = deps.timezone;
  const days = new Map<string, string>();

  const foldOf = (t: Parameters<typeof contributionsByDay>[0]): DigestFold => ({
    no: t.no,
    c: contributionsByDay(t, tz, days),
    day: localDayOf(t.updatedAt, tz, days),
    updatedAt: t.updatedAt,
    open: t,
  });

  async function ready(): Promise<boolean> {
    const [meta, epoch] = await Promise.all([deps.summaries.meta(), deps.redis.get(epochKey)]);
    return !!meta && meta.epoch === epoch;
  }

  async function recount(): Promise<{ days: DayTotals; folds: DigestFold[] }> {
    const totals: DayTotals = new Map();
    const folds: DigestFold[] = [];
    for await (const t of deps.tickets.eachTicket()) {
      const f = foldOf(t);
      addToDayTotals(totals, f.c);
      // only the open ones are kept whole (the rest would hold every ticket in memory)
      folds.push(isOpen(t) ? f : { ...f, open: null });
    }
    return { days: totals, folds };
  }

  async function rebuildHeld(): Promise<{ tickets: number; days: number; ms: number }> {
    const started = Date.now();
    // marks made from here on are folded after the rebuild (they may be counted twice: a fold is idempotent)
    const marks = await deps.redis.zrange(pending, 0, -1, 'WITHSCORES');
    const all = await recount();
    const epoch = randomUUID();
    await deps.summaries.replaceAll(all, epoch, new Date().toISOString());
    await deps.redis.set(epochKey, epoch);
    await unmark(marks);
    const r = { tickets: all.folds.length, days: all.days.size, ms: Date.now() - started };
    deps.log.info(r, 'digest summaries rebuilt');
    return r;
  }

  async function unmark(flat: string[]): Promise<void> {
    for (let i = 0; i < flat.length; i += 2 * BATCH) await deps.redis.eval(UNMARK, 1, pending, ...flat.slice(i, i + 2 * BATCH));
  }

  async function foldPending(): Promise<number> {
    let n = 0;
    for (;;) {
      const flat = await deps.redis.zrange(pending, 0, BATCH - 1, 'WITHSCORES');
      if (!flat.length) return n;
      const nos = flat.filter((_, i) => i % 2 === 0).map(Number);
      const [tickets, previous] = await Promise.all([deps.tickets.getManyByNo(nos), deps.summaries.folds(nos)]);
      // a ticket counted before and closed as not a problem now leaves past stock too: the snapshots no longer hold
      if (tickets.some((t) => t.status === 'dismissed' && (previous.get(t.no)?.length ?? 0) > 0)) await deps.summaries.bumpGeneration();
      await deps.summaries.apply(tickets.map(foldOf), previous);
      await unmark(flat);
      n += tickets.length;
    }
  }

  return {
    async mark(no) {
      try {
        await deps.redis.eval(MARK, 2, pending, seq, String(no));
      } catch (err) {
        // the ticket is saved; the nightly check finds what the summaries missed
        deps.log.warn({ no, err: { message: (err as Error).message } }, 'could not mark a ticket for the digest summaries');
      }
    },
    ready,
    async catchUp(opts = {}) {
      return deps.withLock(LOCK, async () => ((await ready()) ? foldPending() : (await rebuildHeld()).tickets), { waitMs: opts.waitMs ?? 10_000, maxHoldMs: 30 * 60_000 });
    },
    async rebuild() {
      return deps.withLock(LOCK, rebuildHeld, { waitMs: 60_000, maxHoldMs: 30 * 60_000 });
    },
    async check(opts = {}) {
      return deps.withLock(
        LOCK,
        async () => {
          if (await ready()) await foldPending();
          const [stored, all] = [await deps.summaries.allDays(), await recount()];
          const differing: { day: string; key: string; stored: number; recounted: number }[] = [];
          for (const day of new Set([...stored.keys(), ...all.days.keys()])) {
            const a = stored.get(day) ?? new Map<string, number>();
            const b = all.days.get(day) ?? new Map<string, number>();
            for (const key of new Set([...a.keys(), ...b.keys()])) {
              if ((a.get(key) ?? 0) !== (b.get(key) ?? 0)) differing.push({ day, key, stored: a.get(key) ?? 0, recounted: b.get(key) ?? 0 });
            }
          }
          differing.sort((x, y) => (x.day + x.key < y.day + y.key ? -1 : 1));
          let repaired = false;
          if ((differing.length || !(await ready())) && opts.repair) {
            await rebuildHeld();
            repaired = true;
          }
          return { tickets: all.folds.length, days: all.days.size, differing, repaired };
        },
        { waitMs: 60_000, maxHoldMs: 30 * 60_000 },
      );
    },
  };
}
