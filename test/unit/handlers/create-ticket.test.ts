import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { createTicket } from '../../../handlers/create-ticket.handler.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { fakeContext } from '../../helpers/fake-context.js';
import { sharedPath } from '../../helpers/shared.js';

const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
const dir = v.ok ? new Directory(v.data) : Directory.empty();

describe('create-ticket handler', () => {
  it('without a directory: opens a ticket and answers with number, mention, summary, category and deadline', async () => {
    const { ctx, sent, store } = fakeContext('新项目的用地指标还差20亩，12月15日前要报省里');
    expect(createTicket.match(ctx)).toBe(true);
    expect(await createTicket.handle(ctx)).toBe('ticket #1 created');
    expect(store.get(1)).toMatchObject({ category: 'land', urgency: 'normal', requestedDate: '2026-12-15', resolutionDue: '2026-11-30', status: 'accepted' });
    expect(sent).toHaveLength(1);
    const r = sent[0]!.message;
    expect(r.mentions).toEqual([{ platform: 'wecom', id: 'chenjl', name: undefined }]);
    expect(r.text).toContain('已受理 #1');
    expect(r.text).toContain('{{mention:0}}');
    expect(r.text).toContain('用地拆迁');
    expect(r.text).toContain('办理时限：2026-11-30（周一）');
  });

  it('with the directory: the group\'s enterprise, routed to its commissioner, mentioned and messaged privately', async () => {
    const { ctx, sent, store } = fakeContext('我们用电扩容申请一个月了还没批下来', { directory: dir, chatId: 'wrkSFfCgAAyilong01' });
    expect(await createTicket.handle(ctx)).toBe('ticket #1 created, dispatched to zhangwei');
    expect(store.get(1)).toMatchObject({
      enterpriseId: 'yilong',
      enterprise: '浙江亿龙置业有限公司',
      status: 'pending_claim',
      assignee: { personId: 'zhangwei', name: '张伟', wecom: 'zhangwei' },
      projectId: 'yilong-phase2',
      leaderId: 'lihua',
    });
    const [reply, dm] = sent;
    expect(reply!.message.mentions.map((m) => m.id)).toEqual(['chenjl', 'zhangwei']);
    expect(reply!.message.text).toContain('责任人：{{mention:1}} 张伟（服务专员）');
    expect(dm!.target).toEqual({ kind: 'user', platform: 'wecom', userId: 'zhangwei' });
    expect(dm!.message.text).toContain('【新工单】#1');
  });

  it('does not match chat', () => {
    expect(createTicket.match(fakeContext('好的收到').ctx)).toBe(false);
  });
});
