import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { WorkbenchIdentity } from '../../bot/context.js';

/** How long a one-time sign-in link is valid. */
export const SIGN_IN_LINK_TTL_SEC = 10 * 60;
/** How long a workbench session lasts. */
export const SESSION_TTL_SEC = 12 * 60 * 60;
/** How long an OAuth round trip (WeCom's authorize page and back) may take. */
const OAUTH_STATE_TTL_SEC = 10 * 60;

export interface Session {
  who: WorkbenchIdentity;
  csrf: string;
}

const token = () => randomBytes(32).toString('base64url');
/** Redis holds only digests of the secrets it is asked about: a copy of its keys signs nobody in. */
const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The workbench's sign-in state in Redis, under this deployment's prefix: one-time links (single use, 10 minutes),
 * sessions (12 hours), OAuth `state` values (10 minutes) and the cookie-signing secret when none is configured.
 */
export function createSessionStore(redis: Redis, prefix: string) {
  const key = (kind: string, id: string) => `${prefix}:h5:${kind}:${id}`;
  const read = <T>(raw: string | null): T | null => {
    if (!raw) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  };
  return {
    /** A new one-time sign-in token for `who`. */
    async createLink(who: WorkbenchIdentity): Promise<string> {
      const t = token();
      await redis.set(key('link', digest(t)), JSON.stringify(who), 'EX', SIGN_IN_LINK_TTL_SEC);
      return t;
    },
    /** The person a token signs in, once: GETDEL makes a second use (or a concurrent one) find nothing. */
    async consumeLink(t: string): Promise<WorkbenchIdentity | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(t)) return null;
      return read<WorkbenchIdentity>(await redis.getdel(key('link', digest(t))));
    },
    async createSession(who: WorkbenchIdentity): Promise<{ sid: string; session: Session }> {
      const sid = token();
      const session: Session = { who, csrf: token() };
      await redis.set(key('session', digest(sid)), JSON.stringify(session), 'EX', SESSION_TTL_SEC);
      return { sid, session };
    },
    async getSession(sid: string | undefined): Promise<Session | null> {
      if (!sid || !/^[A-Za-z0-9_-]{20,100}$/.test(sid)) return null;
      return read<Session>(await redis.get(key('session', digest(sid))));
    },
    async endSession(sid: string): Promise<void> {
      await redis.del(key('session', digest(sid)));
    },
    /** An OAuth `state` ([A-Za-z0-9], as WeCom requires) that remembers where the person was going. */
    async saveState(next: string): Promise<string> {
      const state = randomBytes(16).toString('hex');
      await redis.set(key('state', state), next, 'EX', OAUTH_STATE_TTL_SEC);
      return state;
    },
    async takeState(state: string): Promise<string | null> {
      if (!/^[a-f0-9]{32}$/.test(state)) return null;
      return redis.getdel(key('state', state));
    },
    /** The cookie-signing secret: the configured one, else one made on first use and shared by every process. */
    async secret(configured?: string): Promise<string> {
      if (configured) return configured;
      await redis.set(key('secret', 'cookie'), randomBytes(32).toString('hex'), 'NX');
      return (await redis.get(key('secret', 'cookie')))!;
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
