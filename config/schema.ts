import { z } from 'zod';
import type { Policy } from './policy.js';

/** Empty strings in the environment mean "not set". */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (fallback: string) => z.string().trim().url({ message: 'must be a URL' }).default(fallback);

/** The raw environment, one entry per variable. Keys are the documented env names. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: optionalString.pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb://').optional()),
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, 'must start with redis://').optional()),
  XIAOER_DATA_DIR: z.string().trim().min(1).default('./data'),
  XIAOER_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => isValidTimeZone(tz), 'unknown IANA time zone'),
  XIAOER_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /**
   * Role all: the queue workers in a child process of their own (default), so that processing never starves the
   * acknowledgement path; inline: in this process (the simulator always runs them inline).
   */
  XIAOER_WORKERS: z.enum(['process', 'inline']).default('process'),
  /**
   * When an acknowledgement may be written to the overflow file on local disk instead of the store (src/bot/intake.ts):
   * auto (the store is slow to take it, default), always, or off (every message stored before it is acknowledged).
   */
  XIAOER_INTAKE_SPILL: z.enum(['auto', 'always', 'off']).default('auto'),
  XIAOER_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('xiaoer'),
  XIAOER_BOT_NAME: z.string().trim().min(1).default('店小二'),
  XIAOER_SIGNATURE_WINDOW_SEC: z.coerce.number().int().min(60).max(86400).default(3600),
  /** The WeCom long connection's Redis lease: a standby instance takes over within about this many seconds. */
  XIAOER_CONNECTION_LEASE_SEC: z.coerce.number().int().min(3).max(300).default(30),
  XIAOER_FERRETDB_BIN: optionalString,
  XIAOER_POLICY_FILE: optionalString,
  /** 1: serve the group-chat simulator; 0: never. Unset: on when no platform is configured. */
  XIAOER_SIMULATOR: optionalString.pipe(z.enum(['0', '1']).optional()),
  /** How the simulator's WeCom reaches the bot: callbacks (default) or the AI bot's long connection (a WebSocket it serves). */
  XIAOER_SIMULATOR_WECOM: z.enum(['callback', 'long-connection']).default('callback'),
  /** The address the HTTP server binds to while the simulator is on (it has no login): loopback unless told otherwise. */
  XIAOER_SIMULATOR_HOST: optionalString.pipe(
    z.string().regex(/^([A-Za-z0-9.-]+|[0-9A-Fa-f:]+)$/, 'must be a host name or an IP address').default('127.0.0.1'),
  ),
  /** Days a raw inbound payload (it holds response_url / sessionWebhook) is kept. */
  XIAOER_INBOUND_RETENTION_DAYS: optionalString
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number of days').optional())
    .transform((v) => (v === undefined ? 30 : Number(v)))
    .pipe(z.number().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days')),
  XIAOER_OUTBOUND_LIMIT: z.string().regex(/^\s*\d+\s*\/\s*\d+\s*(ms|s|m)\s*$/, 'must look like 20/60s').default('20/60s'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Prometheus /metrics on a port of its own, without the token (unset: /metrics on PORT, bearer ADMIN_TOKEN). */
  METRICS_PORT: optionalString
    .pipe(z.string().regex(/^\d+$/, 'must be a port number').optional())
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number().int().min(1, 'must be 1–65535').max(65535, 'must be 1–65535').optional()),
  /** The address METRICS_PORT binds to (default loopback: the metrics carry no secret, but no login either). */
  METRICS_HOST: optionalString.pipe(
    z.string().regex(/^([A-Za-z0-9.-]+|[0-9A-Fa-f:]+)$/, 'must be a host name or an IP address').default('127.0.0.1'),
  ),
  /** The bot's public https address (the workbench's links and OAuth redirects), e.g. https://xiaoer.example.gov.cn. */
  XIAOER_PUBLIC_URL: optionalString.pipe(z.string().url({ message: 'must be a URL' }).regex(/^https?:\/\/[^/?#]+\/?$/, 'must be an origin like https://host (no path)').optional()),
  /** Signs the workbench's session cookies (at least 32 characters). Unset: one is made and kept in Redis. */
  XIAOER_SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),

  /** How WeCom's AI bot reaches the bot: callbacks to our public URL (default), or a WebSocket we dial (no public address). */
  WECOM_MODE: z.enum(['callback', 'long-connection']).default('callback'),
  /** Long-connection mode: the AI bot's Bot ID and Secret (智能机器人 → API 模式 → 长连接). */
  WECOM_BOT_ID: optionalString,
  WECOM_BOT_SECRET: optionalString,
  /** Long-connection mode: the WebSocket address (private deployments, tests). */
  WECOM_WS_URL: z.string().trim().regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// URL').default('wss://openws.work.weixin.qq.com'),
  WECOM_BOT_TOKEN: optionalString,
  WECOM_BOT_AES_KEY: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional(),
  ),
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a number').optional()),
  WECOM_AGENT_SECRET: optionalString,
  WECOM_API_BASE: url('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_BASE: url('https://open.weixin.qq.com'),

  /** How DingTalk's app robot reaches the bot: HTTP callbacks (default), or Stream mode (a WebSocket we dial; its gateway is DINGTALK_API_BASE). */
  DINGTALK_MODE: z.enum(['http', 'stream']).default('http'),
  /** Stream mode's gateway (connections/open); default DINGTALK_API_BASE, where DingTalk serves it. */
  DINGTALK_STREAM_BASE: optionalString.pipe(z.string().url({ message: 'must be a URL' }).optional()),
  DINGTALK_APP_KEY: optionalString,
  DINGTALK_APP_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_API_BASE: url('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: url('https://oapi.dingtalk.com'),
  /** The organisation's corpId and the app's AgentId: the workbench's 免登 and contact picker (dd.config). */
  DINGTALK_CORP_ID: optionalString,
  DINGTALK_AGENT_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a number').optional()),

  OPENAI_BASE_URL: optionalString.pipe(z.string().url({ message: 'must be a URL' }).optional()),
  OPENAI_API_KEY: optionalString,
  XIAOER_LLM_MODEL: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export interface WecomConfig {
  /** callback: WeCom posts to /webhooks/wecom; long-connection: the bot keeps a WebSocket to WeCom open. */
  mode: 'callback' | 'long-connection';
  /** AI bot (智能机器人) callback token (callback mode). */
  botToken?: string;
  /** AI bot EncodingAESKey (43 chars; callback mode). */
  botAesKey?: string;
  /** Long-connection mode: the bot's id and secret, and where to dial. */
  longConnection?: { botId: string; secret: string; url: string };
  /** Self-built application, for private messages to officials (optional as a group). */
  app?: { corpId: string; agentId: number; agentSecret: string };
  apiBase: string;
  /** Where WeCom's OAuth2 authorize page is (open.weixin.qq.com). */
  oauthBase?: string;
}

export interface DingtalkConfig {
  /** http: DingTalk posts to /webhooks/dingtalk; stream: the bot keeps a Stream-mode WebSocket open. */
  mode: 'http' | 'stream';
  /** Stream mode's gateway base (default: apiBase). */
  streamBase?: string;
  appKey: string;
  appSecret: string;
  robotCode: string;
  apiBase: string;
  oapiBase: string;
  /** For the workbench inside DingTalk (免登, dd.config); both or neither. */
  corpId?: string;
  agentId?: string;
}

export interface Config {
  http: { port: number };
  mongo: { uri?: string };
  redis: { url: string; explicit: boolean };
  dataDir: string;
  timezone: string;
  role: 'all' | 'web' | 'worker';
  /** Role all: workers in a child process (process) or in this one (inline). */
  workers: 'process' | 'inline';
  intakeSpill: 'auto' | 'always' | 'off';
  queuePrefix: string;
  botName: string;
  signatureWindowSec: number;
  /** The lease on the WeCom long connection (seconds): a standby takes over within about this long after the holder dies. */
  connectionLeaseSec: number;
  ferretdbBin?: string;
  policy: Policy;
  /** The browser simulator (never together with real platform credentials). */
  simulator: boolean;
  /** The simulator's WeCom: HTTP callbacks, or the long connection. */
  simulatorWecom: 'callback' | 'long-connection';
  /** Where the HTTP server listens while the simulator is on (default 127.0.0.1). */
  simulatorHost: string;
  /** Raw inbound payloads, done reminders and notices expire after this many days. */
  inboundRetentionDays: number;
  /** At most this many sends per destination per window (e.g. "20/60s"). */
  outboundLimit: string;
  logLevel: Env['LOG_LEVEL'];
  adminToken?: string;
  /** /metrics on a port of its own (no token), bound to `host`; unset: /metrics on the HTTP port behind ADMIN_TOKEN. */
  metrics: { port?: number; host: string };
  /** The bot's public origin (no trailing slash): links to the workbench; unset, the bot sends none. */
  publicUrl?: string;
  sessionSecret?: string;
  wecom?: WecomConfig;
  dingtalk?: DingtalkConfig;
  llm?: { baseUrl: string; apiKey?: string; model: string };
}

/** Keys that must be set together: if any one is set, all are required. */
export const keyGroups: Record<string, (keyof Env)[]> = {
  wecomBot: ['WECOM_BOT_TOKEN', 'WECOM_BOT_AES_KEY'],
  wecomLongConnection: ['WECOM_BOT_ID', 'WECOM_BOT_SECRET'],
  wecomApp: ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_AGENT_SECRET'],
  dingtalk: ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET'],
  llm: ['OPENAI_BASE_URL', 'XIAOER_LLM_MODEL'],
  dingtalkH5: ['DINGTALK_CORP_ID', 'DINGTALK_AGENT_ID'],
};

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
