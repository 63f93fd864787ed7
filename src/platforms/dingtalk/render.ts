import { actionTicketNo } from '../../messages/actions.js';
import type { UserRef } from '../../messages/inbound.js';
import { fillMentions, splitByBytes, tablesToLines, toPlainText, WARN_TOKEN, type OutboundMessage } from '../../messages/outbound.js';

/** DingTalk robot messages: about 20,000 bytes at most. */
export const DINGTALK_MAX_BYTES = 19_000;

type DingtalkMarkdown = { msgtype: 'markdown'; markdown: { title: string; text: string }; at: { atUserIds: string[]; isAtAll: false } };

/**
 * `{{warn:…}}` as bold, except where the line is already bold there (bold inside bold would show its asterisks):
 * whether a place is bold is read from the `**` before it on the same line.
 */
function fillWarnAsBold(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let rest = line;
      for (;;) {
        const m = WARN_TOKEN.exec(rest);
        if (!m) return out + rest;
        out += rest.slice(0, m.index);
        const insideBold = (out.match(/\*\*/g)?.length ?? 0) % 2 === 1;
        out += insideBold ? m[1] : `**${m[1]}**`;
        rest = rest.slice(m.index + m[0].length);
      }
    })
    .join('\n');
}

/**
 * One line's bold made flat and well-formed for DingTalk, which shows nested or stray `**` as literal asterisks. Each
 * `**` is read as an opener (text follows it) or a closer (text precedes it; when both, whichever the depth needs);
 * only the outermost pair is kept — bold inside bold is simply part of the outer run — and an unpaired or empty one
 * is dropped. `**已同意 **#12 已延期**，时限顺延**` → `**已同意 #12 已延期，时限顺延**`.
 */
export function flattenBold(line: string): string {
  const parts = line.split('**');
  if (parts.length === 1) return line;
  const keep: boolean[] = [];
  let depth = 0;
  let opener = -1;
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!.slice(-1);
    const after = parts[i]!.slice(0, 1);
    const canOpen = after !== '' && !/\s/.test(after);
    const canClose = before !== '' && !/\s/.test(before);
    keep[i] = false;
    if (canClose && (depth > 0 || !canOpen)) {
      if (depth === 0) continue; // a closer with nothing open
      depth--;
      if (depth === 0) {
        keep[i] = true;
        keep[opener] = true;
      }
    } else if (canOpen) {
      if (depth === 0) opener = i;
      depth++;
    }
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) out += (keep[i] ? '**' : '') + parts[i]!;
  return out;
}

const TITLE_MAX = 30;
/**
 * The notification preview of a message: at most 30 characters, cut where a clause ends (，。；：！？ or before a
 * bracket, outside brackets) rather than inside a date or a number; "…" marks a cut that found no such place.
 */
export function previewTitle(line: string): string {
  if (line.length <= TITLE_MAX) return line;
  let cut = -1;
  let depth = 0;
  // (a clause that ends exactly at the limit is kept whole: its mark is the character after it)
  for (let i = 0; i <= TITLE_MAX; i++) {
    const c = line[i]!;
    if (c === '（' || c === '(') {
      if (depth === 0) cut = i;
      depth++;
    } else if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，。；：！？'.includes(c)) cut = i;
  }
  return cut >= 6 ? line.slice(0, cut) : `${line.slice(0, TITLE_MAX - 1)}…`;
}

type MentionAs = (u: UserRef) => string;
/** In the session's markdown: `@staffId` in the text, the id in `at.atUserIds`. */
const MENTION_BY_ID: MentionAs = (u) => `@${u.id}`;
/** In the open API's sampleMarkdown template, which has no `at` (an id would show bare): the name, or nothing. */
const MENTION_BY_NAME: MentionAs = (u) => (u.name ? `@${u.name}` : '');

/**
 * The message's text in parts, once for each way of writing a mention, cut at the same places: the text is split with
 * its mention tokens still in it, each piece measured as the longer of its renderings, then filled — so a message
 * resumed on the open API after the session expired goes on at the same part, and no part is over the limit either way.
 */
