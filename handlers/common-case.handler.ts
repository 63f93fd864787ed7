import type { BotContext, Handler } from '../src/bot/context.js';
import { authorize, mayShowTicketIn } from '../src/domain/permissions.js';
import { responseDueAt } from '../src/domain/sla.js';
import { OUTCOMES, type Outcome } from '../src/domain/ticket-state.js';
import { isOpen, TICKET_STATUSES, type Ticket } from '../src/domain/ticket.js';
import { rateActions } from '../src/messages/actions.js';
import type { OutboundMessage } from '../src/messages/outbound.js';
import { answer, compose, here, mentionOrName, privately, reporterRef } from './common.js';

/**
 * 共性问题 made one case (choices: src/domain/common-issues.ts). `共性 #12 #15 #19`, by a leader or an admin: the
 * first number is the lead ticket, the others join it (`caseOf`, a `join_case` event each; the lead lists them,
 * `caseMembers`, with a `lead_case` event) and go to the lead's handler and team (dispatched anew as by a 转办 when
 * that is someone else). When the lead is answered (resolve.handler.ts → `answerCaseMembers`), the same answer
 * answers every member still in the case and open, and goes to each member's own group with that ticket's own number,
 * summary and rating buttons; each enterprise rates its own ticket. Nothing of one enterprise's ticket goes to
 * another's group: the members' groups are told only that their own problem is handled together with others'.
 */

