import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { createDigestService } from '../../../src/digest/digest-service.js';
import { renderDigest, renderDigestFigure } from '../../../src/platforms/digest-render.js';
import { buildDigest, dailySeries, periodOf, previousPeriod, statusAt } from '../../../src/domain/digest.js';
import { Directory, validateDirectory } from '../../../src/domain/directory.js';
import { buildNewTicket, type Ticket, type TicketEvent, type TicketStatus } from '../../../src/domain/ticket.js';
import { toWecomMarkdown } from '../../../src/platforms/wecom/render.js';
import { toDingtalkMarkdown } from '../../../src/platforms/dingtalk/render.js';
import { sharedPath } from '../../helpers/shared.js';

const TZ = 'Asia/Shanghai';
const v = validateDirectory(YAML.parse(readFileSync(sharedPath('examples/directory.yaml'), 'utf8')));
const dir = v.ok ? new Directory(v.data) : Directory.empty();
const L = (local: string) => new Date(`${local}+08:00`).toISOString();
const zhang = { personId: 'zhangwei', name: '张伟' };
const wang = { personId: 'wangfang', name: '王芳' };

/**
 * A calendar fixed by overrides for every day of a window (weekdays on, weekends off): it does not depend on which
 * years `chinese-days` has published.
 */
function fixedCalendar(from: string, to: string): BusinessCalendar {
  const overrides: Record<string, boolean> = {};
  for (let x = new Date(`${from}T00:00:00Z`); x <= new Date(`${to}T00:00:00Z`); x = new Date(x.getTime() + 86_400_000)) {
    overrides[x.toISOString().slice(0, 10)] = x.getUTCDay() !== 0 && x.getUTCDay() !== 6;
  }
  return new BusinessCalendar({ timezone: TZ, overrides });
}
const fixed = fixedCalendar('2025-12-01', '2026-12-31');
const cal = fixed;

/** A ticket; `steps` are [local time, event type, status it led to, by person]. */
function T(no: number, created: string, status: TicketStatus, extra: Partial<Ticket>, steps: [string, string, TicketStatus, string?][] = []): Ticket {
  const base = buildNewTicket(no, {
    platform: 'wecom', chatId: 'g', reporter: { id: 'r' }, text: 't', summary: `问题${no}`, category: 'utilities', categoryConfidence: 1,
    urgency: 'normal', requestedDate: null, resolutionDueAt: L('2026-12-02T10:00:00'), enterprise: `企业${no}`,
    sourceMessageId: `wecom:d${no}`, parsedBy: 'rules', now: L(created),
  });
  const events: TicketEvent[] = [{ ...base.events[0]!, data: { to_status: 'accepted' } }];
  for (const [at, type, to, by] of steps) events.push({ type, at: L(at), data: { to_status: to }, ...(by ? { by: { platform: 'wecom', id: by, personId: by } } : {}) });
  const updatedAt = events.at(-1)!.at;
  return { ...base, status, events, updatedAt, ...extra };
}

