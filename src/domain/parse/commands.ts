import type { Correction } from '../correction.js';
import type { Outcome, RatingLevel } from '../ticket-state.js';
import { CATEGORIES, type Category, type Urgency } from '../ticket.js';
import { parseEnterprise } from './enterprise.js';

/**
 * A ticket reference: `#12`, `＃12`, `12号问题`, `12号工单`, `工单12`, `第12号`, `274号` at the head of a message followed by
 * a space, a comma, 我, 已, 不是 or a correction's 应该 / 改为 (`58号我签收了`, `139号应该是一般`; not `28号没送电`, a date), `那个24号 `
 * at the head, `对88号的处理`, `给84号打个差评`, `26号的问题…`, `31号那个问题…`, `18号：…`, `【进展】59号：`, `看一下77号`,
 * `请问44号现在…`, `85 我来`, `这个我来跟吧 62号`, a number that is no day of the month at the head (`118号又跳闸了`; not `52号文`, `36号楼`), `第86号` alone (not `第3号路灯`), and a command verb with its number (`办结61号 …`, `签收 125号`). The number is in one of the groups.
 * Last, a bare number of two to seven digits opening the message (round 134's cadres type no # or 号), unless a `#N` comes
 * later: before a command's words (`217我接了`, `181到哪一步了`), or before a space and, within a few characters, a word of
 * the work (`175 已经约了…`, `237 住建局回复说…`, `143 办结`) — not a year or a hotline (`2025 的补贴…`, `12333 打了…`),
 * nor a count or a brand of day (`618 大促…`, `500 不是问题…`, `95满意度…`).
 */
export const TICKET_REF =
  /#\s*(\d{1,7})(?!\d)|(\d{1,7})(?!\d)\s*号(?:问题|工单|单子?)|第\s*(\d{1,7})(?!\d)\s*号(?!\s*(?:路灯|楼|栋|厂房|车间|仓库|宿舍|线|机|门|口|地块|桩|窗口|柜|位|车位|井|杆))|(?:工单|问题)\s*(\d{1,7})(?!\d)|^(?:(?:收到|好的|好)[，,\s]*)?(?:(?:认领|签收|办结|答复|转办|退单|催办|重办|评价一下|评价下|评价)\s*)?(\d{1,7})(?!\d)号(?=[\s，,]|$|我|已|不是|应该|应是|应为|改为|改成|转(?!账|让|型|产)|交给)|那个\s*(\d{1,7})(?!\d)号(?=[\s，,]|的事|的问题|的单子)|这个\s*((?:3[2-9]|[4-9]\d|[1-9]\d{2,6}))(?!\d)号(?=[\s，,]|是|我来|的事|的问题|的单子)|^(\d{1,7})(?!\d)号(?!前|之前|以前|上午|下午|晚上|早上|中午)(?=办得|处理得|那张|这张|那单|这单|现在|目前|[^，。；,;]{0,6}状态|[^，。；,;]{0,12}(?:进展|进度|处理结果|满意|评价|打个?分|不算问题|不是问题|填错|搞错|弄错|企业是|类别|认领|签收|办结|答复|重开|重办|撤掉|撤了|冇人理|没人理|催下|催一下|催催))|对\s*(\d{1,7})(?!\d)号的(?=处理|答复|办理|服务)|给\s*(\d{1,7})(?!\d)号(?=打|评)|给\s*(\d{1,7})(?!\d)\s*(?=打(?:个|了)?(?:[1-5一二三四五]\s*(?:颗|个)?星|好评|差评|满分))|^(\d{1,7})(?!\d)\s+(?=非常满意|很满意|满意|不满意|好评|差评|[1-5一二三四五]\s*(?:颗|个)?星(?!期))|(?:催一下|催下|催催|查一下|查下)\s*(\d{1,7})(?!\d)号|^(?:【[^】]{1,6}】\s*)?(\d{1,7})(?!\d)号(?=的(?:问题|事|单子)|那个[^，。\s]{0,6}?(?:问题|事|单子)|[：:])|(?:看一下|看下|请问|问下|问一下)\s*(\d{1,7})(?!\d)号(?=[\s，,。？?]|$|现在|进度|是|到)|^(\d{1,7})(?!\d)\s+(?=我来|我认领|我接|我签收)|^((?:3[2-9]|[4-9]\d|[1-9]\d{2,6}))号(?![\s，,]*(?:路灯|楼|栋|厂房|车间|仓库|宿舍|线|机|门|口|地块|桩|窗口|柜|位|车位|井|杆|文|令|院|路|街|库|房|地|码头|泊位|台|罐|炉))|^(?:认领|签收|办结|答复|转办|退单|催办|重办|评价)\s*(\d{1,7})(?!\d)(?=[\s，,。:：]|$)(?!\s*[个件条项家位天月年号万元%])|(?:认领|签收|办结|催办|评价|转办|重办)\s*(\d{1,7})(?!\d)号$|(?<=(?:我来|我接)(?:跟|跟进|处理|负责)?吧?[\s，,]{0,2})(\d{1,7})(?!\d)\s*号\s*$|^(?![^#＃]*[#＃]\s*\d)(\d{2,7})(?!\d)(?:(?<!^(?:(?:19|20)\d\d|12\d{3}|9\d{4}|[48]00|11\d|12[02]))\s+(?=[^，。,.？?！!]{0,8}?(?:已|我接|我来|认领|签收|办结|催|转给|转办|转区|退回|进度|进展|到哪|谁在办|非常满意|很满意|基本满意|不满意|满意(?![度率])|[一二三四五1-5]\s*星(?!期)|又|没解决|还没动静|还没人|督办|重新|延期到|分类|类别|企业名|改成|改为|现场看过|回复说|收到)|(?![个名位家件台辆吨亩元万多余])[^#＃\n]{0,30}[，,]\s*(?:办结|已办结|结案|满意|[^，,。\s]{0,4}(?:改成|改为)(?:一般|紧急|普通))[。！!]?$)|(?<!^(?:12\d{3}|9\d{4}|[48]00))(?=我接|我来|我認|我认|认领|認領|签收|簽收|办结|辦結|已办结|催一下|催下|催办|不是(?:我们|我們|企业|企業)|企业名|企業名|类别|類別|到哪|进度|進度|进展|進展|(?:非常|很|基本|挺)满意|不满意|说修好|說修好|转给|轉給|转办|轉辦|退回|谁在办|誰在辦))/;
/** Every ticket reference of a text, to take them out of it. */
const TICKET_REFS = new RegExp(TICKET_REF.source, 'g');

/** 好差评 level named in a message: words first (longest first), then 1–5 stars. */
export function ratingFrom(t: string): RatingLevel | null {
  if (/非常不满意|很不满意|差评/.test(t)) return /非常不满意|很不满意/.test(t) ? 'very_dissatisfied' : 'dissatisfied';
  if (/不满意/.test(t)) return 'dissatisfied';
  if (/非常满意|很满意|十分满意|特别满意/.test(t)) return 'very_satisfied';
  if (/基本满意|还行|一般/.test(t)) return 'basically_satisfied';
  if (/满意|好评/.test(t)) return 'satisfied';
  // "#139 満足です。ありがとう": a Japanese manager's word
  if (/大変満足|大变满足|とても満足/.test(t)) return 'very_satisfied';
  if (/(満足|满足)です/.test(t)) return 'satisfied';
  // "⭐⭐⭐⭐" : the stars themselves
  const drawn = /[⭐★🌟]{1,5}/u.exec(t)?.[0];
  const star = /([1-5一二三四五])\s*(?:颗)?星/.exec(t)?.[1] ?? (drawn ? String([...drawn].length) : undefined);
  if (star) {
    const n = '一二三四五'.includes(star) ? '一二三四五'.indexOf(star) + 1 : Number(star);
    return (['very_dissatisfied', 'dissatisfied', 'basically_satisfied', 'satisfied', 'very_satisfied'] as const)[n - 1]!;
  }
  return null;
}

