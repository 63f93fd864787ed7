/**
 * The WeCom and DingTalk client SDKs, loaded only inside those clients (dynamic import): a desktop browser never
 * downloads them. The user agent decides whether to load at all; the SDK itself then confirms.
 */
import { api, type Config } from './api';

export type Transferee = { to: { platform: 'wecom' | 'dingtalk'; userId: string }; name: string };

const ua = () => (typeof navigator === 'undefined' ? '' : navigator.userAgent);
export const looksLikeWeCom = () => /wxwork/i.test(ua());
export const looksLikeDingTalk = () => /DingTalk/i.test(ua());

let configPromise: Promise<Config> | null = null;
export function clientConfig(): Promise<Config> {
  configPromise ??= api.config().catch((err) => {
    configPromise = null;
    throw err;
  });
  return configPromise;
}

/** A client call that never answers (no bridge, an old client) becomes an error the page can show. */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}，请稍后重试。`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String((e as { errorMessage?: string })?.errorMessage ?? e)));
      },
    );
  });
}

// —— WeCom ——

type WW = typeof import('@wecom/jssdk');
let wwPromise: Promise<WW> | null = null;
const loadWeCom = () => (wwPromise ??= import('@wecom/jssdk'));

export async function inWeCom(): Promise<boolean> {
  if (!looksLikeWeCom()) return false;
  const ww = await loadWeCom();
  return ww.env.isWeCom;
}

let registered = false;
async function wecomReady(): Promise<WW | null> {
  if (!(await inWeCom())) return null;
  const cfg = await clientConfig();
  if (!cfg.wecom) return null;
  const ww = await loadWeCom();
  if (!registered) {
    const sign = (kind: 'corp' | 'agent') => (url: string) => api.get<{ timestamp: number; nonceStr: string; signature: string }>('jssdk/wecom', { kind, url });
    ww.register({
      corpId: cfg.wecom.corpId,
      agentId: cfg.wecom.agentId,
      jsApiList: ['selectEnterpriseContact'],
      getConfigSignature: sign('corp'),
      getAgentConfigSignature: sign('agent'),
    });
    registered = true;
  }
  return ww;
}

// —— DingTalk ——

interface DD {
  env: { platform: string };
  config(p: Record<string, unknown>): void;
  ready(cb: () => void): void;
  error(cb: (err: unknown) => void): void;
}
let ddPromise: Promise<DD> | null = null;
function loadDingTalk(): Promise<DD> {
  ddPromise ??= import('dingtalk-jsapi/entry/union').then((m) => ((m as { default?: unknown }).default ?? m) as DD);
  return ddPromise;
}

export async function inDingTalk(): Promise<boolean> {
  if (!looksLikeDingTalk()) return false;
  const dd = await loadDingTalk();
  return dd.env.platform !== 'notInDingTalk';
}

/** DingTalk 免登: an auth code from the client, exchanged by the server for the session. */
export async function dingtalkSignIn(): Promise<void> {
  const cfg = await clientConfig();
  if (!cfg.dingtalk) throw new Error('钉钉应用未配置，请联系管理员。');
  await loadDingTalk();
  const { requestAuthCode$ } = await import('dingtalk-jsapi/api/runtime/permission/requestAuthCode');
  const params = { corpId: cfg.dingtalk.corpId, clientId: cfg.dingtalk.clientId };
  const { code } = await withTimeout(requestAuthCode$(params), 15_000, '钉钉未返回免登授权码');
  await api.post('/h5/auth/dingtalk', { authCode: code }, { auth: false });
}

let ddConfigured: Promise<void> | null = null;
async function dingtalkReady(): Promise<DD | null> {
  if (!(await inDingTalk())) return null;
  const cfg = await clientConfig();
  if (!cfg.dingtalk) return null;
  const dd = await loadDingTalk();
  ddConfigured ??= (async () => {
    const url = location.href.split('#')[0]!;
    const sig = await api.get<{ agentId: string; corpId: string; timeStamp: number; nonceStr: string; signature: string }>('jssdk/dingtalk', { url });
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        dd.ready(resolve);
        dd.error((err) => reject(new Error(`钉钉接口鉴权失败：${JSON.stringify(err)}`)));
        dd.config({ ...sig, type: 0, jsApiList: ['biz.contact.complexPicker'] });
      }),
      15_000,
      '钉钉接口鉴权超时',
    );
  })().catch((err) => {
    ddConfigured = null;
    throw err;
  });
  await ddConfigured;
  return dd;
}

/**
 * The client's own contact picker for 转办: WeCom selectEnterpriseContact, DingTalk complexPicker. `undefined` when
 * the page runs outside both clients (the page then shows its own people search); `null` when the person cancelled.
 */
export async function pickInClient(): Promise<Transferee | null | undefined> {
  const ww = await wecomReady();
  if (ww) {
    try {
      const res = await ww.selectEnterpriseContact({ fromDepartmentId: -1, mode: 'single' as never, type: ['user' as never] });
      const user = res.result?.userList?.[0];
      return user ? { to: { platform: 'wecom', userId: user.id }, name: user.name || user.id } : null;
    } catch (err) {
      if (String((err as { errMsg?: string })?.errMsg ?? '').includes('cancel')) return null;
      throw err;
    }
  }
  const dd = await dingtalkReady();
  if (dd) {
    const cfg = await clientConfig();
    const { complexPicker$ } = await import('dingtalk-jsapi/api/biz/contact/complexPicker');
    const res = await complexPicker$({
      title: '选择转办人',
      corpId: cfg.dingtalk!.corpId,
      multiple: false,
      maxUsers: 1,
      responseUserOnly: true,
      startWithDepartmentId: 0,
    });
    const user = res.users?.[0];
    return user ? { to: { platform: 'dingtalk', userId: user.emplId }, name: user.name || user.emplId } : null;
  }
  return undefined;
}
