import type { Outcome, RatingLevel } from '../ticket-state.js';

/** 好差评 level named in a message: words first (longest first), then 1–5 stars. */
export function ratingFrom(t: string): RatingLevel | null {
  if (/非常不满意|很不满意|差评/.test(t)) return /非常不满意|很不满意/.test(t) ? 'very_dissatisfied' : 'dissatisfied';
  if (/不满意/.test(t)) return 'dissatisfied';
  if (/非常满意|很满意|十分满意|特别满意/.test(t)) return 'very_satisfied';
  if (/基本满意|还行|一般/.test(t)) return 'basically_satisfied';
  if (/满意|好评/.test(t)) return 'satisfied';
  const star = /([1-5一二三四五])\s*(?:颗)?星/.exec(t)?.[1];
  if (star) {
    const n = '一二三四五'.includes(star) ? '一二三四五'.indexOf(star) + 1 : Number(star);
    return (['very_dissatisfied', 'dissatisfied', 'basically_satisfied', 'satisfied', 'very_satisfied'] as const)[n - 1]!;
  }
  return null;
}

/** 答复 outcome named in a resolve message; 已解决 unless another is named. */
export function outcomeFrom(t: string): Outcome {
  if (/部分解决/.test(t)) return 'partial';
  if (/暂无法解决|无法解决|暂不能解决|挂账/.test(t)) return 'unresolvable';
  if (/解释说明|已解释|做好解释|无政策依据|没有政策依据|暂无政策依据/.test(t)) return 'explained';
  return 'resolved';
}

/** The free text of a command: the message without the verb, the ticket reference and leading punctuation. */
export function commandNote(t: string): string {
  return t
    .replace(/[#＃]\s*\d+|\d+\s*号问题/g, ' ')
    .replace(/^\s*(认领|签收|办结|答复|转办|退单|退回|进展|进度更新|更新|催办|重办|评价)\s*/, '')
    .replace(/^[\s:：,，。]+/, '')
    .replace(/^(进展|进度|办结|答复|退单|理由|原因)[\s:：]*/, '')
    .trim();
}

/** Why the enterprise reopens ("#12 还没解决 正式验收还没做" → "正式验收还没做"): the note without the request itself. */
export function reopenNote(t: string): string {
  return commandNote(t)
    .replace(/^(申请)?(重新打开|重办|重新办理|重新处理|还没解决|没有解决|未解决|没解决)(一下)?[\s:：,，。]*/, '')
    .replace(/^(?:理由|原因|说明)[\s:：]*/, '')
    .trim();
}

const RATING_WORDS = /(非常不满意|很不满意|差评|不满意|非常满意|很满意|十分满意|特别满意|基本满意|还行|一般|满意|好评|[1-5一二三四五]\s*(?:颗)?星)/;

/** What the enterprise says with its rating ("#12 不满意 还是没通电" → "还是没通电"): the note without the level. */
export function ratingNote(t: string): string {
  return commandNote(t.replace(RATING_WORDS, ' '))
    .replace(/^[\s:：,，。]*(?:理由|原因|说明)?[\s:：]*/, '')
    .trim();
}
