import { compiledOf, logPosteriorOfText } from './parse/bayes.js';
import { matchedCues, SHIPPED_CATEGORY_MODEL } from './parse/category.js';
import { LEXICON } from './parse/lexicon.js';
import { parseEnterprise } from './parse/enterprise.js';
import { normalizeText } from './parse/normalize.js';
import { CONCEPTS, IMPACTS, ISSUE_GROUPS, TOPICS } from './similarity-concepts.js';
import pairModelJson from './similarity-model.json' with { type: 'json' };

/**
 * 重复 and 回潮: whether a new report is the same problem as one of the enterprise's tickets. Pure and deterministic:
 * character 2- and 3-gram vectors (counts) over the normalised text (traditional → simplified), with filler words
 * dropped and a few synonyms folded, grams of the category lexicon's strong phrases weighted up and those of setting
 * words (外籍, 专家, 客户, 村民…) down; beside the grams, concept tokens (similarity-concepts.ts: 跳闸 / 断电 / 停电,
 * 产权证 / 不动产证, 红绿灯 / 信号灯, 孩子 / 子女 / 入学 are one concept each), so that a re-report in other words
 * still shares its problem's concepts (both scripts: the concepts are read from the normalised, simplified text).
 * Compared by the mean of cosine and overlap coefficient, lowered when (`relation`)
 * - both name the thing the problem is about (an `object` concept) and none in common (工作许可 / 子女入学: ×0.5; of one
 *   topic, 排水 / 积水: ×0.8),
 * - they share an object and the later report adds one of another topic (similarity-concepts.ts TOPICS: 人才公寓 +
 *   班车, 宿舍 + 用电负荷: the shared object is only the setting; ×0.6, ×0.8 when both say the same is wrong), both
 *   sides add one (展会 + 展位费 / 展会 + 护照: ×0.5), the earlier one named one the later leaves out (×0.9: a follow-up
 *   is shorter; ×0.75 when the later one says something else is wrong), each adds one of the shared topic (×0.85),
 * - both say what is wrong and their issues agree in no group (ISSUE_GROUPS: 还没批 and 还没通 agree; 还没批 / 额度太低
 *   do not: ×0.5),
 * - both name a problem phrase of the lexicon and none in common (临时用地 / 环评: ×0.4), or carry different numbers;
 * and raised when the concepts agree with nothing against them: with the category (+0.03 beside its +0.05), and for an
 * answered ticket when the report says the problem is back (又, 还是, 上次…, +0.05: 回潮).
 * The category and the enterprise are features (a different enterprise is never the same problem — that is 共性,
 * not 重复; another category lowers the score, a neighbouring one — where the parser's choice is arguable — less).
 * Time decides which tickets are candidates: an open one reported within `WINDOWS.openDays` (重复), one answered
 * within `WINDOWS.closedDays` (回潮); beyond that it is no evidence of sameness (an enterprise's other problems come
 * as close); only the report's own words that the problem is back are.
 */

export type Verdict = 'same' | 'unsure' | 'different';

/**
 * Thresholds on the pair model's probability (`score`), chosen on leave-one-file-out runs of the training script
 * (`npx tsx scripts/train-similarity-model.ts --loro`): each pair file scored by a model trained on the others. On
 * round 10, the one file whose pairs the hand-built score was never tuned on, `same` at 0.6 gave precision 95.2 %,
 * recall 74.1 % (the hand-built score alone: 91.8 %, 51.9 %). Between `unsure` and `same` the bot asks (是 / 不是).
 */
export const THRESHOLDS = { same: 0.6, unsure: 0.45 } as const;
/** 重复: open tickets reported in the last 30 days; 回潮: tickets answered (办结) in the last 90 days. */
export const WINDOWS = { openDays: 30, closedDays: 90 } as const;
/** Same category: a small lift; another category: a penalty (the text must carry it alone). */
const CATEGORY_BONUS = 0.05;
const CATEGORY_PENALTY = 0.1;
/** Neighbouring categories, where the parser's choice between two is arguable (打桩开裂: construction / land /
 * dispute; 并网验收: utilities / approval): a smaller penalty. */
const NEIGHBOUR_PENALTY = 0.03;
/** How much lower a pair model's score is, at least, across categories that are not neighbours than within one. */
const FAR_MARGIN = CATEGORY_PENALTY - NEIGHBOUR_PENALTY;
const NEIGHBOURS = new Set(
  [
    ['construction', 'dispute'], ['construction', 'land'], ['land', 'dispute'], ['land', 'approval'], ['land', 'utilities'],
    ['land', 'finance'], ['utilities', 'approval'], ['utilities', 'infrastructure'], ['infrastructure', 'construction'],
    ['infrastructure', 'approval'], ['talent', 'approval'], ['talent', 'policy'], ['finance', 'market'], ['finance', 'dispute'],
    ['finance', 'policy'], ['finance', 'approval'], ['policy', 'market'], ['policy', 'approval'], ['market', 'dispute'],
    ['construction', 'approval'], ['utilities', 'market'],
  ].flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]),
);
const neighbours = (x: string, y: string): boolean => NEIGHBOURS.has(`${x}|${y}`);

/** What is compared: a report or a ticket. `chat`: `platform:chatId`, for an enterprise the directory does not know. */
export interface SimilarityDoc {
  text: string;
  category: string;
  enterpriseId: string | null;
  chat: string;
}

