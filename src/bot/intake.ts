import type { z } from 'zod';
import type { InboundMessage, PlatformId, ReceiveResult } from '../messages/inbound.js';
import { createBatcher } from '../store/batcher.js';
import type { JobDefinition } from '../queue/define-job.js';
import type { Producer } from '../queue/producer.js';
import type { Logger } from '../shared/logger.js';
import type { IntakeJournal } from '../store/intake-journal.js';
import type { InboundRepository } from '../store/repositories/inbound.repository.js';

export type IntakeOutcome = 'accepted' | 'duplicate' | 'ignored';

/** A stored message's key: what the processing job gets. */
export interface InboundKey {
  platform: PlatformId;
  eventId: string;
}

/**
 * The job that processes one stored message (jobs/process-inbound.job.ts). The composition root hands it in, as it
 * hands the bot its handlers: src/ never imports jobs/.
 */
export type InboundProcessingJob = JobDefinition<z.ZodType<InboundKey>, any>;

export interface IntakeDeps {
  inbound: InboundRepository;
  producer: Producer;
  log: Logger;
  processing: InboundProcessingJob;
  /**
   * The overflow file (src/store/intake-journal.ts): without it every message is stored before it is acknowledged.
   * `spill` says when it is used: `auto` when the store is slow to take acknowledgements, `always`, or `off`.
   */
  journal?: IntakeJournal<JournalRecord>;
  spill?: IntakeSpill;
}

export type IntakeSpill = 'auto' | 'off' | 'always';

/** A message as the overflow file keeps it. */
export interface JournalRecord {
  message: InboundMessage;
  raw: unknown;
  receivedAtMs: number;
}

/**
 * `auto`: a message is written to the overflow file instead of the store once an acknowledgement has waited this long
 * for the store (WeCom gives up after 5 s; the budget is p99 < 100 ms).
 */
