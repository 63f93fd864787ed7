import { DateTime } from 'luxon';
import { defaultCalendar, type BusinessCalendar } from '../calendar.js';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

const CN_DIGIT = '[一二两三四五六七八九]';
/** A numeral in words as it is said, up to 999. */
const CN_NUMERAL = new RegExp(`^(?:${CN_DIGIT}?百(?:零${CN_DIGIT}|${CN_DIGIT}十${CN_DIGIT}?|${CN_DIGIT})?|${CN_DIGIT}?十${CN_DIGIT}?|[零〇]|${CN_DIGIT})$`);

const CN_ESTIMATE = new RegExp(`^(?:${CN_DIGIT}?十)?${CN_DIGIT}{2}$`);

/** "十五" → 15, "3" → 3, "二十" → 20, "三百五" → 350; null for what is no numeral ("十百", "二三"). */
export function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  // (an estimate, 两三 or 十二三, reads as its larger number)
  if (!CN_NUMERAL.test(s) && !CN_ESTIMATE.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch] ?? 0;
  }
  // "三百五": the tens after 百 without 十 (三百零五 is 305)
  return total + (/^[一二两三四五六七八九]百[一二三四五六七八九]$/.test(s) ? current * 10 : current);
}

const NUM = '(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})';
/** Words around 月底/年底 that make it a limit rather than a season. */
const LIMIT_BEFORE = '(?:(?<![现正还实存所好])在|到|于|争取|希望|力争|计划|要|赶在|截止|最迟|最晚|必须)';
const LIMIT_AFTER = '(?=前|之前|以前|之内|内|就|要(?!是|回家|过年)|必须|能|可以|得|到期|过期|完成|完工|交|办|截止|投产|开工|竣工|到岗|搞定|结账|结算)';

/**
 * What every date the rules below read is written with: a digit, a day (天, 日, 号, 今晚), a week (周, 星期, 礼拜), a month,
 * a year (年, 元旦) or an English word. A text without any (a third of the reports) names no date, and is not run through
 * the hundred patterns (a test runs every labelled text both ways).
 */
export const DATE_WORD = /[\dA-Za-z天日号晚周期拜月年旦]/;

/**
 * The date a message asks for, as YYYY-MM-DD, resolved against the message's own time `now` (in its zone); null when
 * the message names none. Covers 今天/明天/后天, 本周X/下周X/周X, N天内/一周内/N个工作日内, 月底/下月底/年底,
 * M月D日, 下个月D号, YYYY年M月D日, D号. Working days are counted on `cal`, the configured calendar (its overrides).
 * A day a loan or a licence runs out on is not asked for (see readDates).
 */
export function parseRequestedDate(text: string, now: DateTime, cal: BusinessCalendar = defaultCalendar): string | null {
  return readDates(text, now, cal).requested;
}

/** A day named ahead, as EXPIRY and PAYMENT_DUE read it before what falls on it. */
const DAY_AHEAD = `(?:(?:明年)?${NUM}月${NUM}[日号]|下个?月${NUM}[日号]|(?<![月\\d])\\d{1,2}[日号]|大?后天|明天|今天|(?:本|这|下)?(?:周|星期|礼拜)[一二三四五六日天]|(?<!上个?)(?:本?月底|月末|年底|年末))`;
/**
 * A day something runs out on, said of itself: "流贷下周二到期", "证后天就过期了", "12月10号有一笔四百万到期",
 * "月底有一笔贷款到期"; and what follows on a day if nothing is done: "明天就要停产", "后天就要装船". Not a day before it
 * ("到期前", "12月10号到期之前").
 */
const EXPIRY = new RegExp(
  `${DAY_AHEAD}` +
    `(?:(?:就|就要|要|已经|便|将|有一笔[^，。；,;]{0,8}?|还有[^，。；,;]{0,6}?)?(?:到期|过期)|(?:就|就要|就得|就会|要|得|会)(?:停产|停工|停机|断供|断贷|逾期|上征信|违约|装船|开船))(?!之?前|以前)`,
  'g',
);
/**
 * A payment of the enterprise's own falling due on a day, or its payday ("下周一就要还", "原材料款明天就得付", "周四要出柜",
 * "明天就是发薪日"): at stake too — not where the day is asked of someone ("请财政12月5号要付清", "能否下周三就还我们保证金")
 * nor 还 as "still" ("明天要还是停电").
 */
const PAYMENT_DUE = new RegExp(
  `(?<!(?:请|希望|能不能|能否|可否|督促|务必|要求|争取|盼|求)[^，。；,;？?\\s]{0,6})${DAY_AHEAD}` +
    `(?:(?:就|就要|就得|要|得)(?:还款|还上|还(?![是没原有在要得不给我])|付(?![清到给])|出柜|发工资|发薪)|就是(?:发薪日|还款日|发工资的日子))`,
  'g',
);
/** The text points back at the day it runs out on as the limit: "希望到期前能批下来", "务必在那之前批下来", "在此之前能不能续上", "赶在到期日前", "星期五到期，之前必须办好". */
const BEFORE_EXPIRY = /到期(日|那天|当天|之日)?(之?前|以前)|最迟到期|(在|赶在)?(那|这|此)(之前|以前|个日子前|天之?前)|此前|赶在|到期[^，。；,;？?]{0,2}[，,\s]*之前(必须|要|得|务必|能)/;

