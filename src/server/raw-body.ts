import getRawBody from 'raw-body';
import type { Context } from 'koa';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the request body as bytes, before any parser (signatures are checked on what was sent). 413 past the limit. */
export function readRawBody(ctx: Context, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return getRawBody(ctx.req, { limit, length: ctx.request.length });
}
