import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { DingtalkConfig, WecomConfig } from '../../config/index.js';
import type { Directory, Person } from '../domain/directory.js';
import { EVENT_LABELS, TICKET_STATUSES, CATEGORIES, type Ticket } from '../domain/ticket.js';
import type { PlatformId } from '../messages/inbound.js';
import { projectRoot } from '../infra/paths.js';
import { dingtalkSign } from '../platforms/dingtalk/sign.js';
import { createWecomCrypto } from '../platforms/wecom/crypto.js';
import { readRawBody } from '../server/raw-body.js';
import type { SimClock } from './clock.js';
import { createSimWecomSocket } from './wecom-ws.js';
import type { Server } from 'node:http';

/** Credentials the bot uses in simulator mode: made up per run, pointing at this process's own fake APIs. */
export function simulatorPlatforms(baseUrl: string, wecomMode: WecomConfig['mode'] = 'callback'): { wecom: WecomConfig; dingtalk: DingtalkConfig } {
  const alnum = () => randomBytes(48).toString('base64').replace(/[^A-Za-z0-9]/g, '');
  return {
    wecom: {
      mode: wecomMode,
      botToken: `sim${alnum().slice(0, 20)}`,
      botAesKey: alnum().slice(0, 43).padEnd(43, 'a'),
      // the long connection: the simulator serves WeCom's WebSocket protocol on its own port
      ...(wecomMode === 'long-connection'
        ? { longConnection: { botId: 'simbot', secret: alnum().slice(0, 32), url: `${baseUrl.replace(/^http/, 'ws')}/sim/wecom/ws` } }
        : {}),
      apiBase: `${baseUrl}/sim/wecom`,
      app: { corpId: 'wwsimulator', agentId: 1000001, agentSecret: alnum().slice(0, 32) },
    },
    dingtalk: { mode: 'http', appKey: 'dingsimulator', appSecret: alnum().slice(0, 40), robotCode: 'dingsimulator', apiBase: `${baseUrl}/sim/dingtalk`, oapiBase: `${baseUrl}/sim/dingtalk` },
  };
}

export interface FeedItem {
  id: number;
  /** `group:<platform>:<chatId>` or `user:<platform>:<userId>`. */
  conversation: string;
  from: 'bot' | 'user';
  sender?: string;
  format: 'markdown' | 'markdown_v2' | 'text';
  text: string;
  at: string;
}

interface SimDeps {
  baseUrl: string;
  platforms: { wecom: WecomConfig; dingtalk: DingtalkConfig };
  botName: string;
  clock: SimClock;
  directory(): Promise<Directory>;
  /** The working-day calendar: the clock jumps to the next working morning. */
  isWorkingDay(isoDate: string): boolean;
  /** Local `HH:MM` of the morning digest (policy `digest.time`). */
  digestTime: string;
  ticket(no: number): Promise<Ticket | null>;
  /** Runs the SLA reconcile and the digest tick now (after the clock moved). */
  tick(): Promise<void>;
  /** At most this many items in the feed (and reply routes) in memory; default FEED_LIMIT. */
  feedLimit?: number;
  /**
   * A one-time sign-in link to the workbench (/h5/) for a person of the directory (null: that person may not sign
   * in). Without it the page's 工作台 buttons answer that sign-in is not wired.
   */
  signInLink?(personId: string): Promise<string | null>;
  /** Where the built page is (simulator.html); default dist/web of the project. */
  webRoot?: string;
}

/** The simulator's memory: the last 2,000 messages are kept (a long demo does not grow the process). */
export const FEED_LIMIT = 2000;

/**
 * The group-chat simulator: a page, the platforms' send APIs that feed it, and an endpoint that turns what a person
 * types into a correctly encrypted (WeCom) or signed (DingTalk) callback to the bot's real webhook routes.
 */
