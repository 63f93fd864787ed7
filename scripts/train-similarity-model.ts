/**
 * Trains the 重复 / 回潮 pair model (src/domain/similarity-model.json) from the labelled data in test/fixtures:
 * - how often each canonical bigram and character occurs, over the labelled messages of corpus.jsonl (tuning and
 *   development parts; the unseen part, when a round waits there, stays out);
 * - a logistic regression over similarity.ts `PAIR_FEATURES`, on the labelled pairs of `PAIR_FILES` (development
 *   data: every file here was scored once as an unseen round, or written for training). A held-out round is never
 *   listed here before its one scoring run;
 * - then boosted regression trees (depth `TREE_DEPTH`, `TREES` of them, Newton steps on the log loss) fitted to what
 *   the linear part leaves: their sum is one more feature of the vector, with weight 1 (`modelVector`). Splits are
 *   searched over at most `BINS` thresholds per feature (the quantiles of its training values), by histograms.
 * Deterministic: the same files give the same model (full-batch gradient descent, fixed steps, rounded weights).
 * Usage: npm run train:similarity            writes the model
 *        npx tsx scripts/train-similarity-model.ts --loro   prints leave-one-file-out precision / recall, writes nothing
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asReport, loadPairs, type LabelledPair } from '../bench/similarity-eval.js';
import { canonicalBigrams, canonicalText, features, logistic, modelVector, PAIR_FEATURES, pairVector, treeMargin, type PairModel, type PairTree } from '../src/domain/similarity.js';
import { projectRoot } from '../src/infra/paths.js';

export const PAIR_MODEL_PATH = join(projectRoot(), 'src', 'domain', 'similarity-model.json');
const FIXTURES = join(projectRoot(), 'test', 'fixtures');
/** The pair files the model learns from. */
export const PAIR_FILES = [
  'duplicate-pairs.jsonl',
  'duplicate-pairs-round8.jsonl',
  'duplicate-pairs-round9.jsonl',
  'duplicate-pairs-round10.jsonl',
  'duplicate-pairs-round11.jsonl',
  'duplicate-pairs-round12.jsonl',
  'duplicate-pairs-round13.jsonl',
  'duplicate-pairs-round14.jsonl',
  'duplicate-pairs-round15.jsonl',
  'duplicate-pairs-round16.jsonl',
  'duplicate-pairs-round17.jsonl',
  'duplicate-pairs-round18.jsonl',
  'duplicate-pairs-round19.jsonl',
  'duplicate-pairs-round20.jsonl',
  'duplicate-pairs-round21.jsonl',
  'duplicate-pairs-round23.jsonl',
  'duplicate-pairs-round24.jsonl',
  'duplicate-pairs-round25.jsonl',
  'duplicate-pairs-round26.jsonl',
  'duplicate-pairs-round27.jsonl',
  'duplicate-pairs-round28.jsonl',
  'duplicate-pairs-round29.jsonl',
  'duplicate-pairs-round30.jsonl',
  'duplicate-pairs-round31.jsonl',
  'duplicate-pairs-round32.jsonl',
  'duplicate-pairs-round33.jsonl',
  'duplicate-pairs-round34.jsonl',
  'duplicate-pairs-round35.jsonl',
  'duplicate-pairs-round36.jsonl',
  'duplicate-pairs-round37.jsonl',
  'duplicate-pairs-round38.jsonl',
  'duplicate-pairs-round39.jsonl',
  'duplicate-pairs-round40.jsonl',
  'duplicate-pairs-round41.jsonl',
  'duplicate-pairs-round42.jsonl',
  'duplicate-pairs-round43.jsonl',
  'duplicate-pairs-round44.jsonl',
  'duplicate-pairs-round45.jsonl',
  'duplicate-pairs-round46.jsonl',
  'duplicate-pairs-round47.jsonl',
  'duplicate-pairs-round48.jsonl',
  'duplicate-pairs-round49.jsonl',
  'duplicate-pairs-round50.jsonl',
  'duplicate-pairs-round51.jsonl',
  'duplicate-pairs-round52.jsonl',
  'duplicate-pairs-round53.jsonl',
  'duplicate-pairs-round54.jsonl',
  'duplicate-pairs-round55.jsonl',
  'duplicate-pairs-round56.jsonl',
  'duplicate-pairs-round57.jsonl',
  'duplicate-pairs-round58.jsonl',
  'duplicate-pairs-round59.jsonl',
  'duplicate-pairs-round60.jsonl',
  'duplicate-pairs-round61.jsonl',
  'duplicate-pairs-round62.jsonl',
  'duplicate-pairs-round63.jsonl',
  'duplicate-pairs-round64.jsonl',
  'duplicate-pairs-round65.jsonl',
  'duplicate-pairs-round66.jsonl',
  'duplicate-pairs-round67.jsonl',
  'duplicate-pairs-round68.jsonl',
  'duplicate-pairs-round69.jsonl',
  'duplicate-pairs-round70.jsonl',
  'duplicate-pairs-round71.jsonl',
  'duplicate-pairs-round72.jsonl',
  'duplicate-pairs-round73.jsonl',
  'duplicate-pairs-round74.jsonl',
  'duplicate-pairs-round75.jsonl',
  'duplicate-pairs-round76.jsonl',
  'duplicate-pairs-round77.jsonl',
  'duplicate-pairs-round78.jsonl',
  'duplicate-pairs-round79.jsonl',
  'duplicate-pairs-round80.jsonl',
  'duplicate-pairs-round81.jsonl',
  'duplicate-pairs-round82.jsonl',
  'duplicate-pairs-round83.jsonl',
  'duplicate-pairs-round84.jsonl',
  'duplicate-pairs-round85.jsonl',
  'duplicate-pairs-round86.jsonl',
  'duplicate-pairs-round87.jsonl',
  'duplicate-pairs-round88.jsonl',
  'duplicate-pairs-round89.jsonl',
  'duplicate-pairs-round90.jsonl',
  'duplicate-pairs-round92.jsonl',
  'duplicate-pairs-round93.jsonl',
  'duplicate-pairs-round94.jsonl',
  'duplicate-pairs-round97.jsonl',
  'duplicate-pairs-round95.jsonl',
  'duplicate-pairs-round96.jsonl',
  'duplicate-pairs-round98.jsonl',
  'duplicate-pairs-round99.jsonl',
  'duplicate-pairs-round100.jsonl',
  'duplicate-pairs-round101.jsonl',
  'duplicate-pairs-round102.jsonl',
  'duplicate-pairs-round103.jsonl',
  'duplicate-pairs-round104.jsonl',
  'duplicate-pairs-round105.jsonl',
  'duplicate-pairs-round106.jsonl',
  'duplicate-pairs-round107.jsonl',
  'duplicate-pairs-round108.jsonl',
  'duplicate-pairs-round109.jsonl',
  'duplicate-pairs-round110.jsonl',
  'duplicate-pairs-round111.jsonl',
  'duplicate-pairs-round112.jsonl',
  'duplicate-pairs-round113.jsonl',
  'duplicate-pairs-round114.jsonl',
  'duplicate-pairs-round115.jsonl',
  'duplicate-pairs-round116.jsonl',
  'duplicate-pairs-round117.jsonl',
  'duplicate-pairs-round118.jsonl',
  'duplicate-pairs-round119.jsonl',
  'duplicate-pairs-round120.jsonl',
  'duplicate-pairs-round121.jsonl',
  'duplicate-pairs-round122.jsonl',
  'duplicate-pairs-round123.jsonl',
  'duplicate-pairs-round124.jsonl',
  'duplicate-pairs-round125.jsonl',
  'duplicate-pairs-round126.jsonl',
  'duplicate-pairs-round127.jsonl',
  'duplicate-pairs-round128.jsonl',
  'duplicate-pairs-round129.jsonl',
  'duplicate-pairs-round130.jsonl',
  'duplicate-pairs-round131.jsonl',
  'duplicate-pairs-round132.jsonl',
  'duplicate-pairs-round133.jsonl',
  'duplicate-pairs-round134.jsonl',
  'duplicate-pairs-round135.jsonl',
  'duplicate-pairs-round136.jsonl',
  'duplicate-pairs-round137.jsonl',
  'duplicate-pairs-round138.jsonl',
  'duplicate-pairs-round139.jsonl',
  'duplicate-pairs-round140.jsonl',
  'duplicate-pairs-round142.jsonl',
  'duplicate-pairs-round145.jsonl',
  'duplicate-pairs-round146.jsonl',
  'duplicate-pairs-round147.jsonl',
  'duplicate-pairs-round148.jsonl',
  'duplicate-pairs-round149.jsonl',
  'duplicate-pairs-round150.jsonl',
  'duplicate-pairs-round151.jsonl',
  'duplicate-pairs-round152.jsonl',
  'duplicate-pairs-round153.jsonl',
  'duplicate-pairs-round154.jsonl',
  'duplicate-pairs-round155.jsonl',
  'duplicate-pairs-round156.jsonl',
  'duplicate-pairs-round157.jsonl',
  'duplicate-pairs-round158.jsonl',
  'duplicate-pairs-round159.jsonl',
  'duplicate-pairs-round160.jsonl',
  'duplicate-pairs-round161.jsonl',
  'duplicate-pairs-round162.jsonl',
  'duplicate-pairs-round163.jsonl',
  'duplicate-pairs-round164.jsonl',
  'duplicate-pairs-round165.jsonl',
  'duplicate-pairs-round166.jsonl',
  'duplicate-pairs-round167.jsonl',
  'duplicate-pairs-round168.jsonl',
  'duplicate-pairs-round169.jsonl',
  'duplicate-pairs-round170.jsonl',
  'duplicate-pairs-round171.jsonl',
  'duplicate-pairs-round172.jsonl',
  'duplicate-pairs-round173.jsonl',
  'duplicate-pairs-round174.jsonl',
  'duplicate-pairs-round175.jsonl',
  'duplicate-pairs-round176.jsonl',
  'duplicate-pairs-round177.jsonl',
  'duplicate-pairs-round178.jsonl',
  'duplicate-pairs-round179.jsonl',
  'duplicate-pairs-round180.jsonl',
  'duplicate-pairs-round181.jsonl',
  'duplicate-pairs-round182.jsonl',
  'duplicate-pairs-round183.jsonl',
  'duplicate-pairs-round184.jsonl',
  'duplicate-pairs-round185.jsonl',
  'duplicate-pairs-round186.jsonl',
  'duplicate-pairs-round187.jsonl',
  'duplicate-pairs-round188.jsonl',
  'duplicate-pairs-round189.jsonl',
  'duplicate-pairs-round190.jsonl',
  'duplicate-pairs-round191.jsonl',
  'duplicate-pairs-round192.jsonl',
  'duplicate-pairs-round193.jsonl',
  'duplicate-pairs-round194.jsonl',
  'duplicate-pairs-round195.jsonl',
  'duplicate-pairs-round196.jsonl',
  'duplicate-pairs-round197.jsonl',
  'duplicate-pairs-round198.jsonl',
  'duplicate-pairs-round199.jsonl',
  'duplicate-pairs-round200.jsonl',
  'duplicate-pairs-round201.jsonl',
  'duplicate-pairs-round202.jsonl',
  'duplicate-pairs-round203.jsonl',
  'duplicate-pairs-round204.jsonl',
  'duplicate-pairs-round205.jsonl',
  'duplicate-pairs-round206.jsonl',
  'duplicate-pairs-round207.jsonl',
  'duplicate-pairs-round208.jsonl',
  'duplicate-pairs-round209.jsonl',
  'duplicate-pairs-round210.jsonl',
  'duplicate-pairs-round211.jsonl',
  'duplicate-pairs-round212.jsonl',
  'duplicate-pairs-round213.jsonl',
  'duplicate-pairs-round214.jsonl',
  'duplicate-pairs-round215.jsonl',
  'duplicate-pairs-round216.jsonl',
  'duplicate-pairs-round217.jsonl',
  'duplicate-pairs-round218.jsonl',
  'duplicate-pairs-round219.jsonl',
  'duplicate-pairs-round220.jsonl',
  'duplicate-pairs-round221.jsonl',
  'duplicate-pairs-round222.jsonl',
  'duplicate-pairs-round223.jsonl',
  'duplicate-pairs-round224.jsonl',
  'duplicate-pairs-round225.jsonl',
  'duplicate-pairs-round226.jsonl',
  'duplicate-pairs-round227.jsonl',
  'duplicate-pairs-round228.jsonl',
  'duplicate-pairs-round229.jsonl',
  'duplicate-pairs-round230.jsonl',
  'duplicate-pairs-round231.jsonl',
  'duplicate-pairs-round232.jsonl',
  'duplicate-pairs-round233.jsonl',
  'duplicate-pairs-round234.jsonl',
  'duplicate-pairs-round235.jsonl',
  'duplicate-pairs-round236.jsonl',
  'duplicate-pairs-round237.jsonl',
  'duplicate-pairs-round238.jsonl',
  'duplicate-pairs-round239.jsonl',
  'duplicate-pairs-round240.jsonl',
  'duplicate-pairs-round241.jsonl',
  'duplicate-pairs-round242.jsonl',
  'duplicate-pairs-round243.jsonl',
  'duplicate-pairs-round244.jsonl',
  'duplicate-pairs-round245.jsonl',
  'duplicate-pairs-round246.jsonl',
  'duplicate-pairs-round247.jsonl',
  'duplicate-pairs-round248.jsonl',
  'duplicate-pairs-round249.jsonl',
  'duplicate-pairs-round250.jsonl',
  'duplicate-pairs-round251.jsonl',
  'duplicate-pairs-round252.jsonl',
  'duplicate-pairs-round253.jsonl',
  'duplicate-pairs-round254.jsonl',
  'duplicate-pairs-round255.jsonl',
  'duplicate-pairs-round256.jsonl',
  'duplicate-pairs-round257.jsonl',
  'duplicate-pairs-round258.jsonl',
  'duplicate-pairs-round259.jsonl',
  'duplicate-pairs-round260.jsonl',
  'duplicate-pairs-round261.jsonl',
  'duplicate-pairs-round262.jsonl',
  'duplicate-pairs-round263.jsonl',
  'duplicate-pairs-round264.jsonl',
  'duplicate-pairs-round265.jsonl',
  'duplicate-pairs-round266.jsonl',
  'duplicate-pairs-round267.jsonl',
  'duplicate-pairs-round268.jsonl',
  'duplicate-pairs-round269.jsonl',
  'duplicate-pairs-round270.jsonl',
  'duplicate-pairs-round271.jsonl',
  'duplicate-pairs-round272.jsonl',
  'duplicate-pairs-round273.jsonl',
  'duplicate-pairs-round274.jsonl',
  'duplicate-pairs-round275.jsonl',
  'duplicate-pairs-round276.jsonl',
  'duplicate-pairs-round277.jsonl',
  'duplicate-pairs-round278.jsonl',
  'duplicate-pairs-round279.jsonl',
  'duplicate-pairs-round280.jsonl',
  'duplicate-pairs-round281.jsonl',
  'duplicate-pairs-round282.jsonl',
  'duplicate-pairs-round283.jsonl',
  'duplicate-pairs-round284.jsonl',
  'duplicate-pairs-round285.jsonl',
  'duplicate-pairs-round286.jsonl',
  'duplicate-pairs-round287.jsonl',
  'duplicate-pairs-round288.jsonl',
  'duplicate-pairs-round289.jsonl',
  'duplicate-pairs-round290.jsonl',
  'duplicate-pairs-round291.jsonl',
  'duplicate-pairs-round292.jsonl',
  'duplicate-pairs-round293.jsonl',
  'duplicate-pairs-round294.jsonl',
  'duplicate-pairs-round295.jsonl',
  'duplicate-pairs-round296.jsonl',
  'duplicate-pairs-round297.jsonl',
  'duplicate-pairs-round298.jsonl',
  'duplicate-pairs-round299.jsonl',
  'duplicate-pairs-round300.jsonl',
  'duplicate-pairs-round301.jsonl',
  'duplicate-pairs-round302.jsonl',
  'duplicate-pairs-round303.jsonl',
  'duplicate-pairs-round304.jsonl',
  'duplicate-pairs-round305.jsonl',
  'duplicate-pairs-round306.jsonl',
  'duplicate-pairs-round307.jsonl',
  'duplicate-pairs-round308.jsonl',
  'duplicate-pairs-round309.jsonl',
  'duplicate-pairs-round310.jsonl',
  'duplicate-pairs-round311.jsonl',
  'duplicate-pairs-round312.jsonl',
  'duplicate-pairs-round313.jsonl',
  'duplicate-pairs-round314.jsonl',
  'duplicate-pairs-round315.jsonl',
  'duplicate-pairs-round316.jsonl',
  'duplicate-pairs-round317.jsonl',
  'duplicate-pairs-round318.jsonl',
  'duplicate-pairs-round319.jsonl',
  'duplicate-pairs-round320.jsonl',
  'duplicate-pairs-round321.jsonl',
  'duplicate-pairs-round322.jsonl',
  'duplicate-pairs-round323.jsonl',
  'duplicate-pairs-round324.jsonl',
  'duplicate-pairs-round325.jsonl',
  'duplicate-pairs-round326.jsonl',
  'duplicate-pairs-round327.jsonl',
  'duplicate-pairs-round328.jsonl',
  'duplicate-pairs-round329.jsonl',
  'duplicate-pairs-round330.jsonl',
  'duplicate-pairs-round331.jsonl',
  'duplicate-pairs-round332.jsonl',
  'duplicate-pairs-round333.jsonl',
  'duplicate-pairs-round334.jsonl',
  'duplicate-pairs-round335.jsonl',
  'duplicate-pairs-round336.jsonl',
  'duplicate-pairs-round337.jsonl',
  'duplicate-pairs-round338.jsonl',
  'duplicate-pairs-round339.jsonl',
  'duplicate-pairs-round340.jsonl',
  'duplicate-pairs-round341.jsonl',
  'duplicate-pairs-round342.jsonl',
  'duplicate-pairs-round343.jsonl',
  'duplicate-pairs-round344.jsonl',
  'duplicate-pairs-round345.jsonl',
  'duplicate-pairs-round346.jsonl',
  'duplicate-pairs-round347.jsonl',
  'train-pairs-extra.jsonl',
  'train-pairs-extra2.jsonl',
  'train-pairs-extra3.jsonl',
  'train-pairs-extra4.jsonl',
].filter((f) => existsSync(join(FIXTURES, f)));

