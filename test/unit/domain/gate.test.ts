import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnyOf, GatedReplace, LiteralGate, requiredStrings } from '../../../src/domain/parse/gate.js';
import { LEXICON } from '../../../src/domain/parse/lexicon.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { loadCorpus } from '../../../bench/parse-eval.js';

describe('the strings a pattern needs', () => {
  it('reads literals, alternatives, runs and optional parts', () => {
    expect(requiredStrings(/(高|贵)得吓人/)).toEqual(['高得吓人', '贵得吓人']);
    expect(requiredStrings(/(缺|少|扣|克扣)[^，。]{0,6}工资|工资.{0,6}(没发|没给|拖欠|不发)/)).toEqual(['工资']);
    expect(requiredStrings(/[\u4e00-\u9fa5]{1,4}(?<!保|凭)证(?!明|据)(?:办理|到期)/)).toEqual(['证办理', '证到期']);
    expect(requiredStrings(/(被|给)?村民[^，。]{0,6}(堵|围|拦)/)).toEqual(['村民']);
    expect(requiredStrings(/a{2}b?c/)).toEqual(['aac', 'aabc']);
    expect(requiredStrings(/(ab|cd)?ef|gh/)).toEqual(['ef', 'gh']);
  });
  it('reads a group with flags of its own as telling nothing of its letters', () => {
    // (Node 20 cannot build such a pattern; later versions can)
    expect(requiredStrings({ source: '(?i:ab)c', flags: '' } as RegExp)).toEqual(['c']);
  });
  it('says nothing where a match may be anything', () => {
    expect(requiredStrings(/[^，。]{2,}/)).toBeNull();
    expect(requiredStrings(/停电|.*/)).toBeNull();
    expect(requiredStrings(/(a)\1/)).toEqual(['a']);
    expect(requiredStrings(/x?/)).toBeNull();
  });
});

describe('LiteralGate', () => {
  const patterns: RegExp[] = Object.values(LEXICON).flatMap((cues) => cues.map(([w]) => w).filter((w): w is RegExp => typeof w !== 'string'));
  const gate = new LiteralGate(patterns);

  it('leaves out only patterns that cannot match, on every labelled message', () => {
    const dir = join(__dirname, '../../fixtures');
    const files = ['corpus.jsonl', ...readdirSync(dir).filter((f) => /^unseen-round\d+\.jsonl$/.test(f))];
    let missed = 0;
    let kept = 0;
    let texts = 0;
    // (a joined round's messages are in the corpus too: each text is checked once)
    const seen = new Set<string>();
    for (const f of files) {
      for (const m of loadCorpus(join(dir, f))) {
        if (seen.has(m.text)) continue;
        seen.add(m.text);
        const t = normalizeText(m.text);
        const c = new Set(gate.candidates(t));
        kept += c.size;
        texts++;
        patterns.forEach((p, k) => {
          if (!c.has(k) && p.test(t)) missed++;
        });
      }
    }
    expect(missed).toBe(0);
    // and it gates: most patterns are not run on a message
    expect(kept / texts).toBeLessThan(patterns.length / 10);
  }, 120_000);

  it('a call that fails leaves the gate as it was', () => {
    const g = new LiteralGate([/[^x]/, /abc/i, 'zz']);
    expect(() => g.candidates(undefined as unknown as string)).toThrow();
    expect(g.candidates('abc zz')).toEqual([0, 1, 2]);
  });

  it('runs case-insensitive patterns on text with Latin letters, in any case', () => {
    const g = new LiteralGate([/\bpower cut\b/i, /停电/]);
    expect(g.candidates('POWER CUT again')).toEqual([0]);
    expect(g.candidates('厂里停电了')).toEqual([1]);
    expect(g.candidates('今天天气不错')).toEqual([]);
  });
});

describe('AnyOf', () => {
  it('answers as running every pattern and word would', () => {
    const patterns = [/(高|贵)得吓人|(?<!要求)(停|断)(产|线)|^\d+号$/, /\b(urgent|asap)\b/i, /(a)x\1/];
    const words = ['急', '停电', 'a.b'];
    const any = new AnyOf(patterns, words);
    const plain = (s: string) => patterns.some((p) => p.test(s)) || words.some((w) => s.includes(w));
    for (const s of ['价格贵得吓人', '要求停产', '已经停线了', '12号', '12号楼', 'URGENT please', 'axa', 'axb', '很急', '停了电', 'a.b', 'acb', '']) {
      expect(any.test(s), s).toBe(plain(s));
    }
  });
});

