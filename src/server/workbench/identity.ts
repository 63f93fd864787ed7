import type { Config } from '../../../config/index.js';
import { createDingtalkAccessToken, createDingtalkJsapi, dingtalkUserIdFromAuthCode } from '../../platforms/dingtalk/jsapi.js';
import type { TokenCache } from '../../platforms/types.js';
import { createWecomAccessToken, createWecomJsSdk } from '../../platforms/wecom/jssdk.js';
import { wecomAuthorizeUrl, wecomUserIdFromCode } from '../../platforms/wecom/oauth.js';
import { OAuthCodeError } from '../../shared/errors.js';
import type { WorkbenchIdentityServices } from './routes.js';

/**
 * The clients' sign-in and JS-SDK services for the workbench, from the configuration: WeCom's when its
 * self-built application is configured, DingTalk's when its CorpId and AgentId are. Tokens and tickets are shared
 * through `tokens` (Redis) with the senders.
 */
export function workbenchIdentity(config: Readonly<Config>, tokens: TokenCache): WorkbenchIdentityServices {
  const identity: WorkbenchIdentityServices = { isCodeError: (err) => err instanceof OAuthCodeError };
  const wecom = config.wecom;
  if (wecom?.app) {
    const { corpId, agentId, agentSecret } = wecom.app;
    const apiBase = wecom.apiBase;
    const accessToken = createWecomAccessToken({ apiBase, corpId, agentId, agentSecret, tokens });
    const sdk = createWecomJsSdk({ apiBase, corpId, agentId, accessToken, tokens });
    identity.wecom = {
      corpId,
      agentId,
      authorizeUrl: (redirectUri, state) => wecomAuthorizeUrl({ corpId, agentId, redirectUri, state, oauthBase: wecom.oauthBase }),
      userIdFromCode: async (code) => (await wecomUserIdFromCode({ apiBase, accessToken, code })).userId,
      sign: (kind, url) => sdk.sign(kind, url),
    };
  }
  const ding = config.dingtalk;
  if (ding?.corpId && ding.agentId) {
    const accessToken = createDingtalkAccessToken({ apiBase: ding.apiBase, appKey: ding.appKey, appSecret: ding.appSecret, tokens });
    const jsapi = createDingtalkJsapi({ oapiBase: ding.oapiBase, corpId: ding.corpId, agentId: ding.agentId, accessToken, tokens });
    identity.dingtalk = {
      corpId: ding.corpId,
      clientId: ding.appKey,
      userIdFromAuthCode: async (authCode) => (await dingtalkUserIdFromAuthCode({ oapiBase: ding.oapiBase, accessToken, authCode })).userId,
      sign: async (url) => ({ ...(await jsapi.sign(url)) }),
    };
  }
  return identity;
}
