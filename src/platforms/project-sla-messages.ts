import { neutralizeUserText, type OutboundMessage } from '../messages/outbound.js';
import type { Project } from '../domain/directory.js';
import type { PathItem } from '../domain/project-path.js';
import type { ProjectSlaStep } from '../domain/project-sla.js';

/** 2026-10-09 → 10月9日. */
const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The message of one 项目代办 step (the same text for every recipient of the step). `daysLate`: working days past
 * the promised (or the document's) date at the time of sending.
 */
export function projectStepMessage(step: ProjectSlaStep, project: Project, item: Pick<PathItem, 'name' | 'department'>, daysLate: number): OutboundMessage {
  const name = neutralizeUserText(project.name);
  const what = `项目：${name}\n事项：${item.name}（${item.department}）`;
  const lines: string[] = [];
  switch (step.kind) {
    case 'item-pre':
      lines.push('【项目代办·到期提醒】', what, `承诺时限：${day(step.dueDate)}届满，尚未批复。`, `请抓紧跟进办理；如需延后，请回复“${name} ${item.name} 预计X月X日”。`);
      break;
    case 'item-late-taskforce':
      lines.push('【项目代办·超期督办】', what, `承诺时限：${day(step.dueDate)}，已超期 ${daysLate} 个工作日，尚未批复。`, '请专班协调相关部门加快办理。');
      break;
    case 'item-late-leader':
      lines.push('【项目代办·超期督办·区领导】', what, `承诺时限：${day(step.dueDate)}，已超期 ${daysLate} 个工作日，尚未批复。`, '专班已协调，仍未办结，请予督办。');
      break;
    case 'document-overdue':
      lines.push(
        '【项目代办·容缺补齐提醒】',
        what,
        `容缺受理所缺材料「${neutralizeUserText(step.document ?? '')}」应于${day(step.dueDate)}前补齐，已逾期 ${daysLate} 个工作日。`,
        '请企业尽快补齐，并告知代办员登记。',
      );
      break;
  }
  return { format: 'text', text: lines.join('\n'), mentions: [] };
}
