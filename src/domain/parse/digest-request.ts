import type { Period } from '../digest.js';
import type { Category } from '../ticket.js';

/** What of the digest a request asks for: all of it, the rankings, or one figure. */
export type DigestFocus = 'all' | 'ranking' | 'solve' | 'response' | 'satisfaction' | 'overdue' | 'flow' | 'category' | 'categories' | 'common' | 'recurrence';

/** A leader's request for numbers, read from plain words ("发一下本周的问题汇总", "破解率多少了", "各部门办结情况排名发一下"). */
export interface DigestRequest {
  period: Exclude<Period, 'year'> | 'year';
  /** 上周, 上个月, 昨天: the period before the current one. */
  previous: boolean;
  focus: DigestFocus;
  /** "用工类的问题怎么样": the category asked about (focus `category`). */
  category: Category | null;
}

/** Figures only the digest answers: named alone, they are a request for numbers. */
// (round 324: "超期top10", "超期前十", "超期前十发我看一下", "超期top10是哪些企业": the overdue at the head of the list, asked in a
// leader's shorthand)
const STRONG = /(破解率|解决率|响应率|满意率|满意度|回潮率|及时率|办结率|超期率|参评率|好评率|差评率|红黑榜|排名|排行|简报|(?<![上本这下今昨前])(?:日报|周报|月报)|问题汇总|数据汇总|情况汇总|汇总数据|统计数据|今日数据|工作台账数据|红榜|黑榜|(满意|好评|差评|办结|办完|解决|解决掉|超期|回潮|按时|及时|办好)[\u4e00-\u9fa5]{0,2}的?(比例|占比|百分比)|(解决|办结|办好)了?又(冒|出现|反复|回来)[\u4e00-\u9fa5]{0,4}的.{0,4}(几|多少)|(超期|差评|办结|拖延|拖得?最?久)的?(问题|工单|单位|部门)?(top\s?\d{1,2}|前(十|\d{1,2})名?)(发我看一下|发我看看|发一下|发下|发群里|看下|看一下|给我|是啥情况|是哪些企业|是哪些|是哪几个单?)?$)/i;
/** Figures that read as numbers only with a period or a scope, and a request or question with them. */
const WEAK = /(新增|办结|在办|超期|销号|差评|好评|评价|满意|回潮|受理|响应|时长|用时|问题|工单|诉求|数据|数字|统计|情况|汇总|通报|数量|件数|多少件|几件|多少单|几单|单子|进来|结了|还剩|剩下|过了期限|逾期|没办完|未办结|压着|积压)/;
const PERIOD = /(目前|现在|当前|截至目前|今天|今日|昨天|昨日|本周|这周|这个?星期|[这本上]个?礼拜|上周|上个?星期|本月|这个?月|上个?月|月度|季度|今年|本年|年度|全年|今年以来|年初以来|以来)/;
const SCOPE = /((审批|用地|水电气网?|用工|人才|融资|资金|政策|基础设施|施工|纠纷|招商|市场)类的?(问题|工单|诉求)|各部门|各单位|各专班|各街道|各乡镇|各镇街|分部门|分单位|按部门|各类|分类别|按类别|按类型|分类型|分下类|分一下类|分个类|各个部门|哪个部门|哪些部门|全区|各个?(局|委办局|部门|单位|街道|乡镇|镇街|科室|专班)|重点企业|规上企业|全区企业|所有企业|(哪些|哪个|哪几个)(局|单位|街道|乡镇|镇街|科室|专班))/;
const ASK = /(给个数|报个数|出一下|出个|几条|几起|分别|多少|占比|比例|件数|个数|总量|整理|发群|发到群|发个|发份|发一份|几件|几个|几单|最多|最少|最快|最慢|最好|最差|比一比|比比|怎么样|怎样|如何|咋样|情况|发一下|发下|发我|发给我|报一下|报个|看看|看一下|看下|汇总|统计|排名|排行|有哪些|是多少|了吗|了没有?|是不是|呢|吗|拉一个|拉一下|拉个|给我拉|报上来|过没过|达没达|够不够|到没到|弄出来|拿出来|整出来|要看|对比表|做个表|做张表|出个表|分一下|分下|分个类|口径出|[?？])/;
/** Departments compared: "几个局谁办得快，比一比", "哪个部门办得最慢". */
const COMPARE =
  /((谁|哪个|哪些|哪家)(局|部门|单位|街道|专班|乡镇|镇街)?.{0,8}(办得?(快|慢|好|多)|拖得?最?久|最久|最长|最短|最快|最慢|最多|最少|最好|最差|效率|速度)|(谁|哪个)(更|比较)?(快|慢)(些|一些|一点)?$|比一比|比比看|排个名|排一下名)/;
