import { describe, expect, it } from 'vitest';
import { evaluate, loadPairs } from '../../../bench/similarity-eval.js';
import { bestMatch, canonicalText, features, cosine, inWindow, score, THRESHOLDS, verdictOf, type Candidate } from '../../../src/domain/similarity.js';

const AT = '2026-11-23T01:30:00.000Z';
const daysBefore = (d: number) => new Date(Date.parse(AT) - d * 86_400_000).toISOString();
const report = (text: string, o: Partial<Candidate> = {}) => ({ text, category: 'utilities', enterpriseId: 'yilong', chat: 'wecom:g1', at: AT, ...o });
const ticket = (no: number, text: string, o: Partial<Candidate> = {}): Candidate => ({
  no,
  text,
  category: 'utilities',
  enterpriseId: 'yilong',
  chat: 'wecom:g1',
  state: 'open',
  at: daysBefore(3),
  ...o,
});

describe('similarity', () => {
  it('normalises: traditional script, fillers and synonyms fold to one text', () => {
    expect(canonicalText('我們廠區最近經常跳閘')).toBe(canonicalText('我们厂区最近经常跳闸'));
    expect(canonicalText('变压器扩容')).toBe(canonicalText('变压器增容'));
    expect(cosine(features('二期变压器增容没批'), features('二期变压器增容没批'))).toBeCloseTo(1, 5);
    expect(cosine(features(''), features('停电'))).toBe(0);
  });

  it('the same problem written differently by another contact is `same`; another problem of the same enterprise is not', () => {
    const t = ticket(12, '二期厂房用电负荷不够，申请的变压器增容一直没批下来，影响设备调试');
    const same = bestMatch(report('二期用電增容申請遞交快一個月了，變壓器還是沒動靜'), [t]);
    expect(same).toMatchObject({ no: 12, verdict: 'same', kind: 'duplicate' });
    const other = bestMatch(report('二期厂房用水管道老化漏水，需要更换'), [t]);
    expect(other?.verdict).toBe('different');
  });

  it('another enterprise is never the same problem (共性, not 重复); without a directory the chat decides', () => {
    const t = ticket(12, '厂区频繁停电，影响生产');
    expect(score(report('厂区频繁停电，影响生产', { enterpriseId: 'tianci' }), t)).toBe(0);
    expect(score(report('厂区频繁停电，影响生产', { enterpriseId: null, chat: 'wecom:g2' }), { ...t, enterpriseId: null })).toBe(0);
    expect(bestMatch(report('厂区频繁停电，影响生产', { enterpriseId: null }), [{ ...t, enterpriseId: null }])?.verdict).toBe('same');
  });

  it('windows: open tickets 30 days from creation (重复), answered ones 90 days from 办结 (回潮)', () => {
    expect(inWindow({ state: 'open', at: daysBefore(29) }, AT)).toBe(true);
    expect(inWindow({ state: 'open', at: daysBefore(31) }, AT)).toBe(false);
    expect(inWindow({ state: 'closed', at: daysBefore(89) }, AT)).toBe(true);
    expect(inWindow({ state: 'closed', at: daysBefore(91) }, AT)).toBe(false);
    const closed = ticket(7, '厂区门口的路坑坑洼洼，货车进出困难', { state: 'closed', at: daysBefore(40), category: 'infrastructure' });
    expect(bestMatch(report('厂区门口的路又坑坑洼洼了，货车进出困难', { category: 'infrastructure' }), [closed])).toMatchObject({ no: 7, kind: 'recurrence', verdict: 'same' });
    expect(bestMatch(report('厂区门口的路坑坑洼洼', { category: 'infrastructure' }), [{ ...closed, at: daysBefore(100) }])).toBeNull();
  });

  it('numbers that differ name different things (第3号厂房 / 第5号厂房); the same numbers, or numbers on one side only, do not decide', () => {
    expect(bestMatch(report('第5号厂房停电了，请尽快处理'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('different');
    expect(bestMatch(report('厂区门口的路灯坏了好几天（第10处）', { category: 'infrastructure' }), [ticket(1, '厂区门口的路灯坏了好几天（第0处）', { category: 'infrastructure' })])?.verdict).toBe('different');
    expect(bestMatch(report('第3号厂房又停电了'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('same');
    expect(bestMatch(report('厂房停电了，请尽快处理'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('same');
  });

  it('the best of several candidates, deterministically', () => {
    const cands = [ticket(1, '员工宿舍一直停水'), ticket(2, '二期变压器增容没批'), ticket(3, '招不到电焊工', { category: 'talent' })];
    const a = bestMatch(report('变压器增容的事还没批'), cands);
    expect(a).toMatchObject({ no: 2, verdict: 'same' });
    expect(bestMatch(report('变压器增容的事还没批'), [...cands].reverse())).toEqual(a);
    expect(verdictOf(THRESHOLDS.same)).toBe('same');
    expect(verdictOf(THRESHOLDS.unsure)).toBe('unsure');
    expect(verdictOf(THRESHOLDS.unsure - 0.01)).toBe('different');
  });
});

describe('the labelled pairs (test/fixtures/duplicate-pairs.jsonl)', () => {
  const pairs = loadPairs();

  it('has at least 200 pairs, both labels, both kinds, both scripts, a held-out part', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    for (const k of ['same', 'different'] as const) expect(pairs.filter((p) => p.label === k).length).toBeGreaterThan(50);
    for (const k of ['duplicate', 'recurrence'] as const) expect(pairs.filter((p) => p.kind === k).length).toBeGreaterThan(30);
    expect(pairs.filter((p) => p.split === 'held-out').length).toBeGreaterThanOrEqual(100);
    expect(pairs.some((p) => /[們這還電廠]/.test(p.a.text + p.b.text))).toBe(true);
  });

  // Measured once, with the thresholds frozen on the tune split: recall 85.7 % (36/42) meets issue 19's 85 %;
  // precision 90.0 % (36/40) does not meet its 95 % — the false merges are short reports sharing a long noun
  // phrase (知识产权质押贷款 / 知识产权被侵权). This guards the measured figures; the target stays open (docs/parsing.md).
  it('held out (never tuned on): recall ≥ 85 % (issue 19), precision ≥ 90 % (measured; target 95 %)', () => {
    const r = evaluate(pairs.filter((p) => p.split === 'held-out'));
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('the guard fails with a trivially wrong similarity', () => {
    const held = pairs.filter((p) => p.split === 'held-out');
    const always = evaluate(held, (r, cands) => (cands[0] ? { no: cands[0].no, score: 1, verdict: 'same', kind: 'duplicate' } : null));
    expect(always.precision).toBeLessThan(0.95);
    const never = evaluate(held, () => null);
    expect(never.recall).toBeLessThan(0.85);
  });
});
