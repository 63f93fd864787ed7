import type { OutboundMessage, OutboundTarget } from '../messages/outbound.js';
import type { PlatformId } from '../messages/inbound.js';

/** A token as a platform's API hands it out. */
export interface FetchedToken {
  value: string;
  expiresInSec: number;
}

/**
 * Access tokens shared by every sender (and process): what a sender needs, handed to it from outside
 * (src/outbound/token-cache.ts implements it on Redis). Platforms know no store and no queue.
 */
export interface TokenCache {
  /** A valid token. `invalid`: the token a platform just refused — replaced unless someone already did. */
  get(name: string, fetch: () => Promise<FetchedToken>, invalid?: string): Promise<string>;
}

/** How many parts of a long message were already sent (a retry resumes after them). */
export interface PartProgress {
  done: number;
  mark(done: number): Promise<void>;
  /**
   * Right before the request carrying part `part` leaves (after any token fetch): from here until `mark`, the
   * platform may have the part, so a process that dies now leaves its delivery unknown.
   */
  sending?(part: number): Promise<void>;
}

/** Sends one message, in ordered parts when it is over a limit. Throws PlatformApiError / PlatformNetworkError (with `retryable`). */
export interface Sender {
  platform: PlatformId;
  send(target: OutboundTarget, message: OutboundMessage, progress?: PartProgress): Promise<void>;
}

/**
 * Posts parts in order, skipping those already sent, recording each as it goes. `post` calls `sending()` right before
 * its request leaves (after fetching a token, say).
 */
export async function sendParts<T>(parts: T[], post: (part: T, sending: () => Promise<void>) => Promise<void>, progress?: PartProgress): Promise<void> {
  for (let i = progress?.done ?? 0; i < parts.length; i++) {
    await post(parts[i]!, async () => {
      await progress?.sending?.(i);
    });
    await progress?.mark(i + 1);
  }
}
