import { describe, expect, it } from 'vitest';
import { answerTarget } from '../../../src/bot/bot.js';
import type { InboundMessage } from '../../../src/messages/inbound.js';

const msg = (o: Partial<InboundMessage>): InboundMessage => ({
  platform: 'wecom',
  eventId: 'e1',
  chatId: 'wrkGroup1',
  chatType: 'group',
  sender: { platform: 'wecom', id: 'chenjl' },
  text: '确认 1 2',
  mentions: [],
  sentAt: '2026-11-23T01:30:00.000Z',
  ...o,
});
const via = { kind: 'wecom-response-url' as const, url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=1' };

// A WeCom AI bot's response_url takes one body (platforms.md, doc 101138): only the first answer to a message uses it.
describe('where the answers to one message go', () => {
  it('the first through the response_url; later ones to the group’s webhook, or privately in a single chat', () => {
    expect(answerTarget(msg({ replyVia: via }), 0)).toMatchObject({ kind: 'reply', chatId: 'wrkGroup1', replyVia: via });
    expect(answerTarget(msg({ replyVia: via }), 1)).toMatchObject({ kind: 'reply', chatId: 'wrkGroup1', chatType: 'group', replyVia: undefined });
    expect(answerTarget(msg({ replyVia: via, chatType: 'single', chatId: 'chenjl' }), 1)).toEqual({ kind: 'user', platform: 'wecom', userId: 'chenjl' });
  });

  it('channels that take many answers keep them all in the conversation (DingTalk’s sessionWebhook, none at all)', () => {
    const session = { kind: 'dingtalk-session' as const, url: 'https://oapi.dingtalk.com/robot/sendBySession?session=1', expiresAt: Date.parse('2026-11-23T02:30:00.000Z') };
    const d = msg({ platform: 'dingtalk', sender: { platform: 'dingtalk', id: '0522002' }, replyVia: session });
    expect(answerTarget(d, 1)).toMatchObject({ kind: 'reply', replyVia: session });
    expect(answerTarget(msg({}), 3)).toMatchObject({ kind: 'reply', chatId: 'wrkGroup1' });
  });
});
