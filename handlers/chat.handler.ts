import { bareText } from '../src/domain/parse/normalize.js';
import type { Handler } from '../src/bot/context.js';
import { isStaff } from '../src/domain/permissions.js';
import { answer, chasable, list } from './common.js';

/**
 * A greeting or "在吗" said to the bot (the platforms pass a group's messages to it only when it is @-mentioned): who
 * it is and how to begin, in one line — a new user otherwise takes the silence for a fault. So is a first try of the
 * bot ("测试", "test") and a bare question mark.
 */
const HELLO = /^(?:店小二|小二)?(?:你好|您好|在吗|在不在|有人吗|有人在吗|有人在不|hello|hi|测试(?:一下|下)?|test(?:ing)?|ping)+(?:啊|呀|吗|呢|哈)*$/i;
const ASKING = /^[?？]+$/;
/**
 * Letters alone that are no word of thanks or assent ("asdfgh", a message in another language the bot did not read):
 * said that it was not understood and how to begin — silence reads as a fault. Not "ok", "thx", "haha", "666".
 */
const LATIN = /^[a-z][a-z\s.,!?'-]*$/i;
const ASSENT = /^(?:ok(?:ay)?|o?k+|thanks?(?: you| a lot)?|thx|tks|ty|got it|noted|received|roger|yes|yep|yeah|no|nope|sure|good|nice|great|cool|fine|bye|see you|a*(?:ha)+h*|h+|lol|e?m+|hm+|wow|oh|ah|yo)[\s.!]*$/i;

/**
 * Thanks, acknowledgements, small talk: no ticket and no answer (the bot does not chat back); a greeting: one line — or,
 * from an enterprise whose problems are in hand here ("有人吗？？？" while waiting), those problems and how to chase them.
 */
export const chat: Handler = {
  name: 'chat',
  match: (ctx) => ctx.parsed.intent === 'chat',
  handle: async (ctx) => {
    const said = ctx.parsed.normalized.trim();
    if (LATIN.test(said) && !ASSENT.test(said) && !HELLO.test(bareText(said))) {
      await answer(ctx, `抱歉，未能理解您的意思。${isStaff(ctx.actor) ? '' : '请用中文直接说明企业遇到的问题和诉求；'}回复“帮助”查看用法。`);
      return 'not understood';
    }
    if (!HELLO.test(bareText(said)) && !ASKING.test(said)) return 'chat ignored';
    // (a cadre or leader is not asked to report a problem: pointed to their own list)
    if (isStaff(ctx.actor)) {
      await answer(ctx, '您好，我是店小二。回复“我的待办”查看您的待办工单；回复“帮助”查看更多用法。');
      return 'greeting answered';
    }
    const inHand = await chasable(ctx);
    if (inHand.length > 0) {
      // (the same list as for a few words with no matter of their own: one presentation of a sender's tickets in hand)
      await list(ctx, '您好，您的问题正在办理中', inHand, '', { footer: '如需催办，请回复“催一下”（多件请注明编号）；如有新问题，请直接说明。' });
      return 'greeting answered with tickets in hand';
    }
    await answer(ctx, '您好，我是店小二。请直接说明企业遇到的问题和诉求，我会登记编号并转交责任部门办理；回复“帮助”查看更多用法。');
    return 'greeting answered';
  },
};