const tickets: Ticket[] = [
  T(1, '2026-11-25T10:00:00', 'accepted', {}),
  T(2, '2026-11-25T00:00:00', 'pending_claim', { category: 'approval', assignee: zhang, responseDueAt: L('2026-11-25T09:00:00') }, [['2026-11-25T00:00:00', 'dispatch', 'pending_claim']]),
  T(3, '2026-11-24T23:59:59', 'in_progress', { assignee: zhang, responseDueAt: L('2026-11-25T10:00:00'), resolutionDueAt: L('2026-12-01T10:00:00'), claimedAt: L('2026-11-25T09:00:00') }, [
    ['2026-11-25T09:00:00', 'claim', 'in_progress', 'zhangwei'],
  ]),
  T(4, '2026-10-10T10:00:00', 'pending_rating', { assignee: zhang, resolutionDueAt: L('2026-10-17T10:00:00'), resolvedAt: L('2026-11-25T15:00:00'), outcome: 'resolved' }, [
    ['2026-10-12T09:00:00', 'claim', 'in_progress', 'zhangwei'],
    ['2026-11-25T15:00:00', 'resolve', 'pending_rating', 'zhangwei'],
  ]),
  T(5, '2026-11-01T10:00:00', 'closed', {
    assignee: zhang, resolvedAt: L('2026-11-20T10:00:00'), closedAt: L('2026-11-25T16:00:00'), outcome: 'resolved',
    rating: { level: 'satisfied', at: L('2026-11-25T16:00:00'), by: { platform: 'wecom', id: 'r' }, assigneePersonId: 'zhangwei' },
  }, [['2026-11-20T10:00:00', 'resolve', 'pending_rating', 'zhangwei'], ['2026-11-25T16:00:00', 'rate', 'closed']]),
  T(6, '2026-11-02T09:00:00', 'in_progress', {
    assignee: wang, leaderId: 'lihua', escalationCount: 2, reopenCount: 1, enterprise: '浙江天赐生态科技有限公司',
    responseDueAt: L('2026-11-03T09:00:00'), resolutionDueAt: L('2026-11-09T18:00:00'), resolvedAt: L('2026-11-24T10:00:00'), outcome: 'resolved',
    rating: { level: 'dissatisfied', at: L('2026-11-25T11:00:00'), by: { platform: 'wecom', id: 'r' }, assigneePersonId: 'wangfang' },
  }, [['2026-11-03T10:00:00', 'claim', 'in_progress', 'wangfang'], ['2026-11-24T10:00:00', 'resolve', 'pending_rating', 'wangfang'], ['2026-11-25T11:00:00', 'rate', 'in_progress']]),
  T(7, '2026-11-10T10:00:00', 'closed', {
    assignee: zhang, resolvedAt: L('2026-11-18T10:00:00'), closedAt: L('2026-11-20T10:00:00'), outcome: 'partial',
    rating: { level: 'basically_satisfied', at: L('2026-11-20T10:00:00'), by: { platform: 'wecom', id: 'r' }, assigneePersonId: 'zhangwei' },
  }, [['2026-11-20T10:00:00', 'rate', 'closed']]),
  T(8, '2026-11-05T10:00:00', 'closed', {
    assignee: zhang, resolvedAt: L('2026-11-17T10:00:00'), closedAt: L('2026-11-19T10:00:00'), outcome: 'explained',
    rating: { level: 'very_satisfied', at: L('2026-11-19T10:00:00'), by: { platform: 'wecom', id: 'r' }, assigneePersonId: 'zhangwei' },
  }, [['2026-11-19T10:00:00', 'rate', 'closed']]),
  T(9, '2026-08-03T10:00:00', 'in_progress', { assignee: wang, resolutionDueAt: L('2026-08-07T18:00:00') }, [['2026-08-04T10:00:00', 'claim', 'in_progress', 'wangfang']]),
  T(10, '2025-12-01T10:00:00', 'closed', { resolvedAt: L('2025-12-05T10:00:00'), closedAt: L('2025-12-10T10:00:00'), outcome: 'resolved' }, [['2025-12-10T10:00:00', 'rate', 'closed']]),
  T(11, '2026-11-20T00:00:00', 'in_progress', { assignee: zhang, resolutionDueAt: L('2026-11-26T12:00:00') }, [['2026-11-20T09:00:00', 'claim', 'in_progress', 'zhangwei']]),
  T(12, '2026-11-20T00:00:00', 'pending_rating', { assignee: zhang, responseDueAt: L('2026-11-21T09:00:00'), resolutionDueAt: L('2026-11-27T10:00:00'), resolvedAt: L('2026-11-26T09:00:00'), claimedAt: L('2026-11-20T08:45:00') }, [
    ['2026-11-20T08:45:00', 'claim', 'in_progress', 'zhangwei'],
    ['2026-11-26T09:00:00', 'resolve', 'pending_rating', 'zhangwei'],
  ]),
];

const day = periodOf('day', '2026-11-25', TZ);
const d = buildDigest(tickets, day, day.end, cal, dir, TZ);

