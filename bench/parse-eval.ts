import { readFileSync } from 'node:fs';
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

export interface Score {
  n: number;
  right: number;
  misses: { id: string; text: string; want: unknown; got: unknown }[];
}

export function evaluate(corpus: LabelledMessage[]): Record<Field, Score> {
  const scores = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, right: 0, misses: [] } as Score])) as Record<Field, Score>;
  for (const m of corpus) {
    const p = parseMessage(m.text.replace(/^@店小二\s*/, ''), REFERENCE_TIME);
    for (const f of FIELDS) {
      const ok = judge(m, p, f);
      if (ok === null) continue;
      scores[f].n++;
      if (ok) scores[f].right++;
      else scores[f].misses.push({ id: m.id, text: m.text, want: m[f], got: p[f] });
    }
  }
  return scores;
}
