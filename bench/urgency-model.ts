import { charGrams, compileBayes, knowsGram, posteriorBayes, trainBayes, type BayesModel, type CompiledBayes } from '../src/domain/parse/bayes.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { urgencyByRules } from '../src/domain/parse/parse.js';
import type { Urgency } from '../src/domain/ticket.js';
import { readCorpus } from '../scripts/train-category-model.js';

/**
 * A candidate learned fallback of the urgency rules, for bench/urgency-loro.ts only: a naive Bayes model over the
 * character uni-, bi- and trigrams of a report, urgent vs normal, trained on the labelled corpus's reports. Measured
 * leaving one round out it did not gain the point it must, so it is not part of the product: the parser reads urgency
 * by the rules alone (parse.ts `urgencyByRules`).
 */

export const URGENCY_LABELS = ['urgent', 'normal'] as const;
export type UrgencyLabel = (typeof URGENCY_LABELS)[number];

export interface UrgencyModel extends BayesModel<UrgencyLabel> {
  /** The model turns the rules' "normal" into "urgent" at or above this p(urgent) (absent: never). Not stored. */
  toUrgent?: number;
  /** The model turns the rules' (uncertain) "urgent" into "normal" at or above this p(normal) (absent: never). Not stored. */
  toNormal?: number;
}

/** The features of a report for the urgency model: its character uni-, bi- and trigrams. */
export function urgencyGrams(normalized: string): string[] {
  const g = charGrams(normalized);
  const s = normalized.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
  for (let i = 0; i < s.length - 2; i++) g.push(s.slice(i, i + 3));
  return g;
}

const compiled = new WeakMap<object, CompiledBayes<UrgencyLabel>>();

/**
 * p(urgent) of a normalised report text under `model`. `skipUnseen`: grams the model never saw are left out (counted,
 * each would push towards the label with fewer grams, urgent, for any text with new words). Deterministic; the model
 * is compiled once.
 */
export function urgentProbability(model: BayesModel<UrgencyLabel>, normalized: string, skipUnseen = true): number {
  let c = compiled.get(model);
  if (!c) compiled.set(model, (c = compileBayes(model)));
  const grams = urgencyGrams(normalized);
  const p = posteriorBayes(c, skipUnseen ? grams.filter((g) => knowsGram(c, g)) : grams);
  return p[c.labels.indexOf('urgent')]!;
}

/**
 * A report's urgency with the fallback: the rules (parse.ts `urgencyByRules`), and where they are not certain nor
 * cleared the model when it is sure enough; `model` null: the rules alone.
 */
export function decideUrgency(t: string, soon: boolean, model: UrgencyModel | null = null): Urgency {
  const r = urgencyByRules(t, soon);
  if (!model || r.certain || r.cleared) return r.urgency;
  const p = urgentProbability(model, t);
  if (r.urgency === 'normal') return p >= (model.toUrgent ?? Infinity) ? 'urgent' : 'normal';
  return 1 - p >= (model.toNormal ?? Infinity) ? 'normal' : 'urgent';
}

/**
 * The model trained on the reports of the corpus's t and h parts that carry an urgency, less the messages `leaveOut`
 * names (one round left out). Text read as the parser reads it.
 */
export function trainUrgencyModel(leaveOut: (id: string) => boolean = () => false, alpha = 0.5): UrgencyModel {
  const examples: { normalized: string; category: UrgencyLabel }[] = [];
  for (const m of readCorpus()) {
    if (m.split === 'u' || leaveOut(m.id) || m.intent !== 'report' || (m.urgency !== 'urgent' && m.urgency !== 'normal')) continue;
    examples.push({ normalized: normalizeText(m.text.replace(/^@店小二\s*/, '')), category: m.urgency });
  }
  return trainBayes(examples, [...URGENCY_LABELS], alpha, urgencyGrams);
}
