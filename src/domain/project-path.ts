import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar.js';
import type { PlatformId } from './platform.js';
import { itemNameKey, startItemOf, type ProjectTemplate, type TemplateItem } from './project-template.js';

/**
 * A key project's approval path (项目代办): the template's items, each with its state, clock and history. Items
 * without a dependency run in parallel (并联); an item waits for its dependencies (串联), which 容缺受理 satisfies
 * (容缺串联). Pure: time, the calendar and "today" are arguments. Dates are local YYYY-MM-DD, instants ISO.
 */

/** Item states: 未启动 → 准备材料 → 已申报 (the clock starts) → 已批复 / 容缺受理 / 不适用. */
export const ITEM_STATES = {
  not_started: '未启动',
  preparing: '准备材料',
  submitted: '已申报',
  approved: '已批复',
  accepted_pending: '容缺受理',
  not_applicable: '不适用',
} as const;
export type ItemState = keyof typeof ITEM_STATES;

/** States that let the items depending on this one go ahead. */
export const SATISFIED_STATES: readonly ItemState[] = ['approved', 'accepted_pending', 'not_applicable'];
export const isSatisfied = (s: ItemState) => SATISFIED_STATES.includes(s);
/** States in which the item's own work is over (its clock stopped or never ran). */
export const isFinished = isSatisfied;

/** Who changed an item (as tickets record it; `platform` absent for the CLI and imports). */
export interface PathActor {
  id: string;
  name?: string;
  personId?: string;
  platform?: PlatformId;
}

/** A document still owed after 容缺受理, with its own due date. */
export interface MissingDocument {
  name: string;
  /** The date it must be supplied by (YYYY-MM-DD, local). */
  dueDate: string;
  suppliedAt: string | null;
}

export interface ItemEvent {
  type: ItemAction['type'];
  from: ItemState;
  to: ItemState;
  at: string;
  by: PathActor;
  note?: string;
  data?: Record<string, unknown>;
  /** The message that caused it (`platform:eventId`). */
  source?: string;
}

export interface PathItem extends TemplateItem {
  state: ItemState;
  /** When it was 申报 (the clock's start), ISO instant. */
  submittedAt: string | null;
  /** The promised date: the submission's local date + promisedWorkingDays working days. */
  dueDate: string | null;
  /** When it became 已批复 / 容缺受理 / 不适用, ISO instant. */
  doneAt: string | null;
  /** The date its 批复 is expected (预计), as the 代办员 says; replaces the promise in the schedule. */
  expectedDate: string | null;
  missingDocuments: MissingDocument[];
  history: ItemEvent[];
}

export interface ProjectPath {
  templateId: string;
  /** The 开工 milestone's item id. */
  startItem: string;
  /** 拿地 date (YYYY-MM-DD), when known. */
  landDate: string | null;
  /** Planned 开工 date (YYYY-MM-DD), when known. */
  plannedStartDate: string | null;
  items: PathItem[];
}

/** A new path from a (validated) template: every item 未启动. */
export function createPath(t: ProjectTemplate, dates: { landDate?: string | null; plannedStartDate?: string | null } = {}): ProjectPath {
  const startItem = startItemOf(t);
  if (!startItem) throw new Error(`template "${t.id}" has no 开工 item`);
  return {
    templateId: t.id,
    startItem,
    landDate: dates.landDate ?? null,
    plannedStartDate: dates.plannedStartDate ?? null,
    items: t.items.map((i) => ({
      ...i,
      aliases: [...i.aliases],
      dependsOn: [...i.dependsOn],
      state: 'not_started',
      submittedAt: null,
      dueDate: null,
      doneAt: null,
      expectedDate: null,
      missingDocuments: [],
      history: [],
    })),
  };
}

