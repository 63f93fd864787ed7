import { z } from 'zod';

/** The largest time a JavaScript Date can hold (ms). */
const MAX_DATE_MS = 8_640_000_000_000_000;

/** An app robot callback in HTTP mode; unknown fields are kept. */
export const dingtalkCallbackSchema = z
  .object({
    msgId: z.string().min(1).max(256),
    msgtype: z.string(),
    text: z.object({ content: z.string() }).optional(),
    content: z
      .object({ richText: z.array(z.object({ text: z.string().optional() }).loose()).optional() })
      .loose()
      .optional(),
    /** ms since the epoch; out of the range a date can hold → 400 (never a RangeError later). */
    createAt: z.number().int().min(0).max(MAX_DATE_MS).optional(),
    conversationType: z.union([z.literal('1'), z.literal('2'), z.literal(1), z.literal(2)]).transform(String),
    conversationId: z.string().min(1),
    conversationTitle: z.string().optional(),
    senderId: z.string().optional(),
    senderNick: z.string().optional(),
    senderStaffId: z.string().optional(),
    chatbotUserId: z.string().optional(),
    atUsers: z.array(z.object({ dingtalkId: z.string().optional(), staffId: z.string().optional() }).loose()).optional(),
    isInAtList: z.boolean().optional(),
    sessionWebhook: z.string().optional(),
    sessionWebhookExpiredTime: z.number().int().min(0).max(MAX_DATE_MS).optional(),
    robotCode: z.string().optional(),
  })
  .loose();
export type DingtalkCallback = z.infer<typeof dingtalkCallbackSchema>;
