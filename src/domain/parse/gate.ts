import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * Which of many patterns could match a text, found in one pass over it instead of one regular-expression run per
 * pattern. Each pattern is read once (its syntax tree) for a set of strings one of which every match must contain
 * ("(高|贵)得吓人" → 得吓人; "(缺|少|扣)[^，。]{0,6}工资" → 工资); the text is scanned for those strings through an
 * index by first character, and only the patterns whose strings occur (and those that need none) are run. The
 * answer is the same as running every pattern: a pattern is left out only when the text lacks every string its
 * matches need.
 */
export class LiteralGate {
  /** The needed strings grouped by their first character: those of character c are entries first[c]..first[c + 1]. */
  private readonly first = new Int32Array(0x10001);
  /**
   * One bit per character that starts a string: 8 KiB, read first, so that most characters of a text are passed over
   * without touching `first` (256 KiB per gate, a cache miss per character).
   */
  private readonly starts = new Uint32Array(0x10000 >>> 5);
  private readonly strings: string[] = [];
  private readonly owners: Int32Array;
  /** Each string's second character (-1: a string of one character). */
  private readonly second: Int32Array;
  private readonly always: number[] = [];
  /** Case-insensitive patterns whose matches need Latin letters: run on a text that has any. */
  private readonly latin: number[] = [];
  private readonly mark: Uint8Array;
  readonly size: number;

  /** `items`: patterns, or words (a word's presence is its match). */
  constructor(items: readonly (RegExp | string)[]) {
    this.size = items.length;
    this.mark = new Uint8Array(items.length);
    const entries: { s: string; k: number }[] = [];
    items.forEach((item, k) => {
      if (typeof item === 'string') {
        if (item.length === 0) this.always.push(k);
        else entries.push({ s: item, k });
        return;
      }
      const need = requiredStrings(item);
      if (!need) {
        this.always.push(k);
        return;
      }
      if (item.flags.includes('i') && need.some((s) => s.toLowerCase() !== s.toUpperCase())) {
        if (need.every((s) => /^[A-Za-z]/.test(s))) this.latin.push(k);
        else this.always.push(k);
        return;
      }
      for (const s of need) entries.push({ s, k });
    });
    entries.sort((a, b) => a.s.charCodeAt(0) - b.s.charCodeAt(0) || a.k - b.k);
    this.owners = new Int32Array(entries.length);
    this.second = new Int32Array(entries.length);
    entries.forEach((e, i) => {
      this.strings.push(e.s);
      this.owners[i] = e.k;
      this.second[i] = e.s.length > 1 ? e.s.charCodeAt(1) : -1;
      this.starts[e.s.charCodeAt(0) >>> 5]! |= 1 << (e.s.charCodeAt(0) & 31);
      this.first[e.s.charCodeAt(0) + 1]! += 1;
    });
    for (let c = 1; c <= 0x10000; c++) this.first[c]! += this.first[c - 1]!;
  }

  /** Indices of the items that may match `text` (words: that do), in ascending order. */
  candidates(text: string): number[] {
    // the marks are left clear after every call (only those set are cleared), so that a call costs what the text holds;
    // no closure is made per call (a hot path: tens of calls per message); a text that is not one fails here, before any
    // mark is set
    const n = text.length;
    const mark = this.mark;
    const out: number[] = [];
    for (const k of this.always) {
      if (!mark[k]) {
        mark[k] = 1;
        out.push(k);
      }
    }
    // ſ and the Kelvin sign match s and k under the i flag
    if (this.latin.length > 0 && /[A-Za-z\u017f\u212a]/.test(text)) {
      for (const k of this.latin) {
        if (!mark[k]) {
          mark[k] = 1;
          out.push(k);
        }
      }
    }
    const first = this.first;
    const owners = this.owners;
    const second = this.second;
    const strings = this.strings;
    const starts = this.starts;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((starts[c >>> 5]! & (1 << (c & 31))) === 0) continue;
      const end = first[c + 1]!;
      let j = first[c]!;
      if (j === end) continue;
      // (the second character told apart before the string is compared: most entries differ there)
      const c2 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      for (; j < end; j++) {
        const k = owners[j]!;
        if (mark[k]) continue;
        const s2 = second[j]!;
        if (s2 === -1 || (s2 === c2 && (strings[j]!.length === 2 || text.startsWith(strings[j]!, i)))) {
          mark[k] = 1;
          out.push(k);
        }
      }
    }
    for (const k of out) mark[k] = 0;
    return out.length > 1 ? out.sort(ascending) : out;
  }
}

