import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import ExcelJS from 'exceljs';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { buildLedger, LEDGER_HEADERS } from '../../../src/ledger/ledger.js';
import { isGroup, isReply, isUser, startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { projectRoot } from '../../helpers/shared.js';

/**
 * 助企走访 in chat, through the real bot and handler chain on a real store: logging, 建单 exactly once, who may log,
 * edit, delete and link, and where a visit's notes may be shown.
 */
const v = validateDirectory(YAML.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'project-directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('directory invalid');
const directory = v.data;
const YILONG = 'wrkSFfCgAAyilong01';
const TIANCI = 'cidTianCiService01==';
const LEADERS = 'wrkSFfCgAAleaders1';
/** Monday 2026-11-23 09:30 in Shanghai. */
const MONDAY = '2026-11-23T01:30:00.000Z';
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
const privately = (id: string) => ({ chatId: id, chatType: 'single' as const });

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'visits', directory, now: MONDAY, calendar: cal });
});
afterEach(async () => {
  await h.close();
});

const LOG = '走访 亿龙置业 了解二期用电和招工情况，发现问题2个：1.变电站扩容慢 2.缺焊工30名';

describe('a cadre logs a visit and turns its problems into tickets', () => {
  it('in WeCom callback mode only the first answer takes the response_url (it takes one body): 确认 1 2 sends the second card to the group; in a single chat the one answer takes it', async () => {
    const via = (n: number) => ({ kind: 'wecom-response-url' as const, url: `https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=${n}` });
    await h.say('zhangwei', LOG, { chatId: YILONG, replyVia: via(1) });
    const confirmed = await h.say('zhangwei', '确认 1 2', { chatId: YILONG, replyVia: via(2) });
    expect(confirmed.outcome).toBe('visit V1: tickets #1 #2');
    const replies = confirmed.sent.filter(isReply);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.filter((s) => s.target.kind === 'reply' && s.target.replyVia?.kind === 'wecom-response-url')).toHaveLength(1);
    expect(replies[0]!.target).toMatchObject({ replyVia: via(2) });
    expect(replies.slice(1).every((s) => s.target.kind === 'reply' && s.target.replyVia === undefined && s.target.chatId === YILONG)).toBe(true);
    expect(replies.map((s) => s.message.text).join('\n')).toMatch(/已受理 #1[\s\S]*已受理 #2/);

    // in a single chat the cards go to the enterprise's group and the one answer to the cadre takes the response_url
    await h.say('zhangwei', LOG, { ...privately('zhangwei'), replyVia: via(3) });
    const alone = await h.say('zhangwei', '确认 1 2', { ...privately('zhangwei'), replyVia: via(4) });
    expect(alone.outcome).toBe('visit V2: tickets #3 #4');
    expect(alone.sent.filter(isReply)).toHaveLength(1);
  });

  it('records who, where, when and how, offers the problems, and 确认 makes each a routed ticket exactly once', async () => {
    const logged = await h.say('zhangwei', LOG, { chatId: YILONG });
    expect(logged.outcome).toBe('visit V1 logged');
    expect(logged.texts[0]).toContain('已登记走访 V1');
    expect(logged.texts[0]).toContain('11月23日 · 上门 · 浙江亿龙置业有限公司');
    expect(logged.texts[0]).toMatch(/1\. 变电站扩容慢[\s\S]*2\. 缺焊工30名/);
    expect(logged.texts[0]).toContain('确认 1 2');
    const stored = await h.visits.get(1);
    expect(stored).toMatchObject({ enterpriseId: 'yilong', mode: 'onsite', date: '2026-11-23', by: { personId: 'zhangwei' }, note: expect.stringContaining('二期用电') });
    expect(stored!.problems.map((p) => p.ticketNo)).toEqual([null, null]);
    expect(await h.tickets.getByNo(1)).toBeNull();

    const confirmed = await h.say('zhangwei', '确认 1 2', { chatId: YILONG });
    expect(confirmed.outcome).toBe('visit V1: tickets #1 #2');
    const [t1, t2] = [(await h.ticket(1))!, (await h.ticket(2))!];
    expect(t1).toMatchObject({ visitNo: 1, enterpriseId: 'yilong', chatId: YILONG, status: 'pending_claim', summary: expect.stringContaining('变电站') });
    expect(t2).toMatchObject({ visitNo: 1, enterpriseId: 'yilong', chatId: YILONG, category: 'talent' });
    // routed as an enterprise's report is: the commissioner (服务专员) of a key enterprise, told privately
    expect(t1.assignee?.personId).toBe('zhangwei');
    expect(confirmed.sent.filter(isReply).map((s) => s.message.text).join('\n')).toContain('走访发现 · V1');
    expect((await h.visits.get(1))!.problems.map((p) => p.ticketNo)).toEqual([1, 2]);

    // the same confirmation again, and the same message redelivered: no ticket twice
    const again = await h.say('zhangwei', '都建单', { chatId: YILONG });
    expect(again.outcome).toBe('visit:not-found');
    const twice = await h.say('zhangwei', '确认 V1 2', { chatId: YILONG });
    expect(twice.texts.join('\n')).toContain('此前已建单');
    const redelivered = await h.again(confirmed.msg);
    expect(redelivered.outcome).toBe('visit V1: tickets #1 #2');
    expect(await h.ticket(3)).toBeNull();

    // in the same 问题台账 as reported problems, their source named
    const other = await h.say('chenjl', '我们厂区门口的路灯坏了一个月了', { chatId: YILONG });
    expect(other.outcome).toMatch(/^ticket #3 created/);
    const wb = new ExcelJS.Workbook();
    const buf = await buildLedger(await h.tickets.forLedger({}), { directory: new Directory(directory), calendar: cal, timezone: 'Asia/Shanghai', now: MONDAY });
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题台账')!;
    const col = LEDGER_HEADERS.indexOf('来源') + 1;
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(col).value)).toEqual(['走访发现 V1', '走访发现 V1', '企业反映']);
  });

  it('a visit logged twice by one message is one visit; another message is another', async () => {
    const first = await h.say('zhangwei', '今天上门服务天赐生态，无问题', privately('zhangwei'));
    expect(first.texts[0]).toContain('未发现问题');
    const again = await h.again(first.msg);
    expect(again.outcome).toBe('visit V1 already logged');
    expect(await h.visits.get(2)).toBeNull();
    expect((await h.say('wangfang', '電話回訪天賜生態，無問題', privately('wangfang'))).outcome).toBe('visit V2 logged');
    expect(await h.visits.get(2)).toMatchObject({ mode: 'phone', enterpriseId: 'tianci' });
  });

  it('only the enterprise rates a visit-found ticket: the cadre who logged it is not its enterprise', async () => {
    await h.say('zhangwei', LOG, { chatId: YILONG });
    await h.say('zhangwei', '确认 1', { chatId: YILONG });
    await h.say('zhangwei', '认领 #1', { chatId: YILONG });
    const answered = await h.say('zhangwei', '办结 #1 已协调供电公司加快扩容', { chatId: YILONG });
    // the request to rate addresses the group, not the cadre
    expect(answered.texts[0]).not.toContain('{{mention:');
    const cadre = await h.say('zhangwei', '#1 满意', { chatId: YILONG });
    expect(cadre.texts[0]).toContain('只有本企业联系人');
    expect((await h.ticket(1))!.rating ?? null).toBeNull();
    await h.say('chenjl', '#1 满意', { chatId: YILONG });
    expect((await h.ticket(1))!.rating?.level).toBe('satisfied');
  });
});

