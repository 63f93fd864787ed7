import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupCommonIssues, MIN_ENTERPRISES, sharedPhrase, SIMILAR_AT, WINDOW_DAYS, type GroupableTicket } from '../../../src/domain/common-issues.js';
import { Directory, directorySchema } from '../../../src/domain/directory.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { cosine, features } from '../../../src/domain/similarity.js';
import type { Category } from '../../../src/domain/ticket.js';

/** Four enterprises in 钱塘园区, one in 下沙园区, one the directory gives no area. */
const dir = new Directory(
  directorySchema.parse({
    enterprises: [
      { id: 'a', name: '甲电子', area: '钱塘园区' },
      { id: 'b', name: '乙材料', area: '钱塘园区' },
      { id: 'c', name: '丙精密', area: '钱塘园区' },
      { id: 'd', name: '丁新能源', area: '钱塘园区' },
      { id: 'x', name: '下沙纺织', area: '下沙园区' },
      { id: 'n', name: '无园区制造' },
    ],
    groups: [{ platform: 'wecom', chatId: 'grp-n', name: '无园区制造服务群', kind: 'enterprise', enterprise: 'n' }],
  }),
);
const NOW = '2026-11-20T02:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

let seq = 0;
function t(enterpriseId: string | null, summary: string, o: Partial<GroupableTicket> = {}): GroupableTicket {
  const no = o.no ?? ++seq;
  const e = enterpriseId ? dir.enterprise(enterpriseId) : undefined;
  return {
    no,
    status: 'pending_claim',
    category: 'utilities' as Category,
    summary,
    enterpriseId,
    enterprise: e?.name ?? null,
    platform: 'wecom',
    chatId: `grp-${enterpriseId ?? no}`,
    createdAt: daysAgo(3),
    ...o,
  };
}

const POWER = [
  '厂房用电负荷不够，申请变压器增容一直没批下来',
  '变压器扩容申请递交快一个月了还没动静',
  '新生产线要上，变压器容量不够需要增容',
  '车间用电负荷不够，变压器增容迟迟批不下来',
];

describe('groupCommonIssues', () => {
  it('groups a problem of one category from 3+ enterprises of one area: label, numbers, enterprises', () => {
    const tickets = [t('a', POWER[0]!, { no: 12 }), t('b', POWER[1]!, { no: 15 }), t('c', POWER[2]!, { no: 19 }), t('d', POWER[3]!, { no: 21 }), t('a', '员工宿舍停水两天了', { no: 22 })];
    const groups = groupCommonIssues(tickets, { now: NOW, directory: dir });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      category: 'utilities',
      categoryLabel: '水电气网',
      area: '钱塘园区',
      tickets: [12, 15, 19, 21],
      enterprises: ['甲电子', '乙材料', '丙精密', '丁新能源'],
      enterpriseCount: 4,
    });
    expect(groups[0]!.label).toBe(`4家企业反映 钱塘园区 ${groups[0]!.phrase}`);
    expect(groups[0]!.phrase).toContain('增容');
    // deterministic: any order of the input gives the same groups
    expect(groupCommonIssues([...tickets].reverse(), { now: NOW, directory: dir })).toEqual(groups);
  });

  it('needs at least three different enterprises: two enterprises (one writing twice) are no pattern', () => {
    expect(MIN_ENTERPRISES).toBe(3);
    const tickets = [t('a', POWER[0]!), t('a', POWER[3]!), t('b', POWER[1]!)];
    expect(groupCommonIssues(tickets, { now: NOW, directory: dir })).toEqual([]);
  });

  it('needs one category', () => {
    const tickets = [t('a', POWER[0]!), t('b', POWER[1]!), t('c', POWER[2]!, { category: 'approval' })];
    expect(groupCommonIssues(tickets, { now: NOW, directory: dir })).toEqual([]);
  });

  it('needs one area when the directory knows it; an enterprise without an area may join', () => {
    expect(groupCommonIssues([t('a', POWER[0]!), t('b', POWER[1]!), t('x', POWER[2]!)], { now: NOW, directory: dir })).toEqual([]);
    // 无园区制造 has no area (and its ticket no enterprise id: the directory's group names it)
    const joined = groupCommonIssues([t('a', POWER[0]!), t('b', POWER[1]!), t(null, POWER[2]!, { chatId: 'grp-n' })], { now: NOW, directory: dir });
    expect(joined).toHaveLength(1);
    // the label names no area: one of the three is not known to be in 钱塘园区
    expect(joined[0]).toMatchObject({ area: null, enterpriseCount: 3 });
    expect(joined[0]!.label).not.toContain('园区');
    expect(joined[0]!.enterprises).toContain('无园区制造');
  });

  it('needs similar text', () => {
    const tickets = [t('a', POWER[0]!), t('b', '厂区宽带网速太慢，视频会议经常断'), t('c', '天然气管道还没通到厂里')];
    expect(groupCommonIssues(tickets, { now: NOW, directory: dir })).toEqual([]);
  });

  it(`needs the tickets created within ${WINDOW_DAYS} days`, () => {
    const tickets = [t('a', POWER[0]!), t('b', POWER[1]!), t('c', POWER[2]!, { createdAt: daysAgo(WINDOW_DAYS + 1) })];
    expect(groupCommonIssues(tickets, { now: NOW, directory: dir })).toEqual([]);
    expect(groupCommonIssues(tickets, { now: NOW, directory: dir, windowDays: 40 })).toHaveLength(1);
  });

  it('leaves out tickets no longer open and tickets already part of a case', () => {
    const base = [t('a', POWER[0]!), t('b', POWER[1]!)];
    expect(groupCommonIssues([...base, t('c', POWER[2]!, { status: 'pending_rating' })], { now: NOW, directory: dir })).toEqual([]);
    expect(groupCommonIssues([...base, t('c', POWER[2]!, { caseOf: 1 })], { now: NOW, directory: dir })).toEqual([]);
  });

  it('works without a directory: no area, enterprises told apart by id or group', () => {
    const groups = groupCommonIssues([t('a', POWER[0]!), t('b', POWER[1]!), t(null, POWER[2]!)], { now: NOW });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ area: null, enterpriseCount: 3, enterprises: ['甲电子', '乙材料', '未具名企业'] });
    expect(groups[0]!.label).toMatch(/^3家企业反映 \S+$/);
  });

  it('labels with the category when the summaries share no phrase', () => {
    expect(sharedPhrase(['招不到熟练焊工', '缺少数控操作员', '技术员流失严重'])).toBeNull();
    expect(sharedPhrase(['变压器扩容没批', '用电增容一个月没消息', '要增容'])).toBe('增容');
  });
});

describe('SIMILAR_AT', () => {
  // the labelled pairs of 重复 (test/fixtures/duplicate-pairs.jsonl), compared as 共性 compares: summaries, one category
  it('separates the same problem from another on the labelled pairs\' summaries (precision and recall ≥ 85 %)', () => {
    const rows = readFileSync(new URL('../../fixtures/duplicate-pairs.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { a: { text: string }; b: { text: string }; label: string });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const a = parseMessage(r.a.text, NOW);
      const b = parseMessage(r.b.text, NOW);
      if (a.intent !== 'report' || b.intent !== 'report' || a.category !== b.category) continue;
      const similar = cosine(features(a.summary!), features(b.summary!)) >= SIMILAR_AT;
      if (similar && r.label === 'same') tp++;
      else if (similar) fp++;
      else if (r.label === 'same') fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.85);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
  });
});
