import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadCorpus, REFERENCE_TIME } from '../../../bench/parse-eval.js';
import { defaultCalendar } from '../../../src/domain/calendar.js';
import { candidateDates, DATE_WORD, parseRequestedDate } from '../../../src/domain/parse/dates.js';
import { normalizeText } from '../../../src/domain/parse/normalize.js';
import { projectRoot } from '../../helpers/shared.js';

const fixtures = join(projectRoot, 'test', 'fixtures');
// (a joined round's messages are in the corpus too: each text once)
const texts = [
  ...new Set(['corpus.jsonl', ...readdirSync(fixtures).filter((f) => /^unseen-round\d+\.jsonl$/.test(f))].flatMap((f) =>
    loadCorpus(join(fixtures, f)).map((m) => normalizeText(m.text.replace(/^@店小二\s*/, ''))),
  )),
];
const now = DateTime.fromISO(REFERENCE_TIME, { setZone: true });

describe('the date gate', () => {
  it('no labelled text without a date word yields a date from the patterns it is spared', () => {
    const spared = texts.filter((t) => !DATE_WORD.test(t));
    expect(spared.length).toBeGreaterThan(10_000);
    const read = spared.filter((t) => candidateDates(t, now, defaultCalendar).some((d) => d !== null));
    expect(read).toEqual([]);
  });

  it('each kind of word it lets through can carry a date alone', () => {
    for (const [text, want] of [
      ['今晚十点前关闭', '2026-11-23'],
      ['明日务必处理', '2026-11-24'],
      ['周五前给个答复', '2026-11-27'],
      ['礼拜三之前弄好', '2026-11-25'],
      ['30号前办完', '2026-11-30'],
      ['元旦前要投产', '2026-12-31'],
      ['before Friday please', '2026-11-27'],
    ] as const) expect(parseRequestedDate(text, now), text).toBe(want);
  });
});