describe('the digest of 2026-11-25 over a seeded set of tickets', () => {
  it('has the period boundaries in local time', () => {
    expect(day).toMatchObject({ key: '2026-11-25', start: L('2026-11-25T00:00:00'), end: L('2026-11-26T00:00:00'), label: '2026年11月25日' });
    expect(periodOf('week', '2026-11-25', TZ)).toMatchObject({ key: '2026-11-23', label: '11月23日—11月29日' });
    expect(periodOf('month', '2026-11-25', TZ)).toMatchObject({ key: '2026-11-01', end: L('2026-12-01T00:00:00') });
  });
  it('rebuilds past statuses from events', () => {
    expect(statusAt(tickets[11]!, day.end)).toBe('in_progress'); // answered only the next day
    expect(statusAt(tickets[5]!, day.start)).toBe('pending_rating'); // reopened during the day
    expect(statusAt(tickets[1]!, day.start)).toBeNull(); // created exactly at the start
  });
  it('counts new, answered and open, with ages and the previous day', () => {
    expect(d.numbers).toEqual({ newTickets: 2, answered: 1, open: 7, openByAge: { upTo5: 5, from6To15: 0, over15: 2 }, overdue: 2 });
    expect(d.previous).toEqual({ newTickets: 1, answered: 1, open: 5, openByAge: { upTo5: 3, from6To15: 0, over15: 2 }, overdue: 2 });
    expect(d.ytd).toEqual({ newTickets: 11, answered: 5, closed: 3 });
  });
  it('computes 响应率, 破解率 and 满意率 with 差评 and 参评率', () => {
    expect(d.responseRate).toEqual({ onTime: 2, due: 4, rate: 50 });
    expect(d.solveRate).toEqual({ solved: 2, base: 6, rate: 33.3 });
    expect(d.satisfaction.period).toEqual({ good: 1, rated: 2, rate: 50, participation: 0 });
    expect(d.satisfaction.ytd).toEqual({ good: 3, rated: 4, rate: 75, participation: 80 });
    expect(d.satisfaction.bad).toEqual([{ no: 6, enterprise: '浙江天赐生态科技有限公司', level: '不满意', assignee: '王芳' }]);
  });
  it('lists overdue tickets, most overdue first, and those due within a working day', () => {
    expect(d.overdue).toMatchObject({ count: 2, rate: 28.6, dueSoon: 1 });
    expect(d.overdue.top.map((r) => r.no)).toEqual([9, 6]);
    expect(d.overdue.top[1]).toEqual({ no: 6, enterprise: '浙江天赐生态科技有限公司', summary: '问题6', assignee: '王芳', leader: '李华', workingDaysOverdue: 12, escalations: 2 });
  });
  it('breaks down categories and ranks departments and cadres', () => {
    expect(d.categories).toEqual([
      { category: 'approval', label: '审批手续', newTickets: 1, open: 1 },
      { category: 'utilities', label: '水电气网', newTickets: 1, open: 6 },
    ]);
    expect(d.byCadre.map((r) => [r.name, r.open, r.overdue, r.answered])).toEqual([
      ['张伟', 4, 0, 1],
      ['王芳', 2, 2, 0],
    ]);
    expect(d.byDepartment.map((r) => r.name)).toEqual(['区经信局', '区住建局']);
  });
  it('ranks, where overdue and answered are level, the better rated first, then by name in pinyin order (found trying the product: 0/1 满意 above 1/1)', () => {
    const answered = (no: number, who: typeof zhang, level: 'satisfied' | 'dissatisfied') =>
      T(no, '2026-11-20T10:00:00', level === 'satisfied' ? 'closed' : 'in_progress', {
        assignee: who, resolvedAt: L('2026-11-25T10:00:00'), outcome: 'resolved', closedAt: level === 'satisfied' ? L('2026-11-25T11:00:00') : null, resolutionDueAt: L('2026-12-10T10:00:00'),
        rating: { level, at: L('2026-11-25T11:00:00'), by: { platform: 'wecom', id: 'r' }, assigneePersonId: who.personId },
      }, [['2026-11-21T09:00:00', 'claim', 'in_progress', who.personId], ['2026-11-25T10:00:00', 'resolve', 'pending_rating', who.personId], ['2026-11-25T11:00:00', 'rate', level === 'satisfied' ? 'closed' : 'in_progress']]);
    const zhou = { personId: 'zhouming', name: '周明' };
    const r = buildDigest([answered(51, zhang, 'satisfied'), answered(52, zhou, 'dissatisfied')], day, day.end, cal, dir, TZ);
    expect(r.byCadre.map((x) => [x.name, x.answered, x.satisfied, x.rated])).toEqual([['张伟', 1, 1, 1], ['周明', 1, 0, 1]]);
    const level = buildDigest([answered(51, zhang, 'satisfied'), answered(52, zhou, 'satisfied')], day, day.end, cal, dir, TZ);
    expect(level.byCadre.map((x) => x.name)).toEqual(['张伟', '周明']);
  });

  it('renders for both platforms; "今日无超期" when there is none', () => {
    const msg = renderDigest(d);
    expect(toWecomMarkdown(msg).markdown.content).toContain('<font color="warning">超期 2 件</font>');
    expect(toDingtalkMarkdown(msg).markdown.text).toContain('**超期 2 件**');
    expect(msg.text).not.toMatch(/1[3-9]\d{9}/);
    const calm = buildDigest([tickets[0]!], day, day.end, cal, dir, TZ);
    expect(renderDigest(calm).text).toContain('今日无超期');
  });
});

