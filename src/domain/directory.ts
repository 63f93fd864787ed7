import { z } from 'zod';
import type { PlatformId } from './platform.js';
import { CATEGORIES, type Category } from './ticket.js';

export const ROLES = ['enterprise', 'cadre', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const GROUP_KINDS = ['enterprise', 'taskforce', 'leaders'] as const;

const id = z.string().trim().min(1).max(64);
const optionalText = z.string().trim().min(1).optional();
const stringish = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const personSchema = z.object({
  id,
  name: z.string().trim().min(1),
  role: z.enum(ROLES),
  department: optionalText,
  title: optionalText,
  mobile: stringish.pipe(z.string().regex(/^1\d{10}$/, 'must be an 11-digit mobile number')).optional(),
  enterprise: id.optional(),
  wecom: stringish.pipe(z.string().min(1)).optional(),
  dingtalk: stringish.pipe(z.string().min(1)).optional(),
});
export const enterpriseSchema = z.object({
  id,
  name: z.string().trim().min(2),
  aliases: z.array(z.string().trim().min(1)).default([]),
  creditCode: stringish.pipe(z.string().regex(/^[0-9A-Z]{18}$/, 'must be an 18-character unified credit code')).optional(),
  commissioner: id.optional(),
  key: z.boolean().default(false),
  /** 园区 or 片区 the enterprise is in (钱塘园区): 共性问题 groups only problems of one area when it is known. */
  area: optionalText,
  /** 助企走访: visits a month this enterprise should have (coverage counts it covered at this many); default one. */
  visitsPerMonth: z.number().int().min(1).max(31).default(1),
});
const localDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date');
export const projectSchema = z.object({
  id,
  name: z.string().trim().min(1),
  /** Short names people use in chat (亿龙二期), matched as enterprises' aliases are. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  enterprise: id,
  leader: id.optional(),
  taskforce: z.array(id).default([]),
  /** 项目代办: the id of its approval-path template (checked against the stored templates when they are used). */
  template: optionalText,
  /** 拿地 date, YYYY-MM-DD. */
  landDate: localDate.optional(),
  /** Planned 开工 date, YYYY-MM-DD. */
  plannedStartDate: localDate.optional(),
});
export const departmentSchema = z.object({
  id,
  name: z.string().trim().min(1),
  lead: id,
  categories: z.array(z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]])).default([]),
});
export const groupSchema = z.object({
  platform: z.enum(['wecom', 'dingtalk']),
  chatId: stringish.pipe(z.string().min(1)),
  name: z.string().trim().min(1),
  kind: z.enum(GROUP_KINDS),
  enterprise: id.optional(),
  webhookKey: stringish.pipe(z.string().min(1)).optional(),
});
export const directorySchema = z.object({
  district: optionalText,
  people: z.array(personSchema).default([]),
  enterprises: z.array(enterpriseSchema).default([]),
  projects: z.array(projectSchema).default([]),
  departments: z.array(departmentSchema).default([]),
  groups: z.array(groupSchema).default([]),
});

export type Person = z.infer<typeof personSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Group = z.infer<typeof groupSchema>;
export type DirectoryData = z.infer<typeof directorySchema>;

export interface DirectoryProblem {
  path: string;
  message: string;
}

/** Validates shape and references. Problems carry their place: `enterprises[1].commissioner: unknown person "x"`. */
export function validateDirectory(raw: unknown): { ok: true; data: DirectoryData } | { ok: false; problems: DirectoryProblem[] } {
  const parsed = directorySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const d = parsed.data;
  const problems: DirectoryProblem[] = [];
  const dup = (list: { id: string }[], what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) problems.push({ path: `${what}[${i}].id`, message: `duplicate id "${x.id}"` });
      seen.add(x.id);
    });
    return seen;
  };
  const people = dup(d.people, 'people');
  const enterprises = dup(d.enterprises, 'enterprises');
  dup(d.projects, 'projects');
  const departments = new Set(d.departments.map((x) => x.name));
  dup(d.departments, 'departments');
  const person = (p: string | undefined, path: string) => {
    if (p !== undefined && !people.has(p)) problems.push({ path, message: `unknown person "${p}"` });
  };
  const enterprise = (e: string | undefined, path: string) => {
    if (e !== undefined && !enterprises.has(e)) problems.push({ path, message: `unknown enterprise "${e}"` });
  };
  const platformIds = new Map<string, string>();
  d.people.forEach((p, i) => {
    enterprise(p.enterprise, `people[${i}].enterprise`);
    if (p.role === 'enterprise' && !p.enterprise) problems.push({ path: `people[${i}].enterprise`, message: 'an enterprise contact needs an enterprise' });
    if (p.department && !departments.has(p.department) && p.role === 'cadre' && d.departments.length > 0) {
      // departments named on people are free text unless the directory lists departments; then they must match
      problems.push({ path: `people[${i}].department`, message: `unknown department "${p.department}"` });
    }
    for (const platform of ['wecom', 'dingtalk'] as const) {
      const pid = p[platform];
      if (!pid) continue;
      const key = `${platform}:${pid}`;
      if (platformIds.has(key)) problems.push({ path: `people[${i}].${platform}`, message: `"${pid}" is also used by ${platformIds.get(key)}` });
      platformIds.set(key, p.id);
    }
  });
  d.enterprises.forEach((e, i) => person(e.commissioner, `enterprises[${i}].commissioner`));
  d.projects.forEach((p, i) => {
    enterprise(p.enterprise, `projects[${i}].enterprise`);
    person(p.leader, `projects[${i}].leader`);
    p.taskforce.forEach((m, j) => person(m, `projects[${i}].taskforce[${j}]`));
  });
  d.departments.forEach((x, i) => person(x.lead, `departments[${i}].lead`));
  const chats = new Set<string>();
  d.groups.forEach((g, i) => {
    enterprise(g.enterprise, `groups[${i}].enterprise`);
    if (g.kind === 'enterprise' && !g.enterprise) problems.push({ path: `groups[${i}].enterprise`, message: 'an enterprise group needs an enterprise' });
    const key = `${g.platform}:${g.chatId}`;
    if (chats.has(key)) problems.push({ path: `groups[${i}].chatId`, message: `duplicate group "${g.chatId}"` });
    chats.add(key);
  });
  return problems.length ? { ok: false, problems } : { ok: true, data: d };
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Who a message's sender is, for routing and permissions. */
export interface Actor {
  role: Role | 'none';
  personId?: string;
  name?: string;
  /** For enterprise contacts: their enterprise. */
  enterpriseId?: string;
  department?: string;
  platform: PlatformId;
  platformId: string;
}

