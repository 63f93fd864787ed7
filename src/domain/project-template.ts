import { z } from 'zod';
import { normalizeText } from './parse/normalize.js';

/**
 * Templates of a project's approval path (项目代办), one per project type (工业仓储类, 社会投资类, 政府投资类): the
 * items (事项), the department in charge, the promised working days (承诺时限) and the dependencies (串联; items
 * without one run in parallel: 并联). Pure: validation lists every problem with its place, like validateDirectory.
 */

const id = z.string().trim().min(1).max(64);
const optionalText = z.string().trim().min(1).optional();

/** The most working days one item may promise (a year of working days). */
export const MAX_PROMISED_WORKING_DAYS = 250;

export const templateItemSchema = z.object({
  id,
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** The stage of the national reform (立项用地规划许可, 工程建设许可, 施工许可, 竣工验收), for display. */
  stage: optionalText,
  department: z.string().trim().min(1),
  /** 承诺时限 in working days after 申报; 0 for items done on the spot (即办件). */
  promisedWorkingDays: z
    .number()
    .int('must be a whole number of working days')
    .min(0, 'must not be negative')
    .max(MAX_PROMISED_WORKING_DAYS, `must be at most ${MAX_PROMISED_WORKING_DAYS} working days`),
  /** Items that must be 已批复 / 容缺受理 / 不适用 before this one is 申报: ids, or names / aliases of the template. */
  dependsOn: z.array(z.string().trim().min(1)).default([]),
});

/** The parts of an item that references need: checked even when another field of the item is wrong. */
const itemIdentitySchema = templateItemSchema.pick({ id: true, name: true, aliases: true, dependsOn: true });

export const projectTemplateSchema = z.object({
  id,
  name: z.string().trim().min(1),
  description: optionalText,
  /** The 开工 milestone (an item id or name); default the item named 施工许可. */
  startItem: optionalText,
  items: z.array(templateItemSchema).min(1, 'a template needs at least one item'),
});

export const projectTemplatesSchema = z.object({
  templates: z.array(projectTemplateSchema).default([]),
});

export type TemplateItem = z.infer<typeof templateItemSchema>;
export type ProjectTemplate = z.infer<typeof projectTemplateSchema>;
export type ProjectTemplates = z.infer<typeof projectTemplatesSchema>;

export interface TemplateProblem {
  path: string;
  message: string;
}

/** The item name that marks 开工 when a template declares no `startItem`. */
export const DEFAULT_START_ITEM_NAME = '施工许可';

/**
 * An item name reduced for comparison: half-width, simplified, no spaces or punctuation, and without the endings
 * people add or drop (施工许可证 / 施工许可申请 / 施工许可办理 → 施工许可).
 */
