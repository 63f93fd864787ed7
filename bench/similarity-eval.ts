/**
 * The labelled pairs (test/fixtures/duplicate-pairs.jsonl) and how the similarity is scored on them: shared by the
 * benchmark (npm run bench:similarity) and the unit test's guard, as bench/visits-eval.ts is for visit logs.
 * Each pair: an earlier report (the ticket) `a`, a later one `b` (`days` after), of one enterprise or two; `label`
 * same | different; `kind` duplicate (a is open) | recurrence (a was answered); `split` tune | held-out. The
 * categories are read by the parser, as the bot reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar } from '../src/domain/calendar.js';
import { parseMessage } from '../src/domain/parse/parse.js';
import { bestMatch, type Candidate, type Verdict } from '../src/domain/similarity.js';
import { projectRoot } from '../src/infra/paths.js';

export interface LabelledPair {
  id: string;
  a: { text: string; enterprise: string };
  b: { text: string; enterprise: string };
  days: number;
  label: 'same' | 'different';
  kind: 'duplicate' | 'recurrence';
  split: 'tune' | 'held-out';
}

const T0 = '2026-09-01T02:00:00.000Z';

export function loadPairs(path = join(projectRoot(), 'test', 'fixtures', 'duplicate-pairs.jsonl')): LabelledPair[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledPair);
}

const categoryOf = (text: string) => parseMessage(text, T0, defaultCalendar).category ?? 'other';

/** The pair as the bot sees it: the earlier report as a candidate ticket, the later one as the new report. */
export function asReport(p: LabelledPair): { report: Parameters<typeof bestMatch>[0]; candidate: Candidate } {
  const at = new Date(Date.parse(T0) + p.days * 86_400_000).toISOString();
  return {
    candidate: { no: 1, state: p.kind === 'duplicate' ? 'open' : 'closed', at: T0, text: p.a.text, category: categoryOf(p.a.text), enterpriseId: p.a.enterprise, chat: `wecom:${p.a.enterprise}` },
    report: { text: p.b.text, category: categoryOf(p.b.text), enterpriseId: p.b.enterprise, chat: `wecom:${p.b.enterprise}`, at },
  };
}

export interface PairScores {
  pairs: number;
  positives: number;
  /** `same` verdicts: merged (重复) or linked (回潮) without asking. */
  precision: number;
  recall: number;
  /** Pairs the bot would ask about (`unsure`), and how many of those are the same problem. */
  unsure: number;
  unsureSame: number;
  misses: { id: string; label: string; verdict: Verdict; score: number }[];
}

export function evaluate(pairs: readonly LabelledPair[], match: typeof bestMatch = bestMatch): PairScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unsure = 0;
  let unsureSame = 0;
  const misses: PairScores['misses'] = [];
  for (const p of pairs) {
    const { report, candidate } = asReport(p);
    const m = match(report, [candidate]);
    const verdict: Verdict = m?.verdict ?? 'different';
    if (verdict === 'unsure') {
      unsure++;
      if (p.label === 'same') unsureSame++;
    }
    const said = verdict === 'same';
    if (said && p.label === 'same') tp++;
    if (said && p.label !== 'same') fp++;
    if (!said && p.label === 'same') fn++;
    if (said !== (p.label === 'same')) misses.push({ id: p.id, label: p.label, verdict, score: m?.score ?? 0 });
  }
  return {
    pairs: pairs.length,
    positives: tp + fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    unsure,
    unsureSame,
    misses,
  };
}
