import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { CHROMIUM } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { projectRoot } from '../helpers/shared.js';

/**
 * The H5 workbench (/h5/) in a real browser, as people use it: an enterprise reports in its group (through the
 * simulator), the cadre finds it in 我的待办, claims it, writes progress and transfers it; the colleague claims and
 * answers it; the enterprise rates it on 我们的问题; the leader's dashboard shows the digest's own numbers and the
 * ledger exports it; another enterprise is refused. A 390×844 screenshot of each page goes to
 * test-artifacts/screenshots/.
 */

const SHOTS = join(projectRoot, 'test-artifacts', 'screenshots');
const YILONG_GROUP = 'group:wecom:wrkSFfCgAAyilong01';
const PHONE = { width: 390, height: 844 };
/** The first screen's JavaScript budget, gzipped (docs/benchmarks.md, "H5 workbench bundle size"). */
const FIRST_SCREEN_BUDGET = 200 * 1024;

const mongoUri = testMongoUri('wb');
let bot: BotProcess;
let browser: Browser;
let origin: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // (the pages are built by the global setup, with the rest: helpers/build.ts)
  mkdirSync(SHOTS, { recursive: true });
  bot = await startBot({ MONGODB_URI: mongoUri, REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), XIAOER_SIMULATOR: '1' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await bot?.stop();
  const { connectStore } = await import('../../src/store/connect.js');
  const store = await connectStore(mongoUri);
  await store.conn.dropDatabase();
  await store.close();
});

async function postJson(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${bot.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A person's own browser (own cookies), signed in with a one-time link from the simulator. */
async function signIn(personId: string): Promise<{ context: BrowserContext; page: Page; requests: string[]; scripts: Map<string, number> }> {
  const { status, json } = await postJson('/simulator/api/signin', { personId });
  expect(status, JSON.stringify(json)).toBe(200);
  const url = new URL(String(json.url), bot.base);
  origin = url.origin;
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const requests: string[] = [];
  const scripts = new Map<string, number>(); // URL → gzipped bytes
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script' || !r.ok()) return;
    // a later navigation may drop a body nobody asked for (only the first screen's are measured)
    r.body().then((b) => scripts.set(r.url(), gzipSync(b, { level: 9 }).length), () => {});
  });
  page.on('pageerror', (e) => console.error(`[${personId}] page error: ${e.message}`));
  await page.goto(url.href);
  return { context, page, requests, scripts };
}

async function shot(page: Page, name: string): Promise<void> {
  // transitions finished (sheets, overlays), and nothing wider than the phone
  await expect.poll(() => page.evaluate<number>('document.getAnimations().length')).toBe(0);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const row = (page: Page, no: number) => page.locator(`[data-test=ticket-row][data-no="${no}"]`);

async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => {}): Promise<string> {
  await page.locator(`[data-test=action-${action}]`).click();
  const form = page.locator(`[data-test=form-${action}]`);
  await form.waitFor();
  await fill(page);
  const message = page.locator('[data-test=action-message]');
  const before = (await message.count()) ? await message.textContent() : null;
  await form.locator('[data-test=form-submit]').click();
  await form.waitFor({ state: 'detached', timeout: 20_000 });
  await expect.poll(async () => ((await message.count()) ? await message.textContent() : null)).not.toBe(before);
  return (await message.textContent()) ?? '';
}