/** A ticket that may be the same problem: open (重复) or answered (回潮), with the instant its window runs from. */
export interface Candidate extends SimilarityDoc {
  no: number;
  state: 'open' | 'closed';
  /** ISO: created (open) or answered, 办结 (closed). */
  at: string;
}

export interface Match {
  no: number;
  score: number;
  verdict: Verdict;
  kind: 'duplicate' | 'recurrence';
}

/** A document's features, computed once (a candidate list may be compared many times). */
export interface Features {
  grams: Map<string, number>;
  norm: number;
  sum: number;
  /** The grams that name a problem (of the lexicon's strong phrases). */
  keys: Set<string>;
  /** The concepts of kind `object` the text names (similarity-concepts.ts): what the problem is about. */
  objects: Set<string>;
  /** The concepts of kind `issue`: what is wrong (涨价, 拖延, 未通, 破损). */
  issues: Set<string>;
  /** The groups of those issues (similarity-concepts.ts ISSUE_GROUPS: 还没批 and 还没通 are both `waiting`). */
  issueGroups: Set<string>;
  /** Whether the text tells that the problem is back (又, 还是, 仍然, 上次…): evidence for 回潮 of an answered ticket. */
  again: boolean;
  /** The numbers written in the text, sorted (`''`: none). */
  numbers: string;
  /** The character bigrams and the characters of the canonical text (for the rarity-weighted overlap). */
  bigrams: Set<string>;
  chars: Set<string>;
  /** The runs of the canonical text (split at fillers). */
  runs: string[];
  /** Whether the text follows a matter up (还是, 还没, 到现在, 没人管…) or refers to one as known (…的事, 那个问题). */
  followsUp: boolean;
  refers: boolean;
  /** Whether the text asks how to do something, or for something more (要不要办, 什么流程, 想再加, 有没有…推荐). */
  asksNew: boolean;
  /**
   * What the text's words are about, as the shipped category model weighs them: its posterior over the categories,
   * softened (`TOPIC_TEMPERATURE`) so that a text between two categories keeps both.
   */
  topic: Float64Array;
  /** The category lexicon's cues the text holds (用电扩容, 环评, 招不到…), by key: the problem's own words. */
  cues: Set<string>;
}

// polite openings, pronouns and generic words every report has: they say nothing about which problem it is
const FILLER =
  /您好|你好|请问|领导|麻烦|帮帮忙|帮忙|帮我们|帮助|看看|一下|我们|咱们|我司|本公司|公司|企业|厂里|这边|那边|能不能|能否|可不可以|可以|希望|尽快|赶紧|协调|解决|反映|反应|问题|情况|现在|目前|最近|这几天|这两天|这段时间|一直|还是|已经|又|再次|还|也|都|就|很|太|非常|比较|有点|什么|怎么|怎么办|为什么|没有|一个|这个|那个|我|你|他|她|了|的|地|得|吗|呢|吧|啊|呀|哦|嘛|着|过|是|在|有|和|跟|与|及|被|把|给|对|从|到|要|想|会|能|请|二期|一期|门口|员工|申请|需要|影响|生产|材料|什么时候|没法|不能|迟迟|还没|下来|多久|很久|上次|之前|去年|今年|一样|不知道|不清楚/g;

// words people use for one thing, folded to one spelling (longer forms first)
const SYNONYMS: [RegExp, string][] = [
  [/跳闸|断电|没电|限电|停电/g, '停电'],
  [/扩容|增容|容量不够|负荷不够|用电指标/g, '增容'],
  [/断水|没水|停水/g, '停水'],
  [/渗水|漏水|爆管|水管破/g, '漏水'],
  [/招不到人|招人难|缺工|缺人手|招工|招人|用工/g, '招工'],
  [/流动资金贷款|流贷|贷款|融资|借款|授信/g, '贷款'],
  [/高新技术企业|高企/g, '高企'],
  [/施工许可证|施工许可/g, '施工许可'],
  [/补贴|补助|奖补|奖励资金|扶持资金/g, '补贴'],
  [/宽带|宽频|网络|网速|光纤|光缆|断网/g, '网络'],
  [/积水|内涝|被淹|淹了/g, '积水'],
  [/道路|马路|路面|路/g, '路'],
  [/不动产登记证|不动产权证书?|不动产证|房产证|土地证|产权证/g, '产权证'],
  [/红绿灯|交通灯|信号灯/g, '信号灯'],
  [/子女|孩子|小孩/g, '子女'],
  [/电度表|电表|表计/g, '电表'],
  [/环评|环境影响评价/g, '环评'],
  [/消防验收|消防审验/g, '消防验收'],
  [/天然气|燃气|通气/g, '燃气'],
  [/欠薪|拖欠工资|工资没发|讨薪/g, '欠薪'],
  [/厂区|园区|厂房|车间/g, '厂'],
];

/** The text as compared: normalised (traditional → simplified, half-width), fillers dropped, synonyms folded. */
export function canonicalText(text: string): string {
  return canonicalOf(normalizeText(text));
}

