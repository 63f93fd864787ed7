import { CATEGORIES, type Category } from '../ticket.js';
import { extendBayes, type BayesModel } from './bayes.js';
import { classifyByLexicon, LEXICON_CERTAIN, matchedCues } from './category.js';
import { normalizeText } from './normalize.js';

/**
 * Corrections become training data (issue 19): a ticket whose category a person corrected (`#12 类别改为 用工人才`) or
 * confirmed (待确认 → the same category named again) is a labelled report of this deployment — its text, the category
 * the person gave. The learned category model is the shipped one extended by these examples (bayes.ts `extendBayes`);
 * it replaces the shipped model only where the lexicon is unsure (category.ts `classifyCategory`). Pure.
 */

/** What a ticket contributes: its message text, whether it was dismissed, its history. */
export interface CorrectedTicket {
  no: number;
  text: string;
  status: string;
  events: readonly { type: string; data?: Record<string, unknown> | null }[];
}

export interface LabelledReport {
  no: number;
  normalized: string;
  category: Category;
  /** true: the person confirmed the bot's category; false: they changed it. */
  confirmed: boolean;
}

/**
 * A corrected example counts as this many corpus examples: one person's decision on the deployment's own text weighs
 * more than one line of the base corpus written elsewhere. On npm run bench:learning weights 1 to 3 score alike and 5
 * worse; 2 lets one correction move a like text without one cadre's label swamping the corpus.
 */
export const CORRECTION_WEIGHT = 2;

/** The ticket's last category correction or confirmation, as a labelled report; null when it has none (or was dismissed). */
export function labelledReport(t: CorrectedTicket): LabelledReport | null {
  // 不是问题: the text is no report, whatever category it had
  if (t.status === 'dismissed') return null;
  for (let i = t.events.length - 1; i >= 0; i--) {
    const e = t.events[i]!;
    const change = e.type === 'correct' ? (e.data?.change as { field?: string; to?: unknown; confirmed?: boolean } | undefined) : undefined;
    if (change?.field !== 'category' || typeof change.to !== 'string' || !(change.to in CATEGORIES)) continue;
    const normalized = normalizeText(t.text);
    return normalized ? { no: t.no, normalized, category: change.to as Category, confirmed: change.confirmed === true } : null;
  }
  return null;
}

/** The examples of a set of tickets, in ticket order (the order does not change the model; it keeps listings stable). */
export function labelledReports(tickets: Iterable<CorrectedTicket>): LabelledReport[] {
  const out: LabelledReport[] = [];
  for (const t of tickets) {
    const r = labelledReport(t);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.no - b.no);
}

/** How a correction moves the weight of a cue that misled (down) or that named the right category (up), and the bounds. */
export const LEXICON_DOWN = 0.5;
export const LEXICON_UP = 1.5;
export const LEXICON_MIN = 0.25;
export const LEXICON_MAX = 2;

/**
 * The lexicon's weights as the deployment's corrections teach them: for each correction the lexicon got wrong (its
 * reading, unadjusted, named another category and was not certain), the cues of the category it wrongly named that
 * the text matched weigh less (×LEXICON_DOWN), and those of the right category that it matched weigh more
 * (×LEXICON_UP), within [LEXICON_MIN, LEXICON_MAX] — so that a district's own way of drawing two neighbouring
 * categories is learned word by word. Confirmations and corrections the lexicon got right change nothing. A factor per
 * cue (`lexiconCueKey`), in a stable order. Deterministic.
 */
export function learnLexiconWeights(reports: readonly LabelledReport[]): { k: string; f: number }[] {
  const f = new Map<string, number>();
  for (const r of [...reports].sort((a, b) => a.no - b.no)) {
    if (r.confirmed) continue;
    const read = classifyByLexicon(r.normalized);
    if (read.category === r.category || read.confidence >= LEXICON_CERTAIN) continue;
    for (const m of matchedCues(r.normalized)) {
      if (m.category === read.category) f.set(m.key, Math.max(LEXICON_MIN, (f.get(m.key) ?? 1) * LEXICON_DOWN));
      else if (m.category === r.category) f.set(m.key, Math.min(LEXICON_MAX, (f.get(m.key) ?? 1) * LEXICON_UP));
    }
  }
  return [...f].filter(([, x]) => x !== 1).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, x]) => ({ k, f: Math.round(x * 1000) / 1000 }));
}

/**
 * The learned model: `base` (the shipped model) plus the deployment's labelled reports, and the lexicon's weights
 * those reports adjust (`learnLexiconWeights`). Deterministic.
 */
export function learnCategoryModel(base: BayesModel, reports: readonly LabelledReport[], weight = CORRECTION_WEIGHT): BayesModel {
  const lexicon = learnLexiconWeights(reports);
  return { ...extendBayes(base, reports, weight), ...(lexicon.length ? { lexicon } : {}) };
}

/** How many examples a model was trained on (its document counts). */
export function exampleCount(model: BayesModel): number {
  return model.docs.reduce((a, b) => a + b, 0);
}
