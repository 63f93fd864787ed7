import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar.js';
import type { VisitMode } from '../visit.js';
import { cnNumber } from './dates.js';
import { normalizeText } from './normalize.js';

/**
 * 助企走访: reading a cadre's visit log ("走访 亿龙置业 了解二期用电和招工情况，发现问题2个：1.变电站扩容慢 2.缺焊工30名")
 * and the confirmation that makes its problems into tickets ("确认 1 2"). Strict on purpose: a message is a visit log
 * only when it opens with a visit verb phrase, so that an enterprise's report that mentions 上门/电话/走访 is never
 * taken for one.
 */

export interface VisitReading {
  /** The enterprise or project as written ("亿龙置业"); a known name when one of `known` matched; null when none could be read. */
  target: string | null;
  mode: VisitMode;
  /** YYYY-MM-DD local date of the visit: stated (今天/昨天/前天/上周五/11月28日/11.28) or the message's own local date. */
  date: string;
  /** Whether the message wrote the date (an edit keeps the old date when it does not). */
  dateStated: boolean;
  /** The date written, when it names no day in the past (2026-03-05 sent on 3月2日, 2月30日): `date` is then today. */
  badDate: string | null;
  /** Names mentioned with @ (companions), without the @, in order, deduplicated. */
  companions: string[];
  /** Short note: what the visit was about, without the verb, target, date, companions and problem list. */
  note: string;
  /** Problems found, in order, each trimmed of numbering and punctuation; [] when none. */
  problems: string[];
  /** True when the message said there was no problem (无问题, 没有问题, 暂无问题, 未发现问题, 无诉求, 运行正常…). */
  noProblems: boolean;
}

type Calendar = Pick<BusinessCalendar, 'timezone' | 'localDate'>;

const NUM = '(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** The bot's own mention, when the platform leaves it in the text. */
const BOT_MENTION = /^@(?:店小二|小二|xiaoer|机器人|助手)\s*/i;
/** A mention: a name up to white space, punctuation or the next mention. */
const MENTION = /@([^\s@，,、。；;：:（）()]+)/g;
/** Words a name run into without a space ends before ("@王芳电话回访…"). */
const AFTER_NAME = /(一起|一同|一道|共同|同志|等人|等|带队|陪同|走访|上门|电话|视频|座谈|实地|拜访|深入|前往|赴|到企|去|到)/;

// ---- the opening: date, time, companions, "我们" -------------------------------------------------------------------

const DATE_WORD = new RegExp(
  [
    '\\d{4}[年\\-/.]\\d{1,2}[月\\-/.]\\d{1,2}[日号]?',
    `${NUM}月${NUM}[日号]`,
    '(?:今天|今日|今早|今晨|昨天|昨日|昨晚|前天|大前天)',
    '(?:上上|上个?|本|这个?)?(?:周|星期|礼拜)[一二三四五六日天1-7]',
    `${NUM}天前`,
    // a bare day ("18号"): this month's, or last month's when still ahead — not a building, line or plot number
    '(?<![\\d月])\\d{1,2}[日号](?![楼栋线门院仓库号地块车间厂房\\d])',
  ].join('|'),
);
/** Dates written with a dot or slash ("11.28", "11/28"): only in the opening, where they cannot be amounts. */
const SHORT_DATE = /^(\d{1,2})[./](\d{1,2})(?![\d.])/;
const TIME_WORD = /^(?:刚刚|刚才|刚|上午|下午|早上|早晨|中午|晚上|傍晚|\d{1,2}[:：]\d{2}|[\d一二两三四五六七八九十]{1,3}点(?:半|\d{1,2}分?)?)/;
const COMPANIONS = /^(?:(?:和|与|同|跟|陪同|协同|会同|联合|带着|带)\s*)?@[^@]*?(?=\s|$|[，,、。；;：:]|(?:一起|一同|一道|共同|带队|走访|上门|电话|视频|座谈|实地|拜访|深入|前往|赴|到|去))(?:\s*[、,，和与及]?\s*@[^@]*?(?=\s|$|[，,、。；;：:]|(?:一起|一同|一道|共同|带队|走访|上门|电话|视频|座谈|实地|拜访|深入|前往|赴|到|去)))*(?:\s*(?:等人|等|同志|一行))?(?:\s*(?:一起|一同|一道|共同|带队|陪同))?/;
const SELF = /^(?:我们|我和|我|本人|今天我们|一起|一同|共同|带队|一行人?|几位同事|同事们?)/;
const SEPARATOR = /^[\s，,：:。]+/;

