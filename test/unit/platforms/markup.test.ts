import { describe, expect, it } from 'vitest';
import { answer, compose, mentionOrName } from '../../../handlers/common.js';
import type { BotContext } from '../../../src/bot/context.js';
import type { OutboundMessage } from '../../../src/messages/outbound.js';
import { neutralizeUserText, toPlainText } from '../../../src/messages/outbound.js';
import { dingtalkCallbackSchema } from '../../../src/platforms/dingtalk/payload.js';
import { DINGTALK_MAX_BYTES, toDingtalkApiMarkdownParts, toDingtalkMarkdown, toDingtalkMarkdownParts } from '../../../src/platforms/dingtalk/render.js';
import { dingtalkToInbound } from '../../../src/platforms/dingtalk/to-inbound.js';
import { wecomCallbackSchema } from '../../../src/platforms/wecom/payload.js';
import { toWecomMarkdown } from '../../../src/platforms/wecom/render.js';
import { wecomToInbound } from '../../../src/platforms/wecom/to-inbound.js';
import { escalationPost } from '../../../src/platforms/sla-messages.js';
import type { Ticket } from '../../../src/domain/ticket.js';

const at = new Date('2026-11-23T01:30:00.000Z');
/** What a reader sees: invisible characters do not show. */
const seen = (s: string) => s.replace(/[\u2060\u200b]/g, '');
const TYPED = '停电了 {{mention:0}} <@zhangsan> {{warn:特急}} <font color="warning">红</font> **加粗** @{0} 完';
const REAL = { platform: 'wecom' as const, id: 'wangfang', name: '王芳' };

function viaWecom(text: string): string {
  const cb = wecomCallbackSchema.parse({ msgid: 'm1', chatid: 'c1', chattype: 'group', from: { userid: 'chenjl' }, msgtype: 'text', text: { content: `@店小二 ${text}` } });
  const r = wecomToInbound(cb, '店小二', at);
  if (r.kind !== 'message') throw new Error('ignored');
  return r.message.text;
}

function viaDingtalk(text: string): string {
  const cb = dingtalkCallbackSchema.parse({ msgId: 'm1', msgtype: 'text', text: { content: ` ${text}` }, conversationType: '2', conversationId: 'cid', senderStaffId: 's1' });
  const r = dingtalkToInbound(cb, '店小二', at);
  if (r.kind !== 'message') throw new Error('ignored');
  return r.message.text;
}

/** A handler's message quoting what the user typed, with one real mention. */
const quoting = (typed: string): OutboundMessage => compose(['**#3 办理进展** @{0}', `> ${typed}`], [REAL]);