/** canonicalText of an already normalised text. */
function canonicalOf(normalized: string): string {
  let t = normalized.toLowerCase();
  // ticket numbers, dates and counts say nothing about the problem
  t = t.replace(/[#＃]\s*\d+/g, ' ').replace(/\d+/g, '0');
  for (const [re, to] of SYNONYMS) t = t.replace(re, to);
  t = t.replace(FILLER, ' ');
  return t.replace(/[^\p{Script=Han}a-z0]+/gu, ' ').trim();
}

// who or where a problem is (外籍, 专家, 客户, 村民, 银行): the lexicon weighs some of them as strong phrases of their
// category, but two reports about the same people or place may be about different problems
const SETTING_WORDS = ['外籍', '专家', '工程师', '博士', '客户', '项目', '银行', '村民', '村里', '居民', '住户', '供电公司', '供电所', '运营商', '施工队', '区里', '学校', '工人', '人才', '研发'];

/** Grams of the category lexicon's strong phrases (weight 3+): they name the problem, not its setting. */
const KEY = new Set<string>();
const gramsOf = (text: string, out: Set<string>) => {
  for (const run of canonicalText(text).split(' ')) {
    const chars = [...run];
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  }
};
for (const cues of Object.values(LEXICON)) {
  for (const [cue, w] of cues) {
    if (typeof cue !== 'string' || w < 3) continue;
    gramsOf(cue, KEY);
  }
}
const SETTING_GRAMS = new Set<string>();
for (const w of SETTING_WORDS) gramsOf(w, SETTING_GRAMS);
for (const g of SETTING_GRAMS) KEY.delete(g);
const KEY_WEIGHT = 3;
/** A setting gram weighs less than an ordinary one: it says where, not what. */
const SETTING_WEIGHT = 0.5;
/** Weight of a concept token (a trigram of a key phrase weighs 4.5): an object, what is wrong with it. */
const CONCEPT_WEIGHT = { object: 8, issue: 3, setting: 0 } as const;
/** The prefix of concept tokens among the grams (no gram of the canonical text starts with it). */
const CONCEPT_MARK = '~';

/** The concepts a text names (similarity-concepts.ts), by id and kind. */
export function conceptsOf(text: string): { id: string; kind: 'object' | 'issue' | 'setting' }[] {
  return conceptsOfNormalized(normalizeText(text));
}

function conceptsOfNormalized(normalized: string): { id: string; kind: 'object' | 'issue' | 'setting' }[] {
  const t = normalized.toLowerCase();
  return CONCEPTS.filter((k) => k.re.test(t)).map((k) => ({ id: k.id, kind: k.kind }));
}

/** Concept id → its topics (objects) or groups (issues); one in none is its own. */
const invert = (m: Readonly<Record<string, readonly string[]>>) => {
  const out = new Map<string, string[]>();
  for (const [name, ids] of Object.entries(m)) for (const id of ids) out.set(id, [...(out.get(id) ?? []), name]);
  return out;
};
const TOPIC_OF = invert(TOPICS);
const ISSUE_GROUP_OF = invert(ISSUE_GROUPS);
const topicsOf = (id: string) => TOPIC_OF.get(id) ?? [id];
// the problem is back: 又, 还是, 仍然, 上次…, 跟以前一样
const AGAIN = /又|再次|再度|还是|仍然|仍旧|依然|上次|上回|老样子|跟以前一样|老问题|复发/;

/**
 * Features of the texts seen last (a ticket is compared with every new report of its enterprise while it is in its
 * window): reading the enterprise's name is most of their cost. Features are never changed once made.
 */
const FEATURES_SEEN = new Map<string, Features>();
const FEATURES_SEEN_MAX = 1024;

export function features(text: string): Features {
  const seen = FEATURES_SEEN.get(text);
  if (seen) return seen;
  const f = computeFeatures(text);
  if (FEATURES_SEEN.size >= FEATURES_SEEN_MAX) FEATURES_SEEN.delete(FEATURES_SEEN.keys().next().value!);
  FEATURES_SEEN.set(text, f);
  return f;
}

/** features() without keeping or reusing what was computed (the benchmark's cold figures). */
export function featuresUncached(text: string): Features {
  return computeFeatures(text);
}

function computeFeatures(text: string): Features {
  const normalized = withoutOwnName(normalizeText(text));
  const grams = new Map<string, number>();
  for (const run of canonicalOf(normalized).split(' ')) {
    const chars = [...run];
    if (chars.length === 1) grams.set(chars[0]!, (grams.get(chars[0]!) ?? 0) + 0.5);
    for (let n = 2; n <= 3; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const g = chars.slice(i, i + n).join('');
        // a trigram weighs more: it names a thing (施工许, 变压器), a bigram often only half of one
        const w = KEY.has(g) ? KEY_WEIGHT : SETTING_GRAMS.has(g) ? SETTING_WEIGHT : 1;
        grams.set(g, (grams.get(g) ?? 0) + (n === 3 ? 1.5 : 1) * w);
      }
    }
  }
  const keys = new Set([...grams.keys()].filter((g) => KEY.has(g)));
  const objects = new Set<string>();
  const issues = new Set<string>();
  const issueGroups = new Set<string>();
  for (const k of conceptsOfNormalized(normalized)) {
    const w = CONCEPT_WEIGHT[k.kind];
    if (w > 0) grams.set(CONCEPT_MARK + k.id, w);
    if (k.kind === 'object') objects.add(k.id);
    if (k.kind === 'issue') {
      issues.add(k.id);
      for (const g of ISSUE_GROUP_OF.get(k.id) ?? [k.id]) issueGroups.add(g);
    }
  }
  const again = AGAIN.test(normalized);
  let sq = 0;
  let sum = 0;
  for (const v of grams.values()) {
    sq += v * v;
    sum += v;
  }
  const numbers = (normalized.match(/\d+(?:\.\d+)?/g) ?? []).map(Number).sort((x, y) => x - y).join(',');
  const canonical = canonicalOf(normalized);
  return {
    grams, norm: Math.sqrt(sq), sum, keys, objects, issues, issueGroups, again, numbers,
    bigrams: bigramsOf(canonical),
    chars: new Set([...canonical.replace(/ /g, '')]),
    runs: canonical.split(' ').filter((r) => r.length > 1),
    followsUp: FOLLOWS_UP.test(normalized),
    refers: REFERS.test(normalized),
    asksNew: ASKS_NEW.test(normalized),
    topic: topicOf(normalized),
    cues: new Set(matchedCues(normalized).map((c) => c.key)),
  };
}

/**
 * The naive Bayes log posteriors are sharp (a few grams decide): divided by this, two texts told in other words keep
 * an overlap (5-fold cross-validation over the pair files: 10 fitted the log loss better than 2 or 5).
 */
const TOPIC_TEMPERATURE = 10;
const TOPIC_MODEL = compiledOf(SHIPPED_CATEGORY_MODEL);

function topicOf(normalized: string): Float64Array {
  const log = logPosteriorOfText(TOPIC_MODEL, normalized);
  let max = -Infinity;
  for (const v of log) max = Math.max(max, v / TOPIC_TEMPERATURE);
  const p = Float64Array.from(log, (v) => Math.exp(v / TOPIC_TEMPERATURE - max));
  let z = 0;
  for (const v of p) z += v;
  for (let k = 0; k < p.length; k++) p[k]! /= z;
  return p;
}

/**
 * How far two texts' topics agree: the chance that both fall in the same category when each is drawn from its
 * posterior (1: both sure of one category; two vague texts, spread over all, agree little).
 */
function topicAgreement(fa: Features, fb: Features): number {
  let s = 0;
  for (let k = 0; k < fa.topic.length; k++) s += fa.topic[k]! * fb.topic[k]!;
  return s;
}

/**
 * The text without the enterprise's own name: both sides of a pair are the same enterprise's, so its name (often the
 * first words, "梨香果业想…", "庭州面业：…") is shared by its different problems and says nothing of which problem it is.
 */
function withoutOwnName(normalized: string): string {
  const name = parseEnterprise(normalized);
  return name && name.length >= 2 ? normalized.split(name).join(' ') : normalized;
}

// a matter followed up: still not done, asked again, nobody came (a re-report of an open ticket says so more often
// than a new problem does)
const FOLLOWS_UP = /还是|还没|仍|到现在|上次|上回|又|问了|没人|下文|到底|反映的|报上去|还差|还在|一直|再|怎么处理|有没有|进展|消息/;
// a request of its own: how to do something, whether it is needed, something more or elsewhere; or said to be another
// matter than the one before ("…也卡住了，这个跟环评是两回事")
const ASKS_NEW = /两回事|不是一回事|两码事|不是一码事|另一回事|另外一回事|另一件事|另外一件事|要不要|需不需要|要走什么|什么流程|哪些材料|什么材料|怎么(申请|办理?|报|申报|弄|做)|如何(申请|办理|申报)|什么时候开始|有没有(合适|推荐|渠道|政策|补贴|机构|公司)|想(再|另|新|改|换|把)|另外(一|一个|一家)|还能不能/;
// a matter named as known: 水窖的事, 那个问题
const REFERS = /的事|那事|这事|那件事|的问题|那个问题/;

/** The character bigrams of a canonical text (runs split at fillers, as the grams are). */
function bigramsOf(canonical: string): Set<string> {
  const out = new Set<string>();
  for (const run of canonical.split(' ')) {
    const ch = [...run];
    for (let i = 0; i + 2 <= ch.length; i++) out.add(ch[i]! + ch[i + 1]!);
  }
  return out;
}

/** The bigrams of a text as the pair model counts them (for its document frequencies). */
export function canonicalBigrams(text: string): Set<string> {
  return bigramsOf(canonicalText(text));
}

/**
 * Text similarity of two feature vectors, in [0, 1] (0 when either is empty): the mean of their cosine and their
 * weighted overlap coefficient (shared weight over the smaller side's), so that a short follow-up ("燃气什么时候能通")
 * contained in a longer first report still scores. Symmetric: an object of another topic on either side cuts as if
 * the later report had added it (see `relation`).
 */
export function cosine(a: Features, b: Features): number {
  return similarity(a, b, relation(a, b, false));
}

function similarity(a: Features, b: Features, r: Relation): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  let dot = 0;
  let shared = 0;
  for (const [g, v] of small) {
    const w = large.get(g);
    if (w === undefined) continue;
    dot += v * w;
    shared += Math.min(v, w);
  }
  const s = ((1 - OVERLAP_SHARE) * (dot / (a.norm * b.norm)) + OVERLAP_SHARE * (shared / Math.min(a.sum, b.sum))) * r.factor;
  // both name a problem and they name none in common (临时用地 / 环评): the shared words are only the setting
  const disjoint = !r.sharedObject && a.keys.size > 0 && b.keys.size > 0 && !intersects(a.keys, b.keys);
  return disjoint ? s * KEY_MISMATCH : s;
}

