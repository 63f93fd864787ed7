/**
 * Who a report is about: the enterprise's name, read from the message text. A registered name ("…有限公司"), a name
 * in a frame that introduces the writer ("我们是X的", "我是X的财务", "帮X反映"), a proper name followed by a trade word
 * of INDUSTRY ("青年汽车", "亿龙置业"), or, in a frame strong enough on its own ("X这边说", "我们X上周…", "X去年…" at
 * the head), a name of any trade judged by its shape ("瑞丰淀粉", "祁连牧歌文旅"). Places, facilities and generic things
 * in those frames ("物流园三期", "景区游客中心", "省重点项目") are not names. Pure; no directory of enterprises.
 */
import { gated } from './alternation.js';
import { gramCount, holdsLexiconPhrase } from './category.js';
import { placeAtStart } from './places.js';
import { LiteralGate } from './gate.js';

const ENTERPRISE_PATTERNS: RegExp[] = [
  // (a registered name first, wherever it is: "我们给集团做钢渣处理…。 包头市禾润环保科技有限公司")
  /([\u4e00-\u9fa5()（）]{2,30}?(?:股份有限公司|有限责任公司|有限公司))/,
  /([\u4e00-\u9fa5()（）]{2,30}?(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|集团))/,
  // "雷山县苗岭银饰专业合作社": a cooperative's registered name
  /((?:(?![我们你他她这那的是在有和与跟被把给对向从到都也还就又不没说问请帮找让某])[\u4e00-\u9fa5]){4,14}?(?:专业|种植|养殖)?(?:合作社|合作联社))/,
  // a cadre writing for an enterprise ("代福山区的金果酒业报个问题"), not for a person ("帮老李反映", "替张经理报个问题")
  /(?:帮(?!忙)|替|代(?!办员|表|理))(?:[\u4e00-\u9fa5]{2,6}的)?(?!(?:老|小)[\u4e00-\u9fa5]{1,2}(?:反映|反应|问|咨询|报))([\u4e00-\u9fa5]{2,12}?)(?<!总|经理|主任|老板|厂长|书记|师傅|姐|哥|叔|姨|大爷|村民|同事|物业|居民|商户|客户|朋友|的|来的|家属|群众|老乡)(?:反映|反应|问一下|问下|问问|咨询|报个问题|报一个问题|报一下|报个事)/,
  /(?<!说|骂|讲|称)我们是((?:(?!的)[\u4e00-\u9fa5A-Za-z0-9]){2,16}?)(?:的(?!一家|一个|一间|一所)|，|,|。|\s|$|公司|厂|，)/,
  // "我们亿龙置业的项目" — but not "我们手上有政府的项目": a name has no verb of having or being in it
  // (not what the enterprise did to a place: "我们鑫源家具租的厂房")
  /我们((?![\u4e00-\u9fa5]*(?:有|在|是|这|那|手上|目前|现在|自己))[\u4e00-\u9fa5]{2,12}?)(?<![租买建盖修造包])的(?:项目|厂(?!房)|工厂|厂区|工地|公司)/,
  /我(?:司|厂)\s*[(（]?([\u4e00-\u9fa5]{2,16}?)[)）]/,
  // "我是青禾乳业的，…", "我是正泰隆的财务": who the writer works for
  /我是([\u4e00-\u9fa5]{2,10}?)的(?:阿[\u4e00-\u9fa5A-Za-z]|[\u4e00-\u9fa5]?老[\u4e00-\u9fa5]{1,2}(?=[，,。\s])|项目经理|技术员|工程师|主管|班长|财务|会计|出纳|老板|负责人|经理|总经理|副总|董事长|厂长|主任|员工|职工|工作人员|联系人|小[\u4e00-\u9fa5]|[\u4e00-\u9fa5](?:经理|总|主任|厂长|会计)(?=[\s，,。]|$)|(?<!(?:银行|那家|这家|街道|镇上|村里|物业|学校|医院)的)(?:前台|大堂|客房|销售|财务|行政|人事|采购|市场)经理(?=[\s，,。]|$)|[，,。\s]|$)/,
  // "我是大通县马记清真牛羊肉加工厂的马学军": the writer gives the enterprise, then the name
  /我是([\u4e00-\u9fa5]{2,16}?(?:厂|公司|店|合作社|酒店|宾馆|民宿))的[\u4e00-\u9fa5]{2,3}(?=[，,。！!\s]|$)/,
  // "我是润和医药HR", "我是远航机械人事": the role straight after the name
  /我是((?!项目|本|该|这|那|区|新|厂)[\u4e00-\u9fa5]{2,10}?)的?(?:HR|hr|人事|行政|财务|采购|法务|出纳|会计)/,
];

/** Characters a proper name does not hold: pronouns, verbs and particles of the sentence around it. */
const NOT_IN_NAME = '我你他她它们这那的是在有做要想和与跟被把给对向从到很太都也还就又不没一上下个些边里去来说问请帮找让某了哪';
/**
 * Words that end an enterprise's name ("青年汽车", "神马电力", "亿龙置业", "城东物流中心"): the industry or the kind of
 * business. A name without 公司 is read as a proper name of two to four characters followed by one or two of them.
 */
const INDUSTRY_WORDS =
  // rounds 71–74 (Hainan's dive shops and marinas, Ningxia's polysilicon, Yunnan's tea and coffee estates, builders)
  // rounds 79–82 (a county town's shops by their kind)
  // rounds 83–86 (private clinics, care homes and schools; quarries and concrete plants)
  '商砼|混凝土|沥青|石料厂|石料场|石料|石英砂|砂场|石材厂|幼儿园|托育中心|托育|护理院|养老院|养老公寓|老年公寓|颐养院|康养中心|养老服务中心|职业技能培训学校|职业技术培训学校|培训学校|职业学校|英语学校|语言学校|艺术学校|职业培训|培训|膳食|会所|门诊部|康复医院|妇产医院|医院(?!项目)|' +
  '便利店|超市|小卖部|便民店|粮油店|水果店|洗衣店|美发|理发|烧烤|烤鱼|卤菜|小吃|面馆|小面|凉面|炒饭|手机维修|家电维修|(?<!农)商行|小铺|米粉厂|' +
  '城建|窗帘|布艺|轧花|驼奶|游艇会|潜水|水上运动|海钓|育种|苗种|种植园|种植场|初制所|茶舍|傣家乐|多晶硅|设计院|住工|保温|皮毛|' +
  '汽车|汽配|电力|电气|电器|电子|电池|锂电|光电|光伏|能源|新能源|置业|地产|房产|建设|建工|建材|实业|控股|投资|贸易|商贸|科技|生态|生物|医药|药业|制药|医疗|健康|' +
  '物流|供应链|中心|机械|重工|精密|模具|材料|新材料|化工|纺织|服饰|食品|农业|环保|钢铁|铝业|半导体|智能|信息|软件|通信|传媒|文化|旅游|酒店|' +
  '餐饮|塑胶|塑业|包装|印刷|家具|陶瓷|玻璃|水泥|矿业|航空|船舶|数据|制造|工业|车业|动力|装备|仪器|仪表|集团|精工|新材|医疗器械|器械|器材|乳业|储能|' +
  '微电子|电机|汽配|物联|云计算|光学|机电|五金|建筑|置地|环境|检测|新能|纳米|印务|印染|游艇|照明|线缆|电缆|轴承|阀门|泵业|涂料|化纤|针织|家纺|' +
  '制衣|鞋业|饮料|酒业|茶业|纸业|木业|石材|管业|铸造|锻造|机床|激光|芯片|传感|声学|显示|冷链|智造|电路板|' +
  '铜业|钢构|钢结构|钢业|钢材|铜材|铝材|汽修|机器人|自动化|米业|粮油|面业|牧业|水产|果业|茶叶|宾馆|饭店|大酒店|百货|家居|装饰|' +
  '橡胶|轮胎|制品|日化|服装|皮革|卫浴|厨具|灯饰|合金|硅业|光纤|快递|农机|重机|汽车部件|生物科技|新能源科技|' +
  '家私|家电|小家电|灯具|纸品|五金制品|实业发展|电脑|摩托|火锅|底料|渔业|织造|' +
  '锂业|钨业|窑业|瓷业|瓷土|驾校|番茄|果园|储运|光能|农牧|型材|酱酒|酒厂|进出口|面粉|船务|仓储|石化|焦化|果业|果汁|陶艺|肥业|特钢|重钢|油服|线束|生化|粮贸|路桥|重科|矿机|稀土|钼业|羊绒|绒业|液压|液压件|配件|汽车配件|零部件|汽车零部件|乳品|肉业|粮食|购销|油脂|淀粉|卤味|风电|光纤|冷饮|调味品|重型|矿山|煤业|煤化工|煤化|' +
  // round 153 (Gejiu's tin smelters and machine-repair shops, Jianshui's purple pottery; tourist coach fleets)
  // round 228 (Xinzhou and Shuozhou: oats and quinoa, mixed grains, flanges); round 230 (Shizuishan's ferroalloy
  // smelters), round 206 (car dealers)
  '燕麦|藜麦|杂粮|法兰|冶金|汽贸|' +
  // rounds 338–342 (Chongqing's and Laiwu's die-casters and compressors)
  // (not the goods: 铝合金压铸, 空调压缩机; 基板, 偏光片 and 面板 were tried and left out after the review — 液晶面板, 覆铜基板,
  // 进口偏光片: the products far more often than a maker)
  '(?<!合金|铝|锌|镁|铜|精密)压铸(?!件|机|模|车间|线|厂房|工艺|的)|(?<!冰箱|空调|空气|螺杆|变频|涡旋|医用|碳|氢气|氮气|活塞|离心|制冷|冷媒|往复|无油|汽车|电动|涡轮)压缩机(?!组|房|的|坏|订单|配件|部件|项目|生产线)|' +
  // rounds 235, 237 and 239 (Zigong's lanterns, salt and rabbit dishes, Neijiang's sugar, pipe and brick works; Jiamusi's
  // honey; Longnan's walnuts and olive oil)
  '兔头|老号|灯彩|灯艺|彩灯|扎染|蜡染|制管|制糖|糖业|机砖|砖厂|核桃|橄榄油|蜂蜜|' +
  '锡材|锡冶|紫陶|机修|旅游车队|' +
  // rounds 150, 154 and 155 (Hulunbuir's milk-tea houses and grain depots; Mudanjiang's Korean restaurants, soy-paste makers,
  // barbecue houses and photo studios; Wuyuan's tea shops and inns)
  '奶茶|粮库|储备库|韩餐|大酱|烤肉|摄影|茶号|小筑|' +
  // round 157 (Haixi's solar-thermal plants); round 159 (Yanbian's farm-produce traders)
  '光热|(?<![卖售])农产品(?!博览|展|交易|批发市场|市场)|' +
  // round 151 (Enshi's selenium tea, its tribute teas, small hydropower stations, farm and tea tourism)
  '水电站|硒茶(?![叶城])|贡茶(?!大?酒店)|茶旅|农旅|藏药|蒙药|苗药|中药材|药材|毛纺|棉纺|精纺|纺机|精锻|锻压|耐材|鞋材|板材|管材|线材|锂盐|锂源|砂石|建安|支架|钢帘线|民宿|文旅|跨境|咖啡|茶庄|酒庄|庄园|工贸|电商|数科|智控|测控|电装|煤机|塑机|齿轮|玩具|珠宝|户外|红木|啤酒|海运|运输|丝绸|精机|养殖|宝石|研究院|渔具|数智|婚纱|玉雕|玉器|玉器行|不锈钢|内衣|童装|文胸|家居服|资本|石英|度假酒店|度假村|营地|螺蛳粉|工坊|冶炼|座椅|幕墙|彩印|染整|纸箱|鞋服|针纺|漆器|航运|体育用品|工艺品|香业|茶场|碳素|洗煤|测绘|货运|国际货运|大药房|药房|茶室|露营|米线|茶厂|咖啡厂|电路|化学(?!品)|化学品储运|紧固件|标准件|童车|皮具|皮草|海产品|医药中间体|中间体|传动|弹簧|化成|模塑|人力资源|通讯|焊材|车身|车灯|专汽|安保|铸件|无纺布|橡塑|刹车片|车桥|轨道|智家|封测|海工|网络|硅材料|硅材|深加工|铸管|饰件|烟花|涂装|饮品|劳务|茶楼|茶园|客栈|文具|氨纶|饮片|糕点|箱包|胶合板|冷轧|雕塑|酒坊|窖酒坊|粉丝厂|粉丝|酒楼|茶坊|轧花厂|矿泉水|果品|边贸|有色|文创|肉羊|盐化|锂能|精细化工|电子材料|无人机|电镀|视觉|电线|洗水|冻品|预制菜|发艺|果蔬|港航|制动|经编|沙发|藏餐|藏医院|牧场|旅行社|家庭旅馆|旅舍|画院|艺术中心|艺术馆|糌粑坊|牧家乐|藏家乐|农家乐|' +
  '蔬菜|蛋品|用品|劳保用品|工具|眼镜|光子|配套|精酿|足道|饲料|冷运|海鲜|冰鲜|农资|外贸|旅游开发|木材|水产品|数控|光模块|电装|电子化学品|热管理|座椅系统|汽车系统|内饰|电动车|腊肉|腊味|茶油坊|船厂|冰厂|安装|修造|工业皮带|皮带|金属|彩涂|毛毡|花卉|被服|玻璃钢|散热器|暖通|食用菌|土特产|煎饼|柳艺|苇艺|丝网|健身器材|健身|家电城|杂技道具|宠物食品|洗涤|农化|化肥|冷藏|管件|塑料|山珍|搅拌站|木艺|白茶|农机|造型|化妆品|肉联|造纸|助剂|货代|国际货代|海产|' +
  // round 96 (the Hainan free trade port's shops, clinics and agents)
  '(?<!离岛)免税店|免税城|诊所|工作室|报关行|船务代理|配餐|伴手礼|传播|会展|俱乐部|酒家|健康管理中心|医学中心|商业管理|' +
  // rounds 95 and 99–104 (Quanzhou's shoe and ceramics makers, Hefei's chip firms, Ganzhou's rare earth and garments)
  '建陶|制鞋|醋坊|电驱|光罩|封装|(?<![双备用急动流])电源|永磁|硬质合金|辅料|' +
  // rounds 107 and 109 (Zhengzhou's phone-assembly suppliers, Luoyang's peony trades; Baotou's magnets, Ordos's cashmere and
  // wind farms)
  '模组(?!厂房|车间|产线)|屏显|速运|智能终端|微组装|饼坊|牡丹瓷|重工|矿山设备|绒坊|磁材|风能|' +
  // round 108 (Tianjin's ports and airport: shipping, aviation and bulk trades)
  '大宗|(?<!载)重装|港机(?!房)|航空部件|(?<!毒|危险)化学品|润滑油|航修|航材|表面处理|船舶管理|船舶设计|船舶修理|船舶服务|船员服务|航空服务|融资租赁|冷冻食品|港口服务|地服设备|' +
  // rounds 110 and 111 (Xiamen's Taiwanese food makers; Xi'an's avionics and navigation firms)
  '罐头|凤梨酥|航电|导航|' +
  // round 114 (Yancheng's Korean parts makers, Sheyang's shrimp ponds)
  '部品|[虾蟹鱼猪牛羊鸡鸭鹅参贝]养殖场|' +
  // round 115 (Chengdu's seasoning makers, tea houses, computing and gene firms)
  '调味|算力|茶舍|茶馆|茶铺|基因|细胞|辣坊|(?<![笔登日忘书标印牢铭惦记])记(?=这边|那边|的|[，,。！!？?：:\\s]|$)|' +
  // round 121 (Lanzhou's beef-noodle houses, Jinchang's copper foil, Linxia's thangka studios, herbal slices)
  '牛肉面|拉面|铜箔|钒业|钒材|钛材|钛业|中药饮片|唐卡|' +
  // round 117 (Zhongshan's plastics moulders, Zhuhai's boatyards)
  '注塑|船艇|酒店管理|' +
  // rounds 288–298 (north Jiangsu's floors, Hubei's special vehicles and phosphates, Jilin's socks and heat exchangers, Karamay's drillers)
  // rounds 300–311 (Wenzhou's switches, lighters and smoking sets, pumps and valves; Lishui's band saws, wooden toys,
  // tea machines, bamboo charcoal and swords)
  '开关|烟具|泵阀|打火机|带锯|木玩|炭品|剑业|密封件|流体|茶机|电力金具|金具|车辆部件|' +
  '地板|减震器|(?<![拉用装槽运])罐车|专用车|专用汽车|专汽|改装车|弯头|换热器|换热|钻井|井下作业|磷化|刀业|刀具|袜业|' +
  // round 116 (Shenyang's car-parts makers, Dalian's container yards and axle plants)
  '零件|附件|塑件|车桥|集装箱|' +
  // round 118 (Huzhou's elevator makers, Puyuan's sweater mills, Anji's bamboo, Wuzhen's silk quilts)
  '(?<![装修换坐乘])电梯|门机|羊毛衫|竹纤维|竹制品|竹木|蚕丝被|电子商务|数据港|' +
  // rounds 119 and 123 (Shanxi's hydrogen trucks and vinegar, Yunnan's tea-drink shops and caravan inns)
  '氢能|重卡|老醋|茶饮|驿站|加注站|加能站|加氢站|' +
  // round 126 (Chenghai's building-block makers, Yangjiang and Jieyang knives)
  '积木|刀剪|' +
  // round 124 (Weifang's engine-part and kite makers, Shouguang's greenhouses)
  '部件|活塞|风筝|温室|钢管|' +
  // rounds 113–116 (wind-tower makers, wheel hubs, refractories, sheet metal, ribbon and print mills)
  '塔筒|运维|轮毂|耐火|钣金|织带|印花|海鲜加工|海产品加工|水产加工|钢板加工|钢材加工|' +
  // round 130 (Changle's nylon mills, Ningde's battery-part makers)
  '锦纶|结构件|' +
  // round 128 (Xinjiang's cold stores, wolfberry growers, cotton spinners and pulp mills, dried-fruit wholesalers)
  '(?<!冷链|食品|水产|合作社|业|香梨|期)冷库|枸杞|纺纱|棉浆粕|批发部|' +
  // round 131 (Ruian's shoe-machine makers, Taizhou's sewing machines, Yueqing's switchgear)
  '鞋机|缝纫机|成套设备|' +
  // rounds 132–135 (Chongqing's motorcycle parts and servers, Changchun's bogies, Baigou's zips, Jingdezhen's kilns and
  // porcelain workshops, Pingxiang's insulators, Yingtan's copper wire, Nanchang's VR studios)
  '摩配|(?<![台套个批])服务器|屠宰|牛羊肉|(?<![童冰水游])乐园|检修工程|工业气体|(?<![天然废尾毒有])气体|工业设计|酱园|转向架|拉链|土方工程|电瓷|窑具|(?<![陶瓷])窑炉|窑艺|瓷坊|坯坊|窑坊|瓷庄|铜线|铜雕|通信设备|机电设备|医用耗材|互娱|本草(?!堂)|VR|' +
  // round 129 and 138 (Beibu Gulf's port-technology and shipping-service firms, Dongxing's fish sauce)
  '港航技术|港航|航运服务|鱼露|' +
  // rounds 139 and 142 (Beijing's computing, quantum and film start-ups; northern Shaanxi's semi-coke plants, coal mines
  // and methanol works)
  '兰炭|煤矿|电化|甲醇|钻采|国旅|石油服务|剪纸|量子|智算|智行|映画|生命科学|影视|医学(?!美容)|(?<![尽赶很加])快运|酿造|苗圃|农庄|石粉|(?<![望划眼创抱心市向接赢胜就造憬见来于对])未来(?![一二三四五六七八九十两几的发规可产城科三五十])|' +
  // rounds 162–169 (Yongnian's standard parts, wedding-photo studios, rattan ware; the products themselves — 松茸, 艾草, 螺栓,
  // 水晶, 木门, 自行车 — were tried and left out: "野生松茸今年产量少", "同事骑自行车摔了" read as names, the review found)
  '标件|藤艺|影楼|' +
  // round 352 (Yiwu's jewellery and stationery makers: 15 names end in each of 饰品, 文具)
  '(?<![买卖批首服装])饰品(?!城|市场|街|店|区|摊|批发|类|订单|行业)|(?<![买卖批办学儿])文具(?!城|市场|街|店|区|摊|批发|类|订单|行业|盒|袋)|' +
  // round 176 (Anshun's aviation-part heat treaters, machine shops and silversmiths, Liupanshui's gas suppliers; Jiujiang's
  // polyester mills)
  '热处理|机加工|燃气|聚酯|银艺|银饰|' +
  // round 174 (Xining's Tibetan-carpet mills, yak-wool and yak-jerky makers, highland-barley liquor workshops)
  '藏毯|地毯|牦牛绒|(?<![干撕])牛肉干|牦牛干|乳制品|酒坊|' +
  // round 182 (Shangqiu's down mills, tape-measure and gauge makers, quick-frozen food and grain stores; 制冷 and 冷柜 were tried
  // and left out: "空调制冷不行", "门店冷柜电费太高" read as names, the review found)
  '羽绒|量具|卷尺|速冻(?!食品)|粮储|' +
  // rounds 198–204 (Lüliang's and Jincheng's foundries and distilleries, coarse grains; Wuyi tea shops; spring-water drinks)
  '铸锻|精铸|铸管|酿造|杂粮|茗茶|饮品|' +
  // rounds 206–209 (Ruzhou celadon, Xishui bamboo crafts)
  '汝瓷|竹艺|' +
  // rounds 212–217 (Suizhou's special-purpose vehicles, Loudi's refractories and antimony; 罐车, 挂车 and 底盘 were tried and
  // left out: "我们只能用罐车拉", "货车底盘刮了" read as names)
  '专用车|专用汽车|专用车辆|特种车|环卫|耐材|锑品|锑业|' +
  // rounds 219–224 (Lincang's nut processors and border traders, Heyuan's spring waters and camellia oil, Fuyang's wig makers,
  // Jieshou's recyclers, Changzhi's coal-bed methane)
  '坚果|饮用水|矿泉水|茶油|茶籽油|再生资源|发业|发制品|发饰|煤层气|边贸|工坊|烘焙工坊|' +
  // rounds 247–253 (Ganzhou's glass-fibre, loudspeaker and circuit-board makers; Youyu's fodder and sea-buckthorn; Datong's
  // day-lily processors, heat suppliers and classical-garden builders)
  '玻纤|电声|线路板|饲草|沙棘|黄花|热力|园林绿化|园林|古建|' +
  // rounds 254–257 (Yichang's hydropower contractors, Zigui's orange orchards)
  '水电工程|橙园|' +
  // rounds 264–268 (Donghai's crystal workshops, Qinzhou's seafood processors); 270–275 (Nanchong's silk reelers and
  // cocoon stations, Baoning's pickles and bean paste, Suining's lithium materials; Chifeng's grain mills and growers' co-ops)
  '水晶|水产品加工|酱菜|泡菜|豆瓣|缫丝|茧站|锂材|谷物|种植合作社|种植专业合作社|' +
  // rounds 312–323 (Harbin's grain-machinery makers; Shizuishan's special steels, catalysts and silicon carbide; Kunming's
  // phosphate fertilisers); not a catalytic technology (VOCs催化燃烧). (物业 and 热电 were tried and left out: a property
  // manager or a heat-and-power plant is most often the party complained of, "华润物业给我们断水了", "华能热电给我们停汽了",
  // not the sender — the second review of the forty-ninth session)
  '粮机|特材|催化(?!燃烧|剂|氧化|裂化|转化)|碳化硅|磷肥|' +
  // rounds 324–334 (Yangzhou's toothbrush, plush-toy and ship-fitting makers, oral-care firms; Changchun's gearbox makers,
  // Songyuan's oilfield-service firms; Zhuzhou's weighing-machine and electronic-control makers) — not the product itself
  // (电动牙刷, 无级变速器, 电控系统) nor a maker complained of (…牙刷厂家的售后). (港务 and 茶食 were tried and left out after
  // the review: a port operator is most often the party complained of, "上海港务这个月的集装箱费又涨了", and 连云港港务局 is
  // an office; 潮汕茶食 is a region's food.)
  '(?<!电动|儿童|成人|软毛|声波)牙刷(?!厂家|柄|头|盒)|毛绒(?!布|公仔|玩具)|船配(?!套)|口腔护理|(?<!无级|自动|手动|双离合)变速器|油田服务|衡器|电控(?!系统|柜|箱|阀)';
/** A kind of goods, and the goods named by a trade word: no enterprise's name (see parseEnterpriseUnchecked). */
const GOODS_ALONE = new RegExp(
  '^(?:散装|进口|野生|手工|农村|桶装|瓶装|袋装|废旧|自产|本地|国产|有机|新鲜|优质|天然|生态|出口|外贸|电动|儿童|成人|软毛|手动|自动|无级|' +
    '商用车|汽车|远程|主营|地磅|高端|定制|传统|远洋|内河|中国|国内|全国|新型|智能|专业|普通|低端|一般)' +
    '(?:坚果|茶油|茶籽油|饮用水|矿泉水|再生资源|牙刷|变速器|电控|衡器|毛绒|船配|口腔护理)$',
);
/**
 * A trade named by one character and 业 ("镁业", "糖业", "袜业", "种业"): a word the language keeps making, so it is
 * read by its shape; not 企业, 行业, 就业 and the other words of 业 that are no trade.
 */