describe('the ranking as a table', () => {
  it('goes as markdown_v2 to WeCom group robots, as lines to DingTalk and to single-use replies', async () => {
    const { toWecomMarkdownParts } = await import('../../../src/platforms/wecom/render.js');
    const msg = renderDigest(d, { rankingOnly: true });
    expect(msg.format).toBe('table');
    const [v2] = toWecomMarkdownParts(msg);
    expect(v2).toMatchObject({ msgtype: 'markdown_v2' });
    expect((v2 as { markdown_v2: { content: string } }).markdown_v2.content).toContain('| 1 | 张伟 | 4 | 0 | 1 | 1/1 |');
    expect(toWecomMarkdown(msg).markdown.content).toContain('1 · 张伟 · 4 · 0 · 1 · 1/1');
    expect(toDingtalkMarkdown(msg).markdown.text).not.toContain('| --- |');
  });

  it('over a period with nothing to rank, says so instead of a heading alone', () => {
    const empty = buildDigest([], day, day.end, cal, dir, TZ);
    const msg = renderDigest(empty, { rankingOnly: true });
    expect(msg.text).toContain('本期没有可排名的数据');
    expect(renderDigest(d, { rankingOnly: true }).text).not.toContain('本期没有可排名的数据');
  });
});

const ev = (at: string, type: string, data: Record<string, unknown>, by?: string): TicketEvent => ({
  type, at: L(at), data, ...(by ? { by: { platform: 'wecom', id: by, personId: by } } : {}),
});
const rated = (at: string, level: string) => ({ level, at: L(at), by: { platform: 'wecom' as const, id: 'r' }, assigneePersonId: 'zhangwei' });

describe('破解率 leaves out reopened tickets', () => {
  // answered, 不满意 (重办), answered again and rated 满意: closed as 已解决, but not at the first go
  const reopened = T(21, '2026-11-02T10:00:00', 'closed', {
    assignee: zhang, outcome: 'resolved', resolvedAt: L('2026-11-16T10:00:00'), closedAt: L('2026-11-17T10:00:00'), reopenCount: 1,
    resolutionDueAt: L('2026-11-23T10:00:00'), rating: rated('2026-11-17T10:00:00', 'satisfied'),
  });
  reopened.events.push(
    ev('2026-11-10T10:00:00', 'resolve', { from: 'in_progress', to_status: 'pending_rating', outcome: 'resolved' }, 'zhangwei'),
    ev('2026-11-11T10:00:00', 'rate', { from: 'pending_rating', to_status: 'in_progress', level: 'dissatisfied', reopened: true }),
    ev('2026-11-16T10:00:00', 'resolve', { from: 'in_progress', to_status: 'pending_rating', outcome: 'resolved' }, 'zhangwei'),
    ev('2026-11-17T10:00:00', 'rate', { from: 'pending_rating', to_status: 'closed', level: 'satisfied' }),
  );
  reopened.updatedAt = L('2026-11-17T10:00:00');
  const solvedFirstTime = T(22, '2026-11-03T10:00:00', 'closed', {
    assignee: zhang, outcome: 'resolved', resolvedAt: L('2026-11-06T10:00:00'), closedAt: L('2026-11-07T10:00:00'),
    rating: rated('2026-11-07T10:00:00', 'satisfied'),
  }, [['2026-11-06T10:00:00', 'resolve', 'pending_rating', 'zhangwei'], ['2026-11-07T10:00:00', 'rate', 'closed']]);

  it('a ticket reopened by 不满意 is not 已破解, even once closed again; it stays in the base', () => {
    const r = buildDigest([reopened, solvedFirstTime], day, day.end, fixed, dir, TZ);
    expect(r.solveRate).toEqual({ solved: 1, base: 2, rate: 50 });
  });

  it('without its events (unchanged for long), the reopen count says so', () => {
    const r = buildDigest([{ ...reopened, events: [] }, solvedFirstTime], day, day.end, fixed, dir, TZ);
    expect(r.solveRate.solved).toBe(1);
  });
});