/** A header naming the log ("走访登记：", "【走访】"): the rest reads as a visit even without a verb. */
const HEADER = /^[【\[]?(?:助企走访|走访登记|登记走访|走访记录|走访日志)[】\]]?\s*[：:]?\s*/;

// ---- the visit verb ---------------------------------------------------------------------------------------------

interface Verb {
  re: RegExp;
  mode: VisitMode;
  /** Generic 走访/拜访: a mode word right after the target may say how it was done. */
  generic?: boolean;
}

/** Verb phrases that open a visit log, tried in order at the start of what follows the opening. */
const VERBS: Verb[] = [
  {
    re: /^(?:电话(?:回访|走访|联系|沟通|对接|调度|询问|了解|跟进|调研)|电话(?:问|聊)了?(?:问|聊|一?下)?|打了?(?:个|一个|一通|通)?电话(?:给|到)|致电|通过电话(?:回访|走访|联系|沟通|了解|对接)?)/,
    mode: 'phone',
  },
  { re: /^(?:视频(?:连线|走访|会议|回访|对接|调研|座谈|沟通)|线上(?:会议|走访|对接|座谈|沟通|连线)|通过视频(?:连线|会议)?|远程视频(?:连线|会议)?)/, mode: 'video' },
  { re: /^(?:政企(?:座谈会?|恳谈会?)|座谈会?|召开|组织召开|组织|参加)(?=.{0,30}?(?:座谈|恳谈))/, mode: 'meeting' },
  { re: /^(?:政企(?:座谈会?|恳谈会?)|座谈会?)/, mode: 'meeting' },
  { re: /^(?:登记走访|上门(?:服务|走访|对接|调研|了解|座谈)?|(?:实地|现场)(?:看了?(?:看|一?下)?|转了?(?:转|一?圈|一?下)?)(?=\s*[^\s，,。；;：:！!？?])|实地(?:走访|调研|查看|察看|踏勘|考察)|到企业?(?:服务|调研|走访|对接)|入企(?:服务|调研|走访)|现场(?:走访|调研|服务|办公|查看)|走访|拜访|回访)/, mode: 'onsite', generic: true },
];

/**
 * "深入/到/去/赴/前往 X 走访": the place first, then the verb, with a mode word between ("到X实地走访") and a
 * "了一趟/了下" after ("去X走访了一趟").
 */
const PLACE_FIRST =
  /^(?:深入到?|到了|去了|来到|到|去|赴|前往|在)\s*([^，,。；;：:！!？?]{2,30}?)\s*(?:(?:开展|进行)?(?:上门|实地|现场|入企)?(?:走访|调研|服务|对接|座谈交流|座谈会?|拜访|现场办公|实地查看|召开(?:政企)?座谈会))(?:了(?:一趟|一?下|一圈|一次)?)?/;
const PLACE_MODE = (verb: string): VisitMode => (/座谈/.test(verb) ? 'meeting' : 'onsite');

/**
 * "跟/和/给 X 打了电话", "线上跟 X 对了一下", "电话里和 X 聊了聊": the one visited first, then a verb. The verb or a
 * mode word before says how; a verb that says nothing of it (对接, 聊, 问…) needs the mode word.
 */
const CONTACT =
  /^(电话里?|通过电话|视频|通过视频|线上|网上|远程)?\s*(?:跟|和|与|同|给|找|向)\s*([^，,。；;：:！!？?\s@]{2,30}?)\s*((?:打|通)了?(?:个|一个|一通|通|几个)?电话|电话(?:联系|沟通|对接|了解)|视频(?:连线|通话|会议)?|连线|开了?(?:个|一个|一场|场)?(?:政企)?座谈会|座谈|走访|拜访|调研|对接|沟通|交流|(?:聊|谈|问|对)(?=了|一下))(?:了(?:一趟|一?下|一次|聊|谈|问)?|一下)?/;
function contactMode(prefix: string | undefined, verb: string): VisitMode | null {
  if (/电话/.test(verb)) return 'phone';
  if (/视频|连线/.test(verb)) return 'video';
  if (/座谈/.test(verb)) return 'meeting';
  if (prefix) return /电话/.test(prefix) ? 'phone' : 'video';
  if (/走访|拜访|调研/.test(verb)) return 'onsite';
  return null;
}

