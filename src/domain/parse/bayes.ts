import type { Category } from '../ticket.js';

/**
 * The grams of a normalised text: uni- and bigrams of its Chinese characters and digits, and its Latin words (lower case,
 * two letters or more) as whole words. Latin letters were grams of their own until round 33: a long English message
 * then brought hundreds of letter grams whose counts said only which categories had English text in training (every
 * English report read as 市场, 55 to 76 nats ahead).
 */
export function charGrams(normalized: string): string[] {
  const s = normalized.replace(/[^\u4e00-\u9fa50-9]/g, '');
  const g: string[] = [];
  for (const ch of s) g.push(ch);
  for (let i = 0; i < s.length - 1; i++) g.push(s.slice(i, i + 2));
  for (const w of normalized.toLowerCase().match(LATIN_WORD) ?? []) g.push(w);
  return g;
}
const LATIN_WORD = /[a-z]{2,}/g;

/**
 * A multinomial naive Bayes model over character grams, as trained by scripts/train-category-model.ts. `L` is its label
 * set: the problem categories (the default), or the intents of the intent fallback (intent-model.ts). The labels keep the
 * field name `categories` so that the category model's file and the stored learned models keep their shape.
 */
export interface BayesModel<L extends string = Category> {
  categories: L[];
  docs: number[];
  totals: number[];
  vocabulary: number;
  alpha: number;
  /** gram → count per category (same order as `categories`). */
  counts: Record<string, number[]>;
  /**
   * The lexicon's weights as this deployment's corrections adjusted them (learning.ts `learnLexiconWeights`): a factor
   * per cue (`lexiconCueKey`), absent = 1. None in the shipped model.
   */
  lexicon?: { k: string; f: number }[];
  /**
   * The 重复 pair model's weights as this deployment's 是 / 不是 answers refitted them (pair-learning.ts), kept with the
   * learned category model so that one version, loaded by every process, carries both. None in the shipped model.
   */
  pair?: number[];
}

/**
 * Trains a model on labelled texts; `category` of an example is its label, one of `categories`. `grams` turns a
 * normalised text into its features (default: `charGrams`). Deterministic: the grams are sorted.
 */
export function trainBayes<L extends string = Category>(
  examples: readonly { normalized: string; category: L }[],
  categories: L[],
  alpha = 0.5,
  grams: (normalized: string) => string[] = charGrams,
): BayesModel<L> {
  const docs = categories.map(() => 0);
  const totals = categories.map(() => 0);
  const counts: Record<string, number[]> = {};
  for (const ex of examples) {
    const k = categories.indexOf(ex.category);
    if (k < 0) continue;
    docs[k]!++;
    for (const g of grams(ex.normalized)) {
      (counts[g] ??= categories.map(() => 0))[k]!++;
      totals[k]!++;
    }
  }
  const sorted = Object.fromEntries(Object.keys(counts).sort().map((g) => [g, counts[g]!]));
  return { categories, docs, totals, vocabulary: Object.keys(sorted).length, alpha, counts: sorted };
}

/** The most probable label and its posterior probability (softmax of the log scores). */
export function classifyBayes<L extends string = Category>(
  model: BayesModel<L>,
  normalized: string,
  toGrams: (normalized: string) => string[] = charGrams,
): { category: L; probability: number } {
  const n = model.docs.reduce((a, b) => a + b, 0);
  const grams = toGrams(normalized);
  const scores = model.categories.map((_, k) => {
    if (model.docs[k] === 0) return -Infinity;
    let s = Math.log(model.docs[k]! / n);
    const denom = model.totals[k]! + model.alpha * model.vocabulary;
    for (const g of grams) s += Math.log(((model.counts[g]?.[k] ?? 0) + model.alpha) / denom);
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let k = 1; k < exp.length; k++) if (exp[k]! > exp[best]!) best = k;
  return { category: model.categories[best]!, probability: exp[best]! / sum };
}

/**
 * Log posterior of every label (same order as `categories`; a label without examples gets a very low value, not
 * -Infinity, so that other scores may be added to it).
 */
export function logPosteriorBayes<L extends string = Category>(
  model: BayesModel<L>,
  normalized: string,
  toGrams: (normalized: string) => string[] = charGrams,
): number[] {
  const n = model.docs.reduce((a, b) => a + b, 0);
  const grams = toGrams(normalized);
  const scores = model.categories.map((_, k) => {
    if (model.docs[k] === 0) return -1e9;
    let s = Math.log(model.docs[k]! / n);
    const denom = model.totals[k]! + model.alpha * model.vocabulary;
    for (const g of grams) s += Math.log(((model.counts[g]?.[k] ?? 0) + model.alpha) / denom);
    return s;
  });
  return normalizedLog(scores);
}

/** Log scores made log posteriors: each minus the log of the sum of their exponentials (taken from the largest). */
function normalizedLog(scores: number[]): number[] {
  const max = Math.max(...scores);
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - max);
  const log = max + Math.log(sum);
  return scores.map((s) => s - log);
}

