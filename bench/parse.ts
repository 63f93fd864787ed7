/**
 * Parser benchmark: per-field accuracy on the labelled corpus (tuning part, held-out part, all) and speed
 * (median and p99 microseconds per message over at least 10,000 messages, one core, after a warm-up).
 * Usage: npm run bench:parse [-- --misses]
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseMessage } from '../src/domain/parse/parse.js';
import { projectRoot } from '../src/infra/paths.js';
import { evaluate, FIELDS, loadCorpus, REFERENCE_TIME } from './parse-eval.js';

const corpus = loadCorpus(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'));
const showMisses = process.argv.includes('--misses');
const pct = (r: number, n: number) => (n ? `${((100 * r) / n).toFixed(1)}%` : '—');

// t: tuned on; h: held out at first, then used for development; u: written last and never tuned on
const parts = {
  tuning: corpus.filter((m) => m.split === 't'),
  development: corpus.filter((m) => m.split === 'h'),
  unseen: corpus.filter((m) => m.split === 'u'),
  all: corpus,
};
const results = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, evaluate(v)]));

console.log(`corpus: ${corpus.length} messages (tuning ${parts.tuning.length}, development ${parts.development.length}, unseen ${parts.unseen.length})`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}\n`);
console.log(['field'.padEnd(11), ...Object.keys(parts).map((p) => p.padStart(18))].join(''));
for (const f of FIELDS) {
  console.log(
    [f.padEnd(11), ...Object.values(results).map((r) => `${pct(r[f].right, r[f].n)} (${r[f].right}/${r[f].n})`.padStart(18))].join(''),
  );
}
if (showMisses) {
  for (const f of FIELDS) {
    for (const m of results.all![f].misses) console.log(`miss ${f} ${m.id}: ${m.text}  want=${JSON.stringify(m.want)} got=${JSON.stringify(m.got)}`);
  }
}

// speed
const texts = corpus.map((m) => m.text);
for (let i = 0; i < 2000; i++) parseMessage(texts[i % texts.length]!, REFERENCE_TIME);
const N = Math.max(10_000, texts.length * 40);
const times = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const t0 = process.hrtime.bigint();
  parseMessage(texts[i % texts.length]!, REFERENCE_TIME);
  times[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
times.sort();
const q = (p: number) => times[Math.min(N - 1, Math.floor(p * N))]!;
console.log(`\nspeed over ${N} messages: median ${q(0.5).toFixed(1)} µs, p99 ${q(0.99).toFixed(1)} µs, max ${q(1).toFixed(1)} µs`);
// every unseen set is measured once, when written, and then joins the development part (docs/parsing.md keeps
// the history); the summary speaks for the unseen part while there is one, else for the whole corpus
const unseenNow = parts.unseen.length > 0;
const all = unseenNow ? results.unseen! : results.all!;
console.log(
  `summary (${unseenNow ? 'unseen part' : 'whole corpus; unseen-set history in docs/parsing.md'}): intent ${pct(all.intent.right, all.intent.n)}, category ${pct(all.category.right, all.category.n)}, urgency ${pct(all.urgency.right, all.urgency.n)}, deadline ${pct(all.deadline.right, all.deadline.n)}, enterprise ${pct(all.enterprise.right, all.enterprise.n)}; median ${q(0.5).toFixed(0)} µs`,
);