export type ItemAction =
  /** 准备材料 (also 退回补正 from 已申报: the clock stops, and starts again at the next 申报; or back from 不适用). */
  | { type: 'prepare'; note?: string }
  /** 已申报: the clock starts. */
  | { type: 'submit'; note?: string }
  /** 已批复. */
  | { type: 'approve'; note?: string }
  /** 容缺受理 with the documents still to come, each with its due date. */
  | { type: 'accept_pending'; missing: { name: string; dueDate: string }[]; note?: string }
  /** 不适用 for this project. */
  | { type: 'not_applicable'; note?: string }
  /** 补齐: missing documents supplied (names matched leniently). */
  | { type: 'supply'; documents: string[]; note?: string }
  /** 预计: the date the 批复 is expected. */
  | { type: 'expect'; date: string; note?: string };

export const ITEM_ACTION_LABELS: Record<ItemAction['type'], string> = {
  prepare: '准备材料',
  submit: '申报',
  approve: '批复',
  accept_pending: '容缺受理',
  not_applicable: '标记不适用',
  supply: '补齐材料',
  expect: '登记预计日期',
};

/** Which states each action may start from. */
export const ITEM_ALLOWED_FROM: Record<ItemAction['type'], ItemState[]> = {
  prepare: ['not_started', 'submitted', 'not_applicable'],
  submit: ['not_started', 'preparing'],
  approve: ['submitted', 'accepted_pending'],
  accept_pending: ['not_started', 'preparing', 'submitted'],
  not_applicable: ['not_started', 'preparing', 'submitted'],
  supply: ['accepted_pending'],
  expect: ['not_started', 'preparing', 'submitted'],
};

const TARGET: Partial<Record<ItemAction['type'], ItemState>> = {
  prepare: 'preparing',
  submit: 'submitted',
  approve: 'approved',
  accept_pending: 'accepted_pending',
  not_applicable: 'not_applicable',
};

export interface ItemActionContext {
  by: PathActor;
  /** ISO instant of the change. */
  at: string;
  source?: string;
}

export type ItemTransitionResult =
  | { ok: true; path: ProjectPath; item: PathItem; event: ItemEvent }
  | { ok: false; code: 'ITEM_INVALID_TRANSITION' | 'ITEM_NO_CHANGE' | 'ITEM_BLOCKED' | 'ITEM_BAD_INPUT' | 'ITEM_UNKNOWN'; message: string };

