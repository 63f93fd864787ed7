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
