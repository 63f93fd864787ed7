/**
 * Trains the category model from the labelled corpus (test/fixtures/corpus.jsonl): reports of the tuning (t) and
 * development (h) parts only; the unseen part (u) stays out so that the benchmark measures text the model never saw.
 * Deterministic: the same corpus gives the same file. Usage: npm run train:parse
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainBayes } from '../src/domain/parse/bayes.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { CATEGORIES, type Category } from '../src/domain/ticket.js';
import { projectRoot } from '../src/infra/paths.js';

export const MODEL_PATH = join(projectRoot(), 'src', 'domain', 'parse', 'category-model.json');

export function buildModelJson(): string {
  const corpus = readFileSync(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intent: string; category: Category | null; split: string });
  const examples = corpus
    .filter((m) => m.intent === 'report' && m.category && m.split !== 'u')
    .map((m) => ({ normalized: normalizeText(m.text.replace(/^@店小二\s*/, '')), category: m.category! }));
  const model = trainBayes(examples, Object.keys(CATEGORIES) as Category[]);
  return `${JSON.stringify(model)}\n`;
}

if (process.argv[1]?.endsWith('train-category-model.ts')) {
  const json = buildModelJson();
  writeFileSync(MODEL_PATH, json);
  console.log(`wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KiB)`);
}
