import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../config/policy.js';
import { handlers } from '../../handlers/index.js';
import { createBot } from '../../src/bot/bot.js';
import { createTicketService } from '../../src/bot/ticket-service.js';
import { createDigestService } from '../../src/digest/digest-service.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import { Directory, validateDirectory } from '../../src/domain/directory.js';
import type { InboundMessage, PlatformId } from '../../src/messages/inbound.js';
import type { OutboundMessage, OutboundTarget } from '../../src/messages/outbound.js';
import { createLocker } from '../../src/queue/lock.js';
import { createLogger } from '../../src/shared/logger.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createDirectoryRepository } from '../../src/store/repositories/directory.repository.js';
import { createTicketRepository } from '../../src/store/repositories/ticket.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { sharedPath } from '../helpers/shared.js';

/** The real bot and ticket service over a real store; sends are recorded instead of queued. */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const directory = new Directory(v.data);
const YILONG = 'wrkSFfCgAAyilong01';
const WECOM_LEADERS = 'wrkSFfCgAAleaders1';
const TIANCI = 'cidTianCiService01==';
/** Words only tianci's problem contains. */
const TIANCI_WORDS = '担保贷款';

let store: Store;
let redis: Redis;
let bot: ReturnType<typeof createBot>;
let sent: { target: OutboundTarget; message: OutboundMessage }[] = [];
let seq = 0;

beforeAll(async () => {
  store = await connectStore(testMongoUri('privacy'));
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const tickets = createTicketRepository(store.conn);
  const calendar = defaultCalendar;
  bot = createBot({
    handlers,
    tickets: createTicketService({ tickets, withLock: createLocker(redis, testQueuePrefix()), calendar, policy: DEFAULT_POLICY }),
    directory: async () => directory,
    calendar,
    policy: DEFAULT_POLICY,
    timezone: 'Asia/Shanghai',
    digests: createDigestService({ tickets, directories: createDirectoryRepository(store.conn), calendar, timezone: 'Asia/Shanghai' }),
    log: createLogger('silent'),
    async send(_cause, _index, target, message) {
      sent.push({ target, message });
    },
  });
});
afterAll(async () => {
  await store?.close();
  redis?.disconnect();
});

/** One message through the bot; returns what it sent. */
async function say(platform: PlatformId, chatId: string, senderId: string, text: string, chatType: 'group' | 'single' = 'group') {
  sent = [];
  const msg: InboundMessage = {
    platform,
    eventId: `privacy-${++seq}`,
    chatId,
    chatType,
    sender: { platform, id: senderId },
    text,
    mentions: [],
    // a fixed moment: nothing here depends on today's date
    sentAt: new Date(Date.parse('2026-11-23T01:30:00.000Z') + seq * 60_000).toISOString(),
  };
  const outcome = await bot.handle(msg);
  return { outcome, sent: [...sent] };
}

/** Everything that went into a group (as a reply there or posted to it). */
const intoGroup = (s: typeof sent, chatId: string) =>
  s.filter((x) => (x.target.kind === 'reply' && x.target.chatType === 'group' && x.target.chatId === chatId) || (x.target.kind === 'group' && x.target.chatId === chatId));
const privatelyTo = (s: typeof sent, userId: string) => s.filter((x) => x.target.kind === 'user' && x.target.userId === userId);

