import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../src/infra/process.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * 助企走访 on the workbench against the real bot (real FerretDB and Redis): visits put straight into the store, the
 * month's numbers for a leader (hand-counted), 我的走访 for the cadres, refusals for an enterprise contact and a cadre,
 * and nothing people wrote on a visit leaving through the leaders' numbers. Sign-in is the simulator's one-time link.
 */
const YILONG_GROUP = 'group:wecom:wrkSFfCgAAyilong01';
const TZ = 'Asia/Shanghai';
const SECRET = '老板私下说资金链很紧张';
const mongoUri = testMongoUri('h5visits');
let bot: BotProcess;
let store: Store;
let dir: string;
/** The bot's local date (Shanghai), and the same year's January 1 when that is another month. */
let today = '';
let earlier: string | null = null;

beforeAll(async () => {
  // the example directory with two more key enterprises: 天赐 (张伟's) and 恒泰 (王芳's)
  const data = YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8'));
  data.enterprises.find((e: { id: string }) => e.id === 'tianci').key = true;
  data.enterprises.push({ id: 'hengtai', name: '杭州恒泰新材料有限公司', aliases: ['恒泰新材料'], commissioner: 'wangfang', key: true });
  dir = mkdtempSync(join(tmpdir(), 'xiaoer-visits-'));
  writeFileSync(join(dir, 'directory.yaml'), YAML.stringify(data));
  store = await connectStore(mongoUri);
  const imported = await runCli(['directory', 'import', join(dir, 'directory.yaml')], { MONGODB_URI: mongoUri });
  expect(imported.code, imported.err).toBe(0);
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_SIMULATOR: '1' });

  // one ticket, reported in the enterprise's group: found on V1 below
  const sent = await fetch(`${bot.base}/simulator/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: 'chenjl', conversation: YILONG_GROUP, text: '我们用电扩容申请一个月了还没批下来，影响二期投产' }),
  });
  expect(sent.status).toBe(200);
  await waitFor(async () => (await fetch(`${bot.base}/simulator/api/tickets/1`)).status === 200, 20_000, 'ticket #1');

  const now = new Date(String(((await (await fetch(`${bot.base}/simulator/api/state`)).json()) as { now: string }).now));
  today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(now);
  earlier = today.slice(5, 7) === '01' ? null : `${today.slice(0, 4)}-01-01`;
  const at = now.toISOString();
  const visit = (no: number, v: Record<string, unknown>) => ({
    _id: no,
    no,
    platform: 'wecom',
    chatId: 'wrkSFfCgAAyilong01',
    chatType: 'group',
    source: `wecom:test-visit-${no}`,
    companions: [],
    projectId: null,
    mode: 'onsite',
    date: today,
    note: '',
    problems: [],
    recordedAt: at,
    editedAt: null,
    deletedAt: null,
    history: [{ type: 'edit', at, by: { platformId: 'zhangwei', personId: 'zhangwei', name: '张伟' }, source: 'wecom:x', data: { note: '旧的记录' } }],
    version: 0,
    ...v,
  });
  const cadre = (id: string, name: string) => ({ personId: id, name });
  const visits = [
    // V1: 张伟 and 王芳 at 亿龙 (and its project), two problems, the first made ticket #1
    visit(1, {
      by: { ...cadre('zhangwei', '张伟'), platformId: 'zhangwei' },
      companions: [cadre('wangfang', '王芳')],
      enterpriseId: 'yilong',
      enterpriseName: '浙江亿龙置业有限公司',
      projectId: 'yilong-phase2',
      note: '了解二期用电和招工情况',
      problems: [
        { n: 1, text: '变电站扩容慢', ticketNo: 1 },
        { n: 2, text: '缺熟练焊工', ticketNo: null },
      ],
    }),
    // V2: 王芳 alone, by phone, 亿龙 again
    visit(2, { by: { ...cadre('wangfang', '王芳'), platformId: 'wangfang' }, enterpriseId: 'yilong', enterpriseName: '浙江亿龙置业有限公司', mode: 'phone', note: '回访施工许可' }),
    // V3: 刘强 at an enterprise the directory does not know, a note that must not reach the leaders' numbers
    visit(3, {
      by: { ...cadre('liuqiang', '刘强'), platformId: 'liuqiang' },
      enterpriseId: null,
      enterpriseName: '某某智能装备公司',
      note: SECRET,
      problems: [{ n: 1, text: `${SECRET}，想申请贴息`, ticketNo: null }],
    }),
    // V4: 张伟 at 天赐, deleted: counted nowhere
    visit(4, { by: { ...cadre('zhangwei', '张伟'), platformId: 'zhangwei' }, enterpriseId: 'tianci', enterpriseName: '浙江天赐生态科技有限公司', deletedAt: at }),
  ];
  // V5: 周明 at 天赐 on January 1: the year to date only (not when this month is January)
  if (earlier) visits.push(visit(5, { by: { ...cadre('zhouming', '周明'), platformId: 'zhouming' }, enterpriseId: 'tianci', enterpriseName: '浙江天赐生态科技有限公司', date: earlier }));
  await store.conn.collection('visits').insertMany(visits as never[]);
  await store.conn.collection('tickets').updateOne({ no: 1 }, { $set: { visitNo: 1 } });
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A person's session: the simulator's one-time link followed, the signed cookie kept. */
async function signIn(personId: string): Promise<(path: string) => Promise<{ status: number; body: any; text: string }>> {
  const r = await fetch(`${bot.base}/simulator/api/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) });
  expect(r.status).toBe(200);
  const link = new URL(String(((await r.json()) as { url: string }).url), bot.base);
  const res = await fetch(`${bot.base}${link.pathname}${link.search}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return async (path) => {
    const got = await fetch(`${bot.base}${path}`, { headers: { cookie } });
    const text = await got.text();
    return { status: got.status, text, body: text ? JSON.parse(text) : null };
  };
}

describe('助企走访 on the workbench', () => {
  it('the leader: the month’s numbers, counted by hand', async () => {
    const get = await signIn('lihua');
    const r = await get('/h5/api/visits');
    expect(r.status, r.text).toBe(200);
    const v = r.body;
    expect(v.month.key).toBe(`${today.slice(0, 7)}-01`);
    expect(v.through).toBe(today);
    // V1–V3 (V4 deleted): 3 批次; 2 + 1 + 1 人次; 张伟 王芳 刘强; 亿龙 and the unknown one; 2 + 0 + 1 problems, one made a ticket
    expect(v.figures).toEqual({ visits: 3, personVisits: 4, cadres: 3, enterprises: 2, problems: 3, ticketed: 1, solved: 0 });
    expect(v.ytd).toEqual(
      earlier
        ? { visits: 4, personVisits: 5, cadres: 4, enterprises: 3, problems: 3, ticketed: 1, solved: 0 }
        : { visits: 3, personVisits: 4, cadres: 3, enterprises: 2, problems: 3, ticketed: 1, solved: 0 },
    );
    // ticket #1 (found on V1) is the year's only ticket, and open within its time: in neither 破解率's base yet
    expect(v.solveRate).toEqual({ visits: { solved: 0, base: 0, rate: null }, overall: { solved: 0, base: 0, rate: null } });
    // 亿龙 visited; 天赐 (only a deleted visit this month) and 恒泰 not; the one project visited
    expect(v.coverage.keyEnterprises).toMatchObject({ covered: 1, total: 3, rate: 33.3 });
    expect(v.coverage.projects).toMatchObject({ covered: 1, total: 1, rate: 100 });
    expect(v.coverage.unvisitedEnterprises.map((e: any) => [e.name, e.commissionerName])).toEqual([
      ['浙江天赐生态科技有限公司', '张伟'],
      ['杭州恒泰新材料有限公司', '王芳'],
    ]);
    expect(v.coverage.belowTarget).toEqual([]);
    expect(v.coverage.unvisitedProjects).toEqual([]);
    expect(v.cadresWithoutVisit).toEqual([{ id: 'zhouming', name: '周明', department: '国网钱塘供电公司' }]);
    const dept = Object.fromEntries(v.byDepartment.map((d: any) => [d.department, [d.cadres, d.cadresVisited, d.visits, d.keyEnterprises, d.keyEnterprisesCovered, d.coverageRate]]));
    expect(dept).toEqual({
      区经信局: [1, 1, 1, 2, 1, 50],
      区住建局: [1, 1, 2, 1, 0, 0],
      区人社局: [1, 1, 1, 0, 0, null],
      国网钱塘供电公司: [1, 0, 0, 0, 0, null],
    });
    // the unlinked visit: number, date, enterprise and author only
    expect(v.unlinked).toEqual([{ no: 3, date: today, enterpriseName: '某某智能装备公司', by: { name: '刘强' } }]);
    // nothing written on a visit (notes, problems, edit history), and no chat or message ids
    for (const s of [SECRET, '了解二期用电', '变电站扩容慢', '旧的记录', 'wrkSFfCgAAyilong01', 'test-visit', 'platformId']) expect(r.text).not.toContain(s);
    // another month, and a bad date
    expect((await get(`/h5/api/visits?date=${today.slice(0, 4)}-01-15`)).status).toBe(200);
    expect((await get('/h5/api/visits?date=2026-13-40')).status).toBe(400);
    expect((await get('/h5/api/visits?date=yesterday')).status).toBe(400);
    // the leader is in the directory: 我的走访 answers, empty
    const mine = await get('/h5/api/visits/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ personId: 'lihua', visits: [], assigned: 0, notVisited: [] });
  });

  it('the cadre: 我的走访 with their own visits’ notes, the key enterprise not yet visited; the month’s numbers refused', async () => {
    const get = await signIn('zhangwei');
    const r = await get('/h5/api/visits/mine');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ personId: 'zhangwei', name: '张伟', month: { key: `${today.slice(0, 7)}-01` }, assigned: 2 });
    expect(r.body.visits).toEqual([
      {
        no: 1,
        date: today,
        mode: 'onsite',
        modeLabel: '上门',
        enterpriseName: '浙江亿龙置业有限公司',
        projectId: 'yilong-phase2',
        note: '了解二期用电和招工情况',
        problems: [
          { n: 1, text: '变电站扩容慢', ticketNo: 1 },
          { n: 2, text: '缺熟练焊工', ticketNo: null },
        ],
        by: { personId: 'zhangwei', name: '张伟' },
        with: ['王芳'],
      },
    ]);
    // 天赐: his, and only a deleted visit this month
    expect(r.body.notVisited).toEqual([{ id: 'tianci', name: '浙江天赐生态科技有限公司' }]);
    for (const s of [SECRET, '回访施工许可', '旧的记录', 'wrkSFfCgAAyilong01', 'test-visit', 'platformId']) expect(r.text).not.toContain(s);
    expect((await get('/h5/api/visits')).status).toBe(403);

    // 王芳 went along on V1 and phoned on V2; 恒泰 is hers
    const wang = await (await signIn('wangfang'))('/h5/api/visits/mine');
    expect(wang.body.visits.map((x: any) => [x.no, x.by.name, x.with])).toEqual([
      [1, '张伟', ['张伟']],
      [2, '王芳', []],
    ]);
    expect(wang.body.notVisited).toEqual([{ id: 'hengtai', name: '杭州恒泰新材料有限公司' }]);
  });

  it('an enterprise contact: both refused, with nothing but the reason', async () => {
    const get = await signIn('chenjl');
    for (const path of ['/h5/api/visits', '/h5/api/visits/mine']) {
      const r = await get(path);
      expect(r.status).toBe(403);
      expect(Object.keys(r.body)).toEqual(['error']);
    }
  });
});
