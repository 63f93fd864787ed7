import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { CHROMIUM } from '../helpers/chromium.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

const mongoUri = testMongoUri('sim');
let bot: BotProcess;
let browser: Browser;
let page: Page;
let store: Store;

beforeAll(async () => {
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_SIMULATOR: '1' });
  store = await connectStore(mongoUri);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
});

async function say(who: string, text: string): Promise<void> {
  await page.selectOption('#who', who);
  await page.fill('#text', text);
  await page.click('#send');
}
const bot_ = (text: string) => page.locator('#messages .msg:not(.me) .bubble', { hasText: text });

describe('the group-chat simulator in a real browser', () => {
  it('is announced on start and served without any external resource', async () => {
    expect(bot.log()).toContain('/simulator');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${bot.base}/simulator`);
    // four groups of the demo directory, and the private chats of the chosen person
    await expect.poll(() => page.locator('#convs .conv').count()).toBeGreaterThanOrEqual(4);
    for (const name of ['亿龙置业助企服务群', '区助企工作领导群', '天赐生态助企服务群', '区领导钉钉群']) expect(await page.locator('#convs').textContent()).toContain(name);
    expect(requests.every((u) => u.startsWith(bot.base))).toBe(true);
    await expect.poll(() => page.textContent('#title')).toContain('亿龙置业助企服务群');
  });

  it('runs the closed loop: report → routed and mentioned → claim → resolve → rate', async () => {
    await say('chenjl', '我们用电扩容申请一个月了还没批下来，影响二期投产');
    await bot_('已受理 #1').waitFor({ timeout: 20_000 });
    const accepted = bot_('已受理 #1').first();
    expect(await accepted.locator('.at').allTextContents()).toEqual(['@陈经理', '@张伟']);
    expect(await accepted.locator('b').first().textContent()).toBe('已受理 #1');

    // the leader's numbers before the answer
    await page.click('#convs .conv:has-text("区助企工作领导群")');
    await say('lihua', '今日简报');
    await bot_('助企服务日报').first().waitFor({ timeout: 20_000 });
    expect(await bot_('助企服务日报').first().textContent()).toContain('办结 0');

    await page.click('#convs .conv:has-text("亿龙置业助企服务群")');
    await say('zhangwei', '认领 #1');
    await bot_('#1 已签收').waitFor({ timeout: 20_000 });
    await say('zhangwei', '办结 #1 已完成扩容送电');
    await bot_('#1 已答复').waitFor({ timeout: 20_000 });
    await say('chenjl', '#1 满意');
    await bot_('#1 已办结').waitFor({ timeout: 20_000 });

    // the ticket view from the clickable number
    await page.locator('#messages a.ticket', { hasText: '#1' }).first().click();
    await page.locator('#ticketCard h3', { hasText: '#1 已办结' }).waitFor();
    const history = await page.locator('#ticketCard li').allTextContents();
    expect(history.map((h) => h.split(' ').slice(2).join(' '))).toEqual(
      expect.arrayContaining([expect.stringContaining('受理'), expect.stringContaining('派单'), expect.stringContaining('签收'), expect.stringContaining('答复'), expect.stringContaining('评价')]),
    );
    await page.click('#closeTicket');
  });

  it('the leader sees the numbers change; the clock jump brings the morning digest', async () => {
    await page.click('#convs .conv:has-text("区助企工作领导群")');
    await say('lihua', '今日简报');
    await expect.poll(async () => (await bot_('助企服务日报').allTextContents()).some((t) => t.includes('办结 1')), { timeout: 20_000 }).toBe(true);
    await page.click('#tomorrow');
    await expect.poll(async () => (await bot_('助企服务日报').count()) >= 3, { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: '/tmp/xiaoer-simulator.png' });
  }, 60_000);

  it('works on a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#convs .conv:has-text("亿龙置业助企服务群")', { timeout: 8000 });
    const box = await page.locator('#send').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/xiaoer-simulator-phone.png' });
  });
});
