/**
 * The interfaces the use cases need. Adapters implement them; main.ts wires real ones, tests pass
 * real adapters or small fakes.
 */
import type { Channel, MessagePurpose } from '../domain/messaging/delivery-plan.js';
import type { MessageStatus } from '../domain/messaging/message-status.js';

/** Where "now" comes from, so schedules can run on an accelerated or fixed clock. */
export interface Clock {
  now(): Date;
  /** The real (wall-clock) instant at which this clock will read `at`: when to wake a job. */
  toReal(at: Date): Date;
}

export type JobAction = 'timepoint:open' | 'timepoint:remind' | 'timepoint:lapse' | 'consent:remind' | 'consent:lapse' | 'alert:escalate' | 'digest:daily' | 'summary:weekly';

/** Persisted jobs, one per subject (an assessment, enrolment or alert) and action: scheduling again moves it. */
export interface JobScheduler {
  schedule(action: JobAction, subjectId: string, at: Date): Promise<void>;
  cancel(action: JobAction, subjectId: string): Promise<void>;
  /**
   * Creates the job only if it does not exist yet (recurring jobs: a restart must not move an
   * overdue run), or moves it up to `at` when it waits for a later instant.
   */
  ensure(action: JobAction, subjectId: string, at: Date): Promise<void>;
  /** After the clock jumps (a demo's skip ahead, a restart under TIME_SCALE): wake every job at its instant again. */
  realign(): Promise<number>;
}

/** What a job handler decided: done, or wake me again at this instant (of the service's clock). */
export type JobOutcome = { done: true; note?: string } | { deferUntil: Date; note?: string };

/** The use case behind each kind of job. */
export type CaseJobHandlers = Record<JobAction, (subjectId: string) => Promise<JobOutcome>>;

/** Phone numbers at rest: encrypted for use, keyed-hashed for lookup. */
export interface PhoneProtector {
  hash(e164: string): string;
  encrypt(e164: string): string;
  decrypt(token: string): string;
}

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

export interface OutboundMessage {
  id: string;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  purpose: MessagePurpose;
  templateVariables?: Record<string, string>;
  replyTo?: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: Date;
  sendingSince?: Date;
  providerSid?: string;
  sentVia?: Channel;
  errorCode?: number | null;
  createdAt: Date;
}

/** An inbound message as the channel hands it over, before it is recorded. */
export interface InboundRequest {
  /** The provider's id (Twilio MessageSid): the same id twice is one message. */
  id: string;
  channel: Channel;
  from: string;
  body: string;
  optOutType?: string;
  /** When it arrived, if not now (a webhook replayed from the spool). */
  receivedAt?: Date;
}

/** A provider's delivery report for one outbound message. */
export interface StatusUpdate {
  /** Our message id, from the status callback URL's `m`. */
  messageId?: string;
  providerSid: string;
  providerStatus: string;
  errorCode: number | null;
}

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

export interface InboundMessage {
  id: string;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  optOutType?: string;
  receivedAt: Date;
  status: 'received' | 'processed' | 'failed';
  /** Turns that failed on this message so far; it is retried until inboxRetry.maxAttempts. */
  attempts?: number;
  /** Wall-clock instant before which a failed turn is not tried again (real time: it waits out a fault). */
  retryAfter?: Date;
  /** The last failure, kept for whoever looks at a message that finally failed. */
  error?: string;
}

export interface Contact {
  phoneHash: string;
  phoneEnc: string;
  lastInboundAt: Partial<Record<Channel, Date>>;
  smsAllowed: boolean;
}

/** The messages collection: the inbound log, the outbox, and each message's status timeline. */
export interface MessageLog {
  /** 'duplicate' when this provider id was already recorded (Twilio retries a webhook). */
  insertInbound(message: InboundMessage): Promise<'inserted' | 'duplicate'>;
  /** The oldest unprocessed inbound message from this number, in arrival order. */
  nextReceived(phoneHash: string): Promise<InboundMessage | null>;
  /** Done with this message. `redactedBody` replaces what was stored (a staff command's number and label). */
  markProcessed(id: string, at: Date, options?: { redactedBody?: string }): Promise<void>;
  /**
   * A turn on this message failed: with `retryAfter` it stays received and is tried again after that
   * wall-clock instant; without, it is kept as 'failed' with the error, never dropped.
   */
  markTurnFailed(id: string, update: { at: Date; attempts: number; error: string; retryAfter?: Date }): Promise<void>;
  /**
   * Numbers with an inbound message waiting: received before `receivedBefore` (a crashed or
   * interrupted turn), or a failed turn whose retryAfter has passed `now` (wall clock).
   */
  phonesWithUnprocessed(receivedBefore: Date, now: Date): Promise<string[]>;

  /** 'duplicate' when a message with this id exists: a replayed turn asking for a message it already recorded. */
  insertOutbound(message: OutboundMessage): Promise<'inserted' | 'duplicate'>;
  getOutbound(id: string): Promise<OutboundMessage | null>;
  /**
   * Claims the next send attempt of a due pending message; null if another process has it or it is
   * done. A claim left half-made by a crash (its marker older than `staleClaimBefore`, wall clock,
   * and the message never updated) is turned into the "sending" state the recovery rule settles.
   */
  claim(id: string, now: Date, options?: { staleClaimBefore?: Date }): Promise<OutboundMessage | null>;
  markSent(id: string, update: { providerSid: string; via: Channel; at: Date; recovered?: boolean; fallbackReason?: string }): Promise<void>;
  markRetry(id: string, update: { nextAttemptAt: Date; errorCode: number | null; error: string; at: Date }): Promise<void>;
  markFinal(id: string, update: { status: 'failed' | 'refused'; errorCode: number | null; error: string; at: Date }): Promise<void>;
  recordProviderStatus(id: string, update: { status: MessageStatus; providerStatus: string; providerSid?: string; errorCode: number | null; at: Date }): Promise<void>;
  outboundIdBySid(providerSid: string): Promise<string | null>;
  /** Every status change of a message, oldest first (outbox steps and provider callbacks). */
  timeline(id: string): Promise<Array<{ status: string; source: string; at: Date }>>;
  dueOutbound(now: Date, limit: number): Promise<string[]>;
  stuckSending(before: Date): Promise<OutboundMessage[]>;
}

/** Per-number facts: the last inbound time per channel (WhatsApp's window) and the opt-out list. */
export interface ContactBook {
  touchInbound(contact: { phoneHash: string; phoneEnc: string; channel: Channel; at: Date }): Promise<void>;
  get(phoneHash: string): Promise<Contact | null>;
  /** Suppressions are keyed hashes, so they outlive the erasure of the person. */
  suppress(phoneHash: string, source: string, at: Date): Promise<void>;
  unsuppress(phoneHash: string): Promise<void>;
  isSuppressed(phoneHash: string): Promise<boolean>;
}

/** One turn at a time per number, across every server process. */
export interface TurnLocks {
  acquire(phoneHash: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
  release(phoneHash: string, owner: string): Promise<void>;
}

