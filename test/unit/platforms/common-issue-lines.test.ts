import { describe, expect, it } from 'vitest';
import type { CommonIssueGroup } from '../../../src/domain/common-issues.js';
import { renderCommonIssueLines } from '../../../src/platforms/digest-render.js';

const group = (label: string, tickets: number[]): CommonIssueGroup => ({
  label,
  category: 'utilities',
  categoryLabel: '水电气网',
  area: null,
  phrase: label.split(' ').at(-1)!,
  tickets,
  enterprises: tickets.map((n) => `企业${n}`),
  enterpriseCount: tickets.length,
});

describe('renderCommonIssueLines', () => {
  it('one line per group with its ticket numbers', () => {
    expect(renderCommonIssueLines([group('4家企业反映 钱塘园区 用电扩容', [12, 15, 19, 21]), group('3家企业反映 招工', [3, 4, 8])])).toEqual([
      '共性问题：4家企业反映 钱塘园区 用电扩容（#12 #15 #19 #21）',
      '共性问题：3家企业反映 招工（#3 #4 #8）',
    ]);
  });

  it('no line without a group; at most `max` lines, then how many more', () => {
    expect(renderCommonIssueLines([])).toEqual([]);
    const many = [1, 2, 3].map((i) => group(`3家企业反映 问题${i}`, [i * 10, i * 10 + 1, i * 10 + 2]));
    expect(renderCommonIssueLines(many, 2)).toEqual(['共性问题：3家企业反映 问题1（#10 #11 #12）', '共性问题：3家企业反映 问题2（#20 #21 #22）', '> 另有 1 组共性问题，见领导看板。']);
  });

  it('people\'s words in the phrase cannot mention anyone or format the digest', () => {
    const [line] = renderCommonIssueLines([group('3家企业反映 **停电**@{0}', [1, 2, 3])]);
    expect(line).not.toContain('**停电**');
    expect(line).not.toContain('@{0}');
  });
});
