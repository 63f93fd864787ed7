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

/**
 * What `model` adds to `base` (a model of the same labels, extended by more examples): the document and gram totals it
 * adds, and each gram whose counts differ, with the difference. Small where the base is large: a deployment stores what
 * its corrections taught, not the shipped model again. `withCounts(base, countsOver(model, base))` is `model`'s counts.
 */
export interface BayesCountsDelta {
  docs: number[];
  totals: number[];
  /** Gram → the counts added per label (same order as the labels). */
  counts: Record<string, number[]>;
}

export function countsOver<L extends string>(model: BayesModel<L>, base: BayesModel<L>): BayesCountsDelta {
  if (model.categories.join() !== base.categories.join()) throw new Error('countsOver: the models have different labels');
  const minus = (a: readonly number[], b: readonly number[] | undefined) => a.map((x, k) => x - (b?.[k] ?? 0));
  const counts: Record<string, number[]> = {};
  for (const [g, c] of Object.entries(model.counts)) {
    const d = minus(c, base.counts[g]);
    if (d.some((x) => x !== 0)) counts[g] = d;
  }
  for (const g of Object.keys(base.counts)) if (!(g in model.counts)) throw new Error(`countsOver: gram ${g} of the base is missing`);
  return { docs: minus(model.docs, base.docs), totals: minus(model.totals, base.totals), counts };
}

/** `base` with a delta's counts added (countsOver's inverse): the grams sorted as extendBayes sorts them. */
export function withCounts<L extends string>(base: BayesModel<L>, delta: BayesCountsDelta): BayesModel<L> {
  const plus = (a: readonly number[], b: readonly number[]) => a.map((x, k) => x + (b[k] ?? 0));
  const counts: Record<string, number[]> = {};
  for (const [g, c] of Object.entries(base.counts)) counts[g] = [...c];
  for (const [g, d] of Object.entries(delta.counts)) counts[g] = plus(counts[g] ?? base.categories.map(() => 0), d);
  const sorted = Object.fromEntries(Object.keys(counts).sort().map((g) => [g, counts[g]!]));
  return {
    categories: [...base.categories],
    docs: plus(base.docs, delta.docs),
    totals: plus(base.totals, delta.totals),
    vocabulary: Object.keys(sorted).length,
    alpha: base.alpha,
    counts: sorted,
  };
}

/** A model made ready for many reads: each gram's log-likelihood per label computed once, in one table. */
export interface CompiledBayes<L extends string = Category> {
  labels: readonly L[];
  /** log prior per label (-Infinity for a label without examples). */
  prior: Float64Array;
  /** log-likelihood of a gram the label never saw. */
  unseen: Float64Array;
  /** Log-likelihoods, one row of `labels.length` per gram the model knows. */
  table: Float64Array;
  /** A character uni- or bigram (gramKey) → the offset of its row in `table`. */
  charRow: IntTable;
  /** Any other gram (a Latin word, a feature such as `len:8`) → the offset of its row. */
  wordRow: Map<string, number>;
}

/** Characters of charGrams' grams (digits, then the CJK block) numbered from 1; 0 for any other. */
const gramChar = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x2f : c >= 0x4e00 && c <= 0x9fa5 ? c - 0x4e00 + 11 : 0);
const GRAM_BASE = 0x9fa5 - 0x4e00 + 12;
/** A uni- or bigram of charGrams' characters as a small integer (a bigram above every unigram), else null. */
function gramKey(g: string): number | null {
  const a = gramChar(g.charCodeAt(0));
  if (!a || g.length > 2) return null;
  if (g.length === 1) return a;
  const b = gramChar(g.charCodeAt(1));
  return b ? GRAM_BASE + a * GRAM_BASE + b : null;
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
  const grams = Object.entries(model.counts);
  const table = new Float64Array(grams.length * K);
  const charRow = new IntTable(grams.length);
  const wordRow = new Map<string, number>();
  grams.forEach(([g, c], i) => {
    const at = i * K;
    for (let k = 0; k < K; k++) table[at + k] = Math.log((c[k]! + model.alpha) / denom[k]!);
    const key = gramKey(g);
    if (key === null) wordRow.set(g, at);
    else charRow.set(key, at);
  });
  return { labels: model.categories, prior, unseen, table, charRow, wordRow };
}

