import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import type { SlaPolicy } from '../src/domain/sla.js';

const positive = z.number().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** The SLA policy and calendar overrides an operator may set in XIAOER_POLICY_FILE (YAML). Every key has a default. */
export const policySchema = z
  .object({
    workingHours: z.string().default('08:30-12:00,13:30-18:00'),
    /** Dates that are working days (work) or days off (off), over the bundled calendar. */
    calendar: z.record(date, z.enum(['work', 'off'])).default({}),
    response: z.object({ workingDays: positive.default(1), urgentWorkingHours: positive.default(2) }).prefault({}),
    resolution: z.object({ workingDays: positive.default(5), urgentWorkingDays: positive.default(1) }).prefault({}),
    /** The new answer clock of a reopened ticket (重办, also after 差评), from the reopen. */
    reopen: z.object({ workingDays: positive.default(5), urgentWorkingDays: positive.default(1) }).prefault({}),
    extension: z
      .object({ selfMaxWorkingDays: positive.default(5), selfMaxCount: z.number().int().min(0).default(1) })
      .prefault({}),
    reminders: z
      .object({
        beforeWorkingDays: z.number().min(0).default(1),
        /** Working minutes after a missed response deadline before the department lead is told. */
        responseOverdueAfterMinutes: z.number().min(0).default(60),
      })
      .prefault({}),
    escalation: z
      .object({
        leadAfterWorkingDays: z.number().min(0).default(1),
        leaderAfterWorkingDays: z.number().min(0).default(3),
        adminsAfterWorkingDays: z.number().min(0).default(5),
      })
      .prefault({}),
    /** When the scheduled digests go out on working days (daily; weekly on the week's first working day; monthly on the month's). */
    digest: z.object({ time: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM').default('08:30') }).prefault({}),
    /** How long to wait after a platform says "too fast" (WeCom 45009: at least a minute; DingTalk 130101: a 10-minute block). */
    outbound: z
      .object({ wecomRateLimitWaitMs: z.number().int().min(0).default(65_000), dingtalkRateLimitWaitMs: z.number().int().min(0).default(600_000) })
      .prefault({}),
    /** Reminders wait for working hours unless the ticket is urgent (true: urgent ones too). */
    quietHoursForUrgent: z.boolean().default(false),
  })
  .strict();
export type Policy = z.infer<typeof policySchema>;

/** The domain owns the shape it reads (SlaPolicy); the parsed policy must satisfy it, so the two cannot drift. */
export const DEFAULT_POLICY: Policy = policySchema.parse({}) satisfies SlaPolicy;

/** Reads and validates the policy file; problems name the key (`escalation.leaderAfterWorkingDays: …`). */
export function loadPolicy(path: string | undefined): { ok: true; policy: Policy } | { ok: false; problems: string[] } {
  if (!path) return { ok: true, policy: DEFAULT_POLICY };
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(path, 'utf8')) ?? {};
  } catch (err) {
    return { ok: false, problems: [`XIAOER_POLICY_FILE: cannot read ${path} (${(err as Error).message.split('\n')[0]})`] };
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `XIAOER_POLICY_FILE ${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { ok: true, policy: parsed.data };
}