/**
 * A target read between a place verb and its visit verb, cleaned: a leading place phrase ("园区召开X" → X) and a
 * trailing mode or verb word ("X实地", "X开了个") are not part of it.
 */
function cleanPlace(x: string): string {
  let t = x.trim();
  const lead = /^[^，,。；;]{1,10}?(?:召开|举行|举办)\s*(.{2,})$/.exec(t);
  if (lead) t = lead[1]!;
  for (let i = 0; i < 3; i++) {
    const u = t.replace(/\s*(?:开了?(?:个|一个|一场|场)?|召开|组织|举行|举办|实地|现场|上门|入企|进行|开展|一起|一同)$/, '');
    if (u === t || u.length < 2) break;
    t = u;
  }
  return t;
}

/** After the verb: words that show it is not the log of a visit ("上门服务的人", "走访统计", "电话打不通"). */
const NOT_AFTER_VERB = /^(?:的|时(?![代尚])|后(?=[，,。的\s])|过(?=[，,。的\s我你他])|中(?=[，,。的\s])|说|完|一下|一次|不(?:上|到|通|了)|没(?:人|有|接)|统计|情况|记录|台账|报表|排名|汇总|列表|查询|覆盖|率|清单|名单|计划|安排|任务|怎么|如何|吗|呢|了吗|多少|很|非常|太|挺|真|态度|效率|辛苦|及时|感谢|谢谢|也|都|还|又|才|已经|可以|能|要|需要|得|通知|链接|会议号|时间|材料|好几次|几次|多次|\d+次|上(?=企业|领导|说|提))/;
/** In the head of the message: a question or a complaint, not a log. */
const COMPLAINT = /[?？]|吗\s*$|吗[，。,！!]|什么时候|怎么|为什么|为啥|能不能|能否|可否|何时|几点|哪天|没人(?:接|管|理|处理|回)|还没|都没|没解决|不解决|至今|迟迟|一直没|到底|希望|麻烦|请问|请你们|帮忙/;

// ---- target, problems, no problems ------------------------------------------------------------------------------

/** Where a target read by shape ends (from its third character on). */
const TARGET_STOP = new RegExp(
  '(?:' +
    [
      '了解',
      '调研',
      '对接',
      '协调',
      '座谈',
      '恳谈',
      '走访',
      '听取',
      '宣讲',
      '服务(?!有限|公司|中心|集团)',
      '开展',
      '召开',
      '查看',
      '察看',
      '帮助',
      '帮扶',
      '解决',
      '指导',
      '沟通',
      '交流',
      '推进',
      '督促',
      '调度',
      '核实',
      '跟进',
      '回访',
      '现场',
      '实地',
      '就',
      '针对',
      '围绕',
      '关于',
      '商讨',
      '研究',
      '落实',
      '送',
      '上门',
      '电话',
      '视频',
      '线上',
      '等企业',
      '等\\d+家',
      '等',
      '并',
      '时',
      '期间',
      '发现',
      '无问题',
      '企业反映',
      '反映',
      '存在',
      '问题',
      '诉求',
      '一起',
      '一同',
      '的',
      '和',
      '与',
      '及',
      '二期',
      '政企',
      '项目部',
      '生产经营',
      '经营',
      '运行',
      '一切',
      '暂无',
      '没有',
      '未发现',
    ].join('|') +
    ')',
);
const TARGET_END = /[\s，,。；;：:、！!？?（）()【】]/;
/** What the visit was about, when no name comes first ("走访了解到…"). */
const PURPOSE_START = /^(?:了解|调研|对接|协调|听取|宣讲|开展|查看|察看|帮助|帮扶|指导|沟通|交流|推进|督促|核实|跟进|就|针对|围绕|关于|发现|无问题|企业反映)/;
/** Words before the name ("走访辖区重点企业宏达机械"). */
const TARGET_PREFIX = /^(?:了(?!解)\s*|与|和|同|跟|对(?!接)|给|辖区|重点|规上|包联|联系|帮扶|服务|挂钩|在建|重大)*(?:企业|项目)?\s*/;
/** A target that names no one ("走访企业", "深入项目一线"). */
const GENERIC_TARGET = /^(?:企业|项目|工地|园区|一线|现场|车间|辖区企业|重点企业|重点项目|企业一线|项目一线|项目现场|园区企业|规上企业|了)$/;

