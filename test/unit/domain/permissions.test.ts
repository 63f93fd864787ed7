import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { Directory, validateDirectory, type Actor } from '../../../src/domain/directory.js';
import { authorize, mayShowProjectIn, mayUpdateProject, type Permission } from '../../../src/domain/permissions.js';
import { route } from '../../../src/domain/routing.js';
import { buildNewTicket, type Ticket, type TicketStatus } from '../../../src/domain/ticket.js';
import { sharedPath } from '../../helpers/shared.js';

const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const dir = new Directory(v.data);
const NOW = '2026-11-23T02:00:00.000Z';

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  const t = buildNewTicket(12, {
    platform: 'wecom', chatId: 'wrkSFfCgAAyilong01', reporter: { id: 'chenjl' }, text: 't', summary: 's', category: 'utilities',
    categoryConfidence: 0.9, urgency: 'normal', requestedDate: null, resolutionDueAt: '2026-11-30T01:30:00.000Z', enterprise: '浙江亿龙置业有限公司',
    enterpriseId: 'yilong', sourceMessageId: 'wecom:m1', parsedBy: 'rules', now: NOW,
  });
  return { ...t, status, assignee: { personId: 'zhangwei', name: '张伟' }, team: ['zhangwei', 'wangfang', 'zhouming'], ...extra };
}

const actor = (platformId: string, chatId = 'wrkSFfCgAAyilong01'): Actor => dir.actor('wecom', platformId, chatId);
const A = {
  assignee: actor('zhangwei'),
  teammate: actor('wangfang'),
  otherCadre: actor('liuqiang'),
  leader: actor('lihua'),
  admin: actor('xiaoer-admin'),
  reporter: actor('chenjl'),
  unknownInGroup: actor('someone-new'),
  otherEnterprise: actor('sunzg'),
  unknownElsewhere: actor('someone-new', 'wrkSFfCgAAleaders1'),
};

// the permission table of the issue, row by row: who is allowed (everyone else is refused)
const table: [Permission, TicketStatus, (keyof typeof A)[]][] = [
  ['claim', 'pending_claim', ['assignee', 'teammate', 'leader', 'admin']],
  ['progress', 'in_progress', ['assignee', 'leader', 'admin']],
  ['resolve', 'in_progress', ['assignee', 'leader', 'admin']],
  ['transfer', 'in_progress', ['assignee', 'leader', 'admin']],
  ['rate', 'pending_rating', ['reporter', 'unknownInGroup']],
  ['reopen', 'pending_rating', ['reporter', 'unknownInGroup']],
  ['urge', 'in_progress', ['reporter', 'unknownInGroup', 'leader', 'admin']],
  ['view', 'in_progress', ['assignee', 'teammate', 'otherCadre', 'leader', 'admin', 'reporter', 'unknownInGroup']],
  ['digest', 'in_progress', ['leader', 'admin']],
  ['overdue', 'in_progress', ['leader', 'admin']],
];

describe('a cadre refused an update', () => {
  it('is told who handles the ticket now; others are not (found trying the product: a re-routed ticket\'s former handler was refused without learning to whom it had gone)', () => {
    const r = authorize('progress', A.otherCadre, ticket('in_progress'), NOW);
    expect(r).toEqual({ ok: false, message: '抱歉，只有当前责任人、领导和管理员才能更新进展 #12。当前责任人：张伟。' });
    const e = authorize('progress', A.reporter, ticket('in_progress'), NOW);
    expect(e.ok ? '' : e.message).not.toContain('张伟');
  });
});