const ascending = (a: number, b: number): number => a - b;

/** Above this many strings a node's set is not kept (a requirement of hundreds of strings gates little). */
const MAX_STRINGS = 48;

interface Reading {
  /** Every string the node can match, when they are few (null: too many, or unbounded). */
  exact: string[] | null;
  /** Strings one of which every match of the node contains (null: none known). */
  need: string[] | null;
}

const NONE: Reading = { exact: null, need: null };

/**
 * Strings one of which every match of `re` contains, or null when none can be told (a pattern whose every part may
 * match anything). Read as written: under the i flag a match holds them in some case.
 */
export function requiredStrings(re: RegExp): string[] | null {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u'), unicodeSets: re.flags.includes('v') });
  const need = readAlternatives(pattern.alternatives).need;
  return need && need.length > 0 && need.every((s) => s.length > 0) ? need : null;
}

function readNode(node: AST.Node): Reading {
  switch (node.type) {
    case 'Character': {
      const s = String.fromCodePoint(node.value);
      return { exact: [s], need: [s] };
    }
    case 'CharacterSet':
      if (node.kind === 'digit' && !node.negate) {
        const digits = [...'0123456789'];
        return { exact: digits, need: digits };
      }
      return NONE;
    case 'CharacterClass': {
      if (node.negate) return NONE;
      const chars: string[] = [];
      for (const e of node.elements) {
        if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
        else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_STRINGS) {
          for (let c = e.min.value; c <= e.max.value; c++) chars.push(String.fromCodePoint(c));
        } else if (e.type === 'CharacterSet' && e.kind === 'digit' && !e.negate) chars.push(...'0123456789');
        else return NONE;
      }
      const set = [...new Set(chars)];
      return set.length > 0 && set.length <= MAX_STRINGS ? { exact: set, need: set } : NONE;
    }
    case 'Assertion':
      // anchors and lookarounds consume nothing
      return { exact: [''], need: null };
    case 'Group':
      // (a group with flags of its own, "(?i:ab)", matches in ways its letters do not tell)
      if ((node as { modifiers?: unknown }).modifiers) return NONE;
      return readAlternatives(node.alternatives);
    case 'CapturingGroup':
      return readAlternatives(node.alternatives);
    case 'Quantifier': {
      const inner = readNode(node.element);
      let exact: string[] | null = null;
      if (inner.exact && node.max <= 3) {
        exact = [];
        let power = [''];
        for (let n = 1; n <= node.min; n++) power = product(power, inner.exact);
        for (let n = node.min; exact && n <= node.max; n++) {
          exact = union(exact, power);
          if (exact.length > MAX_STRINGS) exact = null;
          power = product(power, inner.exact);
        }
      }
      return { exact, need: node.min >= 1 ? inner.need : null };
    }
    default:
      // back-references and the rest: unknown
      return NONE;
  }
}

function readAlternatives(alternatives: readonly AST.Alternative[]): Reading {
  let exact: string[] | null = [];
  let need: string[] | null = [];
  for (const alt of alternatives) {
    const r = readSequence(alt.elements);
    exact = exact && r.exact ? union(exact, r.exact) : null;
    need = need && r.need ? union(need, r.need) : null;
    if (exact && exact.length > MAX_STRINGS) exact = null;
  }
  if (need && (need.length > MAX_STRINGS * 4 || need.some((s) => s.length === 0))) need = null;
  return { exact, need };
}

/** A sequence: its parts' needs, and the strings runs of exactly known parts spell, the most telling kept. */
function readSequence(elements: readonly AST.Element[]): Reading {
  const options: string[][] = [];
  let run: string[] | null = [''];
  let whole: string[] | null = [''];
  for (const e of elements) {
    const r = readNode(e);
    if (r.need) options.push(r.need);
    if (r.exact) {
      const longer: string[] = run ? product(run, r.exact) : r.exact;
      if (longer.length > MAX_STRINGS) {
        if (run) options.push(run);
        run = r.exact;
      } else run = longer;
      whole = whole ? product(whole, r.exact) : null;
      if (whole && whole.length > MAX_STRINGS) whole = null;
    } else {
      if (run) options.push(run);
      run = null;
      whole = null;
    }
  }
  if (run) options.push(run);
  return { exact: whole, need: best(options) };
}

