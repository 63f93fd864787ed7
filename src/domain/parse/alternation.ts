/**
 * A long alternation of words as a trie (`电(?:子(?:材料)?|池|力)`): the regular-expression engine tries the
 * alternatives of `a|b|c…` one after another at every position it reaches, so a list of hundreds of trade words is
 * hundreds of tries per position; a trie tries one branch per character. Where two words share a start the longer is
 * tried first. Items that are patterns rather than words (`化学(?!品)`, `(?<!农)商行`) are kept as they are, after the trie.
 */
export function trieAlternation(alternation: string): string {
  const items = topLevelAlternatives(alternation);
  const words = [...new Set(items.filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))];
  const patterns = items.filter((w) => !/^[\p{L}\p{N}]+$/u.test(w));
  return [...(words.length ? [trieOf(words)] : []), ...patterns].join('|');
}

interface Node {
  end: boolean;
  next: Map<string, Node>;
}

function trieOf(words: readonly string[]): string {
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const c of w) {
      let m = n.next.get(c);
      if (!m) n.next.set(c, (m = { end: false, next: new Map() }));
      n = m;
    }
    n.end = true;
  }
  return branches(root);
}

/** The alternatives below a node, longest reach first; `?` where the word may also end here. */
function branches(n: Node): string {
  const parts = [...n.next.entries()]
    .sort(([, a], [, b]) => depth(b) - depth(a))
    .map(([c, m]) => {
      if (m.next.size === 0) return escape(c);
      const rest = branches(m);
      const group = m.next.size === 1 && [...m.next.values()][0]!.next.size === 0 ? rest : `(?:${rest})`;
      return `${escape(c)}${group}${m.end ? '?' : ''}`;
    });
  return parts.join('|');
}

function depth(n: Node): number {
  let d = 0;
  for (const m of n.next.values()) d = Math.max(d, 1 + depth(m));
  return d;
}

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `a|b(?:c|d)|[e|f]` → `a`, `b(?:c|d)`, `[e|f]`: the alternatives of the outermost level. */
export function topLevelAlternatives(s: string): string[] {
  const out: string[] = [];
  let depthNow = 0;
  let inClass = false;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      cur += c + (s[++i] ?? '');
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depthNow++;
    else if (c === ')') depthNow--;
    else if (c === '|' && depthNow === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((x) => x !== '');
}

/**
 * The characters an alternation's matches can start (`first`) or end (`last`) with, as a character class's content, or
 * null where an item's edge is not a plain character (a class, a group, an escape). Lookarounds at the edge (`(?<!农)商行`,
 * `化学(?!品)`) are set aside: they test, they do not match.
 */
export function edgeChars(alternation: string, edge: 'first' | 'last'): string | null {
  const out = new Set<string>();
  for (const item of topLevelAlternatives(alternation)) {
    const bare = edge === 'first' ? item.replace(/^(?:\(\?<?[=!][^()]*\))+/, '') : item.replace(/(?:\(\?<?[=!][^()]*\))+$/, '');
    // a plain character, or a class of plain characters (`[虾蟹鱼]养殖场`)
    const m = edge === 'first' ? /^(?:\[([\p{L}\p{N}]+)\]|([\p{L}\p{N}]))/u.exec(bare) : /(?:\[([\p{L}\p{N}]+)\]|([\p{L}\p{N}]))$/u.exec(bare);
    if (!m) return null;
    for (const c of m[1] ?? m[2]!) out.add(c);
  }
  return [...out].join('');
}

/**
 * An alternation behind gates on its edge characters: `(?=[firsts])(?:…)(?<=[lasts])`. Each gate is one character-class
 * test, so a position where no word can start (or, matched backwards inside a lookbehind, end) fails at once instead of
 * trying every branch; the gates are necessary conditions of a match, so they change no match. `rest` holds items not
 * given as words (a shape like `[\u4e00-\u9fa5]业`); `extra.first` and `extra.last` are their own gates, without which
 * nothing is gated.
 */
export function gated(words: string, rest = '', extra: { first?: string; last?: string } = {}): string {
  const first = edgeChars(words, 'first');
  const last = edgeChars(words, 'last');
  const body = [trieAlternation(words), rest].filter(Boolean).join('|');
  if (first === null || last === null || (rest && (!extra.first || !extra.last))) return body;
  const ahead = `(?=[${first}]${extra.first ? `|${extra.first}` : ''})`;
  const behind = `(?<=[${last}]${extra.last ? `|${extra.last}` : ''})`;
  return `${ahead}(?:${body})${behind}`;
}
