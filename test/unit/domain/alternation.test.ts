import { describe, expect, it } from 'vitest';
import { topLevelAlternatives, trieAlternation } from '../../../src/domain/parse/alternation.js';

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
