/**
 * Ingest and end-to-end: correctly encrypted WeCom AI-bot callbacks with unique ids, over loopback, to the running bot
 * and to a bare verify-decrypt-200 Koa endpoint (the ceiling); as fast as possible and at fixed rates. Then: every
 * acknowledged message stored exactly once; the time from POST to the answer at the fake WeCom server.
 * Usage: npm run bench:ingest [-- --seconds 5] [--role web] [--workers inline]
 *
 * Flood (memory): `npm run bench:ingest -- --flood-minutes 10 --rate 200` offers a steady flood of reports to the
 * default process for that long instead, sampling the resident memory (VmRSS) of the bot's process and of every
 * process under it (its worker child) every 10 s; it prints start, max and end RSS, whether it levelled off, and the
 * backlog at the end (stored, not yet processed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createServer, request, Agent } from 'node:http';
import { join } from 'node:path';
import { createWecomCrypto } from '../src/platforms/wecom/crypto.js';
import { freePort, waitFor } from '../src/infra/process.js';
import { projectRoot } from '../src/infra/paths.js';
import { MongoClient } from 'mongodb';
import { connectStore } from '../src/store/connect.js';
import { benchMongo, machineLine } from './lib.js';

const secArg = process.argv.indexOf('--seconds');
const SECONDS = secArg > 0 ? Number(process.argv[secArg + 1]) : 5;
const TOKEN = 'benchToken';
const AES = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const crypto = createWecomCrypto({ token: TOKEN, encodingAesKey: AES, receiveId: '' });
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

/** A fake WeCom answering response_url posts, timing each answer against its POST. */
const sentAt = new Map<string, number>();
/** POST → first answer, by report (a report answered twice, or one from an earlier phase, is not counted again). */
const answeredIn = new Map<string, number>();
let answersTwice = 0;
const fake = createServer((req, res) => {
  const code = new URL(req.url ?? '/', 'http://x').searchParams.get('response_code') ?? '';
  req.resume();
  req.on('end', () => {
    const t0 = sentAt.get(code);
    if (t0 !== undefined) {
      if (answeredIn.has(code)) answersTwice++;
      else answeredIn.set(code, performance.now() - t0);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
});
await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
const fakeBase = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;

function callback(id: string, text: string) {
  const payload = {
    msgid: id, aibotid: 'B', chatid: `benchgroup-${id.slice(-3)}`, chattype: 'group', from: { userid: `u${id.slice(-4)}` },
    response_url: `${fakeBase}/cgi-bin/aibot/response?response_code=${id}`, msgtype: 'text', text: { content: `@店小二 ${text}` },
  };
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const { encrypt, msgSignature } = crypto.seal(JSON.stringify(payload), ts, nonce);
  return { path: `/webhooks/wecom?msg_signature=${msgSignature}&timestamp=${ts}&nonce=${nonce}`, body: JSON.stringify({ encrypt }) };
}

function post(port: number, c: { path: string; body: string }): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: c.path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(c.body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(c.body);
  });
}

let placeNo = 0;
/** Sends for `seconds`: at `rate` per second, or as fast as `concurrency` connections allow when rate is 0. */
async function load(port: number, rate: number, seconds: number, ids: string[], text = '厂区门口的路灯坏了好几天') {
  const lat: number[] = [];
  let errors = 0;
  const tasks: Promise<void>[] = [];
  const end = performance.now() + seconds * 1000;
  const one = async () => {
    const id = `b${randomUUID().replace(/-/g, '')}`;
    // a place number of its own: reports of one text in one group would be one ticket (重复), not a flood of reports
    const c = callback(id, `${text}（第${++placeNo}处）`);
    sentAt.set(id, performance.now());
    const r = await post(port, c);
    lat.push(r.ms);
    if (r.status === 200) ids.push(id);
    else errors++;
  };
  const t0 = performance.now();
  if (rate === 0) {
    const worker = async () => {
      while (performance.now() < end) await one();
    };
    await Promise.all(Array.from({ length: 32 }, worker));
  } else {
    for (let i = 0; performance.now() < end; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      tasks.push(one());
    }
    await Promise.all(tasks);
  }
  const elapsed = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { sent: lat.length, perSec: lat.length / elapsed, p50: q(lat, 0.5), p95: q(lat, 0.95), p99: q(lat, 0.99), max: lat.at(-1) ?? NaN, errors };
}

async function start(script: string[], env: Record<string, string>, ready: (p: number) => Promise<boolean>): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), '--import', 'tsx', ...script], { cwd: projectRoot(), env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  await waitFor(() => ready(port), 60_000, script.join(' '));
  return { port, child };
}

