import { hasTemplateVariables } from './whatsapp-template-variables.js';

export type Channel = 'sms' | 'whatsapp' | 'simulator';
export type MessagePurpose = 'reply' | 'opt-out-confirmation' | 'consent' | 'invitation' | 'reminder' | 'alert' | 'digest' | 'summary' | 'notice';

export interface TemplateRef {
  contentSid: string;
  variables: Record<string, string>;
}

export type DeliveryPlan =
  | { kind: 'send'; channel: Channel; body: string }
  | { kind: 'template'; channel: 'whatsapp'; template: TemplateRef }
  | { kind: 'fallback-sms'; body: string; reason: string }
  | { kind: 'impossible'; reason: string };

export const whatsappWindowMs = 24 * 60 * 60 * 1000;

/**
 * How to deliver one message. WhatsApp only carries free-form text within 24 hours of the person's
 * last message; outside it, a business-initiated message needs an approved template, or goes by
 * SMS where the person allows SMS. Replies are inside the window by definition.
 */
export function planDelivery(input: {
  channel: Channel;
  body: string;
  purpose: MessagePurpose;
  lastInboundAt?: Date;
  smsAllowed: boolean;
  templates: Partial<Record<MessagePurpose, string>>;
  templateVariables?: Record<string, string>;
  now: Date;
}): DeliveryPlan {
  if (input.channel !== 'whatsapp') return { kind: 'send', channel: input.channel, body: input.body };
  const insideWindow = input.lastInboundAt !== undefined && input.now.getTime() - input.lastInboundAt.getTime() < whatsappWindowMs;
  if (insideWindow || input.purpose === 'reply') return { kind: 'send', channel: 'whatsapp', body: input.body };
  const contentSid = input.templates[input.purpose];
  // A template with its variables missing is refused by WhatsApp: SMS, saying why, rather than that.
  if (contentSid && hasTemplateVariables(input.templateVariables)) return { kind: 'template', channel: 'whatsapp', template: { contentSid, variables: input.templateVariables } };
  if (contentSid) return whatsappFallback(input.smsAllowed, input.body, `no variables for the WhatsApp ${input.purpose} template outside the 24-hour window`);
  return whatsappFallback(input.smsAllowed, input.body, `no WhatsApp template for ${input.purpose} outside the 24-hour window`);
}

/** The SMS fallback, used by planDelivery and when WhatsApp refuses a message outside its window. */
export function whatsappFallback(smsAllowed: boolean, body: string, reason: string): DeliveryPlan {
  return smsAllowed
    ? { kind: 'fallback-sms', body, reason }
    : { kind: 'impossible', reason: `${reason}, and this person has not agreed to SMS` };
}