/** The most telling set: the longest shortest string, then the fewest strings. */
function best(options: string[][]): string[] | null {
  let pick: string[] | null = null;
  let pickLen = 0;
  for (const all of options) {
    // a string that holds another of the set adds nothing ("村民", "被村民")
    const o = all.filter((x) => !all.some((y) => y !== x && x.includes(y)));
    if (o.length === 0 || o.length > MAX_STRINGS * 4) continue;
    const len = Math.min(...o.map((s) => s.length));
    if (len === 0) continue;
    if (!pick || len > pickLen || (len === pickLen && o.length < pick.length)) {
      pick = o;
      pickLen = len;
    }
  }
  return pick;
}

function product(a: readonly string[], b: readonly string[]): string[] {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Whether any of many patterns or words occurs in a text, each pattern's top-level alternatives gated apart (a pattern
 * matches where one of its alternatives does), so that only the few that could match are run.
 */
export class AnyOf {
  private readonly parts: (RegExp | string)[];
  private readonly gate: LiteralGate;

  constructor(patterns: readonly RegExp[], words: readonly string[] = []) {
    this.parts = [...patterns.flatMap(alternativesOf), ...words];
    this.gate = new LiteralGate(this.parts);
  }

  test(text: string): boolean {
    for (const k of this.gate.candidates(text)) {
      const part = this.parts[k]!;
      if (typeof part === 'string' || part.test(text)) return true;
    }
    return false;
  }
}

/**
 * A pattern of many top-level alternatives replaced in a text by running only those of them that may match it (the
 * text holds the strings their matches need): the same matches at the same places as the whole, without trying every
 * alternative at every place. The whole finds, from where it stands, the leftmost place where an alternative matches,
 * and there the first of them in order; so does this, each alternative searching on its own (a lookbehind still sees
 * the whole text). `by`: a literal string (no $ patterns), or a function of the match alone. Not for sticky patterns.
 */
export class GatedReplace {
  private readonly parts: RegExp[];
  private readonly gate: LiteralGate;
  private readonly global: boolean;
  /** An empty match steps over a whole code point (u and v flags), as String.prototype.replace does. */
  private readonly byCodePoint: boolean;

  constructor(private readonly whole: RegExp) {
    if (whole.sticky) throw new Error('GatedReplace: a sticky pattern is not supported');
    const flags = whole.flags.includes('g') ? whole.flags : `${whole.flags}g`;
    this.parts = alternativesOf(whole).map((p) => new RegExp(p.source, flags));
    this.gate = new LiteralGate(this.parts);
    this.global = whole.global;
    this.byCodePoint = /[uv]/.test(whole.flags);
  }

  /** The alternatives run on `text`, in order (those whose needed strings it holds, and those that need none). */
  tried(text: string): string[] {
    return this.gate.candidates(text).map((i) => this.parts[i]!.source);
  }

  replace(text: string, by: string | ((match: string) => string)): string {
    const k = this.gate.candidates(text);
    if (k.length === 0) return text;
    // each alternative's next match from where the search stands, kept while it lies ahead (null: none left), so that a
    // long text with many matches is searched once per alternative and match, not once per match for every alternative
    const next: (RegExpExecArray | null | undefined)[] = new Array(k.length);
    let out = '';
    let from = 0;
    for (;;) {
      // the leftmost match of the candidates from `from`, the first alternative on a tie
      let best: RegExpExecArray | null = null;
      for (let j = 0; j < k.length; j++) {
        let m = next[j];
        if (m === null) continue;
        if (m === undefined || m.index < from) {
          const re = this.parts[k[j]!]!;
          re.lastIndex = from;
          next[j] = m = re.exec(text);
          if (m === null) continue;
        }
        if (!best || m.index < best.index) best = m;
      }
      if (!best) break;
      out += text.slice(from, best.index) + (typeof by === 'string' ? by : by(best[0]));
      from = best.index + best[0].length;
      if (best[0].length === 0) {
        // an empty match: the character after it is kept and the search goes on past it, as String.prototype.replace does
        if (from >= text.length) break;
        const step = this.byCodePoint && (text.codePointAt(from) ?? 0) > 0xffff ? 2 : 1;
        out += text.slice(from, from + step);
        from += step;
      }
      if (!this.global) break;
    }
    return out + text.slice(from);
  }
}

/** A pattern's top-level alternatives as patterns of their own (the pattern whole where one refers back to a group). */
function alternativesOf(re: RegExp): RegExp[] {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u'), unicodeSets: re.flags.includes('v') });
  // (tested, never replaced with: without the flags that make a pattern keep where it stopped)
  const flags = re.flags.replace(/[gy]/g, '');
  if (pattern.alternatives.length === 1 || /\\[1-9k]/.test(re.source)) return [new RegExp(re.source, flags)];
  return pattern.alternatives.map((a) => new RegExp(a.raw, flags));
}