const TRADE_YE = `(?:(?![企行产专就创营开停歇复毕失作事物职商主副家学伟大基同工农林实兴宏鸿恒立精嘉昌荣盛华${NOT_IN_NAME}])[\u4e00-\u9fa5]业)`;
// (as a trie: the words are tried one branch per character, not one after another; the longer word first)
// (and gated on its first and last characters: most positions fail at one class test)
const INDUSTRY = gated(INDUSTRY_WORDS, TRADE_YE, { first: '[\\u4e00-\\u9fa5]业', last: '业' });
/** A character of a proper name (和 only inside one: 泰和, 嘉和). */
/**
 * Sentence words that are also parts of names, with the characters they follow or precede inside one: 太 is "too" and
 * a place (太原, 太仓, 太行: "太原锦程装备"); 和 "and" and a brand (永和, 三和, 佳和; 和美, 和兴); 边 "side" and a brand (兴边, 宏边;
 * 边城, 边关); 都 "all" and a city (成都, 铜都, 殷都, 江都; 钛都 for Panzhihua, 隆都 a town of Shantou: rounds 163 and 167);
 * 来 "come" and a brand (宝来, 好运来); 里 "inside" and a name (阿里郎, 万里); 上 "up" and a city (上饶, 上海, 塞上); 个 a measure word and a city (个旧, round 153);
 * 那 "that" and a Tibetan or Mongolian name (那仁, 那达慕, 那曲, 那拉提; round 157); 们 of 我们 and a city (图们, round 159).
 */
const WORDS_IN_NAMES: readonly { word: string; after: string; before: string; always?: true }[] = [
  { word: '太', after: '', before: '原仓湖平阳行古谷极白空康' },
  { word: '和', after: '永三祥泰中怡嘉宝隆恒万研呼佳康协德裕鼎政天仁丰大润庆顺盛颐', before: '美兴泰顺信丰达盛悦仁平睿' },
  { word: '边', after: '兴宏安靖戍花', before: '城关贸境' },
  { word: '都', after: '成铜首京古殷帝瓷药商花新钢红镍玉凉江宜蟹磷于宁钨薯圣钛隆艾酒冷林', before: '' },
  { word: '上', after: '塞云', before: '饶海虞栗犹蔡高杭党' },
  { word: '来', after: '宝福悦泰好运利', before: '' },
  { word: '里', after: '阿万千故', before: '' },
  { word: '一', after: '统韩', before: '品鸣诺帆' },
  { word: '要', after: '高', before: '', always: true },
  { word: '个', after: '', before: '旧', always: true },
  { word: '那', after: '', before: '仁达曲拉', always: true },
  { word: '们', after: '图', before: '', always: true },
];
/** Their characters. */
const NAME_WORDS = WORDS_IN_NAMES.map((w) => w.word).join('');
/** One of those words where it is part of a name. */
// (behind a gate on those characters: a character that is none of them fails at one class test)
const WORD_IN_NAME = `(?=[${NAME_WORDS}])(?:${WORDS_IN_NAMES.flatMap(({ word, after, before }) => [
  ...(after ? [`(?<=[${after}])${word}`] : []),
  ...(before ? [`${word}(?=[${before}])`] : []),
]).join('|')})`;
/** One of those words where it is a word of the sentence. */
const inSentence = ({ word, after, before }: (typeof WORDS_IN_NAMES)[number]) => `${after ? `(?<![${after}])` : ''}${word}${before ? `(?![${before}])` : ''}`;
const WORD_IN_SENTENCE = WORDS_IN_NAMES.map(inSentence).join('|');
const NOT_IN_NAME_ALWAYS = NOT_IN_NAME.replace(new RegExp(`[${NAME_WORDS}]`, 'g'), '');
// (the plain characters first: the words in names are all outside them, so the order changes no match, and most
// characters are taken at the first try)
const NAME_CHAR = `(?:[^${NOT_IN_NAME}\\s，,。.！？!?、：:（）()「」『』“”‘’《》\\d#@—–～~-]|${WORD_IN_NAME})`;
/** A character that is never a name's, wherever it stands. */
// (the words marked `always` are a name's only where WORDS_IN_NAMES says — 高要, 个旧, 那仁, 图们 — and a sentence's everywhere else)
const ALWAYS_SENTENCE_CHAR = new RegExp([`[${NOT_IN_NAME_ALWAYS}]`, ...WORDS_IN_NAMES.filter((w) => w.always).map(inSentence)].join('|'));
/** Any one of those characters. */
const SENTENCE_CHAR = new RegExp(`[${NOT_IN_NAME_ALWAYS}]|${WORD_IN_SENTENCE}`);
/** What follows a name ending in its trade word. */
/** What starts a clause after a name with its trade (what follows it in the sentence). */
const CLAUSE_AFTER_NAME = `的|这边|那边|这个?|公司|厂|前面|门口|办公室|技术部|承建|承接|项目|[一二三四]期|[一二三四五六七八九]号|工地|厂区|门口|门前|研发楼|办公楼|实验室|食堂|宿舍|配电房|仓库|车间|[：:]|新|想|要|申|研|在|已|今|明|准备|计划|需要|有|上周|上个?月|上次|本月|最近|近期|去年|目前|现在|一直|下个?月|下周|下半年|年底|年前|这个?月|这周|本周|反映|反应|跟|给|问|找|被|向|对|招|是|从|过|因|拟|将|与|和|上市|榨季|扩建|扩产|新建|周边|附近|旁边|[（(]|[A-Za-z]|人事|行政|财务|老板|领导|董事长|总经理|负责人|也|还|都|改造|改建|装修|这种|接了|冷库|产品|外边|外面|，|,|。|\\s|\\d|$`;
const AFTER_TRADE_NAME = `(?=${CLAUSE_AFTER_NAME})`;
/** 厂 or 公司 closing a name ("麦香园食品厂"), not a part of the site (厂区, 厂房). */
const CLOSING = '(?:厂(?!区|房|里|门|长|子)|公司)?';
const NAMED_BY_INDUSTRY = new RegExp(
  `(?:^|我是|我们是?|我司|这里是|这边是|帮|替|代|第[一二三四五六七八九十]的|前[十\\d]+的|，|,|。|\\s)((?:${NAME_CHAR}和${NAME_CHAR}{0,2}?|${NAME_CHAR}{2,4}?)(?:${INDUSTRY})(?:${INDUSTRY})?${CLOSING})${AFTER_TRADE_NAME}`,
);
/**
 * At the head of a message or a sentence a name may carry its city ("哈尔滨北冰洋食品申请的…", "包头北辰特钢跟供应商…",
 * "项目专员汇报：大庆龙华新材料项目…"), and after a place and 的 ("我们是洛阳的河洛钼业新材料", "洛阳涧西的嵩岳轴承想…") it is
 * the name that follows.
 */
// (two patterns, the earlier match winning and the first on a tie, as one alternation would: V8 leaves a pattern of more
// than 20 KiB unoptimised — kRegExpTooLargeToOptimize — and the one alternation, 24,893 characters, ran fifty times slower
// than its halves; test/unit/domain/parse-regexp-size.test.ts keeps every pattern under the limit)
const HEAD_TRADE_NAME_AT_HEAD = new RegExp(
  `(?:^(?:帮|替|代(?!县)|这边|这里是?|[\u4e00-\u9fa5]{2,4}\\s+)?|[。：:？?！!]\\s*)(${NAME_CHAR}{2,6}?(?:${INDUSTRY})(?:${INDUSTRY})?${CLOSING})${AFTER_TRADE_NAME}`,
);
const HEAD_TRADE_NAME_AFTER_PLACE = new RegExp(
  `(?:^|我们[是在]?|我是)(?:${NAME_CHAR}{2,6}|${NAME_CHAR}{2,9}[区镇县市村乡湾港堡园州城湖旗]|${NAME_CHAR}{1,6}街道)(?:(?:这边|那边)的?|(?<=[区园])[里内]的|(?<!(?:${INDUSTRY}))的)((?:(?!以前|以后|以来)${NAME_CHAR}){2,5}?(?:${INDUSTRY})(?:${INDUSTRY})?${CLOSING})${AFTER_TRADE_NAME}`,
);
/**
 * What every match of HEAD_TRADE_NAME_AFTER_PLACE holds, tried first (the pattern costs about 20 µs a run where it fails
 * late): where it may start, a place of at most 11 characters that are none of the name's stops, and 的, 这边 or 那边.
 */
const AFTER_PLACE_MAY = /(?:^|我们[是在]?|我是)[^的\s，,。.！？!?、：:]{1,11}?(?:的|这边|那边)/;
function headTradeName(t: string): string | undefined {
  const a = HEAD_TRADE_NAME_AT_HEAD.exec(t);
  const b = AFTER_PLACE_MAY.test(t) ? HEAD_TRADE_NAME_AFTER_PLACE.exec(t) : null;
  return (a && (!b || a.index <= b.index) ? a : b)?.[1];
}

/**
 * The message opens with a brand of two characters and its trade, whatever follows ("蓝晶锂业盐湖提锂车间…", "宏盛电机技改项目…",
 * "明远科技员工食堂…"): a brand is a rare pair of characters in the reports the model was trained on (fewer than
 * `BRAND_MAX_COUNT` times), where a common word ("冷库钢结构", "高级模具技师", "新增建设用地") is frequent; and not a park,
 * a market town or a store ("光谷生物城", "米东化工园区", "鲜花冷链仓").
 */
const HEAD_BRAND = new RegExp(`^(${NAME_CHAR}{2,6}?(?:${INDUSTRY}))(?!园|区|城|仓|库|港|基地|技师|技工|操作|工人|制品|配件|专业|合作社)`);
const BRAND_MAX_COUNT = 9;
/**
 * The characters Chinese trade names (字号) are made of: a brand of two of them ("鑫源铸造", "中盈科技", "东方纸品") is a
 * name however often the reports have met it, where a brand of other words (冷库, 用电) is rarer than they are.
 */
const ZIHAO_CHARS = '鑫源恒基天和华泰宏中盈瀚海凯旋丰众诚鸿运东方金银隆昌盛兴达通利瑞祥福嘉宝永安康润佳鼎汇联信德新星辉光阳亿富腾飞龙凤荣旺广顺豪茂晟锦程伟创博远航宇河峰川林万美世友云帆智';
const ZIHAO = new RegExp(`^(?!(.)\\1)[${ZIHAO_CHARS}]{2}$`);
/**
 * A 字号 brand and its trade where a clause starts or after 是 / 业主 / 施工单位 ("刚接到电话，宏宇铸造变压器跳闸",
 * "…，是宝丰五金", "施工单位是东方建工", "青溪市博远生物提的…"): a leader's way of naming the enterprise inside the sentence.
 */
const ZIHAO_NAMED = new RegExp(`(?:^|[，,。：:！!；;？?]\\s*|(?:是|为|发现|说|把|给|拿|记|替|帮|到|征用|占用)\\s*)((?:[\\u4e00-\\u9fa5]{1,3}[市县])?(?!(.)\\2)[${ZIHAO_CHARS}]{2}(?:${INDUSTRY})(?:${INDUSTRY})?${CLOSING})(?!园|区|城|仓|库|港|基地)`);
/**
 * With a place before it ("德化鼎盛瓷业", "晋江宝利达鞋业") the brand may be a little commoner (brands repeat across
 * enterprises: 鼎盛, 恒瑞); the place is rarer than the words a report opens with (泉州 14, 晋江 16 against 冷库 67, 用电 57).
 */
const PLACED_BRAND_MAX_COUNT = 16;
const PLACE_MAX_COUNT = 30;
/** A name made of two trade words at the head, before 这边 ("精工阀门这边…"). */
const HEAD_TRADES_HERE = new RegExp(`^((?:${INDUSTRY})(?:${INDUSTRY}))(?=这边|那边)`);
/** "我们金瑞铜业的原料…", "我们精锐机床招…", "我們悅來酒店年底…": 我们 + a proper name + its industry, whatever follows. */
const WE_NAME_CHAR = `(?:${WORD_IN_NAME}|[^${NOT_IN_NAME.replace(/[来和上下一与里都]/g, '')}\\s，,。！？!?、：:（）()\\d#@])`;
const WE_NAMED = new RegExp(`(?:我们|我司)(?:(?:这边|那边)(?!好几|几|大部分|大多|多数|很多|不少|部分|有的|一些|[一二三四五六七八九十两\\d]+家))?((?:[\u4e00-\u9fa5]{2,5}旗)?${WE_NAME_CHAR}{2,6}?(?:${INDUSTRY})(?:${INDUSTRY})?${CLOSING})(?!(?:${INDUSTRY})?(?:局|委|办|板|园|区|城|站|行业|产业|领域|方面|板块|产品|设备|市场|企业|项目|这块))`);

/** Who is not an enterprise's name at the head of "X反映…" or "X二期…". */
const NOT_A_NAME_AT_HEAD =
  /^([东南西北中]区|核心|走访|废旧|二手|关于|最近|近期|目前|现在|今天|昨天|昨晚|今早|今晚|前天|刚才|本周|这周|上周|今年|去年|前年|明年|后年|只能|只好|只得|只有|自己|必须|不得不|本月|上月|这个月|上个月|企业|公司|员工|工人|村民|居民|群众|周边|附近|隔壁|对面|旁边|周围|有人|他们|她们|客户|街道|部门|领导|园区|厂里|老板|家属|业主|商户|市民|网友|职工|不少|很多|多家|部分|好几|几家|有的|有些|大家|我们|我司|我|你们|区里|市里|镇里|村里|社区|项目|工程|厂房|新厂|小区|厂区|本|该|这|那|一|二|三)/;
/** People and offices that report ("塔吊司机反映", "审评中心"): not an enterprise. */
const PERSON_AT_END = /(汇报|报告|报送|员报|员|司机|师傅|工人|员工|保安|[电焊木瓦]工|经理|主任|老板|负责人|会计|财务|家属|房东|物业|邻居|同事|书记|村长|代表|委员|主管|总|人|户|方|局|办|委|所|站|队|群众|居民|村民|业主|市民|商户|会|院|部|处|科|厅|组)$/;
/** "光华印务反映…", "蓝海游艇这边反映…": a name at the head of the message, followed by what it reports. */
const NAME_THEN_REPORTS = /^([\u4e00-\u9fa5]{2,14}?)(?:这边|那边)?(?:反映|反应|(?:紧急)?报告[：:])/;
/** "宏达二期的桩基…", "我们远航三期项目…": a project named by its enterprise and phase. */
const NAME_THEN_PHASE = /^(?:我们)?([\u4e00-\u9fa5]{2,4}?)[一二三四五]期(?:项目|工程|工地|厂房|的)/;

/**
 * Strong frames that take a name whose trade word INDUSTRY lacks ("瑞丰淀粉这边说", "我们永丰面粉上周…", "我们天山绒业锅炉房",
 * "大漠星河营地去年建的…"): the frame, not the trade word, says it is a name. The name is judged by its shape
 * (`isOpenName`).
 */
const TIME_AFTER = '现在|目前|上周|上个?月|上次|去年|今年|前年|最近|近期|前几天|前段时间|这几天|昨天|前天|刚刚?|已经|一直';
/** Parts of a site that follow an enterprise's name ("天山绒业锅炉房的…"). */
const SITE_AFTER = '老厂房|新厂房|老厂区|锅炉房|车间|厂房|仓库|宿舍|食堂|门口|门前|大门|厂区|工地|园区|办公楼|研发楼|实验室|配电房|生产线';
const HEAD_SAYS = new RegExp(`^(${NAME_CHAR}{4,8}?)(?:这边|那边)(?:说|讲|问|反映|反应|想|要|需要|希望|申报|申请|的|有|[，,：:\\s])`);
const HEAD_HERE = new RegExp(`^(${NAME_CHAR}{4,8}?)(?:这边|那边)(?!的人|的路|的地|的村)`);
/** "龙图塑胶门前的人行道…", "中科量芯研发楼的专线…": the name at the head, then a part of its site. */
const HEAD_SITE = new RegExp(`^(${NAME_CHAR}{4,6}?)(?=(?:${SITE_AFTER})的)`);
/** "我们南安的盛达石材，…": where the enterprise is, then its name. */
const WE_PLACE_NAME = new RegExp(`^我们[\u4e00-\u9fa5]{2,3}的(${NAME_CHAR}{4,6}?)(?=[，,。])`);
/** The same before a space (round 274: "我们西充的川香豆瓣 被…"), where what is before 的 is a place ("我们车间的排风设备 …" is none). */
const WE_PLACE_NAME_SPACED = new RegExp(`^我们([\u4e00-\u9fa5]{2,4})的(${NAME_CHAR}{4,6}?)\\s`);
/**
 * "我们是ZeroG Robotics，…", "NovaCell这边…", "我们LumaTech想问…": a Latin brand (with a lower-case letter: not an
 * abbreviation such as ASAP, FYI, PCB), with its trade word when one follows.
 */
const LATIN_NAME = new RegExp(`(?:^|我们是|我们|这边是|这里是|我是|帮|叫|的|[，,。（(])\\s*((?=[A-Za-zÀ-ÿ0-9 -]*[a-z])[A-Z][A-Za-zÀ-ÿ0-9-]+(?: [A-Z][A-Za-zÀ-ÿ0-9-]+){0,3}(?:\\s?${NAME_CHAR}{0,4}?(?:${INDUSTRY}|(?:少儿)?(?:英语|编程|美术|舞蹈|书法|钢琴|口才)))?|[A-Z]{2,6}(?:${INDUSTRY}))(?=这边|那边|这个|准备|今年|想|要|的|在|引进|新|仓库|工厂|厂|门店|办公室|[)）（(]|，|,|。|\\.(?:[\\s，,。]|$)|\\s|$)`, 'g');
/** A Chinese name ending in its trade, then an opening bracket (where its English name follows). */
const CHINESE_NAME_THEN_BRACKET = new RegExp(`${NAME_CHAR}{2}(?:${INDUSTRY})(?:公司)?[（(]\\s*$`);
/** English words that open a message or a sentence, not names. */
const LATIN_NOT_A_NAME = /^(Bom|Boa|Olá|Ola|Obrigado|Obrigada|Salam|Salaam|Assalamu|Marhaba|Namaste|Bonjour|Bonsoir|Salut|Merci|Hallo|Ciao|Hola|Chào|Xin|Cảm|Mwngz|Sabaidee|Sabaidi|Sawasdee|Sawatdee|Sawadee|Mingalaba|Mingalarba|Selamat|Apa|Kabar|Annyeong|Annyeonghaseyo|Konnichiwa|Konichiwa|Privet|Zdravstvuyte|Hi|Hello|Hey|Dear|The|This|That|Thanks|Thank|Sorry|Ok|Okay|Yes|No|Please|Btw|Fyi|Asap|Update|Note|Sir|Boss|Team|Guys|All|We|Our|Us|I|My|Me|You|Your|It|Its|They|Their|He|She|His|Her|Any|Is|Can|Could|Would|Will|Pls|Still|Also|About|Best|Regards|Kind|Br|Good|Morning|Afternoon|Evening|Guten|Moin|TikTok|Shopee|Amazon|Lazada|Temu|Shein|Alibaba|Taobao|WeChat|Douyin|HR|CEO|CFO|COO|CTO|GM|VP)$/i;
/** "速航供应链：货代扣住…": the enterprise signing its message first. */
const HEAD_COLON = new RegExp(`^(?:[^，,：:]{1,6}的)?(${NAME_CHAR}{4,10}?)(?:老板娘|老板|总经理|经理|财务总监|财务|会计|人事|行政|办公室|厂长|董事长|HR|hr)?[：:]`);
/** "龙江齿轮的小孙，…", "三江米业的老王：…": the writer named by the enterprise first. */
const HEAD_PERSON = new RegExp(`^(${NAME_CHAR}{4,8}?)的(?:小|老)[\u4e00-\u9fa5](?=[，,。：:\s])`);
/** "我们是做冷鲜肉的兴隆肉业，…": what the enterprise does, then its name. */
const WE_DO = new RegExp(`(?:^|我们是)(?:做|搞|干|生产|加工)[^，,。]{1,10}?的(${NAME_CHAR}{4,6}?)(?=[，,。\\s]|$)`);
const WE_DO_SHORT = new RegExp(`我们是(?:做|搞|干|生产|加工)[^，,。]{1,10}?的\\s*(${NAME_CHAR}{3})(?=[，,。\\s]|$)`);
const WE_OPEN = new RegExp(`(?:(?:^|[，,。：:\\s卖帮给替让])我们|本公司|敝司|我司)(${NAME_CHAR}{4,8}?)(?=${TIME_AFTER}|${SITE_AFTER}|的|这边|那边|项目|在|跟|想|准备|引进|新建|扩建|拟|外派|租|请|那段|那边|有[两三四五六七八九十几\\d一]|[（(、])`);
/** "我们柳螺记的牌子", "我哋品牌 LUOSIBRO": the enterprise's brand. */
const WE_BRAND = new RegExp(`我们(${NAME_CHAR}{3,6}?)的(?:牌子|品牌|商标|招牌)|(?:我们|我司)的?品牌\\s*([A-Z][A-Za-z0-9]{2,})`);
/** "我们锅盔王这边…, "我们洛牡坊是做牡丹深加工的": a short name where the frame is strong. */
const WE_SHORT = new RegExp(`(?:^|[，,。\\s])我们(${NAME_CHAR}{3,6}?)(?=这边|那边|是做|是搞|是生产|是干|是专门|是[\u4e00-\u9fa5]{2,4}做|做[^，,。]{1,6}的)`);
/**
 * A shop's or a workshop's name of three to five characters by its old suffix (坊, 记, 斋, 阁, 轩), opening the message or
 * after 我们, before what it wants or its brand: "嫁衣坊这边想问", "我们青窑坊想招…", "我们湘味坊的公众号…" (rounds 126–137);
 * 阁, 轩, 堂 after 我们 (a given name ends so: "张浩轩想问下"), its customers or its goods after (rounds 247–253: "俺们翠缘阁想跟职校合作", "俺们豫茗轩的抖音号", "我们艾蒲堂的艾灸贴",
 * "我们宛艾坊客户突然加单", "我们晋味坊的黄花酱") — not a canteen, a hall or a temple (食堂, 礼堂, 观音堂), nor one's child or
 * village (我们家子轩, 我们村观音堂); a workshop, 书记, 登记 are set aside after the match.
 */
const SHOP_WORDS = '食堂|礼堂|课堂|学堂|祠堂|会堂|讲堂|天堂|佛堂|澡堂|厅堂|观音堂|庙堂';
const SHOP_NAMED = new RegExp(`(?:(?:^|[，,。\\s])(?:我们)?([\u4e00-\u9fa5]{2,4}(?:坊|记|斋))|我们(?![家村])((?![\u4e00-\u9fa5]{0,3}(?:${SHOP_WORDS}))[\u4e00-\u9fa5]{2,4}(?:阁|轩|堂)))(?=这边|那边|想|要|客户|订单|的(?:公众号|牌子|品牌|商标|招牌|门店|网店|店铺|直播间|产品|抖音|快手|小红书|[\u4e00-\u9fa5]{1,3}(?:贴|条|酱|茶|酒|膏|丸|油|粉|饼|糕|醋|香)))`);
/** "草原金牧问下…", "黑土优品想参加…", "走访包头华瑞铝业时…", "走访时济南金鹏纸业反映…": a name asking, or visited. */
const HEAD_ASKS = new RegExp(`^(${NAME_CHAR}{4,8}?)(?:这边|那边)?(?:问下|问一下|想问|想咨询|咨询一下|请教|想(?:进|参加|加入|申请|搞|在|把|请|找|办|做|开|建|上|租|拿|招|引进|扩|去|了解|咨询|对接|换|装|新增|增加|新上))`);
/** "我们做汽车线束的，叫联创电装", "叫MindLoop": the name given. */
const CALLED = new RegExp(`(?:叫|名叫|名字叫)\\s*([A-Z][A-Za-z0-9]+|${NAME_CHAR}{2,8}?)(?=[，,。.！!？?\\s]|$)`);
const VISITED = new RegExp(`走访(?:中了解[，,：:]?|中|了|时|期间|过程中)?(?:${NAME_CHAR}{2,6}[村镇乡区县]的)?(${NAME_CHAR}{4,12}?)(?:时|期间|过程中|反映|提出|了解到|中|[，,：:])`);
/** At the head only a plain time follows a name ("大漠星河营地去年建的"): "…完工后一直" is a clause, not a name. */
const HEAD_TIME = new RegExp(`^(${NAME_CHAR}{5,8}?)(?=上周|上个?月|去年|今年|前年)`);

/**
 * Whether a candidate from an open frame has the shape of a proper name plus a trade (4 to 8 characters): not a
 * body, person, place or generic thing, and holding no problem word of the category lexicon ("用电扩容", "稳岗返还"),
 * which a brand and its trade seldom do.
 */
