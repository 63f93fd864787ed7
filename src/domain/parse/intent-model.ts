import { addGrams, addTextGrams, charGrams, compiledOf, probabilities, type BayesModel, type CompiledBayes } from './bayes.js';
import modelJson from './intent-model.json' with { type: 'json' };

/**
 * The learned fallback of the intent rules (parse.ts `detectIntent`): two naive Bayes models over character grams, one
 * for messages that name a ticket (the reference stripped) and one for those that do not, trained on the labelled corpus
 * by npm run train:parse. The rules decide wherever they are certain; the model is asked only where they fall to their
 * length-based defaults, and its answer counts only when it is sure (`INTENT_FALLBACK_MIN_PROBABILITY`).
 * Measured by leave-one-round-out in bench/intent-loro.ts.
 */

/** What a message about a ticket can be, as the model reads it (更正 is left to the rules: it needs the parsed change). */
export const TICKET_INTENTS = ['claim', 'progress', 'resolve', 'urge', 'rate', 'transfer', 'reopen', 'query'] as const;
export type TicketIntent = (typeof TICKET_INTENTS)[number];
/** What a message without a ticket number can be. */
export const PLAIN_INTENTS = ['report', 'digest', 'query', 'chat', 'help', 'triage'] as const;
export type PlainIntent = (typeof PLAIN_INTENTS)[number];

export interface IntentModels {
  ticket: BayesModel<TicketIntent>;
  plain: BayesModel<PlainIntent>;
  /** The model's pick counts at or above this probability (default `INTENT_FALLBACK_MIN_PROBABILITY`); not stored. */
  minProbability?: number;
}

/** The models shipped with the code (npm run train:parse writes src/domain/parse/intent-model.json). */
export const SHIPPED_INTENT_MODELS = modelJson as unknown as IntentModels;

/** The model's answer replaces the rules' default only at or above this posterior probability. */
export const INTENT_FALLBACK_MIN_PROBABILITY = 0.9;

/**
 * The features of a message for the intent model: its character uni- and bigrams (without @-mentions, whose names say
 * nothing about the intent), its first and last character (commands start, questions end in a few set ways), whether
 * it asks (a question mark) and a length bucket (chit-chat is short, reports are long). `said`: the normalised text with
 * the ticket reference taken out.
 */
export function intentGrams(said: string): string[] {
  const s = withoutMentions(said);
  return [...charGrams(s), ...intentFeatures(s)];
}

const withoutMentions = (said: string): string => said.replace(/@[^\s，,。：:；;！!？?]*/g, ' ');

/** The features after the character grams: first and last character, a question mark, the length bucket. */
function intentFeatures(s: string): string[] {
  const g: string[] = [];
  const core = s.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
  if (core.length > 0) g.push(`^${core[0]}`, `${core[core.length - 1]}$`);
  if (/[?？]/.test(s)) g.push('?');
  const n = core.length;
  g.push(n <= 4 ? 'len:4' : n <= 8 ? 'len:8' : n <= 12 ? 'len:12' : n <= 20 ? 'len:20' : n <= 30 ? 'len:30' : 'len:>30');
  return g;
}

/** posteriorBayes(c, intentGrams(said)), the character grams read without making a string of each. */
export function intentPosterior(c: CompiledBayes<string>, said: string): Float64Array {
  const s = withoutMentions(said);
  const scores = Float64Array.from(c.prior);
  addTextGrams(c, s, scores);
  addGrams(c, intentFeatures(s), scores);
  return probabilities(scores);
}

/**
 * The intent for a message the rules could only give a default for: the model's pick when it is at least
 * `minProbability` sure and not one the rules rule out for this message (`refused`), else the rules' default.
 * Deterministic; the model's log-probabilities are computed once per model.
 */
export function intentFallback<L extends string>(
  model: BayesModel<L>,
  said: string,
  ruleDefault: L,
  minProbability = INTENT_FALLBACK_MIN_PROBABILITY,
  refused: readonly L[] = [],
): L {
  const c = compiledOf(model);
  const p = intentPosterior(c, said);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const pick = c.labels[best]!;
  return p[best]! >= minProbability && !refused.includes(pick) ? pick : ruleDefault;
}
