import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';

/** Which deployment a database belongs to: created once, on the first start on that database. */
export interface Deployment {
  id: string;
  /**
   * A database that already held tickets or messages when ids were introduced: it keeps the plain prefix, since the
   * queued jobs under it are its own.
   */
  legacy: boolean;
  /** When the record was made (the first start on this database). */
  createdAt: Date;
}

interface DeploymentDoc {
  _id: string;
  id: string;
  legacy: boolean;
  createdAt: Date;
}

const DOC_ID = 'deployment';

export class DeploymentConflictError extends Error {}

/**
 * After a restore: the database gets a deployment identity of its own (a new id, never the plain legacy prefix), so
 * that a restored copy started beside the original on one Redis never shares its queues. What was queued is rebuilt
 * from the store by the start-up sweeps. `restoredFrom`: the id the backup carried (null: none).
 */
export async function renewDeployment(db: NonNullable<Connection['db']>, restoredFrom: string | null, now = new Date()): Promise<{ id: string }> {
  const col = db.collection<DeploymentDoc & { restoredFrom?: string | null }>('deployment');
  const id = randomBytes(6).toString('hex');
  // the restored database keeps the day it was first started (a digest missed before the restore is still caught up)
  const createdAt = (await col.findOne({ _id: DOC_ID }))?.createdAt ?? now;
  await col.replaceOne({ _id: DOC_ID }, { id, legacy: false, createdAt, restoredFrom }, { upsert: true });
  return { id };
}

/** The deployment of this database, created on first use (one document; concurrent first starts agree on it). */
export async function ensureDeployment(conn: Connection, now = new Date()): Promise<Deployment> {
  const db = conn.db!;
  const col = db.collection<DeploymentDoc>('deployment');
  const found = await col.findOne({ _id: DOC_ID });
  if (found) return { id: found.id, legacy: found.legacy, createdAt: found.createdAt };
  const holdsWork = async (name: string) => (await db.collection(name).countDocuments({}, { limit: 1 })) > 0;
  const legacy = (await holdsWork('tickets')) || (await holdsWork('inbound_messages'));
  try {
    await col.insertOne({ _id: DOC_ID, id: randomBytes(6).toString('hex'), legacy, createdAt: now });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  const doc = (await col.findOne({ _id: DOC_ID }))!;
  return { id: doc.id, legacy: doc.legacy, createdAt: doc.createdAt };
}

/** The deployment as recorded, without creating it (the CLI on a database the bot never ran on: null). */
export async function readDeployment(conn: Connection): Promise<Deployment | null> {
  const doc = await conn.db!.collection<DeploymentDoc>('deployment').findOne({ _id: DOC_ID });
  return doc ? { id: doc.id, legacy: doc.legacy, createdAt: doc.createdAt } : null;
}

/**
 * The Redis key prefix of a deployment: XIAOER_QUEUE_PREFIX with the deployment id folded in, so two deployments
 * (two data folders, two databases) on one Redis never see each other's jobs, locks or pacing.
 */
export function deploymentPrefix(base: string, d: Deployment | null): string {
  return !d || d.legacy ? base : `${base}-${d.id}`;
}

/** The marker key: which deployment's queue state lives under a prefix. */
export const markerKey = (prefix: string) => `${prefix}:deployment`;

/**
 * Claims `prefix` in Redis for deployment `id` (a marker key). Refuses — throws — when another deployment holds it
 * (two legacy databases configured with the same prefix).
 */
export async function claimPrefix(redis: Redis, prefix: string, id: string): Promise<void> {
  const key = markerKey(prefix);
  await redis.set(key, id, 'NX');
  const holder = await redis.get(key);
  if (holder !== null && holder !== id) {
    throw new DeploymentConflictError(
      `Redis already holds the queues of another deployment under the prefix "${prefix}" (deployment ${holder}, this one is ${id}): ` +
        'set XIAOER_QUEUE_PREFIX to a prefix of its own, or use another Redis',
    );
  }
}
