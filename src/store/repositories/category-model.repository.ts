import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { countsOver, withCounts, type BayesModel } from '../../domain/parse/bayes.js';
import { SHIPPED_CATEGORY_MODEL } from '../../domain/parse/category.js';
import { exampleCount, labelledReports, learnCategoryModel, type CorrectedTicket } from '../../domain/parse/learning.js';
import { parseMessage } from '../../domain/parse/parse.js';
import { answeredPairs, learnPairWeights, type AskedTicket } from '../../domain/pair-learning.js';
import { chatKey, PAIR_MODEL, type PairModel } from '../../domain/similarity.js';
import type { DuplicateAsk } from '../../domain/ticket.js';
import type { Logger } from '../../shared/logger.js';

/**
 * The deployment's learned category models (issue 19, "corrections become training data"), in the `models` collection:
 *
 *   { _id: 'category:<n>', version: n, createdAt, digest, trainedOn: { base, corrections, confirmations }, model }
 *   { _id: 'category:current', version, seq, updatedAt, versions: [{ version, createdAt, digest, trainedOn }, …] }
 *
 * Every read is by `_id` (cheap on FerretDB too). A version stores what the deployment's corrections add to the model
 * shipped with the code (`learned`: the document and gram totals they add, and the grams they touched, in one array with
 * their added counts in another, flat, a row of `categories.length` numbers per gram — no map with thousands of keys,
 * no nested arrays, which FerretDB does not store), never the shipped model again: that one is 100,000 grams and grows
 * with every corpus the code is trained on, and stored whole it came to 15 MiB, next to MongoDB's 16 MiB document
 * limit. `learned.base` is the digest of the shipped model it was taken over; after an upgrade the version in force is
 * the new shipped model plus the same corrections, which is what a rebuild would make (a rebuild then stores it as a
 * new version, its digest being new). Versions stored whole (`model`) before are still read. The pointer says which
 * version is in force (0: none, the model shipped with the code) and lists the kept versions, newest last, so
 * `status` and `rollback` read one small document.
 * A rebuild trains the shipped model plus the corrected tickets (domain/parse/learning.ts), and refits the 重复 pair
 * model's weights to the answered 是 / 不是 questions (domain/pair-learning.ts; `model.pair`); the same tickets give the
 * same model and the same digest, and a rebuild that would give the version in force again stores nothing.
 */
export const CURRENT_ID = 'category:current';
const idOf = (version: number) => `category:${version}`;
/** Model documents kept (the pointer's list too); older ones are deleted by a rebuild. */
const KEEP = 10;

export interface ModelVersionInfo {
  version: number;
  createdAt: Date;
  /** sha256 of the model: equal digests, equal models. */
  digest: string;
  /** `answers`: the 是 / 不是 answers the pair weights were refitted to (absent in versions made before). */
  trainedOn: { base: number; corrections: number; confirmations: number; answers?: number };
}

/** A whole model, as versions were stored before the eighteenth session (still read). */
interface StoredModel {
  categories: string[];
  docs: number[];
  totals: number[];
  vocabulary: number;
  alpha: number;
  grams: string[];
  /** Row-major: gram i's count for category k at i * categories.length + k. */
  counts: number[];
  /** The lexicon's learned factors (BayesModel.lexicon). */
  lexicon?: { k: string; f: number }[];
  /** The pair model's learned weights (BayesModel.pair). */
  pair?: number[];
}

/** What a version adds to the shipped model (countsOver), and what it learned beside the counts. */
interface StoredLearning {
  /** The digest of the shipped model the counts were taken over. */
  base: string;
  docs: number[];
  totals: number[];
  grams: string[];
  /** Row-major: gram i's added count for category k at i * docs.length + k. */
  counts: number[];
  lexicon?: { k: string; f: number }[];
  pair?: number[];
  /**
   * The shipped pair model the weights were refitted from (its features and weights): after an upgrade, the new shipped
   * weights plus what the answers moved, when the features are the same; else the shipped weights alone (the answers
   * apply again at the next rebuild). Absent in versions made before.
   */
  pairOver?: { features: string[]; weights: number[] };
}

