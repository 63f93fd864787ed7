/**
 * Workers side by side: a backlog of stored reports (stored and queued exactly as the intake does it), worked off by
 * ONE worker process (`XIAOER_ROLE=worker`, the real src/main.ts), then, on a fresh database, by TWO. Prints the time
 * to drain each, the speed-up, and checks that every report became exactly one ticket and one answer at a fake WeCom
 * server (tickets counted by sourceMessageId, answers by the report's response_code), with nothing left queued.
 * Usage: npm run bench:workers [-- --reports 400 --chats 40 --workers 1,2]  (rounds may alternate: --workers 1,2,1,2)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { processInbound } from '../jobs/process-inbound.job.js';
import { createIntake } from '../src/bot/intake.js';
import { claimPrefix, deploymentPrefix, ensureDeployment } from '../src/infra/deployment.js';
import { projectRoot } from '../src/infra/paths.js';
import { waitFor } from '../src/infra/process.js';
import { ensureRedis } from '../src/infra/redis-server.js';
import { wecomCallbackSchema } from '../src/platforms/wecom/payload.js';
import { wecomToInbound } from '../src/platforms/wecom/to-inbound.js';
import { createProducer } from '../src/queue/producer.js';
import { createLogger } from '../src/shared/logger.js';
import { connectStore } from '../src/store/connect.js';
import { createInboundRepository } from '../src/store/repositories/inbound.repository.js';
import { pendingJobs } from '../test/helpers/queue-drain.js';
import { benchMongo, machineLine, requestsInLog, storeRequests } from './lib.js';

const arg = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// a few hundred on FerretDB (a report costs more as its store grows); thousands on MongoDB
const REPORTS = Number(arg('--reports') ?? 400);
const CHATS = Number(arg('--chats') ?? 40);
const ROUNDS = (arg('--workers') ?? '1,2').split(',').map(Number);
const TOKEN = 'benchToken';
const AES = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const BOT_NAME = '店小二';
const PROBLEMS = ['厂区门口的路灯坏了好几天', '我们用电扩容申请一个月了还没批下来', '园区道路积水严重，货车进不来', '消防验收一直排不上号', '企业招工难，希望帮忙对接人社局'];

/** A fake WeCom: counts the answers posted to each report's response_url. */
const answers = new Map<string, number>();
let requests = 0;
const fake = createServer((req, res) => {
  requests++;
  const code = new URL(req.url ?? '/', 'http://x').searchParams.get('response_code');
  if (code) answers.set(code, (answers.get(code) ?? 0) + 1);
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'));
});
await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
const fakeBase = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;

const redisDir = mkdtempSync(join(tmpdir(), 'xiaoer-bench-workers-redis-'));
const redisServer = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', mayStart: !process.env.REDIS_URL, dataDir: redisDir, log: () => undefined });
const log = createLogger('silent');
/** Why failed attempts were retried (error codes), per round. */
const retryCodes = new Map<string, number>();

