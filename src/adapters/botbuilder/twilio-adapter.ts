import { z } from 'zod';
import type { InboundRequest } from '../../app/ports/message-log.js';
import { MessagingAdapter } from './messaging-adapter.js';

/**
 * Twilio's inbound webhook parameters, validated loosely: Twilio adds fields over time, and a
 * message with no Body (a picture, a sticker) is still a message.
 */
export const twilioInboundSchema = z.looseObject({
  MessageSid: z.string().regex(/^(SM|MM|SM[a-z0-9]*)[0-9a-fA-F]{32}$/, 'is not a Twilio message id'),
  From: z.string().min(3).max(64),
  To: z.string().max(64).optional(),
  Body: z.string().max(10_000).optional().default(''),
  ButtonPayload: z.string().max(1000).optional(),
  ButtonText: z.string().max(1000).optional(),
  OptOutType: z.string().max(32).optional(),
  AccountSid: z.string().optional(),
});

export type TwilioInbound = z.infer<typeof twilioInboundSchema>;

/**
 * The Bot Framework adapter for Twilio SMS and WhatsApp. A webhook becomes an inbound request
 * (channel from the `whatsapp:` prefix; a tapped WhatsApp button's payload or text is the reply;
 * the activity id is the MessageSid); replies go through the outbox to Twilio's REST API.
 */
export class TwilioAdapter extends MessagingAdapter {
  static inboundFromWebhook(params: TwilioInbound): InboundRequest {
    const whatsapp = params.From.toLowerCase().startsWith('whatsapp:');
    const body = whatsapp ? (params.ButtonPayload ?? params.ButtonText ?? params.Body) : params.Body;
    return {
      id: params.MessageSid,
      channel: whatsapp ? 'whatsapp' : 'sms',
      from: params.From.replace(/^whatsapp:/i, ''),
      body,
      ...(params.OptOutType ? { optOutType: params.OptOutType } : {}),
    };
  }
}
