import { describe, expect, it } from 'vitest';
import { answeredPairs, learnPairWeights, type AskedTicket } from '../../../src/domain/pair-learning.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { bestMatch, PAIR_MODEL, type Candidate } from '../../../src/domain/similarity.js';

const category = (t: string) => parseMessage(t, '2026-11-23T01:30:00.000Z').category ?? 'other';
const T0 = '2026-11-02T02:00:00.000Z';
const T1 = '2026-11-06T02:00:00.000Z';
const ticket = (no: number, text: string, asks: [string, 'yes' | 'no' | undefined, boolean?][]): AskedTicket => ({
  no,
  text,
  category: category(text),
  enterpriseId: `e${no}`,
  chat: `wecom:g${no}`,
  createdAt: T0,
  duplicateAsks: asks.map(([t, answer, auto]) => ({ reporter: { id: 'x' }, source: `s${no}`, text: t, at: T1, ...(answer ? { answer } : {}), ...(auto ? { auto } : {}) })),
});
/** A district where a later question about the same paperwork is another matter: five 不是, one 是. */
const DISTRICT = [
  ticket(1, '出口退税一直没退下来，资金压了四百多万', [['出口退税的申报系统登录不了', 'no']]),
  ticket(2, '高企认定公示名单没有我们，想申请复核', [['高企认定的研发费用怎么归集', 'no']]),
  ticket(3, '产品的CE认证检测排期要三个月', [['客户要求做BSCI验厂，有没有辅导', 'no']]),
  ticket(4, '外地员工的小孩读公办小学积分不够', [['员工小孩放学没人接，镇里有没有托管班', 'no']]),
  ticket(5, '厂区附近晚上经常有人偷电缆', [['厂里电缆老化想更换，要不要报供电局', 'no', true]]),
  ticket(6, '新厂房的消防验收约不上时间', [['消防验收的事还是没人约', 'yes'], ['消防验收能不能快点', undefined]]),
];
const verdict = (a: string, b: string, weights?: readonly number[]) => {
  const c: Candidate = { no: 9, state: 'open', at: T0, text: a, category: category(a), enterpriseId: 'p', chat: 'wecom:p' };
  return bestMatch({ text: b, category: category(b), enterpriseId: 'p', chat: 'wecom:p', at: T1 }, [c], undefined, weights)?.verdict;
};

describe('the pair model learns from 是 / 不是 (pair-learning.ts)', () => {
  it('reads answered questions only, an undone automatic merge as 不是', () => {
    const pairs = answeredPairs(DISTRICT, category);
    expect(pairs.map((p) => [p.ticket, p.same])).toEqual([[1, false], [2, false], [3, false], [4, false], [5, false], [6, true]]);
    expect(pairs[5]).toMatchObject({ report: { text: '消防验收的事还是没人约', enterpriseId: 'e6', chat: 'wecom:g6' }, candidate: { no: 6, state: 'open', text: '新厂房的消防验收约不上时间' } });
  });

  it('no answers: the shipped weights exactly; the same answers: the same weights', () => {
    expect(learnPairWeights([])).toEqual(PAIR_MODEL.weights);
    const pairs = answeredPairs(DISTRICT, category);
    expect(learnPairWeights(pairs)).toEqual(learnPairWeights(answeredPairs([...DISTRICT].reverse(), category)));
  });

  it("after the district's answers a like question about other paperwork is no longer merged, and a real follow-up still is", () => {
    const learned = learnPairWeights(answeredPairs(DISTRICT, category));
    expect(learned).not.toEqual(PAIR_MODEL.weights);
    expect(verdict('新能源补贴一直没到账', '新能源补贴的申报材料要哪些')).toBe('same');
    expect(verdict('新能源补贴一直没到账', '新能源补贴的申报材料要哪些', learned)).not.toBe('same');
    expect(verdict('环评批复等了两个月', '环评批复的事还是没消息', learned)).toBe('same');
  });
});
