/**
 * Scores a held-out set kept in its own files (an "unseen round"), once, without touching the corpus or the
 * default benchmarks: per-field accuracy of the parser, median parse time over the set's messages, and the
 * precision / recall of the 重复 / 回潮 `same` verdict on its labelled pairs.
 * Usage: npx tsx bench/heldout.ts --corpus test/fixtures/unseen-round8.jsonl
 *          [--pairs test/fixtures/duplicate-pairs-round8.jsonl] [--misses]
 * Either file may be given alone. The corpus file has corpus.jsonl's schema, the pairs file duplicate-pairs.jsonl's.
 */
import { resolve } from 'node:path';
import { parseMessage } from '../src/domain/parse/parse.js';
import { machineLine } from './lib.js';
import { evaluate, FIELDS, loadCorpus, REFERENCE_TIME } from './parse-eval.js';
import { asReport, evaluate as evaluatePairs, loadPairs } from './similarity-eval.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const corpusPath = arg('--corpus');
const pairsPath = arg('--pairs');
const showMisses = process.argv.includes('--misses');
if (!corpusPath && !pairsPath) {
  console.error('usage: npx tsx bench/heldout.ts --corpus FILE.jsonl [--pairs FILE.jsonl] [--misses]');
  process.exit(2);
}
const pct = (r: number, n: number) => (n ? `${((100 * r) / n).toFixed(1)} %` : '—');
console.log(machineLine());

if (corpusPath) {
  const corpus = loadCorpus(resolve(corpusPath));
  const reports = corpus.filter((m) => m.intent === 'report').length;
  const r = evaluate(corpus);
  console.log(`\nmessages: ${corpus.length} (${reports} reports) from ${corpusPath}; reference time ${REFERENCE_TIME}`);
  for (const f of FIELDS) console.log(`${f.padEnd(11)} ${pct(r[f].right, r[f].n).padStart(8)} (${r[f].right}/${r[f].n})`);
  console.log(`enterprise, a leading place name aside ${pct(r.enterpriseAside.right, r.enterpriseAside.n)} (${r.enterpriseAside.right}/${r.enterpriseAside.n})`);
  if (showMisses) {
    for (const f of FIELDS) {
      for (const m of r[f].misses) console.log(`miss ${f} ${m.id}: ${m.text.replace(/\n/g, ' ⏎ ')}  want=${JSON.stringify(m.want)} got=${JSON.stringify(m.got)}`);
    }
  }
  // speed: as bench/parse.ts, over this set's messages
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
  console.log(`speed over ${N} parses: median ${q(0.5).toFixed(1)} µs, p99 ${q(0.99).toFixed(1)} µs`);
}

if (pairsPath) {
  const pairs = loadPairs(resolve(pairsPath));
  console.log(`\npairs from ${pairsPath}`);
  const parts = {
    all: pairs,
    duplicate: pairs.filter((p) => p.kind === 'duplicate'),
    recurrence: pairs.filter((p) => p.kind === 'recurrence'),
  };
  for (const [name, ps] of Object.entries(parts)) {
    const r = evaluatePairs(ps);
    console.log(
      `${name.padEnd(10)} pairs ${r.pairs} (same ${r.positives}) · precision ${pct(r.precision, 1)} · recall ${pct(r.recall, 1)} · asked (unsure) ${r.unsure}, of which same ${r.unsureSame}`,
    );
  }
  if (showMisses) {
    const byId = new Map(pairs.map((p) => [p.id, p]));
    for (const m of evaluatePairs(pairs).misses) {
      const p = byId.get(m.id)!;
      const { report, candidate } = asReport(p);
      console.log(
        `miss ${m.id} ${p.kind} want=${m.label} got=${m.verdict} score=${m.score.toFixed(3)} [${candidate.category}|${report.category}]: ${p.a.text}  ⇄  ${p.b.text}`,
      );
    }
  }
}
