import { describe, expect, it } from 'vitest';
import { parseLine, toParseOutput } from '../../../src/cli/parse-lines.js';
import { BusinessCalendar } from '../../../src/domain/calendar.js';
import { parseMessage } from '../../../src/domain/parse/parse.js';

const cal = new BusinessCalendar({ timezone: 'Asia/Shanghai' });
const NOW = '2026-11-23T09:30:00+08:00';

describe('xiaoer parse: one input line, one output object', () => {
  it('keeps the id and the parser\'s verdict, without the mention of the bot', () => {
    const text = '我们公司新厂房的排水许可一直没批下来，下周一要试生产';
    const out = parseLine(JSON.stringify({ id: 'a', text: `@店小二 ${text}` }), NOW, cal);
    expect(out).toEqual(toParseOutput('a', parseMessage(text, NOW, cal)));
    expect(out).toMatchObject({ id: 'a', intent: 'report', category: 'approval', deadline: '2026-11-30' });
  });

  it('strips the configured bot name', () => {
    const out = parseLine(JSON.stringify({ id: 2, text: '@小助手 轉辦 #4 給區人社局' }), NOW, cal, '小助手');
    expect(out).toMatchObject({ id: 2, intent: 'transfer', ticket: 4 });
  });

  it('answers a bad line with an error and no verdict', () => {
    expect(parseLine('{oops', NOW, cal)).toEqual({ id: null, error: 'not valid JSON' });
    expect(parseLine(JSON.stringify({ id: 7, text: 3 }), NOW, cal)).toEqual({ id: 7, error: 'expected an object with a "text" string' });
    expect(parseLine('null', NOW, cal)).toEqual({ id: null, error: 'expected an object with a "text" string' });
  });

  it('gives a missing id as null', () => {
    expect(parseLine(JSON.stringify({ text: '轉辦 #4 給區人社局' }), NOW, cal)).toMatchObject({ id: null, ticket: 4 });
  });
});
