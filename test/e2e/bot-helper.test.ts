import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { startBot } from '../helpers/bot-process.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';

/**
 * The e2e helper's start (test/helpers/bot-process.ts): with two test files at once, another process may hold the
 * port the bot was given, and answer on it. The helper waits for its own bot's word that it listens, so a port taken
 * by someone else fails the start at once (or, for a port the helper chose, starts the bot again on another) instead
 * of handing the test someone else's server.
 */
it('a port another server holds and answers on: the start fails with the bot’s own reason, not that server taken for the bot', async () => {
  const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  await new Promise<void>((r) => other.listen(0, r));
  const port = (other.address() as AddressInfo).port;
  try {
    const started = startBot({ MONGODB_URI: testMongoUri('bot-helper'), REDIS_URL: testRedisUrl(), XIAOER_QUEUE_PREFIX: testQueuePrefix(), PORT: String(port) });
    await expect(started).rejects.toThrow(/bot exited early[^]*EADDRINUSE/);
  } finally {
    await new Promise<void>((r) => other.close(() => r()));
  }
});
