import type { MessageAction } from './actions.js';
import type { PlatformId, ReplyVia, UserRef } from './inbound.js';

export type { MessageAction };

/** A platform-neutral message; `{{mention:N}}` in the text stands for mentions[N], rendered per platform. */
export interface OutboundMessage {
  /** `table`: markdown with pipe tables (WeCom markdown_v2 where possible; lines elsewhere); no mentions. */
  format: 'text' | 'markdown' | 'table';
  title?: string;
  text: string;
  mentions: UserRef[];
  /**
   * Buttons, each the typed command it stands for (src/messages/actions.ts). A channel that cannot show buttons
   * ignores them: the text already says what to type.
   */
  actions?: MessageAction[];
  /**
   * The answer to a tap on a card's button: who did what ("张伟 已认领"), shown in place of the card's buttons where
   * the platform lets the card be updated; ignored elsewhere (the text says it too).
   */
  status?: string;
}

/** Where a reply goes: the conversation a message came from. */
export interface ReplyTarget {
  kind: 'reply';
  platform: PlatformId;
  chatId: string;
  chatType: 'group' | 'single';
  replyVia?: ReplyVia;
  robotCode?: string;
}

/** Where a message goes: the same conversation, a group of the directory (proactively), or one person (privately). */
export type OutboundTarget =
  | ReplyTarget
  | { kind: 'group'; platform: PlatformId; chatId: string }
  | { kind: 'user'; platform: PlatformId; userId: string };

/** An invisible character (WORD JOINER) placed inside markup typed by a user so that it is shown, never acted on. */
export const NEUTRAL = '\u2060';

/**
 * Breaks the bot's token syntaxes in text that came from a user: `{{mention:0}}`, `{{warn:…}}`, WeCom's `<@id>` and
 * `<font …>` are shown as typed and never act. For text that is about to be joined with the bot's own markup
 * (`compose`, `answer`); idempotent.
 */
export function escapeTokens(s: string): string {
  return s.replace(/\{(?=\{)/g, `{${NEUTRAL}`).replace(/<(?=@)/g, `<${NEUTRAL}`).replace(/<(?=\/?font)/gi, `<${NEUTRAL}`);
}

/**
 * What a user typed, made inert where it enters the system (both platforms' intake): the token syntaxes above, and
 * also `**` (bold) and `@{0}` (a placeholder of `compose`). Invisible: the text reads as typed. Idempotent.
 */
export function neutralizeUserText(s: string): string {
  return escapeTokens(s).replace(/\*(?=\*)/g, `*${NEUTRAL}`).replace(/@(?=\{)/g, `@${NEUTRAL}`);
}

/** `{{warn:…}}` emphasis; a mention token inside it is part of it (its `}}` does not end the emphasis). */
export const WARN_TOKEN = /\{\{warn:((?:\{\{mention:\d+\}\}|[\s\S])*?)\}\}/;
const WARN_TOKENS = new RegExp(WARN_TOKEN.source, 'g');

/** Renders `{{warn:…}}` emphasis with a platform's syntax. */
export function fillEmphasis(text: string, render: (s: string) => string): string {
  return text.replace(WARN_TOKENS, (_, s: string) => render(s));
}

/** Pipe-table rows as plain lines ("| a | b |" → "a · b"), separator rows dropped: for channels without tables. */
export function tablesToLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l))
    .map((l) => (/^\s*\|.*\|\s*$/.test(l) ? l.trim().slice(1, -1).split('|').map((c) => c.trim()).join(' · ') : l))
    .join('\n');
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Splits text into parts of at most `maxBytes` UTF-8 bytes, on line boundaries (a longer line is cut by characters).
 * `size`: how many bytes a piece will take when sent — for text that still holds mention tokens, as filled (a token is
 * never cut). Sizes are added up piece by piece (a line, a character or a token at a time; a newline is one byte), so
 * `size` must not count less for a whole than for its pieces.
 */
export function splitByBytes(text: string, maxBytes: number, size: (s: string) => number = utf8Bytes): string[] {
  const parts: string[] = [];
  let current: string | null = null;
  let used = 0;
  const push = () => {
    if (current) parts.push(current);
    current = null;
    used = 0;
  };
  for (const line of text.split('\n')) {
    const bytes = size(line);
    if (current !== null && used + 1 + bytes <= maxBytes) {
      current += `\n${line}`;
      used += 1 + bytes;
      continue;
    }
    push();
    if (bytes <= maxBytes) {
      current = line;
      used = bytes;
      continue;
    }
    let piece = '';
    let pieceBytes = 0;
    for (const unit of line.match(/\{\{mention:\d+\}\}|[\s\S]/gu) ?? []) {
      const b = size(unit);
      if (pieceBytes + b > maxBytes && piece) {
        parts.push(piece);
        piece = '';
        pieceBytes = 0;
      }
      piece += unit;
      pieceBytes += b;
    }
    current = piece;
    used = pieceBytes;
  }
  push();
  return parts.length ? parts : [''];
}

/** Plain text for channels without markdown (WeCom application messages read in the WeChat plug-in). */
export function toPlainText(msg: OutboundMessage): string {
  return fillEmphasis(fillMentions(msg, (u) => (u.name ? `@${u.name}` : '')), (s) => s)
    .replace(/^#+ /gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^> ?/gm, '')
    .replace(/<\/?font[^>]*>/g, '')
    // plain text is final (nothing reads markup in it): the marks that kept typed text inert are no longer needed
    .replaceAll(NEUTRAL, '');
}

export function mentionToken(index: number): string {
  return `{{mention:${index}}}`;
}

/** Replaces mention tokens with `render(user)`. */
export function fillMentions(msg: OutboundMessage, render: (u: UserRef) => string): string {
  return msg.text.replace(/\{\{mention:(\d+)\}\}/g, (_, i: string) => {
    const u = msg.mentions[Number(i)];
    return u ? render(u) : '';
  });
}