export function createSimulator(deps: SimDeps) {
  const feed: FeedItem[] = [];
  let seq = 0;
  // this process's feed: ids start again at 1 after a restart, so the page, told another boot, starts again from 0
  const boot = randomBytes(6).toString('hex');
  const webRoot = deps.webRoot ?? join(projectRoot(), 'dist', 'web');
  const replyRoutes = new Map<string, string>();
  const limit = deps.feedLimit ?? FEED_LIMIT;
  // bounded: the oldest items go (the page asks for items after an id, so it never notices), and so do old routes
  const push = (item: Omit<FeedItem, 'id' | 'at'>) => {
    feed.push({ ...item, id: ++seq, at: deps.clock.now().toISOString() });
    if (feed.length > limit) feed.splice(0, feed.length - limit);
  };
  const route = (code: string, conversation: string) => {
    replyRoutes.set(code, conversation);
    for (const oldest of replyRoutes.keys()) {
      if (replyRoutes.size <= limit) break;
      replyRoutes.delete(oldest);
    }
  };
  const ok = (ctx: Context, body: unknown) => {
    ctx.type = 'application/json';
    ctx.body = body;
  };
  const json = async (ctx: Context): Promise<Record<string, any>> => {
    try {
      return JSON.parse((await readRawBody(ctx, 256 * 1024)).toString('utf8')) as Record<string, any>;
    } catch {
      return {};
    }
  };
  const wecomContent = (b: Record<string, any>) => {
    if (b.msgtype === 'template_card') {
      // a card (an answer with buttons, callback mode): its titles, key–value lines and buttons, as it reads
      const c = b.template_card ?? {};
      const lines = [
        `**${String(c.main_title?.title ?? '')}**${c.main_title?.desc ? ` ${String(c.main_title.desc)}` : ''}`,
        c.sub_title_text,
        ...(c.horizontal_content_list ?? []).map((h: { keyname?: string; value?: string }) => `> ${h.keyname ?? ''}：${h.value ?? ''}`),
        (c.button_list ?? []).map((x: { text?: string }) => `［${x.text ?? ''}］`).join(' '),
      ];
      return { format: 'markdown' as const, text: lines.filter(Boolean).join('\n') };
    }
    return b.msgtype === 'markdown_v2'
      ? { format: 'markdown_v2' as const, text: String(b.markdown_v2?.content ?? '') }
      : { format: 'markdown' as const, text: String(b.markdown?.content ?? b.text?.content ?? '') };
  };
  const dingContent = (b: Record<string, any>) => {
    if (b.msgParam) {
      const p = JSON.parse(String(b.msgParam)) as { text?: string; content?: string };
      return { format: 'markdown' as const, text: String(p.text ?? p.content ?? '') };
    }
    return { format: 'markdown' as const, text: String(b.markdown?.text ?? b.text?.content ?? '') };
  };

  const router = new Router();
  // WeCom over the long connection (XIAOER_SIMULATOR_WECOM=long-connection): the simulator serves the socket
  const lc = deps.platforms.wecom.longConnection;
  const wecomSocket = lc
    ? createSimWecomSocket({
        botId: lc.botId,
        secret: lc.secret,
        async conversationOf(chatid) {
          const group = (await deps.directory()).data.groups.find((g) => g.platform === 'wecom' && g.chatId === chatid);
          return group ? `group:wecom:${chatid}` : `user:wecom:${chatid}`;
        },
        show: (conversation, text) => push({ conversation, from: 'bot', format: 'markdown', text }),
      })
    : null;

  // —— the platforms' send APIs (wire formats as documented), feeding the page ——
  router.post('/sim/wecom/cgi-bin/aibot/response', async (ctx) => {
    const conv = replyRoutes.get(String(ctx.query.response_code));
    const body = await json(ctx);
    if (!conv) return ok(ctx, { errcode: 40001, errmsg: 'invalid response_code' });
    push({ conversation: conv, from: 'bot', ...wecomContent(body) });
    ok(ctx, { errcode: 0, errmsg: 'ok' });
  });
  router.post('/sim/wecom/cgi-bin/webhook/send', async (ctx) => {
    const key = String(ctx.query.key ?? '');
    const group = (await deps.directory()).data.groups.find((g) => g.platform === 'wecom' && g.webhookKey === key);
    const body = await json(ctx);
    if (!group) return ok(ctx, { errcode: 93000, errmsg: 'invalid webhook url' });
    push({ conversation: `group:wecom:${group.chatId}`, from: 'bot', ...wecomContent(body) });
    ok(ctx, { errcode: 0, errmsg: 'ok' });
  });
  router.get('/sim/wecom/cgi-bin/gettoken', (ctx) => ok(ctx, { errcode: 0, errmsg: 'ok', access_token: 'sim-wecom-token', expires_in: 7200 }));
  router.post('/sim/wecom/cgi-bin/message/send', async (ctx) => {
    const body = await json(ctx);
    for (const u of String(body.touser ?? '').split('|').filter(Boolean)) push({ conversation: `user:wecom:${u}`, from: 'bot', format: 'text', text: String(body.text?.content ?? '') });
    ok(ctx, { errcode: 0, errmsg: 'ok', invaliduser: '' });
  });
  router.post('/sim/dingtalk/v1.0/oauth2/accessToken', (ctx) => ok(ctx, { accessToken: 'sim-dingtalk-token', expireIn: 7200 }));
  router.post('/sim/dingtalk/v1.0/robot/groupMessages/send', async (ctx) => {
    const body = await json(ctx);
    push({ conversation: `group:dingtalk:${String(body.openConversationId)}`, from: 'bot', ...dingContent(body) });
    ok(ctx, { processQueryKey: randomUUID() });
  });
  router.post('/sim/dingtalk/v1.0/robot/oToMessages/batchSend', async (ctx) => {
    const body = await json(ctx);
    for (const u of (body.userIds as string[] | undefined) ?? []) push({ conversation: `user:dingtalk:${u}`, from: 'bot', ...dingContent(body) });
    ok(ctx, { processQueryKey: randomUUID(), invalidStaffIdList: [], flowControlledStaffIdList: [] });
  });
  router.post('/sim/dingtalk/robot/sendBySession', async (ctx) => {
    const conv = replyRoutes.get(String(ctx.query.session));
    const body = await json(ctx);
    if (!conv) return ok(ctx, { errcode: 300001, errmsg: 'session 不存在' });
    push({ conversation: conv, from: 'bot', ...dingContent(body) });
    ok(ctx, { errcode: 0, errmsg: 'ok' });
  });

  // —— the page (built by `npm run build:web` from web/simulator/; its /h5/assets/ are served with the workbench's) ——
  router.get('/simulator', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const file = join(webRoot, 'simulator.html');
    if (!existsSync(file)) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = '模拟器页面还没有构建：请先运行 npm run build（或 npm run build:web）。';
      return;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = readFileSync(file, 'utf8');
  });
  router.get('/simulator/api/state', async (ctx) => {
    const dir = await deps.directory();
    ok(ctx, {
      boot,
      now: deps.clock.now().toISOString(),
      digestTime: deps.digestTime,
      wecomMode: deps.platforms.wecom.mode,
      groups: dir.data.groups.map((g) => ({ key: `group:${g.platform}:${g.chatId}`, platform: g.platform, chatId: g.chatId, name: g.name, kind: g.kind, enterprise: g.enterprise ?? null })),
      people: dir.data.people.map((p) => ({ id: p.id, name: p.name, role: p.role, enterprise: p.enterprise ?? null, title: p.title ?? null, wecom: p.wecom ?? null, dingtalk: p.dingtalk ?? null })),
    });
  });
  // `since`: the last id the page has; `boot`: the process it had it from (another one: everything, from the start)
  router.get('/simulator/api/feed', (ctx) => {
    const sameBoot = ctx.query.boot === undefined || ctx.query.boot === boot;
    const since = sameBoot ? Number(ctx.query.since ?? 0) || 0 : 0;
    ok(ctx, { boot, now: deps.clock.now().toISOString(), items: feed.filter((f) => f.id > since) });
  });
  router.post('/simulator/api/signin', async (ctx) => {
    const body = await json(ctx);
    const person = (await deps.directory()).person(String(body.personId ?? ''));
    if (!person) {
      ctx.status = 404;
      return ok(ctx, { error: '通讯录里没有这个人。' });
    }
    if (!deps.signInLink) {
      ctx.status = 501;
      return ok(ctx, { error: '工作台登录还没有接入模拟器。' });
    }
    const url = await deps.signInLink(person.id);
    if (!url) {
      ctx.status = 403;
      return ok(ctx, { error: `${person.name} 不能登录工作台。` });
    }
    ok(ctx, { url });
  });
  router.post('/simulator/api/send', async (ctx) => {
    const body = await json(ctx);
    const dir = await deps.directory();
    const person: Person | undefined = dir.person(String(body.personId ?? ''));
    const text = String(body.text ?? '').trim();
    const [kind, platform, chatId] = String(body.conversation ?? '').split(':') as ['group' | 'user', PlatformId, string];
    if (!person || !text || !['wecom', 'dingtalk'].includes(platform) || !chatId || text.length > 2000) {
      ctx.status = 400;
      return ok(ctx, { error: '请选择会话、身份并输入消息。' });
    }
    const userId = person[platform];
    if (!userId) {
      ctx.status = 400;
      return ok(ctx, { error: `${person.name} 没有${platform === 'wecom' ? '企业微信' : '钉钉'}账号，请换一个身份。` });
    }
    const group = kind === 'group';
    const conversation = group ? `group:${platform}:${chatId}` : `user:${platform}:${userId}`;
    push({ conversation, from: 'user', sender: person.name, format: 'text', text });
    const code = randomUUID().replace(/-/g, '');
    route(code, conversation);
    const sentAt = deps.clock.now().getTime();
    let res: Response;
    if (platform === 'wecom' && wecomSocket) {
      // the long connection: the callback goes down the bot's own socket (no response_url: it answers on the socket)
      const delivered = wecomSocket.deliver(
        {
          msgid: `sim-${code}`,
          aibotid: 'SIMBOT',
          ...(group ? { chatid: chatId, chattype: 'group' } : { chattype: 'single' }),
          from: { userid: userId },
          create_time: Math.floor(sentAt / 1000),
          msgtype: 'text',
          text: { content: group ? `@${deps.botName} ${text}` : text },
        },
        conversation,
      );
      if (!delivered) ctx.status = 503;
      return ok(ctx, delivered ? { status: 200, conversation } : { error: '机器人还没有连上企业微信长连接，请稍候再发。' });
    }
    if (platform === 'wecom') {
      const payload = {
        msgid: `sim-${code}`,
        aibotid: 'SIMBOT',
        ...(group ? { chatid: chatId, chattype: 'group' } : { chattype: 'single' }),
        from: { userid: userId },
        create_time: Math.floor(sentAt / 1000),
        response_url: `${deps.platforms.wecom.apiBase}/cgi-bin/aibot/response?response_code=${code}`,
        msgtype: 'text',
        text: { content: group ? `@${deps.botName} ${text}` : text },
      };
      const crypto = createWecomCrypto({ token: deps.platforms.wecom.botToken!, encodingAesKey: deps.platforms.wecom.botAesKey!, receiveId: '' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = String(Math.floor(Math.random() * 1e9));
      const { encrypt, msgSignature } = crypto.seal(JSON.stringify(payload), timestamp, nonce);
      res = await fetch(`${deps.baseUrl}/webhooks/wecom?msg_signature=${msgSignature}&timestamp=${timestamp}&nonce=${nonce}`, { method: 'POST', body: JSON.stringify({ encrypt }) });
    } else {
      const payload = {
        msgtype: 'text',
        text: { content: ` ${text}` },
        msgId: `sim-${code}`,
        createAt: sentAt,
        conversationType: group ? '2' : '1',
        conversationId: group ? chatId : `cidPrivate-${userId}`,
        senderId: `$:sim:${userId}`,
        senderNick: person.name,
        senderStaffId: userId,
        chatbotUserId: '$:sim:bot',
        isInAtList: true,
        sessionWebhook: `${deps.platforms.dingtalk.oapiBase}/robot/sendBySession?session=${code}`,
        sessionWebhookExpiredTime: Date.now() + 90 * 60_000,
        robotCode: deps.platforms.dingtalk.robotCode,
      };
      const timestamp = String(Date.now());
      res = await fetch(`${deps.baseUrl}/webhooks/dingtalk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', timestamp, sign: dingtalkSign(timestamp, deps.platforms.dingtalk.appSecret) },
        body: JSON.stringify(payload),
      });
    }
    ok(ctx, { status: res.status, conversation });
  });
  router.post('/simulator/api/clock', async (ctx) => {
    const body = await json(ctx);
    if (body.to === 'next-digest') deps.clock.jumpToNext(deps.digestTime, (d) => deps.isWorkingDay(d));
    else if (typeof body.hours === 'number' && body.hours > 0 && body.hours <= 24 * 14) deps.clock.advance(body.hours * 3_600_000);
    else {
      ctx.status = 400;
      return ok(ctx, { error: 'to: "next-digest" or hours: 1…336' });
    }
    // kept (Redis) before anything runs on it: a restart from here on keeps the simulated time
    await deps.clock.saved();
    await deps.tick();
    ok(ctx, { now: deps.clock.now().toISOString() });
  });
  router.get('/simulator/api/tickets/:no', async (ctx) => {
    const t = await deps.ticket(Number(ctx.params.no));
    if (!t) {
      ctx.status = 404;
      return ok(ctx, { error: `未找到工单 #${ctx.params.no}` });
    }
    ok(ctx, {
      no: t.no,
      status: TICKET_STATUSES[t.status],
      summary: t.summary,
      enterprise: t.enterprise,
      category: CATEGORIES[t.category],
      urgency: t.urgency === 'urgent' ? '紧急' : '一般',
      assignee: t.assignee?.name ?? '待派单',
      resolutionDueAt: t.resolutionDueAt,
      text: t.text,
      events: t.events.map((e) => ({ at: e.at, label: EVENT_LABELS[e.type] ?? e.type, by: e.by?.name ?? e.by?.id ?? '', note: e.note ?? '' })),
    });
  });

  return {
    router,
    feed,
    boot,
    /** Serves the simulator's WeCom long connection on the bot's HTTP server (when it is on). */
    attach: (server: Server) => wecomSocket?.attach(server),
    close: () => wecomSocket?.close(),
  };
}