console.log(machineLine());
const db = await benchMongo('ingest');
const prefix = `bench${Date.now()}`;
const env = { MONGODB_URI: db.uri, XIAOER_QUEUE_PREFIX: prefix, WECOM_BOT_TOKEN: TOKEN, WECOM_BOT_AES_KEY: AES, WECOM_API_BASE: fakeBase, LOG_LEVEL: 'warn', XIAOER_OUTBOUND_LIMIT: '100000/1s' };
// the default process as a newcomer runs it (role all: its queue workers in a child process, working off the flood
// while it is acknowledged); `--role web` measures the acknowledgement path alone, `--workers inline` the old way
const arg = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// `--spill off` measures the acknowledgements without the overflow file (every message stored before its 200)
const roleEnv = {
  ...(arg('--role') ? { XIAOER_ROLE: arg('--role')! } : {}),
  ...(arg('--workers') ? { XIAOER_WORKERS: arg('--workers')! } : {}),
  ...(arg('--spill') ? { XIAOER_INTAKE_SPILL: arg('--spill')! } : {}),
  // the overflow file under a data folder of this run's own
  XIAOER_DATA_DIR: mkdtempSync(join(tmpdir(), 'xiaoer-bench-ingest-data-')),
};
console.log(`bot: XIAOER_ROLE=${roleEnv.XIAOER_ROLE ?? 'all'} XIAOER_WORKERS=${roleEnv.XIAOER_WORKERS ?? 'process'} XIAOER_INTAKE_SPILL=${roleEnv.XIAOER_INTAKE_SPILL ?? 'auto'}`);
const bot = await start([join('src', 'main.ts')], { ...env, ...roleEnv }, async (p) => (await fetch(`http://127.0.0.1:${p}/readyz`).catch(() => null))?.status === 200);


/** The process and every process under it (from /proc: each one's parent pid). */
function family(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // pid (comm) state ppid …: the comm may hold spaces and parentheses, so read after the last ')'
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i] && !out.includes(pid)) out.push(pid);
  return out;
}
/** VmRSS in MiB (0 when the process is gone). */
function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
const commOf = (pid: number) => {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const name = cmd[0]?.split('/').at(-1) ?? '?';
    return name === 'node' ? 'node (worker child)' : name;
  } catch {
    return '?';
  }
};