export function itemNameKey(name: string): string {
  let k = normalizeText(name)
    .toLowerCase()
    .replace(/[\s()（）【】\[\]「」《》"'“”‘’:：,，、.。;；!！?？\-—_/]/g, '');
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(/^(办理|申请|申报)(?=..)/, '').replace(/(?<=..)(申请书|申请|办理|手续|事项|审批|核发|证书|证)$/, '');
  }
  return k;
}

/**
 * Resolves a reference to an item of a template: its id, else its exact name or alias (compared by itemNameKey).
 * Returns the ids that match (none, one, or several when names collide).
 */
export function resolveItemRef(items: readonly Pick<TemplateItem, 'id' | 'name' | 'aliases'>[], ref: string): string[] {
  const byId = items.filter((i) => i.id === ref);
  if (byId.length) return byId.map((i) => i.id);
  const key = itemNameKey(ref);
  return [...new Set(items.filter((i) => [i.name, ...i.aliases].some((n) => itemNameKey(n) === key)).map((i) => i.id))];
}

/** The id of a template's 开工 item: its `startItem`, else the item named 施工许可; undefined when neither resolves. */
export function startItemOf(t: Pick<ProjectTemplate, 'items' | 'startItem'>): string | undefined {
  const ids = resolveItemRef(t.items, t.startItem ?? DEFAULT_START_ITEM_NAME);
  return ids.length === 1 ? ids[0] : undefined;
}

/**
 * Validates shape and references, all or nothing. Problems carry their place:
 * `templates[0].items[3].dependsOn[1]: unknown item "规划许可"`. Dependencies and `startItem` given by name come back
 * as ids. With `departments`, each item's department must be one of them.
 */
export function validateProjectTemplates(
  raw: unknown,
  opts: { departments?: readonly string[] } = {},
): { ok: true; data: ProjectTemplates } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const issues = (error: z.ZodError, prefix: PropertyKey[]) =>
    error.issues.forEach((i) => problems.push({ path: formatPath([...prefix, ...i.path]), message: i.message }));
  // shape first, template by template and item by item, so that one bad cell does not hide the other problems
  const top = z.object({ templates: z.array(z.unknown()).default([]) }).safeParse(raw);
  if (!top.success) {
    issues(top.error, []);
    return { ok: false, problems };
  }
  const departments = opts.departments ? new Set(opts.departments) : null;
  const templateIds = new Set<string>();
  const templates: ProjectTemplate[] = [];
  top.data.templates.forEach((rawTemplate, ti) => {
    const at = `templates[${ti}]`;
    const head = projectTemplateSchema.extend({ items: z.array(z.unknown()).min(1, 'a template needs at least one item') }).safeParse(rawTemplate);
    if (!head.success) issues(head.error, ['templates', ti]);
    const rawItems = head.success ? head.data.items : ((rawTemplate as { items?: unknown })?.items ?? []);
    /** The items whose id, names and dependencies can be read (even when another field is wrong), with their place. */
    const parsed: { item: TemplateItem; at: string; broken?: boolean }[] = [];
    /** Ids and names of items that cannot be read: references to them are not "unknown". */
    const brokenIds = new Set<string>();
    (Array.isArray(rawItems) ? rawItems : []).forEach((rawItem, ii) => {
      const item = templateItemSchema.safeParse(rawItem);
      if (item.success) return parsed.push({ item: item.data, at: `${at}.items[${ii}]` });
      issues(item.error, ['templates', ti, 'items', ii]);
      const identity = itemIdentitySchema.safeParse(rawItem);
      if (identity.success) parsed.push({ item: { ...identity.data, department: '', promisedWorkingDays: 0 }, at: `${at}.items[${ii}]`, broken: true });
      else {
        const r = (rawItem ?? {}) as { id?: unknown; name?: unknown };
        for (const v of [r.id, r.name]) if (typeof v === 'string') brokenIds.add(v.trim()).add(itemNameKey(v));
      }
    });
    const t = head.success ? head.data : null;
    if (t) {
      if (templateIds.has(t.id)) problems.push({ path: `${at}.id`, message: `duplicate template id "${t.id}"` });
      templateIds.add(t.id);
    }
    const unique: { item: TemplateItem; at: string }[] = [];
    const names = new Map<string, string>();
    for (const entry of parsed) {
      const { item, at: p, broken } = entry;
      if (unique.some((u) => u.item.id === item.id)) {
        problems.push({ path: `${p}.id`, message: `duplicate item id "${item.id}"` });
        continue;
      }
      unique.push(entry);
      [item.name, ...item.aliases].forEach((n, ni) => {
        const key = itemNameKey(n);
        const other = names.get(key);
        if (other !== undefined && other !== item.id) {
          problems.push({ path: ni === 0 ? `${p}.name` : `${p}.aliases[${ni - 1}]`, message: `name "${n}" is also used by item "${other}"` });
        }
        if (other === undefined) names.set(key, item.id);
      });
      if (departments && !broken && !departments.has(item.department)) {
        problems.push({ path: `${p}.department`, message: `unknown department "${item.department}"` });
      }
    }
    const placeOf = new Map(unique.map((u) => [u.item.id, u.at]));
    const items = unique.map(({ item, at: p }) => {
      const dependsOn: string[] = [];
      item.dependsOn.forEach((ref, di) => {
        const dp = `${p}.dependsOn[${di}]`;
        const found = resolveItemRef(unique.map((u) => u.item), ref);
        if (found.length === 0) {
          if (!brokenIds.has(ref) && !brokenIds.has(itemNameKey(ref))) problems.push({ path: dp, message: `unknown item "${ref}"` });
        } else if (found.length > 1) problems.push({ path: dp, message: `"${ref}" names several items: ${found.join(', ')}` });
        else if (found[0] === item.id) problems.push({ path: dp, message: 'an item cannot depend on itself' });
        else if (dependsOn.includes(found[0]!)) problems.push({ path: dp, message: `duplicate dependency "${ref}"` });
        else dependsOn.push(found[0]!);
      });
      return { ...item, dependsOn };
    });
    for (const cycle of findCycles(items)) {
      problems.push({ path: `${placeOf.get(cycle[0]!)}.dependsOn`, message: `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}` });
    }
    if (!t) return;
    let startItem = t.startItem;
    if (t.startItem !== undefined) {
      const found = resolveItemRef(items, t.startItem);
      if (found.length !== 1) {
        if (!(found.length === 0 && (brokenIds.has(t.startItem) || brokenIds.has(itemNameKey(t.startItem))))) {
          problems.push({ path: `${at}.startItem`, message: found.length ? `"${t.startItem}" names several items` : `unknown item "${t.startItem}"` });
        }
      } else startItem = found[0];
    } else if (!startItemOf({ items }) && brokenIds.size === 0) {
      problems.push({ path: `${at}.startItem`, message: `no 开工 item: name one with startItem, or include an item named ${DEFAULT_START_ITEM_NAME}` });
    }
    templates.push({ ...t, ...(startItem !== undefined ? { startItem } : {}), items });
  });
  return problems.length ? { ok: false, problems } : { ok: true, data: { templates } };
}

/** Each dependency cycle once (as item ids in order), for items whose dependsOn are already ids. */
export function findCycles(items: readonly Pick<TemplateItem, 'id' | 'dependsOn'>[]): string[][] {
  const deps = new Map(items.map((i) => [i.id, i.dependsOn]));
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, 'active');
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (!deps.has(d)) continue;
      if (state.get(d) === 'active') cycles.push(stack.slice(stack.indexOf(d)));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const i of items) if (!state.has(i.id)) visit(i.id);
  return cycles;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}
