import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path; message texts are not logged.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'xiaoer', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'token',
        'accessToken',
        'access_token',
        'secret',
        'appSecret',
        'aesKey',
        'authorization',
        'headers.authorization',
        'req.headers.authorization',
        'responseUrl',
        'sessionWebhook',
        'url',
        '*.token',
        '*.secret',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  });
}