interface Relation {
  /** The factor on the text similarity. */
  factor: number;
  /** Both name an object and one in common. */
  sharedObject: boolean;
  /** The concepts agree and nothing of them is against: an object in common, or (no object on one side) an issue
   * group in common; no object of another topic added by the later report, no disagreeing issues. */
  agree: boolean;
  issueAgree: boolean;
}

/**
 * What the concepts say beyond the shared grams. Both name objects and none in common (工作许可 / 子女入学): the shared
 * words are the setting (×0.5). With an object in common, the other objects decide: of the shared object's topic
 * (积水 + 排水, 招工 + 员工流失, 停电 + 变压器) they are detail; of another topic (人才公寓 + 班车, 宿舍 + 用电负荷) the
 * shared object is only the setting and the other one the problem. Such an object added by the later report (`newer`)
 * cuts, less when both say the same is wrong; one the earlier report named and the later one leaves out (展会 + 展位费
 * → 展会) cuts little: a follow-up is shorter. Both sides adding one: a hard cut. Both say what is wrong and their issues
 * agree in no group (还没批 / 额度太低): cut. `directed` false (共性, summaries of equal standing): either side may be
 * the later one.
 */
function relation(newer: Features, older: Features, directed: boolean): Relation {
  const issueAgree = intersects(newer.issueGroups, older.issueGroups);
  const issueMismatch = newer.issueGroups.size > 0 && older.issueGroups.size > 0 && !issueAgree;
  if (newer.objects.size === 0 || older.objects.size === 0) {
    // an object on one side at most: what is wrong decides
    return { factor: issueMismatch ? ISSUE_MISMATCH : 1, sharedObject: false, agree: issueAgree, issueAgree };
  }
  if (!intersects(newer.objects, older.objects)) {
    // none in common: of one topic (排水 / 积水), the grams decide; of different topics, another problem
    let near = false;
    for (const k of newer.objects) for (const j of older.objects) if (topicsOf(k).some((t) => topicsOf(j).includes(t))) near = true;
    return { factor: near ? NEAR_OBJECTS : OBJECT_MISMATCH, sharedObject: false, agree: false, issueAgree };
  }
  let f = issueMismatch ? ISSUE_MISMATCH : 1;
  const topics = new Set<string>();
  for (const k of newer.objects) if (older.objects.has(k)) for (const t of topicsOf(k)) topics.add(t);
  // whether x names an object y does not: of another topic than the shared ones (foreign), or any (extra)
  const other = (x: Features, y: Features): { foreign: boolean; extra: boolean } => {
    let foreign = false;
    let extra = false;
    for (const k of x.objects) {
      if (y.objects.has(k)) continue;
      extra = true;
      if (!IMPACTS.has(k) && !topicsOf(k).some((t) => topics.has(t))) foreign = true;
    }
    return { foreign, extra };
  };
  const n = other(newer, older);
  const o = other(older, newer);
  const added = n.foreign || (o.foreign && !directed);
  if (n.foreign && o.foreign) f *= FOREIGN_BOTH;
  else if (added) f *= issueAgree ? FOREIGN_ADDED_SAME_ISSUE : FOREIGN_ADDED;
  else if (o.foreign) f *= newer.issueGroups.size > 0 && !issueAgree ? FOREIGN_LEFT_OUT_NEW_ISSUE : FOREIGN_LEFT_OUT;
  else if (n.extra && o.extra) f *= EXTRA_OBJECTS;
  return { factor: f, sharedObject: true, agree: !issueMismatch && !added, issueAgree };
}