const PROBLEM_MARKER = new RegExp(
  [
    `(?<![未没无])(?:发现|收集|梳理|排查)(?:到|出)?(?:问题|困难|诉求)(?:${NUM}个|${NUM}条|${NUM}项)?(?:\\s*[，,]?\\s*(?:分别是|如下|包括|有))?\\s*[：:]?`,
    `(?:企业)?(?:反映|提出|提了)(?:了)?(?:${NUM}(?:个|条|项|点|方面)的?)?(?:问题|困难|诉求|意见|需求)?(?:${NUM}个|${NUM}条|${NUM}项|${NUM}点)?\\s*[：:]`,
    `企业反映(?!良好|满意|不错|较好|无|没有)`,
    `(?:存在|需协调解决的?|需要协调的?|主要)?(?:问题|困难|诉求|需求)(?:${NUM}个|${NUM}条|${NUM}项)?(?:有|如下)?\\s*[：:]`,
    `需协调(?:解决)?\\s*[：:]`,
  ].join('|'),
);
const NUMBERING = /(?:(?:^|(?<=[\s，,。；;、:：]))\s*(?:\d{1,2}[.．、)）](?!\d)|[一二三四五六七八九十][、.．是])|\s*[（(]\d{1,2}[)）]|\s*[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/g;
const NO_PROBLEMS = /(?:(?:没有?|无)(?:啥|什么|多大|太大)|无|没有|没|暂无|暂时没有|暂未发现|未发现|没发现|未反映|没有反映|无其他|无其它|无明显|无特别|无新的?)(?:明显|特别|其他|新的?)?(?:问题|诉求|困难|需求)|(?:问题|诉求|困难)[：:]?\s*(?:无|暂无|没有)(?=$|[\s，,。；;])|(?:运行|运转|生产经营|经营|生产|一切)(?:情况)?(?:均|都|良好|总体)?正常|无异常/;

// ---- dates ------------------------------------------------------------------------------------------------------

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

/** The date a date word names, in the past (a date after today is last year's). */
function resolveDate(word: string, today: DateTime): string | null {
  let m: RegExpMatchArray | null;
  const iso = (d: DateTime) => (d.isValid ? d.toISODate() : null);
  const notFuture = (d: DateTime) => (d > today ? d.minus({ years: 1 }) : d);
  if ((m = /^(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})/.exec(word))) {
    const d = DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { zone: today.zone });
    return d.isValid && d <= today ? iso(d) : null;
  }
  if ((m = new RegExp(`^(${NUM})月(${NUM})`).exec(word))) {
    const month = cnNumber(m[1]!);
    const day = cnNumber(m[2]!);
    if (!month || !day || month > 12) return null;
    return iso(notFuture(DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone })));
  }
  if ((m = SHORT_DATE.exec(word))) {
    const month = +m[1]!;
    const day = +m[2]!;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return iso(notFuture(DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone })));
  }
  if ((m = /^(\d{1,2})[日号]/.exec(word))) {
    const day = +m[1]!;
    if (day < 1 || day > 31) return null;
    const d = DateTime.fromObject({ year: today.year, month: today.month, day }, { zone: today.zone });
    if (d.isValid && d <= today) return iso(d);
    // still ahead this month: last month's — when last month has that day ("31号" on 3月2日 names no day)
    const last = today.minus({ months: 1 });
    return iso(DateTime.fromObject({ year: last.year, month: last.month, day }, { zone: today.zone }));
  }
  if (/^(今天|今日|今早|今晨)/.test(word)) return iso(today);
  if (/^(昨天|昨日|昨晚)/.test(word)) return iso(today.minus({ days: 1 }));
  if (/^大前天/.test(word)) return iso(today.minus({ days: 3 }));
  if (/^前天/.test(word)) return iso(today.minus({ days: 2 }));
  if ((m = new RegExp(`^(${NUM})天前`).exec(word))) {
    const n = cnNumber(m[1]!);
    return n ? iso(today.minus({ days: n })) : null;
  }
  if ((m = /^(上上|上个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])/.exec(word))) {
    const monday = today.minus({ days: today.weekday - 1 });
    const wd = WEEKDAY[m[2]!]!;
    const prefix = m[1] ?? '';
    if (prefix === '上上') return iso(monday.minus({ days: 14 }).plus({ days: wd - 1 }));
    if (prefix.startsWith('上')) return iso(monday.minus({ days: 7 }).plus({ days: wd - 1 }));
    const d = monday.plus({ days: wd - 1 });
    // "周六" said on a Friday is last week's
    return iso(d > today ? d.minus({ days: 7 }) : d);
  }
  return null;
}

