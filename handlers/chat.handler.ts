import { bareText } from '../src/domain/parse/normalize.js';
import type { Handler } from '../src/bot/context.js';
import { answer } from './common.js';

/**
 * A greeting or "在吗" said to the bot (the platforms pass a group's messages to it only when it is @-mentioned): who
 * it is and how to begin, in one line — a new user otherwise takes the silence for a fault.
 */
const HELLO = /^(?:店小二|小二)?(?:你好|您好|在吗|在不在|有人吗|有人在吗|有人在不|hello|hi)+(?:啊|呀|吗|呢|哈)*$/i;

/** Thanks, acknowledgements, small talk: no ticket and no answer (the bot does not chat back); a greeting: one line. */
export const chat: Handler = {
  name: 'chat',
  match: (ctx) => ctx.parsed.intent === 'chat',
  handle: async (ctx) => {
    if (!HELLO.test(bareText(ctx.parsed.normalized))) return 'chat ignored';
    await answer(ctx, '您好，我是店小二。请直接说明企业遇到的问题和诉求，我会登记编号并转交责任部门办理；回复“帮助”查看更多用法。');
    return 'greeting answered';
  },
};
