import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config/index.js';
import { claimAction } from '../../src/messages/actions.js';
import type { InboundMessage, ReceiveResult } from '../../src/messages/inbound.js';
import type { OutboundMessage } from '../../src/messages/outbound.js';
import { decodeCardKey } from '../../src/platforms/wecom/card.js';
import { createWecomSender } from '../../src/platforms/wecom/sender.js';
import { startConnections, type Connections } from '../../src/runtime/connections.js';
import { createLogger } from '../../src/shared/logger.js';
import { testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { startFakeWecomWs, waitUntil, type FakeWecomWs } from '../helpers/fake-wecom-ws.js';

/**
 * A card's round trip over the long connection, on the fake WeCom server: the 受理 card goes out as template_card on
 * the socket, a tap comes back as `template_card_event` and is handed to the intake (runtime/connections.ts) as the
 * button's command, and the answer updates the card with `aibot_respond_update_msg` echoing the event's req_id.
 */
const BOT = 'bot-1';
const SECRET = 'card-secret-1';
const GROUP = 'wrkSFfCgAAyilong01';

let fake: FakeWecomWs;
let redis: Redis;
let connections: Connections | undefined;

beforeEach(async () => {
  fake = await startFakeWecomWs({ bots: { [BOT]: SECRET } });
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});
afterEach(async () => {
  await connections?.stop();
  connections = undefined;
  await fake.close();
  redis.disconnect();
});

describe('WeCom cards over the long connection', () => {
  it('card out as template_card, tap in as the command, update out echoing the event req_id', async () => {
    const config = {
      botName: '店小二',
      queuePrefix: testQueuePrefix(),
      connectionLeaseSec: 30,
      wecom: { mode: 'long-connection', apiBase: 'https://qyapi.weixin.qq.com', longConnection: { botId: BOT, secret: SECRET, url: fake.url } },
    } as unknown as Config;
    const accepted: ReceiveResult[] = [];
    connections = startConnections({ config, redis, log: createLogger('silent'), intake: { accept: async (r) => void accepted.push(r) as unknown as 'accepted' } });
    const channel = connections.wecomChannel!;
    await waitUntil(() => channel.isOpen(), 'the long connection open', 10_000);
    const sender = createWecomSender(config.wecom!, { webhookKey: async () => undefined, channel, tokens: { get: async () => 't' }, rateLimitWaitMs: 1 });

    // the 受理 card, pushed to the group: the markdown (with its mentions), then the card
    const card: OutboundMessage = {
      format: 'markdown',
      title: '已受理 #12',
      text: '**已受理 #12** {{mention:0}}\n> 问题：用电扩容\n> 责任人：{{mention:1}}（服务专员）\n请责任人签收：回复“认领 #12”。',
      mentions: [
        { platform: 'wecom', id: 'chenjl', name: '陈经理' },
        { platform: 'wecom', id: 'zhangwei', name: '张伟' },
      ],
      actions: [claimAction(12)],
    };
    await sender.send({ kind: 'group', platform: 'wecom', chatId: GROUP }, card);
    const pushed = fake.framesOf('aibot_send_msg').map((f) => f.body as Record<string, any>);
    expect(pushed.map((b) => [b.chatid, b.msgtype])).toEqual([
      [GROUP, 'markdown'],
      [GROUP, 'template_card'],
    ]);
    const tc = pushed[1]!.template_card;
    expect(tc).toMatchObject({ card_type: 'button_interaction', main_title: { title: '已受理 #12' }, button_list: [{ text: '认领' }] });
    expect(tc.task_id).toMatch(/^[0-9A-Za-z_\-@]{1,128}$/);
    expect(decodeCardKey(tc.button_list[0].key)).toBe('认领 #12');

    // the assignee taps 认领: an aibot_event_callback, handed to the intake as the command
    const tap = (msgid: string, userid: string) =>
      fake.pushEvent({
        msgid,
        aibotid: BOT,
        chatid: GROUP,
        chattype: 'group',
        from: { userid },
        create_time: Math.floor(Date.now() / 1000),
        msgtype: 'event',
        event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: tc.button_list[0].key, task_id: tc.task_id } },
      });
    const eventReq = tap('ev-tap-1', 'zhangwei');
    // other events are not stored
    fake.pushEvent({ msgid: 'ev-enter', aibotid: BOT, chattype: 'single', from: { userid: 'zhangwei' }, msgtype: 'event', event: { eventtype: 'enter_chat' } });
    // a second tap after it, down the same path: once it is stored, the event before it has been dealt with
    tap('ev-tap-2', 'lihua');
    await waitUntil(() => accepted.length >= 2, 'both taps stored');
    const msg = accepted.map((r) => (r as { kind: 'message'; message: InboundMessage }).message).find((m) => m.eventId === 'ev-tap-1')!;
    expect(msg).toMatchObject({
      eventId: 'ev-tap-1',
      chatId: GROUP,
      sender: { id: 'zhangwei' },
      text: '认领 #12',
      card: { taskId: tc.task_id, reqId: eventReq },
      replyVia: { kind: 'wecom-card', reqId: eventReq, taskId: tc.task_id },
    });

    // the handler's answer (what the bot sends for it: the reply, marked with who did what) updates the card
    const answer: OutboundMessage = { format: 'markdown', text: '**#12 已签收**，由 张伟 办理。\n> 办理时限：2026-11-27（周五）', mentions: [], status: '张伟 已认领' };
    await sender.send({ kind: 'reply', platform: 'wecom', chatId: msg.chatId, chatType: msg.chatType, replyVia: msg.replyVia }, answer);
    const updates = fake.framesOf('aibot_respond_update_msg');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.reqId).toBe(eventReq);
    expect(updates[0]!.body).toMatchObject({
      response_type: 'update_template_card',
      template_card: { card_type: 'button_interaction', task_id: tc.task_id, button_list: [{ text: '张伟 已认领' }] },
    });
    // the update was the answer: nothing else went to the group
    expect(fake.framesOf('aibot_send_msg')).toHaveLength(2);
    expect(fake.framesOf('aibot_respond_msg')).toHaveLength(0);
    // once the connection has stopped (it waits for its handlers), the other event was not stored
    await connections.stop();
    connections = undefined;
    expect(accepted.map((r) => (r as { kind: 'message'; message: InboundMessage }).message.eventId).sort()).toEqual(['ev-tap-1', 'ev-tap-2']);
  });
});
