/**
 * Leave-one-round-out measure of the category reading over the eight rounds that outside writers wrote and that were
 * scored once (round 10, extra 1, round 11, extra 2, extra 3, rounds 12–14; now development data in
 * test/fixtures/corpus.jsonl). For each round the naive Bayes model is trained in memory on the corpus without that
 * round, and the round's labelled reports are read with it: the former combination (lexicon when its confidence is
 * ≥ 0.7, else the model), the shipped one (category.ts `classifyCategory`) and candidate combinations.
 *
 * Every candidate's hyper-parameters are chosen by an inner split: for the held-out round r, each other round s is
 * read with a model trained without r and s, and the setting that reads those seven rounds best is the one scored on
 * r (r's labels are never used to choose). The logistic combination is fitted on those inner readings too.
 *
 * The lexicon itself was written with all rounds in view, so it is flattered everywhere; the model is not.
 * A candidate qualifies when its mean beats the former combination by ≥ 1 point and it loses ≤ 1 point on every round.
 * Usage: npx tsx bench/category-loro.ts [--misses]
 */
import { join } from 'node:path';
import { charGrams } from '../src/domain/parse/bayes.js';
import { CATEGORY_SOFT, classifyByLexicon, classifyCategory, holdsLexiconPhrase, LEXICON_CERTAIN, matchedCues } from '../src/domain/parse/category.js';
import { trainBayes, type BayesModel } from '../src/domain/parse/bayes.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { parseMessage } from '../src/domain/parse/parse.js';
import { CATEGORIES, type Category } from '../src/domain/ticket.js';
import { projectRoot } from '../src/infra/paths.js';
import { CATEGORY_ALPHA } from '../scripts/train-category-model.js';
import { loadCorpus, REFERENCE_TIME, type LabelledMessage } from './parse-eval.js';