describe('响应率 counts a ticket claimed in time before its response deadline has passed', () => {
  const claimedToday = T(31, '2026-11-25T10:00:00', 'in_progress', {
    assignee: zhang, dispatchedAt: L('2026-11-25T10:00:00'), responseDueAt: L('2026-11-26T10:00:00'), claimedAt: L('2026-11-25T11:00:00'),
  }, [['2026-11-25T10:00:00', 'dispatch', 'pending_claim'], ['2026-11-25T11:00:00', 'claim', 'in_progress', 'zhangwei']]);
  const waiting = T(32, '2026-11-25T15:00:00', 'pending_claim', {
    assignee: zhang, dispatchedAt: L('2026-11-25T15:00:00'), responseDueAt: L('2026-11-26T15:00:00'),
  }, [['2026-11-25T15:00:00', 'dispatch', 'pending_claim']]);
  const late = T(33, '2026-11-24T09:00:00', 'in_progress', {
    assignee: zhang, dispatchedAt: L('2026-11-24T09:00:00'), responseDueAt: L('2026-11-25T09:00:00'), claimedAt: L('2026-11-25T16:00:00'),
  }, [['2026-11-24T09:00:00', 'dispatch', 'pending_claim'], ['2026-11-25T16:00:00', 'claim', 'in_progress', 'zhangwei']]);

  it('claimed in time today (deadline tomorrow) counts; a ticket still within its deadline and unclaimed does not yet', () => {
    const r = buildDigest([claimedToday, waiting, late], day, day.end, fixed, dir, TZ);
    expect(r.responseRate).toEqual({ onTime: 1, due: 2, rate: 50 });
  });

  it('a ticket passed on keeps its first 签收 clock: claimed late, then transferred and claimed at once by the next, is a miss', () => {
    const first = L('2026-11-24T09:00:00');
    const due = L('2026-11-25T09:00:00');
    const dispatch: TicketEvent = { type: 'dispatch', at: first, data: { to_status: 'pending_claim', to: zhang, responseDueAt: due } };
    const by = (id: string) => ({ platform: 'wecom' as const, id, personId: id });
    const passedOn = T(34, '2026-11-24T09:00:00', 'in_progress', {
      assignee: wang, dispatchedAt: L('2026-11-25T12:30:00'), responseDueAt: L('2026-11-26T12:30:00'), claimedAt: L('2026-11-25T13:00:00'),
    });
    passedOn.events.push(
      dispatch,
      { type: 'claim', at: L('2026-11-25T12:00:00'), by: by('zhangwei'), data: { to_status: 'in_progress' } },
      { type: 'transfer', at: L('2026-11-25T12:30:00'), by: by('zhangwei'), data: { to_status: 'pending_claim', to: wang, previous: zhang } },
      { type: 'claim', at: L('2026-11-25T13:00:00'), by: by('wangfang'), data: { to_status: 'in_progress' } },
    );
    expect(buildDigest([passedOn], day, day.end, fixed, dir, TZ).responseRate).toEqual({ onTime: 0, due: 1, rate: 0 });
    // passed on in time by the first handler: his response was in time
    const inTime = { ...passedOn, events: passedOn.events.filter((e) => e.type !== 'claim' || e.by?.id !== 'zhangwei').map((e) => (e.type === 'transfer' ? { ...e, at: L('2026-11-24T15:00:00') } : e)), dispatchedAt: L('2026-11-24T15:00:00') };
    expect(buildDigest([inTime], day, day.end, fixed, dir, TZ).responseRate).toEqual({ onTime: 1, due: 1, rate: 100 });
  });

  it('a response after the period is not known at its end', () => {
    const before = periodOf('day', '2026-11-24', TZ);
    expect(buildDigest([claimedToday, late], before, before.end, fixed, dir, TZ).responseRate).toEqual({ onTime: 0, due: 0, rate: null });
  });
});