/** Whether two sets meet. */
function intersects(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  for (const k of x) if (y.has(k)) return true;
  return false;
}
const KEY_MISMATCH = 0.4;
const OBJECT_MISMATCH = 0.5;
const NEAR_OBJECTS = 0.8;
const FOREIGN_BOTH = 0.5;
const FOREIGN_ADDED = 0.6;
const FOREIGN_ADDED_SAME_ISSUE = 0.8;
const FOREIGN_LEFT_OUT = 0.9;
const FOREIGN_LEFT_OUT_NEW_ISSUE = 0.75;
const EXTRA_OBJECTS = 0.85;
const ISSUE_MISMATCH = 0.5;
const OVERLAP_SHARE = 0.5;
/** Concepts that agree (`Relation.agree`) with an object in common: a small lift. */
const AGREE_LIFT = 0.03;
/** A report saying an answered ticket's problem is back (又, 还是, 上次…), the concepts agreeing: 回潮. */
const AGAIN_LIFT = 0.05;

/** A conversation as similarity compares them: `platform:chatId`. */
/**
 * Whether a ticket's text is about what a command calls it by (namedMatter: 扩容, 路灯, 推介会报名): they share a concept
 * of what the problem is about (限电 and 停电 are one) or a word (a bigram of the canonical texts). It picks the ticket a
 * command without its number means; a wrong yes would act on another ticket, a wrong no only asks for the number.
 */
export function isAbout(matter: string, text: string): boolean {
  const b = features(text);
  for (const g of features(matter).bigrams) if (b.bigrams.has(g)) return true;
  return sharesObject(matter, text);
}

