import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cnNumber, parseRequestedDate } from '../../../src/domain/parse/dates.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { LEXICON } from '../../../src/domain/parse/lexicon.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';
import { reopenNote } from '../../../src/domain/parse/commands.js';
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
    ['月底就到期了', '2026-11-30'],
    ['争取年底', '2026-12-31'],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want}`, () => expect(parseRequestedDate(normalizeText(text), now)).toBe(want));
  }
  it('reads Chinese numerals', () => {
    expect(cnNumber('十五')).toBe(15);
    expect(cnNumber('二十')).toBe(20);
    expect(cnNumber('三')).toBe(3);
    expect(cnNumber('x')).toBeNull();
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
  ])('"%s" → "%s"', (text, note) => {
    expect(reopenNote(normalizeText(text))).toBe(note);
  });
});
