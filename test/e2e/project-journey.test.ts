import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { runCli } from '../helpers/cli.js';
import { simChat } from '../helpers/sim-chat.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { waitForDrain } from '../helpers/queue-drain.js';
import { projectRoot } from '../helpers/shared.js';

/**
 * One key project from 立项 to 竣工验收 through chat, on the simulator's clock: the 代办员 registers every step in the
 * enterprise's group, a 容缺 document is chased in that group once it is overdue, a late item climbs the ladder
 * (专班, then 包联区领导) exactly once each, and the card ends with every item done. The real bot, FerretDB and Redis;
 * the platforms are the simulator's own.
 */
const GROUP = 'group:wecom:wrkSFfCgAAyilong01';
const mongoUri = testMongoUri('journey');
const prefix = testQueuePrefix();
let bot: BotProcess;
let store: Store;

const chat = simChat(() => bot);
const { feed, botSays, simNow, jump, botMessagesTo } = chat;
/** A person writes in the enterprise's group; resolves with the bot's answer there. */
const say = (personId: string, text: string) => chat.say(personId, GROUP, text);
const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: async () => (await feed()).length });

beforeAll(async () => {
  store = await connectStore(mongoUri);
  const cli = (args: string[]) => runCli(args, { MONGODB_URI: mongoUri });
  expect((await cli(['directory', 'import', join(projectRoot, 'test', 'fixtures', 'project-directory.yaml')])).code).toBe(0);
  expect((await cli(['projects', 'templates', 'import', join(projectRoot, 'config', 'project-templates.example.yaml')])).code).toBe(0);
  // some thirty answers in one group within a minute: above the default pace (20 a minute per destination)
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: prefix, XIAOER_SIMULATOR: '1', XIAOER_OUTBOUND_LIMIT: '200/60s' });
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
});

describe('亿龙二期 from 立项 to 竣工验收 through chat', () => {
  it('the approvals before the drawings: filed and approved, 交评 not needed, 环评 filed and left running', async () => {
    for (const item of ['立项', '用地', '用地规划许可']) {
      expect(await say('zhangwei', `亿龙二期 ${item} 已申报`)).toMatch(/已申报/);
      expect(await say('zhangwei', `亿龙二期 ${item} 已批复`)).toMatch(/已批复/);
    }
    expect(await say('zhangwei', '亿龙二期 交评 不适用')).toMatch(/不适用/);
    expect(await say('zhangwei', '亿龙二期 环评 已申报')).toMatch(/已申报/);
    for (const item of ['方案审查', '工程规划许可']) {
      expect(await say('zhangwei', `亿龙二期 ${item} 已申报`)).toMatch(/已申报/);
      expect(await say('zhangwei', `亿龙二期 ${item} 已批复`)).toMatch(/已批复/);
    }
  });

  it('图审 accepted with a document missing; once its date has passed the enterprise group is reminded, once', async () => {
    const due = (await simNow()).plus({ days: 3 });
    const answer = await say('zhangwei', `亿龙二期 图审 容缺受理 缺：日照分析报告，${due.month}月${due.day}日前补齐`);
    expect(answer).toMatch(/容缺受理/);
    expect(answer).toContain('日照分析报告');
    const mark = chat.cursor;
    await jump(24 * 14);
    expect(await botSays(GROUP, mark, (t) => t.includes('日照分析报告') && t.includes('容缺'))).toBeTruthy();
  });

  it('环评 runs late: the 专班 and, days later, the 包联区领导 are told — each once, nothing more after the queues drained', async () => {
    const mark = chat.cursor;
    await jump(24 * 14);
    await botSays('user:wecom:zhangwei', mark, (t) => t.includes('环境影响评价') && t.includes('超期'));
    await botSays('user:wecom:wangfang', mark, (t) => t.includes('环境影响评价') && t.includes('超期'));
    await botSays('user:wecom:lihua', mark, (t) => t.includes('环境影响评价'));
    await jump(24 * 3);
    await drained();
    expect(botMessagesTo('user:wecom:lihua', '环境影响评价')).toHaveLength(1);
    expect(botMessagesTo('user:wecom:wangfang', '环境影响评价')).toHaveLength(1);
    expect(botMessagesTo(GROUP, '日照分析报告').filter((i) => i.text.includes('【项目代办'))).toHaveLength(1);
  }, 90_000);

  it('the rest to 竣工验收; the card shows every item done', async () => {
    expect(await say('zhangwei', '亿龙二期 环评 已批复')).toMatch(/已批复/);
    for (const item of ['施工许可', '水电气', '竣工验收']) {
      expect(await say('zhangwei', `亿龙二期 ${item} 已申报`)).toMatch(/已申报/);
      expect(await say('zhangwei', `亿龙二期 ${item} 已批复`)).toMatch(/已批复/);
    }
    const card = await say('zhangwei', '项目 亿龙二期');
    expect(card).toContain('亿龙置业二期综合体');
    const path = (await store.conn.collection('project_paths').findOne({ _id: 'yilong-phase2' as never })) as unknown as { path?: { items: { id: string; state: string }[] }; items?: { id: string; state: string }[] };
    const items = path.path?.items ?? path.items!;
    expect(items.filter((i) => !['approved', 'accepted_pending', 'not_applicable'].includes(i.state))).toEqual([]);
    expect(items.find((i) => i.id === 'huanping')!.state).toBe('approved');
  });
});
