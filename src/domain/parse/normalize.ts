import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Full-width digits, letters and the symbols used in commands (＃＠％＋－．／：) become half-width; Chinese
 * punctuation (，。！？；（）) is kept, because summaries are shown back to people.
 */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF03\uFF20\uFF05\uFF0B\uFF0D\uFF0E\uFF0F]/g;

/** Normalises a message for reading: half-width forms, traditional → simplified, collapsed white space. */
export function normalizeText(text: string): string {
  return toSimplified(text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** The text without spaces and punctuation: what the intent rules and the digest request read. */
export const bareText = (t: string): string => t.replace(/[\s,.!?;:，。！？；：、~～…\-—"'“”‘’()（）【】\[\]]/g, '');
