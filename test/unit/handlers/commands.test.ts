import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { createTicket } from '../../../handlers/create-ticket.handler.js';
import { handlers } from '../../../handlers/index.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import type { Ticket } from '../../../src/domain/ticket.js';
import { fakeContext } from '../../helpers/fake-context.js';
import { sharedPath } from '../../helpers/shared.js';

const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
const directory = v.ok ? new Directory(v.data) : Directory.empty();
const GROUP = 'wrkSFfCgAAyilong01';

/** Runs one message through the registered handlers against a shared in-memory store. */
async function say(tickets: Map<number, Ticket>, senderId: string, text: string, chatId = GROUP) {
  const { ctx, sent } = fakeContext(text, { directory, tickets, senderId, chatId });
  const handler = handlers.find((h) => h.match(ctx))!;
  const outcome = await handler.handle(ctx);
  return { outcome, sent, texts: sent.map((s) => s.message.text) };
}

async function openOne(tickets: Map<number, Ticket>) {
  const { ctx } = fakeContext('我们用电扩容申请一个月了还没批下来', { directory, tickets, chatId: GROUP });
  await createTicket.handle(ctx);
}

describe('command handlers on the example directory', () => {
  it('退单 with a reason goes to the next in the routing chain; without a reason it is refused', async () => {
    const tickets = new Map<number, Ticket>();
    await openOne(tickets);
    const noReason = await say(tickets, 'zhangwei', '退单 #1', 'zhangwei');
    expect(noReason.texts[0]).toContain('退单请写明理由');
    const r = await say(tickets, 'zhangwei', '退单 #1 理由：扩容属供电公司职责', 'zhangwei');
    expect(r.outcome).toBe('#1 returned to wangfang');
    expect(r.texts[0]).toContain('#1 已退单，改派给 {{mention:0}} 王芳');
    expect(r.texts[0]).toContain('理由：扩容属供电公司职责');
    expect(r.sent.some((s) => typeof s.target === 'object' && s.target.kind === 'group' && s.target.chatId === GROUP)).toBe(true);
    expect(r.sent.some((s) => typeof s.target === 'object' && s.target.kind === 'user' && s.target.userId === 'wangfang')).toBe(true);
    expect(tickets.get(1)).toMatchObject({ status: 'pending_claim', returnCount: 1, assignee: { personId: 'wangfang' } });
  });

  it('the enterprise reopens an answered ticket; urging counts and reminds the assignee privately', async () => {
    const tickets = new Map<number, Ticket>();
    await openOne(tickets);
    await say(tickets, 'zhangwei', '认领 #1');
    const urged = await say(tickets, 'chenjl', '#1 催一下');
    expect(urged.texts[0]).toContain('已催办 **#1**');
    expect(urged.sent.find((s) => typeof s.target === 'object' && s.target.kind === 'user')?.message.text).toContain('【催办】#1 第1次催办');
    await say(tickets, 'zhangwei', '办结 #1 部分解决，剩余容量明年一季度落实');
    expect(tickets.get(1)).toMatchObject({ status: 'pending_rating', outcome: 'partial' });
    const reopened = await say(tickets, 'chenjl', '#1 还没解决，二期还是用不上电');
    expect(reopened.texts[0]).toContain('#1 已重新打开，转入重办');
    expect(tickets.get(1)).toMatchObject({ status: 'in_progress', reopenCount: 1, urgeCount: 1 });
    expect(tickets.get(1)!.events.at(-1)).toMatchObject({ type: 'reopen', note: '还没解决，二期还是用不上电' });
  });

  it('a transfer names its target by @-name or department; an unknown target gets a clear answer', async () => {
    const tickets = new Map<number, Ticket>();
    await openOne(tickets);
    expect((await say(tickets, 'zhangwei', '转办 #1 给隔壁老王')).texts[0]).toContain('未找到转办对象');
    const r = await say(tickets, 'zhangwei', '转办 #1 @周明');
    expect(r.outcome).toBe('#1 transferred to zhouming');
  });
});

describe('clock commands', () => {
  async function claimedTicket() {
    const tickets = new Map<number, Ticket>();
    await openOne(tickets);
    await say(tickets, 'zhangwei', '认领 #1');
    return tickets;
  }

  it('待补充 pauses the clock and 已补充 (by the enterprise) resumes it, moving the deadline by the paused working time', async () => {
    const tickets = await claimedTicket();
    const due = tickets.get(1)!.resolutionDueAt;
    expect((await say(tickets, 'zhangwei', '#1 待补充')).texts[0]).toContain('请写明需要企业补充的内容');
    const paused = await say(tickets, 'zhangwei', '#1 待补充：请提供二期用电负荷表');
    expect(paused.texts[0]).toContain('#1 需企业补充材料');
    expect(tickets.get(1)!.pausedAt).toBeTruthy();
    // the fake context's clock does not move, so no working time passed: the deadline stays
    const resumed = await say(tickets, 'chenjl', '#1 已补充');
    expect(resumed.texts[0]).toContain('#1 已恢复办理');
    expect(tickets.get(1)).toMatchObject({ pausedAt: null, resolutionDueAt: due });
    expect(tickets.get(1)!.events.map((e) => e.type).slice(-2)).toEqual(['pause', 'resume']);
  });

  it('延期 within the allowance applies at once; a second one needs a leader, who approves it', async () => {
    const tickets = await claimedTicket();
    expect((await say(tickets, 'zhangwei', '延期 #1 到12月2日')).texts[0]).toContain('延期请写明理由');
    const first = await say(tickets, 'zhangwei', '延期 #1 到12月2日 理由：等待供电公司现场勘察');
    expect(first.texts[0]).toContain('#1 已延期');
    expect(tickets.get(1)).toMatchObject({ extensionCount: 1, resolutionDueAt: new Date('2026-12-02T18:00:00+08:00').toISOString() });
    const second = await say(tickets, 'zhangwei', '#1 延期3个工作日 原因：需省电力公司审批');
    expect(second.texts[0]).toContain('已提交领导审批');
    expect(second.sent.some((s) => typeof s.target === 'object' && s.target.kind === 'user' && s.target.userId === 'lihua')).toBe(true);
    expect(tickets.get(1)!.pendingExtension).toMatchObject({ reason: '需省电力公司审批', by: 'zhangwei' });
    expect((await say(tickets, 'zhangwei', '同意延期 #1')).texts[0]).toContain('抱歉，只有领导和管理员');
    const approved = await say(tickets, 'lihua', '同意延期 #1');
    expect(approved.texts[0]).toContain('#1 延期已批准');
    expect(tickets.get(1)).toMatchObject({ extensionCount: 2, pendingExtension: null, resolutionDueAt: new Date('2026-12-07T18:00:00+08:00').toISOString() });
  });

  it('an extension to an earlier date is refused', async () => {
    const tickets = await claimedTicket();
    expect((await say(tickets, 'zhangwei', '延期 #1 到11月24日 理由：x')).texts[0]).toContain('新的办理时限需晚于当前时限');
  });
});