describe('the 08:30 digest shows what is open at the moment it is sent', () => {
  const now = new Date(L('2026-11-30T08:30:00'));
  // reported this morning, not yet claimed
  const unclaimed = T(41, '2026-11-30T07:40:00', 'pending_claim', {
    assignee: zhang, dispatchedAt: L('2026-11-30T07:40:00'), responseDueAt: L('2026-12-01T07:40:00'), resolutionDueAt: L('2026-12-07T18:00:00'),
  }, [['2026-11-30T07:40:00', 'dispatch', 'pending_claim']]);
  // due at 08:00 this morning: overdue when the digest goes out, not at midnight
  const dueThisMorning = T(42, '2026-11-23T08:00:00', 'in_progress', { assignee: wang, resolutionDueAt: L('2026-11-30T08:00:00') }, [
    ['2026-11-23T09:00:00', 'claim', 'in_progress', 'wangfang'],
  ]);
  const service = createDigestService({
    tickets: { forDigest: async () => [unclaimed, dueThisMorning] } as never,
    directories: { current: async () => dir } as never,
    calendar: fixed,
    timezone: TZ,
  });

  it('counts the ticket reported this morning as 在办 and the one that fell due at 08:00 as overdue', async () => {
    const range = service.sinceLastWorkingDay('2026-11-30');
    expect(range).toMatchObject({ start: L('2026-11-27T00:00:00'), end: L('2026-11-30T00:00:00') });
    const d = await service.build(range, now, { openAt: now });
    expect(d.numbers.open).toBe(2);
    expect(d.numbers.newTickets).toBe(0); // the new one belongs to today's period (tomorrow's digest)
    expect(d.overdue.count).toBe(1);
    expect(d.overdue.top.map((r) => r.no)).toEqual([42]);
    expect(d.byCadre.map((r) => [r.name, r.open, r.overdue])).toEqual([['张伟', 1, 0], ['王芳', 1, 1]]);
    const text = renderDigest(d).text;
    expect(text).toContain('在办 2');
    expect(text).not.toContain('今日无超期');
    expect(text).toContain('在办、超期统计截至 11月30日 08:30');
  });

  it('compares with what the previous digest showed (open at the same time of its day)', async () => {
    const fridayMorning = T(44, '2026-11-27T08:00:00', 'in_progress', { assignee: zhang, resolutionDueAt: L('2026-12-04T08:00:00') }, [
      ['2026-11-27T08:10:00', 'claim', 'in_progress', 'zhangwei'],
    ]);
    const svc = createDigestService({
      tickets: { forDigest: async () => [dueThisMorning, fridayMorning] } as never,
      directories: { current: async () => dir } as never,
      calendar: fixed,
      timezone: TZ,
    });
    const d = await svc.build(svc.sinceLastWorkingDay('2026-11-30'), now, { openAt: now });
    // Friday's digest went out at 08:30: #42 and #44 (reported at 08:00) were open, none overdue
    expect(d.previous.open).toBe(2);
    expect(d.previous.overdue).toBe(0);
    expect(d.numbers.open).toBe(2);
    expect(d.numbers.overdue).toBe(1);
  });

  it('an open ticket is overdue by the one definition: not while waiting for the enterprise (待补充)', async () => {
    const paused = { ...dueThisMorning, pausedAt: L('2026-11-27T10:00:00') };
    const d = buildDigest([paused], periodOf('day', '2026-11-30', TZ), now.toISOString(), fixed, dir, TZ);
    expect(d.numbers.open).toBe(1);
    expect(d.overdue.count).toBe(0);
    expect(d.numbers.overdue).toBe(0);
  });

  it('an extension granted today does not erase yesterday\'s overdue figure', () => {
    const extended = T(43, '2026-11-16T09:00:00', 'in_progress', { assignee: wang, resolutionDueAt: L('2026-12-04T18:00:00') }, [
      ['2026-11-16T10:00:00', 'claim', 'in_progress', 'wangfang'],
    ]);
    extended.events.push(ev('2026-11-30T09:00:00', 'extend', { from: 'in_progress', to_status: 'in_progress', previousDue: L('2026-11-23T09:00:00'), resolutionDueAt: L('2026-12-04T18:00:00') }, 'wangfang'));
    extended.updatedAt = L('2026-11-30T09:00:00');
    const d = buildDigest([extended], periodOf('day', '2026-11-30', TZ), L('2026-11-30T10:00:00'), fixed, dir, TZ);
    expect(d.overdue.count).toBe(0);
    expect(d.previous.overdue).toBe(1);
  });
});