async function flood(minutes: number, rate: number) {
  const root = bot.child.pid!;
  const samples: { t: number; bot: number; children: number; total: number; procs: string }[] = [];
  const t0 = performance.now();
  const sample = () => {
    const pids = family(root);
    const rss = pids.map((p) => ({ pid: p, name: p === root ? 'bot' : commOf(p), mib: rssMiB(p) }));
    const botMiB = rss[0]!.mib;
    const children = rss.slice(1).reduce((n, r) => n + r.mib, 0);
    const s = { t: (performance.now() - t0) / 1000, bot: botMiB, children, total: botMiB + children, procs: rss.map((r) => `${r.name}:${r.pid} ${r.mib.toFixed(0)}`).join(', ') };
    samples.push(s);
    console.log(`  t=${s.t.toFixed(0).padStart(4)} s  RSS bot ${s.bot.toFixed(0)} MiB + under it ${s.children.toFixed(0)} MiB = ${s.total.toFixed(0)} MiB  (${s.procs}); answered so far ${answeredIn.size}`);
  };
  console.log(`flood: ${rate}/s for ${minutes} min to the default process; RSS every 10 s (VmRSS of the bot and every process under it)`);
  sample();
  const timer = setInterval(sample, 10_000);
  const ids: string[] = [];
  const r = await load(bot.port, rate, minutes * 60, ids, '厂区门口的路灯坏了好几天');
  clearInterval(timer);
  sample();
  console.log(`acknowledged ${ids.length} at ${r.perSec.toFixed(0)}/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms, errors ${r.errors}); answered ${ids.filter((id) => answeredIn.has(id)).length}`);
  // counted on a connection without the socket timeout: a query by status scans the collection on FerretDB v1
  const plain = new MongoClient(db.uri, { socketTimeoutMS: 0 });
  await plain.connect();
  const counted = await Promise.all(['received', 'processed'].map((status) => plain.db().collection('inbound_messages').countDocuments({ status })));
  await plain.close();
  const [backlog, processed] = counted as [number, number];
  const mib = (x: number) => `${x.toFixed(0)} MiB`;
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const peak = samples.reduce((a, b) => (b.total > a.total ? b : a));
  // levelled off: the second half of the run (after the first minute) peaks no higher than 10 % above the first half
  const settled = samples.filter((s) => s.t >= 60);
  const half = Math.floor(settled.length / 2);
  const firstHalf = Math.max(...settled.slice(0, half).map((s) => s.total));
  const secondHalf = Math.max(...settled.slice(half).map((s) => s.total));
  const levelled = settled.length >= 4 && secondHalf <= firstHalf * 1.1;
  console.log(`at the end: processed ${processed}, backlog ${backlog} stored not yet processed`);
  console.log(
    `summary: flood ${rate}/s × ${minutes} min → RSS (bot + worker child) start ${mib(first.total)}, max ${mib(peak.total)} at ${peak.t.toFixed(0)} s, end ${mib(last.total)} ` +
      `(bot ${mib(first.bot)} → max ${mib(Math.max(...samples.map((s) => s.bot)))} → ${mib(last.bot)}; under it ${mib(first.children)} → max ${mib(Math.max(...samples.map((s) => s.children)))} → ${mib(last.children)}); ` +
      `${levelled ? 'levelled off' : 'still rising'} (peak of the 1st half after the first minute ${mib(firstHalf)}, of the 2nd ${mib(secondHalf)}); ` +
      `acks ${r.perSec.toFixed(0)}/s p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}; backlog at the end ${backlog}`,
  );
  bot.child.kill('SIGTERM');
  await new Promise((res) => setTimeout(res, 3000));
  fake.close();
  await db.stop();
}

const floodMinutes = Number(arg('--flood-minutes') ?? 0);
if (floodMinutes > 0) {
  await flood(floodMinutes, Number(arg('--rate') ?? 200));
  process.exit(0);
}
const ceiling = await start([join('bench', 'ceiling-server.ts')], env, async (p) => (await post(p, callback('warm', 'x'))).status === 200);

const rows: string[] = [];
const show = (name: string, r: Awaited<ReturnType<typeof load>>) => {
  const line = `${name.padEnd(24)} ${r.perSec.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  p99 ${r.p99.toFixed(1).padStart(6)}  max ${r.max.toFixed(0).padStart(5)} ms  errors ${r.errors}`;
  console.log(line);
  rows.push(line);
};
const acked: string[] = [];
const scratch: string[] = [];
console.log('\ningest (acknowledgements)      rate      latency (ms)');
// the ceiling first, while the bot is idle (after the bot's warm-up its workers would still be busy and slow the
// ceiling down, flattering the ratio)
await load(ceiling.port, 200, 1, scratch); // warm-up
const ceil = await load(ceiling.port, 0, SECONDS, scratch);
show('ceiling, max', ceil);
await load(bot.port, 200, 1, scratch); // warm-up
const max = await load(bot.port, 0, SECONDS, acked);
show('bot, max', max);
for (const rate of [100, 500, 1000]) show(`bot, ${rate}/s`, await load(bot.port, rate, SECONDS, acked));