/** Whether two texts name one thing the problem is about (a concept of kind object: 停电, 增容, 路灯, 子女入学). */
export function sharesObject(a: string, b: string): boolean {
  const fb = features(b);
  for (const o of features(a).objects) if (fb.objects.has(o)) return true;
  return false;
}

export const chatKey = (t: { platform: string; chatId: string }): string => `${t.platform}:${t.chatId}`;

/** Same enterprise: the same directory enterprise, or — when either is unknown to the directory — the same chat. */
export function sameEnterprise(a: Pick<SimilarityDoc, 'enterpriseId' | 'chat'>, b: Pick<SimilarityDoc, 'enterpriseId' | 'chat'>): boolean {
  if (a.enterpriseId && b.enterpriseId) return a.enterpriseId === b.enterpriseId;
  return a.chat === b.chat;
}

/**
 * The hand-built score of a pair: text similarity, lifted or lowered by the category and the concepts; 0 across
 * enterprises. The first feature of the pair model (`score`). Two reports that both carry numbers, and not the same
 * ones (第3号厂房 / 第5号厂房, 第2处 / 第7处), are about different things: kept below `TEXT_UNSURE`.
 */
export function textScore(a: SimilarityDoc, b: SimilarityDoc, fa: Features = features(a.text), fb: Features = features(b.text)): number {
  // `a` is the later report (bestMatch: the report, `b` its candidate ticket)
  return textScoreOf(a, b, fa, fb, relation(fa, fb, true));
}

/** textScore with the concepts' relation already worked out (the pair model reads it too). */
function textScoreOf(a: SimilarityDoc, b: SimilarityDoc, fa: Features, fb: Features, r: Relation): number {
  if (!sameEnterprise(a, b)) return 0;
  let s = similarity(fa, fb, r) + categoryLift(a.category, b.category);
  // the concepts agree with the category: a further lift
  if (r.agree && r.sharedObject && a.category === b.category) s += AGREE_LIFT;
  // a report of an answered ticket's problem that says it is back (又, 还是, 上次…): 回潮
  if (r.agree && ((answered(b) && fa.again) || (answered(a) && fb.again))) s += AGAIN_LIFT;
  if (fa.numbers && fb.numbers && fa.numbers !== fb.numbers) s = Math.min(s, TEXT_UNSURE / 2);
  return Math.max(0, Math.min(1, s));
}
/** Where the hand-built score alone used to ask (its thresholds were same 0.42, unsure 0.36). */
const TEXT_UNSURE = 0.36;
const answered = (x: SimilarityDoc) => (x as Partial<Candidate>).state === 'closed';

/**
 * The pair model (similarity-model.json, trained by `npm run train:similarity` on the labelled pairs of
 * test/fixtures): how often each canonical bigram and character occurs in the labelled messages (`docs` of them; a
 * gram seen once or never is rare), and a logistic regression over `PAIR_FEATURES`.
 */
export interface PairModel {
  docs: number;
  /** Bigram → the number of messages holding it (2 or more; fewer is left out). */
  df: Record<string, number>;
  /** Character → the number of messages holding it. */
  cdf: Record<string, number>;
  features: string[];
  weights: number[];
  /**
   * Boosted regression trees over the same vector, fitted to what the linear part leaves unexplained (a feature that
   * counts only with another: shared rare bigrams when the objects agree, a follow-up when nothing is added): their
   * sum is the last feature of the vector the weights apply to (`modelVector`), with weight 1 as shipped. A
   * deployment's answers refit the weights, that one included (pair-learning.ts); the trees stay as shipped.
   */
  trees: PairTree[];
}
/** A node of a pair tree: go left when `x[f] <= t`; a leaf is its (already scaled) value. */
export type PairTree = number | { f: number; t: number; l: PairTree; r: PairTree };
export const PAIR_MODEL = pairModelJson as PairModel;

/** What the pair model weighs, in this order (the first is the constant). */
export const PAIR_FEATURES = [
  'bias',
  'text score',
  'rare overlap',
  'rarest shared',
  'rare shared bigrams',
  'rare shared characters',
  'abbreviations',
  'later follows up',
  'later refers to a known matter',
  'later asks how to do something new',
  'same category',
  'shared objects',
  'objects disjoint',
  'concepts cut',
  'issue groups agree',
  'issue groups disjoint',
  'answered and back again',
  'answered, back again, the concepts agree',
  'answered, share of the later rare bigrams not in the earlier',
  'answered',
  'the category model\'s posteriors agree (halved across two categories)',
  'lexicon cues shared (share of the fewer)',
  'lexicon cues on both sides, none shared',
  'the trees (their sum over the features above)',
] as const;

/** A character is rare when fewer than this many labelled messages hold it. */
const RARE_CHAR_DF = 15;

/**
 * The pair as the model reads it (every feature of `PAIR_FEATURES` but the last, the trees' sum: `modelVector` adds
 * it). Beside the hand-built score: the overlap of the two texts' bigrams weighted by
 * their rarity (idf over the labelled messages: 水窖, 安标, 宣传片 weigh much more than 申请, 没有), the rarest bigram
 * they share, how many rare bigrams and characters they share, whether the later one follows a matter up or names it
 * as known, and the concepts' agreement (how much `relation` cuts: another topic added, issues that disagree). `model`: the frequencies to weigh by (the training script passes its own).
 */
