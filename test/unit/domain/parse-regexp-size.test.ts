import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../../bench/parse-eval.js';
import { projectRoot } from '../../helpers/shared.js';

/**
 * V8 optimises no regular expression of more than 20 KiB of source (kRegExpTooLargeToOptimize): such a pattern runs
 * tens of times slower than the same alternatives split in two (measured: 21 µs against 0.4 µs on nine characters).
 * The parser builds its long patterns from word lists that grow each round, so every pattern it builds — at load and
 * while it reads — is checked here. The modules are loaded afresh with RegExp watched (the unit files share one module
 * graph, which has them loaded already). Literal patterns are not seen: none is written anywhere near that size.
 */
const LIMIT = 20 * 1024;
const Original = globalThis.RegExp;

// (the fresh modules stay in the shared graph for the files after this one: resetting it again would load the parser a
// third time)
afterAll(() => {
  globalThis.RegExp = Original;
});

describe('the parser’s regular expressions stay small enough for V8 to optimise', () => {
  it(`builds no pattern of more than ${LIMIT} characters, loading or reading`, async () => {
    const sizes = new Map<string, number>();
    const seen = (re: RegExp): RegExp => {
      sizes.set(re.source.slice(0, 80), Math.max(sizes.get(re.source.slice(0, 80)) ?? 0, re.source.length));
      return re;
    };
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        return seen(new target(...args));
      },
      apply(target, _that, args: [string | RegExp, string?]) {
        return seen(target(...args));
      },
    });
    vi.resetModules();
    const { parseMessage } = await import('../../../src/domain/parse/parse.js');
    for (const text of [
      '我们是洛阳的河洛钼业新材料，想申请技改补贴，月底前能批吗？',
      '农批市场后门那条路晚上大货车乱停，把我们仓库门口全堵死了。田阳果满仓',
      '—— 宏远物流 张经理：园区的路灯坏了半个月',
      '#12 企业是 神马电力',
    ]) parseMessage(text, '2026-11-23T09:30:00+08:00');
    globalThis.RegExp = Original;
    expect(sizes.size).toBeGreaterThan(100);
    const over = [...sizes].filter(([, n]) => n > LIMIT).map(([head, n]) => `${n}: ${head}`);
    expect(over).toEqual([]);
  });

  // a pattern built from a long word list while a message is read is compiled again for every message (one in the
  // signature reader cost 7 % of all parsing): every pattern is built once, at load
  it('builds none while it reads messages', async () => {
    const { parseMessage } = await import('../../../src/domain/parse/parse.js');
    const fixtures = join(projectRoot, 'test', 'fixtures');
    const texts = readdirSync(fixtures)
      .filter((f) => /^unseen-round1[5-9]\d\.jsonl$/.test(f))
      .flatMap((f) => loadCorpus(join(fixtures, f)).map((m) => m.text.replace(/^@店小二\s*/, '')));
    expect(texts.length).toBeGreaterThan(5000);
    const built: string[] = [];
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        built.push(String(args[0]).slice(0, 60));
        return new target(...args);
      },
      apply(target, _that, args: [string | RegExp, string?]) {
        built.push(String(args[0]).slice(0, 60));
        return target(...args);
      },
    });
    try {
      for (const text of texts) parseMessage(text, '2026-11-23T09:30:00+08:00');
    } finally {
      globalThis.RegExp = Original;
    }
    expect([...new Set(built)]).toEqual([]);
  });
});