/** Whether a canvas under the selector has a pixel that is not transparent (the project's types have no DOM). */
const DRAWN = (selector: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].some((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
  return false;
})`;

const status = (page: Page) => page.locator('[data-test=ticket-detail]').getAttribute('data-status');

describe('the H5 workbench in a real browser', () => {
  let ticketNo = 0;

  it('without a session: the sign-in hint, in Chinese', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${bot.base}/h5/`);
    const hint = page.locator('[data-test=signin-hint]');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('请在群内向店小二发送“工作台”，点击收到的登录链接进入。');
    await shot(page, 'signin');
  });

  it('an enterprise reports a problem in its group; the ticket exists', async () => {
    const sent = await postJson('/simulator/api/send', { personId: 'chenjl', conversation: YILONG_GROUP, text: '我们用电扩容申请一个月了还没批下来，影响二期投产' });
    expect(sent.status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${bot.base}/simulator/api/tickets/1`)).status, { timeout: 20_000 })
      .toBe(200);
    ticketNo = 1;
  });

  it('the cadre: 我的待办 lists it; claim, progress, transfer to 王芳 with the desktop picker', async () => {
    const { page, requests, scripts } = await signIn('zhangwei');
    await page.waitForURL(/\/h5\/todo$/);
    await row(page, ticketNo).waitFor({ timeout: 20_000 });
    expect(await row(page, ticketNo).locator('[data-test=summary]').textContent()).toContain('扩容');
    expect(await row(page, ticketNo).locator('[data-test=time-left]').textContent()).toMatch(/^剩 \d+ 个工作(日|小时)$/);
    expect(await page.locator('[data-test=tabbar]').count()).toBe(0); // a cadre has one page: no tab bar
    // 我的走访（本月）above the list (nothing logged here yet)
    await expect.poll(() => page.locator('[data-test=my-visits]').getAttribute('data-count')).toBe('0');
    await shot(page, 'todo');

    // the first screen: no ECharts, no client SDKs, nothing from another origin, within the budget
    await expect.poll(() => scripts.size).toBeGreaterThanOrEqual(2);
    const names = [...scripts.keys()].map((u) => new URL(u).pathname);
    expect(names.filter((n) => /Dashboard|wecom|union|ddSdk|echarts/i.test(n))).toEqual([]);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`first screen (我的待办): ${names.length} scripts, ${(total / 1024).toFixed(1)} KiB gzipped: ${names.join(', ')}`);
    expect(total).toBeLessThan(FIRST_SCREEN_BUDGET);
    expect(requests.every((u) => u.startsWith(origin) || u.startsWith(bot.base))).toBe(true);

    await row(page, ticketNo).click();
    await page.waitForURL(new RegExp(`/h5/tickets/${ticketNo}$`));
    await page.locator('[data-test=ticket-detail]').waitFor();
    expect(await status(page)).toBe('pending_claim');

    expect(await act(page, 'claim')).toContain(`#${ticketNo}`);
    await expect.poll(() => status(page)).toBe('in_progress');

    await act(page, 'progress', (p) => p.locator('[data-test=form-note] textarea').fill('已与供电公司对接，下周现场勘查'));
    await expect.poll(() => page.locator('[data-test=timeline-item]').first().textContent()).toContain('已与供电公司对接');
    await shot(page, 'ticket');

    await page.locator('[data-test=action-transfer]').click();
    await page.locator('[data-test=person-search] input').fill('王');
    await page.locator('[data-test=person-option][data-id=wangfang]').click();
    await expect.poll(() => page.locator('[data-test=form-transferee] input').inputValue()).toBe('王芳');
    await page.locator('[data-test=form-transfer] [data-test=form-note] textarea').fill('涉及二期施工许可，请住建局协同办理');
    await shot(page, 'transfer');
    await page.locator('[data-test=form-transfer] [data-test=form-submit]').click();
    await page.locator('[data-test=form-transfer]').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page.locator('[data-test=ticket-assignee]').textContent()).toContain('王芳');
    expect(await status(page)).toBe('pending_claim'); // the new handler signs for it
    expect(await page.locator('[data-test=action-message]').textContent()).toContain('王芳');
  });

  it('the colleague claims and answers it', async () => {
    const { page } = await signIn('wangfang');
    await row(page, ticketNo).waitFor({ timeout: 20_000 });
    await row(page, ticketNo).click();
    await page.locator('[data-test=ticket-detail]').waitFor();
    expect(await status(page)).toBe('pending_claim');
    expect(await act(page, 'claim')).toContain('王芳');
    await act(page, 'resolve', async (p) => {
      await p.locator('[data-test=outcome-resolved]').click();
      await p.locator('[data-test=form-resolve] [data-test=form-note] textarea').fill('已协调供电公司完成扩容送电');
    });
    await expect.poll(() => status(page)).toBe('pending_rating');
    expect(await page.locator('[data-test=ticket-outcome]').textContent()).toContain('已解决');
  });

  it('the enterprise rates it on 我们的问题', async () => {
    const { page } = await signIn('chenjl');
    await page.waitForURL(/\/h5\/ours$/);
    const rate = page.locator(`[data-test=ours-rate][data-no="${ticketNo}"]`);
    await rate.waitFor({ timeout: 20_000 });
    await shot(page, 'ours');
    await rate.click();
    await page.locator('[data-test=form-rate]').waitFor();
    await page.locator('[data-test=level-satisfied]').click();
    await page.locator('[data-test=form-rate] [data-test=form-submit]').click();
    await page.locator('[data-test=action-message]').waitFor({ timeout: 20_000 });
    await expect.poll(() => row(page, ticketNo).locator('[data-test=status]').textContent()).toBe('已办结');
    expect(await rate.count()).toBe(0);
  });

  it('the leader: the dashboard shows the digest\'s numbers and draws its charts; the ledger lists and exports', async () => {
    const { page, context } = await signIn('lihua');
    await page.locator('[data-test=tabbar]').waitFor();
    await page.locator('[data-test=tab-dashboard]').click();
    await page.waitForURL(/\/h5\/dashboard$/);

    for (const period of ['day', 'month'] as const) {
      await page.locator(`[data-test=period-tabs] .van-tab:has-text("${period === 'day' ? '日' : '月'}")`).click();
      const api = await context.request.get(`${origin}/h5/api/dashboard?period=${period}`);
      // a 503 here has been seen once under load in CI: the bot's own log says why (the error boundary logs 'request failed')
      expect(api.status(), api.status() === 200 ? '' : bot.log().split('\n').filter((l) => /request failed|error/i.test(l)).slice(-5).join('\n')).toBe(200);
      const dash = (await api.json()) as { period: { start: string; label: string } };
      await expect.poll(() => page.locator('[data-test=period-label]').textContent()).toContain(dash.period.label);
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(dash.period.start));
      const cli = await runCli(['digest', '--period', period, '--date', date, '--json'], { MONGODB_URI: mongoUri });
      expect(cli.code, cli.err).toBe(0);
      const m = JSON.parse(cli.out);
      const expected: Record<string, number | null> = {
        newTickets: m.numbers.newTickets,
        answered: m.numbers.answered,
        open: m.numbers.open,
        overdue: m.overdue.count,
        solveRate: m.solveRate.rate,
        responseRate: m.responseRate.rate,
        satisfaction: m.satisfaction.period.rate,
        participation: m.satisfaction.period.participation,
      };
      const shown = Object.fromEntries(
        await page.locator('[data-test=card]').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-key'), c.getAttribute('data-value')])),
      );
      expect(shown).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v === null ? '' : String(v)])));
      expect(expected.newTickets).toBe(1);
      expect(expected.answered).toBe(1);
    }

    // the three charts drew something on their canvases
    for (const chart of ['trend', 'categories', 'departments']) {
      await expect.poll(() => page.evaluate<boolean>(DRAWN(`[data-test=chart-${chart}] canvas`))).toBe(true);
    }
    // 重点项目 under the charts: no project templates imported here, so the section says no project has an approval path (the visits' 重点项目覆盖 still counts the directory's key projects)
    await expect.poll(() => page.locator('[data-test=projects-none]').textContent()).toContain('暂无代办项目：重点项目尚未建立审批路径');
    await expect.poll(() => page.locator('[data-test=projects-in-progress]').getAttribute('data-value')).toBe('0');
    // 助企走访 after 重点项目: the month's section, no visits logged here
    await expect.poll(() => page.locator('[data-test=visits-title]').textContent()).toContain('助企走访（');
    await expect.poll(() => page.locator('[data-test=visits-card][data-key=visits]').getAttribute('data-value')).toBe('0');
    await shot(page, 'dashboard');

    await page.locator('[data-test=tab-ledger]').click();
    await page.waitForURL(/\/h5\/ledger/);
    await row(page, ticketNo).waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-test=ledger-total]').textContent()).toBe('共 1 件');
    await shot(page, 'ledger');
    // the search narrows the list, and the export carries the same filters
    await page.locator('[data-test=ledger-search] input').fill(`#${ticketNo}`);
    await page.locator('[data-test=ledger-search-go]').click();
    await page.waitForURL(/q=%23/);
    expect(await page.locator('[data-test=ledger-export]').getAttribute('href')).toBe(`/h5/api/ledger.xlsx?q=%23${ticketNo}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=ledger-export]').click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  }, 120_000); // two runs of the CLI

  it('another enterprise opens the ticket: refused, nothing of it shown', async () => {
    const { page, context } = await signIn('sunzg');
    await page.waitForURL(/\/h5\/ours$/);
    await page.goto(`${origin}/h5/tickets/${ticketNo}`);
    const refused = page.locator('[data-test=error-state]');
    await refused.waitFor();
    expect(await page.locator('[data-test=ticket-detail]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('扩容');
    await shot(page, 'forbidden');
    const api = await context.request.get(`${origin}/h5/api/tickets/${ticketNo}`);
    expect(api.status()).toBe(403);
    const body = (await api.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['error']);
  });
});
