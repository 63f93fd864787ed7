import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
 * 助企走访 end to end (the issue's own words): three cadres, five key enterprises, a month of visits logged through chat
 * with two problems turned into tickets, then the month's coverage figures checked against figures computed by hand.
 * The real bot, FerretDB and Redis; the platforms are the simulator's own; the month is the simulator's next month, so
 * nothing here depends on today's date.
 *
 * The month, visit by visit (M = the simulated month; 张伟 never visits; 李华 is a leader):
 *
 *   V1  M/2  王芳  亿龙 group   亿龙置业        上门  problems 2 (变电站扩容慢, 缺焊工30名) → 确认 2 → ticket #1
 *   V2  M/3  刘强  private      华越纺织        电话
 *   V3  M/5  李华  private      天赐生态        上门  with @王芳 @刘强 (3 cadres on one visit)
 *   V4  M/8  王芳  亿龙 group   亿龙二期 (project of 亿龙置业)
 *   V5  M/10 刘强  private      宏达机械        (visitsPerMonth 2: this is its only visit)
 *   V6  M/12 刘强  private      宏达机械        deleted right after logging (删除走访 V6)
 *   V7  M/14 王芳  private      天赐生态        problem 1 (环评批复慢) → 确认 1 → ticket #2, card in 天赐's group
 *   V8  M/16 刘强  private      明远包装        (not a key enterprise)
 *   V9  M/18 王芳  private      恒丰五金        (not in the directory)
 *   V10 M/20 刘强  private      华越纺织        视频  problems 2 (出口退税慢, 缺少外贸人才), not ticketed
 *   V11 M/22 王芳  天赐 group   天赐生态
 *   V12 M/27 刘强  亿龙 group   亿龙置业        电话
 *   (陈经理, 亿龙's contact, types "走访 亿龙置业 …" in the group between V4 and V5: refused, nothing stored)
 *   神马电力 (key, 专员 王芳): never visited.
 */

const YILONG = 'group:wecom:wrkVisitYilong01';
const TIANCI = 'group:wecom:wrkVisitTianci01';
const privateOf = (wecomId: string) => `user:wecom:${wecomId}`;
const ADMIN_TOKEN = 'visits-admin-token-0123456789';
const TZ = 'Asia/Shanghai';

const mongoUri = testMongoUri('visits');
const prefix = testQueuePrefix();
let bot: BotProcess;
let store: Store;
/** The simulated month's 28th, 10:00 local, once the clock is there. */
let simulatedNow: DateTime;
/** The simulated month (1–12) and a date inside it (its 15th). */
let M: number;
let mid: string;

const chat = simChat(() => bot, { timezone: TZ });
const { feed, botSays, simNow, jump } = chat;

/** A proactive notice (【新工单】…) is not an answer: it may reach a private chat at any moment. */
const answerNotNotice = (t: string) => !t.startsWith('【');
/** `personId` writes `text` in `conversation`; resolves with the bot's first answer there (not a notice). */
const say = (personId: string, conversation: string, text: string, pred: (t: string) => boolean = answerNotNotice) => chat.say(personId, conversation, text, pred);

const drained = () => waitForDrain(testRedisUrl(), prefix, { extra: async () => (await feed()).length });
const botMessagesTo = chat.botMessagesTo;
const liveVisits = () => store.conn.collection('visits').countDocuments({ deletedAt: null });

beforeAll(async () => {
  store = await connectStore(mongoUri);
  const cli = (args: string[]) => runCli(args, { MONGODB_URI: mongoUri });
  const imported = await cli(['directory', 'import', join(projectRoot, 'test', 'fixtures', 'visit-directory.yaml')]);
  expect(imported.code, imported.err).toBe(0);
  bot = await startBot({
    MONGODB_URI: mongoUri,
    REDIS_URL: testRedisUrl(),
    XIAOER_QUEUE_PREFIX: prefix,
    XIAOER_SIMULATOR: '1',
    ADMIN_TOKEN,
    XIAOER_OUTBOUND_LIMIT: '200/60s',
  });
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await store?.conn.dropDatabase();
  await store?.close();
});

describe('助企走访: a month of visits through chat, and the month’s figures', () => {
  it('the simulated clock moves to the 28th of next month, 10:00', async () => {
    const start = await simNow();
    const target = start.plus({ months: 1 }).set({ day: 28, hour: 10, minute: 0, second: 0, millisecond: 0 });
    let hours = target.diff(start, 'hours').hours;
    // the simulator moves at most 14 days at a time
    while (hours > 0) {
      const step = Math.min(hours, 24 * 14);
      await jump(step);
      hours -= step;
    }
    simulatedNow = await simNow();
    expect(simulatedNow.day).toBe(28);
    expect(simulatedNow.hour).toBe(10);
    M = simulatedNow.month;
    mid = simulatedNow.set({ day: 15 }).toISODate()!;
    await drained();
  }, 60_000);

  it('cadres log the month’s visits, privately and in the enterprises’ groups; a duplicate is deleted', async () => {
    const d = (day: number) => `${M}月${day}日`;

    // V1: in 亿龙's group, two problems found
    let a = await say('wangfang', YILONG, `${d(2)} 走访 亿龙置业 了解二期用电和招工情况，发现问题2个：1.变电站扩容慢 2.缺焊工30名`);
    expect(a).toContain('已登记走访 V1');
    expect(a).toContain('变电站扩容慢');
    expect(a).toContain('确认 1 2');
    // only the second becomes a ticket: its card in 亿龙's group, the visit's answer there too
    const beforeConfirm = chat.cursor;
    a = await say('wangfang', YILONG, '确认 2', (t) => t.includes('的问题已建单'));
    expect(a).toContain('走访 V1 的问题已建单');
    expect(a).toContain('缺焊工30名 → #1');
    const card1 = await botSays(YILONG, beforeConfirm, (t) => t.includes('已受理 #1'));
    expect(card1).toContain('走访发现 · V1');
    expect(card1).toContain('缺焊工30名');

    // V2: privately, by phone
    a = await say('liuqiang', privateOf('liuqiang'), `${d(3)} 电话回访华越纺织，无问题`);
    expect(a).toContain('已登记走访 V2');
    expect(a).toContain('电话');
    expect(a).toContain('浙江华越纺织有限公司');

    // V3: the leader with two cadres
    a = await say('lihua', privateOf('lihua'), `${d(5)} 和@王芳 @刘强 上门服务天赐生态，了解扩产用地需求，无问题`);
    expect(a).toContain('已登记走访 V3');
    expect(a).toContain('走访干部：李华、王芳、刘强');

    // V4: the key project, in 亿龙's group
    a = await say('wangfang', YILONG, `${d(8)} 走访 亿龙二期 了解施工进度，无问题`);
    expect(a).toContain('已登记走访 V4');
    expect(a).toContain('亿龙置业二期综合体');

    // 亿龙's contact cannot log a visit: refused, nothing stored, no number used
    const before = await liveVisits();
    a = await say('chenjl', YILONG, '走访 亿龙置业 了解情况，无问题');
    expect(a).toContain('助企走访由工作人员登记');
    expect(a).not.toContain('已登记走访');
    expect(await liveVisits()).toBe(before);

    // V5: 宏达机械's only visit of the month (it should have two)
    a = await say('liuqiang', privateOf('liuqiang'), `${d(10)} 走访 宏达机械 了解订单情况，无问题`);
    expect(a).toContain('已登记走访 V5');
    // V6: a second one, deleted at once — it would have made 宏达机械 covered
    a = await say('liuqiang', privateOf('liuqiang'), `${d(12)} 走访 宏达机械 回访订单交付情况，无问题`);
    expect(a).toContain('已登记走访 V6');
    a = await say('liuqiang', privateOf('liuqiang'), '删除走访 V6');
    expect(a).toContain('已删除走访记录 V6');

    // V7: privately, one problem; 确认 1 makes it a ticket whose card goes to 天赐's group
    a = await say('wangfang', privateOf('wangfang'), `${d(14)} 走访 天赐生态 了解环保审批，发现问题1个：环评批复慢`);
    expect(a).toContain('已登记走访 V7');
    const beforeConfirm2 = chat.cursor;
    a = await say('wangfang', privateOf('wangfang'), '确认 1', (t) => t.includes('的问题已建单'));
    expect(a).toContain('走访 V7 的问题已建单');
    expect(a).toContain('环评批复慢 → #2');
    const card2 = await botSays(TIANCI, beforeConfirm2, (t) => t.includes('已受理 #2'));
    expect(card2).toContain('走访发现 · V7');
    expect(card2).toContain('环评批复慢');

    // V8: an enterprise that is not key
    a = await say('liuqiang', privateOf('liuqiang'), `${d(16)} 上门服务明远包装，了解用工需求，无问题`);
    expect(a).toContain('已登记走访 V8');
    // V9: an enterprise the directory does not know
    a = await say('wangfang', privateOf('wangfang'), `${d(18)} 走访 恒丰五金 了解经营情况，无问题`);
    expect(a).toContain('已登记走访 V9');
    expect(a).toContain('名录中无此企业');
    // V10: by video, two problems left without tickets
    a = await say('liuqiang', privateOf('liuqiang'), `${d(20)} 视频连线华越纺织 了解出口订单，发现问题2个：1.出口退税慢 2.缺少外贸人才`);
    expect(a).toContain('已登记走访 V10');
    expect(a).toContain('视频');
    // V11, V12: in the groups
    a = await say('wangfang', TIANCI, `${d(22)} 走访 天赐生态 回访环评进展，无问题`);
    expect(a).toContain('已登记走访 V11');
    a = await say('liuqiang', YILONG, `${d(27)} 电话回访亿龙置业，了解变电站扩容进展，无问题`);
    expect(a).toContain('已登记走访 V12');
  }, 90_000);

  it('the visits and their two tickets are stored as logged; after the queues drained, nothing more happened', async () => {
    await drained();
    const visits = (await store.conn.collection('visits').find({}).sort({ _id: 1 }).toArray()) as unknown as {
      no: number; date: string; enterpriseId: string | null; projectId: string | null; deletedAt: string | null; companions: { personId: string | null }[]; problems: { n: number; ticketNo: number | null }[];
    }[];
    expect(visits.map((v) => v.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(visits.filter((v) => v.deletedAt).map((v) => v.no)).toEqual([6]);
    const month = simulatedNow.toFormat('yyyy-MM');
    expect(visits.map((v) => v.date)).toEqual([2, 3, 5, 8, 10, 12, 14, 16, 18, 20, 22, 27].map((day) => `${month}-${String(day).padStart(2, '0')}`));
    expect(visits.map((v) => v.enterpriseId)).toEqual(['yilong', 'huayue', 'tianci', 'yilong', 'hongda', 'hongda', 'tianci', 'mingyuan', null, 'huayue', 'tianci', 'yilong']);
    expect(visits[3]!.projectId).toBe('yilong-phase2');
    expect(visits[2]!.companions.map((c) => c.personId)).toEqual(['wangfang', 'liuqiang']);
    expect(visits[0]!.problems).toEqual([{ n: 1, text: '变电站扩容慢', ticketNo: null }, { n: 2, text: '缺焊工30名', ticketNo: 1 }]);
    expect(visits[6]!.problems).toEqual([{ n: 1, text: '环评批复慢', ticketNo: 2 }]);

    const tickets = (await store.conn.collection('tickets').find({}).sort({ _id: 1 }).toArray()) as unknown as { no: number; visitNo: number | null; chatId: string }[];
    expect(tickets.map((t) => ({ no: t.no, visitNo: t.visitNo, chatId: t.chatId }))).toEqual([
      { no: 1, visitNo: 1, chatId: 'wrkVisitYilong01' },
      { no: 2, visitNo: 7, chatId: 'wrkVisitTianci01' },
    ]);

    // each card once, in its enterprise's group only; the contact got one refusal and nothing else
    expect(botMessagesTo(YILONG, '已受理 #1')).toHaveLength(1);
    expect(botMessagesTo(TIANCI, '已受理 #2')).toHaveLength(1);
    expect(botMessagesTo(YILONG, '已受理 #2')).toHaveLength(0);
    expect(botMessagesTo(TIANCI, '已受理 #1')).toHaveLength(0);
    expect((await feed()).filter((i) => i.from === 'bot' && i.conversation === privateOf('chenjl'))).toHaveLength(0);
    expect(botMessagesTo(YILONG, '助企走访由工作人员登记')).toHaveLength(1);
  }, 60_000);

  /*
   * The month's figures, by hand (visits counted: V1–V5, V7–V12 = 11; V6 was deleted):
   *   批次  = 11
   *   人次  = 10 visits by one cadre + V3's three (李华, 王芳, 刘强) = 10 + 3 = 13
   *   参与干部 = 李华, 王芳, 刘强 = 3 (a leader who went counts; 张伟 went nowhere)
   *   服务企业 = 亿龙 (V1 V4 V12), 华越 (V2 V10), 天赐 (V3 V7 V11), 宏达 (V5), 明远 (V8), 恒丰五金 (V9, as written) = 6
   *   发现问题 = V1 2 + V7 1 + V10 2 = 5; 已建单 = 2 (#1 from V1, #2 from V7); 已破解 = 0
   *   重点企业覆盖: 亿龙 3≥1 ✓, 天赐 3≥1 ✓, 华越 2≥1 ✓, 宏达 1<2 ✗, 神马 0<1 ✗ → 3/5 = 60%
   *   重点项目覆盖: 亿龙二期 named by V4 → 1/1 = 100%
   *   未走访重点企业 (no visit at all): 神马电力 (宏达 had one, so it is uncovered but not unvisited)
   *   本月未走访干部 (role cadre): 张伟
   *   分部门:
   *     区经信局: 1 cadre (张伟), 0 visited, 0 批次; key enterprises of its 专员 张伟: 亿龙 ✓, 宏达 ✗ → 1/2 = 50%
   *     区住建局: 1 cadre (王芳), 1 visited, 批次 with 王芳: V1 V3 V4 V7 V9 V11 = 6; 王芳's: 天赐 ✓, 神马 ✗ → 1/2 = 50%
   *     区人社局: 1 cadre (刘强), 1 visited, 批次 with 刘强: V2 V3 V5 V8 V10 V12 = 6; 刘强's: 华越 ✓ → 1/1 = 100%
   *   亿龙二期专班 (张伟, 王芳): 2 members, 1 visited (王芳), the project visited once (V4)
   */
  const FIGURES = { visits: 11, personVisits: 13, cadres: 3, enterprises: 6, problems: 5, ticketed: 2, solved: 0 };
  const BY_DEPARTMENT = [
    { department: '区经信局', cadres: 1, cadresVisited: 0, visits: 0, keyEnterprises: 2, keyEnterprisesCovered: 1, coverageRate: 50 },
    { department: '区住建局', cadres: 1, cadresVisited: 1, visits: 6, keyEnterprises: 2, keyEnterprisesCovered: 1, coverageRate: 50 },
    { department: '区人社局', cadres: 1, cadresVisited: 1, visits: 6, keyEnterprises: 1, keyEnterprisesCovered: 1, coverageRate: 100 },
  ];

  it('the leader’s 走访情况, privately, shows the month’s figures', async () => {
    const a = await say('lihua', privateOf('lihua'), '走访情况');
    expect(a).toContain(`助企走访情况（${simulatedNow.year}年${M}月）`);
    expect(a).toContain('本月 11 批次、13 人次，服务企业 6 家，发现问题 5 个（已建单 2 个，已破解 0 个），参与干部 3 名');
    expect(a).toContain('重点企业覆盖 3/5（60%） · 重点项目覆盖 1/1（100%）');
    expect(a).toContain('未走访重点企业 1 家');
    expect(a).toContain('浙江神马电力有限公司（专员 王芳）');
    expect(a).toContain('区经信局：干部 1 名，已走访 0 名，走访 0 批次，联系重点企业覆盖 1/2');
    expect(a).toContain('区住建局：干部 1 名，已走访 1 名，走访 6 批次，联系重点企业覆盖 1/2');
    expect(a).toContain('区人社局：干部 1 名，已走访 1 名，走访 6 批次，联系重点企业覆盖 1/1');
    expect(a).toContain('亿龙置业二期综合体专班：成员 2 名，已走访 1 名，项目已走访 1 批次');
    expect(a).toContain('本月未走访干部 1 名');
    expect(a).toMatch(/本月未走访干部 1 名\**：张伟/);
    expect(a).toContain('另有 1 条走访记录的企业未在名录中');
  });

  it('xiaoer digest --period month --json: the month’s visit figures are the hand-computed ones', async () => {
    // as of the simulated now: the month is still ahead on the real clock
    const r = await runCli(['digest', '--period', 'month', '--json', '--date', mid, '--at', (await simNow()).toISO()!], { MONGODB_URI: mongoUri });
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out).visits as {
      figures: Record<string, number>;
      coverage: {
        keyEnterprises: { covered: number; total: number; rate: number | null; list: { id: string; visits: number; covered: boolean }[] };
        projects: { covered: number; total: number; rate: number | null };
        unvisitedEnterprises: { name: string; commissionerName: string | null }[];
      };
      cadresWithoutVisit: { name: string }[];
      byDepartment: unknown[];
      byTaskforce: unknown[];
      unlinked: { no: number; enterpriseName: string }[];
    };
    expect(v.figures).toEqual(FIGURES);
    expect(v.coverage.keyEnterprises).toMatchObject({ covered: 3, total: 5, rate: 60 });
    expect(v.coverage.keyEnterprises.list.map((e) => [e.id, e.visits, e.covered])).toEqual([
      ['yilong', 3, true],
      ['tianci', 3, true],
      ['huayue', 2, true],
      ['hongda', 1, false],
      ['shenma', 0, false],
    ]);
    expect(v.coverage.projects).toMatchObject({ covered: 1, total: 1, rate: 100 });
    expect(v.coverage.unvisitedEnterprises.map((e) => [e.name, e.commissionerName])).toEqual([['浙江神马电力有限公司', '王芳']]);
    expect(v.cadresWithoutVisit.map((p) => p.name)).toEqual(['张伟']);
    expect(v.byDepartment).toEqual(BY_DEPARTMENT);
    expect(v.byTaskforce).toEqual([{ projectId: 'yilong-phase2', projectName: '亿龙置业二期综合体', members: 2, membersVisited: 1, projectVisits: 1, projectVisited: true }]);
    expect(v.unlinked.map((x) => [x.no, x.enterpriseName])).toEqual([[9, '恒丰五金']]);
  }, 60_000);

  it('GET /api/visits.xlsx: 走访记录 lists the 11 visits not deleted, 覆盖情况 marks 3 of 5 covered', async () => {
    expect((await fetch(`${bot.base}/api/visits.xlsx?month=${mid}`)).status).toBe(401);
    const res = await fetch(`${bot.base}/api/visits.xlsx?month=${mid}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());

    const visits = wb.getWorksheet('走访记录')!;
    // a header row and one row a visit: V1–V12 without V6
    expect(visits.rowCount).toBe(1 + 11);
    const refs: unknown[] = [];
    const people: unknown[] = [];
    visits.eachRow((row, i) => {
      if (i === 1) return;
      refs.push(row.getCell(1).value);
      people.push(row.getCell(8).value);
    });
    expect(refs).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V7', 'V8', 'V9', 'V10', 'V11', 'V12']);
    // 人次 per visit, summing to the month's 13
    expect(people).toEqual([1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1]);

    const coverage = wb.getWorksheet('覆盖情况')!;
    const rows: unknown[][] = [];
    coverage.eachRow((row, i) => {
      if (i > 1) rows.push([1, 2, 3, 4, 5].map((c) => row.getCell(c).value));
    });
    expect(rows).toEqual([
      ['浙江亿龙置业有限公司', '张伟', 1, 3, '是'],
      ['浙江天赐生态科技有限公司', '王芳', 1, 3, '是'],
      ['浙江华越纺织有限公司', '刘强', 1, 2, '是'],
      ['杭州宏达机械有限公司', '张伟', 2, 1, '否'],
      ['浙江神马电力有限公司', '王芳', 1, 0, '否'],
    ]);
  });
});
