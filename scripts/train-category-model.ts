/**
 * Trains the parser's models from the labelled corpus (test/fixtures/corpus.jsonl), tuning (t) and development (h) parts
 * only; the unseen part (u) stays out so that the benchmark measures text the models never saw:
 * - the category model (category-model.json) from the reports;
 * - the intent fallback's models (intent-model.json, see src/domain/parse/intent-model.ts) from every message whose
 *   intent the model knows, one model for messages naming a ticket and one for the others.
 * Deterministic: the same corpus gives the same files. Usage: npm run train:parse
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainBayes } from '../src/domain/parse/bayes.js';
import { intentGrams, PLAIN_INTENTS, TICKET_INTENTS, type IntentModels, type PlainIntent, type TicketIntent } from '../src/domain/parse/intent-model.js';
import { normalizeText } from '../src/domain/parse/normalize.js';
import { TICKET_REF } from '../src/domain/parse/commands.js';
import { CATEGORIES, type Category } from '../src/domain/ticket.js';
import { projectRoot } from '../src/infra/paths.js';

/** The category model's smoothing (bench/category-loro.ts). */
export const CATEGORY_ALPHA = 0.1;
export const MODEL_PATH = join(projectRoot(), 'src', 'domain', 'parse', 'category-model.json');
export const INTENT_MODEL_PATH = join(projectRoot(), 'src', 'domain', 'parse', 'intent-model.json');

interface CorpusLine {
  id: string;
  text: string;
  intent: string;
  category: Category | null;
  urgency?: string | null;
  ticket: number | null;
  split: string;
}

export function readCorpus(): CorpusLine[] {
  return readFileSync(join(projectRoot(), 'test', 'fixtures', 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
}

export function buildModelJson(): string {
  const corpus = readCorpus();
  const examples = corpus
    .filter((m) => m.intent === 'report' && m.category && m.split !== 'u')
    .map((m) => ({ normalized: normalizeText(m.text.replace(/^@店小二\s*/, '')), category: m.category! }));
  // smoothing α = 0.1: chosen with the combination of category.ts, leave-one-round-out (bench/category-loro.ts)
  const model = trainBayes(examples, Object.keys(CATEGORIES) as Category[], CATEGORY_ALPHA);
  return `${JSON.stringify(model)}\n`;
}

/**
 * The intent models trained on the corpus's t and h parts, less the messages `leaveOut` names (bench/intent-loro.ts
 * leaves one round out). The text is read as the parser reads it: normalised, the ticket reference taken out.
 */
export function trainIntentModels(leaveOut: (id: string) => boolean = () => false): IntentModels {
  const ticket: { normalized: string; category: TicketIntent }[] = [];
  const plain: { normalized: string; category: PlainIntent }[] = [];
  for (const m of readCorpus()) {
    if (m.split === 'u' || leaveOut(m.id)) continue;
    const t = normalizeText(m.text.replace(/^@店小二\s*/, ''));
    if (m.ticket !== null) {
      if ((TICKET_INTENTS as readonly string[]).includes(m.intent)) ticket.push({ normalized: t.replace(TICKET_REF, ''), category: m.intent as TicketIntent });
    } else if ((PLAIN_INTENTS as readonly string[]).includes(m.intent)) {
      plain.push({ normalized: t, category: m.intent as PlainIntent });
    }
  }
  return {
    ticket: trainBayes(ticket, [...TICKET_INTENTS], 0.5, intentGrams),
    plain: trainBayes(plain, [...PLAIN_INTENTS], 0.5, intentGrams),
  };
}

export function buildIntentModelJson(): string {
  return `${JSON.stringify(trainIntentModels())}\n`;
}


if (process.argv[1]?.endsWith('train-category-model.ts')) {
  for (const [path, json] of [
    [MODEL_PATH, buildModelJson()],
    [INTENT_MODEL_PATH, buildIntentModelJson()],
  ] as const) {
    writeFileSync(path, json);
    console.log(`wrote ${path} (${(json.length / 1024).toFixed(0)} KiB)`);
  }
}