const L2 = 0.01;
const STEPS = 3000;
const RATE = 0.5;

type Row = { x: number[]; y: number };

function frequencies(): Pick<PairModel, 'docs' | 'df' | 'cdf'> {
  const texts = readFileSync(join(FIXTURES, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; split: string })
    .filter((m) => m.split !== 'u')
    .map((m) => m.text);
  const df = new Map<string, number>();
  const cdf = new Map<string, number>();
  for (const t of texts) {
    for (const g of canonicalBigrams(t)) df.set(g, (df.get(g) ?? 0) + 1);
    for (const c of new Set(canonicalText(t).replace(/ /g, ''))) cdf.set(c, (cdf.get(c) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>, min: number) => Object.fromEntries([...m].filter(([, n]) => n >= min).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return { docs: texts.length, df: sorted(df, 2), cdf: sorted(cdf, 1) };
}

function rows(pairs: readonly LabelledPair[], freq: Pick<PairModel, 'docs' | 'df' | 'cdf'>): Row[] {
  return pairs.map((p) => {
    const { report, candidate } = asReport(p);
    return { x: pairVector(report, candidate, features(report.text), features(candidate.text), freq), y: p.label === 'same' ? 1 : 0 };
  });
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Full-batch gradient descent on the log loss with an L2 penalty (not on the constant). */
export function fitLogistic(data: readonly Row[]): number[] {
  const d = data[0]!.x.length;
  const w = new Array<number>(d).fill(0);
  for (let t = 0; t < STEPS; t++) {
    const g = new Array<number>(d).fill(0);
    for (const r of data) {
      const e = logistic(w, r.x) - r.y;
      for (let i = 0; i < d; i++) g[i]! += e * r.x[i]!;
    }
    for (let i = 0; i < d; i++) w[i]! -= RATE * (g[i]! / data.length + (i > 0 ? L2 * w[i]! : 0));
  }
  return w.map(round6);
}

const TREES = 100;
const TREE_DEPTH = 3;
const SHRINK = 0.1;
const BINS = 32;
/** A split must leave at least this many training pairs on each side. */
const MIN_LEAF = 40;
/** The L2 penalty on a leaf's value (Newton step: −G / (H + λ)). */
const LAMBDA = 1;

/**
 * Boosted regression trees on the log loss, starting from the linear model's score of each row (`weights`). Each
 * feature's candidate thresholds are the midpoints between its distinct training values, or between `BINS` quantiles
 * of them when there are more; a node's best split is found from per-bin sums of the gradient and the hessian.
 */
export function fitTrees(data: readonly Row[], weights: readonly number[]): PairTree[] {
  const n = data.length;
  const d = data[0]!.x.length;
  const cuts: number[][] = [];
  const bin: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const values = [...new Set(data.map((r) => r.x[f]!))].sort((a, b) => a - b);
    const picked = values.length <= BINS ? values : Array.from({ length: BINS }, (_, q) => values[Math.floor((q * values.length) / BINS)]!).filter((v, i, a) => i === 0 || v !== a[i - 1]);
    const c: number[] = [];
    for (let i = 0; i + 1 < picked.length; i++) c.push(round6((picked[i]! + picked[i + 1]!) / 2));
    cuts.push(c);
    // bin k holds the values above cut k-1 and at most cut k
    bin.push(Uint8Array.from(data, (r) => {
      let k = 0;
      while (k < c.length && r.x[f]! > c[k]!) k++;
      return k;
    }));
  }
  const margin = Float64Array.from(data, (r) => r.x.reduce((z, v, i) => z + v * weights[i]!, 0));
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const grow = (rows: Int32Array, depth: number): PairTree => {
    let G = 0;
    let H = 0;
    for (const i of rows) {
      G += g[i]!;
      H += h[i]!;
    }
    const leaf = round6((-SHRINK * G) / (H + LAMBDA));
    if (depth === 0 || rows.length < 2 * MIN_LEAF) return leaf;
    let best = 0;
    let bestF = -1;
    let bestK = 0;
    for (let f = 0; f < d; f++) {
      const k = cuts[f]!.length;
      if (k === 0) continue;
      const gs = new Float64Array(k + 1);
      const hs = new Float64Array(k + 1);
      const ns = new Int32Array(k + 1);
      const b = bin[f]!;
      for (const i of rows) {
        const j = b[i]!;
        gs[j] = gs[j]! + g[i]!;
        hs[j] = hs[j]! + h[i]!;
        ns[j] = ns[j]! + 1;
      }
      let gl = 0;
      let hl = 0;
      let nl = 0;
      for (let c = 0; c < k; c++) {
        gl += gs[c]!;
        hl += hs[c]!;
        nl += ns[c]!;
        if (nl < MIN_LEAF || rows.length - nl < MIN_LEAF) continue;
        const gain = (gl * gl) / (hl + LAMBDA) + ((G - gl) * (G - gl)) / (H - hl + LAMBDA) - (G * G) / (H + LAMBDA);
        if (gain > best) {
          best = gain;
          bestF = f;
          bestK = c;
        }
      }
    }
    if (bestF < 0) return leaf;
    const b = bin[bestF]!;
    const left = rows.filter((i) => b[i]! <= bestK);
    const right = rows.filter((i) => b[i]! > bestK);
    return { f: bestF, t: cuts[bestF]![bestK]!, l: grow(left, depth - 1), r: grow(right, depth - 1) };
  };
  const all = Int32Array.from(data, (_, i) => i);
  const trees: PairTree[] = [];
  for (let t = 0; t < TREES; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      g[i] = p - data[i]!.y;
      h[i] = p * (1 - p);
    }
    const tree = grow(all, TREE_DEPTH);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] = margin[i]! + treeMargin(data[i]!.x, [tree]);
  }
  return trees;
}

/** The linear weights, the trees fitted over them, and weight 1 for the trees' sum (`modelVector`), fitted to `data`. */
export function fitPairModel(data: readonly Row[]): Pick<PairModel, 'weights' | 'trees'> {
  const weights = fitLogistic(data);
  return { weights: [...weights, 1], trees: fitTrees(data, weights) };
}

export function buildPairModelJson(): string {
  const freq = frequencies();
  const data = PAIR_FILES.flatMap((f) => rows(loadPairs(join(FIXTURES, f)), freq));
  const model: PairModel = { docs: freq.docs, features: [...PAIR_FEATURES], ...fitPairModel(data), df: freq.df, cdf: freq.cdf };
  return `${JSON.stringify(model)}\n`;
}

if (process.argv[1]?.endsWith('train-similarity-model.ts')) {
  if (process.argv.includes('--loro')) {
    const freq = frequencies();
    const sets = PAIR_FILES.map((f) => ({ f, data: rows(loadPairs(join(FIXTURES, f)), freq) }));
    const pooled: { f: string; p: number; y: number }[] = [];
    for (const held of sets) {
      const m = fitPairModel(sets.filter((s) => s !== held).flatMap((s) => s.data));
      for (const r of held.data) pooled.push({ f: held.f, p: logistic(m.weights, modelVector(r.x, m.trees)), y: r.y });
    }
    for (const th of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const line = [...PAIR_FILES, 'all'].map((f) => {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const r of pooled.filter((q) => f === 'all' || q.f === f)) {
          const same = r.p >= th;
          if (same && r.y) tp++;
          if (same && !r.y) fp++;
          if (!same && r.y) fn++;
        }
        return `${f.replace(/^duplicate-pairs-?|\.jsonl$/g, '') || 'pairs'} P ${((100 * tp) / Math.max(1, tp + fp)).toFixed(1)} R ${((100 * tp) / Math.max(1, tp + fn)).toFixed(1)}`;
      });
      console.log(`same ≥ ${th.toFixed(2)}: ${line.join(' · ')}`);
    }
  } else {
    const json = buildPairModelJson();
    writeFileSync(PAIR_MODEL_PATH, json);
    console.log(`wrote ${PAIR_MODEL_PATH} (${(json.length / 1024).toFixed(0)} KiB)`);
  }
}