// exactly once: every acknowledged message is one stored message
const store = await connectStore(db.uri);
const all = [...acked, ...scratch.filter((id) => id !== 'warm')];
// (messages acknowledged from the overflow file reach the store in the background: counted until all are there, at
// most two minutes)
const countStored = async () => {
  let n = 0;
  for (let i = 0; i < acked.length; i += 1000) n += await store.conn.collection('inbound_messages').countDocuments({ eventId: { $in: acked.slice(i, i + 1000) } });
  return n;
};
let stored = 0;
const movedStart = performance.now();
await waitFor(async () => (stored = await countStored()) >= acked.length, 120_000, 'store').catch(() => undefined);
console.log(`all acknowledged messages in the store ${((performance.now() - movedStart) / 1000).toFixed(1)} s after the last acknowledgement`);
console.log(`\nacknowledged ${acked.length}, stored ${stored} (${stored === acked.length ? 'every acknowledged message stored once' : 'MISMATCH'})`);
void all;

// end to end: POST → the answer at the fake WeCom server, on a fresh database with one bot process doing everything
await store.close();
bot.child.kill('SIGTERM');
const fresh = await benchMongo('e2e');
const full = await start([join('src', 'main.ts')], { ...env, MONGODB_URI: fresh.uri, XIAOER_QUEUE_PREFIX: `${prefix}e2e`, XIAOER_DATA_DIR: roleEnv.XIAOER_DATA_DIR, ...(roleEnv.XIAOER_INTAKE_SPILL ? { XIAOER_INTAKE_SPILL: roleEnv.XIAOER_INTAKE_SPILL } : {}) }, async (p) => (await fetch(`http://127.0.0.1:${p}/readyz`).catch(() => null))?.status === 200);
const e2e: string[] = [];
// one report first, answered before the clock starts: /readyz answers as soon as callbacks are acknowledged, while the
// worker process may still be starting (its start-up is reported, not mixed into the rates' percentiles)
{
  const first: string[] = [];
  const t0 = performance.now();
  await load(full.port, 1, 0.5, first, '我们用电扩容申请一个月了还没批下来');
  while (!answeredIn.has(first[0] ?? '') && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
  const line = `end-to-end first report after ready: answered in ${answeredIn.get(first[0] ?? '')?.toFixed(0) ?? 'NOT'} ms`;
  console.log(line);
  e2e.push(line);
}
for (const rate of [20, 100]) {
  const ids: string[] = [];
  await load(full.port, rate, SECONDS, ids, '我们用电扩容申请一个月了还没批下来');
  await new Promise((r) => setTimeout(r, 15_000));
  // only this phase's reports, each once, answered within 15 s of the last send (not counting a late answer of an
  // earlier phase, nor a report answered twice)
  const xs = ids.flatMap((id) => (answeredIn.has(id) ? [answeredIn.get(id)!] : [])).sort((a, b) => a - b);
  const line = `end-to-end ${String(rate).padStart(3)}/s: answered ${xs.length}/${ids.length}, p50 ${q(xs, 0.5).toFixed(0)} ms, p95 ${q(xs, 0.95).toFixed(0)} ms${answersTwice ? ` (answers to a report already answered, so far: ${answersTwice})` : ''}`;
  console.log(line);
  e2e.push(line);
}
full.child.kill('SIGTERM');
await fresh.stop();
ceiling.child.kill('SIGTERM');
fake.close();
await db.stop();
console.log(`\nsummary: bot ${max.perSec.toFixed(0)}/s max (p99 ${max.p99.toFixed(1)} ms) vs ceiling ${ceil.perSec.toFixed(0)}/s → ratio ${(max.perSec / ceil.perSec).toFixed(2)}; ${e2e.join('; ')}`);
process.exit(0);
