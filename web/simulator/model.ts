/** The simulator page's model: who is who, which conversations a person sees, and what is unread. No DOM here. */

export type Platform = 'wecom' | 'dingtalk';

export interface SimPerson {
  id: string;
  name: string;
  role: string;
  enterprise: string | null;
  title: string | null;
  wecom: string | null;
  dingtalk: string | null;
}

export interface SimGroup {
  key: string;
  platform: Platform;
  chatId: string;
  name: string;
  kind: 'enterprise' | 'taskforce' | 'leaders';
  enterprise: string | null;
}

/** GET /simulator/api/state. */
export interface SimState {
  boot?: string;
  now: string;
  digestTime?: string;
  groups: SimGroup[];
  people: SimPerson[];
}

export interface Conversation {
  key: string;
  title: string;
  sub: string;
  platform: Platform;
  kind: 'group' | 'private';
}

export const ROLE: Record<string, string> = { enterprise: '企业联系人', cadre: '干部', leader: '领导', admin: '管理员' };
export const KIND: Record<string, string> = { enterprise: '企业服务群', taskforce: '专班群', leaders: '领导群' };
export const PLATFORM: Record<Platform, string> = { wecom: '企业微信', dingtalk: '钉钉' };
const PLATFORMS: Platform[] = ['wecom', 'dingtalk'];

/** The platform of a conversation key (`group:wecom:…`, `user:dingtalk:…`). */
export function platformOf(key: string): Platform {
  return key.split(':')[1] === 'dingtalk' ? 'dingtalk' : 'wecom';
}

/** A person's private chats with the bot, one per platform account. */
export function privateConversations(p: SimPerson): Conversation[] {
  return PLATFORMS.filter((pl) => p[pl]).map((pl) => ({
    key: `user:${pl}:${p[pl]}`,
    title: `与店小二私聊（${p.name}）`,
    sub: `${PLATFORM[pl]} · 私信和提醒`,
    platform: pl,
    kind: 'private' as const,
  }));
}

/** The conversations shown for a person: every group, then that person's private chats. */
export function conversationsFor(state: SimState, person: SimPerson | undefined): Conversation[] {
  const groups = state.groups.map((g) => ({ key: g.key, title: g.name, sub: `${PLATFORM[g.platform]} · ${KIND[g.kind] ?? g.kind}`, platform: g.platform, kind: 'group' as const }));
  return person ? [...groups, ...privateConversations(person)] : groups;
}

/** An enterprise contact speaks only in their own enterprise's group (not in leaders' groups); staff anywhere. */
export function mayTalkIn(p: SimPerson, g: SimGroup): boolean {
  return p.role !== 'enterprise' || (!!g.enterprise && p.enterprise === g.enterprise);
}

/** Whose private chat a conversation is (undefined for a group). */
export function ownerOf(state: SimState, key: string): SimPerson | undefined {
  const [kind, platform, id] = key.split(':');
  if (kind !== 'user') return undefined;
  return state.people.find((p) => p[platform as Platform] === id);
}

/**
 * Where the page starts: as an enterprise contact in their enterprise's group (the demo: 陈经理 in
 * 亿龙置业助企服务群), so a first message is a report from an enterprise; else the first person in the first group.
 */
export function defaultStart(state: SimState): { personId: string; conversation: string } | null {
  for (const g of state.groups.filter((x) => x.kind === 'enterprise' && x.enterprise)) {
    const contact = state.people.find((p) => p.role === 'enterprise' && p.enterprise === g.enterprise && p[g.platform]);
    if (contact) return { personId: contact.id, conversation: g.key };
  }
  const g = state.groups[0];
  const p = state.people.find((x) => !g || (mayTalkIn(x, g) && x[g.platform])) ?? state.people[0];
  if (!p) return null;
  return { personId: p.id, conversation: g?.key ?? privateConversations(p)[0]?.key ?? '' };
}

/**
 * The conversation to show after choosing a person: the open group if they may talk there, else their private chat
 * on the same platform when a private chat was open, else the first group they may talk in.
 */
export function conversationAfterChoosing(state: SimState, person: SimPerson, current: string | null): string {
  const privates = privateConversations(person);
  const group = state.groups.find((g) => g.key === current);
  if (group && mayTalkIn(person, group) && person[group.platform]) return group.key;
  if (current?.startsWith('user:')) {
    const same = privates.find((c) => c.platform === platformOf(current));
    if (same) return same.key;
  }
  const first = state.groups.find((g) => mayTalkIn(person, g) && person[g.platform]) ?? state.groups.find((g) => mayTalkIn(person, g));
  return first?.key ?? privates[0]?.key ?? '';
}

/** A person's private chat with unread messages (their badge opens it), if any. */
export function unreadPrivate(person: SimPerson, unread: Record<string, number>): string | undefined {
  return privateConversations(person).find((c) => (unread[c.key] ?? 0) > 0)?.key;
}

/** Counts what arrives outside the open conversation (the open one is being read). Returns the new counts. */
export function countUnread(counts: Record<string, number>, items: { conversation: string }[], open: string | null): Record<string, number> {
  const next = { ...counts };
  for (const item of items) {
    if (item.conversation === open) continue;
    next[item.conversation] = (next[item.conversation] ?? 0) + 1;
  }
  return next;
}

/** Unread private messages of a person (both platforms). */
export function personUnread(counts: Record<string, number>, p: SimPerson): number {
  return privateConversations(p).reduce((n, c) => n + (counts[c.key] ?? 0), 0);
}