function markdownParts(msg: OutboundMessage, ways: MentionAs[]): { title: string; texts: string[][] } {
  // DingTalk does not render tables reliably: their rows become lines; line breaks need a blank line between lines;
  // emphasis is bold, never nested
  const warned = fillWarnAsBold(msg.text);
  const text = (msg.format === 'table' ? tablesToLines(warned) : warned)
    .split('\n')
    .map(flattenBold)
    .join('\n\n');
  const fills = ways.map((way) => (s: string) => fillMentions({ ...msg, text: s }, way));
  const parts = splitByBytes(text, DINGTALK_MAX_BYTES, (s) => Math.max(...fills.map((fill) => Buffer.byteLength(fill(s), 'utf8'))));
  // the title is plain text (the notification preview): no markup in it, people by name
  // (a mention of someone without a name leaves nothing before the text: no leading space)
  const title = previewTitle((msg.title ?? toPlainText(msg).split('\n')[0]!).trim());
  return { title, texts: fills.map((fill) => parts.map(fill)) };
}

/**
 * DingTalk markdown: a mention needs both `@staffId` in the text and the id in `at.atUserIds`; line breaks need a
 * blank line between lines; emphasis is bold, never nested.
 */
export function toDingtalkMarkdownParts(msg: OutboundMessage): DingtalkMarkdown[] {
  const { title, texts } = markdownParts(msg, [MENTION_BY_ID, MENTION_BY_NAME]);
  const at = { atUserIds: [...new Set(msg.mentions.map((u) => u.id))], isAtAll: false as const };
  return texts[0]!.map((part) => ({ msgtype: 'markdown', markdown: { title, text: part }, at }));
}

/**
 * The same parts for the open API's sampleMarkdown template (groupMessages/send, oToMessages/batchSend), which has no
 * `at`: a mention would show the bare staff id ("@0411001"), so people are named instead ("@张伟"; one without a name is
 * left out) — from the mention tokens, so an id typed by a user stays as typed. Cut where the session parts are cut.
 */
export function toDingtalkApiMarkdownParts(msg: OutboundMessage): DingtalkMarkdown[] {
  const { title, texts } = markdownParts(msg, [MENTION_BY_ID, MENTION_BY_NAME]);
  return texts[1]!.map((part) => ({ msgtype: 'markdown', markdown: { title, text: part }, at: { atUserIds: [], isAtAll: false } }));
}

export function toDingtalkMarkdown(msg: OutboundMessage): DingtalkMarkdown {
  return toDingtalkMarkdownParts(msg)[0]!;
}

/** A robot message template of the open API (groupMessages/send, oToMessages/batchSend): msgKey and its msgParam. */
export interface DingtalkTemplate {
  msgKey: string;
  msgParam: Record<string, string>;
}

/** A workbench page opened inside DingTalk (a plain link would open the system browser). */
export function dingtalkInAppLink(url: string): string {
  return `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(url)}&pc_slide=true`;
}

/**
 * A message with buttons as an ActionCard of the robot's built-in templates (no card template to create in the
 * console): each button opens the workbench's page of its ticket, where the action is taken — DingTalk's ActionCard
 * buttons can only open a link, they call nothing back. 1 button: `sampleActionCard` (singleTitle/singleURL); 2–5:
 * `sampleActionCard2`…`5` (actionTitleN/actionURLN, stacked). Null — plain markdown, whose text says what to type —
 * when the bot has no public address (no workbench to open), the message has no button about a ticket, or it is too
 * long for one message. An ActionCard cannot @-notify: mentions are shown as names.
 */
export function toDingtalkActionCard(msg: OutboundMessage, publicUrl: string | undefined): DingtalkTemplate | null {
  if (!publicUrl) return null;
  const buttons = (msg.actions ?? [])
    .map((a) => ({ label: a.label, no: actionTicketNo(a.command) }))
    .filter((b): b is { label: string; no: number } => b.no !== null)
    .slice(0, 5);
  if (buttons.length === 0) return null;
  const parts = toDingtalkMarkdownParts({ ...msg, text: fillMentions(msg, (u) => (u.name ? `@${u.name}` : '')), mentions: [], actions: undefined });
  if (parts.length !== 1) return null;
  const { title, text } = parts[0]!.markdown;
  const base = publicUrl.replace(/\/+$/, '');
  const url = (no: number) => dingtalkInAppLink(`${base}/h5/tickets/${no}`);
  if (buttons.length === 1) {
    return { msgKey: 'sampleActionCard', msgParam: { title, text, singleTitle: buttons[0]!.label, singleURL: url(buttons[0]!.no) } };
  }
  const msgParam: Record<string, string> = { title, text };
  buttons.forEach((b, i) => {
    msgParam[`actionTitle${i + 1}`] = b.label;
    msgParam[`actionURL${i + 1}`] = url(b.no);
  });
  return { msgKey: `sampleActionCard${buttons.length}`, msgParam };
}