/**
 * The dates of a message: `requested`, the one it asks for (parseRequestedDate); `atStake`, the earliest day that
 * matters to it, a day something runs out on (EXPIRY) included — what makes a report urgent when it is near. The
 * labelled corpus and the held-out rounds keep an expiry alone ("贷款下个月10号到期，续贷还没批") without a requested date
 * (411 texts against 75, 2026-12); one the text asks to be met (BEFORE_EXPIRY: "到期前", "在此之前") is asked for.
 */
export function readDates(text: string, now: DateTime, cal: BusinessCalendar = defaultCalendar): { requested: string | null; atStake: string | null } {
  if (!DATE_WORD.test(text)) return { requested: null, atStake: null };
  // 元月 is January ("最好元月底之前")
  const t = text.includes('元月') ? text.replace(/元月(?=底|末|初|中|份|\d|[一二三四五六七八九十])/g, '1月') : text;
  const atStake = earliestDate(t, now, cal);
  if (atStake === null) return { requested: null, atStake };
  const asked = t.replace(EXPIRY, ' ').replace(PAYMENT_DUE, ' ');
  return { requested: asked === t || BEFORE_EXPIRY.test(t) ? atStake : earliestDate(asked, now, cal), atStake };
}

/** The earliest date the rules read in `t` that is not past: several dates, the earliest constrains the work. */
function earliestDate(t: string, now: DateTime, cal: BusinessCalendar): string | null {
  const today = now.toISODate()!;
  // a date already past tells when something happened ("11月5日交的材料"), not when it is wanted
  const found = candidateDates(t, now, cal).filter((d): d is string => d !== null && d >= today);
  if (found.length === 0) return null;
  return found.sort()[0]!;
}

