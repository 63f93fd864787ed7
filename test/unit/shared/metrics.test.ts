import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import { ticketOfJob } from '../../../src/server/queue-console.js';
import { exposition, outboundSends, snapshot } from '../../../src/shared/metrics.js';

describe('metrics of two processes (the web process and its worker process)', () => {
  it('sums the counters of both in one exposition', async () => {
    outboundSends.inc({ platform: 'wecom', result: 'sent', errcode: '' }, 2);
    // the worker process's snapshot: the same metrics, its own counts (here, a copy of this one's)
    const worker = await snapshot();
    const { contentType, body } = await exposition([worker]);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('xiaoer_outbound_sends_total{platform="wecom",result="sent",errcode=""} 4');
  });
});

describe('the queue console', () => {
  it('names the ticket of an SLA step and of a send it caused; none for other jobs', () => {
    expect(ticketOfJob({ id: 'sla-12-abc', name: 'sla-step', data: { no: 12, key: 'k' } })).toBe(12);
    expect(ticketOfJob({ id: 'out-wecom-xyz-0', name: 'send-message', data: { cause: 'sla-34-response:1' } })).toBe(34);
    expect(ticketOfJob({ id: 'inbound-wecom-abc', name: 'process-inbound', data: { eventId: 'sla-5-x' } })).toBeNull();
    expect(ticketOfJob({ id: 'digest-tick-at-0', name: 'digest-tick', data: {} })).toBeNull();
  });
});

describe('METRICS_PORT / METRICS_HOST', () => {
  it('default to /metrics on the HTTP port; a port of their own binds to loopback unless told', () => {
    expect(loadConfig({}).metrics).toEqual({ port: undefined, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(() => loadConfig({ METRICS_PORT: 'nine' })).toThrow();
  });
});