describe('a ticket is shown only to its own enterprise\'s group, to staff privately and to leaders', () => {
  let yilongNo = 0;
  let tianciNo = 0;
  beforeAll(async () => {
    const a = await say('wecom', YILONG, 'chenjl', '我们二期用电扩容申请一个月了还没批下来');
    yilongNo = Number(/#(\d+)/.exec(a.outcome)![1]);
    const b = await say('dingtalk', TIANCI, '0522002', `流动资金紧张，想申请政策性${TIANCI_WORDS}，请金融办指导`);
    tianciNo = Number(/#(\d+)/.exec(b.outcome)![1]);
    expect(tianciNo).not.toBe(yilongNo);
  });

  it('a cadre asking in enterprise A\'s group about B\'s ticket gets the card privately; A\'s group never sees B\'s problem', async () => {
    const r = await say('wecom', YILONG, 'zhangwei', `#${tianciNo} 什么进度了`);
    expect(intoGroup(r.sent, YILONG).map((x) => x.message.text).join('\n')).not.toContain(TIANCI_WORDS);
    expect(intoGroup(r.sent, YILONG)[0]?.message.text).toContain('私信');
    expect(privatelyTo(r.sent, 'zhangwei')[0]?.message.text).toContain(TIANCI_WORDS);
  });

  it('the same question about A\'s own ticket is answered in A\'s group', async () => {
    const r = await say('wecom', YILONG, 'zhangwei', `#${yilongNo} 什么进度了`);
    expect(intoGroup(r.sent, YILONG)[0]?.message.text).toContain('用电扩容');
    expect(privatelyTo(r.sent, 'zhangwei')).toHaveLength(0);
  });

  it('a leaders\' group and a private chat with staff may see any ticket', async () => {
    const leaders = await say('wecom', WECOM_LEADERS, 'lihua', `#${tianciNo} 什么进度了`);
    expect(intoGroup(leaders.sent, WECOM_LEADERS)[0]?.message.text).toContain(TIANCI_WORDS);
    const single = await say('wecom', 'zhangwei', 'zhangwei', `#${tianciNo} 什么进度了`, 'single');
    expect(single.sent[0]?.target).toMatchObject({ kind: 'reply', chatType: 'single' });
    expect(single.sent[0]?.message.text).toContain(TIANCI_WORDS);
  });

  it('认领 of B\'s ticket typed in A\'s group: A\'s group gets a short acknowledgement naming nothing of it', async () => {
    const r = await say('wecom', YILONG, 'zhangwei', `认领 #${tianciNo}`);
    expect(r.outcome).toContain('claimed');
    const inA = intoGroup(r.sent, YILONG).map((x) => x.message.text).join('\n');
    expect(inA).toContain('已签收');
    expect(inA).not.toContain('办理时限');
    expect(intoGroup(r.sent, TIANCI)[0]?.message.text).toContain('办理时限');
  });

  it('办结 of B\'s ticket typed in A\'s group: the answer with B\'s problem goes to B\'s group only', async () => {
    const r = await say('wecom', YILONG, 'zhangwei', `办结 #${tianciNo} 已对接合作银行`);
    expect(r.outcome).toContain('resolved');
    expect(intoGroup(r.sent, YILONG).map((x) => x.message.text).join('\n')).not.toContain(TIANCI_WORDS);
    expect(intoGroup(r.sent, YILONG)[0]?.message.text).toContain('已答复');
    expect(intoGroup(r.sent, TIANCI)[0]?.message.text).toContain(TIANCI_WORDS);
  });

  it('a list (我的待办) asked in one enterprise\'s group that holds another\'s ticket goes privately', async () => {
    const r = await say('wecom', YILONG, 'zhangwei', '我的待办');
    const group = intoGroup(r.sent, YILONG).map((x) => x.message.text).join('\n');
    expect(group).not.toContain(TIANCI_WORDS);
    // zhangwei is the commissioner of both enterprises: both tickets are his
    expect(privatelyTo(r.sent, 'zhangwei')[0]?.message.text).toContain(TIANCI_WORDS);
    expect(group).toContain('私信');
  });
});

describe('帮助 lists each role\'s main commands', () => {
  const help = async (platform: PlatformId, chatId: string, id: string) => (await say(platform, chatId, id, '帮助')).sent[0]!.message.text;

  it('enterprises: report, 进度, 催办, 评价, 重办', async () => {
    const t = await help('wecom', YILONG, 'chenjl');
    for (const w of ['反映问题', '什么进度了', '催一下', '满意', '还没解决', '重办']) expect(t, w).toContain(w);
    for (const w of ['认领', '今日简报']) expect(t, w).not.toContain(w);
  });

  it('cadres: 认领 / 进展 / 转办 / 退单 / 办结 / 延期 / 待补充 / 恢复办理', async () => {
    const t = await help('wecom', YILONG, 'zhangwei');
    for (const w of ['认领', '进展', '转办', '退单', '办结', '延期', '待补充', '恢复办理', '我的待办']) expect(t, w).toContain(w);
    for (const w of ['今日简报', '同意延期']) expect(t, w).not.toContain(w);
  });

  it('asked whether a problem may simply be said in the group, it says yes first', async () => {
    for (const q of ['我想提个问题 直接在群里说就行吗', '提问题是直接在群里说就行吗，要不要@你']) {
      const t = (await say('wecom', YILONG, 'chenjl', q)).sent[0]!.message.text;
      expect(t, q).toMatch(/^您好，我是店小二[^\n]*\n可以。在群里 @店小二 直接说明问题即可/);
    }
    expect(await help('wecom', YILONG, 'chenjl')).not.toContain('可以。');
  });

  it('staff asking in an enterprise\'s group: their commands go to them privately, the group gets a short note only', async () => {
    for (const [id, words] of [['lihua', ['今日简报', '共性', '认领']], ['zhangwei', ['认领', '转办']]] as const) {
      const r = await say('wecom', YILONG, id, '帮助');
      expect(intoGroup(r.sent, YILONG).map((x) => x.message.text)).toEqual(['{{mention:0}} 使用说明已私信发送给您，如未收到，请与我私聊查询。']);
      const dm = privatelyTo(r.sent, id)[0]?.message.text;
      for (const w of words) expect(dm, w).toContain(w);
    }
  });

  it('leaders: 今日简报 / 周报 / 月报 / 超期问题 / 同意延期, and the cadres\' commands', async () => {
    const t = await help('wecom', WECOM_LEADERS, 'lihua');
    for (const w of ['今日简报', '周报', '月报', '超期问题', '同意延期', '认领', '延期']) expect(t, w).toContain(w);
  });
});