/** 答复 outcome named in a resolve message; 已解决 unless another is named. */
export function outcomeFrom(t: string): Outcome {
  if (/部分解决/.test(t)) return 'partial';
  if (/暂无法解决|无法解决|暂不能解决|挂账/.test(t)) return 'unresolvable';
  if (/解释说明|已解释|做好解释|无政策依据|没有政策依据|暂无政策依据/.test(t)) return 'explained';
  return 'resolved';
}

/** The free text of a command: the message without the verb, the ticket reference and leading punctuation. */
export function commandNote(t: string): string {
  return t
    .replace(TICKET_REFS, ' ')
    .replace(/^\s*(认领|签收|办结|答复(?:(?:企业|对方)\s*(?=[:：]))?|转办|退单|退回|进展|进度更新|更新|催办|重办|评价)\s*/, '')
    .replace(/^[\s:：,，。]+/, '')
    .replace(/^(进展|进度|办结|答复(?:(?:企业|对方)\s*(?=[:：]))?|退单|理由|原因)[\s:：]*/, '')
    // (found trying the product: "#1 答复企业：已协调…" kept "企业：" at the head of the answer the enterprise reads)
    // ("进展 95号：住建局今天下午现场看了…": the ticket's number and a colon heading the note)
    .replace(/^\d{1,7}\s*号\s*[：:]\s*/, '')
    .trim();
}

/** A clause that only takes the ticket or acknowledges it ("已签收", "这个我认领了", "我来跟", "收到"). */
const CLAIM_CLAUSE = /^(?:这个|这件|这单|该单|此单)?我?(?:已经?|来|先)?(?:签收|认领|接单|接手|接了|跟进|跟|办|负责|处理)(?:了|啦|一下|吧)?$|^(?:收到|好的|好|ok|OK|明白)$/;

/**
 * What a cadre tells after taking the ticket ("#79 已签收，电话联系了企业负责人，明天上门核实情况" → "电话联系了企业负责人，
 * 明天上门核实情况"): the clauses that do more than take it, when they say something (six characters or more); else "".
 */
export function claimNote(t: string): string {
  const clauses = commandNote(t).split(/[，,。；;！!\s]+/).filter((c) => c && !CLAIM_CLAUSE.test(c));
  const note = clauses.join('，');
  return (note.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) >= 6 ? note : '';
}

/** Why the enterprise reopens ("#12 还没解决 正式验收还没做" → "正式验收还没做"): the note without the request itself. */
export function reopenNote(t: string): string {
  return commandNote(t)
    .replace(/^(申请)?(重新打开|重办|重新办理|重新处理|(?:还是|还|仍然|依然|根本)?(?:没有|没|未|冇)(?:解决|修好|弄好|搞好|处理好|办好))(一下|啊|呀|哦|嘛|呢|了)?[\s:：,，。!！]*/, '')
    .replace(/^(?:理由|原因|说明)[\s:：]*/, '')
    .trim();
}

const RATING_WORDS = /(非常不满意|很不满意|差评|不满意|非常满意|很满意|十分满意|特别满意|基本满意|还行|一般|满意|好评|[1-5一二三四五]\s*(?:颗)?星|[⭐★🌟]{1,5})/u;

/** What the enterprise says with its rating ("#12 不满意 还是没通电" → "还是没通电"): the note without the level. */
export function ratingNote(t: string): string {
  return commandNote(t.replace(RATING_WORDS, ' '))
    .replace(/^[\s:：,，。]*(?:理由|原因|说明)?[\s:：]*/, '')
    .trim();
}

/** Other words people use for a category (the labels themselves, their keys and their parts match too). */
const CATEGORY_WORDS: [RegExp, Category][] = [
  [/用工|招工|人才|招聘|社保/, 'talent'],
  [/用电|供电|供水|供气|水电|电力|网络|通信/, 'utilities'],
  // (the approvals the taxonomy lists under 审批手续: 规划许可, 环评, 能评, 审图, 消防审查, 竣工验收, 立项/备案)
  [/审批|手续|证照|许可|环评|能评|审图|消防(审查|验收|审批|备案)|竣工验收|立项|备案|^(规划|消防|验收)$/, 'approval'],
  [/用地|土地|拆迁|征地/, 'land'],
  [/融资|资金|贷款|金融/, 'finance'],
  [/政策|补贴|奖补|兑现/, 'policy'],
  [/基础设施|配套|道路|管网/, 'infrastructure'],
  [/施工|安全|建设/, 'construction'],
  [/纠纷|矛盾|信访/, 'dispute'],
  [/招商|市场/, 'market'],
];

