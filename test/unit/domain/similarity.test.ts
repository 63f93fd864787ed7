import { describe, expect, it } from 'vitest';
import { evaluate, loadPairs } from '../../../bench/similarity-eval.js';
import { readFileSync } from 'node:fs';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { buildPairModelJson, fitLogistic, fitPairModel, PAIR_MODEL_PATH } from '../../../scripts/train-similarity-model.js';
import { bestMatch, canonicalText, conceptsOf, features, cosine, inWindow, logistic, modelVector, PAIR_FEATURES, score, textScore, THRESHOLDS, treeMargin, verdictOf, type Candidate } from '../../../src/domain/similarity.js';

const AT = '2026-11-23T01:30:00.000Z';
const daysBefore = (d: number) => new Date(Date.parse(AT) - d * 86_400_000).toISOString();
const report = (text: string, o: Partial<Candidate> = {}) => ({ text, category: 'utilities', enterpriseId: 'yilong', chat: 'wecom:g1', at: AT, ...o });
const ticket = (no: number, text: string, o: Partial<Candidate> = {}): Candidate => ({
  no,
  text,
  category: 'utilities',
  enterpriseId: 'yilong',
  chat: 'wecom:g1',
  state: 'open',
  at: daysBefore(3),
  ...o,
});

describe('similarity', () => {
  it('normalises: traditional script, fillers and synonyms fold to one text', () => {
    expect(canonicalText('我們廠區最近經常跳閘')).toBe(canonicalText('我们厂区最近经常跳闸'));
    expect(canonicalText('变压器扩容')).toBe(canonicalText('变压器增容'));
    expect(cosine(features('二期变压器增容没批'), features('二期变压器增容没批'))).toBeCloseTo(1, 5);
    expect(cosine(features(''), features('停电'))).toBe(0);
  });

  it('the same problem written differently by another contact is `same`; another problem of the same enterprise is not', () => {
    const t = ticket(12, '二期厂房用电负荷不够，申请的变压器增容一直没批下来，影响设备调试');
    const same = bestMatch(report('二期用電增容申請遞交快一個月了，變壓器還是沒動靜'), [t]);
    expect(same).toMatchObject({ no: 12, verdict: 'same', kind: 'duplicate' });
    const other = bestMatch(report('二期厂房用水管道老化漏水，需要更换'), [t]);
    expect(other?.verdict).toBe('different');
  });

  it('another enterprise is never the same problem (共性, not 重复); without a directory the chat decides', () => {
    const t = ticket(12, '厂区频繁停电，影响生产');
    expect(score(report('厂区频繁停电，影响生产', { enterpriseId: 'tianci' }), t)).toBe(0);
    expect(score(report('厂区频繁停电，影响生产', { enterpriseId: null, chat: 'wecom:g2' }), { ...t, enterpriseId: null })).toBe(0);
    expect(bestMatch(report('厂区频繁停电，影响生产', { enterpriseId: null }), [{ ...t, enterpriseId: null }])?.verdict).toBe('same');
  });

  it('windows: open tickets 30 days from creation (重复), answered ones 90 days from 办结 (回潮)', () => {
    expect(inWindow({ state: 'open', at: daysBefore(29) }, AT)).toBe(true);
    expect(inWindow({ state: 'open', at: daysBefore(31) }, AT)).toBe(false);
    expect(inWindow({ state: 'closed', at: daysBefore(89) }, AT)).toBe(true);
    expect(inWindow({ state: 'closed', at: daysBefore(91) }, AT)).toBe(false);
    const closed = ticket(7, '厂区门口的路坑坑洼洼，货车进出困难', { state: 'closed', at: daysBefore(40), category: 'infrastructure' });
    expect(bestMatch(report('厂区门口的路又坑坑洼洼了，货车进出困难', { category: 'infrastructure' }), [closed])).toMatchObject({ no: 7, kind: 'recurrence', verdict: 'same' });
    expect(bestMatch(report('厂区门口的路坑坑洼洼', { category: 'infrastructure' }), [{ ...closed, at: daysBefore(100) }])).toBeNull();
  });

  it('numbers that differ name different things (第3号厂房 / 第5号厂房); the same numbers, or numbers on one side only, do not decide', () => {
    expect(bestMatch(report('第5号厂房停电了，请尽快处理'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('different');
    expect(bestMatch(report('厂区门口的路灯坏了好几天（第10处）', { category: 'infrastructure' }), [ticket(1, '厂区门口的路灯坏了好几天（第0处）', { category: 'infrastructure' })])?.verdict).toBe('different');
    expect(bestMatch(report('第3号厂房又停电了'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('same');
    expect(bestMatch(report('厂房停电了，请尽快处理'), [ticket(1, '第3号厂房停电了，请尽快处理')])?.verdict).toBe('same');
  });

  it('a later report that says it is another matter than the ticket is not merged into it (这个跟环评是两回事)', () => {
    const later = '信江铜箔项目的节能审查也卡住了，发改委说能耗指标要市里统筹，这个跟环评是两回事';
    expect(features(later).asksNew).toBe(true);
    const t = ticket(12, '我们信江铜箔的5000吨电子铜箔项目，环评报告专家评审过了，批复还冇下来', { category: 'approval', at: daysBefore(4) });
    expect(bestMatch(report(later, { category: 'approval' }), [t])?.verdict).not.toBe('same');
  });

  it('the best of several candidates, deterministically', () => {
    const cands = [ticket(1, '员工宿舍一直停水'), ticket(2, '二期变压器增容没批'), ticket(3, '招不到电焊工', { category: 'talent' })];
    const a = bestMatch(report('变压器增容的事还没批'), cands);
    expect(a).toMatchObject({ no: 2, verdict: 'same' });
    expect(bestMatch(report('变压器增容的事还没批'), [...cands].reverse())).toEqual(a);
    expect(verdictOf(THRESHOLDS.same)).toBe('same');
    expect(verdictOf(THRESHOLDS.unsure)).toBe('unsure');
    expect(verdictOf(THRESHOLDS.unsure - 0.01)).toBe('different');
  });
});

describe('the pair model (similarity-model.json)', () => {
  // training on every labelled pair file (rounds 8–50) takes about 30 s on these two cores, more under load
  it('is the one the labelled data trains (npm run train:similarity)', () => {
    expect(readFileSync(PAIR_MODEL_PATH, 'utf8')).toBe(buildPairModelJson());
  }, 180_000);

  it('its trees learn what a linear model cannot: a feature that counts only together with another', () => {
    // same problem when both features are on or both off (shared rare words and agreeing objects, say), else not
    const data = Array.from({ length: 800 }, (_, i) => {
      const a = i % 2;
      const b = Math.floor(i / 2) % 2;
      return { x: [1, a, b, (i % 7) / 7], y: a === b ? 1 : 0 };
    });
    const right = (p: (x: number[]) => number) => data.filter((r) => (p(r.x) >= 0.5 ? 1 : 0) === r.y).length / data.length;
    const weights = fitLogistic(data);
    expect(right((x) => logistic(weights, x))).toBeLessThanOrEqual(0.75);
    const model = fitPairModel(data);
    expect(model.weights).toEqual([...weights, 1]);
    expect(right((x) => logistic(model.weights, modelVector(x, model.trees)))).toBe(1);
    // and the shipped model's score is its linear part plus its trees
    expect(treeMargin([1, 0, 0, 0], [{ f: 1, t: 0.5, l: -1, r: { f: 2, t: 0.5, l: 0.25, r: 2 } }, 0.5])).toBe(-0.5);
    expect(treeMargin([1, 1, 1, 0], [{ f: 1, t: 0.5, l: -1, r: { f: 2, t: 0.5, l: 0.25, r: 2 } }, 0.5])).toBe(2.5);
  });

  it('reads what two texts are about through the category model\'s words, when they share none (停电 / 来电 / 电闸)', () => {
    const agree = (x: string, y: string) => {
      const [a, b] = [features(x).topic, features(y).topic];
      return a.reduce((s, v, k) => s + Math.sqrt(v * b[k]!), 0);
    };
    const outage = '冷库停电了，供电所说线路故障在查，请赶紧协调抢修';
    const same = agree(outage, '库里温度都回到零下8度了还没来电，你们快点吧');
    const other = agree(outage, '新建车间的环评报告书交上去一个多月了，一直没排上技术评估会');
    expect(same).toBeGreaterThan(other + 0.3);
    // and it is a feature the pair model weighs
    expect(PAIR_FEATURES).toContain('the category model\'s posteriors agree (halved across two categories)');
  });

  it('holds the category lexicon\'s cues of each text (the problem\'s own words), which the pair model compares', () => {
    expect([...features('冷库停电了，供电所说线路故障在查').cues]).toEqual(expect.arrayContaining(['utilities:停电', 'utilities:供电所']));
    expect([...features('出海的人手还是凑不齐，船在码头趴了半个月了').cues]).toContain('talent:人手');
    expect(PAIR_FEATURES).toEqual(expect.arrayContaining(['lexicon cues shared (share of the fewer)', 'lexicon cues on both sides, none shared']));
  });

  it('a follow-up sharing only a rare word with the ticket (机井) is the same problem; the hand-built score alone missed it', () => {
    const well = ticket(21, '厂区东侧有一口废弃的老机井，村里不让填，场地平整不了', { category: 'land' });
    const followUp = report('机井的事还是没人管，平整的机械在旁边停了一周', { category: 'land' });
    expect(textScore(followUp, well)).toBeLessThan(0.36); // the old `unsure` line
    expect(bestMatch(followUp, [well])).toMatchObject({ no: 21, verdict: 'same' });
    // the same site, another matter, no follow-up: not merged
    expect(bestMatch(report('厂区东侧的围墙被大车撞倒了一段', { category: 'land' }), [well])?.verdict).not.toBe('same');
  });
});

describe('concepts (similarity-concepts.ts)', () => {
  it('reads one concept in its several words and both scripts', () => {
    const ids = (t: string) => conceptsOf(t).map((k) => k.id);
    expect(ids('仓库又跳闸了')).toContain('停电');
    expect(ids('仓库断电两次')).toContain('停电');
    expect(ids('房產證還沒拿到')).toContain('产权证');
    expect(ids('不动产登记证什么时候发')).toContain('产权证');
    expect(ids('路口的交通灯不亮')).toContain('信号灯');
    expect(ids('员工小孩上学的事')).toContain('子女入学');
    expect(ids('光缆被挖断了')).toContain('网络');
    expect(ids('出口订单少了一半')).toEqual(expect.arrayContaining(['外贸', '订单', '下降']));
  });

  it('rounds 247 to 253: a workshop crane, old workings, environmental papers, no power in Cantonese, bikes, cracks said plainly', () => {
    const ids = (t: string) => conceptsOf(normalizeText(t)).map((k) => k.id);
    expect(ids('车间行车的钢丝绳断了')).toContain('起重设备');
    expect(ids('车间吊钢水那个天车，梁上的缝又长了')).toContain('起重设备');
    expect(ids('员工骑自行车上班，路上没有路灯')).not.toContain('起重设备');
    expect(ids('打桩挖出了老矿洞')).toContain('采空区');
    expect(ids('工地底下发现采空区了')).toContain('采空区');
    expect(ids('那条新线的环保手续还卡着')).toContain('环评');
    expect(ids('厂房今朝冇电，全线停晒')).toContain('停电');
    expect(ids('大门口全是乱停的小黄车')).toContain('停车');
    expect(ids('新库的地面全是缝，叉车一过就掉渣')).toContain('开裂');
    expect(ids('他们说他们先注册的，反倒告我们侵权')).toContain('商标');
    // (not a lift, a dashboard camera, an online shop or a company to register)
    for (const t of ['楼里没有电梯', '我们没有电商经验']) expect(ids(t), t).not.toContain('停电');
    for (const t of ['车上装了行车记录仪', '道路行车安全']) expect(ids(t), t).not.toContain('起重设备');
    expect(ids('想先注册个公司')).not.toContain('商标');
  });

  it('a re-report in other words is the same problem', () => {
    const t = ticket(5, '仓库门口的红绿灯坏了两天，叉车出入不安全', { category: 'infrastructure' });
    expect(bestMatch(report('仓库那边的信号灯还是不亮，差点出事', { category: 'infrastructure' }), [t])?.verdict).toBe('same');
    const p = ticket(6, '新厂房的房产证一直没发下来，银行贷款等着用', { category: 'approval' });
    expect(bestMatch(report('我们新厂房不动产权证的事有进展吗', { category: 'approval' }), [p])?.verdict).toBe('same');
  });

  it('a shared setting with another problem is not (工作签证 / 孩子转学, 还没通 / 涨价)', () => {
    const permit = ticket(7, '外籍技术员的工作签证延期材料被退回了', { category: 'talent' });
    expect(bestMatch(report('外籍技术员的孩子想转学到区里的学校', { category: 'talent' }), [permit])?.verdict).toBe('different');
    const gas = ticket(8, '新车间的天然气管道什么时候能接通');
    expect(bestMatch(report('新车间的天然气价格涨得太多了'), [gas])?.verdict).not.toBe('same');
  });

  it('reads the later topics in both scripts (traditional is normalised before the concepts: 爛, 廠, 鋼, 買)', () => {
    const ids = (t: string) => conceptsOf(t).map((k) => k.id);
    expect(ids('東門那段路爛得沒法走')).toContain('路面破损');
    expect(ids('隔壁廠的臭味又飄過來了')).toContain('异味');
    expect(ids('倉庫頂上的鋼板被風掀開了')).toContain('屋面');
    expect(ids('聚丙烯原料買不到')).toContain('原料供应');
    expect(ids('房東要提前收回廠房')).toContain('租赁');
    expect(ids('信用修復還沒辦好')).toContain('信用记录');
    expect(ids('青苗補償款還沒發')).toContain('补偿');
    expect(ids('北門那條斷頭路什麼時候打通')).toContain('道路不通');
    // 扩容 of a data line is not power capacity
    expect(ids('专线带宽申请扩容')).not.toContain('增容');
    expect(ids('变压器申请扩容')).toContain('增容');
  });

  it('a shared setting, the later report adding an object of another topic, is not the same problem', () => {
    // the lease is the setting, the leaking roof another problem
    const lease = ticket(10, '厂房租约年底到期，房东说要涨一倍租金', { category: 'dispute' });
    expect(bestMatch(report('厂房屋顶漏雨，房东不肯修', { category: 'dispute' }), [lease])?.verdict).toBe('different');
    expect(bestMatch(report('房租要翻倍的事能不能帮忙跟房东谈谈', { category: 'dispute' }), [lease])?.verdict).toBe('same');
    // an object of the shared one's topic is detail (排水 / 积水), one of the impact kind (订单) too
    const drain = ticket(11, '仓库后面的排水沟堵了，一下雨院子里全是水', { category: 'infrastructure' });
    expect(bestMatch(report('後院又積水了，溝裡全是泥，排不出去', { category: 'infrastructure' }), [drain])?.verdict).toBe('same');
    const supply = ticket(12, '我们的主要原料聚丙烯最近一直缺货，生产排不满', { category: 'market' });
    expect(bestMatch(report('聚丙烯還是買不到，訂單要違約了', { category: 'market' }), [supply])?.verdict).toBe('same');
    // the same material, another complaint (涨价 / 缺货): never merged; the pair model may ask (是 / 不是)
    expect(bestMatch(report('聚丙烯涨价太厉害，产品成本压不住', { category: 'market' }), [supply])?.verdict).not.toBe('same');
  });

  it('issues of one group agree (还没批 / 还没通); of different groups they cut (还没批 / 涨价)', () => {
    const gas = ticket(13, '新车间的燃气管道申请了两个月还没批');
    const notYet = score(report('新车间燃气管道还没接通'), gas);
    const price = score(report('新车间的天然气价格涨得太多了'), gas);
    expect(notYet).toBeGreaterThan(price);
    expect(verdictOf(price)).toBe('different');
  });

  it('a breakdown is not a pending application of the same topic (变压器烧了 / 增容还没批), a breakdown again is', () => {
    const capacity = ticket(14, '我们用电扩容申请一个月了还没批下来');
    expect(verdictOf(score(report('车间变压器昨晚烧了，全厂停电'), capacity))).toBe('different');
    expect(verdictOf(score(report('车间变压器昨晚烧了，全厂停电'), ticket(15, '变压器又烧了')))).toBe('same');
  });

  it('回潮: a report saying an answered ticket\'s problem is back (又, 上次…) scores higher against it than against an open one', () => {
    const text = '车间屋顶的彩钢瓦被大风吹翻了几块，下雨漏水';
    const again = report('屋面上次修好了，昨晚大风彩钢瓦又被掀了', { category: 'construction' });
    const closed = ticket(14, text, { category: 'construction', state: 'closed', at: daysBefore(40) });
    const open = ticket(14, text, { category: 'construction' });
    expect(score(again, closed)).toBeGreaterThan(score(again, open));
    expect(bestMatch(again, [closed])).toMatchObject({ kind: 'recurrence', verdict: 'same' });
    // the cue alone is no evidence: another problem that says 又 is never merged (since rounds 59–62 joined the pair
    // model's training, this one sits at the asking edge, 0.451 against 0.45: the bot asks 是 / 不是 instead of merging)
    expect(bestMatch(report('厂区门口的路灯又坏了', { category: 'construction' }), [closed])?.verdict).not.toBe('same');
  });

  it('another category never raises the score; a far one lowers it', () => {
    const t = ticket(9, '打桩震得隔壁民房开裂，住户来工地闹', { category: 'construction' });
    const r = report('打桩震得隔壁民房开裂，住户来工地闹');
    const same = score({ ...r, category: 'construction' }, t);
    const neighbour = score({ ...r, category: 'dispute' }, t);
    const far = score({ ...r, category: 'talent' }, t);
    expect(same).toBeGreaterThanOrEqual(neighbour);
    expect(neighbour).toBeGreaterThanOrEqual(far);
    expect(same).toBeGreaterThan(far);
    // where the fitted model would give a corrected (other) category more than the same one, the same one's score holds
    const water = ticket(10, '厂区自来水水压不够，楼上车间用不了水', { category: 'utilities' });
    const tap = report('二楼的水龙头出水很小');
    for (const c of ['infrastructure', 'construction', 'talent'] as const) {
      expect(score({ ...tap, category: c }, water)).toBeLessThanOrEqual(score({ ...tap, category: 'utilities' }, water));
    }
  });

  it('a later report asking for something else, sharing no object, key word or thing wrong, is asked about, never merged', () => {
    const doubt = (THRESHOLDS.same + THRESHOLDS.unsure) / 2;
    // round 9's two pairs a retrained model merged at 0.60 on words in common alone (冷库; 百亩, 基地)
    const cold = ticket(3, '冰川冷鏈的冷庫又因為電壓低停機了，一晚上好幾次', { state: 'closed', at: daysBefore(30) });
    expect(score(report('冷库的制冷剂要换成环保型的，有没有补贴', { category: 'policy' }), cold)).toBeLessThanOrEqual(doubt);
    const land = ticket(4, '我们承包的三百亩蔬菜基地，有五十亩被划进了高速的征地范围，补偿还没谈', { category: 'land' });
    expect(score(report('基地旁边想再流转一百亩地建育苗大棚，村里愿意，手续怎么走', { category: 'land' }), land)).toBeLessThanOrEqual(doubt);
    // saying it is back, or sharing the thing itself, is not held there
    const power = ticket(5, '冷库电压低，压缩机一晚上停好几次');
    expect(verdictOf(score(report('冷库又停机了，电压还是低，有没有办法先装个稳压器'), power))).toBe('same');
  });
});

describe('the labelled pairs (test/fixtures/duplicate-pairs.jsonl)', () => {
  const pairs = loadPairs();

  it('has at least 200 pairs, both labels, both kinds, both scripts, a held-out part', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    for (const k of ['same', 'different'] as const) expect(pairs.filter((p) => p.label === k).length).toBeGreaterThan(50);
    for (const k of ['duplicate', 'recurrence'] as const) expect(pairs.filter((p) => p.kind === k).length).toBeGreaterThan(30);
    expect(pairs.filter((p) => p.split === 'held-out').length).toBeGreaterThanOrEqual(100);
    expect(pairs.some((p) => /[們這還電廠]/.test(p.a.text + p.b.text))).toBe(true);
  });

  // First measured once with the thresholds frozen on the tune split: recall 85.7 %, precision 90.0 %. With the
  // concept layer (similarity-concepts.ts): precision 100 % (39/39), recall 92.9 % (39/42) — no longer unseen (its
  // false merges were looked at once), so this guards issue 19's targets as development figures.
  it('held out: recall ≥ 85 %, precision ≥ 95 % (issue 19)', () => {
    const r = evaluate(pairs.filter((p) => p.split === 'held-out'));
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
  });

  // Round 8 (written by someone who had not read this code; scored once at 93.9 % / 42.6 %, development data since):
  // with the concept layer precision 100 % (97/97), recall 89.8 % (97/108); with topics, issue groups and 回潮 cues
  // (round 9) 100 %, 96.3 %.
  it('round 8 (test/fixtures/duplicate-pairs-round8.jsonl): precision ≥ 95 %, recall ≥ 85 %', () => {
    const r = evaluate(loadPairs(new URL('../../fixtures/duplicate-pairs-round8.jsonl', import.meta.url).pathname));
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
  });

  // Round 9 (216 pairs by someone who never read this code; scored once at 86.0 % / 45.4 %, development data since):
  // with topics, issue groups and 回潮 cues precision 100 %, recall 89.8 % (parser of 2026-12-01).
  it('round 9 (test/fixtures/duplicate-pairs-round9.jsonl): precision ≥ 95 %, recall ≥ 85 %', () => {
    const r = evaluate(loadPairs(new URL('../../fixtures/duplicate-pairs-round9.jsonl', import.meta.url).pathname));
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('the guard fails with a trivially wrong similarity', () => {
    const held = pairs.filter((p) => p.split === 'held-out');
    const always = evaluate(held, (r, cands) => (cands[0] ? { no: cands[0].no, score: 1, verdict: 'same', kind: 'duplicate' } : null));
    expect(always.precision).toBeLessThan(0.95);
    const never = evaluate(held, () => null);
    expect(never.recall).toBeLessThan(0.85);
  });
});

describe('the enterprise\'s own name (seventeenth session)', () => {
  const doc = (text: string, category = 'market') => ({ text, category, enterpriseId: 'e1', chat: 'wecom:e1' });
  it('is no evidence: two problems scored as if the name were not written', () => {
    const a = '梨香果业想把香梨卖到俄罗斯，对方要植物检疫证书，我们不知道找谁';
    const b = '梨香果业想参加莫斯科的食品展，有没有组团去的';
    expect(score(doc(b), doc(a))).toBe(score(doc(b.replace('梨香果业', '')), doc(a.replace('梨香果业', ''))));
    expect([...features('庭州面业：小麦收购资金差一千万').grams.keys()].some((g) => g.includes('庭州'))).toBe(false);
  });
});

describe('concepts from rounds 83–86 (eighteenth session)', () => {
  const ids = (t: string) => conceptsOf(t).map((k) => k.id);
  it('reads the words these writers used for one thing as one concept', () => {
    expect(ids('黑夜断了好几回电，发电机顶不住')).toContain('停电');
    expect(ids('供电那边黑夜给我们压负荷，中频炉开不起来')).toContain('停电');
    expect(ids('外头修路的把气管子挖漏了，一股味儿')).toContain('燃气');
    expect(ids('宿舍那栋楼外头的砖一块一块往下掉')).toContain('外墙脱落');
    expect(ids('越南客户要我们提供原产地证明才能清关')).toContain('原产地');
    expect(ids('对方要原产地证，么里地方办')).toContain('原产地');
    expect(ids('菇棚那片地被划成基本农田要拆')).toContain('基本农田');
    expect(ids('镇上说占了耕地要清理')).toContain('基本农田');
  });
  it('a school\'s licence changed is no production permit', () => {
    expect(ids('月湖明德教育，办学许可变更那个，新校区的消防验收预约不上')).not.toContain('生产许可');
    expect(ids('食品生产许可变更的申请交了一个月')).toContain('生产许可');
    expect(ids('教育局说新场地的消防要先验收')).toContain('消防验收');
  });
});

describe('concepts from rounds 92–93 (twenty-first session)', () => {
  const ids = (t: string) => conceptsOf(t).map((k) => k.id);
  it('reads the words these writers used for one thing as one concept', () => {
    expect(ids('库里温度都回到零下8度了还没来电')).toContain('停电');
    // round 165: the dark for the lamp, the sound or the hour for the noise, the cracks counted
    expect(ids('宏大宿管 晚上那片黑咕隆咚的 小闺女们下班都结伴走')).toContain('路灯');
    expect(ids('旁边那工地一到半夜就咣咣的 工人白天上班都打瞌睡')).toContain('噪音');
    expect(ids('新楼那几道缝越来越长 施工方来瞅了一眼就走了')).toContain('开裂');
    expect(ids('水还没来，原料在池子里泡着')).toContain('供水');
    expect(ids('开口费那个事有个说法没')).toContain('燃气');
    expect(ids('现在这个网一天掉好几次还收那么贵')).toContain('网络');
    expect(ids('能耗评估那个报告省里有回话了吗')).toContain('环评');
    expect(ids('二期那块地的指标，专员讲在等市里批')).toContain('用地指标');
    expect(ids('失业保险稳岗返还那笔钱还冇看到')).toContain('补贴');
    expect(ids('东门外那堆渣土还在，昨晚又倒了几车')).toContain('垃圾');
  });
  it('a bank cutting a credit line is one complaint however said; a smell of gas is the gas, not a smell', () => {
    expect(ids('额度叫砍了两千万，下个月买橡胶的钱眼看接不上了')).toContain('抽贷');
    expect(ids('银行突然要提前收回俺们2000万贷款')).toContain('抽贷');
    expect(ids('银行那一千万讲死了不续')).toContain('抽贷');
    expect(ids('燃气味越来越大了，人都撤到大门外头了')).toContain('燃气');
    expect(ids('燃气味越来越大了，人都撤到大门外头了')).not.toContain('异味');
    expect(ids('车间有股刺鼻的气味')).toContain('异味');
  });
  it('a road dug open is a broken road, not a broken street lamp', () => {
    expect(ids('仓库前面的路被挖断了')).toContain('路面破损');
    expect(ids('门口那段路被挖开修管道，一个月了还冇回填')).toContain('路面破损');
    expect(ids('仓库前面那段路的路灯一直不亮')).not.toContain('路面破损');
  });
});

describe('concepts from round 180 (thirty-fifth session)', () => {
  const ids = (t: string) => conceptsOf(t).map((k) => k.id);
  it('reads the colloquial and Cantonese words for one thing as that thing', () => {
    expect(ids('房间里上唔到网，电信讲线路冇通到村')).toContain('网络');
    expect(ids('厂房嗰个开工证，住建话要先交齐监理合同')).toContain('施工许可');
    expect(ids('缆车嗰个年检，特检院排期排到下个月')).toContain('特种设备');
    expect(ids('我哋个牌子畀人喺外省注册咗')).toContain('商标');
    expect(ids('蒙山茶油那个地标授权，交咗申请一个月冇人理')).toContain('地理标志');
    expect(ids('今年分畀我哋嘅砍伐额度太少')).toContain('采伐');
    expect(ids('村里又有几户讲我哋放炮震到屋墙裂')).toContain('爆破');
    expect(ids('我哋铺头门口嗰度围板围咗成个月')).toContain('围挡');
    expect(ids('隔篱楼啲住户话机器声吵到佢哋瞓唔着')).toContain('噪音');
    expect(ids('包装线差十几个人，招不齐')).toContain('招工');
    expect(ids('拉石头嘅车成日畀治超站扣')).toContain('通行证');
  });
  it('a fence is not a hoarding; a landmark is no geographical indication; firecrackers are no blasting', () => {
    expect(ids('工地边上的围挡栏倒了')).not.toContain('围挡');
    expect(ids('这批货要发到地标大厦')).not.toContain('地理标志');
    expect(ids('城市地标建筑保护范围内不能加层')).not.toContain('地理标志');
    // (firecrackers are no blasting; registering a brand's shop is no trade-mark matter)
    expect(ids('过年村里不让放炮')).not.toContain('爆破');
    expect(ids('我们品牌店要注册营业执照')).not.toContain('商标');
  });
});

describe('a licence kept alive or changed (twenty-second session)', () => {
  const ids = (t: string) => conceptsOf(t).map((k) => k.id);
  it('reads 延续 / 换证 and 变更 / 增项 as two matters of one licence', () => {
    expect(ids('食品经营许可证年底到期要延续')).toContain('证照延续');
    expect(ids('排污许可证快到期了要换证')).toContain('证照延续');
    expect(ids('食品经营许可证上的地址要变更')).toContain('证照变更');
    expect(ids('排污许可证上要增加一个排放口')).toContain('证照变更');
  });
  it('the same licence kept alive, then changed, is not one problem told twice', () => {
    const doc = (text: string, at: string) => ({ text, category: 'approval', enterpriseId: 'e', chat: 'c', at });
    const renew = { ...doc('排污许可证快到期了，延续申请提交不了', '2026-11-02T02:00:00.000Z'), no: 1, state: 'open' as const };
    expect(bestMatch(doc('排污许可证上要增加一个排放口', '2026-11-04T02:00:00.000Z'), [renew])?.verdict ?? 'different').toBe('different');
  });
});

describe('concepts from rounds 185, 186 and 196 (thirty-sixth session)', () => {
  const ids = (t: string) => conceptsOf(t).map((k) => k.id);
  it('reads the second telling of one report as the first one’s concept', () => {
    const pairs: [string, string, string][] = [
      ['进厂路还是土路，想硬化', '厂门口那段泥巴路能不能给铺一下', '土路'],
      ['门口的桥限重10吨，大车过不了', '那座危桥啥时候能改造', '桥'],
      ['甲居藏寨客栈门口村道的挡墙垮了一截', '靠河那面的石头墙塌了', '挡墙'],
      ['景区厕所冬天冻了', '景区卫生间的水管全冻裂了', '厕所'],
      ['双十二备的货让快递园区压着发不出去，说是爆仓', '电商那批货还在分拨中心趴着呢', '快递物流'],
      ['进水口被冲下来的树枝堵死，鱼缺氧', '师傅说水进不来了，上游冲下来好多枯树塞在渠口', '取水'],
      ['加油站的油罐区防雷检测过期了', '那个避雷的年检到底啥时候能来做', '防雷'],
      ['改装车的产品公告目录申报交上去半年了', '那个目录申报能不能请市工信局帮我们去问一下', '产品公告'],
      ['出口美国要做FDA注册', '那个美国食药局的企业登记', 'FDA'],
      ['想办个外卖资质，网上申请一直提示经营范围不符', '美团叫我们补许可证上的网络经营项目', '外卖'],
      ['温泉水采矿权证到期了', '温泉水那个采矿许可续期', '采矿权'],
      ['账期从60天拉到120天，想做应收账款融资', '那个应收账款质押，银行说要核心企业确权', '应收账款'],
      ['想申请首台套保险补贴', '首台套那个保费补偿', '首台套'],
      ['想招一批残疾人就业，享受残保金减免', '安排残疾人那个政策，残联说要先去人社备案', '残疾人'],
      ['锅炉被要求煤改电，电费太高扛不住', '环保要我们把烧煤的换成电的', '煤改电'],
      ['黄果柑被收购商压价，一斤才一块二', '今年柑子被压得太狠了', '压价'],
      ['电商平台上的店被封了', '编织坊的网店被下架了', '下架'],
      ['废机油、废电瓶没有正规单位来收', '修车剩下的危险废物堆了一屋子', '危废'],
      ['驿站公厕的化粪池满了', '厕所那边粪池漫出来了，吸粪车要从康定调', '排水'],
      ['屋顶彩钢瓦被风掀起来', '屋顶那块铁皮还挂起的', '屋面'],
      ['银行后天要抽贷800万', '工行收回贷款那个事协调得咋样了', '抽贷'],
      ['风电进场道路被村民挖断了', '去风场那条路让人拿挖掘机刨了个大沟', '路面破损'],
      ['熊猫玩偶在网上被人仿冒', '我们店那个公仔被淘宝上好几家抄了', '侵权'],
    ];
    for (const [a, b, id] of pairs) {
      expect(ids(a), a).toContain(id);
      expect(ids(b), b).toContain(id);
    }
  });
  it('not where the words mean something else', () => {
    expect(ids('我们铺路的工程款还没结')).toContain('土路');
    expect(ids('这条街的门店都被封了')).not.toContain('下架');
    expect(ids('马路对面的桥头有个公交站')).not.toContain('桥');
    expect(ids('运费涨了不少')).not.toContain('快递物流');
    // (the second review's: another sense of the same words)
    const not: [string, string][] = [
      ['车间的空压机坏了，全厂没气', '燃气'], ['货车限重查得太严，拉货被罚了', '桥'], ['过桥资金断了', '桥'], ['我们一直在压低成本，原料涨价', '压价'],
      ['土地确权还没办完，流转不了', '应收账款'], ['那家经销商的账期又延长了，说要180天', '应收账款'], ['员工上下班没车位停', '公交'],
      ['我们种的铁皮石斛今年滞销', '屋面'], ['我们租的吊车进不去，路太窄', '塔吊'], ['厂门口水渠被渣土堵了，下雨积水', '取水'],
      ['我们在美团上的订单下滑', '外卖'], ['技术员被抽回来了', '抽贷'], ['县食药局来检查', 'FDA'], ['我们地处偏远地区，招工太难了', '快递物流'],
      ['门头沟区的厂房租金又涨了', '广告牌'], ['今年菌棒滞销', '垃圾'], ['被交警抄了罚单', '侵权'], ['厂区想挖沟排水', '路面破损'], ['隔壁厂挖坑偷埋废渣', '路面破损'],
    ];
    for (const [text, id] of not) expect(ids(text), text).not.toContain(id);
    expect(ids('我们想办IATF认证')).toContain('认证');
    expect(ids('燃气管道被挖断，厂里断了气')).toContain('燃气');
  });
});

describe('concepts from rounds 264 to 268 (forty-fifth session)', () => {
  const ids = (t: string) => conceptsOf(normalizeText(t)).map((k) => k.id);
  it('reads a second telling in other words as the first one’s concept', () => {
    const pairs: [string, string, string][] = [
      ['包工头跑路了，三十几个工人没发工资', '嗰班讨薪嘅工友仲喺度', '欠薪'],
      ['港口附近没有公交，员工上下班很麻烦', '四百多个工友每天要走到大路上才有车搭', '公交'],
      ['楼板有渗水和细裂缝', '三楼地面那条缝好像阔了', '开裂'],
      ['出口欧盟要做碳足迹认证', '欧洲客户要的那个碳排放证书找了两家都做不了', '碳足迹'],
      ['二期土地平整的土方没地方倒', '二期场平的余泥没地方消纳', '土方'],
      ['搅拌站被小区居民投诉噪音', '小区那帮人又打12345 说我们搅拌站吵', '噪音'],
      ['员工宿舍没有宽带，工人要自己拉线', '宿舍的后生仔又来投诉没wifi', '网络'],
      ['拆迁过渡费没发', '过渡的钱这个月又没打过来', '补偿'],
    ];
    for (const [a, b, id] of pairs) {
      expect(ids(a), a).toContain(id);
      expect(ids(b), b).toContain(id);
    }
  });
  it('not where the words mean something else', () => {
    expect(ids('两个班组长吵架了')).not.toContain('噪音');
    expect(ids('这批货碳排放很低')).not.toContain('碳足迹');
    expect(ids('下个月发工资的钱还差一些')).not.toContain('欠薪');
  });
});
