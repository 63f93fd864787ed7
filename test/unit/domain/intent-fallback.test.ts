import { describe, expect, it } from 'vitest';
import { trainIntentModels } from '../../../scripts/train-category-model.js';
import { trainBayes } from '../../../src/domain/parse/bayes.js';
import { intentGrams, PLAIN_INTENTS, TICKET_INTENTS, type IntentModels } from '../../../src/domain/parse/intent-model.js';
import { parseMessage, readIntent } from '../../../src/domain/parse/parse.js';

const REF = '2026-11-23T09:30:00+08:00';
const round10 = (id: string) => Number(id.slice(1)) >= 1644 && Number(id.slice(1)) <= 1908;

describe('the learned intent fallback', () => {
  // trained without round 10, so these messages are text the model never saw
  const unseen = trainIntentModels(round10);

  it("decides where the rules only had a length default, on text it was not trained on", () => {
    // the rules' default: a statement about a ticket is a progress note, a long message without one is a report
    expect(readIntent('#781 改由工信局牵头办理', null)).toBe('progress');
    expect(readIntent('#781 改由工信局牵头办理', unseen)).toBe('transfer');
    expect(readIntent('#788 这个我熟，给我吧', null)).toBe('query');
    expect(readIntent('#788 这个我熟，给我吧', unseen)).toBe('claim');
    expect(readIntent('年初到现在企业反映的问题总数', null)).toBe('report');
    expect(readIntent('年初到现在企业反映的问题总数', unseen)).toBe('digest');
    // the shipped models too, and through parseMessage
    expect(parseMessage('#781 改由工信局牵头办理', REF).intent).toBe('transfer');
  });

  it('keeps the default when the model is not sure enough', () => {
    const never = { ...unseen, minProbability: 1.01 };
    for (const text of ['#781 改由工信局牵头办理', '#788 这个我熟，给我吧', '年初到现在企业反映的问题总数']) {
      expect(readIntent(text, never)).toBe(readIntent(text, null));
    }
  });

  it('never overrides a rule that is certain, even with a model that always answers otherwise', () => {
    // a hostile model: every ticket message is a query and every other message chit-chat, always taken
    const texts = ['进度如何', '认领', '办结', '周报', '谢谢', '我们需要帮忙', '企业反映问题'];
    const hostile: IntentModels = {
      ticket: trainBayes(texts.map((normalized) => ({ normalized, category: 'query' as const })), [...TICKET_INTENTS], 0.5, intentGrams),
      plain: trainBayes(texts.map((normalized) => ({ normalized, category: 'chat' as const })), [...PLAIN_INTENTS], 0.5, intentGrams),
      minProbability: 0,
    };
    const certain: [string, string][] = [
      ['#12 认领', 'claim'],
      ['#12 我们来签收', 'claim'],
      ['#12 已办结', 'resolve'],
      ['#12 转办 住建局', 'transfer'],
      ['#12 催办一下', 'urge'],
      ['#12 非常满意，五星', 'rate'],
      ['#12 4星', 'rate'],
      ['#12 类别改为 用工人才', 'correct'],
      ['#12 重新打开，问题还在', 'reopen'],
      ['帮助', 'help'],
      ['周报', 'digest'],
      ['待确认', 'triage'],
      // problem words the lexicon is sure of
      ['我们厂这个月电费翻倍了，怀疑电表有问题', 'report'],
      ['招不到电焊工', 'report'],
    ];
    for (const [text, intent] of certain) {
      expect(readIntent(text, null), text).toBe(intent);
      expect(readIntent(text, hostile), text).toBe(intent);
    }
    // where the rules only had a default, the hostile model does take over
    expect(readIntent('#12 这个我熟，给我吧', hostile)).toBe('query');
    expect(readIntent('园区和各镇比一比响应速度', hostile)).toBe('chat');
  });
});