// ---- helpers ----------------------------------------------------------------------------------------------------

const TRIM = /^[\s，,。；;：:、.．!！~～\-—]+|[\s，,。；;：:、.．!！~～\-—]+$/g;
const trimPunct = (s: string) => s.replace(TRIM, '');

/** Mentioned names, without the @, in order, each once (a name run into the next words is cut before them). */
function mentions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    let name = m[1]!;
    const cut = AFTER_NAME.exec(name);
    if (cut && cut.index >= 1) name = name.slice(0, cut.index);
    name = name.replace(/(和|与|及)$/, '');
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Problems of a list: split on numbering, else on ；/;/。. */
function splitProblems(list: string): string[] {
  const body = list.trim();
  if (!body) return [];
  NUMBERING.lastIndex = 0;
  const numbered = [...body.matchAll(NUMBERING)];
  let parts: string[];
  if (numbered.length > 0) {
    parts = [];
    const starts = numbered.map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
    // words before the first number ("2个，分别是") are not a problem
    for (let i = 0; i < starts.length; i++) parts.push(body.slice(starts[i]!.end, starts[i + 1]?.at ?? body.length));
  } else parts = body.split(/[；;。]/);
  return parts.map(trimPunct).filter((p) => p.length > 0 && !/^(?:无|暂无|没有)$/.test(p));
}

/** The first known name in `text` (earliest, then longest), as given. */
function findKnown(text: string, known: readonly string[]): string | null {
  let best: { at: number; name: string } | null = null;
  for (const raw of known) {
    const name = normalizeText(raw);
    if (!name) continue;
    const at = text.indexOf(name);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && name.length > best.name.length)) best = { at, name: raw };
  }
  if (!best) return null;
  // a short name written longer ("天赐生态" where the directory knows 天赐 and 浙江天赐生态科技有限公司): the hit runs on
  // as far as the written text stays inside one of the known names, so no part of the name is left in the note
  let hit = normalizeText(best.name);
  const names = known.map(normalizeText);
  while (best.at + hit.length < text.length) {
    const longer = text.slice(best.at, best.at + hit.length + 1);
    if (!names.some((n) => n.includes(longer))) break;
    hit = longer;
  }
  return hit;
}

/** The target read by shape at the start of `text`: the words up to punctuation, a mode word or a purpose verb. */
function shapeTarget(text: string): { target: string | null; rest: string } {
  let s = text.replace(TARGET_PREFIX, '');
  // a verb of contact before the name ("视频会议对接远东电缆")
  const v = /^(?:对接|联系|连线|联络|约谈|走访|拜访)\s*/.exec(s);
  if (v && !PURPOSE_START.test(s.slice(v[0].length)) && !TARGET_END.test(s.charAt(v[0].length))) s = s.slice(v[0].length).replace(TARGET_PREFIX, '');
  if (PURPOSE_START.test(s)) return { target: null, rest: s };
  let end = s.length;
  const p = TARGET_END.exec(s);
  if (p) end = p.index;
  const head = s.slice(0, end);
  const stop = TARGET_STOP.exec(head.slice(2));
  if (stop) end = stop.index + 2;
  const target = s.slice(0, end).trim();
  const rest = s.slice(end);
  if (!target || GENERIC_TARGET.test(target) || target.length > 30) return { target: null, rest: GENERIC_TARGET.test(target) ? rest : s };
  return { target, rest };
}

// ---- parseVisit -------------------------------------------------------------------------------------------------

/**
 * Whether `text` is a visit log and, if so, its reading; null when it is not one (a report, a question, chat).
 * `now`: ISO instant of the message. `known`: names to match first (directory enterprise names/aliases and project
 * names/aliases), longest first; without a match, the target is read by shape.
 */
