import { DEFAULT_POLICY, loadPolicy } from './policy.js';
import { parseWorkingHours } from '../src/domain/calendar.js';
import { envSchema, keyGroups, type Config, type Env } from './schema.js';

export type { Config, WecomConfig, DingtalkConfig } from './schema.js';
export type { Policy } from './policy.js';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { key: string; problem: string }[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.key} (${p.problem})`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once. Throws a ConfigError naming every bad key (never a value).
 * Nothing outside config/ reads process.env.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const problems: { key: string; problem: string }[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ key: String(issue.path[0] ?? '?'), problem: issue.message });
    }
  }
  const isSet = (k: string) => (env[k] ?? '').trim() !== '';
  for (const keys of Object.values(keyGroups)) {
    const set = keys.filter(isSet);
    if (set.length > 0 && set.length < keys.length) {
      for (const k of keys.filter((k) => !isSet(k))) {
        problems.push({ key: k, problem: `required together with ${set.join(', ')}` });
      }
    }
  }
  const policy = loadPolicy(parsed.success ? parsed.data.XIAOER_POLICY_FILE : undefined);
  if (!policy.ok) for (const p of policy.problems) problems.push({ key: 'XIAOER_POLICY_FILE', problem: p });
  if (policy.ok) {
    try {
      parseWorkingHours(policy.policy.workingHours);
    } catch (err) {
      problems.push({ key: 'XIAOER_POLICY_FILE', problem: `workingHours: ${(err as Error).message}` });
    }
  }
  // a mode names what it needs: long connection without its id and secret, Stream mode without the app's key
  if ((env.WECOM_MODE ?? '').trim() === 'long-connection') {
    for (const k of ['WECOM_BOT_ID', 'WECOM_BOT_SECRET'].filter((k) => !isSet(k))) problems.push({ key: k, problem: 'required with WECOM_MODE=long-connection' });
  }
  if ((env.DINGTALK_MODE ?? '').trim() === 'stream') {
    for (const k of ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET'].filter((k) => !isSet(k))) problems.push({ key: k, problem: 'required with DINGTALK_MODE=stream' });
  }
  if (parsed.success && parsed.data.XIAOER_SIMULATOR === '1') {
    const real = ['WECOM_BOT_TOKEN', 'WECOM_BOT_SECRET', 'WECOM_AGENT_SECRET', 'DINGTALK_APP_SECRET'].filter(isSet);
    for (const k of real) problems.push({ key: 'XIAOER_SIMULATOR', problem: `cannot run with real platform credentials (${k} is set)` });
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return deepFreeze(toConfig(parsed.data, policy.ok ? policy.policy : DEFAULT_POLICY));
}

function toConfig(e: Env, policy: Config['policy']): Config {
  const config: Config = {
    http: { port: e.PORT },
    mongo: { uri: e.MONGODB_URI },
    redis: { url: e.REDIS_URL ?? 'redis://127.0.0.1:6379', explicit: e.REDIS_URL !== undefined },
    dataDir: e.XIAOER_DATA_DIR,
    timezone: e.XIAOER_TIMEZONE,
    role: e.XIAOER_ROLE,
    workers: e.XIAOER_WORKERS,
    intakeSpill: e.XIAOER_INTAKE_SPILL,
    queuePrefix: e.XIAOER_QUEUE_PREFIX,
    botName: e.XIAOER_BOT_NAME,
    signatureWindowSec: e.XIAOER_SIGNATURE_WINDOW_SEC,
    connectionLeaseSec: e.XIAOER_CONNECTION_LEASE_SEC,
    ferretdbBin: e.XIAOER_FERRETDB_BIN,
    policy,
    outboundLimit: e.XIAOER_OUTBOUND_LIMIT,
    simulator: false,
    simulatorWecom: e.XIAOER_SIMULATOR_WECOM,
    simulatorHost: e.XIAOER_SIMULATOR_HOST,
    inboundRetentionDays: e.XIAOER_INBOUND_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    adminToken: e.ADMIN_TOKEN,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST },
    publicUrl: e.XIAOER_PUBLIC_URL ? stripSlash(e.XIAOER_PUBLIC_URL) : undefined,
    sessionSecret: e.XIAOER_SESSION_SECRET,
  };
  const wecomLongConnection = e.WECOM_MODE === 'long-connection' && e.WECOM_BOT_ID && e.WECOM_BOT_SECRET;
  if ((e.WECOM_MODE === 'callback' && e.WECOM_BOT_TOKEN && e.WECOM_BOT_AES_KEY) || wecomLongConnection) {
    config.wecom = {
      mode: e.WECOM_MODE,
      ...(e.WECOM_MODE === 'callback' ? { botToken: e.WECOM_BOT_TOKEN, botAesKey: e.WECOM_BOT_AES_KEY } : {}),
      ...(wecomLongConnection ? { longConnection: { botId: e.WECOM_BOT_ID!, secret: e.WECOM_BOT_SECRET!, url: e.WECOM_WS_URL } } : {}),
      apiBase: stripSlash(e.WECOM_API_BASE),
      oauthBase: stripSlash(e.WECOM_OAUTH_BASE),
      app:
        e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_AGENT_SECRET
          ? { corpId: e.WECOM_CORP_ID, agentId: Number(e.WECOM_AGENT_ID), agentSecret: e.WECOM_AGENT_SECRET }
          : undefined,
    };
  }
  if (e.DINGTALK_APP_KEY && e.DINGTALK_APP_SECRET) {
    config.dingtalk = {
      mode: e.DINGTALK_MODE,
      ...(e.DINGTALK_MODE === 'stream' ? { streamBase: stripSlash(e.DINGTALK_STREAM_BASE ?? e.DINGTALK_API_BASE) } : {}),
      appKey: e.DINGTALK_APP_KEY,
      appSecret: e.DINGTALK_APP_SECRET,
      robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_APP_KEY,
      apiBase: stripSlash(e.DINGTALK_API_BASE),
      oapiBase: stripSlash(e.DINGTALK_OAPI_BASE),
      ...(e.DINGTALK_CORP_ID && e.DINGTALK_AGENT_ID ? { corpId: e.DINGTALK_CORP_ID, agentId: e.DINGTALK_AGENT_ID } : {}),
    };
  }
  // the simulator: explicitly on, or on embedded defaults (no platform configured) unless explicitly off
  config.simulator = e.XIAOER_SIMULATOR === '1' || (e.XIAOER_SIMULATOR !== '0' && !config.wecom && !config.dingtalk);
  if (e.OPENAI_BASE_URL && e.XIAOER_LLM_MODEL) {
    config.llm = { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY, model: e.XIAOER_LLM_MODEL };
  }
  return config;
}

function stripSlash(u: string): string {
  return u.replace(/\/+$/, '');
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
