/**
 * Leave-one-round-out measure of the category reading. For each of the last three held-out rounds (8, 9, 10, now
 * development data in test/fixtures/corpus.jsonl) the naive Bayes model is trained in memory on the corpus without
 * that round, and the round's labelled reports are read with it: the shipped combination (category.ts
 * `classifyCategory`: the lexicon when its confidence is ≥ 0.7, else the model) and candidate combinations, so that a
 * change of the combination is judged on text its model never saw. The lexicon itself was written with all rounds in
 * view, so rounds 8 and 9 flatter it; round 10 is the least tuned.
 *
 * The last lines pick the best candidate on two rounds and score it on the third (nested): what choosing a
 * combination by this table would really gain.
 * Usage: npx tsx bench/category-loro.ts [--misses]
 */
import { join } from 'node:path';
import { charGrams, trainBayes, type BayesModel } from '../src/domain/parse/bayes.js';
import { classifyByLexicon, classifyCategory, holdsLexiconPhrase, matchedCues } from '../src/domain/parse/category.js';
import { learnLexiconWeights } from '../src/domain/parse/learning.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { parseMessage } from '../src/domain/parse/parse.js';
import { CATEGORIES, type Category } from '../src/domain/ticket.js';
import { projectRoot } from '../src/infra/paths.js';
import { loadCorpus, REFERENCE_TIME, type LabelledMessage } from './parse-eval.js';

