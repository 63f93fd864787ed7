import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { validateDirectory } from '../../../src/domain/directory.js';
import { isGroup, isReply, isUser, startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { sharedPath } from '../../helpers/shared.js';

/**
 * The command handlers through the real bot (createBot, the registered handler chain) and the real ticket service
 * (createTicketService: lock, idempotence, state machine, store) on a real database; only the outbox is captured.
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const directory = v.data;
const GROUP = 'wrkSFfCgAAyilong01';
/** Monday 2026-11-23 09:30 in Shanghai; late November 2026 has no holiday, so any calendar data agrees. */
const MONDAY = '2026-11-23T01:30:00.000Z';
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ label: 'commands', directory, now: MONDAY, calendar: cal });
});
afterEach(async () => {
  await h.close();
});

const openOne = () => h.say('chenjl', '我们用电扩容申请一个月了还没批下来', { chatId: GROUP });

describe('command handlers on the example directory', () => {
  it('退单 with a reason goes to the next in the routing chain; without a reason it is refused', async () => {
    await openOne();
    const noReason = await h.say('zhangwei', '退单 #1', { chatId: 'zhangwei', chatType: 'single' });
    expect(noReason.texts[0]).toContain('退单请写明理由');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_claim', returnCount: 0, assignee: { personId: 'zhangwei' } });
    const r = await h.say('zhangwei', '退单 #1 理由：扩容属供电公司职责', { chatId: 'zhangwei', chatType: 'single' });
    expect(r.outcome).toBe('#1 returned to wangfang');
    expect(r.texts[0]).toContain('#1 已退单，改派给 {{mention:0}}**，待签收');
    expect(r.texts[0]).toContain('理由：扩容属供电公司职责');
    expect(r.sent.some(isGroup(GROUP))).toBe(true);
    expect(r.sent.some(isUser('wangfang'))).toBe(true);
    // the notice names the enterprise and who passed it on, and why (found trying the product)
    const notice = r.sent.find(isUser('wangfang'))!.message.text;
    expect(notice).toContain('【改派】#1');
    expect(notice).toContain(`（${(await h.ticket(1))!.enterprise}）`);
    expect(notice).toContain('由 张伟 退单改派，理由：扩容属供电公司职责');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_claim', returnCount: 1, assignee: { personId: 'wangfang' } });
  });

  it('a cadre pressing on a number may not chase it, and is shown where it stands instead; nothing is counted', async () => {
    await openOne();
    const r = await h.say('zhangwei', '#1 签收了没有？都三天了', { chatId: GROUP });
    expect(r.outcome).toBe('#1 shown');
    expect(r.texts).toHaveLength(1);
    expect(r.texts[0]).toContain('抱歉，只有本企业联系人和领导才能催办 #1；该工单当前情况如下：');
    expect(r.texts[0]).toContain('**#1 待签收**');
    expect(r.texts[0]).toContain('责任人：张伟');
    expect(r.sent.some(isUser('zhangwei'))).toBe(false);
    const t = (await h.ticket(1))!;
    expect(t.urgeCount ?? 0).toBe(0);
    expect(t.events.some((e) => e.type === 'urge')).toBe(false);
    // the enterprise's own chase is still a chase
    expect((await h.say('chenjl', '#1 签收了没有？都三天了', { chatId: GROUP })).texts[0]).toContain('已催办 **#1**');
  });

  it('a chase of a ticket past its limit says it is overdue, in the group and to the one chased (found trying the product: it read as one made before the deadline)', async () => {
    await openOne();
    const before = await h.say('chenjl', '#1 催一下', { chatId: GROUP });
    expect(before.texts[0]).not.toContain('已超期');
    expect(before.sent.find(isUser('zhangwei'))?.message.text).not.toContain('已超期');
    h.setNow(new Date(Date.parse((await h.ticket(1))!.resolutionDueAt!) + 3_600_000).toISOString());
    const after = await h.say('chenjl', '#1 催一下', { chatId: GROUP });
    expect(after.texts[0]).toContain('，已超期）');
    expect(after.sent.find(isUser('zhangwei'))?.message.text).toContain('，已超期');
  });

  it('a claim that tells what was done records it as the first progress note; said again of a ticket in hand, the note only (rounds 300 and 310: "#79 已签收，电话联系了企业负责人，明天上门核实情况")', async () => {
    await openOne();
    const r = await h.say('zhangwei', '#1 已签收，电话联系了企业负责人，明天上门核实情况', { chatId: GROUP });
    expect(r.texts.join('\n')).toContain('#1 已签收');
    expect(r.texts.join('\n')).toContain('> 电话联系了企业负责人，明天上门核实情况');
    let t = (await h.ticket(1))!;
    expect(t.status).toBe('in_progress');
    expect(t.events.filter((e) => e.type === 'progress').map((e) => e.note)).toEqual(['电话联系了企业负责人，明天上门核实情况']);
    // the same message again (a retried job) changes nothing
    await h.again(r.msg);
    t = (await h.ticket(1))!;
    expect(t.events.filter((e) => e.type === 'progress')).toHaveLength(1);
    expect(t.events.filter((e) => e.type === 'claim')).toHaveLength(1);
    // a plain claim records no note
    await h.say('chenjl', '厂区门口的路灯坏了半个月，晚上下班看不见路', { chatId: GROUP });
    await h.say('zhangwei', '认领 #2', { chatId: GROUP });
    expect((await h.ticket(2))!.events.some((e) => e.type === 'progress')).toBe(false);
    // already in hand: the note is recorded, no refusal
    const again = await h.say('zhangwei', '#1 已签收 今天下午跟企业通了电话 约了周四上门', { chatId: GROUP });
    expect(again.texts.join('\n')).not.toContain('无法');
    t = (await h.ticket(1))!;
    expect(t.events.filter((e) => e.type === 'progress').map((e) => e.note)).toEqual(['电话联系了企业负责人，明天上门核实情况', '今天下午跟企业通了电话，约了周四上门']);
    expect(t.events.filter((e) => e.type === 'claim')).toHaveLength(1);
  });

  it('the enterprise says it is solved before the answer: told so, the assignee told what it said, nothing changes', async () => {
    await openOne();
    expect((await h.say('zhangwei', '认领 #1', { chatId: GROUP })).outcome).toContain('#1');
    const before = (await h.ticket(1))!;
    const r = await h.say('chenjl', '#1 已经解决了，谢谢', { chatId: GROUP });
    expect(r.texts[0]).toContain('#1 尚未答复。已将您的反馈转告责任人，答复后请再评价。');
    expect(r.texts.join('\n')).not.toContain('请回复评价等级');
    const dm = r.sent.find(isUser('zhangwei'))?.message.text ?? '';
    expect(dm).toContain('【企业反馈】#1');
    expect(dm).toContain('企业表示：已经解决了，谢谢');
    expect(dm).toContain('办结 #1');
    const after = (await h.ticket(1))!;
    expect(after.status).toBe('in_progress');
    expect(after.events).toHaveLength(before.events.length);
  });

  it('the enterprise reopens an answered ticket; urging counts and reminds the assignee privately', async () => {
    await openOne();
    expect((await h.say('zhangwei', '认领 #1', { chatId: GROUP })).outcome).toContain('#1');
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress' });
    const urged = await h.say('chenjl', '#1 催一下', { chatId: GROUP });
    expect(urged.texts[0]).toContain('已催办 **#1**');
    expect(urged.sent.find(isUser('zhangwei'))?.message.text).toContain('【催办】#1 第1次催办');
    // the outcome said after the answer is the outcome, not part of the answer (found trying the product: "答复：…下周完成 部分解决")
    const answered = await h.say('zhangwei', '办结 #1 已临时增容200千伏安，剩余容量明年一季度落实 部分解决', { chatId: GROUP });
    expect(answered.texts[0]).toContain('> 答复：已临时增容200千伏安，剩余容量明年一季度落实\n');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_rating', outcome: 'partial' });
    const reopened = await h.say('chenjl', '#1 还没解决，二期还是用不上电', { chatId: GROUP });
    expect(reopened.texts[0]).toContain('#1 已重新打开，转入重办');
    const t = (await h.ticket(1))!;
    expect(t).toMatchObject({ status: 'in_progress', reopenCount: 1, urgeCount: 1 });
    expect(t.events.at(-1)).toMatchObject({ type: 'reopen', note: '二期还是用不上电' });
    expect(t.events.map((e) => e.type)).toEqual(expect.arrayContaining(['accepted', 'claim', 'urge', 'resolve', 'reopen']));
  });

  it('"进度怎么样了" without a number asks after the enterprise\'s tickets and opens none (a new user\'s walk-through opened #2 "进度怎么样了")', async () => {
    await openOne();
    for (const text of ['进度怎么样了', '现在办得怎么样了？', '批下来没有', '结果出来了吗']) {
      const r = await h.say('chenjl', text, { chatId: GROUP });
      expect(r.texts[0]).toContain('#1');
      expect(r.texts[0]).not.toContain('已受理');
    }
    expect(await h.ticket(2)).toBeNull();
  });

  it('a list asked for in a group @-mentions the asker; sent privately it mentions no one', async () => {
    await openOne();
    const own = await h.say('chenjl', '我们的问题', { chatId: GROUP });
    expect(own.texts[0]).toContain('贵企业在办问题（1件）');
    expect(own.sent.find(isReply)?.message.mentions).toEqual([expect.objectContaining({ id: 'chenjl' })]);
    const alone = await h.say('chenjl', '我们的问题', { chatId: 'chenjl', chatType: 'single' as const });
    expect(alone.texts[0]).toContain('贵企业在办问题（1件）');
    expect(alone.sent.find(isReply)?.message.mentions).toEqual([]);
  });

  it('staff ask for one enterprise\'s tickets by name (round 336); an enterprise\'s contact gets only its own', async () => {
    await openOne();
    const privately = { chatId: 'zhangwei', chatType: 'single' as const };
    const named = await h.say('zhangwei', '帮我查一下亿龙置业的工单', privately);
    expect(named.texts[0]).toContain('浙江亿龙置业有限公司在办问题（1件）');
    expect(named.texts[0]).toContain('#1 ');
    expect((await h.say('zhangwei', '查一下天赐的所有工单', privately)).texts[0]).toBe('浙江天赐生态科技有限公司目前没有在办问题。');
    expect((await h.say('zhangwei', '查一下恒润电器的工单', privately)).texts[0]).toContain('未找到企业“恒润电器”');
    // a period or a state is no enterprise's name
    for (const text of ['查一下超期的工单', '看一下最近的问题']) expect((await h.say('zhangwei', text, privately)).texts.join('\n'), text).not.toContain('未找到企业');
    // the contact of 天赐 asking for 亿龙's tickets sees its own enterprise's, none of 亿龙's
    const other = await h.say('sunzg', '查一下亿龙置业的工单', { chatId: 'sunzg', chatType: 'single' as const });
    expect(other.texts[0]).not.toContain('#1 ');
    expect(other.texts[0]).toContain('贵企业目前没有在办问题');
    // asked in a group that is not 亿龙's, the list goes to the asker privately
    const inGroup = await h.say('zhangwei', '查一下亿龙置业的工单', { chatId: 'c1' });
    expect(inGroup.sent.filter((s) => !isUser('zhangwei')(s)).map((s) => s.message.text).join('\n')).not.toContain('#1 ');
    expect(inGroup.sent.filter(isUser('zhangwei')).map((s) => s.message.text).join('\n')).toContain('浙江亿龙置业有限公司在办问题（1件）');
  });

  it('"有人管吗", "等了一个礼拜了还没动静" without a number chase the enterprise\'s one open ticket and open none', async () => {
    await openOne();
    const r = await h.say('chenjl', '有人管吗', { chatId: GROUP });
    expect(r.texts[0]).toContain('已催办 **#1**');
    await h.say('chenjl', '等了一个礼拜了还没动静', { chatId: GROUP });
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 2 });
    await h.say('chenjl', '你们到底还管不管啊', { chatId: GROUP });
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 3 });
    expect(await h.ticket(2)).toBeNull();
  });

  it('a chase without its number in a private chat with the bot chases the enterprise\'s one open ticket opened in its group', async () => {
    const privately = { chatId: 'chenjl', chatType: 'single' as const };
    // nothing in hand: the number is asked for, plainly (a private chat has no one else to tell the sender from)
    const none = await h.say('chenjl', '有人管吗', privately);
    expect(none.texts[0]).toBe('未找到您可催办的在办工单，请注明工单编号，例如“#12 催一下”。');
    expect(none.sent.find(isReply)?.message.mentions).toEqual([]);
    await openOne();
    const r = await h.say('chenjl', '有人管吗', privately);
    expect(r.texts[0]).toContain('已催办 **#1**，已提醒');
    // the cadre is not in this chat: named, not mentioned
    expect(r.sent.find(isReply)?.message.mentions).toEqual([]);
    expect((await h.say('chenjl', '我们还在等', privately)).outcome).toBe('few words, pressing: #1 urged');
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 2 });
    expect(await h.ticket(2)).toBeNull();
  });

  it('a few words in the group while the enterprise\'s one problem was opened elsewhere (a private chat) show it, and open none', async () => {
    const elsewhere = await h.say('chenjl', '我们用电扩容申请一个月了还没批下来，影响二期投产', { chatId: 'chenjl', chatType: 'single' as const });
    expect(elsewhere.texts[0]).toContain('已受理 #1');
    const r = await h.say('chenjl', '我们还在等', { chatId: GROUP });
    expect(r.outcome).toBe('few words, no matter of their own: open tickets shown (1)');
    expect(await h.ticket(2)).toBeNull();
  });

  it('a few words about a matter, waiting or pressing ("这事怎么还没动静", "我们还在等"), chase the enterprise\'s one open ticket, or show several, and open none; with none open they are a report', async () => {
    // nothing open yet: the words are accepted as a report (the bot cannot tell what they are about)
    const first = await h.say('chenjl', '都半个月了', { chatId: GROUP });
    expect(first.texts[0]).toContain('已受理');
    await h.say('zhangwei', '#1 不是问题', { chatId: GROUP });
    await openOne();
    // one open ticket: chased — counted, its cadre told privately
    for (const text of ['这事怎么还没动静', '我们还在等', '都半个月了，能不能快点']) {
      const r = await h.say('chenjl', text, { chatId: GROUP });
      expect(r.outcome).toBe('few words, pressing: #2 urged');
      expect(r.texts[0]).toContain('已催办 **#2**');
      expect(r.sent.find(isUser('zhangwei'))?.message.text).toContain('【催办】#2');
    }
    expect(await h.ticket(2)).toMatchObject({ urgeCount: 3 });
    expect(await h.ticket(3)).toBeNull();
    // a short message that names its matter, or says what cannot be done, is a report all the same
    expect((await h.say('chenjl', '厂里又停电了', { chatId: GROUP })).texts[0]).toContain('已受理 #3');
    expect(await h.ticket(3)).toMatchObject({ category: 'utilities' });
    // two open: both shown, with how to chase one and how to report a new problem; nothing opened, nothing chased
    const two = await h.say('chenjl', '我们还在等', { chatId: GROUP });
    expect(two.outcome).toBe('few words, no matter of their own: open tickets shown (2)');
    expect(two.texts[0]).toContain('本群有 2 件在办工单，请注明编号，例如“#3 催一下”');
    expect(two.texts[0]).toMatch(/#2 .+\n#3 .+|#3 .+\n#2 .+/);
    expect(two.texts[0]).toContain('如需反映新的问题，请写明具体事项和诉求');
    expect(await h.ticket(4)).toBeNull();
    expect(await h.ticket(2)).toMatchObject({ urgeCount: 3 });
  });

  it('a rating typed without the number (满意, as the buttons say it) rates the one answered ticket awaiting it; none or several: the number is asked for', async () => {
    // nothing answered yet: nothing is rated, and the enterprise is told how to rate
    await openOne();
    const none = await h.say('chenjl', '满意', { chatId: GROUP });
    expect(none.outcome).toBe('no ticket number');
    expect(none.texts[0]).toContain('您目前没有待评价的工单');
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    await h.say('zhangwei', '办结 #1 已协调供电公司，下周送电', { chatId: GROUP });
    // not the enterprise's to rate: a cadre's 满意 rates nothing
    expect((await h.say('zhangwei', '满意', { chatId: GROUP })).outcome).toBe('no ticket number');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_rating' });
    const rated = await h.say('chenjl', '满意', { chatId: GROUP });
    expect(rated.outcome).toBe('#1 rated satisfied, closed');
    expect(rated.texts[0]).toContain('感谢评价！**#1 已办结**（满意）');
    expect(await h.ticket(1)).toMatchObject({ status: 'closed', rating: { level: 'satisfied' } });
    // two awaiting: which one is asked, and neither is rated
    await h.say('chenjl', '厂区门口的路灯坏了三盏，晚上工人下班很黑', { chatId: GROUP });
    await h.say('chenjl', '园区到厂里的公交线路停了，员工通勤很不方便', { chatId: GROUP });
    for (const no of [2, 3]) {
      await h.say('zhangwei', `认领 #${no}`, { chatId: GROUP });
      await h.say('zhangwei', `办结 #${no} 已处理`, { chatId: GROUP });
    }
    const two = await h.say('chenjl', '不满意，还是老样子', { chatId: GROUP });
    expect(two.outcome).toBe('no ticket number');
    expect(two.texts[0]).toContain('您有 2 件工单待评价，请注明编号');
    expect(two.texts[0]).toMatch(/#3 .*\n#2 /);
    expect(await h.ticket(2)).toMatchObject({ status: 'pending_rating' });
    expect(await h.ticket(3)).toMatchObject({ status: 'pending_rating' });
    // a leader asking for the figure is not rating anything
    expect((await h.say('lihua', '满意率多少了', { chatId: 'wrkSFfCgAAleaders1' })).outcome).not.toBe('no ticket number');
  });

  it('a greeting said to the bot gets one line on how to begin; thanks and acknowledgements get no answer', async () => {
    const hello = await h.say('chenjl', '你好，在吗', { chatId: GROUP });
    expect(hello.outcome).toBe('greeting answered');
    expect(hello.texts[0]).toContain('回复“帮助”查看更多用法');
    // a first try of the bot, a bare question mark: the same line (silence reads as a fault)
    for (const text of ['测试', 'test', '？？？']) expect((await h.say('chenjl', text, { chatId: GROUP })).outcome, text).toBe('greeting answered');
    const thanks = await h.say('chenjl', '好的，辛苦了', { chatId: GROUP });
    expect(thanks.outcome).toBe('chat ignored');
    expect(thanks.texts).toHaveLength(0);
    // letters the bot cannot read: said so, and how to begin; a word of thanks or assent in letters stays unanswered
    const mash = await h.say('chenjl', 'asdfgh', { chatId: GROUP });
    expect(mash.outcome).toBe('not understood');
    expect(mash.texts[0]).toContain('抱歉，未能理解您的意思。请用中文直接说明企业遇到的问题和诉求；回复“帮助”查看用法。');
    for (const text of ['ok', 'OK!', 'thx', 'thank you', 'haha', 'hhh', '666']) {
      const r = await h.say('chenjl', text, { chatId: GROUP });
      expect(r.outcome, text).toBe('chat ignored');
      expect(r.texts, text).toHaveLength(0);
    }
  });

  it('an enterprise asking 有人吗 while its problem is in hand is shown that problem and how to chase it', async () => {
    await openOne();
    const impatient = await h.say('chenjl', '有人吗？？？', { chatId: GROUP });
    expect(impatient.outcome).toBe('greeting answered with tickets in hand');
    expect(impatient.texts[0]).toContain('您好，您的问题正在办理中（1件）');
    expect(impatient.texts[0]).toContain('#1');
    expect(impatient.texts[0]).toContain('回复“催一下”');
    // a cadre's greeting is not answered with the group's tickets
    const cadre = await h.say('zhangwei', '在吗', { chatId: GROUP });
    expect(cadre.outcome).toBe('greeting answered');
    expect(cadre.texts[0]).toContain('回复“我的待办”查看您的待办工单');
  });

  it('a chase typed without the number urges the one ticket of this group still in hand; none or several: the number is asked for', async () => {
    const none = await h.say('chenjl', '上周报的那个扩容的事 麻烦再催催', { chatId: GROUP });
    expect(none.outcome).toBe('no ticket number');
    expect(none.texts[0]).toContain('未找到您可催办的在办工单');
    await openOne();
    const one = await h.say('chenjl', '我们那个扩容的单子到底有冇人管啊，催一下', { chatId: GROUP });
    expect(one.outcome).toBe('#1 urged');
    expect(one.texts[0]).toContain('已催办 **#1**');
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 1 });
    await h.say('chenjl', '厂区门口的路灯坏了三盏，晚上工人下班很黑', { chatId: GROUP });
    const two = await h.say('chenjl', '上礼拜报的那个事 麻烦再催催', { chatId: GROUP });
    expect(two.outcome).toBe('no ticket number');
    expect(two.texts[0]).toContain('本群有 2 件在办工单，请注明编号，例如“#2 催一下”');
    expect(two.texts[0]).toMatch(/#2 .*\n#1 /);
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 1 });
    expect((await h.ticket(2))!.urgeCount ?? 0).toBe(0);
    // called by what it is about: the one of the two that is about it
    const lamp = await h.say('chenjl', '那个路灯的事 麻烦再催催', { chatId: GROUP });
    expect(lamp.outcome).toBe('#2 urged');
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 1 });
    // the chase first, then the matter, then how long (round 127)
    const first = await h.say('chenjl', '催一下那个扩容的，都半个月了', { chatId: GROUP });
    expect(first.outcome).toBe('#1 urged');
    expect(await h.ticket(1)).toMatchObject({ urgeCount: 2 });
    expect(await h.ticket(2)).toMatchObject({ urgeCount: 1 });
  });

  it('a chase without the number that calls its ticket by what none of this group\'s is about urges nothing and asks for the number', async () => {
    await openOne();
    const r = await h.say('chenjl', '那个排水沟的单子还没人管吗？再催一遍', { chatId: GROUP });
    expect(r.outcome).toBe('no ticket number');
    expect(r.texts[0]).toContain('本群未找到与“排水沟”相符的工单，请注明编号，例如“#1 催一下”：');
    expect(r.texts[0]).toContain('#1 ');
    expect((await h.ticket(1))!.urgeCount ?? 0).toBe(0);
  });

  it('这个我认领了 without the number claims the one ticket of this group waiting for it; an enterprise\'s claim claims nothing', async () => {
    await openOne();
    expect((await h.say('chenjl', '这个我认领了', { chatId: GROUP })).outcome).toBe('no ticket number');
    expect(await h.ticket(1)).toMatchObject({ status: expect.stringMatching(/accepted|pending_claim/) });
    const r = await h.say('zhangwei', '收到，这个我认领了', { chatId: GROUP });
    expect(r.outcome).toBe('#1 claimed');
    expect(r.texts[0]).toContain('#1 已签收');
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress' });
    // nothing left to claim: the number is asked for
    const again = await h.say('zhangwei', '这个我认领了', { chatId: GROUP });
    expect(again.outcome).toBe('no ticket number');
    expect(again.texts[0]).toContain('未找到您可签收的待签收工单');
  });

  it('a bare number opening a cadre\'s message names the ticket (217我接了, 217 已约规划局…): it claims and notes that one, and opens none', async () => {
    // the deployment has made 216 tickets before this one
    await h.conn.collection('counters').updateOne({ _id: 'ticket' as never }, { $set: { seq: 216 } }, { upsert: true });
    await openOne();
    expect(await h.ticket(217)).toMatchObject({ status: expect.stringMatching(/accepted|pending_claim/) });
    const r = await h.say('zhangwei', '217我接了，今天下午去厂里看看', { chatId: GROUP });
    // claimed, and what the cadre means to do is its first note
    expect(r.outcome).toBe('#217 progress');
    expect(await h.ticket(217)).toMatchObject({ status: 'in_progress' });
    expect((await h.ticket(217))!.events.filter((e) => e.type === 'claim' || e.type === 'progress').map((e) => [e.type, e.note ?? null])).toEqual([['claim', null], ['progress', '今天下午去厂里看看']]);
    const note = await h.say('zhangwei', '217 已经约了供电公司周四现场踏勘，让企业准备好图纸', { chatId: GROUP });
    expect(note.outcome).toMatch(/#217/);
    expect((await h.ticket(217))!.events.map((e: { type: string }) => e.type)).toContain('progress');
    expect(await h.ticket(218)).toBeNull();
  });

  it('a cadre\'s progress note without its number goes on the one ticket of the group in their hands, not into a new ticket', async () => {
    await openOne();
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    const r = await h.say('zhangwei', '已联系供电公司，周五现场勘察', { chatId: GROUP });
    expect(r.outcome).toBe('#1 progress');
    expect(r.texts[0]).toContain('#1 办理进展');
    expect((await h.ticket(1))!.events.at(-1)).toMatchObject({ type: 'progress', note: '已联系供电公司，周五现场勘察' });
    expect(await h.ticket(2)).toBeNull();
    // an enterprise's words of the same shape are its own (a report), never a note on the handling
    expect((await h.say('chenjl', '已联系供电公司，他们说线路要改造，等不了三个月', { chatId: GROUP })).outcome).not.toMatch(/progress/);
    // two of theirs in hand: asked which, nothing opened or noted
    await h.say('chenjl', '厂区门口的路灯坏了三盏，晚上工人下班很黑', { chatId: GROUP });
    const last = (await h.ticket(3)) ?? (await h.ticket(2));
    await h.say('zhangwei', `认领 #${last!.no}`, { chatId: GROUP });
    const before = (await h.ticket(1))!.events.length;
    const two = await h.say('zhangwei', '跟供电所沟通过了，下周一来装表', { chatId: GROUP });
    expect(two.outcome).toBe('no ticket number');
    expect(two.texts[0]).toContain('件您在办的工单，请注明编号');
    expect((await h.ticket(1))!.events).toHaveLength(before);
    // one of them named by what the note is about (路灯): that one
    const lamp = await h.say('zhangwei', '已联系路灯所，明晚前把坏的路灯换掉', { chatId: GROUP });
    expect(lamp.outcome).toBe(`#${last!.no} progress`);
    expect((await h.ticket(last!.no))!.events.at(-1)).toMatchObject({ type: 'progress', note: '已联系路灯所，明晚前把坏的路灯换掉' });
    expect((await h.ticket(1))!.events).toHaveLength(before);
  });

  it('a cadre\'s note of that shape with nothing in hand is a report, and its retried job does not take it as progress on the ticket it opened', async () => {
    const r = await h.say('zhangwei', '已联系亿龙置业，企业反映二期厂房用电扩容申请一个月了还没批下来', { chatId: GROUP });
    expect(r.outcome).toMatch(/^ticket #1 created, dispatched to zhangwei/);
    const again = await h.again(r.msg);
    expect(again.outcome).toMatch(/^ticket #1 already existed/);
    expect((await h.ticket(1))!.events.map((e) => e.type)).not.toContain('progress');
  });

  it('a claim without its number, retried after another ticket arrived, claims the same ticket again and no other', async () => {
    await openOne();
    const first = await h.say('zhangwei', '这个我认领了', { chatId: GROUP });
    expect(first.outcome).toBe('#1 claimed');
    await h.say('chenjl', '厂区门口的路灯坏了三盏，晚上工人下班很黑', { chatId: GROUP });
    const waiting = (await h.ticket(2))!;
    expect(waiting.status).toMatch(/accepted|pending_claim/);
    await h.again(first.msg);
    expect(await h.ticket(2)).toMatchObject({ status: waiting.status, assignee: waiting.assignee });
    expect((await h.ticket(1))!.events.filter((e) => e.type === 'claim')).toHaveLength(1);
  });

  it('还是没解决 without the number reopens the one answered ticket of this group; a cadre\'s words reopen nothing', async () => {
    await openOne();
    const early = await h.say('chenjl', '还是没解决', { chatId: GROUP });
    expect(early.outcome).toBe('no ticket number');
    expect(early.texts[0]).toContain('未找到可重办的已答复工单');
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    await h.say('zhangwei', '办结 #1 已协调供电公司，下周送电', { chatId: GROUP });
    expect((await h.say('zhangwei', '还是没解决', { chatId: GROUP })).outcome).toBe('no ticket number');
    expect(await h.ticket(1)).toMatchObject({ status: 'pending_rating' });
    const r = await h.say('chenjl', '还是没解决', { chatId: GROUP });
    expect(r.outcome).toBe('#1 reopened');
    expect(r.texts[0]).toContain('#1 已重新打开，转入重办');
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress', reopenCount: 1 });
  });

  it('a transfer names its target by @-name or department; an unknown target gets a clear answer', async () => {
    await openOne();
    expect((await h.say('zhangwei', '转办 #1 给隔壁老王', { chatId: GROUP })).texts[0]).toContain('未找到转办对象');
    expect((await h.ticket(1))!.assignee?.personId).toBe('zhangwei');
    const r = await h.say('zhangwei', '转办 #1 @周明', { chatId: GROUP });
    expect(r.outcome).toBe('#1 transferred to zhouming');
    expect((await h.ticket(1))!.assignee?.personId).toBe('zhouming');
    expect(r.sent.some(isUser('zhouming'))).toBe(true);
    // the one who moved it is not told of it privately
    expect(r.sent.some(isUser('zhangwei'))).toBe(false);
    expect(r.sent.find(isUser('zhouming'))?.message.text).not.toContain('已超期');
  });

  it('a ticket passed on when already late: the new handler is told it is overdue (found trying the product: he was not)', async () => {
    await openOne();
    const t = (await h.ticket(1))!;
    h.setNow(cal.addWorkingMinutes(t.resolutionDueAt, 120));
    const r = await h.say('zhangwei', '转办 #1 @周明', { chatId: GROUP });
    expect(r.outcome).toBe('#1 transferred to zhouming');
    expect(r.sent.find(isUser('zhouming'))?.message.text).toMatch(/办理时限：\S+（已超期）/);
  });

  it('a leader\'s transfer tells the cadre it was taken from privately (found trying the product: he learnt of it only when refused)', async () => {
    await openOne();
    expect((await h.ticket(1))!.assignee?.personId).toBe('zhangwei');
    const r = await h.say('lihua', '转办 #1 @周明', { chatId: GROUP });
    expect(r.outcome).toBe('#1 transferred to zhouming');
    const told = r.sent.filter(isUser('zhangwei')).map((s) => s.message.text);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('【改派】#1');
    expect(told[0]).toContain('已转由 周明 办理，您无需再跟进。');
  });

  it('the same message handled twice (a retried job) changes the ticket once: the service\'s idempotence', async () => {
    await openOne();
    const first = await h.say('chenjl', '#1 催一下', { chatId: GROUP });
    expect(first.texts[0]).toContain('已催办 **#1**');
    const before = (await h.ticket(1))!;
    expect(before.urgeCount).toBe(1);
    await h.again(first.msg);
    const after = (await h.ticket(1))!;
    expect(after.urgeCount).toBe(1);
    expect(after.events).toHaveLength(before.events.length);
  });
});

describe('clock commands', () => {
  async function claimedTicket() {
    await openOne();
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    expect(await h.ticket(1)).toMatchObject({ status: 'in_progress' });
  }

  it('待补充 pauses the clock and 已补充 (by the enterprise) with no working time passed keeps the deadline', async () => {
    await claimedTicket();
    const due = (await h.ticket(1))!.resolutionDueAt;
    expect((await h.say('zhangwei', '#1 待补充', { chatId: GROUP })).texts[0]).toContain('请写明需要企业补充的内容');
    expect((await h.ticket(1))!.pausedAt).toBeFalsy();
    const paused = await h.say('zhangwei', '#1 待补充：请提供二期用电负荷表', { chatId: GROUP });
    expect(paused.texts[0]).toContain('#1 需企业补充材料');
    expect((await h.ticket(1))!.pausedAt).toBe(MONDAY);
    const resumed = await h.say('chenjl', '#1 已补充', { chatId: GROUP });
    expect(resumed.texts[0]).toContain('#1 已恢复办理');
    expect(await h.ticket(1)).toMatchObject({ pausedAt: null, resolutionDueAt: due });
    expect((await h.ticket(1))!.events.map((e) => e.type).slice(-2)).toEqual(['pause', 'resume']);
  });

  it('待补充 … 已补充 later moves the deadline by exactly the paused working time', async () => {
    await claimedTicket();
    const due = (await h.ticket(1))!.resolutionDueAt;
    await h.say('zhangwei', '#1 待补充：请提供二期用电负荷表', { chatId: GROUP, at: L('2026-11-23T10:00:00') });
    // 10:00–12:00 and 13:30–14:00: 150 working minutes
    const resumed = await h.say('chenjl', '#1 已补充', { chatId: GROUP, at: L('2026-11-23T14:00:00') });
    const moved = cal.addWorkingMinutes(due, 150);
    expect(await h.ticket(1)).toMatchObject({ pausedAt: null, resolutionDueAt: moved });
    expect(resumed.texts[0]).toContain(cal.localDate(moved));
  });

  it('延期 within the allowance applies at once; a second one needs a leader, who approves it', async () => {
    await claimedTicket();
    expect((await h.say('zhangwei', '延期 #1 到12月2日', { chatId: GROUP })).texts[0]).toContain('延期请写明理由');
    expect((await h.ticket(1))!.extensionCount ?? 0).toBe(0);
    const first = await h.say('zhangwei', '延期 #1 到12月2日 理由：等待供电公司现场勘察', { chatId: GROUP });
    expect(first.texts[0]).toContain('#1 已延期');
    expect(first.texts[0]).toContain('2026-12-02');
    expect(await h.ticket(1)).toMatchObject({ extensionCount: 1, resolutionDueAt: L('2026-12-02T18:00:00') });
    const second = await h.say('zhangwei', '#1 延期3个工作日 原因：需省电力公司审批', { chatId: GROUP });
    expect(second.texts.some((x) => x.includes('已提交领导审批'))).toBe(true);
    expect(second.sent.some(isUser('lihua'))).toBe(true);
    expect((await h.ticket(1))!.pendingExtension).toMatchObject({ reason: '需省电力公司审批', by: 'zhangwei' });
    expect((await h.ticket(1))!.resolutionDueAt).toBe(L('2026-12-02T18:00:00'));
    expect((await h.say('zhangwei', '同意延期 #1', { chatId: GROUP })).texts[0]).toContain('抱歉，只有领导和管理员');
    const approved = await h.say('lihua', '同意延期 #1', { chatId: 'lihua', chatType: 'single' });
    expect(approved.texts[0]).toContain('#1 延期已批准');
    expect(await h.ticket(1)).toMatchObject({ extensionCount: 2, pendingExtension: null, resolutionDueAt: L('2026-12-07T18:00:00') });
  });

  it('an extension to an earlier date is refused and changes nothing', async () => {
    await claimedTicket();
    const before = (await h.ticket(1))!;
    const r = await h.say('zhangwei', '延期 #1 到11月24日 理由：x', { chatId: GROUP });
    expect(r.texts[0]).toContain('新的办理时限需晚于当前时限');
    expect(r.sent.filter((s) => !isReply(s))).toEqual([]);
    const after = (await h.ticket(1))!;
    expect(after.resolutionDueAt).toBe(before.resolutionDueAt);
    expect(after.events).toHaveLength(before.events.length);
  });

  it('the answer after 答复企业： reaches the enterprise as said, without 企业： at its head (found trying the product)', async () => {
    await openOne();
    await h.say('zhangwei', '认领 #1', { chatId: GROUP });
    const r = await h.say('zhangwei', '#1 答复企业：已协调供电公司，月底前完成增容', { chatId: GROUP });
    expect(r.texts[0]).toContain('已协调供电公司，月底前完成增容');
    expect(r.texts.join('\n')).not.toContain('企业：已协调');
  });
});
