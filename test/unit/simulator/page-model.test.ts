import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/infra/paths.js';
import {
  conversationAfterChoosing,
  conversationsFor,
  countUnread,
  defaultStart,
  personUnread,
  unreadPrivate,
  type SimPerson,
  type SimState,
} from '../../../web/simulator/model.js';

/** The state the page gets for the demo directory (GET /simulator/api/state). */
function demoState(): SimState {
  const d = YAML.parse(readFileSync(join(projectRoot(), 'config', 'demo-directory.yaml'), 'utf8')) as {
    people: (Partial<SimPerson> & { id: string; name: string; role: string })[];
    groups: { platform: 'wecom' | 'dingtalk'; chatId: string; name: string; kind: 'enterprise' | 'leaders'; enterprise?: string }[];
  };
  return {
    now: '2026-11-23T01:30:00.000Z',
    groups: d.groups.map((g) => ({ key: `group:${g.platform}:${g.chatId}`, platform: g.platform, chatId: g.chatId, name: g.name, kind: g.kind, enterprise: g.enterprise ?? null })),
    people: d.people.map((p) => ({ id: p.id, name: p.name, role: p.role, enterprise: p.enterprise ?? null, title: p.title ?? null, wecom: p.wecom ?? null, dingtalk: p.dingtalk ?? null })),
  };
}
const state = demoState();
const who = (id: string) => state.people.find((p) => p.id === id)!;
const yilong = 'group:wecom:wrkSFfCgAAyilong01';

describe('the simulator page starts as an enterprise contact', () => {
  it('陈经理 in 亿龙置业助企服务群 (a cadre\'s "report" would be a ticket assigned to himself)', () => {
    expect(defaultStart(state)).toEqual({ personId: 'chenjl', conversation: yilong });
    expect(who('chenjl').role).toBe('enterprise');
  });
});

describe('unread badges per conversation and per person', () => {
  it('counts what arrives outside the open conversation, private chats by their person', () => {
    const items = [
      { conversation: yilong }, // open: being read
      { conversation: 'group:wecom:wrkSFfCgAAleaders1' },
      { conversation: 'user:wecom:zhangwei' }, // a reminder to 张伟 after a clock jump, while 陈经理 is chosen
      { conversation: 'user:wecom:zhangwei' },
      { conversation: 'user:dingtalk:0411100' }, // 李华 on DingTalk
    ];
    const counts = countUnread({}, items, yilong);
    expect(counts).toEqual({ 'group:wecom:wrkSFfCgAAleaders1': 1, 'user:wecom:zhangwei': 2, 'user:dingtalk:0411100': 1 });
    expect(personUnread(counts, who('zhangwei'))).toBe(2);
    expect(personUnread(counts, who('lihua'))).toBe(1);
    expect(personUnread(counts, who('chenjl'))).toBe(0);
    // 陈经理's conversation list has only his own private chats; 张伟's are reached through his badge
    expect(conversationsFor(state, who('chenjl')).map((c) => c.key)).not.toContain('user:wecom:zhangwei');
  });

  it('a person\'s badge opens their unread private chat; choosing a person keeps the open group when they may talk there', () => {
    const counts = { 'user:wecom:zhangwei': 1 };
    expect(unreadPrivate(who('zhangwei'), counts)).toBe('user:wecom:zhangwei');
    expect(unreadPrivate(who('chenjl'), counts)).toBeUndefined();
    expect(conversationAfterChoosing(state, who('zhangwei'), yilong)).toBe(yilong);
    // an enterprise contact never lands in another enterprise's group, nor in the leaders' group
    expect(conversationAfterChoosing(state, who('sunzg'), yilong)).toBe('group:dingtalk:cidTianCiService01==');
    expect(conversationAfterChoosing(state, who('chenjl'), 'group:wecom:wrkSFfCgAAleaders1')).toBe(yilong);
    // from a private chat to the new person's private chat on the same platform
    expect(conversationAfterChoosing(state, who('lihua'), 'user:dingtalk:0522001')).toBe('user:dingtalk:0411100');
    // 系统管理员 has no DingTalk account: not left in a DingTalk group
    expect(conversationAfterChoosing(state, who('admin'), 'group:dingtalk:cidLeaders000001==')).toBe(yilong);
  });
});
