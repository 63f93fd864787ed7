/**
 * The labelled visit set (test/fixtures/visits.jsonl) and how a reading of it is scored: shared by the benchmark
 * (npm run bench:visits) and the unit test's regression guard, as bench/parse-eval.ts is for reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar } from '../src/domain/calendar.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { parseVisit, type VisitReading } from '../src/domain/parse/visit.js';
import { projectRoot } from '../src/infra/paths.js';

export interface LabelledVisit {
  id: string;
  text: string;
  split: 't' | 'h' | 'u';
  visit: boolean;
  target: string | null;
  mode: string | null;
  date: string | null;
  companions: string[];
  problems: string[];
  noProblems: boolean;
  known: boolean;
}

/** The instant every label was computed for: Friday 2026-11-20, 10:00 in Asia/Shanghai. */
export const VISIT_SET_NOW = '2026-11-20T02:00:00.000Z';
/** The directory names the `known: true` lines are read with. */
export const VISIT_SET_KNOWN = ['钱塘新材料', '亿龙置业', '亿龙二期', '天赐生态', '华越纺织', '神马电力', '青年汽车', '星火医药'];
export const VISIT_FIELDS = ['visit', 'target', 'mode', 'date', 'companions', 'problems', 'noProblems'] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];

export function loadVisitSet(path = join(projectRoot(), 'test', 'fixtures', 'visits.jsonl')): LabelledVisit[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledVisit);
}

/** Either script is accepted for what is "as written". */
const norm = (v: unknown): unknown => (typeof v === 'string' ? normalizeText(v) : Array.isArray(v) ? v.map(norm) : v);

function got(r: VisitReading | null, f: VisitField): unknown {
  if (f === 'visit') return r !== null;
  return r === null ? null : r[f];
}

/** Per-field scores; fields other than `visit` are judged on the visit logs only. */
export function evaluateVisits(items: LabelledVisit[]) {
  const scores = Object.fromEntries(VISIT_FIELDS.map((f) => [f, { n: 0, right: 0, misses: [] as string[] }])) as Record<VisitField, { n: number; right: number; misses: string[] }>;
  for (const m of items) {
    const r = parseVisit(m.text, VISIT_SET_NOW, defaultCalendar, m.known ? VISIT_SET_KNOWN : undefined);
    for (const f of VISIT_FIELDS) {
      if (f !== 'visit' && !m.visit) continue;
      const want = m[f];
      const have = got(r, f);
      scores[f].n++;
      if (JSON.stringify(norm(want)) === JSON.stringify(norm(have))) scores[f].right++;
      else scores[f].misses.push(`miss ${f} ${m.id}: ${m.text}  want=${JSON.stringify(want)} got=${JSON.stringify(have)}`);
    }
  }
  return scores;
}