const WHY_NOT: Record<ItemState, string> = {
  not_started: '尚未启动',
  preparing: '正在准备材料',
  submitted: '已申报，尚未批复',
  approved: '已批复',
  accepted_pending: '已容缺受理',
  not_applicable: '已标记不适用',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => ISO_DATE.test(d) && DateTime.fromISO(d).isValid;

/**
 * Changes one item's state, validated: dependencies must be satisfied before 申报 (or 容缺受理); 已批复 is final;
 * 容缺受理 needs its missing documents with due dates. Records who and when. Pure: returns a new path, or why not
 * (in Chinese, for the chat).
 */
export function transitionItem(path: ProjectPath, itemId: string, action: ItemAction, ctx: ItemActionContext, calendar: BusinessCalendar): ItemTransitionResult {
  const index = path.items.findIndex((i) => i.id === itemId);
  const item = path.items[index];
  if (!item) return { ok: false, code: 'ITEM_UNKNOWN', message: `项目审批路径中没有事项「${itemId}」。` };
  const target = TARGET[action.type];
  if (target === item.state) return { ok: false, code: 'ITEM_NO_CHANGE', message: `${item.name} 已是「${ITEM_STATES[item.state]}」，无需重复登记。` };
  if (!ITEM_ALLOWED_FROM[action.type].includes(item.state)) {
    const hint = action.type === 'approve' && (item.state === 'not_started' || item.state === 'preparing') ? '请先登记「已申报」。' : '';
    return { ok: false, code: 'ITEM_INVALID_TRANSITION', message: `${item.name} ${WHY_NOT[item.state]}，不能${ITEM_ACTION_LABELS[action.type]}。${hint}` };
  }
  const next: PathItem = { ...item, missingDocuments: item.missingDocuments.map((d) => ({ ...d })) };
  const data: Record<string, unknown> = {};
  const today = calendar.localDate(ctx.at);

  const blocked = () => {
    const waiting = item.dependsOn
      .map((d) => path.items.find((i) => i.id === d))
      .filter((d): d is PathItem => !!d && !isSatisfied(d.state));
    if (!waiting.length) return null;
    const list = waiting.map((d) => `${d.name}（${ITEM_STATES[d.state]}）`).join('、');
    return { ok: false as const, code: 'ITEM_BLOCKED' as const, message: `${item.name} 须待前置事项 ${list} 批复、容缺受理或不适用后，才能${ITEM_ACTION_LABELS[action.type]}。` };
  };
  const startClock = () => {
    next.submittedAt = ctx.at;
    next.dueDate = calendar.addWorkingDays(today, item.promisedWorkingDays);
    data.dueDate = next.dueDate;
  };

  switch (action.type) {
    case 'prepare':
      next.state = 'preparing';
      if (item.state === 'submitted') {
        data.previousDue = item.dueDate;
        next.submittedAt = null;
        next.dueDate = null;
      }
      if (item.state === 'not_applicable') next.doneAt = null;
      break;
    case 'submit': {
      const b = blocked();
      if (b) return b;
      next.state = 'submitted';
      startClock();
      break;
    }
    case 'approve':
      next.state = 'approved';
      // 容缺受理 already closed the item's clock (the documents owed have their own dates): that stays its finish
      if (item.state !== 'accepted_pending') next.doneAt = ctx.at;
      next.expectedDate = null;
      {
        const owed = next.missingDocuments.filter((d) => !d.suppliedAt);
        // a 批复 means the department holds the documents
        if (owed.length) data.supplied = owed.map((d) => d.name);
        for (const d of owed) d.suppliedAt = ctx.at;
      }
      break;
    case 'accept_pending': {
      if (!action.missing.length) return { ok: false, code: 'ITEM_BAD_INPUT', message: `${item.name} 容缺受理须写明所缺材料及补齐日期，如「缺：日照分析报告，12月10日前补齐」。` };
      const bad = action.missing.find((d) => !d.name.trim() || !validDate(d.dueDate));
      if (bad) return { ok: false, code: 'ITEM_BAD_INPUT', message: `容缺材料「${bad.name || '（未写名称）'}」须有名称和补齐日期。` };
      const early = action.missing.find((d) => d.dueDate < today);
      if (early) return { ok: false, code: 'ITEM_BAD_INPUT', message: `容缺材料「${early.name}」的补齐日期 ${early.dueDate} 早于今天。` };
      if (item.state !== 'submitted') {
        // a filing accepted with documents missing was filed now: its clock starts now
        const b = blocked();
        if (b) return b;
        startClock();
      }
      next.state = 'accepted_pending';
      next.doneAt = ctx.at;
      next.expectedDate = null;
      next.missingDocuments = [...next.missingDocuments, ...action.missing.map((d) => ({ name: d.name.trim(), dueDate: d.dueDate, suppliedAt: null }))];
      data.missing = action.missing;
      break;
    }
    case 'not_applicable':
      next.state = 'not_applicable';
      next.doneAt = ctx.at;
      next.submittedAt = null;
      next.dueDate = null;
      next.expectedDate = null;
      break;
    case 'supply': {
      const owed = next.missingDocuments.filter((d) => !d.suppliedAt);
      const supplied: string[] = [];
      for (const name of action.documents) {
        const key = itemNameKey(name);
        const doc = owed.find((d) => !d.suppliedAt && (itemNameKey(d.name) === key || itemNameKey(d.name).includes(key) || key.includes(itemNameKey(d.name))));
        if (!doc) {
          const list = owed.filter((d) => !d.suppliedAt).map((d) => d.name);
          return { ok: false, code: 'ITEM_BAD_INPUT', message: `${item.name} 没有待补齐的材料「${name}」。${list.length ? `待补：${list.join('、')}。` : '材料已全部补齐。'}` };
        }
        doc.suppliedAt = ctx.at;
        supplied.push(doc.name);
      }
      if (!supplied.length) return { ok: false, code: 'ITEM_BAD_INPUT', message: `请写明补齐的材料名称。` };
      data.supplied = supplied;
      break;
    }
    case 'expect':
      if (!validDate(action.date)) return { ok: false, code: 'ITEM_BAD_INPUT', message: `预计日期「${action.date}」无效。` };
      if (action.date < today) return { ok: false, code: 'ITEM_BAD_INPUT', message: `预计日期 ${action.date} 早于今天。` };
      data.previous = item.expectedDate;
      next.expectedDate = action.date;
      data.date = action.date;
      break;
  }
  const event: ItemEvent = {
    type: action.type,
    from: item.state,
    to: next.state,
    at: ctx.at,
    by: ctx.by,
    ...(action.note ? { note: action.note } : {}),
    ...(Object.keys(data).length ? { data } : {}),
    ...(ctx.source ? { source: ctx.source } : {}),
  };
  next.history = [...item.history, event];
  const items = path.items.slice();
  items[index] = next;
  return { ok: true, path: { ...path, items }, item: next, event };
}

/** Working days an item is (or was, when it finished) past its promised date; 0 when on time or without a clock. */
export function itemLateness(item: PathItem, today: string, calendar: BusinessCalendar): number {
  if (!item.dueDate || item.state === 'not_applicable') return 0;
  const end = item.state === 'approved' || item.state === 'accepted_pending' ? calendar.localDate(item.doneAt!) : today;
  return end > item.dueDate ? calendar.workingDaysBetween(item.dueDate, end) : 0;
}

/** Whether an item is open past its promised date (today). */
export function isItemLate(item: PathItem, today: string, calendar: BusinessCalendar): boolean {
  return item.state === 'submitted' && itemLateness(item, today, calendar) > 0;
}

/** Working days left until an open item's promised date (0 on the day, negative when late); null without a clock. */
export function workingDaysLeft(item: PathItem, today: string, calendar: BusinessCalendar): number | null {
  if (item.state !== 'submitted' || !item.dueDate) return null;
  return item.dueDate >= today ? calendar.workingDaysBetween(today, item.dueDate) : -calendar.workingDaysBetween(item.dueDate, today);
}

/** Documents owed under 容缺受理 and not supplied, with working days late (0 when not yet due). */
export function owedDocuments(path: ProjectPath, today: string, calendar: BusinessCalendar): { itemId: string; itemName: string; document: MissingDocument; daysLate: number }[] {
  return path.items.flatMap((item) =>
    item.missingDocuments
      .filter((d) => !d.suppliedAt)
      .map((document) => ({
        itemId: item.id,
        itemName: item.name,
        document,
        daysLate: today > document.dueDate ? calendar.workingDaysBetween(document.dueDate, today) : 0,
      })),
  );
}

export interface ItemSchedule {
  /** The earliest date it can be (or was) 申报; null for 不适用. */
  start: string | null;
  /** The earliest date it can be (or was) 批复 / 容缺受理; null for 不适用. */
  finish: string | null;
  /** Whether the finish is a fact (already 批复 / 容缺受理) rather than a forecast. */
  done: boolean;
}

export interface PathSchedule {
  today: string;
  items: Record<string, ItemSchedule>;
  /** The earliest possible 开工: the day the 开工 item can be 批复 (拿地即开工 starts that day). */
  earliestStartDate: string;
  /** The chain of items that sets earliestStartDate, first to last (ending with the 开工 item unless it is done). */
  criticalPath: string[];
  /** The day the last item can be done (竣工验收 …), and the chain that sets it. */
  completionDate: string;
  completionPath: string[];
}

/**
 * The earliest dates of every item over working days, from today and the items' states: a finished item counts at the
 * date it finished; an open 已申报 item at its promised date (or the 预计 date when one is given), never before
 * today; an item not yet 申报 is filed the day its last dependency is done (or today) and takes its promised working
 * days. 不适用 items constrain nothing.
 */
export function schedulePath(path: ProjectPath, today: string, calendar: BusinessCalendar): PathSchedule {
  const byId = new Map(path.items.map((i) => [i.id, i]));
  const items: Record<string, ItemSchedule> = {};
  /** The dependency that sets each item's start (when it is later than today). */
  const binding = new Map<string, string>();
  const visiting = new Set<string>();
  const max = (a: string, b: string) => (a > b ? a : b);

  const visit = (id: string): ItemSchedule => {
    const known = items[id];
    if (known) return known;
    const item = byId.get(id)!;
    if (visiting.has(id)) throw new Error(`dependency cycle at "${id}"`);
    visiting.add(id);
    let s: ItemSchedule;
    if (item.state === 'not_applicable') s = { start: null, finish: null, done: true };
    else if (item.state === 'approved' || item.state === 'accepted_pending') {
      s = { start: item.submittedAt ? calendar.localDate(item.submittedAt) : null, finish: calendar.localDate(item.doneAt!), done: true };
    } else if (item.state === 'submitted') {
      s = { start: calendar.localDate(item.submittedAt!), finish: max(item.expectedDate ?? item.dueDate!, today), done: false };
    } else {
      let start = today;
      for (const d of item.dependsOn) {
        const dep = byId.has(d) ? visit(d) : null;
        const f = dep?.finish;
        // the dependency that sets the start: the latest, or an open one that can only finish today
        if (f && (f > start || (f === start && !dep.done && !binding.has(id)))) {
          start = f;
          binding.set(id, d);
        }
      }
      const promised = calendar.addWorkingDays(start, item.promisedWorkingDays);
      s = { start, finish: item.expectedDate ? max(item.expectedDate, start) : promised, done: false };
    }
    visiting.delete(id);
    items[id] = s;
    return s;
  };
  for (const i of path.items) visit(i.id);

  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let cur: string | undefined = id; cur !== undefined; cur = binding.get(cur)) {
      if (!items[cur]!.done) out.unshift(cur);
    }
    return out;
  };
  const start = items[path.startItem];
  const last = path.items.reduce<PathItem | undefined>((best, i) => {
    const f = items[i.id]!.finish;
    return f && (!best || f > items[best.id]!.finish!) ? i : best;
  }, undefined);
  return {
    today,
    items,
    earliestStartDate: start?.finish ?? start?.start ?? today,
    criticalPath: start ? chain(path.startItem) : [],
    completionDate: last ? items[last.id]!.finish! : today,
    completionPath: last ? chain(last.id) : [],
  };
}

