import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseMessage, type ParsedMessage } from '../src/domain/parse/parse.js';
import { normalizeText } from '../src/domain/parse/normalize.js';

export interface LabelledMessage {
  id: string;
  text: string;
  intent: string;
  category: string | null;
  urgency: string | null;
  deadline: string | null;
  enterprise: string | null;
  ticket: number | null;
  split: 't' | 'h' | 'u';
}

export const REFERENCE_TIME = '2026-11-23T09:30:00+08:00';
export const FIELDS = ['intent', 'category', 'urgency', 'deadline', 'enterprise', 'ticket'] as const;
export type Field = (typeof FIELDS)[number];

export function loadCorpus(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledMessage);
}

/** Whether the parser got `field` of `m` right; report-only fields are judged on reports only. */
export function judge(m: LabelledMessage, p: ParsedMessage, field: Field): boolean | null {
  if (['category', 'urgency', 'deadline', 'enterprise'].includes(field) && m.intent !== 'report') return null;
  if (field === 'enterprise') {
    // "as written": either script is accepted
    const want = m.enterprise === null ? null : normalizeText(m.enterprise);
    const got = p.enterprise === null ? null : normalizeText(p.enterprise);
    return want === got;
  }
  return (p[field] ?? null) === (m[field] ?? null);
}

/**
 * Chinese provinces, cities and counties (china-area-data, GB/T 2260; a dev dependency of the benches only) in the forms
 * written before an enterprise's name: 青岛, 寿光, 莒县, 海南州. Longest first.
 */
const PLACES: string[] = (() => {
  const data = createRequire(import.meta.url)('china-area-data/data.json') as Record<string, Record<string, string>>;
  const out = new Set<string>();
  for (const level of Object.values(data)) {
    for (const full of Object.values(level)) {
      const core = full.replace(/(?:[\u4e00-\u9fa5]{1,4}族)+(?=自治)|(?:哈萨克|柯尔克孜|蒙古)(?=自治)/g, '');
      const short = core.replace(/(自治州|自治县|自治旗|地区|特别行政区|省|市|县|区|旗|盟|林区)$/, '');
      out.add(full);
      if (short.length >= 2) out.add(short);
      if (/自治州$/.test(full) && short.length >= 2) out.add(`${short}州`);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
})();
const placeAside = (name: string): string => {
  const p = PLACES.find((x) => name.startsWith(x) && name.length - x.length >= 4);
  return p ? name.slice(p.length).replace(/^的/, '') : name;
};

/**
 * Enterprise judged with a leading place name set aside on both sides ("青岛恒驰轮胎" and "恒驰轮胎" name one enterprise):
 * writers label a city before a short name differently (the corpus mostly keeps it, as written; some writers leave it
 * out), so the bench reports this beside the strict figure. Reports only.
 */
export function judgeEnterprisePlaceAside(m: LabelledMessage, p: ParsedMessage): boolean | null {
  if (m.intent !== 'report') return null;
  const want = m.enterprise === null ? null : placeAside(normalizeText(m.enterprise));
  const got = p.enterprise === null ? null : placeAside(normalizeText(p.enterprise));
  return want === got;
}

export interface Score {
  n: number;
  right: number;
  misses: { id: string; text: string; want: unknown; got: unknown }[];
}

/** Each field's score, and enterprise with a leading place name aside (`judgeEnterprisePlaceAside`); one parse per message. */
export function evaluate(corpus: LabelledMessage[]): Record<Field, Score> & { enterpriseAside: { n: number; right: number } } {
  const scores = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, right: 0, misses: [] } as Score])) as Record<Field, Score>;
  const enterpriseAside = { n: 0, right: 0 };
  for (const m of corpus) {
    const p = parseMessage(m.text.replace(/^@店小二\s*/, ''), REFERENCE_TIME);
    const aside = judgeEnterprisePlaceAside(m, p);
    if (aside !== null) {
      enterpriseAside.n++;
      if (aside) enterpriseAside.right++;
    }
    for (const f of FIELDS) {
      const ok = judge(m, p, f);
      if (ok === null) continue;
      scores[f].n++;
      if (ok) scores[f].right++;
      else scores[f].misses.push({ id: m.id, text: m.text, want: m[f], got: p[f] });
    }
  }
  return { ...scores, enterpriseAside };
}
