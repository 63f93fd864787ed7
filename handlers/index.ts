import type { Handler } from '../src/bot/context.js';
import { chat } from './chat.handler.js';
import { claim } from './claim.handler.js';
import { commonCase } from './common-case.handler.js';
import { correct } from './correct.handler.js';
import { createTicket } from './create-ticket.handler.js';
import { digest } from './digest.handler.js';
import { duplicateAnswer } from './duplicate.handler.js';
import { extension } from './extension.handler.js';
import { pause } from './pause.handler.js';
import { help } from './help.handler.js';
import { progress, progressWithoutNumber } from './progress.handler.js';
import { project } from './project.handler.js';
import { query } from './query.handler.js';
import { rate } from './rate.handler.js';
import { reopen } from './reopen.handler.js';
import { resolve } from './resolve.handler.js';
import { transfer } from './transfer.handler.js';
import { triage } from './triage.handler.js';
import { urge } from './urge.handler.js';
import { visit } from './visit.handler.js';
import { workbench } from './workbench.handler.js';

export { perform } from './perform.js';

/**
 * The only place handlers are registered: specific before general (工作台 before a report, 项目代办 updates before a
 * report so that `亿龙二期 施工许可 已申报` is not read as a problem, a cadre's visit log (助企走访) before a report so that
 * the problems found on it are offered as tickets rather than opened as one, a 是 / 不是 answering a 重复 question
 * before chat, a cadre's progress note without its number before a report, 延期 and 待补充 before plain progress, 共性
 * #12 #15 before a report and the ticket commands), chat last.
 */
export const handlers: Handler[] = [help, workbench, commonCase, correct, triage, project, visit, duplicateAnswer, progressWithoutNumber, createTicket, claim, extension, pause, progress, transfer, resolve, rate, reopen, urge, query, digest, chat];
