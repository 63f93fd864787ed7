import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { actionDoneLabel, claimAction, isActionCommand, rateActions } from '../../../src/messages/actions.js';
import type { OutboundMessage, OutboundTarget } from '../../../src/messages/outbound.js';
import { toDingtalkActionCard } from '../../../src/platforms/dingtalk/render.js';
import { createDingtalkSender } from '../../../src/platforms/dingtalk/sender.js';
import type { TokenCache } from '../../../src/platforms/types.js';
import { decodeCardKey, encodeCardKey, toWecomCard, toWecomCardUpdate } from '../../../src/platforms/wecom/card.js';
import { wecomCallbackSchema } from '../../../src/platforms/wecom/payload.js';
import { createWecomSender, type WecomChannel } from '../../../src/platforms/wecom/sender.js';
import { wecomEventFrameToInbound, wecomToInbound } from '../../../src/platforms/wecom/to-inbound.js';
import { PlatformApiError } from '../../../src/shared/errors.js';

const at = new Date('2026-11-23T01:30:00.000Z');

/** The 受理 answer as the handler builds it (compose's output), with its button. */
const accepted: OutboundMessage = {
  format: 'markdown',
  title: '已受理 #12',
  text: [
    '**已受理 #12** {{mention:0}}',
    '> 问题：用电扩容申请一个月未批',
    '> 类别：水电气热 · 亿龙科技',
    '> 办理时限：2026-11-27（周五）',
    '> 责任人：{{mention:1}}（服务专员）',
    '请责任人签收：回复“认领 #12”。',
  ].join('\n'),
  mentions: [
    { platform: 'wecom', id: 'chenjl', name: '陈经理' },
    { platform: 'wecom', id: 'zhangwei', name: '张伟' },
  ],
  actions: [claimAction(12)],
};

describe('button commands and WeCom card keys', () => {
  it('only the button shapes are commands a button may carry', () => {
    expect(isActionCommand('认领 #12')).toBe(true);
    for (const a of rateActions(7)) expect(isActionCommand(a.command)).toBe(true);
    for (const bad of ['认领 #0', '认领 #12 ', '办结 #12 已解决', '#12 满意 理由', '#12 非常满意', '认领 #1234567890', 'hello', '']) {
      expect(isActionCommand(bad)).toBe(false);
    }
    expect(actionDoneLabel('认领 #12', '张伟')).toBe('张伟 已认领');
    expect(actionDoneLabel('#12 基本满意', '陈经理')).toBe('陈经理 已评价：基本满意');
  });

  it('a key round-trips its command', () => {
    for (const c of ['认领 #12', '#12 满意', '#12 基本满意', '#12 不满意']) {
      const key = encodeCardKey(c);
      expect(key).toMatch(/^cmd:[A-Za-z0-9_-]+$/);
      expect(Buffer.byteLength(key)).toBeLessThanOrEqual(1024);
      expect(decodeCardKey(key)).toBe(c);
    }
    expect(() => encodeCardKey('办结 #12')).toThrow();
  });

  it('a forged or malformed key is rejected', () => {
    const b64 = (s: string) => `cmd:${Buffer.from(s, 'utf8').toString('base64url')}`;
    // well-formed, but not a button's command: arbitrary text never reaches the bot
    expect(decodeCardKey(b64('办结 #12 已解决'))).toBeNull();
    expect(decodeCardKey(b64('转办 #12 @周明'))).toBeNull();
    expect(decodeCardKey(b64('认领 #12\n#13 满意'))).toBeNull();
    expect(decodeCardKey(b64('{{mention:0}} 认领 #12'))).toBeNull();
    // not ours, not base64url, not canonical, too long, not a string
    expect(decodeCardKey('认领 #12')).toBeNull();
    expect(decodeCardKey('done')).toBeNull();
    expect(decodeCardKey('cmd:')).toBeNull();
    expect(decodeCardKey('cmd:6K6k6aKGICMxMg==')).toBeNull();
    expect(decodeCardKey(`${encodeCardKey('认领 #12')}+`)).toBeNull();
    expect(decodeCardKey(`cmd:${'A'.repeat(2000)}`)).toBeNull();
    expect(decodeCardKey(undefined)).toBeNull();
    expect(decodeCardKey(12)).toBeNull();
  });
});

