import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { createSimClock } from '../../../src/simulator/clock.js';
import { createSimulator, simulatorPlatforms } from '../../../src/simulator/sim-server.js';

type Sim = ReturnType<typeof createSimulator>;
const servers: Server[] = [];
const webRoot = mkdtempSync(join(tmpdir(), 'xiaoer-sim-web-'));
writeFileSync(join(webRoot, 'simulator.html'), '<!doctype html><div id="app"></div><script type="module" src="/h5/assets/simulator-abc.js"></script>');

const directory = (() => {
  const v = validateDirectory({
    district: '测试区',
    people: [
      { id: 'chenjl', name: '陈经理', role: 'enterprise', enterprise: 'yilong', wecom: 'chenjl' },
      { id: 'zhangwei', name: '张伟', role: 'cadre', wecom: 'zhangwei' },
    ],
    enterprises: [{ id: 'yilong', name: '亿龙置业', commissioner: 'zhangwei' }],
    groups: [{ platform: 'wecom', chatId: 'g1', name: '亿龙置业助企服务群', kind: 'enterprise', enterprise: 'yilong', webhookKey: 'k1' }],
  });
  if (!v.ok) throw new Error(JSON.stringify(v));
  return new Directory(v.data);
})();

/** A simulator on its own HTTP server (a "process": a restart is a new one). */
async function serve(opts: { signInLink?: (id: string) => Promise<string | null>; feedLimit?: number; dir?: Directory; webRoot?: string } = {}) {
  const sim: Sim = createSimulator({
    baseUrl: 'http://127.0.0.1:1',
    platforms: simulatorPlatforms('http://127.0.0.1:1'),
    botName: '店小二',
    clock: createSimClock('Asia/Shanghai', () => Date.parse('2026-11-23T01:30:00.000Z')),
    directory: async () => opts.dir ?? Directory.empty(),
    isWorkingDay: () => true,
    digestTime: '08:30',
    ticket: async () => null,
    tick: async () => {},
    feedLimit: opts.feedLimit,
    signInLink: opts.signInLink,
    webRoot: opts.webRoot ?? webRoot,
  });
  const app = new Koa();
  app.use(sim.router.routes());
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return { sim, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const botSays = (base: string, text: string) =>
  fetch(`${base}/sim/dingtalk/v1.0/robot/oToMessages/batchSend`, {
    method: 'POST',
    body: JSON.stringify({ userIds: ['u1'], msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: 't', text }) }),
  });
type Feed = { boot: string; items: { id: number; text: string }[] };
const feedOf = async (base: string, query: string) => (await (await fetch(`${base}/simulator/api/feed?${query}`)).json()) as Feed;

let base: string;
beforeAll(async () => {
  base = (await serve({ feedLimit: 3 })).base;
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the simulator\'s feed is bounded', () => {
  it('keeps only the newest items; ids go on, so the page asking "since" never misses new ones', async () => {
    for (let i = 1; i <= 5; i++) expect((await botSays(base, `消息${i}`)).status).toBe(200);
    const feed = await feedOf(base, 'since=0');
    expect(feed.items.map((i) => [i.id, i.text])).toEqual([[3, '消息3'], [4, '消息4'], [5, '消息5']]);
    const since = await feedOf(base, 'since=4');
    expect(since.items.map((i) => i.id)).toEqual([5]);
  });
});

describe('the feed after a restart of the bot', () => {
  it('names its process (boot); a page that read another process gets everything from the start', async () => {
    const before = await serve();
    for (let i = 1; i <= 3; i++) await botSays(before.base, `旧${i}`);
    const old = await feedOf(before.base, 'since=0&boot=');
    expect(old.boot).toMatch(/^[0-9a-f]{12}$/);
    expect(old.items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect((await feedOf(before.base, `since=3&boot=${old.boot}`)).items).toEqual([]);

    // the restarted process numbers from 1 again: a page asking "after 3" would wait for #4 and miss #1…#3
    const after = await serve();
    await botSays(after.base, '新1');
    await botSays(after.base, '新2');
    const again = await feedOf(after.base, `since=3&boot=${old.boot}`);
    expect(again.boot).not.toBe(old.boot);
    expect(again.items.map((i) => i.text)).toEqual(['新1', '新2']);
    // with the new boot the cursor counts again
    expect((await feedOf(after.base, `since=1&boot=${again.boot}`)).items.map((i) => i.text)).toEqual(['新2']);
    // the state names the process too
    const state = (await (await fetch(`${after.base}/simulator/api/state`)).json()) as { boot: string; digestTime: string };
    expect(state).toMatchObject({ boot: again.boot, digestTime: '08:30' });
  });
});

describe('the page and the workbench sign-in', () => {
  it('serves the built page (dist/web/simulator.html), never cached', async () => {
    const page = await fetch(`${base}/simulator`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('/h5/assets/simulator-abc.js');
  });

  it('says how to build the page when it is not built', async () => {
    const { base: unbuilt } = await serve({ webRoot: join(webRoot, 'missing') });
    const res = await fetch(`${unbuilt}/simulator`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('POST /simulator/api/signin gives a one-time link for a person of the directory', async () => {
    const asked: string[] = [];
    const { base: b } = await serve({ dir: directory, signInLink: async (id) => (asked.push(id), id === 'chenjl' ? '/h5/login?t=tok123' : null) });
    const post = (personId: string) => fetch(`${b}/simulator/api/signin`, { method: 'POST', body: JSON.stringify({ personId }) });
    const ok = await post('chenjl');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ url: '/h5/login?t=tok123' });
    expect((await post('zhangwei')).status).toBe(403);
    expect((await post('nobody')).status).toBe(404);
    expect(asked).toEqual(['chenjl', 'zhangwei']);
  });

  it('answers 501 while the sign-in link is not wired', async () => {
    const { base: b } = await serve({ dir: directory });
    const res = await fetch(`${b}/simulator/api/signin`, { method: 'POST', body: JSON.stringify({ personId: 'chenjl' }) });
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: string }).error).toContain('工作台');
  });
});