/** `共性 #12 #15 #19`, `共性问题 #12、#15`, `共性合并 12 15 19` (the numbers may go without #). */
const COMMAND = /^(?:@\S+\s*)?共性(?:问题)?(?:合并办理|合并|并案)?[\s:：]*[#＃]?\s*\d/;

/** The numbers named (#-marked ones when any is), in the order given, each once. */
function numbersIn(text: string): number[] {
  const marked = [...text.matchAll(/[#＃]\s*(\d{1,9})/g)];
  const found = marked.length ? marked : [...text.matchAll(/(\d{1,9})/g)];
  return [...new Set(found.map((m) => Number(m[1])))];
}

/** A message to a ticket's own group: here when this is that group, else posted there. */
async function toTicketGroup(ctx: BotContext, t: Ticket, msg: OutboundMessage): Promise<void> {
  if (t.platform === ctx.msg.platform && t.chatId === ctx.msg.chatId) await ctx.reply(msg);
  else await ctx.postToTicketGroup(t, msg);
}

/** Why ticket `t` cannot be part of a case led by `lead` (as lead when `t.no === lead`), or null. */
function whyNot(t: Ticket, lead: number): string | null {
  if (!isOpen(t)) return `#${t.no} ${TICKET_STATUSES[t.status]}，不能合并为共性问题。`;
  if (t.no === lead) {
    if (t.caseOf) return `#${t.no} 已并入 #${t.caseOf} 的共性问题，请以 #${t.caseOf} 为牵头工单。`;
    if (!t.assignee) return `#${t.no} 尚未派单，请先派单后再合并。`;
    return null;
  }
  if (t.caseOf && t.caseOf !== lead) return `#${t.no} 已并入 #${t.caseOf} 的共性问题，不能再并入其他问题。`;
  if (t.caseMembers?.length) return `#${t.no} 已牵头另一共性问题，不能并入其他问题。`;
  return null;
}

export const commonCase: Handler = {
  name: 'common-case',
  match: (ctx) => COMMAND.test(ctx.parsed.normalized.trim()),
  async handle(ctx) {
    const auth = authorize('case', ctx.actor, null, ctx.now);
    if (!auth.ok) {
      await answer(ctx, auth.message);
      return 'refused: not a leader';
    }
    const nos = numbersIn(ctx.parsed.normalized);
    if (nos.length < 2) {
      await answer(ctx, '请至少注明两个工单编号，例如“共性 #12 #15 #19”（第一个为牵头工单）。');
      return 'fewer than 2 tickets';
    }
    const lead = nos[0]!;
    const found = await Promise.all(nos.map((no) => ctx.tickets.get(no)));
    const missing = nos.filter((_, i) => !found[i]);
    if (missing.length) {
      await answer(ctx, `未找到工单 ${missing.map((n) => `#${n}`).join(' ')}，请核对编号。未作合并。`);
      return `unknown ${missing.join(',')}`;
    }
    const tickets = found as Ticket[];
    const problems = tickets.map((t) => whyNot(t, lead)).filter((p): p is string => !!p);
    if (problems.length) {
      await answer(ctx, `${problems.join('')}未作合并。`);
      return `refused: ${problems.join(' ')}`;
    }
    const members = tickets.slice(1);
    const head = await ctx.tickets.change(lead, (t) => whyNotDecide(t, lead) ?? { type: 'lead_case', members: members.map((m) => m.no) });
    if (!head.ok) {
      await answer(ctx, `${head.message}${/已是同一共性问题/.test(head.message) ? '' : '未作合并。'}`);
      return `refused: ${head.message}`;
    }
    const leadTicket = head.ticket;
    const to = leadTicket.assignee!;
    const joined: Ticket[] = [];
    const failed: string[] = [];
    for (const m of members) {
      const r = await ctx.tickets.change(m.no, (t) =>
        whyNotDecide(t, lead) ?? {
          type: 'join_case',
          lead,
          to,
          team: leadTicket.team,
          responseDueAt: responseDueAt(ctx.now, t.urgency, ctx.sla.calendar, ctx.sla.policy),
        },
      );
      if (r.ok) joined.push(r.ticket);
      else if (!/已并入 #\d+ 的共性问题。$/.test(r.message)) failed.push(r.message);
    }

    const all = [leadTicket, ...joined];
    const enterprises = new Set(all.map((t) => t.enterpriseId ?? `${t.platform}:${t.chatId}`)).size;
    const nums = (ts: Ticket[]) => ts.map((t) => `#${t.no}`).join(' ');
    // the sender: the case with each ticket's enterprise and problem, where this conversation may show them all
    const full = compose(
      [
        `**共性问题已合并**：#${lead} 牵头，${nums(joined)} 并入，由 @{0} 统一办理（${enterprises}家企业）。`,
        ...all.map((t) => `> #${t.no} ${t.enterprise ?? '未具名企业'} · ${t.summary}`),
        `答复 #${lead} 时，答复将同时送达各企业服务群，各企业分别评价。`,
        ...(failed.length ? [`未能并入：${failed.join('')}`] : []),
      ],
      [mentionOrName(to, ctx.msg.platform)],
    );
    const showable = all.every((t) => mayShowTicketIn(t, ctx.msg, ctx.directory));
    await here(ctx, showable, full, `已将 ${nums(joined)} 并入 #${lead} 共性办理，详情已私信告知。`);
    // each member's group: its own ticket only
    for (const m of joined) {
      await toTicketGroup(
        ctx,
        m,
        compose([`**#${m.no} 已并入共性问题统一办理**：多家企业反映了同类问题，现由 ${to.name} 统一办理。答复后将在本群告知，届时请对 #${m.no} 评价。`], []),
      );
    }
    await ctx.notifyPerson(
      to,
      compose(
        [
          `【共性问题】#${lead} 牵头，${nums(joined)} 并入，请统一办理（${enterprises}家企业）。`,
          `并入的 ${nums(joined)} 各有签收时限，请分别认领；答复“办结 #${lead} …”即同时答复并入的工单、送达各企业服务群。`,
          ...ctx.links.ticket(lead),
        ],
        [],
      ),
      leadTicket.platform,
    );
    return `case #${lead}: ${joined.map((t) => `#${t.no}`).join(' ')} joined (to ${to.personId})${failed.length ? `; not joined: ${failed.length}` : ''}`;
  },
};

/** The refusal for a change decided on the ticket as read under its lock, or null to go ahead. */
function whyNotDecide(t: Ticket, lead: number): { refuse: string } | null {
  const why = whyNot(t, lead);
  return why ? { refuse: why } : null;
}

/**
 * 共性问题: the lead ticket `lead` was answered; the same answer answers each member still in its case and open, and
 * goes to that member's own group: its own number, its own problem, its reporter, its rating buttons — never the lead's
 * or another member's. The answerer is told privately which tickets were answered with it.
 */
export async function answerCaseMembers(ctx: BotContext, lead: Ticket, outcome: Outcome, note: string | undefined): Promise<number[]> {
  const answered: number[] = [];
  for (const no of lead.caseMembers ?? []) {
    const r = await ctx.tickets.change(no, (m) =>
      m.caseOf === lead.no && isOpen(m) ? { type: 'case_resolve', lead: lead.no, outcome, ...(note ? { note } : {}) } : { refuse: 'not in the case' },
    );
    if (!r.ok) continue;
    const m = r.ticket;
    answered.push(m.no);
    const text = compose(
      [
        `**#${m.no} 已答复（${OUTCOMES[outcome]}）** @{0}`,
        `> 问题：${m.summary}`,
        ...(note ? [`> 答复：${note}`] : []),
        `请评价：回复“#${m.no} 满意”“#${m.no} 基本满意”或“#${m.no} 不满意”。`,
      ],
      [reporterRef(m)],
    );
    await toTicketGroup(ctx, m, { ...text, actions: rateActions(m.no) });
  }
  if (answered.length) {
    await ctx.send(privately(ctx), {
      format: 'text',
      text: `共性问题 #${lead.no} 的答复已同时答复 ${answered.map((n) => `#${n}`).join(' ')}，并送达各自企业服务群，各企业分别评价。`,
      mentions: [],
    });
  }
  return answered;
}
