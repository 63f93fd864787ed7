import { createHash } from 'node:crypto';
import type { z } from 'zod';

export const QUEUES = { inbound: 'inbound', outbound: 'outbound', sla: 'sla', digests: 'digests' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobDefinition<S extends z.ZodType, Deps> {
  name: string;
  queue: QueueName;
  data: S;
  /** Deterministic id: the same work always gets the same id (BullMQ then adds it once). */
  jobId(data: z.infer<S>): string;
  attempts?: number;
  /** First retry delay (exponential after it); default 2 s. */
  backoffMs?: number;
  process(
    data: z.infer<S>,
    deps: Deps,
    meta: { jobId: string; attemptsMade: number; progress: number; setProgress(n: number): Promise<void> },
  ): Promise<string>;
}

/** Any job definition, whatever its data and the services it uses. */
export type AnyJob = JobDefinition<any, any>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type DepsOfJob<J> = J extends JobDefinition<any, infer D> ? D : never;

/**
 * The services a list of jobs needs together: what each job declares it uses, combined. The worker host asks for
 * one object of this type, so TypeScript checks that every job gets what it declares.
 */
export type DepsOf<Jobs extends readonly AnyJob[]> = UnionToIntersection<DepsOfJob<Jobs[number]>>;

export function defineJob<S extends z.ZodType, Deps>(def: JobDefinition<S, Deps>): JobDefinition<S, Deps> {
  return def;
}

/** A short stable key for ids that may contain ':', '/', '=' (BullMQ ids must not contain ':'). */
export function idKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22).replace(/[-_]/g, 'x');
}
