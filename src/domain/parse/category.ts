import type { Category } from '../ticket.js';
import { compiledOf, logPosteriorOfText, type BayesModel } from './bayes.js';
import modelJson from './category-model.json' with { type: 'json' };
import { LiteralGate } from './gate.js';
import { LEXICON, type Cue } from './lexicon.js';

/** The model shipped with the code (npm run train:parse); a deployment's learned model replaces it (src/domain/parse/learning.ts). */
export const SHIPPED_CATEGORY_MODEL = modelJson as unknown as BayesModel;
/**
 * Where the lexicon is not certain, each category's score is the model's log posterior plus this many times the
 * lexicon's score for it (its matched cues' weights, the first clause counting 1.5×). Chosen leave-one-round-out over
 * eight rounds of outside text (bench/category-loro.ts), with the model's smoothing α = 0.1 (scripts/train-category-model.ts):
 * 93.7 % against 90.8 % for the former switch (lexicon when its confidence was ≥ 0.7, else the model).
 */
const LEXICON_WEIGHT = 2;
/** Above this confidence a lexicon answer the combination keeps is reported with the lexicon's own confidence. */
const LEXICON_TRUSTED = 0.7;
/** The combination in use (bench/category-loro.ts reports it). */
export const CATEGORY_SOFT = { lexiconWeight: LEXICON_WEIGHT } as const;

export interface CategoryGuess {
  category: Category;
  /** 0..1: how clearly the best category beats the rest. */
  confidence: number;
}

/** Below this total score the evidence is too thin for any category. */
const MIN_SCORE = 2;
/** People state the problem first: phrases in the first clause weigh more. */
const FIRST_CLAUSE_WEIGHT = 1.5;

/** A cue's name: its category and its phrase (or pattern). */
export const lexiconCueKey = (category: Category, w: string | RegExp): string => `${category}:${typeof w === 'string' ? w : `/${w.source}/`}`;

/** A lexicon answer this sure is a rule that is certain: learned weights never change it. */
export const LEXICON_CERTAIN = 0.9;

type MatchedCue = { readonly category: Category; readonly key: string; readonly weight: number };
/** The last text read and its cues: a report is read twice (is it a report at all, then its category). */
let lastText: string | null = null;
let lastCues: readonly MatchedCue[] = [];
/** The lexicon's unadjusted reading of the last cues read (asked for by the intent, then by the category). */
let lastPlain: { cues: readonly MatchedCue[]; guess: CategoryGuess } | null = null;

/** The cues of each category a text matches, with how much each counts (the first clause counts more). */
export function matchedCues(text: string): readonly MatchedCue[] {
  if (text === lastText) return lastCues;
  const out = scanCues(text);
  lastText = text;
  lastCues = out;
  return out;
}

/** The lexicon in one list, in its order, with each cue's key. */
const CUES = (Object.entries(LEXICON) as [Category, Cue[]][]).flatMap(([category, cues]) =>
  cues.map(([w, weight]) => ({ category, w, weight, key: lexiconCueKey(category, w) })),
);
/** The lexicon's phrases and patterns, found in one pass over a text (a pattern run only where what it needs is). */
const CUE_GATE = new LiteralGate(CUES.map((c) => c.w));
/** Its phrases of two characters or more (one character, 电 or 坟, is in too many names: "秦电科技"). */
const WORD_GATE = new LiteralGate(CUES.map((c) => (typeof c.w === 'string' && c.w.length >= 2 ? c.w : null)).filter((w): w is string => w !== null));

/**
 * How many times a character gram occurs in the reports the shipped model was trained on: a common word ("冷库", "新增",
 * "高级") is frequent, a brand ("蓝晶", "宏盛") is rare. Counted per `RARITY_BASE_REPORTS` reports, the corpus size when the
 * rarity thresholds of enterprise.ts were last checked against it (commit f7d1945; they were set on 4,601–5,543): as it grows (each joined round adds about 160 reports), a
 * brand seen in a few of them ("阳光", "郑州") stays as rare as it was.
 */
const RARITY_BASE_REPORTS = 6171;
const SHIPPED_REPORTS = SHIPPED_CATEGORY_MODEL.docs.reduce((a, b) => a + b, 0);
export const gramCount = (g: string): number => ((SHIPPED_CATEGORY_MODEL.counts[g]?.reduce((a, b) => a + b, 0) ?? 0) * RARITY_BASE_REPORTS) / SHIPPED_REPORTS;

/** Any phrase of two or more characters of the lexicon (its patterns left aside): whether a short text such as a name holds a cue at all. */
export const holdsLexiconPhrase = (s: string): boolean => WORD_GATE.candidates(s).length > 0;

