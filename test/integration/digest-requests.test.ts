import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { validateDirectory } from '../../src/domain/directory.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sharedPath } from '../helpers/shared.js';

/**
 * Leaders ask for numbers in their own words, through the real bot and store: each request reaches the digest of the
 * period it names (or the one before), as a whole, as rankings, or as the one figure asked for.
 */
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
if (!v.ok) throw new Error('example directory invalid');
const GROUP = 'g-unknown-works';
const MONDAY = '2026-11-23T01:30:00.000Z';
const LATER = '2026-11-23T03:30:00.000Z';
const dm = (id: string) => ({ chatId: id, chatType: 'single' as const, at: LATER });

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ label: 'digest-requests', directory: v.data, now: MONDAY, calendar: new BusinessCalendar({ timezone: 'Asia/Shanghai' }) });
  await h.say('boss', '我们厂最近招不到电焊工，能不能帮忙对接一下', { chatId: GROUP });
  await h.say('boss', '厂区门口的路灯坏了好几天，晚上下班很不安全', { chatId: GROUP });
});
afterAll(async () => {
  await h.close();
});

describe("a leader's request for numbers in plain words", () => {
  it('破解率多少了: the year-to-date 破解率 with its basis', async () => {
    const r = await h.say('lihua', '破解率多少了', dm('lihua'));
    expect(r.outcome).toBe('digest day solve sent');
    expect(r.texts[0]).toContain('**破解率**');
    expect(r.texts[0]).toContain('2026年累计');
  });

  it('这周新增的问题按类别分一下: the week\'s figures of every category, most new first', async () => {
    const r = await h.say('lihua', '高新区这周新增的问题 按类别分一下', dm('lihua'));
    expect(r.outcome).toBe('digest week categories sent');
    expect(r.texts[0]).toContain('**按类别**（新增/在办）');
    expect(r.texts[0]).toContain('> 用工人才 1/1');
    expect(r.texts[0]).toContain('> 基础设施配套 1/1');
  });

  it('weekly summary pls: the weekly digest, asked in English words', async () => {
    const r = await h.say('lihua', 'weekly summary pls', dm('lihua'));
    expect(r.outcome).toBe('digest week sent');
    expect(r.texts[0]).toContain('## 助企服务周报');
  });

  it('本周破解率多少: the year\'s rate, said to be the year\'s, and what the week itself did', async () => {
    const r = await h.say('lihua', '本周破解率多少', dm('lihua'));
    expect(r.outcome).toBe('digest week solve sent');
    expect(r.texts[0]).toContain('2026年累计');
    expect(r.texts[0]).toMatch(/破解率按年度累计，不按周单独计算；11月23日—11月29日办结（答复）\d+ 件。/);
  });

  it('发一下本周的问题汇总: the whole weekly digest; 上个月的数据发我一下: last month\'s', async () => {
    expect((await h.say('lihua', '发一下本周的问题汇总', dm('lihua'))).texts[0]).toContain('## 助企服务周报（11月23日—11月29日）');
    expect((await h.say('lihua', '上个月的数据发我一下', dm('lihua'))).texts[0]).toContain('## 助企服务月报（2026年10月）');
  });

  it('各部门办结情况排名发一下: the rankings; 看看这个月用工类的问题: the category\'s figures', async () => {
    const rank = await h.say('lihua', '各部门办结情况排名发一下', dm('lihua'));
    expect(rank.outcome).toBe('digest month ranking sent');
    expect(rank.texts[0]).toContain('部门排名');
    expect((await h.say('lihua', '看看这个月用工类的问题', dm('lihua'))).texts[0]).toContain('**用工人才** 本期新增 1 件 · 目前在办 1 件');
  });

  it('an enterprise asking the same gets the refusal, and no ticket is opened from it', async () => {
    const r = await h.say('boss', '本月满意率怎么样', { chatId: GROUP, at: LATER });
    expect(r.outcome).toBe('refused');
    expect(await h.ticket(3)).toBeNull();
  });
});
