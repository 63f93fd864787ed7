import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { evaluate, FIELDS, loadCorpus } from '../../../bench/parse-eval.js';
import { buildIntentModelJson, buildModelJson, INTENT_MODEL_PATH, MODEL_PATH } from '../../../scripts/train-category-model.js';
import { CATEGORIES } from '../../../src/domain/ticket.js';
import { INTENTS } from '../../../src/domain/parse/parse.js';
import { projectRoot } from '../../helpers/shared.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const corpus = loadCorpus(join(projectRoot, 'test', 'fixtures', 'corpus.jsonl'));

describe('the labelled corpus', () => {
  it('has at least 300 messages covering every intent and category, both scripts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const intent of INTENTS) expect(corpus.filter((m) => m.intent === intent).length, intent).toBeGreaterThanOrEqual(5);
    for (const cat of Object.keys(CATEGORIES)) expect(corpus.filter((m) => m.category === cat).length, cat).toBeGreaterThanOrEqual(5);
    const traditional = corpus.filter((m) => toSimplified(m.text) !== m.text);
    expect(traditional.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
  });

  it('the committed category model is the one the corpus trains (npm run train:parse)', () => {
    expect(readFileSync(MODEL_PATH, 'utf8')).toBe(buildModelJson());
  });

  it('the committed intent models are the ones the corpus trains (npm run train:parse)', () => {
    expect(readFileSync(INTENT_MODEL_PATH, 'utf8')).toBe(buildIntentModelJson());
  });

  // (the corpus, 89,747 messages, is read once for both guards below: about half a minute on a 2-core machine beside the
  // other tests, so the first to run is given three minutes)
  let scored: ReturnType<typeof evaluate> | undefined;
  const scores = () => (scored ??= evaluate(corpus.filter((m) => m.split !== 'u')));

  // A regression guard on the parts the parser was built with; unseen-text accuracy is measured by npm run bench:parse.
  it('reads the tuning and development parts at ≥ 95 % per field', () => {
    for (const f of FIELDS) {
      const acc = scores()[f].right / scores()[f].n;
      expect(acc, `${f}: ${scores()[f].misses.map((m) => m.id).join(' ')}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 180_000);

  // the rules with the learned fallback (intent-model.ts); its gain on unseen text is measured by bench/intent-loro.ts
  it('reads the intent of the tuning and development parts at ≥ 99 %', () => {
    const { intent } = scores();
    expect(intent.right / intent.n, intent.misses.map((m) => m.id).join(' ')).toBeGreaterThanOrEqual(0.99);
  }, 180_000);
});
