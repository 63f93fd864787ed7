import { fillEmphasis, fillMentions, splitByBytes, tablesToLines, type OutboundMessage } from '../../messages/outbound.js';

/** DingTalk robot messages: about 20,000 bytes at most. */
export const DINGTALK_MAX_BYTES = 19_000;

type DingtalkMarkdown = { msgtype: 'markdown'; markdown: { title: string; text: string }; at: { atUserIds: string[]; isAtAll: false } };

/**
 * DingTalk markdown: a mention needs both `@staffId` in the text and the id in `at.atUserIds`; line breaks need a
 * blank line between lines; emphasis is bold.
 */
export function toDingtalkMarkdownParts(msg: OutboundMessage): DingtalkMarkdown[] {
  const filled = fillEmphasis(
    fillMentions(msg, (u) => `@${u.id}`),
    (s) => `**${s}**`,
  );
  // DingTalk does not render tables reliably: their rows become lines
  const text = (msg.format === 'table' ? tablesToLines(filled) : filled)
    .split('\n')
    .join('\n\n');
  const title = msg.title ?? text.split('\n')[0]!.slice(0, 30);
  const at = { atUserIds: [...new Set(msg.mentions.map((u) => u.id))], isAtAll: false as const };
  return splitByBytes(text, DINGTALK_MAX_BYTES).map((part) => ({ msgtype: 'markdown', markdown: { title, text: part }, at }));
}

export function toDingtalkMarkdown(msg: OutboundMessage): DingtalkMarkdown {
  return toDingtalkMarkdownParts(msg)[0]!;
}