function isOpenName(name: string): boolean {
  return (
    name.length >= 4 &&
    // ("我们founder想…": an English word of the sentence, not a brand)
    !/^[a-z]+$/.test(name) &&
    !SENTENCE_CHAR.test(name) &&
    !NOT_A_NAME_AT_HEAD.test(name) &&
    !PERSON_AT_END.test(name) &&
    !/(企业|公司|厂家|单位|部门|政府|管委会|街道|社区|大户)/.test(name) &&
    !isPlaceOrThing(name) &&
    !placesOnly(name) &&
    !BRAND_IS_TRADE.test(name) &&
    !OPEN_NOT_BRAND.test(name) &&
    !SITE_AT_END.test(name) &&
    !/[厂店场].+/.test(name) &&
    // "南康几家": some enterprises, not one; "多肉今年量大": a time inside, a sentence (round 274's spaced names: "我们西充的川香豆瓣 被…")
    !/几家|几个|一些|多家|今年|今天|去年|明年|现在|最近/.test(name) &&
    // "代办员反映", "HR小陈", "财务老王": a cadre reporting, a person by role and surname
    !/(反映|反应|汇报|报告|报送|来电|留言|注意|提醒)$/.test(name) &&
    !/(?:^(?:HR|hr)|[小老][\u4e00-\u9fa5]$)/.test(name) &&
    // "我们家老头子去年评的…": one's family, not a business
    !/^家[老小里人]|老头子|老爷子|老太|老婆|老公|爱人|孩子|儿子|女儿|媳妇/.test(name) &&
    // "我们胡椒合作社": a kind of cooperative, not one (a registered one has a name of its own before it)
    !/^[\u4e00-\u9fa5]{1,3}(专业|种植|养殖)?合作社$/.test(name) &&
    !holdsLexiconPhrase(name)
  );
}

/** A city, perhaps with its district after it, and nothing else ("日照岚山", "长沙"): a place, not a name. */
function placesOnly(name: string): boolean {
  const city = placeAtStart(name);
  if (!city) return false;
  const rest = name.slice(city.length);
  return rest === '' || placeAtStart(rest) === rest;
}

/**
 * Where an enterprise is, said before its name: a place or a zone by its own word ("高新区", "安塞", "盐边县红格镇"), or a
 * city and the part of it ("德昌县城北").
 */
function placeOrZone(x: string): boolean {
  if (/(?:区|县|市|镇|旗|乡)$/.test(x) || placesOnly(x)) return true;
  const city = placeAtStart(x);
  return !!city && /^(?:城[东南西北]|[东南西北](?:边|郊))$/.test(x.slice(city.length));
}

/** An open name starts with its brand: not with a trade or a kind of work ("食品车间", "生产车间", "办公大楼"). */
const OPEN_NOT_BRAND = new RegExp(`^(?:${INDUSTRY}|生产|加工|办公|员工|职工|污水|消防|安全|仓储|配套|经营|运营|销售|管理|发展)`);
/** Parts of a site, not a business ("文化广场", "光伏电站", "二号车间"). */
const SITE_AT_END = /(?:新厂|老厂|分厂|车间|广场|电站|大厅|大楼|宿舍|食堂|仓库|厂房|楼|馆|门|路|桥|库|房|间|池|塔|线|站|所|点|口|室)$/;

/**
 * Places, facilities and generic things that take a name's place in the frames ("物流园三期", "风电场二期",
 * "景区游客中心", "省重点项目"): a short generic word plus a facility, a district word at the head, a project's rank
 * or review.
 */
const ZONE_THEN_NAME = new RegExp(`^(?:港区|新区|城区)[\\u4e00-\\u9fa5]{2,4}(?:${INDUSTRY})$`);
function isPlaceOrThing(name: string): boolean {
  if (/^[\u4e00-\u9fa5]{1,2}(?:园|场|站|港|基地|中心)$/.test(name)) return true;
  // round 244: "红果开发区这边的公交车…": a development zone is a place
  if (/(?:开发区|经开区|高新区|保税区|工业集中区)$/.test(name)) return true;
  // (a zone's short name before a brand and its trade is the enterprise's own: "港区华睿电子", "新区鸿泰精密")
  if (/^(?:景区|园区|厂区|社区|小区|校区|矿区|港区|新区|城区|开发区|产业园|工业园|[省市县区镇乡村](?:级|重点|里|属))/.test(name) && !ZONE_THEN_NAME.test(name)) return true;
  return /(?:(?:重点|示范)项目|评审|评估|验收)/.test(name) && !/(?:有限公司|集团)$/.test(name);
}
/**
 * A "name" whose brand is itself a trade word ("环保检测", "智能制造"): a kind of business, not one business, where only
 * the trade words say it is a name (a self-introduction, "我们是精工模具", still names one).
 */
const BRAND_IS_TRADE = new RegExp(`^(?:${INDUSTRY})(?:${INDUSTRY})$`);
/** The trade words a name ends with. */
const TRADE_AT_END = new RegExp(`(?:${INDUSTRY})+$`);

/** What kind of enterprise it is, written before its name ("台资企业鸿镒精密"): not part of the name. */
const KIND_BEFORE = /^(?:台商(?:公司|企业)|(?:[台外港澳日韩美德欧侨]资|民营|国有|合资|独资|中外合资|外商独资|辖区|区内|园区|(?:韩国|日本|美国|德国|法国|新加坡|香港|台湾|外商)(?:独资|合资|投资))企业|签约项目|来电人系|来电人|其在|影响|村(?!田)里?)(?=[\u4e00-\u9fa5]{4,})/;

/**
 * A 12345 office's or a 街道's relay names the enterprise by its role in the case: "辖区企业安泰消防器材有限公司反映",
 * "来电人系和润酒店经理", "其经营的康和大药房申请…", "承建方宏达劳务拖欠…", "旁边蓝天建设承建的…".
 */
const RELAY_NAMED = new RegExp(
  `(?:辖区内?(?:企业)?|[（(](?:建设单位|施工单位|施工方|业主单位)|来电人系|(?<![关体联])系|其经营的|其开的|承建方|施工方|(?:个体工商户|个体户)[（(]|旁边的?|位于[^，。；]{2,16}?的|反映[，,](?:旁边的?)?)([^\\s，,。：:；;（）()、]{2,14}?(?:有限公司)?)(?=反映|的|经理|员工|举办者|施工|承建|拖欠|仓库|从|[（(）)]|那个|晚上|门口|申请|个体|售楼部)`,
  'g',
);
const RELAYED = /(12345|来电人|转办|辖区|街道(?:转|报|反映)|建设单位|施工方|承建方)/;

/** A brand of two or more characters, then a trade word (what it makes may follow). */
const BRAND_THEN_TRADE = new RegExp(`^[\u4e00-\u9fa5]{2,4}?(?:${INDUSTRY})`);
/**
 * The name after its city (`name`; its district, if any, taken off too: `own`) has a brand and a trade, what it makes
 * perhaps after them ("金桥钢材加工", "雨花精密焊接"), or a brand rare in the reports; the brand and trade no thing of the problem.
 */
function headNameCoreOk(name: string, own: string): boolean {
  const core = BRAND_THEN_TRADE.exec(name)?.[0] ?? BRAND_THEN_TRADE.exec(own)?.[0];
  return core ? tradeNameOk(core) : gramCount(own.slice(0, 2)) < BRAND_MAX_COUNT && tradeNameOk(own);
}
/** The first words of a message: a name with its county or city, before what it does. */
const HEAD_PLACED = /^([\u4e00-\u9fa5]{4,14}?)(?=的|要|想|这边|那边|反映|急需|[\s，,])/;
/** A public office or a public place, however its name begins ("晋江市场监管所", "仙游派出所"). */
const PUBLIC_OFFICE_END = /(派出所|监管所|管理所|税务所|司法所|供电所|财政所|国土所|规划所|局|(?<!加油|充电|服务|换电|收购)站|委|办|政府|法院|检察院|医院|学校|中心)$/;
/** What a name of a site or a building ends with, not an enterprise's. */
const SITE_END = /(宿舍|[猪牛羊鸡鸭]舍|员工|厂房|车间|仓库|工地|项目|新厂|分厂|研发中心)/;
/** "蜀南竹海旁边的竹韵山庄，", "科创园里的鑫达线缆，": where it is, 的, then the name, at the head (round 95). */
const HEAD_NEAR_OF = /^([\u4e00-\u9fa5]{2,8}?(?:旁边|边上|附近|对面|脚下|江边|湖边|河边|园里|区里|公园边|寺边|湖畔|江畔|河畔|山脚下?))的([\u4e00-\u9fa5]{3,10}?)(?=[，,\s]|今天|昨天|这边)/;
/** A place, 这边, then the name with its trade, closed by a pause (round 100). */
const PLACE_HERE_TRADE = new RegExp(`^([\u4e00-\u9fa5]{2,4})这边(${NAME_CHAR}{2,6}?(?:${INDUSTRY}))(?=[，,\\s]|想|要|反映|问|[一二三四五]期|的(?!人|路|地|村))`);
/** 我们, a place, 的, then the name with its trade, before what it does (round 101; 做, 申请, 被 … rounds 132–135). */
const WE_PLACE_TRADE = new RegExp(`(?:^|[，,。\\s])我们([\u4e00-\u9fa5]{2,3})的(${NAME_CHAR}{2,6}?(?:${INDUSTRY})+)(?=[，,。\\s]|等|要|想|在|已|今年|去年|上个?月|接了|的|这边|那边|做(?!好|完|了)|申请|准备|打算|被|到了|[\u4e00-\u9fa5]{0,2}(?:车间|厂房|厂区|工地|仓库|码头|门口))`);
/** A place, 的, then a name, opening the message. */
const HEAD_PLACE_OF = /^([\u4e00-\u9fa5]{2,8}?)的((?![几多]家|一些)[\u4e00-\u9fa5]{2,10}?)(?=的|新|老厂|要|想|下个?|这边|今天|昨天|今早|昨晚|做了|在|准备|打算|申请|被|到了|缺(?!少)|招不|反映|急需|[，,\s])/;
/** What the enterprise is (or does: "我们做铜工艺品的，瑞昌铜韵坊，"), then its name between commas. */
const WHAT_THEN_NAME = /(?:我们是|我是|我开|我们开|我们做)[^，,。\s]{1,12}(?:的|公司|店|厂|机构)[，,]\s*([\u4e00-\u9fa5]{3,10})[，,]/;

/**
 * The length of a place that opens the message before a space — a village (`石坝村`, `柳树湾村这边`), or a known city
 * with a district of its own (`营口鲅鱼圈`, `大连金普`; not `曲阳石韵雕塑`, a name) — or 0.
 */
function placeOpening(t: string): number {
  // (round 178: "我们蕉岭广福 富硒米业 申请…", "我哋係平远差干镇 山哈果园，…": 我们 or 我是 before the place; round 193: a
  // township of three characters or a village, a stockade or a town after the county, "理县米亚罗 彩林温泉山庄 …",
  // "理县甘堡藏寨 嘉绒人家民宿 …", and 我们 glued to the name after it, "阿坝县 我们曲登青稞酒厂 锅炉改电以后 …")
  const head = /^(?:我们是?|我是)?([\u4e00-\u9fa5]{1,8})(?:这边|那边)?\s+(?=\S)/.exec(t);
  if (!head) return 0;
  const words = head[1]!;
  if (/^[\u4e00-\u9fa5]{1,5}村$/.test(words)) return head[0].length;
  const place = placeAtStart(words);
  const district = place ? words.slice(place.length) : '';
  const placed = place && (district.length <= 3 || (district.length <= 4 && /(区|县|镇|乡|圈|港|寨|村|城)$/.test(district)));
  return placed && !/这边|那边/.test(head[0]) && !TRADE_NAME_END.test(words) && !KIND_END.test(words) ? head[0].length : 0;
}

/** The enterprise a report is about, or null when the text names none. */
/**
 * Rounds 110–127: a cadre carrying an enterprise's matter names it after 替 or 帮, then what is done for it ("替楚峡新材料在跑
 * 施工许可", "在帮鹭岛茶庄跑仓库的规划许可", "帮和孚镇的菱湖鱼乐生态农业办环评", "小何帮 兴文县石海包装 报一下").
 */
const ON_BEHALF = new RegExp(`(?:替|(?<!请|麻烦)帮)\\s*(?:[\u4e00-\u9fa5]{2,6}?(?:镇|县|区|乡|街道)的)?(${NAME_CHAR}{3,14}?)\\s*(?:[（(][^）)]{1,12}[）)])?\\s*(?:在)?(?:跑|办|报|反映|申请|问|催|盯|咨询)`);
function onBehalf(t: string): string | null {
  const name = ON_BEHALF.exec(t)?.[1];
  // (a person carried for is no enterprise: "帮欧阳振华办一下落户")
  if (!name || /^(忙|着|一下|下)/.test(name) || PERSON_NAMED.test(name) || /^(欧阳|司马|诸葛|上官|东方|慕容|令狐|夏侯|皇甫|尉迟|公孙)[\u4e00-\u9fa5]{1,2}$/.test(name) || SENTENCE_CHAR.test(name) || isPlaceOrThing(name) || PUBLIC_OFFICE_END.test(name) || SITE_END.test(name)) return null;
  return (TRADE_NAME_END.test(name) && tradeNameOk(name)) || KIND_END.test(name) || (isOpenName(name) && rare(name.slice(0, 2))) ? name : null;
}
/** A cadre's team or office at the head, the one writing, not the enterprise ("专班代报：", "我是远安县嫘祖镇专班的"). */
const WRITER_UNIT = /(专班|代报|专班代报|投促局|招商局)$/;

/** One of a kind, not a name: "揭阳空港一间五金厂", "广东一家连锁超市". */
const ONE_OF_A_KIND = /^[\u4e00-\u9fa5]{0,8}?(?<![合统唯精万第])一[间家个]小?[\u4e00-\u9fa5]{1,6}$/;

/** A place or zone, then a middle dot, where a name is signed (the place is group 1). */
const PLACE_DOT = /(?<=^|[\s，,。！!？?—–-])([\u4e00-\u9fa5]{2,6})·(?=[\u4e00-\u9fa5])/g;
/**
 * Trades named by one product (rounds 300–311: switches, lighters, pumps and valves …): what stands before the product
 * must be a brand, not a kind of it ("空气开关", "防风打火机", "非标泵阀", "新款打火机", "揉捻茶机") nor a place alone ("浙江开关",
 * "经开区泵阀"); and a trade's body is no enterprise ("永嘉泵阀协会"). Found by a review of those words.
 */
const PRODUCT_TRADE = /(?:开关|烟具|泵阀|打火机|带锯|木玩|炭品|剑业|密封件|流体|茶机|金具|车辆部件)(?:厂|公司|有限公司)?$/;
const KIND_BEFORE_PRODUCT = /(?:[款型式用制产标档压控气电童口买离青捻条烟封胶闸形旧空温级生路盖油弧动统架]|防风|手工|老板|我们|全部|部分|所有|这些|那些|几家|本地|外地)$/;
function productNameOk(name: string, text: string): boolean {
  const product = PRODUCT_TRADE.exec(name);
  if (!product) return true;
  const before = name.slice(0, product.index);
  const own = before.slice(placeAtStart(before)?.length ?? 0).replace(/^[\u4e00-\u9fa5]{0,4}?(?:经开区|高新区|开发区|工业区|工业园|园区|新区)内?|^[县市区]/, '');
  // (a place alone is the brand of a registered firm, "三江泵阀厂", "东风泵阀有限公司", or of one that names itself so,
  // "嘉禾茶机这边…"; not of a place's trade, "浙江开关 用工难", "上海泵阀 来温州设厂")
  const at = text.indexOf(name);
  const after = at < 0 ? '' : text.slice(at + name.length);
  const brand = own.length >= 2 ? own : before.length >= 2 && (/(?:厂|公司)$/.test(name) || /^\s*(?:这边|那边|这里|的)/.test(after)) ? before : '';
  if (!brand || KIND_BEFORE_PRODUCT.test(brand)) return false;
  return !/^(?:协会|商会|行业|分会|产业|企业|厂家|市场|城|园)/.test(after);
}

const WE_HERE_ARE = /(?<=^|[，,。！!？?\s])(我们|我司)(?:这边|这里|这儿)是(?=[\u4e00-\u9fa5A-Za-z]{2})(?![^，,。！!？?\s]*(?:哪|什么|啥|吗|呢|[？?]))/;
/**
 * Not a name: the other party after 我们 and a word of "with" ("我们和保利物业的物业费合同", "我们与绿城物业的纠纷"), or
 * the company's own department ("我们公司物业经理说…"): found by the review of the forty-ninth session once 物业 was a trade.
 */
const WITH_PARTY = /^(?:与[\u4e00-\u9fa5]{3}|[和跟同][\u4e00-\u9fa5]{3,}(?=$))/;
const OTHER_PARTY_AFTER = /^的?(?:物业费|合同|纠纷|合作|官司|矛盾|之间|因为|打官司|谈|签|协议|争议|扯皮|闹|一起|都|两家|是|共用|协商|交涉|说过|也|货款|运输|租赁)/;
function notWithOrOwn(name: string, text: string): boolean {
  const at = text.indexOf(name);
  if (at < 1 || !/(?:们|我司)$/.test(text.slice(0, at))) return true;
  if (/^公司/.test(name) && name.length <= 4) return false;
  return !(WITH_PARTY.test(name) && (name.startsWith('与') || OTHER_PARTY_AFTER.test(text.slice(at + name.length))));
}

export function parseEnterprise(text: string): string | null {
  const name = parseEnterpriseUnchecked(text);
  // (a trade and 厂 alone, "家纺厂想在楼顶装光伏", "织布厂…": what kind of works it is, no name of one — the name may
  // follow: "…的，灯饰厂，叫光年照明")
  if (name && TRADE_WORKS.test(name)) return parseEnterprise(text.replace(name, ''));
  if (name) return productNameOk(name, text) && notWithOrOwn(name, text) ? name : null;
  // (round 310: "咱这边是济南高新区的擎天软件，…": 这边 between 我们 and 是 says no more than "我们是", where a business is
  // named so — not "我们这边是路灯不亮", "咱这边是老厂房")
  if (!WE_HERE_ARE.test(text)) return null;
  const named = parseEnterpriseUnchecked(text.replace(WE_HERE_ARE, '$1是'));
  return named && isBusinessName(named) && productNameOk(named, text) ? named : null;
}

const TRADE_WORKS = new RegExp(`^(?:${INDUSTRY})厂$`);
/** A name that says it is a business: its trade, its kind, or its registered form ("擎天软件", "卓克基土司酒店", "…有限公司"). */
export function isBusinessName(name: string): boolean {
  return (TRADE_NAME_END.test(name) || KIND_END.test(name) || /(有限公司|有限责任公司|集团)$/.test(name)) && !PUBLIC_BODY.test(name);
}
/** Public utilities and offices, which a report names as the party it waits on, never as itself. */
const PUBLIC_BODY = /(供电|电力公司|国网|燃气公司|水务|自来水|热力公司|电信|移动|联通|政府|街道|管委会|局|办|所|站)$|^(供电|国网|燃气|水务|电信|移动|联通)/;
function parseEnterpriseUnchecked(text: string): string | null {
  // ("@店小二 洱海月湾精品酒店 改扩建的…": whom the message calls on, before it, is not part of it)
  // (round 140: "代办员：吉首经开区的湘西华锰电池材料，…": the cadre who relays it, before what is relayed; "湘西州保靖县的 酉水人家土菜馆 想…":
  // a space after a place and 的)
  // (round 280: "高新区·榆林鼎泰置业", "安塞·巧娘剪纸工作室": a place or zone and a middle dot before the name signed; not a
  // guesthouse's own two parts, "溪畔·半日闲民宿")
  const spaced = text.replace(LEADING_MENTIONS, '').replace(RELAYED_BY_CADRE, '').replace(PLACE_DOT, (dot, place: string) => (placeOrZone(place) ? '' : dot));
  const t = spaced.includes('的 ') ? spaced.replace(PLACE_OF_SPACE, '') : spaced;
  const behalf = onBehalf(t);
  if (behalf) return behalf;
  // ("急！宁乡金洲结构件 银行续贷…": haste cried out first is not the opening the name rules read)
  const hasteAt = HASTE_FIRST.exec(t)?.[0].length ?? 0;
  // ("俺们这个绿丰蔬菜合作社": the measure word before the name is not the name's)
  // ("‼️麻辣江湖食品郫都厂区…": a sign before the name is not the name's)
  // (round 237: "广东一家连锁超市想要我们的长粒香 …。宝清县稻花香米业": one of a kind read first is no name; the name closing
  // the message may be)
  const first = readEnterprise(hasteAt ? t.slice(hasteAt) : t);
  // (rounds 247–253: "你好，松溪的百竹坊，…", "歹势打扰一下，霞浦那边海兴水产想问": nor a greeting, where the whole text
  // gives none)
  const greetedAt = hasteAt ? 0 : (GREETING_FIRST.exec(t)?.[0].length ?? 0);
  const read = (first && ONE_OF_A_KIND.test(first) ? null : first) ?? closingName(t) ?? headName(t) ?? leadingName(t) ?? (greetedAt ? readEnterprise(t.slice(greetedAt)) : null);
  const name = (read && withoutZone(read))?.replace(/^[\p{Extended_Pictographic}\uFE0F]+/u, '').replace(/^(?:这个|那个|个(?!旧))(?=[\u4e00-\u9fa5]{4,})/, '').replace(/^【(?=[^】]+$)/, '')
    // ("平遥古城里头德和源客栈": where it stands, before the name)
    .replace(/^[\u4e00-\u9fa5]{2,6}?(?:里头|里面)(?=[\u4e00-\u9fa5]{4,}$)/, '').replace(/(?<=幼儿园|医院|学校|养老院|护理院|超市|托育|会所)(?:材料|资料|设备)$/, '')
    // ("张记牛肉面城关店": a shop's branch after its name with its trade)
    .replace(BRANCH_AFTER_TRADE, '')
    // ("…公司叫海洋之心水產": the words that say it is the name)
    // (round 140: "…深加工企业 叫峒河果业 想…": the word that says it is called, read with the name; round 296: "…新厂，名叫侨联五金制品")
    .replace(/^(?:(?:公司|企业|店|厂)名?(?:叫|是)|(?:名字?)?叫(?=[^\s]{4,}))(?=[^\s]{2,})/, '')
    // (rounds 247–253: "我们是新宁锂电甲方代表": the writer's role or office after a name by its trade)
    .replace(ROLE_AFTER_TRADE, '')
    // (rounds 254–257: "我们是高新区白洋那边楚天磷化的": where it is, said with 那边, before the name)
    .replace(/^[\u4e00-\u9fa5]{2,4}(?:那边|这边)(?=[\u4e00-\u9fa5]{4,}$)/, '')
    // (round 284: "我们吉克彝家乐新开张想招…": its opening is news, not its name)
    .replace(/(?<=[\u4e00-\u9fa5]{3})(?:新开张|新开业|刚开张|刚开业)$/, '')
    // (round 276: "昌乐蓝晶光电二期 人防审查…": the project's phase after the name is the project's, never the name's)
    .replace(/(?<=[\u4e00-\u9fa5]{4})[一二三四五六七八九十]期(?!货).*$/, '');
  // a chamber of commerce, an association or a park speaks for many enterprises, none of them by name; a government's
  // financing vehicle ("政府平台公司欠我们工程款") is the one owing, not the one reporting
  // ("平遥古城里开客栈的，": where one runs what kind of business, no name)
  // ("-- 代办员蔡记录": a cadre signing; "揭阳空港一间五金厂": one of a kind, not a name)
  // (round 152: "越南有个超市集团想跟我们谈…。田东金穗芒果": someone there is, said, is no name; the signature may be)
  // (not inside a registered name: "佛山市尚有家居有限公司", "广州有个性服饰有限公司")
  if (name && /有(?:个|一个|一家)(?=[\u4e00-\u9fa5]{2})/.test(name) && !/(有限公司|有限责任公司|股份公司)$/.test(name)) return signedBy(t);
  // (the goods or the line of business itself, a kind of it before a trade word: rounds 219–224's 散装坚果, 野生茶油, 桶装饮用水,
  // 废旧再生资源; rounds 324–334's 电动牙刷, 国产变速器, 主营衡器, 远程电控, 定制毛绒 — the review's cases)
  if (name && GOODS_ALONE.test(name)) return null;
  // (round 280: "…风一刮满天飞 ——府谷县新民镇": a county's town is a place, no enterprise; the name may be read beside it,
  // the county said alone before it, "我们隆德县沙塘镇的德顺药材加工厂…")
  // (a town's own name is two characters or more: "昭觉荞乡" is a brand, 荞 its buckwheat)
  const town = name && /^[\u4e00-\u9fa5]{2,8}(镇|乡|街道)$/.test(name) ? placeAtStart(name) : null;
  const county = town && name!.length - town.length - (name!.endsWith('街道') ? 2 : 1) >= 2 ? town : null;
  if (county) {
    const beside = parseEnterprise(t.replace(name!, county));
    return beside && beside !== county ? beside : null;
  }
  // (round 284: "…，希望环保下周二前来查一下": what is asked of an office, no name)
  // (round 286: "我们是做海参育苗的小厂子": a kind of business, said small, no name)
  // (the forty-seventh session's review: a clause's first word, "我们是襄阳的 由于物流成本高", or 好 and a verb, "…我们好准备材料",
  // opens no name)
  if (!name || CLAUSE_OPENER.test(name) || SO_THAT_WE.test(name) || /(商会|协会|联合会|园区)$/.test(name) || (/^(希望|麻烦|恳请|建议|要求|请求)/.test(name) && /^(下周|明天|今天|后天|尽快|马上|赶紧|来|去|帮|能|给|派|出面|协调|抓紧)/.test(t.slice(t.indexOf(name) + name.length))) || (/^(麻烦|恳请|建议|要求|请求)/.test(name)) || /^[小大老新]?(厂子|厂|公司|企业|作坊|店子|门店)$/.test(name) || WRITER_UNIT.test(name) || /^(代办员|服务专员|项目专员|网格员)/.test(name) || ONE_OF_A_KIND.test(name) || /^[\u4e00-\u9fa5]{2,8}[里上边]开[\u4e00-\u9fa5]{1,4}$/.test(name) || /^(政府|城投|国有|区属|县属|市属)?平台公司$/.test(name)) return null;
  const i = t.indexOf(name);
  // what follows the name in the message (null: the name was cut out of its words)
  const after = i >= 0 ? t.slice(i + name.length) : null;
  // (round 266: "我系东兴中越商贸城入面嘅阿芳越南咖啡": where it is, inside a market, then 的 and the name; without 的 the
  // signature may name it, "耀州瓷博物馆旁边 我们想开个体验馆 … 耀州 瓷源堂文化")
  if (after !== null && /(里面|里头|入面|附近|旁边|对面)$/.test(name)) {
    const inside = PLACE_THEN_NAME.exec(after)?.[0].slice(1);
    return inside && (isOpenName(inside) || (TRADE_NAME_END.test(inside) && tradeNameOk(inside))) ? inside : signedBy(t);
  }
  // (rounds 129–217: "涟钢配套的宏达耐材，…", "车辆厂配套这块 我们龙沙铁驰焊接…", "-- 三一配套 娄底精工液压": whose supplier it is,
  // then its name, read right after; a ship or heavy-industry supplier's own name in 配套 stays: "泰州天鸿船舶配套 新车间…")
  if (after !== null && name.endsWith('配套') && !/(船舶|船|重工|重装)配套$/.test(name)) {
    const rest = after.replace(/^(?:的|这块|这边|那边)?[，,\s]*(?:我们|俺们)?/, '');
    const next = rest.length < after.length || /^[，,\s]/.test(after) ? parseEnterprise(rest) : null;
    if (next && rest.indexOf(next) === 0) return next;
  }
  // (round 153: "个旧锡业那边欠我们的维修款…。鸡街恒达机修": the one owing the writer is not the writer; the signature may be)
  if (after !== null && /^(?:那边|这边)?(?:一直)?(?:拖欠|欠)(?:我们|我司|我)/.test(after)) return signedBy(t);
  // (round 262: "我们是正阳的花生加工厂，正阳县宏运花生制品有限公司，…": a kind of business, then its registered name beside it)
  const registered = after !== null && !/有限(责任)?公司$/.test(name) ? /^[，,]\s*([\u4e00-\u9fa5（）()]{4,30}有限(?:责任)?公司)(?=[，,。\s]|$)/.exec(after)?.[1] : undefined;
  if (registered && !/^(?:隔壁|旁边|对面|附近)|是|的/.test(registered.replace(/有限(?:责任)?公司$/, ''))) return registered;
  // ("海拉尔奶茶一条街", "东宁大酱节", "个旧锡冶行业", "恩施贡茶采摘期": a street, a fair, a trade or a season of a place's
  // produce, no enterprise)
  if (after !== null && /^(?:一条街|行业|产业(?!园)|节(?![能约省点日后前])|采摘期)/.test(after)) return null;
  // "德化陶瓷园区的公厕…": the name of a park, read without its 园区
  // (a park named by a brand, "汇峰电子园区那段排水沟", is the brand's: only a place and a trade, or 产业园, name a park)
  // ("信丰电子信息产业园三期": a park named by its trades after the brand)
  const parkAfter = after !== null ? /^(?:(?:信息|科技|智能|数字)?产业园|工业园|科技园|开发区|园区)/.exec(after)?.[0] : undefined;
  if (parkAfter && (parkAfter !== '园区' || TRADE_ALONE.test(name.slice(placeAtStart(name)?.length ?? name.length)))) return null;
  // "我们是新开的早餐店", "我们是紫云的一个蔬菜合作社", "我们是今年新注册的跨境电商": a kind of business said of oneself, no name
  // (a brand after it is still a name: "我们是新开的鑫源火锅店")
  const kindOnly = name.replace(/(?:专业|种植|养殖)?合作社$|[店厂馆铺坊]$/, '');
  const saidAsKind = i > 0 && KIND_SAID.test(t.slice(Math.max(0, i - 5), i));
  // (round 157: "我们是个尕车队": one small fleet, no name)
  if (/^(一个|一家|一间|个(?!旧))/.test(name) || (saidAsKind && (kindOnly.length <= 3 || BRAND_IS_TRADE.test(kindOnly) || TRADE_ALONE.test(kindOnly)))) return null;
  // "我们沈阳北方电缆厂几十年的老厂", "我们鑫源火锅店天然气…": a name read up to its trade, with the 厂 or 店 that closes it
  // (and with what it does before the 厂: "云雾山茶叶加工厂", "丰收农机维修厂", "绿丰蔬菜合作社"; not its members after it,
  // "丰润红枣合作社社员好几百户", round 290)
  const kind = after !== null ? /^(?:加工厂|维修厂|加工坊|制品厂|专业合作社|合作社|厂|店|坊|场|社(?!员)|铺)(?![房区长里门子内外家主方地保商景])/.exec(after)?.[0] : undefined;
  if (kind && (TRADE_NAME_END.test(name) || name.length >= 3)) return name + kind;
  // "金沙县酒乡人酒业有限责任公司": a registered name read without its form
  const form = after !== null && TRADE_NAME_END.test(name) ? /^(?:股份有限公司|有限责任公司|有限公司)/.exec(after)?.[0] : undefined;
  // "黔茶集团湄潭分公司": a group's branch, named by its place
  const branch = after !== null && /集团$/.test(name) ? /^[\u4e00-\u9fa5]{2,4}?分公司/.exec(after)?.[0] : undefined;
  if (branch) return name + branch;
  return form ? name + form : name;
}

