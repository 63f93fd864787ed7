import type { Handler } from '../src/bot/context.js';
import { compose } from './common.js';

const LINES = {
  report: '**反映问题**：@店小二 直接描述，例如“我们用电扩容申请一个月了还没批下来”。',
  enterprise: [
    '**查进度**：#12 什么进度了 · 我们的问题',
    '**催办**：#12 催一下',
    '**评价**：#12 满意 / 基本满意 / 不满意（或1–5星）；问题未解决请回复“#12 还没解决”。',
  ],
  cadre: [
    '**签收**：认领 #12',
    '**进展**：#12 进展：已联系供电公司',
    '**转办 / 退单**：转办 #12 @王芳 · 转办 #12 给区住建局 · 退单 #12 理由：…',
    '**办结**：办结 #12 已恢复供电（可注明 部分解决 / 解释说明 / 暂无法解决）',
    '**待办**：我的待办',
  ],
  leader: ['**超期**：超期问题', '**催办**：#12 催一下'],
};

/** 帮助 — shows only what the asker may do. */
export const help: Handler = {
  name: 'help',
  match: (ctx) => ctx.parsed.intent === 'help',
  async handle(ctx) {
    const role = ctx.actor.role;
    const lines = ['您好，我是店小二，负责企业诉求的受理、派单和跟踪。', LINES.report];
    if (role === 'enterprise' || role === 'none') lines.push(...LINES.enterprise);
    if (role === 'cadre' || role === 'leader' || role === 'admin') lines.push(...LINES.cadre);
    if (role === 'leader' || role === 'admin') lines.push(...LINES.leader);
    await ctx.reply(compose(lines, [], '店小二使用说明'));
    return `help for ${role}`;
  },
};
