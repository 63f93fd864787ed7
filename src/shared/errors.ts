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
