import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectReport, loadReportProjects } from '../../src/bot/project-service.js';
import { defaultCalendar as cal } from '../../src/domain/calendar.js';
import type { MonthlyReport } from '../../src/domain/project-report.js';
import { freePort } from '../../src/infra/process.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createProjectPathRepository, createProjectTemplateRepository } from '../../src/store/repositories/project.repository.js';
import { startBot, type BotProcess } from '../helpers/bot-process.js';
import { wecomAnswerText, wecomCallback, wecomEnv } from '../helpers/callbacks.js';
import { runCli } from '../helpers/cli.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakePlatforms, type FakePlatforms } from '../helpers/fake-platforms.js';
import { projectRoot } from '../helpers/shared.js';

/**
 * 项目代办 through chat: the directory (the shared example, with a template and dates on 亿龙二期) and the example
 * templates imported with the CLI, then the card, item changes, refusals and a retried callback — the real bot.
 */
const YILONG_GROUP = 'wrkSFfCgAAyilong01';
const LEADERS_GROUP = 'wrkSFfCgAAleaders1';
const ADMIN_TOKEN = 'project-admin-token-0123456789';
const mongoUri = testMongoUri('projectpath');
let fake: FakePlatforms;
let bot: BotProcess;
let store: Store;
let seq = 0;

const cli = (args: string[]) => runCli(args, { MONGODB_URI: mongoUri });
/** A date some days ahead, as people write it (12月10日). */
const ahead = (days: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days });
const cn = (d: DateTime) => `${d.month}月${d.day}日`;
/** How the bot writes a date: "12月5日", with the year when it is not this year's. */
const shown = (d: DateTime) => `${d.year === ahead(0).year ? '' : `${d.year}年`}${d.month}月${d.day}日`;

beforeAll(async () => {
  fake = await startFakePlatforms();
  store = await connectStore(mongoUri);
  expect((await cli(['directory', 'import', join(projectRoot, 'test', 'fixtures', 'project-directory.yaml')])).code).toBe(0);
  const templates = await cli(['projects', 'templates', 'import', join(projectRoot, 'config', 'project-templates.example.yaml')]);
  expect(templates.err).toBe('');
  expect(templates.out).toContain('项目模板已更新为 v1');
  const port = await freePort();
  bot = await startBot({
    PORT: String(port),
    XIAOER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: testQueuePrefix(),
    ...wecomEnv(fake.base),
    WECOM_CORP_ID: 'wwcorp',
    WECOM_AGENT_ID: '1000002',
    WECOM_AGENT_SECRET: 'agent-secret-value',
    ADMIN_TOKEN,
  });
});
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
  await fake?.close();
});

function payload(userid: string, text: string, code: string, chatid = YILONG_GROUP) {
  return {
    msgid: `proj-${code}`,
    aibotid: 'AIBOT',
    chatid,
    chattype: 'group',
    from: { userid },
    response_url: `${fake.base}/cgi-bin/aibot/response?response_code=${code}`,
    msgtype: 'text',
    text: { content: `@店小二 ${text}` },
  };
}

async function post(p: Record<string, unknown>): Promise<void> {
  const cb = wecomCallback(p);
  const res = await fetch(`${bot.base}/webhooks/wecom?${cb.query}`, { method: 'POST', body: cb.body });
  expect(res.status).toBe(200);
}

/** A WeCom user says something in 亿龙's group; resolves with the bot's answer there. */
async function say(userid: string, text: string, chatid = YILONG_GROUP): Promise<string> {
  const code = `p${++seq}`;
  await post(payload(userid, text, code, chatid));
  const r = await fake.waitFor((x) => x.query.get('response_code') === code);
  return wecomAnswerText(r.body);
}

