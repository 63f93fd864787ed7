import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type MetricObjectWithValues, type MetricValue } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), in one registry of their own. Counting is in-memory and does no
 * I/O; what is read from Redis or the store (queue depth, tickets by state) is read at scrape time by the process that
 * serves /metrics (src/runtime.ts). Names and the alerts worth setting: docs/reliability.md ("Metrics").
 */
export const registry = new Registry();
const registers = [registry];

export const callbacksReceived = new Counter({
  name: 'xiaoer_callbacks_received_total',
  help: 'Platform callbacks (POST /webhooks/:platform) received',
  labelNames: ['platform'] as const,
  registers,
});
export const callbacksAcknowledged = new Counter({
  name: 'xiaoer_callbacks_acknowledged_total',
  help: 'Callbacks answered 200; outcome accepted (stored and queued), duplicate (a redelivery) or ignored (nothing to do)',
  labelNames: ['platform', 'outcome'] as const,
  registers,
});
export const callbacksRefused = new Counter({
  name: 'xiaoer_callbacks_refused_total',
  help: 'Callbacks refused, by reason: signature, replay (stale timestamp), decrypt, receiver, malformed, oversized, error (5xx)',
  labelNames: ['platform', 'reason'] as const,
  registers,
});
export const ackSeconds = new Histogram({
  name: 'xiaoer_callback_ack_seconds',
  help: 'Time from a callback arriving to its acknowledgement (answered callbacks, refused ones included)',
  labelNames: ['platform'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  registers,
});
export const jobsFailed = new Counter({
  name: 'xiaoer_jobs_failed_total',
  help: 'Job attempts that failed (each retried attempt counts)',
  labelNames: ['queue', 'job'] as const,
  registers,
});
export const jobsParked = new Counter({
  name: 'xiaoer_jobs_parked_total',
  help: 'Jobs that failed for good (attempts used up, or a permanent error); sends among them become dead letters',
  labelNames: ['queue', 'job'] as const,
  registers,
});
export const outboundSends = new Counter({
  name: 'xiaoer_outbound_sends_total',
  help: 'Outbound send attempts by result (sent, error, network) and the platform errcode (empty when none)',
  labelNames: ['platform', 'result', 'errcode'] as const,
  registers,
});
export const rateLimitWaits = new Counter({
  name: 'xiaoer_rate_limit_waits_total',
  help: 'Sends made to wait: by our own pace (source=pacer) or by the platform (source=platform, e.g. 45009)',
  labelNames: ['source'] as const,
  registers,
});
export const rateLimitWaitSeconds = new Counter({
  name: 'xiaoer_rate_limit_wait_seconds_total',
  help: 'Total time sends were asked to wait by a rate limit',
  labelNames: ['source'] as const,
  registers,
});
export const slaStepsSent = new Counter({
  name: 'xiaoer_sla_steps_sent_total',
  help: 'SLA reminder and escalation steps sent',
  labelNames: ['kind'] as const,
  registers,
});
export const digestsSent = new Counter({
  name: 'xiaoer_digests_sent_total',
  help: 'Digests sent to a group (one per group and run)',
  registers,
});
export const digestLastSent = new Gauge({
  name: 'xiaoer_digest_last_sent_timestamp_seconds',
  help: 'When this process last sent a digest (Unix seconds; 0 before the first since it started)',
  registers,
  aggregator: 'max',
});
export const llmCalls = new Counter({
  name: 'xiaoer_llm_calls_total',
  help: "The LLM's calls by result: ok, rejected (the answer failed validation), error (timeout, HTTP, network)",
  labelNames: ['result'] as const,
  registers,
});
export const llmFallbacks = new Counter({
  name: 'xiaoer_llm_fallbacks_total',
  help: "Reports read by the rules alone because the LLM's answer was unusable or missing",
  labelNames: ['reason'] as const,
  registers,
});

/** A gauge read at scrape time from a value computed at most every `everyMs` (a store count: FerretDB scans). */
export function cachedGauge(opts: { name: string; help: string; label: string; everyMs: number; read: () => Promise<Record<string, number>> }): void {
  let last: { at: number; values: Record<string, number> } | null = null;
  let pending: Promise<Record<string, number>> | null = null;
  new Gauge({
    name: opts.name,
    help: opts.help,
    labelNames: [opts.label],
    registers,
    async collect() {
      if (!last || Date.now() - last.at >= opts.everyMs) {
        pending ??= opts.read().finally(() => (pending = null));
        try {
          last = { at: Date.now(), values: await pending };
        } catch {
          // the store is down: the last counts stay (a scrape never fails for it)
          if (!last) return;
        }
      }
      this.reset();
      for (const [k, v] of Object.entries(last.values)) this.set({ [opts.label]: k }, v);
    },
  });
}

/** A gauge without labels whose value is computed at scrape time (no I/O: e.g. whether today is a working day). */
export function computedGauge(opts: { name: string; help: string; value: () => number }): void {
  new Gauge({
    name: opts.name,
    help: opts.help,
    registers,
    aggregator: 'max',
    collect() {
      this.set(opts.value());
    },
  });
}

let defaultsOn = false;
/** Node.js and process metrics (CPU, memory, event loop lag, GC), once per process. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: registry });
}

export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

/** This process's metrics as data (for a parent process to merge: src/runtime/worker-child.ts). */
export function snapshot(): Promise<MetricsSnapshot> {
  return registry.getMetricsAsJSON() as Promise<MetricsSnapshot>;
}

/**
 * The text exposition of this process's metrics merged with other processes' snapshots (the worker process):
 * counters and histograms are summed, gauges too unless they say otherwise (prom-client's AggregatorRegistry).
 */
export async function exposition(others: MetricsSnapshot[] = []): Promise<{ contentType: string; body: string }> {
  const own = await snapshot();
  const merged = others.length ? AggregatorRegistry.aggregate([own, ...others]) : registry;
  return { contentType: registry.contentType, body: await merged.metrics() };
}