describe('the year as a period (年报)', () => {
  const year = periodOf('year', '2026-11-25', TZ);

  it('runs from 1 January to the next 1 January, local time, labelled 2026年; the previous is 2025', () => {
    expect(year).toEqual({ period: 'year', key: '2026-01-01', start: L('2026-01-01T00:00:00'), end: L('2027-01-01T00:00:00'), label: '2026年' });
    expect(periodOf('year', '2026-01-01', TZ)).toEqual(year);
    expect(periodOf('year', '2026-12-31', TZ)).toEqual(year);
    expect(previousPeriod(year, TZ)).toEqual({ period: 'year', key: '2025-01-01', start: L('2025-01-01T00:00:00'), end: L('2026-01-01T00:00:00'), label: '2025年' });
  });

  it('builds the digest of a running year: the period is the year to date; the previous year is counted whole', () => {
    const y = buildDigest(tickets, year, day.end, cal, dir, TZ);
    expect(y.at).toBe(day.end);
    expect(y.numbers).toMatchObject({ newTickets: 11, answered: 5, open: 7, overdue: 2 });
    expect(y.ytd).toEqual({ newTickets: 11, answered: 5, closed: 3 });
    // the stock is the day digest's (same instant); the flows are the year's
    expect({ open: y.numbers.open, openByAge: y.numbers.openByAge, overdue: y.numbers.overdue }).toEqual({ open: d.numbers.open, openByAge: d.numbers.openByAge, overdue: d.numbers.overdue });
    // 2025: #10, created 12-01, answered 12-05, closed 12-10: nothing open on 1 January
    expect(y.previous).toEqual({ newTickets: 1, answered: 1, open: 0, openByAge: { upTo5: 0, from6To15: 0, over15: 0 }, overdue: 0 });
    expect(y.satisfaction.period).toEqual(y.satisfaction.ytd);
    expect(y.solveRate).toEqual(d.solveRate);
    expect(renderDigest(y).title).toBe('助企服务年报（2026年）');
  });

  it('a past year is counted to its end, and its year to date is the year', () => {
    const past = periodOf('year', '2025-06-01', TZ);
    const y = buildDigest(tickets, past, L('2026-11-25T10:00:00'), cal, dir, TZ);
    expect(y.at).toBe(past.end);
    expect(y.numbers).toMatchObject({ newTickets: 1, answered: 1, open: 0 });
    expect(y.ytd).toEqual({ newTickets: 1, answered: 1, closed: 1 });
    expect(y.previous).toMatchObject({ newTickets: 0, answered: 0 });
  });
});

