export interface OutboundRequest {
  to: string;
  channel: 'sms' | 'whatsapp';
  body?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

export type SendResult = { ok: true; providerSid: string; status: string } | SendFailure;

/**
 * Why a message did not go, in the outbox's terms (the transport translates its provider's codes):
 * - opted-out: the person stopped messages at the carrier or provider; suppress, never retry;
 * - outside-window: WhatsApp outside the 24-hour window; fall back to SMS where allowed;
 * - unreachable: the number cannot take messages (invalid, unknown, a landline, a handset never reached);
 * - not-on-whatsapp: the number has no WhatsApp account (SMS may still reach it);
 * - rate-limited: too fast; retry later;
 * - unavailable: the provider or the network is down or did not answer; retry;
 * - rejected / not-configured: anything else; retrying will not help.
 */
export type SendFailureReason = 'opted-out' | 'outside-window' | 'unreachable' | 'not-on-whatsapp' | 'rate-limited' | 'unavailable' | 'rejected' | 'not-configured';

export interface SendFailure {
  ok: false;
  reason: SendFailureReason;
  retryable: boolean;
  /** No answer came at all (a timeout, a dropped connection): the provider may have the message. */
  inDoubt: boolean;
  /** The provider's own code and HTTP status, kept on the message as evidence only. */
  errorCode: number | null;
  httpStatus: number | null;
  message: string;
}

/** One provider hop: never throws; failures come back as data. */
export interface MessageTransport {
  send(request: OutboundRequest): Promise<SendResult>;
  /** Evidence for crash recovery: a message the provider accepted since `since`, or null. */
  findSent(query: { to: string; channel: 'sms' | 'whatsapp'; since: Date; body?: string }): Promise<{ providerSid: string; status: string } | null>;
}
