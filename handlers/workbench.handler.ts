import type { Handler } from '../src/bot/context.js';
import { answer, compose } from './common.js';

const ASK = /^(打开|登录|进入)?工作台(登录|链接|入口)?$/;

/**
 * 工作台 — a one-time sign-in link to the H5 workbench (10 minutes, single use), always privately: asked in a group,
 * the link goes to the sender's private chat and the group only hears that it was sent.
 */
export const workbench: Handler = {
  name: 'workbench',
  match: (ctx) => ASK.test(ctx.parsed.normalized.replace(/[\s，。！？,.!?]/g, '')),
  async handle(ctx) {
    const link = await ctx.signInLink();
    if (!link) {
      await answer(ctx, '工作台尚未开通（未配置对外访问地址），请联系管理员。');
      return 'no public address';
    }
    const msg = compose(['**店小二工作台**', `登录链接（10分钟内有效，仅可使用一次）：${link}`, '请勿转发。在企业微信或钉钉的工作台中打开应用无需此链接。'], []);
    if (ctx.msg.chatType === 'single') {
      await ctx.reply(msg);
      return 'link sent';
    }
    await ctx.send({ kind: 'user', platform: ctx.msg.platform, userId: ctx.msg.sender.id }, msg);
    await answer(ctx, '工作台登录链接已私信发送给您，请查收。');
    return 'link sent privately';
  },
};
