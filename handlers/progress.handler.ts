import { commandNote } from '../src/domain/parse/commands.js';
import type { Handler } from '../src/bot/context.js';
import { announce, changeTicket, answer, compose, ticketNo } from './common.js';

/** #12 进展：… — recorded on the ticket and posted to the enterprise's group (办事全流程公开). */
export const progress: Handler = {
  name: 'progress',
  match: (ctx) => ctx.parsed.intent === 'progress',
  async handle(ctx) {
    const no = await ticketNo(ctx, '#12 进展：已联系供电公司');
    if (no === null) return 'no ticket number';
    const note = commandNote(ctx.parsed.normalized);
    if (!note) {
      await answer(ctx, `请写明进展内容，例如“#${no} 进展：已联系供电公司，周五现场勘察”。`);
      return 'no note';
    }
    const t = await changeTicket(ctx, no, 'progress', () => ({ type: 'progress', note }));
    if (!t) return 'refused';
    const msg = compose([`**#${t.no} 办理进展**（${ctx.actor.name ?? '责任人'}）`, `> ${note}`], []);
    await announce(ctx, t, msg, '进展已记录');
    return `#${t.no} progress`;
  },
};