const ROUNDS: Record<number, [number, number]> = { 8: [1119, 1378], 9: [1379, 1643], 10: [1644, 1908] };
const roundOf = (id: string): number | null => {
  const n = Number(id.slice(1));
  for (const [r, [lo, hi]] of Object.entries(ROUNDS)) if (n >= lo && n <= hi) return Number(r);
  return null;
};
const CATS = Object.keys(CATEGORIES) as Category[];
const corpus = loadCorpus(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'));
const labelled = corpus.filter((m) => m.intent === 'report' && m.category);
const bare = (m: LabelledMessage) => m.text.replace(/^@店小二\s*/, '');
/** The text classifyCategory gets inside parseMessage: the enterprise's name replaced where it holds a problem word. */
function topicOf(m: LabelledMessage): string {
  const t = normalizeText(bare(m));
  const e = parseMessage(bare(m), REFERENCE_TIME).enterprise;
  return e && e.length >= 4 && !/(有限公司|集团)$/.test(e) && holdsLexiconPhrase(e) ? t.replace(e, '企业') : t;
}

/** Log scores of the model per category (as bayes.ts classifyBayes computes them, before its softmax). */
function bayesLogScores(model: BayesModel, text: string): number[] {
  const n = model.docs.reduce((a, b) => a + b, 0);
  const grams = charGrams(text);
  return model.categories.map((_, k) => {
    if (!model.docs[k]) return -Infinity;
    let s = Math.log(model.docs[k]! / n);
    const denom = model.totals[k]! + model.alpha * model.vocabulary;
    for (const g of grams) s += Math.log(((model.counts[g]?.[k] ?? 0) + model.alpha) / denom);
    return s;
  });
}
const softmax = (v: number[]) => {
  const mx = Math.max(...v);
  const e = v.map((x) => Math.exp(x - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
const argmax = (v: number[]) => v.reduce((b, x, i) => (x > v[b]! ? i : b), 0);

interface Case {
  round: number;
  id: string;
  want: Category;
  text: string;
  lex: { category: Category; confidence: number };
  lexScores: number[];
  nb: number[];
  model: BayesModel;
  /** parseMessage end to end with the round's model (its intent reading included). */
  endToEnd: Category | null;
}

const cases: Case[] = [];
const models = new Map<number, { plain: BayesModel; smooth: BayesModel; learned: BayesModel }>();
for (const r of Object.keys(ROUNDS).map(Number)) {
  const train = labelled.filter((m) => roundOf(m.id) !== r);
  const examples = train.map((m) => ({ normalized: normalizeText(bare(m)), category: m.category as Category }));
  const plain = trainBayes(examples, CATS);
  const lexicon = learnLexiconWeights(examples.map((e, i) => ({ ...e, no: i, confirmed: false })));
  models.set(r, { plain, smooth: trainBayes(examples, CATS, 0.1), learned: { ...plain, lexicon } });
  for (const m of labelled.filter((x) => roundOf(x.id) === r)) {
    const text = topicOf(m);
    const lexScores = CATS.map(() => 0);
    for (const c of matchedCues(text)) lexScores[CATS.indexOf(c.category)]! += c.weight;
    cases.push({
      round: r,
      id: m.id,
      want: m.category as Category,
      text,
      lex: classifyByLexicon(text),
      lexScores,
      nb: bayesLogScores(plain, text),
      model: plain,
      endToEnd: parseMessage(bare(m), REFERENCE_TIME, undefined, { categoryModel: plain }).category,
    });
  }
}

type Reader = (c: Case) => Category | null;
/** The shipped combination, as the code now reads (category.ts). */
const shipped: Reader = (c) => classifyCategory(c.text, c.model).category;
/** Soft: log posterior of the model (tempered by T) plus λ × lexicon score; a certain lexicon answer (≥ 0.9) stands. */
const soft = (T: number, lambda: number): Reader => (c) => {
  if (c.lex.confidence >= 0.9) return c.lex.category;
  const lp = softmax(c.nb.map((x) => x / T)).map((q) => Math.log(q + 1e-12));
  return CATS[argmax(lp.map((x, k) => x + lambda * c.lexScores[k]!))]!;
};
/** Band: as shipped, but in [0.7, hi) the model overrides the lexicon when its posterior (at temperature T) is ≥ p. */
const band = (hi: number, p: number, T: number): Reader => (c) => {
  if (c.lex.confidence < 0.7 || c.lex.confidence >= hi) return shipped(c);
  const q = softmax(c.nb.map((x) => x / T));
  const b = argmax(q);
  return q[b]! >= p ? CATS[b]! : c.lex.category;
};

const candidates: [string, Reader][] = [
  ['shipped: lexicon ≥ 0.7, else model', shipped],
  ['lexicon alone', (c) => c.lex.category],
  ['model alone', (c) => CATS[argmax(c.nb)]!],
  ['soft T=8 λ=1', soft(8, 1)],
  ['soft T=4 λ=2', soft(4, 2)],
  ['soft T=2 λ=2', soft(2, 2)],
  ['band <0.9, model p ≥ 0.999', band(0.9, 0.999, 1)],
  ['band <0.9, model p ≥ 0.99 at T=4', band(0.9, 0.99, 4)],
  ['lexicon weights learned from the rest', (c) => classifyCategory(c.text, models.get(c.round)!.learned).category],
  ['model smoothing α = 0.1 (not 0.5)', (c) => classifyCategory(c.text, models.get(c.round)!.smooth).category],
  ['end to end (parseMessage, intent incl.)', (c) => c.endToEnd],
];

const rounds = Object.keys(ROUNDS).map(Number);
const right = (f: Reader, rs: number[]) => cases.filter((c) => rs.includes(c.round) && f(c) === c.want).length;
const size = (r: number) => cases.filter((c) => c.round === r).length;
const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)} %`;
console.log(`category, leave one round out (reports per round: ${rounds.map((r) => `${r}: ${size(r)}`).join(', ')})\n`);
console.log(['combination'.padEnd(42), ...rounds.map((r) => `round ${r}`.padStart(16)), 'mean'.padStart(9)].join(''));
for (const [name, f] of candidates) {
  const acc = rounds.map((r) => right(f, [r]) / size(r));
  console.log(
    [name.padEnd(42), ...rounds.map((r) => `${pct(right(f, [r]), size(r))} (${right(f, [r])})`.padStart(16)), pct(acc.reduce((a, b) => a + b) / acc.length, 1).padStart(9)].join(''),
  );
}
// nested: choose among the combinations (end to end left aside) on two rounds, score on the third
const choosable = candidates.filter(([n]) => !/alone|end to end/.test(n));
console.log('\nnested choice (best on the other two rounds, scored on this one):');
for (const r of rounds) {
  const others = rounds.filter((x) => x !== r);
  let best = choosable[0]!;
  for (const c of choosable) if (right(c[1], others) > right(best[1], others)) best = c;
  console.log(`round ${r}: picked "${best[0]}" → ${right(best[1], [r])}/${size(r)} (shipped ${right(shipped, [r])}/${size(r)})`);
}
if (process.argv.includes('--misses')) {
  for (const c of cases) {
    const got = shipped(c);
    if (got !== c.want) console.log(`miss round ${c.round} ${c.id}: want=${c.want} got=${got} lexicon=${c.lex.category}@${c.lex.confidence} ${c.text}`);
  }
}