/** Read-only lookups over one directory snapshot. Pure. */
export class Directory {
  private readonly byPlatform = new Map<string, Person>();
  private readonly peopleById = new Map<string, Person>();
  private readonly enterprisesById = new Map<string, Enterprise>();
  private readonly groupsByChat = new Map<string, Group>();

  constructor(readonly data: DirectoryData) {
    for (const p of data.people) {
      this.peopleById.set(p.id, p);
      if (p.wecom) this.byPlatform.set(`wecom:${p.wecom}`, p);
      if (p.dingtalk) this.byPlatform.set(`dingtalk:${p.dingtalk}`, p);
    }
    for (const e of data.enterprises) this.enterprisesById.set(e.id, e);
    for (const g of data.groups) this.groupsByChat.set(`${g.platform}:${g.chatId}`, g);
  }

  static empty(): Directory {
    return new Directory(directorySchema.parse({}));
  }

  person(id: string | undefined): Person | undefined {
    return id ? this.peopleById.get(id) : undefined;
  }

  personByPlatformId(platform: PlatformId, platformId: string): Person | undefined {
    return this.byPlatform.get(`${platform}:${platformId}`);
  }

  enterprise(id: string | undefined): Enterprise | undefined {
    return id ? this.enterprisesById.get(id) : undefined;
  }

  group(platform: PlatformId, chatId: string): Group | undefined {
    return this.groupsByChat.get(`${platform}:${chatId}`);
  }

  /** Identifies a sender: known people by platform id; an unknown sender in an enterprise group is a contact of it. */
  actor(platform: PlatformId, platformId: string, chatId: string): Actor {
    const p = this.personByPlatformId(platform, platformId);
    if (p) {
      return { role: p.role, personId: p.id, name: p.name, enterpriseId: p.enterprise, department: p.department, platform, platformId };
    }
    const g = this.group(platform, chatId);
    if (g?.kind === 'enterprise' && g.enterprise) return { role: 'enterprise', enterpriseId: g.enterprise, platform, platformId };
    return { role: 'none', platform, platformId };
  }

  /** Finds an enterprise named in a text: full names and aliases, longest match first. */
  findEnterpriseIn(text: string): Enterprise | undefined {
    let best: { e: Enterprise; len: number } | undefined;
    for (const e of this.data.enterprises) {
      for (const n of [e.name, ...e.aliases]) {
        if (n.length >= 2 && text.includes(n) && (!best || n.length > best.len)) best = { e, len: n.length };
      }
    }
    return best?.e;
  }

  /** An enterprise by an exact name or alias (as the parser read it). */
  enterpriseByName(name: string): Enterprise | undefined {
    return this.data.enterprises.find((e) => e.name === name || e.aliases.includes(name)) ?? this.findEnterpriseIn(name);
  }

  /** People named in a text ("@王芳", "王芳"), longest name first. */
  findPersonByName(text: string): Person | undefined {
    const candidates = this.data.people.filter((p) => p.role !== 'enterprise' && text.includes(p.name));
    return candidates.sort((a, b) => b.name.length - a.name.length)[0];
  }

  /** A department named in a text ("给区住建局", "住建局"). */
  findDepartmentIn(text: string): Department | undefined {
    const short = (n: string) => n.replace(/^(区|市|县)/, '');
    return this.data.departments
      .filter((d) => text.includes(d.name) || text.includes(short(d.name)))
      .sort((a, b) => b.name.length - a.name.length)[0];
  }

  /** Finds a project named in a text: full names and aliases, longest match first (as findEnterpriseIn). */
  findProjectIn(text: string): { project: Project; name: string } | undefined {
    let best: { project: Project; name: string } | undefined;
    for (const p of this.data.projects) {
      for (const n of [p.name, ...p.aliases]) {
        if (n.length >= 2 && text.includes(n) && (!best || n.length > best.name.length)) best = { project: p, name: n };
      }
    }
    return best;
  }

  project(id: string | undefined): Project | undefined {
    return id ? this.data.projects.find((p) => p.id === id) : undefined;
  }

  projectsOf(enterpriseId: string): Project[] {
    return this.data.projects.filter((p) => p.enterprise === enterpriseId);
  }

  departmentFor(category: Category): Department | undefined {
    return this.data.departments.find((d) => d.categories.includes(category));
  }

  departmentByName(name: string | undefined): Department | undefined {
    return name ? this.data.departments.find((d) => d.name === name) : undefined;
  }

  admins(): Person[] {
    return this.data.people.filter((p) => p.role === 'admin');
  }

  leaders(): Person[] {
    return this.data.people.filter((p) => p.role === 'leader');
  }

  /** Members of a department: its lead and the people whose department is its name. */
  departmentMembers(d: Department | undefined): string[] {
    if (!d) return [];
    return [...new Set([d.lead, ...this.data.people.filter((p) => p.department === d.name).map((p) => p.id)])];
  }
}
