import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.js';
import type { createIntake } from '../bot/intake.js';
import type { ConnectionState } from '../platforms/connection.js';
import { readDingtalkCallback } from '../platforms/dingtalk/receiver.js';
import { createDingtalkStream, DINGTALK_ROBOT_TOPIC } from '../platforms/dingtalk/stream.js';
import { createWecomLongConnection, type WecomCallbackFrame } from '../platforms/wecom/long-connection.js';
import type { WecomChannel } from '../platforms/wecom/sender.js';
import { wecomEventFrameToInbound, wecomFrameToInbound } from '../platforms/wecom/to-inbound.js';
import { startSingleFlight } from '../queue/lease.js';
import type { ReceiveResult } from '../messages/inbound.js';
import type { Logger } from '../shared/logger.js';

type Intake = Pick<ReturnType<typeof createIntake>, 'accept'>;

/** Where a message is stored before it counts as received: the intake, retried through a short store outage. */
async function store(intake: Intake, result: ReceiveResult, log: Logger, attempts = 5): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await intake.accept(result, new Date());
      return;
    } catch (err) {
      if (i + 1 >= attempts) throw err;
      log.warn({ err: { message: (err as Error).message }, attempt: i + 1 }, 'store unavailable: trying the message again');
      await new Promise((r) => setTimeout(r, 500 * 2 ** i));
    }
  }
}

export interface Connections {
  /** WeCom long connection: the socket as the sender uses it (absent in callback mode). */
  wecomChannel?: WecomChannel;
  /** Every connection's state, for /readyz (a WeCom connection held by another instance is `standby`). */
  states(): ConnectionState[];
  stop(): Promise<void>;
}

/**
 * The connections the bot dials itself (no public address needed): WeCom's AI bot long connection and DingTalk's
 * Stream mode, each when its platform is configured that way. Both hand a message to the intake — stored under its
 * platform id, put in its conversation's line, enqueued — before it counts as received: DingTalk's frame is acked only
 * then (a crash before the ack: DingTalk delivers again, the store dedupes); WeCom has no ack and no redelivery, so a
 * message whose store fails after retries is lost and logged as such.
 *
 * WeCom holds one subscription per bot (a newer one makes WeCom drop the older): a Redis lease under the deployment's
 * prefix lets one process hold it; the others stand by and take over within the lease's ttl when it dies. DingTalk
 * spreads frames over every connection of the app, so each process may hold one; the store dedupes.
 */
