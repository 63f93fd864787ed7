import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../config/policy.js';
import { BusinessCalendar, schedulesFromData } from '../../../src/domain/calendar.js';
import { Directory, directorySchema } from '../../../src/domain/directory.js';
import { transitionItem, type PathItem, type ProjectPath } from '../../../src/domain/project-path.js';
import {
  dueProjectSteps,
  isSuperseded,
  leaderAfterDays,
  pendingProjectSteps,
  projectNextDueAt,
  projectRecipients,
  projectSlaSteps,
  type ProjectSlaPolicy,
} from '../../../src/domain/project-sla.js';
import { OFFICIAL_2025_2026 } from '../../fixtures/official-schedules.js';

/**
 * The official 2026 schedule is injected (never today's date, never the bundled data). Around National Day 2026:
 * Wed 9/30 works, 10/1–10/7 off, Thu 10/8 and Fri 10/9 work, Sat 10/10 works (调休), Sun 10/11 off, Mon 10/12 works.
 */
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai', official: schedulesFromData(OFFICIAL_2025_2026) });
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const policy: ProjectSlaPolicy = DEFAULT_POLICY;

function item(over: Partial<PathItem> & Pick<PathItem, 'id'>): PathItem {
  return {
    name: over.id,
    aliases: [],
    department: '区住建局',
    promisedWorkingDays: 5,
    dependsOn: [],
    state: 'not_started',
    submittedAt: null,
    dueDate: null,
    doneAt: null,
    expectedDate: null,
    missingDocuments: [],
    history: [],
    ...over,
  };
}
const pathOf = (...items: PathItem[]): ProjectPath => ({ templateId: 't', startItem: items[0]!.id, landDate: null, plannedStartDate: null, items });

/** 施工许可 申报 on Tue 9/29, promised by Fri 10/9 (the first working day after the holiday is 10/8). */
const permit = item({ id: 'permit', name: '施工许可', state: 'submitted', submittedAt: at('2026-09-29T10:00:00'), dueDate: '2026-10-09' });

describe('项目代办 reminders and escalation over 调休', () => {
  it('plans the pre-reminder on the previous working day, 专班 on the 调休 Saturday, the 包联区领导 N working days late', () => {
    expect(leaderAfterDays(policy)).toBe(3);
    const steps = projectSlaSteps(pathOf(permit), cal, policy);
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['item-pre', at('2026-10-08T13:30:00')],
      // Sat 10/10 is a working day (调休): one working day late
      ['item-late-taskforce', at('2026-10-10T08:30:00')],
      // 10/10 (1), 10/12 (2; Sunday 10/11 is off), 10/13 (3)
      ['item-late-leader', at('2026-10-13T08:30:00')],
    ]);
    expect(steps.map((s) => s.key)).toEqual([
      `item-pre:permit@${permit.submittedAt}`,
      `item-late-taskforce:permit@${permit.submittedAt}`,
      `item-late-leader:permit@${permit.submittedAt}`,
    ]);
  });

  it('reminds across the holiday: due on the first day back, the reminder goes on the last working day before it', () => {
    const i = item({ id: 'eia', state: 'submitted', submittedAt: at('2026-09-21T09:00:00'), dueDate: '2026-10-08' });
    const [pre, late] = projectSlaSteps(pathOf(i), cal, policy);
    expect(pre).toMatchObject({ kind: 'item-pre', at: at('2026-09-30T13:30:00') });
    expect(late).toMatchObject({ kind: 'item-late-taskforce', at: at('2026-10-09T08:30:00') });
    // due Mon 10/12: the reminder falls on the 调休 Saturday
    const j = item({ id: 'j', state: 'submitted', submittedAt: at('2026-09-21T09:00:00'), dueDate: '2026-10-12' });
    expect(projectSlaSteps(pathOf(j), cal, policy)[0]).toMatchObject({ kind: 'item-pre', at: at('2026-10-10T13:30:00') });
  });

  it('uses the promise the item transition computes', () => {
    const r = transitionItem(pathOf(item({ id: 'permit', promisedWorkingDays: 3 })), 'permit', { type: 'submit' }, { by: { id: 'x' }, at: at('2026-09-29T10:00:00') }, cal);
    if (!r.ok) throw new Error(r.message);
    // 9/29 + 3 working days: 9/30, 10/8, 10/9
    expect(r.item.dueDate).toBe('2026-10-09');
    expect(projectSlaSteps(r.path, cal, policy).map((s) => s.at)).toEqual([at('2026-10-08T13:30:00'), at('2026-10-10T08:30:00'), at('2026-10-13T08:30:00')]);
  });

  it('a clock shorter than the reminder lead has no pre-reminder', () => {
    const short = item({ id: 'quick', state: 'submitted', submittedAt: at('2026-10-08T15:00:00'), dueDate: '2026-10-09' });
    expect(projectSlaSteps(pathOf(short), cal, policy).map((s) => s.kind)).toEqual(['item-late-taskforce', 'item-late-leader']);
  });

  it('a re-filing gets a new clock: new keys, the old ones never match again', () => {
    const again = { ...permit, submittedAt: at('2026-10-09T09:00:00'), dueDate: '2026-10-16' };
    const old = projectSlaSteps(pathOf(permit), cal, policy).map((s) => s.key);
    const fresh = pendingProjectSteps(pathOf(again), old, cal, policy);
    expect(fresh).toHaveLength(3);
    expect(fresh.some((s) => old.includes(s.key))).toBe(false);
  });

  it('only open items have steps: 批复, 容缺受理 and 不适用 stop the clock', () => {
    for (const state of ['approved', 'accepted_pending', 'not_applicable', 'preparing'] as const) {
      expect(projectSlaSteps(pathOf({ ...permit, state, doneAt: at('2026-10-09T10:00:00') }), cal, policy)).toEqual([]);
    }
  });

  it('a 容缺 document not supplied by its date is chased on the next working day, once per document and date', () => {
    const i = item({
      id: 'plan',
      state: 'accepted_pending',
      doneAt: at('2026-09-28T10:00:00'),
      missingDocuments: [
        { name: '日照分析报告', dueDate: '2026-09-30', suppliedAt: null },
        { name: '消防设计说明', dueDate: '2026-10-09', suppliedAt: at('2026-10-09T10:00:00') },
      ],
    });
    const steps = projectSlaSteps(pathOf(i), cal, policy);
    // due Wed 9/30: the next working day is Thu 10/8
    expect(steps).toEqual([
      { key: 'document-overdue:plan:日照分析报告@2026-09-30', kind: 'document-overdue', at: at('2026-10-08T08:30:00'), itemId: 'plan', dueDate: '2026-09-30', document: '日照分析报告' },
    ]);
  });

  it('nextDueAt is the earliest unsent step; what is due at an instant; nothing once all are sent', () => {
    const path = pathOf(permit);
    expect(projectNextDueAt(path, [], cal, policy)).toBe(at('2026-10-08T13:30:00'));
    expect(dueProjectSteps(path, [], at('2026-10-08T13:29:59'), cal, policy)).toEqual([]);
    const due = dueProjectSteps(path, [], at('2026-10-10T09:00:00'), cal, policy);
    expect(due.map((s) => s.kind)).toEqual(['item-pre', 'item-late-taskforce']);
    // the bot was down over the promised date: the pre-reminder is recorded without a message
    expect(isSuperseded(due[0]!, at('2026-10-10T09:00:00'), cal)).toBe(true);
    expect(isSuperseded(due[0]!, at('2026-10-09T17:00:00'), cal)).toBe(false);
    const sent = due.map((s) => s.key);
    expect(projectNextDueAt(path, sent, cal, policy)).toBe(at('2026-10-13T08:30:00'));
    expect(projectNextDueAt(path, [...sent, `item-late-leader:permit@${permit.submittedAt}`], cal, policy)).toBeNull();
  });

  it('without a pre-reminder in the policy there is none; the leader comes after the policy’s working days', () => {
    const p: ProjectSlaPolicy = { reminders: { beforeWorkingDays: 0 }, escalation: { leaderAfterWorkingDays: 5 } };
    const steps = projectSlaSteps(pathOf(permit), cal, p);
    // 10/10, 10/12, 10/13, 10/14, 10/15
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['item-late-taskforce', at('2026-10-10T08:30:00')],
      ['item-late-leader', at('2026-10-15T08:30:00')],
    ]);
  });
});

