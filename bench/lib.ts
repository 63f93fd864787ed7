import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedFerretdb } from '../src/infra/ferretdb.js';

/** MONGODB_URI when set, else a throw-away embedded FerretDB (the project's own). */
export async function benchMongo(label: string, opts: { debugPort?: number; logLevel?: 'debug' | 'warn' } = {}): Promise<{ uri: string; log?: string; stop(): Promise<void> }> {
  const base = process.env.MONGODB_URI;
  if (base) {
    // a database of its own on the same servers; the URI's options (replicaSet, authSource, tls …) are kept
    const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(base);
    if (!m) throw new Error('MONGODB_URI must look like mongodb://host[:port][,host…][/db][?options]');
    return { uri: `${m[1]}/bench_${label}_${Date.now()}${m[2] ?? ''}`, stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), `xiaoer-bench-${label}-`));
  const fdb = await startEmbeddedFerretdb({ dataDir: dir, database: `bench_${label}`, debugPort: opts.debugPort, logLevel: opts.logLevel });
  return {
    uri: fdb.uri,
    log: join(dir, 'ferretdb.log'),
    async stop() {
      await fdb.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function machineLine(): string {
  return `machine: ${cpus().length} × ${cpus()[0]?.model?.trim() ?? '?'}, Node ${process.version}, ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'FerretDB v1.24 (SQLite)'}`;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * The store round trips so far, by command, read from the embedded FerretDB's metrics (benchMongo with a debugPort):
 * `ferretdb_client_requests_total`, every request any process made. Null when not served (MONGODB_URI).
 */
export async function storeRequests(debugPort: number): Promise<Map<string, number> | null> {
  const res = await fetch(`http://127.0.0.1:${debugPort}/debug/metrics`).catch(() => null);
  if (!res?.ok) return null;
  const out = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^ferretdb_client_requests_total\{[^}]*command="([^"]*)"[^}]*\} (\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/.exec(line);
    if (m) out.set(m[1]!, (out.get(m[1]!) ?? 0) + Number(m[2]));
  }
  return out;
}

/**
 * Requests by command and collection in the part of FerretDB's debug log from byte `from` on (benchMongo with
 * logLevel debug logs every request's body: `"find": "tickets"`).
 */
export function requestsInLog(file: string, from: number): Map<string, number> {
  const out = new Map<string, number>();
  const text = readFileSync(file).subarray(from).toString('utf8');
  for (const m of text.matchAll(/^\s*"(find|update|insert|findAndModify|delete|count|aggregate|distinct)": "([^"]+)",?$/gm)) {
    const k = `${m[1]} ${m[2]}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
