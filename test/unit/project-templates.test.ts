import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { createPath } from '../../src/domain/project-path.js';
import { validateProjectTemplates, type ProjectTemplates } from '../../src/domain/project-template.js';
import { placeOfTemplateProblem, readProjectTemplates, writeProjectTemplates } from '../../src/directory/project-templates.js';
import { projectRoot } from '../helpers/shared.js';

const EXAMPLE = `${projectRoot}/config/project-templates.example.yaml`;

function example(): ProjectTemplates {
  const v = validateProjectTemplates(YAML.parse(readFileSync(EXAMPLE, 'utf8')));
  if (!v.ok) throw new Error(JSON.stringify(v.problems, null, 2));
  return v.data;
}
const listed = (raw: unknown, opts?: { departments?: string[] }) => {
  const v = validateProjectTemplates(raw, opts);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the shipped example templates', () => {
  it('validate, are labelled as examples, and give each type a 开工 item and a path', () => {
    const data = example();
    expect(data.templates.map((t) => t.name)).toEqual(['工业仓储类', '社会投资类', '政府投资类']);
    expect(readFileSync(EXAMPLE, 'utf8').split('\n')[0]).toContain('示例');
    for (const t of data.templates) {
      expect(t.description).toContain('示例');
      const path = createPath(t);
      expect(path.items.find((i) => i.id === path.startItem)!.name).toContain('施工许可');
      // names a 代办员 types are found in every template
      for (const n of ['立项', '环评', '施工图审查', '施工许可', '竣工验收', '规划许可']) {
        expect(t.items.some((i) => [i.name, ...i.aliases].includes(n)), `${t.name} ${n}`).toBe(true);
      }
      // some items run in parallel: more than one item without a dependency or sharing one
      expect(t.items.filter((i) => i.dependsOn.length === 0).length).toBeGreaterThanOrEqual(2);
    }
    // the government template names its start item by name; validation turned it into the id
    expect(data.templates[2]!.startItem).toBe('shigong');
  });
});

describe('validation lists every problem with its place', () => {
  it('reports shape errors, duplicates, unknown and circular dependencies, and the 开工 item, all at once', () => {
    const broken = {
      templates: [
        {
          id: 'a',
          name: '模板A',
          items: [
            { id: 'x', name: '立项', department: '区发改局', promisedWorkingDays: 1 },
            { id: 'y', name: '规划许可', department: '区规划局', promisedWorkingDays: -2, dependsOn: ['x'] },
            { id: 'z', name: '施工图审查', department: '区住建局', promisedWorkingDays: 2.5 },
            { id: 'x', name: '环评', department: '区生态环境局', promisedWorkingDays: 10 },
            { id: 'p', name: '施工许可', department: '区住建局', promisedWorkingDays: 1, dependsOn: ['q', '不存在的事项', 'p'] },
            { id: 'q', name: '竣工验收', aliases: ['立項'], department: '区住建局', promisedWorkingDays: 10, dependsOn: ['施工许可证'] },
          ],
        },
        { id: 'a', name: '模板B', startItem: '开工', items: [{ id: 'k', name: '开工', department: '区住建局', promisedWorkingDays: '五' }] },
        { id: 'c', name: '模板C', items: [{ id: 'm', name: '立项', department: '区发改局', promisedWorkingDays: 1 }] },
        { id: 'd', name: '', items: [] },
      ],
    };
    expect(listed(broken)).toEqual([
      'templates[0].items[1].promisedWorkingDays: must not be negative',
      'templates[0].items[2].promisedWorkingDays: must be a whole number of working days',
      'templates[0].items[3].id: duplicate item id "x"',
      'templates[0].items[5].aliases[0]: name "立項" is also used by item "x"',
      'templates[0].items[4].dependsOn[1]: unknown item "不存在的事项"',
      'templates[0].items[4].dependsOn[2]: an item cannot depend on itself',
      'templates[0].items[4].dependsOn: dependency cycle: p → q → p',
      expect.stringMatching(/^templates\[1\]\.items\[0\]\.promisedWorkingDays: /),
      'templates[1].id: duplicate template id "a"',
      'templates[2].startItem: no 开工 item: name one with startItem, or include an item named 施工许可',
      expect.stringMatching(/^templates\[3\]\.name: /),
      'templates[3].items: a template needs at least one item',
    ]);
  });

  it('checks departments against the directory when given, and the file shape', () => {
    const t = { templates: [{ id: 'a', name: 'A', items: [{ id: 'p', name: '施工许可', department: '区住建局', promisedWorkingDays: 1 }] }] };
    expect(listed(t, { departments: ['区住建局'] })).toEqual([]);
    expect(listed(t, { departments: ['区发改局'] })).toEqual(['templates[0].items[0].department: unknown department "区住建局"']);
    expect(listed({ templates: 'x' })).toHaveLength(1);
    expect(listed({ templates: [{ id: 'a', name: 'A', items: [{ id: 'p', name: '施工许可', department: 'x', promisedWorkingDays: 400 }] }] })).toEqual([
      'templates[0].items[0].promisedWorkingDays: must be at most 250 working days',
    ]);
  });
});