/** Which kind of problem comes most: "企业反映最多的是哪类问题". */
const WHICH_KIND = /(哪类|哪一类|哪种|什么类).{0,4}(最多|最少|最集中)|(最多|最少|最集中)的是(哪|什么)(类|种|方面)/;
/** A count of tickets in one state, asked without a period: "回潮的问题有几个", "差评的有多少件". */
const COUNTED = /((回潮|超期|差评|好评|新增|办结|在办|销号)的?(问题|工单|件|单子?)?|[\u4e00-\u9fa5]{2,4}类的?(问题|工单|诉求))(有|一共|总共|共|现在)?(几个|几件|几单|几条|几起|多少)/;
/**
 * 共性问题 asked after ("共性问题有哪些", "有没有共性的问题", "看看最近的共性问题"): the groups of the digest. `共性 #12 #15`, a
 * leader making them one case, has numbers and is a command of its own.
 */
const COMMON = /(共性(的)?(问题|诉求|难题)?)(有哪些|有几|有没有|有多少|多少|几个|几组|几类|情况|汇总|清单|列表|名单|呢|吗)|(有没有|有哪些|哪些|看看|看一下|看下|发一下|发下|列一下|列个|报一下|梳理一下|梳理下|汇总一下)[^，。]{0,6}共性|^共性(问题)?$/;
/** Who writes of an enterprise's own matter, whatever else the text has. */
/** A period a list of overdue tickets is asked over (not 现在/目前: "现在超期的单子有哪些" is the tickets themselves; "发一下上周的
 * 超期清单", rounds 247–253). */
const LIST_PERIOD = /(本月|今日|今天|今年|这周|本周|上周|这个?星期|上个?星期|这礼拜|上礼拜|这个?月|截止|截至|上个?月|本季度?|这个?季度|上个?季度|以来|\d{1,2}月份?)/;
/** A list of overdue tickets asked for over such a period, not one's own ("发一下我今天的超期清单" is a cadre's to-do list). */
const listOverPeriod = (bare: string): boolean => /超期/.test(bare) && /(清单|明细|列表|名单)/.test(bare) && LIST_PERIOD.test(bare) && !/我(的|今天|这周|本周|本月|这个月|名下|手上|手里)/.test(bare);
const FIRST_PERSON = /(我们|我司|我厂|我公司|本公司|帮忙|帮我们|麻烦)/;
/** What an enterprise writes about its own problem: never a request for numbers. */
const OWN_PROBLEM = /(派给我|分给我|转给我|给我的|我在办的|我负责的|我跟的|我手上|我手里|我名下|我的|^我(这周|今天|本周|这个月|这礼拜|现在|目前)?(还)?有|那个|这个(?!月|星期|季度|礼拜)|那件|这件|不了|不上去|不进去|报错|出错|失败|故障|卡住|打不开|登不上|无法|不能|没法|一直|系统|提交|上传|填报|申报|反映的|提的|(?<!通|简|周|月|日|年|汇|快)报的|上次|之前|我们|我司|我厂|我公司|本公司|我们公司|申请|审批|没批|批不下来|影响|耽误|麻烦|帮忙|帮我们|协调一下|急|反映一下)/;

const CATEGORY_WORDS: [RegExp, Category][] = [
  [/审批|手续/, 'approval'],
  [/用地|拆迁|土地/, 'land'],
  [/水电气|用电|供电|用水|供水|燃气|网络/, 'utilities'],
  [/用工|招工|人才|招聘/, 'talent'],
  [/融资|资金|贷款/, 'finance'],
  [/政策兑现|政策|补贴|奖补/, 'policy'],
  [/基础设施|配套|道路/, 'infrastructure'],
  [/施工|安全生产|工地/, 'construction'],
  [/纠纷|矛盾/, 'dispute'],
  [/招商|市场/, 'market'],
];

const PREVIOUS = /(昨天|昨日|上周|上个?星期|上个?礼拜|上个?月)/;

/** The period a request names (a ranking with none: the month's; anything else with none: the day's). */
function periodOf(bare: string, ranking: boolean): DigestRequest['period'] {
  if (/(今年|本年|年度|全年|年初以来|今年以来|年报)/.test(bare)) return 'year';
  if (/(本月|这个?月|上个?月|月报|月度)/.test(bare)) return 'month';
  if (/(本周|这周|这个?星期|[这本上]个?礼拜|上周|上个?星期|周报)/.test(bare)) return 'week';
  if (/(今天|今日|昨天|昨日|日报)/.test(bare)) return 'day';
  return ranking ? 'month' : 'day';
}

/**
 * Reads a request for numbers in plain words, or null when the text is not one. `bare` is the text without
 * punctuation or spaces. Pure.
 */
