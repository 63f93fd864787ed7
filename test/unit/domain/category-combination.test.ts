import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus } from '../../../bench/parse-eval.js';
import { charGrams, compiledOf, extendBayes, logPosteriorBayes, logPosteriorCompiled, logPosteriorOfText, posteriorBayes } from '../../../src/domain/parse/bayes.js';
import { intentGrams, intentPosterior, SHIPPED_INTENT_MODELS } from '../../../src/domain/parse/intent-model.js';
import { classifyByLexicon, classifyCategory, LEXICON_CERTAIN, SHIPPED_CATEGORY_MODEL } from '../../../src/domain/parse/category.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';

describe('the category combination (lexicon score + model log posterior; bench/category-loro.ts)', () => {
  it('the model is smoothed with α = 0.1 and its log posteriors sum to one', () => {
    expect(SHIPPED_CATEGORY_MODEL.alpha).toBe(0.1);
    const lp = logPosteriorBayes(SHIPPED_CATEGORY_MODEL, normalizeText('厂门口的路灯坏了一个月'));
    expect(lp.reduce((a, x) => a + Math.exp(x), 0)).toBeCloseTo(1, 9);
  });
  it('the compiled model gives the same log posteriors to the last bit, for a learned model too', () => {
    const learned = extendBayes(SHIPPED_CATEGORY_MODEL, [{ normalized: normalizeText('厂门口的路灯坏了'), category: 'utilities' as const }], 3);
    for (const model of [SHIPPED_CATEGORY_MODEL, learned]) {
      for (const raw of ['厂门口的路灯坏了一个月', '我们用电扩容申请一个月了还没批下来，影响二期投产，很急', 'Our container is stuck at the port', '']) {
        const text = normalizeText(raw);
        expect(logPosteriorCompiled(compiledOf(model), charGrams(text))).toEqual(logPosteriorBayes(model, text));
        expect(logPosteriorOfText(compiledOf(model), text)).toEqual(logPosteriorBayes(model, text));
      }
    }
  });
  it('reading a text\'s grams as numbers gives the figures of its grams as strings, on every labelled message', () => {
    const c = compiledOf(SHIPPED_CATEGORY_MODEL);
    const intent = compiledOf(SHIPPED_INTENT_MODELS.plain);
    const texts = loadCorpus(join(__dirname, '../../fixtures/corpus.jsonl')).map((m) => normalizeText(m.text));
    let differ = 0;
    for (const t of [...texts, '１２３ abc Kelvin\u212a İstanbul 🙂 ①②', '@张伟 #12 进度？']) {
      if (JSON.stringify(logPosteriorOfText(c, t)) !== JSON.stringify(logPosteriorCompiled(c, charGrams(t)))) differ++;
      if (JSON.stringify(intentPosterior(intent, t)) !== JSON.stringify(posteriorBayes(intent, intentGrams(t)))) differ++;
    }
    expect(differ).toBe(0);
  });
  it('a certain lexicon reading stands, however strongly a model says otherwise', () => {
    const certain = normalizeText('营业执照变更登记材料不全，审批局让补正');
    expect(classifyByLexicon(certain).confidence).toBeGreaterThanOrEqual(LEXICON_CERTAIN);
    const against = extendBayes(SHIPPED_CATEGORY_MODEL, Array.from({ length: 50 }, () => ({ normalized: certain, category: 'finance' as const })), 5);
    expect(classifyCategory(certain, against)).toEqual(classifyCategory(certain));
    expect(classifyCategory(certain).category).toBe('approval');
  });
  it('below certainty the model weighs in: a deployment\'s examples move a text the lexicon is unsure of', () => {
    const text = normalizeText('新建的光伏电站并网验收还没安排，什么时候能排上');
    expect(classifyByLexicon(text).confidence).toBeLessThan(LEXICON_CERTAIN);
    const toward = (category: 'approval' | 'utilities') =>
      // (one example weighed as many: the shipped model, trained on 86k messages, leans hard on 验收 as an approval's)
      extendBayes(SHIPPED_CATEGORY_MODEL, [{ normalized: normalizeText('光伏电站并网验收还没安排'), category }], 40);
    expect(classifyCategory(text, toward('approval')).category).toBe('approval');
    expect(classifyCategory(text, toward('utilities')).category).toBe('utilities');
  });
  it('is deterministic and its confidence stays in 0..1', () => {
    for (const s of ['厂门口的路灯坏了一个月', '工人工资拖欠三个月了', '有个事想问问', '']) {
      const t = normalizeText(s);
      const a = classifyCategory(t);
      expect(classifyCategory(t)).toEqual(a);
      expect(a.confidence).toBeGreaterThanOrEqual(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });
});
