import type { FeedAnswer } from './feed';
import type { SimState } from './model';

/** The simulator's JSON API (src/simulator/sim-server.ts), same origin. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, body === undefined ? { cache: 'no-store' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new ApiError(data.error ?? `请求失败（${res.status}）`, res.status);
  return data;
}

export interface TicketView {
  no: number;
  status: string;
  summary: string;
  enterprise: string | null;
  category: string;
  urgency: string;
  assignee: string;
  resolutionDueAt: string;
  text: string;
  events: { at: string; label: string; by: string; note: string }[];
}

export const api = {
  state: () => call<SimState>('/simulator/api/state'),
  feed: (since: number, boot: string) => call<FeedAnswer>(`/simulator/api/feed?since=${since}&boot=${encodeURIComponent(boot)}`),
  send: (conversation: string, personId: string, text: string) => call<{ status: number; conversation: string }>('/simulator/api/send', { conversation, personId, text }),
  clock: (body: { hours: number } | { to: 'next-digest' }) => call<{ now: string }>('/simulator/api/clock', body),
  ticket: (no: number) => call<TicketView>(`/simulator/api/tickets/${no}`),
  signIn: (personId: string) => call<{ url: string }>('/simulator/api/signin', { personId }),
};