export function parseDigestRequest(bare: string): DigestRequest | null {
  // a long request names several figures ("把今年以来的受理总数、办结数、破解率、满意率给我拉一个")
  const figures = bare.match(/(受理|新增|办结|在办|超期|破解率|响应率|满意率|办结率|满意度|回潮)/g)?.length ?? 0;
  if (bare.length === 0 || bare.length > (figures >= 3 ? 45 : 30)) return null;
  const compare = COMPARE.test(bare) && /(局|部门|单位|街道|专班|乡镇|镇街)/.test(bare) && !FIRST_PERSON.test(bare);
  const common = COMMON.test(bare) && !/\d/.test(bare) && !FIRST_PERSON.test(bare);
  const strong = STRONG.test(bare) || compare || common || ((COUNTED.test(bare) || WHICH_KIND.test(bare)) && !FIRST_PERSON.test(bare));
  const scoped = SCOPE.test(bare) || compare;
  // (a list over a period asks too: "本月超期清单")
  const weak = WEAK.test(bare) && (PERIOD.test(bare) || scoped) && (ASK.test(bare) || listOverPeriod(bare));
  if (!strong && !weak) return null;
  // "我们的用电申请本月能批吗": an enterprise's own problem, whatever figure words it has ("各街道反映的问题数量统计一下"
  // is a leader's count over a scope, not one enterprise's matter)
  const leaderScope = scoped && !FIRST_PERSON.test(bare) && /(统计|数量|多少|几个|几件|排名|排行|汇总|比一比|最多|最少)/.test(bare);
  // "这周12345转派到我们街道的企业类工单，新增多少、办结多少、还有几个在办": three flow figures over a period are the
  // leader's (or a 街道's) numbers; no enterprise asks for them
  const flows = figures >= 3 && PERIOD.test(bare);
  if (OWN_PROBLEM.test(bare) && !leaderScope && !flows && !common && !/(破解率|解决率|响应率|满意率|办结率|超期率|参评率)/.test(bare)) return null;
  // "刚才那份周报我看过了 辛苦大家了", "今天去企业走访了 情况都还好 没新问题": a report read, or nothing new; nothing asked
  if (/(看过了|已阅|收到了|看了)(辛苦|谢谢)|(?<!有)没有?新的?问题(?![吗么])/.test(bare)) return null;
  // a figure word inside a longer sentence that asks nothing ("我们厂在全区纳税排名前十，…") is not a request
  if (strong && !weak && !compare && !ASK.test(bare.replace(STRONG, '')) && bare.length > 12) return null;
  // "这周超期的有哪些", "超期清单": the overdue tickets themselves (查询), not the figure; but over a period named for
  // the list ("本月超期清单", "今年以来超期工单的清单", "截止到今天的超期清单"), the leader's numbers (all 59 labelled so)
  if (/超期/.test(bare) && !/超期率/.test(bare) && !/(前[十\d]+名|排名|排行|按部门排|排一下|排个序|超期(top\s?\d{1,2}|前(十|\d{1,2})))/i.test(bare) && /(哪些|清单|列表|名单|明细)/.test(bare) && !listOverPeriod(bare)) return null;

  const previous = PREVIOUS.test(bare);
  const period = periodOf(bare, compare || /(排名|排行|红黑榜|各部门|各单位|各专班)/.test(bare));

  const category = CATEGORY_WORDS.find(([re]) => re.test(bare))?.[1] ?? null;
  const whole = /(汇总|简报|日报|周报|月报|年报|数据)/.test(bare);
  // the first focus whose words the request has, else the whole digest
  const focuses: [boolean, DigestFocus][] = [
    [common, 'common'],
    [/回潮(?!率)/.test(bare) && !whole, 'recurrence'],
    [compare || /(排名|排行|红黑榜|各部门|各单位|各专班|各街道|各乡镇|各镇街|分部门|按部门|哪个部门|哪些部门|各个部门)/.test(bare), 'ranking'],
    [/破解率/.test(bare), 'solve'],
    [/响应率/.test(bare), 'response'],
    [/(满意率|参评率|好评|差评|评价|满意)/.test(bare), 'satisfaction'],
    [/(超期)/.test(bare), 'overdue'],
    [category !== null && !whole, 'category'],
    // "这周新增的问题按类别分一下": every category's figures (of a figure asked by kind — "这周各类问题办结了多少" — the figure)
    [(/(按类别|分类别|按类型|分类型|分下类|分一下类|分个类)/.test(bare) || (/(各类|哪类|哪一类|什么类)/.test(bare) && !/(办结|在办|受理|销号|超期|几件|多少|最慢|最快)/.test(bare))) && !whole, 'categories'],
    [/(新增|办结|在办|受理|销号|多少件|几件)/.test(bare) && !whole && !/情况/.test(bare), 'flow'],
  ];
  const focus = focuses.find(([holds]) => holds)?.[1] ?? 'all';
  return { period, previous, focus, category: focus === 'category' ? category : null };
}

/**
 * The digest a message already read as one asks for: the plain words `parseDigestRequest` understands, else the short
 * forms and English (简报, 周报, 月报, 排名, 红黑榜; "weekly summary pls", "this month's numbers", "yesterday's summary") —
 * the day's whole digest unless they name a week, a month, the one before or a ranking.
 */
export function digestRequestOf(bare: string): DigestRequest {
  const req = parseDigestRequest(bare);
  if (req) return req;
  const period = /weekly|(?:this|last)\s*week/i.test(bare) ? 'week' : /monthly|(?:this|last)\s*month/i.test(bare) ? 'month' : periodOf(bare, /排名|红黑榜/.test(bare));
  return { period, previous: PREVIOUS.test(bare) || /yesterday|last\s*(?:week|month)/i.test(bare), focus: /排名|红黑榜/.test(bare) ? 'ranking' : 'all', category: null };
}
