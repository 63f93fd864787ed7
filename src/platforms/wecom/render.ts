import { fillEmphasis, fillMentions, splitByBytes, tablesToLines, type OutboundMessage } from '../../messages/outbound.js';

export const WECOM_MARKDOWN_MAX_BYTES = 4096;

/** WeCom markdown text: mentions as `<@userid>`, emphasis in the warning colour (tables as lines). */
export function wecomMarkdownText(msg: OutboundMessage): string {
  const text = fillEmphasis(
    fillMentions(msg, (u) => `<@${u.id}>`),
    (s) => `<font color="warning">${s}</font>`,
  );
  return msg.format === 'table' ? tablesToLines(text) : text;
}

/** One markdown body (cut to the limit: for single-use channels such as response_url). */
export function toWecomMarkdown(msg: OutboundMessage): { msgtype: 'markdown'; markdown: { content: string } } {
  return { msgtype: 'markdown', markdown: { content: truncateBytes(wecomMarkdownText(msg), WECOM_MARKDOWN_MAX_BYTES) } };
}

type WecomBody = { msgtype: 'markdown'; markdown: { content: string } } | { msgtype: 'markdown_v2'; markdown_v2: { content: string } };

/**
 * Bodies in order, each within the limit (for group robots, which can take several). Tables go as markdown_v2,
 * which renders them (but has no colours and no mentions).
 */
export function toWecomMarkdownParts(msg: OutboundMessage): WecomBody[] {
  if (msg.format === 'table') {
    const text = fillEmphasis(msg.text, (s) => s);
    return splitByBytes(text, WECOM_MARKDOWN_MAX_BYTES).map((content) => ({ msgtype: 'markdown_v2', markdown_v2: { content } }));
  }
  return splitByBytes(wecomMarkdownText(msg), WECOM_MARKDOWN_MAX_BYTES).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
}

/** Cuts at a character boundary so the UTF-8 encoding fits in `max` bytes. */
export function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > max - 3) break;
    out += ch;
    bytes += b;
  }
  return out + '…';
}
