import type { StoredVisit, Visit } from '../domain/visit.js';
import type { WithLock } from '../queue/lock.js';
import type { VisitRepository } from '../store/repositories/visit.repository.js';
import { AppError } from '../shared/errors.js';

/** Given the current visit: the visit as it should be saved (its history extended), or a refusal to answer with. */
export type DecideVisit = (v: StoredVisit) => StoredVisit | { refuse: string };

export type VisitChangeResult = { ok: true; visit: StoredVisit; repeated: boolean } | { ok: false; message: string; notFound?: boolean };

/**
 * 助企走访: visits logged once per message, and changed (edit, delete, 建单, link) one at a time under the visit's
 * lock, saved over the version read. A change whose message is in the visit's history already is not made again.
 */
export function createVisitService(deps: { visits: VisitRepository; withLock: WithLock }) {
  return {
    log: (source: string, build: (no: number) => Visit) => deps.visits.insertNumbered(source, build),
    get: (no: number) => deps.visits.get(no),
    recentBy: (platformId: string, since: string) => deps.visits.recentBy(platformId, since),
    onDates: (from: string, to: string) => deps.visits.onDates(from, to),
    unlinked: () => deps.visits.unlinked(),

    async change(no: number, decide: DecideVisit, source: string): Promise<VisitChangeResult> {
      return deps.withLock(`visit-${no}`, async (lease) => {
        for (let attempt = 0; ; attempt++) {
          const v = await deps.visits.get(no);
          if (!v) return { ok: false, message: `未找到走访记录 V${no}，请核对编号。`, notFound: true };
          if (v.history.some((e) => e.source === source)) return { ok: true, visit: v, repeated: true };
          const next = decide(v);
          if ('refuse' in next) return { ok: false, message: next.refuse };
          await lease?.assertHeld();
          if ((await deps.visits.save(next)) === 'saved') return { ok: true, visit: { ...next, version: v.version + 1 }, repeated: false };
          if (attempt >= 20) throw new AppError('VISIT_CONFLICT', `visit V${no} keeps changing`, { retryable: true });
        }
      });
    },
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
