/**
 * Replay benchmark of "重复 learns from 是 / 不是" (issue 19): labelled pairs arrive in file order (an enterprise's
 * original report and its six later reports at a time); the bot judges each with the pair weights in force; a simulated
 * sender answers what the product would ask or could undo — every `unsure` question (是 / 不是 by the label) and every
 * merge made without asking that was wrong (不是) — and every block the weights are refitted to all answers so far
 * (pair-learning.ts, as `xiaoer model rebuild` does). Per block: precision / recall of `same`, and how many were asked,
 * with the shipped weights (no learning) and with the weights learned so far. Missed duplicates (`different` on the
 * same problem) are never answered: nobody is asked about them.
 *
 * Give files the shipped pair model was not trained on (scripts/train-similarity-model.ts `PAIR_FILES`), else the
 * shipped weights have seen the answers already.
 * Usage: npx tsx bench/pair-learning.ts --pairs FILE.jsonl [--pairs FILE2.jsonl] [--block 36]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { learnPairWeights, type AnsweredPair } from '../src/domain/pair-learning.js';
import { bestMatch, PAIR_MODEL, type Verdict } from '../src/domain/similarity.js';
import { machineLine } from './lib.js';
import { asReport, loadPairs } from './similarity-eval.js';

const { values } = parseArgs({ options: { pairs: { type: 'string', multiple: true }, block: { type: 'string', default: '36' } } });
if (!values.pairs?.length) {
  console.error('usage: npx tsx bench/pair-learning.ts --pairs FILE.jsonl [--pairs FILE2.jsonl] [--block 36]');
  process.exit(2);
}
const pairs = values.pairs.flatMap((f) => loadPairs(resolve(f)));
const block = Number(values.block);
console.log(machineLine());
console.log(`${pairs.length} pairs from ${values.pairs.join(', ')}; blocks of ${block}; weights refitted after each block\n`);

type Tally = { tp: number; fp: number; fn: number; asked: number };
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, asked: 0 });
const add = (t: Tally, v: Verdict, same: boolean) => {
  if (v === 'unsure') t.asked++;
  if (v === 'same' && same) t.tp++;
  if (v === 'same' && !same) t.fp++;
  if (v !== 'same' && same) t.fn++;
};
const pr = (t: Tally) => `P ${((100 * t.tp) / Math.max(1, t.tp + t.fp)).toFixed(1).padStart(5)} % R ${((100 * t.tp) / Math.max(1, t.tp + t.fn)).toFixed(1).padStart(5)} % asked ${String(t.asked).padStart(2)}`;

const answers: AnsweredPair[] = [];
let weights: readonly number[] = PAIR_MODEL.weights;
const totals = { shipped: tally(), learning: tally() };
console.log('block   shipped weights                     learning                            answers so far');
for (let start = 0; start < pairs.length; start += block) {
  const part = pairs.slice(start, start + block);
  const t = { shipped: tally(), learning: tally() };
  for (const p of part) {
    const { report, candidate } = asReport(p);
    const same = p.label === 'same';
    const shipped = bestMatch(report, [candidate])?.verdict ?? 'different';
    const learnt = bestMatch(report, [candidate], undefined, weights)?.verdict ?? 'different';
    add(t.shipped, shipped, same);
    add(totals.shipped, shipped, same);
    add(t.learning, learnt, same);
    add(totals.learning, learnt, same);
    // what the product hears back: the answer to its question, or the 不是 that undoes a wrong merge
    if (learnt === 'unsure' || (learnt === 'same' && !same)) answers.push({ ticket: answers.length + 1, report, candidate, same });
  }
  console.log(`${String(start / block + 1).padStart(5)}   ${pr(t.shipped)}   ${pr(t.learning)}   ${answers.length}`);
  weights = learnPairWeights(answers);
}
console.log(`\nall     ${pr(totals.shipped)}   ${pr(totals.learning)}`);