describe('permission table', () => {
  for (const [perm, status, allowed] of table) {
    for (const who of Object.keys(A) as (keyof typeof A)[]) {
      const should = allowed.includes(who);
      it(`${perm}: ${who} ${should ? 'may' : 'may not'}`, () => {
        const r = authorize(perm, A[who], ticket(status), NOW);
        expect(r.ok).toBe(should);
        if (!r.ok) expect(r.message).toMatch(/^(抱歉，|#12 )/);
      });
    }
  }
  it('rating is refused before the answer and more than 15 days after closing, allowed within', () => {
    expect(authorize('rate', A.reporter, ticket('in_progress'), NOW)).toMatchObject({ ok: false, message: '#12 尚未答复，暂不能评价。' });
    const closed = ticket('closed', { closedAt: '2026-11-01T00:00:00.000Z' });
    expect(authorize('rate', A.reporter, closed, '2026-11-10T00:00:00.000Z').ok).toBe(true);
    expect(authorize('reopen', A.reporter, closed, '2026-11-20T00:00:00.000Z')).toMatchObject({ ok: false, message: '#12 已办结超过15天，不能再申请重办。' });
  });
});

describe('senders and routing against the example directory', () => {
  it('identifies senders by platform id; an unknown sender counts as a contact only in an enterprise group', () => {
    expect(A.assignee).toMatchObject({ role: 'cadre', personId: 'zhangwei' });
    expect(dir.actor('dingtalk', '0411100', 'x')).toMatchObject({ role: 'leader', personId: 'lihua' });
    expect(A.unknownInGroup).toMatchObject({ role: 'enterprise', enterpriseId: 'yilong' });
    expect(A.unknownElsewhere.role).toBe('none');
  });
  it('routes to the commissioner first, then task force, department lead, admins', () => {
    expect(route(dir, 'yilong', 'utilities')).toMatchObject({ via: 'commissioner', assignee: { personId: 'zhangwei' }, projectId: 'yilong-phase2', leaderId: 'lihua' });
    expect(route(dir, 'yilong', 'utilities', 'zhangwei')).toMatchObject({ via: 'taskforce', assignee: { personId: 'wangfang' } });
    expect(route(dir, null, 'talent')).toMatchObject({ via: 'department', assignee: { personId: 'liuqiang' } });
    expect(route(dir, null, 'talent', 'liuqiang')).toMatchObject({ via: 'admin', assignee: { personId: 'admin' } });
    expect(route(Directory.empty(), null, 'talent')).toBeNull();
  });
  it('finds enterprises, people and departments named in text', () => {
    expect(dir.findEnterpriseIn('我们亿龙置业的二期')?.id).toBe('yilong');
    expect(dir.enterpriseByName('天赐')?.id).toBe('tianci');
    expect(dir.findPersonByName('转办 #4 给区人社局 @刘强')?.id).toBe('liuqiang');
    expect(dir.findDepartmentIn('转办 #18 给住建局')?.id).toBe('zhujian');
  });
});

describe('key projects: where their progress is shown, who registers it', () => {
  const project = dir.data.projects.find((p) => p.id === 'yilong-phase2')!;
  it('its own enterprise group, a leaders group or a private chat — never another enterprise group', () => {
    const at = (chatId: string, chatType: 'group' | 'single' = 'group') => mayShowProjectIn(project, { platform: 'wecom', chatId, chatType }, dir);
    expect(at('wrkSFfCgAAyilong01')).toBe(true);
    expect(at('wrkSFfCgAAleaders1')).toBe(true);
    expect(at('someone', 'single')).toBe(true);
    expect(mayShowProjectIn(project, { platform: 'dingtalk', chatId: 'cidTianCiService01==', chatType: 'group' }, dir)).toBe(false);
    expect(at('an-unknown-group')).toBe(false);
  });
  it('the 专班, the enterprise’s 服务专员, leaders and admins; not any other cadre, nor the enterprise', () => {
    const who = (id: string) => mayUpdateProject(actor(id), { ...project, taskforce: ['wangfang'] }, dir).ok;
    expect(who('wangfang')).toBe(true); // 专班
    expect(who('zhangwei')).toBe(true); // 亿龙's 服务专员
    expect(who('lihua')).toBe(true);
    expect(who('xiaoer-admin')).toBe(true);
    expect(who('liuqiang')).toBe(false);
    expect(who('chenjl')).toBe(false);
  });
});
