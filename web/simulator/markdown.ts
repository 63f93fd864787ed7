import MarkdownIt from 'markdown-it';

/**
 * The bot's messages as HTML: markdown-it (raw HTML off, so nothing in a message runs) with what the platforms add
 * to markdown — WeCom's `<font color="info|comment|warning">` and `<@userid>` mentions, DingTalk's `@staffId`
 * mentions — and every `#12` a clickable ticket number (`<a class="ticket" data-no="12">`).
 */

type Platform = 'wecom' | 'dingtalk';

export interface RenderEnv {
  platform: Platform;
  /** The directory's name for a platform user id (undefined: unknown). */
  nameOf(platform: Platform, id: string): string | undefined;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** Plain text with ticket numbers as links and (DingTalk) `@staffId` as the person's name. */
export function decorate(text: string, env: RenderEnv): string {
  const pattern = env.platform === 'dingtalk' ? /(^|[^\w#])#(\d+)|@([\w-]{3,})/g : /(^|[^\w#])#(\d+)/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (m[2] !== undefined) {
      out += escapeHtml(text.slice(last, at) + m[1]) + `<a class="ticket" data-no="${m[2]}">#${m[2]}</a>`;
    } else {
      const name = env.nameOf('dingtalk', m[3]!);
      out += escapeHtml(text.slice(last, at)) + (name ? `<span class="at">@${escapeHtml(name)}</span>` : escapeHtml(m[0]));
    }
    last = at + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

const FONT_OPEN = /^<font color="(info|comment|warning)">/;
const FONT_CLOSE = /^<\/font>/;
const MENTION = /^<@([\w.@-]+)>/;

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, breaks: true });
  md.inline.ruler.before('autolink', 'platform_tags', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
    const rest = state.src.slice(state.pos);
    const mention = MENTION.exec(rest);
    const open = mention ? null : FONT_OPEN.exec(rest);
    const close = mention || open ? null : FONT_CLOSE.exec(rest);
    const m = mention ?? open ?? close;
    if (!m) return false;
    if (!silent) {
      if (mention) {
        state.push('mention', '', 0).meta = { id: mention[1] };
      } else if (open) {
        state.push('font_open', 'span', 1).attrSet('class', open[1]!);
      } else {
        state.push('font_close', 'span', -1);
      }
    }
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.mention = (tokens, idx, _o, env: RenderEnv) => {
    const id = String(tokens[idx]!.meta.id);
    return `<span class="at">@${escapeHtml(env.nameOf(env.platform, id) ?? id)}</span>`;
  };
  md.renderer.rules.text = (tokens, idx, _o, env: RenderEnv) => decorate(tokens[idx]!.content, env);
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet('target', '_blank');
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

let md: MarkdownIt | null = null;

const URL_PATTERN = /https?:\/\/[^\s<>"'（）()，。]+/g;

/** Plain text (a text message, what a person typed): web addresses are links, as the clients show them. */
function plain(text: string, env: RenderEnv): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const href = escapeHtml(m[0]);
    out += decorate(text.slice(last, m.index), env) + `<a href="${href}" target="_blank" rel="noopener noreferrer">${href}</a>`;
    last = m.index + m[0].length;
  }
  return (out + decorate(text.slice(last), env)).replace(/\n/g, '<br>');
}

/** A bot message as HTML: markdown (WeCom markdown/markdown_v2, DingTalk markdown) or plain text. */
export function renderMessage(text: string, format: 'markdown' | 'markdown_v2' | 'text', env: RenderEnv): string {
  if (format === 'text') return plain(text, env);
  md ??= createMarkdown();
  return md.render(text, env);
}
