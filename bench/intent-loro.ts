/**
 * Leave-one-round-out measure of the intent fallback (src/domain/parse/intent-model.ts): for each of rounds 8, 9 and 10
 * the intent models are trained on the corpus without that round and the round's intent accuracy is read with the rules
 * alone and with the fallback. The shipped models are not touched. Also the whole corpus with the shipped models.
 * Usage: npx tsx bench/intent-loro.ts [--sweep] [--changes]
 */
import { join } from 'node:path';
import { INTENT_FALLBACK_MIN_PROBABILITY, SHIPPED_INTENT_MODELS, type IntentModels } from '../src/domain/parse/intent-model.js';
import { readIntent } from '../src/domain/parse/parse.js';
import { projectRoot } from '../src/infra/paths.js';
import { trainIntentModels } from '../scripts/train-category-model.js';
import { loadCorpus, type LabelledMessage } from './parse-eval.js';

const ROUNDS = [
  { name: 'round 8', from: 1119, to: 1378 },
  { name: 'round 9', from: 1379, to: 1643 },
  { name: 'round 10', from: 1644, to: 1908 },
];
const corpus = loadCorpus(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'));
const num = (id: string) => Number(id.replace(/^c/, ''));
const inRound = (r: (typeof ROUNDS)[number]) => (id: string) => num(id) >= r.from && num(id) <= r.to;
const text = (m: LabelledMessage) => m.text.replace(/^@店小二\s*/, '');
const pct = (r: number, n: number) => `${((100 * r) / n).toFixed(1)} %`;

function score(msgs: LabelledMessage[], models: IntentModels | null) {
  let right = 0;
  const got = msgs.map((m) => readIntent(text(m), models));
  msgs.forEach((m, i) => (right += got[i] === m.intent ? 1 : 0));
  return { right, got };
}

const thresholds = process.argv.includes('--sweep') ? [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999] : [INTENT_FALLBACK_MIN_PROBABILITY];
const showChanges = process.argv.includes('--changes');
const trained = ROUNDS.map((r) => ({ r, msgs: corpus.filter((m) => inRound(r)(m.id)), models: trainIntentModels(inRound(r)) }));

for (const minProbability of thresholds) {
  console.log(`\nintent accuracy, leave-one-round-out (fallback when the model is ≥ ${minProbability} sure)`);
  console.log(`${'round'.padEnd(10)}${'n'.padStart(5)}${'rules'.padStart(22)}${'rules + fallback'.padStart(22)}${'fixed'.padStart(7)}${'broken'.padStart(8)}`);
  let sumRules = 0;
  let sumFallback = 0;
  for (const { r, msgs, models } of trained) {
    const rules = score(msgs, null);
    const fb = score(msgs, { ...models, minProbability });
    let fixed = 0;
    let broken = 0;
    msgs.forEach((m, i) => {
      if (rules.got[i] === fb.got[i]) return;
      if (fb.got[i] === m.intent) fixed++;
      else if (rules.got[i] === m.intent) broken++;
      if (showChanges) console.log(`  ${m.id} ${m.text}  want=${m.intent} rules=${rules.got[i]} fallback=${fb.got[i]}`);
    });
    sumRules += rules.right / msgs.length;
    sumFallback += fb.right / msgs.length;
    console.log(
      `${r.name.padEnd(10)}${String(msgs.length).padStart(5)}${`${pct(rules.right, msgs.length)} (${rules.right})`.padStart(22)}${`${pct(fb.right, msgs.length)} (${fb.right})`.padStart(22)}${String(fixed).padStart(7)}${String(broken).padStart(8)}`,
    );
  }
  console.log(`${'mean'.padEnd(15)}${pct(sumRules, ROUNDS.length).padStart(22)}${pct(sumFallback, ROUNDS.length).padStart(22)}`);
}

const all = score(corpus, null);
const shipped = score(corpus, SHIPPED_INTENT_MODELS);
console.log(
  `\nwhole corpus (${corpus.length}), shipped models (trained on it): rules ${pct(all.right, corpus.length)} (${all.right}), rules + fallback ${pct(shipped.right, corpus.length)} (${shipped.right})`,
);
