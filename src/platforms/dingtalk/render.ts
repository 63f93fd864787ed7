import { fillMentions, splitByBytes, tablesToLines, type OutboundMessage } from '../../messages/outbound.js';

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
        const m = /\{\{warn:([\s\S]*?)\}\}/.exec(rest);
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

/**
 * DingTalk markdown: a mention needs both `@staffId` in the text and the id in `at.atUserIds`; line breaks need a
 * blank line between lines; emphasis is bold, never nested.
 */
export function toDingtalkMarkdownParts(msg: OutboundMessage): DingtalkMarkdown[] {
  const filled = fillWarnAsBold(fillMentions(msg, (u) => `@${u.id}`));
  // DingTalk does not render tables reliably: their rows become lines
  const text = (msg.format === 'table' ? tablesToLines(filled) : filled)
    .split('\n')
    .map(flattenBold)
    .join('\n\n');
  // the title is plain text (the notification preview): no markup in it
  const title = (msg.title ?? text.split('\n')[0]!).replace(/\*\*/g, '').replace(/^#+\s*/, '').replace(/\{\{warn:([\s\S]*?)\}\}/g, '$1').slice(0, 30);
  const at = { atUserIds: [...new Set(msg.mentions.map((u) => u.id))], isAtAll: false as const };
  return splitByBytes(text, DINGTALK_MAX_BYTES).map((part) => ({ msgtype: 'markdown', markdown: { title, text: part }, at }));
}

export function toDingtalkMarkdown(msg: OutboundMessage): DingtalkMarkdown {
  return toDingtalkMarkdownParts(msg)[0]!;
}
