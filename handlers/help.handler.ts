import type { BotContext, Handler } from '../src/bot/context.js';
import { compose, here, NOT_RECEIVED } from './common.js';

/** Each role's main commands; a role sees its own and those of the roles it acts for. */
export const HELP_LINES = {
  report: '**反映问题**：@店小二 直接描述，例如“我们用电扩容申请一个月了还没批下来”。',
  enterprise: [
    '**查进度**：#12 什么进度了 · 我们的问题',
    '**催办**：#12 催一下（本群只有一件在办时可直接说“催一下”）',
    '**评价**：满意 / 基本满意 / 不满意（或1–5星）；有几件待评价时带上编号，如“#12 满意”',
    '**重办**：问题未解决请回复“#12 还没解决”（只有一件已答复时可不带编号）',
    '**补充材料后**：#12 已补充',
  ],
  cadre: [
    '**认领**：认领 #12（本群只有一件待签收时可直接说“这个我认领了”）',
    '**进展**：#12 进展：已联系供电公司（群里只有一件您在办时可不带编号）',
    '**转办 / 退单**：转办 #12 @王芳 · 转办 #12 给区住建局 · 退单 #12 理由：…',
    '**更正**：#12 类别改为 用工人才 · #12 改为紧急 / 改为一般 · #12 企业是 亿龙置业 · #12 不是问题 · 待确认（分类待确认的工单）',
    '**办结**：办结 #12 已恢复供电（可注明 部分解决 / 解释说明 / 暂无法解决）',
    '**延期**：延期 #12 到12月5日 理由：等待省里批复',
    '**待补充**：#12 待补充：请提供用电负荷表（办理时限暂停）',
    '**恢复办理**：#12 恢复办理',
    '**查询**：我的待办 · #12 什么进度了',
    '**项目代办**：项目 名称（审批进度）· 名称 事项 已申报 / 已批复 / 不适用，例如“亿龙二期 施工许可 已申报”',
    '**容缺与预计**：名称 事项 容缺受理 缺：材料，12月10日前补齐 · 名称 事项 已补齐：材料 · 名称 事项 预计12月5日',
    '**助企走访**：走访 亿龙置业 了解用电情况，发现问题：1.… 2.…（可写 电话/视频/座谈、日期、@同行人员）· 确认 1 2 / 都建单 · 我的走访 · 修改走访 V12 … · 删除走访 V12',
  ],
  leader: [
    '**今日简报**：今日简报 · 周报 · 月报 · 排名（也可直接问：破解率多少了 · 本月满意率怎么样 · 回潮有几件）',
    '**重点项目**：月调度 · 季观摩 · 年验收',
    '**走访情况**：走访情况（本月覆盖、未走访的重点企业和干部）',
    '**超期问题**：超期问题',
    '**同意延期**：同意延期 #12',
    '**共性问题**：共性问题有哪些 · 共性 #12 #15 #19（多家企业的同类问题合并办理，#12 牵头；答复 #12 即答复各企业）',
    '**催办**：#12 催一下',
  ],
  admin: ['**走访关联**：待关联走访 · 关联走访 V12 企业名称（名录中没有的企业）'],
};

/**
 * "直接在群里说就行吗", "要不要@你", "有没有固定格式": whether a problem may simply be said in the group. It may: the answer
 * says so first (a group hears the bot only when it is @-mentioned, so it says that too), then the usual lines.
 */
const ASKS_IF_JUST_SAY_IT = /(直接|就)[^，。？?]{0,8}(说|发|讲|提|报|写)[^，。？?]{0,4}(就行|就可以|就好|可以|行)[吗不么嘛呢]?(?:[？?]|$)|(要不要|需要|需不需要|用不用|得不得)\s*[@艾]|(固定|特定)的?(格式|模板)/;

/** 帮助 — shows what the asker may do: enterprises report and follow up, cadres handle, leaders oversee. */
export const help: Handler = {
  name: 'help',
  match: (ctx) => ctx.parsed.intent === 'help',
  async handle(ctx) {
    const role = ctx.actor.role;
    const lines = ['您好，我是店小二，负责企业诉求的受理、派单和跟踪。', HELP_LINES.report];
    if (ASKS_IF_JUST_SAY_IT.test(ctx.parsed.normalized)) lines.splice(1, 0, '可以。在群里 @店小二 直接说明问题即可，不需要固定格式，我会登记编号并派给责任人。');
    if (role === 'enterprise' || role === 'none') lines.push(...HELP_LINES.enterprise);
    if (role === 'cadre' || role === 'leader' || role === 'admin') lines.push(...HELP_LINES.cadre);
    if (role === 'leader' || role === 'admin') lines.push(...HELP_LINES.leader);
    if (role === 'admin') lines.push(...HELP_LINES.admin);
    const msg = compose(lines, [], '店小二使用说明');
    const staff = role === 'cadre' || role === 'leader' || role === 'admin';
    // staff's commands are not the enterprise's business: asked in an enterprise's group (found trying the product: a
    // leader's 帮助 listed 今日简报, 排名 and 共性 there), they go to the asker privately
    await here(ctx, !staff || staffMayHearHere(ctx), msg, `使用说明已私信发送给您，${NOT_RECEIVED}。`);
    return `help for ${role}`;
  },
};

/** A private chat, a leaders' group or a task force's group: not an enterprise's group, nor one the directory does not know. */
function staffMayHearHere(ctx: BotContext): boolean {
  if (ctx.msg.chatType === 'single') return true;
  const kind = ctx.directory.group(ctx.msg.platform, ctx.msg.chatId)?.kind;
  return kind === 'leaders' || kind === 'taskforce';
}