/** A category as named in a correction: its label, key or a part of it ("用工人才类", "talent", "用工"); null if none. */
export function categoryFrom(text: string): Category | null {
  const v = text.trim().replace(/^[“"'‘]|[”"'’。.，,]$/g, '').replace(/(类别|类|问题)$/, '').trim();
  if (!v) return null;
  const keys = Object.keys(CATEGORIES) as Category[];
  const exact = keys.find((k) => k === v.toLowerCase() || CATEGORIES[k] === v);
  if (exact) return exact;
  const part = keys.find((k) => v.length >= 2 && (CATEGORIES[k].includes(v) || v.includes(CATEGORIES[k])));
  if (part) return part;
  if (/^其他|^其它/.test(v)) return 'other';
  return CATEGORY_WORDS.find(([re]) => re.test(v))?.[1] ?? null;
}

const SET = '(?:改为|改成|更正为|更改为|调整为|修改为|应为|应该是|应是|设为|标为|标记为|归为|归入|是|为|[:：])';
const URGENCY_WORDS: Record<string, Urgency> = { 紧急: 'urgent', 加急: 'urgent', 急件: 'urgent', 一般: 'normal', 普通: 'normal', 不紧急: 'normal', 非紧急: 'normal', 正常: 'normal' };

/** A level word standing alone ("一般咨询", "是普通件", not "都是普通工人"). */
const LEVEL_ALONE = '(?=件|的|咨询|问题|事项|[\\s，,。]|$)';
/** Not urgent, said among why a misjudged urgency is to change ("不是很急", "就是一般咨询"; not "等不急了", "不急不行"). */
const SAID_CALM = new RegExp(`(?:不是|不算|不用|不需要|不必|没必要)(?:标|算)?(?:紧急|加急|急件)|(?:不是|没有?|不)(?:很|那么|太)急|(?<![等来赶])不(?:着|用|紧)?急(?!不行|了)|没那么急|(?<!不)(?:就是|只是|是|算|属于)(?:一般|普通)${LEVEL_ALONE}`);
/** Urgent, said so ("不是一般", "要加急", "不急不行"). */
const SAID_PRESSING = new RegExp(`(?:不是|不算)(?:一般|普通)${LEVEL_ALONE}|(?:要|得|应该|需要|请)加急|(?<!不)(?:是|算|属于)(?:紧急|急件)|(?<!不是|没有?|不)(?:很|特别)急|不急不行`);
/** The correction forms with SET in them, built once. */
const URGENCY_SET = new RegExp(`^(?:紧急程度|紧急度|优先级|缓急)?\\s*${SET}\\s*(紧急|加急|急件|一般|普通|不紧急|非紧急|正常)(?:件|工单)?$`);
// (round 99: "#171 这个不算急事，企业就是问问政策，紧急改成一般": why first, the level changed at the end)
const URGENCY_SET_AFTER = new RegExp(`[\\s,，。;；](?:紧急程度|紧急度|优先级|紧急|加急|一般|普通)?\\s*(?:改为|改成|更正为|调整为|修改为|调成|调为|降为|升为|标为)\\s*(紧急|加急|急件|一般|普通|正常|不紧急|非紧急)(?:件|工单)?[。!！]?$`);
const ENTERPRISE_SET = new RegExp(`^(?:企业|公司|单位|企业名称|所属企业)\\s*${SET}\\s*(.{2,40})$`);
const CATEGORY_SET = new RegExp(`^(?:类别|分类|类型|问题类别)\\s*${SET}?\\s*(.{1,20})$`);

/** A message said to be no problem, or posted by mistake ("这条发错群了", "刚才那条发错了"; not "供应商货发错了"). */
export const WITHDRAWN = /(不是个?问题|不算个?问题|发错群|(这条|那条|刚才|刚刚|消息)[^，。]{0,6}发错了)/;

/** Words that read as an enterprise's name ("府谷县金凤镁合金"; not "线上办理", "误报", "上个月"). */
const readsAsName = (words: string): boolean => parseEnterprise(words) !== null;
/** A match whose name reads as an enterprise's. */
const nameLike = (m: RegExpExecArray | null): RegExpExecArray | null => (m && readsAsName(m[1]!) ? m : null);
/** The same, where the words may open with a place the places list lacks ("扎兰屯金禾大豆食品"): read as one says one is it. */
const nameSaid = (m: RegExpExecArray | null): RegExpExecArray | null => (m && (readsAsName(m[1]!) || (m[1]!.length >= 4 && readsAsName(`我们是${m[1]!}，`))) ? m : null);

/** A ticket's field as named in a correction (分类, 紧急程度, 企业名称 …). */
const FIELD = '(?:分类|类别|类型|紧急程度|紧急度|优先级|企业名称|企业名字|企业名|企业|公司名称|公司名|公司)';
/**
 * A field's change begun ("#12 企业名改成宏达 不是很确定", "把 #12 的分类改成…"), whether or not the change is read: a
 * correction, asked again in its form when it is not — never the close a learned reading might make of it (found trying
 * the product).
 */
export const CORRECTION_BEGUN = new RegExp(String.raw`^[\s#＃\d号@＠店小二]*把?\s*(?:的\s*)?${FIELD}(?:也)?(?:改成|改为|更正为|应为|应该是)`);

/**
 * Where a second field's correction begins after a first: "…，紧急程度也改成一般", "；分类也改成基础设施",
 * "，另外分类改成融资资金", " 类别也改成审批" — a field named, then 也/还 and a change (not what it still is: "企业名称还是对的",
 * "分类也是用地没错"), or 另外 before it (one said alone, "…不是鑫源板材 是鑫达板业", goes on the first). The field's 也 is
 * dropped in what follows (group 1 ends before it).
 */
const SECOND_FIELD = new RegExp(
  String.raw`[\s，,。；;]+(?:另外|同时|还有|顺便)?[\s，,]*(${FIELD})(?:也|还(?!是)|同时|一并|顺便)(?=(?:要|得|需要)?\s*(?:改|调|标|更正|归)|(?:该|应该|应)\s*[是系为]?)|[\s，,。；;]+(?:另外|同时|还有|顺便)[\s，,]*(${FIELD})`,
);

/**
 * The corrections one message makes, in the order said: one, or two fields at once ("#65 企业写错了，是黔锐机械不是黔瑞
 * 机械，紧急程度也改成一般"). A name corrected first ends where the second field begins (not "博源精化；分类也改成基础
 * 设施"), also where that part reads as no correction; otherwise two parts correcting the same field, or a second that
 * reads as none, are read as one correction (the whole). Pure.
 */
export function parseCorrections(t: string): Correction[] {
  const joint = SECOND_FIELD.exec(t);
  if (joint) {
    const first = parseCorrection(t.slice(0, joint.index));
    const said = `${joint[1] ?? joint[2]!}${t.slice(joint.index + joint[0].length)}`;
    // (an enterprise said as a second field is one named or changed: not "企业也是这么说的")
    const second = parseCorrection(said);
    const named = second?.field !== 'enterprise' || /^(?:企业|公司)(?:名称|名字|名)?(?:要|得|该|应该|应|需要)?\s*(?:改|更正|应)/.test(said);
    // (nor a category none of ours said by the way: "…，另外分类没问题")
    const asked = !!second && named && !(second.field === 'category' && second.to === null);
    if (first && second && asked && first.field !== second.field && first.field !== 'dismiss' && second.field !== 'dismiss') return [first, second];
    // (a name cut where the second field begins, whatever that says)
    if (first?.field === 'enterprise' && !asked) return [first];
  }
  const one = parseCorrection(t);
  return one ? [one] : [];
}

/**
 * A character of a corrected name: not a word of a sentence (不, 没, 要 …) — 能 only inside a trade word (智能, 节能, 动能 …)
 * — nor a comma, a full stop or a space; `also` names more characters it may not be. The corrections below are built
 * once, here: none is built while a message is read.
 */
const correctedChar = (also = ''): string => String.raw`(?:(?![不没要想会在了吗呢吧${also}]|(?<![智功节动电性储热光核产效体技赋])能)[^，,。\s])`;
const CORRECTED_CHAR = correctedChar();
const NAME_RENAMED = new RegExp(String.raw`^(?:企业|公司)(?:名称|名字|名)(?:改成|改为|更正为|应为)\s*(${CORRECTED_CHAR}{2,40}?)(?:[\s,，。]+不是\s*(?!很|太|特别|问题|确定)[^，,。\s]{1,20}(?<![吧吗呢]))?$`);
const NAME_ADDED = new RegExp(String.raw`^(?:企业|公司|单位)(?:的)?(?:名称|名字|名)?(?:补一下|补充一下|补上|补个)[\s，,。：:]*(?:是|为|叫)\s*(${CORRECTED_CHAR}{2,40})$`);
/** A name put down wrong, said so (登记成, 写成, 录成 …): the head of the corrections that then give the name it is. */
const PUT_DOWN_AS = String.raw`^(?:这个|这单的?|该)?(?:企业|公司|单位)(?:的)?(?:名字|名称|名)?(?:登记成|写成|录成|填成|记成|识别成|弄成|搞成)`;
/** The change asked for after the name ("麻烦改下企业名"). */
const CHANGE_ASKED = String.raw`(?:麻烦|请)?(?:改一下|改下|改过来)(?:企业名称?|企业名字|名字|名称)?`;
const NAME_IS_NOT = new RegExp(String.raw`^(?:这个|这单的?|该)?(?:企业|公司|单位)(?:的)?(?:名字|名称|名)?(?:应该?是|应为|是)\s*(${CORRECTED_CHAR}{2,40}?)[\s,，。]+不是\s*[^，,。\s]{1,20}(?:[\s,，。]*${CHANGE_ASKED})?$`);
const NAME_PUT_DOWN_AS = new RegExp(String.raw`${PUT_DOWN_AS}\s*[^，,。\s]{1,20}?了?[\s,，。]+(?:应该?是|应为|实际是|其实是|正确的?是)\s*(${CORRECTED_CHAR}{2,40}?)(?:[\s,，。]*(?:改一下|改下|麻烦改一下|改过来)|\s*[,，。][^?？吗]{0,20})?$`);
/**
 * Round 288: "#160 企业名字写成宏港了，是鸿港，改下": put down as one name, then a plain 是 and the name it is — read only where
 * the two names share a character and the first is no kind of name, nor the second a reason or a question: not why it was put down so ("写成旧名了 是因为营业执照未变更",
 * "写成分公司了 是总公司报的", "写成华丰了 是华丰还是华峰": the review of the forty-seventh session).
 */
const NAME_PUT_DOWN_AS_PLAIN = new RegExp(String.raw`${PUT_DOWN_AS}了?\s*([^，,。\s]{1,20}?)了?[\s,，。]+是\s*(${CORRECTED_CHAR}{2,40}?)(?:[\s,，。]*${CHANGE_ASKED}|\s*[,，。][^?？吗]{0,20})?$`);
function namePutDownPlain(rest: string): RegExpExecArray | null {
  const m = NAME_PUT_DOWN_AS_PLAIN.exec(rest);
  if (!m) return null;
  const [, put, is] = m as unknown as [string, string, string];
  if (/(简称|全称|旧名|老名|拼音|英文|名字|个人|分公司|总公司)/.test(put) || /(还是|的|因为|问题)/.test(is) || ![...is].some((c) => put.includes(c))) return null;
  return Object.assign([m[0], is], { index: m.index, input: m.input }) as unknown as RegExpExecArray;
}
const NAME_NOT_THEN_IS = new RegExp(String.raw`^(?:这个|这单的?|该)?(?:企业|公司|单位)(?:名称|名字)?不是\s*(?![不没])[^，,。\s]{2,20}[\s,，。]+(?:应该?是|应为|是)\s*(${CORRECTED_CHAR}{2,40}?)(?:[\s,，。][^?？吗]{0,30})?$`);
const NAME_WRONG_IS_NOT = new RegExp(String.raw`^(?:这个|这单的?|该)?(?:企业|公司|单位)(?:名称|名字|名)?(?:不对|错了|有误)[\s，,。]+(?:报的|应该|实际|其实)?(?:是|为)\s*(${CORRECTED_CHAR}{2,40}?)[\s,，。]+不是\s*[^，,。\s]{1,20}$`);
const NAME_SET_AFTER_WHY = new RegExp(String.raw`^[^?？吗]{2,30}[\s,，。](?:企业|公司|单位)(?:名称|名字|名)?(?:改成|改为|更正为)\s*(${CORRECTED_CHAR}{2,40}?)$`);
const NAME_SET_AFTER_ANOTHERS = new RegExp(String.raw`^[^?？吗]{2,30}[\s,，。](?:企业|公司|单位)(?:名称|名字|名)?(?:要|需要|得)?(?:改成|改为|更正为)\s*(${CORRECTED_CHAR}{2,40}?)$`);
const NAME_WHOSE_IT_IS = new RegExp(String.raw`^(?:这个?|这单)?不是(?:我们|这家|这个)?企业的[\s,，。]+(?:是|应该是)\s*(${correctedChar('我你他她们')}{4,30}?)的[\s,，。]+(?:改一下|改下|要改一下|改过来)(?:企业|企业名|企业名称)?$`);
const NAME_WRONG_PUT_DOWN = new RegExp(String.raw`^(?:这个|这单的?|该)?(?:企业|公司|单位)(?:名称|名字|名)?(?:弄错了|搞错了|写错了|填错了|记错了|错了|不对|有误)[\s，,。]+(?:报的是|写的是|登记的是|写成了?|记成了?|识别成了?)\s*[^，,。\s]{2,30}[\s，,。]+(?:实际|其实|应该|正确的)?(?:是|为)\s*(?!这家|那家|他们|我们|隔壁|其|另)(${CORRECTED_CHAR}{2,40}?)(?:[\s,，。]*(?:改一下|改下|麻烦改一下|改过来))?$`);
const TICKET_BELONGS = new RegExp(String.raw`^(?:(?:这单|这个|此单|该单|这张单)应该?是|(?:改一下|改下)[\s,，。]*(?:这单|这个|此单|该单|这张单)(?:应该)?是)\s*(?:[\u4e00-\u9fa5]{2,4}的)?(${correctedChar('的我你他她们咱')}{2,40}?)的?[\s,，。]+不是\s*[^，,。\s]{1,20}$`);

/**
 * A correction of a ticket (the ticket reference anywhere in it): "#12 类别改为 用工人才", "#12 改为用工人才类",
 * "#12 类别：用工人才", "#12 改为紧急", "#12 改为一般", "#12 企业是 神马电力", "#12 不是问题（，理由）". Null when the
 * message is no correction. Pure.
 */
export function parseCorrection(t: string): Correction | null {
  const rest = t
    .replace(TICKET_REF, ' ')
    .replace(/^[\s:：,，。]+|[\s。.!！]+$/g, '')
    // (a word of thanks after it: "#601 改一下类别，应该是施工建设，谢谢", the fifty-first session's review)
    .replace(/[\s,，。]*(?:谢谢|谢了|多谢|辛苦了?|麻烦了)[\s。.!！~～]*$/, '')
    // (round 152: "刚才那个单子企业名弄错了，…，#222 改一下": the ticket pointed at before what is wrong with it)
    .replace(/^(?:刚才|刚刚)?(?:(?:那个|这个|那张|这张)(?:单子|工单)(?=(?:的)?(?:企业|公司|单位|分类|类别|紧急程度))|那单(?=的?(?:企业|公司|单位)(?:名字|名称|名)(?:写错|弄错|搞错|填错|记错|错了|不对)))/, '')
    // (round 274: "店小二 #140 不是问题哈 …": the bot called by name first)
    .replace(/^[@＠]?(?:店小二|小二)[\s,，:：]+/, '')
    // (the forty-seventh session's review: "#25 更正：企业名称是华瑞汽配", "#25 更正 类别应该是用地": the official word for a correction
    // first, then the field)
    .replace(/^更正[\s,，:：]+(?=分类|类别|类型|紧急程度|紧急度|优先级|企业|公司|单位)/, '')
    // (round 270: "把 #58 的分类改成用地拆迁": the ticket's field, set with 把)
    .replace(/^把\s*(?:这个|这单|这张单子?)?\s*的?\s*(?=分类|类别|类型|紧急程度|紧急度|优先级|企业|公司)/, '')
    // (Cantonese 改做 for 改成: "#223 唔係紧急，改做一般")
    .replace(/(?<!(?:不好|不使|不要|不用|别|使不使|要不要|需不需要)\s*)(?:改做(?=\s*(?:紧急|加急|一般|普通|正常|不紧急))|改做(\s*)([\u4e00-\u9fa5]{2,8})$)/, (all, gap: string | undefined, what: string | undefined) =>
      what === undefined ? '改成' : categoryFrom(what.replace(/类$/, '')) ? `改成${gap}${what}` : all)
    .trim();
  const dismiss = /^(?:这|此|该)?(?:个|件|条|单)?(?:不是个?问题|不是真(?:的|正的)?问题|不是(?:啥|什么)问题|不算个?问题|不属于问题|非问题|不是诉求|不是企业诉求|不是涉企问题|无效工单|不是工单)(?:来|啊|呀|的|哈|啦|嘛)?(?:[\s,，。:：;；]+(?:理由|原因|说明)?[:：]?\s*(.*))?$/.exec(rest);
  if (dismiss) return { field: 'dismiss', ...(dismiss[1]?.trim() ? { note: dismiss[1].trim() } : {}) };
  // "#144 不使跟，企业自己搞定了，不是问题": the verdict at the end
  // (round 191: "#97 这是我们内部的事，不是企业问题，标成不是问题": marked so)
  if (/[\s，,。](?:(?:标成|标为|标记为|改成|改为)\s*)?(?:不是个?问题|不算个?问题|不是诉求)(?:[\s，,。]*(?:撤销|撤掉|撤了|作废|关掉)(?:掉|吧)?)?[。!！]?$/.test(rest) && !/[?？吗]/.test(rest)) return { field: 'dismiss', note: rest };
  // "刚才那个不是问题，企业就是随口问问，#63 撤了吧", "这条发错群了，撤一下": not a problem, withdrawn, whatever is between
  if (WITHDRAWN.test(rest) && /(撤了吧|撤掉|撤一下|撤回|撤销|作废|取消了?(他|它|吧)?)[。!！吧]?$/.test(rest) && !/[?？吗]/.test(rest)) return { field: 'dismiss', note: rest };
  // "#353 这个不是企业的问题，是员工个人私事，作废"
  // (round 150: "#108 不是企业的问题 是居民个人诉求 标一下不算": not counted)
  // (round 334: "#240 不是我们企业的问题，是别个群发错了，撤销": the enterprise's own word; not "…，不要撤销，继续跟进", nor
  // "不是我们企业的问题就撤销，这个逻辑不对吧", the review found)
  if (/^(?:这|此|该)?(?:个|件|条|单)?不是(?:我们|我们的|本|咱们)?(?:企业|涉企|公司)的?(?:问题|诉求|事)/.test(rest) && /(作废|撤销|撤掉|不用办|不办|无效|撤了吧?$|撤一下$|(?:标一下|标个|标成|[，,\s])不算数?$|不(?:计入|纳入)(?:统计|考核)?$)/.test(rest) && !/[?？吗]|算不算/.test(rest) && !/(不要|不能|不该|不应该?|别|不用|不必)(撤销|撤掉|作废|撤)|继续跟进|逻辑|不对|就撤销/.test(rest)) return { field: 'dismiss', note: rest };
  // "#650 这条是咨询，不用立案", "#12 只是咨询一下": a question asked, not a problem to handle
  if (/^(?:这|此|该)?(?:个|件|条)?(?:只是|就是|属于|是|算)?(?:政策)?咨询(?:一下)?(?:[\s,，。]+(?:不用|不需要|无需|不必)(?:立案|建单|派单|办理))?$|^(?:这|此|该)?(?:个|件|条)?(?:不用|不需要|无需|不必)(?:立案|建单|派单)$/.test(rest)) {
    return { field: 'dismiss', note: rest };
  }
  // a question about the ticket ("#12 企业是否要补材料", "#12 类别是什么") corrects nothing
  if (/[?？吗呢]$|什么|哪个|哪类|是否|是不是|要不要|能不能|可不可以|有没有|会不会/.test(rest)) return null;
  // "#615 其实挺急的，改紧急", "#604 改成一般，不用紧急": the level set, with a reason before or after it
  const urgencySet = /^[^?？吗]{0,8}?(?:改成|改为|改回|调成|调为|标成|标为|改)\s*(紧急|加急|急件|一般|普通|正常|不紧急)(?:件|的)?(?:[，,。\s][^?？吗]{0,16})?$/.exec(rest);
  if (urgencySet && rest.length <= 20) return { field: 'urgency', to: URGENCY_WORDS[urgencySet[1]!]! };
  const urgency = URGENCY_SET.exec(rest);
  if (urgency) return { field: 'urgency', to: URGENCY_WORDS[urgency[1]!]! };
  // "139号应该是一般 不急的", "#12 应为紧急，企业明天停产": the level, then a few words on why
  const urgencyWhy = /^(?:应该是|应该算|应是|应为|改为|改成)\s*(紧急|加急|急件|一般|普通|正常)(?:件|的)?[\s，,。]+[^?？吗]{1,16}$/.exec(rest);
  if (urgencyWhy) return { field: 'urgency', to: URGENCY_WORDS[urgencyWhy[1]!]! };
  // "#12 这个应该是紧急，不是一般": the level it is, then the one it is not
  const urgencyNot = /^(?:这个?|这单|这件)(?:应该是|应是|应为)\s*(紧急|加急|一般|普通)(?:件|的)?[\s，,。]+不是\s*(?:紧急|加急|一般|普通)(?:件|的)?$/.exec(rest);
  if (urgencyNot) return { field: 'urgency', to: URGENCY_WORDS[urgencyNot[1]!]! };
  // "#642 这个不算紧急，改成普通", "#12 不算急件": the level said after why
  const urgencyLater = /^(?:这个?|这件|此件|该件)?(?:不算|不是|并不|没那么|没有那么)(?:紧急|急件|急)(?:的|吧)?(?:[\s,，。]+(?:(?:改为|改成|改回|调整为|调成|改|降为|降成|标为)\s*(一般|普通|正常|不紧急|非紧急)(?:件|工单)?|改一下|改下|改过来)(?:就行了?|就可以了?|就好|即可|吧)?)?$/.exec(rest);
  if (urgencyLater) return { field: 'urgency', to: 'normal' };
  // round 200: "#130 这个不急的，是一般件，被标成紧急了": not urgent, what it is, and that it was marked so
  if (/^(?:这个?|这件|此件|该件|这单)?(?:不急|不紧急|不是急件|不算急)(?:的|吧)?[\s,，。]*(?:是|算)(?:一般|普通)件?[\s,，。]*(?:被|给)?(?:标|定|弄)(?:成|为)了?(?:紧急|急件)了?$/.test(rest)) return { field: 'urgency', to: 'normal' };
  // round 188: "#178 这个不紧急 改成普通 企业说下个月再弄也行": not urgent, the level set, then why
  if (/^(?:这个?|这件|此件|该件|这单)?(?:不紧急|不是急事|不算急事|不急)(?:的|吧)?[\s,，。]+(?:改为|改成|改回|调成|调为|改|降为|降成|标为|标成)\s*(?:一般|普通|正常)(?:件|工单)?(?:[\s,，。][^?？吗]{0,30})?$/.test(rest)) return { field: 'urgency', to: 'normal' };
  // "#690 这个不急，按普通走", "#672 这个不用那么急，按普通的走": not urgent, and how to treat it instead
  if (/^(?:这个?|这件|此件|该件|这单)?(?:不急|不着急|不用那么急|不用急|没那么急|不算急)(?:的|吧)?[\s,，。]*(?:按|当|走)(?:普通|一般|正常)(?:件|工单)?的?(?:走|办|处理|流程)?$/.test(rest)) return { field: 'urgency', to: 'normal' };
  const urgencyWhyAfter = /^(?:紧急程度|紧急度|优先级|紧急|加急)\s*(?:改成|改为|改回|调成|调为|调整为)\s*(紧急|加急|一般|普通|正常)(?:件)?(?:吧|啊)?[\s，,。]+[^?？吗]{1,30}$/.exec(rest);
  if (urgencyWhyAfter) return { field: 'urgency', to: URGENCY_WORDS[urgencyWhyAfter[1]!]! };
  // "#119 紧急程度改一下 这个不急 企业说年后解决都行": the change asked for, then the level in plain words
  const urgencyPlain = /^(?:紧急程度|紧急度|优先级)(?:改一下|改下|要改一下|调一下)[\s，,。]+(?:这个?|这单|这件)?(?:(不急的?|不紧急|不着急|没那么急|不用急|不是急件|不算急件?|不是紧急件?|不是急事|不算急事|不是急的)|(很急|挺急|特别急|紧急|急))(?:[\s，,。][^?？吗]{0,30})?$/.exec(rest);
  if (urgencyPlain) return { field: 'urgency', to: urgencyPlain[1] ? 'normal' : 'urgent' };
  // "#151 紧急程度标错了 应该是紧急 工地已经停工了": the level misjudged, the level it is, then why
  // rounds 71–74: "#244 紧急程度改一下，现场已经停工了，应该是紧急": the change asked for, why, then the level
  const urgencyLast = /^(?:紧急程度|紧急度|优先级)(?:改一下|改下|要改一下|调一下)[\s，,。][^?？吗]{0,30}[\s，,。](?:应该是|应为|应是|改为|改成|改)\s*(紧急|加急|一般|普通|正常)(?:件|的)?$/.exec(rest);
  if (urgencyLast) return { field: 'urgency', to: URGENCY_WORDS[urgencyLast[1]!]! };
  const urgencyIs = /^(?:紧急程度|紧急度|优先级)(?:标错了|定错了|错了|不对)[\s，,。]*(?:应该是|应为|应是|应该算)\s*(紧急|加急|一般|普通|正常)(?:件|的)?(?:[\s，,。][^?？吗]{0,30})?$/.exec(rest);
  if (urgencyIs) return { field: 'urgency', to: URGENCY_WORDS[urgencyIs[1]!]! };
  const urgencyAfter = URGENCY_SET_AFTER.exec(rest) ??
    // "#108 紧急程度标高了 企业就是问问 不用加急 改普通": the level misjudged, why, then the level it is (round 171: "…要改成紧急";
    // round 178: "…唔係急件，改返普通", 改回 as normalised)
    /^(?:紧急程度|紧急度|优先级)(?:标高了|定高了|标低了|定低了|标错了|不对|错了)[^?？吗]{0,30}[\s,，。](?:要|得|应该)?(?:改|改为|改成|改回|调成|降为|升为)\s*(紧急|加急|一般|普通|正常)$/.exec(rest);
  if (urgencyAfter) return { field: 'urgency', to: URGENCY_WORDS[urgencyAfter[1]!]! };
  // round 223: "#143 紧急程度改一下，企业已经停产了，是急件": to be changed, why, then the level it is
  const urgencyWhyIs = /^(?:紧急程度|紧急度|优先级)(?:改一下|改下|调一下|调整一下|要改|得改)[\s,，。][^?？吗]{0,30}[\s,，。](?:是|算|应该是|应为|属于)\s*(紧急|加急|急件|一般|普通|正常)(?:件|的)?[。!！]?$/.exec(rest);
  if (urgencyWhyIs) return { field: 'urgency', to: URGENCY_WORDS[urgencyWhyIs[1]!]! };
  // rounds 75–78: "#181 紧急程度标错了 不用标紧急 企业说年后再弄也行"; round 212: "#99 紧急程度标错了，不是紧急的，企业就是咨询一下";
  // round 233: "#129 紧急程度标错了，这个不急，企业说年后再说";
  // round 240: "#186 紧急程度改一下，不是一般，窑都停了，要加急"; round 242: "#142 这个紧急程度标错了，就是一般咨询，不是紧急":
  // misjudged or to be changed, then the level said in a few words among why (the one it is not, the one it is); both
  // said, or neither, is no correction read
  // (marked too high or too low says which way; a level word is one where it stands alone, "都是普通工人" names none;
  // "不是很急", "没有很急" are calm, "不急不行" and "等不急了" are not)
  const misjudged = /^(?:这个?|这单的?)?(?:紧急程度|紧急度|优先级)(标错了|定错了|错了|不对|标高了|定高了|标低了|定低了|改一下|改下|要改一下|调一下)[\s，,。]*([^?？吗]{2,40})$/.exec(rest);
  // (either level, unsure: "是一般还是紧急我也说不好", none read)
  if (misjudged && !/还是|或者|说不好|不确定|不知道|拿不准/.test(misjudged[2]!)) {
    const said = misjudged[2]!;
    const calm = SAID_CALM.test(said);
    const pressing = SAID_PRESSING.test(said);
    const way = /高/.test(misjudged[1]!) ? 'normal' : /低/.test(misjudged[1]!) ? 'urgent' : null;
    if (way && !(way === 'normal' ? pressing : calm)) return { field: 'urgency', to: way };
    if (!way && calm !== pressing) return { field: 'urgency', to: calm ? 'normal' : 'urgent' };
  }
  const enterprise =
    ENTERPRISE_SET.exec(rest) ??
    // "#12 企业名改成宏达食品", "…，企业名也改成宏达食品": the name changed, nothing after it but the one it is not (round 270:
    // "#221 企业名改成瑞丰智能装备（中山）有限公司，唔系项目部")
    NAME_RENAMED.exec(rest) ??
    // "#635 企业名字写错了，是宏晟机电"
    // "#133 企业名称写错了 不是恒达 是恒晋煤业", "#252 企业名不对，实际注册名是博瑞羊绒制品有限公司，改一下", "#351 企业名字记错了，应该是晋江恒安鞋材，不是恒发"
    /^(?:这个|那个|这单的?|这|搿个|该|的)?(?:企业|公司|单位)(?:的)?(?:名字|名称|名)?(?:写错了?|填错了?|选错了?|弄错了|搞错了|记错了|录错了|登记错了|登错了|挂错了|标错了|识别错了|识别错误|识别有误|认错了|错了|不对|有误|改一下|改下|要改一下)[\s,，。]*(?:不是\S{1,20}?[\s,，。]*)?(?:这|这个|这家)?(?:(?:实际|正确的?|真实的?)(?:注册名称?|全称|名字|名称)?)?(?:应该?[是系]|应为|是|改为|改成|正确的是)\s*(.{2,40}?)(?:[\s,，。]*不是\S{1,20})?(?:[\s,，。]*(?:改一下|改下|麻烦改一下|改回|改过来))?$/.exec(rest) ??
    // round 122: "#243 企业名称补一下 是金沙酱源酒业": the name left out, given
    NAME_ADDED.exec(rest) ??
    // rounds 71–74: "#160 企业名字是临沧临翔区南美茶叶初制所 不是南美茶厂 改一下": the name it is, the one it is not
    NAME_IS_NOT.exec(rest) ??
    // round 135: "#155 这个企业名登记成铜韵工业了，应该是铜韵工艺，改一下": the name it was put down as, then the name it is
    // ("#138 企业名称写成了华森竹业 实际是华林竹业 改过来")
    NAME_PUT_DOWN_AS.exec(rest) ??
    namePutDownPlain(rest) ??
    // "#100 企业不是和泰电子，是和泰精密，两家是兄弟公司，改一下": the name it is not, the name it is, then why
    NAME_NOT_THEN_IS.exec(rest) ??
    // round 190: "#156 企业不对，报的是沙雅县塔河棉业，不是沙雅银棉轧花厂": wrong, the name reported, the one it is not
    nameSaid(NAME_WRONG_IS_NOT.exec(rest)) ??
    // round 142: "#120 不是兰炭厂，是镁厂，企业改成府谷县金凤镁合金": why first, the name set at the end
    nameLike(NAME_SET_AFTER_WHY.exec(rest)) ??
    // (round 221: "#170 这不是这家企业的问题，是另外一家的，企业改成华源填料", round 233: "…，企业名称要改成勐海茗悦茶业":
    // after saying it is another enterprise's, a name
    // said as one says one is it — not after a note of work done: "#12 已对接银行，企业改成信用贷款")
    (/^(?:这个?|这单|这件)?不是(?:这家|这个|我们|本)(?:企业|公司|单位)?的?|^(?:这个?|这单|这件)?不是[\u4e00-\u9fa5]{1,8}的[\s,，。]+是|另外一家|另一家/.test(rest)
      ? nameSaid(NAME_SET_AFTER_ANOTHERS.exec(rest))
      : null) ??
    // "#149 这个不是我们企业 是隔壁的鼎盛电器 企业名字改一下": the enterprise it is, told by a cadre
    /^(?:这个?|这家|这单)?不是(?:我们|这家|这个)的?企业[\s,，。]+(?:是|应该是)(?:隔壁的?|旁边的?|对面的?)?(.{2,20}?)[\s,，。]+(?:企业|公司)?(?:名字|名称)?(?:改一下|改下|要改一下|改过来)$/.exec(rest) ??
    // round 150: "#139 不是这个企业的，是扎兰屯金禾大豆食品的，改一下企业": whose it is not, whose it is, then the change
    nameSaid(NAME_WHOSE_IT_IS.exec(rest)) ??
    // round 213: "#146 企业弄错了，报的是金昌恒泰建安，实际是金昌恒泰建材，改一下": wrong, the name put down, the name it is
    nameSaid(NAME_WRONG_PUT_DOWN.exec(rest)) ??
    // "这条识别错了，#163 企业应为澄州新时代木业有限公司，不是新时代家居": what went wrong first, the name it is, the one it is not
    /^(?:这条|这个|这单|这)?(?:识别错了|识别有误|认错了|搞错了|弄错了)[\s,，。]*(?:企业|公司|单位)(?:名称|名字)?(?:应该?是|应为|是)\s*(.{2,40}?)[\s,，。]+不是\S{1,20}$/.exec(rest);
  // "#197 呢单应该係大亚湾嘅安澜石化设备，唔係惠阳嘅": this ticket is another enterprise's (a place and 的 before its name),
  // not the one it was put down to — unless what it should be is a category or an urgency ("这单应该是用工人才，不是政策兑现")
  // (round 140: "#24 改一下，这个是湘西苗香食品的，不是锦和酸鱼的": the change asked for first)
  const belongs = TICKET_BELONGS.exec(rest);
  if (!enterprise && belongs) {
    const what = belongs[1]!;
    // ("#12 改一下，这个是用工人才，不是审批": what it should be is a category)
    const category = categoryFrom(what.replace(/的事$/, ''));
    if (category) return { field: 'category', to: category, text: what.trim() };
    // (the 改一下 form only where what it should be reads as a name: not "这个是上个月的", "这个是县里的")
    if ((!/^(?:改一下|改下)/.test(rest) || readsAsName(what)) && !/^(紧急|加急|急件|一般|普通|正常|不紧急|不急)$/.test(what)) return { field: 'enterprise', name: what };
  }
  if (enterprise) {
    // ("这个是嘉力减震器报的": who reported it, the name without 报的)
    // (the forty-seventh session: what is said after the name — past a comma, 不是, or a space before how a character is
    // written, a change asked for, thanks or a contact — is about it, not part of it: "#12 企业是瑞丰农业，不是瑞峰农业，麻烦改下
    // 企业名称", "…是鑫园食品，园林的园", "…是金太 太阳的太", "…应该是宽城华栗食品，录成宽城栗园了，改一下"; 26 of the 443 names
    // corrected in the corpus kept such words before. A space inside a name stays: "中铁十局 三公司", "威海 华瑞汽配有限公司")
    const name = enterprise[1]!
      .replace(/^[“"‘「『]|[”"’」』]$/g, '')
      .replace(/(?<=[^，,\s]{2})(?:，|(?<=[\u4e00-\u9fa5）)])(?:,|\s+(?=[\u4e00-\u9fa5]{1,4}的[\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,3}(?:字旁|字头)|三点水|草字头|不是|改|麻烦|请|谢谢|联系人|电话|之前|全称|简称))|不是).*$/s, '')
      .replace(/^(?:[:：]|全称|简称)\s*/, '')
      .replace(/(?<=[\u4e00-\u9fa5]{2})(报的|提的|反映的)$/, '')
      .trim();
    if (name.length >= 2) return { field: 'enterprise', name };
  }
  // round 214: "#56 类别整错了，这不是融资的事，是政策兑现，改一下": wrong, what it is not, what it is
  const wrongThenIs = /^(?:类别|分类|类型)(?:整错了|弄错了|搞错了|标错了|分错了|错了|不对)[\s，,。]+(?:这个?)?(?:不是|不属于)[^，,。\s]{1,12}[\s，,。]+(?:是|应该是|属于|算)\s*([\u4e00-\u9fa5]{2,8}?)(?:的事|的问题|类)?(?:[\s,，。]*(?:改一下|改下|麻烦改一下|改过来))?$/.exec(rest);
  const wrongTo = wrongThenIs ? categoryFrom(wrongThenIs[1]!) : null;
  if (wrongTo) return { field: 'category', to: wrongTo, text: wrongThenIs![1]!.trim() };
  // (what it is, said in words that name no category: not read as the one it says it is not)
  if (wrongThenIs) return null;
  const named = CATEGORY_SET.exec(rest);
  // (the one it is not is no part of it, before or after: "分类改成基础设施，不是水电气网" — found trying the product, where
  // the category named second was read —, "分类错了 应该是用地问题 不是审批", "分类弄错了 不是用工是融资 改一下")
  const setTo = named?.[1]!.replace(/[\s，,。；;]*(?:而)?(?:不是|不属于)\s*[^\s，,。；;]{1,8}?(?=[\s，,。；;]|是|$)/g, '');
  if (named && setTo) return { field: 'category', to: categoryFrom(setTo), text: setTo.trim() };
  // round 147: "#153 这个是融资的事 分类改成融资资金": why first, the category set at the end
  // (a category's own label: "类别改为商业用地" is a land use's kind)
  const setLast = /[\s，,。](?:分类|类别)(?:改成|改为|改到|调成|调整为|应为|应该是)\s*([\u4e00-\u9fa5]{2,8}?)(类)?$/.exec(rest);
  const lastTo = setLast && (setLast[2] || (Object.values(CATEGORIES) as string[]).includes(setLast[1]!)) ? categoryFrom(setLast[1]!) : null;
  if (lastTo) return { field: 'category', to: lastTo, text: setLast![1]!.trim() };
  const bare = /^(?:改为|改成|改到|更正为|调整为|修改为|归为|归入|归到|划到|划为|划入|分到|放到|应为)\s*(.{2,20}?)$/.exec(rest);
  const category = bare ? categoryFrom(bare[1]!) : null;
  if (category) return { field: 'category', to: category, text: bare![1]!.trim() };
  // "#12 应该是水电气网类的", "#12 分错了，这个属于融资类", "#12 应该算用工人才": the category said in other words — a
  // category's label, or a word of it with 类 (so that "#12 应该是供电所的问题" stays a note)
  // "#402 不是用地，是审批手续", "#661 分错类了，这是用地不是审批": the category it is, beside the one it is not
  const isNot = /^(?:(?:那个|这个|的)?(?:分类|类别)?(?:分错类?了|弄错了|搞错了|标错了|错了|不对)[\s,，。]*)?(?:这个?|这条|这件|这单)?(?:不是|不属于)\s*([\u4e00-\u9fa5]{2,8}?)(?:类|的事)?[\s,，。]+(?:这个?)?(?:是|属于|算|应该是|应该算|应算|改成|改为)\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?|的事|的问题)?(?:[\s,，。]*(?:给|帮忙|麻烦)?(?:改一下|改下|改过来|改了吧)|[\s,，。]+(?<why>[^?？吗]{1,20}))?$|^(?:(?:那个|这个|的)?(?:分类|类别)?(?:分错类?了|弄错了|搞错了|标错了|错了|不对)[\s,，。]*)?(?:这|这个)?(?:应该是|应是|应该算|应该属于|是|属于)\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?|的?问题|的事)?(?:[\s,，。]*)?不是\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?|的?问题|的事)?(?:[\s,，。]*(?:给|帮忙|麻烦)?(?:改一下|改下|改过来|改了吧)(?:类别|分类)?)?$/.exec(rest)
    ??
    // "#171 不是用地问题，应为审批手续（建设工程规划许可），请更正分类": the category it is not, the one it is, in a cadre's words
    /^(?:这个?|这条|这件|这单)?不是\s*([\u4e00-\u9fa5]{2,8}?)(?:类|问题|的问题)?[\s,，。]+(?:应为|应是|应属于|应当是)\s*([\u4e00-\u9fa5]{2,8}?)(?:类)?(?:[（(][^）)]{1,20}[）)])?[\s,，。]*(?:请|麻烦)?(?:更正|修改|改正)(?:分类|类别)?$/.exec(rest);
  // (with a reason after it, "#175 这个不是纠纷，是基础设施的事，排水沟归水利" — round 127 —, both sides must be categories and no
  // transfer be asked: "#52 不是不办，是政策不允许，已经跟企业解释了" is a cadre's explanation)
  const reasoned = isNot?.groups?.why !== undefined && (!categoryFrom(isNot[1]!) || /(转给|转到|请转|转交|退回|交给)/.test(rest));
  const isCategory = isNot && !reasoned ? categoryFrom((isNot[2] ?? isNot[4])!) : null;
  // rounds 67–70: "#144 这个应该归用地拆迁 不是矛盾纠纷", "#52 改回做融资类，不是政策", "#118 这个不是用地问题 是规划许可的事，分类改一下"
  const said6770 =
    /^(?:这个?|这条|这件)?(?:应该|应)?(?:归|归到|归入|算|改回做|改做|改成)\s*([\u4e00-\u9fa5]{2,8}?)(?:类)?[\s，,。]*不是\s*[\u4e00-\u9fa5]{2,8}$/.exec(rest) ??
    /^(?:这个?|这条|这件)?不是\s*[\u4e00-\u9fa5]{2,8}?(?:类|的?问题|的事)?[\s，,。]+(?:是|算|属于)\s*([\u4e00-\u9fa5]{2,8}?)(?:类|的事|的问题)?[\s，,。]*(?:分类|类别)?(?:改一下|改下|改过来)$/.exec(rest) ??
    // rounds 71–74: "#76 不是用电问题 是用地的 改一下分类": what it is not, what it is, then the change asked for
    /^(?:这个?|这条|这件)?不是\s*[\u4e00-\u9fa5]{2,8}?(?:类|的?问题|的事)?[\s，,。]+(?:是|算|属于|应该是)\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?|的事|的问题|的)?[\s，,。]*(?:改一下|改下|改过来)(?:分类|类别)$/.exec(rest);
  const to6770 = said6770 ? categoryFrom(said6770[1]!) : null;
  if (to6770) return { field: 'category', to: to6770, text: said6770![1]!.trim() };
  // "#44 分类弄错了，这个是欠货款的事，应该是融资资金不是矛盾纠纷", "#221 归类错了，是拖欠货款，应该归融资资金": why, then the
  // category it is (and the one it is not)
  // (round 170: "#166 分错类了 他们说的是子女入学 应该算用工人才 不是政策": 分错类了 alone, the why between spaces)
  const whyThenIs = /^(?:(?:分类|类别|归类)(?:分错了|弄错了|搞错了|标错了|错了)|分错类了)[\s,，。]*(?:[^，,。]{1,14}?[，,。\s]\s*)?(?:应该是|应是|应为|应该算|应属于|应该归|应归|归到)\s*([\u4e00-\u9fa5]{2,8}?)(?:类)?(?:[\s,，。]*不是\s*[\u4e00-\u9fa5]{2,8}?(?:类)?)?$/.exec(rest);
  const reclassified = whyThenIs ? categoryFrom(whyThenIs[1]!) : null;
  if (reclassified) return { field: 'category', to: reclassified, text: whyThenIs![1]!.trim() };
  // "#389 这个算用工人才，类别改一下": the category, then the request to change it
  const thenChange = /^(?:这个?|这条|这件)?(?:算|是|属于|应该是|应该算)\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?)?[\s,，。]+(?:类别|分类)(?:改一下|改下|改过来|要改|改了吧)$/.exec(rest);
  const changed = thenChange ? categoryFrom(thenChange[1]!) : null;
  if (changed) return { field: 'category', to: changed, text: thenChange![1]!.trim() };
  // "#601 改一下类别，应该是施工建设": the change asked for, then the category it should be
  const changeThen = /^(?:(?:分类|类别)?改一下|改下)(?:分类|类别)?[\s,，。]+(?:这个?)?(?:应该是|应是|应为|应该算|应该属于|是|算|属于)\s*([\u4e00-\u9fa5]{2,8}?)(?:类的?)?$/.exec(rest);
  const changedTo = changeThen ? categoryFrom(changeThen[1]!) : null;
  if (changedTo) return { field: 'category', to: changedTo, text: changeThen![1]!.trim() };
  if (isNot && isCategory) return { field: 'category', to: isCategory, text: (isNot[2] ?? isNot[4])!.trim() };
  // "#214 这个不是用地的事，应该算审批": what it is not, then what it is — after such a start a category word is enough
  const said = /^(?:(?:这个|这条|这件)?(?:分类|类别)?(分错了|分错类了|标错了|错了|不对)[\s,，。]*|(?:这个|这条|这件)?(不是|不属于|不算)[\u4e00-\u9fa5]{1,8}?(?:的事|的问题|类的?|那一?类)[哈啊呀嘛]?[\s,，。]+(?:(?:分错了|分错类了|搞错了|弄错了|标错了)[\s,，。]+)?)?(?:这个|这条|这件|此件|该件)?(?:应该|应当|应)?(?:归到|归入|归为|划到|放到|放在|分到|是|算|属于|归)\s*(.{2,12}?)(类别|类的?|那一?类)?的?(?:问题|工单)?(?:吧|才对)?(?:[\s,，。]*(?:麻烦)?(?:改一下|改下|改一哈|改过来))?$/.exec(rest);
  // (round 346: "#142 这个不是我们交通局的事 是雨水管网的 转给水务局吧" asks a transfer, whatever the matter is)
  if (said && !/(转给|转到|转交|交给|转办)/.test(said[3]!)) {
    const v = said[3]!.trim();
    const to = said[4] || said[2] || said[1] ? categoryFrom(v) : (Object.keys(CATEGORIES) as Category[]).find((k) => CATEGORIES[k] === v) ?? null;
    if (to) return { field: 'category', to, text: v };
  }
  // "#91 不是市场类，应该是用电的问题，改回水电气": the category the message ends with, after it says what is wrong
  const endsWith = /(?:改成|改为|改回|改返|改到)\s*([\u4e00-\u9fa5]{2,8}?)(?:类)?$/.exec(rest);
  const ended = endsWith && /(不是|错了|弄错|搞错|分错|标错)/.test(rest) ? categoryFrom(endsWith[1]!) : null;
  if (ended) return { field: 'category', to: ended, text: endsWith![1]!.trim() };
  // "#356 类别标错了，这个是跟供应商的合同纠纷，不是融资，改成矛盾纠纷", "#47 分类弄错了，…，应该归融资资金，不是施工": after
  // the mistake is named, the category it should be, wherever it is said
  if (/^(?:这个|那个)?(?:分类|类别)(?:弄错了|搞错了|标错了|分错了|错了|不对)/.test(rest)) {
    const to = /(?:改成|改为|应该归|应归|应该是|应该算|归到|归入)\s*([\u4e00-\u9fa5]{2,8}?)(?:类)?(?=[\s,，。]|$)/.exec(rest);
    const category = to ? categoryFrom(to[1]!) : null;
    if (category) return { field: 'category', to: category, text: to![1]!.trim() };
  }
  return null;
}

