import { randomBytes } from 'node:crypto';
import { isActionCommand } from '../../messages/actions.js';
import { fillEmphasis, fillMentions, NEUTRAL, type OutboundMessage } from '../../messages/outbound.js';

/**
 * WeCom AI bot template cards (doc 101032, `@wecom/aibot-node-sdk` `TemplateCard`): the `button_interaction` card a
 * message with buttons becomes, the update that replaces its buttons once one was tapped, and the button keys.
 *
 * A button's key carries its command: `cmd:` + base64url(UTF-8 command). The key comes back in the
 * template_card_event, written by whoever sent the event: decoding accepts only the command shapes a button may carry
 * (src/messages/actions.ts), so a forged key can never become arbitrary text for the bot.
 */

/** The subset of the SDK's TemplateCard the bot uses. */
export interface WecomTemplateCard {
  card_type: 'button_interaction';
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  button_list: { text: string; style: number; key: string }[];
  task_id: string;
}

const KEY_PREFIX = 'cmd:';
/** A button's key: at most 1024 bytes (doc 101032); ours stay far below. */
export const CARD_KEY_MAX_BYTES = 1024;
/** task_id: unique per bot, at most 128 bytes, only [0-9A-Za-z_\-@]. */
const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;
/** The key of the one button an updated card shows (who did what): a tap on it is no command and is ignored. */
export const DONE_KEY = 'done';

export function encodeCardKey(command: string): string {
  if (!isActionCommand(command)) throw new Error(`not a button command: ${command}`);
  return KEY_PREFIX + Buffer.from(command, 'utf8').toString('base64url');
}

/** The command a key carries, or null: not one of ours, malformed, or not a command a button may carry. */
export function decodeCardKey(key: unknown): string | null {
  if (typeof key !== 'string' || !key.startsWith(KEY_PREFIX) || Buffer.byteLength(key, 'utf8') > CARD_KEY_MAX_BYTES) return null;
  const b64 = key.slice(KEY_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(b64)) return null;
  const command = Buffer.from(b64, 'base64url').toString('utf8');
  // the round trip must give the key back: no lenient decoding of stray bits or characters
  if (Buffer.from(command, 'utf8').toString('base64url') !== b64) return null;
  return isActionCommand(command) ? command : null;
}

export function isTaskId(s: unknown): s is string {
  return typeof s === 'string' && TASK_ID.test(s);
}

/** A fresh task_id (unique per bot; WeCom refuses a repeated one). */
export function newTaskId(): string {
  return `xe-${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`;
}

/** Cut to `max` characters (the card's fields are short: WeCom truncates longer ones on its own). */
function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** The message as plain lines: mentions as names (a card cannot @; `bare`: left out), no markup. */
function plainLines(msg: OutboundMessage, bare = false): string[] {
  return fillEmphasis(fillMentions(msg, (u) => (bare ? '' : (u.name ?? ''))), (s) => s)
    .replace(/\*\*/g, '')
    .replace(/<\/?font[^>]*>/g, '')
    .replaceAll(NEUTRAL, '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

/**
 * The card's body from a message: the title (the message's, else its first line), its `> 键：值` lines as the
 * key–value list (at most 6), the rest as the sub-title text. Lines that only tell what to type for one of the
 * buttons are left out: the buttons stand for them.
 */
function cardBody(msg: OutboundMessage): Pick<WecomTemplateCard, 'main_title' | 'sub_title_text' | 'horizontal_content_list'> {
  const lines = plainLines(msg);
  const commands = (msg.actions ?? []).map((a) => a.command);
  const first = (lines.shift() ?? '').replace(/^#+\s+/, '').trim();
  const title = (msg.title ?? first).replace(/^#+\s+/, '').trim();
  const pairs: { keyname: string; value: string }[] = [];
  // a first line that repeats the title is not shown twice: the names it mentions are left out (the card is the
  // answer to them, or they are named below), anything else it says after the title is the title's note
  const bareFirst = (plainLines(msg, true)[0] ?? '').replace(/^#+\s+/, '').trim();
  const note = first.startsWith(title) && bareFirst.startsWith(title) ? bareFirst.slice(title.length).trim() : '';
  const rest: string[] = first.startsWith(title) ? [] : [first];
  for (const line of lines) {
    const quoted = /^>\s?(.*)$/.exec(line)?.[1];
    const kv = quoted !== undefined ? /^([^：:·\s]{1,6})[：:]\s*(.+)$/.exec(quoted.trim()) : null;
    if (kv && pairs.length < 6) pairs.push({ keyname: kv[1]!, value: cut(kv[2]!, 60) });
    else if (!commands.some((c) => line.includes(c))) rest.push((quoted ?? line).trim());
  }
  const sub = rest.join('\n').trim();
  return {
    main_title: { title: cut(title || '店小二', 36), ...(note ? { desc: cut(note, 30) } : {}) },
    ...(sub ? { sub_title_text: cut(sub, 112) } : {}),
    ...(pairs.length ? { horizontal_content_list: pairs } : {}),
  };
}

/** A message with buttons as a button_interaction card (at most 6 buttons); null when it has none. */
export function toWecomCard(msg: OutboundMessage, taskId: string): WecomTemplateCard | null {
  const actions = (msg.actions ?? []).filter((a) => isActionCommand(a.command)).slice(0, 6);
  if (actions.length === 0) return null;
  return {
    card_type: 'button_interaction',
    ...cardBody(msg),
    button_list: actions.map((a) => ({ text: cut(a.label, 10), style: 1, key: encodeCardKey(a.command) })),
    task_id: taskId,
  };
}

/**
 * The update of a tapped card (aibot_respond_update_msg, `response_type: update_template_card`): the same task_id,
 * the answer's content, and in place of the buttons one that says who did what (`status`); a tap on it is ignored.
 */
export function toWecomCardUpdate(msg: OutboundMessage, taskId: string): { response_type: 'update_template_card'; template_card: WecomTemplateCard } {
  return {
    response_type: 'update_template_card',
    template_card: {
      card_type: 'button_interaction',
      ...cardBody(msg),
      button_list: [{ text: cut(msg.status ?? '已处理', 16), style: 2, key: DONE_KEY }],
      task_id: taskId,
    },
  };
}
