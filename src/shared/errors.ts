/** Base class: `code` is stable, `expose` decides whether the message may be shown to a user. */
export class AppError extends Error {
  readonly expose: boolean;
  readonly retryable: boolean;
  constructor(
    readonly code: string,
    message: string,
    opts: { expose?: boolean; retryable?: boolean; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.expose = opts.expose ?? false;
    this.retryable = opts.retryable ?? false;
    this.retryAfterMs = opts.retryAfterMs;
  }
  /** Wait this long before trying again, without using up an attempt. */
  retryAfterMs?: number;
}

/** A callback failed signature, timestamp or decryption checks → HTTP 401. */
export class VerificationError extends AppError {
  constructor(code: 'VERIFY_BAD_SIGNATURE' | 'VERIFY_STALE_TIMESTAMP' | 'VERIFY_BAD_CIPHERTEXT' | 'VERIFY_BAD_RECEIVER', message: string) {
    super(code, message);
  }
}

/** A callback was authentic but its content is malformed → HTTP 400. */
export class PayloadError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('PAYLOAD_INVALID', message, { cause });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message, { expose: true });
  }
}

/** The platform answered, with an error code (HTTP 200 does not mean success on either platform). */
export class PlatformApiError extends AppError {
  constructor(
    readonly platform: string,
    readonly method: string,
    readonly errcode: number | string,
    readonly status: number,
    message: string,
    retryable: boolean,
    retryAfterMs?: number,
  ) {
    super('PLATFORM_API_ERROR', message, { retryable, retryAfterMs });
  }
}

/** No usable answer from the platform (network error, timeout, non-JSON). */
export class PlatformNetworkError extends AppError {
  constructor(readonly platform: string, readonly method: string, cause: unknown) {
    super('PLATFORM_NETWORK_ERROR', `${platform} ${method}: no usable answer`, { retryable: true, cause });
  }
}

const OAUTH_CODE_MESSAGES = {
  wecom: {
    'invalid-code': '登录凭证无效或已过期，请从企业微信重新打开工作台。',
    'not-member': '你不是本企业的成员，不能使用工作台。请用企业微信账号打开。',
  },
  dingtalk: {
    'invalid-code': '登录凭证无效或已过期，请从钉钉重新打开工作台。',
    'not-member': '你不是本企业的成员，不能使用工作台。请用钉钉账号打开。',
  },
} as const;

/**
 * A sign-in code (WeCom OAuth2 `code`, DingTalk `authCode`) that names no member: bad, used, expired, or a
 * non-member's. `message` is for the person (HTTP 401).
 */
export class OAuthCodeError extends AppError {
  constructor(
    readonly platform: 'wecom' | 'dingtalk',
    readonly reason: 'invalid-code' | 'not-member',
    readonly errcode?: number,
  ) {
    super('OAUTH_CODE_INVALID', OAUTH_CODE_MESSAGES[platform][reason], { expose: true });
  }
}
