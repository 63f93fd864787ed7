import OpenAI from 'openai';
import { z } from 'zod';
import type { ParsedMessage } from '../domain/parse/parse.js';
import { CATEGORIES, type Category } from '../domain/ticket.js';
import type { Logger } from '../shared/logger.js';
import { llmCalls, llmFallbacks } from '../shared/metrics.js';

/** What the model must answer; anything else is discarded and the rules' reading stands. */
export const llmAnswerSchema = z.object({
  category: z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]]),
  urgency: z.enum(['urgent', 'normal']),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(d)), 'not a date')
    .nullable(),
  enterprise: z.string().trim().min(2).max(60).nullable(),
  summary: z.string().trim().min(2).max(60),
});
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

const SYSTEM_PROMPT = [
  '你是政府助企服务平台的工单分拣员。阅读企业在群里反映的问题，只输出一个 JSON 对象，不要输出其他内容。',
  '字段：',
  `category：问题类别，取值之一：${Object.entries(CATEGORIES).map(([k, v]) => `${k}(${v})`).join('、')}；`,
  'urgency：urgent 或 normal。有明确的紧急字眼、停产停工停电断供进不了场、安全隐患坍塌事故、围堵信访欠薪，或要求两天内办好，为 urgent；否则 normal；',
  'deadline：企业要求的办结日期，按消息时间（北京时间）换算为 YYYY-MM-DD；“X天内”按自然日计算；没有提到日期则为 null；',
  'enterprise：消息中提到的企业名称，按原文；没有则为 null；',
  'summary：一句话问题标题，20字以内，不含称呼和客套话。',
].join('\n');

export interface ReportRefiner {
  refine(text: string, rules: ParsedMessage, sentAt: string): Promise<LlmAnswer | null>;
}

/**
 * Refines the fields of a report with an OpenAI-compatible model (Qwen, DeepSeek, a local vLLM …): JSON mode,
 * a short timeout, no retries, the answer validated with zod. Any failure returns null and the rules stand.
 * Runs in the processing job, never on the webhook acknowledgement path.
 */
export function createReportRefiner(
  cfg: { baseUrl: string; apiKey?: string; model: string },
  log: Logger,
  opts: { timeoutMs?: number } = {},
): ReportRefiner {
  const client = new OpenAI({
    baseURL: cfg.baseUrl,
    apiKey: cfg.apiKey ?? 'not-needed',
    timeout: opts.timeoutMs ?? 8000,
    maxRetries: 0,
  });
  return {
    async refine(text, rules, sentAt) {
      try {
        const res = await client.chat.completions.create({
          model: cfg.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            {
              role: 'user',
              content: JSON.stringify({ 消息时间: sentAt, 消息: text, 规则初判: { category: rules.category, urgency: rules.urgency, deadline: rules.deadline } }),
            },
          ],
        });
        const content = res.choices[0]?.message?.content ?? '';
        const json = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')) as unknown;
        const parsed = llmAnswerSchema.safeParse(json);
        if (!parsed.success) {
          llmCalls.inc({ result: 'rejected' });
          llmFallbacks.inc({ reason: 'schema' });
          log.warn({ reason: 'schema', issues: parsed.error.issues.length }, 'LLM answer rejected; rules used');
          return null;
        }
        llmCalls.inc({ result: 'ok' });
        return parsed.data;
      } catch (err) {
        // a call that answered something unreadable (not JSON) is a rejected answer; no answer at all an error
        const unreadable = err instanceof SyntaxError;
        llmCalls.inc({ result: unreadable ? 'rejected' : 'error' });
        llmFallbacks.inc({ reason: unreadable ? 'unreadable' : (err as Error).name === 'APIConnectionTimeoutError' ? 'timeout' : 'unavailable' });
        log.warn({ reason: (err as Error).name, status: (err as { status?: number }).status }, 'LLM unavailable; rules used');
        return null;
      }
    },
  };
}