describe('GatedReplace', () => {
  it('replaces as the whole pattern does, with only the alternatives a text holds the strings of', () => {
    // leftmost first, then the earlier alternative at one place; lookarounds and the flags kept
    const whole = /(高|贵)得吓人|吓人|(?<!要求)(停|断)(产|线)|停产线|\b(urgent|asap)\b|明儿(?!个)|明儿个/gi;
    const gated = new GatedReplace(whole);
    const texts = ['价格贵得吓人，停产线了', '要求停产线', 'URGENT 明儿个 明儿', '吓人吓人', '今天天气不错', '', 'asap停线', '断产线贵得吓人断线'];
    for (const s of texts) {
      expect(gated.replace(s, '_'), s).toBe(s.replace(whole, '_'));
      expect(gated.replace(s, (w) => `[${w}]`), s).toBe(s.replace(whole, (w: string) => `[${w}]`));
    }
    // a pattern that refers back to another alternative's group is run whole (split, it would read otherwise); one without
    // the g flag replaces its first match only; empty matches as String.prototype.replace makes them, a code point at a
    // time under u and v
    const back = /(a)|\1b/g;
    expect(new GatedReplace(back).replace('ab b', '_')).toBe('ab b'.replace(back, '_'));
    const once = /吓人|停产/;
    expect(new GatedReplace(once).replace('停产了，吓人', '_')).toBe('停产了，吓人'.replace(once, '_'));
    for (const empty of [/x*|好/gu, new RegExp('(?:)|x', 'gv'), /(?:)|x/g]) {
      for (const s of ['好好x😀好', '', 'xx', '😀a']) expect(new GatedReplace(empty).replace(s, '_'), `${empty} ${s}`).toBe(s.replace(empty, '_'));
    }
    // a long text with many matches reads as the whole does (each alternative's next match kept while it lies ahead)
    const long = `现在没有危险${'急缺，'.repeat(700)}隐患整改清单`;
    const urgentish = /急缺|[^。！!？?]{0,30}(?:暂时|目前|现在)(?:还)?(?:没有|没|无)(?:什么)?(?:危险|隐患)|隐患整改清单|整改清单/g;
    expect(new GatedReplace(urgentish).replace(long, '')).toBe(long.replace(urgentish, ''));
    expect(() => new GatedReplace(/a|b/y)).toThrow();
  });

  it('runs only the alternatives whose needed strings a text holds, and those that need none', () => {
    const gated = new GatedReplace(/甲乙|丙丁|x*/g);
    expect(gated.tried('甲乙在此')).toEqual(['甲乙', 'x*']);
    expect(gated.tried('丙丁')).toEqual(['丙丁', 'x*']);
    expect(new GatedReplace(/甲乙|丙丁/g).tried('什么都没有')).toEqual([]);
  });
});

describe('normalisation skips what cannot change', () => {
  it('a text without any character the traditional → simplified conversion replaces is left as it is', async () => {
    const OpenCC = await import('opencc-js');
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const { toSimplified } = await import('../../../src/domain/parse/normalize.js');
    const dir = join(__dirname, '../../fixtures');
    const texts = ['corpus.jsonl', ...readdirSync(dir).filter((f) => /^unseen-round\d+\.jsonl$/.test(f))].flatMap((f) => loadCorpus(join(dir, f)).map((m) => m.text));
    // every BMP character alone, and every labelled message
    const singles = Array.from({ length: 0xffff }, (_, c) => String.fromCharCode(c)).filter((c) => !/[\ud800-\udfff]/.test(c));
    let differ = 0;
    // (but the places whose 乾 the converter would make 干, kept as written: 乾安县, 乾县)
    const kept = /乾安|乾县|乾縣/;
    for (const t of [...singles, ...texts, '乾隆年間的舊廠房', '𠊎兜係佢', '一坏土', '不瞭解情况']) if (!kept.test(t) && toSimplified(t) !== convert(t)) differ++;
    expect(differ).toBe(0);
    expect(toSimplified('乾安縣的廠房 乾县 很乾 幹安全')).toBe('乾安县的厂房 乾县 很干 干安全');
  });
});
