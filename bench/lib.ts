import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedFerretdb } from '../src/infra/ferretdb.js';

/** MONGODB_URI when set, else a throw-away embedded FerretDB (the project's own). */
export async function benchMongo(label: string): Promise<{ uri: string; stop(): Promise<void> }> {
  const base = process.env.MONGODB_URI;
  if (base) {
    // a database of its own on the same servers; the URI's options (replicaSet, authSource, tls …) are kept
    const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(base);
    if (!m) throw new Error('MONGODB_URI must look like mongodb://host[:port][,host…][/db][?options]');
    return { uri: `${m[1]}/bench_${label}_${Date.now()}${m[2] ?? ''}`, stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), `xiaoer-bench-${label}-`));
  const fdb = await startEmbeddedFerretdb({ dataDir: dir, database: `bench_${label}` });
  return {
    uri: fdb.uri,
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
