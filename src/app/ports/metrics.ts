import type { SendFailureReason } from './message-transport.js';

/** Why a Twilio webhook was refused (the answer it got: 400, 403, 413 or 503). */
export type WebhookRejection = 'missing-signature' | 'bad-signature' | 'malformed' | 'too-large' | 'unavailable';

/**
 * What the service counts for operators (GET /metrics). Recorded where the work happens, through
 * this port only; `noMetrics` when metrics are off (no METRICS_TOKEN), so callers never ask.
 */
export interface Metrics {
  /** A turn (one inbound message handled), how long it took and whether it failed. */
  turn(outcome: 'handled' | 'failed', seconds: number): void;
  /** A send attempt at the provider: sent, or the outbox's reason for the failure. */
  send(channel: 'sms' | 'whatsapp', outcome: 'sent' | SendFailureReason): void;
  webhookRejected(reason: WebhookRejection): void;
  /** A database command that failed, or a heartbeat the database did not answer. */
  databaseError(kind: 'command' | 'heartbeat'): void;
}

export const noMetrics: Metrics = {
  turn: () => {},
  send: () => {},
  webhookRejected: () => {},
  databaseError: () => {},
};
