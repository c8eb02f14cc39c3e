import { z } from 'zod';
import type { InboundRequest, StatusUpdate } from '../../app/ports/message-log.js';
import { failureReason } from './twilio-error-codes.js';
import { twilioMessageStatus } from './twilio-message-status.js';

/**
 * Twilio's inbound webhook parameters, validated loosely: Twilio adds fields over time, and a
 * message with no Body (a picture, a sticker) is still a message.
 */
const inboundSchema = z.looseObject({
  MessageSid: z.string().regex(/^(SM|MM|SM[a-z0-9]*)[0-9a-fA-F]{32}$/, 'is not a Twilio message id'),
  From: z.string().min(3).max(64),
  To: z.string().max(64).optional(),
  Body: z.string().max(10_000).optional().default(''),
  ButtonPayload: z.string().max(1000).optional(),
  ButtonText: z.string().max(1000).optional(),
  OptOutType: z.string().max(32).optional(),
  // How many pictures, voice notes or files came with it (up to 10). Only the count is taken: the
  // media URLs (MediaUrl0...) lead to the person's content and are never read, stored or logged.
  NumMedia: z.string().max(8).optional().transform((value) => (value && /^\d+$/.test(value) ? Math.min(Number(value), 100) : 0)),
  AccountSid: z.string().optional(),
});

const statusSchema = z.looseObject({
  MessageSid: z.string().min(10).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.coerce.number().int().optional(),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * An inbound webhook as a provider-neutral request: the channel from the `whatsapp:` prefix, a
 * tapped WhatsApp button's payload or text as the reply, the MessageSid as the id.
 */
export function parseInboundWebhook(body: unknown): Parsed<InboundRequest> {
  const parsed = inboundSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const params = parsed.data;
  const whatsapp = params.From.toLowerCase().startsWith('whatsapp:');
  return {
    ok: true,
    value: {
      id: params.MessageSid,
      channel: whatsapp ? 'whatsapp' : 'sms',
      from: params.From.replace(/^whatsapp:/i, ''),
      body: whatsapp ? (params.ButtonPayload ?? params.ButtonText ?? params.Body) : params.Body,
      ...(params.OptOutType ? { optOutType: params.OptOutType } : {}),
      ...(params.NumMedia > 0 ? { mediaCount: params.NumMedia } : {}),
    },
  };
}

/**
 * A status callback as a provider-neutral update: our status (null for one we do not know), and
 * what an error code means for the outbox. `messageId` is ours, from the callback URL's `m`.
 */
export function parseStatusCallback(body: unknown, messageId: string | undefined): Parsed<StatusUpdate> {
  const parsed = statusSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const errorCode = parsed.data.ErrorCode ?? null;
  return {
    ok: true,
    value: {
      ...(messageId ? { messageId } : {}),
      providerSid: parsed.data.MessageSid,
      providerStatus: parsed.data.MessageStatus,
      status: twilioMessageStatus(parsed.data.MessageStatus),
      errorCode,
      ...(errorCode !== null ? { problem: failureReason(errorCode, 400) } : {}),
    },
  };
}
