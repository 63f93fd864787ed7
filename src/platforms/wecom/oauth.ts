import { AppError, OAuthCodeError, PlatformApiError } from '../../shared/errors.js';
import { callWithAccessToken, type AccessToken } from '../http.js';

/** WeCom: the code is invalid, already used or expired (codes are single-use and live 5 minutes). */
const BAD_CODE = 40029;

/** The OAuth2 authorize URL (`snsapi_base`: silent, gives the userid). `state`: `[a-zA-Z0-9]`, at most 128. */
export function wecomAuthorizeUrl(p: {
  corpId: string;
  agentId: number | string;
  redirectUri: string;
  state: string;
  oauthBase?: string;
}): string {
  if (!/^[a-zA-Z0-9]{0,128}$/.test(p.state)) throw new AppError('OAUTH_BAD_STATE', 'state must be [a-zA-Z0-9], at most 128 characters');
  const base = p.oauthBase ?? 'https://open.weixin.qq.com';
  return (
    `${base}/connect/oauth2/authorize?appid=${encodeURIComponent(p.corpId)}&redirect_uri=${encodeURIComponent(p.redirectUri)}` +
    `&response_type=code&scope=snsapi_base&state=${p.state}&agentid=${encodeURIComponent(String(p.agentId))}#wechat_redirect`
  );
}

/**
 * The member who opened the page, from the OAuth2 redirect's `code` (`/cgi-bin/auth/getuserinfo`). A bad, used or
 * expired code (40029) or a non-member (`openid` answer) → OAuthCodeError; other errcodes → PlatformApiError.
 */
export async function wecomUserIdFromCode(p: {
  apiBase: string;
  accessToken: AccessToken;
  code: string;
  fetch?: typeof fetch;
}): Promise<{ userId: string }> {
  if (!p.code) throw new OAuthCodeError('wecom', 'invalid-code');
  const json = await callWithAccessToken(
    'wecom',
    'auth/getuserinfo',
    p.accessToken,
    (token) => `${p.apiBase}/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(token)}&code=${encodeURIComponent(p.code)}`,
    { fetch: p.fetch, onError: (errcode) => (errcode === BAD_CODE ? new OAuthCodeError('wecom', 'invalid-code', errcode) : undefined) },
  );
  if (typeof json.userid === 'string' && json.userid) return { userId: json.userid };
  if (json.openid !== undefined || json.external_userid !== undefined) throw new OAuthCodeError('wecom', 'not-member');
  throw new PlatformApiError('wecom', 'auth/getuserinfo', 'NO_USERID', 200, 'no userid in the answer', false);
}
