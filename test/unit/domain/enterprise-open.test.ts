import { describe, expect, it } from 'vitest';
import { parseEnterprise } from '../../../src/domain/parse/parse.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';

const read = (text: string) => parseEnterprise(normalizeText(text));

describe('enterprise names of any trade in strong frames (no closed list of trade words)', () => {
  it.each([
    ['金鹰纺机这边说设备到了还装不上', '金鹰纺机'],
    ['我们雪峰果蔬上个月刚投产，用水一直不够', '雪峰果蔬'],
    ['我们康源乳品的冷库停电了', '康源乳品'],
    ['我们白塔绒业锅炉房的蒸汽管道漏了', '白塔绒业'],
    ['红柳湾营地去年建的木屋地基下沉', '红柳湾营地'],
  ])('%s → %s', (text, name) => {
    expect(read(text)).toBe(name);
  });

  it.each([
    '物业公司这边说电梯要停两天',
    '街道办这边说不归他们管',
    '税务部门那边说要再等等',
    '我们食品车间最近老是停电',
    '我们生产车间的地面开裂',
    '我们文化广场的路灯不亮',
    '我们员工宿舍的热水器坏了',
    '装修工程完工后一直没有组织验收',
    '稳岗返还今年怎么申请',
  ])('no name in: %s', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('places, facilities and generic things are not enterprises', () => {
  it.each([
    '物流园三期的地征了一半',
    '光伏园二期的围挡倒了',
    '景区游客中心的自来水浑得很',
    '我们是省重点项目，能不能申请点供',
    '我们是市级示范项目，想问下补贴',
    '要赔钱，环保检测明明是合格的',
  ])('no name in: %s', (text) => {
    expect(read(text)).toBeNull();
  });

  it('a self-introduction still names a business whose brand is a trade word', () => {
    expect(read('我们是精工模具，急招数控编程')).toBe('精工模具');
  });
});