/** The shipped pair model a repository refits from and reads stored weights against. */
type PairBase = Pick<PairModel, 'features' | 'weights'>;

interface ModelDoc extends ModelVersionInfo {
  _id: string;
  learned?: StoredLearning;
  model?: StoredModel;
}

interface PointerDoc {
  _id: string;
  version?: number;
  seq?: number;
  updatedAt?: Date;
  versions?: ModelVersionInfo[];
}

export interface ModelStatus {
  /** The version in force; 0: the shipped model. */
  version: number;
  /** When it was made current (null: never). */
  since: Date | null;
  /** The version in force's record (null for the shipped model). */
  current: ModelVersionInfo | null;
  /** Kept versions, newest first. */
  versions: ModelVersionInfo[];
  /** What the shipped model was trained on. */
  shippedBase: number;
}

/** A version asked for that does not exist (or nothing to roll back to). */
export class ModelVersionError extends Error {
  readonly code = 'MODEL_VERSION';
}

function packLearning(m: BayesModel, base: BayesModel, baseDigest: string, pairBase: PairBase): StoredLearning {
  const d = countsOver(m, base);
  const grams = Object.keys(d.counts);
  const pair = m.pair ? { pair: m.pair, pairOver: { features: [...pairBase.features], weights: [...pairBase.weights] } } : {};
  return { base: baseDigest, docs: d.docs, totals: d.totals, grams, counts: grams.flatMap((g) => d.counts[g]!), ...(m.lexicon?.length ? { lexicon: m.lexicon } : {}), ...pair };
}

/**
 * Stored pair weights as the code in force reads them: over the shipped weights they were refitted from, the same shift
 * over today's (an upgrade retrained them); none when they were made for other features (an upgrade added one: the
 * weights would not fit the vectors, and every score would be NaN — no duplicate found at all) or, made before their
 * base was recorded, are not one weight per feature.
 */
function storedPair(pair: number[] | undefined, over: StoredLearning['pairOver'], pairBase: PairBase): { pair?: number[] } {
  if (!pair?.length || pair.length !== pairBase.weights.length) return {};
  if (!over) return { pair: [...pair] };
  if (over.features.length !== pairBase.features.length || over.features.some((f, i) => f !== pairBase.features[i])) return {};
  return { pair: pairBase.weights.map((w, i) => Math.round((w + pair[i]! - over.weights[i]!) * 1e6) / 1e6) };
}

function unpackLearning(s: StoredLearning, base: BayesModel, pairBase: PairBase): BayesModel {
  const counts: Record<string, number[]> = {};
  const k = s.docs.length;
  for (let i = 0; i < s.grams.length; i++) counts[s.grams[i]!] = s.counts.slice(i * k, (i + 1) * k);
  return {
    ...withCounts(base, { docs: s.docs, totals: s.totals, counts }),
    ...(s.lexicon?.length ? { lexicon: s.lexicon.map(({ k, f }) => ({ k, f })) } : {}),
    ...storedPair(s.pair, s.pairOver, pairBase),
  };
}

function unpack(s: StoredModel, pairBase: PairBase): BayesModel {
  const counts: Record<string, number[]> = {};
  const k = s.categories.length;
  for (let i = 0; i < s.grams.length; i++) counts[s.grams[i]!] = s.counts.slice(i * k, (i + 1) * k);
  return {
    categories: s.categories as BayesModel['categories'],
    docs: s.docs,
    totals: s.totals,
    vocabulary: s.vocabulary,
    alpha: s.alpha,
    counts,
    ...(s.lexicon?.length ? { lexicon: s.lexicon.map(({ k, f }) => ({ k, f })) } : {}),
    ...storedPair(s.pair, undefined, pairBase),
  };
}

const digestOf = (m: BayesModel) => createHash('sha256').update(JSON.stringify(m)).digest('hex');

