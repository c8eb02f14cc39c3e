export interface OutboundRequest {
  to: string;
  channel: 'sms' | 'whatsapp';
  body?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

export type SendResult =
  | { ok: true; providerSid: string; status: string }
  | { ok: false; errorCode: number | null; httpStatus: number | null; message: string; retryable: boolean };

/** One provider hop: never throws; failures come back as data. */
export interface MessageTransport {
  send(request: OutboundRequest): Promise<SendResult>;
  /** Evidence for crash recovery: a message the provider accepted since `since`, or null. */
  findSent(query: { to: string; channel: 'sms' | 'whatsapp'; since: Date; body?: string }): Promise<{ providerSid: string; status: string } | null>;
}
