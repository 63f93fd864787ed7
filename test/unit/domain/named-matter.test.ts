import { describe, expect, it } from 'vitest';
import { namedMatter } from '../../../src/domain/parse/commands.js';
import { isAbout, sharesObject } from '../../../src/domain/similarity.js';

describe('namedMatter: what a command without its number calls its ticket by', () => {
  it.each([
    ['我们那个扩容的单子到底有冇人管啊，催一下', '扩容'],
    ['上周报的那个扩容的事 麻烦再催催', '扩容'],
    ['上回反映的路灯那事 到底有人管木有', '路灯'],
    ['琼中那个山兰酒业的用电问题到底有人管没有', '用电'],
    ['上回那个宽带的问题根本没好，又断了', '宽带'],
    ['上次路灯那个事情处理得很好，给个五星', '路灯'],
    ['路灯那个事有人管吗', '路灯'],
    ['我们扩容那件事到底怎么样了', '扩容'],
    ['催一下那个用电扩容的，都半个月了', '用电扩容'],
  ])('%s → %s', (text, matter) => {
    expect(namedMatter(text)).toBe(matter);
  });
  it.each(['上礼拜报的那个事 麻烦再催催', '催一下', '之前那个事有人管吗', '我们那个事怎么样了', '上回那件事情有下文了吗', '麻烦那个事催一下', '请问那个事怎么样了', '还有那个问题有人管吗', '怎么那个问题还没人管', '老师那个事帮忙催催', '领导那个事情怎么样了', '现在那个事到底怎么样', '我们还在等那个事', '这个我认领了', '满意，谢谢', '那个上周报的，到底有没有人管', '那个昨天报的，赶紧催一下', '催下那个领导交办的，急', '催一下那个啥子的'])('names nothing: %s', (text) => {
    expect(namedMatter(text)).toBeNull();
  });
});

describe('isAbout: whether a ticket is about the matter named', () => {
  it('by a word shared, or by one concept under two words (限电 / 停电, 宽带 / 掉线)', () => {
    expect(isAbout('扩容', '我们用电扩容申请一个月了还没批下来')).toBe(true);
    expect(isAbout('推介会报名', '听说省里在北京有个农产品推介会，想去，希望帮我们报上名')).toBe(true);
    expect(isAbout('停电', '园区这周又限电了，一周只能开四天')).toBe(true);
    expect(isAbout('宽带', '厂里网络老是掉线，ERP登不上')).toBe(true);
  });
  it('not about another problem', () => {
    expect(isAbout('限电', '今年绿橙卖得不好，听说省里在北京有个农产品推介会')).toBe(false);
    expect(isAbout('路灯', '我们用电扩容申请一个月了还没批下来')).toBe(false);
  });
});

describe('sharesObject: a progress note and the ticket it is about', () => {
  it('names one thing of the problem (路灯, 停电), not only its setting (供电所)', () => {
    expect(sharesObject('已联系路灯所，明晚前把坏的路灯换掉', '厂区门口的路灯坏了三盏，晚上工人下班很黑')).toBe(true);
    expect(sharesObject('已联系供电公司，停电是线路故障，明天抢修', '园区这周又停电了，一周只能开四天')).toBe(true);
    expect(sharesObject('已联系路灯所，明晚前把坏的路灯换掉', '我们用电扩容申请一个月了还没批下来')).toBe(false);
  });
  it('one thing under two names (round 112\'s re-reports): 电线杆 / 水泥杆子, 护栏 / 栏杆, 差评 / 一星', () => {
    expect(sharesObject('门口那根水泥杆子越来越斜，底下就是排队买点心的客人', '三春茶点门口电线杆歪了，斜在店门口，怕倒下来')).toBe(true);
    expect(sharesObject('厂门口沿河那边栏杆断了一截，小伢子老在那块玩', '漆器厂门前河道护栏缺了一段')).toBe(true);
    expect(sharesObject('网上那几十条一星都是一个晚上冒出来的', '鹅馆在点评上被刷了一堆差评，明显是同行搞的')).toBe(true);
    expect(sharesObject('门口那根水泥杆子越来越斜', '漆器厂门前河道护栏缺了一段')).toBe(false);
  });
});