export function pairVector(a: SimilarityDoc, b: SimilarityDoc, fa: Features, fb: Features, model: Pick<PairModel, 'docs' | 'df' | 'cdf'> = PAIR_MODEL): number[] {
  const idf = (g: string) => Math.log((model.docs + 1) / ((model.df[g] ?? 1) + 1));
  const rareIdf = Math.log((model.docs + 1) / 4); // a bigram of at most two messages
  let shared = 0;
  let massA = 0;
  let massB = 0;
  let rarest = 0;
  let rare = 0;
  for (const g of fb.bigrams) massB += idf(g);
  for (const g of fa.bigrams) {
    const w = idf(g);
    massA += w;
    if (!fb.bigrams.has(g)) continue;
    shared += w;
    if (w > rarest) rarest = w;
    if (w >= rareIdf) rare++;
  }
  const abbreviations = Math.min(abbreviated(fa, fb) + abbreviated(fb, fa), 3) / 3;
  let rareChars = 0;
  for (const c of fa.chars) if (fb.chars.has(c) && (model.cdf[c] ?? 0) < RARE_CHAR_DF) rareChars++;
  const objects = [...fa.objects].filter((o) => fb.objects.has(o)).length;
  const r = relation(fa, fb, true);
  const issueAgree = r.issueAgree;
  // what the later report names that the earlier one does not (地磅, 纯水机 at the same gate): another matter
  let rareLater = 0;
  let newLater = 0;
  for (const g of fa.bigrams) {
    if (idf(g) < rareIdf) continue;
    rareLater++;
    if (!fb.bigrams.has(g)) newLater++;
  }
  const novelty = rareLater ? newLater / rareLater : 0;
  const isAnswered = answered(a) || answered(b);
  let sharedCues = 0;
  for (const c of fa.cues) if (fb.cues.has(c)) sharedCues++;
  const fewerCues = Math.min(fa.cues.size, fb.cues.size);
  return [
    1,
    textScoreOf(a, b, fa, fb, r),
    Math.min(massA, massB) > 0 ? shared / Math.min(massA, massB) : 0,
    rarest / Math.log(model.docs + 1),
    Math.min(rare, 5) / 5,
    Math.min(rareChars, 4) / 4,
    abbreviations,
    fa.followsUp ? 1 : 0,
    fa.refers ? 1 : 0,
    fa.asksNew && !fa.followsUp ? 1 : 0,
    a.category === b.category ? 1 : 0,
    Math.min(objects, 2) / 2,
    fa.objects.size > 0 && fb.objects.size > 0 && objects === 0 ? 1 : 0,
    1 - r.factor,
    issueAgree ? 1 : 0,
    fa.issueGroups.size > 0 && fb.issueGroups.size > 0 && !issueAgree ? 1 : 0,
    isAnswered && (fa.again || fb.again) ? 1 : 0,
    isAnswered && (fa.again || fb.again) && r.agree && r.sharedObject ? 1 : 0,
    isAnswered ? novelty : 0,
    isAnswered ? 1 : 0,
    // halved when the tickets' categories differ: a category a person corrected outweighs the words
    topicAgreement(fa, fb) * (a.category === b.category ? 1 : 0.5),
    fewerCues ? sharedCues / fewerCues : 0,
    fewerCues > 0 && sharedCues === 0 ? 1 : 0,
  ];
}

/**
 * How many bigrams of `x` that `y` lacks are an abbreviation of a stretch of `y` (安评 of 安全评价, 安标 of 安全标志:
 * the two characters in order with one to three between, inside one run of the canonical text).
 */
