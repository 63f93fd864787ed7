import { describe, expect, it } from 'vitest';
import { claimNote, commandNote, parseCorrection, parseCorrections, ratingFrom } from '../../../src/domain/parse/commands.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { namesNoMatter, parseMessage } from '../../../src/domain/parse/parse.js';
import { parseEnterprise } from '../../../src/domain/parse/enterprise.js';

// Monday 2026-11-23 09:30 in Shanghai, as the corpus
const REF = '2026-11-23T01:30:00.000Z';
const read = (text: string) => parseMessage(text, REF);

// Phrasings a later writer used (the extra training messages), made general: each rule read them wrong before.
describe('commands and requests in plain words', () => {
  it('a category said as what it is not, then what it is, is a correction', () => {
    expect(read('#214 这个不是土地的事，应该算审批')).toMatchObject({ intent: 'correct', ticket: 214 });
  });

  it('closed before it was done is a reopen; 别再拖 presses; 归我 takes it on', () => {
    expect(read('#97 钱还没到账就给办结了？不行').intent).toBe('reopen');
    expect(read('#340 这件事别再拖了').intent).toBe('urge');
    expect(read('512号问题归我，我跟进').intent).toBe('claim');
  });

  it('how a command is written, and how to report at all, are help', () => {
    expect(read('认领的格式是什么样的').intent).toBe('help');
    expect(read('咋报问题，在群里直接发就行？').intent).toBe('help');
  });

  it("a cadre's own list in few words is a query; the tickets the bot was unsure of are 待确认", () => {
    expect(read('我名下的单子').intent).toBe('query');
    expect(read('我明天该干啥').intent).toBe('query');
    expect(read('快到期的给我列个清单').intent).toBe('query');
    expect(read('我们公司报的那几个事现在什么情况').intent).toBe('query');
    expect(read('机器人拿不准的单子发一下').intent).toBe('triage');
  });

  it('a visit confirmation ("确认 1 2") is left to the visit parser: the learned fallback never makes it 待确认', () => {
    expect(read('确认 1').intent).not.toBe('triage');
    expect(read('确认 V1 2').intent).not.toBe('triage');
  });

  it('an away notice and a reminder to drive slowly are chat', () => {
    expect(read('下周三我出差，有事找小王').intent).toBe('chat');
    expect(read('各位，路上结冰了，开车慢点').intent).toBe('chat');
  });
});

describe('dates and names in plain words', () => {
  it('今天 with a limit or a demand is today; a bare 今天 tells when something happened', () => {
    expect(read('今天下午三点前必须把联单批下来，不然车就走了')).toMatchObject({ intent: 'report', deadline: '2026-11-23', urgency: 'urgent' });
    expect(read('能不能今天先派人把坑填上，明早有检查').deadline).toBe('2026-11-23');
    expect(read('今天厂区又停电了，已经是这周第二次').deadline).toBeNull();
  });

  it('the enterprise named first (X这边，/ X的小孙，) or after what it does (我们是做…的X)', () => {
    expect(read('远航视觉这边，新办公楼的消防验收约不上').enterprise).toBe('远航视觉');
    expect(read('北辰齿轮的小孙，我们出口的齿轮箱订不上班列舱位').enterprise).toBe('北辰齿轮');
    expect(read('我们是做冻干粉的康源生物，GMP车间竣工验收约不上').enterprise).toBe('康源生物');
  });
});

// Written Cantonese (Guangdong and Hong Kong groups) is read as standard written Chinese before the rules, as traditional
// script is read as simplified (the round-11 writer's voice; these sentences are new).
describe('written Cantonese', () => {
  it('function words and common verbs are read as standard Chinese; 仲裁, 驳回 and 体系 are left alone', async () => {
    const { normalizeText } = await import('../../../src/domain/parse/normalize.js');
    expect(normalizeText('我哋係順發五金，佢哋仲未批')).toBe('我们是顺发五金，他们还没批');
    expect(normalizeText('劳动仲裁驳回了，体系认证冇问题')).toBe('劳动仲裁驳回了，体系认证没问题');
  });

  it('reports, commands, names and dates in Cantonese are read as their Mandarin forms are', () => {
    expect(read('我哋係恒发五金，厂门口条路今朝塌咗个大窿')).toMatchObject({ intent: 'report', enterprise: '恒发五金' });
    expect(read('#301 搞掂咗').intent).toBe('resolve');
    expect(read('#302 佢哋话办结咗，但系啲钱一分都冇到').intent).toBe('reopen');
    expect(read('我哋公司报嘅问题而家去到边').intent).toBe('query');
    expect(read('后日要验收，新仓库啲电仲未驳好')).toMatchObject({ deadline: '2026-11-25', urgency: 'urgent' });
  });

  it('a crowd, an absconded boss and a sign about to fall are urgent; a queue date is not a requested date', () => {
    expect(read('厂门口聚咗二十几个工人，话判头冇出粮').urgency).toBe('urgent');
    expect(read('加工厂老板走佬，工人嚟我哋厂度要钱').urgency).toBe('urgent');
    expect(read('外墙广告牌松咗，惊跌落嚟砸亲人').urgency).toBe('urgent');
    expect(read('特种设备登记网上预约排到12月底，可唔可以快啲').deadline).toBeNull();
  });

  it('a message signed with the enterprise first, and a ticket number at the head, are read', () => {
    expect(read('顺景物流：货代扣住我哋两个柜唔放').enterprise).toBe('顺景物流');
    expect(read('318号 拖咗成个月，麻烦督办下')).toMatchObject({ intent: 'urge', ticket: 318 });
  });
});

// The next two writers' phrasings (southern Jiangsu and Zhejiang, central China), made general.
describe('more plain words', () => {
  it('a category or a level named beside what it is not is a correction', () => {
    expect(read('#402 不是土地，是审批手续')).toMatchObject({ intent: 'correct', ticket: 402 });
    expect(read('#661 分错类了，这是审批不是土地').intent).toBe('correct');
    expect(read('#690 这个不着急，按普通的走').intent).toBe('correct');
  });

  it('a ticket handed to the person named, a claim asked after, delivered papers, a postponement', () => {
    expect(read('#637 @李建国 你那边熟，这单你来').intent).toBe('transfer');
    expect(read('#695 有人签收了吗').intent).toBe('query');
    expect(read('709号 证已经送到企业手上').intent).toBe('resolve');
    expect(read('#659 这个得往后推一推，先延到12月3号').intent).not.toBe('urge');
  });

  it("lists in few words: one's own, what falls due, what awaits a person's check; how to rate", () => {
    expect(read('看看我的待办').intent).toBe('query');
    expect(read('明天就到期的单子有几个，列出来').intent).toBe('query');
    expect(read('没分好类的单子有哪些').intent).toBe('triage');
    expect(read('评价的时候咋打分，有啥格式').intent).toBe('help');
  });

  it('俺们, 咱 and 阿拉 are 我们: the names after them are read', () => {
    expect(read('俺们天禾粮食这边秋粮收购资金缺两千万').enterprise).toBe('天禾粮食');
    expect(read('帮高新区的优能科技问问，研发费用加计扣除今年咋报').enterprise).toBe('优能科技');
    expect(read('德清的欧诺铜业：铜价一天一个价，报价都不敢报').enterprise).toBe('欧诺铜业');
  });
});

// Round 12's voice (Chengdu–Chongqing), made general after its one scoring run; these sentences are new.
describe('south-western plain words', () => {
  it('咋个 / 啥子 / 莫得 are read as 怎么 / 什么 / 没有', async () => {
    const { normalizeText } = await import('../../../src/domain/parse/normalize.js');
    expect(normalizeText('咋个办嘛，啥子时候有结果，莫得人管')).toBe('怎么办嘛，什么时候有结果，没有人管');
  });

  it('commands: a threat to go higher, nobody in charge, 我拿了, handed to a named official, 重新看一下', () => {
    expect(read('#97 再拖下去我们只有去找区长了').intent).toBe('urge');
    expect(read('#420 到底有人管没得').intent).toBe('urge');
    expect(read('#288 这单我拿了，下午去现场').intent).toBe('claim');
    expect(read('#456 给规划科的李科长，他熟').intent).toBe('transfer');
    expect(read('#412 你们说办结了？我们不晓得，重新看一下').intent).toBe('reopen');
    expect(read('#403 现在走到哪一步了').intent).toBe('query');
  });

  it('corrections: 是X的问题不是Y, 这个算X类别改一下, 不是紧急的改一下, 分错了应该是X', () => {
    expect(read('#512 这个是融资的问题不是政策').intent).toBe('correct');
    expect(read('#389 这个算用工人才，类别改一下').intent).toBe('correct');
    expect(read('#301 不是紧急的，改一下').intent).toBe('correct');
    expect(read('#420 分错了，这个应该是基础设施').intent).toBe('correct');
  });

  it('danger now is urgent (a fight, flying stones, scaffolding askew, a roof torn off); 急弯 and a threat are not', () => {
    expect(read('物流园两个车队为抢车位打起来了').urgency).toBe('urgent');
    expect(read('隔壁工地放炮，石头飞到我们车间顶上了').urgency).toBe('urgent');
    expect(read('老仓库的彩钢瓦被风掀翻了几块，下面还有人干活').urgency).toBe('urgent');
    expect(read('进厂那个急弯的反光镜坏了，麻烦来换一个').urgency).toBe('normal');
  });

  it('"我们是渝北的一家汽配厂" names a place, not an enterprise; a brand with its trade (摩托, 火锅) is a name', () => {
    expect(read('我们是江北的一家汽配厂，新厂房的总包进度老是拖').enterprise).toBeNull();
    expect(read('嘉陵摩托这边专精特新申报这周五截止').enterprise).toBe('嘉陵摩托');
  });
});

// Round 13's voice (coastal Fujian), made general after its one scoring run; these sentences are new.
describe('after round 13', () => {
  it('courtesies, a notice already sent, a storm warning to all are chat; a period\'s numbers asked for are the digest', () => {
    expect(read('不会啦，应该的').intent).toBe('chat');
    expect(read('12月3号区里开企业家座谈会，通知已经发到邮箱了').intent).toBe('chat');
    expect(read('今晚台风登陆，大家注意安全，没事别出门').intent).toBe('chat');
    expect(read('年底要考核了，今年的数据拉一下').intent).toBe('digest');
    expect(read('能教一下怎么报问题吗').intent).toBe('help');
    expect(read('#46 二十个人都到岗了').intent).toBe('resolve');
  });

  it('cracks beside a pit and scaffolding down are urgent; a threat is not; 半年前 is no year end', () => {
    expect(read('基坑边上的老房子出现裂缝，住户很担心').urgency).toBe('urgent');
    expect(read('台风过后脚手架倒了一大片，压在围墙上').urgency).toBe('urgent');
    expect(read('房东要涨一倍房租，不答应就说要断水断电').urgency).toBe('normal');
    expect(read('土地出让金半年前就交齐了，地到现在还没交付').deadline).toBeNull();
  });

  it('names: 我们+place+的+name, 我是X的阿明', () => {
    expect(read('我们南安的鸿达石材，设备抵押贷款评估价压得太低').enterprise).toBe('鸿达石材');
    expect(read('我是宏丰织造的阿明，厂里的电费是不是算错了').enterprise).toBe('宏丰织造');
  });
});

// Round 14's voice (the south-western border), made general after its one scoring run; these sentences are new.
describe('after round 14', () => {
  it('commands: 星期 is no star rating, 说是办结了可…, 标错了是X的问题, 改回普通, one\'s own list, work under way', () => {
    expect(read('#127 都两个星期了还没人理').intent).toBe('urge');
    expect(read('#86 说是办结了，可水还是没通').intent).toBe('reopen');
    expect(read('#231 标错了，是融资的问题').intent).toBe('correct');
    expect(read('#97 不算紧急，改回普通').intent).toBe('correct');
    expect(read('今天我有什么要处理的').intent).toBe('query');
    expect(read('#109 工人的工钱已经在核算了').intent).toBe('progress');
  });

  it('dates: 今天是最后一天, a month-end expiry', () => {
    expect(read('申报系统一直打不开，今天是最后一天').deadline).toBe('2026-11-23');
    // (a day a loan runs out on is not asked for: see 'a day a loan or a licence runs out on…' below)
    expect(read('银行要抽贷，月底有一笔两千万到期').deadline).toBeNull();
  });

  it('names: 我是X的老黄 / 项目经理, X仓库; 桩基检测 is no name', () => {
    expect(read('我是左岸糖业的老黄，蔗农把厂门口堵了').enterprise).toBe('左岸糖业');
    expect(read('我是南桂路桥的项目经理，隧道围岩太差想变更支护方案').enterprise).toBe('南桂路桥');
    expect(read('华泰新材仓库的防渗层施工质量不行').enterprise).toBe('华泰新材');
    expect(read('桩基检测有两根不合格，设计院说要补桩').enterprise).toBeNull();
  });
});

// Round 15's voice (Shenzhen, English code-switching), made general after its one scoring run; these sentences are new.
describe('after round 15', () => {
  it('commands and requests with English in them', () => {
    expect(read('#301 push一下，ASAP').intent).toBe('urge');
    expect(read('#612 还没动静？？').intent).toBe('urge');
    expect(read('#633 very satisfied 👍').intent).toBe('rate');
    expect(read('#340 still not fixed，请reopen').intent).toBe('reopen');
    expect(read('#909 协调好了，班车从明天起加开一趟').intent).toBe('resolve');
    expect(read('发个weekly report').intent).toBe('digest');
    expect(read('待确认的单子拉一下').intent).toBe('triage');
  });

  it('a battery cabinet alarming, something burnt, a line of three stopped, no net over people are urgent; 急停 and 急救 are not', () => {
    expect(read('储能柜温度报警，外壳有点鼓包，人已经清出去了').urgency).toBe('urgent');
    expect(read('装修队在车间动火没报备，已经烧坏了一块吊顶').urgency).toBe('urgent');
    expect(read('SMT车间上午又跳闸了三条线全停了').urgency).toBe('urgent');
    expect(read('在建大楼的外脚手架没挂防护网，员工每天从下面走').urgency).toBe('urgent');
    expect(read('安全评价备案被打回，要补充急停装置的设计说明').urgency).toBe('normal');
    expect(read('员工急救培训想请红十字会来上课，区里有没有资源').urgency).toBe('normal');
  });

  it('dates: 今晚12点关闭, deadline是12/18', () => {
    expect(read('补贴申报系统今晚12点关闭，我们的材料还卡在上传那一步')).toMatchObject({ deadline: '2026-11-23', urgency: 'urgent' });
    expect(read('样品送过去两个月没反馈，客户的deadline是12/18，想请区里帮忙问问').deadline).toBe('2026-12-18');
  });

  it('Latin brand names; an English greeting or a word of the sentence is no name; 说我们是… is somebody else speaking', () => {
    expect(read('Hi，我们VoltEdge想问园区充电桩怎么只有两个').enterprise).toBe('VoltEdge');
    expect(read('Lumina电源这边，美国客户的订单因为关税砍了一半').enterprise).toBe('Lumina电源');
    expect(read('The new engineer from Spain 居留许可快到期了，延期材料去哪交').enterprise).toBeNull();
    expect(read('离职员工在网上发帖说我们是血汗工厂，今天还带人来门口拍视频').enterprise).toBeNull();
  });
});

// Round 16's voice (Shandong and Hebei), made general after its one scoring run; these sentences are new.
describe('after round 16', () => {
  it('corrections with a reason beside them; passed along is progress; praise is a rating; a visit arranged is progress', () => {
    expect(read('#615 其实挺急的，改紧急').intent).toBe('correct');
    expect(read('#604 改成一般，不用紧急').intent).toBe('correct');
    expect(read('#601 这个应该是水电气网，不是基础设施').intent).toBe('correct');
    expect(read('#419 企业补的材料收到了，已经转给审图中心').intent).toBe('progress');
    expect(read('#480 处理完了').intent).toBe('resolve');
    expect(read('20号问题处理完了吗').intent).not.toBe('resolve');
    expect(read('#548 嘎嘎好，办得真快').intent).toBe('rate');
    expect(read('#549 这件事要办得快一点').intent).not.toBe('rate');
    expect(read('#550 不错，但是电还没通').intent).not.toBe('rate');
    expect(read('#519 咋回事啊，上周说来人，到现在也没来').intent).toBe('urge');
    expect(read('#402 供电所周三过来勘察，先这么定').intent).toBe('progress');
  });

  it('a leader counting the week, being late for a meeting, the group itself, how to report here', () => {
    expect(read('这礼拜咱们一共收了多少件，办完了几件').intent).toBe('digest');
    expect(read('急死了，车堵在高速上，会议晚点到').intent).toBe('chat');
    expect(read('这个群里人咋这么多').intent).toBe('chat');
    expect(read('咋往这里头报问题，有说明没').intent).toBe('help');
  });

  it('snow pressing a roof in, a gas main dug through, cracks beside a pit, power cut at the switch, trucks held, wages short with a threat are urgent', () => {
    expect(read('昨晚大雪，仓库彩钢棚顶被压得往下凹，底下还码着货').urgency).toBe('urgent');
    expect(read('施工时把燃气管道挖破了，现在整条街都是味儿').urgency).toBe('urgent');
    expect(read('基坑边上的土已经有裂缝了，今天风大').urgency).toBe('urgent');
    expect(read('物业把我们车间的电闸拉了，说物业费有争议').urgency).toBe('urgent');
    expect(read('村民说运输车把村道压坏了，拦着车不让走').urgency).toBe('urgent');
    expect(read('过年前工人的工钱还差两百来万，工人说拿不到就去市里').urgency).toBe('urgent');
    expect(read('隔壁厂天天晚上排烟，我们车间里都是味道').urgency).toBe('normal');
  });
});

// Round 17's voice (inland Yangtze delta), made general after its one scoring run; these sentences are new.
describe('after round 17', () => {
  it('pressing in mild words, progress asked after, a category placed, a ticket handed to someone, stars, the overdue list', () => {
    expect(read('#311 这件事拖得有些久了').intent).toBe('urge');
    expect(read('想问一下88号问题的进展').intent).toBe('query');
    expect(read('#88 进展：供电所周五来勘察').intent).toBe('progress');
    expect(read('#72 应该归到融资资金').intent).toBe('correct');
    expect(read('#64 交给@王芳 跟进').intent).toBe('transfer');
    expect(read('#64 已经交给@王芳 跟进了，等她回复').intent).not.toBe('transfer');
    expect(read('#55 ⭐⭐⭐⭐').intent).toBe('rate');
    expect(read('都有哪些单子逾期了').intent).toBe('query');
  });

  it('a ranking inside an enterprise’s story is no request for numbers', () => {
    expect(read('员工孩子上学的事，教育局说要等积分排名出来，插班可等不起').intent).toBe('report');
    expect(read('各街道的办结排名发一下').intent).toBe('digest');
  });

  it('help is a question about the bot: a project item set 不适用 asks nothing of it', () => {
    expect(read('亿龙二期 交评 不适用').intent).not.toBe('help');
    expect(read('新来的，不会用，求教').intent).toBe('help');
  });

  it('a fall from a height and a caved bank are urgent; a clinic (急诊) and a credit line cut (压到) are not', () => {
    expect(read('钢结构安装时一名工人从屋顶上掉下去了，120已经来了').urgency).toBe('urgent');
    expect(read('挡土墙后面的土塌下来一大块，压着围墙').urgency).toBe('urgent');
    expect(read('园区里没有能看急诊的诊所，员工半夜生病要打车进城').urgency).toBe('normal');
    expect(read('授信额度被银行从两千万压到八百万，下个月的原料款付不出').urgency).toBe('normal');
  });

  it('an outage scheduled by others and asked to move has no requested date', () => {
    expect(read('供电公司通知下周二全天检修停电，我们那天有批货要赶，能不能改期').deadline).toBeNull();
    expect(read('下周二之前要把临时用电接上，不然设备进不了场').deadline).toBe('2026-12-01');
  });

  it('names followed by 这边想, a part of the site, a colon; where it came from is no name', () => {
    expect(read('澜沧精密这边想问问厂房屋顶能不能装光伏').enterprise).toBe('澜沧精密');
    expect(read('启明星辰门前的人行道被压坏了，一下雨全是泥').enterprise).toBe('启明星辰');
    expect(read('泰禾电池：人才公寓的分配名单什么时候出').enterprise).toBe('泰禾电池');
    expect(read('我们是从无锡搬过来的，搬迁补助到现在没兑现').enterprise).toBeNull();
    expect(read('园区南门门前的路灯坏了一排').enterprise).toBeNull();
  });
});

// Rounds 18 (Northeast, Inner Mongolia) and 19 (Central China), made general after their one scoring run; these
// sentences are new.
describe('after rounds 18 and 19', () => {
  it('N号工单 names a ticket; an update announced as 进度：; a bot unsure of its pick; an enterprise’s tickets', () => {
    expect(read('认领56号工单')).toMatchObject({ intent: 'claim', ticket: 56 });
    expect(read('203号工单转给住建局 他们管施工许可')).toMatchObject({ intent: 'transfer', ticket: 203 });
    expect(read('#64 最新进展：供电所已派人勘察，家里没人的那户约了周五')).toMatchObject({ intent: 'progress' });
    expect(read('#65 已答复企业：补贴已列入下月拨付计划，企业已确认').intent).toBe('resolve');
    expect(read('关于#66：经协调，供水公司已接通，企业表示满意，现予办结。').intent).toBe('resolve');
    expect(read('小二没认准的那几个工单发我看看').intent).toBe('triage');
    expect(read('查一下 北辰重工 的全部工单').intent).toBe('query');
    expect(read('这个事我们内部再合计一下，有需要再联系你们').intent).toBe('chat');
  });

  it('a leader naming several figures at length, a ranking asked whether it is out', () => {
    expect(read('季度考核要用，把本季度以来的新增数、办结数、超期数、满意率汇总给我拉一个').intent).toBe('digest');
    expect(read('上周的排名出来了没有？规划那边是不是又倒数').intent).toBe('digest');
  });

  it('danger and stoppages in the writers’ own words; a shutdown season and a fire drill asked for are not', () => {
    expect(read('村里这两天开始拦我们运煤的车了').urgency).toBe('urgent');
    expect(read('锅炉房旁边的休息室工人烧煤取暖，怕一氧化碳中毒').urgency).toBe('urgent');
    expect(read('吊车支腿陷下去了，司机不敢吊了，怕翻车').urgency).toBe('urgent');
    expect(read('挖掘机把路挖断了，车进不去人出不来').urgency).toBe('urgent');
    expect(read('前员工天天来办公楼闹，昨天拎着汽油桶来的').urgency).toBe('urgent');
    expect(read('今天上午流浪狗咬伤了一名保安').urgency).toBe('urgent');
    expect(read('前年流浪狗咬伤过一个工人，能不能管管').urgency).toBe('normal');
    expect(read('停工期过了开春想招三十个电工，有没有招聘会').urgency).toBe('normal');
    expect(read('想请消防来讲讲冬季防火，不是我们出事了，就是学学').urgency).toBe('normal');
    expect(read('每天雇车拉水，成本太高了').urgency).toBe('normal');
  });

  it('一下 before 下周一 is not 下下周一', () => {
    expect(read('能不能协调一下下周二之前把表装好').deadline).toBe('2026-12-01');
  });

  it('names with their city at a head, after a place and 的, in a cadre’s report, written out after 我司系 or 辖区', () => {
    expect(read('牡丹江北极星乳业想问下奶粉生产许可怎么增项').enterprise).toBe('牡丹江北极星乳业');
    expect(read('我们是襄阳的汉江重科，新厂房的桩基检测报告出不来').enterprise).toBe('汉江重科');
    expect(read('代办员小吴汇报：恒瑞线束的厂房规划许可卡在方案审查').enterprise).toBe('恒瑞线束');
    expect(read('我司系宜昌三峡精工机械有限公司，申请一条专线').enterprise).toBe('宜昌三峡精工机械有限公司');
    expect(read('经核实，辖区鄂北建工有限公司承建的项目欠薪').enterprise).toBe('鄂北建工有限公司');
    expect(read('走访孝感楚天线缆时企业提出：厂区道路没有路灯').enterprise).toBe('孝感楚天线缆');
    expect(read('我们是拿了证的合法用地，村民还在种菜').enterprise).toBeNull();
    expect(read('我们的新设备通过了检测，想进首台套目录').enterprise).toBeNull();
  });
});

// Rounds 20 (Beijing, Tianjin, Hebei) and 21 (the Northwest), made general after their one scoring run; these
// sentences are new.
describe('after rounds 20 and 21', () => {
  it('a number at the head before who does what, a verb and its number, 第N号; 3号楼 and 12号前 are no tickets', () => {
    expect(read('73号我签收了')).toMatchObject({ intent: 'claim', ticket: 73 });
    expect(read('签收 233号')).toMatchObject({ intent: 'claim', ticket: 233 });
    expect(read('办结44号 专线已开通 企业确认了')).toMatchObject({ intent: 'resolve', ticket: 44 });
    expect(read('第19号 我认领')).toMatchObject({ intent: 'claim', ticket: 19 });
    expect(read('5号楼外墙的砖掉下来了').ticket).toBeNull();
    expect(read('12号前能不能把证办下来').ticket).toBeNull();
    expect(read('厂区门口第3号路灯坏了好几天')).toMatchObject({ intent: 'report', ticket: null });
    expect(read('28号没送电，车间一直停着')).toMatchObject({ intent: 'report', ticket: null });
  });

  it('closed in name only, a rating with its complaint, claimed in one word, pressing in the writer’s words', () => {
    expect(read('#31 说是办完了 设备根本没到 重新开一下').intent).toBe('reopen');
    expect(read('#32 差评 问题根本没解决').intent).toBe('rate');
    expect(read('领了 #33').intent).toBe('claim');
    expect(read('#34 到底啥时候 等得人心慌').intent).toBe('urge');
    expect(read('#35 已协调完毕 企业都说满意 结单').intent).toBe('resolve');
    expect(read('66号工单 企业名字搞错了 是秦岭重工').intent).toBe('correct');
    expect(read('#67 这条不算问题 就是随口问问').intent).toBe('correct');
  });

  it('待确认 in other words; a leader asking whether a rate was reached, or for figures to be got out', () => {
    expect(read('哪几条单子你拿不准 拉个清单').intent).toBe('triage');
    expect(read('需要人工确认的工单都发我一下').intent).toBe('triage');
    expect(read('这个季度的响应率达没达标').intent).toBe('digest');
    expect(read('把本月全区的办结数、超期数都整出来 区长要看').intent).toBe('digest');
  });

  it('额们 and 明儿 read as 我们 and 明天; a repair queued to a weekday is no request; 年底结账 is a limit', () => {
    expect(read('额们秦川机电用电扩容一个多月了还没批').enterprise).toBe('秦川机电');
    expect(read('城管说明儿一早就来拆我们的彩钢房')).toMatchObject({ deadline: '2026-11-24', urgency: 'urgent' });
    expect(read('宽带又断了，报修说排到周四，有没有快点的办法').deadline).toBeNull();
    expect(read('缺两百万，年底结账要用，有没有短期贷款').deadline).toBe('2026-12-31');
  });

  it('danger in the writers’ words: sparks, people fallen on ice, a line at rest, a shop shut, a truck overturned, wages owed', () => {
    expect(read('仓库的插座一开机就冒火星子').urgency).toBe('urgent');
    expect(read('路面结冰没人管，员工已经摔了三个了').urgency).toBe('urgent');
    expect(read('水压上不去，灌装线都歇了').urgency).toBe('urgent');
    expect(read('水管冻爆了，店门都开不了').urgency).toBe('urgent');
    expect(read('昨天一辆运砂车翻了，路太烂').urgency).toBe('urgent');
    expect(read('货款拖了半年，工人工资都欠着呢').urgency).toBe('urgent');
    expect(read('采煤塌陷区的搬迁补偿标准太低，还有几户没签').urgency).toBe('normal');
  });

  it('names signing the message, in brackets at its end, after 叫, after a place and 的; a role is no name', () => {
    expect(read('园区食堂能不能延长到晚上八点？——恒远精工 行政部').enterprise).toBe('恒远精工');
    expect(read('燃气表不走字，燃气公司说要排队换表（北辰包装材料）').enterprise).toBe('北辰包装材料');
    expect(read('出口退税到账太慢了。津港化工进出口公司').enterprise).toBe('津港化工进出口公司');
    expect(read('我们做伺服电机的，叫驰远电驱，想进本地车企的供应链').enterprise).toBe('驰远电驱');
    expect(read('我们是保税区的华海石化，危化品许可证换证卡住了').enterprise).toBe('华海石化');
    expect(read('我们是业主，工程款已经付给总包了，工人还来找我们').enterprise).toBeNull();
  });
});

// Rounds 23 (Hainan and the Beibu Gulf) and 24 (Guizhou), made general after their one scoring run; these sentences
// are new.
describe('after rounds 23 and 24', () => {
  it('English: a report of some length, its category and urgency, the enterprise introduced; a help question', () => {
    const r = read('Hi, this is Anna from Sunrise Bay Hotel. The road to our hotel has deep potholes and buses cannot pass safely.');
    expect(r).toMatchObject({ intent: 'report', category: 'infrastructure', urgency: 'urgent', enterprise: 'Sunrise Bay Hotel' });
    expect(read('We are Harbor Fresh Trading from Vietnam, our import licence renewal is stuck for a month').enterprise).toBe('Harbor Fresh Trading');
    expect(read('The new engineer from Spain needs a residence permit extension, where do we apply').enterprise).toBeNull();
    expect(read('What can this bot do?').intent).toBe('help');
  });

  it('answered as unresolvable closes; 了个寂寞 reopens; 这个类别错了; 明天到期的有哪几个; 人工确认分类', () => {
    expect(read('#41 已答复企业 暂无法解决 纳入长期台账').intent).toBe('resolve');
    expect(read('#42 答复：供电公司已同意增容，企业已确认').intent).toBe('resolve');
    expect(read('#43 销号了个寂寞 根本没人来过').intent).toBe('reopen');
    expect(read('#44 这个类别错了 应该是用工人才').intent).toBe('correct');
    expect(read('明天到期的有哪几个').intent).toBe('query');
    expect(read('有哪些需要人工确认分类的').intent).toBe('triage');
  });

  it('stoppages and harm in other words', () => {
    expect(read('台风过后工地停了一周了，什么时候能复工').urgency).toBe('urgent');
    expect(read('路上没灯，上个月还伤了一个人').urgency).toBe('urgent');
    expect(read('方案论证排不上，工人都歇着了').urgency).toBe('urgent');
    expect(read('质监站下了整改通知，该区域暂停施工').urgency).toBe('urgent');
    expect(read('蒸汽压力不稳，一套装置被迫停车').urgency).toBe('urgent');
    expect(read('十几个村民把进厂的路堵起了').urgency).toBe('urgent');
    expect(read('景区的流浪狗咬了游客').urgency).toBe('urgent');
  });

  it('a promise made earlier is no requested date', () => {
    expect(read('补偿协议早签了，说好两个月内付，到现在没到账').deadline).toBeNull();
  });

  it('names: 我们X在, 我们 + a name with 里 or 都 + its trade, a cooperative, a park before a registered name, 某 is no name', () => {
    expect(read('我们黔岭数港在贵安的机房，扩容报告交了两个月').enterprise).toBe('黔岭数港');
    expect(read('我们凯里苗香食品厂跟隔壁厂共用一条路').enterprise).toBe('凯里苗香食品厂');
    expect(read('我们成都锦程化工的技改补贴还没到').enterprise).toBe('成都锦程化工');
    expect(read('台江县苗绣专业合作社的厂房想扩建，用地怎么办').enterprise).toBe('台江县苗绣专业合作社');
    expect(read('高新区黔图光电有限公司反映，需要招二十名技工').enterprise).toBe('黔图光电有限公司');
    expect(read('某矿业公司拖欠运费，运输户要去区里上访').enterprise).toBeNull();
  });
});

// Rounds 25 (Jiangxi, southern Anhui) and 26 (Xinjiang), made general after their one scoring run (they had been left
// untuned at first); these sentences are new.
describe('after rounds 25 and 26', () => {
  it('names: sentence heads after a question, trade words, Latin names of several words, a cadre’s 【…】 and a park, 走访中', () => {
    expect(read('补贴什么时候发？德兴窑业今年产值过了两千万').enterprise).toBe('德兴窑业');
    expect(read('我们是 Silk Road Fresh Foods，想找本地冷链').enterprise).toBe('Silk Road Fresh Foods');
    expect(read('Aksu 这边 HR。我们 Tarim Cotton Works 今年要招二十个机修工').enterprise).toBe('Tarim Cotton Works');
    expect(read('【代办专员报送】奎屯经济技术开发区天润化工二期用地红线内还有一座变电站').enterprise).toBe('天润化工');
    expect(read('走访中天池乳业反映：冷库电压不稳').enterprise).toBe('天池乳业');
    expect(read('我们是晶光新能源托克逊光伏电站，限电太厉害了').enterprise).toBe('晶光新能源');
    expect(read('我们哈尔滨北冰洋食品的新车间一直没通电').enterprise).toBe('哈尔滨北冰洋食品');
    expect(read('担保公司要我们再追加一套房产做反担保').enterprise).toBeNull();
    expect(read('我们棉花合作社想贷款买采棉机').enterprise).toBeNull();
    expect(read('我们是个体户，做干果批发的，能不能贷款').enterprise).toBeNull();
    expect(read('【项目专员日报】南区数据中心项目：主体施工到八层').enterprise).toBeNull();
  });

  it('冇 in Gan as in Cantonese: the power gone, 那冇事了, 冇认准的; updates and rates named otherwise', () => {
    expect(read('电又冇了，窑里一窑瓷全报废了').urgency).toBe('urgent');
    expect(read('哦 那冇事了').intent).toBe('chat');
    expect(read('小二冇认准的那几条在哪里看').intent).toBe('triage');
    expect(read('58号工单最新情况：场地已落实，名单在统计').intent).toBe('progress');
    expect(read('营商环境评价里的问题解决率，咱们区现在是多少').intent).toBe('digest');
  });

  it('stopped in the writers’ words: 停起的, power pulled by someone', () => {
    expect(read('桩基检测不合格，上面的结构现在停起的').urgency).toBe('urgent');
    expect(read('物业把我们冷库的电给拉了，里面几十吨肉').urgency).toBe('urgent');
  });
});

// Rounds 27 (Qinghai, the Tibetan plateau) and 28 (southern Jiangsu), made general after their one scoring run (left
// untuned for a session); these sentences are new.
describe('after rounds 27 and 28', () => {
  it('names: trades of one character and 业, new trade words, a place with 这边 or 在 before the name, signed after a comma', () => {
    expect(read('华鑫镁业厂区里的路灯坏了半个月').enterprise).toBe('华鑫镁业');
    expect(read('我们金穗糖业今年榨季的蒸汽不够').enterprise).toBe('金穗糖业');
    expect(read('德吉藏药想做GMP认证，去哪里问').enterprise).toBe('德吉藏药');
    expect(read('城南这边的宏达线缆厂，电压一直不稳').enterprise).toBe('宏达线缆厂');
    expect(read('我们在林芝的雅江度假酒店项目，消防验收约不上').enterprise).toBe('雅江度假酒店');
    expect(read('我们公司换了开户行，补贴打到哪个账户要重新报吗，常州铭扬科技').enterprise).toBe('常州铭扬科技');
    expect(read('外籍工程师的居留许可下个月到期，延期得准备啥材料').enterprise).toBeNull();
    expect(read('我们是河南来的装修队，老板欠了工钱').enterprise).toBeNull();
    expect(read('代办员反映：开发区某化工企业的环评卡住了').enterprise).toBeNull();
    expect(read('HR小王：我们厂年后要招五十个普工').enterprise).toBeNull();
  });

  it('names: English and Japanese signatures, a company called X, a district before a registered name that repeats the city', () => {
    expect(read('Our forklifts cannot enter the new gate after 6pm. Please help. — Admin, Brenner Logistik').enterprise).toBe('Brenner Logistik');
    expect(read('Any subsidy for rooftop solar in the park? Best regards, Nordholm & Sons Packaging').enterprise).toBe('Nordholm & Sons Packaging');
    expect(read('This is Lee, Hanbit Materials. We need a dormitory for 30 staff.').enterprise).toBe('Hanbit Materials');
    expect(read('いつもお世話になっております。大和精機の佐藤です。排污许可证的延续还没有消息').enterprise).toBe('大和精机');
    expect(read('弊社丸井電装（无锡）、想参加明年的汽车零部件对接会').enterprise).toBe('丸井电装');
    expect(read('您好，我们公司叫雪峰源乳业有限公司，冷库用电想扩容').enterprise).toBe('雪峰源乳业有限公司');
    expect(read('苏州吴中区苏州博瑞精密有限公司的用地指标还没批').enterprise).toBe('苏州博瑞精密有限公司');
  });

  it('tickets and intents: 那个N号, 对N号的处理, N号应该是, a command word opening the message, English thanks', () => {
    expect(read('那个31号 水管又漏了 你们给重开一下')).toMatchObject({ intent: 'reopen', ticket: 31 });
    expect(read('对45号的答复很满意，谢谢')).toMatchObject({ intent: 'rate', ticket: 45 });
    expect(read('72号应该是紧急 企业明天就停产')).toMatchObject({ intent: 'correct', ticket: 72 });
    expect(read('催办：#66 已超期两天，请今天答复').intent).toBe('urge');
    expect(read('#21 到底有没有人在管啊').intent).toBe('urge');
    expect(read('#33 结了').intent).toBe('resolve');
    expect(read('#40 答复企业：暂无法解决，纳入挂账').intent).toBe('resolve');
    expect(read('#52 办结了？我们这边没人来过 电还是没有').intent).toBe('reopen');
    expect(read('哪几条是你没拿准的 发我').intent).toBe('triage');
    expect(read('#17 pls push, the line is waiting').intent).toBe('urge');
    expect(read('Thank you so much!').intent).toBe('chat');
    expect(read('各位早上好！新的一周继续加油，服务企业不打烊').intent).toBe('chat');
    expect(read('参加培训是免费的伐').intent).toBe('report');
  });

  it('dates: English months and weekdays, a weekday past, a threat of others, 帮忙今天', () => {
    expect(read('Our machines arrive on 12 Dec, the workshop must be powered before that.').deadline).toBe('2026-12-12');
    expect(read('We need the permit before January 8th, please help.').deadline).toBe('2027-01-08');
    expect(read('Could you confirm a meeting slot by this Thursday?').deadline).toBe('2026-11-26');
    expect(read('Water has been off since last Tuesday, please check.').deadline).toBeNull();
    expect(read('礼拜四停了一回电，今天又停了').deadline).toBeNull();
    expect(read('工人说后天要去区里闹').deadline).toBeNull();
    expect(read('检查明天就来，能不能帮忙今天给批了').deadline).toBe('2026-11-23');
  });

  it('urgency and categories in the writers’ words', () => {
    expect(read('升降机的钢丝绳有问题，师傅不敢上去了').urgency).toBe('urgent');
    expect(read('拉矿的车在弯道侧翻了一辆').urgency).toBe('urgent');
    expect(read('施工队撂挑子了，工地趴窝一个月').urgency).toBe('urgent');
    expect(read('停水两天了，全厂一滴水都没有').urgency).toBe('urgent');
    expect(read('贷款到期了，马上就是收购旺季，资金转不开').urgency).toBe('normal');
    expect(read('宿舍楼水压太低，六楼洗澡没水').category).toBe('utilities');
    expect(read('房东说不续约就断水断电，请帮忙调解').category).toBe('dispute');
    expect(read('The 5G signal in our warehouse is too weak for the scanners.').category).toBe('utilities');
  });
});

// Rounds 29 (Shandong) and 30 (Zhejiang), made general after their one scoring run; these sentences are new.
describe('after rounds 29 and 30', () => {
  it('names: a brand that opens the message, a cadre’s 经走访了解 and 区内企业, a role before the colon, my company in English', () => {
    expect(read('恒泰机电今年的技改补贴什么时候发').enterprise).toBe('恒泰机电');
    expect(read('冷库钢结构装好了，檩条规格不对').enterprise).toBeNull();
    expect(read('鲜花冷链仓的电一直不稳').enterprise).toBeNull();
    expect(read('高级模具技师申请人才认定').enterprise).toBeNull();
    expect(read('经走访了解，区内企业宏骏机械反映其用电指标不够').enterprise).toBe('宏骏机械');
    expect(read('金帆鞋业老板娘：年后工人回来的少，能不能对接劳务站').enterprise).toBe('金帆鞋业');
    expect(read('Hello, I am Omar from Oman, my company Desert Rose Trading want visit factories').enterprise).toBe('Desert Rose Trading');
    expect(read('我们是种葡萄的合作社，想贷款建冷库').enterprise).toBeNull();
    expect(read('我们是新成立的公司，想问问有没有服务专员').enterprise).toBeNull();
    expect(read('我们厂门口天天堵车你说这叫啥事').enterprise).toBeNull();
  });

  it('tickets and intents: 第N号 before 已 or 那个, N号转, 收到，N号, pressed by 抓紧 or a reply wanted today, 不是啥问题, how to give an order', () => {
    expect(read('第56号已办结，证已核发')).toMatchObject({ intent: 'resolve', ticket: 56 });
    expect(read('第9号那个类别不对，不是基础设施，是用地的事，给改一下')).toMatchObject({ intent: 'correct', ticket: 9 });
    expect(read('41号转区交通局 @李强 处理')).toMatchObject({ intent: 'transfer', ticket: 41 });
    expect(read('收到，208号我来跟进')).toMatchObject({ intent: 'claim', ticket: 208 });
    expect(read('领导 我们那个63号的事 能不能催一催')).toMatchObject({ intent: 'urge', ticket: 63 });
    expect(read('#71 到期了还没答复 抓紧').intent).toBe('urge');
    expect(read('95号问题 请住建局今天内回复').intent).toBe('urge');
    expect(read('#12 不是啥问题 企业自己解决了 撤了吧').intent).toBe('correct');
    expect(read('#30 类别弄错了 应该是用工人才 不是政策兑现').intent).toBe('correct');
    expect(read('待确认的单子现在有几张？发出来我来分').intent).toBe('triage');
    expect(read('还没分好类的给我看看').intent).toBe('triage');
    expect(read('我是新来的 这个小二怎么给它下命令').intent).toBe('help');
    expect(read('明白，我这边马上转告我们老板').intent).toBe('chat');
  });

  it('dates: 明朝 is tomorrow, a contract’s date and a limit one asks to extend are not asked for, 现在年底了, an office’s Saturday', () => {
    expect(read('管道检修要停到后天，我们车间明朝就要开机，能不能先供一路').deadline).toBe('2026-11-24');
    expect(read('合同约定年底交付，施工方现在才做到三层').deadline).toBeNull();
    expect(read('环保说要月底前整改完，设备来不及，能不能延到下个月').deadline).toBeNull();
    expect(read('去年就说今年能批，现在年底了还没消息').deadline).toBeNull();
    expect(read('区企业服务中心礼拜六开门吗').deadline).toBeNull();
  });

  it('urgency and categories in the writers’ words', () => {
    expect(read('今天早上整个园区突然没电了，窑炉停不得').urgency).toBe('urgent');
    expect(read('隔壁工地的吊臂老是转到我们厂房上头，吊着钢管').urgency).toBe('urgent');
    expect(read('厂房墙上裂了好几道缝，还在变大').urgency).toBe('urgent');
    expect(read('园区网络从昨天断到现在，直播做不了').urgency).toBe('urgent');
    expect(read('冷库不能停电，想申请双回路').urgency).toBe('normal');
    expect(read('门口的路牌被车撞歪了，没人管').urgency).toBe('normal');
    expect(read('去年仓库出过一次事故，整改早就完成了，想销号').urgency).toBe('normal');
    expect(read('想挂新三板，要政府出个证明').category).toBe('finance');
    expect(read('供应商告我们违约，其实是他们交货晚').category).toBe('dispute');
    expect(read('区政务服务中心周末开门不').category).toBe('other');
  });
});

// Rounds 31 (Chaoshan and Hakka) and 32 (Hefei and Huaihai), made general after they were scored twice without their
// misses being read (once with 2884002, once with df27435); these sentences are new.
describe('after rounds 31 and 32', () => {
  it('names: in corner brackets or quotes, Hakka 𠊎兜, a longer place before 的, a department signing, a Latin name before a bracket', () => {
    expect(read('我们「星河童装」想参加明年的广交会').enterprise).toBe('星河童装');
    expect(read('做内衣的「柔丝坊」，款式被人抄了，想找律师').enterprise).toBe('柔丝坊');
    expect(read('请问「专精特新贷」怎么申请').enterprise).toBeNull();
    expect(read('𠊎兜係梅林茶业，茶园的路冇修好').enterprise).toBe('梅林茶业');
    expect(read('潮阳区谷饶镇的顺发针织想扩建厂房').enterprise).toBe('顺发针织');
    expect(read('宿舍不够住，想申请人才公寓。—— 泗阳绿源木业行政部').enterprise).toBe('泗阳绿源木业');
    expect(read('Sunrise Jade（阳美）想参加珠宝展').enterprise).toBe('Sunrise Jade');
    expect(read('我是NovaGrid的CFO，想了解引导基金').enterprise).toBe('NovaGrid');
    expect(read('TikTok shop这两个月单子多，海运柜子订不到').enterprise).toBeNull();
    expect(read('我们是揭西的竹韵坊，土地租赁备案镇里拖着').enterprise).toBe('竹韵坊');
  });

  it('tickets and intents: N号 before what is done to it, 第N号 before a word, 这单不是…改成, 识做乜, one’s own report asked after', () => {
    expect(read('52号进展：已约银行下周上门')).toMatchObject({ intent: 'progress', ticket: 52 });
    expect(read('37号处理结果基本满意')).toMatchObject({ intent: 'rate', ticket: 37 });
    expect(read('第44号几时有回复？麻烦催一下')).toMatchObject({ intent: 'urge', ticket: 44 });
    expect(read('第27号我认领了')).toMatchObject({ intent: 'claim', ticket: 27 });
    expect(read('第3号路灯坏了好几天').ticket).toBeNull();
    expect(read('28号前能不能给个答复').ticket).toBeNull();
    expect(read('#41 这单不是融资，改成政策兑现').intent).toBe('correct');
    expect(read('店小二识做乜？').intent).toBe('help');
    expect(read('我们厂报的那单到哪一步了').intent).toBe('query');
    expect(read('待确认的单子给我过一遍').intent).toBe('triage');
    expect(read('#60 不满意 说是修好了 其实没人来 要重办').intent).toBe('reopen');
    expect(read('#70 办结，已对接两家银行，企业表示满意').intent).toBe('resolve');
    expect(read('进度落后，能不能请专班下周二前开个协调会').intent).toBe('report');
    expect(read('#5 好的').intent).toBe('query');
  });

  it('dates and urgency: 后天天 is no date, 今天能不能; a main burst, a rope worn through, people sitting in, a line stopped', () => {
    expect(read('离职的员工后天天在网上骂我们').deadline).toBeNull();
    expect(read('评审会定在后天，今天能不能帮忙把材料递过去').deadline).toBe('2026-11-23');
    expect(read('园区自来水主管早上爆了，整片都没水').urgency).toBe('urgent');
    expect(read('行车的钢丝绳磨得快断了，还天天在吊').urgency).toBe('urgent');
    expect(read('十几个老乡坐在办公室里不走，要工钱').urgency).toBe('urgent');
    expect(read('蒸汽断了，印染线全部停落来').urgency).toBe('urgent');
    expect(read('路口车多，上个月还撞了个人，想装红绿灯').urgency).toBe('normal');
  });
});

// Rounds 33 (Shanghai) and 34 (Liuzhou, Nanning, southern Hunan), scored once with 045fcac and left untuned for a
// session; made general in the twelfth session. These sentences are new.
describe('after rounds 33 and 34', () => {
  it('categories: English read by its words, not its letters; cash flow, promises made when the investment was won, theft, TV', () => {
    expect(read('Voltage dips twice a day at our Minhang site and the SMT line trips. Need the grid company to check. — Ops, Keller Electronics').category).toBe('utilities');
    expect(read('Our new plant manager arrives in January. Is there a Chinese language course for foreigners nearby?').category).not.toBe('market');
    expect(read('We need a 400 kW charging pile for our forklifts; the grid connection takes months').category).toBe('utilities');
    expect(read('下游客户破产，欠我们货款四百万，现金流快撑不住了').category).toBe('finance');
    expect(read('当初招商时讲好头两年租金全免，现在管委会说没有这个政策').category).toBe('policy');
    expect(read('仓库的铜线上个礼拜被人偷了，报了警没下文').category).toBe('other');
    expect(read('想请电视台来拍一下我们的新车间').category).toBe('other');
    expect(read('晚上直播的时候网络老卡顿，想换个运营商').category).toBe('utilities');
    expect(read('外包保洁公司欠了阿姨们三个月工钱').category).toBe('dispute');
  });

  it('urgency: power out since morning and presses idle, a cold store warming, vats gone cold; not: a hazard put right, a past fire, a planned cut', () => {
    expect(read('厂里从早上一直没电，机器全部停下来了').urgency).toBe('urgent');
    expect(read('冷库断电两个钟头了，里面的冻品温度在往上升').urgency).toBe('urgent');
    expect(read('印染车间的缸都冷掉了，一缸布报废').urgency).toBe('urgent');
    expect(read('原料只够撑到明天上午，物流还卡着').urgency).toBe('urgent');
    expect(read('上次检查的隐患，灭火器过期，已经全部整改完了，请来复查').urgency).toBe('normal');
    expect(read('前年隔壁出过火灾以后查得严，想请专家看下我们的消防方案').urgency).toBe('normal');
    expect(read('供电局说换变压器的时候要停电一天，能不能放在周日').urgency).toBe('normal');
    expect(read('去年停工过三个月，今年稳岗补贴还能拿吗').urgency).toBe('normal');
  });

  it('dates: an arrival, stock that lasts until tomorrow, what others will do tomorrow are not asked; 今晚必须 is today', () => {
    expect(read('Our new CFO arrives next Wednesday; can someone explain the talent subsidy to her?').deadline).toBeNull();
    expect(read('芯片库存只够到明天，线要停').deadline).toBeNull();
    expect(read('银行讲明天要收贷，我们账上没钱').deadline).toBeNull();
    expect(read('这批货今晚必须出关，报关单被退回来了').deadline).toBe('2026-11-23');
  });

  it('tickets and intents: a number that is no day at the head, 那张单子, 状态, 给N号打分, 部分解决, 么子进度, one’s own company’s list', () => {
    expect(read('126号又停水了，跟上次一样，重新办')).toMatchObject({ intent: 'reopen', ticket: 126 });
    expect(read('58号搞掂了，牌照已经拿到')).toMatchObject({ intent: 'resolve', ticket: 58 });
    expect(read('14号那张单子超期两天了，再不动要通报')).toMatchObject({ intent: 'urge', ticket: 14 });
    expect(read('7号现在什么状态').ticket).toBe(7);
    expect(read('给63号打个好评')).toMatchObject({ intent: 'rate', ticket: 63 });
    expect(read('36号楼的路灯坏了').ticket).toBeNull();
    expect(read('按52号文的规定能不能申请').ticket).toBeNull();
    expect(read('#72 部分解决，水接通了，排污下月再弄').intent).toBe('resolve');
    expect(read('#31 么子进度了').intent).toBe('query');
    expect(read('#90 这个企业名字写错了，应该是 华东精密').intent).toBe('correct');
    expect(read('我们公司的单子全部列出来看看').intent).toBe('query');
    expect(read('机器人拿不准的单子调出来我看下').intent).toBe('triage');
    expect(read('这个小二哪能用？报个问题是直接讲就可以伐').intent).toBe('help');
  });

  it('names: a registered English name, a role at a company, a dash before the signature, a kind before the name, a brand, a visit log', () => {
    expect(read('We need 20 welders by March, could the district help? – Lukas Brandt, HR Director, Steinmetz Fördertechnik (Suzhou) Co., Ltd.').enterprise).toBe('Steinmetz Fördertechnik (Suzhou) Co., Ltd.');
    expect(read("Hi, I'm Anna Li, operations manager at BrightPath Logistics. Our trucks cannot enter the park after 8 pm.").enterprise).toBe('BrightPath Logistics');
    expect(read('Jiading plant needs a second water main, the pressure drops every afternoon').enterprise).toBeNull();
    expect(read('环评批复一直没下来，能不能帮忙问问？——禾润生物 项目经理 Amy').enterprise).toBe('禾润生物');
    expect(read('我们是嘉定的外资企业博锐精密，想申请员工宿舍').enterprise).toBe('博锐精密');
    expect(read('11月20日赴马陆镇走访上海恒拓仓储有限公司，企业反映仓库消防验收未过').enterprise).toBe('上海恒拓仓储有限公司');
    expect(read('园区给柳州桂泰食品有限公司代建的厂房漏水').enterprise).toBe('柳州桂泰食品有限公司');
    expect(read('开发区入驻企业华湘精密电子（衡阳）有限公司反映施工许可办不下来').enterprise).toBe('华湘精密电子（衡阳）有限公司');
    expect(read('宁波海工装备集团有限公司申请延期开工').enterprise).toBe('宁波海工装备集团有限公司');
    expect(read('我们是做电子烟的云雾轩，想去东南亚参展').enterprise).toBe('云雾轩');
    expect(read('我们是做物流的小公司，尾款拖了一年').enterprise).toBeNull();
    expect(read('有人冒用我们螺香记的牌子卖假货').enterprise).toBe('螺香记');
    expect(read('我们品牌 SnailKing 想进新加坡超市').enterprise).toBe('SnailKing');
    expect(read('我们桂韵瑶绣工坊想加个食品经营许可').enterprise).toBe('桂韵瑶绣工坊');
    expect(read('我们是面包厂 全厂停水两个钟头了').enterprise).toBeNull();
    expect(read('我们永州跨境电商产业园的网很贵').enterprise).toBeNull();
    expect(read('今早园区食堂好多人吃坏肚子').enterprise).toBeNull();
    expect(read('永州经开区反映：项目用地指标缺口大').enterprise).toBeNull();
    expect(read('我们EcoPack仓库门口的路塌了').enterprise).toBe('EcoPack');
  });
});

// Rounds 35 (Fujian) and 36 (Shaanxi, Shanxi, northern Henan), scored once with 6bef591 and then made general in the
// same session. These sentences are new.
describe('after rounds 35 and 36', () => {
  it('names: Hokkien 阮, a place and a rare brand at the head, 太原 and 永和 in names, a place before a signature, a name after the last space', () => {
    expect(read('阮是石狮联兴服饰，厂门口的路灯坏了半个月').enterprise).toBe('石狮联兴服饰');
    expect(read('阮志远鞋业想去迪拜参展，有没有补贴').enterprise).toBe('志远鞋业');
    expect(read('这边闽鑫化纤的，排污许可证变更要多久').enterprise).toBe('闽鑫化纤');
    expect(read('晋江豪步鞋业出口退税申报系统登不上').enterprise).toBe('晋江豪步鞋业');
    expect(read('冷库备用发电机坏了，请协调一台应急电源车').enterprise).toBeNull();
    expect(read('太原晋阳装备的施工许可一直卡着').enterprise).toBe('太原晋阳装备');
    expect(read('天太热了，工人中暑两个，想问高温补贴的标准').enterprise).toBeNull();
    expect(read('三和纺织有几个残疾员工，想问税收优惠').enterprise).toBe('三和纺织');
    expect(read('退税三个月没到 —— 航空港 中州快运').enterprise).toBe('中州快运');
    expect(read('流动资金缺口大，有没有订单贷？——晋城 天泽煤机 财务部').enterprise).toBe('天泽煤机');
    expect(read('环评报告交了一个月没批，希望月底前批下来 汾河洗煤').enterprise).toBe('汾河洗煤');
    expect(read('代办员小李，代秦川数据科技有限公司反映：能评报告一个月没回').enterprise).toBe('秦川数据科技有限公司');
    expect(read('本人于经开区创办长风速运物流有限公司，想问创业补贴').enterprise).toBe('长风速运物流有限公司');
    expect(read('我们是做凉皮的 秦面坊 想进几家超市').enterprise).toBe('秦面坊');
    expect(read('终南芯片这边申报小巨人，材料被退回').enterprise).toBe('终南芯片');
  });

  it('intents: corrections said with what it is not, a ticket voided, how to rate, what the bot can do, asked to supervise', () => {
    expect(parseCorrection('#21 类别标错了，这个是跟房东的租金纠纷，不是融资，改成矛盾纠纷')).toMatchObject({ field: 'category', to: 'dispute' });
    expect(parseCorrection('#22 企业名字记错了，应该是泉州恒达鞋材，不是恒发')).toEqual({ field: 'enterprise', name: '泉州恒达鞋材' });
    expect(parseCorrection('#23 企业名称写错了 不是宏远 是宏源煤业')).toEqual({ field: 'enterprise', name: '宏源煤业' });
    expect(read('#24 这个不是企业的问题，是职工家里的事，作废').intent).toBe('correct');
    expect(read('你好，我是新来的代办员，这个机器人都有哪些功能？').intent).toBe('help');
    expect(read('小二 办结的单子咋评价？').intent).toBe('help');
    expect(read('#88 延期过一次了还是没消息，麻烦专班督一下').intent).toBe('urge');
  });

  it('categories and urgency: a name misused, a smelly river, land taken with compensation, permits of foreign staff, a manhole cover gone', () => {
    expect(read('有人冒用我们厂的名义收押金招工').category).toBe('other');
    expect(read('厂后面那条河沟发臭，想请水利清一下').category).toBe('infrastructure');
    expect(read('修路要征我们半亩地，补偿款到现在没谈').category).toBe('land');
    expect(read('Two of our engineers are still waiting for their work permits').category).toBe('talent');
    expect(read('政府采购的那批设备款验收完三个月还没付').category).toBe('finance');
    expect(read('想捐一批图书给村小，找谁对接').category).toBe('other');
    expect(read('二十几个工人在项目部门口要工钱').category).toBe('dispute');
    expect(read('厂门口的窨井盖不见了，晚上看不清').urgency).toBe('urgent');
    expect(read('路被挖断了，煤运不出去，再有三天就得停产').urgency).toBe('urgent');
    expect(read('附近道路全不让停车，员工的车天天被贴条').urgency).toBe('normal');
    expect(read('宽带老是断，电信修了两次').urgency).toBe('normal');
    expect(read('企业申请容缺受理，承诺五天内补齐材料，窗口不同意').deadline).toBeNull();
  });
});

// Rounds 37 (Yunnan) and 38 (Chongqing and Sichuan), scored once with 0bb98e5 and then made general in the same
// session. These sentences are new.
describe('after rounds 37 and 38', () => {
  it('names: 边 and 都 inside names, a signature after the last space, English names after 我们公司 / 公司名 / a dash, Co. alone', () => {
    expect(read('补偿标准一直没公布 —— 盈江安边糖业').enterprise).toBe('盈江安边糖业');
    expect(read('成都锦城调味品想问天然气开户的费用').enterprise).toBe('成都锦城调味品');
    expect(read('这边的路太窄了，货车进不来').enterprise).toBeNull();
    expect(read('手机信号一格都没有，能不能建个基站 景迈山古茶茶叶').enterprise).toBe('景迈山古茶茶叶');
    expect(read('我们公司 Mekong Spice Trading 想找国内的买家').enterprise).toBe('Mekong Spice Trading');
    expect(read('想找水果批发商合作，公司名 Siam Orchard Export').enterprise).toBe('Siam Orchard Export');
    expect(read('We are Andaman Rubber Co., want to find buyers in Kunming').enterprise).toBe('Andaman Rubber Co.');
    expect(read('Where can we find a buyer for our tea? — Golden Triangle Tea Export').enterprise).toBe('Golden Triangle Tea Export');
    expect(read('We need two welders who speak Burmese. — Irrawaddy Steel Works (瑞丽)').enterprise).toBe('Irrawaddy Steel Works');
    expect(read('周五前希望专线能通 --曲靖云岭软件').enterprise).toBe('曲靖云岭软件');
    expect(read('社保证明开不出来，能不能周五前帮忙？云帆数智 HR Lily').enterprise).not.toBe('HR Lily');
  });

  it('tickets and intents: N号的问题, N号：, 【进展】N号, 看一下N号, "N 我来", corrections with 录错 and 「」, help, triage, digest in Sichuan words', () => {
    expect(read('14号的问题又出现了，水管又漏了')).toMatchObject({ intent: 'reopen', ticket: 14 });
    expect(read('22号：已约企业下周一补材料')).toMatchObject({ intent: 'progress', ticket: 22 });
    expect(read('【进展】61号：税务局已受理，预计下周到账')).toMatchObject({ intent: 'progress', ticket: 61 });
    expect(read('麻烦@李专员 看一下66号，企业又在问')).toMatchObject({ intent: 'urge', ticket: 66 });
    expect(read('73 我来')).toMatchObject({ intent: 'claim', ticket: 73 });
    expect(read('#41 催一下 月底要给企业回话的').intent).toBe('urge');
    expect(read('88号到哪一步了？老板在问').intent).toBe('query');
    expect(parseCorrection('#93 企业名字录错了，应该是「江北宏宇齿轮」不是「江北宏达齿轮」')).toEqual({ field: 'enterprise', name: '江北宏宇齿轮' });
    expect(parseCorrection('#57 企业名字登记错了，不是永盛食品，是永盛食品科技有限公司，改一下')).toEqual({ field: 'enterprise', name: '永盛食品科技有限公司' });
    expect(parseCorrection('#12 紧急程度改成一般，企业说下个月弄好也行')).toEqual({ field: 'urgency', to: 'normal' });
    expect(read('/help').intent).toBe('help');
    expect(read('咋个查我们的工单？有没有使用说明').intent).toBe('help');
    expect(read('小二你不确定的那些单子发出来看看').intent).toBe('triage');
    expect(read('这个月新增了好多？办结了好多？').intent).toBe('digest');
    expect(read('出一下各街道这个月的对比数据').intent).toBe('digest');
  });

  it('categories, urgency and dates: SC证, temporary land, a branch registered, a cracked weld, a wall that may collapse; dust, a second supply, 等明天再', () => {
    expect(read('想办SC证，现场核查说布局不行').category).toBe('approval');
    expect(read('项目的临时用地手续下个月到期，想延续').category).toBe('land');
    expect(read('We want to register a branch office in Jinghong, which documents?').category).toBe('approval');
    expect(read('业主老是投诉我们夜里装货太吵').category).toBe('dispute');
    expect(read('行车轨道的焊缝开裂了，工人还在下面干活').urgency).toBe('urgent');
    expect(read('宿舍后面的挡墙裂了，怕垮下来').urgency).toBe('urgent');
    expect(read('工地扬尘监测又超标了，想请人来指导').urgency).toBe('normal');
    expect(read('想申请双回路，防止断电损坏设备').urgency).toBe('normal');
    expect(read('隐患整改提了八条，我们改完了七条，剩下一条想换个方案').urgency).toBe('normal');
    expect(read('贷款今天到期，转贷还没批下来')).toMatchObject({ deadline: null, urgency: 'urgent' });
    expect(read('塔吊的螺栓松了，施工方说等明天再处理').deadline).toBeNull();
  });
});

// Rounds 39 (Greater Bay Area) and 40 (Hubei and Hunan), scored once with dd379e1 and then made general in the same
// session. These sentences are new.
describe('after rounds 39 and 40', () => {
  it('names: an own name closing the message after its last sentence; not a clause in a message written with spaces', () => {
    expect(read('燃气管道还差三百米，要我们自己出钱，合理不？楚天鲜味').enterprise).toBe('楚天鲜味');
    expect(read('园区的路灯坏了半个月了，晚上工人下班很危险 荆楚恒达').enterprise).toBe('荆楚恒达');
    expect(read('路上全是泥 出场也不冲洗 我们门口的车全脏了 能管管吗').enterprise).toBeNull();
    expect(read('光伏验收约了三趟都没来 板子装了两个月 白白晒太阳').enterprise).toBeNull();
    expect(read('想办企业自主评价，要么子资质？湘江华锐焊材').enterprise).toBe('湘江华锐焊材');
    expect(read('集成电路企业认定，税务和工信互相推').enterprise).toBeNull();
  });

  it('tickets and intents in Cantonese and in more frames: 催一下N号, 查一下N号, 第 N 号, corrections and dismissals, help and triage', () => {
    expect(read('请帮忙催一下58号，企业又来电话了')).toMatchObject({ intent: 'urge', ticket: 58 });
    expect(read('查一下212号的进度')).toMatchObject({ intent: 'query', ticket: 212 });
    expect(read('第 77 号改成紧急，工地停了')).toMatchObject({ intent: 'correct', ticket: 77 });
    expect(read('办结 第64号，宿舍已经安排好了')).toMatchObject({ intent: 'resolve', ticket: 64 });
    expect(parseCorrection(normalizeText('#91 唔係融資類，應該係用地嘅問題，改返用地'))).toMatchObject({ field: 'category', to: 'land' });
    expect(parseCorrection(normalizeText('#108 唔係問題嚟，企業只係問下，撤咗佢'))).toMatchObject({ field: 'dismiss' });
    expect(parseCorrection(normalizeText('#144 唔使跟，企業自己搞掂咗，唔係問題'))).toMatchObject({ field: 'dismiss' });
    expect(parseCorrection(normalizeText('#131 呢單嘅企業名錯咗，應該係華興精密唔係華興電子'))).toEqual({ field: 'enterprise', name: '华兴精密' });
    expect(read('有冇人教下我點樣用呢個機械人？').intent).toBe('help');
    expect(read('有啲單你分唔清類嘅，發俾我睇下').intent).toBe('triage');
    expect(read('领导说了 第33号今天必须有个答复').intent).toBe('urge');
    expect(read('#21 我这边搞不定，交给专班王组长').intent).toBe('transfer');
  });

  it('urgency, dates and categories: people who will not leave, trucks held by villagers, an office surrounded; a visit asked for today', () => {
    expect(read('十几个人坐喺前台唔肯走，話我哋欠佢哋人工').urgency).toBe('urgent');
    expect(read('我们的货车在村口被村民拦住了，三台车出不去').urgency).toBe('urgent');
    expect(read('二十几个工人围住我们办公室要钱').urgency).toBe('urgent');
    expect(read('工人被电了一下，送了去医院检查').urgency).toBe('urgent');
    expect(read('扬尘监测设备天天报警，洒水了也没用').urgency).toBe('normal');
    expect(read('边坡有裂缝，请安监站今天就来看一下').deadline).toBe('2026-11-23');
    expect(read('市场监管今天来检查，说我们的仓库不合格').deadline).toBeNull();
    expect(read('想找几家家具厂做OEM，能不能安排见面').category).toBe('market');
    expect(read('项目停工了，总包跑了，我们想换总包，流程怎么走').category).toBe('construction');
  });
});

// Rounds 41 (the Northeast and Inner Mongolia) and 42 (southern Jiangsu), scored once with 6c33aca and made general in
// the thirteenth session. These sentences are new.
describe('after rounds 41 and 42', () => {
  it('names: a place of a city and a district before a signed name, a banner, a section or an office after it; Wu 伲', () => {
    expect(read('路灯一到十点就灭，工人走夜路不安全 —— 锦州太和 恒润铝业').enterprise).toBe('恒润铝业');
    expect(read('牧区的路被雪封了，饲料车进不来 —— 阿鲁科尔沁旗 草原丰泽牧业').enterprise).toBe('草原丰泽牧业');
    expect(read('基坑边上的围挡被风刮倒了 —— 呼和浩特如意开发区 华远建工二标段').enterprise).toBe('华远建工');
    expect(read('公寓什么时候能分下来 —— 安达电子HR 小刘').enterprise).toBe('安达电子');
    expect(read('咨询一下劳动合同模板 —— 行政部 Jenny').enterprise).toBeNull();
    expect(read('伲是无锡澄泰纺织机械有限公司，环评批复一直没下来').enterprise).toBe('无锡澄泰纺织机械有限公司');
    expect(read('项目专员报：凯翔封测的洁净厂房消防验收排不上').enterprise).toBe('凯翔封测');
    expect(read('我们想问问双创政策 —— 本溪钢都铸件厂').enterprise).toBe('本溪钢都铸件厂');
  });

  it('names in English: accented letters, "X again from Y", an office after a Latin signature, a full stop after the name', () => {
    expect(read('Hi, Schäfer again from Brückner Maschinenbau. Our export licence renewal has been pending for a month.').enterprise).toBe('Brückner Maschinenbau');
    expect(read('The water pressure on the third floor is too low since Monday. — Tanaka Seimitsu 总务 王小姐').enterprise).toBe('Tanaka Seimitsu');
    expect(read('We are a Swiss-owned plant in Changshu, Huber Präzision. Who handles the talent subsidy?').enterprise).toBe('Huber Präzision');
    expect(read('Good morning, Kawada Textiles Nantong again. Our steam price will go up 20% next month, is there any guidance?').enterprise).toBe('Kawada Textiles Nantong');
  });

  it('intents in English and in plain words: thanks, greetings, help, a summary, the unsure tickets, a claim, a chase, corrections', () => {
    expect(read('Thanks so much for sorting out the permit last Friday!').intent).toBe('chat');
    expect(read('Guten Morgen! ☀️').intent).toBe('chat');
    expect(read('How can we report a problem through this bot? Is there a template?').intent).toBe('help');
    expect(read('Please send me a breakdown of this week\'s tickets by department.').intent).toBe('digest');
    expect(read('Which tickets was the bot not sure about? I can check them now.').intent).toBe('triage');
    expect(read('#77 I will handle this one myself.')).toMatchObject({ intent: 'claim', ticket: 77 });
    expect(read('Could you expedite #64? The customer audit is next week.')).toMatchObject({ intent: 'urge', ticket: 64 });
    expect(read('小二能帮我们查补贴吗？还是只能报问题').intent).toBe('help');
    expect(read('我在办的单子有几个要超期了').intent).toBe('query');
    expect(read('#45 问题更新一下，规划局答复下周出意见，我周三去取')).toMatchObject({ intent: 'progress', ticket: 45 });
    expect(parseCorrection(normalizeText('#52 企业名称改一下，是常熟鼎泰精工，不是常熟鼎盛精工'))).toEqual({ field: 'enterprise', name: '常熟鼎泰精工' });
    expect(parseCorrection(normalizeText('#73 紧急程度改一下 这个不急 企业说下个月弄完也行'))).toEqual({ field: 'urgency', to: 'normal' });
  });

  it('dates: a letter\'s date under its signature, limits and threats of others, the end of the month in English, a weekday in the week named before', () => {
    expect(read('关于协调供气的请示 区发改局： 我公司锅炉气压不足，恳请协调。 辽阳石化配件有限公司 2026年11月23日').deadline).toBeNull();
    expect(read('我们被要求五天内拆除彩钢棚，补偿一点没谈').deadline).toBeNull();
    expect(read('村里有人放话明天要来堵大门，能不能请镇里先调解').deadline).toBeNull();
    expect(read('Our head office managers plan to visit around Dec 9. Who should they meet?').deadline).toBeNull();
    expect(read('We hope the refund is paid by the end of this month.').deadline).toBe('2026-11-30');
    expect(read('希望下周二前把路面补好，周四有大件要运').deadline).toBe('2026-12-01');
    expect(read('企业希望年内完成竣工验收').deadline).toBe('2026-12-31');
    expect(read('设备后天进场，请消防今天协调一下验收').deadline).toBe('2026-11-23');
  });

  it('urgency and categories: no urgency in "not urgent", a flood long past, one former employee, snow on pasture; neighbours who share a gate', () => {
    expect(read('Please check the scaffolding at our new hall. Not urgent, but we want it done properly.').urgency).toBe('normal');
    expect(read('去年夏天发过一次水，把仓库淹了，河道到现在没人清理').urgency).toBe('normal');
    expect(read('一个离职员工天天来公司闹，说我们少给了工资').urgency).toBe('normal');
    expect(read('今年雪大，草场都被压住了，牧民想贷款买草料').urgency).toBe('normal');
    expect(read('厂房被划进征收范围了，补偿还没谈').urgency).toBe('normal');
    expect(read('机房光缆被挖断了，生产系统全瘫了').urgency).toBe('urgent');
    expect(read('我们跟隔壁厂共用一条进厂路，他们天天把车横在路中间').category).toBe('dispute');
    expect(read('仓库的房梁让雪压弯了，工人已经撤出来了').category).toBe('construction');
    expect(read('The gas pipeline outside our plant is leaking, we closed the valve.').category).toBe('utilities');
  });
});

// Rounds 43 (Jiangxi and southern Anhui), 44 (Beijing, Tianjin and Hebei), 45 (Guizhou and Hainan) and 46 (the
// north-west), scored once with 36fd14b and made general in the thirteenth session. These sentences are new.
describe('after rounds 43 to 46', () => {
  it('names: a place and 的 before a signed name, 上饶 and 塞上 in names, a name alone before a space, a name between spaces', () => {
    expect(read('厂门口的路灯坏了半个月。——赣州章贡的宏翔服饰').enterprise).toBe('宏翔服饰');
    expect(read('食堂太小了，工人排队要半个钟头？吉安井冈山的永兴电路').enterprise).toBe('永兴电路');
    expect(read('专线老是掉线，能不能帮忙协调电信。上饶铅山的鑫源光学').enterprise).toBe('鑫源光学');
    expect(read('我们是固原的塞上鑫源食品，冷库的电一直不稳').enterprise).toBe('塞上鑫源食品');
    expect(read('保定华诚箱包 想参加明年的广交会，名额咋申请').enterprise).toBe('保定华诚箱包');
    expect(read('去年申报的智能工厂 省里都公示完了 奖励还没发').enterprise).toBeNull();
    expect(read('我们是凯里做蜡染的小作坊 苗绣坊 想参加下个月的展会').enterprise).toBe('苗绣坊');
    expect(read('乌鲁木齐米东的新疆天辰硅材，厂门口没有红绿灯').enterprise).toBe('新疆天辰硅材');
    expect(read('钢厂的除尘灰以前水泥厂收，现在不要了').enterprise).toBeNull();
    expect(read('Hi, I represent Golden Lotus Spa Group, we are opening a branch in Sanya and need staff housing.').enterprise).toBe('Golden Lotus Spa Group');
  });

  it('the words of a Latin name do not say the category; English cues of land, utilities, talent and other', () => {
    expect(read('Hello, this is Ivan from Amber Coast Trading LLC. The land handover of our plot keeps being delayed, villagers still have trees on it.').category).toBe('land');
    expect(read('Our resort has no hot water in the evening, the gas pressure is too low.').category).toBe('utilities');
    expect(read('We need dormitory rooms for 15 engineers near the plant, rents are too high.').category).toBe('talent');
    expect(read('We would like to donate rice to the elderly home in the district. Who should we contact?').category).toBe('other');
    expect(read('海南自贸港零关税的原辅料清单里有没有椰子油？').category).toBe('policy');
  });

  it('intents: a promise asked for, a step asked after, help and triage in plain words, a report read, a meal asked about, a meeting asked for', () => {
    expect(read('#118 说好的周三前答复呢 今天都周四了')).toMatchObject({ intent: 'urge', ticket: 118 });
    expect(read('#45 现场踏勘做完了没')).toMatchObject({ intent: 'query', ticket: 45 });
    expect(read('@店小二 你能帮我们做什么').intent).toBe('help');
    expect(read('转办咋弄？这个单子不归我们管').intent).toBe('help');
    expect(read('把拿不准的那些单子清单发我看看').intent).toBe('triage');
    expect(read('今天的日报我看过了 辛苦各位').intent).toBe('chat');
    expect(read('今天走访了三家企业 没新问题').intent).toBe('chat');
    expect(read('各位中午恰饭了冇').intent).toBe('chat');
    expect(read('新厂区施工两家单位互相扯皮，想请管委会开个协调会').intent).toBe('report');
    expect(parseCorrection(normalizeText('#205 这个不是真问题，企业拉错群了，作废'))).toMatchObject({ field: 'dismiss' });
  });

  it('dates and urgency: 日本 is no Sunday, limits and threats of others; a demolition the day after tomorrow is urgent', () => {
    expect(read('下周日本客户来验厂，想请区里派个翻译').deadline).toBeNull();
    expect(read('街道说本月底前必须搬走，补偿还没谈').deadline).toBeNull();
    expect(read('宿舍暖气坏了，工人说明天就不干了').deadline).toBeNull();
    expect(read('街道通知我们后天就要强拆，可我们有合同').urgency).toBe('urgent');
    expect(read('客户说后天要是还拿不到报关单就取消订单').urgency).toBe('urgent');
    expect(read('限气以后热处理炉全停了').urgency).toBe('urgent');
    expect(read('门口早高峰通勤车进不来，能不能调一下红绿灯').urgency).toBe('normal');
    expect(read('一百多个村民围在场站门口不让走').urgency).toBe('urgent');
  });
});

// Rounds 47 (Hangzhou, Shaoxing, Huzhou), 48 (Shenzhen and Dongguan), 49 (Tibet, western Sichuan, Gannan) and 50
// (central Henan), scored once with 0af023d and made general in the thirteenth session. These sentences are new.
describe('after rounds 47 to 50', () => {
  it('names: a small business named by its kind at the head, in brackets or after 叫; a place and a space before a signed name', () => {
    expect(read('卓玛家庭旅馆 门口的路灯坏了半个月').enterprise).toBe('卓玛家庭旅馆');
    expect(read('次仁藏餐吧这边水管冻裂了，麻烦帮忙找人修').enterprise).toBe('次仁藏餐吧');
    expect(read('甘孜县雪域唐卡画院：想申请非遗项目补助').enterprise).toBe('甘孜县雪域唐卡画院');
    expect(read('派出所门口那条路坑坑洼洼的').enterprise).toBeNull();
    expect(read('我们新开的藏式民宿（云端客栈）屋顶漏水，施工方不认').enterprise).toBe('云端客栈');
    expect(read('我是格桑 在林芝开了一家茶馆叫格桑茶馆，想办食品经营许可').enterprise).toBe('格桑茶馆');
    expect(read('路灯晚上都不亮，工人下班害怕。诸暨 华越经编').enterprise).toBe('华越经编');
    expect(read('厂里自来水压力不够 二楼上不去水 太康华鑫服饰').enterprise).toBe('太康华鑫服饰');
    expect(read('我们是宁围这边做汽车线束的恒迅电器，主机厂砍单了').enterprise).toBe('恒迅电器');
    expect(read('我们是做园区保洁的小公司，尾款拖了一年').enterprise).toBeNull();
  });

  it('names in English: X here from Y, we\'re Y, our startup Y, HR at Y', () => {
    expect(read('Hi, Arjun here from Falcon Motion Labs, our import licence is stuck.').enterprise).toBe('Falcon Motion Labs');
    expect(read("Hello, we're Nordlys Acoustics, a Danish-Chinese JV. Our subsidy was rejected.").enterprise).toBe('Nordlys Acoustics');
    expect(read('Our robotics startup Zenbot needs a local supplier of carbon parts.').enterprise).toBe('Zenbot');
  });

  it('intents: reopened, chased, done, help with commands, the unsure count, away notices, corrections, a claim with its number last', () => {
    expect(read('#52 重新打开，环评材料又被退回来了')).toMatchObject({ intent: 'reopen', ticket: 52 });
    expect(read('帮忙催一下 #61，答复期限已经过了')).toMatchObject({ intent: 'urge', ticket: 61 });
    expect(read('#88 完事了')).toMatchObject({ intent: 'resolve', ticket: 88 });
    expect(read('#29 still no answer, please hurry')).toMatchObject({ intent: 'urge', ticket: 29 });
    expect(read('店小二 你会干啥').intent).toBe('help');
    expect(read('怎么查我们厂报过的问题？要发什么命令').intent).toBe('help');
    expect(read('待确认的还有几单').intent).toBe('triage');
    expect(read('王科长今天不在 明天回来').intent).toBe('chat');
    expect(read('这单我来跟吧 73号')).toMatchObject({ intent: 'claim', ticket: 73 });
    expect(read('#153 紧急改为一般，企业说年后再说').intent).toBe('correct');
    expect(parseCorrection(normalizeText('#171 那个企业名字弄错了，不是金穗，是金穗源，改一下'))).toEqual({ field: 'enterprise', name: '金穗源' });
    expect(read('超期的单子 前十名列一下').intent).toBe('digest');
  });

  it('dates, urgency and categories: threats and demands of others, the corpus kept; danger at height, a washed-out bridge; government purchases', () => {
    expect(read('工人讲不给钱明天就去市政府，我们也是受害者').deadline).toBeNull();
    expect(read('街道通知12月31日前必须腾退，新厂址还没找到').deadline).toBeNull();
    expect(read('区里讲是年底前兑现的，到现在没消息').deadline).toBeNull();
    // (the corpus kept this one as a date; four later texts of its shape are labelled without one: twenty-third session)
    expect(read('房东要收回厂房，让我们月底前搬走').deadline).toBeNull();
    expect(read('装光伏的工人安全绳都不系就上屋顶了').urgency).toBe('urgent');
    expect(read('磨坊开不了工一个礼拜了，订单都退了').urgency).toBe('urgent');
    expect(read('进厂的木桥被水冲坏了，货车不敢过').urgency).toBe('urgent');
    expect(read('员工在车间摔伤了，工伤保险买了，家属还要额外赔偿').urgency).toBe('normal');
    expect(read('区里政府采购的款拖了八个月还没付').category).toBe('finance');
    expect(read('外贸稳增长资金今年怎么申请').category).toBe('policy');
    expect(read('月底要报的研发投入统计，系统老是进不去，报不上要扣分').category).toBe('other');
  });

  it('a brand stays rare as the corpus grows: gram counts are read per the corpus size the thresholds were set on', () => {
    expect(read('阳光渔业冷库的屋顶漏雨，货都泡了').enterprise).toBe('阳光渔业');
    expect(read('消防验收约了三次都没来，能不能催一下 郑州宏图云仓').enterprise).toBe('郑州宏图云仓');
  });
});

// A review of the thirteenth session's diff found readings the new rules had broken; each is mended and kept here.
describe('after the review of rounds 41 to 50', () => {
  it('names: no clause or public place as a name by its kind; English signatures keep their trade words and one-word brands', () => {
    expect(read('佳禾食品计划开拓中东市场，想参加明年的展会').enterprise).toBe('佳禾食品');
    expect(read('县体育馆门口的路灯坏了半个月').enterprise).toBeNull();
    expect(read('We called State Grid three times but no one came to fix the transformer.').enterprise).toBeNull();
    expect(read('Our container is stuck at the port, please help. — Atlas Global Logistics').enterprise).toBe('Atlas Global Logistics');
    expect(read('We need a local supplier of carbon fibre parts. — Zentrix').enterprise).toBe('Zentrix');
    expect(read('我们是做毛尖的小茶企，想报名参加茶博会').enterprise).toBeNull();
  });

  it('intents and urgency: an injury before a scene stays urgent; a question about new problems, a date after 我跟, a chase with 抓紧, no hurry, trouble after hello', () => {
    expect(read('昨天有个员工从脚手架上摔下来了，现在家属堵在厂门口闹').urgency).toBe('urgent');
    expect(read('今天有没有新问题？').intent).not.toBe('chat');
    expect(read('我跟企业约了 28号').ticket).toBeNull();
    expect(read('#45 抓紧，企业问批了没？').intent).toBe('urge');
    expect(read('#188 no hurry on this one').intent).not.toBe('urge');
    expect(read('Hello, no water since 8am!').intent).toBe('report');
    expect(read('#30 情况更新一下，企业又打电话来问了').intent).not.toBe('progress');
  });

  it('dates: a bare weekday after 下周X is moved only after a limit of 下周X; an enterprise\'s own stoppage at month end stays its date', () => {
    expect(read('下周一检查组要来，希望周五前把路灯修好').deadline).toBe('2026-11-27');
    expect(read('企业说本月底前要关停生产线，希望在此之前解决电力增容').deadline).toBe('2026-11-30');
  });
});

// Rounds 51 to 54 (the Beibu Gulf, Nanjing and its neighbours, cadres in official register, young founders' slang):
// what their misses taught, in sentences of our own.
describe('after rounds 51 to 54', () => {
  const corrected = (text: string) => parseCorrection(read(text).normalized);

  it('corrections: 这单 / 哈 after 不是问题, a name recognised wrongly, a category the cadre asks to correct, a level judged too high', () => {
    expect(corrected('#31 这单不是问题，老板只是来问政策')).toMatchObject({ field: 'dismiss', note: '老板只是来问政策' });
    expect(corrected('#31 这个不是问题哈 当场答复了')).toMatchObject({ field: 'dismiss' });
    expect(corrected('#31 企业名称识别错误，应为“江北恒远船务”')).toMatchObject({ field: 'enterprise', name: '江北恒远船务' });
    expect(corrected('识别错了，#31 企业应为恒远船务有限公司，不是恒远物流')).toMatchObject({ field: 'enterprise', name: '恒远船务有限公司' });
    expect(read('识别错了，#31 企业应为恒远船务有限公司，不是恒远物流').intent).toBe('correct');
    expect(corrected('#31 企業寫錯咗，係「新海漁業」唔係「新海鱼业」')).toMatchObject({ field: 'enterprise', name: '新海渔业' });
    expect(corrected('#31 不是融资问题，应为政策兑现（稳岗补贴），请更正分类')).toMatchObject({ field: 'category', to: 'policy' });
    expect(corrected('#31 紧急程度定高了 就是咨询一下 改一般')).toMatchObject({ field: 'urgency', to: 'normal' });
  });

  it('intents: the bot asked what it does with a second question, an earlier report chased or opened again without its number, a last day pressed, a recheck planned', () => {
    expect(read('店小二你識做啲咩呀？').intent).toBe('help');
    expect(read('你都会干啥？我刚调来园区，企业的问题怎么登记').intent).toBe('help');
    expect(read('新人求问 店小二怎么催办啊 有没有说明书').intent).toBe('help');
    expect(read('前几天报嘅污水问题仲未有人理，唔该催下').intent).toBe('urge');
    expect(read('上星期报的那个漏水为什么还没人来？').intent).toBe('urge');
    expect(read('之前那个围墙的问题说弄好了，今天一看又倒了，麻烦重新打开').intent).toBe('reopen');
    expect(read('#77 今天是最后一天了，请务必给企业回个话').intent).toBe('urge');
    expect(read('#77 都超期三天了，谁在跟？').intent).toBe('urge');
    expect(read('#77 已到现场核实，管道已经接通，下周回访').intent).toBe('progress');
    expect(read('#77 我们招商分局接').intent).toBe('claim');
    const rated = read('12号处理得很及时，满意');
    expect([rated.intent, rated.ticket]).toEqual(['rate', 12]);
  });

  it('intents: the unsure tickets in other words, one\'s own ticket by name, and talk about the group that asks for nothing', () => {
    expect(read('哪几条你没认准的？拿来我看下').intent).toBe('triage');
    expect(read('待确认的那些列出来我过一下').intent).toBe('triage');
    expect(read('我们星河动漫的单子啥进度了').intent).toBe('query');
    expect(read('上午培训的课件谁有，发一下').intent).toBe('chat');
    expect(read('园区门口哪家面馆好吃？').intent).toBe('chat');
    expect(read('下午有人拼单奶茶吗').intent).toBe('chat');
    expect(read('早安各位 今天也准时上线打卡').intent).toBe('chat');
    expect(read('园区没有食堂，中午全靠点外卖，能不能协调开个餐厅').intent).toBe('report');
  });
});

describe('after rounds 51 to 54: names', () => {
  it('a name alone before a space: new trades, 佳和 / 天和 / 江都 inside names, or a name of its own rare at both ends', () => {
    expect(read('常州佳和纸业 今年的技改补贴还没拨').enterprise).toBe('常州佳和纸业');
    expect(read('江都汇丰劳保用品 出口退税两个月没下来').enterprise).toBe('江都汇丰劳保用品');
    expect(read('泰兴鼎盛船舶配套 想找本地钢板供应商').enterprise).toBe('泰兴鼎盛船舶配套');
    expect(read('天和光能屋顶光伏备案被退回两次').enterprise).toBe('天和光能');
    expect(read('澜芯微纳 想申请知识产权质押贷款').enterprise).toBe('澜芯微纳');
    expect(read('林地变更 谁在管').enterprise).toBeNull();
    expect(read('各位领导好 园区路灯坏了三盏').enterprise).toBeNull();
  });

  it('a signature after a dash however it is made; a brand in letters glued to its Chinese name; not an office after a site', () => {
    expect(read('隔壁装修噪音太大 客人都跑了 —— 半山听雨').enterprise).toBe('半山听雨');
    expect(read('消防验收一直排不上 —— 迷雾社').enterprise).toBe('迷雾社');
    expect(read('员工落户要什么材料 —— Blue Whale蓝鲸动画').enterprise).toBe('Blue Whale蓝鲸动画');
    expect(read('门口的路灯不亮 —— 麦芽Malt').enterprise).toBe('麦芽Malt');
    expect(read('工人堵门已经停了两天了 —— 株洲渌口项目部').enterprise).toBeNull();
    expect(read('宿舍不够住 —— 星海微电子HR Amy').enterprise).toBe('星海微电子');
  });

  it('the official register: what the cadre learned, then the enterprise; a form\'s field; a visit to a site; a trade name of 字号 characters', () => {
    expect(read('据了解，鸿泰置业竞得的地块高压线还没迁改，无法交地').enterprise).toBe('鸿泰置业');
    expect(read('现将瑞丰电子有关情况报告如下：企业希望对接本地配套').enterprise).toBe('瑞丰电子');
    expect(read('据恒达物流反映，园区道口限高，大车过不去').enterprise).toBe('恒达物流');
    expect(read('据江州恒远电缆有限公司反映，企业需要质量证明').enterprise).toBe('江州恒远电缆有限公司');
    expect(read('关于金瑞模具上市事宜：需要十一个部门出具证明').enterprise).toBe('金瑞模具');
    expect(read('施工企业江州安泰建设有限公司反映仍有两户未签协议').enterprise).toBe('江州安泰建设有限公司');
    expect(read('【问题登记】企业：恒信仓储；问题：界址有争议').enterprise).toBe('恒信仓储');
    expect(read('今天去华润置业滨江府工地看了，基坑边堆土太高').enterprise).toBe('华润置业');
    expect(read('鑫源铸造产能有富余，想承接本地订单').enterprise).toBe('鑫源铸造');
    expect(read('宏泰纸品厂区今早停水，水务集团说是爆管').enterprise).toBe('宏泰纸品');
    expect(read('丰华超市反映门口经常有人滞留').enterprise).toBe('丰华超市');
    expect(read('恒源电器收到“优秀企业评比”收费通知，不知真假').enterprise).toBe('恒源电器');
  });
});

describe('after rounds 51 to 54: names signed without a dash', () => {
  it('a name after an emoji or a tilde, or a Latin brand glued to its Chinese name, closing the message after a space', () => {
    expect(read('想找商超渠道 自己谈太难了 😮‍💨 青柚实验室').enterprise).toBe('青柚实验室');
    expect(read('落户要什么材料 等着回复呢 谢谢啦~ 星图智算').enterprise).toBe('星图智算');
    expect(read('稳岗补贴还没到 是不是漏填了 Momo猫咖').enterprise).toBe('Momo猫咖');
    expect(read('隔壁工地扬尘太大 能不能洒洒水 青橘LIME').enterprise).toBe('青橘LIME');
    expect(read('视频会议老掉线 开个会卡成PPT').enterprise).toBeNull();
    expect(read('宿舍不够住 —— 启明半导体HR').enterprise).toBe('启明半导体');
    expect(read('好的 👍 收到了').enterprise).toBeNull();
  });
});

describe('after rounds 51 to 54: the Beibu Gulf\'s names', () => {
  it('feed, cold chain, seafood, farm supplies, foreign trade, timber and tourism development as trades; a rented plant is no name', () => {
    expect(read('我哋永丰饲料门口条路烂晒').enterprise).toBe('永丰饲料');
    expect(read('我们顺达冷运的冷藏车被贴条').enterprise).toBe('顺达冷运');
    expect(read('北海金沙外贸 想找越南语业务员').enterprise).toBe('北海金沙外贸');
    expect(read('我们钦州银滩旅游开发想了解文旅用地出让条件').enterprise).toBe('钦州银滩旅游开发');
    expect(read('我们恒达五金租的厂房要收回').enterprise).toBe('恒达五金');
  });
});

describe('after rounds 51 to 54: categories and dates', () => {
  it('categories: piling next door, a whole building without water, drains flooding, a road at the gate crushed, a crowd at the gate over wages, a partner gone, a market to open, crowdfunding, a land use that does not match, an interest subsidy refused', () => {
    expect(read('旁边工地在打桩，我们厂里的检测设备震得读数都不准了').category).toBe('construction');
    expect(read('整栋楼都停水了，店里没法营业').category).toBe('utilities');
    expect(read('园区雨水管太小，一下大雨就倒灌进车间').category).toBe('infrastructure');
    expect(read('我们厂门前的路被渣土车压坏了，坑坑洼洼').category).toBe('infrastructure');
    expect(read('十几个木工把厂门口堵了，说包工头欠了他们两个月工资').category).toBe('dispute');
    expect(read('原股东退出后不配合办变更，公章也不交').category).toBe('dispute');
    expect(read('想开拓东南亚市场，不知道怎么找渠道').category).toBe('market');
    expect(read('想搞员工众筹扩大门店，合不合规').category).toBe('finance');
    expect(read('土地证载用途是仓储，跟规划的工业用途不一致').category).toBe('land');
    expect(read('贴息申请被退回了，说我们资格不符合').category).toBe('policy');
    expect(read('想组织员工去红色教育基地参观学习').category).toBe('other');
  });

  it('dates: 元旦前 is the last day of the year', () => {
    expect(read('门口的路灯能不能元旦前修好').deadline).toBe('2026-12-31');
  });
});

describe('the instant a message was sent, in any ISO form', () => {
  it('with Z, with an offset or without one (read in the calendar\'s zone), a date asked for is the same', () => {
    const text = '门口路灯坏了，希望明天修好';
    expect(parseMessage(text, '2026-11-23T01:30:00Z').deadline).toBe('2026-11-24');
    expect(parseMessage(text, '2026-11-23T09:30:00.000+08:00').deadline).toBe('2026-11-24');
    expect(parseMessage(text, '2026-11-23T09:30:00').deadline).toBe('2026-11-24');
    // late on the 23rd in UTC is already the 24th in China
    expect(parseMessage(text, '2026-11-23T17:30:00Z').deadline).toBe('2026-11-25');
    expect(parseMessage('门口路灯坏了，希望后天修好', '2026-11-23T09:30:00+08:00').urgency).toBe('urgent');
    expect(parseMessage('门口路灯坏了，希望大后天修好', '2026-11-23T09:30:00+08:00').urgency).toBe('normal');
  });
});

// Rounds 55 to 58 (central and northern Anhui, leaders of a county-level city, western Hunan and Hubei, Hubei's
// industrial cities and their foreign managers): what their misses taught, in sentences of our own.
describe('after rounds 55 to 58', () => {
  const corrected = (text: string) => parseCorrection(read(text).normalized);

  it('corrections: why, then the category it is; 这是X不是Y; not our enterprise but the one next door', () => {
    expect(corrected('#12 分类弄错了，这是工资的事，应该是用工人才不是矛盾纠纷')).toMatchObject({ field: 'category', to: 'talent' });
    expect(corrected('#12 企业写错了，这是恒康玻璃不是恒康制药，改一下')).toMatchObject({ field: 'enterprise', name: '恒康玻璃' });
    expect(corrected('#12 这个不是我们企业 是对面的永盛电器 企业名字改一下')).toMatchObject({ field: 'enterprise', name: '永盛电器' });
  });

  it('ticket intents: nobody has taken it yet, the answer closed by 办结 at its end, handed to a body by name, a visit planned, 么样了, a Japanese rating', () => {
    expect(read('#31 三天了还没人签收？今天给我个说法').intent).toBe('urge');
    expect(read('#31 答复企业：已协调供电所 下周三送电 办结').intent).toBe('resolve');
    expect(read('#31 转自然资源局，@王科 请签收').intent).toBe('transfer');
    expect(read('#31 移动公司回话了，周五上门装宽带，先记一笔').intent).toBe('progress');
    expect(read('#31 么样了？').intent).toBe('query');
    const rated = read('#31 大変満足です');
    expect([rated.intent, ratingFrom(rated.normalized)]).toEqual(['rate', 'very_satisfied']);
  });

  it('plain intents: help in other words, the unsure ones, an own ticket or a cadre\'s own asked after, the ledger and compared rates, a long wait chased, notices and thanks', () => {
    expect(read('怎么让它出周报？').intent).toBe('help');
    expect(read('店小二能不能直接发超期清单？咋弄').intent).toBe('help');
    expect(read('@店小二 你会做么子？').intent).toBe('help');
    expect(read('How can I report a problem here?').intent).toBe('help');
    expect(read('没认出企业的那几条给我过一遍').intent).toBe('triage');
    expect(read('把你没把握的单子列一下').intent).toBe('triage');
    expect(read('我们公司报的那个用水的单子有消息没').intent).toBe('query');
    expect(read('帮我查一下我们星火农机提的单子').intent).toBe('query');
    expect(read('我包联的那几家现在什么情况？').intent).toBe('query');
    expect(read('本月的问题台账发我一下').intent).toBe('digest');
    expect(read('东区和西区的破解率对比一下').intent).toBe('digest');
    expect(read('我们那个排污的事等了好久了 帮忙催一下').intent).toBe('urge');
    expect(read('周五的调度会改到下午三点').intent).toBe('chat');
    expect(read('我是新来的服务专员小李，请多关照').intent).toBe('chat');
    expect(read('没事了 谢谢领导').intent).toBe('chat');
    expect(read('今天食堂有饺子 大家早点去').intent).toBe('chat');
    expect(read('食堂卫生太差了，员工都不愿去吃').intent).toBe('report');
  });
});

describe('after rounds 55 to 58: names', () => {
  it('a 字号 brand and its trade where a clause starts or after 是; not a park', () => {
    expect(read('刚接到电话，恒宇铸造变压器跳闸了').enterprise).toBe('恒宇铸造');
    expect(read('统计直报系统登不进去，是宝丰五金').enterprise).toBe('宝丰五金');
    expect(read('安置房桩基检测报告出不来，施工单位是东方建工').enterprise).toBe('东方建工');
    expect(read('富康工业园没食堂，职工吃饭成问题').enterprise).toBeNull();
  });

  it('a Chinese name after of / from / de / chez; greetings in French are no name; a utility group asked to act is not the enterprise', () => {
    expect(read('Bonjour, Laurent here, CFO of 汉欧座椅系统. A customer has not paid us.').enterprise).toBe('汉欧座椅系统');
    expect(read('Hi, Claire from 楚天医疗器械. Our new director needs a work permit.').enterprise).toBe('楚天医疗器械');
    expect(read('Hi, we need a credit line for 外资背景 companies').enterprise).toBeNull();
    expect(read('厂区供水主管爆了，请水务集团马上抢修').enterprise).toBeNull();
  });

  it('new trades (CNC, optical modules, car interiors, e-bikes, cured meat); 宜都 in a name; a place, 的 and a comma before the name; 老 and a nickname after it; a visit with 了; no self-description as a name', () => {
    expect(read('想去汉诺威工业展 在哪里报名啊 襄阳隆兴数控').enterprise).toBe('襄阳隆兴数控');
    expect(read('光模块出口的原产地证不会办 有没有人指导一哈 芯汇光模块').enterprise).toBe('芯汇光模块');
    expect(read('湘西老腊肉网店被恶意投诉封了三天').enterprise).toBe('湘西老腊肉');
    expect(read('我们是竹溪的，秦巴绿石工艺品厂，新上的切割机老跳闸').enterprise).toBe('秦巴绿石工艺品厂');
    expect(read('嗯们好 我是王家坪家庭农场的王老三，机耕道被大水冲坏了，拖拉机过不去').enterprise).toBe('王家坪家庭农场');
    expect(read('今天走访了溪口村的谭氏茶油坊，企业反映村道没硬化').enterprise).toBe('谭氏茶油坊');
    expect(read('各位领导好，我们是返乡创业的，在县城搞电子线束加工').enterprise).toBeNull();
    expect(read('缺技工 会开数控的 一个都招不到').enterprise).toBeNull();
  });
});

describe('after rounds 55 to 58: categories', () => {
  it('a land certificate not issued after the land was paid for, a house number, a clerk\'s manners, an impostor, a property fee quarrel, villagers at the gate, a weak network, an insurer not paying, subsidies by name, a canal broken, a pit left open, a child\'s school place', () => {
    expect(read('摘牌半年了出让金交清了，土地证还没发下来').category).toBe('land');
    expect(read('厂门口的门牌号跟执照地址对不上，快递老送错').category).toBe('other');
    expect(read('办事窗口工作人员态度很差，让我们跑了三趟').category).toBe('other');
    expect(read('有人冒充区里干部打电话要我们交手续费').category).toBe('other');
    expect(read('物业跟我们因为物业费闹起来了，放话要断水断电').category).toBe('dispute');
    expect(read('停车场被几个村民围起来了，说是他家的地').category).toBe('dispute');
    expect(read('村里网络太差了，一直播就卡').category).toBe('utilities');
    expect(read('冰雹打了茶园，保险公司定损后到现在还没赔').category).toBe('finance');
    expect(read('返乡创业一次性补贴去哪申请').category).toBe('policy');
    expect(read('到茶园的灌溉渠垮了好几段').category).toBe('infrastructure');
    expect(read('厂门口挖的沟开着，没有围挡，晚上很危险').category).toBe('construction');
    expect(read('想把孩子转学回县城读初中，学位满了').category).toBe('talent');
  });
});

describe('after rounds 55 to 58: urgency', () => {
  it('urgent: no drop of water, formwork collapsed, someone already fallen into a pit, a life at risk, wages owed as 工钱; not a cost that frightens', () => {
    expect(read('客栈今天一滴水都没有得，客人在退房').urgency).toBe('urgent');
    expect(read('在建厂房的模板支撑塌了一截，施工方还要接着浇').urgency).toBe('urgent');
    expect(read('门口的沟没有围挡，已经有员工掉下去了').urgency).toBe('urgent');
    expect(read('弯道没有护栏，再不装要出人命').urgency).toBe('urgent');
    expect(read('包工头欠了工人两个月工钱，工人在门口不走').urgency).toBe('urgent');
    expect(read('液化气成本高得吓人，天然气什么时候能通').urgency).toBe('normal');
  });
});

describe('after the retrain on rounds 55 to 58', () => {
  it('an appointment acknowledged is chat', () => {
    expect(read('知道了，周三我们过去').intent).toBe('chat');
  });
});

describe('after joining rounds 55 to 58: names', () => {
  it('a name closing the message after a space with its trade or kind; what it makes, 的, its name; the name, 提的; a dash signature with a lexicon trade or an office-like kind', () => {
    expect(read('排污许可要变更 能不能走简易程序 十堰红岩曲轴厂').enterprise).toBe('十堰红岩曲轴厂');
    expect(read('利辛那个做羽绒的鸿翔服饰跟我反映，货款拖了八个月').enterprise).toBe('鸿翔服饰');
    expect(read('路口公交站拆了没重建，是云翔电子提的').enterprise).toBe('云翔电子');
    expect(read('想招几个青训生 —— 黎明电竞俱乐部').enterprise).toBe('黎明电竞俱乐部');
    expect(read('分成款拖了三个月 —— 元气满满直播').enterprise).toBe('元气满满直播');
    expect(read('说了几次不听 —— 种粮大户李国华').enterprise).toBeNull();
    expect(read('住建局注意：锦华府项目脚手架没挂安全网').enterprise).toBeNull();
    expect(read('经开区晨曦新材料二期用地指标还能不能安排').enterprise).toBe('晨曦新材料');
    expect(read('我们德丰船厂的船台改造许可一直没批').enterprise).toBe('德丰船厂');
  });
});

// A review of the fourteenth session's diff found readings the new rules could break; each is mended and kept here.
describe('after the review of rounds 51 to 58', () => {
  it('重点解决 is no Cantonese; thanks after an emoji is no name; a day of the month is no ticket; 转账 is no transfer; a note about taking it on is no chase; a permit to renew is no reopening', () => {
    expect(normalizeText('重点解决企业融资难，我哋想申请贷款')).toContain('重点解决');
    expect(read('我们是宏达机械，设备款拖了半年没结 🙏 万分感谢').enterprise).toBe('宏达机械');
    const day = read('8号停电搞得我们一天没生产');
    expect([day.ticket, day.intent]).toEqual([null, 'report']);
    expect(read('#12 转账的钱还没到怎么办').intent).not.toBe('transfer');
    expect(read('#45 我们还没接手，等分配').intent).not.toBe('urge');
    expect(read('之前的排污许可证过期了，要重新办理').intent).toBe('report');
  });

  it('an instant that is no date reads no date', () => {
    const p = parseMessage('门口路灯坏了，希望明天修好', '2026-13-01T09:30:00+08:00');
    expect(p.deadline === null || !/NaN/.test(p.deadline)).toBe(true);
  });
});

describe('after rounds 59 to 62: intents', () => {
  it('a 12345 hotline order number is no ticket: the relayed problem is a report', () => {
    const p = read('12345转办（工单2611190456）：来电人反映其经营的小吃店门口排水沟堵塞，污水漫到店里，请协调处理。');
    expect([p.intent, p.ticket]).toEqual(['report', null]);
    expect(read('市民反映工地夜间施工噪音大（12345工单2611200123），请督促施工单位整改。').intent).toBe('report');
    expect(read('#2611 催一下').ticket).toBe(2611);
  });

  it('corrections with a reason or a "就行了" after them', () => {
    expect(parseCorrection('#12 分错类了，这是融资问题不是政策，改一下')).toMatchObject({ field: 'category', to: 'finance' });
    expect(parseCorrection('#12 不是急件，改成一般就行了')).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('#12 企业不是恒丰纺织，是恒丰印染，两家是一个老板，改一下')).toEqual({ field: 'enterprise', name: '恒丰印染' });
  });

  it('closed first then what was done; closed but nothing fixed; chased, asked and talked about without a number', () => {
    expect(read('#21 已办结，帮企业联系上两家物流公司，下周开始发货').intent).toBe('resolve');
    expect(read('#33 灯还是不亮 根本没修 谁给办结的').intent).toBe('reopen');
    expect(read('开发区那家企业用水那个事 帮催一下 拖了二十天了').intent).toBe('urge');
    expect(read('我们厂报的那个路灯的事 到底咋样了').intent).toBe('query');
    expect(read('王科你上午在局里吗？我过去一趟').intent).toBe('chat');
    expect(read('晚上谁去食堂').intent).toBe('chat');
    expect(read('help 怎么催办？').intent).toBe('help');
    expect(read('哪些工单系统没分清楚的，列给我').intent).toBe('triage');
  });

  it("a 街道's flow figures, a comparison table, the overdue ranked by department are requests for numbers", () => {
    expect(read('本月转到我们镇的工单，新增多少、办结多少、在办几个？').intent).toBe('digest');
    expect(read('各镇街的满意度做个对比表').intent).toBe('digest');
    expect(read('这周超期的按部门排一下').intent).toBe('digest');
  });

  it('workers going tomorrow to demand an answer: urgent, and no date asked for', () => {
    const p = read('老板欠了我们三个月工钱，十几个工友准备明天去厂门口讨说法');
    expect([p.urgency, p.deadline]).toEqual(['urgent', null]);
  });
});

describe('after rounds 59 to 62: names', () => {
  it('a name with its county or city signs the message after a space, a person may follow; a place, 的, the name', () => {
    expect(read('门口的路坑坑洼洼 大车过不去 能不能帮帮 广饶县鑫泰橡胶').enterprise).toBe('广饶县鑫泰橡胶');
    expect(read('货款拖了一年多 俺们实在撑不住了 故城县宏达服装厂 李宏达').enterprise).toBe('故城县宏达服装厂');
    expect(read('晚上总有人翻墙进来偷东西 能不能多来巡逻 枣强县的恒通皮草').enterprise).toBe('恒通皮草');
    expect(read('能不能社区出面调解一下').enterprise).toBeNull();
  });

  it('a place then the name, or a name glued to its city, closing the message; a city and district opening it', () => {
    expect(read('展会的名额能不能给我们留一个 —— 德化 瓷韵堂').enterprise).toBe('瓷韵堂');
    expect(read('审批拖了两个月了 不然明年开春就干不了 鞍山正和建工').enterprise).toBe('鞍山正和建工');
    expect(read('锦州渤海 港通物流 车都买了 证还没下来').enterprise).toBe('港通物流');
    expect(read('曲阳石韵雕塑 给区里做的雕塑早验收了，工程款两年没结').enterprise).toBe('曲阳石韵雕塑');
    expect(read('隔壁工地的脚手架歪了 随时可能塌下来 麦芽岛烘焙 解放路店').enterprise).not.toBe('解放路店');
  });

  it("a hotline relay names the enterprise by its role; a name read to its trade keeps the 厂 or 店 that closes it", () => {
    expect(read('12345转：来电人系和顺酒店经理，反映酒店新装的管网已完工，自来水公司迟迟不来接水。').enterprise).toBe('和顺酒店');
    expect(read('街道转办：辖区企业众鑫机电反映，门口道路被大车压坏，希望尽快修补。').enterprise).toBe('众鑫机电');
    expect(read('老厂区搬迁补偿谈不拢，我们鞍山东方电缆厂几十年的老厂，评估价太低').enterprise).toBe('鞍山东方电缆厂');
  });
});

describe('after rounds 59 to 62: categories', () => {
  it('a grid connection waited for is a utility; a trainee subsidy is a policy; an office abroad is a market', () => {
    expect(read('分布式光伏 装好一个多月了 并网申请一直没批 板子在房顶上干晒着').category).toBe('utilities');
    expect(read('高校毕业生就业见习补贴 申报要啥材料 我们今年招了8个 都是应届的').category).toBe('policy');
    expect(read('我们想在泰国开个代表处做市场 商务局能不能给点指导 手续啥的').category).toBe('market');
  });
});

describe('after joining rounds 59 to 62', () => {
  it('a name with its place opening the message; a place, 的, the name; what one is, then the name between commas', () => {
    expect(read('德化鼎盛陶瓷要扩建窑炉，环评卡住了').enterprise).toBe('德化鼎盛陶瓷');
    expect(read('安溪的铁观茶业下个月办茶博会，想请领导来').enterprise).toBe('铁观茶业');
    expect(read('我开理发店的，阿美造型，请了两个小工，想给他们买社保').enterprise).toBe('阿美造型');
    expect(read('新建的猪舍，施工队用的钢材不对').enterprise).toBeNull();
  });

  it("a relay's name after 反映 and its builder's role; a name in brackets after a kitchen or a clinic", () => {
    expect(read('12345转办：市民反映，恒通建工施工的管网沟槽没有围挡，请督促整改。').enterprise).toBe('恒通建工');
    expect(read('我们新开的中央厨房（好味工坊）燃气一直没通').enterprise).toBe('好味工坊');
  });

  it('asked when there will be a result is a chase; a meeting announced to the group is chat', () => {
    expect(read('#56 到底啥时候能有个结果').intent).toBe('urge');
    expect(read('12月3号区里开招商推进会，通知大家一下').intent).toBe('chat');
  });
});

describe('after rounds 63 to 66: intents', () => {
  it('withdrawn as no problem; the command word before the number; a bad rating first; progress asked for', () => {
    expect(parseCorrection('#41 刚才那条不是问题，企业就是问问，撤了吧')).toMatchObject({ field: 'dismiss' });
    expect(parseCorrection('#41 紧急程度标错了 应该是紧急 厂里已经停产了')).toEqual({ field: 'urgency', to: 'urgent' });
    expect(read('认领#77 我来跟企业对接').intent).toBe('claim');
    expect(read('#90 差评，路根本没修就给结了').intent).toBe('rate');
    expect(read('#55 的进度麻烦同步一下').intent).toBe('query');
    expect(read('#55 有进展没有').intent).toBe('query');
  });

  it('work waiting on the enterprise or due this week is progress, not the close', () => {
    expect(read('#88 已把材料清单发给企业，等企业补齐后提交').intent).toBe('progress');
    expect(read('#88 住建已同意先行施工，许可手续本周内办结').intent).toBe('progress');
  });

  it('without a number: the unsure ones, help, a withdrawal, one own matter pressed, and talk between colleagues', () => {
    expect(read('把机器人没拿准的那些单子列出来').intent).toBe('triage');
    expect(read('这个机器人是干什么的').intent).toBe('help');
    expect(read('有没有个操作说明').intent).toBe('help');
    expect(read('那条不是问题 发错群了 撤一下').intent).toBe('correct');
    expect(read('我们那个用水的事到底管不管了，报了十天了').intent).toBe('urge');
    expect(read('好的 没问题 那就这么定').intent).toBe('chat');
    expect(read('大家早上好 今天路上结冰 开车慢点').intent).toBe('chat');
    expect(read('麻烦大家把本月的走访记录周五前报给我').intent).toBe('chat');
  });
});

describe('after rounds 63 to 66: names', () => {
  it("the register's openers (经核查, 据走访, 据企业反映, an office's 转), then the enterprise; the builder in brackets", () => {
    expect(read('据企业反映，康宁护理院隔壁工地夜间施工噪音大，请街道协调。').enterprise).toBe('康宁护理院');
    expect(read('经核查，城西街道华美织造今晨起变压器故障，全线停产，请立即协调！').enterprise).toBe('华美织造');
    expect(read('区人社局转：据企业反映，新锐汽配节后用工缺口较大，希望对接劳务协作基地。').enterprise).toBe('新锐汽配');
    expect(read('经现场核查，翠湖苑项目（建设单位华域置业）基坑出现裂缝，已要求停止作业。').enterprise).toBe('华域置业');
    expect(read('据利达物流反映，周边村民要求赔偿，请镇村干部协调。').enterprise).toBe('利达物流');
  });

  it('a name in black brackets or after a park and 的 signing the message; a registered form read whole', () => {
    expect(read('专线拉了半年还没通 到底好久能装【贵州云帆数据】').enterprise).toBe('贵州云帆数据');
    expect(read('落户的事来回跑了好几趟 —— 科技园里的极星机器人').enterprise).toBe('极星机器人');
    expect(read('金沙县酒香人酒业有限责任公司 基酒压了几千吨 想做质押贷款').enterprise).toBe('金沙县酒香人酒业有限责任公司');
  });
});

describe('after rounds 67 to 70', () => {
  it('Cantonese and village words for commands: back again, the unsure ones, corrections, a chase', () => {
    expect(read('#64 仲未搞掂，水管又爆返，唔該重新跟進').intent).toBe('reopen');
    expect(read('有邊啲單店小二未分好類要我哋確認？').intent).toBe('triage');
    expect(parseCorrection('#52 改回做融资类，不是政策')).toMatchObject({ field: 'category', to: 'finance' });
    expect(parseCorrection('#44 这个应该归用地拆迁 不是矛盾纠纷')).toMatchObject({ field: 'category', to: 'land' });
    expect(parseCorrection('#96 企业名字登错了 不是宏达机械 是宏大机械')).toEqual({ field: 'enterprise', name: '宏大机械' });
    expect(read('这个108号是供电的事 转给供电所').ticket).toBe(108);
    expect(read('老张那个养殖场的环评还在审 帮忙催下 #83').intent).toBe('urge');
    expect(read('#86 什么时候能给个结果？已经拖了两周了').intent).toBe('urge');
  });

  it('without a number: tickets due, a leader’s overdue list, taken on by description, back after it was said done, small talk', () => {
    expect(read('本周到期的单子有哪些').intent).toBe('query');
    expect(read('超期清单 前十 带包联领导名字').intent).toBe('digest');
    expect(read('刚派的那个断网的单子我来接').intent).toBe('claim');
    expect(read('上周说修好了的那个路灯，昨晚又不亮了，得重新弄').intent).toBe('reopen');
    expect(read('周报收到，已转主任').intent).toBe('chat');
  });

  it('a village before the message; a kind of business opening it; a name alone closing a message written with spaces', () => {
    expect(read('石坝村 富源采石场欠了工人三个月工钱').enterprise).toBe('富源采石场');
    expect(read('富民养猪场从昨天晚上停电到现在 猪舍风机全停了').enterprise).toBe('富民养猪场');
    expect(read('仓库里老鼠太多了 咬坏了好几箱毛绒玩具有没有部门能来统一消杀一下 美羊羊毛绒').enterprise).toBe('美羊羊毛绒');
    expect(read('工地的泥头车天天把路上搞得全是泥 我们门口的车全变成泥车了 能管管吗').enterprise).toBeNull();
  });
});

// A review of the fifteenth session's diff found readings the new rules could break; each is mended and kept here.
describe('after the review of rounds 59 to 70', () => {
  it('orders, units and payslips are no unsure tickets; a crowd at an office is no small talk; a long wait closed or rated is no chase', () => {
    expect(read('客户的订单不确定，下个月要不要扩产').intent).not.toBe('triage');
    expect(read('不确定这个事归哪个单位管').intent).not.toBe('triage');
    expect(read('今天政务大厅人好多，排了三个小时还没办上').intent).toBe('report');
    expect(read('#12 拖了两个月，总算有结果了，企业很满意').intent).not.toBe('urge');
    expect(read('#12 拖了三天，已办结，企业表示很快恢复生产').intent).toBe('resolve');
    expect(read('#12 本周已办结').intent).toBe('resolve');
  });

  it('a day of the month is no ticket; goods sent by mistake are no withdrawal; a reason is no enterprise', () => {
    expect(read('这个5号是周几').ticket).toBeNull();
    expect(parseCorrection('#12 供应商发错了货，订单取消了')).toBeNull();
    expect(parseCorrection('#45 银行说材料发错了，申请要撤回')).toBeNull();
    expect(read('供应商货发错了，合同要作废').intent).not.toBe('correct');
    expect(parseCorrection('#12 企业不是不想搬，是没地方搬')).toBeNull();
  });

  it('a place before words that name no one is no enterprise; nor a public office, a shop by its kind, a city', () => {
    expect(read('急！上海客户催货').enterprise).toBeNull();
    expect(read('城区的工厂要搬迁，补偿标准还没定').enterprise).toBeNull();
    expect(read('晚上吵得睡不着 受不了 楼下的烧烤店').enterprise).toBeNull();
    expect(read('晋江市场监管所要求我们整改').enterprise).not.toBe('晋江市场监管所');
    expect(read('12345工单：来电人反映辖区内宏达物流有限公司拖欠运费').enterprise).toBe('宏达物流有限公司');
    expect(read('恒达食品社保补贴还没到账').enterprise).not.toBe('恒达食品社');
  });
});

describe('after rounds 67 to 70 (sixteenth session): a village business by its kind', () => {
  it('a mill, a workshop or a farm named by its kind inside the sentence is the enterprise', () => {
    expect(read('村里德隆木业招的几个外地技工想把娃转到镇中心小学读书').enterprise).toBe('德隆木业');
    expect(read('巧手竹编的竹篮子有外国客商要 有个外贸公司来问能不能出口').enterprise).toBe('巧手竹编');
    expect(read('老周家石磨坊接了个电话 说是市场监管局的要交年检费 后来才晓得是骗子').enterprise).toBe('老周家石磨坊');
    expect(read('天池村的草原风牛肉干作坊反映 门口那盏路灯坏了半年没人修').enterprise).toBe('草原风牛肉干作坊');
  });
  it('what the business does before its 厂 belongs to its name', () => {
    expect(read('丰收农机维修厂和租场地的老板闹起来了 想请司法所调解').enterprise).toBe('丰收农机维修厂');
    expect(read('云雾山茶叶加工厂想问下有没有针对小微企业的贴息带款').enterprise).toBe('云雾山茶叶加工厂');
  });
  it('a gate, a site, a goods yard or a maker of cars is no business of the village', () => {
    expect(read('周边村民说我们排的废气有味道，拉着横幅堵在厂门口').enterprise).toBeNull();
    expect(read('征地补偿款村里还有五户没领，推土机进不了场，项目开不了工').enterprise).toBeNull();
    expect(read('中老铁路货场旁边那块物流用地，挂牌出让说了一年了还没挂出来').enterprise).toBeNull();
    expect(read('主机厂要我们降价15%，不降就换供应商，想请区里帮忙沟通沟通').enterprise).toBeNull();
  });
});

describe('after rounds 67 to 70 (sixteenth session): names signed, and registered names after a polite opener', () => {
  it('a brand closing a message written with spaces for commas, after a short clause', () => {
    expect(read('一整栋楼的网都断了 直播全停了 晚上还有预热场 说是光纤被施工挖断的 电信电话打不通 佳佳母婴').enterprise).toBe('佳佳母婴');
    expect(read('想在仓库顶上装光伏 供电局说并网要排队 排了三个月还没轮到 绿叶环保袋').enterprise).toBe('绿叶环保袋');
    expect(read('光伏并网验收供电那边约了三趟都没来 板子装好两个月了 白白晒太阳').enterprise).toBeNull();
    expect(read('仓库外面的脚手架搭了三个月 活干完了也没人来拆 正好挡着卸货口').enterprise).toBeNull();
  });
  it('a firm of accountants or a consultancy signing after the dash', () => {
    expect(read('南沙嘅人才公寓申請咗半年仲未分到，我哋三個同事住緊酒店 — 恒信會計師事務所').enterprise).toBe('恒信会计师事务所');
    expect(read('明珠灣嗰邊嘅渡輪碼頭冇接駁巴士，可唔可以開條接駁線？— 卓思顧問').enterprise).toBe('卓思顾问');
  });
  it('敝司, 这里是, 我方为 before a registered name are not part of it', () => {
    expect(read('您好，这里是苏源环保科技股份有限公司证券部。我司收到的技改补贴核定金额与申报金额差异较大').enterprise).toBe('苏源环保科技股份有限公司');
    expect(read('您好，我方为中航博远航空科技股份有限公司。新建试验楼的建设工程规划许可证申请已于10月提交').enterprise).toBe('中航博远航空科技股份有限公司');
  });
});

describe('after rounds 67 to 70 (sixteenth session): kinds, measure words, and whom one speaks for', () => {
  it('a small business by its kind, its own name judged without the kind', () => {
    expect(read('湘味坊想参加县里的年货节展销 要个展位 报名是12月5号截止').enterprise).toBe('湘味坊');
    expect(read('俺们这个绿丰蔬菜合作社请了个农大毕业的技术员 人家想在镇上租个房').enterprise).toBe('绿丰蔬菜合作社');
    expect(read('德信牙科診所喺橫琴開分店，醫療機構執業許可證遞咗件成個月').enterprise).toBe('德信牙科诊所');
    expect(read('港資廠想問外債額度登記點樣搞，香港母公司想借錢俾我哋擴產').enterprise).toBeNull();
    // (after a space, and before one)
    expect(read('紧急情况 红星砖厂门口围了二十几个村民 堵着门不让车出').enterprise).toBe('红星砖厂');
    expect(read('有个事不晓得找谁 我们村的绿水湾渔场 鱼塘边上老有人晚上来电鱼').enterprise).toBe('绿水湾渔场');
  });
  it('the group one speaks for, and the enterprise before one\'s English name, not the name', () => {
    expect(read('Hi 我係Jason，代表澳門偉昌集團問下，我哋喺橫琴競得嗰塊商業用地，不動產權證仲未發').enterprise).toBe('澳门伟昌集团');
    expect(read('我係澳門豐源食品嘅Ada，我哋啲杏仁餅想參加12月嗰個大灣區食品展，點樣報名？').enterprise).toBe('澳门丰源食品');
  });
});

describe('after rounds 71 to 74 (seventeenth session): names closing a message, and kinds of business', () => {
  it('a city with its township or quarter, 的, then the name, closing the message', () => {
    expect(read('二期规划一直往后推 —— 琼海博鳌的海天一色酒店').enterprise).toBe('海天一色酒店');
    expect(read('今天之内一定要恢复啊 三亚藤桥的南海苗种场').enterprise).toBe('南海苗种场');
    expect(read('求马上处理 儋州光村的海甸沙虫加工').enterprise).toBe('海甸沙虫加工');
    expect(read('能不能解决 儋州这边的老百姓吃水问题').enterprise).toBeNull();
  });
  it('a brand of two characters after its city, a name after a question, a name before 这边, closing the message', () => {
    expect(read('园区路面被重车压得坑坑洼洼 月底前修好行不 鄂尔多斯远驰').enterprise).toBe('鄂尔多斯远驰');
    expect(read('能不能派人来指导一下？临沧忙怀茶叶加工厂').enterprise).toBe('临沧忙怀茶叶加工厂');
    expect(read('能不能帮着核一下 腾格里阳光这边').enterprise).toBe('腾格里阳光');
    expect(read('路灯坏了好几天了 街道那边').enterprise).toBeNull();
    expect(read('臭得很 麻烦城建那边来疏通下 ——李家沟村委 王建国').enterprise).toBeNull();
  });
  it('a signature in brackets with a person, or after the dash with an office, and a head that reports', () => {
    expect(read('具体怎么申请（申远机械 财务 小吴）').enterprise).toBe('申远机械');
    expect(read('下周就到货 ——禾信地产工程部 老韩了').enterprise).toBe('禾信地产');
    expect(read('安居建工紧急报告：城东安置房项目7#楼外脚手架局部变形').enterprise).toBe('安居建工');
    expect(read('嘉禾物业反映：锦绣苑小区东门外的路灯坏了半个多月了').enterprise).toBe('嘉禾物业');
    expect(read('小区物业反映：东门外的路灯坏了').enterprise).toBeNull();
  });
  it('dive shops, marinas, estates and tea houses by their kind; 现在 and 有 after a name', () => {
    expect(read('鹿回头游艇会在做浮码头扩建，海域使用权证办好了').enterprise).toBe('鹿回头游艇会');
    expect(read('三亚的海之蓝潜水这边反映，潜水费到现在还欠着十几万').enterprise).toBe('海之蓝潜水');
    expect(read('我们阿婆鸡饭现在开到第九家店了，想找股权融资再开几家').enterprise).toBe('阿婆鸡饭');
    expect(read('我们赛诺泰克有两个外籍工程师，工作许可证下个月到期').enterprise).toBe('赛诺泰克');
    expect(read('茶叶初制所想办食品生产许可证（SC），不知道要准备哪些材料').enterprise).toBeNull();
  });
});

describe('after rounds 71 to 74 (seventeenth session): corrections and ticket commands in plain words', () => {
  it('a correction said with its reason, the change asked for after what it is and is not', () => {
    expect(parseCorrection('#154 紧急程度改成一般吧 企业讲不着急 下个月处理都行')).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('#244 紧急程度改一下，现场已经停工了，应该是紧急')).toEqual({ field: 'urgency', to: 'urgent' });
    expect(parseCorrection('#76 不是用电问题 是用地的 改一下分类')).toMatchObject({ field: 'category', to: 'land' });
    expect(parseCorrection('#160 企业名字是临沧临翔区南美茶叶初制所 不是南美茶厂 改一下')).toEqual({ field: 'enterprise', name: '临沧临翔区南美茶叶初制所' });
    expect(read('#76 不是用电问题 是用地的 改一下分类').intent).toBe('correct');
  });
  it('sent back to someone else or money coming back is no transfer; a chase at the end; a chase already made is progress', () => {
    expect(read('#68 还是不行，图审意见又被退回来了，重新办').intent).toBe('reopen');
    expect(read('#101 已联系上缅方银行的代理行，资金下周能退回来').intent).toBe('progress');
    expect(read('#12 退回，不归我们管').intent).toBe('transfer');
    expect(read('#137 重开三天了 还是没人理 催一下').intent).toBe('urge');
    expect(read('#152 已督促街道，本周五组织村民和企业见面协商').intent).toBe('progress');
  });
});

describe('after rounds 71 to 74 (seventeenth session): categories', () => {
  it('money owed by a public buyer is finance, a customer\'s debt still a dispute', () => {
    expect(read('政府采购的印刷单子我们做完半年了，尾款三十多万一直没付，找了采购单位好几次都讲在走流程').category).toBe('finance');
    expect(read('政府采购的那批路灯钱 区住建局还欠我们六十多万 说是等审计 审了一年了').category).toBe('finance');
    expect(read('有个客户欠我们装修款不给，还在网上发帖说我们偷工减料，我们想请街道调解一下，不想打官司').category).toBe('dispute');
  });
  it('a crew damaging the enterprise\'s things is construction; workers up a crane over pay, or smashing a site office, a dispute', () => {
    expect(read('施工队的挖机把我们厂的排水沟挖断了，一下雨厂房里就进水，请帮忙叫他们修复').category).toBe('construction');
    expect(read('工地上几个工人说没拿到工资，爬到塔吊上面不下来了，下面围了好多人').category).toBe('dispute');
    expect(read('刚才一个分包老板带了十几个人来项目部打砸，说总包克扣他的进度款，已经报警了').category).toBe('dispute');
  });
});

describe('after rounds 75 to 78 (seventeenth session): names', () => {
  it('a regiment of the 兵团 is a place before a name', () => {
    expect(read('能不能政府组织个劳务对接 —— 一三六团的宏丰轧花').enterprise).toBe('宏丰轧花');
    expect(read('现在要抵押贷款办不了 —— 一五〇团的沙漠之舟驼奶').enterprise).toBe('沙漠之舟驼奶');
  });
  it('an office, a title or a person after the name closing a message', () => {
    expect(read('工程款拖了一年多还有680万没付，请帮忙协调总包方付款。常州金宏门窗 财务 周').enterprise).toBe('常州金宏门窗');
    expect(read('区里明年春节后有没有组织包车接员工返岗？苏州德凯精密钣金 人事行政部').enterprise).toBe('苏州德凯精密钣金');
    expect(read('请安监站立即处理！苏州博瑞泰光电 EHS Manager Peter Zhang').enterprise).toBe('苏州博瑞泰光电');
    expect(read('价格可以谈。江阴鑫力达化纤销售部').enterprise).toBe('江阴鑫力达化纤');
  });
  it('a brand of two or three characters alone after a space, not a person or a verb', () => {
    expect(read('30台车的融资租赁利息太高了 年化十几个点 月供压力大 区里有没有低息的产品想置换一下 鼎运').enterprise).toBe('鼎运');
    expect(read('请问在景区里面开唐卡体验馆需要办哪些证？营业执照有了 —— 次仁').enterprise).toBeNull();
    expect(read('上次檢查說我們倉庫的消防通道被堵 已經清出來了 能不能來複查一下 好銷號').enterprise).toBeNull();
    expect(read('有没有做跨境独立站的服务商推荐？我们想从B2B转B2C，没经验 老秦').enterprise).toBeNull();
  });
  it('阿拉尔 and 阿拉山口 are places, not Shanghainese 阿拉; a place after 我们是 is never the name', () => {
    expect(read('稳岗返还今年咋没到我们账上？去年都有的 阿拉尔塔河纺织').enterprise).toBe('阿拉尔塔河纺织');
    expect(read('我们是婺源的篁村故里民宿 想加个餐饮 食品经营许可要求厨房面积多少平以上').enterprise).toBe('篁村故里民宿');
    expect(read('我们是沙湾的，轧花季缺开机的技工，招了半个月才来三个人').enterprise).toBeNull();
  });
});

describe('after rounds 75 to 78 (seventeenth session): ticket commands', () => {
  it('a rating with the bare number first, or given to a number', () => {
    expect(read('172 满意👍 感谢商务局')).toMatchObject({ intent: 'rate', ticket: 172 });
    expect(read('给146打个五星 银行那边很给力')).toMatchObject({ intent: 'rate', ticket: 146 });
    expect(read('给110打电话没人接').ticket).toBeNull();
  });
  it('corrections: a name 挂错了, urgency misjudged and not needed; a chase asked with 帮; a close said first', () => {
    expect(parseCorrection('#86 企业名字挂错了，不是鑫达，是华泰精密铸造')).toEqual({ field: 'enterprise', name: '华泰精密铸造' });
    expect(parseCorrection('#181 紧急程度标错了 不用标紧急 企业说年后再弄也行')).toEqual({ field: 'urgency', to: 'normal' });
    expect(read('麻烦帮催下99号问题，旺季前必须搞定的').intent).toBe('urge');
    expect(read('#127 已处理：包工头已找到，劳动监察督促结清工资，民工已离开').intent).toBe('resolve');
  });
});

describe('after joining rounds 75 to 78 (seventeenth session)', () => {
  it('a city the reports name often is still a place before a name', () => {
    expect(read('常州恒驰新能源储能电站项目能评报告交了一个半月了，发改委那边说排队评审').enterprise).toBe('常州恒驰新能源');
    expect(read('区里有没有推荐的本地事务所名录？常州新能锂材 财务部').enterprise).toBe('常州新能锂材');
  });
  it('a time and a place to meet, agreed, is chat', () => {
    expect(read('明白 明天上午我们在办公室等着').intent).toBe('chat');
    expect(read('明天上午还在等着供电所来').intent).toBe('report');
  });
});

describe('after rounds 79 to 82 (seventeenth session): names', () => {
  it('a county town\'s shops by their kind', () => {
    expect(read('我们惠民粮油店门口 就建设路中段那 井盖翘起来了 昨天骑电动车的摔了两个').enterprise).toBe('惠民粮油店');
    expect(read('阿强手机维修的收款码被人换成别人的了 这两天的钱都进了别人账户').enterprise).toBe('阿强手机维修');
    expect(read('村口那座小桥的栏杆没了 晚上骑摩托的掉下去过一个 ——桥头小卖部').enterprise).toBe('桥头小卖部');
    expect(read('续代的事麻烦帮我们催一下农商行 这周三就到期了 过桥资金找不到').enterprise).toBeNull();
  });
  it('the name one is called, whatever group the message names besides; a 叫 that is a verb is no name', () => {
    expect(read('我们是九原区做钢渣微粉的，叫瑞丰新材。集团下属水泥厂欠我们货款1200多万').enterprise).toBe('瑞丰新材');
    expect(read('你好 我们是做钛合金3D打印粉的初创企业 叫钛立方 想申请市里的科技型中小企业创新资金').enterprise).toBe('钛立方');
    expect(read('围墙后面就是化学品仓库，万一倒了后果不堪设想，请住建局立即叫停检查').enterprise).toBeNull();
  });
  it('a Latin title after the name closing a message; the enterprise one speaks for', () => {
    expect(read('VC那边已经很不耐烦 芮泽细胞 CFO Linda').enterprise).toBe('芮泽细胞');
    expect(read('我代表诺维凯医疗说一下，园区就一个食堂，中午排队40分钟').enterprise).toBe('诺维凯医疗');
  });
});

describe('after rounds 79 to 82 (seventeenth session): categories', () => {
  it('a sum still owed is finance; a shopfront set back for a road, a stall\'s ground taken back, the house measured are land', () => {
    expect(read('我是开面馆的 去年给镇上食堂送的米面油还有一万三没给结 问了好几回都说在等等').category).toBe('finance');
    expect(read('我们这排门面说是占了规划道路 要拆退三米 拆了门面就没了 补偿一平方才几百 太少了').category).toBe('land');
    expect(read('镇上说菜市场边上那几个摊位的地是集体的要收回去 我们摆了十几年了 给个说法嘛').category).toBe('land');
  });
});

describe('after rounds 79 to 82 (seventeenth session): ticket commands in written Cantonese', () => {
  it('唔系X系Y, 改返 and 重新开返 read as corrections and reopenings; an answer demanded today; the triage list asked for', () => {
    expect(parseCorrection(normalizeText('#101 企业名写错咗，唔系华锐系华睿，改返'))).toEqual({ field: 'enterprise', name: '华睿' });
    expect(read('#128 紧急程度改返普通，企业已经自己搞掂咗部分').intent).toBe('correct');
    expect(read('#72 根本冇搞掂，水压今朝又唔够，重新开返').intent).toBe('reopen');
    expect(read('＃120 今日一定要有答复，企业已经停产两日').intent).toBe('urge');
    expect(read('把待确认的列给我').intent).toBe('triage');
  });
});

describe('after joining rounds 79 to 82 (seventeenth session)', () => {
  it('a registered name found wherever it stands; a name in black brackets opening the message; 公司系 in written Cantonese', () => {
    expect(read('我们给集团做钢渣处理，现在都快一年了，集团说资金计划没排上。实在扛不住了。 包头市禾润环保科技有限公司').enterprise).toBe('包头市禾润环保科技有限公司');
    expect(read('【诚联五金】我们厂今年过完年工人回来不到一半，普工缺80人左右').enterprise).toBe('诚联五金');
    expect(read('我哋公司系佛山市南海区鸿福陶瓷有限公司，上年同一个地产商做工程单').enterprise).toBe('佛山市南海区鸿福陶瓷有限公司');
    expect(read('今天有冇到期的单子').intent).toBe('query');
  });
});

describe('after rounds 83 to 86 (seventeenth session): clinics, care homes, schools, quarries and concrete plants by their kind', () => {
  it('reads them as names; a slab of concrete, a hospital one is taken to, a hospital project are none', () => {
    expect(read('您好，我们康宁护理院去年新增的40张护理型床位，市里讲的床位建设补贴到现在还冇到账').enterprise).toBe('康宁护理院');
    expect(read('请问一下 普惠性民办幼儿园的生均奖补今年申报截止了冇？我们金苹果幼儿园材料都准备好了').enterprise).toBe('金苹果幼儿园');
    expect(read('急！！我们仁和医院住院部从早上七点停电到现在，备用发电机只能撑几个钟头').enterprise).toBe('仁和医院');
    expect(read('我们瑞丰商砼的搅拌站被环保叫停了，说扬尘不达标').enterprise).toBe('瑞丰商砼');
    expect(read('楼板混凝土强度检测不合格，要不要拆了重做').enterprise).toBeNull();
    expect(read('工地上一个工人从脚手架上摔下来了，已经送医院，安监的人到现场了').enterprise).toBeNull();
    expect(read('据项目专员报，新城医院项目基坑降水导致周边道路沉降约5公分，临近燃气管线').enterprise).toBeNull();
  });
});

describe('after joining rounds 71 to 74 (seventeenth session): what the retrain moved', () => {
  it('a curtain maker by its trade; the enterprise\'s patience noted as progress', () => {
    expect(read('员工宿舍不够住 新招的20个女工没地方安排 附近出租房又贵 政府有没有人才公寓能租 锦绣窗帘').enterprise).toBe('锦绣窗帘');
    expect(read('#470 企业说不急，年底前办好就行').intent).toBe('progress');
  });
});

describe('after rounds 75 to 78 (seventeenth session): categories', () => {
  it('fees owed by a public body are finance; the enterprise\'s property taken for a road or a scenic area is land', () => {
    expect(read('某街道办欠我们的物业保洁服务费两年了，合计120多万，每次去要都说财政紧张，希望年底前能结清').category).toBe('finance');
    expect(read('修高速把我们漂流公司停车场征了一半，说给补偿另外找地，半年过去了地没找钱也没给').category).toBe('land');
    expect(read('景区扩容要把我们茶园征掉，补偿标准按耕地算，我们的茶树种了十五年，能不能按经济林补').category).toBe('land');
  });
});

describe('after rounds 83 to 86 (eighteenth session): the name after 公司是, and a foreign-owned enterprise by its kind', () => {
  it('reads the name said after 公司是, and sets aside 韩国独资企业 before it', () => {
    expect(read('我们公司是大同恒信电力设备，新招的一批大学生想在市里落户，户籍科说要公司有集体户，我们没有，咋办').enterprise).toBe('大同恒信电力设备');
    expect(read('我是韩国人，在威海工作，公司是威海韩进精密。我孩子明年要上小学，外国人的孩子入学怎么办？').enterprise).toBe('威海韩进精密');
    expect(read('我们是日照的韩国独资企业岚星电子，员工通勤、住宿都有困难，想申请人才公寓或者职工宿舍的政策。').enterprise).toBe('岚星电子');
    // what one's company is doing is no name
    expect(read('公司是做冷链物流的，冷库夜里老停电，能不能帮忙协调一下供电所').enterprise).toBeNull();
  });
  it('reads a city, 的, then the name at the head of a clause, or closing the message with its full stop', () => {
    expect(read('报告一下，莱西的金穗果蔬公司新建冷藏库的用地指标还没落实，自然资源局说要等年度指标').enterprise).toBe('金穗果蔬公司');
    expect(read('想了解一下上市辅导的奖励。烟台开发区的德诺生物。').enterprise).toBe('德诺生物');
    expect(read('园区的路灯坏了一个多月，晚上下班黑咕隆咚的').enterprise).toBeNull();
  });
});

describe('after rounds 83 to 86 (nineteenth session): where the writer works, schools and Latin brands, names inside a clause', () => {
  const read = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').enterprise;
  it('reads no name in where the writer works or its part in the matter', () => {
    expect(read('我是仓库的，我们厂后面那条路上个月挖开铺管子到现在没填，货车进出得绕二里地')).toBeNull();
    expect(read('我是食堂管事的，厂里燃气表欠费被停了，三百多人的午饭还等着做呢')).toBeNull();
    expect(read('说是我们给担保的那家企业跑路了，我们是连带担保，现在工资发不了')).toBeNull();
  });
  it('reads a training school or a clinic signing with its city, its office after it', () => {
    expect(read('签证下个月10号到期，请12月5号前给个答复。 南昌 博思英语学校')).toBe('博思英语学校');
    expect(read('能不能帮忙调解？ 宜春 鑫达职业培训')).toBe('鑫达职业培训');
    expect(read('请督促施工方本周五前拿出方案。上饶 信江职业技术培训学校基建办')).toBe('信江职业技术培训学校');
    expect(read('不然设备到了装不了 —— 同济仁爱医院设备科')).toBe('同济仁爱医院');
  });
  it('reads a Latin brand with the Chinese words of its business', () => {
    expect(read('Hi 我们是Kids Academy少儿英语，新办的培训机构，想问下稳岗返还')).toBe('Kids Academy少儿英语');
    expect(read('我们是娄底的 Healing Home 康养中心，外地请来的护理部主任想在这边买房落户')).toBe('Healing Home 康养中心');
  });
  it('reads a name inside a clause: after 到 or 征用, or with its city before what it wants', () => {
    expect(read('进山到东华石料厂那条路被昨晚暴雨冲断了，几十台车堵在半路')).toBe('东华石料厂');
    expect(read('县里修高速要征用荣昌石料厂的料场，通知讲这个礼拜内搬走')).toBe('荣昌石料厂');
    expect(read('听说12月初有个日韩采购对接会，青岛北方蓝海食品想报名参加，去哪报？')).toBe('青岛北方蓝海食品');
    expect(read('龙口东海粉丝新车间施工进度太慢了，说是混凝土供应不上')).toBe('龙口东海粉丝');
  });
});

describe('a rating without its number (nineteenth session, found trying the simulator)', () => {
  const intent = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').intent;
  it('reads 满意, 不满意 with its reason, stars as a rating; a leader asking for the figure is a digest', () => {
    for (const t of ['满意', '非常满意！', '不满意，路灯还是不亮', '基本满意', '5星', '⭐⭐⭐⭐⭐', '滿意']) expect(intent(t), t).toBe('rate');
    for (const t of ['满意率多少了', '差评这个月几条', '满意度怎么样', '好评率']) expect(intent(t), t).toBe('digest');
  });
});

describe('urgency after rounds 83 to 86 (nineteenth session): a flood told as what rain does, or one that is past', () => {
  const urgency = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').urgency;
  it('reads what every rain does, and a flood last time, as no emergency; a flood last night still is one', () => {
    expect(urgency('我们厂门口那条排水沟堵了，一落雨水就漫到路上，车子过去溅一身泥，镇里能不能派人来清一下')).toBe('normal');
    expect(urgency('厂门口的排水沟堵死了 上回下雨还淹了半个仓库')).toBe('normal');
    expect(urgency('河沟一下大雨就倒灌进厂区，去年淹了两回，能不能把河道清一下')).toBe('normal');
    expect(urgency('厂门口的排水沟堵死了 昨晚下雨淹了半个仓库')).toBe('urgent');
  });
  it('reads money frozen, a threat to sue and an order to put things right as no emergency by themselves; a fleet stopped is one', () => {
    expect(urgency('越南客户的货款被对方银行冻结了，资金周转不开')).toBe('normal');
    expect(urgency('对方说报告不准拒绝付款，还扬言要告我们，合同条款两边理解不一样')).toBe('normal');
    expect(urgency('供应链上有家PCB厂被环保责令整改，我们的板子没人做，能不能推荐本地替代')).toBe('normal');
    expect(urgency('昨天银行突然把我们基本户冻结了 司机工资油钱都付不出 今天车队已经停运一半了')).toBe('urgent');
  });
  it('reads a strike, a person missing, a gate surrounded, pipes freezing and a kiln about to go out as emergencies', () => {
    expect(urgency('我們的韓國技術員和本地員工發生衝突，幾十個員工說要集體罷工，請勞動部門過來協調。')).toBe('urgent');
    expect(urgency('我们院里有个老人走失了，昨天下午出去散步到现在还没回来，监控看到往河边去了')).toBe('urgent');
    expect(urgency('工地门口又被村民围住了，说我们泥头车压坏了他们的路，车出不去')).toBe('urgent');
    expect(urgency('换热站坏了 整个厂区都没暖气 车间里水管开始冻了 再不修全得冻爆')).toBe('urgent');
    expect(urgency('天然气今早突然压力不够 两台回转窑都快熄火了')).toBe('urgent');
    // a boiler that often goes out is a matter to look at, not an emergency
    expect(urgency('厂区天然气管道压力不稳，锅炉时常熄火，请燃气公司派人检测。')).toBe('normal');
  });
  it('reads a crack feared to bring something down, an open pit, a near miss, a climb onto a crane, a cold store warming as emergencies', () => {
    expect(urgency('桥面裂了一道大口子 大货车还天天过 整不好要出大事')).toBe('urgent');
    expect(urgency('老仓库外墙大面积空鼓，昨天掉了一块砖下来，下面就是员工通道')).toBe('urgent');
    expect(urgency('挖的坑三天了没填也没围挡 就在我们店门口 晚上黑 小娃娃跑来跑去的')).toBe('urgent');
    expect(urgency('工地上几个工人说没拿到工资，爬到塔吊上面不下来了，下面围了好多人')).toBe('urgent');
    expect(urgency('冷库压缩机启动不了，库里三百吨苹果，温度已经升到五度了')).toBe('urgent');
    // a site without a fence, told about its dust, is a complaint
    expect(urgency('施工队根本没洒水也没围挡，镇上的人投诉到我们这里来了')).toBe('normal');
  });
});

describe('after rounds 87, 88 and 90 (nineteenth session): nobody has signed, progress asked, notices to everyone', () => {
  it('reads nobody signing yet as a chase, 进度咋样 and one\'s own report asked after as a query, 改成一般 with its reason as a correction', () => {
    expect(read('#211 喂，咩情况啊，冇人签收咩').intent).toBe('urge');
    expect(read('149号咋还木人签收 都两天了').intent).toBe('urge');
    expect(read('#208 三日了，请尽快签收处理').intent).toBe('urge');
    expect(read('115号问题进度咋样').intent).toBe('query');
    expect(read('俺们瑞达陶瓷报的那个燃气的事 现在啥情况').intent).toBe('query');
    expect(read('#148 这个不急 改成一般 企业说月底前弄好就行').intent).toBe('correct');
    // the signing itself stays a claim
    expect(read('#211 我来签收').intent).toBe('claim');
  });
  it('reads a birthday, a meal and a notice to everyone as small talk; an enterprise asking about the same thing reports it', () => {
    for (const t of ['黄科今日生日，祝生日快乐🎂🎉', '明天下午园区停水检修 大家提前接点水哦', '中午一道吃饭伐 食堂今朝有红烧肉😂', '下礼拜一示范区执委会来调研 各位准备一下材料']) expect(read(t).intent, t).toBe('chat');
    expect(read('明天园区停水，我们厂大家提前准备，能不能推迟检修').intent).toBe('report');
  });
});

describe('names after rounds 87, 88 and 90 (nineteenth session): chemicals, seafood, springs and staffing as trades', () => {
  const read = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').enterprise;
  it('reads the trades the new rounds named, and 大和 as a name', () => {
    expect(read('蒸汽又断了!! 俺们反应釜全停 一锅料要报废 恒泰化学 马上要人回话')).toBe('恒泰化学');
    expect(read('俺们连云港的 润海化学品储运，危化品经营许可证明年一月到期')).toBe('润海化学品储运');
    expect(read('大丰的 海盛海产品，日本客户那批货出口检验排期太长')).toBe('海盛海产品');
    expect(read('连云港的 海川医药中间体，新车间安全设施设计审查')).toBe('海川医药中间体');
    expect(read('徐州博远传动的，上游一个国企欠俺们货款三百多万')).toBe('徐州博远传动');
    expect(read('我们是太仓的大和精工，环评批复卡在公示后面那一步')).toBe('大和精工');
    expect(read('请问今年外资研发中心认定什么时候开始申报？东和化成想报')).toBe('东和化成');
    expect(read('好多求职者打电话来骂，想请网信办或者公安帮处理下 南宁优职人力资源')).toBe('南宁优职人力资源');
  });
  it('reads no name in a chemical named as goods, or in how to sign up and how many rooms', () => {
    expect(read('易制毒化学品购买备案证明过期了，下周的动物实验要用的乙醚和盐酸都买不了')).toBeNull();
    expect(read('园区那批人才公寓还有木有空的 能租几间')).toBeNull();
    expect(read('听说商务局有东盟采购商对接会，几时有？点样报名')).toBeNull();
  });
});

describe('dates and urgency after rounds 87, 88 and 90 (nineteenth session)', () => {
  it('reads 元月 as January, and workers going to the government tomorrow as urgent', () => {
    expect(read('污水只能拉走处理 啥时候能接通？最好元月底之前').deadline).toBe('2027-01-31');
    expect(read('元月15号前要拿到证，银行抵押要用').deadline).toBe('2027-01-15');
    expect(read('总包欠我们劳务班组的钱，工人讨不到工钱，讲明天要去区政府').urgency).toBe('urgent');
  });
});

describe('names after round 89 (nineteenth session): Hebei county clusters by their trades', () => {
  const read = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').enterprise;
  it('reads fasteners, standard parts, children\'s bicycles, leather goods and furs as trades', () => {
    expect(read('急！德兴紧固件账上的钱被法院冻结了，是给人担保被连累的')).toBe('德兴紧固件');
    expect(read('永年建安标准件，老板让问下，去年那笔贷款下月到期')).toBe('永年建安标准件');
    expect(read('俺们星辰童车发俄罗斯的货走中欧班列老压车，一压半个月')).toBe('星辰童车');
    expect(read('辛集天宇皮具跟房东的租赁合同还有两年，房东要涨一倍房租')).toBe('辛集天宇皮具');
    expect(read('村里有人说我们辛集华盛皮草占了他家的路，今天一早拿车横在路口')).toBe('辛集华盛皮草');
  });
});

describe('names after rounds 92 and 93 (twentieth session): a city, the name and what it makes, before a space', () => {
  const read = (t: string) => parseMessage(t, '2026-11-23T09:30:00+08:00').enterprise;
  it('reads the whole name, with what it makes after its trade or a rare brand, and a district after the city', () => {
    expect(read('株洲恒锐轨道减振 研发费用加计扣除的口径想找税务专家当面问一下')).toBe('株洲恒锐轨道减振');
    expect(read('湘潭科达环保设备 省里首台套奖励公示已经结束哒，钱么时候发？')).toBe('湘潭科达环保设备');
    expect(read('宁乡金洲结构件 扩建项目的施工许可，图审意见回复哒两轮')).toBe('宁乡金洲结构件');
    expect(read('长沙雨花精密焊接 新车间的消防验收材料交上去半个月哒')).toBe('长沙雨花精密焊接');
    expect(read('湘潭莲城酱板鸭 厂里几个员工的电动车在园区被偷哒')).toBe('湘潭莲城酱板鸭');
  });
  it('reads no name in a place alone, a park or a cold store, or a sentence before the space', () => {
    expect(read('日照岚山这边，俺们厂的天然气压力一到早上八九点就不够')).toBeNull();
    expect(read('三亚崖州湾科技城 的实验室用电老是跳闸，能不能协调一下')).toBeNull();
    expect(read('婺源皇菊今年收成好 但是烘干房不够用，想申请点补贴')).toBeNull();
  });
});

describe('commands after round 93 (twentieth session): Xiang 哒, a chase when nobody has signed, a redo asked for', () => {
  it('reads 哒 after a verb as 了, so the commands said with it are read', () => {
    expect(read('工单88 企业名写错哒，是湘潭宏远门窗，不是宏源').intent).toBe('correct');
    expect(read('谢谢李科长，问题解决哒，改天请你恰饭').intent).toBe('chat');
    expect(read('#52 还冇签收？都过哒三天哒').intent).toBe('urge');
  });
  it('reads an enterprise that wants it done again as reopening it, not as its rating', () => {
    expect(read('#66 企业讲不满意，政策明明有，要求重新办').intent).toBe('reopen');
  });
});

describe('commands after round 92 (twenty-first session): a close not agreed to, where it stands, a chase for a colleague', () => {
  it('reads a close the enterprise did not agree to as reopening it, not as closing it', () => {
    expect(read('#153 俺们没同意办结，土地证还是没拿到，这怎么就算办完了？').intent).toBe('reopen');
    expect(read('#40 企业不认可结案，路灯还是不亮').intent).toBe('reopen');
  });
  it('reads where a ticket stands, asked first, as a query whatever is said after it', () => {
    expect(read('#58 什么进度了？上周说在走流程').intent).toBe('query');
    expect(read('俺们公司那个停电的单子现在到哪了？').intent).toBe('query');
  });
  it('reads a chase asked of a colleague by the matter\'s number and name as a chase', () => {
    expect(read('@李科长 156号那个续贷的事，企业今天又打电话来问了，帮着催催银行').intent).toBe('urge');
    expect(read('156号那个续贷的事，企业今天又打电话来问了，帮着催催银行').ticket).toBe(156);
  });
});

describe('after round 92 (twenty-first session): categories', () => {
  it('reads money for hiring (社保补贴, 就业补贴) as a policy matter, not as hiring', () => {
    expect(read('社保补贴：乳山宏远服饰今年吸纳了10个就业困难人员，社保补贴申请交了三个月了，人社一直说在审').category).toBe('policy');
    expect(read('我们公司今年招了15个应届生，听说有一次性吸纳就业补贴，网上申请系统一直提示单位信息不匹配').category).toBe('policy');
    expect(read('我们厂缺二十个普工，社保怎么给外地员工交').category).toBe('talent');
  });
});

describe('names after rounds 92 and 93 (twenty-first session): haste cried first, 一 in a name', () => {
  it('reads the name after 急！ as if the message opened with it', () => {
    expect(read('急！宁乡金洲结构件 银行续贷卡住哒，下周到期的1200万还冇批下来').enterprise).toBe('宁乡金洲结构件');
    expect(read('急！！金山石英砂矿区西边那个边坡昨晚落雨垮了一块，人已经撤了').enterprise).toBe('金山石英砂');
  });
  it('reads 一 inside a name (一品, 一帆, 统一) as the name\'s, not as a word of the sentence', () => {
    expect(read('湘潭一品香食品 想问一下，我们今年新招了几个退役军人，税收减免要去哪里申报').enterprise).toBe('湘潭一品香食品');
    expect(read('船期就是后天 柜子走不了要付滞港费 一帆电商 求帮忙协调原产地证重新签发').enterprise).toBe('一帆电商');
    expect(read('新民宿下周五开业 电信宽带报装半个月了还没来装 —— 酉阳山野间民宿').enterprise).toBe('酉阳山野间民宿');
  });
});

describe('a ticket number after the colleagues @-mentioned first (twenty-second session)', () => {
  it('reads the number that opens the message once the mentions are set aside', () => {
    expect(read('@李科长 156号那个续贷的事，企业今天又打电话来问了，帮着催催银行').ticket).toBe(156);
    expect(read('@李科长 156号那个进度咋样了')).toMatchObject({ intent: 'query', ticket: 156 });
    expect(read('@王主任 @李科长 156号我签收了')).toMatchObject({ intent: 'claim', ticket: 156 });
  });
  it('still reads a day of the month after a mention as a report, not a ticket', () => {
    expect(read('@李科长 28号没送电')).toMatchObject({ intent: 'report', ticket: null });
  });
});

describe('a chase without its number (twenty-second session)', () => {
  it('reads 上周报的 / 昨日报的 as when it was reported, not as a weekly or daily report asked for', () => {
    expect(read('上周报的那个扩容的事 麻烦再催催').intent).toBe('urge');
    expect(read('昨日报的停电有人管没').intent).toBe('urge');
    expect(read('本周周报').intent).toBe('digest');
    expect(read('昨天的日报发一下').intent).toBe('digest');
  });
  it('reads a chase said alone as a chase, not as a report or a request for the digest', () => {
    for (const t of ['催一下', '再催一下', '催催', '帮忙催一下', '麻烦帮忙再催催！', '能不能帮我们催一下']) expect(read(t).intent, t).toBe('urge');
  });
  it('reads an answer said alone not to have worked (还是没解决) as reopening, not as a request for the digest', () => {
    for (const t of ['还是没解决', '还没解决啊', '根本没修好！']) expect(read(t).intent, t).toBe('reopen');
  });
  it('reads a claim said alone in a cadre\'s words as a claim; an enterprise\'s 我们跟进 stays chat', () => {
    for (const t of ['这个我认领了', '收到，这单我来签收', '收到，这个我来跟进', '这个我来跟']) expect(read(t).intent, t).toBe('claim');
    for (const t of ['好的我们跟进', '我来']) expect(read(t).intent, t).toBe('chat');
  });
  it('reads 到底有冇人管 over one\'s own matter as a chase', () => {
    expect(read('我们那个扩容的单子到底有冇人管啊，催一下').intent).toBe('urge');
    expect(read('那个路灯的事到底有没有人管').intent).toBe('urge');
  });
});

describe('a signature of four characters after a closing dash (twenty-second session)', () => {
  it('reads a four-character name that holds a trade word of the lexicon (智能, 直播) as the name', () => {
    expect(read('我哋嘅智能門鎖通過咗歐盟認證，想問有冇跨境電商平台同海外倉嘅資源對接會？ —— 安居智能').enterprise).toBe('安居智能');
    expect(read('入驻奖励说满一年兑现，现在一年半了还没动静 —— 蜜糖直播').enterprise).toBe('蜜糖直播');
  });
  it('still reads no name in a topic of three characters or a person after the dash', () => {
    expect(read('厂区门口的路灯坏了三盏 —— 李明').enterprise).toBeNull();
  });
});

describe('a name and what it makes before 加工厂, opening the message (twenty-third session)', () => {
  it('reads the brand, what it makes and 加工厂 as the name (加工 is a word of the lexicon, not of the name)', () => {
    expect(read('云岭核桃加工厂想办个食品生产许可证 材料交到市场监管局两个月了').enterprise).toBe('云岭核桃加工厂');
    expect(read('宏发竹木加工厂这边几个工人想考电工证和叉车证').enterprise).toBe('宏发竹木加工厂');
  });
  it('reads no name in a kind of business alone (a trade word and 加工厂)', () => {
    expect(read('红木加工厂想贷款换设备，哪家银行有设备更新专项贷').enterprise).toBeNull();
  });
});

describe('我们是 + where the enterprise is + 的 + its name (twenty-third session)', () => {
  it('reads the name after the place and 的, by its trade or its kind', () => {
    expect(read('我们是甘孜的格萨尔藏医诊所，想申请医保定点，两边跑了好几趟').enterprise).toBe('格萨尔藏医诊所');
    expect(read('不好意思打扰 我们是理塘的雪域虫草经营部，今年收虫草借了朋友的钱').enterprise).toBe('雪域虫草经营部');
    expect(read('我们是海南琼中的绿橙合作社，今年绿橙卖得不好').enterprise).toBe('绿橙合作社');
  });
  it('leaves out what kind of enterprise it is, reads no name in a common kind, and yields to a signature', () => {
    expect(read('我们是日照的韩国独资企业岚星电子，员工通勤、住宿都有困难').enterprise).toBe('岚星电子');
    expect(read('我们是珠海斗门的新能源配件厂，项目备案已经拿到').enterprise).toBeNull();
    expect(read('我们是定安塔岭的热带水果加工厂，园区里面没有公交 —— 南椰果业').enterprise).toBe('南椰果业');
  });
});

describe('money promised or applied for and not come is 政策兑现, whatever the setting (twenty-third session)', () => {
  it('reads a 展位补贴 applied for and not paid, a 直播补贴 declaration, an export subsidy not arrived as policy', () => {
    expect(read('去年参加广交会的展位补贴，申请了一直冇消息').category).toBe('policy');
    expect(read('电商直播补贴申报系统讲我们营业执照跟店铺主体不一致，截止日是本周五').category).toBe('policy');
    expect(read('区里那个开拓国际市场补贴3月份报的材料，到现在没到账').category).toBe('policy');
  });
  it('still reads joining a fair with a subsidy asked about as market, and a talent subsidy as talent', () => {
    expect(read('想参加明年的广交会，区里有没有展位补贴和组团').category).toBe('market');
    expect(read('去年引进的两个硕士 人才补贴还没发 人家说再不发就走了').category).toBe('talent');
  });
});

describe('today asked for after the one asked (twenty-third session)', () => {
  it('reads 求…今天就协调, 能不能帮着…今天就给撤了, 请科技局今天帮忙看一下 as today, before a tomorrow told as the reason', () => {
    expect(read('明天团餐订单就要开始供了，没证不敢开，求今天就协调一下现场核查').deadline).toBe('2026-11-23');
    expect(read('明天得去北京签合同，能不能帮着联系法院今天就给撤了').deadline).toBe('2026-11-23');
    expect(read('高企认定材料系统明天下午5点截止提交，请科技局今天帮忙看一下').deadline).toBe('2026-11-23');
  });
  it('still reads a bare 今天 as when something happened', () => {
    expect(read('今天帮忙的师傅说线路老化了，要换').deadline).toBeNull();
  });
});

describe('one\'s matter pressed without its number (twenty-third session)', () => {
  it('reads 那个…的单子 / 上回反映的…那事 / 报的那个…的事情 with 有人管没, 还没人管, 再催, 没来人 as a chase, not a new report', () => {
    for (const t of ['那个燃气的单子还没人管吗？！再催一遍', '上回反映的路灯那事 到底有人管木有', '报的那个野猴子的事情 有人管没有啊 又伤了一个游客了', '聚福楼那个停水的事还没来人啊 都快中午了 催一下', '那个排水沟的事还有人管吗 都一个礼拜了']) {
      expect(read(t).intent, t).toBe('urge');
    }
  });
  it('still reads a problem that nobody looks after, told for the first time, as a report', () => {
    expect(read('厂门口的路灯坏了一个月了，没人管，晚上工人下班很危险').intent).toBe('report');
  });
});

describe('a kind of business said of oneself is no name (twenty-third session)', () => {
  it('reads no name in 新开的早餐店, 新开的豆制品厂, 一个蔬菜合作社', () => {
    expect(read('天然气想开户 我们是新开的早餐店 燃气公司说管道没通到我们这').enterprise).toBeNull();
    expect(read('我们是新开的豆制品厂，自来水报装都一个多月了').enterprise).toBeNull();
    expect(read('我们是紫云的一个蔬菜合作社，想申请乡村振兴的贴息贷款').enterprise).toBeNull();
  });
  it('still reads the name a kind introduces', () => {
    expect(read('我们是新开的鑫源火锅店，燃气开户一直没办').enterprise).toBe('鑫源火锅店');
    expect(read('我们是一家做汽车线束的，叫联创电装，想招工').enterprise).toBe('联创电装');
  });
});

describe('a signature after a closing dash with its trade, holding a word of the sentence (twenty-third session)', () => {
  it('reads 有光能源, 伊犁那拉提奶茶坊 as the names they are', () => {
    expect(read('请问园区能不能装几个充电桩，我们员工一半开电车 —— 有光能源').enterprise).toBe('有光能源');
    expect(read('我们奶茶坊评上了自治区老字号，想请领导来参加挂牌仪式 —— 伊犁那拉提奶茶坊').enterprise).toBe('伊犁那拉提奶茶坊');
  });
  it('still reads no name in a sentence after a dash', () => {
    expect(read('路灯坏了好几天 —— 我们想请人来修').enterprise).toBeNull();
  });
});

describe('a name, 这边, then whatever follows, opening the message (twenty-third session)', () => {
  it('reads 扎西牦牛奶这边冷库…, 青城云游这边办公室… as the name', () => {
    expect(read('扎西牦牛奶这边冷库昨晚开始停电到现在还没来电 酸奶要坏了').enterprise).toBe('扎西牦牛奶');
    expect(read('青城云游这边办公室的宽带最近老是掉线，电信报修了三回都说正常').enterprise).toBe('青城云游');
  });
  it('reads no name in a city and a town before 这边', () => {
    expect(read('吴江盛泽这边蒸汽今早断供了，几台定型机全部停下来').enterprise).toBeNull();
  });
});

describe('我们 + a name of up to eight characters (twenty-third session)', () => {
  it('reads 伊泉清真牛羊肉, 长沙汇鑫冷弯型钢 after 我们', () => {
    expect(read('我们伊泉清真牛羊肉的羊肉想进西安几家大超市 认证都齐全').enterprise).toBe('伊泉清真牛羊肉');
    expect(read('我们长沙汇鑫冷弯型钢想申请一条10千伏专线，现在是和隔壁厂共用的').enterprise).toBe('长沙汇鑫冷弯型钢');
  });
  it('reads no name in an English word of the sentence', () => {
    expect(read('我们founder想去区里的创业讲堂分享一下，咋报名').enterprise).toBeNull();
  });
});

describe('a name at the head, then 想 and what it wants to do (twenty-third session)', () => {
  it('reads 青海昆仑雪菊茶想做电商直播 with its name', () => {
    expect(read('青海昆仑雪菊茶想做电商直播，找本地主播合作，有没有政府组织的对接活动').enterprise).toBe('青海昆仑雪菊茶');
  });
  it('reads no name in people wanting something', () => {
    expect(read('几个年轻员工想租人才公寓，找谁申请').enterprise).toBeNull();
  });
});

describe('a meal proposed to colleagues is small talk (twenty-third session)', () => {
  it('reads 周末去吃火锅不, 中午克吃热干面冇, 中午吃啥 有没有人去吃海南粉 我请, 恁都吃了冇 as chat', () => {
    for (const t of ['周末去吃火锅不 😋', '中午克吃热干面冇', '中午吃啥 有没有人去吃海南粉 我请😄', '恁都吃了冇', '中午一块咥碗biangbiang面不？']) expect(read(t).intent, t).toBe('chat');
  });
  it('still reads staff with nowhere to eat as a report', () => {
    expect(read('园区食堂什么时候开？现在员工中午都要骑车出去吃，来回一个钟').intent).toBe('report');
  });
});

describe('thanks, good cheer, good news and a menu to the group are small talk (twenty-third session)', () => {
  it.each(['辛苦辛苦 你们也不容易', '大家辛苦，今晚不加班了哈😄', '今天冇得事，大家早点下班😄', '不客气，有问题随时群里说', '哈哈 今天终于不限电了 开工开工💪', '今天中午食堂酸菜炖排骨 去晚了就没了哈😂', '这个政策文件我转到公司群了，谢谢'])('%s', (t) => {
    expect(read(t).intent).toBe('chat');
  });
  it('still reads a power cut that is back as a report', () => {
    expect(read('今天又限电了，开工不到一半').intent).toBe('report');
  });
});

describe('a number that could be a lamp\'s or a day\'s is a ticket\'s in a command (twenty-third session)', () => {
  it('reads 第186号 … 麻烦重新打开, 125号还是没动静 能不能快点, 办结 第121号 … as commands on those tickets', () => {
    expect(read('第186号 路灯修好两天又不亮了 麻烦重新打开')).toMatchObject({ intent: 'reopen', ticket: 186 });
    expect(read('5天了 125号还是没动静 能不能快点')).toMatchObject({ intent: 'urge', ticket: 125 });
    expect(read('办结 第121号 路灯已经换了新的，企业确认亮了')).toMatchObject({ intent: 'resolve', ticket: 121 });
  });
  it('still reads a building or a gate as no ticket', () => {
    expect(read('第3号厂房漏水一个礼拜了，催一下').ticket).toBeNull();
    expect(read('厂区3号门口路灯坏了，麻烦修一下').ticket).toBeNull();
  });
});

describe('an answer that did not work, asked to be opened again, with or without its number (twenty-third session)', () => {
  it('reads 上回那个宽带的问题根本没好…重新开一下嘛, 你们说38号解决了…重新办 as a reopen', () => {
    expect(read('上回那个宽带的问题根本没好，又断了，你们那边把单子关了，重新开一下嘛')).toMatchObject({ intent: 'reopen', ticket: null });
    expect(read('上礼拜讲修好的路灯，昨天夜里又不亮了，麻烦重新处理一下').intent).toBe('reopen');
    expect(read('你们说38号解决了 我们根本没收到钱 这个不算数 重新办')).toMatchObject({ intent: 'reopen', ticket: 38 });
  });
  it('still reads a licence to be applied for again as a report', () => {
    expect(read('我们理发店想加个美甲 卫生许可要重新办吗 窗口说要 网上又说不用了').intent).toBe('report');
  });
});

describe('a rating said without its number (twenty-third session)', () => {
  it('reads 上次那个路灯的问题解决得很好 给个好评 as a rating', () => {
    expect(read('上次那个路灯的问题解决得很好 给个好评').intent).toBe('rate');
    expect(read('上次路灯那个事情处理得很好，给个五星⭐⭐⭐⭐⭐').intent).toBe('rate');
  });
});

describe('what the bot does, asked in plain words (twenty-third session)', () => {
  it.each(['提问题是直接在群里说就行吗，要不要@你', '店小二都能干些啥？能帮我查补贴不', '新来的，咱这个店小二能帮着查工单不？'])('%s', (t) => {
    expect(read(t).intent).toBe('help');
  });
});

describe('the unsure tickets asked for in plain words (twenty-third session)', () => {
  it.each(['店小二 有哪些是你没搞清楚 要我们确认的', '有几条系统唔确定点分嘅，放出来我哋分一下', '还有哪些工单没归类', '有冇需要我确认嘅单？', "Show me the tickets the bot wasn't sure about, I'll confirm them."])('%s', (t) => {
    expect(read(t).intent).toBe('triage');
  });
  it.each(['我们不确定要不要办环评，有没有人指导一下', '不确定这个补贴我们能不能报，有没有人知道', '厂里的电压不确定什么时候稳，有没有办法'])('an enterprise unsure of its own matter reports it: %s', (t) => {
    expect(read(t).intent).toBe('report');
  });
});

describe('round 94\'s shops signing their messages (twenty-third session, tuned on after scoring)', () => {
  it('reads a signature ending in 餐厅, 酒吧 or 小院, one after a road, and 我们 + a name before 请', () => {
    expect(read('跟合伙人闹掰了，店现在没法正常营业 —— Happy Taco墨西哥餐厅').enterprise).toBe('Happy Taco墨西哥餐厅');
    expect(read('夜间经济示范商户补贴我们提交材料了，后面一直没人通知结果 —— Night Owl酒吧').enterprise).toBe('Night Owl酒吧');
    expect(read('新开小火锅店要做环评吗？下周三开业 - 巴蜀小院').enterprise).toBe('巴蜀小院');
    expect(read('我们这条街的公交站挪走了 ——深南大道 绿茵轻食').enterprise).toBe('绿茵轻食');
    expect(read('我们港仔茶记请了几个香港师傅来深圳上班，社保点搞？').enterprise).toBe('港仔茶记');
    expect(read('龙华大浪商业街这边停车位全被划掉了，客人没地方停 - 阿强烧腊').enterprise).toBe('阿强烧腊');
  });
  it('still reads no name in a sentence ending in 吧', () => {
    expect(read('路灯坏了好几天 —— 麻烦来修一下吧').enterprise).toBeNull();
  });
});

describe('round 94: a rating said first, a limit others set (twenty-third session, tuned on after scoring)', () => {
  it('reads #90 非常不满意 … 告诉我们办不了 as a rating, not a hand-over', () => {
    expect(read('#90 非常不满意 拖了一个多月最后告诉我们办不了')).toMatchObject({ intent: 'rate', ticket: 90 });
  });
  it('reads 让我们12月15号前清场 and 说后天就断 as others\' limits, not dates asked for', () => {
    expect(read('村里说地要收回给开发商，让我们12月15号前清场，补偿一分没有，这合法吗').deadline).toBeNull();
    expect(read('不交就断我们电，停电通知都贴门上了，说后天就断').deadline).toBeNull();
  });
});

describe('Wu 勿 read as 不 (round 97, tuned on after scoring)', () => {
  it('reads #95 勿算问题 as a correction and 分勿清类别 as the unsure tickets asked for', () => {
    expect(read('#95 勿算问题，企业就是问个电话号码，撤脱吧')).toMatchObject({ intent: 'correct', ticket: 95 });
    expect(read('@店小二 有哪些单子侬分勿清类别等我确认个，列一下').intent).toBe('triage');
  });
  it('keeps 请勿 and 勿忘 as they are', () => {
    expect(normalizeText('请勿吸烟，勿忘初心')).toBe('请勿吸烟，勿忘初心');
  });
});

describe('round 97\'s names at the head (tuned on after scoring)', () => {
  it('reads 丽华印花想新增…, 柯桥蕾美花边想进… with their names', () => {
    expect(read('丽华印花想新增一条数码印花线，要做环评伐？').enterprise).toBe('丽华印花');
    expect(read('柯桥蕾美花边想进一些国内女装品牌的供应商库，区里有没有对接活动？').enterprise).toBe('柯桥蕾美花边');
  });
});

describe('round 97\'s commands (tuned on after scoring)', () => {
  it('reads #221 归类错了…应该归融资资金 as the category corrected, and a long wait pressed as a chase', () => {
    expect(read('#221 归类错了，是拖欠货款，应该归融资资金')).toMatchObject({ intent: 'correct', ticket: 221 });
    expect(parseCorrection('#221 归类错了，是拖欠货款，应该归融资资金')).toMatchObject({ field: 'category', to: 'finance' });
    expect(read('我们公司个事体拖了快两个月了，到底有没有人管').intent).toBe('urge');
  });
});

describe('Wu 个 read as 的 in a Wu text (twenty-third session)', () => {
  it('reads 公司个事体, 员工个小囡, 报个那个 as 的 where the text is Wu; measure words and other texts stay', () => {
    expect(normalizeText('我报个那个用电问题有人接了伐？')).toBe('我报的那个用电问题有人接了吗？');
    expect(normalizeText('那两个员工个小囡要读书，伲想问问')).toBe('那两个员工的小囡要读书，我们想问问');
    expect(normalizeText('这个问题要报个材料吗')).toBe('这个问题要报个材料吗');
  });
});

describe('个旧 is a city, not a measure word before a name (round 98, tuned on after scoring)', () => {
  it('keeps 个旧 in 个旧兴锡矿业 and 个旧锡都矿冶; still drops 这个 before 绿丰蔬菜合作社', () => {
    expect(read('矿区宽带还是4M的，能不能协调电信拉条专线 — 个旧兴锡矿业').enterprise).toBe('个旧兴锡矿业');
    expect(read('个旧锡都矿冶 我们井下巷道有一段顶板在掉渣，工人不敢下去').enterprise).toBe('个旧锡都矿冶');
    expect(read('俺们这个绿丰蔬菜合作社要贷款').enterprise).toBe('绿丰蔬菜合作社');
  });
});

describe('the Hainan free trade port\'s names (round 96, tuned on after scoring)', () => {
  it('reads duty-free shops, clinics, studios, agents, clubs and restaurants by their trade', () => {
    expect(read('我们荟萃免税店跟商场物业闹租金纠纷，物业单方面涨租30%').enterprise).toBe('荟萃免税店');
    expect(read('我们海口椰城医美诊所要从一级升二级，执业许可变更').enterprise).toBe('海口椰城医美诊所');
    expect(read('宝丰船务代理这边，办公楼换了新房东，要我们一个月内搬走').enterprise).toBe('宝丰船务代理');
    expect(read('我们椰林文旅传播想承办明年的海南国际旅游推介会').enterprise).toBe('椰林文旅传播');
    expect(read('海南途锐游艇俱乐部的，我们那笔200万续贷下礼拜五到期').enterprise).toBe('海南途锐游艇俱乐部');
    expect(read('我们颐和国际医学中心（乐城）的干细胞临床研究备案，材料在省卫健委').enterprise).toBe('颐和国际医学中心');
    // a policy's word and a trade said alone are no names
    expect(read('进口设备减免税确认，海关那边要我们补材料，补了两次还不行').enterprise).toBeNull();
    expect(read('我们是离岛免税店的供应商，想了解下我们的产品能不能进').enterprise).toBeNull();
  });
  it('takes the name after 我们是 a place 的 (和悦 is a brand), not a park at the head or what a site is', () => {
    expect(read('您好，我們是博鰲的和悅健康管理中心，光纖寬頻時斷時好').enterprise).toBe('和悦健康管理中心');
    expect(read('崖州湾科技城 我们南繁种业进出口公司楼下那段雨水管网有问题').enterprise).toBe('南繁种业进出口');
    expect(read('三亚我们海角之约民宿想办旅馆业特种行业许可证，我们是老房子改的').enterprise).toBe('海角之约民宿');
    expect(read('我们秀英港通储运的老码头仓库要腾退，可我们是仓储物流用地，差了一半').enterprise).toBe('秀英港通储运');
  });
  it('reads English names introduced with "here", "from HR at", "de", and keeps Co.\'s full stop before Chinese', () => {
    expect(read('Good morning. Pacific Rim Seafood Export here, Haikou Comprehensive Bonded Zone. We need new buyers.').enterprise).toBe('Pacific Rim Seafood Export');
    expect(read('Hey, Lionbridge Commodities (Hainan) here, Singapore-owned trading house. We need a bank guarantee.').enterprise).toBe('Lionbridge Commodities (Hainan)');
    expect(read("Hi there, Sophie from HR at Haitang Bay Grand Resort. Our foreign staff can't get their 社保 transferred.").enterprise).toBe('Haitang Bay Grand Resort');
    expect(read('Bonjour, Claire de Maison Azur Hainan (cosmétiques duty-free). 我们法国同事的配偶也想在海口工作').enterprise).toBe('Maison Azur Hainan');
    expect(read('Hi 店小二，我们是Island Spice Co.，做胡椒出口的，欧洲客户说明年要碳足迹认证').enterprise).toBe('Island Spice Co.');
    // a person introduced with "here" and a role is not the enterprise
    expect(read("Hello, Jens Köhler here, CFO of Brightwell Sensorik (Dongguan) Co., Ltd. We'd like to apply for the local 科技贷.").enterprise).toBe('Brightwell Sensorik (Dongguan) Co., Ltd.');
  });
});

describe('round 96 (tuned on after scoring): categories, urgency and others\' dates', () => {
  it('reads payment held back as finance, a tax refund held up as policy, land taken back, English disputes, visas, classes', () => {
    expect(read('我们是做离岛免税供货的，给一家免税店供了半年货，货款拖了280多万不给，有没有政府协调的渠道').category).toBe('finance');
    expect(read('跨境电商出口退税拖了三个月没退，税务局说要核查，全部单证都交了').category).toBe('policy');
    expect(read('我们金海峡运输港后面的停车场用地被收回了，几百台车没地方停，都停到路边去了').category).toBe('land');
    expect(read('Our landlord in Xiuying terminated the warehouse lease without notice and locked the gate this morning. 3 containers of customer goods are inside.').category).toBe('dispute');
    expect(read('Hi, Raj from Ocean Pearl Seafood Trading. Our Indonesian supplier shipped spoiled squid and now refuses any refund. Is there a mediation service?').category).toBe('dispute');
    expect(read('Our Japanese groups sometimes fly in via Hong Kong. Can they use the 144-hour transit visa-free policy in Sanya?').category).toBe('policy');
    expect(read('Our foreign crew members want to learn Chinese, is there any free Mandarin class run by the government around Sanya?').category).toBe('other');
  });
  it('is urgent for a typhoon with scaffolding up, water cut and all stopped; not for a rectification list or 临床急需', () => {
    expect(read('我们悦澜酒店外立面改造 脚手架搭了七层高，气象台说周四有台风外围影响，施工方说来不及拆').urgency).toBe('urgent');
    expect(read('Azure Bay Wellness Retreat, water supply cut since 7am today, 120 guests in house, spa and kitchen all stopped.').urgency).toBe('urgent');
    expect(read('二期工程主体封顶后，消防隐患整改清单列了23项，施工单位改得太慢，想请消防支队派人来指导一下').urgency).toBe('normal');
    expect(read('我们洋浦储罐区扩建工程的消防隐患整改已经全部完成，申请复查一直约不到时间').urgency).toBe('normal');
    expect(read('新引进的质子治疗配套设备，临床急需进口医疗器械的许可材料已补齐，想请审批这边尽快出结果').urgency).toBe('normal');
  });
  it('asks no date where others set the limit, a repair runs until tomorrow, or the weather comes on a weekday', () => {
    expect(read('我们的老仓库划进了拆迁范围，街道说12月5号前必须腾空，两百多个托盘的货还不知道往哪放').deadline).toBeNull();
    expect(read('办公楼换了新房东，要我们一个月内搬走，可租赁合同还有三年').deadline).toBeNull();
    expect(read('蒸汽管道今早断供 生产线全停了 园区热电说要抢修到明天 能不能想办法先临时供一下').deadline).toBeNull();
    expect(read('脚手架搭了七层高，气象台说周四有台风外围影响，施工方说来不及拆').deadline).toBeNull();
    // one's own ask keeps its date
    expect(read('办公楼换了新房东，要我们搬走，希望周五前帮忙协调').deadline).toBe('2026-11-27');
  });
});

describe('names of rounds 95 and 99–102 (tuned on after scoring)', () => {
  it('reads the name after where it stands: 旁边的, 园里的, a place of five or six characters 的, 这边, 里头', () => {
    expect(read('蜀南竹海旁边的竹韵山庄，今天早上八点停电到现在').enterprise).toBe('竹韵山庄');
    expect(read('科创园里的鑫达线缆，厂区这阵流浪狗多得很').enterprise).toBe('鑫达线缆');
    expect(read('德阳旌阳区的金土地合作社，高标准农田项目把我们的机耕道占了').enterprise).toBe('金土地合作社');
    expect(read('德阳中江的川中挂面厂今天上午突然停电，整条烘干线停了').enterprise).toBe('川中挂面厂');
    expect(read('宾西这边华兴彩印，厂房屋顶积雪太厚').enterprise).toBe('华兴彩印');
    expect(read('平遥古城里头德和源客栈，消防验收约了三回了都没人来').enterprise).toBe('德和源客栈');
    expect(read('ARCTIC FROST这边，我们做冰雪装备租赁的，想跟区里几家滑雪场搞个联合推介').enterprise).toBe('ARCTIC FROST');
  });
  it('reads 我们是 a place 的 and a space, 我们 a place 的 inside a message, a role or an office after the name', () => {
    expect(read('我们是安海的 顺发鞋业，新上了两条自动化成型线').enterprise).toBe('顺发鞋业');
    expect(read('竣工联合验收约了三次都没约齐，我们泉港的恒源新材料等着拿证投产').enterprise).toBe('恒源新材料');
    expect(read('产权一直理不清。我们是长治的上党重机').enterprise).toBe('上党重机');
    expect(read('凯胜体育财务总监：银行授信突然被压了300万').enterprise).toBe('凯胜体育');
    expect(read('能不能先拉一条专线 本周五前 ——乐步鞋业电商部').enterprise).toBe('乐步鞋业');
    expect(read('我們台商公司鴻泰陶瓷想買下隔壁閒置的廠房').enterprise).toBe('鸿泰陶瓷');
    expect(read('华辉建陶新厂区的地摘牌两个月了，交地一直拖').enterprise).toBe('华辉建陶');
    expect(read('项目专员报：晶源光罩洁净厂房的环氧地坪大面积开裂').enterprise).toBe('晶源光罩');
  });
  it('reads no name in a chamber of commerce, a park, a word said twice, what is beside the writer, or a thing checked', () => {
    expect(read('商会想组织会员企业跟区领导座谈，能不能帮忙约个时间 —— 晋江市陈埭镇鞋业商会').enterprise).toBeNull();
    expect(read('德化陶瓷园区的公厕和垃圾中转站一直没建').enterprise).toBeNull();
    expect(read('拍谢拍谢 想问一下政府的产业基金有没有投鞋材新材料的').enterprise).toBeNull();
    expect(read('我们厂隔壁的工地深基坑挖到我们围墙边了，围墙已经开裂').enterprise).toBeNull();
    expect(read('想找律师帮我们看一下外贸合同的条款，英文的看不懂').enterprise).toBeNull();
    expect(read('隔壁工地扬尘大得很，产品检测都受影响，麻烦住建和环保管一下。').enterprise).toBeNull();
    expect(read('机房双电源报装 我们要求两路来自不同变电站').enterprise).toBeNull();
  });
});

describe('categories of rounds 99–102 (tuned on after scoring)', () => {
  it('reads training for a certificate and hiring in haste as talent, pledged or securitised patents as finance', () => {
    expect(read('林场转型搞旅游，老职工想转岗当导游，有没有免费培训考证的渠道').category).toBe('talent');
    expect(read('急招跨境电商运营和外贸业务员，人才市场招了两个月招不到').category).toBe('talent');
    expect(read('瀚视医疗手上有12件发明专利，想做知识产权质押贷个一千万，哪家银行在做这个').category).toBe('finance');
    expect(read('元启半导体想搭上区里知识产权证券化（ABS）那一期，现在报还来得及吗？我们有30多件专利').category).toBe('finance');
  });
  it('reads a subsidy others got as policy, a pressure vessel\'s registration as approval, a dangerous building as construction, a partner holding the seal as dispute', () => {
    expect(read('厝边几家厂都领到用电补贴了，我们南安仑苍的 润泉水暖 怎么没有？麻烦查一下').category).toBe('policy');
    expect(read('嘉信外贸反映，今年外贸稳增长政策里展会补贴标准下调了，想了解下调依据，另外上半年的参展费用能否按旧标准兑付。').category).toBe('policy');
    expect(read('燃气窑炉的压力容器使用登记 跑了两趟都说缺资料 能不能一次性告知缺什么').category).toBe('approval');
    expect(read('厂区里有栋老宿舍楼，鉴定是C级危房，墙体有裂缝，还有员工住在里面，不知道找谁加固').category).toBe('construction');
    expect(read('跟合伙人闹掰了，他手里攥着客栈的公章营业执照不给，现在啥也办不了').category).toBe('dispute');
    // a trademark squatted stays 'other', as the corpus labels it
    expect(read('我们的商标被别人抢注了，想问问怎么维权').category).toBe('other');
  });
});

describe('commands and small talk of rounds 95 and 99–102 (tuned on after scoring)', () => {
  it('reads corrections with their reason first, the name after 的企业名, and the name without who reported it', () => {
    expect(read('#171 这个不算急事，企业就是问问政策，紧急改成一般').intent).toBe('correct');
    expect(parseCorrection('#171 这个不算急事，企业就是问问政策，紧急改成一般')).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('120号的企业名写错了，是锦帆服饰，不是锦凡服饰')).toEqual({ field: 'enterprise', name: '锦帆服饰' });
    expect(parseCorrection('96号的企业填错了，这个是嘉力减震器报的，不是嘉力汽配')).toEqual({ field: 'enterprise', name: '嘉力减震器' });
  });
  it('reads 进展 before the number as a note, a chase with what follows, 办结 and a bare number, one enterprise\'s list', () => {
    expect(read('进展 #88 自然资源局答复本周内出挂牌公告，已告知企业').intent).toBe('progress');
    expect(read('#66 都超期了还没回复，再不给答复我们只能打12345了').intent).toBe('urge');
    expect(read('办结 193，河道清淤已列入明年水利计划，已向企业解释说明')).toMatchObject({ intent: 'resolve', ticket: 193 });
    expect(read('黑河北江经贸的单子都有哪些 列一下').intent).toBe('query');
    expect(read('超期的单子有哪些 前十名列一下').intent).toBe('digest');
  });
  it('reads how to look tickets up as help; an apology, a newcomer, an outing, papers asked of colleagues as chat', () => {
    expect(read('请问用这个可以查我们公司所有的工单吗？怎么查').intent).toBe('help');
    expect(read('@店小二 怎么查我们提的问题到哪一步了？要输什么').intent).toBe('help');
    expect(read('拍谢拍谢，刚刚在开会没看到').intent).toBe('chat');
    expect(read('专员你好，我是新来的办公室小陈，以后我负责对接哈🙋‍♀️').intent).toBe('chat');
    expect(read('这个周末晋江有鞋博会预热活动 有空可以去逛逛').intent).toBe('chat');
    expect(read('今天开会的材料谁有，发群里下').intent).toBe('chat');
  });
});

describe('urgency of rounds 95 and 99–102 (tuned on after scoring)', () => {
  it('is urgent for a crane askew, sparks that nearly lit something, hot work without purging, people fallen on an icy slope', () => {
    expect(read('新厂房工地的塔吊好像有点歪，工人说昨天风大的时候晃得厉害，能不能请安监站来看一下').urgency).toBe('urgent');
    expect(read('EHS巡检发现施工单位动火没审批，焊渣掉在保温棉上差点着了，已经叫停').urgency).toBe('urgent');
    expect(read('厂里煤气柜检修，外包单位没做置换就要动焊，我们安全员拦下来了，他们还不服').urgency).toBe('urgent');
    expect(read('下雪了，园区那个坡道没人铲雪也没撒盐，早上两个骑电动车的摔了').urgency).toBe('urgent');
  });
  it('is not urgent for a donation after a colleague\'s fire', () => {
    expect(read('厂里一个员工家里遭了火灾，大家想给他捐点钱，能不能通过区慈善会走个账？').urgency).toBe('normal');
  });
});

describe('progress asked in plain words without a number (a new user\'s walk-through)', () => {
  it('reads 进度怎么样了, 现在办得怎么样了？, 进展如何了 as a query, not a report', () => {
    for (const t of ['进度怎么样了', '现在进度怎么样了？', '进展如何了', '办得怎么样了', '现在办得怎么样了？']) expect(read(t).intent, t).toBe('query');
  });
});

describe('a few words after one\'s own problem, without a number (a new user\'s walk-through)', () => {
  it('presses: 有人管吗, 还没人联系我们, 怎么还没人来, 到底还要等多久, 等了一个礼拜了还没动静', () => {
    for (const t of ['有人管吗', '还没人联系我们', '怎么还没人来', '到底还要等多久', '等了一个礼拜了还没动静']) expect(read(t).intent, t).toBe('urge');
  });
  it('asks after it: 批下来没有, 结果出来了吗, 什么时候能批下来, 啥时候来修, 那个事有消息没', () => {
    for (const t of ['批下来没有', '结果出来了吗', '什么时候能批下来', '啥时候来修', '那个事有消息没']) expect(read(t).intent, t).toBe('query');
  });
  it('asks whether a thing is mended (路灯修好了吗) and says the answer did not mend it (还是不行)', () => {
    expect(read('路灯修好了吗').intent).toBe('query');
    expect(read('电接通了没有').intent).toBe('query');
    expect(read('还是不行').intent).toBe('reopen');
  });
  it('a problem named with them is still a report', () => {
    expect(read('路灯坏了有人管吗').intent).toBe('report');
  });
  it('a report of a few words about a matter (waiting, pressing, asking; no cue of any category) names none; one naming its matter, or told at length, does', () => {
    for (const t of ['这事怎么还没动静', '我们还在等', '都半个月了', '还要等多久啊？', '能不能快点', '已经第三次问了', '喂，到底咋回事啊']) expect(namesNoMatter(read(t)), t).toBe(true);
    for (const t of ['厂里又停电了', '路灯坏了有人管吗', '都半个月了，厂门口那条路还是天天堵着，货车进不来']) expect(namesNoMatter(read(t)), t).toBe(false);
    // no cue, but a matter all the same: what was handed in, the water upstairs, business
    for (const t of ['我们递上去的东西一直没回音，麻烦帮看看', '楼上白天水上不去', '最近生意不太好想请领导帮帮忙']) expect(namesNoMatter(read(t)), t).toBe(false);
    // not a report at all: a number's progress question is no such report
    expect(namesNoMatter(read('#3 进度怎么样了'))).toBe(false);
    // (a review): what cannot be done, someone come again, no one in charge, another script — matters of their own;
    // words about nothing that neither wait nor press (就是上次说的那个) are no chase either
    for (const t of ['我们办不了', '来不了', '又有人来了', '领导都不管', '전기가 또 끊겼어요 빨리 와주세요', '就是上次说的那个']) expect(namesNoMatter(read(t)), t).toBe(false);
    expect(namesNoMatter(read('人一直没来'))).toBe(true);
  });
  it('reads the internet\'s 有木有 as 有没有 (a cadre\'s new tickets asked after), not inside 红木有限公司', () => {
    expect(read('今天有木有新派给俺的单子').intent).toBe('query');
    expect(normalizeText('红木有限公司')).toBe('红木有限公司');
  });
});

describe('names of round 104 (Ganzhou; tuned on after scoring)', () => {
  it('keeps 于都, 宁都, 钨都 in names; reads 永磁 and 辅料 as trades; 涯系 as 我是', () => {
    expect(read('于都金丝路纺织：订单回款周期太长，想办应收账款质押融资').enterprise).toBe('于都金丝路纺织');
    expect(read('于都华兴纺织跟隔壁养猪场的纠纷：养猪场臭味太大').enterprise).toBe('于都华兴纺织');
    expect(read('定南稀宝永磁的厂房要扩建，用地指标县里说今年没有了').enterprise).toBe('定南稀宝永磁');
    expect(read('涯系寻乌果满园农业的，山上果园抽水的电线被雷打坏了').enterprise).toBe('寻乌果满园农业');
    expect(normalizeText('涯系寻乌果满园农业的')).toBe('我是寻乌果满园农业的');
    expect(normalizeText('浪迹天涯系列产品')).toBe('浪迹天涯系列产品');
  });
});

describe('commands and small talk of rounds 105 and 106 (tuned on after scoring)', () => {
  it('reads Cantonese commands: done in name only, a chase after 还没修好 or 重开, nobody has taken it, 我跟', () => {
    expect(read('#33 话搞掂咗，但系燃气压力夜晚仲系唔够，唔该重新跟进').intent).toBe('reopen');
    expect(read('69号 水管仲未修好！！！窑炉就嚟顶唔顺，即刻催水务').intent).toBe('urge');
    expect(read('#41 重开咗三日都冇人理，再催下供电局').intent).toBe('urge');
    expect(read('工单103 三日都冇人签收，@服务专员 麻烦睇下').intent).toBe('urge');
    expect(read('#239 我跟，而家打电话畀供电所').intent).toBe('claim');
  });
  it('reads corrections without a pause (不是美嘉是美佳陶瓷) and with 应该系; 进展 after the number; 咋算解决了', () => {
    expect(parseCorrection('#58 企业名登记错了，不是美嘉是美佳陶瓷')).toEqual({ field: 'enterprise', name: '美佳陶瓷' });
    expect(parseCorrection('#223 企业名写错，应该系捷达五金制品厂')).toEqual({ field: 'enterprise', name: '捷达五金制品厂' });
    expect(read('149号 进展 燃气公司答复管材已到 本周四开挖').intent).toBe('progress');
    expect(read('恁们把#122办结了 可钱还是没到账啊 这咋算解决了 重新开').intent).toBe('reopen');
  });
  it('reads produce shared or sold out as chat, a ranking asked for as digest', () => {
    expect(read('俺们合作社新品种西红柿下来了 改天给大伙送点尝尝🍅').intent).toBe('chat');
    expect(read('俺们蒜薹卖完了 今年行情还中 😄').intent).toBe('chat');
    expect(read('这个月各部门办件排名出来没有 月调度会要用').intent).toBe('digest');
  });
});

describe('what the review of the twenty-fourth session found', () => {
  it('keeps questions after 进度 #88 as queries, a neighbour\'s rubbish as a report, a period\'s list as the digest', () => {
    for (const t of ['进度#88？', '进展#12呢？', '进度 #88 怎么样了']) expect(read(t).intent, t).toBe('query');
    expect(read('没人来收垃圾').intent).toBe('report');
    expect(read('都没人来收垃圾了').intent).toBe('report');
    expect(read('上个月的单子有哪些').intent).toBe('digest');
    expect(read('这周的单子有哪些').intent).toBe('digest');
    expect(read('还是一样').intent).toBe('chat');
    expect(read('领导有空去看看我们的新厂房').intent).toBe('report');
  });
  it('keeps a date one asks for with 抢修到明天之前; reads others\' limits in Chinese numerals too', () => {
    expect(read('请帮忙联系供电局，希望能抢修到明天之前恢复').deadline).toBe('2026-11-24');
    expect(read('街道说十二月三十一号前必须搬走，我们怎么办').deadline).toBeNull();
  });
  it('reads no name in a neighbour named by what it is, a power supply, ABS plastic; a person\'s name with a longer role', () => {
    expect(read('镇政府旁边的农贸市场，垃圾没人清理').enterprise).toBeNull();
    expect(read('园区附近的污水处理厂，一直有臭味').enterprise).toBeNull();
    expect(read('应急电源，坏了没人修').enterprise).toBeNull();
    expect(read('ABS原料进口清关太慢了').category).toBe('market');
    expect(read('Jens Köhler here, finance director at Apex BioLogics, we need help with a loan.').enterprise).toBe('Apex BioLogics');
  });
});

describe('categories of rounds 103–106 (tuned on after scoring)', () => {
  it('reads qualification and siting as approval, a weak signal as utilities, a lock-up and men at the gate as dispute, torn roof sheets as construction', () => {
    expect(read('我们新建的实验室要办CMA资质认定，材料已经交了，能不能本周五之前安排专家现场评审').category).toBe('approval');
    expect(read('充换电站项目的规划选址意见书，能不能在12月18号之前出？要赶省里的专项资金申报').category).toBe('approval');
    expect(read('房县山里的香菇基地手机信号只有一格，4G都冇得，直播带货根本搞不成，能不能跟移动说说加个基站').category).toBe('utilities');
    expect(read('承包食堂的老板合同到期了不走，还把厨房设备锁起来了，想请街道帮忙调解').category).toBe('dispute');
    expect(read('一个供应商送来的钢材有问题，我们退货他们就天天派人来厂里闹，说不给钱就不走').category).toBe('dispute');
    expect(read('厂房屋顶的彩钢瓦叫风掀起来一块 耷拉在半空中 下面就是人行道 赶紧来人').category).toBe('construction');
  });
});

describe('rounds 107 and 109 (Baotou–Ordos, Zhengzhou–Luoyang; tuned on after scoring)', () => {
  it('keeps a zone\'s short name before a brand and its trade in the name (港区华睿电子), not a zone alone', () => {
    expect(read('公司年会想借用一下区里的礼堂 五百人左右 能不能协调 港区华睿电子').enterprise).toBe('港区华睿电子');
    expect(read('港区鸿泰精密新线体周五要试产 电还没接上').enterprise).toBe('港区鸿泰精密');
    expect(read('港区的路灯坏了好几盏，晚上很黑').enterprise).toBeNull();
  });
  it('reads 模组, 屏显, 速运, 微组装, 磁材, 风能 as trades (not 模组 of a 模组厂房)', () => {
    expect(read('飞腾屏显二期2000千伏安扩容申请交上去一个半月了').enterprise).toBe('飞腾屏显');
    expect(read('智芯微组装新招的五百个工人下周一就到 宿舍不够').enterprise).toBe('智芯微组装');
    expect(read('塔拉风能财务小王：我们在建行的3000万流动资金贷款后天到期').enterprise).toBe('塔拉风能');
    expect(read('凯晟显示模组厂房的桩基比计划落后20多天了').enterprise).toBe('凯晟显示');
  });
  it('keeps 和 in a brand that closes the message (…。和发稀土, …？恩和羊绒)', () => {
    expect(read('能评啥时候能批？九月就交到发改委了，说是等能耗指标。和发稀土').enterprise).toBe('和发稀土');
    expect(read('这个归文旅局管还是哪儿管？恩和羊绒').enterprise).toBe('恩和羊绒');
  });
  it('干着急 (helpless) is no urgency', () => {
    expect(read('能评一直没批 环保说等能评 能评说等环评 俩部门互相推皮球 俺们夹在中间干着急').urgency).toBe('normal');
  });
});

describe('round 108 (Tianjin Binhai and the Tangshan ports; tuned on after scoring)', () => {
  it('reads the ports\' and the airport\'s trades: 大宗, 重装 (not 载重装), 港机, 航材, 化学品 (not 易制毒化学品), 船舶管理, 融资租赁', () => {
    expect(read('临港 港联大宗 做进口铁矿石的，下游钢厂压价压得厉害').enterprise).toBe('港联大宗');
    expect(read('临港 鸿达港机 新车间屋面防水做得一塌糊涂，一下雨就漏').enterprise).toBe('鸿达港机');
    expect(read('恒舟船舶管理这边想约区里领导来公司座谈一次').enterprise).toBe('恒舟船舶管理');
    expect(read('天津港盛融资租赁 想问下区里的产业引导基金能不能投我们的船舶租赁项目').enterprise).toBe('天津港盛融资租赁');
    expect(read('货车要按核定载重装货，超载就罚，我们的车天天被查').enterprise).toBeNull();
  });
  it('a move others order (要我们月底前腾退, 让我们下周五前腾出来) is no requested date', () => {
    expect(read('租的村里的地被划进拆违范围了，要我们月底前腾退，这么短根本搬不完，想请镇里宽限宽限').deadline).toBeNull();
    expect(read('规划里那条路要占我们一块堆场，补偿没谈拢，现在路要开工，让我们下周五前腾出来').deadline).toBeNull();
  });
  it('不是个问题 dismisses like 不是问题', () => {
    expect(read('第99号不是个问题，企业就是问问，撤了吧')).toMatchObject({ intent: 'correct', ticket: 99 });
    expect(read('#144 企业自己搞定了，不是个问题')).toMatchObject({ intent: 'correct', ticket: 144 });
  });
});

describe('rounds 110 and 111 (Xiamen–Zhangzhou, Xi\'an–Baoji; tuned on after scoring)', () => {
  it('a queue told ends at a space: the day asked for after it is read (电信说要排到明年 拜托12月10号以前…)', () => {
    expect(read('电信说要排到明年 拜托12月10号以前帮我们协调装好').deadline).toBe('2026-12-10');
  });
  it('the day of one\'s own ceremony is when it happens, not a day asked for; a day before it still is', () => {
    expect(read('下个月15号我们新产线投产仪式，想邀请区上领导出席讲个话，不知道该走啥程序').deadline).toBeNull();
    expect(read('我们老总想请区里领导出席我们的开业仪式，12月18号，能帮着递个邀请吗').deadline).toBeNull();
    expect(read('12月18号前能不能把门口的路修好，我们要办开业仪式').deadline).toBe('2026-12-18');
    expect(read('下个月15号投产仪式前必须把电通上').deadline).toBe('2026-12-15');
    expect(read('我们计划12月1号投产，之前务必把天然气接通').deadline).toBe('2026-12-01');
  });
  it('台商 / 外商 is what the writer is, not its name', () => {
    expect(read('我们是外商，想问下').enterprise).toBeNull();
    expect(read('各位長官 阮是台商 做鳳梨酥的 海峽鳳梨酥 今年想打進大陸的連鎖超市通路').enterprise).toBe('海峡凤梨酥');
  });
  it('a neighbour named by its sport (学校附近的足球俱乐部) is no enterprise', () => {
    expect(read('学校附近的足球俱乐部，晚上噪音很大').enterprise).toBeNull();
  });
  it('thanks and "有问题再跟您说" close a conversation: chat', () => {
    expect(read('好的 謝謝林科長 有問題再跟您說').intent).toBe('chat');
    expect(read('谢谢，有问题再找你').intent).toBe('chat');
  });
  it('重新開單 reopens; 罐头, 航电, 导航 are trades', () => {
    expect(read('＃122 供水還是一樣水壓不夠，上週說處理好了，今天RO又跳機，重新開單').intent).toBe('reopen');
    expect(read('東和罐頭想問一下 台資企業可不可以申請市裡的應急轉貸資金').enterprise).toBe('东和罐头');
    expect(read('Hello，陕西凌云航电这边想参加下个月的航空配套对接会').enterprise).toBe('陕西凌云航电');
  });
});

describe('categories of rounds 107–111 (tuned on after scoring)', () => {
  it('people who come to the plant to make trouble, or hang a banner, are a dispute', () => {
    expect(read('劳务派遣公司跟工人因为工资闹起来了 工人不找派遣公司 一百多号人跑到俺们厂里闹 生产线都停了 鸿钜精工').category).toBe('dispute');
    expect(read('我们有辆车在港区剐了别人的车，对方非让赔全款，保险定损才三千，现在隔三差五来公司闹。金海湾运输').category).toBe('dispute');
  });
  it('staff of a trade wanted (想招一批…业务员) are talent, whatever trade they serve', () => {
    expect(read('想招一批懂西班牙语的外贸业务员，区里有没有校企合作的渠道？拉美订单越来越多了。亿帆国际贸易').category).toBe('talent');
  });
});

describe('urgency of rounds 107–111 (tuned on after scoring)', () => {
  it('a winter pause on a site is no stoppage; the network cut off and wages that cannot be paid are urgent', () => {
    expect(read('煤矿工业广场新建的办公楼冬季停工了，施工单位把脚手架跟建筑垃圾就那么扔着不管，能不能让住建局去督促一下').urgency).toBe('normal');
    expect(read('網路整個斷掉了，ERP跟出貨系統都連不上，電信說光纖被工地挖斷了，拜託協調搶修').urgency).toBe('urgent');
    expect(read('資金周轉不過來了，這個月原料款跟員工薪水都付不出來，拜託安排見一下金融辦').urgency).toBe('urgent');
  });
});

describe('dates of rounds 108–110 (tuned on after scoring)', () => {
  it('others\' schedule (包商说要等明天才能处理, 限气通知 下周一开始) and one\'s own plan (计划12月1号进场) are no requested date', () => {
    expect(read('外墙的施工鹰架今天早上有一段倾斜了，怕塌下来砸到人，包商说要等明天才能处理').deadline).toBeNull();
    expect(read('燃气公司发了限气通知 下周一开始 俺们热处理炉一限气就得停产').deadline).toBeNull();
    expect(read('二期用地招拍挂走完了，土地交付一直没动静，我们计划12月1号进场').deadline).toBeNull();
    expect(read('二期用地交付一直没动静，请12月1号前交地').deadline).toBe('2026-12-01');
  });
});

describe('round 114 (Nantong and Yancheng; tuned on after scoring)', () => {
  it('reads the dates of a text written word by word (12月 10号 前, 这 个 月 底 前, 三天 内); a name set apart by a space keeps its space', () => {
    expect(read('盐城世宇汽配 新 涂装 线 需要 天然气，燃气 公司 说 要 等。 12月 10号 前 可以 通 气 吗？').deadline).toBe('2026-12-10');
    expect(read('大元精密 김 부장: 新 员工 宿舍 不够，20 人 没有 地方 住。 这 个 月 底 前 可以 找 到 吗？').deadline).toBe('2026-11-30');
    expect(read('临港 华港重装 新车间主体封顶了，请帮着督促一下，12月15号前把屋面做完').enterprise).toBe('华港重装');
  });
  it('reads a shrimp or fish farm (对虾养殖场) as a trade, not a neighbour\'s 养殖场', () => {
    expect(read('隔壁养殖场的粪水流到我们厂院里了，跟他说了好几回不管还骂人，明顺箱包这边实在没辙了').enterprise).toBe('明顺箱包');
  });
  it('reads 部品 as a trade and 韩一 as a brand', () => {
    expect(read('悦成汽车部品 이 과장: 工厂 门口 路灯 坏 了 三 个。 晚上 很 黑。 请 修 一下').enterprise).toBe('悦成汽车部品');
    expect(read('盐城韩一模具: 电费 单价 为什么 比 去年 高？ 我们 是 大工业 用电，请 帮 查 一下').enterprise).toBe('盐城韩一模具');
  });
});

describe('round 115 (Chengdu; tuned on after scoring)', () => {
  it('reads seasoning, tea-house, computing and gene trades and a shop name in 记 closing the name (not 马记 inside a longer one)', () => {
    expect(read('巴蜀香调味的货车进出被村民拦起了，说我们压坏了村道要赔钱').enterprise).toBe('巴蜀香调味');
    expect(read('区里的企业服务热线老是打不通，想问下周末有没得值班电话？我们竹林盖碗茶馆周末最忙').enterprise).toBe('竹林盖碗茶馆');
    expect(read('厂里要上蒸汽炒料，园区有没得集中供汽？自己建锅炉环评过不了。川椒记').enterprise).toBe('川椒记');
    expect(read('大通县马记清真牛羊肉加工厂的冷库要扩容').enterprise).not.toBe('大通县马记');
  });
  it('没分清楚的那些问题列出来 asks for 待确认', () => {
    expect(read('店小二，你没分清楚的那些问题列出来看看').intent).toBe('triage');
  });
});

describe('round 113 (Wuhu, Ma\'anshan, southern Anhui; tuned on after scoring)', () => {
  it('工单170 进度 asks after it; a 周年庆 day is no requested date', () => {
    expect(read('工单170 进度')).toMatchObject({ intent: 'query', ticket: 170 });
    expect(read('皖宏20周年庆定在12月18号，老板想请区领导出席讲几句，不晓得怎么发邀请合适').deadline).toBeNull();
  });
  it('men with spades on the site, a line that can only stand idle, are urgent', () => {
    expect(read('村民说我们仓库扩建占了他家的地 拿铁锹把工地挡住了 挖机不敢动 工人都在边上站着').urgency).toBe('urgent');
    expect(read('从早上到现在厂区光纤一直断着 MES和ERP都在云上 上不去 产线只能停着等').urgency).toBe('urgent');
  });
});

describe('round 121 (Gansu; tuned on after scoring)', () => {
  it('评价一下140号 rates 140; 紧急程度改一下 不是急件 corrects the urgency to normal; 薯都 is a name', () => {
    expect(read('评价一下140号 5星 专员很负责 跑了好几趟')).toMatchObject({ intent: 'rate', ticket: 140 });
    expect(read('#169 紧急程度改一下 不是急件 企业说下个月再弄也行')).toMatchObject({ intent: 'correct', ticket: 169 });
    expect(parseCorrection('#169 紧急程度改一下 不是急件 企业说下个月再弄也行')).toMatchObject({ field: 'urgency', to: 'normal' });
    expect(read('定西薯都粉业今年粉条库存压了四百多吨，往年南方那几个客户今年都不要了').enterprise).toBe('定西薯都粉业');
  });
  it('beef-noodle houses, copper foil and thangka studios are trades; 和仁 is a brand', () => {
    expect(read('色俩目 我们伊香园牛肉面要开第三家分店 食品经营许可证还在审').enterprise).toBe('伊香园牛肉面');
    expect(read('有个顾客说在我们店吃面吃出了异物 要赔一万 不给就发抖音 我们查了监控根本不是我们的问题 牛师傅牛肉面').enterprise).toBe('牛师傅牛肉面');
    expect(read('和仁制药这边有个事，哈萨克斯坦有个客户在询价我们的中药颗粒').enterprise).toBe('和仁制药');
  });
  it('a named new area (兰州新区, 雄安新区) before a registered name is part of it as written', () => {
    expect(read('药品生产许可证要增加一个冻干粉针剂型，能不能本月底前安排上？兰州新区华辰药业有限公司').enterprise).toBe('兰州新区华辰药业有限公司');
    expect(read('雄安新区京雄绿能科技有限公司报：二期厂房用地指标至今未予落实').enterprise).toBe('雄安新区京雄绿能科技有限公司');
  });
  it('an English name in brackets after the Chinese one, a greeting, a person after 的: the Chinese name', () => {
    expect(read('麦德万斯生物（Medvance）这边是做生物医药的初创团队，想申请新区产业引导基金，需要啥条件？').enterprise).toBe('麦德万斯生物');
    expect(read('Salam 我们阿里牛肉面要开中央厨房 银行说没抵押物只能贷20万').enterprise).toBe('阿里牛肉面');
    expect(read('Hi 我是兰州康泰医药科技的 Linda，有个德国客户12月第一周来考察我们GMP车间').enterprise).toBe('兰州康泰医药科技');
    expect(read('HR这边反馈（XinYuan Auto 长春工厂）：社保要不要在本地重新参保？').enterprise).toBe('XinYuan Auto');
  });
  it('people taken out of a workshop, a whole line stopped: urgent; a vacating limit set on one, one\'s own anniversary: no requested date', () => {
    expect(read('挖出来一根燃气管 施工队说不知道底下有管子 现在有味道 我们车间人都撤出来了').urgency).toBe('urgent');
    expect(read('天水康达医疗器械 从今早开始厂区没水了 清洗工序停了 整条线跟着停').urgency).toBe('urgent');
    expect(read('老厂要搬，新厂址的地还没挂牌出让，老厂又被限期月底前腾空，两头卡着').deadline).toBeNull();
    expect(read('12月18号是我们西部牧场乳业建厂十周年，想请管委会领导来参加庆典，走啥程序').deadline).toBeNull();
  });
});

describe('round 117 (Zhuhai, Zhongshan, Hengqin; tuned on after scoring)', () => {
  it('下个礼拜三, 下个星期五, 下下个礼拜一: next week\'s day (个 changes nothing; it was read as this week\'s)', () => {
    expect(read('希望下个礼拜三前开业').deadline).toBe('2026-12-02');
    expect(read('唔該下個禮拜三之前搵人嚟睇下').deadline).toBe('2026-12-02');
    expect(read('下下个星期五前能开通吗').deadline).toBe('2026-12-11');
    expect(read('这个礼拜五前能开通吗').deadline).toBe('2026-11-27');
  });
  it('a limit others set is theirs; 已解决 with where it was done is the close', () => {
    expect(read('厂房加建嘅消防隐患整改，消防大队畀咗期限12月20号，但施工方做得好慢，想请住建帮手督促——利华电器').deadline).toBeNull();
    expect(read('#50 已解決，交警已經喺嗰度劃咗貨車停車位')).toMatchObject({ intent: 'resolve', ticket: 50 });
  });
  it('a list of bad ratings is asked of the digest; 未确认分类 asks for 待确认', () => {
    expect(read('差评清单拉出来我睇下').intent).toBe('digest');
    expect(read('列出未确认分类嘅问题').intent).toBe('triage');
  });
  it('Bom dia is a greeting; 注塑 and 船艇 are trades', () => {
    expect(read('Bom dia! 我哋係葡韵贸易有限公司，進口葡萄酒嘅標籤備案一直卡住').enterprise).toBe('葡韵贸易有限公司');
    expect(read('永冠注塑嘅老板话：隔篱村嘅村民成日嚟厂门口话我哋气味大').enterprise).toBe('永冠注塑');
    expect(read('帆影船艇——我们接的澳门游艇会订单，进口的发动机在海关查验卡了一周').enterprise).toBe('帆影船艇');
  });
  it('overtime pay owed to workers, and mediation asked for, are disputes; 瞓 is 睡', () => {
    expect(read('工人话我哋拖欠加班费，今日有二十几个人去咗人社局信访，其实系外包劳务公司冇发——华荣灯饰 行政部').category).toBe('dispute');
    expect(read('隔篱工地日日打桩打到夜晚十点，我哋员工宿舍就喺旁边，工人瞓唔到，已经有几个辞工，投诉咗城管都冇用，唔该三天内畀个答复——宏图五金').category).toBe('dispute');
    expect(read('跟供应商的模具合同扯皮，对方交的模具尺寸不对不肯返修，还要我们付尾款，想请商会帮调解下').category).toBe('dispute');
  });
  it('a Portuguese registered name (Lda.) is written whole; 酒店管理 is a trade', () => {
    expect(read('Hi 店小二, this is Lusitano Trading Lda. We registered in Hengqin in September but still can\'t open our corporate bank account.').enterprise).toBe('Lusitano Trading Lda.');
    expect(read('横琴想搞葡语国家食品展销，展位补贴点申请？Lusofonia Alimentos Lda.').enterprise).toBe('Lusofonia Alimentos Lda.');
    expect(read('澳资嘅琴海酒店管理公司想喺横琴拎块商业用地，想问今年嘅出让计划几时公布？').enterprise).toBe('琴海酒店管理公司');
  });
});

describe('round 120 (Huizhou; tuned on after scoring)', () => {
  it('呢单应该係X，唔係Y嘅 corrects the enterprise; a category or an urgency said so is no name', () => {
    expect(read('#197 呢单应该係大亚湾嘅安澜石化设备，唔係惠阳嘅')).toMatchObject({ intent: 'correct', ticket: 197 });
    expect(parseCorrection(normalizeText('#197 呢单应该係大亚湾嘅安澜石化设备，唔係惠阳嘅').replace('#197', '').trim())).toEqual({ field: 'enterprise', name: '安澜石化设备' });
    expect(parseCorrection('这单应该是紧急，不是一般')).not.toMatchObject({ field: 'enterprise' });
    expect(parseCorrection('这单应该是用工人才，不是政策兑现')).not.toMatchObject({ field: 'enterprise' });
  });
  it('天光日 is tomorrow', () => {
    expect(read('住建的人话我哋工地扬尘超标要停工整改，整改方案已经交咗，想问下几时可以复查，天光日可唔可以来查？——科达建设 老温').deadline).toBe('2026-11-24');
  });
  it('help asked after the bot\'s name; a claim pressed for is a chase', () => {
    expect(read('@店小二 帮助').intent).toBe('help');
    expect(read('店小二 help').intent).toBe('help');
    expect(read('164号请快啲签收，企业等紧')).toMatchObject({ intent: 'urge', ticket: 164 });
    expect(read('#175 三个工作日冇签收，请督办')).toMatchObject({ intent: 'urge', ticket: 175 });
  });
  it('what others say they will do tomorrow (工人话明天去信访) is no requested date; a 街道 before the name is where it is', () => {
    expect(read('承包商欠我们分包的钱，我们又欠工人工资，工人话明天去政府信访，请帮忙先协调 —— 正达劳务').deadline).toBeNull();
    expect(read('你好，我是陈江街道德和电子的财务小刘，去年的技改补贴说是今年9月发，到现在还没到账').enterprise).toBe('德和电子');
  });
});

describe('round 116 (Dalian and Shenyang; tuned on after scoring)', () => {
  it('who is on one\'s ticket is asked; 不能就这么办结 reopens; a re-inspection arranged is progress', () => {
    expect(read('宝联汽车部件的单子现在谁在跟').intent).toBe('query');
    expect(read('#121 工资还是没给全 还差一半呢 不能就这么办结了')).toMatchObject({ intent: 'reopen', ticket: 121 });
    expect(read('#133 消防队约了周四复查 企业整改已完成九条')).toMatchObject({ intent: 'progress', ticket: 133 });
  });
  it('最好今天就给盖上 asks for today; 让（我们）N个月内搬走 is an order of others', () => {
    expect(read('十八号路那段的井盖丢了一个 就在我们利达机械大门口 最好今天就给盖上').deadline).toBe('2026-11-23');
    expect(read('宇通钢构 工地扬尘被开发区环保点名了 让三天内整改完 能不能帮着对接下').deadline).toBeNull();
    expect(read('厂房是租的，房东那块地划进征收范围了，让我们三个月内搬走，搬迁补偿跟我们承租的没关系吗？').deadline).toBeNull();
  });
  it('零件, 附件, 塑件, 车桥 and 集装箱 are trades', () => {
    expect(read('@店小二 宝德汽车零件今年的研发投入后补助 能不能下周五前把钱拨了').enterprise).toBe('宝德汽车零件');
    expect(read('港兴集装箱堆场扩建的基坑 泡了一礼拜水了 边坡已经开始往下掉土').enterprise).toBe('港兴集装箱');
  });
});

describe('round 118 (Jiaxing and Huzhou; tuned on after scoring)', () => {
  it('elevator makers, sweater mills, bamboo and silk-quilt firms are named by their trade; an elevator installed names none', () => {
    expect(read('永固电梯新车间在装钢结构，隔壁工地扬尘太大').enterprise).toBe('永固电梯');
    expect(read('新光羊毛衫符不符合小微企业六税两费减半？会计讲吃不准').enterprise).toBe('新光羊毛衫');
    expect(read('兴达电梯门机厂的用电扩容报上去一个多月了').enterprise).toBe('兴达电梯门机厂');
    expect(read('云端数据港机房要双路供电，供电公司方案出了还没施工').enterprise).toBe('云端数据港');
    expect(read('老旧小区加装电梯的审批流程太长了，业主签字都齐了').enterprise).toBeNull();
  });
  it('a group going to a trade fair abroad, with its stand subsidy, is market', () => {
    expect(read('丝路通外贸在做中东市场，迪拜有个纺织面料展，区里有没有组团，展位补贴哪能申请').category).toBe('market');
  });
  it('不算问题，撤销掉 dismisses; 我们报的那个扩容还在办伐 asks', () => {
    expect(read('#120 这个只是企业咨询，不算问题，撤销掉')).toMatchObject({ intent: 'correct', ticket: 120 });
    expect(read('我们报的那个扩容还在办伐').intent).toBe('query');
  });
});

describe('round 122 (Guizhou; tuned on after scoring)', () => {
  it('what is still to be done is no close; a name left out is given; 今天推迟 asks for today', () => {
    expect(read('#102 井盖已更换，周边路面下周修补')).toMatchObject({ intent: 'progress', ticket: 102 });
    expect(parseCorrection('企业名称补一下 是金沙酱源酒业')).toEqual({ field: 'enterprise', name: '金沙酱源酒业' });
    expect(read('今天下午要停电检修？我们刚接到通知 车间里正在烤酒 一停就废一窖 请供电局今天推迟 或者给个临时电源').deadline).toBe('2026-11-23');
  });
  it('a government financing vehicle is no name; a group\'s branch is named whole', () => {
    expect(read('政府平台公司欠我们工程款一千二百万 三年了').enterprise).toBeNull();
    expect(read('黔茶集团湄潭分公司 茶叶交易市场门口莫得公厕 来卖茶青的农户上厕所都要跑好远').enterprise).toBe('黔茶集团湄潭分公司');
  });
});

describe('rounds 119 and 123 (Shanxi, Yunnan; tuned on after scoring)', () => {
  it('a claim by what the ticket is about, a transfer by N号 at the head, the new deadline asked for', () => {
    expect(read('刚才那个断水的单子我来认领，我就在园区附近').intent).toBe('claim');
    expect(read('这单我来，刚才园区停水的那个').intent).toBe('claim');
    expect(read('23号退回，不是住建的，是水务的，请转水务局')).toMatchObject({ intent: 'transfer', ticket: 23 });
    expect(read('#18 延期到哪天了？')).toMatchObject({ intent: 'query', ticket: 18 });
  });
  it('what else the bot does is help; praise and thanks are chat', () => {
    expect(read('店小二能帮我们查政策不？还是只能报问题').intent).toBe('help');
    expect(read('这个政策挺好的，学习了').intent).toBe('chat');
    expect(read('辛苦各位了，今天问题解决得挺快').intent).toBe('chat');
    expect(read('辛苦各位了，问题还是没解决').intent).toBe('report');
  });
  it('hydrogen trucks, vinegar and caravan inns are named by their trade; a Lao greeting is no name', () => {
    expect(read('内蒙古有客户想试用我们的氢能重卡，能不能请商务局帮着沟通沟通？大同煤都氢能重卡').enterprise).toBe('大同煤都氢能重卡');
    expect(read('你们好，我们是太原的晋祠宝源老醋，去年技改设备补贴的公示早出来了，钱还没到').enterprise).toBe('晋祠宝源老醋');
    expect(read('加氢站申请的400千伏安增容，电不够咋运营。大同晋氢加能站').enterprise).toBe('大同晋氢加能站');
    expect(read('Sabaidee，我们老中合力贸易想从老挝进口咖啡生豆').enterprise).toBe('老中合力贸易');
  });
  it('inns named after where they stand keep their 里 and 下, and a park before 边的 is where one stands', () => {
    expect(read('告庄星空里酒店这边，酒店门口那段路的路灯坏了快半个月').enterprise).toBe('告庄星空里酒店');
    expect(read('苍山下客栈老板娘问一哈，我家娃娃户口在洱源').enterprise).toBe('苍山下客栈');
    expect(read('那柯里马帮驿站 这两天网络一直断断续续的').enterprise).toBe('那柯里马帮驿站');
    expect(read('曼听公园边的凤尾竹客栈，附近流浪狗越来越多，找哪个部门管？').enterprise).toBe('凤尾竹客栈');
  });
});

describe('round 127 (Yichang and Jingzhou; tuned on after scoring)', () => {
  it('a bad rating given first, a chase before the matter, who handles one\'s ticket, a category said not to be with why', () => {
    expect(read('#61 给个差评，问题根本冇解决就办结了')).toMatchObject({ intent: 'rate', ticket: 61 });
    expect(read('催一下那个用电扩容的，都半个月了').intent).toBe('urge');
    expect(read('我们天宇塑业的工单现在是哪个在办？').intent).toBe('query');
    expect(parseCorrection('#175 这个不是纠纷，是基础设施的事，排水沟归水利')).toMatchObject({ field: 'category', to: 'infrastructure' });
    expect(parseCorrection('#23 不是住建的，是水务的，请转水务局')).toBeNull();
  });
  it('a place, 这边, then the name before what it wants; 我们 and a name set apart by spaces', () => {
    expect(read('夷陵区这边天元智造想引进两个搞PLC的高级技工').enterprise).toBe('天元智造');
    expect(read('伍家岗这边讯达物流的网络专线一天断好几次').enterprise).toBe('讯达物流');
    expect(read('我们长阳 武陵山货 是做电商的小微企业，想申请创业担保贷款').enterprise).toBe('武陵山货');
    expect(read('点军工业园 我们楚云门窗 厂门口那个路口冇得红绿灯').enterprise).toBe('楚云门窗');
    expect(read('稳岗返还 我们符合条件 系统里查不到我们单位').enterprise).toBeNull();
    expect(read('租的厂房房东那块地政府要收储 我们宏利包装得搬 能不能帮着找个过渡厂房').enterprise).toBe('宏利包装');
  });
});

describe('trade words read longest first (the trie of trades)', () => {
  it('a name ending in a longer trade keeps it whole', () => {
    expect(read('仁和医疗器械拿地全款交了三个月，土地证还没发下来').enterprise).toBe('仁和医疗器械');
    expect(read('厂门口又围了一帮人 说是以前的劳务派遣公司欠他们工资 跟我们宝联汽车部件压根没关系').enterprise).toBe('宝联汽车部件');
  });
});

describe('round 125 (southern Sichuan; tuned on after scoring)', () => {
  it('an answer asked for soon is a chase; the overdue list sorted is a leader\'s; whether the bot looks things up is help', () => {
    expect(read('#67 企业反映等了10天了 请相关部门尽快答复')).toMatchObject({ intent: 'urge', ticket: 67 });
    expect(read('超期的清单发一下 按超期天数排').intent).toBe('digest');
    expect(read('请问这个机器人能不能帮我们查政策？').intent).toBe('help');
  });
});

describe('a cadre carrying an enterprise\'s matter (rounds 110–127; tuned on after scoring)', () => {
  it('names the enterprise after 替 or 帮, then what is done for it; the writer\'s own team is no enterprise', () => {
    expect(read('我是代办员小陈，替楚峡新材料在跑施工许可，审图合格书拿到了').enterprise).toBe('楚峡新材料');
    expect(read('各位好，我是代办员小郑，在帮鹭岛茶庄跑仓库的规划许可').enterprise).toBe('鹭岛茶庄');
    expect(read('我是代办员周敏，帮和孚镇的菱湖鱼乐生态农业办环评，材料缺一个水保方案').enterprise).toBe('菱湖鱼乐生态农业');
    expect(read('代办员小何帮 兴文县石海包装 报一下：新厂房施工图审查意见回复了两轮还没通过').enterprise).toBe('兴文县石海包装');
    expect(read('我是区投促局的，帮北斗星联（航天基地那家）反映一下：他们研发楼装修完了食堂一直没人承包').enterprise).toBe('北斗星联');
    // (the enterprises themselves, 江汉磷科 and 嫘乡丝绸厂, are not read yet: none rather than the writer's team)
    expect(read('专班代报：江汉磷科姚家港新项目的安全设施设计审查，应急局要求补专家论证').enterprise).toBeNull();
    expect(read('我是远安县嫘祖镇专班的，嫘乡丝绸厂跟附近几户村民因为排水沟的事吵起来了').enterprise).toBeNull();
    expect(read('帮欧阳振华办一下落户').enterprise).toBeNull();
    expect(read('麻烦帮忙问一下供电所，我们厂什么时候来电').enterprise).toBeNull();
  });
  it('a sign before the name is not the name\'s; where one runs a kind of business names none', () => {
    expect(read('‼️麻辣江湖食品郫都厂区隔壁工地的塔吊今早吊臂晃得吓人').enterprise).toBe('麻辣江湖食品');
    expect(read('平遥古城里开客栈的，想问下文旅局说的那个民宿提质奖补').enterprise).toBeNull();
  });
});

describe('round 126 (Chaoshan; tuned on after scoring)', () => {
  it('a cadre signing, and one of a kind of business, name no enterprise; the kind says nothing of the problem', () => {
    expect(read('古巷镇那边有家陶瓷厂，老板讲征地补偿款还有一半无发 -- 代办员蔡记录').enterprise).toBeNull();
    expect(read('我係揭陽空港一間五金廠嘅老闆，廠房後面嗰幅地話係違建要拆').enterprise).toBeNull();
    expect(read('俺们是曹妃甸一家小钢结构厂，给总包干的活结算款拖了一年多，三百来万，眼看年关了，能不能帮着12月25号前要回来')).toMatchObject({ enterprise: null, category: 'finance' });
  });
});

describe('the summary in the writer\'s own characters', () => {
  it('a message in 繁體 or with dialect words is summed up in its own words', () => {
    expect(read('我們廠房的消防驗收一直排不上號，下週三之前必須拿到，麻煩幫忙協調').summary).toBe('我們廠房的消防驗收一直排不上號，下週三之前必須拿到，麻煩幫忙協調');
    expect(read('俺们厂的电又停了，啥时候来电').summary).toBe('俺们厂的电又停了，啥时候来电');
    expect(read('急！！我們鴻昇電路板的排污許可證申請送件三週了，系統一直顯示審核中，想請幫忙了解一下進度，謝謝').summary).toBe('我們鴻昇電路板的排污許可證申請送件三週了，系統一直顯示審核中，想請幫忙了解一下…');
  });
});

describe('after a review of the session\'s rules: what they must not catch', () => {
  it('N号退回 at the head is a day unless it says where the ticket belongs', () => {
    expect(read('20号退回给我们的申请材料，说缺少环评，到底缺啥')).toMatchObject({ intent: 'report', ticket: null });
    expect(read('23号退回，说材料不全，到现在也没人告诉我们缺什么')).toMatchObject({ intent: 'report', ticket: null });
  });
  it('不是X，是Y with a reason corrects only when both are categories', () => {
    expect(parseCorrection('#52 不是不办，是政策不允许，已经跟企业解释了')).toBeNull();
    expect(parseCorrection('#45 不是我们不配合，是审批太慢，拖了两个月')).toBeNull();
    expect(read('#52 不是不办，是政策不允许，已经跟企业解释了').intent).not.toBe('correct');
  });
  it('one of a kind of business is no name, a brand with 一 in it is', () => {
    expect(read('我们合一家居的货款被拖了三个月').enterprise).toBe('合一家居');
  });
  it('a place with 里 or 下 before a lodging is no inn\'s name', () => {
    expect(read('景区里民宿想申请消防验收').enterprise).toBeNull();
    expect(read('村子里民宿想办营业执照').enterprise).toBeNull();
  });
  it('安排 is no sorting; a note telling the enterprise to act is no chase', () => {
    expect(read('我们超期的单子按理说应该有人安排处理吧').intent).not.toBe('digest');
    expect(read('#67 情况已核实，请企业及时办理').intent).not.toBe('urge');
  });
});

describe('round 124 (Zibo and Weifang, voice input)', () => {
  it('names by engine parts, pistons, kites and greenhouses', () => {
    expect(read('潍坊昌大动力部件，给潍柴配套做缸盖的，主机厂回款周期拉到180天了').enterprise).toBe('潍坊昌大动力部件');
    expect(read('要跟潍柴的系统对接 得拉一条专线 电信说月底才能开通 坊子精工活塞').enterprise).toBe('坊子精工活塞');
    expect(read('风筝出口今年欧洲那边订单少了一半 有没有啥对接会 杨家埠的福顺风筝').enterprise).toBe('福顺风筝');
    expect(read('俺们想参加电力市场化交易 不知道咋弄 去哪报名 寿光东方温室').enterprise).toBe('寿光东方温室');
  });
  it('the owner or builder of a project named last, after its role', () => {
    expect(read('深基坑边上的土开始往下掉了 请住建局来人看看 潍城的瀚海商业综合体项目 业主潍坊瀚海置业').enterprise).toBe('潍坊瀚海置业');
    expect(read('质监站抽检钢筋说不合格要退场 寿光农产品物流园二期 建设方寿光金田物流有限公司').enterprise).toBe('寿光金田物流有限公司');
  });
  it('a shop\'s branch in brackets after its name is not the name', () => {
    expect(read('消费券结算款一直没下来 好几万呢 淄博牧羊村烧烤(八大局店)').enterprise).toBe('淄博牧羊村烧烤');
  });
  it('lines stopped today are urgent; a rectification notice with time to act is not', () => {
    expect(read('电压不稳 一天跳闸好几回 今天已经停了两条线 淄川华夏陶瓷').urgency).toBe('urgent');
    expect(read('燃气公司通知今天下午限气 俺们三条玻璃瓶线都得停 能不能先别限').urgency).toBe('urgent');
    expect(read('消防隐患整改通知下来了 限期15天 想请消防的同志来现场指导下 本周四能来不').urgency).toBe('normal');
    expect(read('消防隐患整改通知下来了，喷淋系统要全部换，期限太短来不及，能不能申请延期整改').urgency).toBe('urgent');
  });
  it('today asked with 最好; a day others promised and missed is not asked for', () => {
    expect(read('工地塔吊基础有裂缝 住建能不能派人来看看 今天能来最好').deadline).toBe('2026-11-23');
    expect(read('厂区北侧有违建棚子一直不拆 街道说月底前清场 到现在一点动静没有').deadline).toBeNull();
    expect(read('征收补偿款区里说年底前到位 可俺们新厂址那边要交土地款了 能不能先预付一部分').deadline).toBeNull();
    expect(read('违建棚子挡着新车间 请街道月底前清场').deadline).toBe('2026-11-30');
  });
});

describe('trades of rounds 113–116 read as names\' ends', () => {
  it('wind towers and their upkeep, refractories, sheet metal, ribbon and print mills, seafood and steel-plate processing', () => {
    expect(read('大丰海舟风电塔筒二期用地的指标到底什么时候能下来').enterprise).toBe('大丰海舟风电塔筒');
    expect(read('今天下班前必须拿到消防验收意见书 金鼎耐火').enterprise).toBe('金鼎耐火');
    expect(read('供应商拖着不来调 要退款也不给 奥华汽车钣金 设备部').enterprise).toBe('奥华汽车钣金');
    expect(read('华泰印花想跟旁边的村搞个村企联建，这个找谁对接比较好').enterprise).toBe('华泰印花');
    expect(read('招不上人啊 我们宏远海鲜加工剥虾的活 一个月给六千都没人来').enterprise).toBe('宏远海鲜加工');
    // (processing alone is no trade: 农产品初加工, 海参加工旺季)
    expect(read('海参加工旺季要来了 想找二百个临时工').enterprise).toBeNull();
  });
});

describe('a mention opening the message', () => {
  it('is not part of the message the enterprise is read from', () => {
    expect(read('@店小二 洱海月湾精品酒店 改扩建的规划许可报了两个月，想问下流程走到哪里了').enterprise).toBe('洱海月湾精品酒店');
    expect(read('@张伟 @店小二 天禾生物排污许可证12月5号到期，延续申请交上去了还没审').enterprise).toBe('天禾生物');
  });
});

describe('a shop\'s branch after its name and trade', () => {
  it('is not the name', () => {
    expect(read('燃气公司说在路上 半个小时了还没来 张记牛肉面城关店').enterprise).toBe('张记牛肉面');
  });
});

describe('round 129 (Guangxi: 桂柳话, 南宁白话, Zhuang and Vietnamese words)', () => {
  it('where, then 我们 and the name; 我们, where, 的 and the name before what it owns', () => {
    expect(read('阳和工业新区我们嘉隆汽车部件的地块上还有两栋违建没拆').enterprise).toBe('嘉隆汽车部件');
    expect(read('Dongxing这边我们海韵酒店的天然气管道还没通').enterprise).toBe('海韵酒店');
    expect(read('我们南宁的冠华生物发酵车间蒸汽管道爆了，整条线停产').enterprise).toBe('冠华生物');
    // (a signature closing the message is the enterprise's word for itself)
    expect(read('马尾那边修路封了半幅 我们大件运输车过不去 请交通局协调临时通行 —— 马江船舶').enterprise).toBe('马江船舶');
  });
  it('what the enterprise is, then 叫 and its name; a Vietnamese greeting is no name', () => {
    expect(read('我们是马山的黑山羊养殖合作社，叫弄拉生态养殖，想参加年底南宁的农交会').enterprise).toBe('弄拉生态养殖');
    expect(read('我们是做螺蛳粉电商的小公司，叫粉都汇，员工十几个人').enterprise).toBe('粉都汇');
    expect(read('村民说我们厂的排放影响了他们的庄稼，叫了一帮人堵在厂门口').enterprise).toBeNull();
    expect(read('Xin chào 各位领导，我们东盟桥进出口公司想报名广西商品展').enterprise).toBe('东盟桥进出口公司');
  });
});

describe('round 130 (Fuzhou and Ningde: 福州话, returnees from abroad)', () => {
  it('names: nylon mills and battery-part makers, a place 的 a name before its old plant, 公司叫 at the end, a software park', () => {
    expect(read('锦程锦纶想跟本地服装品牌对接，有没有产业链对接会').enterprise).toBe('锦程锦纶');
    expect(read('宁德锂盾结构件新厂房工地昨晚落雨 基坑边上裂了一条缝').enterprise).toBe('宁德锂盾结构件');
    expect(read('长乐的东鑫化纤老厂退二进三，收储补偿协议谈了一年还没签').enterprise).toBe('东鑫化纤');
    expect(read('水产苗种生产许可证申请了三个月没消息，最好周五前有个答复。公司叫海洋之心水产').enterprise).toBe('海洋之心水产');
  });
  it('a threat, a plan of others and a day an event is set for are no requested dates', () => {
    expect(read('房东突然要涨租50% 合同还没到期 讲不同意明天就断电断网').deadline).toBeNull();
    expect(read('厂房后面那片违建街道讲月底要拆 补偿怎么算没人讲').deadline).toBeNull();
    expect(read('星海鱼丸老板想请区领导来参加新厂投产仪式，日子定在12月8号').deadline).toBeNull();
    expect(read('违建挡着我们的路，请街道月底前拆掉').deadline).toBe('2026-11-30');
  });
  it('a digest asked in English words', () => {
    expect(read("today's summary please").intent).toBe('digest');
    expect(read('weekly summary pls').intent).toBe('digest');
    expect(read('the summary of our complaint is attached').intent).not.toBe('digest');
  });
});

describe('after a review of the session\'s rules (twenty-eighth session): what they must not catch', () => {
  it('a line stopped by choice, in the past or only if something happens is not urgent', () => {
    expect(read('今天停了一条线做例行检修，想问下技改补贴怎么申报').urgency).toBe('normal');
    expect(read('节后订单少 已停了三条线 想了解稳岗返还').urgency).toBe('normal');
    expect(read('上个月已经停了两条线 订单不够 想问稳岗补贴').urgency).toBe('normal');
    expect(read('如果下个月还限气，三条线都得停，想提前问问有没有办法').urgency).toBe('normal');
    expect(read('明年煤改气以后 窑都得停 想了解一下技改补贴').urgency).toBe('normal');
  });
  it('a kind of shop before 店 is part of the name, not a branch', () => {
    expect(read('门口的路坏了好几个月了 小王服装批发店').enterprise).toBe('小王服装批发店');
    expect(read('门口的路坏了好几个月了 阿芳服饰精品店').enterprise).toBe('阿芳服饰精品店');
  });
  it('the party owing or complained of, named by its role at the end, is not the writer', () => {
    expect(read('我们是做钢结构的 工程款拖了八个月 一直不给 业主潍坊瀚海置业').enterprise).toBeNull();
    expect(read('拖欠我们材料款三百多万 施工方潍坊宏达建工').enterprise).toBeNull();
    expect(read('我们小区旁边的工地天天半夜打桩 施工单位鲁班建设').enterprise).toBeNull();
  });
  it('the writer asking someone to be told a day still asks for it', () => {
    expect(read('麻烦跟街道说月底前清场，可以吗').deadline).toBe('2026-11-30');
  });
  it('a phase, 厂 or 连栋 before a trade word is no name; a mention with a space is taken whole', () => {
    expect(read('二期部件车间的电什么时候能通').enterprise).toBeNull();
    expect(read('我们厂汽车部件出口退税一直没到账').enterprise).toBeNull();
    expect(read('我们新建的连栋温室要报建吗').enterprise).toBeNull();
    expect(read('@Zhang Wei 天禾生物排污许可证12月5号到期').enterprise).toBe('天禾生物');
  });
});

describe('round 128 (Xinjiang: 新疆普通话, voice input)', () => {
  it('cold stores, wolfberry growers, cotton spinners and pulp mills, dried-fruit wholesalers end names', () => {
    expect(read('十万火急！我们是吐鲁番高昌区的恒润冷库，变压器昨晚烧了，今天之内必须来电').enterprise).toBe('恒润冷库');
    expect(read('喀什的帕米尔红枸杞，想上抖音直播卖货，县里有没有电商培训').enterprise).toBe('帕米尔红枸杞');
    expect(read('库尔勒上库高新区的我们宏达棉浆粕，厂门口到国道那段路的路灯全不亮').enterprise).toBe('宏达棉浆粕');
    expect(read('城管天天贴条，生意都受影响 —— 喀什艾提尕尔干果批发部').enterprise).toBe('喀什艾提尕尔干果批发部');
    // (a trade's own cold store is not part of its name)
    expect(read('十万火急!!海丰水产冷库的变压器冒烟了，电工不敢碰').enterprise).toBe('海丰水产');
  });
});

describe('round 131 (Wenzhou and Taizhou: 温州话 and 台州话, voice input)', () => {
  it('shoe machines, sewing machines and switchgear end names', () => {
    expect(read('华丰缝纫机想给工人搞技能培训 政府有没有补贴的培训班').enterprise).toBe('华丰缝纫机');
    expect(read('FORTE鞋机 新请了两个意大利技师 住宿跟翻译都是问题').enterprise).toBe('FORTE鞋机');
    expect(read('柳市德源成套设备 给政府项目供的配电柜 款子拖了两年').enterprise).toBe('柳市德源成套设备');
  });
  it('a day others set for what they do is no requested date', () => {
    expect(read('厂里断水了 生产线冷却也停了 自来水公司讲明天才来').deadline).toBeNull();
    expect(read('我们租的厂房在清理名单里 讲月底前要搬 新厂房还没找到').deadline).toBeNull();
    expect(read('停电通知说明天全天检修，我们焦炉不能停啊，能不能改个期').deadline).toBeNull();
    expect(read('厂里断水了 请自来水公司明天上午前来修好').deadline).toBe('2026-11-24');
  });
});

describe('rounds 128–131 joined', () => {
  it('a launch that needs a hall or a venue is promotion; inviting leaders to it is not', () => {
    expect(read('新品发布会想借区里的展厅，大概12月中旬，五十来人，找谁？——朗拓光电').category).toBe('market');
    expect(read('想邀请区领导参加我们的新品发布会，该联系谁').category).toBe('other');
  });
});

describe('round 134 (Hebei: 河北话 and 保定话, short messages)', () => {
  it('a bare number opening a cadre\'s or an enterprise\'s message, before a space or a command\'s words, names a ticket', () => {
    expect(read('217我接了，今儿下午去厂里看看')).toMatchObject({ intent: 'claim', ticket: 217 });
    expect(read('175 已经约了规划局周四现场踏勘，让企业准备好图纸')).toMatchObject({ intent: 'progress', ticket: 175 });
    expect(read('181到哪一步了')).toMatchObject({ intent: 'query', ticket: 181 });
    expect(read('199非常满意，燃气接得很快👍')).toMatchObject({ intent: 'rate', ticket: 199 });
    expect(read('229企业名写错了 应该是恒远五金不是恒达五金')).toMatchObject({ intent: 'correct', ticket: 229 });
    expect(read('160 又开始了，那边还在往我们地里倒渣土，之前说解决了其实没有')).toMatchObject({ intent: 'reopen', ticket: 160 });
    // (a hotline's number, a quantity or a voltage is no ticket)
    expect(read('12345转办：来电人为双桥子街道某电子厂员工，反映宿舍没有热水').ticket).toBeNull();
    expect(read('24 小时停电，厂里全停了').ticket).toBeNull();
    expect(read('20 多个工人的社保转不过来').ticket).toBeNull();
    expect(read('10千伏专线申请报上去了，供电公司说要等变电站改造完').ticket).toBeNull();
  });
});

describe('rounds 132–135 (Chongqing, Jilin, Hebei, Jiangxi)', () => {
  it('motorcycle parts, servers, pickle yards, bogies, earthworks, insulators, kilns, copper wire and VR studios end names', () => {
    expect(read('宗腾摩配的 想参加明年春季广交会 区里能不能帮我们组个团').enterprise).toBe('宗腾摩配');
    expect(read('涪陵 大山坡酱园 想办个小作坊登记 做点手工泡菜卖').enterprise).toBe('大山坡酱园');
    expect(read('没学历评不上职称，能不能走个技能等级认定，月底前给个答复 长春铁驰转向架').enterprise).toBe('长春铁驰转向架');
    expect(read('雄安鸿运土方工程，我们的渣土车在村口被村民拦了').enterprise).toBe('雄安鸿运土方工程');
    expect(read('我们芦溪的恒丰电瓷 厂区门口那段路被重车压烂了').enterprise).toBe('恒丰电瓷');
    expect(read('贵溪的华美铜线 我们厂那块地当年是划拨的').enterprise).toBe('华美铜线');
    expect(read('晚上我们星耀VR的员工下班骑电动车黑漆漆的').enterprise).toBe('星耀VR');
    // (a ceramics plant's own kiln, a machine room's servers and a 本草堂 stay as they were)
    expect(read('金石陶瓷窑炉要改天然气，燃气公司说管子明年才接得过来').enterprise).toBe('金石陶瓷');
    expect(read('和房东闹掰了，我们机房几十台服务器搬都没法搬').enterprise).toBeNull();
    expect(read('俺们安国本草堂去年的技改补贴说今年兑，到现在还没见着钱').enterprise).toBe('安国本草堂');
  });
  it('a place, 的 and the name before what the enterprise did or is doing', () => {
    expect(read('萍乡的华夏窑具想问问，今年工业企业增产增效奖励是按什么标准').enterprise).toBe('华夏窑具');
    expect(read('进贤县的佳美医用耗材，新车间要通天然气').enterprise).toBe('佳美医用耗材');
    expect(read('南昌的云犀电子做了一套VR党建教育设备，想进政府采购目录').enterprise).toBe('云犀电子');
    expect(read('景德镇的恒达陶瓷准备扩建窑炉').enterprise).toBe('恒达陶瓷');
  });
});

describe('rounds 132 and 134: a cut-off threatened, and one done', () => {
  it('a landlord\'s or supplier\'s threat to cut off, with no day soon and nothing cut yet, is not urgent', () => {
    expect(read('房东突然要涨租金涨一半，不涨就给我们断水断电，合同还有三年呢，这不是欺负人吗').urgency).toBe('normal');
    expect(read('供应商单方面要涨30% 不涨就断供 扯了两个月了 能不能帮忙调解一哈').urgency).toBe('normal');
    // (a day soon, or the cut already made, is urgent)
    expect(read('物业多收了三个月电费，不给就要断电，说明天就执行').urgency).toBe('urgent');
    expect(read('房东说要涨租50% 不涨就断水断电 今天已经把水闸关了 客人都还住着的').urgency).toBe('urgent');
    expect(read('饲料厂再不付款就断供了，三十几个塘等着喂').urgency).toBe('urgent');
  });
});

describe('rounds 132–135: commands in their own words', () => {
  it('asks whether anyone took it, when the answer comes (pressed), passes it inside for review, names the enterprise it was put down as', () => {
    expect(read('#102 有人签收没得').intent).toBe('query');
    expect(read('＃101 么子时候能有个答复？企业那边已经打了三次电话给我了').intent).toBe('urge');
    expect(read('第96号 几时有结果？').intent).toBe('query');
    expect(read('#121 企业补充的材料已收到，转交科室审核中').intent).toBe('progress');
    expect(read('#121 转交住建局办理').intent).toBe('transfer');
    expect(read('#155 这个企业名登记成铜韵工业了，应该是铜韵工艺，改一下').intent).toBe('correct');
    expect(read('214 分类错了，不是水电气，是道路的事，改成基础设施')).toMatchObject({ intent: 'correct', ticket: 214 });
  });
  it('asks for the unsure ones, or says it is coming', () => {
    expect(read('店小二 你没认准的那些 分类存疑的 发出来我手动改').intent).toBe('triage');
    expect(read('莫得问题 我下午过来').intent).toBe('chat');
  });
});

describe('round 132: a name used by someone else', () => {
  it('a company name misused or an office impersonated is other, not hiring or approval', () => {
    expect(read('我们公司名字被人在网上冒用 搞假招聘 骗求职者交培训费 好几个人找上门来了 这个该找哪个部门').category).toBe('other');
    expect(read('有人冒充区市场监管局打电话来说我们营业执照有问题 要交钱才能解决 这个是真的假的哦').category).toBe('other');
  });
});

describe('a ticket\'s number in words (voice input)', () => {
  it('is read where the words are a command\'s; a day or a building in words is not a ticket', () => {
    expect(read('四十三号那个 讲解决了 路灯修好第二天又弗亮了 麻烦重办')).toMatchObject({ intent: 'reopen', ticket: 43 });
    expect(read('第二百零三号咩时候先有人理？')).toMatchObject({ intent: 'urge', ticket: 203 });
    expect(read('十二号前能不能重办一下营业执照').ticket).toBeNull();
    expect(read('三号楼那边又停电了 催一下').ticket).toBeNull();
  });
});

describe('round 135: 我们, a place, 的 and the name before what it does', () => {
  it('reads the name before 做, 申请, 准备 …', () => {
    expect(read('我们鹰潭的铜韵电子做铜雕工艺品的，想去参加明年的文博会').enterprise).toBe('铜韵电子');
    expect(read('我们上饶的恒达光电申请的技改补贴还没到').enterprise).toBe('恒达光电');
  });
});

describe('round 137 (Changsha, Zhuzhou, Xiangtan)', () => {
  it('我们, the name, then 是做 and what it does', () => {
    expect(read('我们茶小满是做奶茶连锁的，长沙开了40多家店，明年想再开30家').enterprise).toBe('茶小满');
    expect(read('我们老街坊是做臭豆腐和卤味的，想把真空包装的产品卖到东南亚去').enterprise).toBe('老街坊');
    // (the enterprise by its kind, a place or the boss is no name)
    expect(read('我们公司是做外贸的，想问出口退税怎么备案').enterprise).toBeNull();
    expect(read('我们小作坊是做手工的，想问有没有补贴').enterprise).toBeNull();
    expect(read('我们老板是做外贸出身的，想问出口退税').enterprise).toBeNull();
  });
  it('industrial gases and industrial design end names (not natural gas or waste gas)', () => {
    expect(read('应急局说要现场核查一直冇排上，过了期就不能卖货了。湘潭恒通气体').enterprise).toBe('湘潭恒通气体');
    expect(read('想找政府的调解中心先调一下，湘潭智造工业设计').enterprise).toBe('湘潭智造工业设计');
    expect(read('我们厂的废气体检测超标了，环保局要来查').enterprise).toBeNull();
  });
});

describe('round 137: asked after and pressed', () => {
  it('a ticket looked up by enterprise and matter is asked after; when it is done, asked under pressure, chases', () => {
    expect(read('帮我查下株洲力诚液压那个货款的单子办到哪了').intent).toBe('query');
    expect(read('工单 207 什么时候能办好，已经超了三天了，再不办我要找你们领导了').intent).toBe('urge');
    expect(read('#293 到底什么时候能办好？').intent).toBe('query');
  });
});

describe('round 136 (Ningxia: 宁夏话, Hui owners, voice input)', () => {
  it('the writer\'s enterprise before a surname and role; slaughterhouses, beef and lamb, parks end names; a longer place before 的', () => {
    expect(read('赛俩目 我是吴忠伊禾清真肉食品的马经理 我们在农商行的三百万流贷下个月十号到期').enterprise).toBe('吴忠伊禾清真肉食品');
    expect(read('青铜峡市 我们祥瑞清真牛羊屠宰 园区污水管网么接到我们厂').enterprise).toBe('祥瑞清真牛羊屠宰');
    expect(read('中卫市沙坡头区的金沙海冰雪乐园 景区停车场不够 周末游客车都停到国道边上').enterprise).toBe('金沙海冰雪乐园');
    expect(read('塔城巴克图口岸的远方边贸公司 哈萨克斯坦客户的货款卡在银行').enterprise).toBe('远方边贸公司');
    // (what is missing beside a place is no name)
    expect(read('南康区家居小镇的展厅旁边缺公共厕所，客商来了都没地方上').enterprise).toBeNull();
  });
});

describe('after a review: numbers, days, people and instructions that are no command', () => {
  it('a year, a hotline, a count or a brand of day opening an enterprise\'s report is no ticket; a later #N wins', () => {
    for (const text of ['2025 的补贴还没发', '2026 补贴申报什么时候开始', '12333 打了好几次都占线', '12369 举报了也没人管', '400 客服一直打不通', '404 网站打不开了', '618 大促我们的货发不出去', '1000 双鞋发不出去', '500 强企业要来考察', '985 高校毕业生招不到', '996 员工都跑了', '315 晚会之后生意差了', '10 级大风把厂房顶掀了', '90 分贝的噪音天天吵', '500 不是问题，就是场地不好找', '3000不是问题，关键是要快', '95满意度调查我们要不要填', '12345转办：来电人反映宿舍没有热水']) {
      expect(read(text).ticket, text).toBeNull();
    }
    expect(read('2025 的补贴 #43 到哪了').ticket).toBe(43);
    expect(read('120我接了').ticket).toBe(120);
  });
  it('a day of the month in words is no ticket unless after 第 or before a ticket\'s word', () => {
    expect(read('十二号那个会议能不能快点通知').ticket).toBeNull();
    expect(read('十五号，能不能快点把钱打过来').ticket).toBeNull();
    expect(read('第二百零三号什么时候才有人管')).toMatchObject({ intent: 'urge', ticket: 203 });
  });
  it('people and times before 是做 are no names; a children\'s playground is no enterprise', () => {
    for (const text of ['我们老李是做外贸的', '我们两口子是做外贸的', '我们夫妻俩是一家小店', '我们刚开始是做外贸的', '我们大部分是做外贸的', '儿童乐园旁边的路灯坏了']) {
      expect(read(text).enterprise, text).toBeNull();
    }
  });
  it('an instruction to shut a valve is not urgent, a landlord who shut ours is; a threat this week is urgent', () => {
    expect(read('检修前要先把电闸关了，这个流程谁来审批').urgency).toBe('normal');
    expect(read('水务局要求我们每天下班把总阀关了，有没有补贴').urgency).toBe('normal');
    expect(read('房东把我们的水闸关了').urgency).toBe('urgent');
    expect(read('房东说这周五不交租就给我们断电').urgency).toBe('urgent');
  });
  it('a phone number to call back is no pressure; a disputed fine is no 待确认; a question is no small talk', () => {
    expect(read('#101 什么时候能有结果，有结果了请打我电话').intent).toBe('query');
    expect(read('对罚单存疑，哪些条款依据你发一下').intent).not.toBe('triage');
    expect(read('冇问题，你们啥时候过来').intent).not.toBe('chat');
  });
});

describe('round 138 (Qingdao, Yantai, Weihai)', () => {
  it('steam cut and the tanks standing, people at the gate, workers who will not leave unpaid are urgent', () => {
    expect(read('蒸汽又断了，罐子都停了，损失谁管').urgency).toBe('urgent');
    expect(read('银行突然抽贷，货款付不出去，渔民都堵到厂门口了').urgency).toBe('urgent');
    expect(read('包工头没给工人发钱，十几个工人今天跑到厂里要钱，说不给就不走了').urgency).toBe('urgent');
  });
  it('last year\'s cut, a meter change planned and a threat after 不然 are not urgent', () => {
    expect(read('想问一下今年冬天工业用气还限不限？去年限气停了好几天，今年要提前做准备').urgency).toBe('normal');
    expect(read('供水公司说水表要换，换表要停水一天，能不能安排在周末不生产的时候').urgency).toBe('normal');
    expect(read('消防验收报上去两周了没人来看，不然元旦的货出不来').urgency).toBe('normal');
    expect(read('检修要停电一天，今天就停，损失谁管').urgency).toBe('urgent');
  });
  it('a cadre reporting for an enterprise names it; a person reported for is no enterprise', () => {
    expect(read('代福山区的金果酒业报个问题：厂区新车间钢结构施工进度太慢').enterprise).toBe('金果酒业');
    for (const text of ['帮老李反映个问题：路灯坏了', '帮王总问一下补贴的事', '替张经理报个问题，电不够', '代办员小郭报一下：审图中心还要补材料']) {
      expect(read(text).enterprise, text).toBeNull();
    }
  });
});

describe('rounds 129 and 138 read again: port, shipping and fish-sauce trades; a name before 缺', () => {
  it('a place, 的, then a name with its trade', () => {
    expect(read('钦州的华谊港航技术想引进两个博士做港口自动化').enterprise).toBe('华谊港航技术');
    expect(read('钦州的北港航运服务想给船员办外派劳务培训').enterprise).toBe('北港航运服务');
    expect(read('东兴万尾的海生鱼露，出口越南的两个货柜被退回来了').enterprise).toBe('海生鱼露');
    expect(read('防城港的海鑫船舶修造缺电焊工，持证的高级焊工招不到').enterprise).toBe('海鑫船舶修造');
  });
});

describe('a shop\'s or workshop\'s name by its old suffix (rounds 126–137)', () => {
  it('opening the message or after 我们, before what it wants or its brand', () => {
    expect(read('嫁衣坊这边想问，电商直播补贴现在还要再交审计报告吗').enterprise).toBe('嫁衣坊');
    expect(read('我们青窑坊想招拉坯和利坯的师傅').enterprise).toBe('青窑坊');
    expect(read('我们湘味坊的公众号被人冒名注册了一个').enterprise).toBe('湘味坊');
  });
  it('not a person, a small or generic workshop, or a word of the sentence', () => {
    for (const text of ['王书记想问一下补贴的事', '我们小作坊想贷款买设备', '我们豆腐坊想扩建', '上次那个登记想问一下']) expect(read(text).enterprise, text).toBeNull();
  });
});

describe('money owed by a buyer is finance, whoever the buyer is', () => {
  it('commercial paper not honoured, raw material owed for', () => {
    expect(read('下游一家主机厂欠我们两千多万货款，商票到期不兑付，年底前能不能协调回来一部分，不然明年原材料都买不起了').category).toBe('finance');
    expect(read('欠我们原料款的那家跑路了，我们的供应商也在催款，账上就剩几万块').category).toBe('finance');
    expect(read('主机厂付款全部改成了六个月商票，贴现成本太高，区里有没有供应链金融平台可以对接').category).toBe('finance');
  });
});

describe('a contract broken is a dispute', () => {
  it('合同白签了, 偷偷卖给别人', () => {
    expect(read('跟社员签的订单玉米，今年价高了好几十户偷偷卖给别人，合同白签了').category).toBe('dispute');
  });
});

describe('hiring in haste and harassment day after day are not urgent by themselves', () => {
  it('急招 without a day to start, 天天来闹 without an escalation', () => {
    expect(read('急需招十个数控车床师傅，开的价也不低，就是招不到人').urgency).toBe('normal');
    expect(read('供货商天天上门来闹，还在朋友圈骂人，能不能调解一下').urgency).toBe('normal');
    expect(read('供应商隔三差五派人来厂里闹，影响生产').urgency).toBe('normal');
  });
  it('with a day to start, or an escalation, they are', () => {
    expect(read('急招焊工二十名，下周一要到岗').urgency).toBe('urgent');
    expect(read('前职工天天来厂里闹，昨天还爬到厂房顶上说要跳下来').urgency).toBe('urgent');
  });
});

describe('a bare ticket number, a space, and the command closing the message (round 134 read again)', () => {
  it('办结 or 改成一般 after the matter', () => {
    expect(read('186 变压器装好送电了，办结')).toMatchObject({ intent: 'resolve', ticket: 186 });
    expect(read('235 这个不急，紧急改成一般')).toMatchObject({ intent: 'correct', ticket: 235 });
  });
  it('not a count or a sum', () => {
    expect(read('500 个工人的宿舍，满意').ticket).toBeNull();
    expect(read('300 多万的贷款还没批，办结').ticket).toBeNull();
  });
});

describe('after a review of the session\'s rules', () => {
  it('an estimate in words still gives its date; 要不 alone is no condition', () => {
    expect(read('麻烦两三天内帮我们处理一下').deadline).toBe('2026-11-26');
    expect(read('要不你们派人来看下车都进不去了').urgency).toBe('urgent');
  });
  it('a group or a given name is no enterprise', () => {
    for (const text of ['帮村民报个问题，路灯坏了', '帮同事报一下，宿舍没热水', '张浩轩想问下人才公寓怎么申请', '村口牌坊要修一下']) expect(read(text).enterprise, text).toBeNull();
  });
  it('an escalation today, an outage still going on, stay urgent; a planned steam stop is not', () => {
    expect(read('家属天天来闹，今天带了汽油说要点火').urgency).toBe('urgent');
    expect(read('从去年底就断水了，到现在还没来水').urgency).toBe('urgent');
    expect(read('听说下个月检修，蒸汽要停了').urgency).toBe('normal');
  });
});

describe('names by the trades of coal country and of Beijing start-ups (rounds 139 and 142 read)', () => {
  it('semi-coke, coal mines, methanol, quantum, computing and film', () => {
    expect(read('我们恒泰兰炭三号炉昨晚跳闸了，到现在还没来电').enterprise).toBe('恒泰兰炭');
    expect(read('府谷县的福源兰炭，园区那条排洪沟年年漫到厂里').enterprise).toBe('福源兰炭');
    expect(read('聚鑫煤矿的，连个通勤班车都没有，工人每天骑摩托上班').enterprise).toBe('聚鑫煤矿');
    expect(read('元启量子在孵化器里，房租补贴今年额度是多少？').enterprise).toBe('元启量子');
    expect(read('云图智算要拉一条100G专线，联通说得挖路审批').enterprise).toBe('云图智算');
    expect(read('长河影视夜戏收工晚，村里有人说扰民').enterprise).toBe('长河影视');
  });
  it('a beauty centre named by 医学 keeps its whole name', () => {
    expect(read('雅思医学美容中心，消防验收没过，几时可以再约验收？').enterprise).not.toBe('雅思医学');
  });
});

describe('a district before a name signed at the end (round 145 read)', () => {
  it('高要 is a place in a name; trade words holding 不 are a name\'s', () => {
    expect(read('银行抽贷了300万，求区里帮忙协调担保公司，急！——高要区利达五金').enterprise).toBe('高要区利达五金');
    expect(read('征地时承诺的安置用地一直没落实。肇庆高要兴华铸造').enterprise).toBe('肇庆高要兴华铸造');
    expect(read('厂门口有工人围住讨薪，堵住不让出货。新兴县粤峰不锈钢制品').enterprise).toBe('新兴县粤峰不锈钢制品');
  });
  it('要 elsewhere stays a sentence\'s word', () => {
    expect(read('政策咨询 我们是港资企业 能不能享受研发中心认定的奖励 要什么条件').enterprise).toBeNull();
  });
});

describe('a place, a space, then the name after a dash (round 140 read)', () => {
  it('the place is set aside', () => {
    expect(read('社保卡激活不了，能不能请社保局上门办一下 —— 凤凰竹山苗寨 云端苗家').enterprise).toBe('云端苗家');
    expect(read('上游养猪场往小溪里排污，我们做豆腐要用水 —— 吉首河溪 田家豆腐坊').enterprise).toBe('田家豆腐坊');
    expect(read('城投要重新招租，想请领导出面给个优先续租 —— 里耶古城 秦风客舍').enterprise).toBe('秦风客舍');
  });
  it('not a name with its trade before its site or a person', () => {
    expect(read('工地扬尘被罚了两回，想请人来复查一下 ——鹤壁宇晨电子 新厂房项目部').enterprise).toBe('鹤壁宇晨电子');
    expect(read('稳岗返还咋还没到账呢 —牡丹江林海木业 会计小王').enterprise).toBe('牡丹江林海木业');
  });
});

describe('corrections and commands in the words of rounds 139, 140, 142 and 145', () => {
  it('the level or the enterprise corrected', () => {
    expect(parseCorrection('#117 紧急程度标错了，不是紧急，正常办就行')).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('#118 企业选错了，应该是瑞霖生物，不是瑞景医疗')).toEqual({ field: 'enterprise', name: '瑞霖生物' });
    expect(parseCorrection('#120 不是兰炭厂，是镁厂，企业改成府谷县金凤镁合金')).toEqual({ field: 'enterprise', name: '府谷县金凤镁合金' });
    expect(parseCorrection('#24 改一下，这个是湘西苗香食品的，不是锦和酸鱼的')).toEqual({ field: 'enterprise', name: '湘西苗香食品' });
  });
  it('a question about a correction corrects nothing', () => {
    expect(parseCorrection('#120 企业改成哪个？')).toBeNull();
  });
  it('western Hunan\'s 冒得, 冒, 么子, 啷个 and Cantonese 啲乜 read as standard words', () => {
    expect(read('看下有冒得待确认的').intent).toBe('triage');
    expect(read('#39 还是冒得电，你们讲修好了，是哄人的嘛，重新派').intent).toBe('reopen');
    expect(read('我那几条单子现在都是么子状态？').intent).toBe('query');
    expect(read('你好，店小二，我是新来的服务专员，办结一个单子要啷个讲？').intent).toBe('help');
    expect(read('店小二你可以帮我做啲乜？').intent).toBe('help');
    expect(normalizeText('烟囱还冒烟，都冒水了')).toBe('烟囱还冒烟，都冒水了');
  });
  it('passed on, asked, is a query; @someone 你跟下 hands it over', () => {
    expect(read('#20 已经转给人社局了吗？我这边查不到').intent).toBe('query');
    expect(read('#20 已经转给人社局了').intent).toBe('progress');
    expect(read('#116 @刘敏 你跟下，我下周出差').intent).toBe('transfer');
  });
});

describe('more names of start-ups and of the words before a name (rounds 139 and 140 read)', () => {
  it('a start-up named X未来; not 未来 of time', () => {
    expect(read('数链未来在通州招了一批应届生要租房，有人才公寓吗').enterprise).toBe('数链未来');
    expect(read('刚入驻孵化器，听说有房租补贴，在哪申请呀？芯动未来 CEO').enterprise).toBe('芯动未来');
    expect(read('我们未来三年要扩产，想了解用地政策').enterprise).toBeNull();
  });
  it('叫 before the name is not the name\'s', () => {
    expect(read('我们是泸溪的椪柑深加工企业 叫峒河果业 想上一条果汁生产线').enterprise).toBe('峒河果业');
  });
});

describe('the park before a name is where it stands (round 142 read)', () => {
  it('set aside before a brand and its trade', () => {
    expect(read('锦界园区宏远兰炭的职工宿舍暖气一直不热').enterprise).toBe('宏远兰炭');
    expect(read('榆林经开区天汇新能源的，储能电站项目的桩基施工队跟村民吵起来了').enterprise).toBe('天汇新能源');
  });
  it('not before a trade alone, which is a project', () => {
    expect(read('项目专员汇报：大同经开区航空零部件项目建设工程规划许可还差人防意见').enterprise).not.toBe('航空零部件');
  });
});

describe('harm that may come, comes every year, or was mended, is not urgent (rounds 140 and 142 read)', () => {
  it('not urgent', () => {
    for (const text of ['雨水管网堵了一半，园区和企业互相推，夏天再下大雨就淹了', '排洪沟年年汛期漫到我们厂里，开春前能不能疏浚一下', '打井时把村民的水管挖断了，我们已经修好了，村民还要我们赔三万', '网络信号太差，客人连个微信都发不出去', '申请复查三个月了没人来，马上冬季旺季了']) expect(read(text).urgency, text).toBe('normal');
  });
  it('harm now stays urgent', () => {
    for (const text of ['昨晚下大雨就淹了，车间里全是水', '水管挖断了，到现在都没修好，厂里停水了']) expect(read(text).urgency, text).toBe('urgent');
  });
});

describe('a preferential power price is a policy (rounds 140 and 142 read)', () => {
  it('policy, not utilities', () => {
    expect(read('我们是一家小型面粉厂，去年申请的农产品初加工用电优惠一直没执行，还是按工业电价收的').category).toBe('policy');
    expect(read('听说有农产品冷链用电优惠政策，咋申请').category).toBe('policy');
  });
  it('a power cut stays utilities', () => {
    expect(read('厂里又停电了，用电负荷报上去一个月没批').category).toBe('utilities');
  });
});

describe('today asked with its part of the day; a filing\'s limit asked about (rounds 140, 142 and 145 read)', () => {
  it('today', () => {
    expect(read('消防通道被摊贩的棚子堵了一半，请城管今天上午就来清一下！').deadline).toBe('2026-11-23');
    expect(read('基坑监测数据超预警值，请住建局和应急局今天下午到现场会商').deadline).toBe('2026-11-23');
    expect(read('明天线路检修要停电，可不可以改期？最迟今晚要答复').deadline).toBe('2026-11-23');
  });
  it('whether a filing is due by a day, asked, is no date asked for', () => {
    expect(read('申报材料这周五之前要交齐吗？还是下个月也行？').deadline).toBeNull();
    expect(read('表格是月底前要交齐吗？我们还差一个街道的章').deadline).toBeNull();
    expect(read('绿色工厂申报材料12月10日前要交 我们还不知道去哪个系统报 能不能告诉一下入口').deadline).toBe('2026-12-10');
  });
});

describe('a frozen account is urgent; a crack said to be no danger yet, or a hazard whose plan is approved, is not (round 145 read)', () => {
  it('urgent', () => {
    expect(read('银行突然把我们基本户冻结了，说是配合调查，下午要发工资').urgency).toBe('urgent');
  });
  it('not urgent', () => {
    expect(read('施工挖到我们厂的围墙基础，围墙有条细裂缝，暂时没有危险，想请施工方负责修好').urgency).toBe('normal');
    expect(read('厂房消防隐患整改方案已批，但施工单位迟迟不进场，希望下周二前能进场施工').urgency).toBe('normal');
  });
  it('harm said beside it stays urgent', () => {
    expect(read('围墙裂了，随时会倒，暂时没有人受伤').urgency).toBe('urgent');
  });
});

describe('a cadre relaying, a space after a place and 的, 和 in a brand (round 140 read)', () => {
  it('the name relayed, after the place and the space, with 和平 and 和睿', () => {
    expect(read('代办员：吉首经开区的湘西华锰电池材料，二期厂房的竣工联合验收，人防一直没出意见').enterprise).toBe('湘西华锰电池材料');
    expect(read('湘西州保靖县的 酉水人家土菜馆 想问下今年给餐饮业的消费券补贴').enterprise).toBe('酉水人家土菜馆');
    expect(read('我们是芷江的和平鸭食品，食品生产许可证下周三到期').enterprise).toBe('和平鸭食品');
    expect(read('项目专员报：德阳经开区东方锐能公司的氢能装备项目，能评批复卡在发改委').enterprise).toBe('东方锐能公司');
  });
  it('a park by its trades, a park\'s own company, a name read by its spaces', () => {
    expect(read('项目专员报：信丰电子信息产业园三期还有一处坟地没迁走').enterprise).toBeNull();
    expect(read('区项目专员报告：鑫航物流园区开发有限公司三期用地红线内尚有高压塔未迁改').enterprise).toBe('鑫航物流园区开发有限公司');
    expect(read('我们湘西州泸溪县的 浦市铁骨猪 养殖加工一体化，屠宰车间要用蒸汽').enterprise).toBe('浦市铁骨猪');
  });
});

describe('goods thawing, a dam seeping, a mine roof parting, a site standing still are urgent (rounds 140 and 142 read)', () => {
  it('urgent', () => {
    for (const text of ['冷库的制冷机组跳闸，供电公司讲要排队，现在货快化了', '尾矿坝上游坡面这两天有渗水，请应急局派专家来现场把关', '井下巷道支护发现一处顶板离层，想请安监来看一下', '桩基打到一半发现溶洞，设计要变更，施工停着等']) expect(read(text).urgency, text).toBe('urgent');
  });
  it('not a harm past or a slope to plant', () => {
    for (const text of ['去年冬天苹果冻坏了一批，想问问农业保险怎么理赔', '厂区边坡绿化想找个施工队']) expect(read(text).urgency, text).toBe('normal');
  });
});

describe('northern Shaanxi\'s 咧, a road blocked by people, a worker cut (rounds 140 and 142 read)', () => {
  it('urgent', () => {
    expect(normalizeText('村民把路口堵咧，车出不去')).toBe('村民把路口堵了，车出不去');
    expect(read('村民把我们拉煤的路口堵咧，二十来个人坐在路上，车一辆也出不去').urgency).toBe('urgent');
    expect(read('腌菜池要改造，工人手被割伤了两个，想请安监来看看').urgency).toBe('urgent');
  });
  it('an injury argued over for compensation is not; 笑咧咧 stays', () => {
    expect(read('员工手指头被压伤了，工伤认定也出来了，家属还要额外赔三十万，想请人社调解').urgency).toBe('normal');
    expect(normalizeText('老板笑咧咧的')).toBe('老板笑咧咧的');
  });
});

describe('改一下，这个是… read again', () => {
  it('a category or a level after 这个; never 我们厂 as a name', () => {
    expect(parseCorrection('#12 改一下，这个是用工人才，不是审批')).toMatchObject({ field: 'category', to: 'talent' });
    expect(parseCorrection('#12 这个应该是紧急，不是一般')).toEqual({ field: 'urgency', to: 'urgent' });
    expect(parseCorrection('#12 改一下，这个是我们厂的，不是他们的')).toBeNull();
  });
});

describe('after a review of the session\'s rules against ordinary messages', () => {
  it('a cadre\'s note is no correction of the enterprise; 改一下，这个是X的 only where X is a name', () => {
    for (const text of ['#12 经核实，企业应该是误报', '#12 已联系，单位改为线上办理', '#12 改一下，这个是上个月的，不是这个月的', '#12 改一下，这个是住建局的，不是我们的', '#12 这个应该是正常的，企业已经恢复生产了']) expect(parseCorrection(text), text).toBeNull();
  });
  it('你跟进 asked about is no transfer; 转给…了没有人管 is no query', () => {
    expect(read('#12 @张伟 你跟进得怎么样了？').intent).not.toBe('transfer');
    expect(read('#12 @王强 你跟进了没有？企业在催').intent).not.toBe('transfer');
    expect(read('#12 已经转给人社局了没有人管，企业又来问了').intent).not.toBe('query');
  });
  it('harm still there stays urgent; a freeze past or lifted is not', () => {
    for (const text of ['年年汛期漫到厂里，今天又漫进来了，设备泡水了', '再下大雨就淹了，现在水已经到门口了']) expect(read(text).urgency, text).toBe('urgent');
    for (const text of ['去年账户被冻结过，现在想申请贷款', '账户冻结已经解除了，想问问征信能不能修复']) expect(read(text).urgency, text).toBe('normal');
  });
  it('a day promised or summoned by others is no date asked for', () => {
    expect(read('供电所说最迟今晚恢复供电').deadline).toBeNull();
    expect(read('税务局让我们今天上午就来交材料，可是系统打不开').deadline).toBeNull();
  });
  it('a verb before 未来 and 尽快运 name no enterprise; 感冒得 and 为什么子公司 stay as written', () => {
    expect(read('展望未来，我们想扩大产能').enterprise).toBeNull();
    expect(read('原料尽快运过来，不然要停产').enterprise).toBeNull();
    expect(normalizeText('感冒得起不来床')).toBe('感冒得起不来床');
    expect(normalizeText('为什么子公司不能单独开票')).toBe('为什么子公司不能单独开票');
  });
});

describe('rounds 146–149 read (thirty-second session)', () => {
  it("a public purchase's money owed is finance, however many suppliers the message names", () => {
    expect(read('政府采购那批路灯的款，财政说年底统一拨，能不能先拨一部分，我们还得给供应商结账呢').category).toBe('finance');
    expect(read('政府采购的那批货 验收完三个月了 钱还没付 年前要给供应商结款').category).toBe('finance');
  });
  it('an export award and a subsidy on the power bill are policy', () => {
    expect(read('去年我们出口额增长了40%，商务局说有外贸奖励，到现在冇听到下文').category).toBe('policy');
    expect(read('问一下今年有没有冬季电采暖的电价补贴？一个月电费好几万').category).toBe('policy');
  });
  it('a neighbour pulling a building down is construction; 那个税易贷 is a loan, not 个税', () => {
    expect(read('隔壁拆老厂房 墙都快歪到俺们这边来了 员工宿舍就在墙根下 晚上都不敢睡').category).toBe('construction');
    expect(read('俺想问问 小微企业那个税易贷 俺们能贷多少').category).toBe('finance');
  });
});

describe('urgency, rounds 146–149 read', () => {
  it('machines all stopped (停晒), a whole plant without water and a boiler to stop are urgent', () => {
    expect(read('厂房后面嘅变压器成日跳闸 今日又跳咗 机器全部停晒 工人坐喺度等').urgency).toBe('urgent');
    expect(read('供水管今朝俾挖掘机挖爆咗，成间厂冇水，锅炉要停').urgency).toBe('urgent');
  });
  it('a line that keeps dropping, a monthly quarrel and a threat to cut the water in a rent quarrel are not', () => {
    expect(read('厂里光纤成日断网，ERP用唔到，联通话要排期').urgency).toBe('normal');
    expect(read('隔篱村话我哋糖厂啲烟熏到佢哋，要求赔偿，每个月都嚟闹一次').urgency).toBe('normal');
    expect(read('我们跟园区物业因为收费标准扯了半年了，物业现在说要停我们的水').urgency).toBe('normal');
  });
  it('an outage now is still urgent', () => {
    expect(read('今天早上开始断网了，订单全发不出去').urgency).toBe('urgent');
    expect(read('供电公司说要停我们的电，今天下午就停，订单赶不出来').urgency).toBe('urgent');
    expect(read('物业今天已经把我们的水闸关了，车间停产').urgency).toBe('urgent');
  });
});

describe('commands, rounds 146–149 read', () => {
  it("an overdue list over a named period is the leader's numbers; one's own or 现在's is the tickets themselves", () => {
    for (const text of ['本月超期清单', '给我拉一个今年以来超期工单的清单', '今天有超期的没？出个超期清单', '本月超期明细给我一份']) expect(read(text).intent, text).toBe('digest');
    for (const text of ['这周超期的有哪些', '我今天的超期清单', '现在超期的单子有哪些，列一下']) expect(read(text).intent, text).toBe('query');
  });
  it('改做 is 改成 before a level or a category; a category set at the end after why', () => {
    expect(parseCorrection('#223 唔係紧急，改做一般')).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('#153 这个是融资的事 分类改成融资资金')).toMatchObject({ field: 'category', to: 'finance' });
    expect(parseCorrection('#12 企业改做线上申请了')).toBeNull();
  });
  it('你可以帮我做咩 is help; 冇问题 搞掂晒 and 好嘞 冇得问题 are chat', () => {
    expect(read('@店小二 你可以帮我做咩？点样报问题？').intent).toBe('help');
    expect(read('冇问题 搞掂晒').intent).toBe('chat');
    expect(read('好嘞 冇得问题').intent).toBe('chat');
  });
});

describe('enterprise, round 152 read', () => {
  it("a logistics park before a brand and its trade is where it stands; a park's own company keeps it", () => {
    expect(read('门口堵着货车出不去，请帮忙协调。百色东盟物流园宏发仓储').enterprise).toBe('宏发仓储');
    expect(read('鑫航物流园区开发有限公司三期用地红线内尚有高压塔未迁改').enterprise).toBe('鑫航物流园区开发有限公司');
  });
  it('someone there is (越南有个超市集团) is no name', () => {
    expect(read('越南有个超市集团想跟我们谈芒果干长期供货，想请商务局帮对接下冷链').enterprise).toBeNull();
    expect(read('园区有一家物流公司占了我们的车位').enterprise).toBeNull();
  });
});

describe('urgency, round 152 read', () => {
  it('a line that trips so many times a day is chronic; a day without power is not', () => {
    expect(read('加工厂电压不稳，碾米机老是跳闸，一天要重启好几回，供电所来看过讲是线路老化').urgency).toBe('normal');
    expect(read('厂区跳闸，一整天没来电，冷库里的货要坏了').urgency).toBe('urgent');
  });
});

describe('category and corrections, round 152 read', () => {
  it('a subsidy for exporting or its freight is policy; which permits to get is approval', () => {
    expect(read('想咨询下今年外贸企业的物流补贴怎么报，我们在边民互市落地加工这块的算不算？').category).toBe('policy');
    expect(read('我们想在口岸开个越南商品店，要办哪些证？跑了几个窗口讲的都不一样').category).toBe('approval');
  });
  it('the ticket pointed at before what is wrong with it', () => {
    expect(parseCorrection('刚才那个单子企业名弄错了，不是华晟是华盛铝箔，#222 改一下')).toEqual({ field: 'enterprise', name: '华盛铝箔' });
  });
});

describe('a ticket asked after by its number and 号', () => {
  it('N号到哪了 is a ticket asked after; a day that has come is not', () => {
    expect(read('看看俺们公司的那个127号到哪了')).toMatchObject({ intent: 'query', ticket: 127 });
    expect(read('快递说27号到了，货还没见着').ticket).toBeNull();
    expect(read('12月5号到哪了').ticket).toBeNull();
  });
});

describe('dates, round 149 read', () => {
  it("本月30号前 is this month's day, as 30号前 is", () => {
    expect(read('听说要市里统一报名，希望本月30号前帮我们报上去').deadline).toBe('2026-11-30');
    expect(read('能不能这个月28号之前受理').deadline).toBe('2026-11-28');
  });
});

describe('whether a ticket was passed on, asked', () => {
  it('转给…了吗 asks without 已经 too; 转给 X is the command', () => {
    expect(read('#12 转给人社局了吗？').intent).toBe('query');
    expect(read('#12 转给人社局了没有').intent).toBe('query');
    expect(read('#12 转给人社局').intent).toBe('transfer');
  });
});


describe("after a review of the thirty-second session's rules against ordinary messages", () => {
  it('harm today keeps the chronic and the threatened urgent; parking, a meter, a boiler to be retired and approvals stopped are not urgent', () => {
    for (const text of ['村民隔三差五来闹，今天把我们的挖机砸了，司机被打伤', '村里说要停我们的水，现在已经停了，锅炉快干烧了', '高压线经常断线，今天又断了一根掉在厂门口，还冒火花']) expect(read(text).urgency, text).toBe('urgent');
    for (const text of ['停车场停晒车，员工冇位泊车', '整个厂没有水表，水费一直按估算收', '环保要求燃煤锅炉年底前停掉，改造资金有没有扶持', '这个项目的审批全部停下来了，说要等规划调整']) expect(read(text).urgency, text).toBe('normal');
  });
  it('你可以帮我们做什么 said to a cadre is a report; a list of bills is no digest; my own overdue list is a query', () => {
    expect(read('王科长，你可以帮我们做什么？厂房漏水三天了').intent).toBe('report');
    expect(read('上个月电费明细单子还没收到').intent).toBe('report');
    expect(read('发一下我今天的超期清单').intent).toBe('query');
  });
  it('a day of the month asked after is no ticket; 本月 with a day gone by is the past', () => {
    expect(read('上次说20号给答复，20号怎么样了').ticket).toBeNull();
    expect(read('本月10号前已经把材料交齐了，到现在还没批').deadline).toBeNull();
  });
  it('registered names keep 有家 and their park; the purchase delayed is market; a rail taken down is no demolition', () => {
    expect(read('佛山市尚有家居有限公司，厂房漏水').enterprise).toBe('佛山市尚有家居有限公司');
    expect(read('南京软件园科技发展有限公司反映，网络经常断').enterprise).toBe('南京软件园科技发展有限公司');
    expect(read('政府采购中心拖着不开标，已经两个月了').category).toBe('market');
    expect(read('旁边的护栏拆了没装，大货车直接开进厂区').category).toBe('infrastructure');
  });
  it("a land use's kind is no category; 唔好改做紧急 changes nothing", () => {
    expect(parseCorrection('#45 企业想把用地性质变更，类别改为商业用地')).toBeNull();
    expect(parseCorrection(normalizeText('#45 唔好改做紧急，企业话唔急'))).toBeNull();
  });
  it('rounds 151 and 153: hydropower stations, inns after a place and a space, 我们 and a company, 个旧 and a debtor named first', () => {
    expect(read('清江源水电站这边问一下，小水电生态流量改造的补助资金什么时候发').enterprise).toBe('清江源水电站');
    expect(read('恩施市白杨坪的 溪谷度假山庄 跟装修公司闹翻了，想请司法所调解').enterprise).toBe('溪谷度假山庄');
    expect(read('您好，我是咸丰县唐崖河畔酒店的前台经理，想问下住宿业的稳岗补贴').enterprise).toBe('咸丰县唐崖河畔酒店');
    expect(read('咸丰县的龙坪茶旅反映，几个员工的社保转不过来').enterprise).toBe('龙坪茶旅');
    expect(read('鹤峰县云蒙山药材种植公司急需两个技术员').enterprise).toBe('鹤峰县云蒙山药材种植公司');
    expect(read('我们清江画廊游船公司淡季资金周转困难，想贷一笔流动资金').enterprise).toBe('清江画廊游船公司');
    expect(read('我们中山小榄新厂在建，隔壁工地的塔吊在宿舍楼顶上转').enterprise).toBeNull();
    expect(read('安远脐橙的几家合作社反映，今年被电商平台压价').enterprise).toBeNull();
    expect(read('个旧鑫拓锡材的新建车间竣工联合验收，要准备哪些资料').enterprise).toBe('个旧鑫拓锡材');
    expect(read('求个文件依据 家里的果园被划进征地范围').enterprise).toBeNull();
    expect(read('个旧锡业那边欠我们的维修款170多万，拖了快一年了，麻烦政府协调。鸡街恒达机修').enterprise).toBe('鸡街恒达机修');
  });
  it('rounds 150–154: 催办！ after the number, 评价： first, 已办结 with money sent back, whose ticket it is, not counted, the unsure ones', () => {
    expect(read('#54 催办！说好上周给答复的').intent).toBe('urge');
    expect(read('#209 评价：非常满意，转办很及时').intent).toBe('rate');
    expect(read('#47 已办结，多收的电费供电公司已经退回去了').intent).toBe('resolve');
    expect(read('#47 已办结，转给住建局').intent).not.toBe('resolve');
    expect(parseCorrection(normalizeText('#139 不是这个企业的，是扎兰屯金禾大豆食品的，改一下企业'))).toEqual({ field: 'enterprise', name: '扎兰屯金禾大豆食品' });
    expect(parseCorrection(normalizeText('#108 不是企业的问题 是居民个人诉求 标一下不算'))?.field).toBe('dismiss');
    expect(read('刚才那单企业名写错了，不是丰源食品，是丰源肉食品有限公司').intent).toBe('correct');
    expect(parseCorrection(normalizeText('#12 刚才那单企业名写错了，不是丰源食品，是丰源肉食品有限公司'))).toEqual({ field: 'enterprise', name: '丰源肉食品有限公司' });
    expect(read('把你拿不准、等着人确认的那些单子列出来我瞅瞅').intent).toBe('triage');
    expect(read('还有哪些冇确认的？').intent).toBe('triage');
  });
  it('rounds 150, 154 and 155: 年 inside a registered name, a town after the banner in a signature, a phase after 这边 and its name, the trades of the north-east', () => {
    expect(read('牡丹江百年山珍食品有限公司新上的冻干生产线，环评报告书交了').enterprise).toBe('牡丹江百年山珍食品有限公司');
    expect(read('我们是永年鑫力紧固件新厂房项目，工地塔吊螺栓松了').enterprise).toBe('永年鑫力紧固件');
    expect(read('想咨询下高新技术企业资格要不要重新认定？我们是科迅创新').enterprise).toBe('科迅创新');
    expect(read('我们是小商店，老员工家属想迁户口，咋整 —— 新左旗 阿木古郎镇 宝力格商店').enterprise).toBe('宝力格商店');
    expect(read('根河这边森源木制品二期厂房钢结构上面积雪有半米了').enterprise).toBe('森源木制品');
    expect(read('朴氏韩餐四十多个员工要办健康证，能不能请疾控上门统一办').enterprise).toBe('朴氏韩餐');
    expect(read('兴盛粮库门前那座桥让大货车压裂了').enterprise).toBe('兴盛粮库');
    expect(read('我们是新开的外贸公司，出口退税备案去哪办？需要多长时间').category).toBe('policy');
    expect(read('高铁站到三清山的旅游专线太少了，游客下了车打不到车').category).toBe('infrastructure');
  });
  it('rounds 156 and 158: Wu 弗 is 不, 尔 is 你 (not in 哈尔滨 nor 弗兰克), 咋么 is 怎么; 重新弄吧 reopens; 撤了吧 withdraws', () => {
    expect(normalizeText('把尔拿弗准的那些单子列一下')).toBe('把你拿不准的那些单子列一下');
    expect(normalizeText('哈尔滨的弗兰克')).toBe('哈尔滨的弗兰克');
    expect(read('#138 企业名字录错了，弗是华丰是华峰，改一下').intent).toBe('correct');
    expect(read('#146 弗是问题，企业自己已经搞好了，作废').intent).toBe('correct');
    expect(read('我们依依服饰报的那个宽带问题咋么样了').intent).toBe('query');
    expect(read('#23 还没好 水压还是上不来 恁们说修好了 俺们这边一点没变 重新弄吧').intent).toBe('reopen');
    expect(read('＃96 这个不是企业问题 是员工个人的事 撤了吧').intent).toBe('correct');
  });
  it('round 157: 那 opening a Tibetan or Mongolian name, one small fleet no name, solar-thermal a trade', () => {
    expect(read('我们是都兰的那仁牧业，两个技术员的娃娃要转学').enterprise).toBe('那仁牧业');
    expect(read('伊犁的那拉提奶业，县里通牧场的路被雪封了三天了').enterprise).toBe('那拉提奶业');
    expect(read('我们是个尕车队，七辆车，挂靠的那个公司欠了我们半年运费').enterprise).toBeNull();
    expect(read('宏达光热吸热塔基础桩检测有三根不合格').enterprise).toBe('宏达光热');
    expect(read('那边的物流公司把路堵了').enterprise).toBeNull();
  });
  it("the thirty-third session's review: a disputed close, a rating asking for the work again, 那单企业是…, a report sent again, not counted asked, another body's, foreign names with 弗/尔, cadres' roles, kinds after a place, a street of a product, descriptions", () => {
    expect(read('#47 已办结，但企业反映问题还在，请重新跟进').intent).toBe('reopen');
    expect(read('#209 评价：不满意，问题根本没解决，请重新办理').intent).toBe('reopen');
    expect(read('#12 那单企业是做饲料的，还在等环评批复').intent).not.toBe('correct');
    expect(read('刚刚那条企业名字写错了，以这条为准：宏远物流仓库被淹，急需抽水泵').intent).toBe('report');
    expect(read('刚才那单企业名写错了吗？').intent).not.toBe('correct');
    expect(parseCorrection(normalizeText('#108 不是企业的问题，是物业的问题，那这单还算不算'))).toBeNull();
    expect(parseCorrection(normalizeText('#108 不是企业的问题，施工单位把围挡撤了以后才漏水的，请住建局处理'))).toBeNull();
    expect(parseCorrection(normalizeText('#139 不是企业的，是园区的，改一下'))).toBeNull();
    expect(read('#23 供电所说明天重新修').intent).not.toBe('reopen');
    expect(read('#61 催办，不用了，问题已经解决了').intent).toBe('resolve');
    expect(read('#54 催办，已电话联系规划局，答复本周内出意见').intent).not.toBe('urge');
    expect(read('我是舍弗勒的采购经理，想找本地的铸件供应商').enterprise).toBe('舍弗勒');
    expect(normalizeText('弗迪电池新厂房用电增容')).toBe('弗迪电池新厂房用电增容');
    expect(normalizeText('尔康制药新车间环评')).toBe('尔康制药新车间环评');
    expect(read('我是街道的包联主任，恒达机械反映厂区门口路灯不亮').enterprise).toBe('恒达机械');
    expect(read('我是供电所的客户经理，想了解下企业用电情况').enterprise).toBeNull();
    expect(read('义乌的外贸公司急需一批跨境电商人才').enterprise).toBeNull();
    expect(read('海拉尔奶茶一条街停车难').enterprise).toBeNull();
    expect(read('东宁大酱节展位不够').enterprise).toBeNull();
    expect(read('我们是百年老字号，老厂房要拆迁').enterprise).toBeNull();
    expect(read('我们村附近养猪厂臭气熏天').enterprise).toBeNull();
    expect(read('人社局推荐的社保减免政策到底怎么享受').category).not.toBe('talent');
    expect(read('政府采购的款式要求太死，我们的新品进不去，麻烦催一下采购中心').category).not.toBe('finance');
  });
  it('rounds 159–161: displeased and asked again reopens; 第N号进展 is a note; 不是涉企问题…不算 withdraws; 都有些么子功能 asks for help', () => {
    expect(read('#174 还是冇解决，水压照样上不来，不满意，重新办').intent).toBe('reopen');
    expect(read('第58号 说是给办结了 我们根本没收到补贴款啊 不满意 再查查').intent).toBe('reopen');
    expect(read('#12 不满意，重新办理了也没用').intent).toBe('rate');
    expect(read('第121号进展 供电公司已完成勘察 变压器下周到货').intent).toBe('progress');
    expect(parseCorrection(normalizeText('#218 不是涉企问题，是个人的事，不算'))?.field).toBe('dismiss');
    expect(read('你好，这个店小二可以帮我们查补贴政策么？都有些么子功能').intent).toBe('help');
  });
  it('rounds 158 and 159: a company after the word for it in Cyrillic or Latin letters; 图们 and 圣都 in names; farm-produce traders', () => {
    expect(read('Добрый день! Я Сергей, компания Волга Импорт. We want find factory for Christmas lights').enterprise).toBe('Волга Импорт');
    expect(read('Салам! Company Baraka Trade, office in 国际商务区 3rd floor, water pressure very low').enterprise).toBe('Baraka Trade');
    expect(read('Здравствуйте! We are Славянский Дом LLC, Russian company, rent office in Yiwu.').enterprise).toBe('Славянский Дом LLC');
    expect(read('Our company Zhejiang Sahara Import & Export, 做纺织面料出口的，想换个市场').enterprise).toBe('Zhejiang Sahara Import & Export');
    expect(read('我们头一回做出口 不懂流程 谁能指导一下 —图们绿野米业').enterprise).toBe('图们绿野米业');
    expect(read('新厂房临时用电申请讲要等正式用电一起批，工地都开工了现在靠发电机，柴油钱都吃弗消。圣都家居').enterprise).toBe('圣都家居');
    expect(read('俺们兰陵蒜都农产品今年出口韩国的大蒜被卡了').enterprise).toBe('兰陵蒜都农产品');
    expect(read('中原农产品博览会的展位报名，我们交了申请但一直没收到回复').enterprise).toBeNull();
    expect(read('他们公司欠钱不还').enterprise).toBeNull();
  });
  it('rounds 162–169: a county or city, a space and the name closing the message', () => {
    expect(read('唔知道找哪个部门牵头。长汀 红土地农业').enterprise).toBe('红土地农业');
    expect(read('我们民宿门口那条村道太窄了 会车都难 能不能拓宽一下 缙云 仙都云舍').enterprise).toBe('仙都云舍');
    expect(read('能不能帮我们联系一下，我们系民营企业怕对方唔接。新罗 天宏电力设备').enterprise).toBe('天宏电力设备');
    // (a person or a word of thanks after the place is no name)
    expect(read('有没有人给指导下。永年 张会计').enterprise).toBeNull();
    expect(read('路灯坏了半个月能不能快点修。南阳 谢谢领导').enterprise).toBeNull();
    // (the review: what one is doing there, or where in it)
    expect(read('人在 深圳 出差中').enterprise).toBeNull();
    expect(read('路还没修。 长汀 县城里面').enterprise).toBeNull();
  });
  it('rounds 162–169: 钛都 and 隆都 in names; standard parts, photo studios and rattan ware as trades, the products themselves not', () => {
    expect(read('能不能帮我们协调一下？钛都化工').enterprise).toBe('钛都化工');
    expect(read('现在两个月了还无到，希望月底前能付清。隆都永盛藤艺').enterprise).toBe('隆都永盛藤艺');
    expect(read('德茂标件的老厂长想评个劳模 报名找谁').enterprise).toBe('德茂标件');
    expect(read('有个前股东退股后一直来我们门店闹，想请街道调解下。佳人婚纱影楼').enterprise).toBe('佳人婚纱影楼');
    // (the review: a product with a word before it is no name)
    for (const text of ['野生松茸今年产量少', '新鲜艾草要晒干', '进口螺栓已经到港了', '同事骑自行车摔了，算不算工伤', '员工的电动自行车在车间充电']) {
      expect(read(text).enterprise, text).toBeNull();
    }
  });
  it('rounds 163–169: public-purchase money owed said by its sum or part paid; a claimed official asking money; a contract not honoured', () => {
    expect(read('去年政府采购我们的防疫艾草包 一百多万到现在没结 年底还要给工人发工资').category).toBe('finance');
    expect(read('政府采购我们的公交站台广告，合同签了只付了30%，剩下的说要审计完才给').category).toBe('finance');
    expect(read('政府采购的那批除尘设备款，开发区管委会欠我们快一年了，一百二十多万').category).toBe('finance');
    expect(read('刚才接到一个自称市监局的电话，讲我们执照有问题要交三千块加急费办证，是真的吗？').category).toBe('other');
    expect(read('昨天厂里来俩人 说是市里环保局的 要收啥检测费 不交就要停产整顿 这是不是骗子啊').category).toBe('other');
    expect(read('厂子和村里签的土地租赁合同，新村长说不算数要涨租金，不给就不让我们进厂').category).toBe('dispute');
    // (an investment agreement the park no longer honours is a policy; a builder short of the contract is construction)
    expect(read('我们是招商引资进来的，协议上写了前三年厂房租金减半，今年园区换了管委会主任，说这个协议不算数了').category).toBe('policy');
    expect(read('施工队用的钢材比合同上的细一圈，找他们不认账，能不能请质监站来检测一下').category).toBe('construction');
    // (the review: an office or a bank not accepting a document; an acceptance not given; a promise asked about)
    expect(read('这份合同银行不认，贷款批不下来').category).toBe('finance');
    expect(read('劳务派遣协议社保局不认').category).toBe('talent');
    expect(read('政府采购的200万设备到现在没给我们验收').category).not.toBe('finance');
    expect(read('招商局自称入驻有三年免租，是不是真的').category).not.toBe('other');
  });
  it('rounds 170–172: 分错类了 and the level marked wrong with a reason between; 答复： first is the answer; waiting for the enterprise to send something is progress', () => {
    expect(parseCorrection(normalizeText('#166 分错类了 他们说的是子女入学 应该算用工人才 不是政策'))).toMatchObject({ field: 'category', to: 'talent' });
    expect(parseCorrection(normalizeText('#199 紧急程度标错了 这个是停产的 要改成紧急'))).toEqual({ field: 'urgency', to: 'urgent' });
    expect(read('#166 分错类了 他们说的是子女入学 应该算用工人才 不是政策').intent).toBe('correct');
    expect(read('#205 答复：高企认定辅导已安排，科技局周四上门，企业已确认').intent).toBe('resolve');
    expect(read('#201 已经协调好了 银行同意展期三个月 等企业补个材料').intent).toBe('progress');
    // (a question stays a question; the close without anything left stays a close)
    expect(parseCorrection(normalizeText('#166 分错类了吗 是不是应该算用工人才'))).toBeNull();
    expect(read('#201 已经协调好了 银行同意展期三个月').intent).toBe('resolve');
    expect(read('我们公司的单子都到哪一步了？我们是九江明远光电').intent).toBe('query');
  });
  it('rounds 171 and 176: heat treaters, machine shops, gas suppliers, silversmiths and polyester mills by their trade; a city and its district, a space and the name closing a message; 我们做…的, then the name between commas', () => {
    expect(read('热处理炉全部停了 一炉料废了 请协调 黔锐热处理').enterprise).toBe('黔锐热处理');
    expect(read('工人讲要去上访，恳请帮我们协调追讨。安顺天翼机加工').enterprise).toBe('安顺天翼机加工');
    expect(read('延续申请交上去应急局讲材料不全，不然明年就不能营业 六盘水黔能燃气').enterprise).toBe('六盘水黔能燃气');
    expect(read('监理讲焊缝有几处不合格要返工，质监站能不能来看一下 安顺西秀区 精工铸造').enterprise).toBe('精工铸造');
    // (the utility itself, or gas that stopped, is no name)
    expect(read('我们厂突然停气了 燃气公司讲管道在抢修').enterprise).toBeNull();
    expect(read('质监站能不能来看一下 安顺西秀区 县城里面').enterprise).toBeNull();
    // what one does, then the name between commas; polyester and silver as trades
    expect(read('我们做铜工艺品的，瑞昌铜韵坊，想去义乌小商品博览会').enterprise).toBe('瑞昌铜韵坊');
    expect(read('我们是安顺做银饰的，苗岭银艺，想组团去广交会').enterprise).toBe('苗岭银艺');
    expect(read('我们是做PTA下游的，浔港聚酯，技改项目能评报告交到发改委一个月了').enterprise).toBe('浔港聚酯');
    expect(read('我们做火锅底料的，国内卷得凶，想拓展东南亚市场').enterprise).toBeNull();
  });
  it('round 176: what a report must hold, asked, is help', () => {
    expect(read('店小二 报问题的时候要写哪些内容你才看得懂').intent).toBe('help');
    expect(read('报问题要写什么').intent).toBe('help');
    // (the question itself, opening the message: 我们 before it is someone telling of their own filing)
    expect(read('我们报问题要写哪些材料').intent).toBe('report');
  });
  it('round 174: Tibetan carpets, yak wool and jerky, dairy and liquor workshops by their trade; 求助！ or 十万火急！ first is haste, not the name', () => {
    expect(read('我们念钦藏毯出口到尼泊尔和中东的单子，今年运费涨了一倍多').enterprise).toBe('念钦藏毯');
    expect(read('藏地阳光牦牛绒制品的续贷下个月到期，农商行说要重新评估抵押物').enterprise).toBe('藏地阳光牦牛绒制品');
    expect(read('祁连山牦牛肉干想跟省外的盒马、山姆对接供货').enterprise).toBe('祁连山牦牛肉干');
    expect(read('求助！湟中的宗喀巴藏式家具厂今早有三十多个村民堵在厂门口').enterprise).toBe('宗喀巴藏式家具厂');
    expect(read('十万火急！！湟源县日月藏毯厂的蒸汽管道昨晚冻裂了，整个染色车间停产').enterprise).toBe('湟源县日月藏毯厂');
    // (the product after the name is not it: 风干牛肉干)
    expect(read('诺敏食品这边风干牛肉干想往蒙古国那边出，报关检疫啥的都不懂').enterprise).toBe('诺敏食品');
  });
  it('rounds 177 and 178: a place, 我们 and the name set off by spaces; no trade word alone as a name; 改返普通 corrects the level; 点报 asks how to file', () => {
    expect(read('梅州 我们 嘉应美妆 想申请知识产权质押贷款，银行话要评估报告').enterprise).toBe('嘉应美妆');
    expect(read('梅县 我们 梅县客都纸业 锅炉停用燃煤，要接园区蒸汽管').enterprise).toBe('梅县客都纸业');
    expect(read('我们蕉岭广福 富硒米业 申请绿色食品认证，材料交到市农业局').enterprise).toBe('富硒米业');
    expect(read('我哋係平远差干镇 山哈果园，近排山上啲野猪成群落嚟拱柚子树').enterprise).toBe('山哈果园');
    expect(parseCorrection(normalizeText('#216 紧急程度标错咗，唔係急件，改返普通'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(read('可以喺度报问题吗？点报').intent).toBe('help');
    // (round 177: a trade word alone after 我们是…的 is a thing, not a name)
    expect(read('文旅局说名额满了，可俺们是按时交的材料，麻烦明天给核实一下').enterprise).toBeNull();
    // (早点报 is "file it soon")
    expect(normalizeText('佢哋讲早点报好啲')).toContain('早点报');
    // (nor a time, a near miss, a headline or a pilot: 三点报到, 差点报废, 重点报道, 试点报名, 要点报告)
    for (const text of ['听日三点报到', '差点报废咗', '重点报道佢哋', '试点报名', '要点报告']) expect(normalizeText(text), text).not.toContain('怎么报');
  });
  it('round 182: down mills, gauge and tape-measure makers, quick-frozen food and grain stores by their trade', () => {
    expect(read('豫东丰达羽绒出口退税三个月了还没退下来，资金压力挺大的').enterprise).toBe('豫东丰达羽绒');
    expect(read('虞城精工量具门口排水沟盖板塌了 昨晚一个工人骑电动车栽进去了').enterprise).toBe('虞城精工量具');
    expect(read('虞城兴达钢卷尺厂区的供水管子老化了 三天两头漏').enterprise).toBe('虞城兴达钢卷尺');
    expect(read('商丘好滋味速冻的水饺想上京东，平台入驻这块区里有没有扶持').enterprise).toBe('商丘好滋味速冻');
    expect(read('豫南粮储仓库隔壁工地的塔吊吊臂就在我们库顶上转').enterprise).toBe('豫南粮储');
    // (速冻食品 is one trade: the name keeps it whole)
    expect(read('北国冰城速冻食品冷库要上第二路电源，双回路申请交上去两个月了没信儿').enterprise).toBe('北国冰城速冻食品');
  });
  it('round 185: a name closed by 公司, whatever follows it; not a utility, a place’s company or a sentence before 公司', () => {
    expect(read('雅安熊猫谷客运公司缺四个持A1驾照的大巴司机，元旦旅游高峰要用').enterprise).toBe('雅安熊猫谷客运公司');
    expect(read('我是服务专员王涛，瀑布沟的金汤渔业公司跟库区渔民为网箱养殖水域起了冲突').enterprise).toBe('金汤渔业公司');
    for (const text of ['隔壁物流公司的货车天天堵我们的门，沟通多次没用', '地块里面埋着一根老的燃气管，迁改的事情燃气公司和土储中心互相推', '已联系县水务公司，请水务公司于本周五前出具整改方案', '经研究，建议由供电公司与林业局联合现场办公', '今年保险公司拒保，没保险银行也不贷'])
      expect(read(text).enterprise, text).toBeNull();
  });
  it('round 185: a long name with its kind at the head before 的, 自己 or 缺; 渔庄 and 驿站 are kinds; not a kind with one word before it', () => {
    expect(read('碧峰峡熊猫山庄的消防验收材料上周就交了，一直说在排队').enterprise).toBe('碧峰峡熊猫山庄');
    expect(read('吉曲河畔藏餐吧的位置在地图上标错了，游客导航都找不到我们').enterprise).toBe('吉曲河畔藏餐吧');
    expect(read('汉源湖畔渔庄自己在修观景平台，施工队做的栏杆晃得很').enterprise).toBe('汉源湖畔渔庄');
    for (const text of ['魔芋加工厂的环评批复是2019年的，现在扩产要重新做环评还是做个变更就得行？', '豆製品廠的排污許可證下週一到期，續證材料交了沒人受理', '绿色工厂的奖补到底批不批，五天内能不能回个话'])
      expect(read(text).enterprise, text).toBeNull();
  });
  it('rounds 184–196: aluminium setting, ammonia leaking, a cracked jib, sheeting hanging in the air, a gate blocked by people, 要出大事, supplies stopped and frostbite are urgent; a coach that cannot reach a scenic road is not', () => {
    for (const text of [
      '英德 新洲铝材 这边10kV专线今早跳闸到现在没恢复，熔铸炉里面铝水快凝了，要出大事的，供电局快点派人！！',
      '电解车间10千伏线路跳闸了，铝水要凝在槽里了，几十台电解槽停不起啊！！ 曲靖沾益云海铝业',
      '冷库施工的时候氨制冷管道焊口有点漏，都闻着味儿了，施工方说问题不大，我们不放心 —— 佳木斯雪峰冷链',
      '工地塔吊今朝发现主臂有裂纹，司机已经停咗，但施工方仲想继续吊，我哋系业主。清远恒泰置业',
      '厂房屋顶彩钢瓦被风掀起一块，吊在半空晃，下面就是车间通道 —— 江川腾飞汽配',
      '恒口示范区，我们搅拌站大门被附近村民堵了，说粉尘大，工地那边等着浇筑。汉滨建安商砼',
      '我哋做政府学校饭堂配餐，款拖咗八个月，供应商已经停止供货。清远 食安团膳',
      '工地塔吊司机昨天冻伤了，施工方连个防寒措施都没有还逼着接着干 —— 佳木斯北冰洋冷链',
    ]) expect(read(text).urgency, text).toBe('urgent');
    for (const text of [
      '河口景区到我们酒庄那段乡道太窄了，旅游大巴进不来，客人都得在路口下车走一公里，能不能拓宽 莓好酒庄',
      '喜洲古镇东边那条路修了一半就停了，挖得坑坑洼洼，游客的车进不来，影响生意 ——喜林小院',
      // (people stopping staff at the gate for a toll is not the gate blocked)
      '员工在厂门口被附近村民拦住要过路费，说这条路是他们村修的，已经好几回了 —— 江北 大成塑胶',
    ]) expect(read(text).urgency, text).toBe('normal');
  });
  it('rounds 183–196: one’s own report asked after by what it is about; the unsure ones asked of the machine; corrections said with why first or after', () => {
    for (const text of ['我报的那个停电的问题咋样了，编号不记得了', '石棉金源矿业报的那个堵路的事，现在啥子进度了？', '俺们金焰煤化报的那个对接会的事 有信儿没', '我们厂报的那个停电的问题 有人接了没有', '我提的那个电费的事 是几号单子来着 现在谁在管'])
      expect(read(text).intent, text).toBe('query');
    expect(read('有哪些是机器没搞清楚要人工确认的？列一下').intent).toBe('triage');
    expect(read('有哪些单子机器人没拿准的？我来确认一下').intent).toBe('triage');
    expect(parseCorrection(normalizeText('#178 这个不紧急 改成普通 企业说下个月再弄也行'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('#75 紧急程度改一下，不是急事，企业说年底前弄好就行'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('#156 企业不对，报的是沙雅县塔河棉业，不是沙雅银棉轧花厂'))).toEqual({ field: 'enterprise', name: '沙雅县塔河棉业' });
    expect(parseCorrection(normalizeText('#97 这是我们内部的事，不是企业问题，标成不是问题'))?.field).toBe('dismiss');
    // (not urgent, said alone, is no correction)
    expect(parseCorrection(normalizeText('#12 不急'))).toBeNull();
  });
  it('after a review of the thirty-sixth session’s rules against ordinary messages', () => {
    // urgency: no past, negated, figurative or threatened trouble; no 氨纶, no 漏报; no gate blocked by bicycles or a barrier
    for (const text of ['去年冬天有个工人冻伤过一次，现在都好了，想问问工伤怎么报', '想申请一批防冻伤的劳保用品补贴', '放心，不会出大事的，就是想问问流程', '还好没出大事啊，就是墙皮掉了点',
      '上个月停止供货了三天，现在已经恢复了', '春节期间要保障员工食堂不断餐，想问问有没有补贴', '检测公司来看了塔吊，没发现裂纹，报告什么时候出', '我们的用地审批一直悬在半空，没人给个准话',
      '厂门口被共享单车堵住了', '路口被施工围挡封起来了，修路要三个月', '氨纶厂的增值税漏报了一笔', '铝水凝固点的工艺参数想找专家咨询一下'])
      expect(read(text).urgency, text).toBe('normal');
    // (a washed-out road that stops the coaches is still urgent)
    for (const text of ['桥断了，客车进不来', '洪水把路冲了，大巴车进不来', '路被冲毁了，大巴车进不来']) expect(read(text).urgency, text).toBe('urgent');
    // query: only one's own report asked after, not the news, a customs broker's return, a recurrence or someone else's
    for (const text of ['新闻里报的那个化工厂的事咋样了', '报关行报的那个单子被海关退回了，什么情况', '上次提的那个问题又出现了，今天又停电了，有人接了没有', '你们提的那个整改问题我们已经改完了，看看咋样了'])
      expect(read(text).intent, text).not.toBe('query');
    // a company one deals with, a utility, or a company of a kind is not the writer's
    for (const text of ['跟成都华西建设公司打官司，法院一直不立案', '给我们做光伏的晶科能源公司跑了', '中国移动公司的基站信号太差', '中国电信公司的光纤断了', '人保财险公司拒赔', '找了个注册代办公司被骗了', '餐饮管理公司欠我们三个月货款',
      '县汽车客运站的班车取消了', '县城东门汽车客运站缺司机', '县税务局办税服务厅的系统又崩了', '高速服务区加油站缺柴油', '空调制冷不行，员工中暑了', '门店冷柜电费太高'])
      expect(read(text).enterprise, text).toBeNull();
    // the unsure ones are the bot's, not a machine's
    for (const text of ['有几个机器不确定还在不在保修期，发一下', '哪几台机器没拿准型号，发一下照片']) expect(read(text).intent, text).not.toBe('triage');
    // a correction names an enterprise, not two or one of them
    // a place, 的 and a neighbour, a few of a kind, a bank, a post office or a clinic closing a message name no enterprise
    for (const text of ['路灯坏了一个月了，我是城关镇的老邻居', '门口的路塌了，影响好多家，包括城关镇的几家厂', '排水管堵了好几天，臭死了，城关镇的大杂院', '网络老断，我们是城关镇的信用社', '停电了 城关镇的供销社', '停电 城关镇的卫生所'])
      expect(read(text).enterprise, text).toBeNull();
    for (const text of ['#31 企业不对，其实是两家，不是一家', '#51 公司不对，其实是同一家，不是两家', '#45 企业有误，其实是村集体，不是公司'])
      expect(parseCorrection(normalizeText(text)), text).toBeNull();
  });
  it('round 193: a county and a township, village or stockade set off by a space, then 我们 and the name', () => {
    expect(read('理县米亚罗 彩林温泉山庄 路上结冰 燃气公司不送液化气了 厨房明天就没气了').enterprise).toBe('彩林温泉山庄');
    expect(read('理县甘堡藏寨 嘉绒人家民宿 今年民宿星级评定的奖补 说评上三星奖两万 我们评上了 钱还没到').enterprise).toBe('嘉绒人家民宿');
    expect(read('阿坝县 我们曲登青稞酒厂 锅炉改电以后 酿酒车间的蒸汽不够 申请了增容').enterprise).toBe('曲登青稞酒厂');
    expect(read('小金县沃日 我们格桑玫瑰精油厂 今年电费涨了不少 想问能不能参加电力市场化交易').enterprise).toBe('格桑玫瑰精油厂');
    expect(read('马尔康 我们阿坝嘉绒锅庄艺术团 两个骨干演员考上编制要走了 县上有没有留人的政策').enterprise).toBe('阿坝嘉绒锅庄艺术团');
  });
  it('rounds 182–197: a name with its trade or kind closing a message or opening it before a space or a colon, where nothing else names one', () => {
    for (const [text, name] of [
      ['工地有二十几个民工讲分包老板走佬，冇发工资，而家堵住大门唔俾车出入，已经报咗警。清远安居建设', '清远安居建设'],
      ['城固二里镇我们猕猴桃基地那段机耕路，一下雨就成烂泥塘，冷链车开不进去。二里坝果业', '二里坝果业'],
      ['隔壁在我们墙根底下挖地基 挖得好深 也没做支护 我们老宅是明代的木结构 墙已经开始歪了 西溪南的枫杨山房', '枫杨山房'],
      ['景区前面那段路积雪一直没人清，游客的车打滑好几辆了，能不能明天之前清出来 —— 滦平的长城脚下客栈', '长城脚下客栈'],
      ['隔壁养殖场的粪水流我们地里了，说了好几回没人管，我们是泰来县的绿禾有机农场', '绿禾有机农场'],
      ['陇上人家农家乐 自来水停了两天了，一滴水都莫得，客人全走了', '陇上人家农家乐'],
      ['雅州边茶坊：抖音上有人盗用我们的视频和商标卖散茶，这个事归哪个管哦', '雅州边茶坊'],
      ['呈坎的菊香园加工厂 烘菊花要用天然气 燃气公司说管道没到我们这', '菊香园加工厂'],
    ] as const)
      expect(read(text).enterprise, text).toBe(name);
    // (a clause, a place, an office or a neighbour's children at either end is no name)
    for (const text of ['能不能帮我们对接一下本地的整车厂，我们做的线束完全可以配套', '厂区附近治安差，成日有人偷电缆', '手机屏幕的玻璃盖板想进本地的供应链，咋对接园区的龙头厂',
      '希望下周三能通水，周四设备进场', '想问有冇其他方式，例如合作建厂', '八十几个工人无出粮，而家聚集喺镇政府门口 —— 普宁某镇劳动保障所', '能不能帮忙从别的乡镇组织点劳务',
      '老闵行那边我们厂的电表是老式的，能不能安排在不生产的辰光', '园区里员工的娃娃上幼儿园 最近的公办园在二十公里外'])
      expect(read(text).enterprise, text).toBeNull();
  });
  it('rounds 198–204: the name opening the message or after 我们, glued to what it says, read by its trade or kind where nothing else names one', () => {
    for (const [text, name] of [
      ['我们武宣鑫源养殖场旁边的村民天天投诉讲有臭味，想请镇里出面调解下', '武宣鑫源养殖场'],
      ['我们晋城凤台铸锻新上的中频炉要双回路供电，能不能想办法12月20号前给通上', '晋城凤台铸锻'],
      ['我们交城的天宏精铸今年招了十几个大学生，县城租房太贵住不下', '天宏精铸'],
      ['柳林枣韵坊申请的商标变更和食品生产许可变更两个同时在办，能不能并联？', '柳林枣韵坊'],
      ['五大连池火山泉饮品二期项目的用地卡在永久基本农田上了', '五大连池火山泉饮品'],
      ['代县聚鑫选矿厂门口今儿早上又让周边村民把路堵了，矿车一辆也出不去', '代县聚鑫选矿厂'],
    ] as const)
      expect(read(text).enterprise, text).toBe(name);
    // (a product and its kind, a clause, a park or the rest of a word is no name)
    for (const text of ['我们胡椒合作社想贷款买台烘干机，信用社讲要抵押', '我们兴国的红薯干厂想去参加下个月广州的农产品展销会', '甘蔗糖厂榨季开始了，园区集中供汽压力上不去',
      '盘山公路扩建工地在放炮，石头飞到我们厂房顶上了', '北滘工业园门口冇公交站，工人要行20分钟先到', '绿色工厂申报材料12月10日前要交', '退役军人开店是不是有税收减免',
      '我们是回乡办厂的，在阜南做柳编出口', '阮厝边的住户讲阮染整车间味道重，打12345投诉好几摆了', '我們察爾汗鉀肥配套項目的用地指標今年還能不能批下來？'])
      expect(read(text).enterprise, text).toBeNull();
  });
  it('rounds 198–204: a crowd is urgent when it does something, a count of staff is not; a site stood still (停起, 干不成活) and no water anywhere are', () => {
    for (const text of ['请问有冇企业可以租的会议场地？我们年会想搞一百几十人', '老厂不让扩、新厂没地，几十号人的饭碗悬着', '倒班工人的夜班通勤公交说要停，几十号人下了夜班咋回家',
      '路灯杆子去年让车撞倒了到现在没立起来，晚上客人都找不着门', '我们这一片手机信号好差 客人打电话都断线'])
      expect(read(text).urgency, text).toBe('normal');
    for (const text of ['几十个村民堵在厂门口不让车出去', '一帮人今朝拎住锄头嚟阻工', '施工挖出来一段老的输油管道，现在不敢挖了，工地停起等', '他们把塔吊都占了，今天干不成活了',
      '焊口探伤不合格，两家扯皮，活已经停了一礼拜了', '梵净山下我们几家民宿都莫得水了，从昨天早上到现在'])
      expect(read(text).urgency, text).toBe('urgent');
  });
  it('rounds 198–204: the weather and breakfast are chat; a body taking a ticket, the unsure ones asked of the machine, how to look one up, and why a level is wrong', () => {
    for (const [text, intent] of [
      ['各位领导辛苦 今天路滑 开车都慢点儿', 'chat'], ['大家吃早饭没得😂', 'chat'], ['今天好热啊 都11月了还三十度🥵', 'chat'], ['早上好，吕梁今天下雪了，大家路上慢些开', 'chat'],
      ['#225 紧急程度改一下 不是急的 企业说下个月解决就行', 'correct'], ['#130 这个不急的，是一般件，被标成紧急了', 'correct'],
      ['#224 我来 —— 爱辉区自然资源局 马强', 'claim'], ['#172 自然资源局接单', 'claim'],
      ['店小二 怎么查我报的问题到哪一步了？有没有什么口令', 'help'], ['机器人没识别准的那些，发我看一下，我来确认', 'triage'],
    ] as const)
      expect(read(text).intent, text).toBe(intent);
    // (the weather that stops work, a ticket asked after, an office waiting to take one are not)
    for (const text of ['今天好冷啊 我们厂的水管全冻住了', '大家注意安全 我们厂门口的路塌了']) expect(read(text).intent, text).toBe('report');
    expect(read('#172 企业等着自然资源局接单呢？').intent).not.toBe('claim');
  });
  it('round 198: a week and 一直 (all along) asks no date; Monday and 直接 still does', () => {
    for (const text of ['热源厂的蒸汽压力这礼拜一直不稳，我们烘干线老出毛病', '园区蒸汽压力这两周一直不稳 挤压线时好时坏', '打桩机进场一周一直闲着，窝工一天两万'])
      expect(read(text).deadline, text).toBeNull();
    expect(read('周一直接来厂里看看吧 电还没通').deadline).toBe('2026-11-23');
  });
  it('rounds 198–204: a closing name with its desk, a person, a plea or its role after it; 都 in a city’s name; 我们是 and a product’s kind is no name', () => {
    for (const [text, name] of [
      ['社保从柳州转防城港一直转不过来，员工意见好大。北部湾特钢人力部', '北部湾特钢'],
      ['生产线数据采集也停了 停产一个上午了 大洲燕坊 拜托快点抢修', '大洲燕坊'],
      ['现在工人讲要去县里信访，请人社局赶紧来人 我们是总包松桃金泰锰业', '松桃金泰锰业'],
      ['县里的职业学校能不能开个酿酒班？杏花村酒都酿造', '杏花村酒都酿造'],
    ] as const)
      expect(read(text).enterprise, text).toBe(name);
    expect(read('货丢了两箱不认账 打官司划不来 有调解的地儿不 俺们是水饺厂').enterprise).toBeNull();
  });
  it('rounds 206–209: a ticket asked after by who has it or by the enterprise, one’s own by its state; a claim with its number; how to put a problem to the bot; 艾都, 竹艺 and 汝瓷 in names', () => {
    for (const [text, intent] of [
      ['#188 哪个在办 么进度', 'query'], ['铜川华塬水泥的单子现在啥情况', 'query'], ['我们华瑞报的那个补贴单现在什么状态？', 'query'], ['这个192号我认领了', 'claim'],
      ['新来的 请问这个群里的机器人么样提问题？要@它吗', 'help'], ['吃了没 今儿食堂有洋芋擦擦', 'chat'], ['辛苦各位专员了，这个月大家干得都不赖', 'chat'],
    ] as const)
      expect(read(text).intent, text).toBe(intent);
    for (const [text, name] of [
      ['我们是蕲春的艾都艾灸用品厂，年底订单多，想招30个缝制工', '艾都艾灸用品厂'], ['我们浠水的楚乡竹艺想参加明年的广交会', '楚乡竹艺'], ['有人在网上冒用俺们华亿汝瓷的名头招代理骗钱', '华亿汝瓷'],
      ['宿舍不够住，榨季来了三百多个季节工，能不能借用附近学校的空房？丰泽糖厂后勤', '丰泽糖厂'],
    ] as const)
      expect(read(text).enterprise, text).toBe(name);
  });
  it('rounds 206–209: some twenty people come to make trouble, a boiler already stopped, a farm surrounded by villagers and diggers kept off the site are urgent; a range (范围) is no crowd', () => {
    for (const text of ['对方喊了二十来个人到厂里闹 现在还没走', '今天清早锅炉已经停了 客人洗澡都没热水', '牛场叫村里几个人围了 说我们占了他们的草场', '村民讲组里没分下去，不肯让我们进场平整',
      '村民就不让我们的挖机进场，工期已经耽误一个月了', '我们一个工人出了车祸，家属要赔钱，今天来了十几个人在办公室闹，要请人来调解'])
      expect(read(text).urgency, text).toBe('urgent');
    for (const text of ['我们厂被划进城中村改造范围了，补偿标准按住宅算', '合作社的烘干场被划进河道管理范围了，说要拆', '我们跟装修公司有合同纠纷，现在两边僵着。想请政府出面调解一下', '他们两家闹矛盾好久了 想请调解'])
      expect(read(text).urgency, text).toBe('normal');
  });
  it('after a review of the thirty-seventh session’s rules against ordinary messages', () => {
    // the last readings of a name: no clause ending in 行 or 场, no verb phrase, no neighbour complained about, no kind of work
    for (const text of ['村口的桥塌了，车辆无法通行', '大雪封路，影响车辆通行', '接到报警后，民警已经赶往现场', '这个收费标准有争议，暂缓执行', '设备检修完毕，目前平稳运行',
      '要进一步转变作风，切实优化营商环境', '社保的事情，联系公司人力部', '客人投诉噪音，已告知酒店前台', '天天半夜吵得睡不着，楼下的麻将馆', '污水流得满地都是，隔壁的洗车店',
      '隔壁工厂这边天天半夜开工，吵死了', '楼上公司 漏水到我们这了', '原料厂那边停产了，我们断料了', '安全培训 下周三开始 请各企业派人参加', '设备有问题，机器已返厂',
      '健身器材坏了好久没人修 老年活动场所', '申请材料已经提交，请审核。农村合作社'])
      expect(read(text).enterprise, text).toBeNull();
    // a body asked to take a ticket is a transfer, not a claim
    for (const text of ['#172 建议住建局接', '#172 应该由住建局接', '#172 请住建局接', '#172 转自然资源局接']) expect(read(text).intent, text).toBe('transfer');
    // a crowd before what it does, a call that cannot be made in danger, a lamp post on a car: urgent
    for (const text of ['厂门口来了几十个村民，说我们污染了他们的田', '上百名业主因为延期交房情绪很大，现场很乱', '几十个村民挡着挖掘机，工程没法推进',
      '电梯里的应急电话断线了，有人被困在里面', '路灯杆被大货车撞倒了，砸在一辆小轿车上，里面还有人'])
      expect(read(text).urgency, text).toBe('urgent');
    for (const text of ['饮水机都没水了，谁去换一桶', '河里都没水了，今年的灌溉怎么办', '这几天下雨干不成活，工期要往后推了']) expect(read(text).urgency, text).not.toBe('urgent');
    // the cold that is a problem, a meal that is one, a government service looked up: reports
    for (const text of ['今天好冷啊 车间的水管冻爆了 生产用水都没了', '今天冷啊，暖气还不来，老人受不了', '各位领导慢点开，大桥那段结冰了，已经有车滑到沟里了',
      '工地工人吃饭没着落，老板跑了', '园区没有食堂，员工吃饭没地方', '怎么查社保缴费记录？教教我'])
      expect(read(text).intent, text).toBe('report');
    // Monday and 直播 or 直营 is still Monday
    expect(read('我们下周一直播带货，能不能请领导来站台').deadline).toBe('2026-11-30');
  });

  it('a day a loan or a licence runs out on is not asked for, yet makes the report urgent when it is near; a limit before it is asked', () => {
    // (REF is Monday 2026-11-23)
    for (const text of ['建行那笔3000万流贷12月10号到期，续贷材料交上去两个礼拜了，银行一直讲在走流程', '我们12月3号有一笔四百万到期 银行讲续是能续 就是要先还',
      '安全生产许可证换证 证12月31号就到期了 能不能帮协调一下', '外籍工程师的工作居留许可下个月3号到期 延期手续不清楚'])
      expect(read(text).deadline, text).toBeNull();
    expect(read('缅甸籍员工的工作许可明天到期，续签还卡在体检报告上')).toMatchObject({ deadline: null, urgency: 'urgent' });
    expect(read('贷款后天就到期，续贷审批还卡在分行，资金链会断')).toMatchObject({ deadline: null, urgency: 'urgent' });
    // the limit asked, before the day it runs out on
    expect(read('签证12月10号到期 能不能本周五前帮着问清楚').deadline).toBe('2026-11-27');
    expect(read('贷款12月10号到期，请帮忙在到期前协调一下续贷').deadline).toBe('2026-12-10');
    expect(read('证后天到期，到期就得停机，请务必后天之前批下来').deadline).toBe('2026-11-25');
    // 协调一下 then 月底, not 下月底
    expect(read('续贷材料交了两个礼拜了，麻烦协调一下月底前能续上').deadline).toBe('2026-11-30');
  });

  it('works that stall or dig the gate open are construction, a broken guardrail is infrastructure, an unpaid supplier is finance, a land title not issued is land, a rent raised against the contract is a dispute', () => {
    for (const text of ['厂区道路施工进度太慢，讲好十月完工，现在一半都没搞完，施工方一天只来三四个人', '园区道路施工把我们厂的围墙挖倒了一段，施工方说要等甲方定方案才能修',
      '园区统一做的雨污管网施工把俺们厂门前挖开半个月了，一直没回填，扬尘大得很'])
      expect(read(text).category, text).toBe('construction');
    // (a crew asking for its pay is not the works)
    expect(read('之前的土建施工队说我们少给了工程款，现在天天在网上发帖子骂我们').category).not.toBe('construction');
    for (const text of ['俺们民宿门口那条盘山路护栏缺了一截 黑了开车怕掉沟里 这是安全隐患', '园区的路晚上一盏灯都么有 路边沟也么盖板 安全隐患太大'])
      expect(read(text).category, text).toBe('infrastructure');
    expect(read('我们工地挨着国道，防护栏被车撞坏了一截，工人在里头干活').category).toBe('construction');
    for (const text of ['我们给县医院食堂供的蔬菜款 欠了一年多了 八十多万', '给一家大超市供货，货款压了半年快三百万了，资金转不开，能不能帮着催催'])
      expect(read(text).category, text).toBe('finance');
    for (const text of ['有个客户拖着我们三十多万的货款不给，还反过来说质量有问题要退货，能不能帮着调解一下', '我们跟村集体签的土地流转合同，换了村干部以后说不算数了要重新签，租金还要翻一倍'])
      expect(read(text).category, text).toBe('dispute');
    expect(read('村里要收回我们租的那块地 说要统一规划 合同还有五年呢').category).toBe('land');
    expect(read('我们拿地的出让金早就交清了，不动产权证到现在都还莫办下来，银行说拿不到证贷款就批不了').category).toBe('land');
  });

  it('a ticket taken and closed at once, whether it was taken, overdue and why, an enterprise pressing the cadre, anything moved, a transfer told then reopened', () => {
    expect(read('#101 已签收并办结，企业的问题当场解答了').intent).toBe('resolve');
    expect(read('#88 签收了没有').intent).toBe('query');
    expect(read('#107 都超期三天了，么回事？').intent).toBe('urge');
    expect(read('工单#121 到底什么时候能批？企业天天打我电话').intent).toBe('urge');
    expect(read('#305 现在到哪一步了？企业天天打电话问我').intent).toBe('query');
    expect(read('#129 今天有动静冇').intent).toBe('query');
    expect(read('第120号问题说转给自然资源局了，一个月没人联系我们，也没解决，重新打开吧').intent).toBe('reopen');
  });

  it('corrections: the level misjudged as not urgent with 的, the name put down then the name it is, the category wrong then what it is', () => {
    expect(parseCorrection(normalizeText('#99 紧急程度标错了，不是紧急的，企业就是咨询一下'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('#146 企业弄错了，报的是金昌恒泰建安，实际是金昌恒泰建材，改一下'))).toEqual({ field: 'enterprise', name: '金昌恒泰建材' });
    expect(parseCorrection(normalizeText('#56 类别整错了，这不是融资的事，是政策兑现，改一下'))).toMatchObject({ field: 'category', to: 'policy' });
    expect(read('#56 类别整错了，这不是融资的事，是政策兑现，改一下').intent).toBe('correct');
  });

  it('明个 and 后个 are tomorrow and the day after; villagers 堵到起 or 围到了 are a crowd acting', () => {
    expect(read('明个上午之前必须把水给俺们接上！新车间设备都到了，就差自来水没通，后个要试生产')).toMatchObject({ deadline: '2026-11-24', urgency: 'urgent' });
    expect(read('证明个人身份的材料要哪些').deadline).toBeNull();
    expect(read('厂门口今天又有十几个村民堵到起，车子进不去也出不来，麻烦来人').urgency).toBe('urgent');
    expect(read('竹编厂被十几户村民围到了，说我们的运输车压坏了村道要赔钱').urgency).toBe('urgent');
  });

  it('special-purpose vehicles, refractories and antimony are trades; whose supplier one is (X配套) comes before the name', () => {
    expect(read('金龙特种车有批森林消防车想进省应急厅的采购目录，有没有推介的渠道').enterprise).toBe('金龙特种车');
    expect(read('有个越南客户想订50台洒水车，楚胜环卫这边从来冇做过出口，不晓得么样搞').enterprise).toBe('楚胜环卫');
    expect(read('锑锭出口配额今年用完了，欧洲客户又下了单，想请商务局帮忙争取点。锡矿山鑫星锑品').enterprise).toBe('锡矿山鑫星锑品');
    // (a tanker or a chassis is a truck's, not a trade)
    expect(read('污水管网没接通，我们每天拉罐车外运，一吨八十').enterprise).toBeNull();
    expect(read('涟钢配套的宏达耐材，有个问题：银行续贷要我们补抵押物').enterprise).toBe('宏达耐材');
    expect(read('员工子女入学的事，能不能按人才政策统筹一下 -- 三一配套 娄底精工液压').enterprise).toBe('娄底精工液压');
    expect(read('泰州天鸿船舶配套 新车间行车梁安装，监理说施工单位资质是挂靠的').enterprise).toBe('泰州天鸿船舶配套');
  });

  it('the review of the session: a limit before an expiry said in other words, 万一 or 统一 before 下月底, 查明个中, closes that mention a pressing enterprise, 已签收并答复, traffic and fences, a builder who says something, a machine guard, subsidies and bills, prices in a contract, a description for a name', () => {
    for (const [text, want] of [['贷款下周二到期，在此之前能不能续上', '2026-12-01'], ['贷款下周二到期，请赶在到期日前批下来', '2026-12-01'], ['执照12月10号到期，需要在到期之日前办完延续', '2026-12-10'],
      ['证照12月10号到期，要在那天前换好', '2026-12-10'], ['星期五到期，之前必须办好', '2026-11-27'], ['万一下月底前还批不下来，贷款就断了', '2026-12-31'], ['我们打算统一下月底前申报', '2026-12-31']] as const)
      expect(read(text).deadline, text).toBe(want);
    expect(read('请查明个中原因')).toMatchObject({ deadline: null, urgency: 'normal' });
    // what follows if nothing is done, on a day (明天就要停产, 后天就要装船): at stake, not asked for, and urgent
    for (const text of ['原料送不进来，明天就要停产了，麻烦交通局马上来抢通', '要办出口的检验检疫备案，后天就要装船了，备案还没下来']) expect(read(text), text).toMatchObject({ deadline: null, urgency: 'urgent' });
    for (const text of ['#121 企业天天打我电话，我已经答复他们了，办结', '#121 企业天天打我电话，现在问题解决了，可以结单了']) expect(read(text).intent, text).toBe('resolve');
    for (const text of ['#12 已签收并答复企业，明天去现场核实', '#12 已认领并答复，后续跟进中']) expect(read(text).intent, text).not.toBe('resolve');
    for (const text of ['早上人多车多堵起了，员工都迟到了', '园区那块空地被人围起了，准备建停车场']) expect(read(text).urgency, text).toBe('normal');
    for (const text of ['施工方说要先办环评才能动工', '施工单位说图纸审查没通过，要重新出图']) expect(read(text).category, text).toBe('approval');
    expect(read('车间里的设备护栏坏了，需要申请技改补贴').category).not.toBe('infrastructure');
    for (const text of ['区里答应的技改奖励款拖了半年', '县里的招商引资奖励款一直不给兑现']) expect(read(text).category, text).toBe('policy');
    for (const text of ['电价涨了，合同上写的是固定价', '天然气涨价了，合同签的是一年不变']) expect(read(text).category, text).toBe('utilities');
    expect(read('货款回不来，想申请质量提升补贴').category).not.toBe('dispute');
    expect(parseCorrection(normalizeText('#146 企业搞错了，报的是金昌恒泰，其实是他们隔壁那家'))).toBeNull();
    expect(parseCorrection(normalizeText('#99 紧急程度标错了，应该是紧急的'))).toEqual({ field: 'urgency', to: 'urgent' });
  });

  it('a reopen declined or asked about is not one given', () => {
    expect(read('#120 不要重新打开').intent).not.toBe('reopen');
    expect(read('#120 要不要重新打开？').intent).toBe('query');
    expect(read('#120 不用重新打开了，企业已经解决').intent).not.toBe('reopen');
    for (const text of ['#120 重新打开', '#120 需要重开', '#120 没解决，重新打开吧']) expect(read(text).intent, text).toBe('reopen');
  });
  it('after the models were retrained on rounds 212–218: the rules, not the learned fallback, read a list of what is due soon and a third party\'s promise to redo the work', () => {
    expect(read('今天有哪些快到期的？').intent).toBe('query');
    expect(read('明天有哪些要到期的').intent).toBe('query');
    expect(read('#23 供电所说明天重新修').intent).toBe('progress');
    expect(read('#31 施工方答应下周重新铺').intent).toBe('progress');
    expect(read('#23 还没好 施工队说了重新修 到现在没人来 重新弄吧').intent).toBe('reopen');
  });
  it('whether it was taken, asked and pressed; a category correction whose new category is not one of ours is not read as the one it says it is not', () => {
    expect(read('#88 签收了没有？都三天了').intent).toBe('urge');
    expect(read('#88 签收了吗？企业在催').intent).toBe('urge');
    expect(read('#88 签收了没？谁负责的').intent).toBe('query');
    expect(parseCorrection(normalizeText('#12 类别整错了，这不是用地，是规划'))).toMatchObject({ field: 'category', to: 'approval' });
    expect(parseCorrection(normalizeText('#66 不是用地问题，是环评，分类改一下'))).toMatchObject({ field: 'category', to: 'approval' });
    expect(parseCorrection(normalizeText('#12 类别整错了，这不是用地，是水利'))).toBeNull();
  });
  it('rounds 219–224: trades of Lincang, Heyuan, Fuyang and Changzhi; help, lists and chases in Cantonese; the level changed with its reason; payments due on a day are at stake, not asked; categories the writers drew', () => {
    expect(parseEnterprise(normalizeText('临翔区的恒坚坚果想参加下个月昆明的农博会'))).toBe('恒坚坚果');
    expect(parseEnterprise(normalizeText('东源蓝溪饮用水 二期灌装线环评批复能不能周三前出'))).toBe('东源蓝溪饮用水');
    expect(parseEnterprise(normalizeText('界首恒昌再生资源二期那块地，说挂牌说了几回了'))).toBe('界首恒昌再生资源');
    expect(parseEnterprise(normalizeText('今年坚果丰收了，库里压了三百吨卖不出去'))).toBeNull();
    expect(read('店小二你识做咩㗎？点样报问题？').intent).toBe('help');
    expect(read('第101号都超期了，点解仲未有人跟？').intent).toBe('urge');
    expect(read('我的超期单列出来').intent).toBe('query');
    expect(read('这个群里不要发广告啊 谢谢配合').intent).toBe('chat');
    expect(parseCorrection(normalizeText('#143 紧急程度改一下，企业已经停产了，是急件'))).toEqual({ field: 'urgency', to: 'urgent' });
    const loan = read('银行突然抽贷800万，话我哋行业风险高，下周一就要还，而家工资都发唔出');
    expect([loan.deadline, loan.urgency]).toEqual([null, 'urgent']);
    expect(read('应收账款收不回来 明天就是发薪日 两百多号工人工资发不出来').deadline).toBeNull();
    expect(read('外贸单子周四要出柜，车间停电了，能不能周三前恢复供电').deadline).toBe('2026-11-25');
    const cat = (t: string) => read(t).category;
    expect(cat('十万火急：煤层气集输管线叫人挖断了，整个井区停产，下游燃气也断供了，请马上协调抢修')).toBe('utilities');
    expect(cat('下游车企拖着我们600多万货款，账上只剩几十万，原材料款明天就得付')).toBe('finance');
    expect(cat('我们跟园区管委会签的厂房租赁合同，约定前三年免租，现在新领导说要收租金，这怎么办')).toBe('dispute');
    expect(cat('尾矿库扩容需征用周边山林约60亩，补偿协议谈了半年谈不拢，请乡里帮着做做群众工作')).toBe('land');
    expect(cat('新能源改装车的公告目录申报，材料递到省工信厅两个月了没回音')).toBe('approval');
    expect(cat('厂里有块地当年是划拨的，现在想抵押贷款，银行说要补出让手续')).toBe('land');
    expect(cat('我们厂有个员工失联三天了，家属来厂里找人，我们已经报警')).toBe('other');
    expect(cat('新车间的安评和职业病危害预评价要不要同时做')).toBe('approval');
    expect(read('镇上说这块地要征了修路，推土机今个清起来就开进来了，还在推').urgency).toBe('urgent');
  });
  it("the thirty-ninth session's review: a day asked of someone to pay, 还 as still, group manners before a report, a correction's words of other categories, haste denied, a redo promised and not kept, drains and site levelling, funds allotted, green-power projects, donated-school works, networks, prices, goods of a kind", () => {
    for (const [text, day] of [
      ['厂里资金紧张，能不能这周五就付？工程款欠了半年', '2026-11-27'],
      ['请财政12月5号要付清拖欠的货款', '2026-12-05'],
      ['能否在下周三就还我们投标保证金', '2026-12-02'],
      ['希望财政明天就付', '2026-11-24'],
      ['超市资金周转不过来了 能不能帮忙跟银行说一下 下周一要付供应商的货款', null],
      ['下周二要还没批下来的话就停工了，请帮忙催一下审批', '2026-12-01'],
    ] as const) expect(read(text).deadline, text).toBe(day);
    expect(read('群里别刷无关的了，我们厂的电到现在还没通').intent).toBe('report');
    expect(read('群里不要发无关内容，我们园区路灯坏了一个月了').intent).toBe('report');
    expect(parseCorrection(normalizeText('#12 类别改为规划用地'))).toMatchObject({ to: 'land' });
    expect(parseCorrection(normalizeText('#12 类别改为消防安全'))).toMatchObject({ to: 'construction' });
    expect(parseCorrection(normalizeText('#12 类别改为道路规划'))).toMatchObject({ to: 'infrastructure' });
    expect(read('#12 签收了吗？这个不急').intent).toBe('query');
    expect(read('#12 签收了吗？企业说不着急').intent).toBe('query');
    expect(read('#12 你们说重新修，到现在都没人来').intent).not.toBe('progress');
    expect(read('#12 上次说重新弄，一个月了都没动静').intent).not.toBe('progress');
    for (const text of ['这个项目还在推进，审批手续比较慢', '推土机进场平整场地，施工许可还没批下来', '村民反映门口的下水道都堵了三天', '工人宿舍的厕所已经堵了两天']) expect(read(text).urgency, text).toBe('normal');
    const cat = (t: string) => read(t).category;
    expect(cat('财政奖补资金一直没有划拨，说要我们补交材料')).toBe('policy');
    expect(cat('绿电直供项目的用地审批卡住了')).not.toBe('utilities');
    expect(cat('捐建学校的项目，规划许可批不下来')).toBe('approval');
    expect(cat('员工突发疾病住院，医保报销办不下来')).not.toBe('other');
    expect(cat('员工宿舍的网络失联了')).not.toBe('other');
    expect(cat('坚果价格谈不拢，能不能帮忙对接收购商')).not.toBe('dispute');
    for (const text of ['散装坚果卖不出去，库里压了三百吨', '野生茶油想申请地理标志', '桶装饮用水配送车进不了园区', '废旧再生资源回收站想办个许可证']) expect(parseEnterprise(normalizeText(text)), text).toBeNull();
  });
  it('the enterprise named after 企业是, at the end or at the start', () => {
    expect(read('煤层气管道被挖断了，今天下午之前必须恢复。企业是长治锂晟能源').enterprise).toBe('长治锂晟能源');
    expect(read('企业是天赐生态科技，厂区停电两天了').enterprise).toBe('天赐生态科技');
    // who is affected is no name
    expect(read('园区停电两天了，受影响的企业是好几家').enterprise).toBeNull();
  });
  it('the close in two words then what was done; still not done, or back again, with a number', () => {
    expect(read('结了 第115号 已协调银行续贷到位').intent).toBe('resolve');
    expect(read('#115 结了 已协调银行续贷到位').intent).toBe('resolve');
    expect(read('#115 结了吗').intent).toBe('query');
    // "搞定" inside "还是没搞定" is no close
    expect(read('#126 还是没搞定').intent).toBe('reopen');
    expect(read('工单 126 还是冇搞定，围挡又倒了').intent).toBe('reopen');
    // the fix held up as said and failed (伓: 不 in Fuzhou speech)
    expect(read('#137 问题又出现了 今旦又断网 伓是修好了吗').intent).toBe('reopen');
    expect(read('#12 修好了吗').intent).toBe('query');
  });

  it('the enterprise set at the end after why, in a name the parser does not know as one', () => {
    expect(parseCorrection(normalizeText('#170 这不是这家企业的问题，是另外一家的，企业改成华源填料'))).toEqual({ field: 'enterprise', name: '华源填料' });
    expect(read('#170 这不是这家企业的问题，是另外一家的，企业改成华源填料').intent).toBe('correct');
    // a way of handling it is no name
    expect(parseCorrection(normalizeText('#12 这个要跟进，企业改成线上办理'))).toBeNull();
  });

  it('hot work beside fuel, a shock, a crowd at the gate, a valve shut, a crane that still lifts: urgent', () => {
    for (const text of [
      '施工单位在厂房边上违规动火切割，旁边就是打火机成品仓库，一堆丁烷，喊了好几次都不停！邵东光华烟具',
      '工地临时用电线路私拉乱接，昨天有个工人被电了一下，幸好冇大事，请安监站来检查一下',
      '隔壁村里讲我们抽地下热水把他们的井搞干了，今天又来了一车人要说法，在门口喊',
      '房东要涨一倍租金，不同意就断水断电，昨天真的把总水阀关了',
      '塔吊司机讲回转机构有异响，检测单位要下周才来，现在还在吊，心里发慌',
    ]) expect(read(text).urgency, text).toBe('urgent');
    // a shock long past, argued over as compensation
    expect(read('去年有个工人被电伤了，家属要按工伤赔，想请司法所调解').urgency).toBe('normal');
  });

  it('a call asked for back, between people, is chat; a body that does not answer its phone is a report', () => {
    expect(read('@王芳 你电话打不通 有空回个电话').intent).toBe('chat');
    expect(read('王科 有空回个电话').intent).toBe('chat');
    expect(read('供电所电话一直打不通，请让他们回个电话').intent).toBe('report');
  });
  it('a place, 这边 or 那边, then the name without 的', () => {
    expect(read('我们吉州区这边瑞丰印务的网络老是断，电信的专线报修三次了').enterprise).toBe('瑞丰印务');
    expect(read('潘集那边恒泰洗煤厂今早7点多停电了到现在没来，洗煤线全停着').enterprise).toBe('恒泰洗煤厂');
    expect(read('我们园区这边新来的电子厂都说停电').enterprise).toBeNull();
  });
  it('names after a two-character county, after 区里的, and before what a trade name is followed by (接了, 冷库, 产品)', () => {
    expect(read('代县晋北铸业：市里那个重点项目的设备款，总包单位欠我们三百二十万').enterprise).toBe('代县晋北铸业');
    expect(read('代办员反映：宏达化工的环评卡住了').enterprise).toBe('宏达化工');
    expect(read('应县的大地瓷业接了个中东的订单，出口报关一点经验也没有').enterprise).toBe('大地瓷业');
    expect(read('朔州经济开发区里的鼎盛乳业门口没有停车位，送奶车只能停路边').enterprise).toBe('鼎盛乳业');
    expect(read('原平市的天和果业冷库附近的排洪沟好多年没清了').enterprise).toBe('天和果业');
    expect(read('静乐天润藜麦的产品想进县里的消费帮扶专柜').enterprise).toBe('静乐天润藜麦');
    expect(read('定襄宏锻法兰新厂房施工，塔吊基础旁边挖出一口老井').enterprise).toBe('定襄宏锻法兰');
  });

  it("who took an enterprise's ticket, asked; the weather and a word of care; agreement", () => {
    expect(read('怀仁鑫磊陶瓷那个停电的单子谁接了？').intent).toBe('query');
    expect(read('我们昌盛铜业报的那个扩容的单子有冇人接？').intent).toBe('query');
    expect(read('今儿下雪了，路上都慢点开').intent).toBe('chat');
    expect(read('哈哈 那可不是哩').intent).toBe('chat');
    expect(read('下雪了路上结冰没人撒盐，车都开不上来').intent).toBe('report');
  });
  it('people who surround the gate or block the road, and a quarrel with its cause, are a dispute; a handover with its taker asked to sign is a transfer', () => {
    expect(read('周边村民说我们电石厂冒黑烟 今天早上一百多人把厂门围了 车出不去也进不来 还把我们保安打了').category).toBe('dispute');
    expect(read('村民今儿一早把我们矿上运煤的路口堵了，说是拉煤车扬尘，二十几个人围着，车一辆也出不去').category).toBe('dispute');
    expect(read('跟隔壁塑料厂因为围墙边界吵起来了，人家把我们的排水沟给堵了').category).toBe('dispute');
    // a road blocked by no one in a quarrel stays a road
    expect(read('厂门口的路被大雪堵了，车出不去').category).toBe('infrastructure');
    expect(read('#158 这个是环评的事 转生态环境局 @马海燕 麻烦签收一下').intent).toBe('transfer');
    expect(read('#12 麻烦签收一下').intent).toBe('claim');
  });
  it("after a review of the fortieth session's rules against ordinary messages", () => {
    // a note of work done that names how it is handled is no new enterprise
    for (const text of ['#12 已对接银行，企业改成信用贷款', '#22 电话联系了，企业改成周五来办', '#25 沟通好了，企业改成走绿色通道']) {
      expect(parseCorrection(normalizeText(text)), text).toBeNull();
      expect(read(text).intent, text).not.toBe('correct');
    }
    expect(parseCorrection(normalizeText('#175 不是咸安的，是通山的企业，企业名改成通山县绿源竹炭'))).toEqual({ field: 'enterprise', name: '通山县绿源竹炭' });
    // a protest at the close is no close
    expect(read('#12 结了，但是电压还是不稳').intent).toBe('reopen');
    expect(read('#12 结了 凭啥就结了 我们不同意').intent).toBe('reopen');
    expect(read('#12 结了 谁同意的').intent).not.toBe('resolve');
    // a cadre's own note that it is not done yet is progress
    expect(read('#12 跟住建局沟通了，还是没有搞定，继续协调').intent).toBe('progress');
    expect(read('#12 还是没有搞定，明天再去一趟').intent).toBe('progress');
    // permits, past shocks, visitors and a valve one shut oneself are not urgent
    for (const text of [
      '我们想申请动火作业许可，车间附近有储罐，需要什么手续',
      '焊接车间旁边的储罐区想扩建，环评怎么办',
      '招商团今天来了两车人，在门口等着，能不能安排个讲解员',
      '今天已经把阀门关了，漏水止住了，麻烦派人来修一下',
      '上个月有个师傅被电了一下，后来整改了线路，想申请安全生产补贴',
    ]) expect(read(text).urgency, text).toBe('normal');
    expect(read('下雪了，路上都慢点开，货车进不来').intent).toBe('report');
    // 单位是 names others (the winning bidder, the designer)
    expect(read('中标单位是华建市政工程，路修了一半停了').enterprise).toBeNull();
    // 分类 inside a word is no request for numbers
    expect(read('垃圾分类的问题是不是归城管管').intent).toBe('report');
  });

  it('rounds 226–232 joined: what the retrained models left to the rules (venture capital, the permits of an addition, a dorm without hot water, smelters and car dealers)', () => {
    expect(read('我们做氟化工废气回收装置的，想找几家风投谈谈，政府有没有组织路演啥的？ 阜新净氟环境科技').category).toBe('finance');
    expect(read('我们想在厂区加建一个连廊，需要办什么手续，找哪个部门').category).toBe('approval');
    // (the land's own permits stay land's)
    expect(read('酒厂窖池扩建要占旁边一块林地，林地征占的手续咋个办').category).toBe('land');
    expect(read('夜班女工多 园区宿舍没有热水 冬天来了员工天天投诉 宿舍是园区统一管的 能不能改造一下 嘉善宏利机械').category).toBe('talent');
    expect(read('宁夏鑫达冶金 铁合金技改项目的节能审查 发改说要等自治区能耗指标下来才能批').enterprise).toBe('宁夏鑫达冶金');
    expect(read('平顶山新华区的兴旺汽贸 俺们的4S店在规划路上要拆迁 补偿方案一直没出来').enterprise).toBe('兴旺汽贸');
  });

  it('rounds 233, 235, 237 and 239: names with their trade at the head, a name closing the message after one of a kind, a number opening a rating or a claim, corrections in plain words, chat among colleagues, a weekday something was handed in on', () => {
    for (const [text, name] of [
      ['川盐老号想申报今年省级专精特新，系统里研发投入那个指标不晓得咋个填', '川盐老号'],
      ['巴蜀灯彩今年海外几个灯会的款子还有两百多万美元没收回来', '巴蜀灯彩'],
      ['蜀韵扎染有个员工的娃娃得了白血病，厂里想组织捐款', '蜀韵扎染'],
      ['恒泰制管厂区变压器冒烟了，电工已经拉闸，全厂停产', '恒泰制管'],
      ['成县金穗核桃这边烘干车间从昨晚到现在一直停电', '成县金穗核桃'],
      ['省上那个出口信用保险的保费补贴，我们今年交了四万多，去哪报？找不见人问。陇上香橄榄油', '陇上香橄榄油'],
      ['广东一家连锁超市想要我们的长粒香 但要求全程冷链加溯源码 我们整不了 能不能帮对接个物流 宝清县稻花香米业', '宝清县稻花香米业'],
    ] as const) expect(read(text).enterprise, text).toBe(name);
    // (a thing of the problem with 管道 is no name)
    expect(read('供暖管道老化，车间温度只有五六度，工人手都冻木了').enterprise).toBeNull();
    expect(read('7号给个五星⭐⭐⭐⭐⭐ 钱到账了 谢谢！')).toMatchObject({ intent: 'rate', ticket: 7 });
    expect(read('90我先认领了，看一下再说')).toMatchObject({ intent: 'claim', ticket: 90 });
    expect(read('44号咋样了 有进展么')).toMatchObject({ intent: 'query', ticket: 44 });
    expect(read('#119 还是没批下来 别给我办结了啊！重新搞').intent).toBe('reopen');
    expect(parseCorrection(normalizeText('#129 紧急程度标错了，这个不急，企业说年后再说'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('#145 不是我们公司的问题，是隔壁那家的，企业名称要改成勐海茗悦茶业'))).toEqual({ field: 'enterprise', name: '勐海茗悦茶业' });
    for (const text of ['@全体成员 周五下午区里组织政策宣讲会，有空的企业可以来听', '哈哈 老铁没毛病', '哪位知道明天的培训在哪个会议室？', '@刘专员 明天你过来的时候把那个表带上', '新来的同事大家欢迎一下 👏 @小马 以后成县这边的企业有事找他'])
      expect(read(text).intent, text).toBe('chat');
    expect(read('材料周一交的，市监局说要现场核查，能不能本周五前来核查').deadline).toBe('2026-11-27');
    expect(read('厂房屋顶积雪太厚 彩钢板都压弯了 怕塌 有没有专业清雪队伍 今天就得整').deadline).toBe('2026-11-23');
    // what the review found the new rules caught: an enterprise's question or request with a problem in it stays a
    // report; a cadre's note that it is not to be closed yet stays progress; a dorm without heating stays utilities; a
    // limit asked about is no day past; what others say must be done today is not asked for today
    for (const text of ['王科长 明天你过来的时候带上测电笔看看，车间电压一直不稳', '厂里新生产线投产了 感兴趣的可以来看看 就是门口的路一直没修 大车进不去', '谁知道办营业执照在哪个楼？跑了两趟都没找到', '李主任你来的时候把补贴申报表带过来，厂里还差这个表'])
      expect(read(text).intent, text).toBe('report');
    expect(read('#56 部门还没反馈，先别给我办结，等我补充材料').intent).toBe('progress');
    expect(read('#23 上回问咋样了，今天供电所已经来人换了变压器').intent).toBe('progress');
    expect(read('员工宿舍这周一直没暖气，供热公司说管道爆了').category).toBe('utilities');
    expect(read('申请表最晚周三交的吧？我们还差一个章').deadline).toBe('2026-11-25');
    expect(read('供电所师傅说今天得修到晚上十点，明天才能恢复生产').deadline).not.toBe('2026-11-23');
  });
  it('reads a neighbouring plant that keeps draining onto the reporter after being told as a dispute', () => {
    expect(read('邻厂的污水直接排到我们厂区 说了几次都不改 洛阳宏运物流这边仓库地面都泡了').category).toBe('dispute');
  });
  it('reads the notes, commands and questions of rounds 240, 242 and 244 as their writers meant them', () => {
    expect(read('118号 跟进情况：环保局答复资料还差一份检测报告，已通知企业补，预计下周能报上去').intent).toBe('progress');
    expect(read('#163 规划局答复要报省厅批，材料清单已经发给企业了').intent).toBe('progress');
    expect(read('＃129 给个好评，国土所的同志跑了三趟，蛮负责 五星').intent).toBe('rate');
    expect(read('#211 转消防大队 @陈队 专家上门由他们安排').intent).toBe('transfer');
    expect(read('工单112 已解决，企业现场确认了，请企业评价').intent).toBe('resolve');
    expect(read('我们公司今年报了几件问题？都办完了冇').intent).toBe('query');
    expect(read('昭通恒丰硅业那个停电的单子办到哪里了？').intent).toBe('query');
    expect(read('我们提的那个宿舍热水器的问题，格有人在管？').intent).toBe('query');
    expect(read('今天不在，明天回来再说').intent).toBe('chat');
    expect(read('谢谢各位帮忙，问题解决了，点赞👍🎉').intent).toBe('chat');
    expect(read('店小二你好，请问你可以帮我们做些哪样？').intent).toBe('help');
  });

  it('reads the level said among why after the urgency was misjudged, and none where both levels are said to be', () => {
    expect(read('#186 紧急程度改一下，不是一般，窑都停了，要加急').intent).toBe('correct');
    expect(parseCorrection(normalizeText('紧急程度改一下，不是一般，窑都停了，要加急'))).toEqual({ field: 'urgency', to: 'urgent' });
    expect(parseCorrection(normalizeText('这个紧急程度标错了，就是一般咨询，不是紧急'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度改一下，不是紧急的，正常就行'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度改一下，是一般还是紧急我也说不好'))).toBeNull();
  });

  it('names of rounds 242, 244 and 246: no time, no modal verb and no development zone is a name; a trade word whole; a site, a project office and a role after a signed name are not part of it', () => {
    expect(read('前年物流公司把我们的货弄丢了，官司打赢了但是执行不到钱，能不能帮协调一下法院。会泽滇凯烟草配套').enterprise).toBe('会泽滇凯烟草配套');
    expect(read('园区蒸汽供过来就120度 俺们热压机要150度的 只能自己烧锅炉 环保又不让 能不能协调热电厂提提参数').enterprise).toBeNull();
    expect(read('红果开发区这边的公交车只开到六点半，我们厂夜班工人下班只能走路一个多小时，能不能加一班晚班车').enterprise).toBeNull();
    expect(read('锅炉房的燃气早上突然停了，杀菌工段全停，着急死了！诺敏乳业（金川开发区）').enterprise).toBe('诺敏乳业');
    expect(read('我们陆良金鼎硅材料二期厂房的脚手架昨晚被大风吹歪了，请住建的来看一下').enterprise).toBe('陆良金鼎硅材料');
    expect(read('塔吊基础旁边有人在挖沟，施工单位说没得事 —— 昭通天盛硅业二期项目部').enterprise).toBe('昭通天盛硅业');
    expect(read('工人拉横幅讨薪，已经把大门堵死了，请劳动监察和派出所马上过来！——黔路建设 高铁新区项目经理').enterprise).toBe('黔路建设');
    expect(read('绿野果业下个月新厂投产，想搞个简单的仪式，想请区里领导来出席一下').enterprise).toBe('绿野果业');
    expect(read('乐陵枣乡情食品年底赶订单缺包装工三十来个，人社局那个招聘会啥时候办').enterprise).toBe('乐陵枣乡情食品');
  });
  it('categories of rounds 240–246: hands to hire and talent trained are talent; a road transport permit and a water-drawing permit approval; villagers digging up the road a dispute; a lease renewed land; R&D deductions, the central budget, rent relief and an energy price subsidy policy', () => {
    expect(read('年底订单多，想临时招五十个包装工，希望三天内能有人来，零工市场能不能帮发个信息 —— 昭通红富士果业').category).toBe('talent');
    expect(read('厂里缺个懂跨境电商运营的 招了半年招不着 区里有没有人才对接平台 —— 菏泽华裳国风').category).toBe('talent');
    expect(read('厂里十几个农民工想考焊工证 能不能年底前在俺们厂里安排一期培训 培训补贴咋申请也请讲讲 —— 聊城永固钢管').category).toBe('talent');
    expect(read('新招了几个残疾人员工，残保金能不能减免，要去哪里办').category).toBe('policy');
    expect(read('运煤车的道路运输证今天到期，系统一直提交不上去，车子明天就上不了路了 宣威市顺昌煤业运输有限公司').category).toBe('approval');
    expect(read('今天早上村民把我们的施工便道挖断了，说修路占了他们的地没给钱，车子进不了场 —— 威信县鸿达新能源').category).toBe('dispute');
    expect(read('俺们租的国有厂房到期了 国资公司说要收回重新招商 俺们在这干了十年了 设备一搬就废 能不能续租').category).toBe('land');
    expect(read('研发费用加计扣除的备案系统一直登不进去，税务热线一直占线，明天就截止了！安顺晶硅科技').category).toBe('policy');
    expect(read('六盘水对引进的航空配套企业有没有厂房租金减免？招商时说有的，现在问哪个都说不清楚。凉都航翼机电').category).toBe('policy');
    expect(read('人才公寓租金补贴，我们员工的申请被驳回了，说社保缴纳地不对 —— 岷江算力').category).toBe('talent');
    expect(read('问一下，今年陶瓷企业的天然气价格补贴还有冇？去年是按用气量补的').category).toBe('policy');
  });

  it('urgency of rounds 240–246: production stopped, the gas cut this morning, a shaken building, people at the gate, a bulldozer before help comes, rationing from tomorrow', () => {
    expect(read('乐平兴旺瓷土矿 采矿许可证延续被卡住了，矿山已经停了半个月，工人都回家了').urgency).toBe('urgent');
    expect(read('天然气今天早上突然断了，烤房全部熄火，三千斤牛干巴还在里面').urgency).toBe('urgent');
    expect(read('隔壁采石场放炮震得我们厂房墙裂了几条大缝，工人不敢在里面干活，请应急局来看！').urgency).toBe('urgent');
    expect(read('俺们工人下班出门叫外面一个包工头的人给打了 现在那帮人还在厂门口堵着').urgency).toBe('urgent');
    expect(read('推土机开到俺们厂院里了 说是拆违 正跟他们理论 再不来人墙就推了 —— 巨野新华木业').urgency).toBe('urgent');
    expect(read('燃气公司通知俺们明天起限气 说是保民用 俺们烘干窑一停 一窑板子全废了').urgency).toBe('urgent');
  });

  it('dates of rounds 242–246: 安排在 asks for the day (排在 inside it is no queue); a notice to us from tomorrow and a paper out next Tuesday are the others', () => {
    expect(read('论证会能不能安排在12月10号之前？ —— 昭阳区鲁家湾冷库').deadline).toBe('2026-12-10');
    expect(read('竣工联合验收能不能安排在下周五之前？设备已经到了').deadline).toBe('2026-12-04');
    expect(read('报修说排到周四才能来，能不能快点').deadline).toBeNull();
    expect(read('燃气公司通知俺们明天起限气 说是保民用').deadline).toBeNull();
    expect(read('财政说要审计报告，审计报告下周二出，能不能在12月10号前拨下来？年底要结账。').deadline).toBe('2026-12-10');
  });
  it('a count taken a share of is no ticket, and whether the one named has signed for it is a question', () => {
    expect(read('200我先认领了，剩下的你们分一下')).toMatchObject({ intent: 'chat', ticket: null });
    expect(read('200号我先认领了，剩下的你们分一下')).toMatchObject({ intent: 'claim', ticket: 200 });
    expect(read('90我先认领了')).toMatchObject({ intent: 'claim', ticket: 90 });
    expect(read('#12 已经转给住建局了 @王科 签收了没')).toMatchObject({ intent: 'query', ticket: 12 });
    expect(read('#12 @王科 签收了吗').intent).toBe('query');
  });

  it('after the review of the forty-second session: what the new rules took that they should not', () => {
    // a misjudged urgency: marked too high or too low says which way; 很急 denied, 等不急, 普通工人, 不急不行
    expect(parseCorrection(normalizeText('紧急程度标高了，企业不是很急'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度标错了，企业说没有很急，下个月弄都行'))).toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度改一下，企业等不急了，窑都停了'))).not.toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度改一下，都是普通工人，几十个人堵在门口了'))).not.toEqual({ field: 'urgency', to: 'normal' });
    expect(parseCorrection(normalizeText('紧急程度标低了，企业说不急不行'))).toEqual({ field: 'urgency', to: 'urgent' });
    // others' 安排在 / 安排到 stay their schedule; a paper wanted out by a day, and a notice asked for, are asked
    expect(read('供电所说维修师傅安排到下周四才能来，厂里等不了，能不能快点').deadline).toBeNull();
    expect(read('电力检修安排在本周四，到时候全厂停电，希望能换个时间').deadline).toBeNull();
    expect(read('环评批复最迟下周二出，不然设备进不了场，请帮忙协调').deadline).toBe('2026-12-01');
    expect(read('请尽快通知我们明天开始复工，整改都做完了').deadline).toBe('2026-11-24');
    // a number opening a claim with other matters after it is still the ticket's
    expect(read('90我先认领了，其他的问题下午开会再说')).toMatchObject({ intent: 'claim', ticket: 90 });
    // displeasure told in a transfer is no rating; the close with what the enterprise does itself is the close
    expect(read('#45 交给规划科的王科长，企业对第一次的答复不满意').intent).toBe('transfer');
    expect(read('#55 问题已解决，电已经通了，还差一份验收报告企业自己去办').intent).toBe('resolve');
    // a person's name before an office and a role is no enterprise
    expect(read('路灯坏了好几天了，请尽快修复 ——欧阳建国 县工信局企业科主任').enterprise).toBeNull();
    // a mine stopped for years, trucks queuing at the gate: not urgent
    expect(read('矿山已经停了好几年了，想申请土地复垦，手续怎么办').urgency).toBe('normal');
    expect(read('每天下午物流车还在大门口堵着等装货，能不能开个侧门').urgency).toBe('normal');
    // contractors to hire are no hands; villagers cutting a pipe building a house are no dispute
    expect(read('我们要招两家施工单位，招标流程能不能加快一点').category).not.toBe('talent');
    expect(read('村民盖房子把我们的水管挖断了，厂里已经停水一天了').category).toBe('utilities');
    // how many reported, told as a complaint, is a report
    expect(read('我们今年报了几个问题，到现在一个都没解决，太慢了').intent).toBe('report');
  });

  it('rounds 247 to 253: short replies, the unsure list, a close questioned, a note headed by its ticket', () => {
    // Henan's 中 for OK, thanks for concern, no hurry, talk later: chat
    for (const t of ['中中中，没问题', '冇事冇事，谢谢关心', '没要紧，慢慢来，辛苦了', '没事没事，有空再聊']) expect(read(t).intent, t).toBe('chat');
    // the tickets the bot was unsure of, asked in other words
    for (const t of ['有冇要我确认的单子？', '店小二，哪些问题你没判断清楚要人工确认的？列一下', '有哪些单子是店小二拿不准的？']) expect(read(t).intent, t).toBe('triage');
    // a close questioned, the problem still there: reopened, the ticket read even as a bare number and 号
    expect(read('31号燃气又漏了，点不着火，你们怎么就办结了？重新处理')).toMatchObject({ intent: 'reopen', ticket: 31 });
    expect(read('#12 么子办结了？路灯还是不亮，重新开起来')).toMatchObject({ intent: 'reopen', ticket: 12 });
    expect(read('62号问题俺们没法确认办结，供电所就来看了一眼，电压还是不稳，机器照样跳闸')).toMatchObject({ intent: 'reopen', ticket: 62 });
    // a note headed by what it is and the ticket; a list of what to bring sent is no close
    expect(read('进展 95号：住建局今天下午现场看了，施工方已整改围挡，明天复查')).toMatchObject({ intent: 'progress', ticket: 95 });
    expect(read('＃81 已约企业周四到行政审批局窗口面谈，材料清单已发给企业')).toMatchObject({ intent: 'progress', ticket: 81 });
    expect(read('#81 规划许可证今天已经发给企业').intent).toBe('resolve');
    // goods going back to their maker are no transfer; who has it, asked, is no claim; a period's overdue list is the leader's
    expect(read('领导，第35号那个扩容的事还得再催催，企业说再不通电设备就得退回厂家了')).toMatchObject({ intent: 'urge', ticket: 35 });
    expect(read('第76号现在谁在办？咋一直显示待签收')).toMatchObject({ intent: 'query', ticket: 76 });
    expect(read('发一下上周的超期清单').intent).toBe('digest');
  });

  it('rounds 247 to 253: Gan and Hakka 系 for 是, where it says what something is', () => {
    expect(read('61号不系问题，企业自己已经搞定了，撤销吧')).toMatchObject({ intent: 'correct', ticket: 61 });
    expect(read('125号企业名称错了，系赣州恒丰磁材，不系恒兴磁材')).toMatchObject({ intent: 'correct', ticket: 125 });
    expect(normalizeText('我们系亿家居，有个供应商')).toBe('我们是亿家居，有个供应商');
    // tying, a system, a Latin name after it: as written
    for (const t of ['工人不系安全带', '施工队安全绳都不系就上屋顶了', '我们系统坏了', 'Hi 我们系 JA Photonics 吉安晶瑞光电']) expect(normalizeText(t)).toBe(t);
  });

  it('rounds 247 to 253: names by an old shop suffix, by more trades, after a greeting; 帮忙 is no one asked for', () => {
    expect(read('我们赣州市鑫源磁业厂区附近晚上老有人偷电缆，报了派出所也冇下文，想请领导帮忙过问下治安').enterprise).toBe('赣州市鑫源磁业');
    for (const [t, e] of [
      ['石佛寺这边玉雕学徒越来越难招了，俺们翠缘阁想跟职校合作办个订单班', '翠缘阁'],
      ['俺们豫茗轩的抖音号叫人冒名注册了，用俺们的名头骗客户打款', '豫茗轩'],
      ['我们艾蒲堂的艾灸贴想办二类医疗器械注册，有没有人能指导一下', '艾蒲堂'],
      ['我们宛艾坊客户突然加单，5万盒艾灸条后天就得发，包装盒不够', '宛艾坊'],
      ['鹏达玻纤有几个外地员工想把户口迁过来，派出所讲要有房产', '鹏达玻纤'],
      ['恒达电声新车间主体完工了，外墙保温还冇做，承包商讲材料涨价要加钱', '恒达电声'],
      ['晨光线路板天然气又断了，回流焊线全部停了，燃气公司电话打不通', '晨光线路板'],
      ['同恒热力紧急求助：煤价涨得厉害，煤款缺口八百多万', '同恒热力'],
      ['云冈区的晋韵古建园林，给一个景区干的仿古工程，甲方说我们质量有问题要索赔', '晋韵古建园林'],
      ['林苑园林绿化 给区里干的绿化工程款拖了快两年了', '林苑园林绿化'],
      ['老师好，顺昌县绿竹源竹业的，下游一家家具厂欠我们货款一百二十多万', '顺昌县绿竹源竹业'],
    ] as const) expect(read(t).enterprise, t).toBe(e);
    // a canteen, a party secretary: no shop
    expect(parseEnterprise(normalizeText('我们员工食堂想要换个承包商'))).toBeNull();
    // money short by a sum is finance, whoever would stop supplying
    expect(read('同恒热力紧急求助：煤价涨得厉害，煤款缺口八百多万，煤矿说不付现款就断供，库存只够烧三天').category).toBe('finance');
  });

  it('rounds 247 to 253: a crowd come for money, a panel swinging overhead, people at the gate are urgent; stray dogs are not', () => {
    for (const t of [
      '锦绣服饰的外包加工点老板跑路了，四十几个工人冇拿到工资，现在全部跑到我们厂门口讨钱',
      '合作社带了二十几个茶农来厂里讨钱，现在场面有点乱',
      '新牛舍屋顶的彩钢板夜来大风刮起来一半，挂在上头晃荡，底下就是牛棚和饲养员',
      '宿舍楼外墙砖掉了好几块，下面就是员工进出的通道，施工单位还在保修期没人来',
      '客户欠我们运费拖了大半年，今儿早上已经有人在场院门口聚着了',
    ]) expect(read(t).urgency, t).toBe('urgent');
    expect(read('仓库门口最近聚了一大群流浪狗，翻垃圾搞得好脏，希望本周五前能有人来处理一下').urgency).toBe('normal');
    // categories by their words: farmland converted, a road shared and fought over, the Canton Fair, stray dogs
    expect(read('项目用地就差农转用批复了，省里还没下来，能不能帮忙去省厅问问').category).toBe('land');
    expect(read('鑫源陶瓷和隔壁物流园为了一条共用道路闹了三年了，对方把路口用大石头堵了一半').category).toBe('dispute');
    expect(read('Our company 富竹工艺 wants to join the Canton Fair next spring. 请问有没有统一组团？展位费可以补贴吗').category).toBe('market');
    expect(read('后山下来一群野狗，在晾晒场咬伤了一个工人，这安全隐患该找谁管').category).toBe('other');
    expect(read('质监站竣工前检查提了八条问题 有几条我们觉得不合理 想找个专家来评评理').category).toBe('construction');
  });

  it('rounds 247 to 253: small talk, a cadre own plan, a ticket chased without its number, a role after the name', () => {
    for (const t of ['😂😂 这天冷得手都伸不出来', '哈哈今年黄花菜价格不错啊，老乡们能过个好年了', '这个季度的走访计划我晚点发群里', '元旦前的走访安排大家心里有个数，下周细排']) expect(read(t).intent, t).toBe('chat');
    // the cold that did damage is a report
    expect(read('这天冷得水管都冻裂了，车间停水').intent).toBe('report');
    expect(read('那个用电扩容的单子到底有人办没有？报了俩礼拜了，一个电话都没接到').intent).toBe('urge');
    // who follows it up, asked, stays a question
    expect(read('查一下我们公司报的问题有没有人跟进').intent).toBe('query');
    expect(read('我们是新宁锂电甲方代表，施工单位为了赶工期晚上十一点还在打混凝土').enterprise).toBe('新宁锂电');
  });

  it('rounds 247 to 253: a line down every day, a price that frightens, a gate flooded whenever it rains are not urgent', () => {
    expect(read('嘉园木业这边网络天天断，电信讲要拉专线，报价拉得吓人，能不能帮我们协调下').urgency).toBe('normal');
    expect(read('德丰电子门口的雨水管网老是堵，一落雨厂门口就淹，货车进不来，希望年底前能改造好').urgency).toBe('normal');
    // today's, told: urgent
    expect(read('网络天天断，今天又断了，直播间全停了').urgency).toBe('urgent');
    expect(read('一下雨厂门口就淹，今天货车进不来').urgency).toBe('urgent');
  });

  it('rounds 254 to 257: a chase to sign, several tickets asked after, threats and narrow roads that wait, work halted, a guest missing', () => {
    expect(read('问题#119 咋还在待签收？专员能不能先签个收')).toMatchObject({ intent: 'urge', ticket: 119 });
    expect(read('#12 我先签收了').intent).toBe('claim');
    expect(read('恒通精工那几个单子现在都到哪了').intent).toBe('query');
    for (const t of [
      '俺们厂跟物业公司因为水电费分摊闹得很僵，他们放话下个月要给俺们断电，能不能请园区管委会调解一下？',
      '俺们合作社门口那条通村路太窄了，拉苹果的大车进不来，只能用三轮倒，一天多花好几百，能不能拓宽一下',
      '俺们跟村里签的土地流转合同，村民嫌租金低，现在要涨价，不涨就不让俺们进果园',
      '联通的光纤老是断，一礼拜断两三回，一断网车间扫码报工就乱套，能不能让他们给拉个双路由',
    ]) expect(read(t).urgency, t).toBe('normal');
    expect(read('塔吊基础出现沉降，监理已经叫停了，要请专家来论证，工人都在等').urgency).toBe('urgent');
    expect(read('厂区改造要拆旧车间，拆除单位资质不够被叫停了，找新的又要重新备案').urgency).toBe('normal');
    expect(read('清江源民宿 有个客人昨天下午上山到现在冇回来 电话打不通 已经报警了 想请乡里多派点人帮忙找')).toMatchObject({ category: 'other', urgency: 'urgent' });
  });

  it('rounds 254 to 257: categories by their words, names by more trades and without where they are', () => {
    for (const [t, c] of [
      ['园区几家企业跟村里因为道路使用费闹矛盾，村里在路口设卡收钱，一车收五十', 'dispute'],
      ['这个月工资发不出来了，应收款都压在主机厂，账户又被一个供应商诉讼冻结了，工人已经在车间闹了', 'finance'],
      ['我们公司账户被外地公安冻结了，讲是有个客户涉嫌诈骗，我们是正常交易，不晓得怎么办', 'other'],
      ['我们秭归果乡电商想招几个直播带货的主播，本地冇得合适的人，政府能不能搞个培训班', 'talent'],
      ['修路占了我们三亩橙园 补偿款说好9月份发 到现在冇到位', 'land'],
      ['门口河堤被洪水冲垮一截 厂房地基有点悬空了 怕再涨水出事', 'infrastructure'],
      ['跨境电商直播间要拉一条联通专线，报装半个月了没人来', 'utilities'],
      ['项目二标段的总包说钢材涨价要调价，不调就不好好干，现在磨磨蹭蹭的', 'construction'],
    ] as const) expect(read(t).category, t).toBe(c);
    for (const [t, e] of [
      ['我们是高新区白洋那边楚天磷化的，园区到厂里那段路被大车压烂了', '楚天磷化'],
      ['宜昌九如水电工程 给一个电站做的检修活 验收了半年 四十万工程款一直拖着', '宜昌九如水电工程'],
      ['秭归茅坪九里橙园 修路占了我们三亩橙园 补偿款说好9月份发', '秭归茅坪九里橙园'],
    ] as const) expect(read(t).enterprise, t).toBe(e);
  });
});

describe('after a review of the forty-third session rules against ordinary messages', () => {
  it('the new urgent words need what makes them urgent', () => {
    for (const t of [
      '项目被发改委叫停了，前期投了两千万怎么办',
      '上面叫停了这个补贴政策，我们申报的还算不算',
      '玻璃价格掉了不少，我们库存压力大',
      '年会场面有点乱哈哈，大家辛苦了',
      '老板整天在车间晃荡，也不管事',
      '大门口聚了一排货车等卸货，能不能开个侧门',
      '我们派了个业务员上门讨钱，对方躲着不见',
      '去年冬天有辆货车滑到沟里过，这段路能不能加护栏',
      '员工的体检报告到现在还没出来，影响入职',
    ]) expect(read(t).urgency, t).toBe('normal');
    for (const t of ['房东放话要停水，现在已经停了，车间没法生产', '工人在厂门口讨钱吵得吓人', '园区二期厂房今天被环保督察叫停了，说扬尘防护不到位要停工整改']) expect(read(t).urgency, t).toBe('urgent');
  });

  it('chat, tickets and the unsure list only where the whole says so', () => {
    expect(read('现场照片我晚点发群里，冷库已经停电两小时了').intent).toBe('report');
    expect(read('今年苹果价格不错，老乡们能过个好年了，就是冷库不够').intent).toBe('report');
    expect(read('25号那天又停电了，催一下').ticket).toBeNull();
    expect(read('我们厂，15号开始又停了，能不能快点').ticket).toBeNull();
    expect(read('#12 没法确认办结，企业负责人出差了，下周回访').intent).not.toBe('reopen');
    expect(read('#12 好的我赶紧签收').intent).toBe('claim');
    expect(read('上次反映的问题已经有人办了，谢谢领导').intent).not.toBe('urge');
    expect(read('哪些补贴今年还不确定').intent).not.toBe('triage');
    expect(read('#12 材料清单都已发给企业').intent).toBe('progress');
  });

  it('系 tied, a department, and names of a child or a temple stay as written; categories need their matter', () => {
    for (const t of ['不系保险绳', '我们系主任说', '我们系里有几个学生', '他们不系腰带就上去了，还系着绳']) expect(normalizeText(t)).toBe(t);
    expect(parseEnterprise(normalizeText('我们家子轩要上园区幼儿园，名额还有没有'))).toBeNull();
    expect(parseEnterprise(normalizeText('我们村观音堂要修一下进村路'))).toBeNull();
    expect(read('园区能不能接一条公交专线').category).not.toBe('utilities');
    expect(read('公司在河堤边上想建个仓库，这块地能不能用').category).not.toBe('infrastructure');
  });

  it('found trying the product: a greeting to a teacher opens no summary; a note headed by its number and a colon keeps only the note', () => {
    expect(read('老师好，天赐生态这边，车间门口的雨水管网老是堵，一落雨厂门口就淹，货车进不来').summary).toBe('车间门口的雨水管网老是堵，一落雨厂门口就淹，货车进不来');
    expect(commandNote(normalizeText('进展 95号：住建局今天下午现场看了，明天复查'))).toBe('住建局今天下午现场看了，明天复查');
    expect(commandNote(normalizeText('#3 进展：12号之前完成整改'))).toBe('12号之前完成整改');
  });
  it('rounds 258, 260 and 262 read: a transfer told inside a question, a close after the unresolvable, chat in Hubei and Hunan words, 冇 in the unsure list, 么样 asking the command, a matter still not handled, another answer promising a day', () => {
    expect(read('88号搞么样了？上周说转给住建的，后面就冇得下文了').intent).toBe('query');
    expect(read('#88 转给住建局').intent).toBe('transfer');
    expect(read('#139 暂时无法解决，纳入长期挂账，先办结').intent).toBe('resolve');
    expect(read('#139 先别办结，企业还要补材料').intent).not.toBe('resolve');
    expect(read('下班了冇 晚上整两杯？🍻').intent).toBe('chat');
    expect(read('冇得问题，下午我过来策一下').intent).toBe('chat');
    expect(read('店小二，哪几条你冇拿准的，列出来我来确认').intent).toBe('triage');
    expect(read('么样查我们厂报的问题到哪一步了？要输么子命令').intent).toBe('help');
    expect(read('那个用电的单子到底还管不管了？都半个月了').intent).toBe('urge');
    expect(read('#96 已发函给燃气公司，答复12月10号前通气').intent).toBe('progress');
    expect(read('#96 已答复企业，燃气已经通了').intent).toBe('resolve');
  });
  it('rounds 258, 260 and 262 read: names after a tag or a slash, beside a kind of business, not an amount of goods; mediation asked, a public contract financed, the last day today, a child kept out of a school', () => {
    const ent = (t: string) => parseEnterprise(normalizeText(t));
    expect(ent('能不能加个班次或者开个通勤专线 【建议】襄阳凯瑞汽车电器')).toBe('襄阳凯瑞汽车电器');
    expect(ent('人社说要等，能不能下周五前给个办法？/商水县天宇电子')).toBe('商水县天宇电子');
    expect(ent('我们是正阳的花生加工厂，正阳县宏运花生制品有限公司，新厂房地块上还有三户没搬')).toBe('正阳县宏运花生制品有限公司');
    expect(ent('冷链仓库今天跳了四次闸，几十吨冻品在里面，温度已经上来了')).toBeNull();
    expect(ent('博鳌 我们一方国际会展今年承办了三场国际会议')).toBe('一方国际会展');
    expect(read('俺们厂隔壁那家养鸡场把排水沟给堵死了，一下雨俺厂区就淹，两家还吵过，想请乡里出面调解一下。商水县绿野食品').category).toBe('dispute');
    expect(read('想问下政府采购合同融资咋办？俺们中标了县里的课桌椅项目，没钱垫资 遂平县森美家具').category).toBe('finance');
    expect(read('今天是高企认定材料报送最后一天，系统登不上去，报不上今年就白忙活了！').urgency).toBe('urgent');
    expect(read('我们有两个引进的工程师，小孩转学进不了附近的公办学校，求帮忙协调').urgency).toBe('normal');
    expect(read('货车进不了厂区，门口的路被挖断了').urgency).toBe('urgent');
  });
  it('rounds 258 and 262 read: the statistics reporting system, money given to a village school, mud that keeps trucks out whenever it rains', () => {
    expect(read('统计局的联网直报平台我们登不进去了，密码重置也收不到验证码，月报28号就截止').category).toBe('other');
    expect(read('俺们厂有个老党员想捐钱给村小学修操场，能不能帮着对接一下教育局？').category).toBe('other');
    expect(read('厂区内道路硬化做一半，下雨一地泥巴车都进不来').urgency).toBe('normal');
    // (found trying the product: a comma between the mud and the trucks)
    expect(read('老师好，天赐生态这边，厂区那条路修了一半就停了，一下雨全是泥巴，货车进不来，希望月底前能修好').urgency).toBe('normal');
    expect(read('门口的路今天被挖断了，货车进不来').urgency).toBe('urgent');
  });
  it('found trying the product: a ticket of one figure asked after where it has got to, opening the message', () => {
    expect(read('1号搞么样了？上周说转给住建的，后面就冇得下文了')).toMatchObject({ intent: 'query', ticket: 1 });
    expect(read('3号到哪了')).toMatchObject({ intent: 'query', ticket: 3 });
    expect(read('12号那天停电了，怎么样了也没人说').ticket).toBeNull();
    // (and without its number: 么样了 asks after one's own matter as 怎么样了 does)
    expect(read('那个事搞么样了？上周说转给住建的，后面就冇得下文了').intent).toBe('query');
    expect(read('我们上个月报的那个路灯的问题 处理得么样了').intent).toBe('query');
  });
  it('the forty-fourth session review: an angry close, a drink of water missed, the last day denied or told, a child locked out, a hand-over asked to be signed, a mediation past, a neighbour registered, brands by a count, a new hire checked, thanks, a reward for reporting', () => {
    expect(read('#12 还没修好，就办结！').intent).toBe('reopen');
    expect(read('#12 问题都没解决，就办结。').intent).not.toBe('resolve');
    expect(read('晚上工人想喝一口热水都没有，锅炉坏了').intent).toBe('report');
    expect(read('下班后宿舍想整两杯热水都没有，热水器坏了').intent).toBe('report');
    expect(read('今天不是最后一天，月底才截止，不急，就是想问问材料').urgency).toBe('normal');
    expect(read('今天去税务局问了说申报最后一天是12月15号，想问问材料').urgency).toBe('normal');
    expect(read('我们厂宿舍小孩被反锁在屋里进不了门，家长在外地，能不能帮忙找个开锁的').urgency).toBe('urgent');
    expect(read('#12 刘局说转给自然资源局，@王科长 能签收一下吗？').intent).toBe('transfer');
    expect(read('#12 领导说转给住建局，谁来签收？').intent).toBe('transfer');
    expect(read('#12 上周说转给住建的，到底转了没有？').intent).not.toBe('transfer');
    expect(read('去年村里出面调解过土地流转的事，现在想问新厂房的用地指标能不能批下来').category).toBe('land');
    expect(parseEnterprise(normalizeText('我们是正阳的花生加工厂，隔壁是宏运花生制品有限公司，他们的污水流到我们厂里'))).not.toBe('隔壁是宏运花生制品有限公司');
    expect(parseEnterprise(normalizeText('三只松鼠电商这边想问下跨境电商补贴'))).toBe('三只松鼠电商');
    expect(read('新招的员工要安排体检才能入职，社区医院能做吗').category).toBe('talent');
    expect(read('#12 解决了 谢谢').intent).toBe('rate');
    expect(read('#12 都解决了 辛苦了').intent).toBe('rate');
    expect(read('规上企业入库后要做联网直报，能不能享受小升规的奖励资金？').category).toBe('policy');
  });

  it('rounds 264 to 268: a ticket asked after in dialect, a close not accepted, a note of another office signing, a list of the worst', () => {
    expect(read('#31 依家咩进度？老板又打电话嚟问').intent).toBe('query');
    expect(read('#31 现在么进度了 企业又来问了').intent).toBe('query');
    expect(read('#31 几时可以办结？').intent).toBe('query');
    expect(read('#31 我们不认这个办结 路灯还是不亮').intent).toBe('reopen');
    expect(read('#31 已转住建局，对方今天签收').intent).toBe('progress');
    expect(read('#31 我来签收').intent).toBe('claim');
    expect(read('工单 31 施工队已经换了水管 今晚再观察一下').intent).toBe('progress');
    expect(read('超期前十的名单 发我一下').intent).toBe('digest');
    expect(read('我们报的停气那个单子 现在有人接了没').intent).toBe('query');
    const matter = read('那个停气的事 131号 今天能不能给个准话');
    expect([matter.ticket, matter.intent]).toEqual([131, 'urge']);
    expect(read('131那个单子转过去以后有人接了没有 麻烦催催').ticket).toBe(131);
    expect(read('开会的事 12号下午再说').ticket).toBe(null);
    expect(read('看下我名下还冇办结的件').intent).toBe('query');
  });

  it('rounds 264 to 268: the network dropping is a utility whatever trade it hurts; an account frozen by a court is finance; workers from over the border are staffing', () => {
    expect(read('园区宽带老是掉线 我们跨境电商的订单全靠线上 —— 海川进出口').category).toBe('utilities');
    expect(read('公司基本户被法院冻结了 工资发不出来 请帮忙协调').category).toBe('finance');
    expect(read('公司账户被外地公安冻结了 说是客户涉嫌诈骗').category).not.toBe('finance');
    expect(read('旺季想招二十个缅甸边民务工 手续怎么办 要去哪里备案').category).toBe('talent');
    expect(read('想给员工搞个消防安全培训 能不能请应急局来讲一次').category).toBe('other');
    // (公用工程 is the park's utilities, no 用工; a building permit got, then the builders hold the works up)
    expect(read('今天氮气管道压力不够 车间两条线停了 公用工程那边说调度不过来').category).toBe('utilities');
    expect(read('施工许可拿到了 施工单位进场一直拖 说劳务人员不够 这个咋督促').category).toBe('construction');
    expect(read('施工许可证下来了，消防审查还没过，总包不敢开工').category).toBe('approval');
  });

  it('rounds 264 to 268: a name signed with a person after it, a crystal workshop, a seafood processor, a shop inside a market, a day the enterprise itself can meet', () => {
    expect(read('有人自称协会要收会费 是真的还是骗子啊 华兴茶机 小王').enterprise).toBe('华兴茶机');
    expect(read('我们想参加直播带货 咋个报名 雷山银匠村 龙师傅').enterprise).toBe(null);
    expect(read('东海晶莹水晶这两天招不到抛光工').enterprise).toBe('东海晶莹水晶');
    expect(read('北部湾蓝湾水产品加工的新车间环评还没批').enterprise).toBe('北部湾蓝湾水产品加工');
    expect(read('我系东兴商贸城入面嘅阿芳越南咖啡，想喺网上开店').enterprise).toBe('阿芳越南咖啡');
    expect(read('我是东兴商贸城里面的阿芳越南咖啡，想在网上开店').enterprise).toBe('阿芳越南咖啡');
    expect(read('补贴还差一份审计报告 我们这周四能补齐 想问能不能年底前兑付').deadline).toBe('2026-12-31');
  });

  it('rounds 270 to 275: 我们这边 before the name, a place and the name before a space, no time inside a name', () => {
    expect(read('我们这边鑫达锂业 上个月辞退了一个员工 现在天天来闹').enterprise).toBe('鑫达锂业');
    expect(read('我们西充的川香豆瓣 被一家连锁超市拖欠货款八十万').enterprise).toBe('川香豆瓣');
    expect(read('俺们沭阳的多肉今年量大 价钱被压得厉害 花香满园园艺').enterprise).toBe('花香满园园艺');
    expect(read('能不能找人给我们讲讲今年新出的那个文件').enterprise).toBe(null);
  });

  it('rounds 270 to 274: a correction set with 把, a registered name with 智能 and the name it is not, the bot called by name first', () => {
    expect(parseCorrections('把 #58 的分类改成用地拆迁，不是基础设施')).toEqual([{ field: 'category', to: 'land', text: '用地拆迁' }]);
    expect(parseCorrections('#221 企业名改成瑞丰智能装备有限公司')).toEqual([{ field: 'enterprise', name: '瑞丰智能装备有限公司' }]);
    expect(parseCorrections(normalizeText('#221 企业名改成瑞丰智能装备（中山）有限公司，唔系项目部'))).toEqual([{ field: 'enterprise', name: '瑞丰智能装备（中山）有限公司' }]);
    expect(parseCorrections('#12 企业名改成宏达能不能改')).toEqual([]);
    expect(parseCorrections('@店小二 #61 不是紧急的，改回普通')).toEqual([{ field: 'urgency', to: 'normal' }]);
    expect(read('店小二 #140 不是问题哈 是企业在群里发的感谢 你给它撤了').intent).toBe('correct');
  });

  it('rounds 270 to 274: the close by its word, a redo taken on or under way, whether something came asked, a rating before the problem came back', () => {
    expect(read('#44 办结，已安排专管员周四上门辅导').intent).toBe('resolve');
    expect(read('#44 已处置 已责令停止施工').intent).toBe('resolve');
    expect(read('#44 重办 我来跟').intent).toBe('claim');
    expect(read('#44 重办中：今天重新换了水泵 明天再看').intent).toBe('progress');
    expect(read('#44 咋样了 还在办没').intent).toBe('query');
    expect(read('#44 那个环评批复 批下来没有').intent).toBe('query');
    const taken = read('这个158号我来领 @店小二');
    expect([taken.intent, taken.ticket]).toEqual(['claim', 158]);
    expect(read('#44 上次评了五星 这两天又漏水了 麻烦重新处理').intent).toBe('reopen');
    // (chat: thanks in Cantonese for what is done, agreed, away at a meeting; a request with thanks is still a report)
    expect(read('唔该晒！问题已经搞掂 🙏').intent).toBe('chat');
    expect(read('要得 没得问题👍').intent).toBe('chat');
    expect(read('在的在的 刚刚在开会没看手机').intent).toBe('chat');
    expect(read('唔该晒 帮我哋睇下个电费点解咁贵').intent).toBe('report');
  });

  it('rounds 270 to 274: pickles, bean paste, silk reeling, lithium materials, grain, growers co-ops; a banner before the name', () => {
    expect(read('西充县多扶镇的瑞丰酱菜 新厂房主体封顶了 施工方越来越慢').enterprise).toBe('瑞丰酱菜');
    expect(read('我们南充永兴缫丝补偿协议都还没签 挖机就来了').enterprise).toBe('南充永兴缫丝');
    expect(read('松山区金沙谷物 今年有机小米卖不动').enterprise).toBe('松山区金沙谷物');
    expect(read('开鲁县瑞丰药材种植合作社门口那座桥压出个大坑').enterprise).toBe('开鲁县瑞丰药材种植合作社');
    expect(read('罗城天蚕丝业收的那批茧，蚕农讲我们压秤').enterprise).toBe('罗城天蚕丝业');
    expect(read('赛马还让企业冠名吗 我们巴林右旗查干沐沦牧业想出点力').enterprise).toBe('巴林右旗查干沐沦牧业');
    expect(read('我们科尔沁庆和牧业 在农行那笔贷款下个月到期').enterprise).toBe('科尔沁庆和牧业');
    // (categories: a fight in Cantonese, a bus route, rubble dumped at night)
    expect(read('两个车间嘅工人琴晚打交，有人受伤').category).toBe('dispute');
    expect(read('厂区附近冇巴士，员工返工要行半个钟，可唔可以开条接驳线').category).toBe('infrastructure');
    expect(read('厂后面有人半夜偷倒建筑垃圾，堆成山了').category).toBe('other');
  });

  it('a category correction takes the category it is, never the one it says it is not (found trying the product)', () => {
    const to = (t: string) => parseCorrections(normalizeText(t)).map((c) => (c.field === 'category' ? c.to : c.field));
    expect(to('把 #1 的分类改成基础设施，不是水电气网')).toEqual(['infrastructure']);
    expect(to('#1 分类错了 应该是用地问题 不是审批')).toEqual(['land']);
    expect(to('#1 分类错了，这个是欠薪纠纷不是融资，改一下')).toEqual(['dispute']);
    expect(to('#1 分类弄错了 不是用工是融资 改一下')).toEqual(['finance']);
    expect(to('#1 分类错了 不是水电气 是消防验收 改成审批')).toEqual(['approval']);
    expect(to('#1 分类唔啱，呢个係用地问题唔係审批，帮手改下')).toEqual(['land']);
    expect(to('#1 类别改为 用工人才')).toEqual(['talent']);
  });

  it('after a review of the forty-fifth session rules against ordinary messages', () => {
    // a day of the month or a list's numbering is no ticket
    expect(read('那个补贴的事 25号 之前能不能到账').intent).toBe('report');
    expect(read('1 这个问题我们之前反映过好几次了').ticket).toBe(null);
    // a close said while the problem is still there, a chase in the words of a question, a refusal after 重办
    expect(read('#12 办结。结果问题还在').intent).not.toBe('resolve');
    expect(read('#12 已处置，可是夜里照样偷排').intent).not.toBe('resolve');
    expect(read('#12 办结，还要等供电所下周复查').intent).not.toBe('resolve');
    expect(read('#12 么进度 搞快点').intent).toBe('urge');
    expect(read('#12 第三次问了 电到底通上没有').intent).not.toBe('query');
    expect(read('#12 重办 我办不了 转给住建吧').intent).not.toBe('claim');
    expect(read('#12 重办中 都一个星期了还没人来').intent).not.toBe('progress');
    expect(read('#88 街道那边转来的我今天签收了').intent).toBe('claim');
    expect(read('看一下我手上的订单能不能按时交货').intent).toBe('report');
    expect(read('看看我手里的土地证能不能抵押').intent).toBe('report');
    expect(read('#61 我们给了好评 又有新的问题想问 能重新处理一下吗').intent).not.toBe('reopen');
    // no name from a park or body before a person, a count of firms, a noun phrase before a space
    expect(read('路口那个大坑一直没人补 车进不来 城东工业园 王经理').enterprise).toBe(null);
    expect(read('我们这边好几家食品厂 电都不够用').enterprise).toBe(null);
    expect(read('我们车间的排风设备 噪音太大被投诉').enterprise).toBe(null);
    expect(read('我哋公司叫依家家居 仓库水浸咗').enterprise).toBe('依家家居');
    // cues that meant something else
    expect(read('我们货车被扣了 打交警电话没人接').category).not.toBe('dispute');
    expect(read('公交专线断了两天 员工上班没车坐').category).not.toBe('utilities');
    expect(read('我们的网络销售断货了 平台订单接不了').category).not.toBe('utilities');
    expect(read('越南的客户欠我们劳务费不给').category).not.toBe('talent');
    expect(read('我们抖音账号被冻结了 直播带货做不了').category).not.toBe('finance');
    expect(read('我们明天可以提交 但是系统一直登不上去').deadline).toBe('2026-11-24');
    expect(read('我们周四前能补齐材料吗').deadline).toBe('2026-11-26');
    // a hedge after a name is no name it is not
    expect(parseCorrections('#12 企业名改成宏达 不是很确定')).toEqual([]);
    // (yet a change begun is a correction to ask about again, never a close: found trying the product)
    expect(read('#12 企业名改成宏达 不是很确定').intent).toBe('correct');
  });
  it('keeps what the retraining on rounds 264 to 275 would have lost (forty-sixth session)', () => {
    // a place before a brand before a space: the brand is what must be rare (通辽 is no longer)
    expect(read('通辽玉龙铝箔 技改项目要赶自治区工业专项资金申报，麻烦明天下班前出一下').enterprise).toBe('通辽玉龙铝箔');
    expect(read('合作社分红 有几户社员说分少了 天天来闹').enterprise).toBe(null);
    // a meeting notice to the cadres, a 大会 too; a supplier meeting an enterprise asks to join is a report
    expect(read('下周一州里开营商环境大会，各县市专员记得参会').intent).toBe('chat');
    expect(read('听说下个月奇瑞要开供应商大会 我们怎么能报名参加').intent).toBe('report');
    // the enterprise still weighing an offer (Cantonese 紧) is progress, not a close
    expect(read('#88 已经协调燃气公司，管道费按标准减半，企业考虑紧').intent).toBe('progress');
    expect(read('#88 已经协调燃气公司，管道费按标准减半，企业还在考虑').intent).toBe('progress');
    // a request in Korean is no chit-chat
    expect(read('안녕하세요, 三亚 한빛면세트레이딩입니다. 한국 화장품 브랜드 유치 설명회를 하고 싶은데 정부에서 지원해 줄 수 있나요? 麻烦了').intent).toBe('report');
    expect(read('감사합니다 谢谢各位领导 辛苦了').intent).toBe('chat');
  });
  it('reads what rounds 276, 278 and 280 taught (forty-sixth session)', () => {
    // whether it is closed, asked: never the close
    expect(read('工单76办结了没').intent).toBe('query');
    expect(read('#76 解决了吗').intent).toBe('query');
    expect(read('#76 解决了吗？还是没水').intent).toBe('reopen');
    // an assessment named 评价 is no rating
    expect(read('#54 已约规划局周四联合踏勘，企业同意补一份交通影响评价').intent).toBe('progress');
    // a detail of the ticket written wrong is a correction asked about, not a transfer to the county named
    expect(read('#61 企业地址填错了，应该是延川县，不是延长县，改一下').intent).toBe('correct');
    // chases: asked for me, the matter and its number, the limit near with nobody taking it
    expect(read('恁帮俺催催第88号 说好上周给答复的 这都周一了').intent).toBe('urge');
    expect(read('用电扩容那个37号到底多会儿能批，能不能再给催催')).toMatchObject({ intent: 'urge', ticket: 37 });
    expect(read('厂房那个38号楼到底什么时候验收').ticket).toBe(null);
    expect(read('@李明 #49 这单今天再不签收就超期了').intent).toBe('urge');
    // how many are overdue is a count for a leader, not one's own list
    expect(read('超期的有几个？列个清单给俺').intent).toBe('digest');
    expect(read('超期的 我名下有几个').intent).toBe('query');
    // names: a place and a middle dot before it, a phase after it, a town signing (none), a question (none)
    expect(read('一天好几万的费用，拜托了！高新区·榆林鼎泰置业').enterprise).toBe('榆林鼎泰置业');
    expect(read('我们的剪纸文创想去广交会参展，展位咋申请？安塞·巧娘剪纸工作室').enterprise).toBe('巧娘剪纸工作室');
    expect(read('邻居装修天天吵，能不能帮忙调解下。溪畔·半日闲民宿').enterprise).toBe('溪畔·半日闲民宿');
    expect(read('昌乐蓝晶光电二期 人防审查 图纸第三次被退回来了').enterprise).toBe('昌乐蓝晶光电');
    expect(read('工业园区的垃圾一直没人清运，路边堆得跟山一样 ——府谷县新民镇').enterprise).toBe(null);
    expect(read('我们五台山台怀镇的般若居素斋馆，门前修路把门面挡了半年').enterprise).toBe('般若居素斋馆');
    expect(read('博山美琉坊明年三月建厂二十周年 想请区领导来参加个活动 不知道该咋邀请 走啥程序').enterprise).not.toBe('走啥程序');
    // 年前 (before the Spring Festival) is no date asked for; 年底前 is
    expect(read('项目要赶在年前封顶，但混凝土供应紧张，请求帮忙协调').deadline).toBe(null);
    expect(read('园区到高速口那条路一直没修通，能不能年底前先把便道打通').deadline).toBe('2026-12-31');
    // a fair's organiser out of reach is a fair, a loan on tax refunds is finance
    expect(read('博山雅琉琉璃 想参加12月的陶瓷琉璃展 报名这周五截止 主办方联系不上').category).toBe('market');
    expect(read('想申请出口退税融资，银行讲我们规模小唔给做').category).toBe('finance');
  });
  it('reads what rounds 282, 284 and 286 taught (forty-sixth session)', () => {
    // 重新开 at the end reopens, whatever was said closed before it
    expect(read('讲好办结了，#146 税务那边根本没退，重新开').intent).toBe('reopen');
    // the category it is not, 哈, 分错了, the one it is, 改一下
    expect(parseCorrections(normalizeText('#61 不是融资的问题哈，分错了，应该是政策兑现，改一下'))).toEqual([{ field: 'category', to: 'policy', text: '政策兑现' }]);
    // the answer after 已完成 closes it; the office it went to signing is a note
    expect(read('#47 已完成，答复企业：已协调海关复检').intent).toBe('resolve');
    expect(read('#88 已转至发改局，发改局今天已签收，下一步现场核查').intent).toBe('progress');
    // one's own matter or tickets, asked after
    expect(read('我们那个用电扩容的问题到哪一步了').intent).toBe('query');
    expect(read('俺们的工单都处理完了吗 ——鑫海冷藏').intent).toBe('query');
    expect(read('超期的有好多个？').intent).toBe('digest');
    // Wu 个 is 的 (我报个那个…), but not after a verb: 给个答复 asks for an answer
    expect(normalizeText('今天能不能给个答复 侬个厂')).toBe('今天能不能给个答复 侬的厂');
    expect(read('@王科长 #91 蒸汽那个事体企业又来问了，今天能不能给个答复').intent).toBe('urge');
    expect(read('我报个那个用电问题有人接了伐？').intent).toBe('query');
    // a notice to the group
    expect(read('通知：明天区里开会，下午的对接会挪到周三了，大家相互转告一下').intent).toBe('chat');
    // names: a place, 的, the name opening the message whatever follows; not a project, a kind or a plea
    expect(read('会东的鑫源矿业采矿范围跟一片林地有交叉，补偿标准说法不一样').enterprise).toBe('鑫源矿业');
    expect(read('德昌县城北的安宁河酒店自来水一天到晚都是黄的').enterprise).toBe('安宁河酒店');
    expect(read('我们萍乡的鸿运窑炉工程公司在给业主做一条隧道窑，业主让我们赶工').enterprise).toBe('鸿运窑炉工程公司');
    expect(read('我们合作社的大米烘干中心用电应该是农业电价，供电所非说是工业的').enterprise).toBe(null);
    expect(read('我们靖边的储气库配套工程，土建分包进度太慢').enterprise).toBe(null);
    expect(read('隔壁工地扬尘大得很，跟他们讲了不听，希望环保下周二前来查一下').enterprise).toBe(null);
    expect(read('我们是做海参育苗的小厂子，听说有个海洋渔业贷款贴息的政策').enterprise).toBe(null);
    expect(read('我们吉克彝家乐新开张想招10个服务员').enterprise).toBe('吉克彝家乐');
    expect(read('新厂区的光纤还没拉进来，等了两个月了，德昌恒泰钒材').enterprise).toBe('德昌恒泰钒材');
    // the name words of roads say what it does, not its problem; a night barbecue stall is a neighbour dispute
    expect(read('中标的市政道路工程，工程款欠了一年半了，能不能先结一部分。烟台通达路桥').category).toBe('finance');
    expect(read('员工宿舍楼下的烧烤摊每天闹到半夜两点，跟摊主讲了还要吵相骂 —— 鸿达经编').category).toBe('dispute');
  });
  it('keeps a brand ending in 乡 and reads a city, a brand and its trade closing the message (forty-sixth session)', () => {
    expect(read('我们想贷款200万扩产，有没得政府的风险补偿资金池 —— 昭觉荞乡').enterprise).toBe('昭觉荞乡');
    expect(read('工业园区的垃圾一直没人清运 ——府谷县新民镇').enterprise).toBe(null);
    expect(read('物业天天来找，可冷链车只能夜里到，能不能帮着协调协调 威海鲜到家冷链').enterprise).toBe('威海鲜到家冷链');
  });
  it('after a review of the forty-sixth session rules against ordinary messages', () => {
    // a room, a stall or a house number after 那个 is no ticket; a matter and its number, its approval asked after, is
    expect(read('隔壁那个88号还在半夜施工，吵死了，能不能管管')).toMatchObject({ intent: 'report', ticket: null });
    expect(read('宿舍那个305号还没通水').ticket).toBe(null);
    expect(read('招工那个73号几时能有答复')).toMatchObject({ intent: 'query', ticket: 73 });
    expect(read('#12 年前能办结吗').intent).toBe('query');
    // a protest that it is closed is no plain question
    expect(read('#12 这也叫解决了吗').intent).toBe('reopen');
    expect(read('#14 都两周了，到底解决了没').intent).not.toBe('query');
    // a rating of the service quality is a rating
    expect(read('#58 服务质量评价：优秀').intent).toBe('rate');
    // an address said wrong in a note, a close or a chase is the note, the close or the chase
    expect(read('#61 地址写错了，所以施工队一直没找到，现在已经找到并修好了，办结').intent).toBe('resolve');
    expect(read('#61 电话录错了，之前一直联系不上企业，今天已经联系上，明天上门查看').intent).toBe('progress');
    expect(read('#61 地址填错了，这个其实不是我们区的，请转给高新区').intent).toBe('transfer');
    // an invoice or a shop opened again is no reopening of the ticket
    expect(read('#71 已协调税务局，发票作废后重新开').intent).toBe('progress');
    expect(read('#71 已办结，企业店铺今天重新开').intent).toBe('resolve');
    // Wu 个 after 签, 填, 开 is still 的
    expect(normalizeText('阿拉签个约对方勿履行 侬开个证明勿对')).toBe('我们签的约对方不履行 侬开的证明不对');
    // a reminder of a problem is a report; a request for numbers sent as a notice is a digest
    expect(read('提醒：园区南门的红绿灯坏了，上下班高峰会堵死').intent).toBe('report');
    expect(read('通知：各单位今天下班前把本周超期工单数报给我').intent).not.toBe('chat');
    // place, 的, and an adjective, a market, a zone are no name
    expect(read('西昌城南的老牌酒店消防验收过不了').enterprise).toBe(null);
    expect(read('汕头的澄海玩具城周边停车难').enterprise).toBe(null);
    expect(read('海东的河湟文化旅游区的民宿没水').enterprise).toBe(null);
    expect(read('我是九江经开区的江城钢构安全员，我们在隔壁厂区做钢结构施工').enterprise).toBe('江城钢构');
    // a brand named 希望 is a name; a plea to an office is not
    expect(read('我们是希望饲料厂，用电增容没批').enterprise).toBe('希望饲料厂');
    // 考虑 past is no pending: the close stands
    expect(read('#82 企业考虑后决定不搬了，已办结').intent).toBe('resolve');
    // a 大会 mentioned in a request is the request's
    expect(read('表彰大会上说好的奖励资金到现在没到，请落实一下').intent).toBe('report');
    expect(read('上次协调会上答应的补贴，记得落实一下').intent).toBe('report');
    // the answer opening the note closes it; a note that then tells what was answered, still open, is a note
    expect(read('#70 答复企业：已协调燃气公司，12月3日前完成通气').intent).toBe('resolve');
    expect(read('#12 已上报区政府，答复企业：等会议研究').intent).toBe('progress');
    // thanks in Korean
    expect(read('감사합니다 좋은 하루 되세요').intent).toBe('chat');
    expect(read('도와주셔서 정말 감사합니다').intent).toBe('chat');
  });
  it('reads what trying the product found (forty-sixth session)', () => {
    // the answer is what follows 答复企业：, not 企业：…
    expect(commandNote(normalizeText('#1 答复企业：已协调供电公司，12月3日前完成增容'))).toBe('已协调供电公司，12月3日前完成增容');
    expect(commandNote(normalizeText('答复 #1 企业已确认'))).toBe('企业已确认');
    // a new deployment's tickets are small: the matter, 那个, its number and 到底 asks after a ticket, not a day
    expect(read('用电扩容那个1号到底多会儿能批，能不能再给催催')).toMatchObject({ intent: 'urge', ticket: 1 });
    expect(read('合同那个15号的会还开不开').ticket).toBe(null);
    // the matter named without its number, chased: a chase (the handler finds the ticket by its matter)
    expect(read('用电扩容那个事到底多会儿能批，能不能再给催催')).toMatchObject({ intent: 'urge', ticket: null });
  });
  it('after a second review of the forty-sixth session rules', () => {
    // a stall or a room whose approval is talked about is no ticket
    expect(read('市场那个48号摊位审批一直没下来').ticket).toBe(null);
    expect(read('宿舍楼那个305号房间催了好几次没人修').ticket).toBe(null);
    // closed yet, asked after a mention or the matter: a question
    expect(read('消防验收那个41号办结了没有')).toMatchObject({ intent: 'query', ticket: 41 });
    expect(read('@王科 #12 办结了没').intent).toBe('query');
    expect(read('#12 这事搞定了吗？').intent).toBe('query');
    // the outcome of the work rated
    expect(read('#23 整改效果评价：好').intent).toBe('rate');
    // who wrote the address wrong, asked, is no correction
    expect(read('#61 电话写错了，是谁录的').intent).not.toBe('correct');
    // 根本没 in a cadre's close is the close (发生, 退场 are no money unpaid)
    expect(read('#88 企业说根本没发生过安全事故，是误报，已核实办结').intent).toBe('resolve');
    expect(read('#88 经核实企业根本没退场，租金按合同执行，已答复').intent).toBe('resolve');
    // a notice that moves a meeting and tells a problem is the problem
    expect(read('提醒：推进会改到下周一，欠薪的工人又在门口聚集了').intent).toBe('report');
    // still weighing it, the answer to come
    expect(read('#82 企业考虑一下再答复').intent).toBe('progress');
    // an answer that says what is still to come keeps the ticket open
    expect(read('#12 答复对方：正在协调，请耐心等待').intent).toBe('progress');
    expect(read('#12 答复企业：已联系供电所，明天上门').intent).toBe('progress');
    // thanks and then a problem, in Korean: the problem
    expect(read('감사합니다. 직원 숙소 난방이 안 돼요 빨리 고쳐 주세요').intent).toBe('report');
    // when it comes, asked after a long wait: a chase
    expect(read('#12 等了半个月了 几时能有结果').intent).toBe('urge');
    // a market or a mall after a place is no name; a two-character brand ending in 城 is
    expect(read('义乌的国际商贸城物流车进不去').enterprise).toBe(null);
    expect(read('成都的春熙路商城电梯坏了').enterprise).toBe(null);
    expect(read('温州的红蜻蜓鞋业城东仓库漏水').enterprise).not.toBe('红蜻蜓鞋业城');
  });
  it('after a third review of the forty-sixth session rules', () => {
    // a matter's number: only when or whether, between it and what is asked
    expect(read('园区那个58号门店审批卡了一个月').ticket).toBe(null);
    expect(read('上个月那个15号到底批了没').ticket).toBe(null);
    expect(read('招工那个2号到底什么时候能有个答复')).toMatchObject({ intent: 'urge', ticket: 2 });
    expect(read('排污许可那个7号目前办结了没')).toMatchObject({ intent: 'query', ticket: 7 });
    // closed yet: pressed a chase, after a complaint a reopen, with two question marks a question
    expect(read('#12 到底办结了没').intent).toBe('urge');
    expect(read('电又停了 #12 搞定了吗').intent).toBe('reopen');
    expect(read('#12 办结了吗？？').intent).toBe('query');
    expect(read('#12 停电的事解决了没').intent).toBe('query');
    // when it comes, after a wait: a chase; the labelled 到底 questions read as before
    expect(read('#12 超期三天了 什么时候能办结').intent).toBe('urge');
    expect(read('#293 到底什么时候能办好？').intent).toBe('query');
    // no money paid is a reopen, unless the cadre's close found why
    expect(read('#88 根本没给钱，算什么办结').intent).toBe('reopen');
    expect(read('#88 保证金根本没退给我们').intent).toBe('reopen');
    expect(read('#88 经核实根本没到账，银行系统延迟，已协调今天到账，办结').intent).toBe('resolve');
    // a close after 考虑看看 is the close
    expect(read('#82 企业考虑看看，先不办了，可以结了').intent).toBe('resolve');
    // thanks that promise to call again, in Korean
    expect(read('감사합니다 또 연락드릴게요').intent).toBe('chat');
    expect(read('감사합니다 언제든지 연락 주세요').intent).toBe('chat');
  });

  it('reads who is handling one\'s ticket, asked with 专员, and a visit promised and not made (rounds 162 and 215, kept when rounds 276–287 joined)', () => {
    expect(read('我们椰风跨境的单子是哪个专员在跟？').intent).toBe('query');
    expect(read('#91 人呢 说好今天来的也没来').intent).toBe('urge');
    expect(read('#91 人呢 说好今天来的也没来').ticket).toBe(91);
  });

  it('reads rounds 288–298: a clause after 我们是X的 and a space, 好 + a verb after 我们, a person in black brackets, 名叫, name corrections, a ticket overdue, taken and left', () => {
    expect(read('我们是钟祥鑫宇磷化的 因为园区规划调整 老厂区要搬迁 补偿政府说按老标准 我们觉得太低了').enterprise).toBe('钟祥鑫宇磷化');
    expect(read('想申请今年的外贸稳增长奖励 能不能12月10号前给个准话 我们好准备材料 高碑店市卡丽莱箱包有限公司').enterprise).toBe('高碑店市卡丽莱箱包有限公司');
    expect(read('我们随州鼎力改装车 焊工太难招了 能不能在职业技术学院开个订单班 我们出钱培训').enterprise).not.toBe('出钱培训');
    expect(read('客户欠我们货款一百三十多万 拖了一年多了 能不能帮协调协调【华瑞汽配 王会计】').enterprise).toBe('华瑞汽配');
    expect(read('我哋係一間由美國僑胞投資嘅新廠，名叫僑聯五金製品，想問稅收優惠').enterprise).toBe('侨联五金制品');
    expect(parseCorrections('#77 这个企业是鑫宇座椅，不是新宇，麻烦改下企业名')).toEqual([{ field: 'enterprise', name: '鑫宇座椅' }]);
    expect(parseCorrections('#160 企业名字写成宏港了，是鸿港，改下')).toEqual([{ field: 'enterprise', name: '鸿港' }]);
    expect(read('#160 企业名字写成宏港了，是鸿港，改下').intent).toBe('correct');
    const overdue = read('18号都超期三天了 咋还没动静呢 领导帮催一下');
    expect([overdue.intent, overdue.ticket]).toEqual(['urge', 18]);
    expect(read('工单121 签收三天了一点动静都没有，麻烦上点心').intent).toBe('urge');
    expect(read('我要报一个问题 是直接在群里说就行吗 还是要填表').intent).toBe('help');
    expect(read('哈拉少 没问题').intent).toBe('chat');
  });

  it('reads rounds 288–298 further: waiting for the enterprise to confirm, a cooperative\'s members, the Chinese name after the Latin one, trades of floors, special vehicles, heat exchangers and drillers', () => {
    expect(read('＃117 已电话答复企业，政策依据发过去了，等企业确认').intent).toBe('progress');
    expect(read('#117 已答复，企业确认了，办结').intent).toBe('resolve');
    expect(read('今年枣价太低了 有没有收储政策或者大客户对接 我们丰润红枣合作社社员好几百户呢').enterprise).toBe('丰润红枣合作社');
    expect(read('我们的进出口经营者备案要改法人，麻烦下周三前办好，有批货等着报关 —— Golden Bay 金湾贸易').enterprise).toBe('金湾贸易');
    expect(read('一批木地板出口美国被反倾销调查了，想问下商务部门有么应诉指导，宿迁佳禾地板').enterprise).toBe('宿迁佳禾地板');
    expect(read('加急！！广水宏远罐车的新车型公告申报 还差一份检验报告').enterprise).toBe('广水宏远罐车');
    expect(read('污水管网没接通，我们每天拉罐车外运，一吨八十').enterprise).toBeNull();
    expect(read('四平巨元换热器想问问 咱区里能不能帮忙联系个电视台').enterprise).toBe('四平巨元换热器');
    expect(read('我们克拉玛依的兴业钻井想引进两个高级工程师，听说有人才安居的房子').enterprise).toBe('兴业钻井');
  });

  it('keeps the forty-seventh session\'s rules to what they were written for (its review: pleas in brackets, a handler\'s own notes, days overdue, a problem after how to report, why a name was put down so)', () => {
    expect(read('厂门口积水严重【紧急求助 谢谢】').enterprise).toBeNull();
    expect(read('补贴什么时候发【望领导重视 谢谢】').enterprise).toBeNull();
    expect(read('厂门口积水严重【鑫达塑业 财务】').enterprise).toBe('鑫达塑业');
    expect(read('#91 专家说好今天来的也没来 改到下周').intent).toBe('progress');
    expect(read('#94 说好来的也没来 已经跟企业解释过了 下周一上门').intent).not.toBe('urge');
    expect(read('#121 签收三天了 企业那边一直没动静 联系不上').intent).not.toBe('urge');
    expect(read('#92 签收三天了 今天没动静 明天继续跟').intent).not.toBe('urge');
    for (const day of ['18号都超期了 我们的货还在港口', '20号都超期了 开发商还没把工程款结给我们', '1号都超期了 1号说好的供暖还没通', '12号都超期了 环评还没批下来']) {
      expect(read(day).ticket).toBeNull();
    }
    expect(read('25号早就超期了 怎么没人管').ticket).toBe(25);
    expect(read('我想报个问题直接在群里说就行吗？我们园区路灯坏了一个月了').intent).toBe('report');
    expect(read('我想提个问题，直接在群里说就可以吗？').intent).toBe('help');
    for (const why of ['#12 企业名写成简称了，是企业报的时候写的', '#12 公司名写成旧名了 是因为营业执照未变更', '#12 企业名写成分公司了 是总公司报的', '#12 企业名写成华丰了 是华丰还是华峰', '#12 单位名称写成了村委会 是镇政府报上来的']) {
      expect(parseCorrections(why)).toEqual([]);
    }
    expect(parseCorrections('#106 公司名字填成永丰了，是永丰农机')).toEqual([{ field: 'enterprise', name: '永丰农机' }]);
    expect(read('什么时候验收 我们好准备材料').enterprise).toBeNull();
    expect(read('我们是襄阳的 由于物流成本高 想问问有没有补贴').enterprise).toBeNull();
    expect(read('我们花钱培训的工人都跑了').enterprise).toBeNull();
  });

  it('sets a corrected enterprise to its name alone, not what is said after it (26 of the 443 names corrected in the corpus kept such words), and reads 更正 before the field', () => {
    const named = (text: string) => parseCorrections(text).map((c) => (c.field === 'enterprise' ? c.name : c.field));
    expect(named('#12 企业是瑞丰农业，不是瑞峰农业，麻烦改下企业名称')).toEqual(['瑞丰农业']);
    expect(named('#174 企业是阳谷县鑫海电缆 不是鑫海电器 改一下')).toEqual(['阳谷县鑫海电缆']);
    expect(named('#152 企业名字弄错了，不是鑫源食品，是鑫园食品，园林的园')).toEqual(['鑫园食品']);
    expect(named('#95 企业名字搞错了 不是金泰 是金太 太阳的太')).toEqual(['金太']);
    expect(named('#220 企业应该是宽城华栗食品，录成宽城栗园了，改一下')).toEqual(['宽城华栗食品']);
    expect(named('#126 企业是南充的华美陶瓷不是华美瓷砖，改一下')).toEqual(['南充的华美陶瓷']);
    expect(named('#12 企业是 Acme Trading Co., Ltd.')).toEqual(['Acme Trading Co., Ltd']);
    expect(named('#25 更正：企业名称是华瑞汽配')).toEqual(['华瑞汽配']);
    expect(parseCorrections('#25 更正 类别应该是用地')).toEqual([{ field: 'category', to: 'land', text: '用地' }]);
    expect(read('#25 更正 企业名称是华瑞汽配').intent).toBe('correct');
  });

  it('keeps a space inside a corrected name and cuts only what is said about it; a rebooked visit in a handler\'s note is no chase (the second review of the forty-seventh session)', () => {
    const named = (text: string) => parseCorrections(text).map((c) => (c.field === 'enterprise' ? c.name : c.field));
    expect(named('#12 企业名称是 威海 华瑞汽配有限公司')).toEqual(['威海 华瑞汽配有限公司']);
    expect(named('#12 企业是 中铁十局 三公司')).toEqual(['中铁十局 三公司']);
    expect(named('#130 企业名字搞错了 不是华丰是华峰 山字旁那个')).toEqual(['华峰']);
    expect(named('#156 企业名字搞错了 不是锦华丝绸 是锦华绸业 改一哈')).toEqual(['锦华绸业']);
    expect(named('#7 企业应为：利民制药（山东）有限公司')).toEqual(['利民制药（山东）有限公司']);
    expect(read('#23 企业说好今天来的也没来，已重新约了周五上门').intent).toBe('progress');
    expect(read('#23 说好昨天来的也没来，企业很不满，已协调明天上午上门').intent).toBe('progress');
  });

  it('reads a name put down wrong and the name it is with thanks or how it is written after a comma (the second review of the forty-seventh session)', () => {
    expect(parseCorrections('#12 企业名字写成宏港了，是鸿港，麻烦改下谢谢')).toEqual([{ field: 'enterprise', name: '鸿港' }]);
    expect(parseCorrections('#12 企业名字写成宏港了，是鸿港，鸿运的鸿')).toEqual([{ field: 'enterprise', name: '鸿港' }]);
    expect(parseCorrections('#138 企业名称写成了华森竹业，实际是华林竹业，谢谢')).toEqual([{ field: 'enterprise', name: '华林竹业' }]);
    expect(parseCorrections('#12 企业名写成华丰了，是华峰吗？')).toEqual([]);
    expect(read('#12 企业名字写成宏港了，是鸿港，麻烦改下谢谢').intent).toBe('correct');
  });

  it('reads a brand of 字号 characters at the head, with its district before it, however often the reports have met the brand; a product is no brand (rounds 288–299 joined)', () => {
    expect(read('海南区金泰电石 俺们有几个外地来的技术员想把娃娃转到海南区上学，学校说没学位了').enterprise).toBe('海南区金泰电石');
    expect(read('石嘴山市博远碳化硅 今天早上八点开始全厂停电 供电局说是上级线路检修').enterprise).toBe('石嘴山市博远碳化硅');
    expect(read('渭南的瑞祥苹果醋 超市上架费贵得很，想问问有没有政府搭的展销平台').enterprise).toBe('瑞祥苹果醋');
    expect(read('商品混凝土供应跟不上，搅拌站说环保限产，工期越拖越长').enterprise).toBeNull();
  });

  it('leaves a signature after a dash out of the summary, which shows the enterprise apart (the product try: "问题：" repeated the signature)', () => {
    expect(read('园区天然气压力老不稳，早上用气高峰锅炉老是点不着，影响生产 —— 焦作华冠纺织 王会计').summary).toBe('园区天然气压力老不稳，早上用气高峰锅炉老是点不着，影响生产');
    expect(read('我们门口的雨水井盖丢了 一个大坑 太危险了 —— 鑫达塑业 小王 13800001111').summary).toBe('我们门口的雨水井盖丢了 一个大坑 太危险了');
    expect(read('九江宏发仓储 —— 我们2019年拍的地，到现在土地证都没办下来').summary).toBe('我们2019年拍的地，到现在土地证都没办下来');
    // a dash inside what is said stays
    expect(read('想参加明年中国—东盟商品交易会，我们的沉香产品能不能进广西馆展示？ 瑶乡沉香').summary).toMatch(/^想参加明年中国—东盟商品交易会/);
  });

  it('reads Wenzhou\'s and Lishui\'s trades, Wenzhou\'s 我俫 (we), and no office glued to a person\'s English name, nor one\'s family, as the name (round 302)', () => {
    expect(read('正宇开关的省级绿色工厂奖励50万 公示都完了两个月了 什么时候兑现？').enterprise).toBe('正宇开关');
    expect(read('鹿城瑞光烟具上半年去广交会的展位费补贴，审核讲通过了，钱到现在冇下来').enterprise).toBe('鹿城瑞光烟具');
    expect(read('金鹿打火机接了个中东大单 要先垫资买原料 缺口八百万').enterprise).toBe('金鹿打火机');
    expect(read('宏大带锯在缙云工业区 污水管网一直没接到我们厂 每个月拉槽罐车运污水').enterprise).toBe('宏大带锯');
    expect(read('我俫永嘉鑫泰泵阀申请了政府性融资担保 担保费能不能再降一点').enterprise).toBe('永嘉鑫泰泵阀');
    expect(read('听讲下礼拜有个跟德国采购商的对接会 我们还报得上名吗 —— 力士达阀门 外贸部Vivian').enterprise).toBe('力士达阀门');
    expect(read('我俫家老头子去年评的优秀民营企业家 证书跟奖牌到现在还没拿到 问下去哪领').enterprise).toBeNull();
    expect(read('家悦厨电想问，施工许可证可唔可以容缺受理？人防审批仲未出').enterprise).toBe('家悦厨电');
  });

  it('reads the unsure tickets asked for by what is not yet confirmed, a ranking asked for a meeting, and taken but nothing since with a plea to hurry (rounds 300, 304, 306)', () => {
    expect(read('有哪些单子还没确认分类的 拉出来我看下').intent).toBe('triage');
    expect(read('有哪些单子还等着确认分类的？发我看一下').intent).toBe('triage');
    expect(read('本周各部门红黑榜排一下，下午调度会要用').intent).toBe('digest');
    expect(read('明天上午十点在三楼会议室开调度会，各部门带上问题清单').intent).toBe('chat');
    expect(read('#72 签收了就没动静了，企业天天在问，麻烦加快').intent).toBe('urge');
    expect(read('#72 签收了就没动静了 企业电话打不通 明天继续跟').intent).not.toBe('urge');
  });

  it('a claim\'s own note is what is told beside taking the ticket, when it says something (claimNote)', () => {
    expect(claimNote('#79 已签收，电话联系了企业负责人，明天上门核实情况')).toBe('电话联系了企业负责人，明天上门核实情况');
    expect(claimNote('#60 已签收 今天下午跟企业通了电话 约了周四上门')).toBe('今天下午跟企业通了电话，约了周四上门');
    for (const t of ['认领 #12', '#12 我来跟', '这个我认领了', '#12 收到，我来办', '认领 #12 马上联系']) expect(claimNote(t), t).toBe('');
  });

  it('reads the name visited after 走访时, 我们这边是 as 我们是, and power fittings and vehicle parts as trades (rounds 308 and 310)', () => {
    expect(read('走访时济南金鹏纸业反映：外地员工的孩子明年上初中，学籍转不过来，请教育局协助').enterprise).toBe('济南金鹏纸业');
    expect(read('咱这边是济南高新区的擎天软件，机房想拉条电信专线，报了半个月了').enterprise).toBe('擎天软件');
    expect(read('我是连江养鲍鱼的，去年台风的灾后补助一直没到，我们这里是卡在哪一步').enterprise).not.toBe('卡在哪一步');
    expect(read('厂房扩建的规划许可交上去一个多月了，审图那边让改了三回了 泰安中天电力金具').enterprise).toBe('泰安中天电力金具');
    expect(read('想拉上几家泰安的重卡配件企业一块去中亚跑市场，商务局有没有出海团能带带俺们 泰安路通车辆部件').enterprise).toBe('泰安路通车辆部件');
  });

  it('keeps this session\'s rules to what they were written for (its review: a kind of product is no brand, a range or a place after a dash stays in the summary, a ranking named at a meeting is its notice, done said by who did it is no reopening)', () => {
    for (const t of ['空气开关跳了三次，车间全停', '防风打火机的订单下滑', '揉捻茶机坏了', '非标泵阀订单多', '国产密封件质量不行', '永嘉泵阀协会的人说今年有补贴', '浙江开关 用工难', '经开区泵阀 用工难', '老板开关厂的，想问问用地']) expect(read(t).enterprise, t).toBeNull();
    expect(read('嘉禾茶机这边，跟隔壁厂为了围墙界线吵好久了').enterprise).toBe('嘉禾茶机');
    expect(read('经开区华泰泵阀 环评卡住了').enterprise).toBe('华泰泵阀');
    expect(read('需要一块20—30亩的工业用地').summary).toBe('需要一块20—30亩的工业用地');
    expect(read('污水管网堵了 —— 在二期东门').summary).toBe('污水管网堵了 —— 在二期东门');
    expect(read('宏达化工 —— 环评卡住了').summary).toBe('环评卡住了');
    expect(read('天然气压力不够，影响生产 —— 谢谢领导').summary).toBe('天然气压力不够，影响生产');
    expect(read('厂区门口路灯坏了一个月了，晚上下班不安全 - 天赐生态 孙总').summary).toBe('厂区门口路灯坏了一个月了，晚上下班不安全');
    for (const t of ['出口订单被取消 —— 损失两百万', '天然气停供 —— 明天起', '天然气压力不够，影响生产 —— 谢谢领导']) expect(read(t).enterprise, t).toBeNull();
    expect(read('厂区里最近老是有流浪狗窜来窜去，找啥部门处理？——三元纺织').enterprise).toBe('三元纺织');
    for (const t of ['下午调度会通报各部门红黑榜，请各部门负责人准时参加', '调度会通知：明早8点半，排名后三位的部门一把手参加']) expect(read(t).intent, t).toBe('chat');
    expect(read('各部门红黑榜发一下，下午调度会要用').intent).toBe('digest');
    expect(read('#45 我们搞好了').intent).toBe('resolve');
    expect(read('#45 我俫已经解决了').intent).toBe('resolve');
    expect(read('#12 我们已经去现场看过了').intent).toBe('progress');
    expect(read('#58 我们修好了又坏了').intent).not.toBe('resolve');
  });

  it('keeps this session\'s mends to what they were written for (its second review: 我们这边是 names only a business, a visit note is no answer or transfer, only a business signing leaves the summary, a registered firm of a place\'s name is one)', () => {
    for (const t of ['我们这边是路灯不亮', '咱这边是晚上停电', '咱这边是老厂房']) expect(read(t).enterprise, t).toBeNull();
    expect(read('咱这边是晚上停电').category).toBe('utilities');
    expect(read('我们这边是马尔康卓克基土司酒店 宽带老是断').enterprise).toBe('马尔康卓克基土司酒店');
    expect(read('#12 我们已经去现场看过了，已经修好了').intent).toBe('resolve');
    expect(read('#12 我们已经去现场看过了，这个不归我们管，转住建').intent).toBe('transfer');
    expect(read('#45 我们搞好了，就是还有点小问题').intent).not.toBe('resolve');
    for (const t of ['道路积水严重 —— 宏达化工门口', '企业用电增容申请两个月没批下来 —— 供电公司', '园区排水管网堵塞，一下雨就积水 —— 三元纺织仓库']) expect(read(t).summary, t).toBe(t);
    expect(read('宏达化工 —— 停电').summary).toBe('停电');
    expect(read('宏达化工 ---- 停电').summary).toBe('停电');
    expect(read('三江泵阀厂 想租地').enterprise).toBe('三江泵阀厂');
    expect(read('东风泵阀有限公司 想租地').enterprise).toBe('东风泵阀有限公司');
    for (const t of ['真空泵阀进口关税太高', '上海泵阀 来温州设厂要什么手续', '云和木玩 外贸订单被砍了一半']) expect(read(t).enterprise, t).toBeNull();
    expect(read('有哪些单子分类没确认').intent).toBe('triage');
    expect(read('#72 签收了就没动静了').intent).toBe('urge');
  });

  it('rounds 300–311 joined: readings the retraining would have lost, kept by rules (forty-ninth session)', () => {
    // done, and the enterprise's word that it works, passed on by the one handling it: the close
    expect(read('#318 电送上了，企业说机器开起来蛮好').intent).toBe('resolve');
    expect(read('#318 企业说还不行').intent).not.toBe('resolve');
    expect(read('#318 企业说挺好的，但是电压还不稳').intent).not.toBe('resolve');
    // money passed on, still to reach the enterprise next week: where it stands
    expect(read('#75 资金已拨到镇财政 下周发到企业 专员王').intent).toBe('progress');
    // the land's pre-examination opinion asked for: land, not an approval
    expect(read('攀枝花市兴钛矿业有限责任公司关于尾矿库扩容用地预审事宜：材料已于10月递交，恳请于2026年12月15日前出具预审意见，以免影响明年汛期前施工。联系人：张工').category).toBe('land');
  });

  it('rounds 312, 314, 316, 318, 320, 322 read (forty-ninth session)', () => {
    // trades: grain machinery, special steels, catalysts, silicon carbide, phosphate fertiliser — not property managers or
    // heat-and-power plants, most often the party complained of
    for (const t of ['华润物业给我们断水了', '华能热电给我们停汽了，车间全停了']) expect(read(t).enterprise, t).toBeNull();
    for (const t of ['我们和兴华特材一起申请技改补贴', '我们同天虹粮机是一个老板，两家都要扩容']) expect(read(t).enterprise, t).toBeNull();
    expect(read('拆违把我们宏基粮机的配电室也划进去了，可这个当年是合法审批的，要拆的话补偿谁给？').enterprise).toBe('宏基粮机');
    expect(read('宁钢特材有几个外地来的技术员，娃娃想在大武口上学，插班要啥手续？学校说学位紧张').enterprise).toBe('宁钢特材');
    expect(read('金晶催化最大的客户突然把明年的采购订单取消了，已经停了一条生产线').enterprise).toBe('金晶催化');
    expect(read('鑫泰磷肥新车间主体封顶了，但是外墙施工队跑了一半，进度落后').enterprise).toBe('鑫泰磷肥');
    // (after the review: not the fee, 物业费; not a catalytic technology; not the other party after 我们和/与, nor the company's own office)
    expect(read('华宇物业费标准调整需要听证吗').enterprise).toBeNull();
    expect(read('VOCs催化燃烧装置改造补贴怎么申请').enterprise).toBeNull();
    for (const t of ['我们和保利物业的物业费合同到期了，续签谈不拢', '我们与绿城物业的纠纷调解了两次没结果', '我们公司物业经理说，园区消防通道被占了']) expect(read(t).enterprise, t).toBeNull();
    expect(read('我们和美服饰今年小升规，讲有奖励，申报材料下周三前能不能帮我们审一下？').enterprise).toBe('和美服饰');
    expect(read('违章建筑被要求拆除，能不能补办手续').enterprise).toBeNull();
    expect(read('#139 企业说基本正常了，再观察两天').intent).toBe('progress');
    expect(read('#517 企业说暂时正常了，再看看').intent).toBe('progress');
    for (const t of ['#3606 企业说正常了，再看两天', '#3810 企业说正常了，明天上午再去看一下', '#3801 企业说正常了，下周再看']) expect(read(t).intent, t).toBe('progress');
    expect(read('#3202 这个问题谁在管，怎么一直没动静').intent).toBe('urge');
    // a vehicle's plates cloned, its fines on the company: no illegal building; a dormitory's fire equipment: construction
    expect(read('宁夏金诺物业 公司的车被一辆套牌车套了 违章都记在我们头上 交警说要我们自己证明 这个谁能帮一下').category).toBe('other');
    expect(read('华夏物业：宿舍楼消防设施不达标').category).toBe('construction');
    // chases: overdue with the handler called for; the enterprise asking again for a firm word
    expect(read('第70号，都过期三天了，承办人在吗？').intent).toBe('urge');
    expect(read('#88 企业又在群里问了，明天能不能给个准信？').intent).toBe('urge');
    // who handles it, asked (Yunnan 给有 = 有没有); with impatience it stays a chase
    expect(read('#48 现在哪个在办？给有个进度嘛').intent).toBe('query');
    expect(read('#188 都超期三天了 到底谁在办 再不动我们就打12345了').intent).toBe('urge');
    // a note headed by 进展, the number and a comma
    expect(read('进展：90号，拆迁评估复核已启动，预计12月中出结果')).toMatchObject({ intent: 'progress', ticket: 90 });
    // 办结 still to come after a check
    expect(read('#93 已约企业明天上午去现场核实，确认完再办结').intent).toBe('progress');
    // where a problem is reported, and whether typing it is enough (Gan 何里)
    expect(read('店小二何里报问题？直接打字就行吗').intent).toBe('help');
  });

  it('reads what rounds 312–323 taught once joined (fiftieth session)', () => {
    // merchants to be drawn in for a fair is market, not publicity (宣传 alone reads other)
    expect(read('我们汽配城想搞个年货节 想请区里帮着宣传宣传 招点商户进来 —— 沧州汇通汽配城').category).toBe('market');
    // a village's fibre wanted for its 年货节 live sales stays utilities
    expect(read('俺们村里的网还是老铜线 慢的要命 直播卖货老是卡 想拉光纤 下周要搞年货节直播').category).toBe('utilities');
  });

  it('reads the names rounds 324–334 taught (fiftieth session)', () => {
    const name = (t: string) => read(t).enterprise;
    // trades: toothbrushes, plush toys, ship fittings, port operators, oral care, tea snacks, gearboxes, oilfield services,
    // weighing machines, electronic controls
    expect(name('琼花毛绒今年外贸单子掉了快一半，想参加明年春季广交会')).toBe('琼花毛绒');
    expect(name('金湾船配这边环评报告书上周报到生态环境局了')).toBe('金湾船配');
    expect(name('倍洁牙刷的光纤专线申请了一个月，移动说要等园区管道')).toBe('倍洁牙刷');
    // not the product, a maker complained of, a port office or operator, a region's food (the review's cases)
    for (const t of ['电动牙刷的出口认证怎么这么慢', '三笑牙刷厂家的售后电话打不通', '连云港港务局旁边的那块地能不能给我们做堆场', '上海港务这个月的集装箱费又涨了', '潮汕茶食传统工艺申遗', '远程电控系统招标', '无级变速器研发补贴', '国产变速器质量不行', '主营衡器的企业有没有补贴', '定制毛绒的订单少了']) expect(name(t), t).toBeNull();
    expect(name('皓雪口腔护理被一家连锁超市拖欠货款快一年了')).toBe('皓雪口腔护理');
    expect(name('长春锦程变速器 新招的三十多个外地工人宿舍不够住')).toBe('长春锦程变速器');
    expect(name('乾安县宝力油田服务 野外井场的临时用电老被拉闸')).toBe('乾安县宝力油田服务');
    expect(name('天元区的中南轨道衡器，厂房扩建桩基检测有两根不合格')).toBe('中南轨道衡器');
    expect(name('株洲恒芯电控二期厂房要通电，配电工程验收约不到人')).toBe('株洲恒芯电控');
    // not a toy or a cloth of plush, nor shipbuilding's suppliers
    expect(name('做圣诞帽用的毛绒布 原来那家厂不做这种布了 能不能帮找个替代的布料厂')).toBeNull();
    expect(name('我单位（为大连造船配套的辽南重工机械有限公司）新建涂装车间环评报告书已报送')).not.toBe('大连造船配');
    // a signature's office or project after the name is no part of it
    expect(name('不然过不了验收 — 康诺药业设备部')).toBe('康诺药业');
    expect(name('进度比计划慢了一个月 让总包多上点人 —— 华美药业新区项目')).toBe('华美药业');
    expect(name('请安监站明天务必来检查 ——安平鑫源网业厂房项目')).toBe('安平鑫源网业');
    expect(name('消防验收什么时候能约上？——扬州一洋药业厂房项目')).toBe('扬州一洋药业');
  });

  it('reads the commands and dangers rounds 324–334 taught (fiftieth session)', () => {
    // the overdue at the head of the list, in a leader's shorthand; not an enterprise's own "超期前十天"
    expect(read('超期top10').intent).toBe('digest');
    expect(read('超期前十').intent).toBe('digest');
    expect(read('我们厂超期前十天就报了').intent).toBe('report');
    // how to use the bot, and what a report must look like; not a problem that mentions a format or another platform
    expect(read('@店小二 咋用你查我们企业的问题进度？有啥指令').intent).toBe('help');
    expect(read('新来的，这个群里报问题有么要求？格式是么样的').intent).toBe('help');
    expect(read('发票格式是什么样的 税务局说我们开错了').intent).toBe('report');
    expect(read('咋用你们的平台查社保 系统进不去').intent).toBe('report');
    // a chase: 到底还管不管
    expect(read('第98号 到底还管不管了？上周说这周给答复 今天都周一了').intent).toBe('urge');
    // the enterprise's own word that it is not its problem, withdrawn
    expect(read('#240 不是我们企业的问题，是别个群发错了，撤销').intent).toBe('correct');
    // whether it is done, asked without 了, is a question, never the close
    for (const t of ['#31 搞掂未啊', '#31 搞定没', '#31 搞定未？']) expect(read(t).intent, t).toBe('query');
    expect(read('#31 搞掂了').intent).toBe('resolve');
    // not when it says not to withdraw it
    expect(read('#15 不是我们企业的问题，不要撤销，继续跟进').intent).not.toBe('correct');
    // the shorthand with a tail a leader adds
    for (const t of ['超期前十发我看一下', '超期top10是哪些企业', '超期前十是哪几个单']) expect(read(t).intent, t).toBe('digest');
    // dangers: a crane's wire rope snapped, a slope come down this morning, a loan to be repaid the day after tomorrow,
    // a roof sheet torn up over a path; not a slope left so for months, nor a cash chain said to be breaking alone
    expect(read('凌锐光电新厂区工地昨晚塔吊钢丝绳断了一根，还好冇伤到人，施工方想接着干，请安监的来看一下').urgency).toBe('urgent');
    expect(read('金瑞汽配 厂房后面的高边坡今天早上垮了一截，土都冲到车间后墙了，请派人来看看还会不会继续塌').urgency).toBe('urgent');
    expect(read('孝感金瑞汽配 银行突然抽贷1000万，通知后天就要还，还不上就上征信').urgency).toBe('urgent');
    expect(read('松原鼎泰石油机械 新厂房屋面彩钢板昨晚让大风掀起来一大片，耷拉在半空，底下就是人行道').urgency).toBe('urgent');
    expect(read('我们茶馆观景台下面的河道护坡冲垮了一截，汛期过了一直没人修').urgency).toBe('normal');
    for (const t of ['银行抽贷了，还有两天就要还款，三百万还差一百万', '龙门吊钢丝绳断裂，已停止作业', '挡墙倒了，压坏了两辆车']) expect(read(t).urgency, t).toBe('urgent');
    expect(read('塔吊钢丝绳去年断过一次').urgency).toBe('normal');
    expect(read('下游的手机厂欠我们货款三百多万，一拖就是半年，我们小厂资金链都快断了，能不能帮着协调一下').urgency).toBe('normal');
  });
  it('reads research with a university\'s team as other, graduates hired from one as talent (rounds 324–335 joined)', () => {
    expect(read('能不能帮我们对接一下农大的研发团队 想做稻壳综合利用 我们是汤原绿源生物质能源').category).toBe('other');
    expect(read('想请区里帮忙牵线跟浙江理工大学合作搞一个研发中心，产学研这块不晓得找哪个 —— 南浔 中佳木业').category).toBe('other');
    expect(read('能不能帮我们对接下青海大学或者职业技术学院，明年想招十个化工专业的毕业生，待遇不差的。盐湖天成化工').category).toBe('talent');
  });
  it('reads a category corrected with 改到 or 改一下类别 as the correction, a transfer asked after the matter as the transfer (rounds 340, 346)', () => {
    expect(read('#162 不是用地问题，改到施工建设类')).toMatchObject({ intent: 'correct', ticket: 162 });
    expect(read('#126 这个应该算基础设施配套，不是水电气，改一下类别')).toMatchObject({ intent: 'correct', ticket: 126 });
    expect(read('#142 这个不是我们交通局的事 是雨水管网的 转给水务局吧')).toMatchObject({ intent: 'transfer', ticket: 142 });
    expect(read('#214 这个不是用地的事，应该算审批').intent).toBe('correct');
    // one enterprise's tickets asked for
    expect(read('帮我查一下慈溪恒润电器的工单')).toMatchObject({ intent: 'query', enterprise: '慈溪恒润电器' });
    expect(read('查一下 瑞丰汽车零部件 的所有工单').enterprise).toBe('瑞丰汽车零部件');
    expect(read('金沙窖酒业反映的问题有哪些').enterprise).toBe('金沙窖酒业');
    expect(read('查一下我们的问题').enterprise).toBeNull();
    // a period's tickets are the leaders' numbers
    expect(read('帮我查一下这个月的工单').intent).toBe('digest');
  });
  it('reads a colleague\'s absence, a meeting\'s room and the fog as chat; a fallen load on a car, a bridge about to go, a road held by a tractor as urgent; a bill the bank will not discount as finance (rounds 340–346)', () => {
    for (const t of ['今天开会的地方在三楼哈，不是二楼', '周五的培训我来不了哈，请个假', '哈哈，今儿这雾够大的，开车都慢点儿']) expect(read(t).intent, t).toBe('chat');
    expect(read('厂房后面的仓库漏雨，我们来不了现场，请个假也没用，能不能派人来看看').intent).toBe('report');
    for (const t of [
      '工地围挡倒了一大片，把路边停的车砸了，幸亏没砸着人，施工方到现在也不来弄',
      '隔壁厂房拆除连个围挡都没有，碎砖头往我们院里飞，已经砸坏一辆车了，工人都不敢出门',
      '门口那座小桥叫大车压裂了，连个限重牌子都没有，看着随时要塌，能不能找交通局看看',
      '隔壁村的人说俺们的货车把村路压坏了，今天拿拖拉机横在路上不让过，十几辆车堵那儿了',
    ]) expect(read(t).urgency, t).toBe('urgent');
    expect(read('店门口的监控被人砸了 派出所说他们的探头也没拍到 能不能帮忙调下街上其他的监控').urgency).toBe('normal');
    for (const t of ['车被砸了，行车记录仪也被偷了', '再不给贷款，厂子随时要垮了', '公司随时要倒闭了，求帮忙']) expect(read(t).urgency, t).toBe('normal');
    // a fault told beside the meeting or the absence is a report
    for (const t of ['今天开会的地方在三楼，但是三楼的电梯坏了好几天了', '周五的培训我来不了，请假，厂里停电了走不开']) expect(read(t).intent, t).toBe('report');
    expect(read('工人体检查出职业病，工人要求赔偿，我们怎么处理').category).toBe('dispute');
    expect(read('主机厂给的电子债权凭证，银行不给贴现，说俺们规模太小，能不能协调一下 济南泰丰车桥配件').category).toBe('finance');
    expect(read('咱这有没有地方能给职工集中办个体检？附近医院排不上号，一百多号人呢 —— 大厂瑞兴金属').category).toBe('other');
    expect(read('鹭弘纸品申报的「小升规」奖励公示结束了，下周三前能不能拨付？公司要发年终奖').enterprise).toBe('鹭弘纸品');
  });
  it('reads names with 顺和 and the like, and die-casters and compressors by their trade; not the goods, two firms or 正和 (rounds 338–342, and the review)', () => {
    expect(read('我們是萊蕪區的順和物流，徵地補償款還差一百多萬沒到位，想問問區裡什麼時候能撥付').enterprise).toBe('顺和物流');
    expect(read('今年铝锭价格波动大，想问问区里有没有组织大宗原材料集中采购的平台，宏亚压铸').enterprise).toBe('宏亚压铸');
    expect(read('能评报告交给发改委一个月了，说要等专家库抽专家，到底还要等好久？ 华气压缩机').enterprise).toBe('华气压缩机');
    for (const t of [
      '压铸车间的行车轨道焊缝开裂了，请特检院来鉴定一下',
      '冰箱压缩机的订单下滑，工人没活干',
      '空气压缩机的电费太高了，有没有节能改造补贴',
      '铝合金压铸的废气排放被环保约谈了',
      '镁合金压铸项目要不要做安评',
      'PCB基板的原材料铜箔涨价了',
      'OLED面板项目想落户开发区',
      '太阳能面板被冰雹砸坏了好几块，保险公司不认',
      '华鑫和宏达两家公司的厂房都被淹了',
      '张主任正和供电公司协调',
      '我们正和园区谈租金',
    ]) expect(read(t).enterprise, t).toBeNull();
  });
  it('reads a slope come down long ago as no danger now, and who handles "this problem" asked alone as a query (the fiftieth session\'s review)', () => {
    for (const t of ['边坡前年就塌了', '厂后面的挡土墙去年塌了一截，一直没人修']) expect(read(t).urgency, t).toBe('normal');
    expect(read('厂房后面的高边坡今天早上垮了一截，土都冲到车间后墙了').urgency).toBe('urgent');
    for (const t of ['这个问题到底归哪个部门管', '这个事归哪个部门管啊']) expect(read(t).intent, t).toBe('query');
    expect(read('各部门办结排名发一下').intent).toBe('digest');
    expect(read('厂门口的路灯坏了快一个月了，这个归哪个部门管啊').intent).toBe('report');
  });
  it('reads a trade and 厂 alone as no name, and a crew unpaid down a contracting chain going to the government as a dispute (rounds 336–347 joined)', () => {
    for (const t of ['家纺厂想在楼顶装光伏，供电和住建两头跑，到底先办哪个', '轧花厂的工人十几个人去县里上访了，说去年的工资没结清']) expect(read(t).enterprise, t).toBeNull();
    expect(read('我们是中山小榄的，灯饰厂，叫光年照明。厂房屋顶要装光伏').enterprise).toBe('光年照明');
    expect(read('我们宏远劳务在广安经开区做的项目，总包方拖了工程款，我们发不出工资，工人说明天要去市政府，请帮忙协调总包先付一部分').category).toBe('dispute');
    expect(read('总包欠我们分包的钱，我们又欠着工人的，工人说要去区政府上访，年底了压力蛮大 顺达劳务').category).toBe('dispute');
    // (a customer's unpaid goods money before it: finance)
    expect(read('我们给一家国企做配套件 货款拖了八个多月 一百六十多万 这个月工人工资都发不出来了 工人说要去上访 请帮忙协调').category).toBe('finance');
  });
  it('reads rounds 348, 350, 352 and 354 (fifty-second session)', () => {
    // a chase in Sichuan words, of an earlier report said 上回
    expect(read('帮我们催一哈嘛').intent).toBe('urge');
    expect(read('上回反映的路灯都两个礼拜了咋还没动静，帮我们催一下嘛').intent).toBe('urge');
    // the unsure tickets waiting for the reader; one enterprise's tickets asked by 名下; a notice to everyone
    expect(read('有哪些单子等我确认分类的').intent).toBe('triage');
    expect(read('江阴华锐特钢名下现在有几个在办的')).toMatchObject({ intent: 'query', enterprise: '江阴华锐特钢' });
    expect(read('看一下谯城区和高新区这周新增的问题').intent).toBe('digest');
    expect(read('@所有人 下午三点办公楼停电检修 大家记得保存文件').intent).toBe('chat');
    expect(read('@所有人 我们厂停电了，麻烦问下供电所').intent).toBe('report');
    // the new works after a signed name's trade; not a trade that ends so
    expect(read('脚手架昨晚被大风吹歪了，工人不敢上去 —— 武胜县龙腾服饰新厂房').enterprise).toBe('武胜县龙腾服饰');
    expect(read('桩基检测报告一直出不来 —— 邻水县恒通纺织新厂区项目部').enterprise).toBe('邻水县恒通纺织');
    expect(read('房是俺们盖的 这补偿咋算 —— 瑞丽宏发轮胎翻新厂').enterprise).toBe('瑞丽宏发轮胎翻新厂');
    // jewellery and stationery makers by their trade; not a market of them
    expect(read('我们璀璨饰品不想再做代工了，想做自己的品牌出海').enterprise).toBe('璀璨饰品');
    expect(read('义乌的饰品市场最近人少').enterprise).toBeNull();
    // the day others say they will come or be done is not the day asked; today asked with 协调 or 督促 is
    expect(read('昨天夜里园区光缆被工地挖断了，生产线停了，移动公司讲要明天才能修 —— 澄芯电子').deadline).toBeNull();
    expect(read('施工单位说消防喷淋要月底才装得完，能不能帮忙协调施工方12月1号前装完').deadline).toBe('2026-12-01');
    expect(read('园区路灯整改说是月底完工，想请园区12月10号前先把我们厂门口那段弄好').deadline).toBe('2026-12-10');
    expect(read('光缆被挖断了，运营商说明天才能修，能不能协调今天就抢修').deadline).toBe('2026-11-23');
    expect(read('消防通道被施工材料堵死了，施工方讲下礼拜才清，请今天就督促清掉！').deadline).toBe('2026-11-23');
    // danger: streams stopped, a demolition today, people evacuated, stones falling, a line down said in English
    for (const t of [
      '电商园光纤被挖断了！！！整栋楼没网，二十几个直播间全部停播',
      '拆违今天下午就要来拆我们的仓库，里面还有几百万的货没地方放，能不能宽限几天',
      '施工队把老管线挖破了，现在到处都是气味，工人已经疏散了',
      '厂区旁边的高边坡这几天一直在掉石头，下头就是原料堆场',
      'Power cut again this morning, whole line stopped and kiln has to restart',
    ]) expect(read(t).urgency, t).toBe('urgent');
  });
  it('reads a collapse told before a word of care as a report, and corrections with 改到 alone or a word of thanks after (the fifty-first session\'s review)', () => {
    expect(read('下这么大雪，厂房顶被压塌了，大家注意安全')).toMatchObject({ intent: 'report', urgency: 'urgent' });
    expect(read('明天下雪，路上注意安全').intent).toBe('chat');
    for (const t of ['#601 改到施工建设类', '#601 改一下类别，应该是施工建设，谢谢', '#601 改一下分类 应该是施工建设']) {
      expect(read(t).intent, t).toBe('correct');
      expect(parseCorrections(t)[0], t).toMatchObject({ field: 'category', to: 'construction' });
    }
    expect(parseCorrections('#12 不是问题，谢谢')).toEqual([{ field: 'dismiss' }]);
    expect(read('#601 改到下周').intent).not.toBe('correct');
  });
  it('keeps what the review of the fifty-second session found: a fault told to all, a person\'s or an area\'s tickets, production figures', () => {
    // a notice to the whole group is chat; a fault, a crowd, a request or a question told to all is what it is
    for (const t of ['@所有人 今天下午两点停电检修，请各企业提前做好准备', '@所有人 园区将于下周三组织疏散演练', '@所有人 通知：园区道路明天施工，请绕行', '@所有人 请各专员及时签收待办']) expect(read(t).intent, t).toBe('chat');
    for (const t of ['@所有人 厂区停电了', '@所有人 工人讨薪堵在门口了', '@所有人 厂里停电了，请供电所尽快处理', '@所有人 化工厂泄漏，周边已疏散', '@所有人 请问有没有人知道环评找谁办', '@所有人 路灯坏了一个多月了']) expect(read(t).intent, t).toBe('report');
    expect(read('@所有人 我的待办').intent).toBe('query');
    expect(read('@所有人 亿龙置业名下有几个在办的')).toMatchObject({ intent: 'query', enterprise: '亿龙置业' });
    // 名下 of a person, an office or an area is no enterprise's
    for (const t of ['王主任名下还有几个没办完', '查一下鑫源化工名下有几个在办的']) expect(read(t).enterprise, t).toBeNull();
    for (const t of ['各街道名下有几个在办的', '开发区名下有几个在办的']) expect(read(t).intent, t).toBe('digest');
    // production figures, a line stopped briefly, a stream kept on or an advert off air: no danger
    for (const t of ['Production is down 30% this quarter, need new orders', "Our line stopped briefly yesterday but it's fine now", '今晚直播照常，不停播', '电视台的广告停播了，合同纠纷']) expect(read(t).urgency ?? 'normal', t).toBe('normal');
    expect(read('all production lines down since 6am').urgency).toBe('urgent');
  });
  it('reads round 356: one\'s own ticket asked by the enterprise\'s name, the snow and a word of care, people at the gate for their money', () => {
    expect(read('我们金达莱泡菜的工单到哪了').intent).toBe('query');
    expect(read('哎呀妈呀 今天雪真大 路上都慢点儿').intent).toBe('chat');
    expect(read('十几个种白菜的农户在厂门口堵着要钱 其实钱早打给中间商了 中间商跑了 现在闹得挺凶').urgency).toBe('urgent');
  });
});
