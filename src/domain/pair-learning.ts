import { features, logistic, modelVector, PAIR_MODEL, pairVector, type Candidate, type SimilarityDoc } from './similarity.js';
import type { DuplicateAsk } from './ticket.js';

/**
 * 重复 learns from the people it asks (issue 19, "a bot that learns from the cadres"): when the bot was unsure whether a
 * later report was the same problem as an open ticket it asked its sender (是 / 不是), and after a merge it made without
 * asking the sender's 不是 undoes it. Each answer is a labelled pair of this deployment, in its own words: the ticket's
 * text against the later report's. The pair model's weights are refitted to them (the weight of its trees' sum among
 * them; the trees stay as shipped), starting from and pulled towards the shipped weights (a Gaussian prior centred on
 * them, `PRIOR`), so that a few answers move the model a little and many move it more, and a deployment with no
 * answers keeps the shipped model exactly. Pure and deterministic.
 */

/** A ticket as the answers are read from it. */
export interface AskedTicket {
  no: number;
  text: string;
  category: string;
  enterpriseId: string | null;
  /** `platform:chatId`, as similarity.ts compares conversations. */
  chat: string;
  createdAt: string;
  duplicateAsks?: readonly DuplicateAsk[];
}

export interface AnsweredPair {
  ticket: number;
  report: SimilarityDoc;
  candidate: Candidate;
  same: boolean;
}

/**
 * The answered questions of a set of tickets, as labelled pairs: 是 → the same problem, 不是 → not (an undone automatic
 * merge included); unanswered questions and merges nobody objected to say nothing. `categoryOf`: how the bot reads a
 * report's category (the later report's is not stored on the ticket). In ticket order, then the order of asking.
 */
export function answeredPairs(tickets: Iterable<AskedTicket>, categoryOf: (text: string) => string): AnsweredPair[] {
  const out: AnsweredPair[] = [];
  for (const t of [...tickets].sort((a, b) => a.no - b.no)) {
    const candidate: Candidate = { no: t.no, state: 'open', at: t.createdAt, text: t.text, category: t.category, enterpriseId: t.enterpriseId, chat: t.chat };
    for (const ask of t.duplicateAsks ?? []) {
      if (ask.answer !== 'yes' && ask.answer !== 'no') continue;
      out.push({ ticket: t.no, report: { text: ask.text, category: categoryOf(ask.text), enterpriseId: t.enterpriseId, chat: t.chat }, candidate, same: ask.answer === 'yes' });
    }
  }
  return out;
}

/** How many answered pairs the shipped weights are worth: the pull back towards them. */
export const PRIOR = 4;
const STEPS = 400;
const RATE = 0.5;

/**
 * The pair weights refitted to the deployment's answers: gradient descent on the answers' log loss plus
 * `PRIOR`/2 × the squared distance from `base`, from `base`. No answers: `base` itself. Rounded, as the shipped weights are.
 */
export function learnPairWeights(pairs: readonly AnsweredPair[], base: readonly number[] = PAIR_MODEL.weights): number[] {
  if (pairs.length === 0) return [...base];
  const rows = pairs.map((p) => ({ x: modelVector(pairVector(p.report, p.candidate, features(p.report.text), features(p.candidate.text))), y: p.same ? 1 : 0 }));
  const w = [...base];
  for (let step = 0; step < STEPS; step++) {
    const g = w.map((wi, i) => PRIOR * (wi - base[i]!));
    for (const r of rows) {
      const e = logistic(w, r.x) - r.y;
      for (let i = 0; i < w.length; i++) g[i]! += e * r.x[i]!;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= (RATE * g[i]!) / (rows.length + PRIOR);
  }
  return w.map((v) => Math.round(v * 1e6) / 1e6);
}