/**
 * The cues a text holds, in the lexicon's order (one pass over the text through the gate's first-character index; a
 * pattern is run only where what its matches need is there); a cue in the first clause weighs more.
 */
function scanCues(text: string): MatchedCue[] {
  const cut = text.search(/[，,。！？!?；;\n]/);
  const firstClause = cut < 0 ? text : text.slice(0, cut);
  const out: MatchedCue[] = [];
  for (const k of CUE_GATE.candidates(text)) {
    const c = CUES[k]!;
    if (typeof c.w === 'string') {
      const first = firstClause.includes(c.w);
      out.push({ category: c.category, key: c.key, weight: first ? c.weight * FIRST_CLAUSE_WEIGHT : c.weight });
    } else if (c.w.test(text)) {
      const first = c.w.test(firstClause);
      out.push({ category: c.category, key: c.key, weight: first ? c.weight * FIRST_CLAUSE_WEIGHT : c.weight });
    }
  }
  return out;
}

/**
 * The lexicon's reading alone. `adjust`: the deployment's learned factors per cue (a model's `lexicon`); they apply
 * only where the unadjusted reading is not certain (LEXICON_CERTAIN): a rule that is sure stays as written.
 */
export function classifyByLexicon(text: string, adjust?: ReadonlyMap<string, number>): CategoryGuess {
  const matched = matchedCues(text);
  if (lastPlain?.cues !== matched) lastPlain = { cues: matched, guess: Object.freeze(guessOf(matched)) };
  const plain = lastPlain.guess;
  if (!adjust?.size || plain.confidence >= LEXICON_CERTAIN) return plain;
  return guessOf(matched, (key) => adjust.get(key) ?? 1);
}

/** The categories in the lexicon's order (a tie goes to the first). */
const LEXICON_CATEGORIES = Object.keys(LEXICON) as Category[];

function guessOf(matched: readonly MatchedCue[], factor?: (key: string) => number): CategoryGuess {
  const score = new Float64Array(LEXICON_CATEGORIES.length);
  for (const m of matched) score[LEXICON_CATEGORIES.indexOf(m.category)]! += m.weight * (factor ? factor(m.key) : 1);
  // the best (the first of the highest) and the highest of the others
  let best = 0;
  for (let k = 1; k < score.length; k++) if (score[k]! > score[best]!) best = k;
  let second = -Infinity;
  for (let k = 0; k < score.length; k++) if (k !== best && score[k]! > second) second = score[k]!;
  const top = score[best]!;
  if (score.length === 0 || top < MIN_SCORE) return { category: 'other', confidence: 0.3 };
  const margin = top - (second === -Infinity ? 0 : second);
  const confidence = Math.min(1, 0.4 + 0.05 * top + 0.1 * margin);
  return { category: LEXICON_CATEGORIES[best]!, confidence: Math.round(confidence * 100) / 100 };
}

/**
 * Category of a normalised report. A lexicon answer that is certain (LEXICON_CERTAIN) stands as a rule. Otherwise the
 * lexicon and a naive Bayes model over character grams trained on the labelled corpus (it generalises to words the
 * lexicon lacks) are weighed together: per category the model's log posterior plus LEXICON_WEIGHT × the lexicon's
 * score. `model`: the deployment's learned model (base corpus plus its corrected tickets, and its lexicon factors)
 * when it has one; it never changes a certain lexicon answer.
 */
export function classifyCategory(text: string, model: BayesModel = SHIPPED_CATEGORY_MODEL): CategoryGuess {
  // a certain reading is the rules' own, whatever the deployment's factors say
  const plain = classifyByLexicon(text);
  if (plain.confidence >= LEXICON_CERTAIN) return plain;
  const adjust = adjustments(model);
  const lex = classifyByLexicon(text, adjust);
  const scores = logPosteriorOfText(compiledOf(model), text);
  for (const m of matchedCues(text)) {
    const k = model.categories.indexOf(m.category);
    if (k >= 0) scores[k]! += LEXICON_WEIGHT * m.weight * (adjust?.get(m.key) ?? 1);
  }
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  const category = model.categories[best]!;
  if (category === lex.category && lex.confidence >= LEXICON_TRUSTED) return lex;
  let sum = 0;
  for (const x of scores) sum += Math.exp(x - scores[best]!);
  return { category, confidence: Math.round(Math.min(lex.confidence, 1 / sum) * 100) / 100 };
}

const adjusted = new WeakMap<BayesModel, Map<string, number>>();
/** A model's lexicon factors as a map (made once per model). */
function adjustments(model: BayesModel): Map<string, number> | undefined {
  if (!model.lexicon?.length) return undefined;
  let m = adjusted.get(model);
  if (!m) adjusted.set(model, (m = new Map(model.lexicon.map((x) => [x.k, x.f]))));
  return m;
}
