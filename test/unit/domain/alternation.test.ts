import { describe, expect, it } from 'vitest';
import { edgeChars, gated, topLevelAlternatives, trieAlternation } from '../../../src/domain/parse/alternation.js';

describe('trieAlternation: a long list of words as a trie', () => {
  it('matches what the list matches, the longer word first, and keeps patterns as they are', () => {
    const list = '电子|电子材料|电池|电力|化学(?!品)|汽车|汽车部件|汽配|[虾蟹]养殖场';
    const trie = trieAlternation(list);
    expect(trie).toBe('电(?:子(?:材料)?|池|力)|汽(?:车(?:部件)?|配)|化学(?!品)|[虾蟹]养殖场');
    const at = (re: string, s: string) => new RegExp(`^(?:${re})`).exec(s)?.[0];
    for (const s of ['电子厂', '电池', '化学', '化学品', '汽配城', '虾养殖场', '蟹苗']) expect(at(trie, s)).toBe(at(list, s));
    // where the list would stop at the shorter word, the trie reads the longer one
    expect(at(list, '汽车部件厂')).toBe('汽车');
    expect(at(trie, '汽车部件厂')).toBe('汽车部件');
  });
  it('splits only at the outermost level', () => {
    expect(topLevelAlternatives('a|b(?:c|d)|[e|f]|\\|g')).toEqual(['a', 'b(?:c|d)', '[e|f]', '\\|g']);
  });
});

describe('gated: an alternation behind one class test on its edge characters', () => {
  it('reads the first and last characters, lookarounds set aside, and gives up on an edge that is no plain character', () => {
    expect(edgeChars('电子|(?<!农)商行|化学(?!品)|[虾蟹]养殖场', 'first')).toBe('电商化虾蟹');
    expect(edgeChars('电子|(?<!农)商行|化学(?!品)|[虾蟹]养殖场', 'last')).toBe('子行学场');
    expect(edgeChars('电(?:子|池)|汽车', 'last')).toBeNull();
    expect(edgeChars('[^农]商行|汽车', 'first')).toBeNull();
  });
  it('matches exactly what the ungated alternation matches, forwards and inside a lookbehind', () => {
    const words = '电子|电子材料|电池|(?<!农)商行|化学(?!品)|[虾蟹]养殖场';
    const shape = '(?:(?![企行])[\\u4e00-\\u9fa5]业)';
    const plain = `${trieAlternation(words)}|${shape}`;
    const gate = gated(words, shape, { first: '[\\u4e00-\\u9fa5]业', last: '业' });
    expect(gate.startsWith('(?=[电商化虾蟹]|')).toBe(true);
    const texts = ['电子材料厂', '农商行', '兴商行', '化学品', '化学', '虾养殖场', '鱼养殖场', '镁业', '企业', '行业', '说电池的事', '没有'];
    for (const t of texts) {
      for (const [a, b] of [
        [`(?:${plain})`, `(?:${gate})`],
        [`(?<=[\\u4e00-\\u9fa5](?:${plain}))`, `(?<=[\\u4e00-\\u9fa5](?:${gate}))`],
        [`^[\\u4e00-\\u9fa5]{0,2}?(?:${plain})`, `^[\\u4e00-\\u9fa5]{0,2}?(?:${gate})`],
      ] as const) {
        const ra = new RegExp(a, 'g');
        const rb = new RegExp(b, 'g');
        expect([...t.matchAll(rb)].map((m) => [m.index, m[0]]), `${b} on ${t}`).toEqual([...t.matchAll(ra)].map((m) => [m.index, m[0]]));
      }
    }
  });
  it('is left ungated where an item not given as a word has no gate of its own', () => {
    expect(gated('电子|电池', '(?:[\\u4e00-\\u9fa5]业)')).toBe('电(?:子|池)|(?:[\\u4e00-\\u9fa5]业)');
  });
});