describe('WeCom template cards', () => {
  it('a message with buttons becomes a button_interaction card; the line telling what to type is left out', () => {
    const card = toWecomCard(accepted, 'xe-task-1')!;
    expect(card).toEqual({
      card_type: 'button_interaction',
      main_title: { title: '已受理 #12' },
      horizontal_content_list: [
        { keyname: '问题', value: '用电扩容申请一个月未批' },
        { keyname: '类别', value: '水电气热 · 亿龙科技' },
        { keyname: '办理时限', value: '2026-11-27（周五）' },
        { keyname: '责任人', value: '张伟（服务专员）' },
      ],
      button_list: [{ text: '认领', style: 1, key: encodeCardKey('认领 #12') }],
      task_id: 'xe-task-1',
    });
    // what the first line says after the title (not the names it mentions) is the title's note
    const visit = toWecomCard({ ...accepted, title: '已受理 #13', text: accepted.text.replace('**已受理 #12** {{mention:0}}', '**已受理 #13** （走访发现 · V1）') }, 'x')!;
    expect(visit.main_title).toEqual({ title: '已受理 #13', desc: '（走访发现 · V1）' });
    expect(toWecomCard({ ...accepted, actions: undefined }, 'x')).toBeNull();
    expect(toWecomCard({ ...accepted, actions: [{ label: '办结', command: '办结 #12' }] }, 'x')).toBeNull();
  });

  it('the update keeps the task_id and shows who did what in place of the buttons', () => {
    const reply: OutboundMessage = { format: 'markdown', text: '**#12 已签收**，由 张伟 办理。\n> 办理时限：2026-11-27（周五）', mentions: [], status: '张伟 已认领' };
    expect(toWecomCardUpdate(reply, 'xe-task-1')).toEqual({
      response_type: 'update_template_card',
      template_card: {
        card_type: 'button_interaction',
        main_title: { title: '#12 已签收，由 张伟 办理。' },
        horizontal_content_list: [{ keyname: '办理时限', value: '2026-11-27（周五）' }],
        button_list: [{ text: '张伟 已认领', style: 2, key: 'done' }],
        task_id: 'xe-task-1',
      },
    });
  });
});

