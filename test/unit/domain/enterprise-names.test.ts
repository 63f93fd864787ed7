import { describe, expect, it } from 'vitest';
import { parseEnterprise } from '../../../src/domain/parse/parse.js';

describe('enterprise names without 公司 (no directory)', () => {
  it.each([
    ['我是青年汽车的，想问下用电增容的事', '青年汽车'],
    ['神马电力二期项目的环评一直没批', '神马电力'],
    ['华兴医药这边招工很难', '华兴医药'],
    ['我是亿龙置业的小王', '亿龙置业'],
    ['城东物流中心的路一直没修', '城东物流中心'],
    ['我们天赐生态科技的厂房漏水', '天赐生态科技'],
    ['浙江亿龙置业有限公司的用地手续', '浙江亿龙置业有限公司'],
  ])('%s → %s', (text, name) => {
    expect(parseEnterprise(text)).toBe(name);
  });

  it.each(['我们是做汽车配件的', '我是张三，想咨询政策', '新区管委会那边的审批', '我们这边电力不足', '隔壁物流公司的货车天天堵我们的门', '附近电力设施老化'])(
    'no name in: %s',
    (text) => {
      expect(parseEnterprise(text)).toBeNull();
    },
  );
});

describe('enterprise names at the head of a report, after 我们 or before a role', () => {
  it.each([
    ['远航机械反映厂区路灯不亮', '远航机械'],
    ['金桥印务这边反映排污许可快到期了', '金桥印务'],
    ['天宇三期项目的围挡倒了', '天宇'],
    ['我们蓝鲸纳米上个月刚投产，用电一直不稳', '蓝鲸纳米'],
    ['我是宏图科技人事，想问下人才补贴', '宏图科技'],
    ['华信电子这个月的水费翻倍了', '华信电子'],
  ])('%s → %s', (text, name) => {
    expect(parseEnterprise(text)).toBe(name);
  });

  it.each(['员工反映食堂太贵', '塔吊司机反映塔吊有异响', '有企业反映园区道路破损', '园区三期的道路没修好', '政务服务中心一直没回复', '跨境电商想拓展海外仓', '最近企业反映用电贵', '周边群众反映晚上噪音大'])(
    'no name in: %s',
    (text) => {
      expect(parseEnterprise(text)).toBeNull();
    },
  );
});