export interface StartPlanCheck {
  plannedStartDate: string;
  earliestStartDate: string;
  /** earliest 开工 > planned 开工: the plan cannot be kept any more. */
  impossible: boolean;
  /** Working days to spare before the planned 开工 (negative: how far the earliest 开工 lies beyond it). */
  slackWorkingDays: number;
}

/** Whether the planned 开工 can still be kept; null when the project has no planned 开工. */
export function checkStartPlan(path: ProjectPath, schedule: PathSchedule, calendar: BusinessCalendar): StartPlanCheck | null {
  const planned = path.plannedStartDate;
  if (!planned) return null;
  const earliest = schedule.earliestStartDate;
  const impossible = earliest > planned;
  return {
    plannedStartDate: planned,
    earliestStartDate: earliest,
    impossible,
    slackWorkingDays: impossible ? -calendar.workingDaysBetween(planned, earliest) : calendar.workingDaysBetween(earliest, planned),
  };
}

export type ItemMatch<T = PathItem> = { kind: 'found'; item: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'unknown'; suggestions: T[] };

/**
 * Finds the item a person names, leniently: simplified or traditional, with or without 证 / 申请 / 办理 (施工许可证 /
 * 施工许可 / 施工許可申請), by name, alias or id. A name that fits several items is ambiguous (规划许可 between
 * 建设用地规划许可 and 建设工程规划许可, unless an alias says which); an unknown one comes with close names.
 */
