import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/bot.js';
import { processInbound } from '../../jobs/process-inbound.job.js';
import { createIntake, SPILL_AFTER_MS, type JournalRecord } from '../../src/bot/intake.js';
import { validateDirectory } from '../../src/domain/directory.js';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createIntakeJournal } from '../../src/store/intake-journal.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import type { InboundRepository } from '../../src/store/repositories/inbound.repository.js';
import { testMongoUri, testQueuePrefix } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { sharedPath } from '../helpers/shared.js';
import { startWorkerEnv } from '../helpers/worker-env.js';

let store: Store;
let fake: FakePlatforms;
const envs: { stop(): Promise<void> }[] = [];
const dirs: string[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(testMongoUri('overflow'));
  const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
  if (!v.ok) throw new Error('bad directory');
  await createDirectoryRepository(store.conn).replace(v.data, new Date());
});
afterEach(async () => {
  while (envs.length) await envs.pop()!.stop();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  await fake.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const msg = (eventId: string, chatId: string, text: string): InboundMessage => ({
  platform: 'wecom',
  eventId,
  chatId,
  chatType: 'group',
  sender: { platform: 'wecom', id: 'cadre1' },
  text,
  mentions: [],
  sentAt: new Date().toISOString(),
});
const inbound = () => store.conn.collection('inbound_messages');
const journalDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'xiaoer-journal-'));
  dirs.push(d);
  return d;
};

/** A bot that records the order in which it handles messages. */
function recordingBot() {
  const seen: string[] = [];
  const bot = {
    async handle(m: InboundMessage) {
      seen.push(m.text);
      return 'ok';
    },
  } as unknown as Bot;
  return { bot, seen };
}

function env(prefix: string, bot: Bot | undefined) {
  const e = bot ? startWorkerEnv({ store, apiBase: fake.base, prefix, bot }) : startWorkerEnv({ store, apiBase: fake.base, prefix, workers: false });
  envs.push(e);
  return e;
}

/** The repository with a store whose writes first wait for `slow.until()` while `slow.on` holds. */
function slowed(repo: InboundRepository, slow: { on: boolean; until: () => Promise<unknown> }): InboundRepository {
  return {
    ...repo,
    async store(m, raw, now) {
      if (slow.on) await slow.until();
      return repo.store(m, raw, now);
    },
  };
}

