import type { Category } from '../ticket.js';

/** Character uni- and bigrams of the Chinese, Latin and digit characters of a normalised text. */
export function charGrams(normalized: string): string[] {
  const s = normalized.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
  const g: string[] = [];
  for (const ch of s) g.push(ch);
  for (let i = 0; i < s.length - 1; i++) g.push(s.slice(i, i + 2));
  return g;
}

/** A multinomial naive Bayes model over character grams, as trained by scripts/train-category-model.ts. */
export interface BayesModel {
  categories: Category[];
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
}

export function trainBayes(examples: { normalized: string; category: Category }[], categories: Category[], alpha = 0.5): BayesModel {
  const docs = categories.map(() => 0);
  const totals = categories.map(() => 0);
  const counts: Record<string, number[]> = {};
  for (const ex of examples) {
    const k = categories.indexOf(ex.category);
    docs[k]!++;
    for (const g of charGrams(ex.normalized)) {
      (counts[g] ??= categories.map(() => 0))[k]!++;
      totals[k]!++;
    }
  }
  const sorted = Object.fromEntries(Object.keys(counts).sort().map((g) => [g, counts[g]!]));
  return { categories, docs, totals, vocabulary: Object.keys(sorted).length, alpha, counts: sorted };
}

/** Posterior probabilities per category (softmax of the log scores). */
export function classifyBayes(model: BayesModel, normalized: string): { category: Category; probability: number } {
  const n = model.docs.reduce((a, b) => a + b, 0);
  const grams = charGrams(normalized);
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
 * `base` plus more examples, each counted `weight` times: the model trainBayes would give on base's examples and these
 * together (naive Bayes counts add up), so a deployment's labelled reports extend the shipped model without its texts.
 * Deterministic: the grams are sorted as trainBayes sorts them.
 */
export function extendBayes(base: BayesModel, examples: readonly { normalized: string; category: Category }[], weight = 1): BayesModel {
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
