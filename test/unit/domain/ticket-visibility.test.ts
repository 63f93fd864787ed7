import { describe, expect, it } from 'vitest';
import { Directory, directorySchema } from '../../../src/domain/directory.js';
import { mayShowTicketIn } from '../../../src/domain/permissions.js';

const dir = new Directory(
  directorySchema.parse({
    enterprises: [{ id: 'a', name: '甲企业有限公司' }, { id: 'b', name: '乙企业有限公司' }],
    groups: [
      { platform: 'wecom', chatId: 'groupA', name: '甲群', kind: 'enterprise', enterprise: 'a' },
      { platform: 'dingtalk', chatId: 'groupA2', name: '甲钉钉群', kind: 'enterprise', enterprise: 'a' },
      { platform: 'wecom', chatId: 'groupB', name: '乙群', kind: 'enterprise', enterprise: 'b' },
      { platform: 'wecom', chatId: 'taskforceB', name: '乙专班', kind: 'taskforce', enterprise: 'b' },
      { platform: 'wecom', chatId: 'leaders', name: '领导群', kind: 'leaders' },
    ],
  }),
);
const ticketOfB = { platform: 'wecom' as const, chatId: 'groupB', enterpriseId: 'b' };
const group = (platform: 'wecom' | 'dingtalk', chatId: string) => ({ platform, chatId, chatType: 'group' as const });

describe('where a ticket may be shown', () => {
  it('its own group, a group bound to its enterprise, a leaders\' group and private chats', () => {
    expect(mayShowTicketIn(ticketOfB, group('wecom', 'groupB'), dir)).toBe(true);
    expect(mayShowTicketIn(ticketOfB, group('wecom', 'taskforceB'), dir)).toBe(true);
    expect(mayShowTicketIn(ticketOfB, group('wecom', 'leaders'), dir)).toBe(true);
    expect(mayShowTicketIn(ticketOfB, { platform: 'dingtalk', chatId: 'someone', chatType: 'single' }, dir)).toBe(true);
  });
  it('never another enterprise\'s group or a group the directory does not know', () => {
    expect(mayShowTicketIn(ticketOfB, group('wecom', 'groupA'), dir)).toBe(false);
    expect(mayShowTicketIn(ticketOfB, group('dingtalk', 'groupA2'), dir)).toBe(false);
    expect(mayShowTicketIn(ticketOfB, group('wecom', 'unknown'), dir)).toBe(false);
    // the same chat id on the other platform is another group
    expect(mayShowTicketIn(ticketOfB, group('dingtalk', 'groupB'), dir)).toBe(false);
  });
  it('a ticket of no known enterprise: only where it was reported (and leaders, privately)', () => {
    const loose = { platform: 'wecom' as const, chatId: 'unknown', enterpriseId: null };
    expect(mayShowTicketIn(loose, group('wecom', 'unknown'), dir)).toBe(true);
    expect(mayShowTicketIn(loose, group('wecom', 'groupA'), dir)).toBe(false);
    expect(mayShowTicketIn(loose, group('wecom', 'leaders'), dir)).toBe(true);
  });
});