describe('import and export', () => {
  it('round-trips YAML, JSON and Excel unchanged', async () => {
    const data = example();
    for (const format of ['yaml', 'json', 'xlsx'] as const) {
      const { raw } = await readProjectTemplates(await writeProjectTemplates(data, format), format);
      const v = validateProjectTemplates(raw);
      expect(v.ok && v.data, format).toEqual(data);
    }
  });

  it('writes Chinese headers with names for dependencies, and places workbook problems on their rows', async () => {
    const buf = await writeProjectTemplates(example(), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const items = wb.getWorksheet('事项')!;
    expect((items.getRow(1).values as unknown[]).slice(1)).toEqual(['模板', '编号', '名称', '别名', '阶段', '责任部门', '承诺时限（工作日）', '前置事项']);
    const yongdi = items.getRow(4);
    expect(yongdi.getCell(3).text).toBe('建设用地规划许可');
    expect(yongdi.getCell(8).text).toBe('国有建设用地使用权出让');
    expect((wb.getWorksheet('模板')!.getRow(2).values as unknown[]).slice(1)).toEqual(['industrial', '工业仓储类', expect.stringContaining('示例'), '建筑工程施工许可']);

    // break two cells and add an item of an unlisted template
    yongdi.getCell(7).value = '三天';
    yongdi.getCell(8).value = '土地';
    items.addRow(['nosuch', 'w', '无名事项', '', '', '区住建局', '1', '']);
    const { raw, rows } = await readProjectTemplates(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    const v = validateProjectTemplates(raw);
    expect(v.ok).toBe(false);
    const places = !v.ok ? v.problems.map((p) => `${placeOfTemplateProblem(p, rows)}: ${p.message}`) : [];
    expect(places).toContain('templates[0].items[2].promisedWorkingDays (事项 第4行): Invalid input: expected number, received string');
    expect(places).toContain('templates[0].items[2].dependsOn[0] (事项 第4行): unknown item "土地"');
    expect(places.some((p) => p.startsWith('templates[3].name (事项 第'))).toBe(true);
  });

  it('accepts a workbook template named by its name instead of its id', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('模板').addRows([['编号', '名称'], ['t1', '工业仓储类']]);
    wb.addWorksheet('事项').addRows([
      ['模板', '编号', '名称', '别名', '责任部门', '承诺时限（工作日）', '前置事项'],
      ['工业仓储类', 'a', '施工图审查', '图审、施工图', '区住建局', 7, ''],
      ['t1', 'b', '施工许可', '', '区住建局', 1, '图审'],
    ]);
    const { raw } = await readProjectTemplates(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    const v = validateProjectTemplates(raw);
    expect(v.ok && v.data.templates[0]!.items.map((i) => [i.id, i.aliases, i.promisedWorkingDays, i.dependsOn])).toEqual([
      ['a', ['图审', '施工图'], 7, []],
      ['b', [], 1, ['a']],
    ]);
  });
});