/**
 * A progress note told without its number or a keyword, as a cadre writes it after claiming ("已联系供电公司，周五现场
 * 勘察", "跟供电所沟通过了，下周一来装表", "刚约了银行，明天上门"): what was done, first. The parse reads it as a report
 * (an enterprise may write the same words about its own problem); the handlers read it as progress only from a cadre.
 */
export const PROGRESS_TOLD =
  /^(?:我|我们|我这边)?[，,\s]*(?:已经?|刚刚?|刚才)[^，。！？!?]{0,6}?(?:联系|对接|协调|沟通|督促|约了|约好|上门|去了现场|到现场|现场看|转给|反映给|报给|请示|问了|打了电话|电话)|^(?:我|我们|我这边)?[，,\s]*(?:今天|上午|下午|昨天)[^，。！？!?]{0,6}?(?:联系|对接|协调|沟通|督促|约)(?:了|过|好)|^(?:跟|和|与)[^，。！？!?]{1,10}(?:沟通|联系|对接|协调)(?:过|了)/;

/**
 * What a command said without its number calls the ticket by ("我们那个扩容的单子到底有冇人管" → 扩容, "上回反映的路灯那事"
 * → 路灯, "琼中那个山兰酒业的用电问题" → 用电), or null when it names none ("上礼拜报的那个事", "催一下").
 */
