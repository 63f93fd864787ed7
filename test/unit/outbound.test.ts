import { describe, expect, it } from 'vitest';
import { destinationOf, offClockMarks } from '../../src/outbound/outbox.js';
import { splitByBytes } from '../../src/messages/outbound.js';

describe('outbound helpers', () => {
  it('moves bulk sends off the :00 and :30 marks by a fixed 1–3 minutes per key', () => {
    const at = (s: string) => Date.parse(`${s}+08:00`);
    expect(offClockMarks(at('2026-11-30T08:29:10'), 'k')).toBe(at('2026-11-30T08:29:10'));
    for (const mark of ['2026-11-30T08:30:05', '2026-11-30T09:00:00']) {
      const shifted = offClockMarks(at(mark), 'group-a');
      expect(shifted - at(mark)).toBeGreaterThanOrEqual(60_000);
      expect(shifted - at(mark)).toBeLessThanOrEqual(180_000);
      expect(offClockMarks(at(mark), 'group-a')).toBe(shifted);
    }
  });
  it('names destinations by conversation or recipient', () => {
    expect(destinationOf({ kind: 'group', platform: 'wecom', chatId: 'g' })).toBe('wecom:chat:g');
    expect(destinationOf({ kind: 'reply', platform: 'dingtalk', chatId: 'c', chatType: 'group' })).toBe('dingtalk:chat:c');
    expect(destinationOf({ kind: 'user', platform: 'wecom', userId: 'u' })).toBe('wecom:user:u');
  });
  it('splits on line boundaries within the byte limit, keeping every character in order', () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}行：超期督办说明`).join('\n');
    const parts = splitByBytes(text, 2048);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(2048);
    expect(parts.join('\n')).toBe(text);
    const long = '问'.repeat(1000);
    expect(splitByBytes(long, 2048).join('')).toBe(long);
  });
});