describe('template_card_event → InboundMessage', () => {
  const event = (key: string, o: Record<string, unknown> = {}) => ({
    msgid: 'ev-1',
    aibotid: 'AIBOTID',
    chatid: 'wrkChat1',
    chattype: 'group',
    from: { userid: 'zhangwei' },
    create_time: 1700000000,
    msgtype: 'event',
    event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: key, task_id: 'xe-task-1' } },
    ...o,
  });

  it('long connection: the button\'s command from the tapper, answered by updating the card (req_id echoed)', () => {
    const r = wecomEventFrameToInbound({ reqId: 'req-9', body: event(encodeCardKey('认领 #12')) }, at);
    expect(r).toEqual({
      kind: 'message',
      raw: expect.anything(),
      message: {
        platform: 'wecom',
        eventId: 'ev-1',
        chatId: 'wrkChat1',
        chatType: 'group',
        sender: { platform: 'wecom', id: 'zhangwei' },
        text: '认领 #12',
        mentions: [],
        sentAt: new Date(1700000000 * 1000).toISOString(),
        card: { taskId: 'xe-task-1', reqId: 'req-9' },
        replyVia: { kind: 'wecom-card', reqId: 'req-9', taskId: 'xe-task-1' },
      },
    });
  });

  it('reads the SDK\'s shape too (key and task_id directly on the event), and a single chat by its user', () => {
    const body = event('', { chattype: 'single', chatid: undefined, event: { eventtype: 'template_card_event', event_key: encodeCardKey('#3 满意'), task_id: 't-2' } });
    const r = wecomEventFrameToInbound({ reqId: 'req-1', body }, at);
    expect(r).toMatchObject({ kind: 'message', message: { chatId: 'zhangwei', chatType: 'single', text: '#3 满意', card: { taskId: 't-2' } } });
  });

  it('callback mode: the answer goes to the event\'s own callback (by its msgid), its response_url kept for the text', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x';
    const cb = wecomCallbackSchema.parse(event(encodeCardKey('#12 不满意'), { response_url: url }));
    const r = wecomToInbound(cb, '店小二', at);
    expect(r).toMatchObject({
      kind: 'message',
      message: { text: '#12 不满意', card: { taskId: 'xe-task-1' }, replyVia: { kind: 'wecom-card-callback', eventId: 'ev-1', taskId: 'xe-task-1', url } },
    });
    const noUrl = wecomToInbound(wecomCallbackSchema.parse(event(encodeCardKey('#12 不满意'))), '店小二', at);
    expect(noUrl.kind === 'message' && noUrl.message.replyVia).toEqual({ kind: 'wecom-card-callback', eventId: 'ev-1', taskId: 'xe-task-1' });
  });

  it('a forged key, a bad task_id or another event is ignored', () => {
    const forged = `cmd:${Buffer.from('办结 #12 已解决').toString('base64url')}`;
    expect(wecomEventFrameToInbound({ reqId: 'r', body: event(forged) }, at)).toMatchObject({ kind: 'ignored' });
    expect(wecomEventFrameToInbound({ reqId: 'r', body: event('done') }, at)).toMatchObject({ kind: 'ignored' });
    const badTask = event(encodeCardKey('认领 #12'), { event: { eventtype: 'template_card_event', event_key: encodeCardKey('认领 #12'), task_id: 'a b' } });
    expect(wecomEventFrameToInbound({ reqId: 'r', body: badTask }, at)).toMatchObject({ kind: 'ignored' });
    expect(wecomEventFrameToInbound({ reqId: 'r', body: { ...event(''), event: { eventtype: 'enter_chat' } } }, at)).toMatchObject({ kind: 'ignored' });
    expect(wecomEventFrameToInbound({ reqId: 'r', body: { nonsense: true } }, at)).toMatchObject({ kind: 'ignored' });
  });
});

