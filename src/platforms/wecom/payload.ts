import { z } from 'zod';

/** The encrypted envelope of an AI bot (智能机器人) callback in URL mode. */
export const wecomEnvelopeSchema = z.object({ encrypt: z.string().min(1).max(1_500_000) });

const textSchema = z.object({ content: z.string() });

/** A decrypted AI bot callback (doc 100719); unknown fields are kept. */
export const wecomCallbackSchema = z
  .object({
    msgid: z.string().min(1).max(256),
    aibotid: z.string().optional(),
    chatid: z.string().optional(),
    chattype: z.enum(['group', 'single']).default('single'),
    from: z.object({ userid: z.string().min(1) }),
    /** seconds; beyond what a date can hold → 400, never a RangeError later. */
    create_time: z.number().int().min(0).max(8_640_000_000_000).optional(),
    response_url: z.string().optional(),
    msgtype: z.string(),
    text: textSchema.optional(),
    /** Events (msgtype `event`, doc 101027): `event.eventtype`, and for a card tap the key and task_id (see below). */
    event: z
      .object({
        eventtype: z.string(),
        /** The SDK's shape: the tap's fields directly on `event`. */
        event_key: z.string().optional(),
        task_id: z.string().optional(),
        /** doc 101027's shape: under a field named after the event type. */
        template_card_event: z.object({ event_key: z.string().optional(), task_id: z.string().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    mixed: z
      .object({
        msg_item: z.array(z.object({ msgtype: z.string(), text: textSchema.optional() }).loose()),
      })
      .optional(),
  })
  .loose();
export type WecomCallback = z.infer<typeof wecomCallbackSchema>;