export function parseVisit(text: string, now: string, calendar: Calendar, known?: readonly string[]): VisitReading | null {
  let t = normalizeText(text).replace(BOT_MENTION, '');
  // a ticket or visit reference makes it a command
  if (/#\s*\d+|^[Vv]\d+|^(?:确认|建单|都建单|全部建单)/.test(t)) return null;
  const today = DateTime.fromISO(calendar.localDate(now), { zone: calendar.timezone });

  // the opening
  let dateWord: string | null = null;
  let header = false;
  let r = t;
  for (let guard = 0; guard < 12; guard++) {
    const before = r;
    r = r.replace(SEPARATOR, '');
    let m: RegExpMatchArray | null;
    if (!header && (m = HEADER.exec(r))) {
      header = true;
      r = r.slice(m[0].length);
    }
    if ((m = new RegExp(`^(?:${DATE_WORD.source})`).exec(r)) || (m = SHORT_DATE.exec(r))) {
      dateWord ??= m[0];
      r = r.slice(m[0].length);
    }
    if ((m = TIME_WORD.exec(r))) r = r.slice(m[0].length);
    if ((m = COMPANIONS.exec(r))) r = r.slice(m[0].length);
    if ((m = SELF.exec(r))) r = r.slice(m[0].length);
    if (r === before) break;
  }
  r = r.replace(SEPARATOR, '');

  // the verb
  let mode: VisitMode | null = null;
  let generic = false;
  let after = '';
  let placeTarget: string | null = null;
  for (const v of VERBS) {
    const m = v.re.exec(r);
    if (!m) continue;
    mode = v.mode;
    generic = !!v.generic;
    after = r.slice(m[0].length);
    break;
  }
  if (mode === null) {
    const m = PLACE_FIRST.exec(r);
    const c = m ? null : CONTACT.exec(r);
    const cm = c ? contactMode(c[1], c[3]!) : null;
    if (m) {
      mode = PLACE_MODE(m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length));
      placeTarget = cleanPlace(m[1]!);
      after = r.slice(m[0].length);
    } else if (c && cm) {
      mode = cm;
      placeTarget = cleanPlace(c[2]!);
      after = r.slice(c[0].length);
    } else if (header && r.length > 0) {
      mode = 'onsite';
      generic = true;
      after = r;
    } else return null;
  }
  after = after.replace(/^\s*(?:了(?!解))?\s*[：:]?\s*/, '');
  if (NOT_AFTER_VERB.test(after)) return null;
  if (!after.trim() && placeTarget === null) return null;

  // the problem list, and the head before it
  const pm = PROBLEM_MARKER.exec(after);
  let head = pm ? after.slice(0, pm.index) : after;
  let list = pm ? after.slice(pm.index + pm[0].length) : '';
  if (!pm) {
    // a numbered list without a marker ("…，1.缺电 2.缺工")
    NUMBERING.lastIndex = 0;
    const first = [...after.matchAll(NUMBERING)].find((m) => /^\s*(?:1[.．、)）]|[（(]1[)）]|①|一[、.．是])/.test(m[0]));
    if (first) {
      head = after.slice(0, first.index);
      list = after.slice(first.index);
    }
  }
  if (COMPLAINT.test(head)) return null;

  // the target
  let target: string | null = null;
  let rest = head;
  const knownHit = known && known.length > 0 ? findKnown(placeTarget ?? head, known) : null;
  if (placeTarget !== null) {
    target = knownHit ?? (GENERIC_TARGET.test(placeTarget.replace(TARGET_PREFIX, '')) ? null : placeTarget.replace(TARGET_PREFIX, '') || null);
    if (target !== null && /^(?:企业|项目)?(?:一线|现场)$/.test(target)) target = null;
  } else if (knownHit) {
    target = knownHit;
    const at = head.indexOf(knownHit);
    rest = head.slice(0, at) + head.slice(at + knownHit.length);
    // the words between the verb and a known name ("辖区企业", "二期项目") stay out of the note when they are a prefix
    rest = rest.replace(TARGET_PREFIX, '');
  } else {
    const s = shapeTarget(head);
    target = s.target;
    rest = s.rest;
  }
  if (target !== null) target = trimPunct(target).replace(/^[@]/, '') || null;
  // a public body is not an enterprise served ("电话联系供电局")
  if (target !== null && !knownHit && /(?:局|委|政府|街道办|办事处|窗口|热线|12345|客服|你们|他们|我们|客户|物业|同事|领导|大家)$/.test(target)) return null;

  // a mode word right after the target ("走访 神马电力（视频）")
  if (generic) {
    const mm = /^\s*[（(]?\s*(电话|视频|线上|座谈)/.exec(rest);
    if (mm) mode = mm[1] === '电话' ? 'phone' : mm[1] === '座谈' ? 'meeting' : 'video';
  }

  // the date: in the opening, else a date word in the head
  if (dateWord === null) {
    const dm = new RegExp(DATE_WORD.source).exec(head);
    if (dm) dateWord = dm[0];
  }
  const resolved = dateWord ? resolveDate(dateWord, today) : null;
  const date = resolved ?? today.toISODate()!;

  const problems = splitProblems(list);
  const noProblems = problems.length === 0 && (NO_PROBLEMS.test(head) || NO_PROBLEMS.test(pm ? pm[0] + list : ''));

  // the note: what is left of the head
  let note = rest
    // a companion named in the middle ("亿龙置业 和@王芳 了解…") leaves its 和 behind once the @-name is gone
    .replace(new RegExp(`(?:和|与|同|跟|陪同|协同|会同)\\s*${MENTION.source}(?:\\s*[、,，和与及]?\\s*${MENTION.source})*`, 'g'), ' ')
    .replace(MENTION, ' ')
    .replace(new RegExp(DATE_WORD.source, 'g'), ' ')
    .replace(new RegExp(`(?:企业(?:说|表示)?|目前|当前|总体)*(?:${NO_PROBLEMS.source})`, 'g'), ' ')
    .replace(/^\s*(?:政企)?(?:座谈会?|恳谈会?)/, ' ')
    .replace(/^\s*[（(]?\s*(?:电话|视频|线上)\s*[)）]?/, ' ');
  note = note
    .split(/[，,。；;]/)
    .map(trimPunct)
    .filter((s) => s && !/^(?:一起|一同|等|并|上门|走访|座谈|视频连线|视频|电话|线上)$/.test(s))
    .join('，');
  note = trimPunct(note.replace(/^(?:并|，|时候?|期间)/, ''));

  // companions: the @-names before the problems (an @ in the list asks someone to follow up; it is no companion)
  const before = pm || list ? t.slice(0, Math.max(0, t.length - list.length - (pm ? pm[0].length : 0))) : t;
  return {
    target,
    mode: mode!,
    date,
    dateStated: resolved !== null,
    badDate: dateWord && resolved === null ? dateWord : null,
    companions: mentions(before.replace(/@(?:店小二|小二|xiaoer)(?=\s|$)/gi, '')),
    note,
    problems,
    noProblems,
  };
}

