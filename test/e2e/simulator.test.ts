import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore, type Store } from '../../src/store/connect.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { CHROMIUM } from '../helpers/chromium.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { projectRoot } from '../helpers/shared.js';

/** The page's globals as used inside page.evaluate (the project's TypeScript has no DOM library). */
interface PageElement {
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number };
  getAttribute(name: string): string | null;
  scrollTo(x: number, y: number): void;
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
}
declare const document: { querySelector(sel: string): PageElement | null; documentElement: PageElement; body: PageElement };
declare const window: { innerHeight: number; innerWidth: number; scrollY: number };

const mongoUri = testMongoUri('sim');
/** How long a page may take to show what it was sent (the default second is short for a loaded machine). */
const soon = { timeout: 10_000 };
const env = { MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_SIMULATOR: '1' };
const shots = join(projectRoot, 'test-artifacts', 'screenshots');
let bot: BotProcess;
let browser: Browser;
let page: Page;
let store: Store;
const requests: string[] = [];

beforeAll(async () => {
  // (the page is built by the global setup, with the rest: helpers/build.ts)
  mkdirSync(shots, { recursive: true });
  bot = await startBot(env);
  store = await connectStore(mongoUri);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
});

const person = (id: string) => page.locator(`#people .person[data-person="${id}"]`);
const conv = (name: string) => page.locator('#convs .conv', { hasText: name });
async function say(who: string, text: string): Promise<void> {
  await person(who).click();
  await page.fill('#text', text);
  await page.click('#send');
  await expect.poll(() => page.inputValue('#text'), soon).toBe('');
}
const botSays = (text: string) => page.locator('#messages .msg:not(.me) .bubble', { hasText: text });
/** The page's layout facts the phone fix is about. */
const layout = () =>
  page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const list = document.querySelector('#messages')!;
    return {
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      docScroll: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight),
      text: box('#text'),
      send: box('#send'),
      plus4: box('#plus4'),
      tomorrow: box('#tomorrow'),
      list: { scrollTop: list.scrollTop, clientHeight: list.clientHeight, scrollHeight: list.scrollHeight },
    };
  });
type Layout = Awaited<ReturnType<typeof layout>>;
function expectFits(l: Layout) {
  // the document itself never scrolls: only the message list does
  expect(l.docScroll).toBeLessThanOrEqual(l.innerHeight);
  for (const b of [l.text, l.send, l.plus4, l.tomorrow]) {
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.bottom).toBeLessThanOrEqual(l.innerHeight);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(l.innerWidth);
  }
}
/** Vant's popups slide in: wait for the transitions to end (for a screenshot or a box). */
const settled = () => page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'));
const atBottom = (l: Layout) => l.list.scrollTop + l.list.clientHeight >= l.list.scrollHeight - 2;

