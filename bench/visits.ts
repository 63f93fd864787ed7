/**
 * Visit-log parser benchmark: per-field accuracy on the labelled visit set (test/fixtures/visits.jsonl), tuning (t),
 * development (h: written blind, measured once, now used to find gaps) and unseen (u) parts apart, with the development
 * part's misses listed. Usage: npm run bench:visits [-- --misses] (all misses)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCalendar } from '../src/domain/calendar.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { parseVisit, type VisitReading } from '../src/domain/parse/visit.js';
import { projectRoot } from '../src/infra/paths.js';

interface LabelledVisit {
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

const NOW = '2026-11-20T02:00:00.000Z';
const KNOWN = ['钱塘新材料', '亿龙置业', '亿龙二期', '天赐生态', '华越纺织', '神马电力', '青年汽车', '星火医药'];
const FIELDS = ['visit', 'target', 'mode', 'date', 'companions', 'problems', 'noProblems'] as const;
type Field = (typeof FIELDS)[number];

const set = readFileSync(join(projectRoot(), 'test', 'fixtures', 'visits.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LabelledVisit);

/** Either script is accepted for what is "as written". */
const norm = (v: unknown): unknown => (typeof v === 'string' ? normalizeText(v) : Array.isArray(v) ? v.map(norm) : v);

function got(r: VisitReading | null, f: Field): unknown {
  if (f === 'visit') return r !== null;
  return r === null ? null : r[f];
}

/** Fields other than `visit` are judged on the visit logs only. */
function evaluate(items: LabelledVisit[]) {
  const scores = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, right: 0, misses: [] as string[] }])) as Record<Field, { n: number; right: number; misses: string[] }>;
  for (const m of items) {
    const r = parseVisit(m.text, NOW, defaultCalendar, m.known ? KNOWN : undefined);
    for (const f of FIELDS) {
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

const parts = {
  'tuning (t)': set.filter((m) => m.split === 't'),
  'development (h)': set.filter((m) => m.split === 'h'),
  'unseen (u)': set.filter((m) => m.split === 'u'),
};
const results = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, evaluate(v)]));
const pct = (r: number, n: number) => (n ? `${((100 * r) / n).toFixed(1)}%` : '—');

console.log(`visit set: ${set.length} messages (${Object.entries(parts).map(([k, v]) => `${k} ${v.length}`).join(', ')}); now ${NOW}\n`);
console.log(['field'.padEnd(11), ...Object.keys(parts).map((p) => p.padStart(18))].join(''));
for (const f of FIELDS) {
  console.log([f.padEnd(11), ...Object.values(results).map((r) => `${pct(r[f].right, r[f].n)} (${r[f].right}/${r[f].n})`.padStart(18))].join(''));
}
const all = process.argv.includes('--misses');
const listed = all ? Object.values(results) : [results['development (h)']!];
const misses = listed.flatMap((r) => FIELDS.flatMap((f) => r[f].misses));
console.log(`\nmisses (${all ? 'all parts' : 'development part'}): ${misses.length}`);
for (const line of misses) console.log(line);