export function namedMatter(text: string): string | null {
  const thatOne = THAT_ONE_OF.exec(text);
  // ("那个上周报的，到底有没有人管", "催下那个领导交办的": when it was reported, or by whom, names no matter)
  const said = NAMED_MATTER.exec(text) ?? (thatOne && !NOT_A_MATTER.test(thatOne[1]!) && !/(报|说|提|讲|反映|交办|办|啥子?|什么)$|了|^(上|昨|前|今)/.test(thatOne[1]!) ? thatOne : null);
  // (before 那个事, only a thing: "麻烦那个事催一下", "请问那个事怎么样了", "老师那个事…" name none)
  const first = said ? null : MATTER_THEN_THAT.exec(text);
  const m = said ?? (first && !NOT_A_MATTER.test(first[1]!) ? first : null);
  if (!m) return null;
  const words = m[1]!.split('的').pop()!.replace(/^(我们|俺们|咱们?|我司|我厂|那个|这个|上次|上回|之前|以前|刚才)/, '').replace(/(那个|这个)$/, '');
  return words.length >= 2 && !/^(这|那|个|件|单|事)/.test(words) ? words : null;
}
/** Words of the sentence, a greeting or an address, not a thing a ticket is about. */
const NOT_A_MATTER = /麻烦|请问|问一?下|想问|还有|现在|目前|怎么|咋|为啥|为什么|老师|领导|专员|主任|你好|您好|在等|到底|究竟|就是|帮忙|帮|请|催|还|又|都|也|就|再|我|你|他|她|它|们|是|在|有|了|吗|呢|吧|啊|哦|嘛/;
/** The matter first, then 那个事 ("路灯那个事有人管吗", "我们扩容那件事…"). */
const MATTER_THEN_THAT = /(?:^|[，,\s])(?:我们|俺们|咱们?|上次|上回|之前)?([\u4e00-\u9fa5]{2,6}?)(?:那个|那件|那)(?:单子|事儿?|事情|问题|工单)/;
/** Round 127: "催一下那个用电扩容的，都半个月了": 那个, the matter, 的, and the sentence goes on. */
const THAT_ONE_OF = /(?:那个|那件|那单)([^，,。？?！!\s的]{2,12})的(?=[，,。？?！!\s]|$)/;
const NAMED_MATTER = /(?:那个|那件|那单|上回|上次|之前|报的|反映的|提的)(?:那个)?([^，,。？?！!\s]{1,16}?)的?那?(?:单子|事儿?|事情|问题|工单)/;