const ENGLISH_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "Dec 15", "December 3rd", "30 Nov", "18th of December". */
const ENGLISH_DATE = new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\b`, 'i');

/** The patterns candidateDates reads, built once (a RegExp built from a string on every call costs more than its match). */
const SAID_WITHIN = new RegExp(`说好的?[^，。；,;]{0,6}?${NUM}个?(工作日|天|日|周|星期|礼拜|月)(之内|内|以内)`);
const PROMISED_EARLIER_WITHIN = new RegExp(`(当时|之前|当初|上次|原来|本来|那时|那会儿)(说|讲|承诺|答应|表示|告诉我们)(好)?的?[^，。；,;]{0,6}?${NUM}个?(工作日|天|日|周|星期|礼拜|月)(之内|内|以内)`);
const PROMISED_WITHIN = new RegExp(`承诺[^，。；,;]{0,4}?${NUM}个?(工作日|天|日|周|星期|礼拜)(之内|内|以内)`);
/** 排在 inside 安排在 asked for ("论证会能不能安排在12月10号之前") is no queue; others' 安排在 is ("检修安排在本周四"). */
const ARRANGED_UNASKED = '(?<!(?:能不能|能否|可否|可不可以|请|希望|麻烦|尽量|最好|争取)[^，。；,;]{0,4}安)';
const QUEUED_TO_MONTH = new RegExp(`(排到|${ARRANGED_UNASKED}排在|约到|预约到|排队到|拖到|推到|推迟到|延到)(明年|今年)?[^，。；,;\\s]{0,4}?(月底|月末|年底|年末|年后|${NUM}月(底|末|初|中|${NUM}[日号])?)`);
const LIMIT_SET_BY_OTHERS = new RegExp(`(说|要求|让我们|叫我们|限|责令|通知)[^，。；,;]{0,8}(月底|年底|${NUM}个?(天|日|周|工作日)(之内|内|以内))前?`);
const ORDERED_TO_MOVE = new RegExp(`(通知|叫我们|要我们|要求我们|责令|让我们|被限期)[^，。；,;]{0,8}(年底|月底|下个?月底|本?月底|${NUM}月${NUM}[日号]|下(周|星期|礼拜)[一二三四五六日天])(前|之前)?(必须|要|得)?(自己)?(搬|腾退|腾空|腾出|拆|整改|清场)`);
const ORDERED_WITHIN = new RegExp(`(被要求|责令|叫我们|要我们|限令|让我们|(?<=[了点，,\\s])让)[^，。；,;]{0,4}${NUM}个?(工作日|天|日|周|星期|礼拜|月)(之内|内|以内)`);
const QUEUED_TO_WEEKDAY = new RegExp(`(排到|${ARRANGED_UNASKED}排在|约到|预约到|排队到|拖到|推到|推迟到|延到)(本|这|下)?(周|星期|礼拜)[一二三四五六日天]`);
const WEEKDAY_OR_SOON = '明天|后天|(?:本|这|下)?(?:周|星期|礼拜)[一二三四五六日天]';
/** Others' schedule and one's own plan: "包商说要等明天才能处理", "限气通知 下周一开始", "我们计划12月1号进场" (not "…投产，之前务必…"). */
const OTHERS_WAIT_UNTIL = new RegExp(`(说|讲|答复|回复)[^，。；,;]{0,4}要?等(到)?(${WEEKDAY_OR_SOON})才`);
const OTHERS_DONE_BY = /(说|讲|答复|回复)[^，。；,;]{0,4}要?(明天|后天|(本|这|下)?(周|星期|礼拜)[一二三四五六日天])才|(说|讲)是?[^，。；,;]{0,8}(本?月底|年底|月末|年末)才|(说|讲)是(本?月底|年底|月末|年末)(完工|完成|竣工|弄完|修好|装完|做完|交付)/;
const NOTICE_FROM_DAY = new RegExp(`(?:通知|(?<!(?:请|希望|能不能|能否|尽快|麻烦|早点|提前)[^，。；,;]{0,4})通知(?:我们|俺们|咱们|我司))[\\s，,:：]{0,2}(${WEEKDAY_OR_SOON}|${NUM}月${NUM}[日号])(开始|起)`);
const OWN_PLAN_ON_DAY = new RegExp(`(计划|打算|准备)在?(${WEEKDAY_OR_SOON}|${NUM}月${NUM}[日号])(进场|开工|投产|试产|开业|搬迁|搬家)(?![，,\\s]*(之前|以前|前))`);
/**
 * What the enterprise itself can complete by a day ("俺们这周四能补齐 想问能不能年底前兑付到位", round 264): its own, not asked
 * for — unless it asks whether it may ("我们周四前能补齐材料吗").
 */
const OWN_PAPERS_BY_DAY = new RegExp(`(我们|俺们|我司|咱们)(${WEEKDAY_OR_SOON}|${NUM}月${NUM}[日号])(之?前)?(就)?(能|可以)(补齐|补上|补完|备齐)(材料|资料)?(?![^\\s，。；,;]{0,4}(吗|么|不|没有?))`);
const EVENT_DAY = `(?:下个?月)?${NUM}[日号]|${NUM}月${NUM}[日号]`;
const EVENT = '(?:仪式|典礼|庆典|周年庆|揭牌|剪彩|年会|开幕式)';
const EVENT_ON_DAY = new RegExp(`(?:${EVENT_DAY})(?!之?前|以前)[^，。；,;！!？?前]{0,10}${EVENT}(?!之?前|以前)|${EVENT}[，,\\s]{0,2}(?:定在|在)?(?:${EVENT_DAY})(?![^，。；,;]{0,2}(?:之?前|以前))`);
const OWN_DAY = new RegExp(`(?:${EVENT_DAY})(?:是|为)(?:我们|我司|本公司)[^，。；,;！!？?]{0,14}(?:周年|生日|成立日|开业日)`);
const EVENT_ON_ENGLISH_DATE = new RegExp(`\\b(ceremony|anniversary|celebration|plans? to visit|planning to visit)\\b[^.?!]{0,30}?\\b(on|around|about|at)\\s+(?:${MONTH_WORD}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_WORD})`, 'i');
const DAY_FIXED = new RegExp(`(日子|时间|日期)定在${NUM}月${NUM}[日号]`);
const TOLD_TO_MOVE_BY = new RegExp(`(说|要求|通知|责令|限)[^，。；,;]{0,6}(本?月底|年底|月末|${NUM}月${NUM}[日号])前?(必须|要|得)(搬|腾|拆)`);
/** When a paper others make comes out ("审计报告下周二出"). */
const PAPER_OUT_ON = new RegExp(`(报告|结果|证书|文件|批复|意见)(?![^，。；,;]{0,4}(最迟|最晚|务必|必须|一定|争取|能不能|能否|尽快))[^，。；,;]{0,2}(${WEEKDAY_OR_SOON}|${NUM}月${NUM}[日号]|${NUM}[日号])才?(能|可以)?出(来)?(?![^，。；,;]{0,2}(吗|没|么))`);
const NEXT_MONTH_DAY = new RegExp(`下个?月${NUM}[日号]`);
const MONTH_DAY = new RegExp(`(明年)?${NUM}月${NUM}[日号]`);
const WORKING_DAYS_WITHIN = new RegExp(`${NUM}个?工作日(?:之内|内|以内)`);
const DAYS_WITHIN = new RegExp(`${NUM}(?:个)?(?:天|日)(?:之内|内|以内)`);
const WEEKS_WITHIN = new RegExp(`${NUM}(?:个)?(?:周|星期|礼拜)(?:之内|内|以内)`);
const MONTHS_WITHIN = new RegExp(`${NUM}(?:个)?月(?:之内|内|以内)`);
const MONTH_END_NAMED = new RegExp(`(?:${LIMIT_BEFORE})?(明年|今年)?${NUM}月(?:底|末)${LIMIT_AFTER}|${LIMIT_BEFORE}(明年|今年)?${NUM}月(?:底|末)`);
const MONTH_END = new RegExp(`${LIMIT_BEFORE}(月底|月末)|(?<!上个?)(月底|月末)${LIMIT_AFTER}`);
const YEAR_END = new RegExp(`${LIMIT_BEFORE}(年底|年末)|(?<!去年|前年|去|半|一|两|几|多|\\d)(年底|年末)${LIMIT_AFTER}`);

/**
 * A message being read for dates: what is left of it, and the day's start (made only when a rule needs it: most
 * messages name no date). Its methods are bound once per message, not made as closures (a hot path).
 */
class Reading {
  rest: string;
  private dayStart: DateTime | undefined;
  constructor(
    text: string,
    private readonly now: DateTime,
  ) {
    this.rest = text;
  }

  /** Matches and removes, so that a later, looser rule does not read the same words again. */
  take(re: RegExp): RegExpMatchArray | null {
    const mm = this.rest.match(re);
    if (mm) this.rest = this.rest.replace(mm[0], ' ');
    return mm;
  }

  today(): DateTime {
    return (this.dayStart ??= this.now.startOf('day'));
  }
}

/** A day as YYYY-MM-DD, null when invalid. */
function fmt(d: DateTime): string | null {
  return d.isValid ? d.toISODate()! : null;
}

export function candidateDates(text: string, now: DateTime, cal: BusinessCalendar): (string | null)[] {
  // "协调一下下周一之前装好": 一下 then 下周一, not 下下周一; "协调一下月底前能续上": 一下 then 月底, not 下月底 (万一, 统一 and
  // 唯一 are words of their own: "万一下月底前还批不下来")
  const reading = new Reading(text.replace(/(?<![万统唯划])一下(?=下(?:周|星期|礼拜|个星期|个礼拜)|月底|月末)/g, '一下 '), now);
  const out: (string | null)[] = [];
  let m: RegExpMatchArray | null;

  // a limit promised in the past ("当时说5个工作日内答复", "协议签了 说好三个月内付") tells what was said, not what is asked now
  reading.take(SAID_WITHIN);
  reading.take(PROMISED_EARLIER_WITHIN);
  // what others will do later ("施工单位说等明天再处理"): not asked for
  reading.take(/等(明天|后天)再|(明天|后天)再(处理|说|来|弄|看)/);
  // a limit others set ("消防大队给了期限12月20号"): theirs, not what is asked
  reading.take(/(给了?|下了?|定了?|规定|下达)[^，。；,;]{0,4}(期限|最后期限|截止日期)(是|为|到)?(\d{1,2}月\d{1,2}[日号]|下个?月\d{1,2}[日号]|\d{1,2}[日号]|本?月底|年底)/);
  // what the enterprise itself promised ("企业申请容缺受理，承诺三天内补齐"): not what it asks of the government
  reading.take(PROMISED_WITHIN);
  // a queue or a slip told ("预约排到12月底", "推到明年二月") and a forecast ("估计年底完成不到"): not what is asked
  // (round 242: 安排在 asked for is no queue, ARRANGED_UNASKED)
  reading.take(QUEUED_TO_MONTH);
  // a repair queued to a weekday ("报修说排到周四"): when the others will come, not what is asked
  reading.take(QUEUED_TO_WEEKDAY);
  reading.take(/(估计|预计|恐怕|可能|看样子)(今年)?(年底|月底|年前)[^，。；,;]{0,6}(完成不了|完不成|不到|不了|做不完|搞不完|来不及)/);
  // an outage or works scheduled by others, which the enterprise asks to move ("通知本周四全天检修停电…希望换个时间"):
  // the date of the event, not one asked for
  if (/(换个?时间|换个?日子|改期|改个?(时间|日子)|调整(一下)?时间|推迟|往后推|错开|避开)/.test(text)) {
    reading.take(/(通知|安排|计划|定在|定于)[^，。；,;]{0,3}((本|这|下)?(周|星期|礼拜)[一二三四五六日天1-7]|明天|后天|\d{1,2}月\d{1,2}[日号])[^，。；,;]{0,4}(检修|停电|停水|停气|断电|断水|施工|开挖|封路)/);
  }
  // "合同约定年底交付": a date the contract set, not one asked of the government
  reading.take(/(合同|协议)(约定|规定|上写的?|写的?|签的?)[^，。；,;]{0,4}(年底|月底|年前|\d{1,2}月\d{1,2}[日号]|\d{1,2}月底)/);
  // a limit others set, where the enterprise asks for more time ("说要月底前弄完…能不能延到下个月", "让我们15天内整改完…申请延期")
  if (/(延到|延期|推迟|宽限|延长|缓一缓|往后推)/.test(text)) reading.take(LIMIT_SET_BY_OTHERS);
  // rounds 140 and 142: whether a filing is due by a day, asked ("申报材料这周五之前要交齐吗？", "表格是月底前要交齐吗？"): the
  // limit is the office's, not a date asked for
  reading.take(/((这|本|下)?(周|星期|礼拜)[一二三四五六日天]|月底|年底|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])(之前|前)?(要|得|必须)(交|报|提交|报送|递交|填报|申报)[齐好上完]?[^，。；,;？?\s]{0,2}(吗|嘛|么)[？?]?/);
  // "禮拜六開門嗎": when an office is open, asked
  reading.take(/(周|星期|礼拜)[一二三四五六日天](开门|上班|办公|营业)(吗|不|没|嘛|么)/);
  // "说明天要去州上上访": what others threaten to do, not a date asked for
  reading.take(/(说|(?<!电|讲|对|的)话|扬言|威胁|放话|嚷着)[^，。；,;]{0,2}(明天|后天|下(周|星期|礼拜)[一二三四五六日天]?)[^，。；,;]{0,2}(去|来)/);
  // rounds 33–34: an arrival ("our GM arrives next Monday"), what stock lasts
  // until ("库存只够撑到明天中午") and what others will do ("银行今天通知明天要抽贷"): when things happen, not asked for
  reading.take(/\b(arriv(?:es|e|ing)|lands?|comes?|starts?)\s+(?:on\s+)?(?:this|next)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i);
  reading.take(/(只够|够|撑到|顶到)[^，。；,;]{0,2}(明天|后天)/);
  // rounds 59–62: what others plan to do ("二十多个工友准备明天去公司门口讨说法")
  reading.take(/(准备|打算|约好|商量着?)(明天|后天)[^，。；,;]{0,2}(去|来|到)/);
  reading.take(/(通知|说|讲)[^，。；,;]{0,2}(明天|后天)(就)?要?(抽贷|收贷|停|断|查|来|强拆|拆|腾退|搬)/);
  // round 130: what others threaten or plan ("讲不同意明天就断电断网", "街道讲月底要拆"), a day an event is set for ("日子定在12月8号")
  reading.take(/(通知|说|讲)[^，。；,;]{0,5}(明天|后天)就要?(断|停|拆|搬|收)/);
  reading.take(/(说|讲|通知)[^，。；,;]{0,4}(本?月底|年底)前?要(拆|搬|腾退|清场|收回)/);
  // round 131: a day others set for what they do ("通知明天全天停电检修", "自来水公司讲明天才来", "银行…通知…明天就要还")
  reading.take(/(通知|讲|说)[^，。；,;]{0,3}(明天|后天)[^，。；,;]{0,3}(停电|停水|停气|检修|才来|才能来|就要还|要还)/);
  reading.take(DAY_FIXED);
  // rounds 43–46: a limit others set ("街道说本月底前必须搬走"), what others say they will do ("工人说明天就不干了", "采购商说后天要是…就取消")
  reading.take(TOLD_TO_MOVE_BY);
  // round 96: a repair others say runs until tomorrow ("热电说要抢修到明天"), weather forecast for a weekday ("周四有台风")
  reading.take(/(说|讲|通知|答复|估计)[^，。；,;]{0,6}修到(明天|后天)(?!之?前)/);
  reading.take(/(?:周|星期|礼拜)[一二三四五六日天](?:有|要来|会有)(?:台风|暴雨|大雨|大风|寒潮|降温)/);
  reading.take(/(说|扬言|放话)[^，。；,;]{0,2}(明天|后天)(就)?(不干|走人|辞职|罢工)|(说|讲)[^，。；,;]{0,2}(明天|后天)要是/);
  // rounds 47–50: threats with a condition ("讲不给钱明天就去市政府"), what others demand ("通知12月31日前必须腾退",
  // "叫我们下周五前自己拆") and what the government said it would do ("区里讲年底前兑现的"); the corpus keeps
  // "限期12月20日前整改完" and "说好11月底前拨付的" as requested dates (c1727, c6877); "让我们月底前搬走" too (c1470), but four
  // later texts of that shape are labelled without a date (让我们年底前搬走 / 腾退 / 12月15号前清场): it counts as the others' limit
  reading.take(/(说|讲|扬言|威胁|放话)[^，。；,;]{0,6}(明天|后天)就?要?(去|来)/);
  reading.take(ORDERED_TO_MOVE);
  reading.take(/(讲|说)是?(?!好)[^，。；,;]{0,6}(年底|月底|\d{1,2}月底)前(兑现|发|拨付|到位|办好|给)的/);
  // round 124: what others said they would do by a day, and then did not ("街道说月底前清场 到现在一点动静没有",
  // "区里说年底前到位 可俺们…")
  reading.take(/(?<![跟和给帮同][^，。；,;]{0,8})(讲|说)是?(?!好)[^，。；,;]{0,6}(年底|月底|\d{1,2}月底)前(兑现|发|拨付|到位|办好|给|清场|拆除?|修好|弄好)(?=[\s，,]*(可(?!以|否|不可)|但|可是|但是|结果|到现在|现在|至今|到今天))/);
  // round 198: "这礼拜一直不稳": a week and 一直 (all along), not Monday ("周一直接来" is)
  reading.take(/(?:本|这|下|上)?(?:周|星期|礼拜)一(?=直(?!接|播|营|达|销|供|飞|通|奔))/);
  // "礼拜六跳了两趟", "周三来了一趟": a weekday when something happened (not "周五就要停产了", "周五前")
  reading.take(/(?<![下本这上])(?:周|星期|礼拜)[一二三四五六日天](?![^，。；,;]{0,6}(要|就|会|得|前|之前|必须|能|再|给))(?=[^，。；,;]{0,4}了)/);
  // (round 239: "材料周一交的，…本周五前来核查": a weekday something was handed in on is past)
  // (not a limit asked about: "申请表最晚周三交的吧？")
  reading.take(/(?<![下本这晚迟要得])(?:周|星期|礼拜)[一二三四五六日天](?:就|已经?)?(?:交|报|递|送|提交|申请|报上去|送上去|交上去)的(?![吧吗么呢])/);
  // rounds 41–42: the date a letter is written, under its signature ("…有限公司 2026年11月23日"); a limit others set
  // ("被要求三天内腾退", "叫我们三个月内搬走"); a threat ("放话明天要组织人堵路"); a visit or a ceremony ("plan to visit
  // around Dec 8", "20th anniversary ceremony on Dec 18"): none of them is asked for
  reading.take(/(有限公司|公司|集团|厂)\s+\d{4}年\d{1,2}月\d{1,2}日\s*$/);
  reading.take(ORDERED_WITHIN);
  reading.take(/(扬言|威胁|放话|嚷着)[^，。；,;]{0,2}(明天|后天|下(周|星期|礼拜)[一二三四五六日天]?)/);
  reading.take(EVENT_ON_ENGLISH_DATE);
  // rounds 108 and 111: the enterprise's own ceremony on a day ("下个月15号我们新产线投产仪式", "开业仪式，12月18号"): when
  // it happens, not a day the problem is asked to be solved by (a day with 前 is still one: "仪式前把路修好")
  reading.take(EVENT_ON_DAY);
  // "12月18号是我们西部牧场乳业建厂十周年": one's own anniversary on that day
  reading.take(OWN_DAY);
  // rounds 108–110: others' schedule and one's own plan ("包商说要等明天才能处理", "限气通知 下周一开始", "我们计划12月1号进场")
  reading.take(OTHERS_WAIT_UNTIL);
  // rounds 348 and 354: when others say they will come or be done ("移动公司讲要明天才能修", "施工单位说消防喷淋要月底才装得完",
  // "路灯整改说是月底完工"), the enterprise asking an earlier day or none (the corpus: 0 of 46 labelled with the day they say)
  reading.take(OTHERS_DONE_BY);
  reading.take(NOTICE_FROM_DAY);
  // round 244: when a paper others make comes out ("审计报告下周二出，能不能在12月10号前拨下来"): their schedule, not the day asked
  reading.take(PAPER_OUT_ON);
  reading.take(OWN_PLAN_ON_DAY);
  reading.take(OWN_PAPERS_BY_DAY);
  // "by the end of this month", "before the end of the year"
  if (reading.take(/\b(by|before|until|till)\s+(the\s+)?end\s+of\s+(this|the)\s+month\b|\bby\s+month[- ]end\b/i)) out.push(fmt(reading.today().endOf('month')));
  if (reading.take(/\b(by|before|until|till)\s+(the\s+)?end\s+of\s+(this|the)\s+year\b|\bby\s+year[- ]end\b/i)) out.push(fmt(reading.today().endOf('year')));
  // English dates: "before Dec 15", "on 30 Nov", "arrive on 18 Dec"
  while ((m = reading.take(ENGLISH_DATE))) {
    const month = ENGLISH_MONTHS.indexOf((m[1] ?? m[4])!.slice(0, 3).toLowerCase()) + 1;
    const day = Number(m[2] ?? m[3]);
    let d = DateTime.fromObject({ year: reading.today().year, month, day }, { zone: now.zone });
    if (d.isValid && d < reading.today().minus({ months: 2 })) d = d.plus({ years: 1 });
    out.push(fmt(d));
  }
  // "by this Friday", "before next Monday"
  while ((m = reading.take(/\b(?:by|before|on|until|till|since)?\s*(this|next|last)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i))) {
    if (/^(since|last)\b|\blast\b/i.test(m[0].trim())) continue; // "since last Thursday": the past
    const target = ENGLISH_WEEKDAYS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    let d = reading.today().minus({ days: reading.today().weekday - 1 }).plus({ days: target - 1 + (m[1]?.toLowerCase() === 'next' ? 7 : 0) });
    if (!m[1] && d < reading.today()) d = d.plus({ days: 7 });
    out.push(fmt(d));
  }
  if ((m = reading.take(/(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})[日号]?/))) {
    out.push(fmt(DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { zone: now.zone })));
  }
  if ((m = reading.take(NEXT_MONTH_DAY))) {
    const day = cnNumber(m[1]!);
    const base = reading.today().plus({ months: 1 });
    if (day && day <= base.daysInMonth!) out.push(fmt(base.set({ day })));
  }
  while ((m = reading.take(MONTH_DAY))) {
    const month = cnNumber(m[2]!);
    const day = cnNumber(m[3]!);
    if (month && day && month <= 12) {
      let d = DateTime.fromObject({ year: reading.today().year + (m[1] ? 1 : 0), month, day }, { zone: now.zone });
      // "1月10日" written in November means next January
      if (!m[1] && d.isValid && d < reading.today().minus({ months: 2 })) d = d.plus({ years: 1 });
      out.push(fmt(d));
    }
  }
  if ((m = reading.take(WORKING_DAYS_WITHIN))) {
    const n = cnNumber(m[1]!);
    if (n) out.push(cal.addWorkingDays(fmt(reading.today())!, n));
  }
  if ((m = reading.take(DAYS_WITHIN))) {
    const n = cnNumber(m[1]!);
    if (n) out.push(fmt(reading.today().plus({ days: n })));
  }
  if ((m = reading.take(WEEKS_WITHIN))) {
    const n = cnNumber(m[1]!);
    if (n) out.push(fmt(reading.today().plus({ days: 7 * n })));
  }
  if ((m = reading.take(MONTHS_WITHIN))) {
    const n = cnNumber(m[1]!);
    if (n) out.push(fmt(reading.today().plus({ months: n })));
  }
  if (reading.take(/下个?月(底|末)/)) out.push(fmt(reading.today().plus({ months: 1 }).endOf('month')));
  // "我们12月底要并网", "争取明年3月底前投产": the end of the month named, as a limit
  if ((m = reading.take(MONTH_END_NAMED))) {
    const month = cnNumber((m[2] ?? m[4])!);
    const year = m[1] ?? m[3];
    if (month && month <= 12) {
      let d = DateTime.fromObject({ year: reading.today().year + (year === '明年' ? 1 : 0), month, day: 1 }, { zone: now.zone }).endOf('month');
      // "1月底" written in November means next January; "今年3月底" stays this year (the past)
      if (!year && d < reading.today().minus({ months: 2 })) d = d.plus({ years: 1 }).endOf('month');
      out.push(fmt(d.startOf('day')));
    }
  }
  // "月底/年底" asks for a date when it is a limit ("月底前", "月底就到期", "争取年底"), not when it names a season
  // ("年底订单多") or the past ("上个月底", "去年年底")
  if (reading.take(MONTH_END)) out.push(fmt(reading.today().endOf('month')));
  if (reading.take(YEAR_END)) out.push(fmt(reading.today().endOf('year')));
  // "能不能元旦前修好": before the coming New Year's Day, the last day of this year
  if (reading.take(/(?<!过了?)元旦(前|之前|以前)/)) out.push(fmt(reading.today().endOf('year')));
  if (reading.take(/(本周|这周|这个星期|本星期)(之内|内)/)) out.push(fmt(reading.today().plus({ days: 7 - reading.today().weekday })));
  // "企业希望年内完成挂牌": within the year, asked
  if (reading.take(/(希望|争取|力争|要求|务必|必须)[^，。；,;]{0,4}(年内|今年内|年底内)/)) out.push(fmt(reading.today().endOf('year')));
  // "今晚12点关闭": a system or a window closing today
  if (reading.take(/(今晚|今天晚上|今天下午|今天上午|今日)([\d一二三四五六七八九十两]{1,3}点)?(前|之前)?(关闭|截止|结束|关门|关(?!于|系|注|键))/)) out.push(fmt(reading.today()));
  // "deadline是12/18", "截止12/5": a month and day written with a slash after a word of limit
  if ((m = reading.take(/(?:deadline|ddl|截止|截止日期|到期)\s*(?:是|为|:|：)?\s*(\d{1,2})\/(\d{1,2})(?!\/|\d)/i))) {
    let d = DateTime.fromObject({ year: reading.today().year, month: +m[1]!, day: +m[2]! }, { zone: now.zone });
    if (d.isValid && d < reading.today().minus({ months: 2 })) d = d.plus({ years: 1 });
    out.push(fmt(d));
  }
  // "今天是最后一天": the limit is today; "月底有一笔贷款到期": a month-end expiry
  if (reading.take(/(今天|今日)(是|就是)?(最后一天|截止日|截止|最后期限)/)) out.push(fmt(reading.today()));
  if (reading.take(/(?<!上个?)(月底|月末)[^，。；,;]{0,10}到期/)) out.push(fmt(reading.today().endOf('month')));
  if (reading.take(/(本月|这个月|当月)(之内|内|以内)/)) out.push(fmt(reading.today().endOf('month')));
  reading.take(/(上上|上个?)(?:周|星期|礼拜)[一二三四五六日天1-7]/); // the past: not a requested date
  // "最好下周三前能把坑填上，周四有一批分段要运": a bare weekday after a limit of 下周X, later in that week, is in that week
  // too (not a limit of its own: "下礼拜二到期…最迟周五前")
  let nextWeekDay = 0;
  // ("下周日本总部来人": 日本 is Japan, not Sunday)
  // ("下个礼拜三", "下下个星期五": 个 changes nothing)
  while ((m = reading.take(/(下下个?|下个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六天1-7]|日(?!本))/))) {
    const target = WEEKDAY[m[2]!]!;
    const next = reading.rest.slice((m.index ?? 0) + 1);
    const said = m[1]?.replace(/个$/, '');
    const prefix = said ?? (nextWeekDay && target > nextWeekDay && !/^\s*(前|之前|以前)/.test(next) ? '下' : undefined);
    if (said === '下' && (/^\s*(前|之前|以前)/.test(next) || /(希望|最好|争取|务必|要求)[^，。；,;]{0,3}$/.test(reading.rest.slice(0, m.index ?? 0)))) nextWeekDay = target;
    const monday = reading.today().minus({ days: reading.today().weekday - 1 });
    if (prefix === '下下') out.push(fmt(monday.plus({ days: 14 + target - 1 })));
    else if (prefix === '下') out.push(fmt(monday.plus({ days: 7 + target - 1 })));
    else {
      let d = monday.plus({ days: target - 1 });
      if (!prefix && d < reading.today()) d = d.plus({ days: 7 });
      out.push(fmt(d));
    }
  }
  if (reading.take(/大后天/)) out.push(fmt(reading.today().plus({ days: 3 })));
  if (reading.take(/后天(?!天)|后日/)) out.push(fmt(reading.today().plus({ days: 2 })));
  if (reading.take(/(明天|明日)/)) out.push(fmt(reading.today().plus({ days: 1 })));
  // 今天之内, 今天下午四点前, 能不能今天先给…, 能不能协调今天就抢修, 今天必须…: asked for today (a bare 今天 tells when something happened)
  if (reading.take(/(今天|今日)(上午|中午|下午|晚上)?([\d一二三四五六七八九十两]{1,3}点半?)?(之内|内|之前|前|下班前)|(能不能|能否|可否|务必|必须|一定要?)(帮忙|帮我们|帮)?(协调|安排)?(今天|今日)|(今天|今日)(能不能|能否|可否)|(今天|今日|今晚|今天晚上)(必须|务必|一定要?)|(今天|今日)(就)?(到期|截止)|(?<!(?:说|讲|称)[^，。；,;]{0,6})(今天|今日)就?得(整|弄|办|处理|搞|修|解决)(?![^，。；,;]{0,3}的)(?!到)|(今天|今日)(能|就能)[^，。；,;\s]{0,3}最好|麻烦(今天|今日)|(请|麻烦|能不能|能否|让|求|帮忙|帮着|最好|希望)(?:(?!我们|俺们|我)[^，。；,;]){0,10}(今天|今日)(上午|中午|下午|晚上)?就?(推迟|延后|改期|送电|恢复|给|帮忙|帮|来|过来|到现场|派人|协调|督促|清|处理|解决|答复|回复|办|批|撤|看|安排|弄|搞|放|发)|(?<!(?:说|讲|称|答应|承诺)[^，。；,;]{0,3})(最迟|最晚)(今天|今日|今晚)(要|得|必须)?(给|答复|回复|回个?话|回)/)) out.push(fmt(reading.today()));
  // (round 149: "本月30号前": this month's day named with the month)
  if ((m = reading.take(/(?:(本月|这个月|当月)|(?<![\d月]))(\d{1,2})[日号](?:前|之前|以前)/))) {
    const day = Number(m[2]);
    let d = reading.today().set({ day: Math.min(day, reading.today().daysInMonth!) });
    // (with 本月 said, a day gone by is not next month's: "本月10号前已经把材料交齐了" tells the past)
    if (d < reading.today() && !m[1]) d = reading.today().plus({ months: 1 }).set({ day });
    if (d >= reading.today()) out.push(fmt(d));
  }
  return out;
}