describe('who may log, and where a visit is shown', () => {
  it('an enterprise contact cannot log a visit; an enterprise asking for one is still a report', async () => {
    const refused = await h.say('chenjl', '走访 亿龙置业 了解用电情况，无问题', { chatId: YILONG });
    expect(refused.outcome).toBe('visit:not-staff');
    expect(refused.texts[0]).toContain('由工作人员登记');
    expect(await h.visits.get(1)).toBeNull();
    const report = await h.say('chenjl', '希望政府上门走访一下，我们二期用电扩容一个月了还没批下来', { chatId: YILONG });
    expect(report.outcome).toMatch(/^ticket #1 created/);
    const mine = await h.say('chenjl', '我的走访', { chatId: YILONG });
    expect(mine.outcome).toBe('visit:not-staff');
  });

  it('a visit to one enterprise logged in another enterprise’s group: the notes go privately, the group hears a short line', async () => {
    const r = await h.say('0411001', '走访 亿龙置业 了解融资需求，发现问题：贷款审批慢', { chatId: TIANCI, platform: 'dingtalk' });
    const inGroup = r.sent.filter(isReply).map((s) => s.message.text).join('\n');
    expect(inGroup).toContain('已登记走访 V1');
    expect(inGroup).not.toContain('贷款');
    expect(inGroup).not.toContain('亿龙');
    expect(r.sent.find(isUser('0411001'))?.message.text).toContain('贷款审批慢');
    // and its ticket belongs to the visited enterprise's own group, not to this one
    const c = await h.say('0411001', '确认 1', { chatId: TIANCI, platform: 'dingtalk' });
    expect(c.sent.filter(isReply).map((s) => s.message.text).join('\n')).not.toContain('贷款');
    const t = (await h.ticket(1))!;
    expect(t.enterpriseId).toBe('yilong');
    expect(t.chatId).not.toBe(TIANCI);
    expect(c.sent.some(isGroup(TIANCI))).toBe(false);
  });

  it('走访情况 is for leaders in their group or privately; 我的走访 never goes into an enterprise group', async () => {
    expect((await h.say('zhangwei', '走访情况', privately('zhangwei'))).texts[0]).toContain('只有领导和管理员');
    expect((await h.say('lihua', '走访情况', { chatId: YILONG })).outcome).toBe('visit:overview-not-here');
    expect((await h.say('lihua', '走访情况', { chatId: LEADERS })).outcome).toBe('visit:overview');
    const mine = await h.say('zhangwei', '我的走访', { chatId: YILONG });
    expect(mine.outcome).toBe('visit:mine');
    expect(mine.sent.some(isUser('zhangwei'))).toBe(true);
    expect(mine.sent.filter(isReply).map((s) => s.message.text).join('')).toContain('已私信');
  });
});

describe('what the review found', () => {
  it('a retried 确认 whose first attempt stopped before the visit was saved sends the same cards and notices, and opens nothing more', async () => {
    await h.say('zhangwei', LOG, { chatId: YILONG });
    const first = await h.say('zhangwei', '都建单', { chatId: YILONG });
    expect(first.outcome).toBe('visit V1: tickets #1 #2');
    // as if the job had died after opening the tickets, before the visit recorded them
    await h.visits.save({ ...(await h.visits.get(1))!, problems: (await h.visits.get(1))!.problems.map((p) => ({ ...p, ticketNo: null })), history: [] });
    const retry = await h.again(first.msg);
    expect(retry.outcome).toBe('visit V1: tickets #1 #2');
    const key = (x: { cause: string; index: number; target: unknown; message: { text: string } }) => JSON.stringify([x.cause, x.index, x.target, x.message.text]);
    expect(retry.sent.map(key)).toEqual(first.sent.map(key));
    expect(await h.ticket(3)).toBeNull();
    expect((await h.visits.get(1))!.problems.map((p) => p.ticketNo)).toEqual([1, 2]);
  });

  it('an edit keeps what it does not write (date, project), adds no problem twice, and never moves a visit with tickets', async () => {
    await h.say('zhangwei', '11月20日 走访 亿龙二期 了解施工进度，发现问题：1.渣土车证未办 2.缺安全员', privately('zhangwei'));
    expect(await h.visits.get(1)).toMatchObject({ date: '2026-11-20', projectId: 'yilong-phase2', enterpriseId: 'yilong' });
    await h.say('zhangwei', '确认 1', privately('zhangwei'));
    const edited = await h.say('zhangwei', '修改走访 V1 电话回访，了解施工进度，发现问题：1.渣土车证未办 2.缺安全员 3.夜间施工扰民', privately('zhangwei'));
    expect(edited.outcome).toBe('visit V1 edited');
    const v = (await h.visits.get(1))!;
    expect(v).toMatchObject({ date: '2026-11-20', projectId: 'yilong-phase2', enterpriseId: 'yilong', mode: 'phone' });
    expect(v.problems.map((p) => [p.n, p.text, p.ticketNo])).toEqual([[1, '渣土车证未办', 1], [2, '缺安全员', null], [3, '夜间施工扰民', null]]);
    const moved = await h.say('zhangwei', '修改走访 V1 走访 天赐生态 了解施工进度', privately('zhangwei'));
    expect(moved.texts[0]).toContain('不能改为其他企业');
    expect((await h.visits.get(1))!.enterpriseId).toBe('yilong');
  });

  it('a follow-up that names no enterprise is not a visit; an enterprise’s person is not a companion; a past-less date is told', async () => {
    const followUp = await h.say('zhangwei', '电话沟通了，问题已解决', { chatId: YILONG });
    expect(followUp.outcome).not.toMatch(/^visit/);
    expect(await h.visits.get(1)).toBeNull();
    await h.say('zhangwei', '走访 亿龙置业 和@陈经理 @王芳 了解用电，无问题', { chatId: YILONG });
    expect((await h.visits.get(1))!.companions.map((c) => c.name)).toEqual(['王芳']);
    const future = await h.say('zhangwei', '2026-12-25 走访 亿龙置业，无问题', { chatId: YILONG });
    expect(future.outcome).toBe('visit:bad-date');
    expect(await h.visits.get(2)).toBeNull();
  });

  it('an admin may correct a visit after the day the author had; the author may not', async () => {
    await h.say('zhangwei', '走访 亿龙置业 了解用电，无问题', privately('zhangwei'));
    h.setNow('2026-11-25T02:00:00.000Z');
    expect((await h.say('zhangwei', '删除走访 V1', privately('zhangwei'))).outcome).toBe('visit:delete-refused');
    expect((await h.say('xiaoer-admin', '删除走访 V1', privately('xiaoer-admin'))).outcome).toBe('visit V1 deleted');
  });
});

describe('the numbers', () => {
  it('the month digest carries a visits line once visits are logged, with 批次 and 人次 apart; none before', async () => {
    expect((await h.say('lihua', '月报', { chatId: LEADERS })).texts[0]).not.toContain('助企走访');
    await h.say('zhangwei', '走访 亿龙置业 和@王芳 @刘强 了解用工，发现问题：缺焊工', { chatId: YILONG });
    await h.say('wangfang', '电话回访天赐生态，无问题', privately('wangfang'));
    const month = (await h.say('lihua', '月报', { chatId: LEADERS })).texts[0]!;
    // 2 visits (批次); 3 cadres on the first + 1 on the second = 4 人次; 2 enterprises; 1 problem
    expect(month).toContain('助企走访：本月 2 批次、4 人次，服务企业 2 家，发现问题 1 个');
    const overview = (await h.say('lihua', '走访情况', privately('lihua'))).texts[0]!;
    expect(overview).toContain('2 批次、4 人次');
    const mine = (await h.say('wangfang', '我的走访', privately('wangfang'))).texts[0]!;
    expect(mine).toContain('V1');
    expect(mine).toContain('V2');
  });
});

describe('edits, deletions and links', () => {
  it('the author edits within a day; nobody else may; after a day nobody may', async () => {
    await h.say('zhangwei', '走访 亿龙置业 了解用电情况，无问题', { chatId: YILONG });
    const other = await h.say('wangfang', '修改走访 V1 电话回访 亿龙置业 了解用电情况，无问题', privately('wangfang'));
    expect(other.texts[0]).toContain('只能修改或删除本人登记');
    const edited = await h.say('zhangwei', '修改走访 V1 电话回访 亿龙置业 了解用电和用工情况，发现问题：缺电工', privately('zhangwei'));
    expect(edited.outcome).toBe('visit V1 edited');
    expect(await h.visits.get(1)).toMatchObject({ mode: 'phone', problems: [{ n: 1, text: '缺电工', ticketNo: null }], editedAt: expect.any(String) });
    expect((await h.visits.get(1))!.history.map((e) => e.type)).toEqual(['edit']);
    h.setNow('2026-11-24T02:00:00.000Z');
    const late = await h.say('zhangwei', '删除走访 V1', privately('zhangwei'));
    expect(late.texts[0]).toContain('超过一天');
    expect((await h.visits.get(1))!.deletedAt).toBeNull();
  });

  it('a visit whose problems became tickets cannot be deleted; one without can, and counts nowhere after', async () => {
    await h.say('zhangwei', LOG, { chatId: YILONG });
    await h.say('zhangwei', '确认 2', { chatId: YILONG });
    expect((await h.say('zhangwei', '删除走访 V1', privately('zhangwei'))).texts[0]).toContain('记录不能删除');
    await h.say('zhangwei', '今天电话回访天赐生态，无问题', privately('zhangwei'));
    const del = await h.say('zhangwei', '删除走访', privately('zhangwei'));
    expect(del.outcome).toBe('visit V2 deleted');
    expect((await h.visits.get(2))!.deletedAt).not.toBeNull();
    expect((await h.visits.onDates('2026-11-01', '2026-11-30')).map((x) => x.no)).toEqual([1]);
  });

  it('an enterprise not in the directory is kept as written and listed for an admin, who links it', async () => {
    const r = await h.say('wangfang', '上门走访宏达机械，了解技改项目进展，无问题', privately('wangfang'));
    expect(r.texts[0]).toContain('宏达机械（名录中无此企业，待管理员关联）');
    expect(await h.visits.get(1)).toMatchObject({ enterpriseId: null, enterpriseName: '宏达机械' });
    expect((await h.say('wangfang', '待关联走访', privately('wangfang'))).texts[0]).toContain('只有管理员');
    const list = await h.say('xiaoer-admin', '待关联走访', privately('xiaoer-admin'));
    expect(list.texts[0]).toContain('V1');
    expect(list.texts[0]).toContain('宏达机械');
    expect((await h.say('xiaoer-admin', '关联走访 V1 不存在的公司', privately('xiaoer-admin'))).outcome).toBe('visit:link-unknown');
    expect((await h.say('xiaoer-admin', '关联走访 V1 天赐生态科技', privately('xiaoer-admin'))).outcome).toBe('visit V1 linked to tianci');
    expect(await h.visits.get(1)).toMatchObject({ enterpriseId: 'tianci', enterpriseName: '浙江天赐生态科技有限公司' });
    expect(await h.visits.unlinked()).toEqual([]);
  });
});
