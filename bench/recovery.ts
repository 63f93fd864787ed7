/**
 * The recovery sweeps at scale: 100,000 processed inbound messages and 100,000 sent answers (stored long ago, as a
 * year of a district leaves them), then passes of the real sweeps (recoverUnprocessed, recoverUnsent), timed, with the
 * store's round trips counted: the first after the upgrade (no cursor: every message's status is read once,
 * streamed), one with nothing due, one with N inbound messages due whose jobs Redis lost (stored through the
 * repository, so filed as the acknowledgement path files them). For comparison, the old query alone (status and sweepAt: what every pass used to
 * read, a scan of the collection on FerretDB v1).
 * Usage: npm run bench:recovery [-- --messages 100000 --due 1000]
 */
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { recoverUnprocessed } from '../src/bot/intake.js';
import type { InboundMessage } from '../src/messages/inbound.js';
import { createOutbox } from '../src/outbound/outbox.js';
import { recoverUnsent } from '../src/outbound/recovery.js';
import { createPacer, parsePaceLimit } from '../src/queue/pacer.js';
import { createProducer } from '../src/queue/producer.js';
import { createLogger } from '../src/shared/logger.js';
import { connectStore } from '../src/store/connect.js';
import { createDeadLetterRepository } from '../src/store/repositories/dead-letter.repository.js';
import { createInboundRepository } from '../src/store/repositories/inbound.repository.js';
import { createOutboundMessageRepository } from '../src/store/repositories/outbound-message.repository.js';
import { processInbound } from '../jobs/process-inbound.job.js';
import { benchMongo, machineLine, timed } from './lib.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('--messages', 100_000);
const DUE = arg('--due', 1000);
const log = createLogger('silent');
/** A WeCom AI-bot callback's size, roughly (what `raw` holds). */
const RAW = { msgid: '', aibotid: 'aibRobot', chatid: 'wrkGroup', chattype: 'group', from: { userid: 'chenjl' }, msgtype: 'text', text: { content: '我们用电扩容申请一个月了还没批下来，'.repeat(8) }, response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code='.padEnd(300, 'x') };

const message = (eventId: string, at: Date): InboundMessage => ({
  platform: 'wecom', eventId, chatId: `wrkGroup${eventId.length % 50}`, chatType: 'group', sender: { platform: 'wecom', id: 'chenjl' },
  text: RAW.text.content, mentions: [], sentAt: at.toISOString(),
});

console.log(machineLine());
const db = await benchMongo('recovery');
const store = await connectStore(db.uri);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `benchrec${Date.now()}`;
const producer = createProducer(redis, prefix);
try {
  const inbound = createInboundRepository(store.conn);
  const messages = createOutboundMessageRepository(store.conn);
  const outbox = createOutbox({ producer, pacer: createPacer(redis, prefix, parsePaceLimit('20/60s')), messages, avoidClockMarks: false });
  const inDeps = { inbound, producer, log, processing: processInbound };
  const outDeps = { messages, outbox, producer, deadLetters: createDeadLetterRepository(store.conn), log };

  // a year's traffic, long since handled (written straight: their index entries were read and dropped long ago)
  const longAgo = Date.now() - 30 * 86_400_000;
  const seed = await timed(async () => {
    for (let i = 0; i < N; i += 2000) {
      const n = Math.min(2000, N - i);
      const at = (k: number) => new Date(longAgo + (i + k) * 1000);
      await store.conn.collection('inbound_messages').insertMany(
        Array.from({ length: n }, (_, k) => ({
          _id: `wecom:old-${i + k}`, platform: 'wecom', eventId: `old-${i + k}`, chatId: `wrkGroup${k % 50}`, message: message(`old-${i + k}`, at(k)),
          raw: { ...RAW, msgid: `old-${i + k}` }, status: 'processed', outcome: 'ticket', receivedAt: at(k), processedAt: at(k), attempts: 1, sweepAt: new Date(at(k).getTime() + 60_000),
        })) as never[],
        { ordered: false },
      );
      await store.conn.collection('outbound_messages').insertMany(
        Array.from({ length: n }, (_, k) => ({
          _id: `out-wecom-old-${i + k}-0`, cause: `old-${i + k}`, index: 0, target: { kind: 'group', platform: 'wecom', chatId: `wrkGroup${k % 50}` },
          message: { format: 'markdown', text: '已受理，编号 #1024，承诺 5 个工作日内答复。', mentions: [] }, status: 'sent', createdAt: at(k), due: at(k), sentAt: at(k), sweepAt: new Date(at(k).getTime() + 60_000),
        })) as never[],
        { ordered: false },
      );
    }
  });
  console.log(`seeded ${N} processed inbound messages and ${N} sent answers in ${(seed.ms / 1000).toFixed(1)} s`);

  let calls: Record<string, number> = {};
  mongoose.set('debug', (coll: string, method: string) => {
    calls[`${coll}.${method}`] = (calls[`${coll}.${method}`] ?? 0) + 1;
  });
  const pass = async (label: string) => {
    calls = {};
    const r = await timed(async () => ({ unsent: await recoverUnsent(outDeps, new Date()), unprocessed: await recoverUnprocessed(inDeps, new Date()) }));
    const trips = (c: string) => Object.entries(calls).filter(([k]) => k.startsWith(`${c}.`)).reduce((n, [, v]) => n + v, 0);
    const all = Object.values(calls).reduce((n, v) => n + v, 0);
    console.log(`${label}: ${r.ms.toFixed(0)} ms → ${r.value.unprocessed} inbound re-queued, ${r.value.unsent} outbound`);
    console.log(`  store round trips: ${all} (inbound_messages ${trips('inbound_messages')}, outbound_messages ${trips('outbound_messages')}, sweep_due ${trips('sweep_due')}) ${JSON.stringify(calls)}`);
    return r.ms;
  };
  const first = await pass("pass 1, first after the upgrade (no cursor: every message's status read once, streamed)");
  const idle = await pass('pass 2, nothing due (index path)');

  // DUE reports acknowledged two minutes ago whose jobs Redis lost (stored through the repository: filed in the index)
  const ackAt = new Date(Date.now() - 2 * 60_000);
  mongoose.set('debug', false);
  const acked = await timed(() => Promise.all(Array.from({ length: DUE }, (_, i) => inbound.store(message(`due-${i}`, ackAt), { ...RAW, msgid: `due-${i}` }, ackAt))));
  console.log(`${DUE} due messages stored through the acknowledgement path's batches in ${acked.ms.toFixed(0)} ms (index writes: ${inbound.sweepIndex.roundTrips.writes})`);
  mongoose.set('debug', (coll: string, method: string) => {
    calls[`${coll}.${method}`] = (calls[`${coll}.${method}`] ?? 0) + 1;
  });
  const busy = await pass(`pass 3, ${DUE} inbound messages due (index path)`);
  const after = await pass('pass 4, a minute later in effect: nothing new due (index path)');
  mongoose.set('debug', false);

  // on a connection of its own without the socket timeout (on FerretDB it may take longer than the bot's 60 s)
  const plain = new MongoClient(db.uri, { socketTimeoutMS: 0 });
  await plain.connect();
  const old = await timed(() =>
    plain.db().collection('inbound_messages').find({ status: 'received', $or: [{ sweepAt: { $lte: new Date() } }, { sweepAt: null }] }, { projection: { platform: 1 } }).sort({ sweepAt: 1, _id: 1 }).limit(100).toArray(),
  );
  await plain.close();
  console.log(`the old query alone (status and sweepAt, the first page of what every pass used to read): ${old.ms.toFixed(0)} ms (${old.value.length} rows)`);
  console.log(
    `summary: ${N} processed inbound + ${N} sent outbound → first pass (statuses read once) ${first.toFixed(0)} ms, idle pass ${idle.toFixed(0)} ms, pass with ${DUE} due ${busy.toFixed(0)} ms, idle after ${after.toFixed(0)} ms; old query alone ${old.ms.toFixed(0)} ms per page`,
  );
  await producer.queues.inbound.obliterate({ force: true });
  await producer.queues.outbound.obliterate({ force: true });
} finally {
  mongoose.set('debug', false);
  await producer.close();
  redis.disconnect();
  await store.conn.dropDatabase().catch(() => {});
  await store.close();
  await db.stop();
}
