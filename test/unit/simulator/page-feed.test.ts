import { describe, expect, it } from 'vitest';
import { createFeed, type FeedAnswer, type FeedItem, type PageItem } from '../../../web/simulator/feed.js';

const item = (id: number, text = `m${id}`): FeedItem => ({ id, conversation: 'group:wecom:g1', from: 'bot', format: 'markdown', text, at: '2026-11-23T01:30:00.000Z' });

/** A fake server whose answers the test releases one by one. */
function fakeServer() {
  const requests: { since: number; boot: string; answer(a: FeedAnswer): void; fail(e: Error): void }[] = [];
  const get = (since: number, boot: string) =>
    new Promise<FeedAnswer>((resolve, reject) => requests.push({ since, boot, answer: resolve, fail: reject }));
  return { requests, get };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the simulator page\'s feed (a sent message appeared twice)', () => {
  it('never has two polls in flight: a poll asked for meanwhile runs once after, from the new cursor', async () => {
    // the old page polled every second with setInterval and again after each send and clock jump: two requests with
    // the same `since` in flight, both answers appended, the bot's reply shown twice
    const server = fakeServer();
    const shown: PageItem[] = [];
    const feed = createFeed({ get: server.get, onItems: (items) => shown.push(...items) });
    const first = feed.poll();
    const second = feed.poll(); // e.g. right after sending, while the timer's poll is on the way
    const third = feed.poll();
    await settle();
    expect(server.requests).toHaveLength(1);
    server.requests[0]!.answer({ boot: 'b1', now: 'n', items: [item(1), item(2)] });
    await settle();
    // one more poll for the callers that asked meanwhile, after the items already shown
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.since).toBe(2);
    server.requests[1]!.answer({ boot: 'b1', now: 'n', items: [item(3)] });
    await Promise.all([first, second, third]);
    expect(shown.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('shows an item once even when an answer repeats it', async () => {
    const server = fakeServer();
    const shown: PageItem[] = [];
    const feed = createFeed({ get: server.get, onItems: (items) => shown.push(...items) });
    const p1 = feed.poll();
    await settle();
    server.requests[0]!.answer({ boot: 'b1', now: 'n', items: [item(1), item(2)] });
    await p1;
    const p2 = feed.poll();
    await settle();
    server.requests[1]!.answer({ boot: 'b1', now: 'n', items: [item(2), item(3)] });
    await p2;
    expect(shown.map((m) => m.key)).toEqual(['b1:1', 'b1:2', 'b1:3']);
  });

  it('after a restart of the bot (another boot) reads the new process from its start, and says so', async () => {
    const server = fakeServer();
    const shown: PageItem[] = [];
    const restarts: string[] = [];
    const feed = createFeed({ get: server.get, onItems: (items) => shown.push(...items), onRestart: (b) => restarts.push(b) });
    let p = feed.poll();
    await settle();
    server.requests[0]!.answer({ boot: 'b1', now: 'n', items: [item(1), item(2), item(3)] });
    await p;
    expect(feed.since()).toBe(3);

    // the bot restarted: a server that ignored the boot would answer "after 3" with nothing it has yet
    p = feed.poll();
    await settle();
    expect(server.requests[1]).toMatchObject({ since: 3, boot: 'b1' });
    server.requests[1]!.answer({ boot: 'b2', now: 'n', items: [] });
    await settle();
    expect(server.requests[2]).toMatchObject({ since: 0, boot: 'b2' });
    server.requests[2]!.answer({ boot: 'b2', now: 'n', items: [item(1, '新1'), item(2, '新2')] });
    await p;
    expect(restarts).toEqual(['b2']);
    expect(shown.map((m) => m.key)).toEqual(['b1:1', 'b1:2', 'b1:3', 'b2:1', 'b2:2']);
    expect(feed.since()).toBe(2);
  });

  it('keeps polling after a failed request (the bot being restarted)', async () => {
    const server = fakeServer();
    const errors: unknown[] = [];
    const shown: PageItem[] = [];
    const feed = createFeed({ get: server.get, onItems: (items) => shown.push(...items), onError: (e) => errors.push(e) });
    let p = feed.poll();
    await settle();
    server.requests[0]!.fail(new Error('ECONNREFUSED'));
    await p;
    p = feed.poll();
    await settle();
    server.requests[1]!.answer({ boot: 'b1', now: 'n', items: [item(1)] });
    await p;
    expect(errors).toHaveLength(1);
    expect(shown.map((m) => m.id)).toEqual([1]);
  });
});
