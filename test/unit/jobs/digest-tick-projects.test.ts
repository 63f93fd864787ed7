import { describe, expect, it, vi } from 'vitest';
import { sendDueDigests, type DueDigestsDeps } from '../../../jobs/digest-tick.job.js';
import { buildProjectReport } from '../../../src/bot/project-service.js';
import { BusinessCalendar, schedulesFromData } from '../../../src/domain/calendar.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { createPath, transitionItem } from '../../../src/domain/project-path.js';
import type { ReportProject } from '../../../src/domain/project-report.js';
import { validateProjectTemplates } from '../../../src/domain/project-template.js';
import type { OutboundMessage, OutboundTarget } from '../../../src/messages/outbound.js';
import { OFFICIAL_2025_2026 } from '../../fixtures/official-schedules.js';

/**
 * The monthly push of 月调度: on the first working day of a month, last month's report to every leaders group, once
 * per group and month (its own run key beside the digests'), whatever the number of ticks.
 */
const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai', official: schedulesFromData(OFFICIAL_2025_2026) });
const L = (local: string) => new Date(`${local}+08:00`);

function directory(): Directory {
  const v = validateDirectory({
    enterprises: [{ id: 'yilong', name: '浙江亿龙置业有限公司' }],
    projects: [{ id: 'yilong2', name: '亿龙二期', enterprise: 'yilong', template: 'gongye' }],
    groups: [
      { platform: 'wecom', chatId: 'leaders-wecom', name: '领导群', kind: 'leaders', webhookKey: 'k' },
      { platform: 'dingtalk', chatId: 'leaders-ding', name: '领导钉钉群', kind: 'leaders' },
      { platform: 'wecom', chatId: 'yilong-group', name: '亿龙群', kind: 'enterprise', enterprise: 'yilong', webhookKey: 'k2' },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return new Directory(v.data);
}

function project(): ReportProject {
  const t = validateProjectTemplates({
    templates: [
      {
        id: 'gongye',
        name: '工业仓储类',
        items: [
          { id: 'lixiang', name: '立项备案', department: '区发展改革局', promisedWorkingDays: 1 },
          { id: 'shigong', name: '施工许可', department: '区住建局', promisedWorkingDays: 2, dependsOn: ['lixiang'] },
        ],
      },
    ],
  });
  if (!t.ok) throw new Error(JSON.stringify(t.problems));
  let path = createPath(t.data.templates[0]!);
  for (const [type, day] of [['submit', '2026-11-09'], ['approve', '2026-11-10']] as const) {
    const r = transitionItem(path, 'lixiang', { type }, { by: { id: 'zw', name: '张伟' }, at: L(`${day}T10:00:00`).toISOString() }, cal);
    if (!r.ok) throw new Error(r.message);
    path = r.path;
  }
  return { project: { id: 'yilong2', name: '亿龙二期', enterprise: '浙江亿龙置业有限公司' }, path };
}

/** The digests' runs in memory, with the repository's semantics; the tickets' digests count as sent already. */
function setup(projects: ReportProject[] = [project()]) {
  const runs = new Map<string, 'claimed' | 'sent'>();
  const sends: { cause: string; target: OutboundTarget; message: OutboundMessage }[] = [];
  const report = vi.fn(async (kind: 'month' | 'quarter' | 'year', _d: Directory, now: Date, date?: string) =>
    buildProjectReport(kind, projects, cal.localDate(now), cal, date),
  );
  const deps = {
    calendar: cal,
    digests: {
      sinceLastWorkingDay: () => ({ period: 'day', key: 'd' }),
      range: (period: string) => ({ period, key: 'k' }),
      build: async () => {
        throw new Error('the tickets\' digests are sent already');
      },
    },
    digestRuns: {
      async claim(key: string) {
        if (runs.get(key) === 'sent') return 'done' as const;
        runs.set(key, 'claimed');
        return 'go' as const;
      },
      async status(key: string) {
        return key.includes(':projects:') ? (runs.get(key) ?? null) : ('sent' as const);
      },
      async markSent(key: string) {
        runs.set(key, 'sent');
      },
    },
    directory: async () => directory(),
    senders: { wecom: {}, dingtalk: {} },
    outbox: {
      async send(cause: string, _i: number, target: OutboundTarget, message: OutboundMessage) {
        sends.push({ cause, target, message });
      },
    },
    projectService: { report },
  } as unknown as DueDigestsDeps;
  return { deps, sends, runs, report };
}

describe('月调度 pushed on the first working day of the month', () => {
  it('Tuesday 2026-12-01: November\'s report to each leaders group, once, however many ticks', async () => {
    const { deps, sends, runs, report } = setup();
    const r = await sendDueDigests(deps, L('2026-12-01T08:30:00'));
    expect(r).toContain('projects:2026-11');
    expect(r).toContain('→ 2 sent to 2 groups');
    expect(sends.map((s) => s.cause)).toEqual(['digest-wecom:leaders-wecom:projects:2026-11', 'digest-dingtalk:leaders-ding:projects:2026-11']);
    expect(sends.map((s) => s.target)).toEqual([
      { kind: 'group', platform: 'wecom', chatId: 'leaders-wecom' },
      { kind: 'group', platform: 'dingtalk', chatId: 'leaders-ding' },
    ]);
    expect(sends[0]!.message.text).toContain('重点项目月调度（2026年11月）');
    expect(sends[0]!.message.text).toContain('本月办结：立项备案（11月10日）');
    expect(report).toHaveBeenCalledWith('month', expect.anything(), L('2026-12-01T08:30:00'), '2026-11-01');
    expect([...runs.values()]).toEqual(['sent', 'sent']);
    // later ticks the same day (and the reconcile's catch-up) send nothing more and build nothing
    await sendDueDigests(deps, L('2026-12-01T08:35:00'));
    await Promise.all([sendDueDigests(deps, L('2026-12-01T15:00:00')), sendDueDigests(deps, L('2026-12-01T15:00:00'))]);
    expect(sends).toHaveLength(2);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('a month whose first working day is later (January 2027: 1–3 off): sent on the 4th, not before, not after', async () => {
    const { deps, sends } = setup();
    expect(await sendDueDigests(deps, L('2027-01-01T08:30:00'))).toBe('2027-01-01 is not a working day');
    await sendDueDigests(deps, L('2027-01-04T08:30:00'));
    await sendDueDigests(deps, L('2027-01-05T08:30:00'));
    expect(sends.map((s) => s.cause)).toEqual(['digest-wecom:leaders-wecom:projects:2026-12', 'digest-dingtalk:leaders-ding:projects:2026-12']);
  });

  it('not on another working day; nothing when no project has a path', async () => {
    const other = setup();
    expect(await sendDueDigests(other.deps, L('2026-12-02T08:30:00'))).not.toContain('projects:');
    expect(other.report).not.toHaveBeenCalled();
    const none = setup([]);
    await sendDueDigests(none.deps, L('2026-12-01T08:30:00'));
    expect(none.sends).toHaveLength(0);
    expect(none.runs.size).toBe(0);
  });
});
