import { MessagingAdapter } from './messaging-adapter.js';

/**
 * The Bot Framework adapter for Twilio SMS and WhatsApp messages: the webhook's parsing lives in
 * adapters/twilio (parse-twilio-webhooks.ts); here a recorded message becomes a turn.
 */
export class TwilioAdapter extends MessagingAdapter {}
