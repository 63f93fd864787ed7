import { describe, expect, it } from 'vitest';
import { stripBotMention } from '../../../src/messages/inbound.js';
import { dingtalkCallbackSchema } from '../../../src/platforms/dingtalk/payload.js';
import { toDingtalkMarkdown } from '../../../src/platforms/dingtalk/render.js';
import { dingtalkToInbound } from '../../../src/platforms/dingtalk/to-inbound.js';
import { wecomCallbackSchema } from '../../../src/platforms/wecom/payload.js';
import { parseJsonSafe } from '../../../src/platforms/wecom/receiver.js';
import { toWecomMarkdown, truncateBytes } from '../../../src/platforms/wecom/render.js';
import { wecomToInbound } from '../../../src/platforms/wecom/to-inbound.js';

const at = new Date('2026-11-23T01:30:00.000Z');

describe('stripBotMention', () => {
  it('removes the bot wherever it stands, full-width @ too', () => {
    expect(stripBotMention('@店小二 我们停电了', '店小二', true)).toEqual({ text: '我们停电了', mentioned: true });
    expect(stripBotMention('＠店小二　我们停电了', '店小二', true).text).toBe('我们停电了');
    expect(stripBotMention('@王芳 @店小二 请看一下', '店小二', true).text).toBe('@王芳 请看一下');
  });
  it('in a group, removes a leading @-mention of a bot with another display name', () => {
    expect(stripBotMention('@RobotA hello robot', '店小二', true).text).toBe('hello robot');
    expect(stripBotMention('@RobotA hello robot', '店小二', false).text).toBe('@RobotA hello robot');
  });
});

describe('WeCom AI bot callback → InboundMessage', () => {
  const base = {
    msgid: 'CAIQ16HMjQYY',
    aibotid: 'AIBOTID',
    chatid: 'wrkChat1',
    chattype: 'group',
    from: { userid: 'chenjl' },
    response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x',
    create_time: 1700000000,
  };
  it('maps a text message', () => {
    const cb = wecomCallbackSchema.parse({ ...base, msgtype: 'text', text: { content: '@店小二 车间停电了' } });
    const r = wecomToInbound(cb, '店小二', at);
    expect(r).toMatchObject({
      kind: 'message',
      message: {
        platform: 'wecom',
        eventId: 'CAIQ16HMjQYY',
        chatId: 'wrkChat1',
        chatType: 'group',
        sender: { platform: 'wecom', id: 'chenjl' },
        text: '车间停电了',
        sentAt: '2023-11-14T22:13:20.000Z',
        replyVia: { kind: 'wecom-response-url', url: base.response_url },
      },
    });
  });
  it('joins the text parts of a mixed message', () => {
    const cb = wecomCallbackSchema.parse({
      ...base,
      msgtype: 'mixed',
      mixed: { msg_item: [{ msgtype: 'text', text: { content: '@店小二 现场照片如下' } }, { msgtype: 'image', image: { url: 'u' } }] },
    });
    const r = wecomToInbound(cb, '店小二', at);
    expect(r.kind === 'message' && r.message.text).toBe('现场照片如下');
  });
  it('ignores images and events', () => {
    expect(wecomToInbound(wecomCallbackSchema.parse({ ...base, msgtype: 'image' }), '店小二', at).kind).toBe('ignored');
    expect(wecomToInbound(wecomCallbackSchema.parse({ ...base, msgtype: 'event' }), '店小二', at).kind).toBe('ignored');
  });
  it('a single chat uses the sender as the conversation', () => {
    const cb = wecomCallbackSchema.parse({ ...base, chatid: undefined, chattype: 'single', msgtype: 'text', text: { content: '帮助' } });
    const r = wecomToInbound(cb, '店小二', at);
    expect(r.kind === 'message' && r.message).toMatchObject({ chatId: 'chenjl', chatType: 'single', text: '帮助' });
  });
  it('keeps 64-bit ids exact when parsing decrypted JSON', () => {
    expect(parseJsonSafe('{"MsgId":4561255354251345929,"n":1}')).toEqual({ MsgId: '4561255354251345929', n: 1 });
  });
});

describe('DingTalk callback → InboundMessage', () => {
  const base = {
    msgtype: 'text',
    text: { content: ' 你好' },
    msgId: 'msg0xxxxx',
    createAt: 1613630252678,
    conversationType: '2',
    conversationId: 'cidX==',
    senderId: '$:LWCP_v1:$Ff09',
    senderNick: '杨xx',
    senderStaffId: 'user123',
    chatbotUserId: '$:LWCP_v1:$bot',
    atUsers: [{ dingtalkId: '$:LWCP_v1:$bot' }, { dingtalkId: '$:x', staffId: 'wangfang' }],
    isInAtList: true,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=xxxxx',
    sessionWebhookExpiredTime: 1613635652738,
    robotCode: 'dingAppKey',
  };
  it('maps the documented sample', () => {
    const r = dingtalkToInbound(dingtalkCallbackSchema.parse(base), '店小二', at);
    expect(r).toMatchObject({
      kind: 'message',
      message: {
        platform: 'dingtalk',
        eventId: 'msg0xxxxx',
        chatId: 'cidX==',
        chatType: 'group',
        sender: { id: 'user123', name: '杨xx' },
        text: '你好',
        mentions: [{ platform: 'dingtalk', id: 'wangfang' }],
        sentAt: '2021-02-18T06:37:32.678Z',
        replyVia: { kind: 'dingtalk-session', expiresAt: 1613635652738 },
        robotCode: 'dingAppKey',
      },
    });
  });
  it('ignores pictures; reads rich text', () => {
    expect(dingtalkToInbound(dingtalkCallbackSchema.parse({ ...base, msgtype: 'picture' }), '店小二', at).kind).toBe('ignored');
    const rich = { ...base, msgtype: 'richText', content: { richText: [{ text: '路灯坏了' }, { downloadCode: 'x' }] } };
    const r = dingtalkToInbound(dingtalkCallbackSchema.parse(rich), '店小二', at);
    expect(r.kind === 'message' && r.message.text).toBe('路灯坏了');
  });
});

describe('rendering', () => {
  const msg = { format: 'markdown' as const, title: '已受理 #3', text: '**已受理 #3** {{mention:0}}\n> 类别：其他', mentions: [{ platform: 'wecom' as const, id: 'chenjl' }] };
  it('WeCom markdown mentions as <@userid>', () => {
    expect(toWecomMarkdown(msg)).toEqual({ msgtype: 'markdown', markdown: { content: '**已受理 #3** <@chenjl>\n> 类别：其他' } });
  });
  it('DingTalk needs @id in the text and in at.atUserIds, with blank-line breaks', () => {
    const d = toDingtalkMarkdown({ ...msg, mentions: [{ platform: 'dingtalk', id: '0522002' }] });
    expect(d.markdown.text).toBe('**已受理 #3** @0522002\n\n> 类别：其他');
    expect(d.at.atUserIds).toEqual(['0522002']);
    expect(d.markdown.title).toBe('已受理 #3');
  });
  it('cuts by UTF-8 bytes at a character boundary', () => {
    const s = '问'.repeat(2000); // 6000 bytes
    const cut = truncateBytes(s, 4096);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncateBytes('short', 4096)).toBe('short');
  });
});