/**
 * `base` plus more examples, each counted `weight` times: the model trainBayes would give on base's examples and these
 * together (naive Bayes counts add up), so a deployment's labelled reports extend the shipped model without its texts.
 * Deterministic: the grams are sorted as trainBayes sorts them.
 */
export function extendBayes<L extends string = Category>(base: BayesModel<L>, examples: readonly { normalized: string; category: L }[], weight = 1): BayesModel<L> {
  const docs = [...base.docs];
  const totals = [...base.totals];
  const counts: Record<string, number[]> = {};
  for (const [g, c] of Object.entries(base.counts)) counts[g] = [...c];
  for (const ex of examples) {
    const k = base.categories.indexOf(ex.category);
    if (k < 0) continue;
    docs[k]! += weight;
    for (const g of charGrams(ex.normalized)) {
      (counts[g] ??= base.categories.map(() => 0))[k]! += weight;
      totals[k]! += weight;
    }
  }
  const sorted = Object.fromEntries(Object.keys(counts).sort().map((g) => [g, counts[g]!]));
  return { categories: [...base.categories], docs, totals, vocabulary: Object.keys(sorted).length, alpha: base.alpha, counts: sorted };
}

/** A model made ready for many reads: each gram's log-likelihood per label computed once. */
export interface CompiledBayes<L extends string = Category> {
  labels: readonly L[];
  /** log prior per label (-Infinity for a label without examples). */
  prior: Float64Array;
  /** log-likelihood of a gram the label never saw. */
  unseen: Float64Array;
  /** gram → log-likelihood per label. */
  logLikelihood: Map<string, Float64Array>;
}

export function compileBayes<L extends string>(model: BayesModel<L>): CompiledBayes<L> {
  const K = model.categories.length;
  const n = model.docs.reduce((a, b) => a + b, 0);
  const prior = new Float64Array(K);
  const unseen = new Float64Array(K);
  const denom = model.totals.map((t) => t + model.alpha * model.vocabulary);
  for (let k = 0; k < K; k++) {
    prior[k] = model.docs[k]! > 0 ? Math.log(model.docs[k]! / n) : -Infinity;
    unseen[k] = Math.log(model.alpha / denom[k]!);
  }
  const logLikelihood = new Map<string, Float64Array>();
  for (const [g, c] of Object.entries(model.counts)) {
    const row = new Float64Array(K);
    for (let k = 0; k < K; k++) row[k] = Math.log((c[k]! + model.alpha) / denom[k]!);
    logLikelihood.set(g, row);
  }
  return { labels: model.categories, prior, unseen, logLikelihood };
}

/**
 * logPosteriorBayes on a compiled model: the same sums in the same order (the same figures to the last bit), each
 * gram's log-likelihood looked up instead of computed.
 */
export function logPosteriorCompiled<L extends string>(model: CompiledBayes<L>, grams: readonly string[]): number[] {
  const K = model.labels.length;
  // each gram looked up once; per label the sum runs over the grams in the same order
  const scores: number[] = Array.from(model.prior);
  for (const g of grams) {
    const row = model.logLikelihood.get(g) ?? model.unseen;
    for (let k = 0; k < K; k++) scores[k]! += row[k]!;
  }
  for (let k = 0; k < K; k++) if (model.prior[k] === -Infinity) scores[k] = -1e9;
  return normalizedLog(scores);
}

const compiled = new WeakMap<object, CompiledBayes<string>>();
/** A model compiled once (the shipped model, or a deployment's learned version, for as long as it is in use). */
export function compiledOf<L extends string>(model: BayesModel<L>): CompiledBayes<L> {
  let c = compiled.get(model) as CompiledBayes<L> | undefined;
  if (!c) compiled.set(model, (c = compileBayes(model)));
  return c;
}

/** Posterior probability of every label of a compiled model for these grams (same order as `labels`). */
export function posteriorBayes<L extends string>(model: CompiledBayes<L>, grams: readonly string[]): Float64Array {
  const K = model.labels.length;
  const s = Float64Array.from(model.prior);
  for (const g of grams) {
    const row = model.logLikelihood.get(g) ?? model.unseen;
    for (let k = 0; k < K; k++) s[k]! += row[k]!;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (s[k]! > max) max = s[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += s[k] = Math.exp(s[k]! - max);
  for (let k = 0; k < K; k++) s[k]! /= sum;
  return s;
}
