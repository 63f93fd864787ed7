/**
 * The state of an outbound long connection (WeCom AI bot long connection, DingTalk Stream), as a health check or a
 * status page shows it. Platform-neutral: each client fills in its own `platform` and uses the states it has.
 *
 * - `connecting`: dialling (TCP + TLS + WebSocket handshake).
 * - `subscribing`: the socket is open, the client authenticates (WeCom `aibot_subscribe`) and waits for the answer.
 * - `open`: authenticated; callbacks arrive and frames may be sent.
 * - `backoff`: the last attempt failed or the connection died; the next attempt is scheduled (`reason` says why).
 * - `displaced`: the platform handed the bot to a newer connection (WeCom `disconnected_event`); a single later retry
 *   is scheduled.
 * - `standby`: connected but deliberately not serving (another instance holds the role).
 * - `stopped`: not started yet, or stopped by the application.
 */
export interface ConnectionState {
  platform: 'wecom' | 'dingtalk';
  state: 'connecting' | 'subscribing' | 'open' | 'backoff' | 'displaced' | 'standby' | 'stopped';
  /** When this state was entered (ISO 8601). */
  since: string;
  reason?: string;
  /** Sockets dialled after the first one since start(). */
  reconnects: number;
  /** When the last frame of any kind arrived (ISO 8601). */
  lastFrameAt?: string;
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential back-off with full jitter: a uniform delay in [0, min(maxMs, baseMs·2^(attempt−1))). Without the
 * jitter, every instance that lost the same server at the same moment would retry in lockstep.
 * `attempt` counts from 1; `random` returns [0, 1).
 */
export function fullJitterDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