/** One worker process: the real entry point with XIAOER_ROLE=worker; resolves once it logged that its workers run. */
async function startWorker(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; handled: () => number; retried: () => number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
    cwd: projectRoot(),
    env: { ...process.env, ...env, XIAOER_ROLE: 'worker' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let handled = 0;
  let retried = 0;
  let partial = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout!.on('data', (d: Buffer) => {
    keep(d);
    // the bot's info line per message it handled ("message handled"), counted per process
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    handled += lines.filter((l) => l.includes('"message handled"')).length;
    // a job that failed and will run again (contention, a store error): work done twice
    for (const l of lines.filter((x) => x.includes('"job failed, will retry"'))) {
      retried++;
      const code = /"code":"([A-Z_]+)"/.exec(l)?.[1] ?? /"message":"([^"]{0,80})/.exec(l)?.[1] ?? 'other';
      retryCodes.set(code, (retryCodes.get(code) ?? 0) + 1);
    }
  });
  child.stderr!.on('data', keep);
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited:\n${out}`);
      return out.includes('xiaoer workers running');
    },
    120_000,
    'worker process',
  );
  return { child, output: () => out, handled: () => handled, retried: () => retried };
}

interface Round {
  workers: number;
  seedMs: number;
  startMs: number;
  drainMs: number;
  tickets: number;
  ticketsTwice: number;
  answered: number;
  answeredTwice: number;
  processed: number;
  /** Reports handled by each worker process. */
  split: number[];
  /** Job attempts that failed and were retried, all processes. */
  retried: number;
  /** Store round trips (FerretDB's request counters, every process) by command: storing the reports, and working them off. */
  trips: { ack: Map<string, number> | null; processing: Map<string, number> | null };
}

/** A free loopback port (for FerretDB's metrics). */
async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/** b − a by command, the hand-shakes and metadata (`unknown`, `hello`, `isMaster`, `ping`, `buildInfo`) left out. */
function tripsBetween(a: Map<string, number> | null, b: Map<string, number> | null): Map<string, number> | null {
  if (!a || !b) return null;
  const out = new Map<string, number>();
  for (const [k, v] of b) if (!['unknown', 'hello', 'isMaster', 'ismaster', 'ping', 'buildInfo', 'buildinfo', 'getParameter', 'endSessions'].includes(k) && v - (a.get(k) ?? 0) > 0) out.set(k, v - (a.get(k) ?? 0));
  return out;
}

async function round(workers: number, r: number): Promise<Round> {
  answers.clear();
  retryCodes.clear();
  const debugPort = await freePort();
  const byCollection = process.argv.includes('--by-collection');
  const db = await benchMongo(`workers${workers}`, { debugPort, logLevel: byCollection ? 'debug' : 'warn' });
  const store = await connectStore(db.uri);
  const base = `benchw${Date.now()}`;
  // the deployment's prefix, as the runtime builds it (the worker processes find the same deployment document)
  const deployment = await ensureDeployment(store.conn);
  const prefix = deploymentPrefix(base, deployment);
  const redis = new Redis(redisServer.uri, { maxRetriesPerRequest: null });
  await claimPrefix(redis, prefix, deployment.id);
  const producer = createProducer(redis, prefix);
  // the backlog waits until every worker process runs: the clock measures processing, not start-up
  await producer.queues.inbound.pause();
  const intake = createIntake({ inbound: createInboundRepository(store.conn), producer, log, processing: processInbound });

  const ids: string[] = [];
  const beforeAck = await storeRequests(debugPort);
  const t0 = performance.now();
  const todo = Array.from({ length: REPORTS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let i = todo.shift(); i !== undefined; i = todo.shift()) {
        const id = `w${r}x${i}`;
        const payload = wecomCallbackSchema.parse({
          msgid: id,
          aibotid: 'B',
          chatid: `benchchat${i % CHATS}`,
          chattype: 'group',
          from: { userid: `u${i % 97}` },
          response_url: `${fakeBase}/cgi-bin/aibot/response?response_code=${id}`,
          msgtype: 'text',
          text: { content: `@${BOT_NAME} ${PROBLEMS[i % PROBLEMS.length]}（第${i}条）` },
        });
        const result = wecomToInbound(payload, BOT_NAME, new Date());
        if ((await intake.accept(result, new Date())) !== 'accepted') throw new Error(`report ${id} not accepted`);
        ids.push(id);
      }
    }),
  );
  const seedMs = performance.now() - t0;
  const afterAck = await storeRequests(debugPort);

  const env = {
    MONGODB_URI: db.uri,
    REDIS_URL: redisServer.uri,
    XIAOER_QUEUE_PREFIX: base,
    WECOM_BOT_TOKEN: TOKEN,
    WECOM_BOT_AES_KEY: AES,
    WECOM_API_BASE: fakeBase,
    XIAOER_OUTBOUND_LIMIT: '100000/1s',
    XIAOER_SIMULATOR: '0',
    LOG_LEVEL: 'info',
  };
  const t1 = performance.now();
  const procs = await Promise.all(Array.from({ length: workers }, () => startWorker(env)));
  const startMs = performance.now() - t1;

  const beforeWork = await storeRequests(debugPort);
  const logFrom = byCollection && db.log ? statSync(db.log).size : 0;
  const t2 = performance.now();
  await producer.queues.inbound.resume();
  let drainMs = 0;
  let afterWork: Map<string, number> | null = null;
  try {
    await waitFor(
      async () => {
        if (answers.size < REPORTS) return false;
        const pending = await pendingJobs(redisServer.uri, prefix, ['inbound', 'outbound']);
        return Object.values(pending).every((n) => n === 0);
      },
      30 * 60_000,
      'the backlog to drain',
    );
    drainMs = performance.now() - t2;
    afterWork = await storeRequests(debugPort);
    if (byCollection && db.log) {
      const by = [...requestsInLog(db.log, logFrom)].sort((a, b) => b[1] - a[1]);
      console.log(`  working it off, requests per report by command and collection: ${by.map(([k, v]) => `${k} ${(v / REPORTS).toFixed(2)}`).join(', ')}`);
    }
    // nothing more arrives: the fake's request count is stable for a second
    let seen = -1;
    while (seen !== requests) {
      seen = requests;
      await new Promise((res) => setTimeout(res, 1000));
    }
  } catch (err) {
    console.error(procs.map((p) => p.output().slice(-3000)).join('\n---\n'));
    throw err;
  }

  const bySource = new Map<string, number>();
  for (const t of await store.conn.collection('tickets').find({}, { projection: { sourceMessageId: 1 } }).toArray()) {
    bySource.set(t.sourceMessageId as string, (bySource.get(t.sourceMessageId as string) ?? 0) + 1);
  }
  const result: Round = {
    workers,
    seedMs,
    startMs,
    drainMs,
    tickets: ids.filter((id) => bySource.get(`wecom:${id}`) === 1).length,
    ticketsTwice: [...bySource.values()].filter((n) => n > 1).length + (bySource.size - ids.filter((id) => bySource.has(`wecom:${id}`)).length),
    answered: ids.filter((id) => answers.get(id) === 1).length,
    answeredTwice: [...answers.values()].filter((n) => n > 1).length,
    processed: await store.conn.collection('inbound_messages').countDocuments({ status: 'processed' }),
    split: procs.map((p) => p.handled()),
    retried: procs.reduce((n, p) => n + p.retried(), 0),
    trips: { ack: tripsBetween(beforeAck, afterAck), processing: tripsBetween(beforeWork, afterWork) },
  };

  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((res) => {
          p.child.once('exit', () => res());
          p.child.kill('SIGTERM');
        }),
    ),
  );
  await producer.close();
  redis.disconnect();
  await store.conn.dropDatabase().catch(() => undefined);
  await store.close();
  await db.stop();
  return result;
}

console.log(machineLine());
console.log(`backlog: ${REPORTS} stored WeCom reports in ${CHATS} conversations (${REPORTS / CHATS} each, handled in arrival order per conversation)`);
const results: Round[] = [];
for (const [i, w] of ROUNDS.entries()) {
  const res = await round(w, i);
  results.push(res);
  console.log(
    `${w} worker process${w > 1 ? 'es' : ''}: seeded in ${(res.seedMs / 1000).toFixed(1)} s, started in ${(res.startMs / 1000).toFixed(1)} s, ` +
      `drained in ${(res.drainMs / 1000).toFixed(1)} s (${((REPORTS * 1000) / res.drainMs).toFixed(1)} reports/s, load average ${loadavg()[0]!.toFixed(1)}); ` +
      `tickets ${res.tickets}/${REPORTS} (twice ${res.ticketsTwice}), answered ${res.answered}/${REPORTS} (twice ${res.answeredTwice}), processed ${res.processed}; handled per process ${res.split.join(' + ')}, failed attempts retried ${res.retried}${res.retried ? ` ${JSON.stringify(Object.fromEntries(retryCodes))}` : ''}`,
  );
  // the store's round trips per report, every process counted by the store itself
  const per = (m: Map<string, number> | null) =>
    m ? `${([...m.values()].reduce((a, b) => a + b, 0) / REPORTS).toFixed(1)} (${[...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / REPORTS).toFixed(2)}`).join(', ')})` : 'not counted (MONGODB_URI)';
  console.log(`  store round trips per report: storing it ${per(res.trips.ack)}; working it off ${per(res.trips.processing)}`);
}
fake.close();
await redisServer.stop();
rmSync(redisDir, { recursive: true, force: true });

const ok = results.every((x) => x.tickets === REPORTS && x.answered === REPORTS && x.ticketsTwice === 0 && x.answeredTwice === 0 && x.processed === REPORTS);
// each round with more processes against the last one-process round before it (rounds may alternate: --workers 1,2,1,2)
const speedups = results.flatMap((x, i) => {
  const one = results.slice(0, i).findLast((y) => y.workers === 1);
  return x.workers > 1 && one ? [`${x.workers} processes ×${(one.drainMs / x.drainMs).toFixed(2)}`] : [];
});
console.log(
  '\nnote: FerretDB v1.24 (SQLite) has one writer; every store write of every worker process waits for it, so more ' +
    'worker processes help only as far as the store keeps up (and this machine has ' +
    `${cpus().length} cores for the store, Redis and the workers together).`,
);
console.log(
  `summary: ${results.map((x) => `${x.workers} worker${x.workers > 1 ? 's' : ''} ${(x.drainMs / 1000).toFixed(1)} s`).join(', ')}` +
    `${speedups.length ? `; speed-up ${speedups.join(', ')}` : ''}; ${ok ? 'every report one ticket and one answer' : 'MISMATCH: reports lost or doubled'}`,
);
process.exit(ok ? 0 : 1);