const ROUNDS: Record<string, [number, number]> = {
  r10: [1644, 1908],
  x1: [1909, 2128],
  r11: [2129, 2393],
  x2: [2394, 2613],
  x3: [2614, 2833],
  r12: [2834, 3098],
  r13: [3099, 3363],
  r14: [3364, 3628],
};
const rounds = Object.keys(ROUNDS);
const roundOf = (id: string): string | null => {
  const n = Number(id.slice(1));
  for (const [r, [lo, hi]] of Object.entries(ROUNDS)) if (n >= lo && n <= hi) return r;
  return null;
};
const CATS = Object.keys(CATEGORIES) as Category[];
const K = CATS.length;
const corpus = loadCorpus(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'));
const labelled = corpus.filter((m) => m.intent === 'report' && m.category);
const bare = (m: LabelledMessage) => m.text.replace(/^@店小二\s*/, '');
/** The text classifyCategory gets inside parseMessage: the enterprise's name replaced where it holds a problem word. */
function topicOf(m: LabelledMessage): string {
  const t = normalizeText(bare(m));
  const e = parseMessage(bare(m), REFERENCE_TIME).enterprise;
  return e && e.length >= 4 && !/(有限公司|集团)$/.test(e) && holdsLexiconPhrase(e) ? t.replace(e, '企业') : t;
}

// ---- gram schemes of the model ------------------------------------------------------------------------------------
const trigrams = (t: string): string[] => {
  const s = t.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
  const g = charGrams(t);
  for (let i = 0; i < s.length - 2; i++) g.push(s.slice(i, i + 3));
  return g;
};
const withCues = (t: string): string[] => [...charGrams(t), ...matchedCues(t).map((c) => `§${c.key}`)];
const SCHEMES: Record<string, (t: string) => string[]> = { bi: charGrams, tri: trigrams, cue: withCues };
const ALPHAS = [0.1, 0.25, 0.5, 1];

/** Log scores of a model per category for given grams and smoothing (as bayes.ts classifyBayes, before its softmax). */
function logScores(model: BayesModel, grams: string[], alpha: number): number[] {
  const n = model.docs.reduce((a, b) => a + b, 0);
  return model.categories.map((_, k) => {
    if (!model.docs[k]) return -1e9;
    let s = Math.log(model.docs[k]! / n);
    const denom = model.totals[k]! + alpha * model.vocabulary;
    for (const g of grams) s += Math.log(((model.counts[g]?.[k] ?? 0) + alpha) / denom);
    return s;
  });
}
/** Complement NB (Rennie et al.): a category's score is minus the likelihood of the text under all other categories. */
function complementScores(model: BayesModel, grams: string[], alpha: number): number[] {
  const all = model.totals.reduce((a, b) => a + b, 0);
  return model.categories.map((_, k) => {
    if (!model.docs[k]) return -1e9;
    const denom = all - model.totals[k]! + alpha * model.vocabulary;
    let s = 0;
    for (const g of grams) {
      const c = model.counts[g];
      const tot = c ? c.reduce((a, b) => a + b, 0) - c[k]! : 0;
      s -= Math.log((tot + alpha) / denom);
    }
    return s;
  });
}
const logSoftmax = (v: number[], T = 1): number[] => {
  const mx = Math.max(...v);
  const z = v.map((x) => (x - mx) / T);
  const ls = Math.log(z.reduce((a, x) => a + Math.exp(x), 0));
  return z.map((x) => x - ls);
};
const argmax = (v: readonly number[]) => v.reduce((b, x, i) => (x > v[b]! ? i : b), 0);

// ---- readings -----------------------------------------------------------------------------------------------------
interface Case {
  id: string;
  round: string;
  want: number;
  text: string;
  lex: { category: Category; confidence: number };
  lexScores: number[];
  /** model variant ("scheme α" / "cnb") → log scores. */
  nb: Record<string, number[]>;
}
const texts = new Map(labelled.filter((m) => roundOf(m.id)).map((m) => [m.id, topicOf(m)]));
const grammed = new Map<string, Record<string, string[]>>();
for (const [id, t] of texts) grammed.set(id, Object.fromEntries(Object.entries(SCHEMES).map(([s, f]) => [s, f(t)])));

/** Reads the reports of `round` with models trained on the corpus without the rounds in `without`. */
function read(round: string, without: readonly string[]): Case[] {
  const train = labelled.filter((m) => !without.includes(roundOf(m.id) ?? ''));
  const examples = train.map((m) => ({ normalized: normalizeText(bare(m)), category: m.category as Category }));
  const models = Object.fromEntries(Object.entries(SCHEMES).map(([s, f]) => [s, trainBayes(examples, CATS, 0.5, f)]));
  return labelled
    .filter((m) => roundOf(m.id) === round)
    .map((m) => {
      const text = texts.get(m.id)!;
      const lexScores = CATS.map(() => 0);
      for (const c of matchedCues(text)) lexScores[CATS.indexOf(c.category)]! += c.weight;
      const nb: Record<string, number[]> = {};
      for (const s of Object.keys(SCHEMES)) for (const a of ALPHAS) nb[`${s} ${a}`] = logScores(models[s]!, grammed.get(m.id)![s]!, a);
      nb.cnb = complementScores(models.bi!, grammed.get(m.id)!.bi!, 0.5);
      return { id: m.id, round, want: CATS.indexOf(m.category as Category), text, lex: classifyByLexicon(text), lexScores, nb };
    });
}

const t0 = Date.now();
const outer = new Map(rounds.map((r) => [r, read(r, [r])]));
/** inner.get(r).get(s): round s read with a model trained without r and s. */
const inner = new Map(rounds.map((r) => [r, new Map(rounds.filter((s) => s !== r).map((s) => [s, read(s, [r, s])]))]));
const shippedModels = new Map(
  rounds.map((r) => [r, trainBayes(labelled.filter((m) => roundOf(m.id) !== r).map((m) => ({ normalized: normalizeText(bare(m)), category: m.category as Category })), CATS, CATEGORY_ALPHA)]),
);
console.error(`read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// ---- combinations -------------------------------------------------------------------------------------------------
type Reader = (c: Case) => number;
const certain = (c: Case) => c.lex.confidence >= LEXICON_CERTAIN;
/** Lexicon at or above `t` (a certain answer always stands), else the model `v`. */
const threshold = (t: number, v = 'bi 0.5'): Reader => (c) => (c.lex.confidence >= Math.min(t, LEXICON_CERTAIN) ? CATS.indexOf(c.lex.category) : argmax(c.nb[v]!));
/** Soft: the model's log posterior (tempered by T) plus λ × lexicon score; a certain lexicon answer stands. */
const soft = (T: number, lambda: number, v = 'bi 0.5'): Reader => (c) => {
  if (certain(c)) return CATS.indexOf(c.lex.category);
  const lp = logSoftmax(c.nb[v]!, T);
  return argmax(lp.map((x, k) => x + lambda * c.lexScores[k]!));
};

/** Logistic (multinomial) combination: score_k = a·lexScore_k + b·logpost_k + bias_k, fitted by gradient descent. */
interface Logit {
  a: number;
  b: number;
  bias: number[];
}
function fitLogit(cases: Case[], v: string, l2 = 0.01): Logit {
  const use = cases.filter((c) => !certain(c));
  const feats = use.map((c) => ({ lex: c.lexScores, lp: logSoftmax(c.nb[v]!), y: c.want }));
  let a = 0.5, b = 0.5;
  const bias = CATS.map(() => 0);
  const lr = 0.05;
  for (let it = 0; it < 400; it++) {
    let ga = 0, gb = 0;
    const gbias = CATS.map(() => 0);
    for (const f of feats) {
      const s = CATS.map((_, k) => a * f.lex[k]! + b * Math.max(f.lp[k]!, -50) + bias[k]!);
      const p = logSoftmax(s).map(Math.exp);
      for (let k = 0; k < K; k++) {
        const d = p[k]! - (k === f.y ? 1 : 0);
        ga += d * f.lex[k]!;
        gb += d * Math.max(f.lp[k]!, -50);
        gbias[k]! += d;
      }
    }
    const n = feats.length;
    a -= lr * (ga / n + l2 * a);
    b -= lr * (gb / n + l2 * b);
    for (let k = 0; k < K; k++) bias[k]! -= lr * (gbias[k]! / n + l2 * bias[k]!);
  }
  return { a, b, bias };
}
const logitReader = (m: Logit, v: string): Reader => (c) => {
  if (certain(c)) return CATS.indexOf(c.lex.category);
  const lp = logSoftmax(c.nb[v]!);
  return argmax(CATS.map((_, k) => m.a * c.lexScores[k]! + m.b * Math.max(lp[k]!, -50) + m.bias[k]!));
};

const right = (f: Reader, cs: Case[]) => cs.filter((c) => f(c) === c.want).length;
const innerCases = (r: string) => [...inner.get(r)!.values()].flat();

/** A family of candidates: a grid of named settings; or a fitter that builds its reader from the inner readings. */
interface Family {
  name: string;
  grid?: [string, Reader][];
  fit?: (train: Case[]) => [string, Reader];
}
const VARIANTS = [...Object.keys(SCHEMES).flatMap((s) => ALPHAS.map((a) => `${s} ${a}`)), 'cnb'];
const THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.9];
const Ts = [1, 2, 4, 8];
const LAMBDAS = [0.5, 1, 2, 3, 4];
const families: Family[] = [
  { name: 'former: lexicon ≥ 0.7, else model', grid: [['', threshold(0.7)]] },
  { name: 'lexicon alone', grid: [['', (c) => CATS.indexOf(c.lex.category)]] },
  { name: 'model alone (bi α .5)', grid: [['', (c) => argmax(c.nb['bi 0.5']!)]] },
  { name: 'model alone, variant chosen', grid: VARIANTS.map((v) => [v, (c: Case) => argmax(c.nb[v]!)]) },
  { name: 'switch threshold chosen (bi α .5)', grid: THRESHOLDS.map((t) => [`${t}`, threshold(t)]) },
  { name: 'switch threshold + variant chosen', grid: THRESHOLDS.flatMap((t) => VARIANTS.map((v): [string, Reader] => [`${t} ${v}`, threshold(t, v)])) },
  { name: 'soft T, λ chosen (bi α .5)', grid: Ts.flatMap((T) => LAMBDAS.map((l): [string, Reader] => [`T${T} λ${l}`, soft(T, l)])) },
  { name: 'soft fixed T=2 λ=2 (bi α .5)', grid: [['', soft(2, 2)]] },
  {
    name: 'soft T, λ, variant chosen',
    grid: Ts.flatMap((T) => LAMBDAS.flatMap((l) => VARIANTS.filter((v) => v !== 'cnb').map((v): [string, Reader] => [`T${T} λ${l} ${v}`, soft(T, l, v)]))),
  },
  {
    name: 'soft T, λ, α chosen (bi grams)',
    grid: Ts.flatMap((T) => LAMBDAS.flatMap((l) => ALPHAS.map((a): [string, Reader] => [`T${T} λ${l} α${a}`, soft(T, l, `bi ${a}`)]))),
  },
  { name: 'soft T, λ chosen (complement NB)', grid: Ts.flatMap((T) => LAMBDAS.map((l): [string, Reader] => [`T${T} λ${l}`, soft(T, l, 'cnb')])) },
  { name: 'logistic (bi α .1), fitted inner', fit: (cs) => { const m = fitLogit(cs, 'bi 0.1'); return [`a${m.a.toFixed(2)} b${m.b.toFixed(2)}`, logitReader(m, 'bi 0.1')]; } },
  { name: 'logistic (cnb), fitted inner', fit: (cs) => { const m = fitLogit(cs, 'cnb'); return [`a${m.a.toFixed(2)} b${m.b.toFixed(2)}`, logitReader(m, 'cnb')]; } },
  { name: 'logistic (bi α .5), fitted inner', fit: (cs) => { const m = fitLogit(cs, 'bi 0.5'); return [`a${m.a.toFixed(2)} b${m.b.toFixed(2)}`, logitReader(m, 'bi 0.5')]; } },
  { name: 'logistic (cue α .5), fitted inner', fit: (cs) => { const m = fitLogit(cs, 'cue 0.5'); return [`a${m.a.toFixed(2)} b${m.b.toFixed(2)}`, logitReader(m, 'cue 0.5')]; } },
];
/** The reader a family gives when chosen/fitted on `train` cases. */
function choose(f: Family, train: Case[]): [string, Reader] {
  if (f.fit) return f.fit(train);
  let best = f.grid![0]!, bestN = -1;
  for (const g of f.grid!) {
    const n = right(g[1], train);
    if (n > bestN) [best, bestN] = [g, n];
  }
  return best;
}

// shipped: category.ts as it reads now, with the round's model
const shippedRow = rounds.map((r) => {
  const cs = outer.get(r)!;
  return cs.filter((c) => CATS.indexOf(classifyCategory(c.text, shippedModels.get(r)!).category) === c.want).length / cs.length;
});

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
console.log(`category, leave one round out; reports per round: ${rounds.map((r) => `${r} ${outer.get(r)!.length}`).join(', ')}`);
console.log(`hyper-parameters chosen per held-out round on the other seven (models trained without both)\n`);
console.log(['combination'.padEnd(40), ...rounds.map((r) => r.padStart(7)), 'mean'.padStart(7), '  Δmean  worst  qualifies  chosen settings'].join(''));
const rows: { name: string; acc: number[] }[] = [];
const line = (name: string, acc: number[], base: number[] | null, settings: string) => {
  const mean = acc.reduce((a, b) => a + b) / acc.length;
  let tail = '';
  if (base) {
    const bmean = base.reduce((a, b) => a + b) / base.length;
    const worst = Math.min(...acc.map((x, i) => x - base[i]!));
    const ok = mean - bmean >= 0.01 && worst >= -0.01;
    tail = `  ${(100 * (mean - bmean)).toFixed(1).padStart(5)}  ${(100 * worst).toFixed(1).padStart(5)}  ${(ok ? 'yes' : 'no').padStart(9)}  ${settings}`;
  }
  console.log([name.padEnd(40), ...acc.map((x) => pct(x).padStart(7)), pct(mean).padStart(7), tail].join(''));
};
let former: number[] | null = null;
for (const f of families) {
  const settings: string[] = [];
  const acc = rounds.map((r) => {
    const [name, reader] = choose(f, innerCases(r));
    settings.push(name);
    const cs = outer.get(r)!;
    return right(reader, cs) / cs.length;
  });
  former ??= acc;
  rows.push({ name: f.name, acc });
  const uniq = [...new Set(settings.filter(Boolean))];
  line(f.name, acc, f.name.startsWith('former') ? null : former, uniq.length > 3 ? `${uniq.slice(0, 3).join(' | ')} | …` : uniq.join(' | '));
}
line('shipped now (category.ts)', shippedRow, former, `${JSON.stringify(CATEGORY_SOFT)} α ${CATEGORY_ALPHA}`);

// settings each family would ship: chosen on all eight rounds read leave-one-round-out
const all = rounds.flatMap((r) => outer.get(r)!);
console.log('\nsettings chosen on all eight rounds (LORO readings), for shipping:');
for (const f of families) if ((f.grid?.length ?? 2) > 1) console.log(`  ${f.name}: ${choose(f, all)[0]}  (${right(choose(f, all)[1], all)}/${all.length})`);

if (process.argv.includes('--misses')) {
  for (const r of rounds)
    for (const c of outer.get(r)!) {
      const got = CATS.indexOf(classifyCategory(c.text, shippedModels.get(r)!).category);
      if (got !== c.want) console.log(`miss ${r} ${c.id}: want=${CATS[c.want]} got=${CATS[got]} lexicon=${c.lex.category}@${c.lex.confidence} ${c.text}`);
    }
}
