import type { Handler } from '../src/bot/context.js';

/** Thanks, greetings, acknowledgements: no ticket and no answer (the bot does not chat back). */
export const chat: Handler = {
  name: 'chat',
  match: (ctx) => ctx.parsed.intent === 'chat',
  handle: async () => 'chat ignored',
};