/** 我们, the name, then 是做 / 是一家 and what it does (round 137: "我们茶小满是做奶茶连锁的"). */
const WE_NAME_DOES = /(?:^|[，,。！!\s])我们((?:(?![我你他她这那的是在有和与跟被把给对也都还就又不没很])[\u4e00-\u9fa5]){2,8}?)是(?:做|搞|开|一家|家)/;
/** What 我们 … 是做 holds that is no name: the enterprise by its kind, a place in it, people, a time or a manner. */
const NOT_DOES_NAME = /^(?:公司|厂|工厂|企业|单位|店|门店|团队|项目|老板|现在|目前|主要|自己|本地|当地|几个|两家|一直|原来|以前|之前|本来|其实|专门|主营|一般)|(?:公司|厂|企业|单位|店|团队|项目|作坊|小微|这边|那边|这里|那里|本身|主要|专门|原来)$|两口|俩|全家|家族|开始|部分|大家|几个|一家|之前|以前|最早|^老[\u4e00-\u9fa5]$/;
/** 我们(是)…, then 叫 and the name between commas. */
const WE_ARE_CALLED = /(?:我们|我司|我們)[^。！？!?，,]{0,24}[，,]\s*(?:名字|公司名|店名)?叫(?![了人我你他她来去])(?:做)?\s*([A-Z][^，,。！？!?]{1,24}?(?=[，,。！!？?]|$)|[^\s，,。！？!?「」“”]{2,12}(?=[，,。！!？?\s]|$))/;
/** Where the enterprise is, opening the message, then 我们 (the name follows). */
const PLACE_THEN_WE = /^((?:(?![的我])[\u4e00-\u9fa5]){2,10}?|[A-Z][a-z]+(?=这边|那边))(?:这边|那边|附近)?[，,\s]*(?=我们)/;
/**
 * A branch (two or three characters and 店) after a name that ends in its trade. (The cheap look ahead first: V8 tries the
 * pattern at every position of the name, and the trade words behind it cost the most.)
 */
const BRANCH_AFTER_TRADE = new RegExp(`(?=[\\u4e00-\\u9fa5]{2,3}店$)(?<=[\\u4e00-\\u9fa5]{2}(?:${INDUSTRY}))(?!(?:${INDUSTRY}|维修|美容|批发|零售|连锁|精品|便利|夜宵|建材|专卖|旗舰|体验|直营|加盟|形象|快餐|小吃|特产|专营)店$)[\\u4e00-\\u9fa5]{2,3}店$`);
/** Parks named by what is in them (round 152: 物流园); a registered name they open keeps them. */
const NAMED_PARK = '(?:物流|科技|创业|软件)园';
const NAMED_PARK_END = new RegExp(`${NAMED_PARK}$`);
/** A park or zone (a place before it) opening a name that ends in its trade: where it stands, not its name. */
const ZONE_BEFORE_NAME = new RegExp(`^[\\u4e00-\\u9fa5]{0,4}?(?:高新区|经开区|开发区|工业园区|工业园|产业园|${NAMED_PARK}(?!区)|园区)(?=[\\u4e00-\\u9fa5]{4,}$)(?=[\\u4e00-\\u9fa5]{2,6}?(?:(?:${INDUSTRY})(?:${INDUSTRY})?(?:公司)?|公司)$)`);
/**
 * The name without the park it stands in (round 142: "锦界园区宏远兰炭的…", "榆林经开区天汇新能源的，…"), where what follows
 * the park is a brand and its trade (not a trade alone: "大同经开区航空零部件项目" names a project).
 */
function withoutZone(name: string): string {
  const zone = ZONE_BEFORE_NAME.exec(name)?.[0];
  if (!zone) return name;
  // (a measure word left before the name, "产业园个丰源经编", is taken off with the others after this)
  const rest = name.slice(zone.length);
  // (a park's own company, "鑫航物流园区开发有限公司", keeps its park)
  // (nor a registered name a park of these kinds opens: "南京软件园科技发展有限公司", "苏州物流园仓储有限公司")
  if (NAMED_PARK_END.test(zone) && /公司$/.test(name)) return name;
  return TRADE_ALONE.test(rest) || BRAND_IS_TRADE.test(rest) || /^(?:开发|运营|管理|建设|投资|发展|服务|城投|国投|平台)/.test(rest) ? name : rest;
}
/** A cadre's role and a colon opening the message: the one who relays it. */
const RELAYED_BY_CADRE = /^(?:代办员|服务专员|项目专员|网格员)[\u4e00-\u9fa5]{0,3}[：:]\s*/;
/** The space after a county, a city or a town and 的, before the name. */
// (only before a name that ends in its trade or kind: "我们湘西州泸溪县的 浦市铁骨猪 养殖加工一体化" is read by its spaces)
const PLACE_OF_SPACE = new RegExp(`(?<=^(?:我们是|我们这里是)?[\\u4e00-\\u9fa5]{1,8}[县市区州镇乡旗](?:[\\u4e00-\\u9fa5]{2,3}(?<![的是在有])|[\\u4e00-\\u9fa5]{2,3}[镇乡村寨坪坝])?的)\\s+(?=[\\u4e00-\\u9fa5]{2,10}?(?:${INDUSTRY}|馆|店|厂|坊|客栈|山庄|农庄|水电站)(?:[\\s，,。]|想|要|跟|$))`);
/** Mentions opening a message (`@店小二 `, `@张伟 `). */
const LEADING_MENTIONS = /^(?:\s*@[^\s@]{1,12}(?:\s[A-Z][a-z]+)?\s+)+/;
/** What makes the words after it a kind of business rather than a name. */
const KIND_SAID = /(新开的|新注册的|新成立的|刚开的|刚成立的|刚注册的|一个|一家|一间)$/;
/** A role or an office after a name that ends in its trade (甲方代表, 项目部, 安环部, 工会). */
const ROLE_AFTER_TRADE = new RegExp(`(?<=[\\u4e00-\\u9fa5]{2}(?:${INDUSTRY}))(?:甲方代表|业主代表|甲方|业主方|项目部|安环部|安全部|工会|人事部|行政部|财务部|综合部)$`);
const HASTE_FIRST = /^(?:急|紧急|加急|特急|急急急?|求助|十万火急)[!！]+\s*/;
/** A greeting or an apology opening the message ("你好，", "老师好，", "Hi 各位，", "歹势打扰一下，"), before the name. */
const GREETING_FIRST = /^(?:(?:你好|您好|你们好|大家好|各位好|老师好|领导好|各位领导好?|各位老师好?|(?:hi|hello|hey)(?:\s*各位|\s*all)?|歹势|不好意思|打扰一下|打扰了|麻烦一下)\s*[，,!！]\s*){1,3}(?=[\u4e00-\u9fa5])/i;

/**
 * Rounds 75–78: an office, a title or a person after the enterprise's name closing a message ("常州金宏门窗 财务",
 * "苏州德凯精密钣金 人事行政部", "江阴鑫力达化纤销售部", "常州博安精密传动 技术中心 刘", "苏州博瑞泰光电 EHS Manager").
 */
const OFFICE_TAIL = /(?<=[\u4e00-\u9fa5])\s*(?:[/／]\s*)?(?:基建办|设备科|后勤部|人事行政部|人力资源部|人力行政部|人事部|行政部|财务部|销售部|电商部|物流部|老厂办|厂办|出口部|设施部|采购部|技术部|技术中心|综合部|市场部|总经办|董秘办|证券部|办公室|总务|项目经理|总经理|经理|总监|主管|助理|秘书|EHS|HR|CFO|CEO|COO|CTO|BD|GM|VP|财务|人事|行政)(?:\s*[/／]?\s*[^\s，,。！!？?]{1,16}){0,3}\s*$/;

/** Round 124: a shop's branch in brackets after its name closing a message ("淄博牧羊村烧烤(八大局店)"). */
const BRANCH_TAIL = /(?<=[\u4e00-\u9fa5])\s*[（(][\u4e00-\u9fa5]{1,8}?(?:店|门店|分店|总店|旗舰店)[)）]?\s*$/;

function readEnterprise(t: string): string | null {
  const office = OFFICE_TAIL.exec(t) ?? BRANCH_TAIL.exec(t);
  if (office) {
    const cut = t.slice(0, office.index).trimEnd();
    const name = enterpriseIn(cut);
    if (name && cut.endsWith(name)) return name;
  }
  if (RELAYED.test(t)) {
    for (const m of t.matchAll(RELAY_NAMED)) {
      const relayed = m[1]!;
      const core = relayed.replace(/(有限公司|公司)$/, '');
      const name = relayed.replace(/^(?:承建方|施工方|业主方)(?=[\u4e00-\u9fa5]{4,})/, '');
      if (!ALWAYS_SENTENCE_CHAR.test(core) && !/^(其|该|某|本)/.test(core) && !isPlaceOrThing(name) && ((TRADE_NAME_END.test(core) && tradeNameOk(name)) || KIND_END.test(name) || /有限公司$/.test(name))) return name;
    }
  }
  // a report in the official register: what the cadre learned, then the enterprise ("据了解，恒基置业竞得的…",
  // "现将恒锐电子有关情况报告如下：", "据利达物流反映，…")
  const official = t.replace(OFFICIAL_OPENER, '');
  // "据企业反映，乐康护理院隔壁小区…", "经核查，城东街道宏盛织造今晨…": in the register, the enterprise opens what was learned
  const registered = official !== t ? OFFICIAL_HEAD.exec(official)?.[1] : undefined;
  if (registered && !ALWAYS_SENTENCE_CHAR.test(registered) && !isPlaceOrThing(registered) && !SITE_END.test(registered)) return registered;
  const plain = official !== t && official ? enterpriseIn(official)?.replace(KIND_BEFORE, '') : null;
  if (plain) return plain;
  // "营口鲅鱼圈 港联物流 危货道路运输许可证…", "石坝村 富源采石场放炮…": a place opening the message before a space (a place
  // is no enterprise): what follows is read
  const opening = placeOpening(t);
  if (opening) {
    // (round 178: "梅州 我们 嘉应美妆 想申请…", "梅县 我们 梅县客都纸业 锅炉…": 我们 between the place and the name)
    const after = t.slice(opening);
    const unsaid = after.replace(/^(?:我们是?|我是)\s*(?=\S)/, '');
    const rest = (enterpriseIn(unsaid) ?? (unsaid !== after ? readEnterprise(unsaid) : null))?.replace(KIND_BEFORE, '');
    if (rest) return rest;
  }
  // round 137: "我们茶小满是做奶茶连锁的", "我们长沙驰远驾驶室是做工程机械驾驶室的": 我们, the name, then what it does
  const does = WE_NAME_DOES.exec(t)?.[1];
  if (does && does.length >= 3 && !NOT_DOES_NAME.test(does) && placeAtStart(does) !== does && !isPlaceOrThing(does) && !SENTENCE_CHAR.test(does)) return does;
  // round 129: "我们是马山的黑山羊养殖合作社，叫弄拉生态养殖，…", "我们是做螺蛳粉电商的小公司，叫粉都汇，…": what the writer's
  // enterprise is, then what it is called
  const called = WE_ARE_CALLED.exec(t)?.[1];
  if (called && !/^(?:什么|啥|啥子|我|你|他)/.test(called) && !/(的|了|吗|呢|吧|啊)$/.test(called)) return called;
  // round 129: "阳和工业新区我们嘉隆汽车部件的地块…", "钦州港这边我们北部湾林浆纸，…", "Dongxing这边我们海韵酒店…": where, then
  // 我们 and the name with its trade
  const placeThenWe = PLACE_THEN_WE.exec(t);
  if (placeThenWe && (placeAtStart(placeThenWe[1]!) !== null || /(区|县|市|镇|港|广场|机场|口岸)$/.test(placeThenWe[1]!) || /^[A-Z]/.test(placeThenWe[1]!))) {
    const ours = WE_NAMED.exec(t.slice(placeThenWe[0].length));
    // (a signature closing the message is the enterprise's own word for itself: "…我们大件运输车过不去… —— 马江船舶")
    if (ours?.index === 0 && !/(厂|公司)$/.test(ours[1]!) && !NOT_TRADE_NAME_HEAD.test(ours[1]!) && tradeNameOk(ours[1]!) && !signedBy(t)) return ours[1]!;
  }
  // "仙游鸿榕木艺要扩建展厅", "本溪县华夏路桥的工地上…": the name with its county or city opening the message
  const headPlaced = HEAD_PLACED.exec(t)?.[1];
  const headPlacedAt = headPlaced ? placeAtStart(headPlaced) : null;
  if (headPlaced && headPlacedAt) {
    const name = headPlaced.slice(headPlacedAt.length).replace(/^(?:县|市|区)/, '');
    if (name.length >= 3 && !ALWAYS_SENTENCE_CHAR.test(name) && !isPlaceOrThing(name) && !SITE_END.test(name) && !PUBLIC_OFFICE_END.test(name) && ((TRADE_NAME_END.test(name) && tradeNameOk(name)) || KIND_END.test(name))) return headPlaced;
    // rounds 91–94: "株洲恒锐轨道减振 研发费用…", "宁乡金洲结构件 银行续贷…", "长沙雨花精密焊接 新车间…": the whole name, what it makes after
    // its trade or a brand rare in the reports, before a space or 这边 (a district after the city is part of it; not a
    // place alone, "日照岚山这边")
    const own = name.slice(placeAtStart(name)?.length ?? 0);
    if (/^(?:\s|这边|那边)/.test(t.slice(headPlaced.length)) && own.length >= 4 && name.length <= 10 && !ALWAYS_SENTENCE_CHAR.test(name) && !isPlaceOrThing(name) && !SITE_END.test(name) && !PUBLIC_OFFICE_END.test(name) && !/(区|县|市|镇|乡|村|园|城|旗|港|街|路|道|巷|问题|情况)$/.test(name) && !SITE_AT_END.test(name) && !PERSON_AT_END.test(name) && !/(今年|去年|明年|今天|昨天|最近|现在|目前)/.test(name) && headNameCoreOk(name, own)) return headPlaced;
  }
  // "寿宁的岭上茶业下个月办十周年庆", "福鼎的芳茗白茶新厂房…": a place, 的, the name; "蜀南竹海旁边的竹韵山庄，": where it
  // stands, 的, the name (a brand: not a neighbour named by what it is, "镇政府旁边的农贸市场", "学校附近的足球俱乐部")
  const placeOf = HEAD_PLACE_OF.exec(t);
  const nearOf = placeOf && placeAtStart(placeOf[1]!) ? null : HEAD_NEAR_OF.exec(t);
  const headOf = nearOf ?? placeOf;
  const headOfOk = nearOf
    ? !ALWAYS_SENTENCE_CHAR.test(nearOf[1]!) && gramCount(nearOf[2]!.slice(0, 2)) < PLACED_BRAND_MAX_COUNT && !PUBLIC_PLACE_END.test(nearOf[2]!) && !holdsLexiconPhrase(withoutKind(nearOf[2]!))
    : !!placeOf && (placeAtStart(placeOf[1]!) !== null || /(?:软件园|科技园|产业园|工业园|创业园)$/.test(placeOf[1]!)) && placeOf[1] !== '新建';
  if (headOf && headOfOk && headOf[2]!.length >= 4 && !ALWAYS_SENTENCE_CHAR.test(headOf[2]!) && !/(旁边|边上|附近|缺|没有)/.test(headOf[2]!) && !SITE_END.test(headOf[2]!) && !TRADE_ALONE.test(headOf[2]!.replace(/(?:公司|厂|(?:专业)?合作社|作坊|店)$/, '')) && ((TRADE_NAME_END.test(headOf[2]!) && tradeNameOk(headOf[2]!)) || KIND_END.test(headOf[2]!))) return headOf[2]!;
  // "我们是一家小设计公司，千寻设计，今年…", "我开理发店的，阿杰造型，请了…": what one is, then the name between commas
  const between = WHAT_THEN_NAME.exec(t)?.[1];
  if (between && !/^叫/.test(between) && !SENTENCE_CHAR.test(between) && !isPlaceOrThing(between) && !SITE_END.test(between) && !holdsLexiconPhrase(between) && (INDUSTRY_END.test(between) || KIND_END.test(between))) return between;
  // "宾西这边华兴彩印，": a place, 这边, then the name with its trade; "ARCTIC FROST这边": a brand in capitals
  const hereNamed = PLACE_HERE_TRADE.exec(t);
  if (hereNamed && !ALWAYS_SENTENCE_CHAR.test(hereNamed[1]!) && !isPlaceOrThing(hereNamed[2]!) && tradeNameOk(hereNamed[2]!) && !SENTENCE_CHAR.test(hereNamed[2]!)) return hereNamed[2]!;
  const capitals = /^([A-Z][A-Z0-9&]+(?: [A-Z][A-Z0-9&]+){0,3})\s*(?:这边|那边)/.exec(t)?.[1];
  if (capitals && capitals.length >= 4 && !LATIN_NOT_A_NAME.test(capitals.split(' ')[0]!)) return capitals;
  // "…，我们泉港的恒源新材料等着拿证投产": 我们, a place, 的, the name with its trade, inside the message
  const ourPlaced = WE_PLACE_TRADE.exec(t);
  if (ourPlaced && placeAtStart(ourPlaced[1]!) === ourPlaced[1] && tradeNameOk(ourPlaced[2]!) && !SENTENCE_CHAR.test(ourPlaced[2]!)) return ourPlaced[2]!;
  // (a signature closing the message is the enterprise's own word for itself: "我们是定安塔岭的热带水果加工厂，… —— 南椰果业")
  const placedOf = weArePlaceOf(t);
  if (placedOf && !signedBy(t)) return placedOf;
  // "经开区晨光新材料二期用地…": the park where it is, before its name
  const found = enterpriseIn(t)?.replace(KIND_BEFORE, '').replace(/^(?:经开区|高新区|开发区|经济开发区)(?=[\u4e00-\u9fa5]{4,}$)(?![\u4e00-\u9fa5]*(?:有限公司|集团)$)/, '');
  if (found) return found;
  // "代办员老孙汇报：天盛冷链的…", "关于星联重工三期项目…的报告": who writes, then the matter
  const after = t.replace(REPORTER_HEAD, '');
  const reported = after !== t && after ? enterpriseIn(after)?.replace(KIND_BEFORE, '') : null;
  return reported ?? weCompany(t);
}

/**
 * Round 151: "我们清江画廊游船公司淡季资金周转困难", "我们咸丰县唐崖寨子旅游公司的游客停车场用地", "我们建始花果山庄要在山上…":
 * 我们 at the head of a clause, then a name closed by 公司, 厂 or a kind of lodging ("我们屏边猕猴桃果汁厂的环评…", round 153),
 * whatever follows; read where no other frame names the enterprise (not "我们新公司", "我们物流公司", "我们这个山庄").
 */
const WE_COMPANY_KIND = '(?:公司|山庄|农庄|度假村|客栈|酒店|厂(?![区房里门长子]))';
const WE_COMPANY = new RegExp(`(?:^|[，,。！!？?\\s])我们(${NAME_CHAR}{4,12}?${WE_COMPANY_KIND})(?!(?:${INDUSTRY}))`);
const WE_COMPANY_KIND_END = new RegExp(`${WE_COMPANY_KIND}$`);
function weCompany(t: string): string | null {
  const name = WE_COMPANY.exec(t)?.[1];
  if (!name) return null;
  const own = name.replace(WE_COMPANY_KIND_END, '');
  const core = own.slice(placeAtStart(own)?.length ?? 0).replace(/^(?:县|市|区)/, '').replace(TRADE_AT_END, '');
  return core.length >= 2 && !SENTENCE_CHAR.test(own) && !holdsLexiconPhrase(core) && !isPlaceOrThing(name) && !NOT_TRADE_NAME_HEAD.test(own) && !/^(?:小|大|新|老|母|子|总|分|本|整个|自己|村|同村)|协会|商会|[几多各两三]家|附近|旁边|隔壁|对面|周边|今年|去年|明年|成立|[新老分总旧]$/.test(own) ? name : null;
}

/**
 * The enterprise signing its message at the end: "…——星穹智算 CEO", "…（精衡仪器）", "…。锦川智能仓储", "…？金桥物流 张",
 * "发起人：云图数科"; a park or district before the name is left off ("龙湖科技园星联电子").
 */
