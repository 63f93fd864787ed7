/**
 * Buttons on a message, platform-neutral: each stands for the typed command it performs (`认领 #12`, `#12 满意`), so a
 * tap goes through the same handler and the same permission checks as the typed line, and a channel that cannot show
 * buttons simply leaves them out (the message's text already says what to type).
 *
 * Only a few command shapes may be buttons. A tap comes back from the platform carrying the command (in the button's
 * key), which is user-controlled input: whatever comes back is checked against these shapes before it is read as a
 * command.
 */

/** One button: its label, and the command a tap on it performs. */
export interface MessageAction {
  label: string;
  command: string;
}

const NO = '([1-9]\\d{0,8})';
const CLAIM = new RegExp(`^认领 #${NO}$`);
const RATE = new RegExp(`^#${NO} (满意|基本满意|不满意)$`);

/** The ratings offered as buttons after an answer (办结), in order. */
export const RATING_BUTTONS = ['满意', '基本满意', '不满意'] as const;

/** 认领 #no: for the responsible person, on the 受理 card. */
export function claimAction(no: number): MessageAction {
  return { label: '认领', command: `认领 #${no}` };
}

/** #no 满意 / 基本满意 / 不满意: for the enterprise, on the 办结 answer. */
export function rateActions(no: number): MessageAction[] {
  return RATING_BUTTONS.map((label) => ({ label, command: `#${no} ${label}` }));
}

type ParsedAction = { kind: 'claim'; no: number } | { kind: 'rate'; no: number; level: (typeof RATING_BUTTONS)[number] };

/** The command as one of the shapes a button may carry, or null (anything else: not a button's command). */
export function parseActionCommand(command: string): ParsedAction | null {
  const claim = CLAIM.exec(command);
  if (claim) return { kind: 'claim', no: Number(claim[1]) };
  const rate = RATE.exec(command);
  if (rate) return { kind: 'rate', no: Number(rate[1]), level: rate[2] as (typeof RATING_BUTTONS)[number] };
  return null;
}

export function isActionCommand(command: string): boolean {
  return parseActionCommand(command) !== null;
}

/** The ticket a button's command is about (null: not a button's command). */
export function actionTicketNo(command: string): number | null {
  return parseActionCommand(command)?.no ?? null;
}

/** Who did what, in place of a card's buttons once the tap was performed: "张伟 已认领", "王总 已评价：满意". */
export function actionDoneLabel(command: string, who: string): string {
  const a = parseActionCommand(command);
  const name = who.trim();
  const prefix = name ? `${name} ` : '';
  if (a?.kind === 'claim') return `${prefix}已认领`;
  if (a?.kind === 'rate') return `${prefix}已评价：${a.level}`;
  return `${prefix}已处理`;
}