export function startConnections(deps: { config: Readonly<Config>; redis: Redis; intake: Intake; log: Logger }): Connections {
  const { config, log } = deps;
  const stops: (() => Promise<void>)[] = [];
  // every state change is published at once (and all of them every few seconds: below)
  let publish: () => Promise<void> = async () => undefined;
  const onState = () => void publish();
  const states: (() => ConnectionState)[] = [];
  let wecomChannel: WecomChannel | undefined;

  const lc = config.wecom?.mode === 'long-connection' ? config.wecom.longConnection : undefined;
  if (lc) {
    const wlog = log.child({ connection: 'wecom' });
    const conn = createWecomLongConnection({
      url: lc.url,
      botId: lc.botId,
      secret: lc.secret,
      log: wlog,
      async onMessage(frame: WecomCallbackFrame) {
        await store(deps.intake, wecomFrameToInbound(frame, config.botName, new Date()), wlog);
      },
      onState,
      async onEvent(frame: WecomCallbackFrame) {
        const event = (frame.body as { event?: { eventtype?: string } } | null)?.event?.eventtype;
        if (event !== 'template_card_event') {
          wlog.debug({ event }, 'event callback');
          return;
        }
        // a tap on a card's button: the message its button stands for, stored like a typed one; the answer updates the
        // card with this frame's req_id (within WeCom's 5 s)
        await store(deps.intake, wecomEventFrameToInbound(frame, new Date()), wlog);
      },
    });
    const since = new Date().toISOString();
    const flight = startSingleFlight(deps.redis, `${config.queuePrefix}:wecom:long-connection`, {
      onAcquire() {
        wlog.info('this instance holds the WeCom long connection');
        conn.start();
      },
      async onLose(reason) {
        wlog.warn({ reason }, 'gave up the WeCom long connection');
        await conn.stop();
      },
    }, { ttlMs: config.connectionLeaseSec * 1000 });
    wecomChannel = {
      isOpen: () => flight.held() && conn.state().state === 'open',
      respond: (reqId, body) => conn.respond(reqId, body),
      updateCard: (reqId, body) => conn.updateCard(reqId, body),
      send: (chatid, body) => conn.send(chatid, body),
    };
    states.push(() =>
      flight.held() ? conn.state() : { platform: 'wecom', state: 'standby', since, reason: 'another instance holds the subscription', reconnects: 0 },
    );
    stops.push(async () => {
      await flight.stop();
      await conn.stop();
    });
  }

  const ding = config.dingtalk?.mode === 'stream' ? config.dingtalk : undefined;
  if (ding) {
    const dlog = log.child({ connection: 'dingtalk' });
    const stream = createDingtalkStream({
      gatewayBase: ding.streamBase ?? ding.apiBase,
      clientId: ding.appKey,
      clientSecret: ding.appSecret,
      log: dlog,
      onState,
      async onCallback(frame) {
        if (frame.topic !== DINGTALK_ROBOT_TOPIC) return;
        let result: ReceiveResult;
        try {
          result = readDingtalkCallback(frame.data, ding, config.botName, new Date());
        } catch (err) {
          // not ours or not a message: acked, and nothing stored (a redelivery would be the same frame)
          dlog.warn({ messageId: frame.messageId, reason: (err as Error).message }, 'stream callback ignored');
          return;
        }
        // one attempt: the frame stays unacked if it fails, and DingTalk delivers it again
        await deps.intake.accept(result, new Date());
      },
    });
    stream.start();
    states.push(() => stream.state());
    stops.push(() => stream.stop());
  }

  // each connection's state where any process of the deployment reads it (/readyz of a web process whose workers,
  // and so its connections, run in another process): a hash field per process and connection, refreshed every 5 s
  const instance = `${hostname()}:${process.pid}`;
  const key = `${config.queuePrefix}:connections`;
  publish = async () => {
    const now = new Date().toISOString();
    const fields = states.map((s) => s()).flatMap((st) => [`${instance}:${st.platform}`, JSON.stringify({ ...st, instance, at: now })]);
    if (fields.length) await deps.redis.hset(key, ...fields).catch(() => undefined);
  };
  const publisher = states.length ? setInterval(() => void publish(), PUBLISH_EVERY_MS) : undefined;
  publisher?.unref();
  if (states.length) void publish();

  return {
    wecomChannel,
    states: () => states.map((s) => s()),
    async stop() {
      clearInterval(publisher);
      await Promise.all(stops.map((s) => s()));
      if (states.length) {
        await deps.redis.hdel(key, ...states.map((s) => `${instance}:${s().platform}`)).catch(() => undefined);
      }
    },
  };
}

const PUBLISH_EVERY_MS = 5_000;

/**
 * Every live connection of the deployment, as its process last published it (within three publishing periods: a
 * process that died stops counting), for /readyz.
 */
export async function readConnectionStates(redis: Redis, prefix: string, now = Date.now()): Promise<(ConnectionState & { instance: string })[]> {
  const all = await redis.hgetall(`${prefix}:connections`).catch(() => ({}) as Record<string, string>);
  return Object.values(all)
    .map((v) => JSON.parse(v) as ConnectionState & { instance: string; at: string })
    .filter((s) => now - Date.parse(s.at) <= 3 * PUBLISH_EVERY_MS)
    .map(({ at, ...s }) => (void at, s))
    .sort((a, b) => a.platform.localeCompare(b.platform) || a.instance.localeCompare(b.instance));
}
