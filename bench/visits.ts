/**
 * Visit-log parser benchmark: per-field accuracy on the labelled visit set (test/fixtures/visits.jsonl), tuning (t),
 * development (h: written blind, measured once, now used to find gaps) and unseen (u) parts apart, with the development
 * part's misses listed. Usage: npm run bench:visits [-- --misses] (all misses)
 */
import { evaluateVisits as evaluate, loadVisitSet, VISIT_FIELDS as FIELDS, VISIT_SET_NOW as NOW } from './visits-eval.js';

const set = loadVisitSet();

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
