/** `xiaoer parse`: messages in, one JSON object out per message (the parser's verdict, without the bot's mention). */
import type { BusinessCalendar } from '../domain/calendar.js';
import { parseMessage, type ParsedMessage } from '../domain/parse/parse.js';
import { stripBotMention } from '../messages/inbound.js';

export interface ParseOutput {
  id: unknown;
  intent: ParsedMessage['intent'];
  category: ParsedMessage['category'];
  urgency: ParsedMessage['urgency'];
  deadline: string | null;
  enterprise: string | null;
  ticket: number | null;
  summary: string | null;
}

export function toParseOutput(id: unknown, p: ParsedMessage): ParseOutput {
  return {
    id,
    intent: p.intent,
    category: p.category,
    urgency: p.urgency,
    deadline: p.deadline,
    enterprise: p.enterprise,
    ticket: p.ticket,
    summary: p.summary,
  };
}

/** One input line `{"id": …, "text": …}` → one output object; a bad line gives `{id, error}` and the run goes on. */
export function parseLine(line: string, now: string, cal: BusinessCalendar, botName = '店小二'): ParseOutput | { id: unknown; error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || typeof (input as { text?: unknown }).text !== 'string') {
    return { id: (input as { id?: unknown } | null)?.id ?? null, error: 'expected an object with a "text" string' };
  }
  const { id = null, text } = input as { id?: unknown; text: string };
  return toParseOutput(id, parseMessage(stripBotMention(text, botName, false).text, now, cal));
}