describe('the acknowledgement overflow', () => {
  it('acknowledges from the overflow file while the store is slow; each message is stored and handled once, in its chat’s order, and the file goes', async () => {
    const prefix = testQueuePrefix();
    const { bot, seen } = recordingBot();
    const e = env(prefix, bot);
    const dir = journalDir();
    // the store answers nothing until the gate opens
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const slow = { on: true, until: () => gate };
    const intake = createIntake({ inbound: slowed(e.deps.inbound, slow), producer: e.producer, log, processing: processInbound, journal: createIntakeJournal<JournalRecord>({ dir }) });
    // arrival times a millisecond apart (a conversation's line orders by arrival time)
    let at = Date.now();
    const accept = (m: InboundMessage) => intake.accept({ kind: 'message', message: m, raw: {} }, new Date(at++));
    // the first waits for the slow store; those after it, once it has waited SPILL_AFTER_MS, are acknowledged from disk
    const first = accept(msg('ovf-0', 'ovfChatA', '消息 0'));
    let firstAnswered = false;
    void first.then(() => (firstAnswered = true));
    await sleep(SPILL_AFTER_MS + 10);
    // (a hang guard, not a measure: were they not acknowledged from the file, they would wait for the shut store for
    // ever; the gate opens whatever happens, so the store and the file are left clean)
    const rest = await Promise.race([
      Promise.all(Array.from({ length: 20 }, (_, i) => accept(msg(`ovf-${i + 1}`, i % 2 ? 'ovfChatA' : 'ovfChatB', `消息 ${i + 1}`)))),
      sleep(20_000).then(() => 'still waiting for the store' as const),
    ]);
    try {
      expect(rest).not.toBe('still waiting for the store');
      expect((rest as string[]).every((o) => o === 'accepted')).toBe(true);
      // acknowledged while the first is still in the store, which has answered nothing yet
      expect(firstAnswered).toBe(false);
      expect(intake.overflow().waiting).toBeGreaterThan(0);
      expect(readdirSync(dir).filter((n) => n.endsWith('.jnl'))).toHaveLength(1);
    } finally {
      slow.on = false;
      open();
    }
    expect(await first).toBe('accepted');
    await expect.poll(() => inbound().countDocuments({ eventId: /^ovf-/, status: 'processed' }), { timeout: 20_000 }).toBe(21);
    expect(intake.overflow()).toEqual({ waiting: 0, moved: 20 });
    // once, and in each chat's order
    expect(seen.filter((t) => t.startsWith('消息')).sort()).toEqual(Array.from({ length: 21 }, (_, i) => `消息 ${i}`).sort());
    const order = (chat: number[]) => seen.filter((t) => chat.includes(Number(t.split(' ')[1])));
    const chatA = [0, ...Array.from({ length: 20 }, (_, i) => i + 1).filter((n) => (n - 1) % 2 === 1)];
    expect(order(chatA)).toEqual(chatA.map((n) => `消息 ${n}`));
    // everything moved: the file is removed, and the next message goes straight to the store
    await expect.poll(() => readdirSync(dir).filter((n) => n.endsWith('.jnl')).length).toBe(0);
    expect(await accept(msg('ovf-direct', 'ovfChatA', '消息 直接'))).toBe('accepted');
    expect(await inbound().countDocuments({ eventId: 'ovf-direct' })).toBe(1);
    expect(intake.overflow().moved).toBe(20);
    await intake.close();
  });

  it('a process that died with acknowledged messages in its file: the next one moves them first, once each, and removes the file', async () => {
    const prefix = testQueuePrefix();
    const dir = journalDir();
    // the dead process (pid 2^22 + 1 is above Linux's pid_max): it acknowledged three messages; one of them had
    // already reached the store, one was delivered twice
    const deadPid = 4_194_305;
    const dead = createIntakeJournal<JournalRecord>({ dir, pid: deadPid });
    const t = Date.now();
    const records = ['dead-1', 'dead-2', 'dead-3', 'dead-2'].map((id, i) => ({ message: msg(id, 'deadChat', `遗留 ${id}`), raw: {}, receivedAtMs: t + i }));
    await Promise.all(records.map((r) => dead.append(r)));
    dead.close();
    const web = env(prefix, undefined);
    await web.deps.inbound.store(records[0]!.message, {}, new Date(t));
    expect(readdirSync(dir)).toHaveLength(1);
    // a running process's file (here: this test's parent) is not taken over
    const live = createIntakeJournal<JournalRecord>({ dir, pid: process.ppid });
    await live.append({ message: msg('live-1', 'liveChat', '别人的'), raw: {}, receivedAtMs: t });
    live.close();

    const { bot, seen } = recordingBot();
    env(prefix, bot);
    const intake = createIntake({ inbound: web.deps.inbound, producer: web.producer, log, processing: processInbound, journal: createIntakeJournal<JournalRecord>({ dir }) });
    expect(intake.start()).toBe(4);
    // a new message of the same chat arrives while they are moved: it comes after them
    expect(await intake.accept({ kind: 'message', message: msg('dead-4', 'deadChat', '遗留 dead-4'), raw: {} }, new Date())).toBe('accepted');
    await expect.poll(() => inbound().countDocuments({ eventId: /^dead-/ }), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => inbound().countDocuments({ eventId: /^dead-[234]$/, status: 'processed' }), { timeout: 20_000 }).toBe(3);
    expect(seen).toEqual(['遗留 dead-2', '遗留 dead-3', '遗留 dead-4']);
    expect(await inbound().countDocuments({ eventId: 'live-1' })).toBe(0);
    const left = readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]!.startsWith(`${process.ppid}-`)).toBe(true);
    await intake.close();
  });

  it('a message the store refuses (not an outage) is given up after a few tries and does not hold up the others', async () => {
    const prefix = testQueuePrefix();
    const { bot, seen } = recordingBot();
    const e = env(prefix, bot);
    const dir = journalDir();
    let refusals = 0;
    const refusing: InboundRepository = {
      ...e.deps.inbound,
      async store(m, raw, now) {
        if (m.eventId === 'bad-2') {
          refusals++;
          throw new Error('insert failed (2)');
        }
        return e.deps.inbound.store(m, raw, now);
      },
    };
    const intake = createIntake({ inbound: refusing, producer: e.producer, log, processing: processInbound, journal: createIntakeJournal<JournalRecord>({ dir }), spill: 'always' });
    let at = Date.now();
    for (const id of ['bad-1', 'bad-2', 'bad-3']) {
      expect(await intake.accept({ kind: 'message', message: msg(id, 'badChat', `消息 ${id}`), raw: {} }, new Date(at++))).toBe('accepted');
    }
    await expect.poll(() => inbound().countDocuments({ eventId: /^bad-[13]$/, status: 'processed' }), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => intake.overflow().waiting, { timeout: 20_000 }).toBe(0);
    expect(refusals).toBe(3);
    expect(seen).toEqual(['消息 bad-1', '消息 bad-3']);
    await expect.poll(() => readdirSync(dir).length).toBe(0);
    await intake.close();
  });

  it('with the overflow off (or no file), an acknowledgement waits for the store however slow', async () => {
    const prefix = testQueuePrefix();
    const e = env(prefix, undefined);
    const dir = journalDir();
    const slow = { on: true, until: () => sleep(150) };
    const intake = createIntake({ inbound: slowed(e.deps.inbound, slow), producer: e.producer, log, processing: processInbound, journal: createIntakeJournal<JournalRecord>({ dir }), spill: 'off' });
    const first = intake.accept({ kind: 'message', message: msg('off-1', 'offChat', 'a'), raw: {} }, new Date());
    await sleep(SPILL_AFTER_MS + 10);
    await intake.accept({ kind: 'message', message: msg('off-2', 'offChat', 'b'), raw: {} }, new Date());
    // stored before it was acknowledged
    expect(await inbound().countDocuments({ eventId: 'off-2' })).toBe(1);
    await first;
    expect(existsSync(dir) ? readdirSync(dir).length : 0).toBe(0);
    expect(intake.overflow()).toEqual({ waiting: 0, moved: 0 });
  });
});