describe('WeCom sender: cards per mode', () => {
  const tokens: TokenCache = { get: async () => 'tok' };
  function fakeChannel(updateError?: Error) {
    const frames: { cmd: string; id: string; body: any }[] = [];
    const channel: WecomChannel = {
      isOpen: () => true,
      respond: async (id, body) => void frames.push({ cmd: 'respond', id, body }),
      updateCard: async (id, body) => {
        if (updateError) throw updateError;
        frames.push({ cmd: 'update', id, body });
      },
      send: async (id, body) => void frames.push({ cmd: 'send', id, body }),
    };
    return { frames, channel };
  }
  const lcSender = (channel: WecomChannel) =>
    createWecomSender({ mode: 'long-connection', apiBase: 'https://qyapi.weixin.qq.com' }, { webhookKey: async () => undefined, channel, tokens, rateLimitWaitMs: 1 });
  const reply = (replyVia?: any): OutboundTarget => ({ kind: 'reply', platform: 'wecom', chatId: 'wrkChat1', chatType: 'group', ...(replyVia ? { replyVia } : {}) });

  it('long connection: an answer is stream + card; a push is the markdown, then the card', async () => {
    const { frames, channel } = fakeChannel();
    const sender = lcSender(channel);
    await sender.send(reply({ kind: 'wecom-ws', reqId: 'req-1' }), accepted);
    expect(frames[0]).toMatchObject({ cmd: 'respond', id: 'req-1', body: { msgtype: 'stream_with_template_card', stream: { finish: true }, template_card: { card_type: 'button_interaction' } } });
    expect(frames[0]!.body.stream.content).toContain('<@zhangwei>');
    await sender.send({ kind: 'group', platform: 'wecom', chatId: 'wrkChat1' }, accepted);
    expect(frames.slice(1).map((f) => [f.cmd, f.body.msgtype])).toEqual([
      ['send', 'markdown'],
      ['send', 'template_card'],
    ]);
    expect(frames[2]!.body.template_card.button_list[0].key).toBe(encodeCardKey('认领 #12'));
  });

  it('long connection: the answer to a tap updates the card; too late, it is pushed as text', async () => {
    const done: OutboundMessage = { format: 'markdown', text: '**#12 已签收**，由 张伟 办理。', mentions: [], status: '张伟 已认领' };
    const ok = fakeChannel();
    await lcSender(ok.channel).send(reply({ kind: 'wecom-card', reqId: 'req-ev', taskId: 'xe-task-1' }), done);
    expect(ok.frames).toEqual([{ cmd: 'update', id: 'req-ev', body: toWecomCardUpdate(done, 'xe-task-1') }]);

    const late = fakeChannel(new PlatformApiError('wecom', 'aibot_respond_update_msg', 846608, 0, 'expired', false));
    await lcSender(late.channel).send(reply({ kind: 'wecom-card', reqId: 'req-ev', taskId: 'xe-task-1' }), done);
    expect(late.frames.map((f) => [f.cmd, f.id, f.body.msgtype])).toEqual([['send', 'wrkChat1', 'markdown']]);
  });

  describe('callback mode', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

    async function fakeApi() {
      const posts: { path: string; body: any }[] = [];
      server = createServer((req, res) => {
        let raw = '';
        req.on('data', (c) => (raw += c));
        req.on('end', () => {
          posts.push({ path: req.url ?? '', body: JSON.parse(raw) });
          res.setHeader('content-type', 'application/json');
          res.end('{"errcode":0,"errmsg":"ok"}');
        });
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      return { posts, base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
    }

    it('callback mode: response_url takes the card (names instead of mentions); the webhook takes no button_interaction card', async () => {
      const { posts, base } = await fakeApi();
      const sender = createWecomSender({ mode: 'callback', apiBase: base }, { webhookKey: async () => 'KEY', tokens, rateLimitWaitMs: 1 });
      await sender.send(reply({ kind: 'wecom-response-url', url: `${base}/cgi-bin/aibot/response?response_code=c1` }), accepted);
      expect(posts[0]!.path).toBe('/cgi-bin/aibot/response?response_code=c1');
      expect(posts[0]!.body).toEqual({ msgtype: 'template_card', template_card: { ...toWecomCard(accepted, 'x')!, task_id: expect.stringMatching(/^xe-/) } });
      expect(posts[0]!.body.template_card.horizontal_content_list).toContainEqual({ keyname: '责任人', value: '张伟（服务专员）' });
      expect(posts[0]!.body.template_card.button_list).toEqual([{ text: '认领', style: 1, key: encodeCardKey('认领 #12') }]);
      expect(JSON.stringify(posts[0]!.body)).not.toContain('<@');
      // an answer without buttons stays markdown, its mentions notifying
      await sender.send(reply({ kind: 'wecom-response-url', url: `${base}/cgi-bin/aibot/response?response_code=c2` }), { ...accepted, actions: undefined });
      expect(posts[1]!.body).toMatchObject({ msgtype: 'markdown' });
      expect(posts[1]!.body.markdown.content).toContain('<@zhangwei>');
      expect(posts[1]!.body.markdown.content).toContain('认领 #12');
      await sender.send({ kind: 'group', platform: 'wecom', chatId: 'wrkChat1' }, accepted);
      expect(posts[2]).toMatchObject({ path: '/cgi-bin/webhook/send?key=KEY', body: { msgtype: 'markdown' } });
      expect(posts[2]!.body.markdown.content).toContain('认领 #12');
    });

    it('callback mode: the answer to a tap is handed to the tap\'s callback; once that has answered, it goes as text', async () => {
      const { posts, base } = await fakeApi();
      const offers: { eventId: string; body: object }[] = [];
      let waiting = true;
      const cardReplies = {
        offer: async (eventId: string, body: object) => {
          offers.push({ eventId, body });
          return waiting;
        },
      };
      const sender = createWecomSender({ mode: 'callback', apiBase: base }, { webhookKey: async () => 'KEY', tokens, rateLimitWaitMs: 1, cardReplies });
      const done: OutboundMessage = { format: 'markdown', text: '**#12 已签收**', mentions: [], status: '张伟 已认领' };
      const url = `${base}/cgi-bin/aibot/response?response_code=t1`;
      await sender.send(reply({ kind: 'wecom-card-callback', eventId: 'ev-1', taskId: 'xe-task-1', url }), done);
      expect(offers).toEqual([{ eventId: 'ev-1', body: toWecomCardUpdate(done, 'xe-task-1') }]);
      expect(posts).toHaveLength(0);
      // too late: the event's response_url, as text
      waiting = false;
      await sender.send(reply({ kind: 'wecom-card-callback', eventId: 'ev-2', taskId: 'xe-task-1', url }), { ...done, actions: rateActions(12) });
      expect(posts[0]).toMatchObject({ path: '/cgi-bin/aibot/response?response_code=t1', body: { msgtype: 'markdown', markdown: { content: '**#12 已签收**' } } });
      // ... or, without one, the group's webhook
      await sender.send(reply({ kind: 'wecom-card-callback', eventId: 'ev-3', taskId: 'xe-task-1' }), done);
      expect(posts[1]).toMatchObject({ path: '/cgi-bin/webhook/send?key=KEY', body: { msgtype: 'markdown', markdown: { content: '**#12 已签收**' } } });
      // a tap's answer without any route back (no hand-over, no response_url): the group's webhook
      await sender.send(reply(), done);
      expect(posts[2]).toMatchObject({ path: '/cgi-bin/webhook/send?key=KEY', body: { msgtype: 'markdown', markdown: { content: '**#12 已签收**' } } });
    });

    it('DingTalk: ActionCard through the open API with the workbench link; plain markdown without a public address', async () => {
      const { posts, base } = await fakeApi();
      const cfg = { mode: 'http' as const, appKey: 'k', appSecret: 's', robotCode: 'ding1', apiBase: base, oapiBase: base };
      const rating: OutboundMessage = { format: 'markdown', text: '**#12 已答复（已解决）** {{mention:0}}\n请评价：回复“#12 满意”。', mentions: [{ platform: 'dingtalk', id: '0522001', name: '陈经理' }], actions: rateActions(12) };
      const session = { kind: 'dingtalk-session' as const, url: `${base}/robot/sendBySession?s=1`, expiresAt: Date.now() + 3_600_000 };
      const target: OutboundTarget = { kind: 'reply', platform: 'dingtalk', chatId: 'cidG1', chatType: 'group', replyVia: session };
      await createDingtalkSender(cfg, { tokens, rateLimitWaitMs: 1, publicUrl: 'https://xiaoer.example.gov.cn' }).send(target, rating);
      const sent = posts.at(-1)!;
      expect(sent.path).toBe('/v1.0/robot/groupMessages/send');
      expect(sent.body).toMatchObject({ robotCode: 'ding1', openConversationId: 'cidG1', msgKey: 'sampleActionCard3' });
      const param = JSON.parse(sent.body.msgParam);
      const link = `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent('https://xiaoer.example.gov.cn/h5/tickets/12')}&pc_slide=true`;
      expect(param).toMatchObject({ actionTitle1: '满意', actionURL1: link, actionTitle2: '基本满意', actionTitle3: '不满意', actionURL3: link });
      expect(param.text).toContain('@陈经理');

      await createDingtalkSender(cfg, { tokens, rateLimitWaitMs: 1 }).send(target, rating);
      expect(posts.at(-1)).toMatchObject({ path: '/robot/sendBySession?s=1', body: { msgtype: 'markdown' } });
    });
  });
});

describe('DingTalk ActionCard', () => {
  it('one button: sampleActionCard; none without a public address or a ticket button', () => {
    const card = toDingtalkActionCard({ ...accepted, mentions: [] }, 'https://x.example/');
    expect(card).toMatchObject({ msgKey: 'sampleActionCard', msgParam: { title: '已受理 #12', singleTitle: '认领' } });
    expect(card!.msgParam.singleURL).toBe(`dingtalk://dingtalkclient/page/link?url=${encodeURIComponent('https://x.example/h5/tickets/12')}&pc_slide=true`);
    expect(toDingtalkActionCard(accepted, undefined)).toBeNull();
    expect(toDingtalkActionCard({ ...accepted, actions: [] }, 'https://x.example')).toBeNull();
  });
});