export function matchItem<T extends Pick<PathItem, 'id' | 'name' | 'aliases'>>(items: readonly T[], text: string): ItemMatch<T> {
  const key = itemNameKey(text);
  if (!key) return { kind: 'unknown', suggestions: [] };
  const keys = items.map((item) => ({ item, keys: [item.id.toLowerCase(), ...[item.name, ...item.aliases].map(itemNameKey)] }));
  const pick = (hits: T[]) => {
    const unique = [...new Set(hits)];
    return unique.length === 1 ? { kind: 'found' as const, item: unique[0]! } : unique.length > 1 ? { kind: 'ambiguous' as const, candidates: unique } : null;
  };
  const exact = pick(keys.filter((k) => k.keys.includes(key)).map((k) => k.item));
  if (exact) return exact;
  // the text holds a name ("办理施工许可的手续"): the longest name wins
  let longest = 0;
  let within: T[] = [];
  for (const k of keys) {
    for (const n of k.keys.slice(1)) {
      if (n.length >= 2 && key.includes(n)) {
        if (n.length > longest) [longest, within] = [n.length, [k.item]];
        else if (n.length === longest) within.push(k.item);
      }
    }
  }
  const held = pick(within);
  if (held) return held;
  // the text is part of a name ("规划许可", "图审")
  const part = key.length >= 2 ? pick(keys.filter((k) => k.keys.slice(1).some((n) => n.includes(key))).map((k) => k.item)) : null;
  if (part) return part;
  const grams = (s: string) => new Set([...s].slice(0, -1).map((c, i) => c + s[i + 1]));
  const g = grams(key);
  const score = (k: { keys: string[] }) =>
    Math.max(...k.keys.slice(1).map((n) => {
      const h = grams(n);
      const common = [...g].filter((x) => h.has(x)).length;
      return common / Math.max(1, Math.min(g.size, h.size));
    }));
  const suggestions = keys
    .map((k) => ({ item: k.item, s: score(k) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map((x) => x.item);
  return { kind: 'unknown', suggestions };
}

/** The words people use for each state in chat (已申报, 已批复, 容缺受理, 不适用 …), normalised like item names. */
const STATE_WORDS: Record<string, ItemState> = {
  未启动: 'not_started',
  准备材料: 'preparing',
  准备中: 'preparing',
  材料准备: 'preparing',
  退回补正: 'preparing',
  已申报: 'submitted',
  申报: 'submitted',
  已提交: 'submitted',
  已报送: 'submitted',
  已受理: 'submitted',
  已批复: 'approved',
  批复: 'approved',
  已批: 'approved',
  已办结: 'approved',
  已取得: 'approved',
  已拿证: 'approved',
  已发证: 'approved',
  容缺受理: 'accepted_pending',
  容缺: 'accepted_pending',
  不适用: 'not_applicable',
  无需办理: 'not_applicable',
  不需要: 'not_applicable',
  免办: 'not_applicable',
};

const STATE_KEYS = new Map<string, ItemState>([
  ...Object.entries(STATE_WORDS).map(([w, s]) => [itemNameKey(w), s] as const),
  ...Object.entries(ITEM_STATES).map(([s, w]) => [itemNameKey(w), s as ItemState] as const),
]);

/** The state a chat word names ("已申报", "容缺受理", traditional "已批覆" …), or null. */
export function parseItemState(word: string): ItemState | null {
  return STATE_KEYS.get(itemNameKey(word)) ?? null;
}