describe('dailySeries: 新增 and 办结 per day, by the digest\'s own definitions', () => {
  const month = periodOf('month', '2026-11-25', TZ);
  const novemberDays = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
  // on the edges: answered in the last second of November; created at midnight on 1 December; answered twice (重办):
  // counted once, at the latest answer
  const lastSecond = T(51, '2026-11-30T09:00:00', 'pending_rating', { assignee: zhang, resolvedAt: L('2026-11-30T23:59:59'), outcome: 'resolved' }, [
    ['2026-11-30T23:59:59', 'resolve', 'pending_rating', 'zhangwei'],
  ]);
  const december = T(52, '2026-12-01T00:00:00', 'accepted', {});
  const answeredTwice = T(53, '2026-11-02T10:00:00', 'pending_rating', { assignee: zhang, resolvedAt: L('2026-11-16T10:00:00'), outcome: 'resolved', reopenCount: 1 }, [
    ['2026-11-10T10:00:00', 'resolve', 'pending_rating', 'zhangwei'],
    ['2026-11-11T10:00:00', 'rate', 'in_progress'],
    ['2026-11-16T10:00:00', 'resolve', 'pending_rating', 'zhangwei'],
  ]);
  const all = [...tickets, lastSecond, december, answeredTwice];
  const series = dailySeries(all, novemberDays, TZ);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const at = (date: string) => novemberDays.indexOf(date);

  it('adds up over the month to the month digest\'s 新增 and 办结', () => {
    const m = buildDigest(all, month, month.end, cal, dir, TZ);
    expect(series.days).toEqual(novemberDays);
    expect(sum(series.newTickets)).toBe(m.numbers.newTickets);
    expect(sum(series.answered)).toBe(m.numbers.answered);
    expect([m.numbers.newTickets, m.numbers.answered]).toEqual([11, 8]);
  });

  it('each day holds what that day\'s digest counts', () => {
    for (const date of novemberDays) {
      const r = periodOf('day', date, TZ);
      const n = buildDigest(all, r, r.end, cal, dir, TZ).numbers;
      expect([series.newTickets[at(date)], series.answered[at(date)]], date).toEqual([n.newTickets, n.answered]);
    }
  });

  it('splits days at local midnight', () => {
    expect(series.newTickets[at('2026-11-24')]).toBe(1); // #3 at 23:59:59
    expect(series.newTickets[at('2026-11-25')]).toBe(2); // #2 at 00:00:00 and #1
    expect(series.answered[at('2026-11-30')]).toBe(1); // #51 at 23:59:59
    expect(series.answered[at('2026-11-10')]).toBe(0); // #53's first answer, superseded
    expect(series.answered[at('2026-11-16')]).toBe(1);
    expect(dailySeries(all, ['2026-12-01'], TZ)).toEqual({ days: ['2026-12-01'], newTickets: [1], answered: [0] });
  });

  it('keeps the order of the days given, counts a repeated day twice, refuses what is not a date', () => {
    expect(dailySeries(all, ['2026-11-25', '2026-11-24', '2026-11-25'], TZ)).toEqual({ days: ['2026-11-25', '2026-11-24', '2026-11-25'], newTickets: [2, 1, 2], answered: [1, 1, 1] });
    expect(dailySeries(all, [], TZ)).toEqual({ days: [], newTickets: [], answered: [] });
    expect(() => dailySeries(all, ['2026-11-31'], TZ)).toThrow(RangeError);
    expect(() => dailySeries(all, ['yesterday'], TZ)).toThrow(RangeError);
  });

  it('DigestService.series: the days ending at a date, through the digest\'s repository read, without events', async () => {
    const calls: [string, string][] = [];
    const svc = createDigestService({
      tickets: { forDigest: async (since: string, eventsSince: string) => (calls.push([since, eventsSince]), all) } as never,
      directories: { current: async () => dir } as never,
      calendar: fixed,
      timezone: TZ,
    });
    expect(await svc.series('2026-11-30')).toEqual(series);
    expect(calls[0]![0]).toBe(L('2026-11-01T00:00:00'));
    expect(calls[0]![1] > L('2999-01-01T00:00:00')).toBe(true);
    const week = await svc.series('2026-11-25', 7);
    expect(week.days).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    expect(week).toEqual(dailySeries(all, week.days, TZ));
    expect((await svc.series('2027-01-01', 3)).days).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    await expect(svc.series('2026-11-30', 0)).rejects.toThrow(RangeError);
    await expect(svc.series('2026-11-30', 2.5)).rejects.toThrow(RangeError);
    await expect(svc.series('30/11/2026')).rejects.toThrow(RangeError);
  });
});

describe('共性问题 in the digest', () => {
  it('groups the open tickets of several enterprises with one problem, and the digest names them', () => {
    const power = ['厂房用电负荷不够，申请变压器增容一直没批下来', '变压器扩容申请递交快一个月了还没动静', '车间用电负荷不够，变压器增容迟迟批不下来'];
    const open = power.map((summary, i) =>
      T(40 + i, '2026-11-24T10:00:00', 'pending_claim', { summary, enterprise: `企业${40 + i}`, enterpriseId: `e${40 + i}`, chatId: `g${40 + i}`, assignee: zhang }),
    );
    const closedOne = T(43, '2026-11-24T10:00:00', 'closed', { summary: power[0]!, enterprise: '企业43', enterpriseId: 'e43', chatId: 'g43' });
    const r = buildDigest([...tickets, ...open, closedOne], day, day.end, fixed, dir, TZ);
    expect(r.common).toHaveLength(1);
    expect(r.common[0]!.tickets).toEqual([40, 41, 42]);
    expect(renderDigest(r).text).toContain('共性问题：3家企业反映');
    expect(d.common).toEqual([]);
  });
});

describe('破解率 asked for a period that starts a year', () => {
  it('names the year of the period\'s local date (a January month starts on December 31 in UTC)', () => {
    const january = periodOf('month', '2027-01-15', TZ);
    expect(january.start).toBe(L('2027-01-01T00:00:00'));
    expect(january.start.slice(0, 4)).toBe('2026');
    const jan = buildDigest([], january, january.end, fixedCalendar('2026-12-01', '2027-02-28'), dir, TZ);
    const text = renderDigestFigure(jan, 'solve', null).text;
    expect(text).toContain('2027年累计');
    expect(text).not.toContain('2026年累计');
    expect(text).toContain(`${january.label}办结（答复）0 件`);
  });
});
