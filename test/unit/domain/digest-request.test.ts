import { describe, expect, it } from 'vitest';
import { digestRequestOf, parseDigestRequest } from '../../../src/domain/parse/digest-request.js';
import { bareText } from '../../../src/domain/parse/normalize.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';

const req = (t: string) => parseDigestRequest(bareText(t));
const AT = '2026-11-23T01:30:00.000Z';

describe("leaders' requests for numbers in plain words", () => {
  it.each([
    ['发一下本周的问题汇总', { period: 'week', previous: false, focus: 'all' }],
    ['破解率多少了', { period: 'day', previous: false, focus: 'solve' }],
    ['各部门办结情况排名发一下', { period: 'month', previous: false, focus: 'ranking' }],
    ['本月满意率怎么样', { period: 'month', previous: false, focus: 'satisfaction' }],
    ['看看这个月用工类的问题', { period: 'month', previous: false, focus: 'category', category: 'talent' }],
    ['这周超期多少件', { period: 'week', previous: false, focus: 'overdue' }],
    ['超期率多少', { period: 'day', previous: false, focus: 'overdue' }],
    ['目前还在办的有多少件', { period: 'day', previous: false, focus: 'flow' }],
    ['今天的数字报一下', { period: 'day', previous: false, focus: 'all' }],
    ['上个月的数据发我一下', { period: 'month', previous: true, focus: 'all' }],
    ['今年以来办结了多少', { period: 'year', previous: false, focus: 'flow' }],
    ['汇总一下各专班的情况', { period: 'month', previous: false, focus: 'ranking' }],
    ['上周响应率是多少？', { period: 'week', previous: true, focus: 'response' }],
    ['昨天新增了几件', { period: 'day', previous: true, focus: 'flow' }],
    ['各镇街本月办结数量统计一下', { period: 'month', previous: false, focus: 'ranking' }],
    ['哪个街道办得最慢', { period: 'month', previous: false, focus: 'ranking' }],
    ['发改、自规两个局谁办得快，排个名', { period: 'month', previous: false, focus: 'ranking' }],
    ['差评的有几个', { period: 'day', previous: false, focus: 'satisfaction' }],
    ['本月企业评价满意的占多少', { period: 'month', previous: false, focus: 'satisfaction' }],
    ['季度通报的数据发我看看', { previous: false, focus: 'all' }],
    ['满意度怎么样', { focus: 'satisfaction' }],
    ['用地类问题有几件', { focus: 'category', category: 'land' }],
    ['人社局和住建局哪个快', { focus: 'ranking' }],
    ['哪个局拖得最久', { focus: 'ranking' }],
    ['各专班的超期件数', { focus: 'ranking' }],
    ['帮我统计一下融资类问题', { focus: 'category', category: 'finance' }],
    ['企业反映最多的是哪类问题', { focus: 'categories' }],
    // 共性问题 and 回潮 asked after (twenty-third session): their part of the digest
    ['共性问题有哪些', { focus: 'common' }],
    ['有没有共性的问题', { focus: 'common' }],
    ['看看最近的共性问题', { focus: 'common' }],
    ['回潮的问题有几个', { focus: 'recurrence' }],
    ['本月回潮多少件', { period: 'month', focus: 'recurrence' }],
  ])('%s', (text, expected) => {
    expect(req(text)).toMatchObject(expected);
    expect(parseMessage(text, AT).intent).toBe('digest');
  });

  it.each([
    '我们用电扩容申请一个月了还没批下来，影响二期投产，很急',
    '我们公司本月招工情况不太好，能帮忙对接一下吗',
    '这个月的贷款申请还没有批下来',
    '上周反映的问题怎么样了',
    '你们这个月能不能帮我们协调一下供电',
    '好的，收到',
    '我的待办',
    '上个月的数据报不上去，统计局的系统一直报错',
    '这个月的社保汇总表提交不了',
    '星河电子那个用地的问题现在怎么样了',
    '这周超期的有哪些',
    '我们厂在全区纳税排名前十，但是到现在连一条专线都接不进来',
    '公司因为年报漏报被列入了经营异常名录，怎么才能移出来',
    '我们厂差评的有几个是因为物流慢',
    '哪家银行的贷款利率最低',
    '我们上次报的问题怎么样了',
    '我们这类问题能不能统一解决',
    '我们遇到最多的是哪类问题',
    '我们这个是共性问题吗',
    '共性 #12 #15',
  ])('not a request for numbers: %s', (text) => {
    expect(req(text)).toBeNull();
    expect(parseMessage(text, AT).intent).not.toBe('digest');
  });
});

describe('digestRequestOf: every form a digest is asked in', () => {
  it('plain words as parseDigestRequest reads them; short forms and English by the period they name', () => {
    expect(digestRequestOf(bareText('上个月的数据发我一下'))).toEqual(parseDigestRequest(bareText('上个月的数据发我一下')));
    expect(digestRequestOf(bareText('weekly summary pls'))).toEqual({ period: 'week', previous: false, focus: 'all', category: null });
    expect(digestRequestOf(bareText("this month's numbers please"))).toMatchObject({ period: 'month', focus: 'all' });
    expect(digestRequestOf(bareText('红黑榜'))).toMatchObject({ period: 'month', focus: 'ranking' });
    expect(digestRequestOf(bareText("today's summary please"))).toMatchObject({ period: 'day', focus: 'all' });
    expect(digestRequestOf(bareText("yesterday's summary please"))).toMatchObject({ period: 'day', previous: true });
    // the short forms' period read as the plain words' is: 这周, 这个月, 上周
    expect(digestRequestOf(bareText('本周周报 按哈密高新区口径出 周五下午开会用'))).toMatchObject({ period: 'week', previous: false, focus: 'all' });
    expect(digestRequestOf(bareText('上周周报'))).toMatchObject({ period: 'week', previous: true });
    expect(digestRequestOf(bareText('这周新增的问题按类别分一下'))).toEqual({ period: 'week', previous: false, focus: 'categories', category: null });
    expect(digestRequestOf(bareText('这周新增的问题分下类'))).toMatchObject({ period: 'week', focus: 'categories' });
    // a figure asked by kind is the figure
    expect(digestRequestOf(bareText('这周各类问题办结了多少'))).toMatchObject({ period: 'week', focus: 'flow' });
    expect(parseDigestRequest(bareText('税收分类编码的问题咋样处理'))).toBeNull();
    expect(parseMessage('本周周报 按哈密高新区口径出 周五下午开会用', AT).intent).toBe('digest');
    expect(parseMessage('高新区这周新增的问题 按类别分一下', AT).intent).toBe('digest');
  });
});
