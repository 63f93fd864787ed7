import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectService } from '../../src/bot/project-service.js';
import { defaultCalendar } from '../../src/domain/calendar.js';
import type { Project } from '../../src/domain/directory.js';
import { createPath } from '../../src/domain/project-path.js';
import { validateProjectTemplates, type ProjectTemplates } from '../../src/domain/project-template.js';
import { createLocker } from '../../src/queue/lock.js';
import { connectStore, type Store } from '../../src/store/connect.js';
import { createProjectPathRepository, createProjectTemplateRepository } from '../../src/store/repositories/project.repository.js';
import { testMongoUri, testQueuePrefix, testRedisUrl } from '../helpers/env.js';
import { projectRoot } from '../helpers/shared.js';

let store: Store;
const redis = new Redis(testRedisUrl());
let templates: ProjectTemplates;
beforeAll(async () => {
  store = await connectStore(testMongoUri('projects'));
  const v = validateProjectTemplates(YAML.parse(readFileSync(join(projectRoot, 'config', 'project-templates.example.yaml'), 'utf8')));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  templates = v.data;
});
afterAll(async () => {
  await store.conn.dropDatabase();
  await store.close();
  redis.disconnect();
});

const project: Project = { id: 'p1', name: '测试项目', aliases: [], enterprise: 'e1', taskforce: [], template: 'industrial', plannedStartDate: '2027-03-01' };
const by = { id: 'zhangwei', name: '张伟' };

describe('project templates and paths in the store', () => {
  it('stores the templates whole; the same content again changes nothing', async () => {
    const repo = createProjectTemplateRepository(store.conn);
    expect(await repo.current()).toBeNull();
    expect(await repo.replace(templates, new Date())).toEqual({ changed: true, version: 1 });
    expect(await repo.replace(templates, new Date())).toEqual({ changed: false, version: 1 });
    expect((await repo.get('industrial'))?.items.length).toBe(templates.templates[0]!.items.length);
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('creates a path once and saves only over the version read', async () => {
    const paths = createProjectPathRepository(store.conn);
    const path = createPath(templates.templates[0]!);
    const a = await paths.create('p0', path, new Date());
    const b = await paths.create('p0', { ...path, landDate: '2026-01-01' }, new Date());
    expect(a.version).toBe(0);
    expect(b.path.landDate).toBeNull();
    expect(await paths.save('p0', { ...path, plannedStartDate: '2027-01-04' }, 0, new Date())).toBe('saved');
    expect(await paths.save('p0', { ...path, plannedStartDate: '2027-02-01' }, 0, new Date())).toBe('stale');
    expect((await paths.get('p0'))).toMatchObject({ version: 1, path: { plannedStartDate: '2027-01-04' } });
  });

  it('changes items under the lock: concurrent changes all land, a repeated message applies once', async () => {
    const service = createProjectService({
      paths: createProjectPathRepository(store.conn),
      templates: createProjectTemplateRepository(store.conn),
      withLock: createLocker(redis, testQueuePrefix()),
      calendar: defaultCalendar,
    });
    const first = await service.pathOf(project, new Date('2026-12-01T01:00:00Z'));
    expect(first.ok && first.path.plannedStartDate).toBe('2027-03-01');
    const roots = first.ok ? first.path.items.filter((i) => i.dependsOn.length === 0).map((i) => i.id) : [];
    expect(roots.length).toBeGreaterThan(1);
    const at = '2026-12-01T02:00:00.000Z';
    const results = await Promise.all(
      roots.map((id, k) => service.change(project, () => ({ itemId: id, action: { type: 'submit' } }), { by, at, source: `wecom:m${k}` })),
    );
    expect(results.every((r) => r.ok && !r.repeated)).toBe(true);
    const again = await service.change(project, () => ({ itemId: roots[0]!, action: { type: 'approve' } }), { by, at, source: 'wecom:m0' });
    expect(again.ok && again.repeated).toBe(true);
    const stored = await createProjectPathRepository(store.conn).get('p1');
    expect(stored?.version).toBe(roots.length);
    for (const id of roots) {
      const item = stored!.path.items.find((i) => i.id === id)!;
      expect(item.state).toBe('submitted');
      expect(item.history).toHaveLength(1);
    }
  });

  it('answers why a project has no path', async () => {
    const service = createProjectService({
      paths: createProjectPathRepository(store.conn),
      templates: createProjectTemplateRepository(store.conn),
      withLock: (_k, fn) => fn(),
      calendar: defaultCalendar,
    });
    expect(await service.pathOf({ ...project, id: 'p2', template: undefined })).toMatchObject({ ok: false, reason: 'no_template' });
    expect(await service.pathOf({ ...project, id: 'p3', template: 'missing' })).toMatchObject({ ok: false, reason: 'unknown_template' });
  });
});
