import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { parseMessage } from '../../src/domain/parse/parse.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sharedPath } from '../helpers/shared.js';

/** A cadre's note on a ticket without a keyword is a progress note; the same kind of sentence from the enterprise asks after it. */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const GROUP = 'g-unknown-works';
const MONDAY = '2026-11-23T01:30:00.000Z';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ label: 'progress-notes', directory: v.data, now: MONDAY, calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }) });
  await h.say('boss', '最近生意不太好想请领导帮帮忙', { chatId: GROUP });
  expect(await h.ticket(1)).toMatchObject({ assignee: { personId: 'zhangwei' } });
});
afterAll(async () => {
  await h.close();
});

describe('progress notes without a keyword', () => {
  it('reads a statement about a ticket as progress, a question as a query', () => {
    expect(parseMessage('#5 已经帮企业对接了两家银行，等银行审批', MONDAY).intent).toBe('progress');
    expect(parseMessage('#5 现在到哪一步了', MONDAY).intent).toBe('query');
    expect(parseMessage('#5 银行那边审批下来了没有', MONDAY).intent).toBe('query');
    expect(parseMessage('#5 好的', MONDAY).intent).toBe('query');
  });

  it('a note that names an answer or a step still to come never closes the ticket; a done one does', () => {
    for (const pending of ['#1 已经跟供电公司沟通过了，他们说下周给答复', '#5 还在等待住建局答复', '#5 尚未办结，正在协调施工队', '#5 材料初审已完成，等待区住建局审批']) {
      expect(parseMessage(pending, MONDAY).intent, pending).toBe('progress');
    }
    for (const done of ['#5 已办结，企业已确认', '#5 已答复企业，问题已解决', '#5 已送电', '#5 证已经发下来了，这单可以关了']) {
      expect(parseMessage(done, MONDAY).intent, done).toBe('resolve');
    }
  });

  it("the assignee's note is recorded and posted; the enterprise's sentence shows where the ticket stands", async () => {
    await h.say('zhangwei', '#1 认领', { chatId: 'zhangwei', chatType: 'single' });
    const note = await h.say('zhangwei', '#1 已经帮企业对接了两家银行，等银行审批', { chatId: 'zhangwei', chatType: 'single' });
    expect(note.outcome).toBe('#1 progress');
    const t = await h.ticket(1);
    expect(t!.events.at(-1)).toMatchObject({ type: 'progress', note: '已经帮企业对接了两家银行，等银行审批' });

    const before = t!.events.length;
    const asked = await h.say('boss', '#1 我们这边的材料都已经准备好了', { chatId: GROUP });
    expect(asked.outcome).not.toBe('refused');
    expect(asked.texts.join('\n')).toContain('#1');
    expect((await h.ticket(1))!.events).toHaveLength(before);
  });
});
