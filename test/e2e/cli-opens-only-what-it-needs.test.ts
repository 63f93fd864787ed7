import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recordLoadsArgs, runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/shared.js';

/** What printing a calendar date must not open (docs/architecture.md, "The CLI opens only what it needs"). */
const NOT_FOR_A_CALENDAR_DATE = [
  /^src\/(main|runtime)\.ts$/, // the composition root
  /^src\/runtime\//,
  /^handlers\//,
  /^jobs\//,
  /^src\/(bot|server|simulator)\//,
  /^src\/(store|queue|outbound)\//, // nor the store, the queues or the send plumbing: no database is asked
  /^node_modules\/(mongoose|mongodb|bullmq|ioredis|koa|@koa\/[^/]+|openai|exceljs)\//,
];

const dir = mkdtempSync(join(tmpdir(), 'xiaoer-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI and returns its result with the project-relative paths of every module it loaded. */
async function runRecorded(args: string[]) {
  const file = join(dir, `${args.join('-')}.txt`);
  const result = await runCli(args, {}, '', recordLoadsArgs(file));
  const loaded = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => relative(projectRoot, fileURLToPath(url)).split('\\').join('/'))
    // (the CLI run is the compiled one: dist/src/x.js is src/x.ts)
    .map((p) => (p.startsWith('dist/') ? p.slice('dist/'.length).replace(/\.js$/, '.ts') : p));
  return { ...result, loaded };
}

/** A library is named once, by its folder: node_modules/mongoose/lib/x.js → node_modules/mongoose/. */
function offending(loaded: string[]): string[] {
  const bad = loaded.filter((p) => NOT_FOR_A_CALENDAR_DATE.some((re) => re.test(p)));
  return [...new Set(bad.map((p) => p.replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+\/).*$/, '$1')))];
}

describe('the CLI opens only what it needs', () => {
  it('prints a calendar date without loading the runtime, the handlers, the jobs, the simulator or the store', async () => {
    const { code, out, err, loaded } = await runRecorded(['calendar', 'is-working-day', '2026-10-05']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toBe('no');
    // the recording works: the CLI and the domain's calendar were loaded
    expect(loaded).toContain('src/domain/calendar.ts');
    expect(loaded.some((p) => p.startsWith('src/cli'))).toBe(true);
    expect(offending(loaded)).toEqual([]);
  });
});
