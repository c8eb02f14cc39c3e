import type { InboundRequest, StatusUpdate } from './message-log.js';

/** A webhook kept on local disk while the database could not take it; `at` is when it arrived (ISO 8601). */
export type SpooledWebhook =
  | { kind: 'inbound'; at: string; request: Omit<InboundRequest, 'receivedAt'> }
  | { kind: 'status'; at: string; update: StatusUpdate };

/** Local, durable, in arrival order: see adapters/spool/file-spool.ts. */
export interface WebhookSpool {
  /** Returns once the webhook is on disk (fsynced): only then may the provider be answered. */
  append(entry: SpooledWebhook): Promise<void>;
  /** Nothing waiting to be replayed (by this process, or left by one that stopped). */
  isEmpty(): boolean;
  /** Hands every waiting webhook to `handle`, oldest first; stops at the first that throws (it stays spooled). */
  replay(handle: (entry: SpooledWebhook) => Promise<void>): Promise<{ replayed: number }>;
}