describe('the group-chat simulator in a real browser', () => {
  it('is announced on start, served without any external resource, and starts as an enterprise contact', async () => {
    expect(bot.log()).toContain('/simulator');
    await page.goto(`${bot.base}/simulator`);
    // four groups of the demo directory, and the private chats of the chosen person
    await expect.poll(() => page.locator('#convs .conv').count(), soon).toBeGreaterThanOrEqual(4);
    for (const name of ['亿龙置业助企服务群', '区助企工作领导群', '天赐生态助企服务群', '区领导钉钉群']) expect(await page.locator('#convs').textContent()).toContain(name);
    // 陈经理 of 亿龙置业 in his enterprise's group: a first message is an enterprise's report, not a cadre's
    await expect.poll(() => page.textContent('#title'), soon).toContain('亿龙置业助企服务群');
    expect(await page.locator('#people .person.active').getAttribute('data-person')).toBe('chenjl');
    expect(await page.textContent('#me')).toContain('陈经理');
    expect(await page.locator('#convs').textContent()).toContain('与店小二私聊（陈经理）');
    expect(requests.every((u) => u.startsWith(bot.base))).toBe(true);
  });

  it('runs the closed loop: report → routed and mentioned → claim → resolve → rate; each message once', async () => {
    await page.fill('#text', '我们用电扩容申请一个月了还没批下来，影响二期投产');
    await page.press('#text', 'Enter');
    await botSays('已受理 #1').first().waitFor({ timeout: 20_000 });
    const accepted = botSays('已受理 #1').first();
    // WeCom callback mode: an answer with a button is its card alone — names instead of @-mentions, and the button
    expect(await accepted.locator('.at').count()).toBe(0);
    expect(await accepted.textContent()).toContain('责任人：张伟（服务专员）');
    expect(await accepted.textContent()).toContain('［认领］');
    expect(await accepted.locator('strong').first().textContent()).toBe('已受理 #1');

    // the leader's numbers before the answer
    await conv('区助企工作领导群').click();
    await say('lihua', '今日简报');
    await botSays('助企服务日报').first().waitFor({ timeout: 20_000 });
    expect(await botSays('助企服务日报').first().textContent()).toContain('办结 0');

    await conv('亿龙置业助企服务群').click();
    await say('zhangwei', '认领 #1');
    await botSays('#1 已签收').waitFor({ timeout: 20_000 });
    await say('zhangwei', '办结 #1 已完成扩容送电');
    await botSays('#1 已答复').waitFor({ timeout: 20_000 });
    await say('chenjl', '#1 满意');
    await botSays('#1 已办结').waitFor({ timeout: 20_000 });

    // every feed item on the page once (the old page showed a reply twice when two polls overlapped)
    const ids = await page.locator('#messages .msg').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator('#messages .msg.me', { hasText: '认领 #1' }).count()).toBe(1);
    expect(await botSays('#1 已签收').count()).toBe(1);

    // the ticket view from the clickable number
    await page.locator('#messages .msg:not(.me) a.ticket', { hasText: '#1' }).first().click();
    await page.locator('#ticketCard h3', { hasText: '#1 已办结' }).waitFor();
    const history = await page.locator('#ticketCard li span').allTextContents();
    expect(history).toEqual(
      expect.arrayContaining([expect.stringContaining('受理'), expect.stringContaining('派单'), expect.stringContaining('签收'), expect.stringContaining('答复'), expect.stringContaining('评价')]),
    );
    await page.click('#closeTicket');
    await page.locator('#ticketCard').waitFor({ state: 'hidden' });
  }, 90_000);

  it('the leader sees the numbers change; the clock jump brings the morning digest', async () => {
    await conv('区助企工作领导群').click();
    await say('lihua', '今日简报');
    await expect.poll(async () => (await botSays('助企服务日报').allTextContents()).some((t) => t.includes('办结 1')), { timeout: 20_000 }).toBe(true);
    const before = await page.textContent('#clock');
    await page.click('#tomorrow');
    await expect.poll(() => page.textContent('#clock'), soon).not.toBe(before);
    await expect.poll(async () => (await botSays('助企服务日报').count()) >= 3, { timeout: 30_000 }).toBe(true);
  }, 60_000);

  it('a private reminder to someone not chosen shows as a badge on that person after a clock jump', async () => {
    await conv('亿龙置业助企服务群').click();
    await say('chenjl', '厂区门口道路破损严重，货车进出困难，希望尽快修复');
    await botSays('已受理 #2').first().waitFor({ timeout: 20_000 });
    // nobody claims #2: past its response deadline 张伟 is reminded privately, while 陈经理 is the one chosen
    await page.click('#tomorrow');
    await expect.poll(() => page.isEnabled('#tomorrow'), soon).toBe(true);
    await page.click('#plus4');
    const badge = person('zhangwei').locator('.person-badge');
    await badge.waitFor({ timeout: 30_000 });
    expect(Number(await badge.locator('.van-badge').textContent())).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#people .person.active').getAttribute('data-person')).toBe('chenjl');
    await page.screenshot({ path: join(shots, 'simulator-desktop-badge.png') });

    // the badge opens 张伟's private chat, at its newest message
    await badge.click();
    await expect.poll(() => page.textContent('#title'), soon).toContain('与店小二私聊（张伟）');
    await expect.poll(async () => (await page.locator('#messages .msg').allTextContents()).some((t) => t.includes('#2')), soon).toBe(true);
    await expect(badge.count()).resolves.toBe(0);
    expect(atBottom(await layout())).toBe(true);
  }, 90_000);

  it('lays out on a desktop: only the message list scrolls, the input and the clock stay in view', async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await conv('区助企工作领导群').click();
    const l = await layout();
    expectFits(l);
    expect(l.list.scrollHeight).toBeGreaterThan(l.list.clientHeight); // enough messages for the list to scroll
    expect(atBottom(l)).toBe(true);
    await page.evaluate(() => document.querySelector('.side')?.scrollTo(0, 0)); // as a person sees it (clicks scrolled it)
    await page.screenshot({ path: join(shots, 'simulator-desktop.png') });
  });

  it('works on a 390×844 phone: fixed height, list scrolled to its newest message, conversations in a drawer', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    phone.on('request', (r) => requests.push(r.url()));
    const was = page;
    page = phone;
    try {
      await page.goto(`${bot.base}/simulator`);
      await expect.poll(() => page.textContent('#title'), { timeout: 10_000 }).toContain('亿龙置业助企服务群');
      await expect.poll(() => page.locator('#messages .msg').count(), { timeout: 10_000 }).toBeGreaterThan(8);
      await expect.poll(async () => atBottom(await layout()), { timeout: 5000 }).toBe(true);
      const l = await layout();
      expectFits(l);
      expect(l.list.scrollHeight).toBeGreaterThan(l.list.clientHeight);
      // the sidebar is a drawer on a phone
      expect(await page.isVisible('#convs')).toBe(false);
      await page.screenshot({ path: join(shots, 'simulator-phone.png') });

      // the whole page never scrolls, even when asked to
      await page.mouse.wheel(0, 3000);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      // a ticket opened from a message fits the screen
      await page.locator('#messages a.ticket').last().click();
      await page.locator('#ticketCard h3').waitFor();
      await settled();
      await expect.poll(async () => Math.round((await page.locator('#ticketCard').boundingBox())!.x), soon).toBeGreaterThanOrEqual(0);
      const card = await page.locator('#ticketCard').boundingBox();
      expect(card!.x + card!.width).toBeLessThanOrEqual(390);
      expect(card!.y + card!.height).toBeLessThanOrEqual(844);
      await page.screenshot({ path: join(shots, 'simulator-phone-ticket.png') });
      await page.click('#closeTicket');
      await page.locator('#ticketCard').waitFor({ state: 'hidden' });

      // the conversations (and the people) in a drawer; choosing one closes it, the chat opens at its newest message
      await page.click('#menu');
      await page.locator('#convs').waitFor();
      await settled();
      // in place once its slide has ended (sub-pixel positions while the transform settles)
      await expect.poll(async () => Math.round((await page.locator('#convs').boundingBox())!.x), soon).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: join(shots, 'simulator-phone-drawer.png') });
      await conv('区助企工作领导群').click();
      await page.locator('#convs').waitFor({ state: 'hidden' });
      await expect.poll(() => page.textContent('#title'), soon).toContain('区助企工作领导群');
      await expect.poll(async () => atBottom(await layout()), soon).toBe(true);
      expectFits(await layout());

      // another person's unread private messages: a badge on the identity button, then on the person in the drawer
      expect(Number(await page.locator('#me .van-badge').textContent())).toBeGreaterThanOrEqual(1);
      await page.click('#me');
      await person('zhangwei').locator('.person-badge').click();
      await expect.poll(() => page.textContent('#title'), soon).toContain('与店小二私聊（张伟）');
      await page.locator('#convs').waitFor({ state: 'hidden' });
      await settled();
      const title = await page.locator('#title').boundingBox();
      expect(title!.x + title!.width).toBeLessThanOrEqual(390);
      expectFits(await layout());
      await page.screenshot({ path: join(shots, 'simulator-phone-private.png') });
    } finally {
      page = was;
      await phone.close();
    }
  }, 60_000);

  it('each simulated person has a 工作台 button: the one-time sign-in link opens in a new tab', async () => {
    // the page's part, whatever the server's wiring: the link it is given is opened in a new tab
    await page.route('**/simulator/api/signin', (route) => route.fulfill({ json: { url: '/h5/login?t=test-token' } }));
    let opened = page.context().waitForEvent('page');
    await person('lihua').locator('.signin').click();
    let tab = await opened;
    await expect.poll(() => tab.url(), soon).toBe(`${bot.base}/h5/login?t=test-token`);
    await tab.close();
    await page.unroute('**/simulator/api/signin');

    // the server's part: a real link once signInLink is wired (runtime.ts), else a clear refusal and no stray tab
    const probe = await fetch(`${bot.base}/simulator/api/signin`, { method: 'POST', body: JSON.stringify({ personId: 'zhangwei' }) });
    opened = page.context().waitForEvent('page');
    await person('zhangwei').locator('.signin').click();
    tab = await opened;
    if (probe.status === 501) {
      await tab.waitForEvent('close', { timeout: 5000 });
      await page.locator('.van-toast', { hasText: '工作台' }).waitFor();
      return;
    }
    expect(probe.status).toBe(200);
    await expect.poll(() => tab.url(), { timeout: 10_000 }).toContain('/h5/');
    await tab.close();
  });

  it('a restart keeps the simulated clock, and the open tab goes on receiving', async () => {
    const state = async () => (await (await fetch(`${bot.base}/simulator/api/state`)).json()) as { now: string; boot: string };
    const before = await state();
    // the jumps put the simulated time at least a day ahead of the real one
    expect(Date.parse(before.now) - Date.now()).toBeGreaterThan(12 * 3_600_000);
    await bot.stop();
    await expect.poll(() => page.isVisible('.offline'), { timeout: 10_000 }).toBe(true);
    bot = await startBot({ ...env, PORT: String(bot.port) });
    const after = await state();
    expect(after.boot).not.toBe(before.boot);
    expect(Date.parse(after.now)).toBeGreaterThanOrEqual(Date.parse(before.now));
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeLessThan(10 * 60_000);

    // the tab (never reloaded) asks the new process from its start: a new exchange shows up
    await expect.poll(() => page.isVisible('.offline'), { timeout: 15_000 }).toBe(false);
    await conv('亿龙置业助企服务群').click();
    const answered = await botSays('#2').count();
    await say('chenjl', '#2 什么进度了');
    await page.locator('#messages .msg.me', { hasText: '#2 什么进度了' }).waitFor();
    await expect.poll(() => botSays('#2').count(), { timeout: 20_000 }).toBeGreaterThan(answered);
    expect(await page.locator('#messages .msg').last().textContent()).toContain('#2');
  }, 120_000);

  it('asked nothing of any other host', () => {
    expect(requests.filter((u) => !u.startsWith(bot.base) && !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  });
});
