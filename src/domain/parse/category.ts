import type { Category } from '../ticket.js';
import { classifyBayes, type BayesModel } from './bayes.js';
import modelJson from './category-model.json' with { type: 'json' };
import { LEXICON, type Cue } from './lexicon.js';

/** The model shipped with the code (npm run train:parse); a deployment's learned model replaces it (src/domain/parse/learning.ts). */
export const SHIPPED_CATEGORY_MODEL = modelJson as unknown as BayesModel;
/** Lexicon answers at or above this confidence stand; below it the statistical model decides. */
const LEXICON_TRUSTED = 0.7;

export interface CategoryGuess {
  category: Category;
  /** 0..1: how clearly the best category beats the rest. */
  confidence: number;
}

/** Below this total score the evidence is too thin for any category. */
const MIN_SCORE = 2;
/** People state the problem first: phrases in the first clause weigh more. */
const FIRST_CLAUSE_WEIGHT = 1.5;

/** The lexicon's reading alone. */
export function classifyByLexicon(text: string): CategoryGuess {
  const firstClause = text.split(/[，,。！？!?；;\n]/)[0] ?? text;
  const scores: [Category, number][] = [];
  const has = (s: string, w: string | RegExp) => (typeof w === 'string' ? s.includes(w) : w.test(s));
  for (const [cat, cues] of Object.entries(LEXICON) as [Category, Cue[]][]) {
    let score = 0;
    for (const [w, weight] of cues) {
      if (has(firstClause, w)) score += weight * FIRST_CLAUSE_WEIGHT;
      else if (has(text, w)) score += weight;
    }
    scores.push([cat, score]);
  }
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < MIN_SCORE) return { category: 'other', confidence: 0.3 };
  const margin = best[1] - (second?.[1] ?? 0);
  const confidence = Math.min(1, 0.4 + 0.05 * best[1] + 0.1 * margin);
  return { category: best[0], confidence: Math.round(confidence * 100) / 100 };
}

/**
 * Category of a normalised report: the lexicon when its evidence is clear, otherwise a naive Bayes model over
 * character grams trained on the labelled corpus (it generalises to words the lexicon lacks). `model`: the
 * deployment's learned model (base corpus plus its corrected tickets) when it has one; it only ever decides where the
 * lexicon is unsure, never against a confident lexicon answer.
 */
export function classifyCategory(text: string, model: BayesModel = SHIPPED_CATEGORY_MODEL): CategoryGuess {
  const lex = classifyByLexicon(text);
  if (lex.confidence >= LEXICON_TRUSTED) return lex;
  const nb = classifyBayes(model, text);
  return { category: nb.category, confidence: Math.round(Math.min(lex.confidence, nb.probability) * 100) / 100 };
}