function signedBy(t: string): string | null {
  // "…一直被压价 🙃 冻感实验室", "…谢谢啦~ 云栖智算", "…有没有折中的办法 Yummy Box零食铺": a name after an emoji or a tilde, or a
  // brand in letters glued to its Chinese name, closing the message after a space
  const closing = EMOJI_SIGNED.exec(t)?.[1] ?? MIXED_SIGNED.exec(t)?.[1];
  // (not an office glued to a person's English name, after the name: "—— 力士达阀门 外贸部Vivian")
  if (closing && signatureOk(closing.replace(/\s+/g, '')) && !LATIN_NO_BRAND.test(closing) && !OFFICE_AND_PERSON.test(closing)) return closing;
  // rounds 166 and 169: "…要多久？龙泉 陶泉居", "…牵头。长汀 红土地农业": a county or city, a space and the name, closing the
  // message after its last sentence (the place is where the enterprise is, not its name)
  // (not what one is doing there or where in it: "人在 深圳 出差中", "长汀 县城里面")
  const [, place, spacedName] = PLACE_SPACE_NAME_LAST.exec(t) ?? [];
  if (place && spacedName && placesOnly(place) && signatureOk(spacedName) && !/(中|里面|里头|上面|下面|附近|周边|一带|这边|那边)$/.test(spacedName)) return spacedName;
  const dashed = dashSigned(t);
  const signed =
    dashed ??
    (
      // (a person and an office may follow it inside: "（德润建设 钱工）", "（申远机械 财务 小吴）")
      /[(（]([^()（）\s]{2,14})(?:\s+[^()（）\s]{1,4}){0,2}[)）]\s*$/.exec(t) ??
      // "…能不能帮协调下【遵义智控电子科技】": the name in black brackets, closing the message (round 290: a person or an office
      // after it, "【华瑞汽配 王会计】", "【保定华祥精工 张总】" — not a plea set apart, "【紧急求助 谢谢】")
      /【([^【】\s]{2,16})(?:\s+(?:[\u4e00-\u9fa5]{1,2}(?:总|工|经理|会计|主任|主管|姐|哥|师傅|老师)|[小老][\u4e00-\u9fa5]|财务|人事|行政|办公室|[\u4e00-\u9fa5]{1,3}部))?】\s*$/.exec(t) ??
      signedLast(t) ??
      (/(我们|我司)/.test(t) && !/(有限公司|集团)/.test(t) ? SIGNED_AFTER_COMMA.exec(t) : null)
    )?.[1];
  // (a tag or a slash before it is no part of it: "…？/商水县天宇电子", "…【建议】襄阳凯瑞汽车电器")
  const head = signed?.replace(/^(?:【[^【】]{1,6}】|[/／|｜])\s*/, '').replace(/^[\u4e00-\u9fa5]{2,6}?(?:科技园|产业园|工业园|园区|开发区|新区|保税区)(?=[\u4e00-\u9fa5]{4,})(?![\u4e00-\u9fa5]*(?:有限公司|集团)$)/, '');
  const raw = head?.replace(/(?<=[\u4e00-\u9fa5]{4,})(行政部|人事部|人力部|人力资源部|财务部|综合部|办公室|项目部|技术部|设备部|采购部|生产部|安环部|工程部)$/, '')
    // (rounds 324–334: "—— 华美药业新区项目", "——安平鑫源网业厂房项目": the enterprise's project, named by where or what it builds)
    .replace(/(?<=[\u4e00-\u9fa5]{4,})(?:新区|新厂区?|厂房|扩建|技改|新建)项目$/, '')
    // (round 354: "—— 武胜县龙腾服饰新厂房", "—— 邻水县恒通纺织新厂区项目部": its new works after its trade, 18/20 labelled without;
    // not "宏发轮胎翻新厂", whose trade it is)
    .replace(NEW_WORKS_AFTER_TRADE, '');
  if (!raw) return null;
  // (found by a review: "—— 损失两百万", "—— 明天起", "—— 谢谢领导" after the problem say more of it, or thank; no name)
  if (NOT_A_SIGNATURE.test(raw)) return null;
  if (/^[A-Za-z][A-Za-z0-9 ]+$/.test(raw)) return LATIN_NOT_A_NAME.test(raw) ? null : raw;
  // "——南昌青山湖的宏美服饰", "——我们上饶经开区的云擎数据": where the enterprise is, 的, then its name with its trade
  const placed = /^(?:我们)?[\u4e00-\u9fa5]{0,10}?的([\u4e00-\u9fa5]{3,12})$/.exec(raw)?.[1];
  if (placed && TRADE_NAME_END.test(placed) && tradeNameOk(placed) && !SENTENCE_CHAR.test(placed.replace(/(有限公司|公司)$/, ''))) return placed;
  const trade = TRADE_NAME_END.test(raw) || /(?:有限公司|集团|公司)$/.test(raw);
  // (和 is a brand's own at the close of a message: "…。和发稀土", "…？恩和羊绒")
  if ((trade ? tradeNameOk(raw) && !SENTENCE_CHAR.test(raw.replace(/(有限公司|公司)$/, '').replace(TRADE_AT_END, '').replace(/和/g, '')) : isOpenName(raw)) && !/(的|了|吗|呢|(?<!酒|茶|书|网|水)吧|啊|情况|报告|通知)$/.test(raw)) return raw;
  // a signature after a dash, with its trade, may hold a word that is also the sentence's ("—— 有光能源", "—— 伊犁那拉提奶茶坊",
  // "——乡里乡亲便民店"): the dash says it is the writer's name for itself
  // (its office or project taken off the end is still the writer's own name: "——扬州一洋药业厂房项目", the review found)
  if (dashed && head === signed && trade && raw.length >= 4 && tradeNameOk(raw) && !/[我你他她们的了吗呢吧啊是在要想请帮说问]/.test(raw)) return raw;
  // (not what is left once an office is taken off: "—— 株洲渌口项目部" is a site)
  return dashed && raw === signed && signatureOk(raw) ? raw : null;
}

/**
 * A signature after a dash closing the message is the writer's own name for itself, however it is made ("—— 一杯山野",
 * "—— 谜境社", "—— 云上森居", "—— 茶咖π"): a word of three to ten characters with no word of a sentence, a person, a
 * role, a place or a thing of the problem in it.
 */
/** A person's name: 小 or 老 and one or two characters, or two or three characters led by one of the commonest surnames. */
const PERSON_NAMED = /^[小老][\u4e00-\u9fa5]{1,2}$|^[\u4e00-\u9fa5]{2,3}$(?<=^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤].*)/;

function signatureOk(raw: string): boolean {
  // (a longer name may hold a trade that is a lexicon phrase, 直播 or 文旅, and end in a word of a person or an office
  // that is its kind: 俱乐部, 机器人, 水电站; 有 only in 有机 and 有限)
  const kind = /(俱乐部|机器人|研究院|水电站|服务站|卫生院|医院|商会|协会|有限公司|公司|事务所|顾问|工作室|诊所|餐厅|酒吧|小院|茶馆)$/.test(raw);
  return /^[\u4e00-\u9fa5A-Za-zπ]{3,16}$/.test(raw) && /[\u4e00-\u9fa5]{2}|[A-Z][a-z]+[A-Z]|^[A-Z][a-z]{2,}$/.test(raw) && !/[我你他她们这那是在要想请帮说问了的吗呢吧啊哦嘛个]|有(?![机限])/.test(raw.replace(/(顾问|酒吧)$/, '')) && (kind || !PERSON_AT_END.test(raw)) &&
    !/(专员|代办|干部|领导|书记|局长|科长|主任|经理|老师|同志|先生|女士|小姐|大户|情况|报告|通知|附件|备注|感谢|谢谢|拜托|佳音|盼|辛苦|加油|急|回复|在线等)/.test(raw) && !isPlaceOrThing(raw) && (raw.length >= 4 || kind || !holdsLexiconPhrase(raw)) && !PERSON_NAMED.test(raw);
}

/** A brand in letters glued to its Chinese name, either first ("Bean Bros豆兄弟咖啡", "甜野Sweet Wild", "面面俱到Noodle"). */
const MIXED_NAME = `(?:(?:[A-Z][\\w'&-]*\\s)*[A-Za-z][\\w'&-]*[\\u4e00-\\u9fa5]{2,10}|[\\u4e00-\\u9fa5]{2,10}[A-Za-z][\\w'&-]*(?:\\s[A-Z][\\w'&-]*)*)`;
/** Letters after Chinese that are an office, a role or a thing, not a brand ("星河半导体HR", "卡成PPT"). */
const LATIN_NO_BRAND = /[\u4e00-\u9fa5](?:HR|EHS|IT|PR|CEO|CFO|COO|GM|VP|hr|PPT|ppt|APP|app|ERP|OA|CRM|PDF|GPS|WiFi|wifi)(?:\s|$)/;
/** A name after an emoji, a tilde or "orz" and a space at the end of the message. */
const EMOJI_SIGNED = /(?:\p{Extended_Pictographic}\uFE0F?|[~～])\s+((?:[A-Za-z][\w'&-]*\s)?[^\s，,。！？!?~～]{3,14})\s*$/u;
/** A brand in letters glued to its Chinese name (either first) at the end of the message, after a space. */
const MIXED_SIGNED = new RegExp(`\\s(${MIXED_NAME})\\s*$`);
const MIXED_WHOLE = new RegExp(`^${MIXED_NAME}$`);
const NEW_WORKS_AFTER_TRADE = new RegExp(`(?<=(?:${INDUSTRY}))(?:新厂区|新厂房|新车间|新厂)$`);
const NOT_A_SIGNATURE = /谢谢|感谢|多谢|盼复|辛苦|拜托|麻烦|在线等|加急|尽快|点样|^(?:明天|今天|后天|昨天|本周|下周|损失|已经|每天)|[\d０-９][\d０-９.,]*\s*(?:万|元|天|个|人|亩|吨|%)|[一二两三四五六七八九十]+[百千万]+元?|[一二两三四五六七八九十]+(?:个月|天)$|(?:起|了|吗|呢)$/;
const OFFICE_AND_PERSON = /^[\u4e00-\u9fa5]{1,4}(?:部|科|处|室|组)\s*[A-Za-z]+$|^[A-Za-z]+\s*[\u4e00-\u9fa5]{1,4}(?:部|科|处|室|组)$/;
/** What follows a dash at the end of a message (no comma in it: an English signature has its own rule). */
const DASH_SIGNED = /(?:——|—|--|－－|\s-(?!-)|发起人[:：])\s*([^，,。！？!?()（）]{2,40}?)\s*$/;
/** A section, an office or a project after an enterprise's trade ("北辰建工三标段", "富川电子HR", "蒙欣乳业新厂项目"). */
const PART_WORDS = '(?:[一二三四五六七八九十\\d]+标段|HR|hr|人事|行政|财务|工程部|项目部|技术部|市场部|采购部|综合部|安全部|质安部|安全员|(?:新厂|[一二三四五]期)?项目部?)$';
const PART_AFTER_TRADE = new RegExp(`(?<=(?:${INDUSTRY}))${PART_WORDS}`);
/** The words alone, tried first: the trade read backwards at every place costs about 13 µs a run. */
const PART_AT_END = new RegExp(PART_WORDS);
/** Where 叫 tells a name (at the start, after a comma or a space, or after 名 / 名字): the name follows, after any space. */
const CALLED_AT = /(?:^|[，,\s]|名字?)叫\s*/g;
/** Whether `t` says it is called `name` ("名字叫鑫源", "，叫 宏达"). */
function saidCalled(t: string, name: string): boolean {
  for (const m of t.matchAll(CALLED_AT)) if (t.startsWith(name, m.index + m[0].length)) return true;
  return false;
}

/**
 * The name after a dash at the end: "——禾润生物 项目经理 Amy", "—— 泾河新区 博远新材" and "——大同 云冈新能碳素" (a place
 * before it), "——鹤壁宇晨电子 新厂房项目部"; after the name at most two short words (a role, a department, a person).
 */
function dashSigned(t: string): string | null {
  const after = DASH_SIGNED.exec(t.replace(/\s*[(（][^()（）]{1,6}[)）]\s*$/, ''))?.[1];
  if (!after) return null;
  // "—— Bean Bros豆兄弟咖啡", "—— 甜野Sweet Wild", "—— 面面俱到Noodle": a brand in letters glued to its Chinese name
  const mixed = MIXED_WHOLE.exec(after)?.[0];
  if (mixed && (!PERSON_AT_END.test(mixed) || /(餐厅|咖啡厅|小院|书院)$/.test(mixed)) && !LATIN_NO_BRAND.test(mixed)) return mixed;
  // (round 296: "—— Golden Bay 金湾贸易": the Latin words, then the Chinese name with its trade, which is the name as written)
  const chineseAfter = /^[A-Z][\wÀ-ÿ'&-]*(?:\s+[A-Z&][\wÀ-ÿ'&-]*){0,3}\s+([\u4e00-\u9fa5]{4,12})$/.exec(after)?.[1];
  if (chineseAfter && TRADE_NAME_END.test(chineseAfter) && tradeNameOk(chineseAfter) && !SENTENCE_CHAR.test(chineseAfter.replace(TRADE_AT_END, ''))) return chineseAfter;
  // "— Bolaven Coffee Export": a name in Latin letters is its words together
  // "— Kobayashi Precision 总务 李小姐", "— Weber Antriebstechnik HR": the Latin words, then an office or a person
  const latin = /^([A-Z][\wÀ-ÿ'&-]*(?:\s+[A-Z&][\wÀ-ÿ'&-]*){1,3}?)(?:\s+(?:HR|EHS|team|[\u4e00-\u9fa5]{1,4})){0,2}$/.exec(after);
  if (latin) return LATIN_NOT_A_NAME.test(latin[1]!.split(/\s+/)[0]!) ? null : latin[1]!;
  const words = after.split(/\s+/);
  // a place before the name: a district, a county or a banner, or a place of up to eight characters before a name
  // with its trade ("—— 赤峰红山 华维药业", "—— 鄂尔多斯达拉特旗 恒通化工储运")
  const before = words.length;
  if (words.length >= 2 && (/(区|县|市|镇|港|园|旗|大道|路|街)$/.test(words[0]!) || (words[0]!.length <= 3 && words[1]!.length >= 4) || (words.length === 2 && words[1]!.length >= 4 && /^[\u4e00-\u9fa5]+$/.test(words[1]!) && !TRADE_NAME_END.test(words[0]!) && !PERSON_AT_END.test(words[1]!) && !/(项目部?|秘书|助理|会计|出纳|老板娘?|店主|掌柜|经理)$/.test(words[1]!) && (placeAtStart(words[0]!) !== null || /(古城|古镇|村|寨)$/.test(words[0]!))) || (words[0]!.length <= 8 && !TRADE_NAME_END.test(words[0]!) && /(?:厂|公司|合作社)$/.test(words[1]!.replace(TRADE_AT_END, '公司'))))) words.shift();
  // (round 150: "—— 新左旗 阿木古郎镇 宝力格商店", "—— 额尔古纳 恩和 瓦西里家庭旅馆": a town or a village after the county or banner)
  if (words.length === 2 && before === 3 && (/(镇|乡|村|苏木|嘎查)$/.test(words[0]!) || words[0]!.length <= 3) && words[1]!.length >= 4 && (TRADE_NAME_END.test(words[1]!) || KIND_END.test(words[1]!))) words.shift();
  // "— 管理部 Jenny": a person's given name is no enterprise
  // (a one-word brand alone after the dash is a name: "— Zentrix"; a given name before more words or after an office is not)
  if ((words.length < before || words.length > 1) && /^[A-Z][a-z]+$/.test(words[0]!)) return null;
  // "北辰建工三标段", "富川电子HR", "蒙欣乳业新厂项目": a section, an office or a project of the enterprise
  const name = PART_AT_END.test(words[0]!) ? words[0]!.replace(PART_AFTER_TRADE, '') : words[0]!;
  // (round 244: "——黔路建设 高铁新区项目经理": a site and a role after the name, longer than a person)
  // (a person's name before an office and a role is no enterprise: "——欧阳建国 县工信局企业科主任")
  return words.length <= 3 && words.slice(1).every((w) => w.length <= 6 || (w.length <= 10 && /(项目经理|经理|主管|负责人|专员|主任)$/.test(w) && TRADE_NAME_END.test(name))) ? name : null;
}

/**
 * An enterprise introduced in English: "we are Golden Durian Trading from …", "Sophie from Coral Bay Resort, …",
 * "HR of NovaMed Boao here": up to four capitalised words. Only a person's name stands before "from" ("the new guy
 * from Germany" names a country).
 */
/**
 * A name in corner brackets or quotes, given by the enterprise itself or a cadre ("我们「童趣岛」去年申请…", "做陈店文胸的「俏佳人」，",
 * "海丰「鲜蚝记」，", "我们的“雪域牦”商标"): after 我们, 的, 企业, or a place at the head of the message.
 */
const QUOTED = /(?:^|我们是?|我司|我是|的|企业|^[\u4e00-\u9fa5]{2,4})[「『“]([^」』”「『“\s，,。]{2,10})[」』”]/;
/** A company named after the word for it, in Latin or Cyrillic letters, up to five capitalised words and a form. */
const COMPANY_WORD = /(?:\b[Cc]ompany|[Кк]омпания|\b[Ww]e are)\s+((?:[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'&-]*)(?:\s+(?:[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'&-]*|&|LLC|Ltd\.?|FZE|GmbH)){0,5})/;
/** "my company name is Obi & Sons Ltd", "My company: Atlas Déco SARL", "我的公司 Sahara Import Export": said outright, before the other English frames. */
const MY_COMPANY = /(?:\b[Mm]y company(?: name)?(?: is)?:?|我的公司|我们公司|公司名(?:字)?(?:叫|是)?)\s*((?:[A-Z][\wÀ-ÿ&'-]*)(?: (?:[A-Z][\wÀ-ÿ&'-]*|&))*)/;
/**
 * The English frames one names one's enterprise in: "We are …", "Our startup …", "HR at …", "Sophie from HR at …",
 * "Tom from the export team at …", "Claire de Maison Azur Hainan", "company called …".
 */
const ENGLISH_FRAME = /(?:\b[Ww]e are|\b[Oo]ur company(?: is)?|\bHR (?:of|at)|\b[A-Z][a-zà-ÿ-]+(?: again| here)? (?:from(?: HR| the [a-z]+ team| [a-z]+)? (?:at|of)|from|de)|\b[Ww]e're|\b[Oo]ur (?:[a-z]+ )?(?:startup|start-up|brand|studio|shop|store)|\b[Ii] represent|\bpartner of|\bowner of|\b[Oo]ur (?:hotel|restaurant|factory|agency),?|\b(?:company|firm|brand|shop|startup|business|agency|hotel|restaurant)(?: in [A-Z][a-z]+)? (?:is |was )?called|\bThis is [A-Z][a-z]+,)\s+((?:[A-Z][\wÀ-ÿ&'-]*)(?: (?:[A-Z][\wÀ-ÿ&'-]*|&|\([A-Z]\)))*(?: Pte Ltd| Co\.?,? Ltd\.?| Ltd\.?| Inc\.?| LLC| Co\.)?)/;
/**
 * An English message signed at its end by the enterprise, after a role or a person: "— EHS, Krämer Kunststofftechnik",
 * "Best regards, Wolff & Brandt Automation", "Thanks & BR, Markus / Hartmann Filtration", "Thanks, Yamato Seiki logistics
 * team": two to four capitalised words (one person's name alone is no enterprise).
 */
const ENGLISH_SIGNED = /(?:[—–,/.]|^|[\u4e00-\u9fa5？?！!]\s)\s*((?:[A-Z][\wÀ-ÿ'-]*)(?:\s+(?:&\s+)?[A-Z][\wÀ-ÿ'-]*){1,3})(?:\s+[a-z]+){0,2}(?:\s+[\u4e00-\u9fa5]{1,3})?\s*[.!]?\s*$/;
/**
 * An English name one introduces oneself by: "Pacific Rim Seafood Export here", "Lionbridge Commodities (Hainan) here"
 * (not a person's, whose role follows: "Jens Köhler here, CFO of …").
 */
const ENGLISH_HERE = /(?:^|[,.!，。！]\s*|店小二[,，]?\s*)((?:[A-Z][\wÀ-ÿ&'-]*)(?: (?:[A-Z][\wÀ-ÿ&'-]*|&)){1,4}(?: \([A-Z][a-z]+\))?(?: Co\.| Ltd\.| Inc\.)?) here\b(?!,?\s+(?:the\s+)?(?:[A-Za-z&]+ ){0,3}[A-Za-z]+ (?:of|at)\b)/;
/** An English registered name: "Hoffmann Antriebstechnik (Shanghai) Co., Ltd.", "Nordic Pumps GmbH". */
const ENGLISH_REGISTERED = /((?:[A-Z][\wÀ-ÿ&'-]*)(?: (?:[A-Z][\wÀ-ÿ&'-]*|&))*(?: \([A-Z][a-z]+\))? (?:Co\.,? ?Ltd\.?|Ltd\.?|Inc\.?|GmbH|LLC|Pte\.? Ltd\.?|S\.A\.|AG|Lda\.?|Limitada|Sdn\.? Bhd\.?|Pty\.? Ltd\.?|S\.r\.l\.|SRL|B\.V\.))/;
/** "finance director at Apex BioLogics", "R&D head at Siemann Biotech in Zhangjiang": where the writer works. */
const ENGLISH_ROLE_AT = /\b(?:director|manager|head|engineer|officer|lead|president|founder|CEO|CFO|COO|GM|VP|owner|buyer)\s+(?:at|of)\s+((?=[A-Za-z -]*[a-z])[A-Z][\wÀ-ÿ&'-]*(?: [A-Z][\wÀ-ÿ&'-]*){0,3})/;
/** The last sentence of a message, a name with its trade alone ("…协调一下。锦川智能仓储", "…？金桥物流 张"). */
/**
 * SIGNED_LAST, except a party named by its role where the message is about what that party did to the writer ("工程款
 * 拖了八个月 一直不给 业主潍坊瀚海置业", "工地天天半夜打桩 施工单位鲁班建设"): the one owing or complained of, not the writer.
 */
function signedLast(t: string): RegExpExecArray | null {
  const m = SIGNED_LAST.exec(t);
  if (m && SIGNED_ROLE_AT.test(m[0]) && OTHER_PARTY_DID.test(t)) return null;
  return m;
}
const PLACE_SPACE_NAME_LAST = /(?:[。！？!?～~]\s*|\s)([\u4e00-\u9fa5]{2,5})\s+([\u4e00-\u9fa5]{3,10})\s*$/;
const OTHER_PARTY_DID = /(欠|拖|不给|不付|不结|赖账|投诉|扰民|噪音|打桩|半夜|我们是做|我们做|分包|材料款|工程款)/;
/** The enterprise's role in a building project, before its name at the end ("…项目 业主潍坊瀚海置业", "建设方寿光金田物流"). */
const SIGNED_ROLE = '(?:业主(?:方|单位)?|(?:建设|施工|承建)(?:方|单位))(?:为|是)?';
const SIGNED_ROLE_AT = new RegExp(SIGNED_ROLE);
const SIGNED_LAST = new RegExp(`(?:[。！？!?～~🙏]\\s*|\\s)(?:[\\u4e00-\\u9fa5]{2,9}?(?:这边|那边)?的|[\\u4e00-\\u9fa5]{2,6}\\s+)?(?:${SIGNED_ROLE})?((?:${NAME_CHAR}|和){2,10}?(?:${INDUSTRY})(?:${INDUSTRY})?(?:公司)?)(?:\\s+[\\u4e00-\\u9fa5]{1,3})?\\s*$`);
const INDUSTRY_END = new RegExp(`(?:${INDUSTRY})$`);
const TRADE_NAME_END = new RegExp(`(?:${INDUSTRY})(?:公司)?$`);
/**
 * The last clause after a comma, where the writer speaks of its own company ("我们公司地址变了，…，苏州纳维科技"): a name
 * with its trade; not "…，缩短供应链" after a registered name, nor "是做五金出口的，叫利通五金" (called, read by CALLED).
 */
const SIGNED_AFTER_COMMA = new RegExp(`[，,]\\s*((?!叫)${NAME_CHAR}{2,8}?(?:${INDUSTRY})(?:${INDUSTRY})?)\\s*$`);
/**
 * A name of its own, without a trade word, closing the message after its last sentence or a space ("…合理不？汉味鲜食",
 * "…下周五前有个结果最好 襄阳隆盛"), perhaps with a place in brackets or an office after it: the last resort.
 */
const OPEN_SIGNED_LAST = new RegExp(`([。！？!?]\\s*|\\s)(${NAME_CHAR}{4,8}?)(?:\\s*[(（][^()（）]{1,6}[)）]|\\s*(?:办公室|行政部|财务部)|\\s+[\\u4e00-\\u9fa5A-Za-z]{1,4})?\\s*$`);
/** "晶阳新能源哈密光伏电站": the enterprise's name before one of its plants. */
const PLANT_OF = new RegExp(`^(.{2,6}?(?:${INDUSTRY})+)(?=.{2,8}(?:电站|项目|基地|工厂|分公司)$)`);
/** "我们是保税区的鑫泰石化": 我们是, a place, 的 and the name. */
const WE_ARE_PLACE_THEN = new RegExp(`我们是([^，,。！!？?\\s]{2,16}?)的\\s?(${NAME_CHAR}{2,10}?)(?=[，,。！!？?\\s]|$)`);
/** "我们是竹山的，秦巴绿松石工艺品厂，…": a short place, 的, a comma, then the name. */
const WE_ARE_PLACE_COMMA = new RegExp(`我们是([\\u4e00-\\u9fa5]{2,4})的[，,]\\s*(${NAME_CHAR}{4,10}?)(?=[，,。！!？?\\s]|$)`);
/** "…的嘉芯半导体", "…的鑫泰石化": a name after a place and 的. */
const PLACE_THEN_NAME = new RegExp(`^的[\\u4e00-\\u9fa5]${NAME_CHAR}{1,7}?(?=[，,。\\s]|$)`);

