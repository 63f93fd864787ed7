import { describe, expect, it } from 'vitest';
import { evaluateVisits, loadVisitSet, VISIT_FIELDS, VISIT_SET_KNOWN, VISIT_SET_NOW } from '../../../bench/visits-eval.js';
import { defaultCalendar } from '../../../src/domain/calendar.js';
import { parseVisit, parseVisitConfirm } from '../../../src/domain/parse/visit.js';

// labels are computed for this instant: Friday 2026-11-20, 10:00 in Asia/Shanghai
const NOW = VISIT_SET_NOW;
const KNOWN = VISIT_SET_KNOWN;
const cal = defaultCalendar;

const set = loadVisitSet();
const visits = set.filter((m) => m.visit);
const TRADITIONAL = /[訪門務問題電話視頻連線談會發現無業貿龍賜華紡織錢醫藥據與這們個裡來說對應時]/;

describe('the labelled visit set (test/fixtures/visits.jsonl)', () => {
  it('is large and varied enough', () => {
    expect(set.length).toBeGreaterThanOrEqual(130);
    expect(visits.length).toBeGreaterThanOrEqual(100);
    for (const mode of ['onsite', 'phone', 'video', 'meeting']) expect(visits.filter((m) => m.mode === mode).length, mode).toBeGreaterThanOrEqual(10);
    expect(visits.filter((m) => m.problems.length > 0).length).toBeGreaterThanOrEqual(30);
    // numbering styles: 1. 1、 (1) （1） ① and unnumbered lists
    for (const style of [/\d\./, /\d、/, /\(\d\)/, /（\d）/, /①/]) expect(visits.some((m) => m.problems.length > 1 && style.test(m.text)), String(style)).toBe(true);
    expect(visits.filter((m) => m.companions.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(visits.filter((m) => m.date !== '2026-11-20').length).toBeGreaterThanOrEqual(10);
    expect(set.filter((m) => !m.visit).length).toBeGreaterThanOrEqual(25);
    expect(set.filter((m) => TRADITIONAL.test(m.text)).length).toBeGreaterThanOrEqual(30);
    expect(set.filter((m) => m.split === 'u').length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.map((m) => m.id)).size).toBe(set.length);
  });

  // tuning (t) and development (h) parts; the unseen part (u) is only measured, by npm run bench:visits
  const scores = evaluateVisits(set.filter((m) => m.split === 't' || m.split === 'h'));
  for (const f of VISIT_FIELDS) {
    it(`reads ${f} right on ≥ 95 % of the tuning and development parts`, () => {
      expect(scores[f].right / scores[f].n, scores[f].misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('parseVisit', () => {
  it('reads the example of the brief', () => {
    expect(parseVisit('走访 亿龙置业 了解二期用电和招工情况，发现问题2个：1.变电站扩容慢 2.缺焊工30名', NOW, cal, KNOWN)).toEqual({
      target: '亿龙置业',
      mode: 'onsite',
      date: '2026-11-20',
      dateStated: false,
      badDate: null,
      companions: [],
      note: '了解二期用电和招工情况',
      problems: ['变电站扩容慢', '缺焊工30名'],
      noProblems: false,
    });
  });

  it('reads companions, a phone visit, yesterday and an unnumbered list', () => {
    expect(parseVisit('昨天和@王芳 电话回访华越纺织，了解融资需求，企业反映：贷款审批慢；厂区路灯不亮', NOW, cal)).toEqual({
      target: '华越纺织',
      mode: 'phone',
      date: '2026-11-19',
      dateStated: true,
      badDate: null,
      companions: ['王芳'],
      note: '了解融资需求',
      problems: ['贷款审批慢', '厂区路灯不亮'],
      noProblems: false,
    });
  });

  it('a date that names no past day is told, not taken for today; a bare day still ahead is last month’s when it has one', () => {
    // NOW is 2026-11-20
    expect(parseVisit('2026-11-25 走访亿龙置业，无问题', NOW, cal, KNOWN)).toMatchObject({ badDate: '2026-11-25', dateStated: false });
    expect(parseVisit('25号 走访亿龙置业，无问题', NOW, cal, KNOWN)).toMatchObject({ date: '2026-10-25', dateStated: true, badDate: null });
    expect(parseVisit('31号 走访亿龙置业，无问题', NOW, cal, KNOWN)).toMatchObject({ date: '2026-10-31', badDate: null });
    expect(parseVisit('31号 走访亿龙置业，无问题', '2026-03-02T02:00:00.000Z', cal, KNOWN)).toMatchObject({ badDate: '31号' });
  });

  it('a short name written longer than the directory’s alias is read whole, and none of it left in the note', () => {
    const known = ['浙江天赐生态科技有限公司', '天赐生态科技', '天赐'];
    expect(parseVisit('走访 天赐生态 了解用工情况，无问题', NOW, cal, known)).toMatchObject({ target: '天赐生态', note: '了解用工情况' });
    expect(parseVisit('走访 天赐 了解用工', NOW, cal, known)).toMatchObject({ target: '天赐', note: '了解用工' });
  });

  it('companions are the @-names before the problems, not someone asked to follow one up', () => {
    expect(parseVisit('走访 亿龙置业，发现问题：1.用电 2.用工，请@王芳 跟进', NOW, cal, KNOWN)?.companions).toEqual([]);
    expect(parseVisit('和@王芳 走访 亿龙置业，无问题', NOW, cal, KNOWN)?.companions).toEqual(['王芳']);
    // named after the enterprise: a companion still, and the note keeps no stray 和
    expect(parseVisit('走访 亿龙置业 和@王芳、@刘强 了解二期用电，无问题', NOW, cal, KNOWN)).toMatchObject({ companions: ['王芳', '刘强'], note: '了解二期用电' });
  });

  it('says "no problems", in either script', () => {
    for (const text of ['今天上门服务天赐生态，无问题', '今天上門服務天賜生態，無問題']) {
      const r = parseVisit(text, NOW, cal, KNOWN);
      expect(r).toMatchObject({ target: '天赐生态', mode: 'onsite', date: '2026-11-20', note: '', problems: [], noProblems: true });
    }
  });

  it('takes a stated date after today for last year, and 上周五 for last week', () => {
    expect(parseVisit('11月28日 视频连线 神马电力 座谈', NOW, cal)).toMatchObject({ mode: 'video', date: '2025-11-28', target: '神马电力' });
    expect(parseVisit('11.18 实地调研恒信包装，企业生产经营正常', NOW, cal)).toMatchObject({ date: '2026-11-18', noProblems: true });
    expect(parseVisit('上周五与@李明、@张强 到宏达机械走访，存在问题：（1）缺少用地指标（2）环评批复慢', NOW, cal)).toMatchObject({
      date: '2026-11-13',
      companions: ['李明', '张强'],
      target: '宏达机械',
      problems: ['缺少用地指标', '环评批复慢'],
    });
  });

  it('reads a meeting and a known project', () => {
    expect(parseVisit('召开钱塘新材料座谈会，听取企业诉求，无诉求', NOW, cal, KNOWN)).toMatchObject({ target: '钱塘新材料', mode: 'meeting', note: '听取企业诉求', noProblems: true });
    expect(parseVisit('走访亿龙二期项目，了解主体施工进度', NOW, cal, KNOWN)).toMatchObject({ target: '亿龙二期', mode: 'onsite' });
  });

  it('reads casual word orders: the verb after the target, phone and video openers', () => {
    expect(parseVisit('昨天跟@王芳 去宏达机械调研了一下，企业反映两点：一是缺地；二是缺钱', NOW, cal)).toMatchObject({
      target: '宏达机械',
      mode: 'onsite',
      date: '2026-11-19',
      companions: ['王芳'],
      problems: ['缺地', '缺钱'],
    });
    expect(parseVisit('给宏达机械打了个电话，企业说没什么问题', NOW, cal)).toMatchObject({ target: '宏达机械', mode: 'phone', problems: [], noProblems: true });
    expect(parseVisit('打电话给华越纺织，了解订单，没啥问题', NOW, cal)).toMatchObject({ target: '华越纺织', mode: 'phone', note: '了解订单', noProblems: true });
    expect(parseVisit('电话里跟宏达机械聊了聊扩产的事', NOW, cal)).toMatchObject({ target: '宏达机械', mode: 'phone', noProblems: false });
    expect(parseVisit('线上和恒信包装对了一下订单，一切正常', NOW, cal)).toMatchObject({ target: '恒信包装', mode: 'video', noProblems: true });
    expect(parseVisit('现场看了恒信包装新厂房，无问题', NOW, cal)).toMatchObject({ target: '恒信包装新厂房', mode: 'onsite', noProblems: true });
  });

  it('ends the target before a mode or verb word, after a place phrase and a verb prefix', () => {
    expect(parseVisit('到宏达机械现场走访，无问题', NOW, cal)).toMatchObject({ target: '宏达机械', mode: 'onsite' });
    expect(parseVisit('在开发区召开宏达机械座谈会，无问题', NOW, cal)).toMatchObject({ target: '宏达机械', mode: 'meeting', note: '' });
    expect(parseVisit('到宏达机械开了个座谈会，一是缺工，二是缺电', NOW, cal)).toMatchObject({ target: '宏达机械', mode: 'meeting', problems: ['缺工', '缺电'] });
    expect(parseVisit('视频会议对接恒信包装，问题：无', NOW, cal)).toMatchObject({ target: '恒信包装', mode: 'video' });
  });

  it('reads 一是/二是 lists without their lead-in', () => {
    expect(parseVisit('走访宏达机械，企业反映三方面问题：一是缺地；二是缺钱；三是缺人', NOW, cal)?.problems).toEqual(['缺地', '缺钱', '缺人']);
    expect(parseVisit('视频连线宏达机械，听取企业意见，一是缺地，二是缺钱', NOW, cal)?.problems).toEqual(['缺地', '缺钱']);
  });

  it('is not fooled by what enterprises write', () => {
    for (const text of [
      '你们的人什么时候上门服务？',
      '电话打了好几次都没人接，问题还没解决',
      '希望政府来走访一下我们企业',
      '上次走访说的问题还没解决',
      '#12 已上门对接，企业表示满意',
      '上门服务的工作人员态度很好，谢谢！',
      '电话联系了税务局，说材料还要补',
      '昨天实地查看了，厂房漏水还是没人管',
      '上門服務什麼時候能安排？',
      '确认 1 2',
      '走访统计 本月',
      '跟你们打了好几次电话都没人接',
      '刚电话问了下物业，停车费怎么交',
      '和老王聊了一下，挺好',
      '线上跟你们对了一下，还是没解决',
      '给供电局打了电话，说下周来修',
      '去宏达机械走访一下',
      '跟企业对接一下用电的事',
      '实地看了一下，厂房漏水还是没人管',
    ]) {
      expect(parseVisit(text, NOW, cal, KNOWN), text).toBeNull();
    }
  });
});

describe('parseVisitConfirm', () => {
  it('reads the problem numbers and the visit ref', () => {
    expect(parseVisitConfirm('确认 1 2')).toEqual({ visitNo: null, problems: [1, 2] });
    expect(parseVisitConfirm('确认1、3')).toEqual({ visitNo: null, problems: [1, 3] });
    expect(parseVisitConfirm('都建单')).toEqual({ visitNo: null, problems: 'all' });
    expect(parseVisitConfirm('全部建单')).toEqual({ visitNo: null, problems: 'all' });
    expect(parseVisitConfirm('确认全部')).toEqual({ visitNo: null, problems: 'all' });
    expect(parseVisitConfirm('V12 确认 1 2')).toEqual({ visitNo: 12, problems: [1, 2] });
    expect(parseVisitConfirm('v12 都建单')).toEqual({ visitNo: 12, problems: 'all' });
    expect(parseVisitConfirm('確認 2')).toEqual({ visitNo: null, problems: [2] });
  });

  it('is null for anything else', () => {
    for (const text of ['确认', '好的', '确认一下明天的安排', '走访宏达机械，无问题', '#12 确认']) expect(parseVisitConfirm(text), text).toBeNull();
  });
});