describe('who is told', () => {
  const dir = new Directory(
    directorySchema.parse({
      people: [
        { id: 'agent', name: '代办员', role: 'cadre', wecom: 'agent' },
        { id: 'tf1', name: '专班一', role: 'cadre', wecom: 'tf1' },
        { id: 'tf2', name: '专班二', role: 'cadre', wecom: 'tf2' },
        { id: 'dlead', name: '住建联络人', role: 'cadre', wecom: 'dlead' },
        { id: 'boss', name: '区领导', role: 'leader', wecom: 'boss' },
      ],
      enterprises: [
        { id: 'e1', name: '某某置业', commissioner: 'agent' },
        { id: 'e2', name: '另一家企业' },
      ],
      projects: [
        { id: 'p1', name: '一期', enterprise: 'e1', leader: 'boss', taskforce: ['tf1', 'tf2'] },
        { id: 'p2', name: '二期', enterprise: 'e2', taskforce: ['tf2'] },
      ],
      departments: [{ id: 'zj', name: '区住建局', lead: 'dlead' }],
      groups: [{ platform: 'wecom', chatId: 'g1', name: '某某置业群', kind: 'enterprise', enterprise: 'e1' }],
    }),
  );
  const [pre, taskforce, leader] = projectSlaSteps(pathOf(permit), cal, policy);
  const doc = { key: 'd', kind: 'document-overdue' as const, at: '', itemId: 'permit', dueDate: '2026-10-09', document: '报告' };
  const ids = (r: { people: { id: string }[] }) => r.people.map((p) => p.id);

  it('the 代办员 (the enterprise’s commissioner) and the department’s contact; the 专班; the 包联区领导; the enterprise’s group', () => {
    const p1 = dir.project('p1')!;
    expect(ids(projectRecipients(pre!, p1, permit, dir))).toEqual(['agent', 'dlead']);
    expect(ids(projectRecipients(taskforce!, p1, permit, dir))).toEqual(['tf1', 'tf2']);
    expect(ids(projectRecipients(leader!, p1, permit, dir))).toEqual(['boss']);
    expect(projectRecipients(doc, p1, permit, dir)).toEqual({ people: [], groups: [expect.objectContaining({ chatId: 'g1' })] });
  });

  it('without a commissioner the 代办员 is the first of the 专班; a level with nobody is skipped; no group → the 代办员', () => {
    const p2 = dir.project('p2')!;
    expect(ids(projectRecipients(pre!, p2, { department: '区发改局' }, dir))).toEqual(['tf2']);
    expect(ids(projectRecipients(leader!, p2, permit, dir))).toEqual([]);
    expect(ids(projectRecipients(doc, p2, permit, dir))).toEqual(['tf2']);
  });
});
