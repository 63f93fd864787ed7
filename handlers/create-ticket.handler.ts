import { resolutionDueAt, responseDueAt } from '../src/domain/sla.js';
import { route } from '../src/domain/routing.js';
import { CATEGORIES } from '../src/domain/ticket.js';
import type { Handler } from '../src/bot/context.js';
import { compose, dueDate, dueText, personRef, reporterRef } from './common.js';

const VIA: Record<string, string> = { commissioner: '服务专员', taskforce: '项目专班', department: '责任部门', admin: '管理员' };

/** 受理 + 派单: opens the ticket, routes it, answers in the group and tells the responsible person privately. */
export const createTicket: Handler = {
  name: 'create-ticket',
  match: (ctx) => ctx.parsed.intent === 'report',
  async handle(ctx) {
    const p = ctx.parsed;
    const dir = ctx.directory;
    const urgency = p.urgency ?? 'normal';
    // the enterprise named in the message, else the group's, else the sender's
    const enterprise =
      (p.enterprise ? dir.enterpriseByName(p.enterprise) : undefined) ??
      dir.findEnterpriseIn(p.normalized) ??
      dir.enterprise(dir.group(ctx.msg.platform, ctx.msg.chatId)?.enterprise) ??
      dir.enterprise(ctx.actor.enterpriseId);
    const category = p.category ?? 'other';
    const { calendar, policy } = ctx.sla;
    const dueAt = resolutionDueAt(ctx.now, urgency, p.deadline, calendar, policy);
    const opened = await ctx.tickets.openFromMessage({
      summary: p.summary ?? ctx.msg.text.slice(0, 40),
      category,
      categoryConfidence: p.categoryConfidence,
      urgency,
      requestedDate: p.deadline,
      resolutionDueAt: dueAt,
      enterprise: enterprise?.name ?? p.enterprise,
      enterpriseId: enterprise?.id ?? null,
      parsedBy: ctx.parsedBy,
    });
    let t = opened.ticket;
    const r = route(dir, t.enterpriseId, category);
    if (r && t.status === 'accepted') {
      const res = await ctx.tickets.change(
        t.no,
        () => ({
          type: 'dispatch',
          to: r.assignee,
          via: r.via,
          responseDueAt: responseDueAt(ctx.now, urgency, calendar, policy),
          team: r.team,
          projectId: r.projectId,
          leaderId: r.leaderId,
        }),
        { asBot: true },
      );
      if (res.ok) t = res.ticket;
    }
    const assignee = t.assignee ? personRef(t.assignee, t.platform) : null;
    const asked = t.requestedDate && dueDate(t, calendar) === t.requestedDate ? '，按您要求的日期' : '';
    await ctx.reply(
      compose(
        [
          `**已受理 #${t.no}** @{0}`,
          `> 问题：${t.summary}`,
          `> 类别：${CATEGORIES[t.category]}${t.urgency === 'urgent' ? ' · **紧急**' : ''}${t.enterprise ? ` · ${t.enterprise}` : ''}`,
          `> 办理时限：${dueText(t, ctx.sla.calendar).replace('）', `${asked}）`)}`,
          t.assignee
            ? // the mention shows the name; without one (no id on this platform) the name is written out
              `> 责任人：${assignee ? '@{1}' : t.assignee.name}（${VIA[r?.via ?? ''] ?? '责任人'}）\n请责任人签收：回复“认领 #${t.no}”。`
            : '我们将尽快安排专人办理，进展会在本群告知。',
        ],
        [reporterRef(t), assignee],
        `已受理 #${t.no}`,
      ),
    );
    if (t.assignee) {
      const reached = await ctx.notifyPerson(
        t.assignee,
        compose(
          [
            `【新工单】#${t.no}${t.urgency === 'urgent' ? '（紧急）' : ''}`,
            `企业：${t.enterprise ?? '—'}`,
            `问题：${t.summary}`,
            `办理时限：${dueText(t, ctx.sla.calendar)}`,
            `请在群内回复“认领 #${t.no}”签收。`,
            ...ctx.links.ticket(t.no),
          ],
          [],
        ),
        t.platform,
      );
      if (!reached) ctx.log.warn({ ticketId: t.no }, 'assignee has no platform id: no private message');
    }
    return opened.created ? `ticket #${t.no} created${t.assignee ? `, dispatched to ${t.assignee.personId}` : ''}` : `ticket #${t.no} already existed`;
  },
};
