import type { Channel, MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import type { MessageStatus } from '../../domain/messaging/message-status.js';
import type { SendFailureReason } from './message-transport.js';

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
  /** A message sent again on another channel (SMS after WhatsApp refused it): the one it replaces, and why. */
  fallbackOf?: string;
  fallbackReason?: string;
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
  /** How many attachments (pictures, voice notes) came with it; absent when none. Never where they are. */
  mediaCount?: number;
  /** When it arrived, if not now (a webhook replayed from the spool). */
  receivedAt?: Date;
}

/** A provider's delivery report for one outbound message, in our terms (the adapter translates). */
export interface StatusUpdate {
  /** Our message id, from the status callback URL's `m`. */
  messageId?: string;
  providerSid: string;
  /** The provider's own word for it, kept in the timeline. */
  providerStatus: string;
  /** Ours; null when the provider sent a status we do not know. */
  status: MessageStatus | null;
  /** The provider's error code, kept as evidence only. */
  errorCode: number | null;
  /**
   * What the error means, when there is one (the adapter translates its provider's codes), and so
   * what the outbox does: opted-out suppresses the number, outside-window sends it again by SMS,
   * rate-limited sends it again later, unreachable counts towards "this number looks wrong".
   */
  problem?: SendFailureReason;
}

export interface InboundMessage {
  id: string;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  optOutType?: string;
  /** See InboundRequest: the count only. */
  mediaCount?: number;
  receivedAt: Date;
  status: 'received' | 'processed' | 'failed';
  /** Turns that failed on this message so far; it is retried until inboxRetry.maxAttempts. */
  attempts?: number;
  /** Wall-clock instant before which a failed turn is not tried again (real time: it waits out a fault). */
  retryAfter?: Date;
  /** The last failure, kept for whoever looks at a message that finally failed. */
  error?: string;
}

/** The messages collection: the inbound log, the outbox, and each message's status timeline. */
export interface MessageLog {
  /** 'duplicate' when this provider id was already recorded (Twilio retries a webhook). */
  insertInbound(message: InboundMessage): Promise<'inserted' | 'duplicate'>;
  /** The oldest unprocessed inbound message from this number, in arrival order. */
  nextReceived(phoneHash: string): Promise<InboundMessage | null>;
  /** Every unprocessed inbound message from this number, oldest first (a bounded number of them). */
  waiting(phoneHash: string, limit?: number): Promise<InboundMessage[]>;
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
  /** Several at once (one write), each 'inserted' or 'duplicate', in order. */
  insertOutboundMany(messages: OutboundMessage[]): Promise<Array<'inserted' | 'duplicate'>>;
  /** What became of attempts this process holds, in one write. */
  settle(outcomes: OutboxOutcome[]): Promise<void>;
  getOutbound(id: string): Promise<OutboundMessage | null>;
  /**
   * Claims the next send attempt of a due pending message; null if another process has it or it is
   * done. A claim left half-made by a crash (its marker older than `staleClaimBefore`, wall clock,
   * and the message never updated) is turned into the "sending" state the recovery rule settles.
   */
  claim(id: string, now: Date, options?: { staleClaimBefore?: Date }): Promise<OutboundMessage | null>;
  markSent(id: string, update: { providerSid: string; via: Channel; at: Date; recovered?: boolean; fallbackReason?: string }): Promise<void>;
  /**
   * Back to pending, to be tried again at nextAttemptAt. `supersedes`: the provider id of an attempt
   * the provider accepted and then failed (a callback): its reports no longer speak for the message.
   */
  markRetry(id: string, update: { nextAttemptAt: Date; errorCode: number | null; error: string; at: Date; supersedes?: string }): Promise<void>;
  markFinal(id: string, update: { status: 'failed' | 'refused'; errorCode: number | null; error: string; at: Date }): Promise<void>;
  recordProviderStatus(id: string, update: { status: MessageStatus; providerStatus: string; providerSid?: string; errorCode: number | null; at: Date }): Promise<void>;
  outboundIdBySid(providerSid: string): Promise<string | null>;
  /** Every status change of a message, oldest first (outbox steps and provider callbacks). */
  timeline(id: string): Promise<Array<{ status: string; source: string; at: Date }>>;
  dueOutbound(now: Date, limit: number): Promise<string[]>;
  /**
   * Moves up to `limit` settled messages (processed, failed, sent, refused) recorded before
   * `before` (wall clock) from the working set to the archive; returns how many. Lookups by id
   * find them in either.
   */
  archiveSettled(before: Date, limit: number): Promise<number>;
  stuckSending(before: Date): Promise<OutboundMessage[]>;
}

/** What became of one send attempt, as the outbox records it. */
export type OutboxOutcome =
  | { id: string; kind: 'sent'; providerSid: string; via: Channel; at: Date; recovered?: boolean; fallbackReason?: string }
  | { id: string; kind: 'retry'; nextAttemptAt: Date; errorCode: number | null; error: string; at: Date; supersedes?: string }
  | { id: string; kind: 'final'; status: 'failed' | 'refused'; errorCode: number | null; error: string; at: Date };
