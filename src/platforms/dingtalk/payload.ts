import { z } from 'zod';

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
    createAt: z.number().optional(),
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
    sessionWebhookExpiredTime: z.number().optional(),
    robotCode: z.string().optional(),
  })
  .loose();
export type DingtalkCallback = z.infer<typeof dingtalkCallbackSchema>;
