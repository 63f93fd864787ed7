import { DateTime } from 'luxon';
import { defaultCalendar, workingZone, type BusinessCalendar } from '../calendar.js';
import type { Category, Urgency } from '../ticket.js';
import type { BayesModel } from './bayes.js';
import { classifyByLexicon, classifyCategory, holdsLexiconPhrase, LEXICON_CERTAIN, matchedCues } from './category.js';
import { CORRECTION_BEGUN, parseCorrections, ratingFrom, TICKET_REF, WITHDRAWN } from './commands.js';
import { cnNumber, readDates } from './dates.js';
import { NOT_BACK } from './lexicon.js';
import { bareText, normalizeText } from './normalize.js';
import { parseDigestRequest } from './digest-request.js';
import { intentFallback, SHIPPED_INTENT_MODELS, type IntentModels } from './intent-model.js';
import { isBusinessName, parseEnterprise } from './enterprise.js';
import { AnyOf, GatedReplace } from './gate.js';

export const INTENTS = [
  'report', 'claim', 'progress', 'resolve', 'transfer', 'rate', 'reopen', 'urge', 'digest', 'query', 'help', 'chat', 'correct', 'triage',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ParsedMessage {
  intent: Intent;
  /** Referenced ticket number, or null. */
  ticket: number | null;
  category: Category | null;
  categoryConfidence: number;
  urgency: Urgency | null;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  /** A report's enterprise; of a query, the enterprise whose tickets it asks for ("查一下 X 的工单"). */
  enterprise: string | null;
  summary: string | null;
  /** The normalised text the fields were read from. */
  normalized: string;
}


const URGENT = [
  '急', '紧急', '加急', '十万火急', '马上', '立即', '立刻', '火速', '刻不容缓', '停产', '停工', '停电', '断电', '断供', '断水',
  '停水', '停气', '断网', '进不了场', '进不来', '停滞', '安全隐患', '隐患', '危险', '险情', '坍塌', '倒塌', '塌了', '事故', '安全防护',
  '围堵', '堵在', '堵路', '信访', '上访', '欠薪', '讨薪', '讨说法', '拉横幅', '拉着横幅', '来闹', '闹事', '堵门', '着火', '火灾', '泄漏', '泄露', '爆炸',
  '滑坡', '塌陷', '沉陷', '受伤', '伤亡', '进不了', '漫到', '被淹', '淹了', '进水', '失灵', '失控', '砸到', '砸伤',
  '掉下来', '往下掉', '塌下去', '塌下来', '塌方', '摔伤', '跌伤', '坠亡', '一氧化碳', '冒火星', '火星子', '吓死', '汽油桶', '撂荒', '停业', '暂停营业',
  '再不来电', '全停了', '全部停了', '晕倒', '出事', '撞', '吓人', '赶紧', '赶快', '触电', '坠落', '车祸', '来堵', '停供', '停用', '查封', '发不出', '停摆', '停运', '罢工', '走失', '围住', '冻爆', '快熄火', '瘫痪', '中毒', '起火', '冒烟', '割伤', '烫伤', '烧伤', '夹伤', '压伤',
];
/**
 * Situations named by phrases rather than words: monitoring alarms and deformation (safety), people kept off the
 * site or gathering (stoppage, crowd), unpaid wages, blocked fire exits, work at height without protection.
 */
const URGENT_PATTERNS = [
  // rounds 247–253: a crowd in a mess, a truck slid into a ditch (not one last winter), a panel hanging and swinging, tiles
  // or panels fallen from a wall or a roof, people gathered at the gate, a crowd come for its money (each labelled urgent
  // wherever the corpus has it: 7, 3, 12, 6, 13); rounds 254–257: work halted (叫停: 40 of 41 urgent; not a project, a
  // policy or a contractor stopped for its papers), a guest gone up the mountain and not back
  /(人|工人|村民|茶农|家属)[^。]{0,40}场面[^，。]{0,3}乱|(?<!(去年|前年|上次|以前|之前|曾经)[^，。]{0,12})滑(进|到|下)[^，。]{0,2}沟(?!里过)|(挂|吊|悬)[^，。]{0,6}(晃荡|晃来晃去)|(外墙|墙面|屋顶|屋面|楼上|顶上|房顶|楼顶)[^，。]{0,6}(砖|瓦|彩钢板|钢板|玻璃)[^，。]{0,4}掉了|(门口|大门)[^，。]{0,3}聚(着|集|了)[^，。]{0,6}(人|工人|村民|家属|司机)|(人|工人|村民|家属|大家)[^，。]{0,6}门口聚|聚(集)?在[^，。]{0,4}门口|(多人|几十人|茶农|工人|村民)[^，。]{0,8}讨钱|(门口|厂里|办公室)讨钱|(?<!(资质|政策|补贴|招商|项目(?!部))[^，。]{0,10})叫停(?![^，。]{0,8}(政策|补贴|项目))/,
  NOT_BACK,
  // round 352: the live streams all stopped ("二十几个直播间全部停播"); not one kept on ("不停播") nor an advert off air
  /(直播间?|主播)[^，。]{0,12}(?<!不)(全部|全都|都|全)停播|(?<!不)(全部|全都)停播/,
  // round 354: people evacuated ("工人已经疏散了": 14/14 urgent), stones falling from a slope ("高边坡这几天一直在掉石头":
  // 13/13)
  /已经疏散|(工人|员工|人)(都|全部?)?疏散了|紧急疏散|(掉|滚|落)(石头|石块|碎石)/,
  // round 356: people at the gate for their money, now ("农户在厂门口堵着要钱"; not trucks queuing, "物流车还在大门口堵着等装货")
  /(人|户|工人|村民|家属|债主|供应商)[^，。]{0,8}(门口|大门)[^，。]{0,2}堵着/,
  // round 352: a demolition coming today or tomorrow ("拆违今天下午就要来拆我们的仓库": 13 of 14 labelled urgent)
  /(今天|今晚|明天)[^，。；]{0,4}就?要(来)?(强拆|拆)/,
  // round 262: today the last day to file (今天…最后一天: 9 labelled readings, all urgent; not "今天不是最后一天", nor the last day
  // told today, "今天…说…最后一天是12月15号")
  /(今天|今日)(?:就?是)?[^，。不]{0,14}最后一天(?!是)/,
  // rounds 146–149 read: machines all stopped said in Cantonese (停晒), a whole plant without water or power, a boiler to stop
  /(?<!车)停晒(?![车在喺])|(?<!(审批|手续|项目|计划|报建|工程)[^，。]{0,2})全部停(了|下来|起|咗|机|掉)|(全|成间|成个|整个)厂区?[^，。]{0,2}没有?(水|电|气)(?![表费站价])|(?<![燃煤])锅炉(已经|都)?(要|得|就)?停(了|咗|下来)?(?![掉用])/,
  // rounds 83–86 and the corpus: a crack or loose tiles feared to fall, a pit left without a fence, a near miss, a climb onto a
  // crane, goods in a cold store warming
  /(裂|开裂|空鼓|松脱|松动)[^。！!]{0,30}(怕|危房|出大事|倒了|砸着|砸到|掉了?[一几两]块)|(坑|沟|挖)[^。]{0,20}(没|无)[^，。；,;]{0,4}(围挡|警示)|差点(儿)?(掉下去|摔下去|掉进去|砸到|砸着)|爬(到|上)[^，。；,;]{0,6}(塔吊|楼顶|屋顶)|温度[^，。；,;]{0,4}(已经)?升到|(今天|明天|马上)[^，。；,;]{0,2}(要|就)?去(区|市|县|镇)(政府|里)/,
  // rounds 55–58: no drop of water, formwork collapsed, someone already fallen into a pit, a life at risk, wages (工钱) owed
  /没有?得?一滴水|(模板|支撑|支架)[^，。；,;]{0,4}(垮|塌)|已经有[^，。；,;]{0,6}(掉下去|摔下去|掉进去)|出人命|欠[^，。；,;]{0,8}工钱/,
  // rounds 47–50: work at height without a rope, a mill idle for days, a bridge washed out
  /安全绳[^，。；,;]{0,4}(不系|没系|都不系)|(磨坊|厂|车间|工厂)[^，。；,;]{0,2}开不了工[^，。；,;]{0,2}(一个礼拜|一周|好几天|几天)|桥[^，。；,;]{0,6}(冲坏|冲垮|冲断|冲塌|塌了)/,
  // a demolition or a cancelled order days away ("街道通知我们后天就要强拆", "说后天要是还见不到报关单就取消整个订单")
  /(今天|明天|后天|马上)[^，。；,;]{0,3}(强拆|来拆|拆除)|(明天|后天)要是[^，。；,;]{0,12}就(取消|退货|罚|停)/,
  // round 113: men with spades on the site, a line standing idle
  /(拿|扛|举|拎|揸)(着|住)?(铁锹|锄头|棍子|棍棒)|(产线|生产线|流水线)[^，。；,;]{0,4}(只能)?停着/,
  // the network or the systems down ("厂里网络全断了…订单系统生产系统全瘫了")
  /(网络|网|光缆|专线)[^，。；,;]{0,4}(全断|全部断|断了|断掉了|挖断了)|系统[^，。；,;]{0,6}(全瘫|瘫了)|(工资|薪水|薪资|工钱)[^，。；,;]{0,4}(都|也)?(付|发)不出/,
  // rounds 33–34 (Shanghai, Liuzhou and southern Hunan): power out since the morning and the presses standing, a cold
  // store without power and its goods warming, vats gone cold and cloth spoilt, a crack wider than yesterday
  /一直(没|冇)电|(冇|没)电了|黑灯了|(冲床|冲压线|机器|设备|机台)[^。；;]{0,6}(全部|都)?(停下来|动不了|停掉)|(冻品|冷库|冷链)[^。；;]{0,12}温度[^，。；,;]{0,4}(往上|上升|升高|在升)|(全部|都)冷掉|(布|料|货|产品|原料)[^，。；,;]{0,2}报废|缝[^。；;]{0,16}(比昨天|又)[^，。；,;]{0,2}宽|坐在[^，。；,;]{0,8}不(肯)?走|车[^，。；,;]{0,8}(被|给)[^，。；,;]{0,6}(拦住|扣住|拦下)|(工人|人)[^，。；,;]{0,4}围住|(只够|够)[^，。；,;]{0,2}(撑|用|顶)到?(今天|今晚|明天|后天)/,
  // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai): a main burst and a district dry, a fibre dug through, a rope
  // or a hook worn or swinging, people sitting in, a wall pushed over, a line stopped (停落来), a bridge shaking, a
  // plant that must close, someone taken to hospital, work stood still for days
  /(水管|主管|管道|总管)[^，。；,;]{0,4}爆了|整片都?没水|(钢丝绳|吊钩|刹车).{0,6}(快断|磨断|晃得)|拿人命开玩笑|(老乡|员工|人).{0,6}坐在[^，。；,;]{0,6}不走|还在现场吵|开着钩机|停落来|(桥|楼|房子?).{0,4}(都在晃|在晃|晃动)|(厂|工厂|公司)就得关门|送(了)?(去)?医院|停下来好几天|(冇|没)人开工/,
  // rounds 29–30 (Shandong, Zhejiang): a whole park dark, a load swung over a building, scaffolding not tied, a crack
  // still growing, machines all idle, a crane beside a power line, earth sliding and people withdrawn, a network down
  // until now, a site the builders cannot enter
  /(整个|全)(园区|厂|车间|厂区)(突然)?(都)?没(有)?电|(吊臂|吊钩|吊物|吊着).{0,10}(上头|头顶|上方|上空|厂房上)|没绑牢|晃悠|缝.{0,4}(还在|越来越)(变大|扩大|变宽|加宽)|(机|设备|机器|机台).{0,4}(全部|都|全)歇了|(塔吊|吊车|起重机).{0,6}高压线|人员已经?撤离|土方滑落|滑塌|(断|停)到现在|(施工队伍?|工人|队伍|人员|施工单位)[^，。；,;]{0,4}(无法|不能|没法)进场/,
  // rounds 27–28 (Qinghai, southern Jiangsu): brakes that fail, a truck on its side, a switchboard standing in water, a
  // line standing still and its material spoilt, a contractor walked off, a whole plant without water, people going
  // together to an office, wages owed before the new year
  /(刹车|制动|钢丝绳|限位).{0,6}(有问题|失灵|坏了|不灵)|不敢上去|侧翻|(配电箱|电箱|电缆|电线).{0,6}(泡在|泡水|浸在|泡着)|(线|设备|机器|机台).{0,2}停在那里|料(全|都)废了|撂挑子|工地.{0,2}趴(在那里|窝)|一滴水都没|(一道|一起|一块|集体)去(人社|劳动|政府|信访|区里|市里)|等着?.{0,6}钱回家过年|工钱.{0,4}(一直)?拖着|围在[^，。；,;]{0,8}(不走|不肯走)|(吊装|施工|生产|作业|工程)(已经?|目前)?暂停|已经?暂停(施工|吊装|生产)/,
  /监测.{0,8}(异常|超标|报警)|(超|超过|超出|达到|突破).{0,3}(预警|报警|警戒)(值|线)?|开裂严重|不敢(进|坐|用|住|靠近)/,
  /(支护|基坑|边坡|结构|楼板|顶板|墙体|脚手架|模板|塔吊).{0,6}(变形|位移|倾斜|松动|断裂)|担心.{0,6}(结构|安全)|(危及|威胁|影响).{0,4}安全/,
  /(?<!(?:不然|否则|要不|要么|如果|要是)就?(?:要|会)?)不让.{0,4}(进场|施工|开工|干活|进厂|作业|运|通行|车|出|进)|不肯让我们[^，。；,;]{0,2}进场|不让我们的(挖机|挖掘机|设备|机械)进场|(拦|堵|封)(车|路|门)|把.{0,6}门.{0,2}锁|(一帮|一群|一伙|几十个?|上百)(个|号|名)?(人|家属|工人|村民|农民工|民工|业主|居民)(?![^，。；,;]{0,8}(的饭碗|吃饭|下了夜班|往哪))(?<!(搞|办|招|养活|养着|管着)[^，。；,;]{0,6})|花圈|聚集|聚在|带人|打架|动手/,
  /欠.{0,8}工资|(讨|要|讨要|追讨)工(资|钱)|工资.{0,6}(没发|没给|拖欠|发不|都?欠着)|(没发|不发|拖欠|没给|没结)(工人|员工|他们|农民工|大家)?的?工(资|钱)/,
  /(堵|占|堆).{0,8}消防通道|消防通道.{0,6}(堵|占|堆)|安全带|(高空|高处)作业|违规作业|冒险作业|容易塌|会塌/,
  /(裂缝|裂纹|开裂|沉降|倾斜|变形).{0,8}(越来越|变大|扩大|加大|加宽|加剧|还在)|(柱子?|梁|承重墙|墙体|楼板|地基|基础).{0,6}(开裂|裂了|裂缝|断裂|下沉)/,
  /(塔吊|电梯|升降机|吊车|起重机|锅炉|压力容器|脚手架).{0,6}(异响|异常|晃|故障)/,
  // round 231: hot work beside fuel or a store of it, someone who got a shock, a crowd come to the gate, the valve shut
  // ("塔吊司机讲回转机构有异响…现在还在吊": the crane's noise, said through its driver, while it still lifts)
  /(违规|正在|还在|又在|在)(动火|电焊|气割|切割|焊接|烧焊)[^。！!]{0,20}(旁边|边上|附近|挨着|隔壁)[^。！!]{0,12}(丁烷|液化气|汽油|柴油|油罐|储罐|气罐|易燃|易爆|危化品)|(丁烷|液化气|油罐|储罐|气罐|易燃|易爆)[^。！!]{0,12}(旁边|边上|附近)[^。！!]{0,8}(违规|正在|还在|又在|在)(动火|电焊|气割|切割|焊接|烧焊)|(昨天|今天|刚才|刚刚|早上|上午|下午)[^。]{0,10}(工人|员工|师傅|人)[^，。；,;]{0,4}被电(了|到|伤|击)|(又|今天)?来了?[一几两三四五六七八九十]+(车|群|帮|伙)人[^。]{0,12}(堵|闹|喊|围|要说法)|(房东|他|对方|村里|物业|业主)[^。]{0,30}(真的?|已经|昨天|今天)[^，。；,;]{0,4}把[^，。；,;]{0,4}(水阀|电闸|总闸|气阀|阀门)[^，。；,;]{0,2}(关|拉|断)了|(塔吊|吊车|起重机)[^。]{0,14}(异响|晃)[^。]{0,20}还在(吊|干|用|作业)/,
  // a stoppage that is happening, not one somebody demands ("要求我们停机")
  /(?<!要求(我们)?|让我们|逼我们|叫我们)(停|断)(产|线|机|货|料)|生产线.{0,6}(停|只能维持|撑不)|(只能|最多)(维持|撑)/,
  /(施工|生产|工程|项目|工地|车间|产线|厂里|工厂).{0,4}停了|(掐|断|停)了?.{0,3}(我们的?)?(电|水|气|网)(?![信话视脑梯商影])|拉了?(我们的?)?电(?!缆|线)|(电|水|气).{0,3}给?(掐|断|停|拉闸)了|(吹倒|刮倒|砸到|砸中)|压到了?(人|车|房|工人|屋|棚)/,
  // held up or shut: "拦我们拉玉米的车", "车进不去人出不来", "三个门店全部关起了", "司机们说要集体去劳动监察"
  /(拦|扣)(着|住|下)?[^，。；,;]{0,8}的?车(?!位|间|库|棚|险)|(?<!(不然|否则|要不然)[^，。；,;]{0,8})(车|人|货)(都)?(进不去|出不来|进不来)|(门店|店|厂|车间).{0,4}(全部|都|全)关(了|起了|门了)|集体(去|到|上访|讨|找|来)|卷(着|了)?钱(跑|走)|(去|到)[^，。；,;]{0,6}(政府|门口)[^，。；,;]{0,3}(坐|闹|堵|拉横幅)|来[^，。；,;]{0,4}闹/,
  // a danger told in other words: "怕翻车", "墙都被挤出裂缝", a load over one's head, wages paid late, a line stopped, power out all morning
  /(怕|担心|会|要)翻(车|倒)|不敢(吊|开|干)了|墙.{0,6}(挤|压|顶)出?(裂缝|裂了|裂纹)|从.{0,6}头顶(上)?(过|经过|飞过|转)|(顶上|头顶|房顶)[^，。；,;]{0,4}(吊|转)|工资.{0,8}(晚发|迟发|延发|推迟发|缓发)|[\u4e00-\u9fa5]{1,4}线.{0,4}(停(了|下来|掉)|歇了|趴窝)|(店门|门店|店|厂门)都?开不了|车翻了|翻车了|(站|厂)都停了|咬伤(?!过)|(全厂|厂里|车间|整个厂|仓库)(都)?没有?电|电又没有?了|停起(的|了)|(电|水|气).{0,3}给?拉了|咬了(客人|人|员工|工人|小孩|游客)|伤了[一两几\d]个?人|(工人|人)都?歇着|停了(一|两|三|几|\d+)(周|天|个月|个星期)|暂停施工|停止施工|暂停生产|被迫停(车|产|机|工)|把.{0,3}(路|门|大门).{0,2}堵(起|了|住|死)|(人|村民|工人).{0,4}堵(大门|厂门|门口|路)|(摔|滑倒|摔倒)了?(俩|[一两二三四五几\d]+个)(人|了)?|(冰|河|水塘|井|坑).{0,8}掉下去|(跳闸|停电|断电|没电).{0,4}(一|整)(清早|早上|上午|下午|晚上|天|夜)(?![^，。]{0,4}(次|回|遍|重启))|(?<!(上个?月|去年|之前|以前|如果|要是|万一|明年|订单|检修|改造)[^，。；]{0,8})(已经?|今天)停了?(一|两|二|三|几|\d+)条(生产)?线(?![^，。；]{0,6}(检修|改造|升级|保养|维护))|(?<!(如果|要是|万一|明年|去年|以后|的时候|再)[^。；]{0,14})(线|窑|炉)都?得停/,
  /(堵着|堵住|围着|围在|守在|赖在|在厂里|在工地).{0,6}(工地|厂门|大门|路|门口|不走|不让)|家属.{0,8}(不走|闹|堵|围|聚集|讨说法)|(被|把).{0,8}(围住|包围|(?<![范周氛])围了|围堵)/,
  // a smell of gas is a leak until shown otherwise
  /(燃气|天然气|煤气|液化气|气罐).{0,10}(气味|味道|异味|漏气|漏了|泄)|(闻到|有股?|一股).{0,4}(燃气|煤气|天然气|液化气)味/,
  // a whole line or plant standing still now ("整个烘干线都停了", "设备全停了")
  /(整条|整个|全部|所有|几条|[两三四五六七八九十\d]条|生产|流水|产|烘干|装配|包装)线.{0,4}(都|全|全部)?停(了|下来|掉)|(设备|机器|机组|锅炉|机台|车间|产线|工厂|厂子|全厂).{0,2}(都|全|全部)停(了|下来|掉)/,
  // people who will not leave, work stopped by them, a way blocked ("十几个人在办公室不走", "路给堵了", "还在僵持")
  /(\d+|[一二三四五六七八九十两几]+)(十|百)?(几|多|来)?(个|号|名)?人.{0,10}(不走|不肯走|不离开|赖着)|(\d+|[一二三四五六七八九十两几]+)(十|百)?(几|多|来)?(个|号|名)?(人|村民|工人|家属)[^，。；,;]{0,10}闹(?!矛盾|着玩)|僵持|(被|叫|让)[^，。；,;]{0,8}(人|村民|工人|家属)围(了|住)|对峙|(路|大门|厂门|门口|出入口)(给|被)?(堵|封|拦)(了|住|死)|拉.{0,2}横幅|抗议|示威/,
  /(一整天|整天|好几天|几天|\d+天|[两三四五]天)(都|了)?(没法|无法|不能)(干活|施工|开工|生产|作业|上班|营业)|干不了活|(今天|现在)干不成活|(没法|无法)(干活|施工|作业)了|(工地|车间|工程|项目)(已经|都)?停(起|了)(?![^，。；,;]{0,4}(吗|没|的时候))|活已经停了|(民宿|厂|车间|酒店|宾馆|园区|店|小区|村|镇)[^，。；,;]{0,4}(都|全)(莫得|没得|没有?|冇)水了/,
  // a danger to people right now: "随时有人会掉下去", a broken manhole cover, a crane's load over a dormitory, a plant gone dark
  /随时(都)?(有人)?(会|可能|要)?(掉|塌|倒(?!闭)|出事|砸|伤|摔|出人命)|(拖拉机|车|石头|土堆)(横|堵|挡)在[^。]{0,6}(不让|不准)|(会|要)掉下去|掉进去|(窨井盖|井盖|盖板).{0,6}(碎|丢|没了|缺|坏|翻|破|不见)|(吊钩|吊臂|吊物|吊装|塔吊).{0,12}(头顶|楼顶|屋顶|上空|上方|人群|宿舍|人行道)|(车间|厂里|厂区|全厂|整栋|办公楼|宿舍).{0,4}(一片黑|全黑|漆黑|黑灯瞎火)/,
  // rounds 342 and 346: something fallen on a car or a person ("砸坏一辆车", "把路边停的车砸了": 132 of 134 labelled readings
  // urgent; not a camera smashed by someone, nor a car smashed by vandals, "车被砸了，行车记录仪也被偷了")
  /砸(坏|了|到|中|伤)[^。，]{0,4}(一辆|车|人)|把[^。，]{0,8}(车|车辆|轿车|货车)砸(了|坏)/,
  // a crowd sitting in: "包工头带了十几个工人在我们办公楼里坐着"
  /(\d+|[一二三四五六七八九十两几]+)(十|百)?(几|多)?(个|号|名)?(人|老人|工人|农民工|民工|村民|家属).{0,12}(坐着|坐在|守着|堵着|躺着|蹲着)|欠(他们|工人|农民工|民工|大家)的?(钱|工钱)/,
  // a crowd gathered ("门口聚了三四十个工人", "好多人来厂门口围观"), the boss gone and the workers at the gate
  /聚(了|着|集了)?(\d+|[一二三四五六七八九十两几]+)(十|百)?(几|多)?(个|号|名)?(人|工人|村民|家属|民工)|(好多|很多|一大?群|一大?帮|大批|一堆)人.{0,8}(门口|厂门|大门|工地|围观|聚)|(跑路|卷款|失联).{0,20}(工人|员工).{0,8}(要钱|要工钱|讨钱|讨薪|来)/,
  // afraid it falls on someone now ("怕会塌", "担心掉下来砸到人"), a wall starting to lean
  /(怕|担心|惊|恐怕|生怕).{0,8}(掉下来|跌落|砸到|砸伤|砸中|砸亲|砸人|塌|垮|倒下来|会倒|要倒)|(焊缝|轨道|吊车梁)[^，。；,;]{0,4}(开裂|裂了)|(墙|围墙|楼|房子?|杆|树|招牌|广告牌|棚).{0,4}(开始|已经)?倾斜/,
  // kept off the site: "村民站在工地门口不给施工队进"
  /(不给|不准|不许)[^，。；,;]{0,6}(进场|进厂|进来|进去|施工|开工|干活|入)/,
  // a battery cabinet alarming or swelling, something already burnt, work at height over people without a net, a
  // joint letter of residents: danger or a crowd now
  /(雪|积雪).{0,10}(压塌|压弯|压坏|压垮|压断|压得|压着|凹|变形|塌)|(燃气|天然气|煤气).{0,6}(挖破|挖断|挖坏|破了)|(挖破|挖断|挖坏)了?.{0,6}(燃气|天然气|煤气)|都是(燃气|煤气|气)?味儿|(基坑|边坡).{0,8}(裂缝|开裂|裂了|塌)|(电闸|总闸).{0,2}(拉了|被拉|给拉)|拉了?(我们的?)?.{0,6}电闸|(拦|堵)着(车|路|门)|工(钱|资).{0,4}(还差|还欠)|(拿不到|要不到).{0,6}(就)?(去|到)(市里|区里|政府|省里)|温度报警|鼓包|热失控|(人|员工)已经?(清|撤|疏散)(出去|离)|烧坏|烧起来|烧着了|(没挂|没有挂?|未挂|缺)(防护网|安全网|护栏)|联名(信|写信|上书)/,
  // a fight, stones flying from blasting, scaffolding askew, a roof torn off by the wind: danger now
  /(基坑|打桩|开挖|爆破).{0,8}(房子|房屋|民房|围墙|楼).{0,6}(裂缝|开裂|裂了)|(脚手架|塔吊|围墙|棚|广告牌).{0,4}倒了|打起来了|(石头|碎石|飞石).{0,6}(飞到|砸到|掉到|落到|飞进)|(脚手架|支架|模板).{0,8}(歪|不稳|晃)|(吹翻|掀翻|刮翻|吹掉|掀掉|刮掉)/,
  // rounds 99–102: a tower crane askew or swaying, welding sparks that nearly lit something, hot work without purging, a
  // slope iced and people already fallen
  /塔吊[^。；;]{0,10}(歪|晃得厉害|晃动)|差点(着了|着火|起火|烧起来)|没(做|有)?置换[^。；;]{0,6}(动焊|动火)|(结冰|没人?铲雪|没(撒|洒)盐)[^。；;]{0,16}摔/,
  // round 96: a typhoon coming and what stands high cannot be taken down in time
  /(台风|暴雨|大风)[^。；;]{0,24}来不及(拆|撤|收|加固)/,
  // someone fallen from a height ("一个工人从脚手架上摔下来了")
  /(从|自).{0,8}(脚手架|楼上|高处|屋顶|楼顶|塔吊|吊篮|平台|架子).{0,4}(摔|掉|跌|坠)(下来|下去|落)|(工人|人|师傅|员工|小工).{0,8}(摔|跌|坠)(下来|下去|落)了/,
  // something about to fall ("围墙已经往外歪了", "电线杆快倒了")
  /(墙|楼|房子?|电线杆|电杆|杆子|树|广告牌|棚|挡墙|护坡).{0,6}(歪了|往外歪|往里歪|要倒|快倒|鼓出|鼓起)/,
  // round 132: the water or the power shut off at the valve or the switch ("今天已经把水闸关了")
  /(?<!(?:要先?|要求[^，。]{0,10}|每天[^，。]{0,6}|下班|之前|前))把(?:我们的?|俺们的?)?(水闸|电闸|总闸|水阀|总阀)(给)?(关|拉)(了|掉)/,
  // round 138: the steam cut and the tanks standing ("蒸汽又断了…罐子都停了"), people at the gate ("渔民都堵到厂门口了"),
  // a crowd that will not leave unpaid ("说不给就不走了")
  /蒸汽(又|都|已经|突然|全)?(断|停)了|(罐|罐子|发酵罐|反应釜)(都|全|全部)停了|(人|工人|民工|村民|渔民|农民|果农|菜农|家属|债主|供应商)(都|全)?堵(到|在)了?[^，。；,;]{0,3}(大门|厂门|门口|办公室)|不(给|还|结|发)[^，。；,;]{0,4}就不走/,
  // round 121: people taken out of a workshop ("车间人都撤出来了"), a whole line stopped with what feeds it ("整条线跟着停")
  /(人|员工|工人)(都|全|全部|已经)?(撤出来|撤出去|撤离|撤了)|(整条线|整条生产线|整条产线|全线)(都|也)?(跟着)?停/,
  // round 140: goods about to thaw or rot, a dam or a slope seeping, a mine roof parting, a site standing still
  /(货|冻品|冻货|肉|海鲜|鱼|水果|果子|苹果|菜)[^，。；,;]{0,3}(快|要|都|开始)(化|坏|烂|臭)(了|掉)|(尾矿坝|坝体|大坝|堤坝|边坡|坡面)[^，。；,;]{0,8}(渗水|渗漏|管涌|变形|位移)|顶板离层|冒顶|(施工|工地|工程|产线|生产线)[^，。；,;]{0,3}停着/,
  // round 216: people blocking or surrounding in Xiang words ("十几个村民堵到起", "被十几户村民围到了"; not traffic, 人多车多堵起了,
  // nor a fence, 被人围起了一圈彩钢板)
  /(村民|工人|民工|农民|家属|债主|供应商)[^，。；,;]{0,4}堵到起|(被|叫|让)[^，。；,;]{0,8}(户|村民|工人|家属)围到了?/,
  // rounds 220–223: people blocking for days ("村民…唔俾过，已经堵咗两日"), a bulldozer at work on the crops, a few days'
  // notice to clear out ("限三日内清场")
  // (not a drain or a toilet blocked, 下水道都堵了三天; nor a bulldozer levelling a site, 推土机进场平整场地)
  /^(?![^]*(下水道|厕所|马桶|管道|水管|排水|下水|堵车))[^]*(村民|工人|民工|农民|家属|债主)[^。]{0,30}(已经|都)堵(了|住)?(两|三|几|好几|\d+)(日|天)|推土机[^。]{0,16}(开进来|开进|在推)[^。]*(推了|推倒|推平|还在推)|限(期)?[^，。；,;]{0,4}(两|三|\d)(日|天)内(清场|搬|拆|腾)/,
  // round 142: the road or the gate blocked by people ("村民把我们拉煤的路口堵咧")
  /(把|给)[^，。；,;]{0,10}(路口|大门|厂门|门口|道口|路)(给)?堵(了|住|死)/,
  // rounds 184–196: aluminium setting in a furnace or a cell, ammonia leaking, a crack in a crane's jib, something hanging
  // in the air, a gate blocked by people, a trouble told as "要出大事", supplies already stopped, frostbite at work
  // (not 氨纶, 漏报, a past crack not found, a figure of speech, a threat or a past stoppage: the review's cases)
  /铝水[^。；;]{0,4}(快|要|都|已经)[^。；;]{0,2}凝|铝水凝(了|住)|(液氨|氨气|氨(?!纶))[^。；;]{0,12}(漏(?!报|缴|税|交|填)|味)|(塔吊|吊臂|主臂)[^。；;]{0,8}(?<!没|没有|未|无|没发现)(裂纹|裂缝|开裂)|(吊|挂)在半空|(大门|厂门|门口|路口)被[^，。；,;]{0,8}(村民|工人|人|家属|民工|群众|债主|司机)[^，。；,;]{0,2}(堵|围|封)(了|住|起)|(?<![没不别])(要|会)出大事|(?<![没不别会要])出大事(的|了|啊|嘞)|已经停止供货|(?<![不防])断餐|冻伤了/,
  // round 145: the enterprise's bank account frozen (the wages and the suppliers go unpaid)
  /(?<!(?:去年|以前|之前|曾经?|上次|上回)[^，。；,;]{0,6})(?:(账户|基本户|账号|户头|对公户)[^，。；,;]{0,6}冻结|冻结[^，。；,;]{0,4}(账户|基本户|账号|户头|对公户))(?![^，。；,;]{0,4}(已经?|都)?(解除|解冻|过))/,
  // rounds 240, 244 and 246: production stopped ("矿山已经停了半个月", not a canteen's), the gas cut this morning, workers
  // afraid to stay inside a shaken building, people still at the gate, a bulldozer in the yard before help comes, the gas
  // rationed from tomorrow (a notice whose day is the others', not asked for, still presses)
  /(矿山|矿井|工厂|厂子|厂里|工地|生产线|产线|窑)(已经|都|全)?停(了|产了|工了)(?![^，。]{0,4}(吗|没|么|好几年|几年|多年|[一二两三四五六七八九十\d]+年))|(天然气|燃气|蒸汽|暖气)[^，。]{0,8}(突然|今天|今早|早上)[^，。]{0,4}断了|不敢在里面(干活|上班|作业|待)|(人|他们|村民|工人|家属|债主)[^，。]{0,4}(还|正)在[^，。]{0,6}(门口|厂门口|大门口)堵着|再不来人[^，。]{0,6}就|(明天|后天)(起|开始)[^，。]{0,4}(限|停|断)(电|气|水|产|供)/,
  // rounds 324–334: a crane's wire rope snapped, a high slope come down (will it slide again; not one left so for months), a loan
  // called in to be repaid in two days (a cash chain said to be breaking alone is not: 10 of 11 labelled normal), a steel roof sheet torn up by the wind and hanging over a path
  /(钢丝绳|吊索|吊带)[^，。；;]{0,4}断(了|掉|裂)(?![^，。]{0,3}过)|(高边坡|边坡|山体|挡土墙|挡墙|护坡)[^，。；;]{0,8}(垮|塌|滑坡|倒)(了|下来)(?![^，。]{0,4}(吗|没|过)|[^。]{0,16}(一直|好久|很久|几个月|没人修))|(抽贷|收贷|断贷)[^。]{0,12}(明天|后天|两天内|三天内|还有[一两三]天)[^，。]{0,3}要还|(彩钢板|屋面板|顶棚|彩钢瓦)[^，。；;]{0,12}(掀|刮)(起来|飞|开|翻)/,
];
/**
 * Words that look urgent but are not: a fee (停机费), a shortage (急缺), a stoppage threatened if something else does
 * not happen (再运不出去就要停工) or demanded and argued against (不停工), a list one is not on (进不了目录), water that
 * cannot be topped up (补不进水), dangerous goods named (危险化学品), a courier kept out (快递车进不了园区), a pressure or
 * price going down, and what happens whenever something else does (一下雨污水就漫到厂区, 一断电温度就往上窜), with what it
 * keeps out then ("一落雨厂门口就淹，货车进不来", rounds 247–253; not "…，今天货车进不来"): chronic;
 * so is a line that keeps dropping (宽带经常断线, 网络天天断), neighbours who come to argue every month, and a landlord's threat
 * to cut the water in a quarrel over rent (物业说要停我们的水, 物业放话要断电); a price that frightens (报价拉得吓人, 贵得吓人) is
 * no danger; a road too narrow for trucks (路太窄了，大车进不来: 10 of 10 labelled normal) and 不涨就不让进 (8 of 9) wait;
 * a child not admitted to a school (小孩转学进不了公办学校: 5 of 5 normal) is no one kept out of a site; mud when it rains that
 * keeps trucks out (下雨一地泥巴车都进不来, 一下雨全是泥巴，货车进不来: 4 of 4 normal) is chronic.
 * So is a slope or a wall come down long ago (边坡前年就塌了, 去年塌了一截: 3 of 4 labelled normal, the fourth urgent for
 * its 危险), the review of the fiftieth session found.
 * What matches is taken out before the urgent words are read: `隐患整改清单` goes whole, 隐患 with it (`整改清单` alone
 * would leave 隐患 to read as urgent).
 */
const NOT_URGENT =
  /(前年|去年|上个?月|几个月前|年前|好几年前?)[^，。；;]{0,4}就?(塌|垮|倒)了|下雨[^，。；;]{0,4}(一地|全是|到处是|满地)?泥[^。；;]{0,8}进不来|进不了[^，。；;]{0,8}(学校|小学|幼儿园|中学|公办)|(价|贵|费|价钿)[^，。；;]{0,4}吓人|放话[^，。；;]{0,10}(断|停)[^，。；;]{0,4}(?![^。]{0,30}(今天|现在|已经))|(太窄|窄了)[^。]{0,12}进不来|不(涨|给|加)[^，。；;]{0,4}就不让[^，。；;]{0,6}进[^，。；;]{0,4}|(宽带|网络|网|光纤|专线|信号|5G|4G|AGV|小车|视频)[^，。；;]{0,8}(经常|老是|时不时|隔三差五|总是|动不动|天天|每天)[^，。；;]{0,3}断(网|线|了?(?=[，,。；;\s]|$))(?![^。]{0,30}(今天|现在|又断|火花|冒火|报警))|(每个?月|隔三差五|时不时|经常)[^，。；;]{0,4}(来闹|闹一次)(?![^。]{0,30}(今天|现在|已经|砸|打|伤|砍|刀|堵))|(物业|房东|业主|村里|村委|出租方)[^。；;]{0,40}(说|话|讲|放话|扬言|威胁)[^，。；;]{0,3}要(停|断)(我们|俺们|我哋)的?(水|电|气)(?![^。]{0,20}(已经|现在|今天)[^。]{0,4}(停|断|关))|(高|贵)得吓人|(早高峰|晚高峰|高峰)[^，。；,;]{0,8}(进不来|进不去)|(?<![冲断塌毁垮][^。]{0,12})(大巴|旅游车|游客的?车)[^，。；,;]{0,4}(进不来|进不去)|隐患整改单|整改单上|(前员工|离职员工|(?:辞退|开除|离职)的(?:一个|那个)?员工)(?!带|叫|伙同)(?![^。；;]{0,40}(摔|受伤|伤了|砸|压伤|事故))[^。；;]{0,40}闹|路灯[^。；;]{0,24}(黑灯瞎火|一片黑|漆黑)|(发过|来过|出过|遭过)[^，。；,;]{0,4}水[^。；;]{0,12}(淹了|被淹)|(上回|上次|之前|以前|去年|前年|上个?月)[^，。；,;]{0,6}(还|也)?(淹了|被淹)|\b[Nn]ot (that |very |too |so )?urgent\b|(全|都)?不让停车|禁止停车|扬尘[^，。；,;]{0,8}(超标|报警)|防止[^，。；,;]{0,4}(断电|停电)|(事故|隐患)[^。；;]{0,16}((已经?|都)(全部)?(处理完|处理好|整改完)|改完了)|(去年|前年|早年|之前|以前|上次|上回|上个?月)[^，。；,;]{0,8}(出了|出过|发生了?|发生过)?[^，。；,;]{0,4}(火灾|事故)|(期间|的时候)要?(停电|停水|停气)|(换[^，。；,;]{0,4}|检修|改造|割接|接入)(要|得|需要)停(电|水|气)(?![^。；;]{0,12}(今天|明天|马上|已经|损失))|(去年|前年|上个?冬天|往年)[^，。；,;]{0,6}(限|停|断)(电|水|气)?(停|断)?了(?![^。]{0,12}(到现在|至今|还没|还是))[^，。；,;]{0,5}|(停产|停工)过|塌陷区|停工期|冬季停工|冬(休|歇)停工|上个?月[^，。；,;]{0,4}(还)?撞了|(有没有|有冇|查一遍|排查)[^，。；,;]{0,4}隐患|(不能|不可以|不允许|不敢)(停电|断电)|(路口|门口|路上|高峰|早上|晚上)[^，。；,;]{0,4}堵车|(站牌|路灯|护栏|栏杆|指示牌|路牌|广告牌)[^，。；,;]{0,8}(被|让)?(车)?撞(歪|坏|倒)(?![^。]{0,20}(砸到|砸在|砸伤|有人被|受伤|压住|压伤|横在|挡住))|(打电话|通话)[^，。；;]{0,3}(都|就|老|总|经常)?断线(?![^。]{0,20}(被困|火警|井下|有人))|(隐患|整改)[^，。；,;]{0,10}(整改完|已整改|完成了|完了|早就完成|全部完成)|隐患整改清单|整改清单|(隐患整改通知|整改期限)(?![^。；;]{0,40}(来不及|做不完|太紧|太短|宽限))|临床急需|(遭了?|发生了?)火灾[^。；;]{0,16}捐|(去年|之前|以前|上次|上回)[^，。；,;]{0,4}(停过|出过)[^，。；,;]{0,6}(电|事故)|不是(我们)?出(了)?事|马上(就)?(是|到)[^，。；,;]{0,8}(季节|旺季|淡季|年底|过年|春节|节)|快递车?不让进|停(机|工|产|车|电)(费|损失费)|急缺|急(?:需招|招)(?![^。]{0,40}(到岗|上岗|坏|停|明天|后天|下周一|本周|这周))|(隔三差五|三天两头|时不时|动不动|天天|经常)[^，。；,;]{0,8}(来|上门|派人)[^，。；,;]{0,8}闹(?![^。]{0,30}(跳|爬到|爬上|动手|打人|打伤|砸|今天|昨天|刀|汽油|点火|灵堂))|急性子|急弯|急转弯|急停|急救|急诊|急冷急热|(不|再不)[^，。；,;]{0,6}就(说)?要?(断|停|掐)(我们的?)?(电|水|气)((断|停)(电|水|气))?|(再(?!有?[一两二三四五六七\d]天)|如果|要是|若|万一|不然|否则|的话)[^。；;！!？?]{0,24}(就|便)?(要|会|得|可能|只能|将)(被)?(停工|停产|停线|停机)|(不|别|不用|不要|免于|避免)停(工|产)|要停工整改|进不了[^，。；,;！!？?]{0,8}(目录|名录|名单|库|体系|市场|商场|超市|系统|圈子)|(补|加|打|抽|送)不进水|进水(口|管|阀|量)|危险(化学品|品|废物|源)|危化品|(快递|外卖|网购|共享单车|私家车|访客|客户的车)[^，。；,;！!？?]{0,6}进不(了|来)|(压力|气压|水压|电压|温度|价格|销量|产量|订单|效益|利润|营收)[^，。；,;！!？?]{0,4}往下掉|(?:一|每次|每逢|只要)(?:下|落|遇到?|碰到|到|赶上)?(?:大|暴)?(?:雨|雪|风|断电|停电|停水|停气|断网|掉线|降温|高峰|用电高峰|夏天|冬天|雨季|汛期|晚上|周末|满负荷)[^，。；,;！!？?]{0,8}就[^，。；,;！!？?]{0,12}(?:[，,](?![^，。；;]{0,8}(?:今天|现在|已经|这会))[^，。；,;！!？?]{0,8}(?:进不来|进不去|出不去|过不去))?|(?<!(?:今天|明天|后天|马上|立刻|今晚|这周|本周|周[一二三四五六日天]|礼拜|星期)[^。]{0,30})(?<!再)不(?:涨|同意|加价|加钱|加|签|给|付|交|搬|续)[^，。；,;！!？?\s]{0,3}就(?:要|会)?(?:给|把)?(?:我们的?|俺们的?)?(?:断|停)[^，。；,;！!？?\s]{0,4}(?![^。]*(?:今天|明天|后天|马上|已经|已|这周|本周|周[一二三四五六日天]|现在只能|发电机))|(?:微信|信息|消息|短信|邮件|视频|图片)[^，。；;]{0,4}发不出|(?:再(?:下|来|遇到?)[^，。；;]{0,4}(?:大雨|暴雨|雨|雪|洪水)[^，。；;]{0,4}就[^，。；;！!？?]{0,6}|(?:年年|每年|往年)[^，。；;]{0,8}(?:漫|淹|冲|堵|倒灌)[^，。；;]{0,6}|[^，。；;]{0,12}(?:挖断|弄断|撞坏|砸坏|挖坏)了?[，,]?\s*(?:我们)?(?:已经|都)(?:修好|修复|接好|恢复)了?|马上(?:就)?(?:是|到)?(?:冬季|夏季|春季|秋季|年底|过年|春节)?(?:旺季|淡季)了)(?![^。]{0,30}(?:今天|现在|已经|又|还是|但是|变形|裂|坏|没法|(?<!能)不能|停))|[^。！!？?]{0,30}(?:暂时|目前|现在)(?:还)?(?:没有|没|无|未有)(?:什么)?(?:危险|安全隐患|隐患|大碍|险情)|隐患整改方案(?:已经?|都)?(?:批|通过|定)/g;

/**
 * Words that say outright that a report is urgent: where the rules read one of them (or a requested date within two
 * days), the learned fallback is not asked.
 */
const URGENT_CERTAIN = ['急', '马上', '立即', '立刻', '火速', '刻不容缓', '停产', '停工', '着火', '火灾', '起火', '爆炸', '触电', '坍塌'];

/** Urgency told in English ("our operations have stopped", "urgent", "can't pass safely"). */
const URGENT_ENGLISH = /\b(urgent|urgently|asap|emergency|immediately|operations have stopped|has stopped|have stopped|all stopped|(?:line|lines|plant|factory) (?:is |are |has |have )?(?:stopped|down)(?! briefly| by| \d)|shut down|injured|accident|on fire|unsafe|dangerous|not safe|pass safely|high priority)\b/i;

/** The urgent words and patterns, English's among them, each run only where the text holds what its matches need. */
const URGENT_ANY = new AnyOf([URGENT_ENGLISH, ...URGENT_PATTERNS], URGENT);
const NOT_URGENT_GATED = new GatedReplace(NOT_URGENT);
const urgentByRules = (s: string) => URGENT_ANY.test(s);

/**
 * The rules' reading of a report's urgency: `certain` when a requested date within two days or a word of
 * `URGENT_CERTAIN` made it urgent, `cleared` when NOT_URGENT (or 不急, 应急, a compensation claim) took away what
 * would have made it urgent. `t`: the normalised text; `soon`: a requested date within two days.
 */
export function urgencyByRules(t: string, soon: boolean): { urgency: Urgency; certain: boolean; cleared: boolean } {
  if (soon) return { urgency: 'urgent', certain: true, cleared: false };
  // "应急局", "应急资金" name things; they do not say the matter is urgent
  let calm = t.replace(/(不急|不着急|不是很急|不紧急|不用急|应急|干着急)/g, '');
  calm = NOT_URGENT_GATED.replace(calm, '');
  // an accident told to argue about compensation ("出车祸，家属非要按工伤赔") is a claim, not an emergency
  if (/(工伤|赔偿|理赔|保险|赔付|按.{0,4}赔|要赔)/.test(calm)) calm = calm.replace(/(车祸|受伤|摔伤|割伤|烫伤|烧伤|夹伤|压伤|被电|事故|伤亡|出事|撞坏|撞)/g, '');
  if (urgentByRules(calm)) return { urgency: 'urgent', certain: URGENT_CERTAIN.some((w) => calm.includes(w)), cleared: false };
  return { urgency: 'normal', certain: false, cleared: calm !== t && urgentByRules(t) };
}


/** How to use a command, asked in a few words ("怎么报问题", "怎麼催辦？", "如何认领工单"). */
const HOW_TO_COMMAND =
  /^(小二)?(请问|教我一下|教教我|教一下|能教一下|能不能教一下|问一下|想问一下)?(怎么|如何|怎样|咋)(在这里|在群里)?((给|对|把)(工单|问题|诉求|单子))?(报|提|上报|提交|反映|报送|催办|催|认领|签收|办结|销号|结案|答复|评价|转办|转交|转|派|重办|查询|查|更正|改)(一下)?(给别人|给其他人|给别的部门|给其他部门|给别的单位|出去)?(问题|诉求|工单|单子|进度|类别)?(呢|啊|呀|吗)?$/;
/** The form of a command asked after: "催办的格式是啥样的", "延期指令怎么写". */
const COMMAND_FORM = /(报问题|催办|认领|签收|办结|转办|评价|打分|重办|延期|更正|查询)的?(指令|命令|格式|写法)|(指令|命令|格式)(咋|怎么|如何)写|(报问题|催办|认领|办结|转办|延期|更正|评价)[^，。]{0,4}(咋|怎么|如何)(写|打分)|(评价|打分)[^，。]{0,6}有(啥|什么)格式|^(店小二|小二)?(报|提|上报|反映)问题的?(时候)?(要|需要|得)(写|填)(哪些|什么|啥|些啥)/;
/** A ticket taken on in plain words: "我们局来办", "我们街道跟进", "这个由我们科室牵头", "收到，我来对接". */
const CLAIM_PLAIN =
  /^(好的?|收到|行|可以|ok)?(这个|这件事?|此事|这单|这件)?((由|交给)?(我们?|我司|本)(局|街道|部门|科室?|镇|乡|中心|所|单位|处|办|这边|团队|专班|社区)?|[\u4e00-\u9fa5]{0,6}(局|街道|镇|乡|科室?|中心|所|办)?(这边|这里))(来)?(牵头|负责)?(办理?|跟进|跟|处理|负责|牵头|对接|协调|接手|接|认领|管)(吧|一下|起来|了)?$|^(好的?|收到)?(这个|这单|这件)?(就)?(交)?给我(们)?(吧|来办?|来处理)?$/i;
/** The problem back after a fix: "又断电两次", "又漏水了", "修得不行", "跟没修一样". */
const PROBLEM_BACK =
  /(又|再次|再一次|还是)(停|断|跳|掉|没)了?.{0,3}(电|水|气|网|闸)|又(坏|漏|塌|倒|堵|冒|爆|淹|出现|出问题|不行|不通|不亮)|又有?[^，。,;；]{0,6}(不亮|坏了|漏水|断了|停了|堵了|不通|不转)|修得(不行|不好|不怎么样)|(跟|和)没修(一样|似的)|等于没有?修|白修了|没修好|修了.{0,6}(还是|又)/;
/**
 * Done, said in plain words: "规划许可证今天已经发给企业", "人已经招齐了，问题解决", "电已经通了" — not a list of what
 * to bring or a notice sent (rounds 247–253: "已约企业周四到窗口面谈，材料清单已发给企业").
 */
const DONE_PLAIN =
  /^[#\d\s号]*(协调好了|安排好了|落实好了|搞好了)(?![吗没])|(人|工人|员工)?(都|已经?|全部)(到岗|到齐)了|(已经?|都)(送到|交到)(企业|对方|厂里|他们)?(手上|手里)|(?<!(?:清单|通知|模板|表格|样表|告知书|指南|须知)[都也]?)(已经?|都)(发给|交给|送达|发放|下发|出证|下证|领到|拿到|到账|拨付到位|批了|批复了|办出|办下来|批下来|拿下来|放款|放下来|交付|修好|修复|恢复|接通|招齐|招到|到位|落地)|(已经?|都)?收到(了)?(款|钱|资金|补贴|货款|工程款)|问题(已经?|都)?解决(了|啦)?(?![吗呢没不得])|(修好|弄好|办好)了|(电|水|气|网|路)(已经?|都)?(通|接通|恢复)了|(已经?|都)(送上|通上|装上|接上|换上|装好|换好|改好|调好|更正|改过来|清理干净|清完|拆除|拆掉|迁走|迁好|协调好)|(确认|反馈|回复|表示)(已经?)?(正常|没问题|无误|恢复)|(今天|昨天|上午|下午|刚刚?)(已经?)?(到账|到位|拨付到位|送上|通上)|落实(好)?了|(拿到|领到|办下来|批下来|发下来|租到|招到|找到|装好|换好)了/;
/** A rating given, opening what is said: "给个好评", "打五星". */
const RATING_GIVEN = /^(给|打)[个了]?(好评|差评|满分|[1-5一二三四五]\s*(颗|个)?星(?!期))/;
/** A question: what is done is asked about, not said ("证拿到了吗"). */
const ASKED = /[吗呢么没][?？]?$|[?？]$|了没/;
/** Who handled it, asked ("是谁签收的"). */
const WHO_ASKED = /是谁|谁(签收|认领|负责|在跟|在办|接|办|处理)的/;
/** Handed on to another body: "这是交通局的事，麻烦改给他们", "交给人社局 @赵敏 处理", "转 @李建国", "请区资规局接手，我们办不了". */
const TRANSFER_PLAIN =
  /(我们|我局|本局|我这边|我们这边|我们[\u4e00-\u9fa5]{1,3}(局|镇|街道|科|所)里?)(办不了|管不了|处理不了|没法办|无权|没有权限|管不着|搞不定|弄不了)|不归我们|不属于我们|不是我们(局|部门|单位|科室|这边)?的事|是[\u4e00-\u9fa5]{1,6}(局|委|办|中心|公司|所|街道|镇)的事|(请|让|麻烦)[\u4e00-\u9fa5]{1,8}(局|委|办|中心|街道|镇|所|科)(来)?(接手|接过去|接一下)|改给|转给?\s*@|(?<!已经?|刚)交给\s*@\S+\s*(来)?(处理|办理|办|负责|跟进)?\s*$|交给\s*[\u4e00-\u9fa5]{1,8}(局|委|办|中心|街道|镇|所|科|公司)\s*(@|来?(处理|办理|办|负责|跟进)(?!了))/;
/** A message that opens with a rating (the words of the answer's buttons, 好评 / 差评, stars), no figure after it. */
const RATING_ALONE = /^(非常不满意|很不满意|不满意|非常满意|很满意|十分满意|特别满意|比较满意|基本满意|满意|好评|差评|[1-5一二三四五]\s*(?:颗|个)?星|[⭐★🌟]{1,5}\s*$)(?![率度期的有多数件几榜])/u;
/** Asked to chase a ticket: 帮忙催一下, or 催一下 opening or closing the message. */
const ASKS_TO_CHASE = /(帮忙|麻烦|请|帮(?:我|俺|咱)们?|再给)帮?催(一下|一哈|哈|下|催|一催)|(催一下|催一哈|催哈|催下|催催)[。!！]?$|(再|即刻|立刻|马上|赶紧)催(一下|下)?[\u4e00-\u9fa5]{0,6}[。!！]?$|^[\s@店小二#＃\d号]*(帮忙|麻烦|请)?(催一下|催下|催催|催一催)/;
/** The one asked pressing in other words: "还要等多久", "麻烦盯一下", "再帮忙推一推", "领导很关注，请今天给个回复". */
const URGE_PLAIN =
  /再拖(下去)?.{0,10}(只有|就|只能|只好)(去)?(找|投诉|打|上访|曝光|反映)|(到底)?(有没有人管|有人管没|没人管吗)|(别|不要|不能|不能再|别再)(再)?拖|(还要|要|得)等(多久|多长时间|到什么时候|到啥时候)|等到(什么|啥)时候|(?<!我来?|我们来?)盯(一下|紧|着点|一盯)|推一推|推一下|推动一下|再催|又(打电话|来电话|来催|催)|领导(很|非常|比较|特别)?(关注|重视|过问)|请(今天|今日|尽快|马上|抓紧)(给|回)|给个(回复|答复|说法|准话)|拖(了|得)?(有点|有些|太|这么|那么|好|挺|蛮|很|够|老)久|等得.{0,3}(心慌|着急|心焦|发慌)|到底(啥|什么)时候(才)?能有个?结果|(已经|都)拖了?(两|三|四|几|\d+|[一二三四五六七八九十])(周|个?礼拜|个?星期|天|个?月)/;
/** Taken on in other words: "我这边先接手", "规划科接了", "我去跑一趟", "这个我们镇里来对接". */
const CLAIM_OTHER =
  /(我|我们|我这边|我们这边|[\u4e00-\u9fa5]{1,4}(局|科|镇|街道|所|中心|办|站))(里|这边)?(先|就)?(来)?(接手|接了|接下|接过来)(?!的)|^(我|我们)(先|就|马上|这就)?(去|来)(跑一趟|现场看看|现场看一下|现场|跑)|(这个|这件事?|此事|这单)(我们?|[\u4e00-\u9fa5]{1,3}(局|镇|街道|科|所))里?(来)?(对接|跟进|处理|办|负责)$/;
/** A cadre's own tickets: "我手上", "派给我的", "我名下". */
const OWN_LIST =
  /(我手上|我手里|我名下|派给我|分给我|交给我|转给我|我负责的)|(我这边|我的).{0,8}(单子?|工单|待办|任务|件|没办完|没办结|未办结|在办|没处理|超期|逾期)|(没办完|没办结|未办结|没处理完)的?$/;

/**
 * 办结 only when the work is done: "他们说下周给答复", "还在等待住建局答复", "尚未办结", "初审已完成，等待审批" tell where it
 * stands (a progress note), they do not close the ticket (round 170: "…银行同意展期三个月 等企业补个材料": the enterprise
 * still to send something; round 240: "#163 规划局答复要报省厅批，…": the answer is that it goes up for approval; round 262:
 * "#96 已发函给燃气公司，答复12月10号前通气": another's answer promising a day; round 268: "工单 160 …今晚再观察一下": to be
 * watched tonight; round 184: "…企业考虑紧", still weighing it).
 */
const STILL_PENDING =
  /要(报|上报|送|报送)[\u4e00-\u9fa5]{1,4}(批|审批|审核|审查)|(尚未|还没有?|没有|未能?|不能|无法)(办结|解决|答复|完成|落实|处理完|办好|搞定)|(明天|后天|下周|近期|过几天|再)(去)?(复查|复核|回访|跟踪|核查)|(今晚|晚上|明天|这两天|过两天)再观察|约(了|好)?(周[一二三四五六日天]|明天|后天|下周[一二三四五六日天]?)[^，。]{0,4}(复查|复核|验收|回访|核查)|(周[一二三四五六日天]|明天|后天|下周)[^，。]{0,6}(进场|施工|安装|上门|修补|修复|完工)|(明天|后天|下周|近期|过几天|月底前?)[^，。]{0,4}(发到|发放|拨付|拨到|到账|兑付)|(完|后|好)再(办结|答复|销号|结单)|再(观察|看看|盯|跟踪)[^，。]{0,2}(两天|几天|一下|一段|一阵)|再(观察|看看)(吧|[。！!]|$)|先记一笔|(企业|对方|他们|老板|厂里)(还在|正在|在|还要|再)考虑|(企业|对方|他们|老板|厂里)考虑(中|紧|一下|看看)(?!后)(?![^。]{0,20}(可以结|已答复|已办结|办结))|(等待?|等着|在等|待|给|会|将|预计|下周|明天|后天|近期|过几天|月底前?|年底前?)[^，。；,;!！]{0,8}(答复|办结|解决|完成|落实)|(等待|等着|在等|正在|已经在(?!那|这|现场|路口|门口)|下一步|然后再|还需|还要|仍需|仍在)|等[^，。]{0,6}(补齐|补充|提交|反馈|回复|确认)后|等待?(企业|对方)的?确认(?![了过])|等(企业|对方)补|(本周|这周|本月|周内|月底前?)内?(?!已)[^已，。；,;]{0,4}(办结|完成|办好)|答复[^，。；,;]{0,10}(前|之前|以内)[^，。；,;]{0,3}(通|完成|办好|到位|解决|送|接|修|批|办)/;

/** The enterprise's word, passed on, that the matter works now ("企业说机器开起来蛮好", "老板反馈正常了"). */
const ENTERPRISE_SAYS_IT_WORKS = /(企业|对方|老板|厂里|厂家|他们)(也|都)?(说|讲|反馈|表示|回复)(?![^，。？?]{0,6}(暂时|暂且|目前|基本))[^，。？?]{0,12}(蛮好|挺好|很好|正常了?|没问题了?|可以了|满意)/;

/** People @-mentioned at the head of a message ("@李科长 156号那个进度咋样了"), each followed by a space. */
const HEAD_MENTIONS = /^(?:[@＠][^\s@＠]{1,16}\s+)+/;

/** Words only a command about a ticket has. */
/** A ranking asked for (排一下, 发一下…), not only named. */
const RANKING_ASKED = /排一下|排个|排排|(红黑榜|红榜|黑榜|排名|排行)[^，,。；;]{0,6}(发一下|发我|发给我|拉一下|拉个|出一下|给我|整理一下|排一下|弄一下)/;
const COMMAND_WORDS = /(重新打开|重新开一下|重新开|重开|重办|重新办|重新处理|怎么就办结|^办结|已办结|催一下|催下|催催|能不能快点|还是没动静|先有人理|还没人理|(?:先|才)有人(?:理|管))/;
/** 第186号 (not a building's, a gate's or a line's), or a number and 号 before 还 / 又 or a space, or before a few words
 * and 还是 / 又 ("31号燃气又漏了…怎么就办结了？重新处理"). */
const LOOSE_TICKET_REF = /(?<=(?:说|讲)\s*)(\d{1,7})(?!\d)\s*号(?=解决|办好|办完|修好|处理好|弄好)|第\s*(\d{1,7})(?!\d)\s*号(?!\s*(?:楼|栋|厂房|车间|仓库|宿舍|线|机|门|口|地块|桩|窗口|柜|位|车位|井))|(?:^|[\s，,])(\d{2,7})(?!\d)\s*号(?=还|又|[\s，,]|(?![^，。]{0,6}(?:那天|那日|开始|上午|下午|晚上|早上|凌晨|以来|起))[^，。\d号]{1,6}(?:还是|又))/;
/** A ticket's number in words opening the message or after 第, before what names it as a ticket's (not a building's). */
/**
 * A number and 号, then where it has got to, asked (round 147: "看看俺们公司的那个127号到哪了"): no day is asked after so
 * (a number of one or two figures so only opening the message, "1号搞么样了？…", found trying the product).
 */
const ASKED_TICKET_REF = /(?:(?<![月年\d])(\d{3,7})|(?<=(?:那个|这个|那张|这张|那单|这单)\s*)(\d{1,2})|(?<=^\s*)(\d{1,2}))\s*号(?=\s*(?:现在|目前)?\s*(?:搞|办|弄|整)?\s*(?:到哪|办到哪|到了哪|什么进度|进展如何|怎么样了|咋样了|么样了))/;
const SPOKEN_TICKET_REF = /(?:^|第)([零〇一二两三四五六七八九十百]{1,7})号(?=那个|那单|这单|的?问题|工单|单子?|[\s，,]|咩|什么时候|啥时候)/;
/** The rest of a batch left to colleagues ("…剩下的你们分一下"): what one took was a share of a count, not a ticket. */
const REST_LEFT_TO_OTHERS = '(?:剩下|其余|余下)的?[^。]{0,6}(?:你们|大家|各位)';
/**
 * A number opening the message before the command said of it (round 235: "7号给个五星", "90我先认领了"); not a count one
 * takes a share of, without 号 ("200我先认领了，剩下的你们分一下").
 */
const HEAD_COMMAND_REF = new RegExp(`^(\\d{1,7})(?:\\s*号|(?![^。]*${REST_LEFT_TO_OTHERS}))\\s*(?=(?:给个?|打个?)(?:[一二三四五1-5]|满)(?:颗|个)?(?:星|分)|我?(?:先|来)?(?:认领|签收)(?:了|一下)?(?:[，,。\\s]|$))`);
/** A share of a batch taken, the rest left to colleagues ("200我先认领了剩下的你们分一下", read bare). */
const SHARE_TAKEN = new RegExp(`^\\d+(个|件|单|条)?我?(先)?(认领|签收|领|拿)(了|走)?${REST_LEFT_TO_OTHERS}`);
/** A note headed by what it is, then the ticket's number and a colon (rounds 247–253: "进展 95号：住建局今天下午现场看了…"). */
const NOTE_HEAD_REF = /^(?:进展|进度|跟进|更新|反馈)[\s:：]*(\d{1,7})(?!\d)\s*号\s*[：:，,]/;
/**
 * A number opening the message, said to be overdue and chased (round 292: "18号都超期三天了 咋还没动静呢 领导帮催一下"): a
 * ticket — not a day something was due ("18号都超期了 我们的货还在港口", "1号都超期了 1号说好的供暖还没通").
 */
const OVERDUE_HEAD_REF = /^(\d{1,7})\s*号(?:那个|那单|单子|工单)?\s*(?:都|已经?|早就?)超期(?=[^。]*(?:催|谁在管|谁管|没人管|动静|领导))(?![^。]*(?:我们|货|款|贷|工资|交房|交付|合同|\1号))/;
/** When the answer or the close comes, asked (what comes is group 1). */
const WHEN_ASKED = /(?:几时|什么时候|啥时候|哪天|何时|咩时候|多会儿?)[^，。？?]{0,6}?(答复|回复|结果|办结|办完|办好|解决|结案|搞掂|批下来)(?:啊|呢|了|吗|呀)?[？?]*$/;
/** What is asked after a matter's number: its approval, answer, close, progress or taking, nothing between but when. */
const MATTER_ASKED = String.raw`(?:到底|现在|目前)?(?:还)?(?:什么时候|啥时候|多会儿?|几时|咩时候)?(?:能不能|能有个?|能|可以|才能|给个?|有个?)?(?:批|审|答复|回复|办结|进度|签收|催)`;
/**
 * The matter named, then its ticket's number (round 268: "那个蒸汽的事 89号 今天能不能给个准话", "昨天那个停气的单子，90号，…"), or
 * the number opening the message before 那个单子 ("139那个单子退回去以后住建接了没有"): not a day of the month ("补贴的事 25号
 * 之前能不能到账"), nor a list's numbering ("1 这个问题我们反映过好几次了"); or the matter, 那个 and the number, then
 * its approval or answer asked after (round 280: "用电扩容那个37号到底多会儿能批"; not a room, a stall or a house: "隔壁那个88号还在
 * 半夜施工"); a number that could be a day only where 到底 or 现在 asks after it at once (a new deployment's tickets are
 * small: "用电扩容那个1号到底多会儿能批", found trying the product; not after a month or a meeting: "上个月那个15号到底批了没").
 */
const MATTER_TICKET_REF = new RegExp(String.raw`(?:的事|的事情|的单子?|的问题|那件事)\s*[，,]?\s*(3[2-9]|[4-9]\d|\d{3,7})(?!\d)\s*号(?=[\s，,。])|^(\d{2,7})(?!\d)(?:那个|这个)(?:单子?|工单)|(?<=^[\u4e00-\u9fa5]{2,8}(?:那个|这个))(3[2-9]|[4-9]\d|\d{3,7})(?!\d)\s*号(?=${MATTER_ASKED})|(?<=^[\u4e00-\u9fa5]{2,8}(?<![月周会检]|礼拜|星期)(?:那个|这个))(\d{1,2})(?!\d)\s*号(?=(?:到底|现在|目前)${MATTER_ASKED})`);
const SENT_BACK = /^(\d{1,7})号退回[，,\s](?=[^。]*(?:不是[^，,。]{1,6}的|请转|转给|转到|应该归|归[^，,。]{1,6}管))/;
function ticketRef(text: string): number | null {
  // (most messages hold no digit and skip the long patterns; voice input writes a ticket's number in words, read where
  // the words are a command's: "四十三号那个 讲解决了…麻烦重办", "第二百零三号咩时候先有人理")
  if (!/\d/.test(text)) {
    const said = text.replace(HEAD_MENTIONS, '');
    const spoken = COMMAND_WORDS.test(text) ? SPOKEN_TICKET_REF.exec(said) : null;
    if (!spoken) return null;
    const n = cnNumber(spoken[1]!) ?? 0;
    // (a day of the month — 十二号那个会议 — only after 第 or before a ticket's word)
    const asTicket = n >= 32 || spoken[0].startsWith('第') || /^(?:那单|这单|工单|单子?|的?问题)/.test(said.slice(spoken.index + spoken[0].length));
    return n > 0 && asTicket ? n : null;
  }
  // a reference anchored at the head is read after the people mentioned first; a number that could be a lamp's or a
  // day's ("第186号 路灯…", "5天了 125号还是…") is a ticket's where the words are a command's ("…麻烦重新打开", "办结 第121号")
  // ("23号退回，不是住建的，是水务的，请转水务局": N号退回 at the head is a ticket sent back where it says where it belongs —
  // not "20号退回给我们的申请材料…", a day)
  const m = text.match(TICKET_REF) ?? text.replace(HEAD_MENTIONS, '').match(TICKET_REF) ?? (COMMAND_WORDS.test(text) ? text.match(LOOSE_TICKET_REF) : null) ?? SENT_BACK.exec(text) ?? ASKED_TICKET_REF.exec(text) ?? HEAD_COMMAND_REF.exec(text) ?? NOTE_HEAD_REF.exec(text) ?? MATTER_TICKET_REF.exec(text) ?? OVERDUE_HEAD_REF.exec(text);
  const n = m ? Number(m.slice(1).find((g) => g !== undefined)) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

const BARE_VERBS: Record<string, Intent> = {
  认领: 'claim', 签收: 'claim', 办结: 'resolve', 答复: 'resolve', 转办: 'transfer', 退单: 'transfer', 催办: 'urge', 重办: 'reopen', 评价: 'rate',
};

/**
 * Rules first: the command forms officials use, then report vs chat. Where the rules have only a length-based default,
 * the learned fallback (intent-model.ts) decides when it is sure; `models` null: the rules alone.
 */
/** A reopen declined or asked about: "不要重新打开", "不用重开了", "要不要重新打开". */
const DECLINED_REOPEN = /(不要|不用|别|不必|不需要|无需|要不要|用不用|需不需要)(再)?(重新打开|重开|重办|重新办)(了|吗|吧)?/;
function detectIntent(t: string, ticket: number | null, models: IntentModels | null = SHIPPED_INTENT_MODELS): Intent {
  const bare = bareText(t);
  if (bare.length <= 12 && /^(@?店小二|小二)?(帮助|help|菜单|使用说明|说明|怎么用|怎么使用|如何使用|你能做什么|你会什么|你都会|能做什么|有哪些功能|功能)/i.test(bare)) return 'help';
  if (bare.length <= 16 && /(有什么用|会些什么|会什么|会啥|能干什么|能干啥|干啥|能做啥|可以做什么|能帮什么|能帮我干什么|能帮我做什么|能帮我们做什么|能帮我们干什么|怎么用|怎么使用|使用方法)$/.test(bare.replace(/^@?小二/, '')) && !/^我.{0,4}(该|要|得)(干|做|办|忙)/.test(bare)) return 'help';
  if (bare.length <= 20 && /(咋|怎么)往这里头?报问题|有说明没$/.test(bare)) return 'help';
  // "店小二都能干些啥？", "咱这个店小二能帮着查工单不？", "提问题是直接在群里说就行吗，要不要@你" (round 294: "我要报一个问题 是直接在群里
  // 说就行吗 还是要填表"): what the bot does, how to
  // give it a problem
  if (bare.length <= 40 && (/(店小二|小二|机器人)[^，。]{0,4}(都)?(能|会|可以)(干|做|帮)(些|点)?(啥|什么|么子|撒子)/.test(bare) || /(店小二|小二|机器人)[^，。]{0,4}(能|会|可以)(帮着?|帮我们?)?查(工单|单子|进度)(不|吗|么|没)?$/.test(bare) || /^(提|报|反映)问题[^，。]{0,4}直接[^，。]{0,6}(说|讲|发|打字)就(行|可以)(吗|嘛|不)/.test(bare) || /^(?:我要|我想|想)(提|报|反映)(一个|个)?问题[^，。]{0,4}直接[^，。]{0,6}(说|讲|发|打字)就(行|可以)(吗|嘛|不)[？?，,\s]*(?:(?:还是|要不要|需不需要|用不用)[^，。？?]{0,8})?[？?]*$/.test(bare)) && !/(我们|我司)[^，。]{0,8}(问题|申请)/.test(bare)) return 'help';
  // round 322: "店小二何里报问题？直接打字就行吗": where a problem is reported, and whether typing it is enough (Gan 何里 = 哪里)
  if (bare.length <= 40 && /(哪里|何里|哪儿|在哪|哪个地方)(报|提|反映)问题/.test(bare) && /(直接|就)[^，。]{0,4}(打字|说|讲|发)[^，。]{0,2}(就行|就可以|行|可以)(吗|嘛|么|不)$/.test(bare)) return 'help';
  // rounds 330 and 334: how to use the bot to look something up and what to type ("咋用你查我们企业的问题进度？有啥指令"), what a report
  // in this group must look like ("这个群里报问题有么要求？格式是么样的")
  if (bare.length <= 40 && ((/(咋|怎么|如何|么样|怎样|点样)用你(?!们)/.test(bare) && /(查|指令|命令|口令)/.test(bare)) || /(报|提|反映)问题[^，。]{0,4}有(什么|啥|么|哪些)(要求|格式|规定)[吗么嘛]?(格式是(什么|么样|啥|怎样|哪样)的?)?$/.test(bare))) return 'help';
  // "有冇人教下我點樣用呢個店小二查工單？"
  if (bare.length <= 40 && /教(下|一下)?我(怎样|怎么|如何)用/.test(bare)) return 'help';
  // round 209: "新来的 请问这个群里的机器人么样提问题？要@它吗": how to put a problem to the bot
  if (bare.length <= 40 && /(机器人|店小二|小二)[^，。]{0,4}(么样|怎么|咋|如何|怎样)(提|报|反映)问题/.test(bare)) return 'help';
  // "/help", "怎么查我们企业的工单？有没有使用说明", "你可以帮我查…吗？还能干啥"
  if (/^\/(help|帮助)$/i.test(t.trim()) || (bare.length <= 40 && /(有没有|有冇)(使用|操作)?说明$|还(能|会)(干啥|干什么|做什么|做啥)$/.test(bare))) return 'help';
  // "我是新来的服务专员，这个机器人都有哪些指令？", "办完的单子咋评价啊", "这个机器人能查我们企业的单子吗？咋用"
  if (bare.length <= 40 && (/(机器人|小二)[^，。]{0,4}(都)?有(哪些|什么|啥)(指令|命令|功能|口令)|(单子|工单|问题)[^，。]{0,4}(咋|怎么|如何)(评价|打分|催办|认领|办结|转办)|(机器人|小二).{0,16}(咋|怎么)用[?？]?$/.test(bare))) return 'help';
  // "这个机器人哪能用 我要报个问题是直接讲就可以吗": how to use it (Wu 哪能), asked with how to report
  if (bare.length <= 40 && /(机器人|小二)(哪能|怎么|咋|如何)(用|弄)/.test(bare) && /(报|提)个?问题.{0,4}(直接|就)(讲|说|发|打字)/.test(bare)) return 'help';
  // "店小二识做乜？": what it can do, in Cantonese
  if (bare.length <= 12 && /(店小二|小二|你)(识|会)做(乜|咩|什么|么个|麼个)/.test(bare)) return 'help';
  // round 220: "店小二你识做咩㗎？点样报问题？": what it does, and how to report
  if (bare.length <= 24 && /(店小二|小二|你)(识|会)做(乜|咩)/.test(bare) && /(点样|点|怎么|咋)(报|提)(问题|嘢)/.test(bare)) return 'help';
  // "@店小二 你能帮我们做什么？能不能查政策", "延期咋弄？": what the bot does, how a command is given
  // rounds 200–201: how to look up one's own reports, and the words to type for it ("怎么查我报的问题到哪一步了？有没有什么口令", "点样查我公司嘅单？教下我")
  // (round 260: "么样查我们厂报的问题到哪一步了？要输么子命令")
  if (bare.length <= 40 && /^(?:店小二|小二)?(?:怎么|咋|点样|如何|么样)查/.test(bare) && /(口令|指令|命令|教下我|教一下我|教我)/.test(bare) && /(报的|提的|问题|单|进度|口令|指令|命令)/.test(bare)) return 'help';
  if (bare.length <= 24 && (/你能帮我们?(做|干)(什么|啥)|你(会|能)(干|做)(啥|什么)|^(@?店小二|小二)?你可以(帮我们?)?(做|干)(什么|啥|咩|乜)/.test(bare) || (/^(怎么|咋|如何)查/.test(bare) && /(指令|命令)/.test(bare)) || /^(延期|转办|催办|认领|办结|评价)(咋|怎么)(弄|办|操作|搞)/.test(bare))) return 'help';
  // "@店小二 你都能干什么？我是新来的代办员，怎么…", "请问这个机器人可以帮我们做什么？报了问题之后谁跟进？": what the bot does,
  // asked first, with a second question after it
  if (bare.length <= 40 && /^(请问)?(@?店小二|小二|这个机器人|机器人|你)(你)?都?(能|会|可以)(帮我们?|帮忙)?(干|做)(什么|啥|么事|么子)/.test(bare)) return 'help';
  // round 244: "店小二你好，请问你可以帮我们做些哪样？": a greeting first; Guizhou's 哪样 for what
  if (bare.length <= 30 && /^(@?店小二|小二)(你好|您好)?(请问)?你?都?(能|会|可以)(帮我们?|帮忙)?(干|做)(些|点)?(什么|啥|么事|么子|哪样|撒子)$/.test(bare)) return 'help';
  // "怎么让它出日报？", "店小二能不能直接导出台账excel？怎么弄": how to have the bot do something
  if (bare.length <= 40 && (/(怎么|咋|如何)让(它|你|小二|店小二|机器人)(出|发|生成|导出|查)/.test(bare) || (/^(店小二|小二|机器人|你)(能不能|能否|可不可以|会不会|能)/.test(bare) && /(怎么弄|怎么操作|咋弄|怎么搞|怎么用)$/.test(bare)))) return 'help';
  // "小白求问 这个店小二怎么查我们公司的问题进度 有教程吗": how to use it, and a guide asked for
  if (bare.length <= 40 && /(店小二|小二|机器人)/.test(bare) && /(怎么|咋|如何)(用|查|报|催|评价)/.test(bare) && /(教程|说明书?|攻略|指南)(吗|没|呢)?$/.test(bare)) return 'help';
  // rounds 101–102: "请问用这个可以查我们公司所有的工单吗？怎么查", "怎么查我们提的问题到哪一步了？要输什么": how to look them up
  if (bare.length <= 40 && (/(用这个|这个机器人|店小二|小二)[^，。]{0,4}(可以|能)查[^。]{0,16}(工单|问题|单子)/.test(bare) && /(怎么|咋|如何)查/.test(bare) || /^(?:@?店小二)?(怎么|咋|如何)查[^。]{0,20}(要|该|得)(输|打|发)(什么|啥)/.test(bare))) return 'help';
  // round 220: "我的超期单列出来": one's own overdue tickets listed (a leader's numbers are the whole district's)
  if (/^(我的|我手上的?|我名下的?)(超期|逾期|快到期|要到期)的?(单子?|工单|清单|列表)?(列出来|列一下|拉一下|拉出来|发我|给我看?)?$/.test(bare)) return 'query';
  // round 223: "这个群里不要发广告啊 谢谢配合": the group's manners, no report
  if (bare.length <= 30 && /^(这个)?群里?(不要|别|请勿|禁止|严禁|不准)(再)?(发|刷)(广告|链接|无关)(的|内容|信息|消息)?(了|啊|哈|呀)?[，,。！!\s]*((谢谢|感谢)(大家)?)?((的)?(配合|合作))?[。！!]*$/.test(bare)) return 'chat';
  // "待确认的有几单": how many the bot was unsure of
  if (/^待确认的?(有|还有)?(几|多少)(单|个|件|条)?/.test(bare)) return 'triage';
  // "把拿不准的、等人确认的清单发我": the unsure tickets
  // (rounds 151 and 154: "把你拿不准、等着人确认的那些单子列出来", "还有哪些冇确认的？")
  if (bare.length <= 30 && (/(拿不准|等着?人确认|待确认|没确认|冇确认|不确定)的.{0,10}(清单|列表|单子|工单)/.test(bare) || /^(还有)?(哪些|哪几个|哪几条|几个|几条)(单子|工单)?(没有?|冇|未)确认的?(吗|呢)?$/.test(bare))) return 'triage';
  // round 125: "请问这个机器人能不能帮我们查政策？": whether the bot looks things up
  if (bare.length <= 24 && /^(请问)?(这个)?(机器人|店小二|小二)(能不能|能否|可不可以|可以|能)(帮我们?|帮忙)?查[\u4e00-\u9fa5]{1,6}?(吗|不|么)?$/.test(bare)) return 'help';
  // "店小二能帮我们查政策吗？还是只能报问题？": what else the bot does
  if (bare.length <= 30 && /(店小二|小二|机器人)(能|可以|会)(帮我们?|帮忙)?[\u4e00-\u9fa5]{1,8}(吗|不|么|没)还是只(能|会)/.test(bare)) return 'help';
  // "这个小二咋给它下命令啊": how to give the bot an order
  if (bare.length <= 24 && /(咋|怎么|怎样|如何)(给它|给小二|跟它|跟小二|对它)?(下|发)(命令|指令)/.test(bare)) return 'help';
  if (bare.length <= 14 && /^(怎样|怎么|如何)(用你|使用你)|(有没有|有冇)(说明|使用说明|帮助)$/.test(bare)) return 'help';
  if (bare.length <= 26 && /^(有没有|有冇|哪里有|在哪看|发一下)(使用|操作)?说明/.test(bare) && /(怎么用|不会用|不知道怎么|新来的)/.test(bare)) return 'help';
  if (bare.length <= 14 && /(哪些|什么|几个)(命令|指令|功能|口令)|(命令|指令)(有哪些|是什么|列表|清单|大全|一览|说明)|^怎么用|^如何用|这个机器人(怎么|咋|能|会|识|是干|干)|小二(能|会|怎么)/.test(bare)) return 'help';
  // "怎么报问题？", "如何催办", "怎样认领工单": how to use a command (a question, and nothing about a problem of one's own)
  if (HOW_TO_COMMAND.test(bare)) return 'help';
  // "催办的格式是啥样的", "咋报问题，直接在群里说就行？": the form of a command, or how to report at all
  if (bare.length <= 20 && (COMMAND_FORM.test(bare) || /^(请问)?(咋|怎么|怎样|如何)(报|提|上报|反映)(问题|诉求)/.test(bare))) return 'help';
  // 项目代办's leaders' reports: 月调度, 季观摩, 年验收 (the digest handler answers them)
  if (/^(?:@\S*?)?(本|本月|本季度?|今年|年度|重点项目)?(月调度|季观摩|年验收)(报告|情况)?$/.test(bare)) return 'digest';
  // (not "上周报的那个事", "昨日报的": a time, then 报的 — reported then)
  if (bare.length <= 16 && /(简报|(?<![上本这下今昨前])(?:日报|周报|月报)|排名|红黑榜|今日数据)|(daily|weekly|monthly)\s*report/i.test(bare) && !/(问题|反映|申请|看过|已阅|收到)/.test(bare)) return 'digest';
  // round 130: "today's summary please", "weekly summary pls": a leader's digest asked in English words
  if (bare.length <= 40 && /^(?:(?:today|this\s*week|this\s*month|yesterday)'?s?|daily|weekly|monthly)\s*(?:summary|digest|numbers|figures|stats)\s*(?:please|pls|plz)?[.!]?$/i.test(bare)) return 'digest';
  if (ticket !== null) {
    // what is said besides the ticket's number, bare
    const said = bareText(t.replace(TICKET_REF, ''));
    // "#120 不要重新打开", "#120 不用重开了，企业已经解决", "#120 要不要重新打开？": a reopen declined or asked about is not one
    // given; the message is read without those words
    const declined = DECLINED_REOPEN.exec(t);
    if (declined) return detectIntent(t.replace(declined[0], ' '), ticket, models);
    // 更正: "#12 类别改为 用工人才", "#12 改为紧急", "#12 企业是 神马电力", "#12 不是问题"
    if (parseCorrections(t).length) return 'correct';
    if (CORRECTION_BEGUN.test(t.replace(TICKET_REF, ' '))) return 'correct';
    // round 280: "#61 企业地址填错了，应该是延川县，不是延长县，改一下": a detail of the ticket written wrong, and what it
    // is, said alone, a correction (the handler answers with what it can correct); not a note, a close or a chase that
    // mentions it ("#61 地址写错了，所以施工队一直没找到，现在已经修好了，办结")
    if (/^[\s#＃\d号:：，,]*(企业|公司)?的?(地址|所在地|所在县|所在镇|联系人|联系电话|电话)(填|写|录|搞|弄|记)错了?[，,。\s]*(应该?是|应为|正确的?是|是)[^，。,]{1,20}([，,。\s]*不是[^，。,]{1,20})?([，,。\s]*(麻烦)?(改一下|改下|改过来|更正一下|改一哈))?[。！!]?$/.test(t) && !/[?？吗]|是谁|是不是/.test(t)) return 'correct';
    // round 274: "#61 我们前头评了五星 结果这两天又出问题了 … 麻烦重新处理一哈": a rating given before, the problem back, a redo asked
    if (/(评了|评过|打了|给了)[^，。]{0,4}(星|满意|好评)/.test(t) && /(又|再次)[^，。]{0,3}(出问题|坏|不亮|不通|漏|停|断|没|堵|跳)/.test(t) && /重新(处理|办|打开|弄|修)|重办|重开/.test(t)) return 'reopen';
    // "#113 差评，问题根本没解决就给结了", "#90 非常不满意 拖了一个多月最后告诉我们办不了": the rating said first, its reason after
    if (/^[\s#＃\d号]*(给个|打个|给)?(差评|非常不满意|很不满意|不满意)[，,。！!\s]/.test(t) && !/(重办|重新(办|处理|打开))/.test(t)) return 'rate';
    // round 92: "#153 俺们没同意办结，土地证还是没拿到，这怎么就算办完了？": the close not agreed to (rounds 247–253: "62号问题俺们没法确认办结…电压还是不稳",
    // Xiang/Gan "#12 么子办结了？路灯还是不亮")
    if (/(没|没有|不)(同意|认可|签字确认)(办结|结案|销号|关单)|不认(这个|这次)?(办结|结案)|(没法|没办法|无法)确认(办结|结案|销号)[^。]{0,30}(还是|照样|依然|又)|^[\s#＃\d号]*什么(就)?(办结|结案)了?[？?]|(怎么|咋)(就|都)?算(办完|办结|解决|结案)|(不能|不可以|别|先别|不要)(就)?(这么|这样)?(办结|结案|结单|销号|关单)了?[。!！]?$/.test(t)) return 'reopen';
    // round 105: "#33 话搞掂咗，但系燃气压力夜晚仲系唔够，唔该重新跟进": said to be done, but it is not
    if (/(说|话|讲)(已经?)?(搞定|解决|办好|修好|弄好)了?[，,\s]*(但是?|可是?)[^。]{0,24}(还是|仍然|依然|仍)(不|没)/.test(t)) return 'reopen';
    // round 92: "#58 什么进度了？上周说在走流程": where it stands, asked first
    // (rounds 266 and 268: "#57 依家咩进度？企业又打电话嚟问", "#95 现在么进度了 企业又在群里问了": 依家 now, 么 what)
    if (/^[\s#＃\d号]*(现在|目前|依家|而家)?(什么|啥|么子|咩|么)进度(了|啦|呢)?([？?]|\s|$)/.test(t) && !/催|搞快|抓紧|快点|赶紧/.test(t)) return 'query';
    // "#78 几时可以办结？" (round 266), "#73 几时能有答复", "招工那个73号几时能有答复", "#12 年前能办结吗": when or whether
    // the answer or the close comes, asked — never the close, whatever 答复 or 办结 the question holds ("天然气那个5号到底
    // 什么时候能答复" closed #5); pressed (都, 又, 催, 几次, a long wait), a chase. With 到底, only a question after the
    // answer or the close is read here: the labelled data read "到底什么时候能办好" as a question and "到底啥时候能有个结果"
    // as a chase, and the rules below do.
    const whenAsked = WHEN_ASKED.exec(t);
    if ((whenAsked && (!/到底/.test(t) || /^(答复|回复|办结)$/.test(whenAsked[1]!))) || (/(能|可以)(办结|办好|解决|答复)(吗|不|么|没)[？?]*$/.test(t) && !/到底/.test(t))) return /(到底|催|都|又|几次|还没|已经|再不|等了|着急|等着|逾期|超期|拖|天天)/.test(t) ? 'urge' : 'query';
    // round 272: "#126 阿旗天山冶金那个消防验收 约上没有": whether what was waited for came, asked (not "…不是修好了吗", back again)
    if (/(约上|约好|排上|定下来|批下来|办下来|装上|通上)了?(没有?|吗)[？?]?$/.test(t) && !/又|不是|催|第[二三四五六七八九十\d]+次|几次|到底|今天能/.test(t)) return 'query';
    // round 123: "#18 延期到哪天了？": the new deadline asked for, not given
    if (/延期(到|至)(哪天|哪一天|什么时候|啥时候|几号|几月几号)(了|啊|呢)?[？?]*$/.test(t)) return 'query';
    // "＃123 的进展麻烦说一下", "#152 有进展没有": the progress asked for
    if (/(进展|进度)[^，。]{0,4}(麻烦)?(说一下|讲一下|报一下|同步一下)|有进展(了)?(吗|没有?|没|呢)/.test(t)) return 'query';
    // "#45 我们搞好了", "#45 我这边已经解决了": done, said by who did it (never the enterprise's protest: "#58 修好了又坏了", "我们
    // 还没搞好"), an answer, not a reopening; "#12 我们已经去现场看过了": a visit made, a note
    if (/^[\s#＃\d号]*(?:我们?|我俫|我司)(?:这边|这里)?(?:已经|今天|刚刚?)?(?:搞好|弄好|办好|修好|解决|处理好|搞定|办完|弄完)了?(?:[，,。\s]|$)/.test(t) && !/(没|不|又|还是|还有|就是|但|不过|问题|重办|重新|怎么就|凭什么|[？?])/.test(t)) return 'resolve';
    if (/^[\s#＃\d号]*(?:我们?|我俫|我司)(?:这边|这里)?(?:已经|今天|昨天|刚刚?)?(?:去|到|跑)了?(?:现场|企业|厂里|工地|厂区)/.test(t) && !/(认领|签收|接了|接单|我来跟|跟进|重办|重新|没|[？?]|修好|解决|恢复|处理完|办结|修复|通[电水气]了?|满意|星|转|移交|退回|不归|不属于)/.test(t)) return 'progress';
    // rounds 67–70: "#134 解释说明：该项补贴今年已取消…": the answer given as an explanation closes it
    if (/^[\s#＃\d号]*解释说明[:：]/.test(t)) return 'resolve';
    // asked to chase it, whatever else is said ("…还在审 帮忙催下 工单号是#83"), at the end ("#137 重开三天了 还是没人理 催一下")
    // or first ("@店小二 #30 催一下 这周要给企业答复的"); not a chase already made ("已经帮忙催过了")
    if (ASKS_TO_CHASE.test(t) && !/已经?(帮忙)?催/.test(t)) return 'urge';
    // round 154: "#54 催办！说好上周给答复的": the command word after the number, cried out
    if (/^[\s#＃\d号]*催办[!！。，,\s]/.test(t) && !/(解决|办结|满意|不用了|转给|转办|转交|移交|已)/.test(t)) return 'urge';
    // round 151: "#209 评价：非常满意，转办很及时": the rating announced by its word (what it praises may be a transfer)
    // (not a rating that asks for the work again: "#209 评价：不满意，问题根本没解决，请重新办理", "评价：还没解决呢，先别结")
    if (/^[\s#＃\d号]*评价[:：]/.test(t) && !/(重办|重新(办|处理|打开|跟进|派)|没有?解决|没通|先别结|别结|还是没|还没)/.test(t)) return 'rate';
    // "#67 已办结，帮企业对接上三家商超，首批货下周进场": the close said first, what follows is what was done (round 154: before the
    // transfer words, "#47 已办结，多收的电费供电公司已经退回去了": money sent back is no transfer)
    // (not a close disputed: "#47 已办结，但企业反映问题还在，请重新跟进", "#47 已办结，企业说电还是没通")
    if (/^[\s#＃\d号:：，,]*(已经?办结|已办理完毕|现予办结)[，,。\s]/.test(t) && !/[?？吗]|(尚未|还没有?|未能?)(办结|解决|完成)|(转办|转交|转给|转到|移交|改派|退单)|但|不满意|不认可?|还是|还没|还在|遗留|重办|重新|根本没|没通/.test(t)) return 'resolve';
    // round 270: "#144 办结，已安排税务专管员周四上门": the command word itself after the number, then what was done (159 labelled
    // readings, all resolve); round 274: "#193 已处置 应急局已责令工地停止打桩": handled, said first
    if (/^[\s#＃\d号]*(办结|已处置|处置完毕)[，,。\s]/.test(t) && !/[?？吗]|没|不|但|可是|结果|还在|还要|照样|仍|依然|等|重办|重新|转办|转交|转给|退回/.test(t.replace(/^[\s#＃\d号]*(办结|已处置|处置完毕)/, ''))) return 'resolve';
    // "#127 已处理：包工头已找到，…": the close said first, with what was done after it
    if (/^[\s#＃\d号]*已(处理|办理|解决)[:：]/.test(t)) return 'resolve';
    // "#119 拖了两个礼拜喇，可不可以快的？": waited long, asked to hurry
    if (/拖了?(两|三|四|几|\d+|[一二三四五六七八九十])(周|个?礼拜|个?星期|天|个?月)/.test(t) && /(快|催|结果)/.test(t) && !/(办结|已解决|满意|终于|总算|已完成|好评|差评)/.test(t)) return 'urge';
    // "#470 企业说不急，年底前办好就行": the enterprise's patience, noted (no correction asked for: checked above)
    if (/(企业|对方|他们|老板)(说|讲|表示)?(不急|不着急|不用急)/.test(t) && !/(催|[?？吗])/.test(t)) return 'progress';
    // rounds 79–82: "＃120 今日一定要有答复，企业已经停产两日": an answer demanded today
    if (/(今天|今日)(一定|必须|务必)要?有?个?(答复|回复|结果)/.test(t)) return 'urge';
    // "#72 根本冇搞掂，水压今朝又唔够，重新开返": not done at all
    if (/^[\s#＃\d号]*根本没有?(搞定|解决|办好|弄好)/.test(t)) return 'reopen';
    // "#38 重新打开，材料又被退回来了": opened again, whatever else it says
    if (/^[\s#＃\d号，,]*重新打开/.test(t)) return 'reopen';
    // "#118 说好的周一前答复呢": what was promised, asked for
    if (/说好的[^，。？?]{0,12}呢/.test(t)) return 'urge';
    // (round 298: "工单121 签收三天了一点动静都没有，麻烦上点心": taken days ago and nothing since)
    // (not the handler's own note of why: "#121 签收三天了 企业那边一直没动静 联系不上", "#92 签收三天了 今天没动静 明天继续跟")
    if (/签收(了)?[一二三四五六七八九十几两\d]+(天|周|个?礼拜|个?星期|个?月)了?[^。]{0,10}(没有?动静|没人来|没消息|没下文|没进展|没反应|动静都没)/.test(t) && !/(因为|主要是|企业|对方|材料|打不通|联系不上|继续|在催|下周|明天|正在|已经)/.test(t)) return 'urge';
    // (round 306: "#72 签收了就没动静了，企业天天在问，麻烦加快": taken and nothing since, and asked to hurry)
    if (/签收(了|以后|之后|完)?就?(再也?)?(没有?动静|没消息|没下文|没进展|没人管|没反应)/.test(t) && (/(麻烦|请|能不能|能否)?(加快|快点|抓紧|上点心|催一下|督一下|盯一下)/.test(t) || /^[\s#＃\d号]*签收了?就(再也?)?没(有?动静|消息|下文)了?[!！。.…]*$/.test(t)) && !/(继续|正在|已经|我们再|明天|下周)/.test(t)) return 'urge';
    // "#91 人呢 说好今天来的也没来": someone promised to come and did not
    // (not a handler's note of an appointment missed and made again: "#91 专家说好今天来的也没来 改到下周")
    if (/说好[^，。？?]{0,8}来的?[，,\s]*(也|还|都)(没|没有|冇)来/.test(t) && !/(不满意|差评|再约|重新约|改到|改约|再联系|已协调|已经?和|已与|下周|明天再|解释|我们再)/.test(t)) return 'urge';
    // (the handler's note of that visit made again is progress, whatever the intent model makes of 没来: not a complaint
    // of a visit put off again, "又改到下周了 什么意思")
    if (/说好[^，。？?]{0,8}来的?[，,\s]*(也|还|都)?(没|没有|冇)来/.test(t) && /(改到|改约|再约|重新约)/.test(t) && !/(又|再次|一再|不满意|差评|什么意思|[？?])/.test(t)) return 'progress';
    // English: "Please expedite ticket #188", "#195 I'll take this one."
    if (/\b(expedite|speed (it|this) up|(?<!no |no need to |not in a )hurry|chase (it|this) up)\b/i.test(t) && !/\b(already|have|has|had) (expedited|chased)\b/i.test(t)) return 'urge';
    if (/\bI('ll| will) (take|handle|pick up|follow up on|look after) (this|it|that)\b|\b(assign|give) (it|this) to me\b/i.test(t)) return 'claim';
    // "#71 目前进度：征收办已入户评估三户…": an update announced as one
    // "128号问题更新一下，审图中心答复…今天下班前出": an update announced as one
    // (round 240: "118号 跟进情况：环保局答复资料还差一份检测报告…")
    if (/^(目前|最新|当前)?(进度|进展)(更新|情况)?[:：]|^(最新|目前)情况[:：]|^跟进(情况|进展|记录)[:：]|^(问题|情况|进度)?更新一下[，,:：\s](?![^。]{0,12}(问|催|在等|又打))/.test(t.replace(TICKET_REF, '').replace(/^[\s:：,，]+/, ''))) return 'progress';
    // "催办：#88 已超期3天，请责任单位今日答复", "办结#133 已现场核实并完成整改": the command word opening the message, before a
    // colon or the number, says what it is
    const opener = /^(认领|签收|办结|转办|退单|催办|重办)\s*(?:[:：]|(?=[#＃]\s*\d))/.exec(t)?.[1];
    // round 101: "进展 #88 自然资源局答复本周内出挂牌公告，已告知企业": the note announced by its word before the number
    // (round 159: "第121号进展 供电公司已完成勘察…")
    if (/^(进展|进度)\s*[:：]?\s*[#＃]\s*\d|^第?[#＃]?\s*\d+\s*号?\s*(进展|进度)[:：\s]/.test(t) && !/[?？吗呢]\s*$|怎么样|如何|咋样/.test(t)) return 'progress';
    // round 105: "#239 我跟，而家打电话畀供电所": taken on in two words, what is done next after them
    if (/^[\s#＃\d号]*我(来)?跟[，,\s]/.test(t)) return 'claim';
    // round 274: "#98 重办 我来跟", "#173 重办这回我来跟": the reopened ticket taken on; "#29 重办中：供电所今天重新排查了线路…": a
    // note on the redo under way
    if (/^[\s#＃\d号]*重办(这回|这次)?[，,\s]*(我来(跟|办|负责)?|我跟)(吧|了)?[。!！]?$/.test(t)) return 'claim';
    if (/^[\s#＃\d号]*重办中[:：\s]/.test(t) && !/[?？吗]|催|抓紧|怎么|还没|骂|都[^，。]{0,4}(天|星期|礼拜)/.test(t)) return 'progress';
    if (opener) return BARE_VERBS[opener]!;
    // "第81号工单到期了还没答复 抓紧", "请经信局今天内回复", "请尽快答复": pressed, whatever else the message says
    if (/(抓紧|请尽快(答复|回复|办理|处理)|(今天|今日|明天)(内|之内)?(回复|答复)|(今天|今日)[^，。]{0,4}(有个|给个)(回复|答复)|第[二三四五六七八九\d]+趟)/.test(t) && !/(已经?|已在|正在)(催|督促|抓紧)/.test(t)) return 'urge';
    // round 102: "#66 都超期了还没回复，再不给答复我们只能打12345了": overdue, and what follows if it stays so
    if (/(再不|还不)(给)?[^，。]{0,4}(答复|回复|处理|解决)[^。]{0,10}(只能|就要?|就只能)(打12345|投诉|上访|找)/.test(t)) return 'urge';
    // "#44 都第九天了还没签收？…今天下班前给我回话", "请问#131么样还冇人签收？都两天了": nobody has taken it yet, pressed
    if (/(还|仍|一直|都)没有?人(签收|认领|接单|接手)|还没有?(签收|认领)[?？]|没有?人(签收|认领|接单|接手)(咩|吗|么|呢|啊|啦)?[?？!！]*$|木人(签收|认领|接单|接手)|(尽快|快点|快的|快些|抓紧)(签收|认领)|再不(签收|认领|接单)就要?(超期|逾期|过期|到期)|(没有?|未|冇)(签收|认领)[^。]{0,4}(请|麻烦)?(督办|催办|催一下)/.test(t)) return 'urge';
    // round 214: "#101 已签收并办结，企业的问题当场解答了": taken and closed at once, closed
    if (/^[\s#＃\d号]*已(签收|认领)(并|后|且)(已)?(办结|解决)/.test(t) && !/[?？吗]/.test(t)) return 'resolve';
    // round 213: "#88 签收了没有": whether it was taken, asked (not "还没签收？", pressed above)
    if (/^[\s#＃\d号]*(签收|认领|接单)了(没有?|吗|冇|未|么)[?？]?$/.test(t)) return 'query';
    // "#88 签收了没有？都三天了", "#88 签收了吗？企业在催": asked, and pressed
    if (/^[\s#＃\d号]*(签收|认领|接单)了(没有?|吗|冇|未|么)[?？]/.test(t)) return /(都|已经?)[^，。]{0,4}(天|周|礼拜|星期|个月)了|催|(?<!不|不是|不着|没那么)急(?!着)|抓紧/.test(t) ? 'urge' : 'query';
    // round 216: "#107 都超期三天了，么回事？": overdue, and why asked
    if (/(都|已经?)超期[^，。]{0,6}[，,\s]*(么|怎么|咋|什么|啥)(回事|情况)/.test(t)) return 'urge';
    // round 217: "工单#121 到底什么时候能批？企业天天打我电话": the enterprise pressing the cadre, passed on
    if (/(企业|老板|对方|客户)(天天|每天|一直|老是)(打我|催我)/.test(t) && !/办结|结单|已(经)?答复|答复了|解决了|已(经)?解决/.test(t)) return 'urge';
    // round 216: "#129 今天有动静冇": whether anything moved, asked (not "到现在没有动静", pressed)
    if (/^[\s#＃\d号]*(今天|现在|这两天|最近)?有(动静|进展|消息|回音)(冇|没|吗|没有|了吗|了没|么)[?？]?$/.test(t)) return 'query';
    // "#129 答复企业：已联系教育局 孩子下周一入学 办结": the answer, closed by the command word at its end
    if (/[\s，,。](?:先|予以|现予)?(办结|结单)[。!！]?$/.test(t) && !/[?？吗]|没|不满意/.test(t)) return 'resolve';
    // "#84 转资规局，@刘科长 请签收": handed on to a body by name
    if (/^[\s#＃\d号]*转(?!账|让|型|产|正)\s*[\u4e00-\u9fa5]{1,8}(局|委|办|中心|所|站|街道|镇|公司)(?=[\s，,。@]|$)/.test(t)) return 'transfer';
    // round 230: "#158 这个是环评的事 转生态环境局 @马海燕 麻烦签收一下": why first, then handed on and its taker asked to sign
    if (/[\s，,。]转(?!账|让|型|产|正)\s*[\u4e00-\u9fa5]{1,8}(局|委|办|中心|所|站|街道|镇)(?=[\s，,。]*@)[^。]{0,20}签收/.test(t) && !/[?？吗]/.test(t)) return 'transfer';
    // "@住建局王科 #135 今天是最后期限，请务必今天给企业答复", "#164都超期两日了，谁跟紧？": the limit reached, pressed
    if ((/请务必|务必(今天|今日|尽快|抓紧|按时)|(今天|今日)是最后(期限|一天)/.test(t) || /(都|已经?)超期[^，。]{0,4}[，,]?.{0,6}(谁|哪个)(跟|管|负责|在跟)/.test(t)) && !/(已经?|已在|正在)(催|督促)/.test(t)) return 'urge';
    // round 276: "工单76办结了没": whether it is closed, asked (pressed, "#12 到底办结了没", a chase; a protest, "#12 这也叫
    // 解决了吗", "电又停了 #12 搞定了吗", neither)
    if (/(?:[#＃]\s*\d{1,7}|\d{1,7}\s*号(?:单子)?|工单\s*\d{1,7})\s*(?:现在|目前|到底|问题|这事|事情|企业的事|王科那边|的问题|这个问题|[\u4e00-\u9fa5]{1,4}的事)?(?:已经)?(?:办结了|结了|解决了|搞定了|搞掂了|搞好了)(?:没有?|吗|么|冇|未)[啊呀呢]?[?？]*(?:\s*谢谢)?$/.test(t.trim()) && !/(这也叫|不是说|真的|确定|就算|这就算|就这样|凭什么|怎么|又|还是|没通|没电|没水)/.test(t)) return /(到底|都[^，。]{0,6}(天|周|礼拜|星期|月))/.test(t) ? 'urge' : 'query';
    // "#31 搞定没", "#31 搞掂未啊": whether it is done, asked without 了 (Cantonese 未 = 没; the review found it read as the close)
    if (/(?:[#＃]\s*\d{1,7}|\d{1,7}\s*号)\s*(?:现在|到底|这个|这事)?(?:搞定|搞掂|搞好|弄好|办好|整好)(?:没有?|未|冇|吗|么|吖)[啊呀呢吖]?[?？]*$/.test(t.trim())) return 'query';
    // "#45 现场勘察完了没": whether a step is done, asked
    // (not "…又断网 不是修好了吗": the fix held up as said and failed, a complaint; 伓 is 不 in Fuzhou speech)
    if (/(完了|好了|办了|到了|批了|来了)(没|没有|吗|么)[?？]?$/.test(t.trim()) && !/(不|伓)是[^，。]{0,4}(修|弄|办|搞|处理)好了吗[?？]?$/.test(t.trim())) return 'query';
    // "95号到哪一步了？企业问我要个答复": where it stands, asked first
    if (/(到哪一步|走到哪|到哪了)[了呢]?[？?]/.test(t)) return 'query';
    // "#119 都延期一回了还是没动静…麻烦专班督一下": asked to supervise it
    if (/(麻烦|请|让)[^，。]{0,6}督(一下|办一下|促一下|促)/.test(t)) return 'urge';
    // "#12 到底有没有人在办？？", "第二百零三号咩时候先有人理？": a chase in the form of a question
    // (round 330: "第98号 到底还管不管了？上周说这周给答复")
    if (/到底(有没有人|有冇人|有木有人|有人没人|管不管|还管不管|办不办|还办不办)|有没有人(在办|在管|管一下|理一下)|(咩|什么|啥|几)时候(先|才)?有人(理|管|跟|处理)/.test(t)) return 'urge';
    if (WHO_ASKED.test(t) && ASKED.test(t.replace(/[的。.!！]+$/, '吗')) ) return 'query';
    // round 140: "#20 已经转给人社局了吗？我这边查不到": whether it was passed on, asked
    // ("#12 转给人社局了吗？": 了吗 asks without 已经 too)
    if (/(?:(已经|是不是|有没有)?(转给|转到|转交|移交)[^，。？?]{1,10}了(吗|没有?)|(已经|是不是|有没有)(转给|转到|转交|移交)[^，。？?]{1,10}吗)(?=[？?，,。\s]|$)/.test(t)) return 'query';
    // "已经转给审图中心": passed along as part of the work, a note; "转给 X" is the command
    // (not what was sent back to someone else, or money coming back: "图审意见又被退回来了", "资金下周能退回来"; nor goods going
    // back to their maker, rounds 247–253: "企业说再不通电设备就得退回厂家了")
    // (round 135: "企业补充的材料已收到，转交科室审核中": passed inside for review, a note)
    // round 213: "第120号问题说转给自然资源局了，一个月没人联系我们，也没解决，重新打开吧": a transfer told, then reopened
    // (round 258: "88号搞么样了？上周说转给住建的，后面就冇得下文了": a transfer told, in a question after the ticket — asked)
    if (/(重新打开|重开)(吧|一下|一下吧)?[。!！]?$/.test(t) && !/[?？吗]/.test(t)) return 'reopen';
    if ((/(转办|转交|转给|转到|移交|交由|改派|退单|(?<![被又能会已得])退回(?!来|给?(厂家|原厂|供应商|卖家)))/.test(t) && !/(已经?|刚)(转给|转到|转交|移交|报送)|(转交|转给|转到|移交)[^，。]{0,8}(审核|审查|审批|办理|处理)中/.test(t) && !(/(说|讲)是?(转给|转到|转交|移交)[^，。？?]{0,10}(的|了)(?=[，,。？?\s]|$)/.test(t) && /[?？]/.test(t))) || TRANSFER_PLAIN.test(t)) return 'transfer';
    // "#456 给规划科的王科长，他熟": handed on by naming who takes it
    // (round 240: not a rating that thanks the office's staff: "＃129 给个好评，国土所的同志跑了三趟")
    if (/^(给|交给|转给|让|请)[\u4e00-\u9fa5]{0,8}(科|局|所|办|中心|站|街道|镇)的?[\u4e00-\u9fa5]{1,3}(科长|局长|主任|所长|站长|处长|股长|同志)/.test(said) && !RATING_GIVEN.test(said)) return 'transfer';
    // round 240: "#211 转消防大队 @陈队 专家上门由他们安排": 转 and the body that takes it, opening what follows the number
    // (not money or a business passed on: "#12 转账的钱还没到怎么办", 转让, 转型)
    if (/^转(?!账|让|型|产|发|达|告|卖|包|租|贷|正|岗|移)\s*[^\s的，,。？?]{1,8}?(局|分局|大队|中队|支队|中心|所|站|科|办公室|街道|镇|乡|委)(?=[\s，,@]|$)/.test(t.replace(TICKET_REF, '').trim())) return 'transfer';
    // "#637 @李建国 你那边熟，这单你来", "#756 @韩丽 你来接这个": handed to the person named
    // (round 145: "#116 @刘敏 你跟下，我下周出差")
    // (跟进 and 盯 are also asked about: "@张伟 你跟进得怎么样了？", "你跟进的情况说一下")
    const handed = /@\S+[\s，,]*[^@]{0,10}(你来|你接|你负责|交给你|你跟一下|你处理|你跟下|你跟进|你盯一下|你盯下)(.{0,4})/.exec(t);
    if (handed && (!/跟下|跟进|盯/.test(handed[1]!) || (!/^(的|得|了没|了吗|情况)/.test(handed[2]!) && !/[?？吗]|怎么样|了没|办完|进展|情况/.test(t)))) return 'transfer';
    // "钱还没到账，怎么就办结了？", "还没通电怎么就销号了": closed too early
    if (/(怎么|为什么|为啥|凭什么|咋)((就|都|显示|成了|变成|标成?|给|被)[^，。,;；]{0,3}|[^，。,;；办]{1,3})(办结|结案|结了|关了|销号|关闭|关单)(?!流程|手续|需要|要)|(还没|没有?|未).{1,12}(就|却|竟然)(给|被)?(办结|结案|结了|关了|销号|关闭)/.test(t)) return 'reopen';
    // "#90 办结了？我们这边没人来过啊 水还是没有": the close questioned by what did not happen
    if (/(办结|结案|解决|办好)了[？?吗]+.{0,24}(没人来|没有人来|还是没|根本没|一直没)/.test(t)) return 'reopen';
    // "你们说办结了，但补贴一分钱都没到": closed in name only
    if (/(说|显示|标|写)(的是|是)?(已经?)?(办结|办完|解决|结案|办好|处理好)了?[，,]?\s*(但|可是|但是|结果|其实|可|却)?[^。]{0,16}(没|未|还)/.test(t) && !/(满意|好评|差评|星)/.test(t)) return 'reopen';
    if (!/(不满意|差评|好评|[1-5一二三四五]\s*(颗|个)?星(?!期))/.test(t) && /\breopen\b|not fixed|still not|(重新打开|重新开一下|重新开单|重开|重办|重新看一下|重新查一下|重新核一下|还没解决|没有解决|未解决|没解决|重新处理|重新办理|重新办|问题依旧|问题还在|还是不行|实际上(还是)?没|其实(还是)?没|并没有(解决|办好|通)|(不能|不算|不应该|不该|怎么能|哪能)(算|当)?(办完|办结|解决|结案|销号|办好|结了)|还是(错|不对)的|了个寂寞|根本无人|根本没人来|(不认|不接受|不认可|不同意)(这个|你们的?)?(解释|答复|结果|说法)|(解释|答复|说法)(我们|企业)?(不认|不接受|不认可|不同意))/.test(t)) return 'reopen';
    // "周报里显示已办结，但实际上我们的电还没通", "还是没气，根本没修好" (with a rating word it is a rating with its reason)
    if (/(实际上.{0,8}(还没|没有?|未)(通|好|解决|修好|办好|恢复)|根本(就)?没(修好?|解决|办好?|通|弄|动|管|退(?=[，,。！!\s]|$|钱|款|给|还)|到账|给钱)|谁(给|让)?(办结|结案|销号|关)的|还是没(电|水|气|网|修好|解决|通))/.test(t) && !/(满意|评价|好评|差评|星)/.test(t) && !(/根本(就)?没(退|到账|给钱)/.test(t) && /(已答复|已更正|经查|经核实|已协调|已办结|[，,]\s*办结[。!！]?$)/.test(t))) return 'reopen';
    // "#126 还是没搞定" alone (with more, a cadre's own note: "#12 还是没有搞定，明天再去一趟")
    if (/^[\s#＃\d号第工单]*还是没有?(搞定|弄好|办好|处理好|搞好)[啊呀嘛呢了哇!！。~～]*$/.test(t)) return 'reopen';
    // the problem is back after the fix: "今天又断电两次，你们那个修得不行啊", "又漏水了", "修了跟没修一样"
    if (PROBLEM_BACK.test(t) && !/(满意|评价|好评|差评|星|已(联系|协调|对接|安排|通知|派))/.test(t)) return 'reopen';
    // "不满意…要重办": the rating's reason asks for it again
    if (/(要|要求|申请|请)(重办|重新办理?|重新处理)/.test(t)) return 'reopen';
    // (round 233: "#119 还是没批下来 别给我办结了啊！重新搞": not done, and not to be closed)
    // (not a cadre's own note that it is not to be closed yet: "#56 部门还没反馈，先别给我办结，等我补充材料")
    if (/(?<![先暂])(?:别|不要|不能)给我们?(?:办结|结案|结单|销号|关单|关了)/.test(t) && /还是?没有?/.test(t) && !/(满意|好评|差评|星|先别|先不要|暂时?别|等我|我去|我们去|补充材料)/.test(t)) return 'reopen';
    // round 156: "#23 还没好 水压还是上不来 恁们说修好了 … 重新弄吧": asked to do it again, in plain words, at the end
    // (not the work to be redone by someone, told: "#23 供电所说明天重新修", "已经让他们重新弄")
    if (/(说|答应|表示|讲)[^，。,]{0,8}重新(修|弄|搞|整|做|装|铺|施工|安装)/.test(t) && !/(不满意|差评|重新打开|重开|重办|还是没|还没|没有?修好|根本|没人来|没动静|都没|到现在|上次|一个月了|几天了)/.test(t)) return 'progress';
    if (/重新(弄|搞|修|整|做)(吧|一下吧?)[。!！]?$/.test(t) && !/(满意|评价|好评|差评|星|答应|让(他们|企业|施工|对方)|明天|后天|下周)/.test(t)) return 'reopen';
    // ("#12 上次说重新弄，一个月了都没动静": the redo promised, and nothing since — chased; asked to redo it, above, reopens)
    if (/(说|答应|讲)[^，。,]{0,8}重新(修|弄|搞|整|做)[^，。,]{0,6}[，,。\s][^。]{0,12}(没动静|没人来|没人管|没下文|没消息)/.test(t) && !/(不满意|差评)/.test(t)) return 'urge';
    // "已办结，企业很满意": the cadre closes it and tells how the enterprise took it (a rating is the enterprise's own)
    if (/(已经?办结|^[\s#＃\d号]*办结[，,]|已经?解决|已经?办好|已答复|已处理|(现|予以|现予以?)办结|结单)/.test(t) && /(企业|对方|老板|企业方|厂里|他们)(也|都)?(表示|反馈|说)?(很|非常|比较|基本|都|也|挺)?满意/.test(t)) return 'resolve';
    // (rounds 159 and 160: "#174 还是冇解决，…，不满意，重新办", "…根本没收到补贴款啊 不满意 再查查": displeased, and asked again)
    if (/(不满意|差评)/.test(t) && /(重新办|重办|重新处理|再查查|再查一下|重新查|重新弄)/.test(t) && !/(重新办理了|已重新)/.test(t)) return 'reopen';
    // (round 244: not the cadre's close asking the enterprise to rate: "工单112 已解决，企业现场确认了，请企业评价")
    // (round 280: "…企业同意补一份交通影响评价": an assessment's name, no rating)
    if (/(不满意|非常满意|基本满意|满意|好评|差评|(?<!影响|环境|安全|安全性|节能|风险|信用|资产|保持|危险性|危害|预|控制效果)评价|満足|满足です|[1-5一二三四五]\s*(颗|个)?星(?!期)|^[#\d\s号]*[⭐★🌟]{1,5}\s*$)|\b(very |not )?satisfied\b/i.test(t) && !(/请(企业|对方|老板)(进行)?(评价|打分)[。!！]?$/.test(t) && /(已经?解决|已办结|已经?办好|已处理)/.test(t))) return 'rate';
    // "#695 有人签收冇": whether anyone has taken it on, asked
    // (and whether the one named has: "#12 已经转给住建局了 @王科 签收了没")
    if (/(有人|谁|有没有人)(签收|认领|接手?)(了)?(吗|没有?得?|冇得?|了没|未)?[?？]?$/.test(t.replace(TICKET_REF, '').trim()) || /@\S+\s*(签收|认领|接手?)了?(吗|没有?|了没|冇)[?？]?$/.test(t)) return 'query';
    // "嘎嘎好，办得真快", "杠杠的": praise in the enterprise's words is a rating
    if (/^(嘎嘎好|杠杠的|挺好的?|很好|真不错|不错|太好了|好评)(?!.*(但|可是|不过|还没|没有))|办得(真|很|挺|太)(快|好|漂亮|利索)(?!一点|些)/.test(t.replace(TICKET_REF, '').trim())) return 'rate';
    // "一般般吧，速度有点慢", "还行": a rating in the enterprise's words
    if (/^(一般般?|还行|还可以|马马虎虎|凑合)(吧|啦|了)?([，,。！!\s]|$)/.test(t.replace(TICKET_REF, '').trim())) return 'rate';
    if (/(还没人|没人|怎么还没|还没动静|快一点|快些|到现在也?(没|还没)来|咋回事|怎么回事)/.test(t) || /(push|follow)\s*一下|\basap\b|\b(pls|please|kindly) (push|chase|follow up)\b|催一催/i.test(t)) return 'urge';
    // "跟一下啊 @李科": someone asked to follow it up
    if (/(跟一下|跟进一下|跟下|盯一下|催一下|催下)(啊|呀|吧|哈)?\s*@/.test(t)) return 'urge';
    // "麻烦加急，企业下周就要开工了" (a cadre's "已加急报送" is a note)
    if (/(加急|等不了|等不及)/.test(t) && !/(已经?|已在|正在|已协调|已督促).{0,8}加急|加急(报送|办理了|处理了)/.test(t)) return 'urge';
    // round 209: "#188 哪个在办 么进度": who has it, and how far it is, asked
    if (/^[#\d\s号]*(到底)?(谁|哪个|哪位|哪家)在(办|管|跟)[\s，,]*((么|什么|啥|咋)(进度|情况)|现在)?[?？]*$/.test(t.trim())) return 'query';
    if (URGE_PLAIN.test(t) && !/(已经?|已在|正在)(催|督促|推)|往后推|推迟|延到|延期/.test(t)) return 'urge';
    if (CLAIM_PLAIN.test(said)) return 'claim';
    // "#172 我们规划分局接": the body that takes it, named
    // (round 201: "#172 自然资源局接单"; round 198: "#224 我来 —— 爱辉区自然资源局 马强", the taker signing)
    if (/^(?:(我们|我司|我)[\u4e00-\u9fa5]{0,6}|(?!建议|应该|还是|这个)(?![\u4e00-\u9fa5]*[由给请转让叫得])[\u4e00-\u9fa5]{2,8})(局|分局|科|所|中心|站|办|街道|镇|专班)(来)?(接单|接)(了|吧|手|下)?$/.test(said) || /^[#\d\s号]*我来(吧)?\s*(?:——|—|--)[^，。,?？]{2,24}$/.test(t.trim())) return 'claim';
    if (CLAIM_OTHER.test(said) && !/[?？吗呢]$/.test(t)) return 'claim';
    // (not who has it asked, showing unsigned: rounds 247–253 "第76号现在谁在办？咋一直显示待签收")
    // (nor someone asked to sign for it: rounds 254–257 "问题#119 咋还在待签收？专员能不能先签个收", a chase)
    if (/(能不能|能否|可不可以|赶紧|快点)[^，。]{0,4}(先)?签(个|一下)?收/.test(t) && !/我[^，。]{0,3}签收/.test(t)) return 'urge';
    if (/谁在(办|管|跟)[^，。]{0,3}[？?]/.test(t) && /(待|没人|没有人|还没|未)签收/.test(t)) return 'query';
    // round 266: "#73 已转自然资源局，对方今日签收": the office it went to signed for it — a note, not one's own claim
    // (round 284: "#88 已转至发改局，发改局今天已签收，下一步现场核查": the office named, and what comes next)
    if ((/(对方|他们|该局|那边)(?:(?!我)[^，。]){0,4}(已经?|今日|今天|也)签收(了)?[。！!]?$/.test(t) || /已转(至|到|给)?[^，。]{1,10}[，,]\s*[^，。]{0,8}(局|委|办|中心|所|站|街道|公司)(今天|今日)?(已经?|也)签收(了)?([，,；;。]|$)/.test(t)) && !/[?？吗]|没|我[^，。]{0,4}签收/.test(t)) return 'progress';
    if (/(^领了|认领|签收|归我(?!们?局)|这单我拿|我拿了|这个我来|我来领|我来吧|我来跟进|我来跟(?:吧|$)|我来处理|我来办|我来负责|我来对接|我来协调|我负责|我跟进|交给我|由我(来)?(负责|跟进|处理|对接)|我接了|收到.*跟进)/.test(t)) return 'claim';
    // "结了 第115号 已协调银行续贷到位": the close in two words, then what was done
    // (what was done, said: 已…, 到位, 解决; not a protest at the close: "#12 结了，但是电压还是不稳", "#12 结了 谁同意的")
    if (/^[\s:：,，]*(结了|可以结了|结掉了|结单了)[，,。\s]+(?=\S)/.test(t.replace(TICKET_REF, '')) && /(已|到位|解决了|办好了|完成了|落实了)/.test(t) && !/[?？吗呢]|没|不|还|但|可是|凭|谁|怎么|为什么|啥|什么|意见|等/.test(t.replace(/^[\s#＃\d号第工单:：,，]*(结了|可以结了|结掉了|结单了)/, ''))) return 'resolve';
    if (/(待补充|已补充|补充完毕|恢复办理)/.test(t)) return 'progress';
    // "资金已经在走拨付流程", "答复说还在审": what someone answered about where it stands, not the close
    // (round 272: "#80 咋样了 还在办没": asked)
    if (/(在走|走流程|流程中|审批中|审核中|办理中|排队|在审|还在(走|审|办|排|等|处理|流程|协调|核))/.test(t) && !/(怎么|为什么|还没|没有|哪一步|到哪|咋样|[?？吗呢没]$)/.test(t)) return 'progress';
    if (
      /(进展[:：]|进度更新|更新[:：]|延期|已协调|已对接|已联系|已约|已上报|已报送|已(跟|和|与|同|向).{1,10}(对接|联系|沟通|协调|会商|汇报|反馈|确认)|(等待|等)(企业|对方)?(补充)?材料|现场(会商|踏勘|勘察|查看)|正在(办理|协调|对接|审核|走流程))/.test(t) &&
      !/(办结|已解决|已办好|办好了|已答复|答复[:：])|已完成[，,]\s*答复(企业|对方)?[:：]/.test(t) && !(/^[\s#＃\d号]*答复(企业|对方)[:：]/.test(t) && !STILL_PENDING.test(t)) && !DONE_PLAIN.test(t)
    ) {
      return 'progress';
    }
    // round 172: "#205 答复：…科技局周四上门，企业已确认": the answer, opened by its command word and a colon, is the answer
    // whatever it arranges (118 labelled readings of a number and 答复：, all resolve)
    if (/^[\s#＃\d号]*答复(企业|对方)?[：:]/.test(t)) return 'resolve';
    // "#95 已答复企业 暂无法解决 纳入长期台账": answered, as unresolvable (答复's outcome), not pending
    if (/(已答复|答复(企业|对方)?[:：]|现予办结)/.test(t) && /(无法解决|暂不能解决|挂账|纳入.{0,4}台账|解释说明)/.test(t)) return 'resolve';
    // round 135: "#101 么子时候能有个答复？企业那边已经打了三次电话给我了": when the answer comes, asked — a chase, not the answer (pressed: 已经, 都快, 再拖 …)
    if (/(什么|啥|么子|几)时候?[^，。？?]{0,4}(能|可以|才)?(有个?|给个?|给)?(答复|回复|结果|办好|办完|解决)[？?，,]/.test(t) && /(已经|都快|再拖|打了[^，。]{0,4}电话|电话(都|也)?打|又(来)?问)/.test(t) && !/已经?[\u4e00-\u9fa5]{0,4}(答复|回复)了/.test(t)) return 'urge';
    // "#60 结了": the close in two words
    if (/^[\s:：,，]*(结了|可以结了|结掉了|结单了|完事了|搞完了|弄完了)[。!！]?$/.test(t.replace(TICKET_REF, ''))) return 'resolve';
    // round 125: "#67 企业反映等了10天了 请相关部门尽快答复": an answer asked for, soon, is a chase, not the answer
    if (/(请|麻烦|希望|务必)[^，。]{0,8}(尽快|抓紧|赶紧|尽早|及时)(答复|回复|处理|办理|解决)[。!！]?$/.test(t) && !/请企业|已经?[\u4e00-\u9fa5]{0,4}(答复|回复|办结|处理|核实|联系|对接)|(现|予以)(答复|办结)/.test(t)) return 'urge';
    // "#143 解决了 路灯全亮了": solved, said first, then what shows it (not asked, nothing still wrong; not the enterprise's thanks,
    // "#12 解决了 谢谢", a rating)
    if (/^[\s:：,，]*(?:已经|都|全部)?解决了[，,。\s]+(?=\S)/.test(t.replace(TICKET_REF, '')) && !/[?？吗呢]|没|不|还|但|可是|就是|只是|谢|辛苦|赞|好评|满意/.test(t)) return 'resolve';
    // "#88 部分解决，路灯装了一半，剩下的纳入明年计划": the outcome opens the note (答复 with outcome partial)
    if (/^[\s:：,，]*部分解决[，,。\s]/.test(t.replace(TICKET_REF, ''))) return 'resolve';
    // "#318 电送上了，企业说机器开起来蛮好": done, and the enterprise's word that it works (said by the one handling it)
    // (not with a check still to come: "企业说正常了，再看两天", "…明天上午再去看一下", "…下周再看")
    if (ENTERPRISE_SAYS_IT_WORKS.test(t) && !/[?？吗呢]/.test(t) && !STILL_PENDING.test(t) && !/没|不|还|但|可是|就是|再|明天|后天|下周|过两天|先别|别关|跟踪/.test(t.replace(/没问题/g, ''))) return 'resolve';
    if (/(办结|已办结|已解决|答复|已处理完|处理完了(?![吗没么])|办完了|已经办完|处理完毕|已完成|销号|已经办好|已办好|办好了|处理好了|已经处理好|搞定|已落实|已送电|已通电|可以关了|可以销号|可以结了|已经?发下来|已经?批下来|已下发|已拿到)/.test(t) || (DONE_PLAIN.test(t) && !ASKED.test(t))) {
      return STILL_PENDING.test(t) ? 'progress' : 'resolve';
    }
    // (not the chase one has already made, said as progress: "#152 已督促街道，本周五组织…见面协商")
    // rounds 314, 316: "第70号，都过期三天了，承办人在吗？", "#88 企业又在群里问了，明天能不能给个准信？": overdue, or the
    // enterprise asking again, and someone called for — a chase, not a question about where it stands
    if (/(都|已经?|早就?)(过期|超期|逾期)[^，。]{0,4}(天|日)?了[^。]*(在吗|在不在|人呢|谁在管|有人管)|(企业|对方|老板|他们)又[^，。]{0,4}(问|催)了[^。]*给个?(准信|准话|回话|说法)/.test(t)) return 'urge';
    if (/(催|加快|抓紧|尽快|督办|督促|着急|快点|没人(联系|管|理|回复|处理)|还(没|未|冇)有?人(跟|跟进|理|管|签收|接手|处理)|怎么还没|还没人|拖(了)?(太|这么|那么|好)久|等(了)?(太|这么|那么|好)久|太慢了)/.test(t) && !/^[\s#＃\d号:：，,]*已经?(督促|督办|催促|催办)[\u4e00-\u9fa5]{0,8}[，,。]/.test(t)) return 'urge';
    // "供电所周三过来勘察，先这么定": a visit arranged
    if (/(周[一二三四五六日天]|明天|后天|下周|今天下午|明早)(过来|过去|来|去|上门)(勘察|查看|现场|看看|核实|踏勘)/.test(t) && !/[?？吗呢]$/.test(t)) return 'progress';
    // "已经报到总行了，预计下周有结果": where it stands, said by the one handling it
    if (/(已经?|刚)(报|递|送|交|提交|转|发)(到|给|上|至)|预计.{0,8}(有结果|完成|出来|下来|到位|答复|批|办好)/.test(t) && !/([?？吗呢]$|什么|怎么|哪)/.test(t)) return 'progress';
    // round 316: "#48 现在哪个在办？给有个进度嘛": who handles it, and (Yunnan 给有 = 有没有) any progress
    // (not with impatience: "#188 都超期三天了 到底谁在办", "77号问题谁在跟？企业电话都打到我这儿了" chase)
    if (/(哪个|谁|哪位)(在办|在管|在跟)|给有个?(进度|进展|结果|消息)/.test(t) && !/超期|过期|逾期|都[^，。]{0,6}了|再不|打到|到底|礼拜|星期|天了|没动静|怎么|为啥|为什么|回个话|一直/.test(t)) return 'query';
    if (/(走到哪一步|到哪一步|走到哪了|什么进度|么子进度|啥进度|(?<!怎)么样了|(?<!问)咋样了|有进展[么吗没]|进度如何|进度怎样|进度怎么样|进度咋样|进展咋样|进展如何|进展怎样|进展怎么样|怎么样|到哪了|到哪一步|什么环节|哪个环节|查一下|查询|状态|什么时候能|什么情况|啥情况|情况如何|结果呢|有结果(了)?(吗|没|呢|了没)|[?？]$)/.test(t)) return 'query';
    // "#1 进度" / "#1进度呢": a question, not an update (an update says what happened)
    if (/^(工单|问题)?#?\d+号?(的)?(进度|进展)(呢|如何|怎样|怎么样|啊|吗)?$/.test(bare)) return 'query';
    // "问一下156号问题的进度": progress asked after, not given
    if (/(问一下|问问|想问|请问|了解一下|想了解|打听一下|打听打听)[^，。,;；]{0,12}(进度|进展|情况|结果)/.test(t)) return 'query';
    if (/(进展|进度|延期|更新|已联系|已约|正在)/.test(t)) return 'progress';
    // a statement about the ticket without a keyword ("#5 已经帮企业对接了两家银行，等银行审批"): a progress note; a
    // question, or a word or two, asks after it (the progress handler hands a statement from the enterprise to 查询)
    const asks = /(吗|呢|么|怎么|如何|什么|哪|几|多少|是否|是不是|要不要|会不会|有没有|能不能|可不可以|啥|了没|没有?$)/.test(said) || /[?？]/.test(t);
    const byLength = said.length >= 8 && !asks ? 'progress' : 'query';
    // the learned fallback; a question is never a note of work done nor the close
    // a rating is the enterprise's word on the result: without one ("#5 好的") the fallback does not read a rating; what
    // is still to be done ("周边路面下周修补") is no close
    const rated = ratingFrom(t) !== null || /(不错|很好|挺好|真好|棒|赞|谢谢|感谢|辛苦|👍|[\d一二三四五]分|打个?分|还中|还可以|凑合|马马虎虎)/.test(t);
    return models ? intentFallback(models.ticket, t.replace(TICKET_REF, ''), byLength, models.minProbability, [...(asks ? (['progress', 'resolve'] as const) : []), ...(rated ? [] : (['rate'] as const)), ...(STILL_PENDING.test(t) ? (['resolve'] as const) : [])]) : byLength;
  }
  // "机器人拿不准的工单列一下": the tickets the bot was unsure of (待确认); rounds 247–253: "有冇要我确认的单子？", "哪些问题你没
  // 判断清楚要人工确认的？", "有哪些单子是店小二拿不准的？"
  if (bare.length <= 24 && /(拿不准|吃不准|不确定|没把握|分不清|认不准|没有?认准|没认出)的?(工单|单子|分类|类别)|(拿不准|没有?认准|吃不准)的(那些|那几条|那几个|几条).{0,4}(在哪里?看|哪里看|看一下|看看)|(拿不准|吃不准|没认准|认不准|没把握|分不清|不确定)的(那些|那几个|那几条|几个|几条)?(工单|单子)?.{0,3}(给我|发我|拿来|列|拉|调|发出来|发一下)|(哪些|哪几个|哪几条)(单子|工单)?.{0,2}(没认准|没拿准|拿不准|不确定|吃不准)|(哪些|哪几个|哪几条)(单子|工单|问题)[^，。]{0,6}(没认准|没拿准|拿不准|不确定|吃不准|没判断清楚?)|人工确认(分类)?的?(工单|单子)?$|需要?人工确认|(有没有|哪些|哪几个|哪几条)[^，。]{0,3}要(我|人工|人)确认的(单子|工单|问题)|没定性的?(工单|单子)|(分类|类别)(拿不准|不确定|吃不准)|没分好类的?(单子|工单)|(还没|没)分好类的.{0,4}(给我|发我|看看|拿来)|待确认的?(单子|工单)?.{0,3}(过一遍|过一下|捋一遍)|(不确定|拿不准|没把握|吃不准)(怎么|怎样|咋)分|(还没|没有?|未)分类的?(单子|工单)?$|(单子|工单)还?没分类|等着?人工确认|待确认的?.{0,2}(拿出来|瞅瞅|瞧瞧|看看)/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // "有的单你分不清类的，发给我确认下", "待确认的单子给我看下"
  if (bare.length <= 24 && /(分不清|没分清楚?|不确定|拿不准)(类|分类)?的?[^，。]{0,6}(发给我|发我|列出来|给我看)|待确认的?(单子|工单)?给我看/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // 待确认: the tickets whose category awaits a person's check
  if (/^(待确认|待确认工单|待确认分类|待分类工单)(清单|列表)?$/.test(bare)) return 'triage';
  // "待确认的有哪些", "看一下分类待确认的工单", "哪些工单还待确认"
  if (bare.length <= 24 && /待确认/.test(bare) && /(列给我|给我列|发给我|拉一下|拉个|列一下|哪些|几个|几件|几条|几张|多少|清单|列表|工单|看一下|看看|查一下|发我|发一下|发出来|列一下|列出来|有没有|还有)/.test(bare) && !/(我们|我司|企业|申请|材料|[月天周年])/.test(bare)) return 'triage';
  // "哪些单子还等着定分类", "分类还没定的工单"
  if (bare.length <= 16 && /(等着?|待|等待|还没|没有?|未)(定|确认|确定|核定)(分类|类别)|(分类|类别)(没定|未定|待定|还没定|没确定|待确认)/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // (rounds 300 and 306: "有哪些单子还没确认分类的 拉出来我看下", "有哪些单子还等着确认分类的？发我看一下")
  // (round 354: "有哪些单子等我确认分类的": waiting for the reader to confirm)
  if (bare.length <= 30 && /(哪些|哪几个|哪几条|哪几张)(单子|工单)[^，。？?]{0,4}((还没|没有?|未|等着?|待)(我|人工)?(确认|确定|定)(分类|类别)|(分类|类别)还?(没有?|未)(确认|确定|定))/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // a bare command verb without its number: the handler asks for the number
  const verb = /^(认领|签收|办结|答复|转办|退单|催办|重办|评价)$/.exec(bare)?.[1];
  if (verb) return BARE_VERBS[verb]!;
  // "满意", "不满意，路灯还是不亮", "5星": a rating without the number, said the way the answer's buttons say it (the
  // handler rates the ticket awaiting it in this conversation); not a figure asked for ("满意率", "差评的有几件")
  if (bare.length <= 40 && RATING_ALONE.test(bare) && !/(几|多少|统计|数量|数据|排名|情况|汇总|本月|本周|这个月|这周|今年|率|清单|列表|名单|拉出来|列出来)/.test(bare)) return 'rate';
  // "有哪些消息你没识别准的？发我确认一下", "把待确认的那几条拉出来我看看 就是机器人拿不准的那些": the unsure ones
  if (bare.length <= 30 && (/(哪些|哪几条|哪几个)(消息|单子|工单)?你?(没识别准|识别不准|没认准|识别错)|待确认的.{0,4}(拉出来|拿出来|列出来|调出来)/.test(bare)) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // "那些没分好类的、没认出企业的，给我过一遍", "把你冇把握的那几条单子列一哈 我来确认"
  if (bare.length <= 30 && (/(没分好类|没认出企业|没认准企业)的.{0,10}(给我|发我|过一遍|看看|列)/.test(bare) || (/(没有把握|没把握|拿不准)的(那几条|那些|几条)?(单子|工单)?.{0,3}(列|拉|发|给我)/.test(bare) && !/(我们|我司|申请|材料)/.test(bare)))) return 'triage';
  // rounds 67–70: "有边的单系你不确定、要人手确认的？list 出来", "待确认的单有几多", "…未分好类要我们确认": the unsure ones
  if (bare.length <= 40 && (/(不确定|人手确认|人工确认|未分好类|没分好类)/.test(bare) && /(单子|工单|的单)/.test(bare) || /^待确认的?(单|工单)?有几多/.test(bare)) && !/(我们公司|我司|企业的|申请|材料|订单)/.test(bare)) return 'triage';
  // "这个机器人咋用的 …", "怎么用啊？比如我想查…": how to use it, with what one wants from it after
  if (bare.length <= 50 && (/^(这个)?(机器人|店小二|小二)(咋|怎么)用的?/.test(bare) || /^(怎么|咋)用(啊|呀|呢)?[?？]/.test(t.trim()))) return 'help';
  // "超期清单 前十 带包联领导名字", "月调度会材料：…今天下班前给我": a leader's numbers (round 268: "包联领导那个超期前十的清单 发我")
  if (bare.length <= 40 && (/超期[^，。]{0,4}(清单|名单)[^，。]{0,4}前[十\d]+|超期前[十\d]+的?(清单|名单)/.test(bare) || /超期的?(清单|名单|工单|单子)[^。]{0,6}按[^。]{0,8}(排序|排一下|排个序|排列|排名|排$)/.test(bare) || /(月调度|季观摩|年验收)会?材料/.test(bare))) return 'digest';
  // "本周到期的单子有哪些", "我们集团几家子公司报的单子…看下进度": tickets due, a group's tickets
  if (bare.length <= 40 && (/^(本周|这周|今天|明天|下周)到期的(单子|工单)有哪些/.test(bare) || /(子公司|下属企业)[^，。]{0,6}报的(单子|工单|问题)[^。]{0,12}进度/.test(bare))) return 'query';
  // "刚派的那个扩容的单子我来接": taken on by its description
  // (round 123: "刚才那个断水的单子我来认领，我就在园区附近", "这单我来，刚才园区停水的那个")
  if (bare.length <= 40 && (/(那个|这个)[^，。]{0,8}(单子|工单)我来(接|跟|办|认领|签收)/.test(bare) || /^(这单|这个单子?)我来(刚才|刚刚|上午|早上)[^，。]{1,12}的那个$/.test(bare))) return 'claim';
  // "我们公司的事体拖了快两个月了，到底有没有人管": one's own matter, long waited, pressed
  if (bare.length <= 40 && /拖了/.test(bare) && /到底(有没有|有冇|有木有|有没)人(管|理)/.test(bare)) return 'urge';
  // "上次那个路灯的问题解决得很好 给个好评", "上次路灯那个事情处理得很好，给个五星": a rating without the number
  if (bare.length <= 50 && /(上次|上回|那个|之前)/.test(bare) && /(处理|解决|办|修)得(很|挺|非常|特别|蛮)?(好|快|及时|满意)/.test(bare) && /(给个|打个|给)(五星|好评|满分|5星|[1-5一二三四五]颗?星)|⭐/.test(bare)) return 'rate';
  // "上回那个宽带的问题根本没好，又断了，…重新开一下嘛", "上礼拜讲修好的路灯，昨天夜里又不亮了，…麻烦重新处理一下": back
  // after it was answered, and asked to be opened again
  if (bare.length <= 90 && /(重新开一下|重新打开|重开一下|重新开(个|一下)?单|重新处理一下|重新办(一下)?$|重办$)/.test(bare) && /(又|还是|根本没|没好|不算数|没修|冇修)/.test(bare) && !/(我们想|申请|新的问题|另外)/.test(bare)) return 'reopen';
  // "上周说办好了的那个排水问题，昨天一下雨又淹了，得重新弄": back after it was said done
  if (bare.length <= 60 && /(说|说是)(办好|修好|解决|弄好)了的/.test(bare) && /又/.test(bare) && /重新/.test(bare)) return 'reopen';
  // round 274: "要得要得 没得问题😄": agreed; round 272: "在呢在呢 刚才开会没看手机": here, away at a meeting a moment ago
  if (bare.length <= 20 && (/^(要得|好的?|行|可以|中|妥)+[，,\s]*(没有?|冇|莫)得?问题(的|哈|哦|啊)?[\p{Extended_Pictographic}\uFE0F]*$/u.test(bare) || /^(在呢|在的|在)+[，,\s]*(刚才|刚刚)[^，。]{0,4}(开会|在忙)[^，。]{0,4}(没看|没注意|没顾上)(手机|消息|群)?$/.test(bare))) return 'chat';
  // small talk: "没问题，下午谈", "莫得问题 我下午过来", "冇得问题，下午我过来策一下" (策: Yiyang's chat), tea time, a sale thanked for, a report acknowledged, the bot's speed
  if (bare.length <= 30 && (/^(?:没有?|冇)得?问题[，,\s]?[^，。]{0,8}(倾|谈|聊|见|过来|过去|策)(?:一下|下)?$/.test(bare) && !/(啥|什么|几)时候|几点|你们/.test(bare) || /(下午茶|奶茶|咖啡|柠檬?茶)[^，。]{0,10}(有没有人|谁要|要不要)/.test(bare) || /(谢谢|感谢)[^，。]{0,6}(姐妹们|家人们|宝宝们)(捧场|支持)/.test(bare) || /^(周报|日报|简报|月报)(收到|已阅)/.test(bare) || /店小二[^，。]{0,4}(回得|回复得|反应)[^，。]{0,6}(慢|快)/.test(bare) || (/^今天[^，。]{0,6}人好多/.test(bare) && !/(没|不|难|排|等|办)/.test(bare)))) return 'chat';
  // rounds 63–66: "把店小二没拿准的那些单子列出来", "你没搞懂的那些消息发出来 我来认一下": the unsure ones
  // (round 200: "机器人没识别准的那些，发我看一下"; round 260: "店小二，哪几条你冇拿准的，列出来我来确认", 冇 as 没有)
  if (bare.length <= 30 && /(没有?拿准|没有?搞懂|没有?弄懂|没有?看懂|没有?认出来|没有?识别准|识别不准|没有?认准)的(那些|那几[条个])?(单子|消息|工单)?/.test(bare) && /(列|发|拉|拿)(出来|一下|给我|我)/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // "有没有个使用说明啥的", "这个机器人是干啥子的", "还有啥功能": what the bot is and does
  if (bare.length <= 30 && (/^(有没有|有冇)个?(使用|操作)?说明/.test(bare) || /(机器人|店小二|小二)(是)?(干|做)(啥子?|什么|么子)的/.test(bare) || /(还|都)有(些)?(啥|什么|哪些|么子)功能/.test(bare))) return 'help';
  // "刚刚那条不是问题 是我发错群了 撤一下": a message withdrawn (the handler asks for its number)
  if (bare.length <= 30 && WITHDRAWN.test(bare) && /(撤一下|撤了吧|撤回|撤掉|作废)/.test(bare)) return 'correct';
  // (and the enterprise's own "这个不是我们企业的问题，撤销" without its number, the review of the fiftieth session found: it
  // opened a ticket of its own; not "…，不要撤销")
  if (bare.length <= 30 && /^(这|此|该)?(个|件|条|单)?不是(我们|我们的|本|咱们)?(企业|涉企|公司)的?(问题|诉求|事)/.test(bare) && /(撤销|撤掉|作废|撤一下|撤了吧)/.test(bare) && !/(不要|别|不用|不能)撤/.test(bare)) return 'correct';
  // "到底还管不管", "你们到底还管不管啊": a chase (the handler finds the ticket in hand)
  if (bare.length <= 14 && /^(你们)?(到底|究竟)(还)?管不管(啊|呀|了|嘛|呢)*$/.test(bare)) return 'urge';
  // round 154: "刚才那单企业名写错了，不是丰源食品，是丰源肉食品有限公司": the last ticket's name corrected (the handler asks its number)
  // (only the name said wrong, and the right one: not a report sent again with the name mended, "刚刚那条企业名字写错了，以这条为准：…",
  // "…正确的是兴隆食品厂，他们冷库停电了", nor the question whether it is wrong)
  if (bare.length <= 50 && /^(刚才|刚刚)(那单|那个单子|那张单子?|那条)的?(企业|公司)(名|名字|名称)?(写错了|弄错了|搞错了|填错了|记错了|错了)[，,。\s]*(?:(?:不是[^，,。\s]{2,20}[，,。\s]*)?(?:应该是|正确的是|是)[^，,。\s]{2,30}|(?:麻烦|请|谁)?改一下)?[。!！]?$/.test(t.trim())) return 'correct';
  // "我们那个续贷的事你们到底管不管了", "那个供热的事儿…赶紧给整整", "我们那个宽带的单子能不能快点推一下": one's own matter pressed
  // (twenty-third session: "那个燃气的单子还没人管吗？！再催一遍", "上回反映的路灯那事 到底有人管木有", "报的那个野猴子的事情 有人管没有啊";
  // rounds 247–253: "那个用电扩容的单子到底有人办没有？")
  if (bare.length <= 50 && /(那个|那件|那单|上回|上次)[^，。？?]{0,12}(事儿?|单子|问题)|(报|反映)的[^，。？?]{0,10}(事儿?|单子|问题|那个)/.test(bare) && /(到底还?管不管|(有没有|有冇|有木有|有)人(管|理)(没有?|吗|没得|木有|了吗)?(?![^，。？?]{0,3}(我们|企业))|(有没有|有冇|有木有)人办|(?<!已经?)有人办(没有?|吗|了吗|没得)|没人(管|理)|赶紧|快点|推一下|推一推|再推推|拖(太|好|这么)久|催(一下|下|催|一遍)|再催|没动静|还没(来)?人)/.test(bare)) return 'urge';
  // round 119: "这个政策挺好的，学习了", "辛苦各位了，今天问题解决得挺快": praise and thanks, nothing asked
  if (bare.length <= 24 && (/(挺好|很好|不错)的?(学习了|受教了|收藏了|收到了?)$/.test(bare) || /^(辛苦|感谢|谢谢)(各位|大家|领导|老师)?了?[^，。]{0,8}(解决|处理|办)得(挺|很|真|蛮|非常|特别)?(快|及时|好)[啊呀了哈]?$/.test(bare)) && !/(没|不|还是|但|可是|又|能不能|能否|麻烦|申请)/.test(bare.replace(/不错/, ''))) return 'chat';
  // rounds 146 and 149: "冇问题 搞掂晒", "好嘞 冇得问题": no problem, it is done
  if (/^(好的?|好嘞|好咧|行|收到|ok)?(没有?得?|莫得)问题(了|啦|的|哈|啊)?(搞定了|办好了|弄好了)?$/i.test(bare)) return 'chat';
  // "在的在的": here
  if (/^(在的|在呢|在)+[!！。~～]*$/.test(bare)) return 'chat';
  // rounds 198–204: the weather, the roads and breakfast, said to the group ("各位领导辛苦 今天路滑 开车都慢点儿", "今天好热啊", "大家吃早饭没得")
  // (rounds 247–253: "😂😂 这天冷得手都伸不出来", "哈哈今年黄花菜价格不错啊，老乡们能过个好年了")
  if (bare.length <= 40 && (/(大家|各位)[^。]{0,16}(慢点|慢些|注意安全|注意保暖)/.test(bare) || /^今天(好|真|太|蛮)?(热|冷)(啊|呀|哦)/.test(bare) || /^[\p{Extended_Pictographic}\ufe0f]*(这天|这天气|天气|今天)[^，。]{0,2}(冷|热)得(手|脚|人)/u.test(bare) || /(价格|行情|收成|年景)[^，。]{0,4}不错[^。]{0,12}过个好年了?(啊|呀|哈|啦)?$/.test(bare) || /吃(早饭|早餐|午饭|中饭|晚饭)了?(没得|没有?|冇|吗)|吃饭了(没得|没有?|冇|吗)|^吃了(没|吗|冇)/.test(bare) || /^辛苦(各位|大家)[^，。]{0,6}[，,\s]*[^。]{0,12}(干得|做得)[^，。]{0,4}(不赖|不错|好|漂亮)/.test(bare)) && !/(我们|我司|俺们|企业|帮忙|能不能|能否|申请|问题|麻烦|停|坏|断|堵|冻|裂|爆|暖气|供暖|热水|锅炉|宿舍|办公室|车间|请问|没有?(热水|暖气|水|电|气)|还没|还不|受不了|已经|滑到|翻|事故|沟|塌)/.test(bare)) return 'chat';
  // rounds 87–90: a birthday wished, a meal offered (round 258: a drink after work, "下班了冇 晚上整两杯？"), a notice to everyone ("明天下午园区停水检修 大家提前接点水哦",
  // "今朝延安高架堵得一塌糊涂 过来开会的早点出门哦"): said to the group, nothing asked of the government
  if (bare.length <= 40 && (/祝[^，。]{0,10}(生日快乐|快乐|顺利|平安)/.test(bare) || /(一道|一起|一块儿?)吃饭(伐|吗|不|没|啊|呀)/.test(bare) || (/(晚上|下班|今晚)[^。]{0,8}(整|喝|搞|走)(两|几)(杯|盅)/.test(bare) && !/都没|坏|没有?(热水|水|饭|电|气|地方)/.test(bare)) || (/(大家|各位|过来开会的)[^，。]{0,6}(提前|早点|注意|准备一下)/.test(bare) && /[哦哈呀啊噢喔]$|准备一下[^，。]{0,4}$/.test(bare))) && !/(我们|我司|俺们|企业|帮忙|请求|申请|能不能|能否|麻烦)/.test(bare)) return 'chat';
  // "好的 没问题 那就按这个来", "原来是这么回事", a greeting with care on the road, when visitors arrive, a request to colleagues
  if (bare.length <= 40 && (/^(好的?|行|可以|没问题)[^，。]{0,10}(就按这个来|就这么定|就这样)/.test(bare) || /原来是这么回事/.test(bare) || (/(早上好|早安|大家好)/.test(bare) && /(慢点|注意安全|小心)/.test(bare)) || /(几点到|几点来)[^，。]{0,6}(等|接)/.test(bare) || /^(麻烦|请)(各位|大家)[^。]{0,20}(报给我|发给我|交给我|报上来|交上来)$/.test(bare))) return 'chat';
  // "店小二 有哪些是你没搞清楚 要我们确认的", "有几条系统唔确定点分嘅，放出来我哋分一下", "还有哪些工单没归类", "有冇需要我确认嘅单",
  // "Show me the tickets the bot wasn't sure about": the unsure ones
  if (bare.length <= 50 && ((/(没搞清楚|没搞清|没有?定下来|不确定|没归类|未归类|没分类|没认准|没拿准|wasn'?t ?sure|not ?sure)/i.test(bare) && /(单|消息|tickets|店小二|系统|机器人|(?<!台)机器(?=没搞清|没拿准|没认|搞不清)|bot|你)/i.test(bare) && /(哪些|哪几|有几条|有几个|有几张|放出来|发出来|发一下|发我|列出|清单|show)/i.test(bare) && !/(要不要|能不能|什么时候|怎么办|我们想|我们要)/.test(bare)) || /需要我确认(嘅|的)?(单|工单)|待确认(嘅|的)?单/.test(bare)) && !/((我们|我司)(公司|企业|厂|想|要申请|的申请)|企业的|申请|材料|政策)/.test(bare)) return 'triage';
  // rounds 59–62: "有哪些单子机器人没分清楚的，发我看看": the unsure ones
  if (bare.length <= 30 && /(哪些|哪几)(个|条|张)?(单子|工单)?.{0,6}(没分清楚?|分不清楚?|没认清楚?|没识别清楚?)/.test(bare) && !/(我们|我司|企业|申请|材料)/.test(bare)) return 'triage';
  // "help 怎么查我们公司的单子？": the word help, then how
  if (bare.length <= 30 && /^(help|帮助)(?![a-z])[^\u4e00-\u9fa5]{0,3}(怎么|如何|咋)(查|报|催|用|评价|认领|办结)/i.test(bare)) return 'help';
  // "这个我认领了", "收到，这单我来签收", "这个我来跟": a claim said alone, in the words of one who takes tickets (the handler
  // finds the group's ticket waiting to be claimed)
  if (bare.length <= 16 && (/^((收到|好的|好)[，,\s]*)?((这个|这单|这件事?|此件|该件|刚派的这个)(\d{1,7}号)?[，,\s]*)?(我|我们)(来|先)?(认领|签收|接单|接手)(了|吧|一下)?[。!！~～]*$/.test(bare) || /^((收到|好的|好)[，,\s]*)?(这个|这单|这件事?|此件|该件)[，,\s]*我来(跟|跟进|办|处理|负责)(吧|一下)?[。!！~～]*$/.test(bare))) return 'claim';
  // "还是没解决", "还没修好啊": an answer said alone not to have worked (the handler finds the group's answered ticket)
  if (bare.length <= 10 && /^(还是|还|仍然|依然|根本|其实)(没|没有|冇|未|木有)(解决|修好|弄好|搞好|处理好|办好)(啊|呀|哦|嘛|呢|哇|了)?[。!！~～]*$/.test(bare)) return 'reopen';
  // "催一下", "麻烦帮忙再催催", "能不能帮我们催一下": a chase said alone (the handler finds the group's ticket in hand)
  if (bare.length <= 14 && /^(能不能|能否|可不可以|可以|麻烦|请|再)*(帮忙|帮我们?|帮着|帮)?(再)?(催(一下|一哈|哈|下|催|一催)|督促一下)(吧|啊|呀|哈|嘛|哦|了|一下)?[。!！?？~～]*$/.test(bare)) return 'urge';
  // round 127: "催一下那个用电扩容的，都半个月了": the chase first, then the matter
  if (bare.length <= 30 && /^(麻烦|帮忙|请)?(再)?催(一下|一哈|哈|下|催|一催)那个[^，。]{1,10}(的|事|单子?|问题)/.test(bare)) return 'urge';
  // "鞍山那家企业用电那个事 帮催一下 都半个月了": a matter named without its number, chased for someone
  if (bare.length <= 40 && /(那个|那件|那单)[^，。]{0,4}(事|问题|单子?)/.test(bare) && /帮(忙|我|我们|着)?催(一下|一哈|哈|下|催|一催)/.test(bare)) return 'urge';
  // round 137: "帮我查下株洲力诚液压那个货款的单子办到哪了": one named, looked up
  if (bare.length <= 40 && /^(帮我|帮忙|麻烦)?(查下|查一下|查查|看下|看一下)[^，。]{0,16}那个[^，。]{0,10}(单子|工单)[^，。]{0,4}(办到哪|到哪(一步)?了|(啥|什么)(情况|进度|状态)|(咋|怎么)样了)/.test(bare)) return 'query';
  // round 92: "俺们公司那个停电的单子现在到哪了？": one's own ticket, by what it is about, asked after
  // (round 242: 到哪里了 as well)
  if (bare.length <= 40 && /(我们|俺们|咱们?|我司|我厂)[^，。]{0,10}那个[^，。]{0,8}(单子|工单)[^，。]{0,6}(到哪(一步|里)?了|(啥|什么)(情况|进度|状态)|(咋|怎么)样了)/.test(bare)) return 'query';
  // (round 242: "昭通恒丰硅业那个停电的单子办到哪里了？": the enterprise named instead of 我们, the ticket asked after straight away)
  // (rounds 254–257: several of its tickets, "恒通精工那几个单子现在都到哪了")
  if (bare.length <= 40 && /^[\u4e00-\u9fa5]{2,12}?(那个|那几个|这几个|那些)[^，。]{0,8}(单子|工单)(现在|目前)?都?办?(到哪(一步|里)?了|(咋|怎么)样了)/.test(bare)) return 'query';
  // round 240: "我们公司今年报了几件问题？都办完了冇": how many one has reported, asked
  // (asked: "…报了几个问题，到现在一个都没解决，太慢了" is a complaint)
  if (bare.length <= 30 && /^(我们|俺们|我司|我厂)(公司|厂|企业)?(今年|这个月|本月|这季度|去年)?(一共|总共)?(报|提|反映)了(几|多少)(件|个|条|单)(问题|单子?|工单)?[？?]/.test(t)) return 'query';
  // "俺们厂报的那个电的事 到底咋样了", "我们华康食品报的停气那个事，现在是哪个在管？": one's own report asked after
  // "宝联汽车部件的单子现在谁在跟", "我们椰风跨境的单子是哪个专员在跟？": who is handling one's ticket, asked
  // "这个问题到底归哪个部门管" said alone, of a problem already reported: who handles it (the list of one's tickets in hand
  // shows it), not the leaders' ranking of departments — the review of the fiftieth session found (with the matter said, it
  // is a report: 29 labelled readings)
  if (bare.length <= 16 && /^(这个?|那个?)(问题|事情?|单子?)?(到底|究竟)?(是)?归哪个部门管(啊|呀|呢|的)*$/.test(bare)) return 'query';
  if (bare.length <= 30 && /的(单子|工单)(现在|目前)?(是)?(谁|哪个|哪位|哪个部门)(专员|同志|领导|老师)?在(跟|办|管|负责)(呢|啊)?$/.test(bare)) return 'query';
  // "我们报的那个扩容还在办伐": whether one's own matter is still being handled
  if (bare.length <= 24 && /^(我们|俺们|咱们?|阿拉|我司)[^，。]{0,4}(报|提|反映)的那个[^，。]{1,8}还在办(吗|伐|么|没|不)?$/.test(bare)) return 'query';
  if (bare.length <= 40 && /(我们|俺们|咱们?|我司|我厂)[^，。]{0,10}报的[^，。]{0,10}(事|问题|单子)/.test(bare) && /((咋|怎么|怎)样了|(哪个|谁)在(管|办|跟)|到哪(一步)?了|第几号|(啥|什么)情况)/.test(bare)) return 'query';
  // rounds 183–194: "我报的那个停电的问题咋样了，编号不记得了", "石棉金源矿业报的那个堵路的事，现在啥子进度了？", "俺们金焰煤化报的那个
  // 对接会的事 有信儿没", "我们厂报的那个停电的问题 有人接了没有": a report of one's own, named by what it is about, asked after
  if (bare.length <= 40 && /^(?:我|俺|咱|阿拉|[\u4e00-\u9fa5]{2,10}?)(?:们|厂|公司|司)?(报|提)的(那个|那件|那单)[^，。？?]{0,10}(事|问题|单子?)/.test(bare) && !/(新闻|报纸|报道|报关|你们|他们|又|退回|改完)/.test(bare) && /((咋|怎么|怎)样了|(哪个|谁)在(管|办|跟)|到哪(一步)?了|第?几号|(啥|什么|啥子)(情况|进度|状态)|有信儿?(没|吗)|有人接(了)?(没有?|吗)|有没有人接|(谁|哪个)接了|有人管(没有?|吗)|有(回音|消息|结果)(没|吗))/.test(bare)) return 'query';
  // round 228: "怀仁鑫磊陶瓷那个停电的单子谁接了？": who took an enterprise's ticket, asked
  if (bare.length <= 30 && /^[\u4e00-\u9fa5]{2,12}?那个[^，。]{1,8}?的?(单子|工单)(是)?(谁|哪个|哪位)(接了|在跟|在办|在管|签收了)(呢|啊)?$/.test(bare)) return 'query';
  // round 207: "铜川华塬水泥的单子现在啥情况": an enterprise's ticket, by its name, asked after
  if (bare.length <= 30 && /^[\u4e00-\u9fa5]{4,12}的(单子|工单)(现在|目前)?(是)?(啥|什么|咋)(情况|进度|状态)(了|啊|呀)?$/.test(bare)) return 'query';
  // "老陈你下午在厂里吗？我过去坐坐", "中午谁去食堂 一块儿", "哈哈哈 老铁没毛病": between people, not a problem
  if (bare.length <= 30 && (/你[^，。]{0,4}在(厂里|单位|办公室|公司|局里|家)(吗|不|没)/.test(bare) && /我(过去|过来)(坐坐|一趟|看看|找你)/.test(bare) || /谁去(食堂|饭堂|吃饭)|^(哈){3,}[^，。]{0,8}$/.test(bare)) && !/(坏|停|难|急|帮忙|能否|希望|申请|问题|投诉)/.test(bare)) return 'chat';
  // an earlier report chased without its number: "上次报的冇人理，帮手催一催啦", "上周五报的冷库停电呢单点解仲未有人签收？"
  if (bare.length <= 40 && /(上次|上回|之前|上周[一二三四五六日天]?|上礼拜[一二三四五六日天]?|上星期[一二三四五六日天]?|前几天|前天|昨天|昨日|上个?月)[^，。]{0,8}(报|提|反映)的/.test(bare) && /(没有?人(理|管|签收|跟|回|联系|来)|有人(理|管|跟)(没有?|冇|吗|么)|催(一催|一下|一哈|哈|下|催)|为什么还没)/.test(bare)) return 'urge';
  // "我们那个接电的事情拖好久了 再催一下嘛": a matter of one's own, long waited for, chased
  if (bare.length <= 40 && /(拖|等)了?(好久|很久|太久|这么久|老久)/.test(bare) && /催(一下|一哈|哈|下|催|一催)/.test(bare)) return 'urge';
  // "上周那个路灯的问题说修好了，晚上去看还是不亮，麻烦重新打开": a closed report opened again without its number
  if (bare.length <= 50 && /(重新打开|重开一下)/.test(bare) && /(上周|上次|之前|那个|那件)/.test(bare)) return 'reopen';
  // "我们公司提的那个扩容的单子有回音没", "帮我查下我们彭家寨茶叶合作社提的单子": one's own ticket asked after
  if (bare.length <= 40 && (/(我们|我司)[^，。]{0,12}(提|报|反映)的[^，。]{0,10}(单子|问题|事)[^，。]{0,4}(有回音|有消息|有回复|有结果)(没|吗|了吗|没有)?$/.test(bare) || /^(帮我|帮忙)?(查下|查一下|查查)[^，。]{0,16}(提|报)的(单子|工单|问题)$/.test(bare))) return 'query';
  // "我分管的那几件现在啥情况？列一下", "恒通机械那几件问题现在都啥状态？": a cadre's own, or one enterprise's, asked after
  if (bare.length <= 30 && (/^我(分管|包联|负责)的[^，。]{0,6}(现在)?(啥|什么)(情况|状态|进度)/.test(bare) || /(那几件|那几个|那几条|那些)(问题|事|单子|工单)?(现在)?(都)?(是)?(啥|什么)(状态|情况|进度)了?$/.test(bare))) return 'query';
  // "上周我们区的问题台账发我，要excel的", "经开区和高新区的满意率对比下，分开算": the ledger, or figures compared
  if (bare.length <= 30 && (/(问题)?台账[^，。]{0,6}(发我|发一下|导出|拉一下)/.test(bare) || /(满意率|破解率|响应率|办结率|超期率)[^，。]{0,6}(对比|比较|分开)|对比[^，。]{0,10}(满意率|破解率|响应率|办结率)/.test(bare)) && !/(我司|我们公司|企业的)/.test(bare)) return 'digest';
  // "我们光年视效的单子现在啥进度啊": one's own ticket asked after, by the enterprise's name
  // (round 356: "我们金达莱泡菜的工单到哪了")
  if (bare.length <= 30 && /^(我们|我司|俺们|咱们?)[^，。]{0,10}的(单子|工单)[^，。]{0,4}((啥|什么)进度|(办)?到哪(一步|里)?了)/.test(bare)) return 'query';
  // about the group, not a problem: a meeting's slides or minutes ("今天开会的PPT谁有，群里发一下"), where to drink a
  // coffee, a Monday greeting ("早上好家人们☀️ 周一打工人上线")
  if (bare.length <= 30 && !/(我们|我司|我厂|没(有)?(电|水|气|网)|没(有)?人(管|理|来|问|处理|回)|(?<!有)没有|太少|不够|不方便|坏|停|难|急|帮忙|能否|希望|申请|问题)/.test(bare) &&
    (/(PPT|ppt|课件|纪要|会议材料|讲话稿)[^，。]{0,8}(谁有|发一下|发群|发到群|整理好)/.test(bare) || /(哪家|哪里|哪儿)[^，。]{0,8}(好吃|好喝|好玩)|拼单|点(咖啡|奶茶)|一起(吃|喝|点)/.test(bare) ||
      /^(早上好|早安|早|周[一二三四五六日]好|大家好)[^，。]{0,14}(上线|打卡|干饭|开工)/.test(bare) ||
      // an invitation, a newcomer's greeting, a Japanese thanks
      /大家有空(都)?来|请多关照|多多关照|请多指教|ありがとう|助かりました/.test(bare))) return 'chat';
  // "晓得了，12月1号我们过去": an appointment acknowledged
  if (bare.length <= 20 && /^(晓得了|知道了|好的|收到|明白|行)[^，。]{0,10}(我们|我)(过去|过来|到场|来)$/.test(bare)) return 'chat';
  // "明白 明天上午我们在办公室等着", "明早九点去果园港现场办公，车在政府门口等": a time and a place to meet, agreed
  if (bare.length <= 24 && /^(好的?|收到|明白|行|晓得了|知道了)?(今天|明天|明早|后天|下午|上午|周[一二三四五六日]|礼拜[一二三四五六天])[^，。？?]{0,14}(等着|等你们|等您|在[\u4e00-\u9fa5]{1,6}等)$/.test(bare) && !/(没|不|问题|急|麻烦|帮忙|能否|可否|希望|怎么|哪|停|坏|漏|断)/.test(bare)) return 'chat';
  // thanks and good cheer to the group ("辛苦辛苦 你们也不容易", "大家辛苦，今晚不加班了哈", "今天冇得事，大家早点下班",
  // "不客气，有问题随时群里说"), good news ("哈哈 今天终于不限电了 开工开工"), a menu ("今天中午食堂酸菜炖排骨 去晚了就没了哈"),
  // a file passed on ("这个政策文件我转到公司群了，谢谢"): nothing asked of the government
  if (bare.length <= 30 && (/^(辛苦(了|啦|啊)?)+[^，。]{0,10}(不容易|辛苦)|^大家辛苦|(今天|今儿|今日)(冇得|没得|没有|没)(么|啥|什么|撒子)?事|(早点|早些)下班|不加班了|^不客气|(转到|转发到|转发给|发到)[^，。]{0,6}群(里)?了[^。]{0,4}(谢谢|感谢)|终于不(限电|停电|停水|堵)了|^(哈+)?[^，。]{0,6}(开工|复工)(开工|啦|了)+|(食堂|饭堂)[^。]{0,14}(去晚了|快去|冲冲冲)/.test(bare)) && !/(我们|我司|我厂|企业|没(有)?(电|水|气|网|人管)|坏|停了|难|急|帮忙|能否|能不能|希望|申请|投诉|问题还|还没)/.test(bare)) return 'chat';
  // a meal proposed or asked about ("周末去吃火锅不 😋", "中午克吃热干面冇", "中午吃啥 有没有人去吃海南粉 我请", "恁都吃了冇"):
  // said to colleagues, nothing asked of the government
  if (bare.length <= 30 && (/(中午|晚上|今晚|周末|明天|一块|一起|一道|有没有人|谁)[^，。？?]{0,6}(去|克|要)?(吃|咥|喝)[^，。？?]{0,14}(不|冇|没|吗|么|伐|啊|哈|呀)?[？?]?$|(中午|晚上|今晚)(吃啥|吃什么|吃么子|吃撒子)|^[^，。]{0,4}(都)?吃了?(冇|没|吗|没有)[？?]?$/.test(bare) || /(中午|晚上|今晚|周末)[^，。？?]{0,6}(吃啥|吃什么|去吃)/.test(bare)) && !/(我们|我司|我厂|企业|员工|工人|职工|食堂|什么时候|啥时候|没(有)?(饭|地方)|难|坏|停|贵|涨|投诉|卫生|中毒|拉肚子|食品安全|许可|证)/.test(bare)) return 'chat';
  // rounds 95 and 101: an apology for a late answer, a newcomer introducing themselves, an outing suggested
  if (bare.length <= 40 && (/^(不好意思|抱歉|拍谢|sorry)+[^。]{0,6}(刚刚?|刚才)在?(开会|忙|开车)/i.test(bare) || /我是新来的[^。]{0,12}以后(我|由我)(来)?(负责)?(对接|联系|跟)/.test(bare) || (/有空(的话)?(可以)?去(逛逛|看看|玩玩)/.test(bare) && !/(我们|我司|领导)/.test(bare)) || /(改天|回头|过两天)给大(伙|家|伙儿)(送|带|拿)点/.test(bare) || /(卖完了|丰收了)[^。]{0,10}(行情|价格|价钱)还(中|行|可以|不错)/.test(bare)) && !/(帮忙|能否|能不能|希望|申请|投诉|问题|坏|停|漏|断|堵|修)/.test(bare)) return 'chat';
  // the canteen's menu ("中午食堂有热干面 冇吃早饭的克吃哈"), "nothing more, thanks" ("冇得事了 谢谢哈")
  if (bare.length <= 30 && (/^[^，。]{0,4}(食堂|饭堂)[^，。]{0,4}有[^，。]{0,6}(面|饭|饺子|包子|粥)/.test(bare) || /^(没事了|没得事了|没有得?事了)(谢谢|感谢|多谢)/.test(bare)) && !/(坏|停|难|急|帮忙|能否|希望|申请|问题|投诉|卫生)/.test(bare)) return 'chat';
  // a notice to the group: a meeting moved ("今天专班例会改到下午四点，地点不变"), a leader's visit ("明天上午市长来经开区调研，相关企业负责人8点半前到位")
  if (bare.length <= 40 && (/(例会|调度会|协调会|会议|座谈会)[^，。]{0,4}(改到|改在|推迟到|提前到|延到|照常)|地点不变|(开|召开)[^，。]{0,8}(工作会|会议|座谈会|推进会|调度会)[，,]?通知(大家|各位)(一下)?$/.test(bare) || /(来|到)[^，。]{0,8}(调研|视察|检查)[^。]{0,12}(到位|准时|参加|陪同|做好准备)/.test(bare)) && !/(我们|我司|我厂|没|难|坏|停|急|帮忙|能否|希望|申请)/.test(bare)) return 'chat';
  // "这礼拜我们一共收了多少件，办完了几件": how many were received and closed
  if (bare.length <= 24 && /(一共|总共)?(收了|受理了?|接了|来了)多少(件|个|单)|办(完|结)了几(件|个|单)/.test(bare)) return 'digest';
  // "年底要考核了，全年的数字拉一下": a period's numbers asked for
  if (bare.length <= 24 && /(全年|今年|本年度|本月|这个月|本周|这周|上个?月|本季度|这个季度)的?(数字|数据|数)(拉|发|给|报|汇总|统计)/.test(bare) && !/(我们|我司|企业|产值|营收|销售|不上|不了|不进|报错|系统|统计局)/.test(bare)) return 'digest';
  // a leader's request for numbers in plain words ("发一下本周的问题汇总", "破解率多少了", "各部门办结情况排名发一下")
  // ("进度怎么样了", "现在办得怎么样了？": found in a new user's walk-through, where it opened a ticket of its own)
  if (/^(现在|目前)?(的)?(进度|进展|办得|处理得|弄得)(怎么样|怎样|如何|咋样|么样)了?(吗|呢|啊|呀)?$|^(进度|进展)(呢|如何|怎样|怎么样|了吗|啊)?$/.test(bare)) return 'query';
  // round 100: "黑河北江经贸的单子都有哪些 列一下": one enterprise's tickets listed
  // (not a state's: "超期的单子有哪些", "差评的单子都有哪些" are the leaders' lists)
  if (bare.length <= 24 && LISTED_TICKETS.test(bare)) return 'query';
  // round 106: "这个月各部门办件排名出来没有 月调度会要用": a ranking asked for
  if (bare.length <= 30 && /排名出来(没有?|了吗|了没|没)/.test(bare)) return 'digest';
  // round 354: "@所有人 下午三点办公楼停电检修 大家记得保存文件": a notice to everyone in the group (GROUP_NOTICE) — not a
  // fault told to all ("@所有人 厂区停电了", "@所有人 工人讨薪堵在门口了"), nor anything asked (NOT_A_NOTICE; the review found)
  if (/^\s*[@＠]所有人/.test(t) && GROUP_NOTICE.test(t) && !NOT_A_NOTICE.test(t)) return 'chat';
  // round 99: "今天开会的材料谁有，发群里下": a colleague's papers asked for, not the bot's numbers
  if (bare.length <= 24 && /(开会|会议)的?材料[^，。]{0,4}谁有/.test(bare)) return 'chat';
  // round 228: "今儿下雪了，路上都慢点开", "哈哈 那可不是哩": the weather and a word of care, agreement
  if (bare.length <= 20 && (/(下雪|下雨|结冰|路滑|起雾|大雾)了?[^，。]{0,4}(路上|开车)[^，。]{0,3}(都|大家)?(慢点|慢些|小心|注意安全)/.test(bare) || /^(哈+)?(那可不是|可不是|就是就是|说得对|说的是|确实是?)(嘛|哩|呢|啊|呀|哈|的)*$/.test(bare)) && !/(我们|我司|我厂|企业|帮忙|能不能|能否|申请|问题|没人|撒盐|除冰|清雪|扫雪|进不|出不|上不|堵|停|坏|断)/.test(bare)) return 'chat';
  // rounds 340 and 346: one's own absence from a meeting ("周五的培训我来不了哈，请个假"), where a meeting is held ("今天开会的
  // 地方在三楼哈，不是二楼"), the fog and a word of care ("哈哈，今儿这雾够大的，开车都慢点儿")
  if (bare.length <= 30 && (/我[^，。]{0,4}(来不了|去不了|参加不了|到不了)[^。]{0,4}[，,]?请个?假/.test(bare) || /^(今天|明天|下午|上午)?的?(开会|会议|培训)的?(地方|地点)(在|改到|改在)[^，。]{1,8}(楼|室)/.test(bare) || /^(哈+[，,\s]*)?(今天|今儿|今日)?这?(雾|雪|雨)(够|好|真|太|挺)大的?[，,\s]*(开车|路上)[^，。]{0,3}(都|大家)?(慢点|慢些|小心|注意安全)儿?$/.test(bare)) && !/(我们|我司|企业|帮忙|能不能|能否|申请|问题|坏|停|漏|不热|冻|没电|故障|修|断|塌)/.test(bare)) return 'chat';
  // rounds 237 and 239: agreement ("哈哈 老铁没毛病"), a newcomer welcomed ("新来的同事大家欢迎一下 👏 @小马 …"), where a
  // training is asked among colleagues ("哪位知道明天的培训在哪个会议室？"), a colleague asked to bring a form ("@刘专员 明天你
  // 过来的时候把那个表带上"), an invitation to a briefing ("…政策宣讲会，有空的企业可以来听"): nothing asked of the government
  // (not a question or a request of an enterprise's with a problem in it: "谁知道办营业执照在哪个楼？跑了两趟都没找到", "王科长
  // 明天你过来的时候带上测电笔看看，车间电压一直不稳", "…感兴趣的可以来看看 就是门口的路一直没修")
  if (bare.length <= 50 && (/^(哈+)?\s*(老铁|兄弟)?没毛病[!！~～。]*$/.test(bare) || /新来的同事[^。]{0,8}欢迎|大家欢迎一下/.test(bare) || /^(哪位|谁)(知道|晓得)[^。，,]{0,12}(培训|会议?|讲座)[^。，,]{0,4}在哪个?(会议室|地方|楼)/.test(bare) ||
      (/你(过来|来)的时候[^。，,]{0,10}带(上|过来|着)$/.test(bare) && bare.length <= 30) || /(有空|感兴趣)的?(企业|同志|朋友|大家)?都?可以来(听|参加|看看)[!！。~～]*$/.test(bare)) &&
    !/(我们|我司|我厂|能不能|能否|麻烦|帮忙|希望|申请|没人|没(?!毛病)|不稳|进不|找不|坏|停|断|差)/.test(bare)) return 'chat';
  // "200我先认领了，剩下的你们分一下": a share of a batch taken, the rest left to colleagues (no ticket's number)
  if (bare.length <= 30 && SHARE_TAKEN.test(bare)) return 'chat';
  // round 242: "今天不在，明天回来再说": one away, between colleagues; round 244: "谢谢各位帮忙，问题解决了，点赞👍🎉": thanks for
  // what is done, no number, no more asked
  if (bare.length <= 16 && /^我?(今天|今儿|这两天|上午|下午)不在[^，。]{0,4}(明天|后天|回来|下午|下周)[^，。]{0,4}再(说|弄|看|处理|联系)$/.test(bare)) return 'chat';
  if (bare.length <= 24 && /^(谢谢|感谢|多谢)(各位|大家|领导|你们)?(的)?(帮忙|支持|关心)?(问题|事情)?(已经|都|终于)?(解决|办好|搞定)了(点赞|👍|🎉|[\p{Extended_Pictographic}\uFE0F])*$/u.test(bare)) return 'chat';
  // "@王芳 你电话打不通 有空回个电话": a call asked for back, between people
  if (bare.length <= 30 && /(电话|手机)[^，。]{0,4}(打不通|没人接|没接|占线|关机)|回个?电话|回电/.test(bare) && /(回个?电话|回电|回一下|打给我|给我回)[吧哈啊呀了一下]*$/.test(bare) && !/(企业|我们|我司|我厂|问题|反映|投诉|帮忙|停|坏|断|12345|热线|窗口|部门|局|所|站|中心|公司|物业|银行|供电|水务|燃气|客服|让他们|叫他们|请他们)/.test(bare)) return 'chat';
  // rounds 247–253: a cadre's own plan, to be posted later or kept in mind ("这个季度的走访计划我晚点发群里", "元旦前的走访安排大家心里
  // 有个数，下周细排"): nothing asked of the bot
  if (bare.length <= 40 && (/(我|我们)(晚点|晚些|稍后|等下|等会儿?|一会儿?|回头|明天)(再)?(发|传|放|贴)(到)?群里$/.test(bare) || /大家心里(先)?有个?数/.test(bare)) && !/(能不能|能否|麻烦|帮忙|请问|[?？吗]|没人|怎么|停|断|坏|掉|漏|堵|还差|不够|已经)/.test(bare)) return 'chat';
  // (one enterprise's tickets asked for by its name, before the leaders' numbers: "江阴华锐特钢名下现在有几个在办的")
  if (bare.length <= 30 && heldBy(bare)) return 'query';
  if (parseDigestRequest(bare)) return 'digest';
  // "进度" / "有什么进展吗" without a number: the asker's own tickets (an enterprise's, or a cadre's to-do list)
  if (/^(有|有没有|有什么)(新的?)?进展(吗|了吗|没有)?$|^(现在)?(什么|啥)进度(了)?$/.test(bare)) return 'query';
  // (round 276: "超期的有几个？列个清单给俺": how many are overdue, a count for the leader — not one's own list)
  if (/^(我的待办|待办|我的工单|我的单子|我的任务|超期|超期清单|超期列表|我们的问题|我们公司的问题|查询)/.test(bare) && bare.length <= 12 && !/(前[十\d]+名|排名|排行)/.test(bare) && !/^超期的?(有|还有)?(几个|几件|几单|多少|好多个?)/.test(bare)) {
    return 'query';
  }
  // an enterprise's own list: "我们公司的单子都列出来看一下——凯迈智能装备"
  if (/^(我们|我司|我们公司|我们厂|本公司)的?(单子|工单|问题单)(都|全部)?(列|拉|发|调)(出来|一下)/.test(bare)) return 'query';
  // a cadre's own list looked at: "看下我名下还冇办结的件" (round 259), "查一下我名下超期的"
  if (bare.length <= 20 && /^(看下|看一下|看看|查下|查一下|列下|列一下)我(名下|手上|手里)[^，。]{0,6}((?<![订账菜清保])单子?|工单|(?<![文条配零])件|待办|没办完|没有?办结|超期|逾期)/.test(bare)) return 'query';
  // a cadre's own list: "我手上还有几个没办完的", "今天有哪些新派给我的单子"
  if (bare.length <= 20 && OWN_LIST.test(bare) && /(哪些|几个|几件|几单|多少|有没有|还有|清单|列表)/.test(bare) && !/(帮忙|能不能|能否|可否|请|麻烦|需要|申请|希望|想|要|项目|企业)/.test(bare)) return 'query';
  // "我名下的工单", "我今天该干啥，列一下", "快到期的给我拉个单子": one's own list in few words
  if (
    bare.length <= 16 &&
    (/^(我名下|我手上|我手里|派给我|分给我|转给我)的?(工单|单子|任务|待办)(有哪些|呢|列一下)?$/.test(bare) ||
      /^(看看|看一下|查查|查一下|列一下)?我的(待办|工单|单子|任务)$/.test(bare) ||
      /^(今天|明天|这周|本周)?我(今天|明天|这周|本周)?(还)?有(什么|哪些|几件|几个)(要|需要|得)(处理|办|做|跟)的?$/.test(bare) ||
      /我(今天|明天|这周|本周)?(要|该)办的.{0,4}(列|拉|看)/.test(bare) ||
      /(明天|今天|这周|本周|后天)(有没有|有无)?就?到期的.{0,6}(单子|清单|列|有几|有哪些|有哪几|哪几个)/.test(bare) ||
      /^我(今天|明天|这周|本周)?(该|要|得)(干啥|干什么|做什么|办啥|办什么|忙啥)/.test(bare) ||
      /(快|要|将|马上)到期的?.{0,6}(单子|清单|列表|名单|工单|列一下|拉一下|拉个)/.test(bare) ||
      /^(今天|明天|这周|本周)?(还)?有(哪些|哪几个|几个|几单|几件)(快|要|将|马上)(到期|超期)的?(吗|呢)?$/.test(bare))
  ) {
    return 'query';
  }
  // "我这周有哪些要到期的", "我今天还有几件要办的"
  if (bare.length <= 16 && /^我(这周|今天|本周|这个月|这礼拜|现在|目前|手上|手里)?(还)?有(哪些|几个|几件|几单|多少)[\u4e00-\u9fa5]{0,6}(到期|超期|逾期|待办|要办|没办|没处理|单子|工单)/.test(bare)) return 'query';
  // "我还有哪些待办", "我手上还有哪些工单", "我们公司提的问题现在都什么状态"
  if (
    bare.length <= 20 &&
    (/(哪些|几个|多少|几件|几单)(待办|工单|任务|单子|问题没办|超期)|(待办|工单|任务)(有哪些|有几个|还有多少|清单|列表)/.test(bare) ||
      /(我们|我司|我们公司|公司|企业)(提|报|反映)?的(那几个|那些|几个)?(问题|工单|诉求|事|事情).{0,6}(状态|进度|进展|情况|怎么样|办得怎么样)/.test(bare) ||
      /(我们|我们公司|我司)(报|提|反映)(过|了)?(几次|几个|的)?(问题|事).{0,6}(弄好|办好|解决)了?(伐|吗|没|没有)$/.test(bare))
  ) {
    return 'query';
  }
  // round 286: "俺们的工单都处理完了吗 ——鑫海冷藏": whether one's own tickets are done, asked (a signature after it)
  if (/^(我们|俺们|咱们?|我司)(公司|厂)?的?(工单|单子|问题)(都|全部|是不是)?(处理|办|解决|搞|弄)(完|好)了?(吗|没|么|没有|伐)[?？]?(\s*[—–-]+\s*[^，。？?]{2,16})?$/.test(t.trim())) return 'query';
  // "我们上次反映的用电问题怎么样了": asking after an earlier report, without its number
  if (
    bare.length <= 30 &&
    (/(上次|之前|前几天|前段时间|上周|前面)(反映|提|报|说)的.{0,12}(问题|事情|事|诉求|申请).{0,8}(怎么样|进展|进度|结果|有消息|有回复|办得|到哪)/.test(bare) ||
      /(反映|提|报)的.{0,12}(问题|事情|诉求).{0,8}(解决了没|解决了吗|解决没|办好了吗|怎么样了|怎样了|得怎样|得怎么样|到哪了|到哪|去到哪|有结果了吗)/.test(bare) ||
      /(那个|这个|那件|这件).{0,8}(问题|事情|事).{0,6}(现在)?(么样了|到哪了|到哪一步了|走到哪一步了|进展如何|有结果了吗|解决了没|解决了吗)/.test(bare) ||
      /(查一下|查查|看一下|帮忙查).{0,16}(问题|工单|诉求).{0,8}(到哪|进度|进展|状态|怎么样)/.test(bare))
  ) {
    return 'query';
  }
  // a new user's walk-through: a few words after one's own problem, no number and nothing new in them, pressed
  // ("有人管吗", "怎么还没人来", "到底还要等多久", "等了一个礼拜了还没动静") or asked after ("批下来没有", "结果出来了吗",
  // "什么时候能批下来", "那个事有消息没"): never a new report
  if (bare.length <= 16 && /^(有人管(吗|没|不|没有)|(怎么|咋|为啥|为什么)?(还|都)?没(有)?人(管|联系|来|理|回|回复|处理)(我们|一下)?(啊|呢|了|呀|吗)*$|到底(还)?要等(多久|到什么时候|到啥时候)|等了[^，。]{1,6}(还|都)没(动静|消息|人(来|管|理|联系)))/.test(bare)) return 'urge';
  if (bare.length <= 14 && /^((那个|这个)?(事|事情|问题)?(有消息|有结果|有回复|有回音)了?(没有?|吗|没)|结果(出来)?了?(吗|没有?)|(什么时候|啥时候|几时)(能|可以|才能)?(批下来|批|办好|办下来|修好|来修|下来)(啊|呢|呀)?|(批|办|弄)(下来|好|完)了?(没有?|吗)|[\u4e00-\u9fa5]{1,4}(修好|装好|接通|通上|批下来|办好)了?(吗|没有?))$/.test(bare)) return 'query';
  // "还是不行", "依然没好": the answer did not mend it
  if (bare.length <= 8 && /^(还是|仍然|依然|照样)(不行|没好|没解决|老样子|没用)(啊|呀|的|哦)?$/.test(bare)) return 'reopen';
  // "金沙窖酒业反映的问题有哪些", "川恒物流堆场用地那个，现在什么状态": an enterprise's matters, asked after
  if (bare.length <= 30 && (NAMED_TICKETS.some((r) => r.test(bare)) || /那个(现在)?(什么|啥)(状态|情况|进度)了?$/.test(bare))) return 'query';
  // "我们厂报的那单到哪一步了": one's own report asked after
  // (round 268: "我们厂报的停水那个单子 现在有人接了没": the matter named, then whether anyone took it)
  if (bare.length <= 30 && (/(我们|我司|厂里)厂?报的(那|这)?(单|个问题|件事|个事).{0,4}(到哪一步|到哪了|什么进度|怎么样了|有消息)/.test(bare) || /(我们|我司|厂里)厂?(报|提)的[\u4e00-\u9fa5]{1,6}(那|这)个?(单子?|问题|事)\s*(现在)?(有人接了?|有人管)(没有?|吗)/.test(bare))) return 'query';
  // round 171: "我们公司的单子都到哪一步了？我们是九江明远光电": all of one's own, asked after, whatever follows (19 labelled
  // readings opening so, all query)
  if (bare.length <= 40 && /^(我们|我司|厂里)(公司|厂)?(报|提)?的?(那|这)?些?(单子?|工单|问题)(都|现在)?[^，。]{0,6}(到哪一步|到哪了|什么进度|怎么样了)/.test(bare)) return 'query';
  // "这周超期的有哪些": the overdue tickets themselves
  if (bare.length <= 16 && !/(前[十\d]+名|排名|排行)/.test(bare) && (/超期.{0,3}(有哪些|清单|列表|名单|明细)/.test(bare) || /^(都有|还有)?(哪些|哪几)(个|件|单|条)?(工单|单子|问题|件)?.{0,4}(超期|逾期)(了|的)?(呢|啊)?$/.test(bare))) return 'query';
  // "凤凰电缆那条路的事有人在跟吗": asking whether anyone handles a matter already raised
  // (round 242: "…的问题，格有人在管？": Yunnan's 格 asking whether)
  if (bare.length <= 30 && /(事|问题|事情)(现在)?格?(有人在?(跟|管|处理|办|负责|跟进)|有没有人(在)?(跟|管|处理|办|跟进)|谁在(跟|管|处理|办|跟进))(吗|没|么|呢|没有)?$/.test(bare)) return 'query';
  // English: "What can this bot do?" asks for help; a sentence of six words or more in a service group is a report
  if (/what can (this|the|you)\s*(bot)?\s*do|english (guide|manual|version)|how (do i|to) use (this|the) bot|how (do|can|should) (i|we) (report|submit|raise|file|log) (an? )?(issue|problem|request|ticket)s? ((through|via|with|to|in) (this|the) (bot|group)|here)/i.test(t)) return 'help';
  // "Can I get a summary of this month's tickets by category?", "Show me the tickets the bot wasn't sure about"
  if (/\b(tickets?|issues|cases)\b[^.?!]{0,30}\b(the|this) bot\b[^.?!]{0,12}\b(not sure|n't sure|unsure|not certain|uncertain)\b|\b(unsure|unconfirmed|uncertain) tickets\b/i.test(t)) return 'triage';
  if (/\b(summary|statistics|stats|breakdown|overview|numbers|figures) (of|for|on) (this|last|the) (week|month|quarter|year)'?s? (tickets|issues|cases)|\b(tickets|issues|cases) by (category|department|type)\b/i.test(t)) return 'digest';
  // "Thanks a lot for the quick help last week!", "Thank you all, the line is running again. Much appreciated!", "Guten Morgen zusammen! 👋"
  if (/^(thanks|thank you|many thanks|much appreciated)\b/i.test(t.trim()) && !/[?？]|\b(but|however|still|not|n't|problem|issue|please|need|could|can you|would|(is|are|was|went) out|no water|no power|blocked|broken|leak(ing)?|stopped)\b/i.test(t.replace(/\b(running|working) again\b/i, ''))) return 'chat';
  if (/^(good morning|guten morgen|guten tag|morning|hello|hi|hey)\b[^?？.]{0,20}[!.！]?\s*[\u{1F300}-\u{1FAFF}\u2600-\u27BF]*$/iu.test(t.trim()) && !/\b(no|not|out|broken|blocked|leak(ing)?|cut|stopped|down|help)\b/i.test(t)) return 'chat';
  if (/[A-Za-z]{2,}(?:[\s,;:'()-]+[A-Za-z]{2,}){5,}/.test(t) && !/^(hi|hello|hey|thanks|thank you|ok|good morning)\b[^.?!]{0,20}[.!]?$/i.test(t.trim())) return 'report';
  if (isChat(bare)) return 'chat';
  // "今天去企业走访了 情况都还好 没新问题", "刚才那份周报我看过了 辛苦大家了", "大家中午饭吃了没": nothing to act on
  if (bare.length <= 30 && (/(?<!有)没(有)?新(的)?问题(?![吗么])|情况都(还)?(好|正常)/.test(bare) && !/(没人|不|难|坏|停|急|帮忙|能否|希望)/.test(bare.replace(/没(有)?新(的)?问题/, '')) || /(周报|日报|月报|简报|报表)[\u4e00-\u9fa5]{0,4}(看过了|看了|已阅|收到了)/.test(bare) || /(饭|午饭|中午饭|晚饭)吃了(没|吗)|(吃|恰)饭了(没有?|吗)/.test(bare) || /^(周[一二三四五六日]|早上|上午|大家|各位)好.{0,12}(元气|满满|开心|顺利|加油)/.test(bare) || /(今天|明天|这几天)不在(单位|办公室)?(明天|后天|下周)[^，]{0,3}回来$/.test(bare))) return 'chat';
  // "好的 謝謝林科長 有問題再跟您說": thanks, and a word that one will come back if need be
  if (bare.length <= 24 && /^(好的?|收到|嗯+|ok)?(谢谢|感谢|多谢)[\u4e00-\u9fa5]{0,4}?有(问题|事|需要)(的话)?再(跟|和|找|联系|麻烦)(您|你|你们)?(说|讲|联系)?(哈|啊|哦|了)?$/i.test(bare)) return 'chat';
  // "Thanks a lot!", "Noted, thank you": thanks in English
  if (/^(thanks|thank you|thx|many thanks|noted|got it|well received|ok)\b[^?]{0,24}$/i.test(t.trim())) return 'chat';
  // "大家周一好！本周继续做好店小二式服务": a greeting to the group and a word of encouragement
  if (bare.length <= 40 && /^(大家|各位)(领导|同事|同志)?(周[一二三四五六日]|早上|上午|下午|晚上|早)?好/.test(bare) && /(继续|加油|努力|做好|辛苦|一起)/.test(bare) && !/(我们|我司|我厂|没|难|问题|坏|停|急|申请|帮忙|能否|希望)/.test(bare)) return 'chat';
  // about the group itself: "刚才发错群了，不好意思", "群里的文件我下载不了，谁能再发一次"
  if (bare.length <= 30 && /(发错群|发错了|群里的?(文件|通知|表格|链接|附件)|群文件|撤回)/.test(bare) && !/(我们|我司|企业|厂)/.test(bare)) return 'chat';
  // a promise to bring what was asked for: "我们下周二把补充材料带过来"
  if (bare.length <= 30 && /^(好的|收到|好|行|明白|好嘞)?(我们|我)[\u4e00-\u9fa5]{0,6}?(把|会把)?(补充|补正|相关|所需|需要的|缺的)?的?(材料|资料|表格|文件|报表|证件|原件|合同|发票)(送|带|交|发|补|递|报)(过来|过去|上来|上去|齐|到|给)/.test(bare) && !/(没|不|难|问题|急|麻烦|帮忙|能否|可否|希望|怎么|哪)/.test(bare)) return 'chat';
  // "明白，审计报告我们礼拜五前发给你": a document promised
  if (bare.length <= 30 && /^(好的?|收到|明白|了解|ok|行|没问题)/i.test(bare) && /(材料|资料|报告|文件|表格|报表|合同|发票|清单|方案)[\u4e00-\u9fa5]{0,10}(发|送|交|带|补|传)(给你|给您|过来|过去|上来|给大家)/.test(bare) && !/(没有?(收到|批)|不|难|问题|急|麻烦|帮忙|能否|可否|希望|怎么|哪)/.test(bare.replace(/^(好的?|收到|明白|了解|ok|行|没问题)/i, ''))) return 'chat';
  // a reminder to all: "明天下雪，路上注意安全"; an official's "我了解一下再回复大家"
  // (not a collapse told before the care: "下这么大雪，厂房顶被压塌了，大家注意安全", the fifty-first session's review)
  if (bare.length <= 24 && /注意(安全|保暖|防寒|防暑|防滑|出行)|(开车|路上|出行)(都|大家)?(慢点|慢一点|小心)|小心(路滑|驾驶)/.test(bare) && !/(我们|我司|我厂|隐患|问题|希望|损失|坏了|倒了|淹了|进不|出不|过不|塌|垮|砸|伤|着火|起火|漏|爆|没(电|水|气)|不(让|给|能))/.test(bare)) return 'chat';
  // "会议晚点到", "这个群里人咋这么多": about oneself or the group, no problem of an enterprise
  if (bare.length <= 24 && (/(会议|开会|例会).{0,4}(晚点到|晚到|迟到|晚一点到)/.test(bare) || /^这个?群里?.{0,6}(人|消息).{0,6}(这么|太|好)(多|少)/.test(bare))) return 'chat';
  // "12月5号我出差，有事找小李": away, and who to ask meanwhile
  if (bare.length <= 24 && /(出差|请假|休假|年假|不在单位|外出|开会)/.test(bare) && /(有事|找|联系|电话)/.test(bare) && !/(我们|我司|我厂|没|难|问题|希望|帮忙|能否|申请)/.test(bare)) return 'chat';
  if (bare.length <= 24 && /(了解|核实|问|确认|研究|商量|落实)一下[\u4e00-\u9fa5]{0,4}再(回复|答复|告诉|反馈|回|通知)(大家|你们|您|各位)?$/.test(bare)) return 'chat';
  // "这个事情我们内部再商量一下，有需要再找你们": nothing asked yet
  if (bare.length <= 30 && /(内部|自己|回去)再?(商量|研究|讨论|考虑|合计)一下/.test(bare) && /(有需要|需要的话|有事|到时候)再(找|联系|麻烦)/.test(bare)) return 'chat';
  // "好的收到，我们下周三前把材料补齐", "辛苦各位领导跑一趟了": thanks and promises, not a problem
  // "谢谢领导，问题已经解决了": thanks for a problem solved (round 270: "唔该晒晒！问题已经搞掂 😄": 唔该晒, read 麻烦晒, is thanks
  // there, for what is done)
  if (bare.length <= 20 && /^麻烦晒+[！!，,\s]*(问题|事情)?(已经|都)?(解决|搞定|办好)(了|啦)?(?![^\p{Extended_Pictographic}\uFE0F])/u.test(bare)) return 'chat';
  const thanks = bare.replace(/(问题|事情|这事|事)?(已经|都|终于)?(解决|办好|处理好|搞定|落实)(了|啦)/, '');
  if (bare.length <= 30 && /^(好的|好滴|收到|好的收到|谢谢|感谢|多谢|辛苦)/.test(thanks) && !/(没|不|难|慢|坏|问题|申请|急|麻烦|帮忙|能否|可否|希望)/.test(thanks)) return 'chat';
  // a meeting notice to the group ("明天上午十点在三楼会议室开调度会，各部门带上问题清单")
  // (round 151: "下周一州里开营商环境大会，各县市专员记得参会": a 大会 notice says who comes, and nothing else)
  if (/大会/.test(bare) && /(各县市|各部门|各单位|各位|专员|大家)[^，。]{0,6}(记得|准时)?(参会|参加|出席)/.test(bare) && !/(我们|我司|我厂|能不能|能否|可否|麻烦|帮忙|希望|没|奖|补|贷|许可|说好|答应|落实|尽快|加快|协调|关注)/.test(bare)) return 'chat';
  // (round 304: not a ranking asked for the meeting, "本周各部门红黑榜排一下，下午调度会要用"; one announced at it is the
  // notice's, "下午调度会通报各部门红黑榜，请…准时参加")
  if (/(调度会|协调会|推进会|例会|座谈会|专题会|会议室)/.test(bare) && /(通知已|已经?发到|发到邮箱|各部门|各单位|请|带上|参加|参会|准时)/.test(bare) && !/(我们|我司|我厂|能不能|能否|可否|麻烦|帮忙|希望|落后|滞后|想请|开个|开一个|卡在|拖)/.test(bare) && !RANKING_ASKED.test(bare)) return 'chat';
  // thanks in Korean ("도와주셔서 정말 감사합니다", "감사합니다 좋은 하루 되세요"), nothing asked
  if (/(감사합니다|감사해요|고맙습니다|고마워요|수고하셨습니다|수고하세요|좋은 하루)/.test(t) && !/(신청|문의|부탁드|(?<!연락 )주세요|주실 수|줄 수|할 수 있|있나요|그런데(?! 너무)|근데|아직|안 |못 |또(?! 연락| 좋은)|언제(?!든지)|[?？])/.test(t) && bare.replace(/[\uac00-\ud7a3\s!！~～^.。,，]|谢谢|感谢|各位|领导|的|帮助|辛苦了?|大家|哈+/g, '').length <= 4) return 'chat';
  // round 286: "通知：明天区里开会，下午的对接会挪到周三了，大家相互转告一下": a notice to the group, its meeting moved
  if (/^[【\[]?(通知|温馨提示|提醒)[】\]]?[:：]/.test(t.trim()) && /(开会|会议|对接会|调度会|协调会|推进会|座谈会|培训会|大会)/.test(bare) && /(转告|参加|参会|准时|挪到|改到|改在|推迟|提前|取消)/.test(bare) && !/(我们|我司|我厂|能不能|能否|可否|麻烦|帮忙|希望|坏|漏|堵|断|停|没|出事|危险|尽快|报给我|报送|工单|办结|超期|问题|但|又|还是|欠薪|聚集|塔吊|跳闸|坑|修|晃|[?？吗])/.test(bare)) return 'chat';
  // problem words of a category (an `other` topic too when the lexicon is sure of it: "有人冒充我们公司签合同")
  const lex = classifyByLexicon(t);
  // problem words the lexicon is sure of are a rule that is certain: the learned fallback never turns them into a request
  if (lex.confidence >= LEXICON_CERTAIN) return 'report';
  // No known problem words: in a service group, a message of some length that is not chit-chat is a report.
  const byLength =
    lex.category !== 'other' || lex.confidence >= 0.7 || bare.length >= 12 ||
    (bare.length >= 6 && /(没|不|难|问题|希望|请|想|帮|怎么|咋回事|到底|究竟|能否|可否|需要|申请|协调|求助|麻烦|坏了|太|歪了|倒了|裂了|漏了|塌了|堵了|断了|停了|停下来|冒烟|着火)/.test(bare))
      ? 'report'
      : 'chat';
  if (!models) return byLength;
  // the learned fallback; words of a problem are never chit-chat ("谢谢领导，但问题还没解决"), and a message that speaks
  // for its own company ("我们遇到最多的是哪类问题") is not a leader's request for numbers
  // 待确认 is asked for in its own words (the rules above): "确认 1 2" confirms a visit's problems, it lists nothing
  // help is a question about the bot: "亿龙二期 交评 不适用" (a project's item set) asks nothing of it
  const refused = ['triage' as const, ...(HELP_ASKED.test(bare) ? [] : (['help'] as const)), ...(/(没|不|难|慢|坏|问题|急|冒烟|着火|起火|漏|塌|裂|断|堵|乱|咋回事|到底|究竟)/.test(bare) || KOREAN_ASKS.test(t) ? (['chat'] as const) : []), ...(/(我们|我司|我厂|本公司)/.test(bare) ? (['digest'] as const) : [])];
  return intentFallback(models.plain, t, byLength, models.minProbability, refused);
}

/**
 * The intent of a raw message as parseMessage reads it, with the given fallback models (null: the rules alone). For
 * measuring the fallback (bench/intent-loro.ts) without changing the shipped models.
 */
export function readIntent(text: string, models: IntentModels | null = SHIPPED_INTENT_MODELS): Intent {
  const t = normalizeText(text);
  return detectIntent(t, ticketRef(t), models);
}

/** A request in Korean (round 96: "…정부에서 지원해 줄 수 있나요?"): support, an inquiry, an application, a favour asked — no chit-chat. */
const KOREAN_ASKS = /(지원|문의|신청|부탁|도와|주실 수|줄 수|할 수 있)/;

/** What asking how the bot is used sounds like: a question word, 会 / 能 / 教, using (not 适用), a manual or an operation. */
const HELP_ASKED = /(怎|咋|如何|啥|什么|嘛|会|能|教|说明(?!天)|操作|功能|菜单|指令|命令|(?<!适|使|费|占|挪|专|通|用)用|[?？])/;

// (rounds 247–253: Henan's 中 for OK, "没要紧，慢慢来，辛苦了", "冇事冇事，谢谢关心", "没事没事，有空再聊"; round 298: 哈拉少, the
// Russian хорошо said in the northeast and Xinjiang)
function isChat(bare: string): boolean {
  if (bare.length === 0) return true;
  if (/^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f]+$/u.test(bare)) return true;
  return (
    bare.length <= 12 &&
    /^(好的?|好滴|哈拉少|收到|谢谢|感谢|多谢|辛苦|辛苦了|了解|明白|知道了|ok|嗯+|哦+|在吗|你好|您好|早上好|早|晚安|哈+|赞|点赞|👍|🙏|没问题|行|可以|对|是的|明天见|回头见|下周见|再见|拜拜|应该的|不客气|不会啦|没人在吗|有人在吗|那?没有?事了?|没要紧|不要紧|没关系|中|谢谢关心|感谢关心|慢慢来|有空再聊|改天再聊|吃了吗|吃了没|吃了没有|吃饭了吗|都吃了没有|都吃了吗)+(啊|呀|哈|啦|了|的|大家|各位|领导|老师)*$/iu.test(
      bare.replace(/[\p{Extended_Pictographic}\ufe0f]/gu, ''),
    )
  );
}

export { parseEnterprise };

/** A person by their post ("王会计", "孙总", "李厂长"). */
const BY_POST = '[\\u4e00-\\u9fa5]{1,3}(?:会计|经理|主任|总|工|老板|部长|主管|出纳|厂长)';
/** What follows a dash closing the message (not a range of numbers, "20—30亩"). */
const SIGNED_AFTER_DASH = /(?<![\d０-９])(?:\s*(?:—{1,4}|-{2,4}|－－)|\s+-(?=\s))\s*([^—\n，,。！!？?；;]{1,40})$/;
/** Thanks, a plea or a person by their post, signing off. */
const SIGN_OFF = new RegExp(`^(?:谢谢|感谢|多谢|盼复|麻烦了|辛苦了|拜托了|急盼)[\\u4e00-\\u9fa5]{0,4}$|^${BY_POST}$`);
/** After the enterprise's name in a signature: an office, then a person (by post, by name, in letters), then a phone number. */
const SIGNER_AFTER_NAME = new RegExp(`^\\s*(?:[\\u4e00-\\u9fa5]{1,6}(?:部|科|室|处|组)?\\s*)?(?:${BY_POST}|[\\u4e00-\\u9fa5]{2,3}|[A-Za-z]+)?\\s*(?:1\\d{10}|1\\d{2}[-\\s]?\\d{4}[-\\s]?\\d{4})?$`);
/**
 * Whether what follows the dash is the enterprise signing: its name first, a business's name ("焦作华冠纺织", not "宏达化工
 * 门口" nor "供电公司" read as one), then at most a person, an office or a telephone number.
 */
function signedByName(tail: string, enterprise: string | null): boolean {
  if (!enterprise || !tail.startsWith(enterprise) || !isBusinessName(enterprise)) return false;
  return SIGNER_AFTER_NAME.test(tail.slice(enterprise.length));
}
function summarize(t: string, enterprise: string | null = null): string {
  // greetings, a self-introduction ("我们是X，") and haste cried first ("急，", "【紧急】") say nothing about the problem;
  // the enterprise and the urgency are shown apart
  const withoutGreeting = t
    .replace(/^(?:【(?:紧急|加急|急)】|(?:急+|紧急|加急|特急|十万火急)[!！,，\s]+)\s*/, '')
    // ("老师好，天赐生态这边，…": a greeting to a cadre or to all, then the name)
    .replace(/^(?:(你好|您好|你们好|领导好|各位领导好?|老师好|老师们好|各位老师好?|大家好|各位好|请问)[,，!！ ]*)+/, '')
    .replace(/^我们是[^，,。！!？?]{2,20}[，,]\s*/, '')
    // "我们这边也是限电，…": another enterprise's problem joined, the problem is what follows
    .replace(/^(?:我们|俺们|咱们|我司)(?:这边|这里|这儿|厂里)?也是?(?=[^，,。！!？?]{2,})/, '');
  // the enterprise naming itself first ("天赐生态这边，…", "亿龙置业：…", "宏达化工 —— 环评卡住了"): shown apart
  const rest = enterprise && withoutGreeting.startsWith(enterprise) ? /^(?:这边|那边|这里)?(?:\s*(?:—{1,4}|-{2,4}|－－)(?![—-])\s*([^—\s-].+)|[，,：:\s]+(.{6,}))/s.exec(withoutGreeting.slice(enterprise.length)) : undefined;
  if (rest) return summarize(rest[1] ?? rest[2]!);
  // a signature after a dash closing the message, the enterprise's name or a sign-off ("…影响生产 —— 焦作华冠纺织 王会计",
  // "…—— 谢谢领导"): who wrote it is shown apart; not what is said after a dash ("…—— 在二期东门", "20—30亩")
  const signed = SIGNED_AFTER_DASH.exec(withoutGreeting);
  const body = signed && signed.index >= 6 && (signedByName(signed[1]!, enterprise) || SIGN_OFF.test(signed[1]!)) ? withoutGreeting.slice(0, signed.index) : withoutGreeting;
  const clauses = body.split(/[。！？!?\n]/).map((s) => s.trim()).filter(Boolean);
  let s = clauses[0] ?? body;
  if (s.length < 12 && clauses[1]) s = `${s}，${clauses[1]}`;
  s = s.replace(/[，,;；\s]+$/, '');
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/**
 * A text written word by word, as Korean and Japanese managers write Chinese ("12月 10号 前 可以 通 气 吗？", "这 个 月 底 前
 * 可以 找 到 吗？"), read for its dates with the spaces between words taken out: at least four such spaces, and one for every
 * five characters or fewer (a name set apart by a space or two keeps its spaces).
 */
/**
 * The summary in the writer's own characters: it is cut from the normalised text (simplified script, 俺 → 我), and an
 * enterprise writing 繁體 is shown its own words ("問題：我們廠房的消防驗收…"), not a converted copy. Where normalising
 * kept every character in place (the same length), the summary's stretch is taken from the original; else, or where
 * the summary joins clauses, as it is.
 */
function inOwnScript(original: string, normalized: string, summary: string): string {
  if (original === normalized || original.length !== normalized.length) return summary;
  const core = summary.replace(/…$/, '');
  const at = normalized.indexOf(core);
  return at < 0 ? summary : original.slice(at, at + core.length) + summary.slice(core.length);
}
function wordsJoined(t: string): string {
  const gaps = t.match(/[\u4e00-\u9fa5\d]\s+(?=[\u4e00-\u9fa5\d])/g)?.length ?? 0;
  if (gaps < 4) return t;
  const chars = t.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  return gaps * 5 >= chars ? t.replace(/(?<=[\u4e00-\u9fa5\d])\s+(?=[\u4e00-\u9fa5\d])/g, '') : t;
}

/**
 * One enterprise's tickets asked for by name, the name caught: "黑河北江经贸的单子都有哪些 列一下" (round 100),
 * "金沙窖酒业反映的问题有哪些", "查一下 瑞丰汽车零部件 的所有工单", "帮我查一下慈溪恒润电器的工单" (round 336) — not a period's
 * or a state's ("超期的单子有哪些" and "帮我查一下这个月的工单" are the leaders' numbers).
 */
const LISTED_TICKETS =
  /^(?!超期|逾期|差评|好评|在办|办结|已办|待|满意|不满意|重办|回潮|紧急|共性|各|(?:上|这|本|下)个?(?:周|月|季度?|礼拜|星期)|今天|昨天|今年|去年|最近|近期)([\u4e00-\u9fa5]{2,12})的(?:单子|工单)(?:都)?有哪些/;
const NAMED_TICKETS = [
  LISTED_TICKETS,
  /^([\u4e00-\u9fa5]{2,10})(?:反映|提|报)的问题(?:有哪些|有几个|都有什么)$/,
  /^(?:帮我|帮忙|麻烦)?(?:查一下|查查|查询|看看|看一下|列一下|调出)(?!(?:这|本|上|下|今|去|前|近|最近)个?(?:周|月|季度?|年|天|礼拜|星期)|今天|昨天|最近|近期|超期|逾期|差评)([\u4e00-\u9fa5A-Za-z]{2,16})的(?:所有|全部)?(?:工单|问题|单子|诉求)$/,
];
/** What a notice to the whole group says: to whom, what to do, what is planned ("各企业", "请提前做好准备", "将于下周三组织演练"). */
const GROUP_NOTICE = /(各企业|各位|各专员|大家|请于|届时|通知[:：]|接(上级|到)?通知|提醒[:：]|(计划|将于|将|拟)[^，。]{0,10}(停电|停水|停气|检修|演练|检查|施工|开展)|开始申报|截止|请(各|大家|提前|做好|准时|注意|及时|绕行))/;
/** What a notice is not: a fault now, a crowd, a request or a question of an enterprise's own. */
const NOT_A_NOTICE = /(能不能|能否|可不可以|麻烦|帮忙|请问|请帮|请领导|请政府|请[^，。]{0,6}(尽快|处理|协调|解决|督促)|求|怎么办|咋办|谁管|投诉|反映|我们|我司|俺们|我厂|本公司|急|坏了|塌|漏|堵|欠|拖|伤|着火|起火|冒烟|上访|讨薪|闹|已疏散|疏散了|停电了|停水了|断了|没(有)?(电|水|气))/;

/**
 * Round 348: "江阴华锐特钢名下现在有几个在办的" — what an enterprise has in hand, by its name; a business's name only (not a
 * person's, an office's or an area's: "王主任名下", "住建局名下", "各街道名下", the review found).
 */
const HELD_BY = /^(?:[@＠]所有人\s*)?([\u4e00-\u9fa5]{2,16}?)名下(?:现在|目前)?(?:有|还有)(?:几个|几件|几单|多少|哪些)(?:件|个|单)?(?:在办|没办完|没有?办结|未办结)的?(?:单子|工单|问题)?(?:[，,]?急)?$/;
function heldBy(bare: string): string | null {
  const name = HELD_BY.exec(bare)?.[1];
  return name && isBusinessName(name) && !/^(请问|麻烦|查一下|查下|帮我|想问|领导|问一下|看一下|看下)/.test(name) ? name : null;
}

/** The enterprise a query names (NAMED_TICKETS, HELD_BY), not one's own (我们的, 本企业的, 自己的). */
function enterpriseAsked(bare: string): string | null {
  const name = NAMED_TICKETS.map((r) => r.exec(bare)?.[1]).find((n) => n !== undefined) ?? heldBy(bare);
  return name && !/^(我|本|贵|咱|俺|自己)/.test(name) ? name : null;
}

/** An ISO instant with a time and an offset (or Z), which Date.parse reads exactly as luxon's fromISO does. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads one message (already stripped of the bot's @-mention) at its own time `sentAt`, in the time zone and with the
 * working days of `cal` (the configured calendar: XIAOER_TIMEZONE and the policy's overrides). `opts.categoryModel`:
 * the deployment's learned category model (default: the shipped one). Pure.
 */
export function parseMessage(text: string, sentAt: string, cal: BusinessCalendar = defaultCalendar, opts: { categoryModel?: BayesModel } = {}): ParsedMessage {
  // a fixed offset where the zone has kept one (calendar.ts workingZone): luxon looks an IANA zone's offset up through
  // Intl on every conversion, which was the largest single cost of a parse
  const zone = workingZone(cal.timezone);
  const t = normalizeText(text);
  const ticket = ticketRef(t);
  const intent = detectIntent(t, ticket);
  if (intent !== 'report') {
    // (a query may name the enterprise whose tickets it asks for)
    const enterprise = intent === 'query' && ticket === null ? enterpriseAsked(bareText(t)) : null;
    return { intent, ticket, category: null, categoryConfidence: 0, urgency: null, deadline: null, enterprise, summary: null, normalized: t };
  }
  // an instant with its offset is read by the platform's own parser (luxon's ISO parser cost 4 µs of a parse)
  const ms = INSTANT_WITH_OFFSET.test(sentAt) ? Date.parse(sentAt) : NaN;
  const now = Number.isFinite(ms) ? DateTime.fromMillis(ms, { zone }) : DateTime.fromISO(sentAt, { zone });
  const { requested: deadline, atStake } = readDates(wordsJoined(t), now, cal);
  const enterprise = parseEnterprise(t);
  // the enterprise's own name says what it makes, not what its problem is ("凤凰电缆的货车进出要绕三公里")
  // (a name in Latin letters is read word by word, and its words, Trading or Resorts, say what it does; round 286: a cue of
  // one character of roads or utilities says it too, "烟台通达路桥")
  // (and so does what kind of business one is, said without a name: "俺们是曹妃甸一家小钢结构厂，…结算款拖了一年多")
  const named = enterprise && enterprise.length >= 4 && !/(有限公司|集团)$/.test(enterprise) && (holdsLexiconPhrase(enterprise) || matchedCues(enterprise).some((c) => /^(?:infrastructure|utilities):.$/.test(c.key)) || /[A-Za-z]{3,}/.test(enterprise)) ? t.replace(enterprise, '企业') : t;
  const topic = enterprise ? named : named.replace(/(?<=是[\u4e00-\u9fa5]{0,4})一[家间个]小?[\u4e00-\u9fa5]{1,6}?(?:厂|店|公司|行)(?=[，,。\s])/, '一家企业');
  const { category, confidence } = classifyCategory(topic, opts.categoryModel);
  // a date asked for, or a day something runs out on, within two calendar days of the day it was sent
  const soon = atStake !== null && (Date.parse(atStake) - Date.parse(now.toISODate()!)) / 86_400_000 <= 2;
  const urgency = urgencyByRules(t, soon).urgency;
  return {
    intent,
    ticket: null,
    category,
    categoryConfidence: confidence,
    urgency,
    deadline,
    enterprise,
    summary: inOwnScript(text, t, summarize(t, enterprise)),
    normalized: t,
  };
}

/**
 * The words a few lines after one's own problem are made of when they name no matter: the matter pointed at (这事, 那个
 * 问题), waiting and time (等了半个月, 第三次, 还没动静), asking and pressing (怎么样, 快点, 麻烦看看), persons and particles.
 * What a message holds besides these (交的东西, 水, 生意不好) is a matter of its own.
 */
const ABOUT_A_MATTER = /(这|那|此|该)(个|件)?(事情?|问题|单子?)?|事情?|问题|怎么(样|回事)?|咋(样|回事|整)?|为(什么|啥)|还|要|都|也|又|就|才|已经|一直|到底|究竟|没有?|不|有|人|谁|在|管|理|联系|回(复|音|话)?|动静|消息|结果|进(度|展)|下文|等(了|着)?|多久|多长时间|(什么|啥)时候|几时|快(点|一点)?|尽快|抓紧|赶紧|麻烦|帮(忙|个忙)?|看(看|一下)?|问(问|一下)?|催(催|一下)?|说(好)?(的|过)?|上次|之前|前(几|两)天|上周|第?[一二三四五六七八九十两几半\d]+(个)?(次|回|遍|天|周|礼拜|星期|月)|好几天|今天|现在|我们?|你们?|您|领导|能不能|可不可以|能否|可以|请|一下|是|的|了|个|来|去|办|处理|弄|搞|啊|呀|呢|吗|吧|嘛|哦|哈|么|啦|呗|喂/g;
/** What makes such words about an earlier matter: waiting, time gone by, pressing or asking after it. */
const WAITED_OR_PRESSED = /等|还没|没来|没(有)?(动静|消息|下文|回音|人)|动静|多久|多长时间|(什么|啥)时候|几时|催|快点|快一点|尽快|抓紧|赶紧|到底|究竟|怎么回事|咋回事|怎么样|第[一二三四五六七八九十两几\d]+(次|回|遍)|[半一二三四五六七八九十两几\d]+个?(天|周|礼拜|星期|月)了|好几天了/;
/** ...and what makes them a new matter after all: a thing that cannot be done, someone come again, no one in charge. */
const A_MATTER_ALL_THE_SAME = /不了|不下来|不成|又有人|(都|也)不管|没人管/;

/** At most this many characters (punctuation and spaces aside) make a few words rather than a description. */
const FEW_WORDS = 20;

/**
 * A report that names no matter of its own: a few words, no cue of any category, nothing in them but words about a
 * matter, and among them waiting or pressing ("这事怎么还没动静", "我们还在等", "都半个月了"). After one's own problem
 * such words are about that problem, not a new one: the intake chases it, or shows the sender's open tickets, instead of
 * opening another. ("我们交的东西一直没回音" names what it is about; "我们办不了" says what cannot be done: matters of
 * their own.)
 */
export function namesNoMatter(p: Pick<ParsedMessage, 'intent' | 'normalized'>): boolean {
  const bare = bareText(p.normalized);
  return (
    p.intent === 'report' &&
    bare.length <= FEW_WORDS &&
    WAITED_OR_PRESSED.test(bare) &&
    !A_MATTER_ALL_THE_SAME.test(bare) &&
    matchedCues(p.normalized).length === 0 &&
    !/\p{L}/u.test(bare.replace(ABOUT_A_MATTER, ''))
  );
}
