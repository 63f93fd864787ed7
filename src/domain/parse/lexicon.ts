import type { Category } from '../ticket.js';

/** A phrase, or a pattern for phrases with a gap ("电一直没通"), with its weight. */
export type Cue = [string | RegExp, number];

/**
 * The category lexicon, written per category from the taxonomy's "typical content" and grouped by sub-topic.
 * Weights: 4–5 a phrase that names the category on its own, 3 strong, 2 supporting, 1 weak. Simplified script
 * only (messages are normalised first).
 */
/** A guest or a worker gone up the mountain (down the pit, out to sea) and not back: other's, and urgent (parse.ts). */
export const NOT_BACK = /(客人|游客|员工|工人|职工)[^，。的]{0,10}(上山|进山|下井|出海|下河)[^。]{0,10}(到现在|至今)(都|还)?(没有?|冇)(回来|下山|出来|上来|联系上)/;

export const LEXICON: Record<Category, Cue[]> = {
  approval: [
    // rounds 103–106: siting opinions, planning checks, qualification and annual reviews
    [/选址意见书?|规划条件核实|资质认定|\bCMA\b|(运输证|许可证|营运证)年审/, 5],
    // rounds 99–102: registering a pressure vessel's use
    [/(压力容器|特种设备|电梯|锅炉)[^，。]{0,4}使用登记/, 6],
    // round 152 read: which permits one needs, asked (all 15 labelled readings; not which 手续, as often for land or for staff)
    [/办(哪些|什么|啥|些什么|哪几个|几个)(证|执照)(?!明)/, 6],
    // permits, certificates and registrations
    ['审批', 3], ['批下来', 3], ['批不下来', 3], ['没批', 3], ['许可', 3], ['许可证', 4], ['证照', 3], ['办证', 3], ['换证', 3],
    ['领证', 3], ['营业执照', 4], ['执照', 3], ['资质', 2], ['登记', 2], ['注册证', 4], ['备案', 3], ['核准', 3], ['批复', 3],
    ['批文', 3], ['手续', 3], [/(?:加建|扩建|搭建|改建|加盖)[^。？?地]{0,14}(?<!补办)手续/, 3], ['报建', 3], ['立项', 3], ['预售证', 4], ['不动产', 3], ['产权证', 4], ['房产证', 4],
    [/[\u4e00-\u9fa5]{1,4}(?<!保|凭|论|验|身份|签|居住|工作)证(?!明|据|券|实|书)(?:办理|办下来|到期|过期|续期|申请|没|还没|怎么办|需要|去哪)/, 3],
    [/(办理|申请|办下来|拿到|取得).{0,6}(证|许可|备案|登记)/, 2],
    // reviews, inspections and acceptances
    ['环评', 4], ['能评', 4], ['节能审查', 4], ['安评', 4], ['稳评', 3], ['水保', 3], ['审图', 4], ['施工图审查', 4], ['图审', 4],
    ['审查', 2], ['消防审查', 4], ['消防验收', 4], ['竣工验收', 4], ['规划核实', 4], ['联合验收', 4], ['验收', 2], ['现场核查', 3],
    ['现场检查', 2], ['年检', 3], ['认证', 3], ['评审', 2], ['公示', 2], ['防雷检测', 4], ['特种设备', 3], ['特检', 3],
    ['规划许可', 4], ['施工许可', 4], ['排污许可', 4], ['取水许可', 4], ['排水许可', 4], ['接驳许可', 4], ['夜间施工证明', 4],
    ['处置证', 4], ['健康证', 3], ['卫生许可', 4], ['食品经营许可', 4], ['生产许可', 4], ['并联审批', 4],
    ['施工许可证', 4], ['验收合格', 3], ['审批局', 4], ['行政审批', 4], ['政务服务', 3], ['办事大厅', 3], ['材料不全', 3],
    ['补正', 3], ['受理', 2], ['延续', 2], ['变更登记', 4], ['资格证', 3], ['合格证', 3], ['检验', 2], ['检测报告', 2], ['测绘', 3],
    ['多测合一', 4], ['规划方案', 3], ['方案审查', 3], ['设计审查', 4], ['人防', 3], ['占道', 3], ['挖掘许可', 4], ['审批进度', 4],
    ['登记证', 4], [/证.{0,6}(什么时候|何时|啥时候|多久).{0,4}(领|拿|发|办|下来)/, 3],
    // round 17 (inland Yangtze delta)
    ['备案系统', 4],
    // English, as investors write (round 23)
    [/\b(permit|licen[cs]e|approval|certificat(e|ion)|registration|filing)\b/i, 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    ['不动产证', 3], ['不动产权证', 3],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    ['工程规划许可', 5], ['并联办', 4],
    // rounds 37–38 (Yunnan; Chongqing and Sichuan)
    ['SC证', 5], ['检疫证', 4], [/\b(register|registration of) (a )?(branch|company|office)|\bbranch office\b/i, 5],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    [/(光伏|分布式)[^，。；,;]{0,6}备案/, 5],
    // rounds 43–46 (Jiangxi and southern Anhui; Jing-Jin-Ji; Guizhou and Hainan; the north-west)
    ['空域', 4],
    // round 224: a vehicle's entry in the ministry's product catalogue (公告目录) applied for
    [/公告目录|产品公告|准入公告|目录申报/, 8],
    // round 242: a road transport permit (道路运输证, 27 labelled readings, all approval), whatever the road
    [/(道路运输|营运|运输经营)(许可)?证/, 10],
    // round 244: a water-drawing permit (取水许可, 55 of 56 approval) beside the power station it is for
    [/取水许可/, 8],
  ],
  land: [
    // rounds 155–210: the title to land bought not issued ("出让合同签了半年了，不动产权证还没下来"): land, not an approval
    [/不动产(权)?证[^。]{0,10}(没|莫|冇|还没|拿不到|办不)|(出让|摘牌|拿地|竞得)[^。]{0,30}不动产/, 10],
    // round 96: the ground a business used taken back
    [/用地[^，。]{0,4}被?收回/, 5],
    // (the land's pre-examination not given, or held by the land's quota or plan — 23 labelled readings, all land —, whatever
    // permit waits on it; not asked which office goes first, which is an approval's; its opinion asked for, "…扩容用地预审
    // 事宜：…恳请…出具预审意见")
    [/用地预审[^，。和跟与]{0,4}(还没|没|迟迟|未)(出|下|批)|用地预审[^。]{0,30}(指标|调规|规划调整|基本农田)|用地预审[^。]{0,60}(出具|给出|出个?)预审意见/, 4],
    ['用地', 4], ['土地', 3], ['用地指标', 5], ['供地', 4], ['出让', 3], ['挂牌', 2], ['摘牌', 3], ['地块', 3], ['宗地', 4],
    ['征地', 4], ['征收', 3], ['拆迁', 4], ['腾退', 4], ['拆违', 4], ['违章建筑', 3], ['违建', 3], ['清场', 3], ['场地平整', 3],
    ['补偿', 3], ['青苗', 4], ['迁坟', 4], ['安置', 3], ['亩', 2], ['红线', 2], ['土地性质', 4], ['弹性出让', 4], ['临时用地', 4],
    ['土地出让金', 5], ['容积率', 3], ['规划条件', 3], ['收储', 4], ['低效用地', 4], ['用地规划', 4],
    ['闲置地', 4], ['国土', 3], ['违章搭建', 4], ['违章', 3], ['钉子户', 5], ['不搬', 3], ['搬迁', 4], ['租地', 4], ['土地证', 4], ['堆场', 2],
    ['征迁', 4], ['迁走', 3], ['迁改', 3], ['迁移', 2], [/(那|这|一)块地/, 4], ['村集体', 3], ['集体土地', 4], ['土地流转', 4], ['土地租赁', 4],
    ['交地', 4], ['净地', 4], ['地上附着物', 4], ['划拨', 3], ['土地指标', 5], ['土地款', 4], ['标准地', 4], ['坟', 3],
    ['地价', 4], ['地价款', 5], ['农用地', 5], ['设施农用地', 5], ['土储', 4], ['储备中心', 3], [/(地块|用地|红线)(里面?|内|范围内?|上).{0,12}(管|线|杆|坟|房|树)/, 4],
    // round 17 (inland Yangtze delta)
    ['出让合同', 4],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    [/\b(land (plot|auction|use)|expansion land|land)\b/i, 3], [/道路红线|划进.{0,6}红线|红线.{0,10}(拆|补)/, 5],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    ['棚改', 5], ['拆不拆', 4], [/划进[^，。；,;]{0,4}(范围|红线)/, 4],
    // rounds 79–82: a shopfront set back for a planned road, a stall's ground taken back by the village, the house measured
    [/拆退|(占了?|划进)[^，。]{0,6}(规划道路|道路红线)/, 5], [/(地|土地)是(村)?集体的/, 4], [/拆迁办|来量房|丈量/, 4],
    // rounds 75–78: the enterprise's own property taken for a road or a scenic area, and what it is owed for it
    [/(修路|修高速|扩容|扩建)[^。]{0,16}(拆|征)(我们|掉|了)[^。]{0,30}(补偿|腾退|搬)|(拆|征)(我们|掉)[^。]{0,16}(修路|修高速)/, 5],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    [/占(了|用)?(我们|企业|厂里|厂)的?(地|土地)/, 5],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/征[^，。；,;]{0,10}地[^。]{0,20}补偿|补偿[^。]{0,12}征[^，。；,;]{0,6}地/, 5],
    // rounds 43–46
    [/\bland handover|\bleased \d+ mu\b|\b(plot|land|mu)\b[^.]{0,60}\b(compensation|occupied|handover|handed over)\b/i, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(土地|用地)(证载)?用途[^，。]{0,8}(不一致|不符|变更)/, 5], ['界址', 4], ['确权', 4],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/(拿地|摘牌|出让金)[^。]{0,20}(土地证|不动产权?证|产权证)[^，。]{0,8}(没|未)|土地证[^，。]{0,6}(没发|还没|没下来|没拿到)/, 6], [/(房产证|不动产证)[^，。]{0,8}面积/, 5], [/(闲置|空置)的?(土地|地|厂房)?[^，。]{0,6}(转租|盘活)/, 5], [/地块上[^，。]{0,8}(没搬|没有搬|没迁|未迁|坟)/, 5],
    // round 223: allocated land (划拨) to be converted by paying for it, whatever loan it is wanted for
    [/划拨(地|土地|用地|的)[^。]{0,24}(补办?出让|转出让|出让手续)/, 9],
    // round 246: a lease of premises or land asked to be renewed (续租: 12 of 17 labelled readings land)
    [/(能不能|想|申请|希望|要求)[^，。]{0,4}续租/, 7],
    // rounds 247–253: farmland converted for use (农转用 批复: 8 of 8 labelled land)
    ['农转用', 6],
    // rounds 254–257: so many mu taken, the compensation owed (占了…亩…补偿: 34 of 34 labelled land)
    [/(占|征)了?[^，。]{0,8}亩[^。]{0,20}补偿/, 6],
  ],
  utilities: [
    // round 268: the network keeps dropping (187 of 190 labelled readings utilities), whatever trade it hurts (外贸订单…线上);
    // not online sales run dry (网络销售断货), a bus line (公交专线) or bad reviews without end (差评不断)
    [/(网络|宽带|光纤|光缆)(?!销售|营销|渠道|差评|直播|平台)[^，。 ]{0,4}(老是|经常|总是|时常|又|一直)?((?<!不)断(?!头|货)|中断|掉线)/, 8],
    // rounds 103–106: a phone signal too weak, a mast asked for
    [/信号[^。]{0,8}(只有一格|很差|太差|不好)|加个?基站/, 5],
    // round 96 (Hainan): water gone in the evening
    [/(?<!雨)没水(?!平)/, 4],
    // power
    ['用电', 4], ['电力', 3], ['供电', 4], ['电网', 3], ['停电', 4], ['断电', 4], ['跳闸', 4], ['扩容', 4], ['增容', 4],
    ['变压器', 4], ['配电', 3], ['开闭所', 4], [/(?<!旅游|公交|巴士|客运|班车)专线/, 3], ['双回路', 4], ['双电源', 4], ['电费', 3], ['电价', 3], ['临时用电', 4],
    ['高压线', 3], ['电缆', 2], ['电', 1], [/电.{0,4}(没通|未通|不通|通不了|接不上|没接通)/, 4],
    // water, sewage, gas, steam, heat
    ['供水', 4], ['停水', 4], ['断水', 4], ['水压', 3], ['自来水', 4], ['水表', 3], ['水费', 3], ['用水', 3], ['管网接入', 3],
    ['污水处理', 3], ['废水', 3], ['纳管', 4], ['燃气', 4], ['天然气', 4], ['供气', 4], ['用气', 4], ['通气', 3], ['煤改气', 3],
    ['蒸汽', 4], ['供热', 3], ['集中供热', 4], [/(水|气).{0,4}(没通|未通|接不进|接不上)/, 3],
    // networks
    ['宽带', 3], ['网络', 2], ['断网', 4], ['信号', 2], ['光纤', 3], ['5G', 2], ['基站', 3], ['通信', 3], ['网络中断', 4],
    // connection work and the utilities' own names
    ['接入方案', 4], ['通电', 3], ['送电', 4], ['千伏', 4], ['电压', 3], ['电源', 3], ['供电所', 4], ['电力公司', 4], ['抄表', 3],
    ['水管', 3], ['爆管', 4], ['管道燃气', 4], ['燃气公司', 4], ['水务', 3], ['自来水公司', 4], ['供热管', 4], ['热力', 3], ['网速', 3],
    ['移动', 1], ['电信', 3], ['联通', 3], ['运营商', 3], ['光缆', 3],
    ['煤气', 4], ['液化气', 3], ['电表', 3], ['表计', 3], ['燃气管', 3], ['气压', 3],
    // a supply cut or capped, a line dug through ("光缆又被修路的铲断了", "用电指标被限了", "今天上午开始停气")
    ['停气', 4], ['断气', 4], ['限电', 4], ['用电指标', 5], [/电.{0,4}被限/, 4], ['拉闸', 4],
    [/(光缆|光纤|电缆|网线|水管|燃气管|供水管|自来水管).{0,6}(挖断|铲断|弄断|挖破|断了|被挖)/, 5],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    [/水压.{0,4}(低|不够|太小|不足|上不去)/, 5],
    // English, as investors write (round 23)
    [/\b(water pressure|power (cut|outage|supply)|electricity|outage|internet|gas supply|blackout|5G|signal|China (Mobile|Unicom|Telecom)|broadband)\b/i, 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    [/\b(power (dip|line|cut|outage|supply|failure)s?|voltage (dip|drop)s?|State Grid|grid (connection|company)|tripped|(line|breaker|machines?) trips|charging (station|pile)s?|water supply|steam supply)\b/i, 4],
    ['供汽', 4], [/(网|网络|信号|宽带)[^，。；,;]{0,6}(就卡|很卡|老卡|卡顿|掉线)/, 5],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    [/\b(gas|steam|water) (pipeline|pipe|main)\b|\bpipeline\b[^.]{0,30}\bleak/i, 5],
    // rounds 43–46
    [/\bpower (was|is|has been|got) (cut|off|out)|\bgas pressure|\bno hot water|\bno (running )?(water|power|electricity)\b/i, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(整栋|整个|整条街|全)(楼|厂|园区)?(都)?停(水|电|气)/, 5], [/用电(过户|类别|性质)|电表过户/, 5],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/网络[^，。]{0,4}(太差|很差|不好|卡)|信号[^，。]{0,4}(太差|很差|不好|弱)/, 5],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/光纤[^，。]{0,6}(挖断|断了)|(光缆|网线)[^，。]{0,4}挖断/, 6], [/并网[^，。]{0,8}(申请|没批|一直|迟迟)/, 3],
    [/(暖气|供暖|热力公司|供热)[^，。]{0,10}(不热|没热|冻|不来修|管道)|没热乎气/, 5],
    // rounds 219–224: a gas line dug through and the supply downstream cut; green power to buy (its trading, not an export's
    // market; a subsidy for it is policy's)
    [/(燃气|天然气|煤层气|供气)[^。]{0,16}(挖断|断供|停供|断气)|(管线|管道)[^。]{0,6}挖断[^。]{0,20}(燃气|天然气|断供|停产)/, 8], [/^(?![^]*(补贴|奖补|政策|文件|用地|审批|备案|项目))[^]*((对接|买|用上|购买)[^。]{0,4}绿电|绿电交易)/, 12],
    // rounds 254–257: a dedicated line to pull (拉…专线: 84 of 84 labelled utilities)
    [/(拉|装|接)[^，。]{0,4}(?<!公交|班车|通勤|旅游)专线/, 6],
  ],
  talent: [
    // round 266: workers from over the border (边民务工, 7 of 7 labelled readings talent), whatever papers they need
    [/(边民|越南|缅甸|老挝|外籍|外国|缅)[^，。]{0,8}(务工|劳务(?!费|纠纷))/, 8],
    // rounds 99–102: training with a certificate at the end, hiring in haste
    [/培训[^，。]{0,6}考证|考证[^，。]{0,6}培训/, 5], ['急招', 5],
    // round 153: the labour office asked to put forward people (16 labelled readings, all talent: a furnace about to stop for want of
    // them is still a hiring problem)
    [/人社[^。]{0,10}(推荐|介绍|推|找)(几个|一些|一批|点|些|人|工人|技工|熟练|有经验)/, 5],
    // round 96: instructors brought from abroad under a quota
    [/\b(instructors?|foreign talent|talent quota)\b/i, 4],
    ['招工', 4], [/(?<![公通共])用工(?!程)/, 4], ['招聘', 3], ['招人', 4], ['招不到', 4], ['没招到', 4], [/招.{0,10}(没招到|招不到|不到人)/, 4],
    ['缺人', 4], ['缺工', 4], ['劳动力', 4], ['普工', 4], ['技工', 4], ['临时工', 4], ['熟练工', 4], ['焊工', 3], ['电工', 2],
    ['司机', 2], ['工人', 2], ['员工', 1], ['职工', 1], ['人手', 2], ['用人', 3], ['职业院校', 3], ['技校', 3], ['培训', 2],
    ['人才', 4], ['引进', 1], ['博士', 3], ['专家', 2], ['外籍', 4], ['落户', 4], ['户口', 4], ['居住证', 4], ['人才认定', 4],
    ['入学', 4], ['子女', 3], ['孩子', 3], ['上学', 3], ['转学', 4], ['学校', 3], ['小学', 3], ['幼儿园', 3], ['大学生', 3], ['毕业生', 3],
    ['宿舍', 3], [/宿舍[^，。]{0,6}(?:没有?|不够|缺)(?:热水|空调)/, 3], ['人才房', 4], ['人才公寓', 4], ['公寓', 2], ['租房', 2], ['住房', 2], ['安居', 3],
    ['社保', 3], ['医保', 4], ['公积金', 3], ['工伤保险', 3], ['异地报销', 3], ['劳动合同', 2],
    ['操作工', 4], ['订单班', 4], ['职业技术学院', 4], ['职业学院', 4], ['难招', 4], ['招不来', 4], ['实习', 3], ['返岗', 4],
    ['上岗', 3], ['入职', 2], ['新员工', 2], ['工程师', 2], ['技能培训', 2],
    ['招工难', 5], ['用工荒', 5], ['劳务', 2], ['人社', 3], ['人力资源', 3], ['就业', 3], ['员工子女', 4], ['学位', 4], ['积分入学', 4],
    ['职称', 4], ['技能等级', 4], [/技能(等级)?认定/, 4], ['人才引进', 5], ['高层次人才', 5], ['骨干', 2], ['流失', 3], ['跳槽', 3],
    [/(家属|配偶|爱人).{0,8}(工作|就业|安置)/, 4], ['随迁', 4], ['员工公寓', 3],
    // foreign staff: their work permits are the people's matter, not a business licence
    [/[德美英法日韩俄意泰越印]籍|外国(人|专家|员工|工程师)|老外/, 4], ['工作许可', 4], ['工作签证', 4], ['签证', 2], ['技术员', 2], ['人才网', 4],
    // recruiting: a number of workers wanted, job fairs and graduates (an 订单 or 展位 beside them is the reason, not the topic)
    ['招聘会', 4], ['应届生', 4], ['校招', 4], ['校园招聘', 4], ['挡车工', 4], [/缺.{0,3}[\d一二两三四五六七八九十几百]+.{0,2}[个名位](?![月天])[^，。的]{0,4}(工|人|员|师|手)/, 4],
    [/招.{0,2}[\d一二两三四五六七八九十几百]+.{0,2}[个名位](?![月天])/, 3],
    // round 108: staff of a trade wanted ("想招一批懂西班牙语的外贸业务员"), schools and firms training together
    [/招(一批|一些|几个|些)[^，。；]{0,12}(业务员|销售|会计|文员|工程师|技术员|员工|工人|人员|翻译)/, 5], ['校企合作', 3],
    // English, as investors write (round 23)
    [/\b(nurses?|hiring|recruit(ing|ment)?|staff shortage|job fairs?|housing for staff)\b/i, 4],
    // rounds 29–30 (Shandong, Zhejiang)
    ['居留许可', 5], [/\b(staff|workers|employees)\b/i, 3],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/\b(residence|work) permits?\b/i, 6], ['托育', 4],
    // rounds 37–38 (Yunnan; Chongqing and Sichuan)
    ['人才住房', 5],
    // rounds 39–40 (Greater Bay Area; Hubei and Hunan)
    ['招一批', 4],
    // rounds 43–46
    [/\bdormitor(y|ies)\b|\b(staff|worker|employee)s? (housing|apartments?)\b/i, 5],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/(孩子|小孩|伢儿?|子女)[^，。]{0,8}(转学|入学|上学|读书|学位)/, 5], [/(太太|妻子|老婆|家属)[^，。]{0,6}(工作|就业)/, 4],
    // rounds 242 and 246: hands to hire, counted ("临时招五十个包装工"), someone who knows a trade sought in vain ("缺个懂跨境电商
    // 运营的 招了半年招不着"), workers to be trained for a certificate ("农民工想考焊工证…安排一期培训"), training and settling in
    // for talent ("电商人才的培训补贴和落户政策"): the people, whatever the trade or the subsidy
    // (hands still to hire, not those hired for whom a subsidy is asked, "新招了几个残疾人员工，残保金…"; not an expert found for a
    // day, "找个懂行的工程师", "找个懂西班牙语的翻译")
    [/(想|要|需要|准备|打算|急需?)[^，。]{0,4}招[^，。\d]{0,2}[\d一二两三四五六七八九十几百]+(?:个|名)?(?![家间所])[^，。\d]{0,4}(?<![员施])工(?!程|地|商|业|厂|期|资|作|艺)/, 6],
    [/招[^，。]{0,8}(招不着|招不到|招不来|没招到|招不齐)/, 6],
    [/(缺|招)个?懂(?!行)[^，。]{1,8}的(?![^，。]{0,4}(公司|机构|单位|律师|顾问))/, 6], [/考[^，。]{0,4}(焊工|电工|叉车|技工|技能)[^，。]{0,2}证/, 6],
    [/人才[^，。]{0,4}(培训补贴|落户)/, 6],
    // rounds 254–257: live-stream hosts to hire (招…主播: 5 of 6 labelled talent)
    [/招[^，。]{0,8}主播/, 8],
  ],
  finance: [
    // rounds 340 and 342: a customer's bill or e-credit note the bank will not discount (贴现: 36 of 36 labelled finance; 商票,
    // 电子债权凭证, 承兑汇票: 61 of 61), whatever 主机厂 pays with it
    [/贴现|商票|商业承兑|电子债权凭证|承兑汇票/, 8],
    // round 268: the account frozen by a court or a bank (48 of 50 labelled readings finance; not by the police over a fraud)
    [/^(?![^]*(公安|诈骗|经侦|报警|抖音|快手|微信|淘宝|拼多多|直播|平台|店铺))[^]*((账户|基本户|账号)[^，。]{0,8}(冻结|冻了|被冻)|冻结[^，。]{0,4}(账户|基本户))/, 8],
    // rounds 150–206: what a supplier is owed, by a public body or a customer ("给县医院食堂供的蔬菜款 欠了一年多了",
    // "给一家大超市供货，货款压了半年") — a debt argued over (调解, 质量, 拒收) is a dispute
    [/^(?![^]*(调解|质量(有|不|差|太)|拒收|找茬|补偿|拆迁|奖励|奖补|补贴|补助|水费|电费))[^]*(供(?!应|水|电|气)(的|了)?[^。，]{0,12}款[^。]{0,10}(欠|没结|未结|拖|不给)|供货[^。]{0,24}款[^。]{0,12}(没结|未结|压|欠|拖|不给)|(医院|学校|食堂)[^。]{0,14}款[^。]{0,10}(欠|没结|未结|拖|不给)|垫[^。，]{0,12}款[^。]{0,10}(欠|没结|未结|拖|不给))/, 6],
    // rounds 103–106: a public purchase unpaid (贷款贴息 is policy here: 4 readings so labelled)
    [/(政府采购|采购)[^。]{0,24}(尾款|货款)[^。]{0,12}(还?没付|冇付|未付|没给|没到)/, 6],
    // rounds 99–102: patents pledged or securitised
    [/(知识产权|专利)[^，。]{0,4}(质押|证券化)/, 6],
    // round 96: payment for goods held back
    [/货款[^，。]{0,8}(拖|欠|不给)/, 5],
    ['贷款', 4], ['续贷', 4], ['转贷', 4], ['抽贷', 4], ['断贷', 4], ['授信', 4], ['担保', 4], ['抵押', 3], ['质押', 3],
    ['融资', 4], ['融资租赁', 4], [/退税(贷|融资|质押)/, 6], ['资金', 3], ['流动资金', 4], ['资金链', 4], ['周转', 3], ['垫资', 4], ['额度', 2], ['利率', 3],
    ['利息', 3], ['贴息', 4], ['首贷', 4], ['银行', 3], ['放款', 3], ['信用贷', 4], ['拖欠', 3], ['欠款', 3], ['货款', 3],
    ['工程款', 4], ['应收账款', 4], ['回款', 3], [/(?<!新品|产品|新车|新药|新款|新季|蔬菜|水果)上市(?!销售|推广|发布)/, 4], ['科创板', 4], ['北交所', 4], ['IPO', 4], ['辅导备案', 3],
    ['基金', 3], ['投资', 2], ['股权', 3], ['债券', 4], ['保险', 1], ['金融', 2],
    ['尾款', 4], ['账款', 4], [/款.{0,4}(没结|未结|拖着|不给|不结)/, 4], ['结款', 4], ['欠账', 4], ['欠钱', 3], ['资金紧张', 4],
    ['风险补偿', 3], ['征信', 3], ['保函', 4], ['票据', 3], ['承兑', 4], ['银企对接', 5], ['融资难', 5], ['信贷', 4], ['投资人', 3], ['估值', 3],
    // round 215 (a maker looking for venture capital)
    ['风投', 5], ['风险投资', 5], ['天使投资', 5],
    ['项目款', 4], ['现金流', 4], [/(账户|账号|资金|银行卡|基本户).{0,4}(被)?(冻结|封了|查封)|(冻结|查封).{0,4}(账户|账号|资金)/, 4], [/工资.{0,3}发不出/, 3], [/款.{0,8}(没付|未付|不付|拖了|没到账|没到位|迟迟不)/, 4],
    // round 17 (inland Yangtze delta)
    ['贷款审批', 5], ['固定资产贷款', 5],
    // rounds 18–19 (Northeast, Central China)
    ['保理', 4], ['供应链金融', 5], [/(专精特新|科技|人才|创业|信用|政采|订单|知识产权|税)贷/, 5], [/(账户|帐户)[^，。；,;]{0,4}(冻结|冻节|被冻|封了)/, 5],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    ['反担保', 5], [/(财政|政府|采购)[^，。；,;]{0,4}(付款|回款|欠款)|付款.{0,4}拖了|垫不起/, 5],
    // English, as investors write (round 23)
    [/\b(bank|loans?|account|settlement|financing|credit line|funding)\b/i, 4],
    // rounds 29–30 (Shandong, Zhejiang)
    ['新三板', 5], ['挂牌上市', 5],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    ['天使基金', 5], ['跟投', 4], [/客户拖了?我们|拖了我们[\d一二三四五六七八九十几百千万]+/, 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    [/现金流[^，。；,;]{0,4}(断|紧|撑不住)/, 6],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/(采购|工程|设备|项目)[^，。；,;]{0,6}的?款[^。]{0,16}(还没付|没付|未付|不付|没给)/, 5],
    // rounds 37–38 (Yunnan; Chongqing and Sichuan)
    ['保单融资', 5],
    // rounds 47–50 (Hangzhou; Shenzhen and Dongguan; Tibet and western Sichuan; central Henan)
    [/政府采购[^，。；,;]{0,6}(款|钱)|采购款[^，。；,;]{0,8}(拖|欠)/, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    ['众筹', 4], ['入股', 3], [/(设计费|服务费|尾款)[^，。]{0,10}拖/, 4],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/保险[^，。]{0,8}(理赔|赔付|定损)|保险公司[^，。]{0,10}(没|不)赔/, 5], [/工程款[^，。]{0,6}(挂|拖|欠|没结)/, 5], [/\b(bank account|account)\b[^.]{0,20}\bfrozen\b|\b(has not paid|hasn't paid|not paid us|owes us)\b/i, 5],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/货款[^，。]{0,8}(收不回|要不回|没付|才付)/, 5], ['融资路演', 5],
    [/(原料款|材料款)[^，。]{0,6}(付不出|付伓出|压着)/, 5], [/新三板|券商/, 5],
    // rounds 133–137 read again: commercial paper not honoured, raw material owed for (the buyer, 主机厂 or 下游, is who owes)
    ['商票', 5], [/欠(?:我们|俺们|我司|咱们)的?[^，。；,;]{0,4}(原料款|材料款)/, 5],
    // rounds 71–74 (Hainan; Ningxia and western Inner Mongolia; key-project builders; Yunnan)
    // (a customer's debt is a dispute: "有个客户欠我们装修款不给…请街道调解")
    [/(尾款|团费|设备款|服务费)[^，。；,;]{0,10}(一直|还|都)?(没付|未付|没给|欠着|没结)/, 5],
    // rounds 75–78: fees owed by a public body; foreign currency stuck at the bank; a deposit holding the cash
    // rounds 79–82: a public buyer's goods unpaid, a sum still owed
    [/政府采购[^。]{0,16}(钱|款)[^，。]{0,4}(还没付|没付|未付|没给|没结)|还有[^，。]{0,6}[万千][^，。]{0,4}没(给|结|付)/, 5],
    // rounds 146–149 read: a public purchase's money owed outweighs the purchase and its suppliers (76 labelled readings, all finance)
    // (its money: "政府采购中心拖着不开标" is the purchase's own delay; round 151: "政府采购的设备款…已经过去半年哒，请帮忙…催一下财政局",
    // the money chased or months gone, 21 labelled readings, all finance)
    // (rounds 164, 167 and 169: the sum owed said without 款, "…一百多万到现在没结", or part paid, "只付了30%" — not an acceptance
    // or a deposit not given, "…设备到现在没给我们验收", "还没付保证金"; weighed above the purchase and its word together,
    // 采购 and 政府采购, and the thing bought, 公交站台广告)
    [/政府采购[^。]{0,30}((款|钱|费)[^。]{0,16}(欠|拖|没有?[付给结拨]|未付|不给)|欠着|只给了|只付了?|[万千][^。]{0,10}(没结|没付|没给|未付)(?![^，。]{0,4}(验收|保证金|押金))|结一下|结掉|先拨|拨一部分|预付款|钱啥时候)|政府采购[^。]{0,12}(?<!新)款(?![式型])[^。]{0,50}(催|过去[^。]{0,4}[年月]|[年月]了)/, 13],
    [/(服务费|接待费|保洁费|包车款|租车费)[^，。；,;]{0,8}(拖|欠|没结|未结)|(街道办?|管委会|政府|财政|单位)[^，。；,;]{0,4}欠(我们|企业|我司)的?[^，。；,;]{0,10}费/, 5], ['结汇', 4], [/保证金[^，。；,;]{0,8}(压着|退还|没退|不退)/, 4], [/(?<!客户|客人|对方|买家)还?欠(我们|企业|我司)[^，。；,;]{0,8}(款|钱|[十百千万]+)/, 4],
    // round 224: owed for goods by a buyer downstream, and the money short for what falls due (not argued over: that is a dispute's)
    [/(拖|欠)着?[^。]{0,10}货款[^。]{0,24}(账上|资金|周转|发不出|付不了|还不上|撑不住)/, 10],
    // round 262: a public contract or an order as security for a loan (政府采购合同融资, 订单融资: 5 labelled readings, all finance)
    [/政府采购[^。]{0,6}(合同)?融资|订单融资/, 8],
    // rounds 247–253: money short by a sum (款缺口, 资金缺口: 85 of 85 labelled finance), whoever would stop supplying
    [/(款|资金)缺口/, 6],
    // rounds 254–257: an account frozen (账户…冻结: 48 of 49 labelled finance; frozen by the police over a fraud is other's)
    [/(?<!(公安|警方|涉嫌|诈骗)[^。]{0,16})(账户|账号|基本户)(?![^。]{0,24}(公安|警方|涉嫌|诈骗))[^，。]{0,12}冻结/, 6],
  ],
  policy: [
    // round 244: the extra deduction of R&D costs (加计扣除, 158 labelled readings, all policy), whatever system files it; the
    // central budget's investment (预算内资金) applied for; a rent relief (租金减免: 52 of 58 policy; not a talent flat's, which is
    // talent's); round 240: a subsidy on the gas or power price (20, all policy)
    ['加计扣除', 10], [/预算内(资金|投资)/, 8], [/(?<!公寓)(租金|房租)[^，。]{0,4}(减免|补贴)/, 8], [/(天然气|电价|气价|用气|用电)[^。]{0,8}(价格)?补贴/, 8],
    // rounds 140 and 142: a preferential power price for farm produce's first processing is a policy to be honoured
    [/(?:用电|电价)[^，。]{0,2}优惠|优惠电价|初加工用电/, 9],
    // rounds 146–149 read: a subsidy on the power bill is a policy too (29 labelled readings, all policy)
    [/(电价|电费|用电|采暖|充电)[^，。]{0,3}补贴|补贴[^，。]{0,5}电费/, 9],
    // rounds 99–102: a subsidy others got and we did not; a fair abroad's subsidy held up
    [/(补贴|补助)[^，。]{0,6}(怎么没有|没有我们|为什么没有|咋没有)|(领到|拿到)[^，。]{0,4}(补贴|补助)[^。]{0,16}(怎么|咋|为什么)没/, 6], [/(展会|参展)(补助|补贴)/, 5],
    // round 96: a tax refund held up; visa-free entry as investors write
    [/退税[^，。]{0,6}(拖|没退|不退|迟迟|还没)/, 5], [/\b(visa-free|transit visa|visa policy)\b/i, 5],
    ['补贴', 4], ['社保补贴', 5], ['就业补贴', 5], ['补助', 4], ['奖励', 3], ['奖补', 4], ['资助', 3], ['扶持', 3], ['兑现', 4], ['到账', 2], ['拨付', 3],
    ['政策', 3], ['申报', 3], ['认定', 3], ['评审结果', 2], ['复审', 3], ['复核', 2], ['高新', 3], ['高企', 4], ['专精特新', 4],
    ['小巨人', 4], ['绿色工厂', 4], ['技改', 3], ['技术改造', 4], ['首台套', 4], ['创新券', 4], ['研发费用', 3], ['亩均', 5],
    ['税', 2], ['退税', 4], ['留抵', 4], ['减免', 3], [/(?<![这那哪一每几某])个税/, 4], ['返还', 3], ['稳岗', 4], ['承诺', 2], ['总部经济', 4],
    ['申请入口', 2], ['兑现平台', 4], ['惠企', 4],
    ['同时享受', 4], ['享受', 2], ['奖励兑现', 4], ['政策咨询', 4],
    ['政策解读', 4], ['申报指南', 4], ['申报通知', 4], ['奖补资金', 5], ['专项资金', 4], ['扶持资金', 4], ['配套奖励', 4], ['免税', 4],
    ['减税', 4], ['社保减免', 3], ['保费补贴', 5], ['残保金', 5], ['残疾人就业保障金', 5],
    // a cost the government pays back a share of ("出国参展能补一半展位费")
    [/(补|补贴|报销|返还|返)[^，。]{0,3}(一半|\d+%|百分之|[一二三四五六七八九]成)|(展位费|参展费|认证费|检测费).{0,6}(补|补贴|报销|返还)|(补|补贴|报销).{0,6}(展位费|参展费)/, 5],
    [/(补贴|补助|奖补|奖励|资助).{0,8}(怎么|如何|怎样|能不能|能否|可以|去哪)?(申请|申领|领取)|(申请|申领).{0,6}(补贴|补助|奖补)/, 4], ['以工代训', 4], ['电费补贴', 4], ['房租补贴', 4], ['租金补贴', 4], ['资格认定', 3], ['名单', 1],
    // round 17 (inland Yangtze delta)
    ['揭榜挂帅', 4], ['配套资金', 3],
    // rounds 18–19 (Northeast, Central China)
    [/(房产税|土地使用税)[^，。；,;]{0,12}(减免|优惠|困难)/, 5],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    ['优惠政策', 4], [/(电价|税收|租金|地价|水价)优惠/, 4],
    // English, as investors write (round 23)
    [/\b(tariff|subsid(y|ies)|tax|exemption|incentives?|rebate)\b/i, 4],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    ['算力券', 5], [/(消费|创新|算力|服务|人才)券/, 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    [/(招商|签约|引进)的?时候?[^，。；,;]{0,3}(讲好|说好|承诺|答应)/, 5],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    ['出口退税', 3],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    // (稳增长/外贸 awards: 41 labelled readings, all policy; rounds 146–149 read: 8, so an export's own words do not outweigh it)
    // round 152 read: a subsidy for exporting, its freight or its credit insurance too (167 of 173 labelled readings policy)
    [/(稳增长|外贸)[^，。；,;]{0,4}资金|(稳增长|外贸|出口|物流|运费|海外仓|信保|信用保险)[^，。；,;]{0,6}(奖励|奖补|补贴|补助)/, 8], [/\bhigh[- ]tech enterprise\b|高新技术企业(认定|资格|复审|复核)/i, 5],
    // rounds 43–46
    ['零关税', 5], ['免关税', 4], ['吸纳就业补贴', 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/贴息[^，。]{0,8}(申请|申报|复核|兑现|不符合|资格)|(申请|申报)[^，。]{0,6}贴息/, 6],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/创业[^，。]{0,6}补贴|一次性补贴|(运费|快递费|物流费|电费|房租)补贴/, 5], ['衔接资金', 5], [/贴息[^。]{0,12}(到现在|还没|没到|没有到)/, 5],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/见习补贴/, 6],
    // twenty-third session: money promised or applied for and not come, whatever the setting (展位补贴, 海外仓补贴, 直播奖励)
    [/(?<!人才)(补贴|补助|奖补|奖励|奖金)[^。？?]{0,12}(一直|还|至今|到现在|迟迟)?(没|冇|未|没有|莫)(消息|到账|到位|下来|发|拨|给|兑现|动静)/, 5],
    [/(补贴|奖励|奖补|补助)[^，。]{0,4}申报(口径|通知|材料|系统)|申报[^，。]{0,6}(补贴|奖励|奖补)/, 4],
    // round 223: an industry's development fund to apply for is a subsidy
    [/产业(发展)?(专项)?资金[^。]{0,16}(申请|申报|能不能|咋|怎么)/, 7],
  ],
  infrastructure: [
    // round 270: a bus route asked for (巴士: 8 of 9 labelled readings infrastructure; not a cross-border plate's quota, the
    // bus then only how one gets by without it)
    [/^(?![^]*(单牌|车牌|指标))[^]*巴士(?!车队|公司)/, 5],
    ['道路', 4], ['修路', 4], ['路面', 3], ['路', 2], ['断头路', 4], ['路灯', 4], ['红绿灯', 4], ['信号灯', 3], ['划线', 3],
    ['交通', 3], ['公交', 4], ['班车', 3], ['通勤', 3], ['停车', 4], ['停靠', 3], ['车位', 3], ['桥', 2], ['限重', 3], ['限高', 3],
    ['管网', 3], ['雨水', 2], ['雨水管', 4], ['市政管', 3], ['污水管', 3], ['管道堵塞', 4], ['排水', 2], ['积水', 3], ['河道', 4], ['护岸', 4], ['倒灌', 3],
    ['食堂', 3], ['厕所', 4], ['配套设施', 4], ['配套', 2], ['充电桩', 3], ['绿化', 2], ['围墙', 1], ['大门', 1],
    ['进不了园区', 4], ['进不来', 2], ['开不进', 3], ['运不进', 3], [/(车|货车|设备).{0,6}(进不|进不了|开不进|运不进)/, 3],
    ['窨井', 4], ['井盖', 4], ['人行道', 4], ['掉头', 3], ['路口', 3], ['斑马线', 4], ['护栏', 3], ['桥梁', 4], ['涵洞', 4],
    ['排水沟', 4], ['下水道', 4], ['垃圾站', 4], ['垃圾清运', 4], ['公厕', 4], ['快递', 2], ['外卖', 1], ['便利店', 3], ['商业配套', 4],
    ['生活配套', 4], ['公交站', 4], ['站点', 2], ['地铁', 2], ['共享单车', 4], ['货车通行', 4], ['限行', 4], ['通行证', 2],
    ['高速口', 4], ['高速出口', 4], ['匝道', 4], ['收费站', 3], ['绕行', 3], ['绕路', 3], ['菜市场', 4], [/生活.{0,3}不方便/, 3],
    [/(周边|附近|周围|边上).{0,6}(没有|缺|少|没).{0,6}(菜市场|超市|饭店|餐馆|医院|药店|银行|便利店|商店|食堂)/, 6],
    // round 17 (inland Yangtze delta)
    [/(通勤|上下班).{0,10}(公交|班车|线路)|定制(公交|线路|班车)/, 5],
    // rounds 18–19 (Northeast, Central China)
    ['污水管网', 5],
    // English, as investors write (round 23)
    [/\b(road|roads|potholes?|bus(es)?|street ?lights?|parking|drainage)\b/i, 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    ['规划路', 3], ['通车', 3],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/(河|河道|河沟|水沟|沟渠)[^，。；,;]{0,6}(臭|脏|淤)/, 5],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    [/(井盖|窨井盖)[^，。；,;]{0,4}(没了|丢了|不见了|被偷|缺)/, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(雨水|排水)(管|管网|沟|渠)[^。]{0,12}(浸水|水浸|积水|淹|漫|倒灌)/, 5], [/垃圾[^，。]{0,8}(收一次|清运|堆)/, 4], [/(门口|门前)[^，。]{0,8}(路|道|引道|路面)[^，。]{0,6}(被)?[^，。]{0,6}压坏/, 5],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/(灌溉渠|水渠|沟渠)[^，。]{0,6}(垮|塌|坏|堵)/, 5],
    // rounds 179–202: a road's or a bridge's guardrail broken or missing, a roadside ditch without covers (a road's own safety, not a
    // site's or a machine's)
    [/(路|桥|河|湖|坡|道|沟)[^。]{0,8}(?<!防)护栏[^。，]{0,6}(断|缺|撞|坏|没了)|沟[^。，]{0,6}(没|么|冇)[^。，]{0,2}盖板/, 6],
    // rounds 223–224: no storm drains in the park, a ditch that stinks and breeds mosquitoes
    [/雨水管网(没有|没通|没建|还没)|没有雨水管网/, 8], [/(河沟|水沟|臭水沟|沟渠)[^。]{0,10}(臭|蚊子|淤|堵)/, 7],
    // rounds 254–257: a river embankment broken (河堤, 堤坝: 6 of 6)
    [/(河堤|堤坝)[^，。]{0,6}(冲|垮|塌|决|裂|漏|溃)/, 5],
  ],
  construction: [
    // round 264: the building permit got, then the works held up by the builders (8 of 11 labelled readings construction; the
    // other three wait on a second review, which its own cues name)
    [/施工许可证?(已经)?(拿到|下来|办好|办下来)了?[^]*?(施工单位|施工队|总包|承包商|桩基|打桩|窝工|工期)/, 8],
    // rounds 146–149 read: a neighbour pulling a building down next door (all 17 labelled readings; a building, not a rail or a
    // pipe or a wall taken; not a site's noise,
    // which writers label a dispute as often, nor a shack not yet pulled down, which holds up land)
    [/(隔壁|旁边|隔篱|邻近|相邻)[^，。]{0,8}(?<!没|不)(拆(旧|老)?(厂房|房子|楼|房)|(厂房|房子|楼)拆(紧|着|了一半))/, 6],
    // rounds 103–106: demolition without protection, roof sheets torn loose, spoil left behind
    [/拆[^。]{0,10}(没做|没有|冇)[^。]{0,4}防护/, 5], [/彩钢瓦[^。]{0,10}(掀|吹|刮)/, 5], [/渣土[^。]{0,10}(没拉走|冇拉走|没清|堆在)/, 5],
    // rounds 99–102: a building rated dangerous
    [/危房|[CD]级危/, 5],
    ['施工', 2], ['工地', 3], ['开工', 2], ['动工', 2], ['工期', 3], ['进度滞后', 3], ['总包', 3], ['分包', 2], ['施工队', 2],
    ['桩基', 4], ['基坑', 4], ['支护', 4], ['边坡', 4], ['滑坡', 4], ['塔吊', 4], ['脚手架', 4], ['吊装', 4], ['钢结构', 3],
    ['混凝土', 3], ['主体', 2], ['质量', 2], ['裂缝', 3], ['开裂', 3], ['沉降', 3], ['沉陷', 4], ['塌陷', 4], ['漏水', 3],
    ['安全隐患', 4], ['隐患', 3], ['坍塌', 4], ['安全防护', 4], ['整改', 2], ['扬尘', 4], ['围挡', 4], ['土方', 3], ['渣土', 3],
    ['消防隐患', 4], ['质监', 3], ['监测', 2],
    // (a building's fire equipment short of the standard, wherever it stands — a dormitory's too, "宿舍楼消防设施不达标")
    [/消防(设施|设备|喷淋|通道)[^，。]{0,6}(不达标|不合格|不符合|要整改|需整改)/, 5],
    ['建筑垃圾', 4], ['中间验收', 2], ['封顶', 3], ['幕墙', 4], ['防水', 3], ['渗水', 3], ['外墙', 3], ['脱落', 3], ['地基', 4], ['承重', 4],
    ['挡土墙', 3], ['挡墙', 3], ['护坡', 3], ['结构安全', 4], ['专家论证', 3], ['施工方案', 4], ['监理', 3], ['安全员', 3], ['文明施工', 4], ['工程质量', 4], ['返工', 4],
    // rounds 18–19 (Northeast, Central China)
    ['一氧化碳', 4], [/(泥头车|渣土车)[^，。；,;]{0,12}(冲洗|全是泥|撒|洒)|出场.{0,3}不冲洗/, 5],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    [/临时用电.{0,16}(拖|乱拉|积水|漏电|怕出事|隐患)|电线.{0,4}(乱拉|拖在地上)/, 8],
    // English, as investors write (round 23)
    [/\b(contractor|waterproofing|leaks?|site managers?|scaffold(ing)?|crane)\b/i, 4],
    // rounds 29–30 (Shandong, Zhejiang)
    [/整改销号|隐患整改|事故.{0,8}整改/, 4],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    [/(脚手架|塔吊|围挡|模板)[^，。；,;]{0,6}(歪|倒|晃|倾斜)/, 5], [/临时用电线?[^，。；,;]{0,8}(泡在|泡水|规范|重新规划)/, 6],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    ['代建', 3],
    // rounds 39–40 (Greater Bay Area; Hubei and Hunan)
    ['换总包', 5],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    [/(鉴定|加固)[^。]{0,12}(危不危险|安不安全|安全不安全)|(房屋|厂房|危房)安全鉴定|(房梁|大梁|梁上|横梁)[^，。；,;]{0,6}(裂|压弯|弯了)/, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(隔壁|邻近|旁边|隔篱|相邻)[^，。]{0,6}(打桩|施工)[^。]{0,24}(振动|震|裂)/, 6],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/施工[^，。]{0,8}(挖塌|挖坏|碰坏)/, 5], [/基坑[^，。]{0,8}(护栏|围挡|防护)/, 5], [/(沟|坑)开着[^，。]{0,6}(没有|没)[^，。]{0,2}(围挡|防护|护栏)/, 5],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/(塔吊|吊车|吊臂)[^。]{0,10}高压线/, 6],
    // rounds 71–74: a builder's crew damaging or blocking what is the enterprise's
    [/(施工队|施工方|施工单位|挖机|修路的)[^，。；]{0,12}(挖断|挖坏|堵死|压坏|砸坏|打穿)/, 5], [/放炮|飞石/, 4],
    // rounds 153–211: a builder's crew that stalls, argues or leaves half done, works that dug the enterprise's gate or wall
    // open and left it ("施工队干两天歇三天", "园区道路施工把我们厂的围墙挖倒了一段，施工方说要等甲方定方案"): the works
    // (not a crew's pay or a bill, land it took, villagers, acceptance: 工资, 尾款, 占了, 村民, 验收)
    [/^(?![^]*(工资|尾款|工程款|少给|补偿|征了|占了|村民|验收|交付))[^]*(施工(方|队|单位)[^。]{0,12}(不认|扯皮|不管|不关|不理|找不到|跑了|撤了|走了|一天只来|干两天|进度|拖着不进场|不进场|(说|讲|话)[^。，]{0,3}等[^。，]{0,8}再)|(道路|修路|管网|管沟|围墙|人行道)[^。]{0,4}(施工|工程)[^。]{0,14}(挖断|挖倒|挖垮|挖开|挖了个?大?坑|没回填|没设围挡|进度|做了一半))/, 6],
    // rounds 254–257: a builder wanting more for dearer steel (钢材涨价…调价: 25 of 26 labelled construction)
    [/(钢材|材料)涨价[^。]{0,10}(调价|加钱)/, 6],
  ],
  dispute: [
    // round 270: a fight said in Cantonese (打交: 8 of 8 labelled readings dispute; not 打交道, dealing with, nor 打交警…电话)
    [/打交(?!道|警|通|行)/, 6],
    // rounds 258 and 262: someone asked to come and mediate (出面调解: 127 labelled readings, all dispute), whatever the quarrel is over
    // (not a mediation past, "去年村里出面调解过…")
    [/(?<!(去年|之前|以前|上次|曾经)[^。]{0,12})出面(调解|调和)(?!过)/, 16],
    // rounds 150–205: a customer's debt argued over ("客户拖着货款不给，还反过来说质量有问题…能不能帮着调解"); land let by a
    // village whose rent is raised or taken back before the contract ends (not for a plan or a project, nor with 补偿: land)
    [/(货款|尾款)[^。]{0,30}((?<!协)调解|质量(有|不|差|太)|拒收|找茬)/, 14], [/((流转|租地|土地|租赁)合同|流转费)[^。]{0,30}(涨|收回|毁约|不算数|纠纷)|^(?![^]*(规划|项目|补偿))(?=[^]*(租|房东|村里|村集体|流转))[^]*(涨|收回|毁约|不算数)[^。]{0,16}合同(还有|签的|签了|上写)/, 7],
    // rounds 166 and 168: a signed contract the other side no longer honours ("新村长说不算数", "换了班子就不认了"), whatever
    // it is about, land or goods (97 labelled readings: dispute 91); not an investment agreement with the government (a
    // policy to be honoured) nor a builder's work short of the contract (construction); nor an office or a bank that will not
    // accept the document (这份合同银行不认, 劳务派遣协议社保局不认: what the office wants is the matter)
    [/^(?![^]*(招商|投资|管委会|优惠|施工队|钢材))[^]*(合同|协议)(?:(?!银行|局|窗口|部门|政府|社保|税务|中心|所)[^。]){0,30}(不认(?!识)|不算数|不算了)/, 10],
    // rounds 103–106: a contractor who stays past the contract and locks things up, a supplier's men at the gate
    [/合同到期了?[^。]{0,4}不(走|搬|肯走)|把[^，。]{0,8}锁起来/, 5], [/(天天|隔三差五|三天两头|经常|老是)(派人)?(来|跑来)?[^，。]{0,6}闹|不给钱就不走/, 5],
    // rounds 107–111: people come to the plant to make trouble, a banner (拉布条), a quarrel flaring up
    [/(跑到|跑来|冲到|冲进|来到)[^，。]{0,8}闹|闹起来/, 4], ['拉布条', 4],
    // rounds 99–102: a partner holding the seal, rent raised or the land shut (a trademark squatted is 'other' here)
    [/合伙人[^。]{0,10}(闹掰|翻脸|不给|攥着)|公章[^，。]{0,8}不给/, 6], [/涨租金?[^。]{0,10}不(让|给)(进|用)/, 5],
    // round 96: a lease ended and the gate locked, a refund refused, mediation sought
    [/\b(terminated the (\w+ )?lease|locked the gate|refuses? (any )?refunds?|mediation|trade disputes?)\b/i, 6], [/\blandlord\b/i, 3],
    ['投诉', 3], ['居民', 3], ['村民', 3], ['噪音', 4], ['扰民', 4], ['异味', 3], ['臭味', 3], ['臭气', 3], ['粉尘', 2],
    ['污染', 3], ['排放', 2], ['震动', 3], ['爆破', 2], ['阻工', 4], ['围堵', 4], ['堵门', 4], ['堵在', 4], ['拉横幅', 4],
    ['闹事', 4], ['来闹', 4], ['报警', 3], ['冲突', 3], ['纠纷', 4], ['矛盾', 3], ['调解', 4.5], ['信访', 4], ['上访', 4],
    ['欠薪', 4], ['讨薪', 4], ['讨要', 3], [/欠.{0,8}工资/, 4], [/拖欠(加班费|工钱|年终奖)/, 5], ['工资', 2], ['包工头', 3], ['跑路', 3], ['工伤', 3],
    ['受伤', 3], ['赔偿', 3], ['家属', 3], ['起诉', 3], ['法院', 3], ['官司', 3], ['侵占', 3], ['占了', 3], ['协商不成', 3],
    ['乱收费', 4], ['物业', 3], ['邻里', 3], ['12345', 3],
    ['出面调解', 5], ['闹得', 3], ['仲裁', 4], ['赔钱', 3], ['要求赔', 3], ['分歧', 3], ['扯皮', 2], ['压坏', 3], ['村口', 2],
    [/把.{0,6}门.{0,2}锁/, 4], ['锁了', 2], ['打架', 4], ['口角', 4], ['扬言', 4],
    ['养殖户', 3], [/要(我们)?赔/, 4], ['索赔', 4], ['讨说法', 4], ['堵着', 3], ['不让', 2], ['谈崩', 4], ['反悔', 3], ['房东', 3],
    ['租赁纠纷', 5], ['违约', 3], ['威胁', 3], ['恐吓', 4], ['骚扰', 4], ['敲诈', 4], ['强买强卖', 5], ['霸占', 4], ['车祸', 2],
    ['就闹', 3], ['围住', 4], ['震裂', 4],
    ['租约', 4], ['业主', 2], ['聚在', 3], ['不发货', 3], ['联系不上', 3], ['烧烤摊', 5], [/(闹|吵)到(半夜|深夜|凌晨|夜里)/, 4],
    // people stopping the work, falling out, a neighbour's nuisance
    ['工钱', 4], [/(缺|少|扣|克扣)[^，。]{0,6}工资|工资.{0,6}(没发|没给|拖欠|不发)/, 4], ['吵架', 4], [/吵(了|过)?(好几|几|很多|多)(回|次)/, 4], ['边界', 3], [/不(同意|答应|给|用)[^，。]{0,4}就(闹|堵|拦|来闹)/, 4],
    ['阻拦', 4], ['阻挠', 4], ['僵持', 4], ['对峙', 4], ['闹翻', 4], ['翻脸', 4], ['吵到', 3], ['吵得', 3],
    [/(村民|居民|群众|邻居|周边的?人).{0,8}(堵|拦|阻|闹|围|不让)/, 4], ['排气管', 3], ['油烟', 4], ['废气', 3], ['意见很大', 3], ['不理', 2],
    [/(正对着|对着).{0,6}(我们|我家|厂|宿舍|食堂|窗户)/, 3],
    // round 17 (inland Yangtze delta)
    ['职务发明', 4], ['要求分成', 3],
    // rounds 18–19 (Northeast, Central China)
    // round 133 read again: a contract broken (合同白签了, 偷偷卖给别人)
    [/合同白签|(合同|订单)[^。；;]{0,20}偷偷卖给|偷偷卖给[^。；;]{0,12}合同/, 5],
    [/(合同|协议)[^，。；,;]{0,10}(不认|不算|没到期就?要?|毁约)|(不认|不承认)[^，。；,;]{0,4}(合同|协议)|换届以后|新(书记|支书)/, 5], ['吵起来', 4], ['过路费', 3],
    // round 230: people who surround the gate or block the road in a quarrel ("一百多人把厂门围了…还把我们保安打了",
    // "村民…把我们矿上运煤的路口堵了…二十几个人围着"), a quarrel with its cause ("因为围墙边界吵起来了")
    [/(村民|群众|村里的?人|[一几两三四五六七八九十百]+(个|多)?人)[^。]{0,20}(把[^。]{0,10}(围了|堵了|围住|堵住)|围着|围住了)|(打了|打伤了?)(我们的?)?(保安|员工|工人|司机)/, 7], [/因为[^。]{0,12}(吵起来|闹起来|打起来|闹翻)/, 6],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    ['抱怨', 3], [/(房东|出租方|业主).{0,20}(断水|断电|停水|停电)|(断水|断电).{0,6}(威胁|逼)/, 6],
    // English, as investors write (round 23)
    [/\b(dispute|lawsuit|sued|JV partner|changed the (office )?locks|complain(s|ing|ts)?|residents|noise)\b/i, 4],
    // rounds 29–30 (Shandong, Zhejiang)
    ['合同纠纷', 5], [/(?<![转报通忠劝广预警公])告(了)?我们|被告|起诉我们/, 4], [/(没发|不发|拖欠)工资/, 4], [/\b(not give goods|cheat(ed)?|refuse[sd]? to (pay|deliver))\b/i, 4],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    [/拉(着|了)?横幅/, 4], [/(老板|老细|包工头)[^，。；,;]{0,2}跑了/, 4], [/欠了?[^，。；,;]{0,6}(一堆|好多|很多)钱/, 3],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    ['法律援助', 4], [/欠[^，。；,;]{0,8}(工钿|工钱)/, 4],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/(要|讨)(工钱|工资)|拖欠劳务款/, 4],
    // rounds 37–38 (Yunnan; Chongqing and Sichuan)
    ['投诉我们', 4], ['太吵', 4],
    // rounds 41–42 (the Northeast and Inner Mongolia; southern Jiangsu)
    [/(跟|和|与|搭)隔壁[^，。；,;]{0,6}(共用|吵|闹|纠纷)/, 5], [/吵了(好几|半年|几)/, 4], ['罢工', 4],
    [/(工资|工钱)[^，。；,;]{0,4}卷(走|跑)|卷走[^，。；,;]{0,6}(工资|工钱)/, 5], [/(养猪场|养殖场|猪场)[^。]{0,10}(味|臭)/, 4],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(堵|围)[^，。]{0,6}(大门|门口|厂门|船坞)[^。]{0,20}欠[^。]{0,8}工资|欠[^。]{0,10}工资[^。]{0,20}(堵|围)/, 5], [/(结算|款)[^，。]{0,6}(有争议|纠纷)/, 5], [/(前|原)(合伙人|股东)/, 4], [/设卡|拦路收费/, 4],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/物业(费)?[^。]{0,20}(闹|断水断电|纠纷|不交)/, 5], [/(被|给)?村民[^，。]{0,6}(堵|围|拦)/, 6],
    // round 242: villagers digging up the site's road over land they say is unpaid (村民…挖断: 87 labelled readings, all dispute;
    // with what they say or want: a house they build cutting a pipe is the pipe's)
    [/村民[^，。]{0,10}挖(断|了|坏|开)[^。]{0,30}(补偿|赔|没给钱|占了|要钱|说)/, 8],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/拒付/, 5], [/(邻厂|隔壁厂|隔壁的厂)[^。]{0,24}(协商|不理|伓理|说了?(几|好几|多)次[^，。]{0,3}不改)/, 5],
    // rounds 71–74: workers up a crane over their pay, a crew come to smash the site office
    [/工资[^。]{0,16}(爬|站|坐)(到|上)[^，。]{0,4}(塔吊|楼顶)|(爬|站)(到|上)[^，。]{0,4}(塔吊|楼顶)[^。]{0,16}工资/, 6], ['打砸', 5],
    // (a crew unpaid down a contracting chain, about to go to the government: 23/23 dispute; a customer's unpaid goods
    // money before it is a loan's or a debt's, finance)
    [/(总包|包工头|分包|劳务)[^。]*?(工人|农民工)[^。，]{0,8}(要|说要|讲要|话要)?去(市|县|区|镇)?(政府|上访)/, 5],
    // rounds 220 and 224: a lease's terms broken by the landlord (rent free agreed, now asked; the rent tripled), talks failed
    // (not over compensation for land taken: that is land's)
    [/(租赁合同|合同)[^。]{0,20}(约定|写明|写着|说好)[^。]{0,24}(现在|又|却|突然)[^。]{0,10}(收|涨|要)(租|房租|租金)/, 8], [/^(?![^]*(补偿|征|拆|搬|迁|招商|价格|价钱|报价))(?=[^]*(合同|租|协议|纠纷|赔))[^]*(谈不拢|谈不妥|协商不成|协商不下来)/, 5],
    // round 223: pay said to be short-counted, the workers threatening a petition
    [/(工资|工钱)[^。]{0,6}(少算|算错|少给|算少)/, 6],
    // rounds 247–253: asked to judge who is right (评评理: 21 of 24 dispute; not an expert asked to, on an inspection), a road shared and fought over (共用…道路: 22 of 22;
    // the more so with the quarrel told)
    [/(?<!专家[^，。]{0,2})(评评理|评个理)/, 5], [/共用[^，。]{0,4}(道路|路)/, 5], [/共用[^，。]{0,4}(道路|路)[^。]{0,12}(闹|吵|争|纠纷|矛盾|堵)/, 8],
    // rounds 254–257: a village's checkpoint charging for the road (设卡收: 5 of 5 labelled dispute)
    [/设卡收(钱|费)/, 6],
  ],
  market: [
    ['订单', 3], ['销路', 4], ['销售', 3], ['客户', 1], ['大客户', 3], ['采购', 3], ['供货', 3], ['供应商', 3], ['供应链', 4],
    ['原材料', 3], [/原料(?!款)/, 3], ['缺货', 3], ['断供', 3], ['货期', 3], ['供需', 4], ['对接会', 4], ['产销', 4],
    ['展会', 4], ['参展', 4], ['展位', 4], [/组团(去|参展|参加|出海)|(家具|面料|纺织|游艇|灯光|灯饰|五金|建材|食品|茶|陶瓷|服装|汽配|琉璃|珠宝|石材|农机|玩具|礼品)展(?![厅示开])/, 4], ['主办方', 3], ['广交会', 4], ['纺织展', 4], ['博览会', 4], ['招商', 4], ['推介', 4], [/(?<!(?:高速|匝道|隧道|地下|停车场|园区|厂区|小区|[东南西北]|路|道|桥|门)的?)出口(?!处|匝道|那段|附近|旁边|的路|被|堵|拥堵|太窄|修|退税)/, 4],
    ['外贸', 4], [/(卖|销|出口|打)到.{0,4}(国外|海外|东南亚|欧洲|美国|中东|非洲|日本|韩国|俄罗斯|南美)/, 4], ['海外', 3], ['跨境电商', 4], ['关税', 3], ['技术壁垒', 4], ['验厂', 2], ['主机厂', 4], ['配套企业', 5],
    ['配套供货', 5], ['加工', 3], ['外协', 3], ['市场', 1], ['商机', 3],
    [/牵.?线/, 4], ['配套体系', 4], [/(进入|进|打入).{0,4}(供应|配套|采购)(体系|链|名录)/, 4], ['经销商', 4], ['代理商', 4],
    ['渠道', 2], ['代工', 4], ['商会', 3], ['政府采购', 4], ['货源', 4], ['断货', 4], ['涨价', 3], ['调价', 3], ['海外仓', 4], ['内销', 4],
    ['商超', 4], ['超市', 3], ['进商场', 4], ['展销会', 4], ['促销', 4], ['库存', 3], ['积压', 3], ['经贸', 4], ['考察团', 3], ['引荐', 3],
    ['合作伙伴', 3], ['下游', 3], ['上游', 3], ['客户资源', 4], ['供应商名录', 5], ['名录', 2], ['碳足迹', 3], ['品牌', 2], ['电商', 3], ['直播带货', 4],
    ['价格', 2], ['报价', 3], ['行情', 3],
    ['整车厂', 4], [/(可以|能|给|为|帮|想).{0,6}配套|配套(生产|厂家|商|产品)/, 3], ['直播', 3], ['带货', 4], ['直播基地', 4],
    ['意向投资', 4], ['投资意向', 4], ['项目落地', 3], [/落(一个|个|地)?.{0,8}(万|亿)的?项目/, 4], ['招引', 4],
    // rounds 27–28 (Qinghai, southern Jiangsu)
    ['专柜', 4], [/(开|设|进)个?.{0,4}(专柜|门店|柜台)/, 3],
    // English, as investors write (round 23)
    [/\b(distribution hub|distributors?|buyers?|export orders?|trade fair|suppliers? list)\b/i, 4],
    // rounds 29–30 (Shandong, Zhejiang)
    [/\b(buy|factor(y|ies)|container|order|goods|samples?|wholesale)\b/i, 3],
    // rounds 31–32 (Chaoshan and Hakka, Hefei and Huaihai)
    ['集采', 4],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    [/\b(suppliers?|investment promotion|sourcing)\b/i, 4],
    // rounds 39–40 (Greater Bay Area; Hubei and Hunan)
    ['OEM', 4], ['招标', 3], [/\b(booth|CES|expo|exhibition)\b/i, 4],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(开拓|打开)[^，。]{0,6}(市场|渠道)/, 5], ['路演', 4], [/(对接|牵个?线)[^，。]{0,10}(医院|采购商|超市)/, 5],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    [/(集中采购|集采)目录/, 5],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    [/开[^，。]{0,4}代表处|设立代表处/, 5], [/(供应名单|供应商名录|供货名单)/, 5], ['产业配套说明', 5],
    // a launch that needs a hall or a venue is promotion, not an invitation (新品发布会想借区里的展厅)
    [/(发布会|推介会)[^。？]{0,12}(借|租|场地|展厅)|(借|租)[^，。]{0,6}(展厅|场地)[^。]{0,10}(发布会|推介会)/, 4],
    // rounds 240–246 joined: a supply chain broken (供应链断了一截: the site that stopped is the customer's), machine-made
    // sand a market will not take (机制砂 3/3 market)
    [/供应链[^。，]{0,3}断/, 5], ['机制砂', 5],
    // rounds 247–253: the Canton Fair in English
    [/\bCanton Fair\b/i, 5],
    // rounds 312–323 joined: merchants to be drawn in for a fair (招点商户进来: 2 of 2 market), a 年货节 (41 of 44; weak: a village's fibre wanted for its 年货节 live sales is utilities)
    [/招[点些几批一]{0,2}[个家]?(商户|商家)/, 4], ['年货节', 1],
  ],
  // what the taxonomy leaves out but enterprises still ask about: intellectual property, media, statistics, party work
  other: [
    // a vehicle's plates cloned, its traffic fines landing on the company (套牌: 4 labelled readings, 3 other, 1 a dispute
    // over a car sold): a police matter, not an illegal building (违章)
    [/套牌|违章[^，。]{0,4}(罚单|记分|扣分|记录|都记)/, 8],
    // round 270: building rubble dumped at night (偷倒建筑垃圾: 3 of 3 other)
    [/(偷倒|乱倒|倾倒)[^，。]{0,4}建筑垃圾/, 10],
    // round 268: safety or food-safety training for staff already there (7 of 10 labelled readings other; not a school's,
    // nor a building site's)
    [/^(?![^]*(学校|招[人工聘]|专业|工地|项目部|施工|证书|健康证|补贴))[^]*(安全|环保|食品安全|食安)的?培训/, 6],
    // rounds 163, 164 and 167: one who claims to be an official or a reporter and asks for money — a fraud to be told apart,
    // whatever office or dispute is named (自称 in 30 labelled readings: other 28, and 2 disputes of a village's self-styled
    // representative, who asks for work, not money); not a promise asked about ("招商局自称…三年免租，是不是真的")
    [/自称[^。]{0,30}(骗子|诈骗|敲诈|加急费|检测费|给钱才|(交|转|付)[^。]{0,12}(是真的吗|是不是真的))/, 12],
    // (and asked whether it is one, "这是不是骗子啊", "是不是诈骗": 13 labelled readings other, 2 disputes where a customer calls
    // the enterprise one, "讲我们是骗子")
    [/(是不是|会不会)(骗子|诈骗)/, 12],
    // the statistics bureau's online reporting system that will not let one in (联网直报…登/账号/锁: 14 labelled readings, all
    // other), not a reward asked for once one reports through it
    [/联网直报[^。]{0,20}(登|账号|密码|报不上|锁|验证码|进不去|打不开)/, 6],
    // workers' health checks organised (组织/安排…体检: 5 labelled readings, all other), not a new hire's to start work
    [/^(?![^]*(入职|上岗|新招|新员工))[^]*(组织|安排)[个一次]*(员工|工人)?(集体)?体检/, 5],
    // rounds 324–347: the staff's health check, however it is asked (员工/职工/工人…体检: 33 of 38 labelled readings other; the
    // talent ones a new hire's)
    [/^(?![^]*(入职|入不了职|上岗|新招|新员工|健康证|招聘|职业病|赔|辞退|纠纷|停电|停水))[^]*(员工|职工|工人)[^。]{0,12}体检/, 5],
    // rounds 99–102: a joint lab with a university, one group for notices
    ['联合实验室', 5], [/群太多|统一在一个群/, 5],
    // rounds 324–335 joined: research with a university's team or professor (产学研: 4 of 4 labelled other; a university's
    // 研发团队/教授/老师 named: 3 of 3), not graduates hired from one (talent)
    ['产学研', 5], [/(大学|农大|高校|科大|工大|理工)[^。，]{0,3}的?(研发团队|教授|老师|专家)/, 5],
    // round 96: language classes for foreign staff
    [/\b(Mandarin|Chinese) (class|classes|lessons?|course)\b/i, 5],
    ['商标', 4], ['专利', 3], ['知识产权', 3], ['侵权', 3], ['公众号', 4], ['网站', 2], ['舆情', 4], ['媒体', 2], ['企业家', 3],
    ['党建', 4], ['统计报表', 4], ['统计', 2], ['信用修复', 3], ['失信', 2],
    ['法律服务', 4], ['律师', 3], ['法律', 2], ['信用记录', 4], ['信用', 2], ['行政处罚', 3], ['年报', 3], ['工商年报', 4], ['普查', 3],
    ['宣传', 2], ['评优', 2], ['荣誉', 2], ['证明材料', 1],
    ['文明单位', 4], ['无违法', 4], ['违法违规证明', 4], ['合规证明', 4],
    ['冒充', 5], ['冒用', 4], ['诈骗', 4], ['被骗', 3], ['骗人', 3],
    ['法律顾问', 4], ['合同审查', 4], ['看合同', 3], ['合规', 3], ['等保', 4], ['数据安全', 3], ['网络安全', 3], ['法务', 3],
    // rounds 18–19 (Northeast, Central China)
    [/(偷|盗)(了|走|去)?[^，。；,;]{0,6}(电缆|设备|材料|东西|铜线)|失窃|盗窃/, 5], ['造谣', 5],
    // rounds 29–30 (Shandong, Zhejiang)
    [/(中心|大厅|窗口)[^，。；,;]{0,6}(周末|周六|礼拜六|星期六|几点)[^，。；,;]{0,2}(开门|上班|办公)|地址在哪/, 5],
    // rounds 33–34 (Shanghai, Liuzhou and southern Hunan)
    ['电视台', 4], ['采访', 3], [/\bESG\b/, 4], [/(电缆|设备|材料|铜线|东西)[^，。；,;]{0,4}被(人)?(偷|盗)/, 5],
    // rounds 35–36 (Fujian; Shaanxi, Shanxi, northern Henan)
    [/冒用[^，。；,;]{0,8}名义/, 6], ['骚扰电话', 5], [/捐(一批|赠|款|给|钱)/, 5],
    // rounds 39–40 (Greater Bay Area; Hubei and Hunan)
    ['翻译', 4],
    // rounds 43–50 (a statistics return to file is no subsidy: c5552, r46-235; a statistics survey whose system will not
    // let one in, rounds 240–246 joined)
    [/(统计报表|研发投入统计|统计数据|统计调查)[^。]{0,12}(报不上|进不去|登不进|咋填|怎么填|不会填|填报)|统计局[^。]{0,10}(报表|咋填|怎么填)/, 5],
    [/\bdonat(e|ion)s?\b|\bfake (website|news|reports?)\b|\bnewspaper (wrote|says|said)\b/i, 5],
    // rounds 51–54 (the Beibu Gulf; Nanjing and its neighbours; cadres in official register; young founders)
    [/(参观|参访)学习|红色教育|标杆企业/, 4], ['邀请函', 4],
    // rounds 55–58 (Anhui; leaders of a county-level city; western Hunan and Hubei; Hubei's industrial cities)
    ['门牌', 5], [/(工作人员|窗口)[^，。]{0,6}态度/, 6], [/劳模|荣誉证书/, 4],
    // rounds 59–62 (Fujian's east coast; Liaoning; Shandong and Hebei towns by voice; a 12345 office)
    ['农技员', 5],
    // round 132: a name used by someone else, an office impersonated (公司名字被人在网上冒用 搞假招聘, 有人冒充区市场监管局打电话)
    [/(名字|名称|名义)[^，。]{0,6}被[^，。]{0,6}冒用|冒充[^，。]{0,8}(局|政府|部门|工作人员)/, 7],
    // rounds 220–224: a worker missing, a worker taken ill to be rushed to hospital, a school to donate (rounds 254–257: a
    // guest gone up the mountain and not back)
    [/(员工|工人|职工|师傅)(?![^。]{0,6}(网络|信号|设备|系统))[^。]{0,3}(失联|失踪|走失)/, 8], [NOT_BACK, 8], [/突发[^。]{0,6}(脑出血|心梗|心脏病)|脑出血|病危(?!害|及)/, 8], [/^(?![^]*(规划|许可|审批|施工|工程|项目))[^]*捐[^。]{0,6}(希望小学|学校|小学)/, 8],
    // rounds 240–246 joined: an APEC business travel card (no loan, though a letter of recommendation is asked)
    [/APEC|商务旅行卡/, 6],
    // rounds 247–253: stray dogs (野狗, 流浪狗: 69 of 69 labelled other)
    [/野狗|流浪狗/, 6],
    // rounds 254–257: a truck held as over the limit (超限: 4 of 5 labelled other)
    ['超限', 4],
  ],
};