export const SPILL_AFTER_MS = 20;
/** Messages moved from the overflow file into the store at a time. */
const MOVE_CHUNK = 200;
/** A move that failed (the store unreachable) is tried again after this, doubling, at most MOVE_RETRY_MAX_MS. */
const MOVE_RETRY_MS = 500;
const MOVE_RETRY_MAX_MS = 15_000;
/** Tries after which a message the store refuses (not a duplicate, not an outage) is given up. */
const REFUSALS_MAX = 3;
/** A per-document refusal of the store (src/store/batcher.ts), as opposed to the store being unreachable. */
const isRefusal = (err: unknown) => err instanceof Error && /^insert failed \(/.test(err.message);

/**
 * The acknowledgement path, and nothing more: store the raw message under its unique (platform, message id) with
 * its arrival time, put it in its conversation's line (the order of processing, see process-inbound.job.ts),
 * enqueue its processing, answer. No parsing, LLM or outbound call here.
 *
 * Under a flood the store (shared with the workers working it off) can take longer than an acknowledgement may. Then
 * (`spill`) messages are acknowledged once they are in the overflow file on local disk, and moved from it into the
 * store, lined up and queued in arrival order in the background; while anything is waiting there, every new message
 * goes there too, behind it, so that a conversation's messages reach the store in the order they came. When the
 * file is moved, acknowledgements go straight to the store again and the file is removed. A process that died with
 * messages in its file leaves them to the next one started on the same data folder, which moves them first (`start`).
 */
export function createIntake(deps: IntakeDeps) {
  // concurrent acknowledgements put their messages in line and queue their jobs together: one pipeline for the lines,
  // then one addBulk for the jobs, each caller answered once both are written (the job puts its message in line
  // again before it looks, so a line lost in between is rebuilt)
  const enqueue = createBatcher<InboundMessage & { receivedAtMs: number }, true>(async (items) => {
    await deps.producer.chatOrder.addMany(items.map((m) => ({ platform: m.platform, chatId: m.chatId, eventId: m.eventId, receivedAtMs: m.receivedAtMs })));
    await deps.producer.enqueueMany(deps.processing, items.map((m) => ({ platform: m.platform, eventId: m.eventId })));
    return items.map(() => true as const);
  });
  const spill = deps.journal ? (deps.spill ?? 'auto') : 'off';

  /** Stored, then lined up and queued; 'duplicate' when the store already had it. */
  async function storeAndQueue(r: JournalRecord, log: Logger): Promise<'accepted' | 'duplicate'> {
    // a store failure propagates: the platform gets a 5xx and delivers again (or the move is tried again)
    if ((await deps.inbound.store(r.message, r.raw, new Date(r.receivedAtMs))) === 'duplicate') {
      log.info('duplicate delivery ignored');
      return 'duplicate';
    }
    try {
      await enqueue({ ...r.message, receivedAtMs: r.receivedAtMs });
    } catch (err) {
      // stored durably: the recovery sweep enqueues it once Redis answers again
      log.error({ err: { message: (err as Error).message } }, 'enqueue failed; left for the recovery sweep');
    }
    return 'accepted';
  }

  // acknowledgements waiting for the store: when each started (oldest first, in insertion order)
  const waiting = new Map<number, number>();
  let seq = 0;
  // the overflow: records on disk and not yet in the store, in arrival order (adopted files' records first)
  const backlog: JournalRecord[] = [];
  let adoptedFiles: string[] = [];
  let moving: Promise<void> | null = null;
  let moved = 0;
  const refused = new Map<JournalRecord, number>();
  const logOf = (r: JournalRecord) => deps.log.child({ platform: r.message.platform, eventId: r.message.eventId, chatId: r.message.chatId });
  let closing = false;

  const spilling = () => {
    if (spill === 'off') return false;
    if (spill === 'always' || backlog.length > 0 || moving) return true;
    const oldest = waiting.values().next();
    return !oldest.done && Date.now() - oldest.value >= SPILL_AFTER_MS;
  };

  function move(): void {
    moving ??= (async () => {
      let retryMs = MOVE_RETRY_MS;
      while (backlog.length && !closing) {
        const chunk = backlog.slice(0, MOVE_CHUNK);
        const settled = await Promise.allSettled(chunk.map((r) => storeAndQueue(r, logOf(r))));
        // what failed stays at the head, in order: tried again after a pause (the store unreachable); a message the
        // store itself refuses (a per-document error, not a duplicate) is given up after REFUSALS_MAX tries, so that
        // it cannot hold up every message behind it
        const left: JournalRecord[] = [];
        let failure: unknown = null;
        settled.forEach((res, i) => {
          if (res.status === 'fulfilled') return;
          const r = chunk[i]!;
          failure = res.reason;
          const refusals = isRefusal(res.reason) ? (refused.get(r) ?? 0) + 1 : 0;
          if (refusals >= REFUSALS_MAX) {
            logOf(r).error({ err: { message: (res.reason as Error).message } }, 'the store refuses an acknowledged message; given up');
            refused.delete(r);
            return;
          }
          if (refusals) refused.set(r, refusals);
          left.push(r);
        });
        backlog.splice(0, chunk.length, ...left);
        moved += chunk.length - left.length;
        if (!left.length) {
          retryMs = MOVE_RETRY_MS;
          continue;
        }
        deps.log.warn({ err: { message: (failure as Error | null)?.message }, waiting: backlog.length }, 'moving acknowledged messages into the store failed; retrying');
        await new Promise((r) => setTimeout(r, retryMs).unref());
        retryMs = Math.min(retryMs * 2, MOVE_RETRY_MAX_MS);
      }
      if (!backlog.length) {
        // everything on disk is in the store: the files go (a line appended meanwhile keeps its file, see release)
        deps.journal!.release(adoptedFiles);
        adoptedFiles = [];
      }
    })().finally(() => {
      moving = null;
      if (backlog.length && !closing) move();
    });
  }

  return {
    /**
     * Takes over the overflow files of processes that are gone (same data folder, same deployment): their messages
     * are moved into the store first, before any new one. Call once, before the first `accept`.
     */
    start(): number {
      if (!deps.journal) return 0;
      const { files, records } = deps.journal.adopt();
      if (!records.length && !files.length) return 0;
      adoptedFiles = files;
      backlog.push(...records);
      deps.log.warn({ files: files.length, messages: records.length }, 'intake: moving acknowledged messages left by a stopped process into the store');
      move();
      return records.length;
    },

    async accept(result: ReceiveResult, now: Date): Promise<IntakeOutcome> {
      if (result.kind === 'ignored') {
        deps.log.debug({ reason: result.reason }, 'callback ignored');
        return 'ignored';
      }
      const { message, raw } = result;
      const record: JournalRecord = { message, raw, receivedAtMs: now.getTime() };
      const log = logOf(record);
      if (spilling()) {
        // on disk, then acknowledged; the store gets it in the background, behind what came before it (it is in the
        // backlog before its line is written, so that the file is never removed with a line whose record was not moved)
        backlog.push(record);
        move();
        await deps.journal!.append(record);
        log.info('message accepted (overflow)');
        return 'accepted';
      }
      const id = seq++;
      waiting.set(id, Date.now());
      try {
        const outcome = await storeAndQueue(record, log);
        if (outcome === 'accepted') log.info('message accepted');
        return outcome;
      } finally {
        waiting.delete(id);
      }
    },

    /** Messages acknowledged from the overflow file and not yet in the store; moved so far (for metrics and tests). */
    overflow(): { waiting: number; moved: number } {
      return { waiting: backlog.length, moved };
    },

    /** Waits (at most `ms`) for the overflow to reach the store; what is left stays on disk for the next start. */
    async close(ms = 10_000): Promise<void> {
      const deadline = Date.now() + ms;
      while ((backlog.length || moving) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      closing = true;
      deps.journal?.close();
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;

/** The sweep looks at a message it re-queued again after this (doubling per sweep, at most an hour). */
export function sweepBackoffMs(sweeps: number): number {
  return Math.min(60_000 * 2 ** Math.min(sweeps, 10), 3_600_000);
}

/** A message whose job is still waiting or running is looked at again after this (its job may yet be lost). */
export const LIVE_RECHECK_MS = 60_000;

/**
 * The recovery sweep: re-queues stored messages that were never processed (a crash, Redis lost the job, attempts
 * used up during an outage). It reads what became due (`sweepAt` by `dueBy`) from the sweep's due index, by `_id`
 * (inbound.repository.ts `sweepDue`): its cost follows what is due, not the number of messages stored, on FerretDB
 * v1 as on MongoDB. It goes in bounded pages, the most overdue first, at most `batch` × `maxBatches` messages a pass
 * (the rest at the next), so any number of stuck messages cannot hide the others. A message it re-queues is pushed
 * back (doubling, up to an hour) before its job is added — never while a job of it may run, since on FerretDB v1 two
 * concurrent updates of one document can lose one — and is put back in its conversation's line first. A message
 * whose job is waiting or running is looked at again a minute later, its job looked up in Redis before its message
 * is read (a backlog costs the sweep no store read, and its messages are not written); a parked one (status
 * `failed`) is never re-queued.
 */
export async function recoverUnprocessed(
  deps: IntakeDeps,
  dueBy: Date,
  opts: { batch?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<number> {
  const batch = opts.batch ?? 100;
  const now = opts.now ?? (() => new Date());
  const queue = deps.producer.queues[deps.processing.queue];
  let n = 0;
  await deps.inbound.sweepDue(
    dueBy,
    async (keys) => {
      const lost: typeof keys = [];
      const live: string[] = [];
      // the page's jobs are looked up together (reads only)
      const jobs = await Promise.all(
        keys.map(async (k) => {
          const job = await queue.getJob(deps.processing.jobId({ platform: k.platform as PlatformId, eventId: k.eventId }));
          return { job, state: job ? await job.getState() : 'missing' };
        }),
      );
      for (const [i, k] of keys.entries()) {
        const { job, state } = jobs[i]!;
        if (LIVE_STATES.has(state)) {
          live.push(k.id);
          continue;
        }
        // gone, failed for good, or completed while the store says unprocessed (a lost write): run it again
        if (job && state !== 'failed') await job.remove().catch(() => undefined);
        lost.push(k);
      }
      await deps.inbound.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
      for (const sweeps of new Set(lost.map((k) => k.sweeps))) {
        await deps.inbound.deferSweep(lost.filter((k) => k.sweeps === sweeps), new Date(now().getTime() + sweepBackoffMs(sweeps)));
      }
      for (const k of lost) await deps.producer.chatOrder.add(k.platform, k.chatId, k.eventId, new Date(k.receivedAt).getTime());
      for (const k of lost) {
        const r = await deps.producer.enqueueIfLost(deps.processing, { platform: k.platform as PlatformId, eventId: k.eventId });
        n++;
        deps.log.warn({ platform: k.platform, eventId: k.eventId, action: r }, 'recovered an unprocessed message');
      }
    },
    {
      page: batch,
      budget: batch * (opts.maxBatches ?? 20),
      async takeLive(ids) {
        const states = await Promise.all(
          ids.map(async (id) => {
            const job = await queue.getJob(deps.processing.jobId(keyOf(id)));
            return job ? job.getState() : 'missing';
          }),
        );
        const live = ids.filter((_, i) => LIVE_STATES.has(states[i]!));
        await deps.inbound.recheckLater(live, new Date(now().getTime() + LIVE_RECHECK_MS));
        return new Set(live);
      },
    },
  );
  return n;
}

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
/** A stored message's key from its `_id` (`platform:eventId`; a platform id has no colon). */
function keyOf(id: string): InboundKey {
  const i = id.indexOf(':');
  return { platform: id.slice(0, i) as PlatformId, eventId: id.slice(i + 1) };
}