/**
 * Non-negative integer keys → non-negative integers, in one array probed linearly (a key and its value side by side):
 * a gram's lookup touches one place in memory instead of a Map's bucket and entry, which the models' 90,000 grams
 * keep out of the processor's caches.
 */
export class IntTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(size: number) {
    let bits = 4;
    while (1 << bits < size * 2) bits++;
    this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Fibonacci hashing: the product's high bits. */
  private hash(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  set(key: number, value: number): void {
    for (let i = this.hash(key); ; i = (i + 1) & this.mask) {
      const k = this.slots[2 * i]!;
      if (k === 0 || k === key + 1) {
        this.slots[2 * i] = key + 1;
        this.slots[2 * i + 1] = value;
        return;
      }
    }
  }

  get(key: number): number | undefined {
    for (let i = this.hash(key); ; i = (i + 1) & this.mask) {
      const k = this.slots[2 * i]!;
      if (k === key + 1) return this.slots[2 * i + 1];
      if (k === 0) return undefined;
    }
  }
}

/** Whether the model has seen the gram. */
export const knowsGram = (model: CompiledBayes<string>, g: string): boolean => rowOf(model, g) !== undefined;

function rowOf(model: CompiledBayes<string>, g: string): number | undefined {
  const key = gramKey(g);
  return key === null ? model.wordRow.get(g) : model.charRow.get(key);
}

/** Adds a row (or the unseen row) to every label's score. */
function addRow(model: CompiledBayes<string>, at: number | undefined, s: Float64Array | number[]): void {
  const K = s.length;
  if (at === undefined) for (let k = 0; k < K; k++) s[k]! += model.unseen[k]!;
  else for (let k = 0; k < K; k++) s[k]! += model.table[at + k]!;
}

/** Adds the log-likelihoods of these grams, in their order. */
export function addGrams(model: CompiledBayes<string>, grams: readonly string[], s: Float64Array | number[]): void {
  for (const g of grams) addRow(model, rowOf(model, g), s);
}

/**
 * Adds the log-likelihoods of charGrams(normalized), in charGrams' order (the same sums to the last bit), reading the
 * text's characters as numbers instead of making a string per gram.
 */
export function addTextGrams(model: CompiledBayes<string>, normalized: string, s: Float64Array | number[]): void {
  const codes: number[] = [];
  for (let i = 0; i < normalized.length; i++) {
    const c = gramChar(normalized.charCodeAt(i));
    if (c) codes.push(c);
  }
  for (const c of codes) addRow(model, model.charRow.get(c), s);
  for (let i = 0; i + 1 < codes.length; i++) addRow(model, model.charRow.get(GRAM_BASE + codes[i]! * GRAM_BASE + codes[i + 1]!), s);
  for (const w of normalized.toLowerCase().match(LATIN_WORD) ?? []) addRow(model, model.wordRow.get(w), s);
}

/**
 * logPosteriorBayes on a compiled model: the same sums in the same order (the same figures to the last bit), each
 * gram's log-likelihood looked up instead of computed.
 */
export function logPosteriorCompiled<L extends string>(model: CompiledBayes<L>, grams: readonly string[]): number[] {
  const scores: number[] = Array.from(model.prior);
  addGrams(model, grams, scores);
  return logPosteriorOf(model, scores);
}

/** logPosteriorCompiled(model, charGrams(normalized)), without making the grams. */
export function logPosteriorOfText<L extends string>(model: CompiledBayes<L>, normalized: string): number[] {
  const scores: number[] = Array.from(model.prior);
  addTextGrams(model, normalized, scores);
  return logPosteriorOf(model, scores);
}

function logPosteriorOf(model: CompiledBayes<string>, scores: number[]): number[] {
  for (let k = 0; k < scores.length; k++) if (model.prior[k] === -Infinity) scores[k] = -1e9;
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
  const s = Float64Array.from(model.prior);
  addGrams(model, grams, s);
  return probabilities(s);
}

/** Log scores made probabilities (softmax, in place). */
export function probabilities(s: Float64Array): Float64Array {
  const K = s.length;
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (s[k]! > max) max = s[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += s[k] = Math.exp(s[k]! - max);
  for (let k = 0; k < K; k++) s[k]! /= sum;
  return s;
}