/** A workbench session of a person: the sign-in link the bot sends privately for 工作台, opened; its cookies. */
async function signIn(userid: string): Promise<(path: string) => Promise<{ status: number; body: any }>> {
  expect(await say(userid, '工作台')).toContain('已私信发送');
  const dm = await fake.waitFor((r) => r.path === '/cgi-bin/message/send' && r.body?.touser === userid && String(r.body?.text?.content).includes('/h5/login?t='));
  const link = new URL(/https?:\/\/\S+\/h5\/login\?t=[A-Za-z0-9_-]+/.exec(String(dm.body.text.content))![0]);
  const res = await fetch(`${bot.base}${link.pathname}${link.search}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (path) => {
    const r = await fetch(`${bot.base}${path}`, { headers: { cookie } });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
}

const path = async () => (await store.conn.collection('project_paths').findOne({ _id: 'yilong-phase2' as never }))!;
const item = async (id: string) => (await path()).path.items.find((i: { id: string }) => i.id === id);

describe('项目代办 through chat', () => {
  it('项目 亿龙二期 shows the card: counts, next due, critical path, the planned 开工 already impossible', async () => {
    const card = await say('wangfang', '项目 亿龙二期');
    expect(card).toContain('项目代办 · 亿龙置业二期综合体');
    expect(card).toContain('事项 11 项：已完成 0');
    expect(card).toContain('接下来到期');
    expect(card).toContain('关键路径');
    expect(card).toContain(`计划开工：${shown(DateTime.fromISO('2026-12-15'))}`);
    expect(card).toContain('计划开工已无法实现');
    // showing the card created the path and changed none of its items (its SLA planning may save it meanwhile)
    expect((await path()).path.items.every((i: { history: unknown[] }) => i.history.length === 0)).toBe(true);
  });

  it('申报 starts the clock, 批复 frees what depends on it', async () => {
    const submitted = await say('wangfang', '亿龙二期 立项 已申报');
    expect(submitted).toContain('已登记：亿龙置业二期综合体「企业投资项目备案」已申报（区发展改革局）');
    expect(submitted).toMatch(/应于(\d{4}年)?\d{1,2}月\d{1,2}日前批复/);
    const approved = await say('wangfang', '亿龙二期 立项 已批复');
    expect(approved).toContain('「企业投资项目备案」已批复');
    expect(approved).toContain('可申报：交通影响评价、环境影响评价');
    const lixiang = await item('lixiang');
    expect(lixiang).toMatchObject({ state: 'approved' });
    expect(lixiang.history.map((e: { type: string }) => e.type)).toEqual(['submit', 'approve']);
    expect(lixiang.history[0]).toMatchObject({ by: { personId: 'wangfang', name: '王芳' }, source: expect.stringMatching(/^wecom:proj-p\d+$/) });
  });

  it('容缺受理 with a missing document and its due date; 不适用; 预计', async () => {
    const due = ahead(9);
    const accepted = await say('zhangwei', `亿龙二期 环评 容缺受理 缺：日照分析报告，${cn(due)}前补齐`);
    expect(accepted).toContain(`「环境影响评价」容缺受理，待补材料：日照分析报告（${shown(due)}前）`);
    expect(await item('huanping')).toMatchObject({ state: 'accepted_pending', missingDocuments: [{ name: '日照分析报告', dueDate: due.toISODate(), suppliedAt: null }] });
    expect(await say('wangfang', '亿龙二期 交评 不适用')).toContain('「交通影响评价」本项目不适用');
    const expected = ahead(4);
    expect(await say('wangfang', `亿龙二期 施工图审查 预计${cn(expected)}`)).toContain(`「施工图审查」预计${shown(expected)}批复`);
    const card = await say('lihua', '项目 亿龙二期');
    expect(card).toContain('容缺待补材料');
    expect(card).toContain('日照分析报告');
  });

  it('an ambiguous or unknown item, a step out of order and an enterprise contact are answered, nothing changes', async () => {
    const before = (await path()).version;
    expect(await say('wangfang', '亿龙二期 规划 已申报')).toContain('可指多个事项：建设用地规划许可、建设工程规划许可');
    expect(await say('wangfang', '亿龙二期 排污许可 已申报')).toContain('的审批路径中没有事项「排污许可」');
    expect(await say('wangfang', '亿龙二期 施工许可 已申报')).toContain('建筑工程施工许可 须待前置事项');
    expect(await say('wangfang', '亿龙二期 立项 已批复')).toContain('无需重复登记');
    expect(await say('chenjl', '亿龙二期 用地 已申报')).toContain('只有代办员、项目专员、领导和管理员');
    expect((await path()).version).toBe(before);
  });

  it('a callback delivered twice is applied once', async () => {
    const p = payload('wangfang', '亿龙二期 用地 已申报', `p${++seq}`);
    await post(p);
    await fake.waitFor((x) => x.query.get('response_code') === `p${seq}`);
    await post(p);
    // the next message's answer comes after whatever the repeat could have caused
    await say('wangfang', '项目 亿龙二期');
    const tudi = await item('tudi');
    expect(tudi.state).toBe('submitted');
    expect(tudi.history).toHaveLength(1);
  });

  it('a problem raised on a project still becomes a ticket', async () => {
    const answer = await say('chenjl', '亿龙二期 桩基离污水井太近，打不下去');
    expect(answer).toContain('已受理 #');
    const t = await store.conn.collection('tickets').findOne({});
    expect(t).toMatchObject({ enterpriseId: 'yilong' });
  });

  it('templates export as JSON; a wrong file is refused whole with every problem listed', async () => {
    const exported = await cli(['projects', 'templates', 'export', '--format', 'json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).templates.map((t: { id: string }) => t.id)).toEqual(['industrial', 'social', 'government']);
    const dir = mkdtempSync(join(tmpdir(), 'xiaoer-templates-'));
    try {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, 'templates:\n  - id: t\n    name: 坏模板\n    items:\n      - { id: a, name: 施工许可, department: 区住建局, promisedWorkingDays: -1, dependsOn: [b] }\n');
      const bad = await cli(['projects', 'templates', 'import', file]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('项目模板未作任何修改（2 处错误）');
      expect(bad.err).toContain('templates[0].items[0].promisedWorkingDays');
      expect(bad.err).toContain('unknown item "b"');
      expect((await cli(['projects', 'templates', 'import', join(projectRoot, 'config', 'project-templates.example.yaml')])).out).toContain('相同，未作修改');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('项目代办 for leaders: 月调度, 季观摩, 年验收 and the 项目台账', () => {
  /** 月调度 of the running month, built from the same store as the bot reads. */
  async function monthly(): Promise<MonthlyReport> {
    const directory = await createDirectoryRepository(store.conn).current();
    const { projects } = await loadReportProjects(
      { paths: createProjectPathRepository(store.conn), templates: createProjectTemplateRepository(store.conn) },
      directory,
    );
    const r = buildProjectReport('month', projects, cal.localDate(new Date()), cal);
    if (r.kind !== 'month') throw new Error('not a monthly report');
    return r.report;
  }

  it('a leader\'s 月调度 in the leaders group lists the project with the figures of the report', async () => {
    const text = await say('lihua', '月调度', LEADERS_GROUP);
    const r = await monthly();
    expect(r.totals.finished).toBeGreaterThan(0);
    expect(text).toContain(`重点项目月调度（${r.month.label}）`);
    expect(text).toContain(`代办项目 ${r.totals.projects} 个，在办 ${r.totals.inProgress} 个`);
    expect(text).toContain(`办结事项 ${r.totals.finished} 个，按期 ${r.totals.onTime} 个，按期率 ${r.totals.onTimeRate}%`);
    expect(text).toContain('1. 亿龙置业二期综合体（浙江亿龙置业有限公司）');
    for (const f of r.projects[0]!.finished) expect(text).toContain(f.name);
    expect(await say('lihua', '季观摩', LEADERS_GROUP)).toContain('重点项目季观摩');
    expect(await say('lihua', '年验收', LEADERS_GROUP)).toContain('重点项目年验收');
  });

  it('an enterprise contact\'s 月调度 is refused; a leader\'s in an enterprise group is sent to the leaders group', async () => {
    const refused = await say('chenjl', '月调度');
    expect(refused).toContain('抱歉');
    expect(refused).not.toContain('重点项目月调度');
    expect(await say('lihua', '月调度')).toContain('请在领导群或与我私聊时查看');
  });

  it('the CLI\'s JSON has the chat\'s numbers', async () => {
    const res = await cli(['projects', 'report', '--period', 'month', '--json']);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out) as MonthlyReport;
    const r = await monthly();
    expect(json.totals).toEqual(r.totals);
    expect(json.projects.map((p) => p.finished.map((f) => f.name))).toEqual(r.projects.map((p) => p.finished.map((f) => f.name)));
    const text = await say('lihua', '月调度', LEADERS_GROUP);
    expect(text).toContain(`代办项目 ${json.totals.projects} 个，在办 ${json.totals.inProgress} 个`);
    expect(text).toContain(`办结事项 ${json.totals.finished} 个，按期 ${json.totals.onTime} 个`);
    expect((await cli(['projects', 'report', '--period', 'week'])).code).toBe(2);
  });

  it('the workbench API and the JSON digest carry the same report; a cadre is refused', async () => {
    const leader = await signIn('lihua');
    const api = await leader('/h5/api/projects?period=month');
    expect(api.status).toBe(200);
    const cliJson = JSON.parse((await cli(['projects', 'report', '--period', 'month', '--json'])).out) as MonthlyReport;
    expect(api.body.totals).toEqual(cliJson.totals);
    expect(api.body.month).toEqual(cliJson.month);
    expect(api.body.projects.map((p: MonthlyReport['projects'][number]) => [p.project.id, p.late.length, p.start?.onTrack])).toEqual(
      cliJson.projects.map((p) => [p.project.id, p.late.length, p.start?.onTrack]),
    );
    const digest = await cli(['digest', '--period', 'day', '--json']);
    expect(digest.code).toBe(0);
    const projects = (JSON.parse(digest.out) as { projects: MonthlyReport }).projects;
    expect(projects.totals).toEqual(cliJson.totals);
    expect(projects.month).toEqual(cliJson.month);
    const year = await leader('/h5/api/projects?period=year');
    expect(year.status).toBe(200);
    expect(year.body.totals).toEqual(JSON.parse((await cli(['digest', '--period', 'year', '--json'])).out).projects.totals);
    expect((await leader('/h5/api/projects?period=week')).status).toBe(400);
    const cadre = await signIn('zhangwei');
    const refused = await cadre('/h5/api/projects?period=month');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('只有领导和管理员');
  });

  it('the 项目台账 from the CLI and from the admin API opens with its two sheets', async () => {
    const read = async (buf: Buffer | ArrayBuffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as ArrayBuffer);
      return wb;
    };
    const check = (wb: ExcelJS.Workbook) => {
      expect(wb.worksheets.map((w) => w.name)).toEqual(['项目', '事项']);
      expect(wb.getWorksheet('项目')!.getRow(2).getCell(1).value).toBe('亿龙置业二期综合体');
      expect(wb.getWorksheet('事项')!.rowCount).toBe(12);
    };
    const dir = mkdtempSync(join(tmpdir(), 'xiaoer-project-ledger-'));
    try {
      const out = join(dir, '项目台账.xlsx');
      const res = await cli(['ledger', 'export', '--projects', '--out', out]);
      expect(res.code).toBe(0);
      expect(res.out).toContain('已导出项目台账（1 个项目）');
      check(await read(readFileSync(out)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await fetch(`${bot.base}/api/projects.xlsx`)).status).toBe(401);
    const api = await fetch(`${bot.base}/api/projects.xlsx`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toContain('spreadsheetml');
    check(await read(await api.arrayBuffer()));
  });
});
