import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cnNumber, parseRequestedDate, readDates } from '../../../src/domain/parse/dates.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { LEXICON } from '../../../src/domain/parse/lexicon.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { parseCorrection, PROGRESS_TOLD, reopenNote } from '../../../src/domain/parse/commands.js';
import { sharedPath } from '../../helpers/shared.js';

const REF = '2026-11-23T09:30:00+08:00';

interface Sample {
  text: string;
  intent: string;
  category?: string;
  urgency?: string;
  deadline?: string | null;
  enterprise?: string | null;
  ticket?: number | null;
}
const samples = readFileSync(sharedPath('samples/messages.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Sample);

describe('the shared labelled samples (reference time 2026-11-23 09:30 +08:00)', () => {
  it('are all there', () => expect(samples.length).toBe(19));
  for (const s of samples) {
    it(`${s.intent}: ${s.text}`, () => {
      const text = s.text.replace(/^@店小二\s*/, '');
      const p = parseMessage(text, REF);
      expect(p.intent).toBe(s.intent);
      if (s.category !== undefined) expect(p.category).toBe(s.category);
      if (s.urgency !== undefined) expect(p.urgency).toBe(s.urgency);
      if (s.deadline !== undefined) expect(p.deadline).toBe(s.deadline);
      if (s.enterprise !== undefined) expect(p.enterprise).toBe(s.enterprise);
      if (s.ticket !== undefined) expect(p.ticket).toBe(s.ticket);
    });
  }
});

describe('requested dates', () => {
  const now = DateTime.fromISO(REF, { zone: 'Asia/Shanghai' }); // Monday
  const cases: [string, string | null][] = [
    ['明天要用', '2026-11-24'],
    ['後天之前', '2026-11-25'],
    ['本周五前给答复', '2026-11-27'],
    ['下周三开会前', '2026-12-02'],
    ['三天内解决', '2026-11-26'],
    ['一周内', '2026-11-30'],
    ['月底前', '2026-11-30'],
    ['年底前投产', '2026-12-31'],
    ['11月30日前', '2026-11-30'],
    ['12月10日前', '2026-12-10'],
    ['下个月5号', '2026-12-05'],
    ['1月10日前', '2027-01-10'],
    ['5个工作日内', '2026-11-30'],
    ['没有日期', null],
    // a season, or the past, is not a requested date
    ['年底订单多，缺人', null],
    ['去年年底交的材料', null],
    ['上个月底报的名', null],
    ['上周三提交的申请', null],
    ['11月5日交的材料还没批', null],
    ['月底就到期了', null],
    ['月底就到期了，希望到期前办好', '2026-11-30'],
    ['争取年底', '2026-12-31'],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want}`, () => expect(parseRequestedDate(normalizeText(text), now)).toBe(want));
  }
  it('a day something runs out on is at stake, not asked for; the earliest of both is at stake', () => {
    expect(readDates('月底就到期了', now)).toEqual({ requested: null, atStake: '2026-11-30' });
    expect(readDates('12月10号到期 能不能本周五前帮着问清楚', now)).toEqual({ requested: '2026-11-27', atStake: '2026-11-27' });
    expect(readDates('明天到期 希望12月5号前续上', now)).toEqual({ requested: '2026-12-05', atStake: '2026-11-24' });
  });
  it('reads Chinese numerals', () => {
    expect(cnNumber('十五')).toBe(15);
    expect(cnNumber('二十')).toBe(20);
    expect(cnNumber('三')).toBe(3);
    expect(cnNumber('x')).toBeNull();
    expect(cnNumber('一百零三')).toBe(103);
    expect(cnNumber('三百五')).toBe(350);
    expect(cnNumber('二百四十三')).toBe(243);
    expect(cnNumber('两三')).toBe(3); // an estimate: its larger number
    expect(cnNumber('十二三')).toBe(13);
  });
  it('reads no number from words that are no numeral', () => {
    for (const s of ['十百', '五十十', '百百', '零零七']) expect(cnNumber(s), s).toBeNull();
    expect(parseMessage('十百号什么时候办好', '2026-11-23T09:30:00+08:00').ticket).toBeNull();
  });
});

describe('normalisation and other readings', () => {
  it('converts traditional and full-width forms', () => {
    expect(normalizeText('認領　＃１２')).toBe('认领 #12');
  });
  it('reads a full-width ticket reference as a command', () => {
    expect(parseMessage('辦結 ＃7 已送電', REF)).toMatchObject({ intent: 'resolve', ticket: 7 });
  });
  it('the message from the foundation issue is an urgent-free utilities report with a summary', () => {
    const p = parseMessage('我们用电扩容申请一个月了还没批下来，影响二期投产', REF);
    expect(p).toMatchObject({ intent: 'report', category: 'utilities', urgency: 'normal', deadline: null });
    expect(p.summary).toBe('我们用电扩容申请一个月了还没批下来，影响二期投产');
  });
  it('summaries leave out greetings and the self-introduction', () => {
    expect(parseMessage('您好，我们是天赐生态科技，环评批复迟迟下不来，影响明年投产', REF).summary).toBe('环评批复迟迟下不来，影响明年投产');
  });
  it('summaries leave out the enterprise naming itself first (it is shown apart), not a name inside the sentence', () => {
    expect(parseMessage('天赐生态这边，厂区门口的路灯坏了三盏，晚上工人下班很黑', REF).summary).toBe('厂区门口的路灯坏了三盏，晚上工人下班很黑');
    expect(parseMessage('亿龙置业：用电扩容申请一个月了还没批下来', REF).summary).toBe('用电扩容申请一个月了还没批下来');
    expect(parseMessage('亿龙置业的用电扩容申请一个月了还没批下来', REF).summary).toBe('亿龙置业的用电扩容申请一个月了还没批下来');
  });
  it('summaries leave out 我们这边也是 (another enterprise\'s problem joined): the problem is what follows', () => {
    expect(parseMessage('我们这边也是限电，一周停三天，生产线开不满', REF).summary).toBe('限电，一周停三天，生产线开不满');
    expect(parseMessage('我们也是', REF).summary).toBe('我们也是');
  });
  it('summaries leave out haste cried first (the urgency is shown apart)', () => {
    expect(parseMessage('急，我们冷库停电了，货要坏了', REF).summary).toBe('我们冷库停电了，货要坏了');
    expect(parseMessage('【紧急】厂区门口主水管爆了，全厂停水', REF).summary).toBe('厂区门口主水管爆了，全厂停水');
    expect(parseMessage('急需招二十个焊工，能不能帮忙对接职校', REF).summary).toBe('急需招二十个焊工，能不能帮忙对接职校');
  });
  it('"不急" is not urgent', () => {
    expect(parseMessage('办公楼路灯坏了，不急，有空来看看', REF).urgency).toBe('normal');
  });
  it('greetings, thanks and emoji are chat', () => {
    for (const t of ['好的收到', '👍', '谢谢领导！', '辛苦了🙏']) expect(parseMessage(t, REF).intent).toBe('chat');
  });
  it('reads enterprise names in the usual patterns', () => {
    expect(parseMessage('浙江天赐生态科技有限公司的环评批复还没下来', REF).enterprise).toBe('浙江天赐生态科技有限公司');
    expect(parseMessage('我们是中建华泰项目部，桩基检测排不上', REF).enterprise).toBe('中建华泰');
  });
  it('reads safety, crowd and stoppage situations described in phrases as urgent, and a threat as not yet', () => {
    for (const t of [
      '基坑支护有变形，监测数据超了预警值',
      '工人没系安全带就在高处作业',
      '二十多个工人在项目部讨工资',
      '班组长带人把工地大门锁了',
      '村民不让我们进场平整土地',
      '芯片供应商断货，生产线只能维持一周',
      '房东把我们的电给掐了',
      '隔壁基坑开挖后围墙裂缝越来越大',
      '建筑垃圾堆在消防通道上',
    ]) {
      expect(parseMessage(t, REF).urgency, t).toBe('urgent');
    }
    expect(parseMessage('村民要求增加青苗补偿，不然不让施工', REF).urgency).toBe('normal');
    expect(parseMessage('村民嫌冷却塔太吵，要求我们停机', REF).urgency).toBe('normal');
  });
  it('reads topics the taxonomy leaves out as other the taxonomy leaves out as other, not as a near category', () => {
    expect(parseMessage('我们的商标被别人抢注了，想问问怎么维权', REF).category).toBe('other');
  });
});

describe('the category lexicon', () => {
  it('lists each cue once per category (a repeated cue would count twice)', () => {
    for (const [cat, cues] of Object.entries(LEXICON)) {
      const keys = cues.map(([w]) => String(w));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), cat).toEqual([]);
    }
  });
});

describe('asking for progress is a question, not an update', () => {
  it.each(['进度', '进度呢', '有什么进展吗', '有进展吗', '什么进度了'])('"%s" without a number asks after one\'s own tickets', (text) => {
    expect(parseMessage(text, REF).intent).toBe('query');
  });
  it.each(['#1进度', '#1 进度', '#12 进展呢'])('"%s" asks after that ticket', (text) => {
    const p = parseMessage(text, REF);
    expect(p.intent).toBe('query');
    expect(p.ticket).not.toBeNull();
  });
  it('an update with content stays an update', () => {
    expect(parseMessage('#1 进展：已联系供电公司，周五现场勘察', REF).intent).toBe('progress');
  });
});

describe('the reason of a 重办 is what the enterprise says beyond asking for it', () => {
  it.each([
    ['#12 还没解决 正式验收还没做', '正式验收还没做'],
    ['#12 重办，理由：电压还是不稳', '电压还是不稳'],
    ['#12 还没解决', ''],
    ['还是没解决', ''],
    ['根本没修好！路灯晚上还是黑的', '路灯晚上还是黑的'],
  ])('"%s" → "%s"', (text, note) => {
    expect(reopenNote(normalizeText(text))).toBe(note);
  });
});

describe('commands on a ticket without their keyword', () => {
  it.each([
    ['#12 我们科室来跟进', 'claim'],
    ['#12 收到，本局负责', 'claim'],
    ['#12 这个由我们街道牵头处理', 'claim'],
    ['#12 又停水了，上周才修过', 'reopen'],
    ['#12 修了跟没修一样', 'reopen'],
    ['#12 验收都没做，为什么就销号了？', 'reopen'],
    ['#12 营业执照已经发给企业了', 'resolve'],
    ['#12 工人已经招到了，问题解决', 'resolve'],
    ['#12 已经办结，企业表示很满意', 'resolve'],
    ['#12 非常满意，谢谢', 'rate'],
    ['#12 请加急，月底要投产', 'urge'],
    ['#12 材料已经递到市里了，预计月底批', 'progress'],
    ['#12 答复说补贴还在走审核流程', 'progress'],
    ['#12 已经和供电所沟通了', 'progress'],
    ['#12 有结果了吗', 'query'],
    ['#12 这单给我吧', 'claim'],
    ['#12 社区这边负责', 'claim'],
    ['#12 补贴一分没见，怎么显示已办结', 'reopen'],
    ['#12 贷款已经放款了', 'resolve'],
    ['#12 一般般吧，等得有点久', 'rate'],
    ['#12 这事拖太久了', 'urge'],
    ['#12 企业是不是还要补材料', 'query'],
  ])('%s → %s', (text, intent) => {
    expect(parseMessage(text, REF).intent).toBe(intent);
  });

  it.each([
    ['#12 应该算融资类', 'finance'],
    ['#12 分错了，这个属于用地拆迁', 'land'],
  ])('a category said in other words is a correction: %s', (text, to) => {
    const p = parseMessage(text, REF);
    expect(p.intent).toBe('correct');
    expect(parseCorrection(p.normalized)).toMatchObject({ field: 'category', to });
  });
  it('a department named with 是 is no correction', () => {
    expect(parseMessage('#12 应该是供电所的问题', REF).intent).not.toBe('correct');
  });
});

describe('help, 待确认 and a cadre\'s own list in other words', () => {
  it.each([
    ['如何认领工单', 'help'],
    ['怎样催办？', 'help'],
    ['命令清单', 'help'],
    ['待确认的工单发我看看', 'triage'],
    ['哪些分类待确认', 'triage'],
    ['派给我的工单有几个', 'query'],
    ['我手里还有哪些没处理完的', 'query'],
    ['我名下有没有超期的', 'query'],
    ['新分给我的有哪些', 'query'],
    ['怎么给工单评价', 'help'],
    ['多谢，事情已经办好了', 'chat'],
  ])('%s → %s', (text, intent) => {
    expect(parseMessage(text, REF).intent).toBe(intent);
  });
  it.each(['我手上还有几个项目要用地，能不能帮忙', '我们怎么申请技改补贴', '我们的环评材料还待确认吗，一直没人回', '谢谢领导，但问题还没解决'])('stays a report: %s', (text) => {
    expect(parseMessage(text, REF).intent).toBe('report');
  });
});

describe('urgency read from the situation, not from a character', () => {
  it.each([
    '仓库里闻到一股煤气味',
    '锅炉全停了，车间没有蒸汽',
    '三十多个工人堵在项目部不肯走',
    '挡土墙往外鼓出来了，下面就是宿舍',
    '村民把厂门给堵了，今天一整天没法生产',
    '我们厂有几个工人没发工资，在闹',
  ])('urgent: %s', (text) => {
    expect(parseMessage(text, REF).urgency).toBe('urgent');
  });
  it.each([
    '急缺两名数控技师，能不能帮忙推荐',
    '供电公司说要收停电损失费，这个合理吗',
    '如果下个月还拿不到排污许可就要停产，能不能帮忙问问',
    '我们的产品一直进不了市里的采购名录',
    '厂区蒸汽管道老化漏气，想申请改造',
  ])('normal: %s', (text) => {
    expect(parseMessage(text, REF).urgency).toBe('normal');
  });
});

describe('category words that pull the wrong way', () => {
  it.each([
    ['高速出口那段路一直在修，货车要绕行', 'infrastructure'],
    ['我们的电机产品出口中东遇到认证壁垒', 'market'],
    ['新品上市想找几个大的经销商', 'market'],
    ['公司准备上市，想了解辅导备案的流程', 'finance'],
    ['美籍专家的工作许可快到期了', 'talent'],
    ['员工宿舍附近没有公交站和便利店', 'infrastructure'],
    ['有没有企业数据合规方面的培训', 'other'],
    ['想找法律顾问看一下合资协议', 'other'],
    ['主机厂在找本地供应商，我们的零部件可以配套', 'market'],
    ['隔壁饭店的油烟正对着我们宿舍的窗户', 'dispute'],
    ['跟合作方闹翻了，对方把设备拉走了', 'dispute'],
    ['进口设备的保费补贴怎么申请', 'policy'],
    ['地价款能否分期缴纳', 'land'],
  ])('%s → %s', (text, category) => {
    expect(parseMessage(text, REF).category).toBe(category);
  });
});

describe('the end of a named month, and limits promised in the past', () => {
  const now = DateTime.fromISO(REF, { setZone: true });
  it.each([
    ['设备12月底要到厂安装', '2026-12-31'],
    ['争取明年2月底前投产', '2027-02-28'],
    ['1月底要开工，手续还没下来', '2027-01-31'],
    ['今年3月底交的材料到现在没消息', null],
    ['之前说好10个工作日内出结果，到现在也没动静', null],
    ['希望3个工作日内答复', '2026-11-26'],
  ])('%s → %s', (text, date) => {
    expect(parseRequestedDate(normalizeText(text), now)).toBe(date);
  });
});

describe('more words that pull the wrong way', () => {
  it.each([
    ['订单多了，缺三十个缝纫工，能不能帮忙招一招', 'talent'],
    ['想招15个应届生，人才市场的招聘会能不能留个展位', 'talent'],
    ['跟隔壁单位为了边界吵了好几次，对方把我们的围墙推了', 'dispute'],
    ['有人冒充区里干部打电话让企业交钱', 'other'],
    ['我们的家电想卖到中东，不知道要走哪些渠道', 'market'],
    ['账户被冻结了，工资都发不出来', 'finance'],
  ])('%s → %s', (text, category) => {
    expect(parseMessage(text, REF).category).toBe(category);
  });
});

describe('round 9: commands, requests and situations in other words', () => {
  const intent = (s: string) => parseMessage(s, REF).intent;
  it('reads commands without their keyword', () => {
    expect(intent('#88 我们这边先接手')).toBe('claim');
    expect(intent('#88 收到，招商科接了')).toBe('claim');
    expect(intent('#88 水已经通上了，企业确认正常')).toBe('resolve');
    expect(intent('#88 执照昨天领到了')).toBe('resolve');
    expect(intent('#88 执照领到了吗')).not.toBe('resolve');
    expect(intent('#88 这不能算办结，门牌还是错的')).toBe('reopen');
    expect(intent('#88 拖得太久了，请今天给个答复')).toBe('urge');
    expect(intent('#88 这是供电公司的事，麻烦改给他们')).toBe('transfer');
    expect(intent('#88 四颗星')).toBe('rate');
    expect(intent('#88 是谁认领的')).toBe('query');
    expect(parseCorrection('#88 归到用工人才')).toMatchObject({ field: 'category', to: 'talent' });
    expect(parseCorrection('#88 不算急件，改成一般')).toMatchObject({ field: 'urgency', to: 'normal' });
    expect(parseCorrection('#88 公司名称填错了，应该是华丰纺织')).toMatchObject({ field: 'enterprise', name: '华丰纺织' });
  });
  it('reads leaders’ requests for numbers and the group’s own talk', () => {
    expect(intent('上礼拜一共进来几单')).toBe('digest');
    expect(intent('好评有几条')).toBe('digest');
    expect(intent('各个街道手里压着多少单子')).toBe('digest');
    expect(intent('还有没有待确认的')).toBe('triage');
    expect(intent('刚才那条发错群了')).toBe('chat');
  });
  it('names an enterprise after 我们 with its industry, and reads danger that is now', () => {
    expect(parseMessage('我们金凯铜业的废料堆场要搬走，新地方还没找到', REF).enterprise).toBe('金凯铜业');
    expect(parseMessage('路边的井盖被压碎了，随时有人会掉下去', REF).urgency).toBe('urgent');
    expect(parseMessage('冷库一停电温度就上来，想加一路备用电源', REF).urgency).toBe('normal');
  });
});

describe('a progress note told without its number (PROGRESS_TOLD)', () => {
  it('is what was done, first; a visit or an enterprise\'s report is not', () => {
    for (const t of ['已联系供电公司，周五现场勘察', '跟供电所沟通过了，下周一来装表', '已经帮企业对接了两家银行，等银行审批', '今天联系了供电所，说下周来']) expect(PROGRESS_TOLD.test(normalizeText(t)), t).toBe(true);
    for (const t of ['今天上门走访亿龙置业，企业反映用电扩容', '亿龙置业反映用电扩容申请一个月没批', '厂区门口的路灯坏了三盏']) expect(PROGRESS_TOLD.test(normalizeText(t)), t).toBe(false);
  });
});