// ---- parseVisitConfirm ------------------------------------------------------------------------------------------

/**
 * The problem numbers of a confirmation: "确认 1 2" → [1,2], "确认1、3" → [1,3], "都建单"/"全部建单"/"确认全部" →
 * 'all'; null when not a confirmation. An optional visit ref "V12" / "v12" is returned too.
 */
export function parseVisitConfirm(text: string): { visitNo: number | null; problems: number[] | 'all' } | null {
  let t = normalizeText(text).replace(BOT_MENTION, '').trim();
  let visitNo: number | null = null;
  const ref = /(?:^|\s)[Vv]\s*(\d{1,6})(?=\s|$|[，,：:、])/.exec(t) ?? /^[Vv](\d{1,6})/.exec(t);
  if (ref) {
    visitNo = Number(ref[1]);
    t = (t.slice(0, ref.index) + ' ' + t.slice(ref.index + ref[0].length)).trim();
  }
  t = t.replace(/^[\s，,：:]+|[\s，,。.！!]+$/g, '');
  if (/^(?:确认)?\s*(?:全部|所有|全都|都)(?:问题)?\s*(?:都)?\s*(?:建单|确认)?$|^确认\s*(?:建单)?\s*(?:全部|所有)(?:问题)?(?:建单)?$/.test(t) && /建单|确认/.test(t)) {
    return { visitNo, problems: 'all' };
  }
  const m = /^(?:确认(?:建单)?|建单)\s*[：:]?\s*(?:问题|第)?\s*([\d\s、,，和及]+?)\s*(?:个|条|项)?\s*(?:问题)?\s*(?:建单)?$/.exec(t);
  if (!m) return null;
  const nums = m[1]!
    .split(/[\s、,，和及]+/)
    .filter(Boolean)
    .map(Number);
  if (nums.length === 0 || nums.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) return null;
  return { visitNo, problems: [...new Set(nums)] };
}
