import { describe, expect, it } from 'vitest';
import { nextCommand } from '../../../src/cli/format.js';
import { decodeCursor, encodeCursor, PageCursorError, pageSize } from '../../../src/shared/page-cursor.js';

describe('page cursors', () => {
  it('give back the key they were made from, for their own list only', () => {
    const c = encodeCursor('search:todo', ['urgent', null, 17]);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 'search:todo', ['string', 'string|null', 'number'])).toEqual(['urgent', null, 17]);
    expect(() => decodeCursor(c, 'search:newest', ['number'])).toThrow(PageCursorError);
  });
  it('refuse anything else: not base64url, not JSON, the wrong shape', () => {
    const bad = ['', 'a b', '%%%', Buffer.from('not json').toString('base64url'), encodeCursor('tickets', ['17']), encodeCursor('tickets', [1, 2]), 'x'.repeat(600)];
    for (const c of bad) expect(() => decodeCursor(c, 'tickets', ['number'])).toThrow(PageCursorError);
  });
  it('page sizes: the default when none or nonsense is asked, never above the maximum', () => {
    expect(pageSize(undefined, 200, 1000)).toBe(200);
    expect(pageSize(Number.NaN, 200, 1000)).toBe(200);
    expect(pageSize(0, 200, 1000)).toBe(200);
    expect(pageSize(5000, 200, 1000)).toBe(1000);
    expect(pageSize(30, 200, 1000)).toBe(30);
  });
});

describe('the CLI\'s next-page command', () => {
  it('repeats the command with the new cursor in place of the old, quoting what a shell would split', () => {
    const argv = ['node', 'xiaoer', 'tickets', 'list', '--enterprise', '亿龙 置业', '--cursor', 'old', '--limit', '50'];
    expect(nextCommand(argv, 'eyJsIjoidGlja2V0cyJ9')).toBe("xiaoer tickets list --enterprise '亿龙 置业' --limit 50 --cursor eyJsIjoidGlja2V0cyJ9");
  });
});
