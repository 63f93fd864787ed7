/**
 * A write the store never made is never reported as made. The intake ledger and the outbox write through one batched
 * insertMany (src/store/batcher.ts); when the store is unreachable the driver throws a MongoBulkWriteError whose
 * `writeErrors` is an empty list. Read as "no document failed", that acknowledged callbacks that were never stored
 * (the fault suite caught two of them, lost for good, after a store restart).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/messages/inbound.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createInboundRepository } from '../../src/store/repositories/inbound.repository.js';
import { startControlledFerretdb, type ControlledFerretdb } from '../helpers/controlled-ferretdb.js';

let dir: string;
let fdb: ControlledFerretdb;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-store-down-'));
  fdb = await startControlledFerretdb(dir);
  store = await connectStore(fdb.uri('storedown'));
}, 60_000);

afterAll(async () => {
  await store?.close();
  await fdb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const message = (eventId: string): InboundMessage =>
  ({ platform: 'dingtalk', eventId, chatId: 'cid-down', sender: { id: 'u1', name: '张三' }, text: '用电扩容一个月没批', chatType: 'group', mentionedBot: true }) as unknown as InboundMessage;

describe('the batched insert when the store is down', () => {
  it('rejects every caller of the batch (nothing is acknowledged as stored), and stores once the store is back', async () => {
    const inbound = createInboundRepository(store.conn);
    const now = new Date('2026-11-23T01:30:00.000Z');
    expect(await inbound.store(message('up-1'), {}, now)).toBe('stored');

    await fdb.stop();
    const outcomes = await Promise.allSettled([inbound.store(message('down-1'), {}, now), inbound.store(message('down-2'), {}, now), inbound.store(message('up-1'), {}, now)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);

    await fdb.start();
    // the platform delivers again: now stored, and readable
    for (let until = Date.now() + 30_000; ; ) {
      const r = await inbound.store(message('down-1'), {}, now).catch((err: Error) => err);
      if (r === 'stored') break;
      if (Date.now() > until) throw new Error(`not stored after the store came back: ${String(r)}`);
      await new Promise((res) => setTimeout(res, 300));
    }
    expect((await inbound.get('dingtalk', 'down-1'))?.status).toBe('received');
    expect(await inbound.get('dingtalk', 'down-2')).toBeNull();
    expect(await inbound.store(message('up-1'), {}, now)).toBe('duplicate');
  }, 90_000);
});