/** What the enterprise makes, 的, then its name, before what it reports or a pause. */
const MAKER_THEN_NAME = new RegExp(`做[^，,。\\s的]{1,8}的(${NAME_CHAR}{4,10}?)(?=\\s*(?:反映|跟我|老板|这边|[，,\\s]))`);
/** The name with its trade, then 提的 (what it raised). */
const NAME_RAISED = new RegExp(`(?:^|[，,。：:\\s]|是|会)(${NAME_CHAR}{2,8}?(?:${INDUSTRY}))提的`);
/** A public utility's group ("水务集团说是主管爆管"): not the enterprise reporting. */
const UTILITY_GROUP = '(?:水务|燃气|供水|港务|公交|铁路|电网)集团';
const UTILITY_GROUPS = new RegExp(UTILITY_GROUP, 'g');
/** "请水务集团…": a utility asked to act. */
const UTILITY_GROUP_ASKED = new RegExp(`^(?:请|让|叫|找|催)?${UTILITY_GROUP}$`);
/** A cadre at the enterprise's site: 去 / 到, the name with its trade, the site's own name, the site. */
const SITE_VISITED = new RegExp(`(?<![收遇找达拿得做想见受])(?:去了?|到了?)(${NAME_CHAR}{2,6}?(?:${INDUSTRY}))[\\u4e00-\\u9fa5]{2,5}?(?:工地|项目|楼盘|厂区)`);
/** How a cadre's report in the official register opens, before the enterprise it is about. */
const OFFICIAL_OPENER =
  /^(?:【[^】]{1,10}】\s*)?(?:(?:(?:据了解|经了解|据悉|经查|经核实|经(?:现场)?核查|据走访|据(?:[^，,。：:\s]{0,10}(?:中心|局|街道|办|所|站|社区)|企业)(?:报告|反映)|现将有关情况报告如下|紧急情况报告|情况报告|紧急情况|紧急|[^，,：:。\s]{2,10}(?:局|中心|办|街道)转?)[，,：:]\s*)+|(?:关于|现将)(?=[\u4e00-\u9fa5]{4,})|据(?=[^，,。]{4,30}反映))/;
/** A cadre's or a letter's opening: "项目专员汇报：", "关于", "尊敬的服务专员：". */
const REPORTER_HEAD =
  /^(?:【[^】]{1,10}】\s*)?(?:[^，,：:。]{1,12}?(?:汇报|报告|报|反映|提出|来电|留言)[：:]|关于|经走访(?:了解)?[，,]|经核实[，,]|尊敬的[^：:，,]{1,10}[：:])?\s*(?:[\u4e00-\u9fa5]{2,10}?(?:经济技术开发区|工业园区|工业园|开发区|高新区)(?=[\u4e00-\u9fa5]{4,}))?(?:(?:区内|辖区内?|园区内?)企业(?=[\u4e00-\u9fa5]{4,}))?/;

/** A name with its county or city (省 before it at most), the last words of the message after a space. */
const COUNTY_SIGNED =
  /[\s，,。！!？?](?:这是|我们是|俺们是|我们这是|俺们这是)?(((?:[\u4e00-\u9fa5]{2,3}省)?(?:[\u4e00-\u9fa5]{1,4}?(?:满族|回族|蒙古族|土家族|苗族|彝族|壮族|瑶族|侗族|藏族)?(?:自治县|县|市|旗)(?:[\u4e00-\u9fa5]{2,3}区)?|[\u4e00-\u9fa5]{2,3}(?:[\u4e00-\u9fa5]{2,3}区)))([\u4e00-\u9fa5]{3,12}))(?:\s+[\u4e00-\u9fa5]{2,3})?\s*$/;
/** The words that close a message without naming anyone: thanks, a plea, a title, time. */
const SIGN_OFF_WORDS = /(谢谢|感谢|多谢|辛苦|拜托|麻烦|盼复|在线等|加急|尽快|急死|急急|帮忙|协调|处理|解决|领导|老师|师傅|经理|书记|主任|科长|局长|老板|年底|月底|明天|今天|后天|现在|马上|赶紧|怎么|咋办|咋整|求助|救命|感恩|万分|非常|特别|真的|实在|一直|多久|多少|几天|几个|几间|点样|能租|能不能|可不可以)/;
/** A place, 的, then a name: the last words of the message after a space. */
const PLACE_OF_NAME = /[\s！!。](?:这是|我们是|俺们是|我们这是|俺们这是)?(?:[\u4e00-\u9fa5]{1,4}(?:县|市|区|镇|乡)|[\u4e00-\u9fa5]{2})(?:那边)?的([\u4e00-\u9fa5]{3,10})[。！!]?\s*$/;
/**
 * Rounds 71–74: a city or county with the township or quarter after it, 的, then the name, closing the message after a
 * space, a question or a dash ("—— 琼海博鳌的海天一色酒店", "…恢复啊 三亚藤桥的南海苗种场").
 */
/** A city (a district after it), 的, a name with its trade, then what it does or who speaks (rounds 83–86). */
/** A place of two to ten characters, 的, then the name closing the message (see parseEnterprise's use). */
const PLACE_OF_NAME_WIDE = /[\s！!。，,—–-](?:我们是|俺们是|这是|我是)?([\u4e00-\u9fa5]{2,10}?)的([\u4e00-\u9fa5]{3,10})[。！!]?\s*$/;
const PLACE_OF_NAME_MID = new RegExp(`(?:^|[\\s，,。！!？?：:])([\\u4e00-\\u9fa5]{2,6})的([\\u4e00-\\u9fa5]{2,5}?(?:${INDUSTRY})(?:公司|厂)?)(?=[\\s，,。]|新建|新上|想|要|在建|这边|那边|人事|财务)`);
/** The same opening the message, before anything (a place known to the place list, checked where it is used). */
const PLACE_OF_NAME_HEAD = new RegExp(`^(?:我们是?|俺们是?|我是)?([\\u4e00-\\u9fa5]{2,6})的([\\u4e00-\\u9fa5]{2,5}?(?:${INDUSTRY})(?:${INDUSTRY}|工程公司|检修公司|种植公司|种植基地|加工厂|加工|代理|管理|园)*(?:公司|厂)?)(?!工程|项目|企业|配套|综合体|市场|城|区|园|品|产业|行业|[一二三四五]期)`);
/** Rounds 83–86: "龙口东海粉丝新车间施工…", "…，青岛北方蓝海食品想报名参加": a name with its city before it, opening a clause, then what it does. */
const PLACED_NAME_MID = new RegExp(`(?:^|[\\s，,。！!？?：:])([\\u4e00-\\u9fa5]{4,14}?(?:${INDUSTRY}))(?=想|要|新建|新上|在建|这边|那边|新车间|新厂房|新厂)`);
const SUBPLACE_OF_NAME = /(?:[\s！!。？?]|—)\s*([\u3007\u4e00-\u9fa5]{3,8})的([\u4e00-\u9fa5]{3,12})[。！!]?\s*$/;

/** Frames giving an open name (a name without a trade word), tried in this order, each only where what it needs is. */
const OPEN_FRAMES = [WE_DO, WE_PLACE_NAME, HEAD_SAYS, HEAD_COLON, HEAD_PERSON, WE_OPEN, HEAD_TIME, HEAD_SITE, WE_SHORT, HEAD_ASKS];
const OPEN_FRAMES_GATE = new LiteralGate(OPEN_FRAMES);

/** The kinds a village's small business is named by (砖厂, 豆腐坊, 养鸭场, 石斛基地, 蔬菜合作社, 米业, 竹编). */
/** What a village business is called by at its end: a kind (厂, 坊, 基地) or a trade of its own (米业, 竹编). */
const VILLAGE_KIND_WORD = '(?:厂|坊|场|铺|基地|合作社|冻库|冷库|米业|木业|竹编|鞋业|粉业|茶业)';
/** The kind with up to three words of what is made before it (砖厂, 豆腐坊, 养鸭场, 石斛基地). */
const VILLAGE_KIND = `(?:[\u4e00-\u9fa5]{0,3}${VILLAGE_KIND_WORD})`;
const VILLAGE_KIND_WORD_AT_END = new RegExp(`${VILLAGE_KIND_WORD}$`);
const VILLAGE_BUSINESS = new RegExp(
  `(?:^|[\\s，,。！!：:]|村里|村的|乡的|镇的|里的|这个|托|叫|是)((?:(?![的了在是有和里])[\u4e00-\u9fa5]){2,5}?${VILLAGE_KIND})(?=门口|后面|旁边|前面|和|在|想|要|今年|去年|反映|托|接|招|请|的(?:[\u4e00-\u9fa5]{0,4})?(?:老板|厂房|车间|商标|绣品|竹篮|wifi|工人|技工|阿嫫)|两台|有|老板|厂里|场里|新上|做了|订单|门|[，,\\s])`,
);

/**
 * Words alone closing a message that may be its writer's name: no word of thanks or haste, no particle, no place or
 * thing, no lexicon phrase, no doubled pair of characters twice ("哈哈嘿嘿").
 */
/**
 * A name whose first two characters are rare at the head of the reports, or that opens with a known place (a city
 * the reports name often, 常州 or 苏州, is still a place before a name: "苏州科朗精密测量").
 */
const rareOrPlaced = (x: string): boolean => {
  if (gramCount(x.slice(0, 2)) < PLACE_MAX_COUNT) return true;
  const place = placeAtStart(x);
  return place !== null && x.length - place.length >= 2;
};
const closingWordsOk = (x: string): boolean =>
  !SIGN_OFF_WORDS.test(x) && !/[吗嘛呢吧啊呀哦啦哈得点啥咋]|(.)\1.*(.)\2/.test(x) && !isPlaceOrThing(x) && !placeAtStart(x) && !holdsLexiconPhrase(x);

/** A name read at the head of the message or after 走访: by its trade, no word of a sentence. */
function headNameOk(x: string | undefined): boolean {
  return !!x && tradeNameOk(x) && !NOT_A_NAME_AT_HEAD.test(x) && !SENTENCE_CHAR.test(x.replace(/(厂|公司)$/, ''));
}