describe('text typed by users never becomes markup', () => {
  for (const [platform, intake] of [['WeCom', viaWecom], ['DingTalk', viaDingtalk]] as const) {
    it(`${platform}: what was typed reads as typed after intake`, () => {
      expect(seen(intake(TYPED))).toBe(TYPED);
    });

    it(`${platform} intake → WeCom markdown: one real mention, the typed tokens shown as typed`, () => {
      const content = toWecomMarkdown(quoting(intake(TYPED))).markdown.content;
      expect(content.match(/<@/g)).toEqual(['<@']);
      expect(content).toContain('<@wangfang>');
      expect(content).not.toContain('<font');
      expect(seen(content)).toContain(`> ${TYPED}`);
    });

    it(`${platform} intake → DingTalk markdown: only the real mention is @-ed; no bold made from typed asterisks`, () => {
      const md = toDingtalkMarkdown({ ...quoting(intake(TYPED)), mentions: [{ platform: 'dingtalk', id: 'wangfang' }] });
      expect(md.at.atUserIds).toEqual(['wangfang']);
      const quoted = md.markdown.text.split('\n\n')[1]!;
      expect(quoted).not.toContain('**');
      expect(seen(quoted)).toBe(`> ${TYPED}`);
    });
  }

  it('text that reaches a message without intake (stored earlier, or rewritten by the LLM) cannot mention or colour either', () => {
    const msg = quoting('{{mention:0}} {{warn:假}} <@zhangsan>');
    const content = toWecomMarkdown(msg).markdown.content;
    expect(content.match(/<@/g)).toEqual(['<@']);
    expect(content).not.toContain('<font');
    expect(seen(toPlainText(msg))).toContain('{{mention:0}} {{warn:假}} <@zhangsan>');
    // plain text is final: it reads as typed without the invisible marks
    expect(toPlainText(quoting(viaWecom(TYPED)))).not.toContain('\u2060');
    expect(toPlainText(quoting(viaWecom(TYPED)))).toContain('**加粗**');
  });

  it('an escalation post quoting a summary the LLM wrote (never through intake) mentions only the people who must act', () => {
    const t = { no: 7, platform: 'wecom', summary: '停电 {{mention:0}} <@zhangsan> **急**', enterprise: '亿龙{{warn:x}}', assignee: { personId: 'wangfang', name: '王芳', wecom: 'wangfang' } } as unknown as Ticket;
    const step = { key: 'escalate-lead@2026-11-23T10:00:00.000Z', kind: 'escalate-lead' as const, at: '2026-11-24T10:00:00.000Z', target: 'lead' as const, dueAt: '2026-11-23T10:00:00.000Z' };
    const msg = escalationPost(step, t, [{ personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' }], { timezone: 'Asia/Shanghai', overdueDays: 1 });
    const content = toWecomMarkdown(msg).markdown.content;
    expect(content.match(/<@[^>]*>/g)).toEqual(['<@zhangwei>']);
    expect(content).not.toContain('<font');
    expect(seen(content)).toContain('停电 {{mention:0}} <@zhangsan>');
  });

  it('a short answer quoting the user does not @ anyone else', async () => {
    let sent: OutboundMessage | undefined;
    const ctx = { msg: { sender: { platform: 'wecom', id: 'chenjl' } }, reply: async (m: OutboundMessage) => void (sent = m) } as unknown as BotContext;
    await answer(ctx, '未找到“{{mention:0}} <@zhangsan>”');
    const content = toWecomMarkdown(sent!).markdown.content;
    expect(content.match(/<@/g)).toEqual(['<@']);
    expect(content.startsWith('<@chenjl>')).toBe(true);
  });
});

describe('DingTalk bold is never nested', () => {
  const dt = (text: string) => toDingtalkMarkdown({ format: 'markdown', text, mentions: [] }).markdown.text;
  it('a warning inside a bold line stays one bold run', () => {
    expect(dt('**{{warn:超期 3 件}}**（超期率 5%）')).toBe('**超期 3 件**（超期率 5%）');
    expect(dt('> #1 甲 · {{warn:超期2个工作日}}')).toBe('> #1 甲 · **超期2个工作日**');
  });
  it('bold inside bold shows no literal asterisks', () => {
    expect(dt('**已同意 **#12 已延期**，时限顺延**')).toBe('**已同意 #12 已延期，时限顺延**');
    expect(dt('**a **b** c**')).toBe('**a b c**');
    expect(dt('**#12 已延期**，办理时限调整为 12月2日')).toBe('**#12 已延期**，办理时限调整为 12月2日');
    expect(dt('****')).toBe('');
    expect(dt('**未闭合 的 ** 星号')).toBe('未闭合 的  星号');
  });
  it('the notification title carries no markup', () => {
    expect(toDingtalkMarkdown({ format: 'markdown', text: '## **{{warn:超期}}** 日报', mentions: [] }).markdown.title).toBe('超期 日报');
  });
  it('a long first line is cut for the title where a clause ends, never inside a date, and names people', () => {
    const urged = {
      format: 'markdown' as const,
      text: '**已催办 #1**，{{mention:0}} 请抓紧办理（办理时限：2026-12-03（周四）16:06）。\n> 问题：用电扩容',
      mentions: [{ platform: 'dingtalk' as const, id: '0411001', name: '张伟' }],
    };
    const m = toDingtalkMarkdown(urged);
    expect(m.markdown.title).toBe('已催办 #1，@张伟 请抓紧办理');
    // the text still mentions by id (DingTalk needs it there)
    expect(m.markdown.text).toContain('@0411001');
    // no clause end within 30 characters: cut and marked
    const long = '用电扩容申请一个月了还没批下来影响二期投产很急希望下周五前能批下来谢谢各位领导关心';
    expect(toDingtalkMarkdown({ format: 'markdown', text: long, mentions: [] }).markdown.title).toBe(`${long.slice(0, 29)}…`);
    // a short answer mentioning a sender without a name starts with its words
    expect(toDingtalkMarkdown({ format: 'text', text: '{{mention:0}} 请注明工单编号。', mentions: [{ platform: 'dingtalk', id: '0522002' }] }).markdown.title).toBe('请注明工单编号。');
    // a clause of exactly thirty characters is kept whole
    const thirty = '一二三四五六七八九十'.repeat(3);
    expect(toDingtalkMarkdown({ format: 'markdown', text: `${thirty}，后面还有话`, mentions: [] }).markdown.title).toBe(thirty);
  });
});

describe('DingTalk open-API markdown (no @ there): people by name, parts as the session\'s', () => {
  it('names each mention, an id never matched inside a longer one, and keeps the session\'s parts', () => {
    const msg = compose(['请 @{0} 和 @{1} 办理', '催办 #2'], [
      { platform: 'dingtalk', id: '0411', name: '王芳' },
      { platform: 'dingtalk', id: '04110', name: '张伟' },
    ]);
    const [part] = toDingtalkApiMarkdownParts(msg);
    expect(part!.markdown.text).toContain('请 @王芳 和 @张伟 办理');
    expect(part!.markdown.text).not.toMatch(/@\d/);
    expect(toDingtalkMarkdown(msg).markdown.text).toContain('@0411 和 @04110');
    const mail = compose(['请 @{0} 办理，邮箱 wang@0411.cn'], [{ platform: 'dingtalk', id: '0411', name: '王芳' }]);
    expect(toDingtalkApiMarkdownParts(mail)[0]!.markdown.text).toContain('请 @王芳 办理，邮箱 wang@0411.cn');
  });

  it('names from the mention tokens: an id typed by a user stays as typed', () => {
    const typed = compose(['请 @{0} 办理', `> 企业原话：${neutralizeUserText('已经找过@0411 了')}`], [{ platform: 'dingtalk', id: '0411', name: '王芳' }]);
    expect(toDingtalkApiMarkdownParts(typed)[0]!.markdown.text).toContain('请 @王芳 办理');
    expect(toDingtalkApiMarkdownParts(typed)[0]!.markdown.text).toContain('已经找过@0411 了');
  });

  it('names longer than ids: the parts are cut at the same places and none is over the limit either way', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `第${i + 1}项 请 @{0} 办理`);
    const msg = compose(lines, [{ platform: 'dingtalk', id: '7', name: '欧阳一二三四五六七八九十' }]);
    const session = toDingtalkMarkdownParts(msg);
    const api = toDingtalkApiMarkdownParts(msg);
    expect(api.length).toBe(session.length);
    expect(api.length).toBeGreaterThan(1);
    for (const p of api) expect(Buffer.byteLength(p.markdown.text, 'utf8')).toBeLessThanOrEqual(DINGTALK_MAX_BYTES);
    // the same lines in each part
    session.forEach((p, i) => expect(api[i]!.markdown.text.replaceAll('@欧阳一二三四五六七八九十', '@7')).toBe(p.markdown.text));
  });
});

describe('emphasis around a mention', () => {
  it('a {{warn:…}} holding a mention token is emphasised whole on both platforms', () => {
    const msg: OutboundMessage = { text: '{{warn:请 {{mention:0}} 今日回复}} 谢谢', mentions: [REAL] } as OutboundMessage;
    const ding = toDingtalkMarkdown({ ...msg, mentions: [{ ...REAL, platform: 'dingtalk' }] } as OutboundMessage);
    expect(ding.markdown.text).toContain('**请 @wangfang 今日回复**');
    expect(ding.markdown.text).not.toContain('}}');
    const wecom = (toWecomMarkdown(msg) as { markdown: { content: string } }).markdown.content;
    expect(wecom).toContain('<@wangfang> 今日回复');
    expect(wecom).not.toContain('}}');
  });
});

describe('a person is named once', () => {
  it('a mention where the person has an account on the platform, the bare name where not, nothing where nobody', () => {
    const withId = compose(['转办给 @{0}，待签收。'], [mentionOrName({ personId: 'wangfang', name: '王芳', wecom: 'wangfang' }, 'wecom')]);
    expect(withId.text).toBe('转办给 {{mention:0}}，待签收。');
    expect(withId.mentions).toEqual([REAL]);
    const noAccount = compose(['转办给 @{0}，待签收。'], [mentionOrName({ personId: 'wangfang', name: '王芳', wecom: 'wangfang' }, 'dingtalk')]);
    expect(noAccount.text).toBe('转办给 王芳，待签收。');
    expect(noAccount.mentions).toEqual([]);
    expect(compose(['转办给 @{0}，待签收。'], [null]).text).toBe('转办给 ，待签收。');
  });
});
