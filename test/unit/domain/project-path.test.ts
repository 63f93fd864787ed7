import { describe, expect, it } from 'vitest';
import { BusinessCalendar, schedulesFromData } from '../../../src/domain/calendar.js';
import {
  checkStartPlan,
  createPath,
  isItemLate,
  itemLateness,
  matchItem,
  owedDocuments,
  parseItemState,
  schedulePath,
  transitionItem,
  workingDaysLeft,
  type ItemAction,
  type ProjectPath,
} from '../../../src/domain/project-path.js';
import { validateProjectTemplates, type ProjectTemplate } from '../../../src/domain/project-template.js';
import { OFFICIAL_2025_2026 } from '../../fixtures/official-schedules.js';

/**
 * The official 2026 schedule is injected, so no expectation depends on the bundled data or on today's date. Around
 * National Day 2026: Fri 9/18 works, Sat 9/19 off, Sun 9/20 works (调休), Fri 9/25 off (中秋), 10/1–10/7 off,
 * Sat 10/10 works (调休), Sun 10/11 off.
 */
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai', official: schedulesFromData(OFFICIAL_2025_2026) });
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const by = { id: 'zhangwei', name: '张伟', personId: 'zhangwei', platform: 'wecom' as const };

/** A small path whose dates can be counted by hand. */
function template(): ProjectTemplate {
  const v = validateProjectTemplates({
    templates: [
      {
        id: 't',
        name: '测试模板',
        items: [
          { id: 'lixiang', name: '立项备案', aliases: ['立项'], department: '区发展改革局', promisedWorkingDays: 1 },
          { id: 'yongdi', name: '建设用地规划许可', department: '区规划和自然资源分局', promisedWorkingDays: 3, dependsOn: ['lixiang'] },
          { id: 'gongcheng', name: '建设工程规划许可', department: '区规划和自然资源分局', promisedWorkingDays: 5, dependsOn: ['yongdi'] },
          { id: 'huanping', name: '环境影响评价', aliases: ['环评'], department: '区生态环境分局', promisedWorkingDays: 10, dependsOn: ['立项'] },
          { id: 'tushen', name: '施工图审查', aliases: ['图审'], department: '区住建局', promisedWorkingDays: 4 },
          { id: 'shigong', name: '施工许可', department: '区住建局', promisedWorkingDays: 2, dependsOn: ['gongcheng', 'huanping', 'tushen'] },
          { id: 'yanshou', name: '竣工验收', department: '区住建局', promisedWorkingDays: 10, dependsOn: ['shigong'] },
        ],
      },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.data.templates[0]!;
}

function apply(path: ProjectPath, steps: [string, ItemAction, string][]): ProjectPath {
  for (const [id, action, when] of steps) {
    const r = transitionItem(path, id, action, { by, at: at(when) }, cal);
    if (!r.ok) throw new Error(`${id} ${action.type}: ${r.message}`);
    path = r.path;
  }
  return path;
}
const item = (p: ProjectPath, id: string) => p.items.find((i) => i.id === id)!;

describe('a new path', () => {
  it('has every item 未启动, the 开工 item from the name 施工许可, and the template dependencies as ids', () => {
    const p = createPath(template(), { landDate: '2026-09-18', plannedStartDate: '2026-10-16' });
    expect(p.startItem).toBe('shigong');
    expect(p.items.every((i) => i.state === 'not_started' && i.history.length === 0)).toBe(true);
    expect(item(p, 'huanping').dependsOn).toEqual(['lixiang']);
    expect(p).toMatchObject({ templateId: 't', landDate: '2026-09-18', plannedStartDate: '2026-10-16' });
  });
});

describe('item transitions', () => {
  it('申报 starts the clock: due is counted in working days over a 调休 Sunday, and who/when is recorded', () => {
    const p0 = createPath(template());
    const r = transitionItem(p0, 'lixiang', { type: 'submit', note: '网上申报' }, { by, at: at('2026-09-18T10:00:00'), source: 'wecom:m1' }, cal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Friday + 1 working day → Sunday 9/20, the make-up working day
    expect(r.item).toMatchObject({ state: 'submitted', submittedAt: at('2026-09-18T10:00:00'), dueDate: '2026-09-20' });
    expect(r.event).toEqual({
      type: 'submit', from: 'not_started', to: 'submitted', at: at('2026-09-18T10:00:00'), by, note: '网上申报',
      data: { dueDate: '2026-09-20' }, source: 'wecom:m1',
    });
    expect(item(p0, 'lixiang').state).toBe('not_started'); // pure: the old path is unchanged
  });

  it('counts a due date across 中秋 and the weekend, and across National Day to the 调休 Saturday', () => {
    let p = apply(createPath(template()), [
      ['lixiang', { type: 'submit' }, '2026-09-18T09:00:00'],
      ['lixiang', { type: 'approve' }, '2026-09-18T16:00:00'],
      ['yongdi', { type: 'submit' }, '2026-09-24T09:00:00'],
      ['huanping', { type: 'submit' }, '2026-09-24T09:00:00'],
    ]);
    // Thu 9/24 + 3: 9/25 中秋 off, weekend off → 9/28, 9/29, 9/30
    expect(item(p, 'yongdi').dueDate).toBe('2026-09-30');
    // Thu 9/24 + 10: 9/28, 29, 30, 10/8, 9, 10 (Sat 调休), 12, 13, 14, 15
    expect(item(p, 'huanping').dueDate).toBe('2026-10-15');
    p = apply(p, [['tushen', { type: 'prepare' }, '2026-09-28T09:00:00'], ['tushen', { type: 'submit' }, '2026-09-30T09:00:00']]);
    // Wed 9/30 + 4: 10/8, 10/9, 10/10 (Sat 调休), 10/12
    expect(item(p, 'tushen').dueDate).toBe('2026-10-12');
    expect(item(p, 'tushen').history.map((e) => `${e.from}→${e.to}`)).toEqual(['not_started→preparing', 'preparing→submitted']);
  });

  it('refuses 申报 before the dependencies are 已批复, 容缺受理 or 不适用, naming them', () => {
    const p = apply(createPath(template()), [['lixiang', { type: 'submit' }, '2026-09-18T09:00:00']]);
    const r = transitionItem(p, 'yongdi', { type: 'submit' }, { by, at: at('2026-09-18T10:00:00') }, cal);
    expect(r).toEqual({ ok: false, code: 'ITEM_BLOCKED', message: '建设用地规划许可 须待前置事项 立项备案（已申报） 批复、容缺受理或不适用后，才能申报。' });
    const s = transitionItem(p, 'shigong', { type: 'submit' }, { by, at: at('2026-09-18T10:00:00') }, cal);
    expect(!s.ok && s.message).toContain('建设工程规划许可（未启动）、环境影响评价（未启动）、施工图审查（未启动）');
    // 容缺受理 satisfies a dependency (容缺串联), and so does 不适用
    const q = apply(p, [
      ['lixiang', { type: 'accept_pending', missing: [{ name: '项目代码赋码材料', dueDate: '2026-09-30' }] }, '2026-09-18T11:00:00'],
      ['yongdi', { type: 'submit' }, '2026-09-18T14:00:00'],
      ['huanping', { type: 'not_applicable', note: '登记表备案，无需审批' }, '2026-09-18T14:00:00'],
    ]);
    expect(item(q, 'yongdi').state).toBe('submitted');
    expect(item(q, 'huanping')).toMatchObject({ state: 'not_applicable', doneAt: at('2026-09-18T14:00:00') });
  });

  it('cannot go back from 已批复, nor record the same state twice, nor 批复 what was never 申报', () => {
    const p = apply(createPath(template()), [
      ['lixiang', { type: 'submit' }, '2026-09-18T09:00:00'],
      ['lixiang', { type: 'approve' }, '2026-09-21T09:00:00'],
    ]);
    const ctx = { by, at: at('2026-09-22T09:00:00') };
    expect(transitionItem(p, 'lixiang', { type: 'prepare' }, ctx, cal)).toEqual({ ok: false, code: 'ITEM_INVALID_TRANSITION', message: '立项备案 已批复，不能准备材料。' });
    expect(transitionItem(p, 'lixiang', { type: 'not_applicable' }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_INVALID_TRANSITION' });
    expect(transitionItem(p, 'lixiang', { type: 'approve' }, ctx, cal)).toEqual({ ok: false, code: 'ITEM_NO_CHANGE', message: '立项备案 已是「已批复」，无需重复登记。' });
    expect(transitionItem(p, 'tushen', { type: 'approve' }, ctx, cal)).toEqual({
      ok: false, code: 'ITEM_INVALID_TRANSITION', message: '施工图审查 尚未启动，不能批复。请先登记「已申报」。',
    });
    expect(transitionItem(p, 'nope', { type: 'submit' }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_UNKNOWN' });
  });

  it('退回补正 (back to 准备材料 from 已申报) stops the clock; 不适用 can be taken back', () => {
    const p = apply(createPath(template()), [
      ['tushen', { type: 'submit' }, '2026-09-18T09:00:00'],
      ['tushen', { type: 'prepare', note: '退回补正' }, '2026-09-21T09:00:00'],
      ['huanping', { type: 'not_applicable' }, '2026-09-21T09:00:00'],
      ['huanping', { type: 'prepare' }, '2026-09-22T09:00:00'],
    ]);
    expect(item(p, 'tushen')).toMatchObject({ state: 'preparing', submittedAt: null, dueDate: null });
    expect(item(p, 'tushen').history[1]).toMatchObject({ note: '退回补正', data: { previousDue: '2026-09-23' } });
    expect(item(p, 'huanping')).toMatchObject({ state: 'preparing', doneAt: null });
  });

  it('容缺受理 needs the missing documents with due dates; each is chased and supplied on its own', () => {
    const p = apply(createPath(template()), [['tushen', { type: 'submit' }, '2026-09-18T09:00:00']]);
    const ctx = { by, at: at('2026-09-21T09:00:00') };
    expect(transitionItem(p, 'tushen', { type: 'accept_pending', missing: [] }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_BAD_INPUT' });
    expect(transitionItem(p, 'tushen', { type: 'accept_pending', missing: [{ name: '日照分析报告', dueDate: '12月10日' }] }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_BAD_INPUT' });
    expect(transitionItem(p, 'tushen', { type: 'accept_pending', missing: [{ name: '日照分析报告', dueDate: '2026-09-20' }] }, ctx, cal)).toEqual({
      ok: false, code: 'ITEM_BAD_INPUT', message: '容缺材料「日照分析报告」的补齐日期 2026-09-20 早于今天。',
    });
    let q = apply(p, [
      ['tushen', { type: 'accept_pending', missing: [{ name: '日照分析报告', dueDate: '2026-09-30' }, { name: '勘察报告', dueDate: '2026-10-12' }] }, '2026-09-21T09:00:00'],
    ]);
    expect(item(q, 'tushen')).toMatchObject({ state: 'accepted_pending', doneAt: at('2026-09-21T09:00:00'), dueDate: '2026-09-23' });
    // on 10/9 the first document is late by 2 working days (9/30 → 10/8, 10/9); the second is not yet due
    expect(owedDocuments(q, '2026-10-09', cal).map((d) => [d.document.name, d.daysLate])).toEqual([['日照分析报告', 2], ['勘察报告', 0]]);
    const wrong = transitionItem(q, 'tushen', { type: 'supply', documents: ['消防报告'] }, { by, at: at('2026-09-22T09:00:00') }, cal);
    expect(wrong).toEqual({ ok: false, code: 'ITEM_BAD_INPUT', message: '施工图审查 没有待补齐的材料「消防报告」。待补：日照分析报告、勘察报告。' });
    q = apply(q, [['tushen', { type: 'supply', documents: ['日照分析'] }, '2026-09-22T09:00:00']]);
    expect(owedDocuments(q, '2026-10-09', cal).map((d) => d.document.name)).toEqual(['勘察报告']);
    // the 批复 closes what is still owed
    q = apply(q, [['tushen', { type: 'approve' }, '2026-09-23T09:00:00']]);
    expect(owedDocuments(q, '2026-10-09', cal)).toEqual([]);
    expect(item(q, 'tushen').history.at(-1)).toMatchObject({ from: 'accepted_pending', to: 'approved', data: { supplied: ['勘察报告'] } });
    // the item was done at 容缺受理: the later 批复 does not move its finish (nor its lateness, nor the month it counts in)
    expect(item(q, 'tushen').doneAt).toBe(at('2026-09-21T09:00:00'));
  });

  it('容缺受理 straight from 准备材料 is a filing: the clock starts then, after the dependencies', () => {
    const p = createPath(template());
    expect(transitionItem(p, 'yongdi', { type: 'accept_pending', missing: [{ name: '红线图', dueDate: '2026-09-30' }] }, { by, at: at('2026-09-18T09:00:00') }, cal)).toMatchObject({ ok: false, code: 'ITEM_BLOCKED' });
    const q = apply(p, [['tushen', { type: 'accept_pending', missing: [{ name: '勘察报告', dueDate: '2026-09-30' }] }, '2026-09-18T09:00:00']]);
    expect(item(q, 'tushen')).toMatchObject({ submittedAt: at('2026-09-18T09:00:00'), dueDate: '2026-09-23' });
  });

  it('预计 dates must be real dates, not in the past', () => {
    const p = createPath(template());
    const ctx = { by, at: at('2026-09-21T09:00:00') };
    expect(transitionItem(p, 'tushen', { type: 'expect', date: '2026-09-18' }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_BAD_INPUT' });
    expect(transitionItem(p, 'tushen', { type: 'expect', date: '2026-02-30' }, ctx, cal)).toMatchObject({ ok: false, code: 'ITEM_BAD_INPUT' });
    const r = transitionItem(p, 'tushen', { type: 'expect', date: '2026-10-09' }, ctx, cal);
    expect(r.ok && r.item).toMatchObject({ state: 'not_started', expectedDate: '2026-10-09' });
  });
});

describe('lateness in working days', () => {
  // 施工图审查 申报 Wed 9/30, 4 working days: due Mon 10/12 (10/8, 10/9, Sat 10/10 调休, 10/12)
  const p = apply(createPath(template()), [['tushen', { type: 'submit' }, '2026-09-30T15:00:00']]);
  const t = item(p, 'tushen');

  it('counts the working days left, over National Day and the 调休 Saturday', () => {
    expect(t.dueDate).toBe('2026-10-12');
    expect(workingDaysLeft(t, '2026-09-30', cal)).toBe(4);
    expect(workingDaysLeft(t, '2026-10-09', cal)).toBe(2);
    expect(workingDaysLeft(t, '2026-10-12', cal)).toBe(0);
    expect(workingDaysLeft(item(p, 'lixiang'), '2026-10-12', cal)).toBeNull();
  });

  it('is late only after the due date, by working days', () => {
    expect(itemLateness(t, '2026-10-12', cal)).toBe(0);
    expect(isItemLate(t, '2026-10-12', cal)).toBe(false);
    expect(itemLateness(t, '2026-10-13', cal)).toBe(1);
    expect(itemLateness(t, '2026-10-18', cal)).toBe(4); // 10/13–10/16, the weekend does not count
    expect(isItemLate(t, '2026-10-18', cal)).toBe(true);
    expect(workingDaysLeft(t, '2026-10-18', cal)).toBe(-4);
  });

  it('keeps how late a finished item was, whatever today is; a finished item is not "late" any more', () => {
    const q = apply(p, [['tushen', { type: 'approve' }, '2026-10-14T10:00:00']]);
    expect(itemLateness(item(q, 'tushen'), '2026-12-01', cal)).toBe(2);
    expect(isItemLate(item(q, 'tushen'), '2026-12-01', cal)).toBe(false);
    const onTime = apply(p, [['tushen', { type: 'approve' }, '2026-10-12T17:00:00']]);
    expect(itemLateness(item(onTime, 'tushen'), '2026-12-01', cal)).toBe(0);
  });
});

describe('critical path and the earliest 开工', () => {
  /*
   * Nothing started, today Fri 9/18 (hand-counted on the 2026 schedule):
   *   立项 9/18 + 1 → Sun 9/20 (调休)          图审 9/18 + 4 → 9/20, 21, 22, 23
   *   用地规划 9/20 + 3 → 9/23                  环评 9/20 + 10 → 9/21 … 9/30 (7), 10/8, 10/9, Sat 10/10 (调休)
   *   工程规划 9/23 + 5 → 9/24, 28, 29, 30, 10/8
   *   施工许可 starts max(10/8, 10/10, 9/23) = 10/10, + 2 → 10/12, 10/13
   *   竣工验收 10/13 + 10 → 10/27
   */
  it('computes every item, the chain that sets 开工, and the completion', () => {
    const p = createPath(template(), { plannedStartDate: '2026-10-16' });
    const s = schedulePath(p, '2026-09-18', cal);
    expect(s.items.lixiang).toEqual({ start: '2026-09-18', finish: '2026-09-20', done: false });
    expect(s.items.huanping).toEqual({ start: '2026-09-20', finish: '2026-10-10', done: false });
    expect(s.items.gongcheng!.finish).toBe('2026-10-08');
    expect(s.items.tushen!.finish).toBe('2026-09-23');
    expect(s.items.shigong).toEqual({ start: '2026-10-10', finish: '2026-10-13', done: false });
    expect(s.earliestStartDate).toBe('2026-10-13');
    expect(s.criticalPath).toEqual(['lixiang', 'huanping', 'shigong']);
    expect(s.completionDate).toBe('2026-10-27');
    expect(s.completionPath).toEqual(['lixiang', 'huanping', 'shigong', 'yanshou']);
    // planned 开工 10/16: three working days to spare (10/14, 10/15, 10/16)
    expect(checkStartPlan(p, s, cal)).toEqual({ plannedStartDate: '2026-10-16', earliestStartDate: '2026-10-13', impossible: false, slackWorkingDays: 3 });
  });

  it('says when the planned 开工 has become impossible', () => {
    const p = createPath(template(), { plannedStartDate: '2026-10-12' });
    const check = checkStartPlan(p, schedulePath(p, '2026-09-18', cal), cal);
    expect(check).toEqual({ plannedStartDate: '2026-10-12', earliestStartDate: '2026-10-13', impossible: true, slackWorkingDays: -1 });
    expect(checkStartPlan(createPath(template()), schedulePath(p, '2026-09-18', cal), cal)).toBeNull();
  });

  it('follows the states: finished items count at their date, 不适用 constrains nothing, late items not before today', () => {
    const p = apply(createPath(template(), { plannedStartDate: '2026-10-12' }), [
      ['lixiang', { type: 'submit' }, '2026-09-18T09:00:00'],
      ['lixiang', { type: 'approve' }, '2026-09-18T16:00:00'],
      ['huanping', { type: 'not_applicable' }, '2026-09-18T16:00:00'],
      ['tushen', { type: 'submit' }, '2026-09-18T09:00:00'], // due 9/23
    ]);
    /*
     * today Mon 9/21: 用地规划 9/21 + 3 → 9/22, 23, 24; 工程规划 9/24 + 5 → 9/28, 29, 30, 10/8, 10/9;
     * 图审 due 9/23; 施工许可 10/9 + 2 → Sat 10/10 (调休), 10/12
     */
    let s = schedulePath(p, '2026-09-21', cal);
    expect(s.items.lixiang).toEqual({ start: '2026-09-18', finish: '2026-09-18', done: true });
    expect(s.items.huanping).toEqual({ start: null, finish: null, done: true });
    expect(s.items.tushen).toEqual({ start: '2026-09-18', finish: '2026-09-23', done: false });
    expect(s.earliestStartDate).toBe('2026-10-12');
    expect(s.criticalPath).toEqual(['yongdi', 'gongcheng', 'shigong']);
    expect(checkStartPlan(p, s, cal)!.impossible).toBe(false);
    // 图审 is late on 10/9 and not yet 批复: it can finish today at the earliest, and now sets 开工
    const q = apply(p, [
      ['yongdi', { type: 'submit' }, '2026-09-21T09:00:00'],
      ['yongdi', { type: 'approve' }, '2026-09-22T09:00:00'],
      ['gongcheng', { type: 'submit' }, '2026-09-22T10:00:00'],
      ['gongcheng', { type: 'approve' }, '2026-09-29T10:00:00'],
    ]);
    s = schedulePath(q, '2026-10-09', cal);
    expect(s.items.tushen!.finish).toBe('2026-10-09');
    expect(s.earliestStartDate).toBe('2026-10-12'); // 10/9 + 2: Sat 10/10, Mon 10/12
    expect(s.criticalPath).toEqual(['tushen', 'shigong']);
    // and a 预计 date later than the promise moves 开工 past the plan
    const r = apply(q, [['tushen', { type: 'expect', date: '2026-10-14' }, '2026-10-09T09:00:00']]);
    s = schedulePath(r, '2026-10-09', cal);
    expect(s.earliestStartDate).toBe('2026-10-16');
    expect(checkStartPlan(r, s, cal)).toMatchObject({ impossible: true, slackWorkingDays: -4 });
  });

  it('puts 开工 on the day the 开工 item is 批复 once it is', () => {
    const p = apply(createPath(template()), [
      ['lixiang', { type: 'submit' }, '2026-09-18T09:00:00'],
      ['lixiang', { type: 'approve' }, '2026-09-18T10:00:00'],
      ['huanping', { type: 'not_applicable' }, '2026-09-18T10:00:00'],
      ['yongdi', { type: 'submit' }, '2026-09-18T10:00:00'],
      ['yongdi', { type: 'approve' }, '2026-09-18T11:00:00'],
      ['gongcheng', { type: 'submit' }, '2026-09-18T11:00:00'],
      ['gongcheng', { type: 'approve' }, '2026-09-18T12:00:00'],
      ['tushen', { type: 'submit' }, '2026-09-18T12:00:00'],
      ['tushen', { type: 'approve' }, '2026-09-18T13:00:00'],
      ['shigong', { type: 'submit' }, '2026-09-18T14:00:00'],
      ['shigong', { type: 'approve' }, '2026-09-18T15:00:00'], // 拿地即开工
    ]);
    const s = schedulePath(p, '2026-10-09', cal);
    expect(s.earliestStartDate).toBe('2026-09-18');
    expect(s.criticalPath).toEqual([]);
    expect(s.completionPath).toEqual(['yanshou']);
    expect(s.completionDate).toBe('2026-10-22'); // 10/9 + 10: 10/10, 12–16, 19–22
  });
});

describe('item names, leniently', () => {
  const items = createPath(template()).items;
  const found = (text: string) => {
    const m = matchItem(items, text);
    return m.kind === 'found' ? m.item.id : m.kind === 'ambiguous' ? `ambiguous:${m.candidates.map((c) => c.id).join(',')}` : `unknown:${m.suggestions.map((c) => c.id).join(',')}`;
  };
  it.each([
    ['施工许可', 'shigong'],
    ['施工许可证', 'shigong'],
    ['施工许可申请', 'shigong'],
    ['施工許可證', 'shigong'], // traditional
    ['施工許可申請', 'shigong'],
    ['办理施工许可手续', 'shigong'],
    ['环评', 'huanping'],
    ['環評', 'huanping'],
    ['环境影响评价', 'huanping'],
    ['图审', 'tushen'],
    ['立项', 'lixiang'],
    ['竣工验收', 'yanshou'],
    ['yongdi', 'yongdi'],
  ])('%s → %s', (text, id) => expect(found(text)).toBe(id));

  it('says when a name fits several items, or none', () => {
    expect(found('规划许可')).toBe('ambiguous:yongdi,gongcheng');
    expect(found('規劃許可證')).toBe('ambiguous:yongdi,gongcheng');
    expect(found('施工')).toBe('ambiguous:tushen,shigong');
    expect(found('施工图审核')).toBe('tushen'); // holds the alias 图审
    expect(found('环境评价')).toBe('unknown:huanping');
    expect(found('消防验收')).toBe('unknown:');
    expect(found('  ')).toBe('unknown:');
  });

  it('reads the state words of the chat, simplified or traditional', () => {
    expect(parseItemState('已申报')).toBe('submitted');
    expect(parseItemState('已申報')).toBe('submitted');
    expect(parseItemState('已批复')).toBe('approved');
    expect(parseItemState('已批覆')).toBe('approved');
    expect(parseItemState('容缺受理')).toBe('accepted_pending');
    expect(parseItemState('不适用')).toBe('not_applicable');
    expect(parseItemState('准备材料')).toBe('preparing');
    expect(parseItemState('预计')).toBeNull();
  });
});
