/** The ceiling for ingest: a bare Koa endpoint that only verifies, decrypts and answers 200 (no store, no queue). */
import Koa from 'koa';
import { createWecomReceiver } from '../src/platforms/wecom/receiver.js';
import { readRawBody } from '../src/server/raw-body.js';

const [token, aesKey, port] = [process.env.WECOM_BOT_TOKEN!, process.env.WECOM_BOT_AES_KEY!, Number(process.env.PORT)];
const receiver = createWecomReceiver({ botToken: token, botAesKey: aesKey }, { botName: '店小二', windowSec: 3600 });
const app = new Koa();
app.use(async (ctx) => {
  const body = await readRawBody(ctx);
  receiver.receive(ctx.query as Record<string, string>, body, new Date());
  ctx.status = 200;
  ctx.body = '';
});
app.listen(port, '127.0.0.1', () => console.log('ready'));