/** `base`: the shipped category model; `pair`: the shipped pair model (both: the code's, unless a test gives others). */
export function createCategoryModelRepository(conn: Connection, opts: { base?: BayesModel; pair?: PairBase } = {}) {
  const base = opts.base ?? SHIPPED_CATEGORY_MODEL;
  const pairBase = opts.pair ?? PAIR_MODEL;
  let baseDigestMemo: string | undefined;
  const baseDigest = () => (baseDigestMemo ??= digestOf(base));
  const Models = conn.collection<ModelDoc | PointerDoc>('models');
  const Tickets = conn.collection<{
    _id: number;
    no: number;
    text: string;
    status: string;
    events: CorrectedTicket['events'];
    category: string;
    enterpriseId?: string | null;
    platform: string;
    chatId: string;
    createdAt: string;
    duplicateAsks?: DuplicateAsk[];
  }>('tickets');
  const pointer = async () => (await Models.findOne({ _id: CURRENT_ID })) as PointerDoc | null;

  /** The tickets a person corrected or confirmed the category of: the training data a rebuild adds to the base. */
  async function correctedTickets(): Promise<CorrectedTicket[]> {
    const out: CorrectedTicket[] = [];
    const cursor = Tickets.find({ 'events.type': 'correct' }, { projection: { _id: 1, no: 1, text: 1, status: 1, events: 1 } });
    for await (const t of cursor) out.push({ no: t.no ?? t._id, text: t.text, status: t.status, events: t.events ?? [] });
    return out;
  }

  /** The tickets with an answered 重复 question (是 / 不是): the labelled pairs the pair weights are refitted to. */
  async function askedTickets(): Promise<AskedTicket[]> {
    const out: AskedTicket[] = [];
    const cursor = Tickets.find(
      { 'duplicateAsks.answer': { $in: ['yes', 'no'] } },
      { projection: { _id: 1, no: 1, text: 1, category: 1, enterpriseId: 1, platform: 1, chatId: 1, createdAt: 1, duplicateAsks: 1 } },
    );
    for await (const t of cursor) {
      out.push({ no: t.no ?? t._id, text: t.text, category: t.category, enterpriseId: t.enterpriseId ?? null, chat: chatKey(t), createdAt: t.createdAt, duplicateAsks: t.duplicateAsks ?? [] });
    }
    return out;
  }

  return {
    /** The version in force (0: the shipped model); one `_id` read of a small document. */
    async currentVersion(): Promise<number> {
      const p = (await Models.findOne({ _id: CURRENT_ID }, { projection: { version: 1 } })) as PointerDoc | null;
      return p?.version ?? 0;
    },

    /** A stored version's model; the shipped one for 0; null when the version is not (or no longer) stored. */
    async load(version: number): Promise<BayesModel | null> {
      if (version === 0) return base;
      const doc = (await Models.findOne({ _id: idOf(version) })) as ModelDoc | null;
      return doc?.learned ? unpackLearning(doc.learned, base, pairBase) : doc?.model ? unpack(doc.model, pairBase) : null;
    },

    async status(): Promise<ModelStatus> {
      const p = await pointer();
      const versions = [...(p?.versions ?? [])].sort((a, b) => b.version - a.version);
      const version = p?.version ?? 0;
      return { version, since: p?.updatedAt ?? null, current: versions.find((v) => v.version === version) ?? null, versions, shippedBase: exampleCount(base) };
    },

    /** Trains the base model plus the corrected tickets, stores it as a new version and makes it current. */
    async rebuild(now: Date, log?: Logger): Promise<{ changed: boolean; info: ModelVersionInfo | null; version: number }> {
      const reports = labelledReports(await correctedTickets());
      // the later reports' categories as the bot reads them with the shipped rules and model (they are not stored)
      const answers = answeredPairs(await askedTickets(), (text) => parseMessage(text, now.toISOString()).category ?? 'other');
      const model: BayesModel = { ...learnCategoryModel(base, reports), ...(answers.length ? { pair: learnPairWeights(answers, pairBase.weights) } : {}) };
      const digest = digestOf(model);
      const before = await pointer();
      const inForce = before?.versions?.find((v) => v.version === before.version);
      if (inForce?.digest === digest) return { changed: false, info: inForce, version: inForce.version };
      // nothing corrected yet (or the shipped model in force and nothing new): the shipped model stays
      if (!inForce && (before?.version ?? 0) === 0 && digest === baseDigest()) return { changed: false, info: null, version: 0 };
      const seq = await Models.findOneAndUpdate({ _id: CURRENT_ID }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
      const version = (seq as PointerDoc | null)?.seq ?? 1;
      const confirmations = reports.filter((r) => r.confirmed).length;
      const info: ModelVersionInfo = {
        version,
        createdAt: now,
        digest,
        trainedOn: { base: exampleCount(base), corrections: reports.length - confirmations, confirmations, ...(answers.length ? { answers: answers.length } : {}) },
      };
      await Models.insertOne({ _id: idOf(version), ...info, learned: packLearning(model, base, baseDigest(), pairBase) });
      const p = await pointer();
      const all = [...(p?.versions ?? []).filter((v) => v.version !== version), info].sort((a, b) => a.version - b.version);
      const kept = all.slice(-KEEP);
      await Models.updateOne({ _id: CURRENT_ID }, { $set: { version, updatedAt: now, versions: kept } });
      for (const v of all.slice(0, -KEEP)) await Models.deleteOne({ _id: idOf(v.version) });
      log?.info({ version, ...info.trainedOn }, 'category model rebuilt');
      return { changed: true, info, version };
    },

    /**
     * Makes an earlier version current: `to`, or the newest kept version before the one in force (the shipped model,
     * 0, before the first). Throws ModelVersionError when there is none or `to` is not stored.
     */
    async rollback(now: Date, to?: number): Promise<{ from: number; to: number }> {
      const p = await pointer();
      const from = p?.version ?? 0;
      const kept = (p?.versions ?? []).map((v) => v.version);
      let target: number;
      if (to === undefined) {
        if (from === 0) throw new ModelVersionError('没有可回退的版本：当前已是随程序发布的模型（v0）。');
        target = Math.max(0, ...kept.filter((v) => v < from));
      } else {
        if (to !== 0 && !kept.includes(to)) throw new ModelVersionError(`没有版本 v${to}；可选：${['v0', ...kept.map((v) => `v${v}`)].join('、')}`);
        target = to;
      }
      await Models.updateOne({ _id: CURRENT_ID }, { $set: { version: target, updatedAt: now } }, { upsert: true });
      return { from, to: target };
    },
  };
}
export type CategoryModelRepository = ReturnType<typeof createCategoryModelRepository>;

/**
 * The category model this process classifies with: the version in force, checked (one `_id` read) at most every
 * `everyMs` and whenever `refresh` is called (a rebuild or rollback announced through Redis), swapped in memory when it
 * changed. Until the first check, or when a check fails, the model it has stays (the shipped one at first).
 */
export function createCategoryModelCache(repo: CategoryModelRepository, opts: { everyMs?: number; log?: Logger } = {}) {
  let loaded: { version: number; model: BayesModel | undefined } = { version: 0, model: undefined };
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  async function check(): Promise<boolean> {
    const version = await repo.currentVersion();
    if (version === loaded.version) return false;
    const model = version === 0 ? undefined : await repo.load(version);
    if (version !== 0 && !model) {
      opts.log?.warn({ version }, 'category model: the version in force is not stored; keeping the one in memory');
      return false;
    }
    const from = loaded.version;
    loaded = { version, model: model ?? undefined };
    opts.log?.info({ from, to: version }, 'category model: swapped');
    return true;
  }

  /** Checks the pointer now, after any check under way (a signal during a check is not lost); true when the model changed. */
  function refresh(): Promise<boolean> {
    const next = chain.then(check).catch((err: unknown) => {
      opts.log?.warn({ err: { message: (err as Error).message } }, 'category model: check failed; keeping the one in memory');
      return false;
    });
    chain = next;
    return next;
  }

  return {
    /** The learned model in force, or undefined for the shipped one (parseMessage's default). */
    current: (): BayesModel | undefined => loaded.model,
    version: () => loaded.version,
    refresh,
    start(): void {
      timer ??= setInterval(() => void refresh(), opts.everyMs ?? 60_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
export type CategoryModelCache = ReturnType<typeof createCategoryModelCache>;
