/**
 * 重复 / 回潮 similarity benchmark (npm run bench:similarity): precision and recall of the `same` verdict on the
 * labelled pairs (test/fixtures/duplicate-pairs.jsonl), tune and held-out apart (thresholds are tuned on `tune`
 * only), then the cost: µs per comparison, and per report against N candidate tickets (features computed per
 * report; candidates' features cached, as the bot would keep them, and not cached).
 */
import { bestMatch, features, featuresUncached, score, type Candidate, type Features } from '../src/domain/similarity.js';
import { asReport, evaluate, loadPairs } from './similarity-eval.js';
import { machineLine } from './lib.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const pairs = loadPairs();
console.log(machineLine());
for (const split of ['tune', 'held-out'] as const) {
  const r = evaluate(pairs.filter((p) => p.split === split));
  console.log(
    `${split.padEnd(8)} pairs ${r.pairs} (same ${r.positives}) · precision ${pct(r.precision)} · recall ${pct(r.recall)} · asked (unsure) ${r.unsure}, of which same ${r.unsureSame}`,
  );
}

// the cost of one comparison: both sides' features computed (cold), or the candidate's cached (warm)
const docs = pairs.map(asReport);
const time = (label: string, n: number, fn: () => void) => {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const t0 = performance.now();
  fn();
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label}: ${us.toFixed(2)} µs`);
  return us;
};
const REPS = 20;
time('per comparison, cold (features of both texts)', docs.length * REPS, () => {
  // (features computed afresh: `features` keeps the texts it saw last, as the bot's process does)
  for (let r = 0; r < REPS; r++) for (const d of docs) score(d.report, d.candidate, featuresUncached(d.report.text), featuresUncached(d.candidate.text));
});
const cached = docs.map((d) => ({ ...d, fr: features(d.report.text), fc: features(d.candidate.text) }));
time('per comparison, warm (features cached)', docs.length * REPS, () => {
  for (let r = 0; r < REPS; r++) for (const d of cached) score(d.report, d.candidate, d.fr, d.fc);
});

// one report against N open tickets of its enterprise (the bot lists one conversation's or enterprise's tickets)
const texts = [...new Set(pairs.flatMap((p) => [p.a.text, p.b.text]))];
const at = docs[0]!.report.at;
for (const n of [1, 10, 50, 200, 1000]) {
  const cands: Candidate[] = Array.from({ length: n }, (_, i) => ({ ...docs[0]!.candidate, no: i + 1, text: texts[i % texts.length]! }));
  const cache = new Map<number, Features>(cands.map((c) => [c.no, features(c.text)]));
  const reports = texts.slice(0, 50).map((text) => ({ ...docs[0]!.report, text, at }));
  const cold = time(`report vs ${String(n).padStart(4)} candidates, cold`, reports.length, () => {
    for (const r of reports) bestMatch(r, cands, (c) => featuresUncached(c.text));
  });
  const warm = time(`report vs ${String(n).padStart(4)} candidates, warm`, reports.length, () => {
    for (const r of reports) bestMatch(r, cands, (c) => cache.get(c.no)!);
  });
  console.log(`  → ${(cold / n).toFixed(2)} µs (cold) / ${(warm / n).toFixed(2)} µs (warm) per candidate`);
}