function enterpriseIn(t: string): string | null {
  const signed = signedBy(t);
  if (signed) return signed;
  const alone = headByKind(t) ?? headBeforeSpace(t) ?? nameBetweenSpaces(t) ?? weSpaced(t);
  if (alone) return alone;
  const mine = MY_COMPANY.exec(t)?.[1]?.trim();
  if (mine) return mine;
  // round 158: "компания Волга Импорт", "Company Baraka Trade", "We are Славянский Дом LLC": a company after the word for it,
  // in Latin or Cyrillic letters (a Latin name after "We are" is the English frames' below)
  const worded = COMPANY_WORD.exec(t);
  if (worded && (!/^[Ww]e are/.test(worded[0]) || /[А-ЯЁа-яё]/.test(worded[1]!)) && !LATIN_NOT_A_NAME.test(worded[1]!.split(/\s+/)[0]!)) return worded[1]!;
  // "Sunrise Durian Import Co. here"
  const introduced = ENGLISH_HERE.exec(t)?.[1];
  if (introduced && !LATIN_NOT_A_NAME.test(introduced.split(' ')[0]!)) return introduced;
  // "CFO of 汉法座椅系统", "Sophie from 楚雷医疗器械", "Claire de 汉岛汽车系统", "ingénieur chez 楚雷医疗器械", "nous sommes 汉欧热管理"
  const foreignFramed = /\b(?:of|from|de|chez|sommes)\s+([\u4e00-\u9fa5]{3,12})(?=[\s,.，。(（]|$)/.exec(t)?.[1];
  if (foreignFramed && !SENTENCE_CHAR.test(foreignFramed) && !isPlaceOrThing(foreignFramed) && (INDUSTRY_END.test(foreignFramed) || KIND_END.test(foreignFramed) || isOpenName(foreignFramed))) return foreignFramed;
  // "【问题登记】企业：安泰仓储；问题：…": a form's field
  const field = /(?:^|[；;，,\s】])企业(?:名称)?[：:]\s*([^；;，,。：:\s]{2,30})(?=[；;，,。\s])/.exec(t)?.[1];
  if (field && !SENTENCE_CHAR.test(field.replace(/(有限公司|公司)$/, ''))) return field;
  // "今天去海川置业翡翠湾工地看了", "跟安监站去了天瑞置业锦绣城项目": a cadre's visit to the enterprise's site
  const site = SITE_VISITED.exec(t)?.[1];
  if (site && tradeNameOk(site)) return site;
  // "我们新盖的藏式民宿（雪鹰客栈）", "开牦牛肉干厂的（高原格桑食品）": the name in brackets after what the business is
  const bracketed = /(?:民宿|厂|店|公司|作坊|工作室|客栈|品牌|的|厨房|医院|企业|超市|诊所)[（(]([\u4e00-\u9fa5][^()（）\s]{2,11})[)）]/.exec(t)?.[1];
  if (bracketed && !SENTENCE_CHAR.test(bracketed) && !holdsLexiconPhrase(bracketed) && (INDUSTRY_END.test(bracketed) || KIND_END.test(bracketed) || isOpenName(bracketed))) return bracketed;
  // rounds 83–86: "我们公司是大同恒信电力设备，新招的…", "公司是威海韩进精密。": the name said after 公司是, closed by punctuation
  // (and 企业是: "…今天下午之前必须恢复。企业是长治锂晟能源"; not 单位是, said of others: 中标单位是, 设计单位是)
  const companyIs = /(?:公司|企业)(?:是|名字是|名称是)\s*([\u4e00-\u9fa5]{4,14}?)(?=[，,。！!？?\s]|$)/.exec(t)?.[1];
  if (companyIs && !SENTENCE_CHAR.test(companyIs) && !isPlaceOrThing(companyIs) && (INDUSTRY_END.test(companyIs.replace(/(?<=[\u4e00-\u9fa5]{4})(设备|器材|用品|材料)$/, '')) || (KIND_END.test(companyIs) || isOpenName(companyIs)) && !holdsLexiconPhrase(companyIs))) return companyIs;
  const quotedAt = QUOTED.exec(t);
  const quoted = quotedAt?.[1];
  // a programme or a loan in quotes (「瞪羚企业」, 「赣企贷」) names no one, nor one whose reward follows (round 344: "申报的「小升规」
  // 奖励公示结束了")
  const afterQuoted = quotedAt ? t.slice(quotedAt.index + quotedAt[0].length) : '';
  if (quoted && !SENTENCE_CHAR.test(quoted.replace(/(有限公司|公司)$/, '')) && !holdsLexiconPhrase(quoted) && !/(企业|贷|券|计划|工程|行动|政策|奖|项目|认定|名单|平台|系统|评比|表彰|检查|通知|活动|称号|奖项|升规)$/.test(quoted) && !/^(奖励|奖补|补贴|补助|资金|认定|政策|评选|称号|名单|项目)/.test(afterQuoted)) return quoted;
  const registered = ENGLISH_REGISTERED.exec(t)?.[1];
  if (registered && !LATIN_NOT_A_NAME.test(registered.split(' ')[0]!)) return registered;
  const roleAt = ENGLISH_ROLE_AT.exec(t)?.[1];
  if (roleAt && !LATIN_NOT_A_NAME.test(roleAt.split(' ')[0]!)) return roleAt;
  const englishSigned = /[a-z]{2,}/.test(t) ? ENGLISH_SIGNED.exec(t)?.[1] : undefined;
  if (englishSigned && !englishSigned.split(/\s+/).some((w) => LATIN_NOT_A_NAME.test(w))) return englishSigned;
  const frame = ENGLISH_FRAME.exec(t);
  // "We are Chiang Rai Coffee Co., want…": the abbreviation keeps its full stop
  const english = frame?.[1] && /\bCo$/.test(frame[1]) && t[frame.index + frame[0].length] === '.' ? `${frame[1]}.` : frame?.[1]?.trim();
  if (english && !LATIN_NOT_A_NAME.test(english.split(' ')[0]!)) return english;
  // rounds 67–70: "代表澳门伟昌集团问下", "我是澳门丰源食品的Ada": the group one speaks for, the enterprise before one's English name
  const onBehalf = /代表([\u4e00-\u9fa5]{2,14}?(?:集团|有限公司|公司))/.exec(t)?.[1] ?? /代表([\u4e00-\u9fa5]{4,12}?)(?:说一下|说下|反映|问一下|问下|来)/.exec(t)?.[1] ?? /我是([\u4e00-\u9fa5]{4,12}?)的\s?[A-Z][a-z]{1,10}(?![a-z])/.exec(t)?.[1];
  if (onBehalf && !SENTENCE_CHAR.test(onBehalf.replace(/(有限公司|公司)$/, '')) && (TRADE_NAME_END.test(onBehalf) || /(集团|公司)$/.test(onBehalf)) && !isPlaceOrThing(onBehalf)) return onBehalf;
  // a Latin name the enterprise gives itself ("我们 Tarim Petro Service") before one merely at the head ("Korla 这边")
  // (a Latin name opens with a capital letter: a text without one has none)
  const latin = (/[A-Z]/.test(t) ? [...t.matchAll(LATIN_NAME)] : []).filter(
    // "我们是Yizhuang的嘉芯半导体": a place in letters, then the name
    (m) => !LATIN_NOT_A_NAME.test(m[1]!.split(' ')[0]!) && !PLACE_THEN_NAME.test(t.slice((m.index ?? 0) + m[0].length)) &&
      // "Songjiang plant needs…": a place in letters before a site
      !(/^\S+$/.test(m[1]!) && /^\s*(plant|factory|site|office|warehouse|campus|park|branch)\b/i.test(t.slice((m.index ?? 0) + m[0].length))) &&
      // "麦德万斯生物（Medvance）这边…": the English name in brackets after the Chinese one, which is the name as written
      !CHINESE_NAME_THEN_BRACKET.test(t.slice(0, (m.index ?? 0) + m[0].indexOf(m[1]!))),
  );
  const own = latin.find((m) => /(我们是?|叫|这边是|这里是)\s*$/.test(t.slice(0, (m.index ?? 0) + m[0].indexOf(m[1]!))));
  const chosen = own ?? latin[0];
  // ("我们是Island Spice Co.，做胡椒出口的": the abbreviation keeps its full stop here too)
  if (chosen) return /\bCo$/.test(chosen[1]!) && t[(chosen.index ?? 0) + chosen[0].length] === '.' ? `${chosen[1]}.` : chosen[1]!;
  // a name with its city at the head of a sentence, or after a place and 的, unless a registered name is written out (a
  // public utility's group, "水务集团说是主管爆管", is not the enterprise's)
  // "我们是九原区做钢渣微粉的，叫瑞丰新材。集团下属水泥厂欠我们…", "广西老乡开嘅厂，叫南宁记家私": the name one says one is
  // called, whatever group or registered name the message names besides
  const called = /(我们|我司|公司|开了?(一|个|家))|(厂|企业|公司|店)[^。]{0,16}叫/.test(t) ? CALLED.exec(t)?.[1] : undefined;
  if (called && !/(啥|什么|事|啊|呢|吗|吧)/.test(called) && (/^[A-Z]/.test(called) ? !LATIN_NOT_A_NAME.test(called) : isOpenName(called) || tradeNameOk(called) && INDUSTRY_END.test(called) || (called.length >= 4 && KIND_END.test(called) && !SENTENCE_CHAR.test(called)) || (called.length === 3 && saidCalled(t, called) && !SENTENCE_CHAR.test(called) && !PERSON_NAMED.test(called) && !holdsLexiconPhrase(called)))) return called;
  if (!/(有限公司|集团)/.test(t.replace(UTILITY_GROUPS, ''))) {
    const head = [headTradeName(t), VISITED.exec(t)?.[1]].find(headNameOk);
    if (head) return head;
    const opening = HEAD_BRAND.exec(t)?.[1];
    // the brand is the pair of characters before the trade; what stands before it is the place ("德化鼎盛瓷业", "泉州三友塑胶")
    const brand = opening?.replace(TRADE_AT_END, '').slice(-2);
    // a place before the brand is as rare in the reports as a brand ("德化", "晋江"; not "冷库备用发电机")
    const place = opening?.replace(TRADE_AT_END, '').slice(0, -2) ?? '';
    // (a district, a time or a road before a trade word is a sentence: "长沙市智能制造专项", "路演时投资人", "盘山公路扩建工地")
    if (headNameOk(opening) && brand && (place.length < 2 || (place.length <= 4 && (gramCount(place.slice(0, 2)) < PLACE_MAX_COUNT || placeAtStart(place) === place))) && !/[市县区乡镇时路替帮代]/.test(opening!.replace(TRADE_AT_END, '')) && (gramCount(brand) < (place ? PLACED_BRAND_MAX_COUNT : BRAND_MAX_COUNT) || ZIHAO.test(brand)) && !holdsLexiconPhrase(brand) && !holdsLexiconPhrase(opening!.replace(TRADE_AT_END, ''))) return opening!;
    const trades = HEAD_TRADES_HERE.exec(t)?.[1];
    if (trades && !NOT_TRADE_NAME_HEAD.test(trades) && !holdsLexiconPhrase(trades)) return trades;
  }
  const named = parseNamedEnterprise(t);
  if (named) return named;
  // rounds 59–62: "…领导帮俺们问问 博兴县华美彩涂", "…先给一部分也行 宁晋县舒心被服厂", "…咋整啊 这是衡水冀丰橡胶 张振兴":
  // the name with its county or city closing the message after a space (a person's name may follow it)
  const countySigned = COUNTY_SIGNED.exec(t);
  if (countySigned && !SENTENCE_CHAR.test(countySigned[2]! + countySigned[3]!) && !/(园区|社区|小区|开发区|辖区|城区|新区|景区|厂区|片区|市区|郊区|山区|矿区|校区|超市|城市|门市|夜市|菜市)$/.test(countySigned[2]!) && !PUBLIC_OFFICE_END.test(countySigned[3]!) && !isPlaceOrThing(countySigned[3]!) && !/^(里|上|下|的|那边|这边|城|政府|领导)/.test(countySigned[3]!)) return countySigned[1]!;
  // "…要提前准备展品 —— 仙游 鸿艺堂", "…急需找替代供应商 沈阳 华晟传动": a place, a space, then the name, closing the message
  const placeThenName = /[\s—–-]([\u4e00-\u9fa5]{2,8})\s+([\u4e00-\u9fa5]{2,10})\s*$/.exec(t);
  const signedPlace = placeThenName ? placeAtStart(placeThenName[1]!) : null;
  if (placeThenName && signedPlace && placeThenName[1]!.length - signedPlace.length <= 3) {
    const name = placeThenName[2]!;
    if (!SENTENCE_CHAR.test(name) && !isPlaceOrThing(name) && !placeAtStart(name) && (TRADE_NAME_END.test(name) ? tradeNameOk(name) : KIND_END.test(name) || isOpenName(name))) return name;
  }
  // "…不然下礼拜就不让干了 盘锦正和建工", "…请消防明天之前一定来验收！霞浦海上风光新能源": a name with its city or county
  // before it, the last words of the message
  const placedLast = /[\s！!。？?]([\u4e00-\u9fa5]{4,16})\s*$/.exec(t)?.[1];
  const lastPlace = placedLast ? placeAtStart(placedLast) : null;
  if (placedLast && lastPlace) {
    const name = placedLast.slice(lastPlace.length).replace(/^(?:县|市|区)/, '');
    // (a trade may be followed by what is done with it: "长春宝联钢材加工")
    const trade = name.replace(/(?<=[\u4e00-\u9fa5]{3})(加工|制造|批发|销售)$/, '');
    // rounds 71–74: "…月底前修好行不 鄂尔多斯远驰", "…能不能划一块停车区 银川驼铃": a brand of two characters after a place
    // written as a whole, after a space, rare at the head of the reports
    if (name.length === 2 && /\s$/.test(t.slice(0, t.length - t.trimEnd().length - placedLast.length)) && !ALWAYS_SENTENCE_CHAR.test(name) && closingWordsOk(name) && (gramCount(name) < BRAND_MAX_COUNT || ZIHAO.test(name))) return placedLast;
    // (after a place, 和 and 上 are a name's: "盘锦正和建工", "霞浦海上风光新能源")
    if (name.length >= 3 && !ALWAYS_SENTENCE_CHAR.test(name) && !isPlaceOrThing(name) && !/^(里|上|下|的|那边|这边|城|政府|领导)|(路店|分店|门店|项目部|项目|工地|指挥部)$|[吗呢吧啊呀哦嘛哈啦]$/.test(name) && (TRADE_NAME_END.test(trade) ? tradeNameOk(trade) : (KIND_END.test(name) || isOpenName(name)) && (name.length >= 5 || !holdsLexiconPhrase(name)))) return placedLast;
  }
  // "…让他们赔 平山县的鸿达食用菌", "…多来转转 吴桥的金刚杂技道具厂": the place, 的, then the name
  const placeOf = PLACE_OF_NAME.exec(t)?.[1];
  if (placeOf && placeOf.length >= 4 && !SENTENCE_CHAR.test(placeOf) && !isPlaceOrThing(placeOf) && (TRADE_NAME_END.test(placeOf) || KIND_END.test(placeOf) || isOpenName(placeOf))) return placeOf;
  // rounds 186–194: "…能不能安排清理一下，婺源汪口的徽州人家", "…村委也不管 屏山村的三间院", "…这周内能不能把泥清掉 歙县渔梁的
  // 墨韵堂": a county, a township, a village or a quarter of one, 的, then the name closing the message (a name holding a word
  // of a sentence, 有 or 不, is not read: "泰来县的绿禾有机农场", "阿不力孜馕坊")
  const placedOf = PLACE_OF_NAME_WIDE.exec(t);
  const ofPlace = placedOf?.[1] ?? '';
  const ofName = placedOf?.[2] ?? '';
  // (not a neighbour, a few of a kind, a bank, a post office or a clinic: "城关镇的老邻居", "城关镇的几家厂", "城关镇的信用社", the review's)
  if (placedOf && !(ofName.length === 3 && /^[老小大几一两这那]/.test(ofName)) && !NEIGHBOUR_END.test(ofName) && (/[县市区镇乡村旗]$/.test(ofPlace) || placeAtStart(ofPlace) !== null) && !SENTENCE_CHAR.test(ofPlace) && !SENTENCE_CHAR.test(ofName) && !isPlaceOrThing(ofName) && !PUBLIC_OFFICE_END.test(ofName) && !PUBLIC_PLACE_END.test(ofName) && !SITE_END.test(ofName) && !TRADE_ALONE.test(withoutKind(ofName)) && ((TRADE_NAME_END.test(ofName) && tradeNameOk(ofName)) || KIND_END.test(ofName) || isOpenName(ofName))) return ofName;
  const subplaced = SUBPLACE_OF_NAME.exec(t);
  const subplace = subplaced ? placeAtStart(subplaced[1]!) : null;
  if (subplaced && subplace && subplaced[1]!.length - subplace.length <= 4 && !ALWAYS_SENTENCE_CHAR.test(subplaced[1]!.slice(subplace.length))) {
    const name = subplaced[2]!;
    // (what is done with its produce may close it: "海甸沙虫加工", "山泉百香果种植园")
    // (a name may hold 一 or 对 here: "海天一色酒店", "海丰对虾养殖")
    if (name.length >= 4 && !/[我你他她它们是在有要想不没了吗呢吧啊]/.test(name) && !SIGN_OFF_WORDS.test(name) && !isPlaceOrThing(name) && !PUBLIC_OFFICE_END.test(name) && (TRADE_NAME_END.test(name) || KIND_END.test(name) || /(加工|种植园|种植基地)$/.test(name) || isOpenName(name))) return name;
  }
  // rounds 83–86: "莱西的金穗果蔬公司新建冷藏库…", "唐山曹妃甸的宏泰钢管 人事这边问下": a city (its district after it), 的,
  // then a name with its trade at the head of a clause, before what it does or who speaks
  const placedMid = PLACE_OF_NAME_MID.exec(t);
  const midPlace = placedMid ? placeAtStart(placedMid[1]!) : null;
  if (placedMid && midPlace && placedMid[1]!.length - midPlace.length <= 3 && !ALWAYS_SENTENCE_CHAR.test(placedMid[1]!.slice(midPlace.length))) {
    const name = placedMid[2]!;
    if (tradeNameOk(name.replace(/(公司|厂)$/, '')) && !SENTENCE_CHAR.test(name.replace(/(公司|厂)$/, '')) && !isPlaceOrThing(name)) return name;
  }
  // round 284: "会东的鑫源矿业采矿范围…", "德昌县城北的安宁河酒店自来水…": the place, 的, and the name opening the message,
  // whatever follows it
  const placedHead = PLACE_OF_NAME_HEAD.exec(t);
  if (placedHead && placeAtStart(placedHead[1]!) && placeOrZone(placedHead[1]!)) {
    const name = placedHead[2]!;
    const own = name.replace(/(?:工程公司|检修公司|种植公司|种植基地|加工厂|加工|代理|管理|园|公司|厂)$/, '');
    // (its brand is no kind said, 老牌 or 新开, nor a zone; and it is not a market's, a town's or a zone's name: "揭阳的普宁
    // 纺织品市场…", "汕头的澄海玩具城…", "海东的河湟文化旅游区…")
    const brand = own.replace(TRADE_AT_END, '');
    if (own.length >= 4 && tradeNameOk(own) && !SENTENCE_CHAR.test(own) && !isPlaceOrThing(name) && !/^(老牌|新开|新建|新上|本地|当地|大型|小型|中型|规上|龙头|民营|国有|外资|合资|私营|个体)|企业|新区|片区|园区|市场|广场|[路街]$|^[\u4e00-\u9fa5]{2,}城$/.test(brand) && !(/[园城]$/.test(name) && placeAtStart(brand)) && !/^[\u4e00-\u9fa5]{0,3}(旅游区|景区|新区|园区|开发区|市场|城)/.test(t.slice(placedHead.index + placedHead[0].length))) return name;
  }
  const placedName = PLACED_NAME_MID.exec(t)?.[1];
  const namePlace = placedName ? placeAtStart(placedName) : null;
  if (placedName && namePlace) {
    const name = placedName.slice(namePlace.length);
    if (name.length >= 4 && !ALWAYS_SENTENCE_CHAR.test(name) && !SENTENCE_CHAR.test(name) && tradeNameOk(name) && !isPlaceOrThing(name) && !placeAtStart(name)) return placedName;
  }
  // "…能不能走简易程序 十堰张湾曲轴厂", "…能不能落集体户 十堰鑫宇": the name closing the message after a space
  const spacedLast = /\s([\u4e00-\u9fa5]{4,14})\s*$/.exec(t)?.[1];
  if (spacedLast && signatureOk(spacedLast) && !SENTENCE_CHAR.test(spacedLast) && !/(路店|分店|门店|名堂)$/.test(spacedLast) && ((TRADE_NAME_END.test(spacedLast) && tradeNameOk(spacedLast)) || KIND_END.test(spacedLast) || /(水电站|家庭农场|加工厂)$/.test(spacedLast))) return spacedLast;
  // "园区里做锂电隔膜的合肥博锐隔膜老板跑了", "利辛那个做羽绒的鸿羽服饰跟我反映": what it makes, 的, then its name
  const maker = MAKER_THEN_NAME.exec(t)?.[1];
  if (maker && /^[\u4e00-\u9fa5]+$/.test(maker) && ((TRADE_NAME_END.test(maker) && tradeNameOk(maker)) || (KIND_END.test(maker) && !SENTENCE_CHAR.test(maker)))) return maker;
  // "是云帆电子提的", "青溪市博远生物提的研发费用补助": the name, then what it raised
  const raised = t.includes('提的') ? NAME_RAISED.exec(t)?.[1] : undefined;
  if (raised && tradeNameOk(raised)) return raised;
  const zihao = ZIHAO_NAMED.exec(t)?.[1];
  if (zihao && tradeNameOk(zihao)) return zihao;
  for (const re of [NAME_THEN_REPORTS, NAME_THEN_PHASE]) {
    const head = re.exec(t)?.[1];
    // (a property manager is a business: "嘉禾物业反映：", not "小区物业反映")
    if (head && !NOT_A_NAME_AT_HEAD.test(head) && (!PERSON_AT_END.test(head) || (/^[\u4e00-\u9fa5]{2,4}物业$/.test(head) && gramCount(head.slice(0, 2)) < PLACE_MAX_COUNT)) && !/(高新区|开发区|经开区|园区|新区|工业园|产业园|[区县镇乡]|(?<!超)市)$/.test(head) && !SENTENCE_CHAR.test(head) && !/(企业|公司|厂家|单位)/.test(head) && !isPlaceOrThing(head)) return head;
  }
  const byIndustry = industryNamed(t);
  // "桩基检测", "外立面材料": the brand before the trade word names a thing of the problem, not a business
  if (byIndustry) return tradeNameOk(byIndustry) ? byIndustry : null;
  const brand = WE_BRAND.exec(t);
  if (brand?.[2]) return brand[2];
  if (brand?.[1] && !SENTENCE_CHAR.test(brand[1]) && !holdsLexiconPhrase(brand[1]) && !isPlaceOrThing(brand[1])) return brand[1];
  // "我们是做医疗器械的迈科锐": what the enterprise does, then a name of three characters
  const did = WE_DO_SHORT.exec(t)?.[1];
  if (did && !holdsLexiconPhrase(did) && !/[队组班方户厂店司]$/.test(did) && !/^[小大新老]/.test(did)) return did;
  for (const k of OPEN_FRAMES_GATE.candidates(t)) {
    const name = OPEN_FRAMES[k]!.exec(t)?.[1];
    if (name && isOpenName(name)) return name;
  }
  const spacedPlace = WE_PLACE_NAME_SPACED.exec(t);
  if (spacedPlace && placesOnly(spacedPlace[1]!) && isOpenName(spacedPlace[2]!)) return spacedPlace[2]!;
  const shopMatch = SHOP_NAMED.exec(t);
  const shop = shopMatch?.[1] ?? shopMatch?.[2];
  if (shop && !SENTENCE_CHAR.test(shop) && !PERSON_AT_END.test(shop) && !/(登记|书记|笔记|日记|标记|忘记|印记|惦记|作坊|牌坊|蛋糕坊|木工坊|酿酒坊)$/.test(shop) && !isPlaceOrThing(shop) && !placeAtStart(shop) && !/^(?:小|大|老|新|这|那|豆腐|油|磨|染|酒|茶|粉|面|作)/.test(shop) && rare(shop.slice(0, 2))) return shop;
  // "扎西牦牛奶这边冷库昨晚开始停电", "青城云游这边办公室的宽带…": a name, 这边, then anything (not a place: "吴江盛泽这边")
  const here = HEAD_HERE.exec(t)?.[1];
  if (here && isOpenName(here) && !placeAtStart(here)) return here;
  // rounds 71–74: "…能不能帮着核一下 腾格里阳光这边", "…对接下 绒达这边": a name, then 这边, closing the message after a space
  const hereLast = /\s([\u4e00-\u9fa5]{2,6}?)(?:这边|那边)\s*$/.exec(t)?.[1];
  if (hereLast && !ALWAYS_SENTENCE_CHAR.test(hereLast) && closingWordsOk(hereLast) && !PERSON_AT_END.test(hereLast) && (gramCount(hereLast.slice(0, 2)) < BRAND_MAX_COUNT || ZIHAO.test(hereLast))) return hereLast;
  // a name closing the message: rare at its head in the reports (a brand or a place), no word of thanks or haste
  // (after a space alone only where the writer uses no other space between Chinese words: "…能管管吗", "…大概两亩" close
  // a clause in a message written with spaces for commas)
  const closing = OPEN_SIGNED_LAST.exec(t);
  const last = closing?.[2];
  // (round 268: "…是真的还是骗子啊 华兴茶机 小王": a person signing after the name says it is a signature, spaces or not;
  // not after a village, a park or a body, "…咋个报名 雷山银匠村 龙师傅", "…车进不来 城东工业园 王经理")
  const signer = closing && last ? closing[0].slice(closing[1]!.length + last.length).trim() : '';
  const spaced = closing && /^\s+$/.test(closing[1]!) && !(PERSON_NAMED.test(signer) && !/(村|镇|乡|寨|屯|社区|园|区|街|路|会|联|局|委|办|所|站|中心|广场|市场)$/.test(last!)) && (t.match(/[\u4e00-\u9fa5]\s+[\u4e00-\u9fa5]/g) ?? []).length > 1;
  if (last && !spaced && /^[\u4e00-\u9fa5]+$/.test(last) && !/(.)\1|[吗嘛呢吧啊]/.test(last) && isOpenName(last) && rareOrPlaced(last) && !NOT_A_SIGNATURE.test(last)) return last;
  // rounds 67–70: "…麻烦帮催一下运管 飞鸿快运", "…咬坏好几箱毛绒玩具 … 美羊羊毛绒": four to eight characters of a name
  // alone after a space, closing a message that has said its matter
  const lastWords = /\s([\u4e00-\u9fa5]{4,8})\s*$/.exec(t);
  const aloneLast = lastWords && (t.slice(0, lastWords.index).trimEnd().split(/\s/).pop() ?? '').length >= 12 ? lastWords[1] : undefined;
  if (aloneLast && !ALWAYS_SENTENCE_CHAR.test(aloneLast) && closingWordsOk(aloneLast) && gramCount(aloneLast.slice(0, 2)) < PLACE_MAX_COUNT) return aloneLast;
  // (round 286: "…能不能帮着协调协调 威海鲜到家冷链", "…到底有没有嘛 延安智联农科": a city, a brand of two to four characters and
  // its trade; the brand may hold what a sentence does, 到)
  const cityLast = aloneLast ? placeAtStart(aloneLast) : null;
  const brandOfCity = cityLast ? aloneLast!.slice(cityLast.length).replace(TRADE_AT_END, '') : '';
  if (cityLast && TRADE_NAME_END.test(aloneLast!) && brandOfCity.length >= 2 && brandOfCity.length <= 4 && !/[我你他她们是在了吗呢吧啊嘛]/.test(brandOfCity) && !holdsLexiconPhrase(brandOfCity) && !placeAtStart(brandOfCity)) return aloneLast!;
  // (after a shorter clause, "…电信电话打不通 佳佳母婴", "…并网要排队 排了三个月还没轮到 绿叶环保袋": a brand rare at the head of
  // the reports, or a doubled pet name)
  const shortLast = lastWords && !aloneLast && t.slice(0, lastWords.index).replace(/\s/g, '').length >= 12 ? lastWords[1]! : undefined;
  if (shortLast && !SENTENCE_CHAR.test(shortLast) && !/(项目部|指挥部|大户|[看掉贼紧着])|(路店|分店|门店|旗舰店|专卖店)$|^(白白|天天|常常|慢慢|好好|刚刚|偏偏|渐渐|明明|往往|久久|正好|刚好)/.test(shortLast) && closingWordsOk(shortLast) && (gramCount(shortLast.slice(0, 2)) < BRAND_MAX_COUNT || /^(.)\1/.test(shortLast))) return shortLast;
  // rounds 75–78: "…能不能修个人行道 陆港通", "…区里有没有低息的产品想置换一下 鼎运": a brand of two or three characters
  // alone after a space, closing a message that has said its matter (not a person: 老秦, 张建国)
  const brandWords = /\s([\u4e00-\u9fa5]{2,3})\s*$/.exec(t);
  // (a person signs after a dash, "—— 次仁"; no doubled character, "冲冲冲"; no verb first, "好销号", "别白跑")
  const brandLast = brandWords && t.slice(0, brandWords.index).replace(/\s/g, '').length >= 16 && !/[—–-]$/.test(t.slice(0, brandWords.index)) ? brandWords[1]! : undefined;
  if (brandLast && !ALWAYS_SENTENCE_CHAR.test(brandLast) && !/(.)\1|^[好别请快再先就都也还要能会等盼求]/.test(brandLast) && closingWordsOk(brandLast) && !PERSON_AT_END.test(brandLast) && !PERSON_NAMED.test(brandLast) && !/^阿/.test(brandLast) && gramCount(brandLast.slice(0, 2)) < BRAND_MAX_COUNT && gramCount(brandLast.slice(-2)) < BRAND_MAX_COUNT) return brandLast;
  // rounds 67–70: "村里金穗米业新上了台烘干机", "紧急情况 红星砖厂门口围了…", "湘味坊想参加…", "我们村的绿水湾渔场 鱼塘边上…": a
  // village's small business named by its kind (a mill, a workshop, a farm, a base, a cooperative) inside the sentence
  // (its own name before the kind: no word of a sentence, and rare at the head of the reports — not 主机厂, 港资厂, 电池仓库)
  const village = VILLAGE_BUSINESS.exec(t)?.[1];
  const itsOwn = village?.replace(VILLAGE_KIND_WORD_AT_END, '') ?? '';
  if (village && itsOwn.length >= 2 && !SENTENCE_CHAR.test(itsOwn) && !/(货场|现场|工厂|仓库|市场|广场|停车场|机场|商场|球场|剧场|会场|考场)$/.test(village) && gramCount(itsOwn.slice(0, 2)) < (itsOwn.length >= 3 || village.length - itsOwn.length >= 2 ? PLACE_MAX_COUNT : BRAND_MAX_COUNT) && !/^(港资|外资|台资|合资|独资|国有|国营|民营|私营|乡镇|村办|主机|农机)/.test(village) && !isPlaceOrThing(village) && !holdsLexiconPhrase(itsOwn) && !/^(村|镇|乡|县|这|那|该|本|我|俺|咱|外|老板|厂|新|大|小|几|隔壁|但|就|还|也)/.test(village) && !placeAtStart(village)) return village;
  // round 185: "雅安熊猫谷客运公司缺四个…", "瀑布沟的金汤渔业公司跟…": a name of four or more characters closed by 公司,
  // whatever follows; not a utility or a kind of company alone, nor one named by its place alone ("雅安供电公司")
  return companyClosed(t);
}

/** A name closed by 公司 after a clause's opening, 的 or 我们 (see readEnterprise's last rule). */
const COMPANY_CLOSED = new RegExp(`(?:^|[，,。！!？?：:\\s]|的|我们是?|我司)(${NAME_CHAR}{4,14}?公司)(?!的?(?:人|领导|员工|工人|说|讲|称))`);
/** What names a company by its service alone: a utility, a bank, an insurer, a builder or a carrier. */
const GENERIC_COMPANY_END = /(?:供电|电力|燃气|天然气|自来水|水务|热力|供热|物业|保险|财险|寿险|人寿|担保|劳务|施工|建筑|运输|物流|快递|城投|平台|铁塔|移动|联通|电信|邮政|银行|证券|信托|租赁|中介|外包|分)?公司$/;
/** A company named by the service it sells or by its capital, not by a name ("餐饮管理公司", "中外合资公司", "中国移动公司"). */
const COMPANY_OF_A_KIND = /^(?:中国|中外|合资|独资|外资|保洁|保安|注册|代办|代理|餐饮|家政|人力|管理|服务|装修|装饰|广告|咨询|财务|会计|律师|培训|投资|商业|文化传播)/;
function companyClosed(t: string): string | null {
  const m = COMPANY_CLOSED.exec(t);
  if (!m) return null;
  const company = m[1]!;
  const own = company.replace(GENERIC_COMPANY_END, '');
  // (one the writer deals with is not the writer: "给我们做光伏的晶科能源公司跑了", "跟成都华西建设公司打官司")
  const at = m.index + m[0].length - company.length;
  if (/(给|帮|替)(我们|俺们|我司|我厂)|对方|(跟|和|与|同)$/.test(t.slice(Math.max(0, at - 12), at))) return null;
  // (a name stripped of a utility's or a carrier's word keeps three characters of its own: not "人保财险公司")
  const ownLength = own.length + 2 < company.length ? 3 : 2;
  return own.length >= ownLength && !COMPANY_OF_A_KIND.test(own) && rareOrPlaced(own) && !/^(?:事|已|联系)|[县市区镇乡由同]$/.test(own) && !SENTENCE_CHAR.test(company) && !placesOnly(own) && !isPlaceOrThing(own) && !TRADE_ALONE.test(own) && !holdsLexiconPhrase(own) ? company : null;
}
/**
 * The message opens with the enterprise's name alone, then a space ("白沟乐途箱包 想试试上亚马逊…", "正定的恒瑞氨纶 收到…",
 * "奎屯金穗轧花厂 籽棉收购款…"): a name with its trade, or one rare at its head in the reports, with no word of a sentence.
 */
const HEAD_SPACED = new RegExp(`^(?:${NAME_CHAR}{2,6}的)?(${NAME_CHAR}{4,12})\\s+[\\u4e00-\\u9fa5]`);
/**
 * A small business named by its kind at the head ("扎西牦牛奶这边…", "卓玛家庭旅馆 之前的股东…", "甘南州夏河县达宗湖生态牧场：",
 * "理塘措普虫草行 上个月…"): a name ending in a kind of shop, workshop or office, before 这边, a comma, a colon or a space.
 */
const BUSINESS_KIND = '(?:家庭旅馆|山庄|农庄|鱼庄|渔庄|驿站|货运站|工程队|经营部|服务部|加油站|充电站|加工厂|艺术中心|工作室|诊所|作坊|(?<!食)堂|店|馆|社|行|院|坊|场|所|吧|厅|栈|舍|居|乐|公司|厂)';
const KIND_END = new RegExp(`${BUSINESS_KIND}$`);
/**
 * Rounds 182–197: the enterprise's own name closing a message after its last sentence, a comma or a space, with nothing
 * else reading one ("…已经报咗警。清远安居建设", "…冷链车开不进去。二里坝果业", "…我们老宅是明代的木结构 西溪南的枫杨山房"):
 * a name that ends in its trade or its kind, where it is (a place and 的) before it left off. Read last, where no other
 * rule names the enterprise, so a word of it that is also a sentence's (上, 下, 里, 家, 和 in 陇上椒香, 日隆雪山下咖啡,
 * 二里坝果业, 汪家菊园, 泰和物业) is allowed here.
 */
const CLOSING_NAME = new RegExp(`(?:[。！？!?，,；;～~]|\\s|——|—)\\s*(?:(我们是?|我是|俺们是|(?:我们|俺们)?这边是)\\s*(?:总包|业主|施工方|承建方)?)?(?:([\\u4e00-\\u9fa5]{2,10}?)的)?([\\u4e00-\\u9fa5]{3,18})(?:\\s*(?:[小老][\\u4e00-\\u9fa5]{1,2}|紧急|急|拜托[\\u4e00-\\u9fa5]{0,6}|谢谢|麻烦了?))?\\s*[。.！!~～]*\\s*$`);
/** A department or a desk after the name ("北部湾特钢人力部", "兴隆温泉大酒店工程部"). */
const CLOSING_DESK = /(?<=[\u4e00-\u9fa5]{3})(?:人力部|人事部|人力资源部|工程部|行政部|财务部|综合部|办公室|前台|后勤)$/;
/** 都 "all", not after the characters it follows inside a name (WORDS_IN_NAMES: 成都, 酒都, 冷都). */
const DU_NOT_IN_NAME = `(?<![${WORDS_IN_NAMES.find((w) => w.word === '都')!.after}])都`;
/** Words of a sentence, never of a closing name or the place before it. */
const CLOSING_SENTENCE_CHAR = new RegExp(String.raw`[我你他她它们这那是在要想请帮说问了吗呢吧啊哦嘛呀咯啦哈能会没不被把给对向从到很太也还就又再才刚该让叫去过着得地的某哪或咋怎啥搞可周]|${DU_NOT_IN_NAME}|有(?![机限])|例如|组织|娃娃|孩子|小孩|员工|[几多各两]家|讲|开店|[办开]厂|无法|影响|导致|已|建议|联系|告知|赶|抵达|欢迎|暂缓|切实|执行|运行|推行|通行|限行|现场|返厂|优化|加强|冲击|平稳|恢复|全面|单双号|机关|农村|场所|楼上|楼下`);
const CLOSING_KIND_END = new RegExp(`(?:${INDUSTRY}|${BUSINESS_KIND}|人家|山居|山房|菊园|茶园|果园|阁|电站|水电)$`);
/**
 * The same name opening the message before a space, 这边 or a colon ("陇上人家农家乐 自来水停了两天了", "四姑娘山长坪沟马帮合作社
 * 今年冬天…", "偏关县晋风光伏电站 并网点线路老跳闸"), read last too.
 */
const HEAD_NAME = /^(?:([\u4e00-\u9fa5]{2,10}?)的\s*)?([\u4e00-\u9fa5]{3,16}?)(?:\s+|这边|那边|[：:])/;
function headName(t: string): string | null {
  const [, place, name] = HEAD_NAME.exec(t) ?? [];
  const read = name ? closingNameOk(place, name) : null;
  // (not a neighbour, a kind of work or a supplier by its kind: "隔壁工厂", "安全培训", "原料厂" 那边)
  return read && !NOT_TRADE_NAME_HEAD.test(read) && !NOT_A_NAME_AT_HEAD.test(read) && !/^(?:原料|安全|消防)/.test(read) ? read : null;
}
/**
 * Rounds 198–204: the name opening the message or following 我们 (a place and 的 between them left off), glued to what it
 * says ("五大连池火山泉饮品二期项目的用地…", "我们武宣鑫源养殖场旁边的村民…", "我们晋城凤台铸锻新上的中频炉…"): the longest
 * run of its first words that ends in a trade or a kind, up to the first word of a sentence. Read last.
 */
const LEADING_NAME = /(?:^|[，,。！!？?\s])(?:我们是?|俺们|我司)(?:([\u4e00-\u9fa5]{2,6}?)的)?([\u4e00-\u9fa5]{3,24})|^(?:([\u4e00-\u9fa5]{2,6}?)的)?([\u4e00-\u9fa5]{3,24})/;
/** What may follow a name glued to its sentence: the start of a clause. */
const LEADING_NAME_ENDS = new RegExp(`^(?:$|冬季|冬天|${CLAUSE_AFTER_NAME})`);
function leadingName(t: string): string | null {
  const m = LEADING_NAME.exec(t);
  if (!m) return null;
  const place = m[1] ?? m[3];
  const run = m[2] ?? m[4]!;
  const words = run.slice(0, CLOSING_SENTENCE_CHAR.exec(run)?.index ?? run.length);
  for (let end = Math.min(words.length, 16); end >= 4; end--) {
    const name = closingNameOk(place, words.slice(0, end));
    // (its own words rare at the head of the reports or a known place first: not "绿色工厂", "隔壁小区居…", "冬季混凝土"; what
    // follows starts a clause, not the rest of a word: not "北滘工业|园", "盘山公路扩建工|地"; two words of its own only with a
    // place before them or a shop's lucky characters: not "我们胡椒合作社")
    if (!name) continue;
    const own = ownWords(name.replace(/(?:专业|种植|养殖)?合作社$|工厂$/, ''));
    const placed = placeAtStart(own);
    const ownOk = placed ? own.length - placed.length >= 2 : own.length >= 4 || ZIHAO.test(own.slice(0, 2));
    return ownOk && LEADING_NAME_ENDS.test(run.slice(end)) && rareOrPlaced(name) && headNameOk(name) && !NOT_A_NAME_AT_HEAD.test(name) && !/(工业|产业|园区|母公司|子公司|分公司)|配套$/.test(name) ? name : null;
  }
  return null;
}
function closingName(t: string): string | null {
  const [, we, place, name] = CLOSING_NAME.exec(t) ?? [];
  if (!name) return null;
  const read = closingNameOk(place, name.replace(CLOSING_DESK, ''));
  // (我们是 and what one makes with its kind is a kind of business, not a name: "俺们是水饺厂")
  return read && we && ownWords(read).length < 3 && !ZIHAO.test(read.slice(0, 2)) ? null : read;
}
/** A name's own words: without the trade or the kind it ends in. */
const ownWords = (name: string): string => name.replace(TRADE_AT_END, '').replace(KIND_END, '');
/** A name read by closingName or headName: its trade or kind at the end, no word of a sentence, no place, office or site alone. */
function closingNameOk(place: string | undefined, name: string): string | null {
  // (not a clause ending in a verb of 行 or 场, 通行 or 现场; not a neighbour complained about, 隔壁的洗车店, 楼下的麻将馆)
  if (!CLOSING_KIND_END.test(name) || /(?<![商车银琴])行$|(?<![农牧林养殖渔鱼猪牛羊鸡鸭茶果菜林砂石料苗])场$/.test(name) || (place && (CLOSING_SENTENCE_CHAR.test(place) || /(隔壁|对面|楼下|楼上|[一二三四五六底顶]楼|东头|西头|南头|北头)$/.test(place)))) return null;
  const own = ownWords(name);
  // (not a place named by its age: 老闵行)
  return own.length >= 2 && !CLOSING_SENTENCE_CHAR.test(name) && !SIGN_OFF_WORDS.test(name) && !placesOnly(own) && !placesOnly(name.replace(/^[老新]/, '')) && !isPlaceOrThing(name) && !PUBLIC_OFFICE_END.test(name) && !PUBLIC_PLACE_END.test(name) && !/(保障所|服务所|管理所|工作站|路店|分店|门店)$|(?<!镖)局|政府|法院|检察院|派出所|服务厅|大厅/.test(name) && !NEIGHBOUR_END.test(name) && !/[路街道巷]$/.test(own) && !SITE_END.test(name) && (!PERSON_AT_END.test(name) || KIND_END.test(name)) && !TRADE_ALONE.test(own) && !holdsLexiconPhrase(own) ? name : null;
}

/**
 * "我们是甘孜的格萨尔藏医诊所，", "我们是城关镇的顺风快递驿站 …": the writer says where the enterprise is, 的, then its name
 * with its trade or its kind, closed by a comma or a space.
 */
const WE_ARE_PLACE_OF = new RegExp(`(?:我们|我|俺们|俺|我們)是([\u4e00-\u9fa5]{2,8}?)的\\s?(${NAME_CHAR}{3,10}?(?:${INDUSTRY}|${BUSINESS_KIND})(?:加工|制造)?)(?=[，,。！!]|$)`);
function weArePlaceOf(t: string): string | null {
  const m = WE_ARE_PLACE_OF.exec(t);
  if (!m) return null;
  const [, place, found] = m as unknown as [string, string, string];
  // ("我们是日照的韩国独资企业岚星电子": what kind of enterprise it is is not its name; "…的新能源配件厂": a brand is rarer)
  const name = found.replace(KIND_BEFORE, '');
  if (gramCount(name.slice(0, 2)) >= PLACED_BRAND_MAX_COUNT) return null;
  const placed = placeAtStart(place) !== null || /[区镇县市村乡旗州]$/.test(place);
  return placed && !SENTENCE_CHAR.test(name) && !isPlaceOrThing(name) && !PUBLIC_PLACE_END.test(name) && !PUBLIC_OFFICE_END.test(name) && !SITE_END.test(name) && !TRADE_ALONE.test(withoutKind(name)) && !BRAND_IS_TRADE.test(name) && !holdsLexiconPhrase(withoutKind(name)) ? name : null;
}
/** After a cadre's opener, the enterprise (its 街道 or park before it), then what happened to it. */
const OFFICIAL_HEAD = new RegExp(
  `^(?:[\\u4e00-\\u9fa5]{2,6}?(?:街道|镇|乡|园区|开发区|新区))?([\\u4e00-\\u9fa5A-Za-z]{2,12}?(?:${INDUSTRY}|${BUSINESS_KIND}|公司|KTV))(?=与|和|被|的|隔壁|周边|今|营业|因|门口|[一二三]期|在|已|，|,)`,
);
/** A trade word with more after it ("佳禾食品计划开拓中东市场"): a clause, not a name by its kind. */
const TRADE_THEN_MORE = new RegExp(`(?:${INDUSTRY})(?!(?:(?:${INDUSTRY})|制品|加工|定制)*${BUSINESS_KIND}?$)[\\u4e00-\\u9fa5]{2,}$`);
/** Public places and offices, whatever stands before them ("县体育馆", "白云机场", "区档案馆"). */
/** A bank, a post office, a clinic, a home or a neighbour: no enterprise of the writer's, though it ends like one. */
const NEIGHBOUR_END = /(信用社|农商行|邮政所|供销社|卫生所|敬老院|养老院|殡仪馆|招待所|四合院|大杂院|宅院|民居|邻居|街坊)$/;
const PUBLIC_PLACE_END = /(?:市场|商场|机场|广场|体育馆|图书馆|档案馆|博物馆|纪念馆|展览馆|文化馆|科技馆|电影院|剧院|医院|法院|检察院|学院|派出所|供电所|税务所|财政所|司法所|卫生院|汽车站|火车站|货场|停车场|银行)$/;
const HEAD_KIND = new RegExp(`^(?:【[^】]{1,8}】)?(${NAME_CHAR}{3,14}?${BUSINESS_KIND})(?=这边|那边|[，,：:\\s]|的|自己|缺|反映|想|要|从|去年|今年|欠|被|已|今天|昨天|昨晚|老板|厂里|场里|在[\\u4e00-\\u9fa5]{2,4}开)`);
/**
 * The name before its kind: 云岭核桃 of 云岭核桃加工厂 (加工 is a word of the lexicon), 鑫源火锅 of 鑫源火锅店; a trade word
 * alone before it is a kind of business ("红木加工厂"), not one.
 */
const withoutKind = (name: string) => (/加工[厂坊]$/.test(name) ? name.slice(0, -3) : name.slice(0, -1));
/**
 * Round 123: inns and hotels named after where they stand, with 里 or 下 inside ("告庄星空里酒店这边", "苍山下客栈老板娘问一哈",
 * "那柯里马帮驿站 这两天"): words a name otherwise never holds, taken only before a lodging's kind at the head.
 */
const HEAD_LODGING = /^([\u4e00-\u9fa5]{2,4}[里下][\u4e00-\u9fa5]{0,4}?(?:酒店|客栈|驿站|民宿|山庄|小院|旅舍|青旅))(?=这边|那边|老板娘|老板|[，,：:\s]|问|想|反映)/;
/**
 * Round 127: "我们长阳 武陵山货 是做电商的…", "点军工业园 我们楚云门窗 厂门口…": 我们, perhaps its place, then the name set
 * apart by spaces — with its trade, or a brand rare in the reports at both ends (not "我们荆楚绿源 想把…": 荆楚 is common).
 */
const WE_SPACED = new RegExp(`(?:^|[，,。\\s])我们(?:([\u4e00-\u9fa5]{2,3})\\s+)?(${NAME_CHAR}{4,6})\\s+(?=[\u4e00-\u9fa5])`);
function weSpaced(t: string): string | null {
  const m = WE_SPACED.exec(t);
  if (!m) return null;
  const [, place, name] = m as unknown as [string, string | undefined, string];
  // (round 290: "…能不能12月10号前给个准话 我们好准备材料 …": so that we can, no name)
  if ((place && placeAtStart(place) !== place) || SO_THAT_WE.test(name)) return null;
  // (not a clause set apart: "我们符合条件 …", "我们刚改过名 …", "我们宏利包装得搬 …")
  return (TRADE_NAME_END.test(name) && tradeNameOk(name) && !SENTENCE_CHAR.test(name)) || (isOpenName(name) && rare(name.slice(0, 2)) && rare(name.slice(-2)) && !/[得过全停]/.test(name)) ? name : null;
}
function headByKind(t: string): string | null {
  const lodging = HEAD_LODGING.exec(t)?.[1];
  if (lodging && !/^(园区|厂|城|县城|市里|村里|镇上|这[个家边里]|那[个家边里]|我|你|他|楼|山|家|店|屋|房|院|景区|古镇|古城|村子?|子里|高速|小区|乡|山脚|城里|镇里|县里|街上|路边|江边|河边|湖边|海边)/.test(lodging) && !/^[\u4e00-\u9fa5]{0,2}(景区|古镇|古城|村子|小区|高速|街道|社区|城区|园区|新区|市区|镇|乡|村)[里下]/.test(lodging) && !/[的是在有了]/.test(lodging)) return lodging;
  const kind = HEAD_KIND.exec(t)?.[1];
  // (round 185: "碧峰峡熊猫山庄的消防验收…", "汉源湖畔渔庄自己在修…": before 的, 自己 or 缺 only a long name, not a kind of
  // business with a word before it, "魔芋加工厂的环评", "豆制品厂的排污许可证", "剧组撤场的时候")
  // (nor a public office, station or co-operative: "县汽车客运站的班车", "县税务局办税服务厅的系统", "高速服务区加油站缺柴油")
  if (kind && /^(?:的|自己|缺)/.test(t.slice(t.indexOf(kind) + kind.length)) && (kind.length < 6 || /^[县市区镇乡]|政府|公安|税务|交警|车管|服务区|供销|保健|卫生|医院|学校|礼堂/.test(kind))) return null;
  if (kind && !SENTENCE_CHAR.test(kind) && !BRAND_IS_TRADE.test(kind) && !NOT_A_NAME_AT_HEAD.test(kind) && !isPlaceOrThing(kind) && !holdsLexiconPhrase(withoutKind(kind)) && kind.length >= 4 && !TRADE_ALONE.test(withoutKind(kind)) && !TRADE_THEN_MORE.test(kind) && !PUBLIC_PLACE_END.test(kind)) return kind;
  return null;
}
/** A pair of characters the reports have met fewer than BRAND_MAX_COUNT times. */
function rare(x: string): boolean {
  return gramCount(x) < BRAND_MAX_COUNT;
}

function headBeforeSpace(t: string): string | null {
  const head = HEAD_SPACED.exec(t)?.[1];
  // ("拍谢拍谢 …": a word said twice is a greeting or a plea, no name)
  if (!head || !/^[\u4e00-\u9fa5]+$/.test(head) || /^(.{2})\1$/.test(head) || NOT_A_NAME_AT_HEAD.test(head) || isPlaceOrThing(head) || /(区|县|市|镇|乡|村|园|旗|港|问题|情况|的事|工厂|(?:科技|新|产业|商务)城)$/.test(head)) return null;
  // a name with its trade, or a factory (厂); not a thing of the problem before it; or a name of its own, rare in the
  const factory = /厂$/.test(head);
  // head of the reports, at its start and at its end ("诺康瑞达 新厂房消防改造…"; not "林地变更 谁在管", "理塘县城 …"), no
  // greeting or interjection ("各位领导好", "阿门弄呢")
  // (round 272: "通辽玉龙铝箔 技改项目…": a place before the name, the brand after it is what must be rare)
  const own = head.slice(placeAtStart(head)?.length ?? 0);
  if (!(TRADE_NAME_END.test(head) && tradeNameOk(head)) && !factory) return head.length <= 6 && isOpenName(head) && (rare(head.slice(0, 2)) || (own.length >= 4 && own.length < head.length && rare(own.slice(0, 2)))) && (rare(head.slice(-2)) || head.length >= 5) && !/[咯呢吗吧啊呀哦嘛好哈啦]$|^(各位|大家|领导)/.test(head) ? head : null;
  return holdsLexiconPhrase(head.replace(TRADE_AT_END, '').replace(/厂$/, '')) ? null : head;
}
/** "我们是凯里做蜡染的小作坊 苗绣坊 想…", "我们是黔东南做银饰加工的 苗银匠心 想参加…": what the enterprise is, then its name between spaces. */
const BETWEEN_SPACES = new RegExp(`我们是?[^，,。！!？?\\s]{1,20}(?:的|公司|企业|合作社|茶企|作坊|厂|店)\\s+(${NAME_CHAR}{3,8})\\s`);
function nameBetweenSpaces(t: string): string | null {
  const name = BETWEEN_SPACES.exec(t)?.[1];
  // (round 294: "我们是钟祥鑫宇磷化的 因为园区规划调整 …": a clause between the spaces, no name)
  return name && /^[\u4e00-\u9fa5]+$/.test(name) && !SENTENCE_CHAR.test(name) && !CLAUSE_OPENER.test(name) && !holdsLexiconPhrase(name) && !isPlaceOrThing(name) && (INDUSTRY_END.test(name) || isOpenName(name) || /^[\u4e00-\u9fa5]{2,6}(坊|记|斋|阁|轩|堂|居|诊所|医院)$/.test(name)) ? name : null;
}

/** A clause's first word (because, so, but, if …), which opens no name. */
const CLAUSE_OPENER = /^(?:因为|由于|所以|但是|可是|不过|然后|而且|如果|虽然)/;
/** 好 and a verb after 我们: so that we can ("…给个准话 我们好准备材料"), no name. */
const SO_THAT_WE = /^好(?:准备|安排|提前|联系|申请|报|办)/;

/** A trade word and nothing else ("食品"; two of them, "精工模具", may be a name). */
const TRADE_ALONE = new RegExp(`^(?:${INDUSTRY})$`);

/** A name by its trade that is not a thing of the problem, a place or a kind of business. */
function tradeNameOk(name: string): boolean {
  return !isPlaceOrThing(name) && !BRAND_IS_TRADE.test(name) && !OPEN_NOT_BRAND.test(name) && !holdsLexiconPhrase(name.replace(/(厂|公司)$/, '').replace(TRADE_AT_END, '')) && !NOT_TRADE_NAME_HEAD.test(name);
}

/**
 * The start of a sentence about a thing ("续贷材料准备好了", "项目建设需要…", "员工体检中心要…"; an amount of goods, "几十吨冻品在
 * 里面"), not of a name.
 */
const NOT_TRADE_NAME_HEAD =
  /^([一二三四五六七八九十\d]+期|出钱|出资|掏钱|花钱|自费|厂(?!商)|连栋|足球|篮球|排球|健身|游泳|网球|羽毛球|乒乓球|台球|棋牌|瑜伽|舞蹈|跆拳道|武术|轮滑|[东南西北中]区|会|懂|顺便|看一?下|查一?下|产品|商品|老字号|麻烦|催|楼板|墙体|已经|送|普惠|民办|公办|私立|公立|搞|走访|集成|新厂房|老厂房|新厂|老厂|续贷|贷款|项目|觉得|员工|准备|新购|技改|申报|相关|有关|这些|那些|所有|整个|施工|生产|经营|办理|提交|补充|审批|报送|上报|报装|报建|报批|安全|消防|政府|区里|市里|街道|工业|商业|农业|设备|材料|数据|资金|人才|用工|用电|用水|供电|供水|供应链|主机|整车|园区|厂区|屋顶|楼顶|厂房|车间|门口|分布式|隔壁|附近|对面|旁边|周边|周围|本地|当地|外地|其他|其它|某|各|那家|这家|很多|许多|好多|多家|几家|同行|(?:几|[一二两三四五六七八九十百千万\d]+)[十百千万]?(?:吨|斤|公斤|箱|车|批|袋|桶))/;

/** A proper name followed by one or two INDUSTRY words, where the sentence around it says it is a name. */
function industryNamed(t: string): string | null {
  const m = NAMED_BY_INDUSTRY.exec(t) ?? WE_NAMED.exec(t);
  // "我们下周科技局…", "我们明年新能源…": a time, not a name
  if (m?.[1] && /^(上|下|这|本|今|明|去|前|后)(周|个|月|年|天|季|礼拜|星期)/.test(m[1])) return null;
  // "隔壁物流公司", "附近电力": where a business is, not its name
  // the start of a sentence about a thing ("续贷材料准备好了", "项目建设需要…", "员工体检中心要…"): no name
  if (m?.[1] && NOT_TRADE_NAME_HEAD.test(m[1])) return null;
  // a name longer than a brand carries its city ("我们哈尔滨北冰洋食品"), never a word of the sentence ("要我们再追加一套房产")
  if (m?.[1] && m[1].replace(/(厂|公司)$/, '').replace(TRADE_AT_END, '').length > 4 && /[来和上下一与]/.test(m[1])) return null;
  // public bodies named like businesses ("审评中心", "政务服务中心")
  if (m?.[1] && /^(审评|审批|审查|服务|政务|受理|土储|储备|管理|指挥|调度|监测|疾控|卫生|社区|便民|党群|人才|创业|孵化|税务|不动产|交易)/.test(m[1]) && /中心$/.test(m[1])) return null;
  return m?.[1] && !/^(隔壁|附近|对面|旁边|周边|周围|本地|当地|外地|其他|其它|某|各|那家|这家|很多|许多|好多|多家|几家|同行|屋顶|楼顶|厂房|车间|园区|门口|分布式)/.test(m[1]) ? m[1] : null;
}

/** The patterns a text holds what their matches need of (a registered name's 有限公司, a cooperative's 合作社 …), in order. */
const ENTERPRISE_PATTERNS_GATE = new LiteralGate(ENTERPRISE_PATTERNS);
function parseNamedEnterprise(t: string): string | null {
  for (const k of ENTERPRISE_PATTERNS_GATE.candidates(t)) {
    const m = t.match(ENTERPRISE_PATTERNS[k]!);
    if (m?.[1]) {
      // "我们是X项目部": the enterprise, not its site office or department
      const name = m[1]
        // "我司系长春…有限公司", "辖区湘楚建工有限公司", "栏目将武汉光楚科技有限公司", "（武汉…有限公司": the words before it
        .replace(/^据(?=[\u4e00-\u9fa5]{4,})/, '')
        .replace(/^.*(?:关于|现将|反映|(?:总包|施工|建设|承建|监理|设计)(?:单位|方)(?:为|是)?|施工企业|业主(?:方|单位)?(?:为|是)?|辖区内?|栏目将?|其中|将|的|把|被|走访|(?:入驻|区内|辖区内?|园区内?|重点)企业|[（(]|(?:园区|高新区|经开区|开发区|(?<![\u4e00-\u9fa5]{2})新区|新区(?=[\u4e00-\u9fa5]{2,3}[市县])|新区(?![\u4e00-\u9fa5]*(?:有限公司|集团)$)|保税区|片区|街道(?!办))(?!开发|建设|管理|运营|投资)|(?:公司|单位|企业|我们|我司)名?(?:叫|是|为))(?=[\u4e00-\u9fa5]{4,})/, '')
        // "无锡新吴区无锡恒锐…有限公司": the city and district where a registered name stands, before the name that repeats the city
        .replace(/^([\u4e00-\u9fa5]{2,3}?)市?[\u4e00-\u9fa5]{1,3}区(?=\1[\u4e00-\u9fa5]{4,}(?:有限公司|集团)$)/, '')
        .replace(/^(我们是|我是|我们|我司|我厂|你好|您好|请问|是|敝司|弊司|这里是|我方为|我方是|本公司)/, '')
        // "园区给广西柳香坊食品有限公司代建的…": the word that governs the name
        .replace(/^(?:给|向|替|为|跟|对|代|帮|创办了?|成立了?|注册了?)(?=[\u4e00-\u9fa5]{4,}(?:有限公司|集团)$)/, '')
        .replace(/^系(?=[\u4e00-\u9fa5]{4,})/, '')
        .replace(KIND_BEFORE, '')
        .replace(/(项目部|项目组|办事处|财务部|行政部|人事部|办公室)$/, '');
      // "我们是保税区的鑫泰石化", "我们是宁围这边做新能源汽车线束的宏迅电器": a place or what the enterprise does, then the name
      // (round 294: "我们是钟祥鑫宇磷化的 因为园区规划调整 …": a clause after 的 and a space, the name before it)
      const placedOrClause = WE_ARE_PLACE_THEN.exec(t) ?? WE_ARE_PLACE_COMMA.exec(t);
      const placed = placedOrClause && !CLAUSE_OPENER.test(placedOrClause[2]!) ? placedOrClause : null;
      const after = placed?.[1] === name ? placed[2] : undefined;
      // (not a kind alone: "我们是种大棚菜的合作社", "我们是做园区绿化的小公司"; nor a trade word alone, which is a thing:
      // "我们是按时交的材料", round 177)
      if (after && !/^[a-z]/.test(after) && !/^(?:小|大|一家|一个)?(?:公司|企业|厂|工厂|合作社|作坊|团队|工作室|茶企)$/.test(after) && (isOpenName(after) || (INDUSTRY_END.test(after) && !TRADE_ALONE.test(after)) || (after.length === 3 && !SENTENCE_CHAR.test(after) && !holdsLexiconPhrase(after) && !/[队组班方户]$/.test(after)))) return after;
      // "我们是今年三月认定的", "我们是纳税排名第一的万通物流": a description, not the name (in a registered name only a time is:
      // "牡丹江百年山珍食品有限公司", round 154)
      if ((/(有限公司|有限责任公司|集团)$/.test(name) ? /[\d一二三四五六七八九十两几今去前明当上下本这那每半][年月]|[年月](?:份|底|初|中|里)/ : /[年月]/).test(name)) continue;
      if (/(排名|第[一二三四五六七八九十\d]|前[十\d]|纳税|认定|去年|今年|企业$|返乡|回乡|创业|办厂|^区里|^市里|^省里|^县里|类企业|亩均|规上|规模以上|高新技术|专精特新|龙头|示范)/.test(name)) continue;
      // ("我们是永年鑫力紧固件新厂房项目": the new plant's 新 is not the name's)
      if (/[新老]$/.test(name) && t.includes(`${name}厂`)) continue;
      if (isPlaceOrThing(name)) continue;
      // "请水务集团抢修": a public utility asked to act, not the enterprise reporting
      if (UTILITY_GROUP_ASKED.test(name)) continue;
      // "我们是拿了证的", "我们是小企业", "我们是主机厂的二级供应商", "我们是台商": what the enterprise did or is, not its name
      if (/(了|企业|好好|主机|整车|用地$|改$|供应商|总包|分包|业主|合规|引进人才|轻资产|个体户|高企|作坊|注册|成立|我|们)|^(?:台|外|港|澳|侨|民|私)商$|^(有|在|把|被|没|做|按|用|从|给|种|养|卖|开)|^[\u4e00-\u9fa5]{1,4}做/.test(name)) continue;
      // "我们是晶阳新能源哈密光伏电站": the enterprise, not its plant
      const plant = PLANT_OF.exec(name)?.[1];
      if (plant) return plant;
      // "我们是揭西的…", "我们是武陵源的湘西印象土家风味馆": the place is never the name
      if (placed?.[1] === name || placeAtStart(name) === name) continue;
      // "我们是苏州过来落户的": where the enterprise came from, not its name
      if (/(过来|过去|搬来|迁来|搬过来|迁过来|落户|刚来|来$)/.test(name)) continue;
      // "代办员反映": a cadre, not an enterprise
      if (/员$/.test(name)) continue;
      // "我们厂隔壁的工地": a place beside the writer's, not a name
      if (/(隔壁|旁边|附近|对面|门口|边上)$/.test(name)) continue;
      // "我们是食品厂", "我们是面包厂": a trade or a kind of factory, not a name
      if (TRADE_ALONE.test(name) || (name.length <= 2 && (t.includes(`我们是${name}厂`) || t.includes(`我们是${name}公司`)))) continue;
      // "我们是老字号火锅底料", "我们是一家…": a description, not a name ("我们是冷链物流" cannot be told from "我们是精工模具")
      if (/^(老字号|一家|做|搞)/.test(name)) continue;
      // rounds 83–86: "我是仓库的", "我是食堂管事的", "我们是连带担保": where the writer works or its part in the matter
      if (/^(?:仓库|车间|食堂|门卫|保安|后勤|厂办|班组|质检|生产|工地|财务|人事|行政|办公室)(?:管事|这边|那边|上)?$|担保$/.test(name)) continue;
      // "我们是施工方", "我们是业主单位": a role in the matter, not a name
      if (/(方|单位)$/.test(name) && name.length <= 4) continue;
      if (name.length >= 2 && !/^(公司|企业|工厂|厂里|这边|那边|一家|做|搞|从事|生产|开)/.test(name)) return name;
    }
  }
  return null;
}