function abbreviated(x: Features, y: Features): number {
  let n = 0;
  for (const g of x.bigrams) {
    if (y.bigrams.has(g)) continue;
    const [c1, c2] = [...g] as [string, string];
    if (!y.chars.has(c1) || !y.chars.has(c2)) continue;
    for (const run of y.runs) {
      const i = run.indexOf(c1);
      if (i < 0) continue;
      const j = run.indexOf(c2, i + 2);
      if (j > i + 1 && j <= i + 4) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** The model's probability for a vector. */
export function logistic(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += x[i]! * weights[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The vector the pair model's weights apply to: `pairVector`'s, and the sum of the trees over it as its last feature
 * (shipped with weight 1, so that a deployment's answers can lower or raise how much the trees count).
 */
export function modelVector(x: readonly number[], trees: readonly PairTree[] = PAIR_MODEL.trees): number[] {
  return [...x, treeMargin(x, trees)];
}

/** The sum of the pair trees' leaves for a vector. */
export function treeMargin(x: readonly number[], trees: readonly PairTree[] = PAIR_MODEL.trees): number {
  let z = 0;
  for (let node of trees) {
    while (typeof node !== 'number') node = x[node.f]! <= node.t ? node.l : node.r;
    z += node;
  }
  return z;
}

/**
 * The score of a pair: the pair model's probability that the later report `a` is the same problem as `b`; 0 across
 * enterprises (that is 共性, not 重复). Numbers on both sides that differ (第3号厂房 / 第5号厂房) keep it below `unsure`.
 * `weights`: the shipped model's, or the deployment's as its 是 / 不是 answers adjusted them (pair-learning.ts).
 */
export function score(
  a: SimilarityDoc,
  b: SimilarityDoc,
  fa: Features = features(a.text),
  fb: Features = features(b.text),
  weights: readonly number[] = PAIR_MODEL.weights,
): number {
  if (!sameEnterprise(a, b)) return 0;
  let p = logistic(weights, modelVector(pairVector(a, b, fa, fb)));
  // another category never raises the score (the model, fitted where the parser chose both, can wander there), and one
  // that is not a neighbour lowers it: by the hand-built score's difference between the two penalties, held whatever
  // the trees fitted (a retrained model once gave 打桩开裂 with 用工人才 the score it gave with 工程建设)
  if (a.category !== b.category) {
    const same = logistic(weights, modelVector(pairVector({ ...a, category: b.category }, b, fa, fb)));
    p = Math.min(p, neighbours(a.category, b.category) ? same : same * (1 - FAR_MARGIN));
  }
  if (asksAnotherThing(fa, fb)) p = Math.min(p, ASK_AT_MOST);
  return (fa.numbers && fb.numbers && fa.numbers !== fb.numbers) || twoMatters(fa, fb) ? Math.min(p, THRESHOLDS.unsure / 2) : p;
}

/** Inside the band of doubt: a pair held there is asked about (是 / 不是), never merged or linked unasked. */
const ASK_AT_MOST = (THRESHOLDS.same + THRESHOLDS.unsure) / 2;
/**
 * The later report asks for something (手续怎么走, 有没有补贴), does not say the matter is back, and shares no object,
 * key word or thing wrong with the earlier one, each naming some: words in common alone (冷库, 百亩) do not merge it.
 * (Over every labelled pair the model merged: 2 different, 1 same held so — round 9's 冷库电压低停机 / 冷库制冷剂换环保
 * 有没有补贴 and 征地补偿 / 再流转一百亩地手续怎么走, which a retrained model put at 0.60.)
 */
function asksAnotherThing(later: Features, earlier: Features): boolean {
  if (!later.asksNew || later.again || !later.objects.size || !earlier.objects.size) return false;
  return !intersects(later.objects, earlier.objects) && !intersects(later.keys, earlier.keys) && !intersects(later.issues, earlier.issues);
}

/**
 * Matters that exclude each other on one object: a licence kept alive (延续, 换证) and a licence changed (变更, 增项) are two
 * problems of one licence however many words they share — each side names one and not the other, and nothing else wrong
 * is told on both.
 */
const EXCLUSIVE_ISSUES: readonly (readonly [string, string])[] = [['证照延续', '证照变更']];
function twoMatters(fa: Pick<Features, 'issues'>, fb: Pick<Features, 'issues'>): boolean {
  // (not where both tell the same thing wrong besides: "到期换证…系统提交不了" and "这回变更又提交不了" is the system again)
  if (intersects(fa.issues, fb.issues)) return false;
  return EXCLUSIVE_ISSUES.some(([x, y]) => (fa.issues.has(x) && !fa.issues.has(y) && fb.issues.has(y) && !fb.issues.has(x)) || (fa.issues.has(y) && !fa.issues.has(x) && fb.issues.has(x) && !fb.issues.has(y)));
}

/** Same category: a lift; neighbouring ones (the parser's choice is arguable): a small penalty; else a larger one. */
function categoryLift(x: string, y: string): number {
  if (x === y) return CATEGORY_BONUS;
  return neighbours(x, y) ? -NEIGHBOUR_PENALTY : -CATEGORY_PENALTY;
}

export function verdictOf(s: number): Verdict {
  return s >= THRESHOLDS.same ? 'same' : s >= THRESHOLDS.unsure ? 'unsure' : 'different';
}

const DAY_MS = 86_400_000;

/** Whether a candidate's window holds the report's time: open ones 30 days from creation, closed ones 90 from 办结. */
export function inWindow(c: Pick<Candidate, 'state' | 'at'>, at: string): boolean {
  const age = Date.parse(at) - Date.parse(c.at);
  return age >= 0 && age <= (c.state === 'open' ? WINDOWS.openDays : WINDOWS.closedDays) * DAY_MS;
}

/**
 * The best match of a new report among candidate tickets (ties: an open ticket, then the newest), or null when none
 * is in its window. `featuresOf`: a cache of the candidates' features (by ticket number), when compared repeatedly;
 * `weights`: the pair model in force (the deployment's learned one, or the shipped one).
 */
export function bestMatch(
  report: SimilarityDoc & { at: string },
  candidates: readonly Candidate[],
  featuresOf: (c: Candidate) => Features = (c) => features(c.text),
  weights: readonly number[] = PAIR_MODEL.weights,
): Match | null {
  const fr = features(report.text);
  let best: Match | null = null;
  // the order of preference: a higher score, then an open ticket, then the newer number
  const rank = (m: Pick<Match, 'score' | 'kind' | 'no'>) => [m.score, m.kind === 'duplicate' ? 1 : 0, m.no];
  const before = (x: number[], y: number[]) => x[0]! > y[0]! || (x[0] === y[0] && (x[1]! > y[1]! || (x[1] === y[1] && x[2]! > y[2]!)));
  for (const c of candidates) {
    if (!inWindow(c, report.at)) continue;
    const s = Math.round(score(report, c, fr, featuresOf(c), weights) * 1000) / 1000;
    const m: Match = { no: c.no, score: s, verdict: verdictOf(s), kind: c.state === 'open' ? 'duplicate' : 'recurrence' };
    if (!best || before(rank(m), rank(best))) best = m;
  }
  return best;
}
