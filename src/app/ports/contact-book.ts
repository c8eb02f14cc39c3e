import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { ReplyLoopState } from '../../domain/messaging/reply-budget.js';
import type { Conversation } from './case-store.js';

/**
 * One record per number promptly knows (staff and service-users; never a stranger): who it is, may
 * we text it, the WhatsApp window, and where its conversation is. A turn reads it once. Written
 * only under the number's turn lock (TurnLocks), except when a record is first made.
 */
export interface Contact {
  phoneHash: string;
  phoneEnc: string;
  lastInboundAt: Partial<Record<Channel, Date>>;
  smsAllowed: boolean;
  /** On the suppression list; mirrored here from it, so one read answers "may we text them?". */
  suppressed: boolean;
  /** The member of staff who holds the number, if any. */
  staffId?: string;
  /** The service-user the number belongs to, if any. */
  serviceUserId?: string;
  /** What the bot is waiting for from a service-user. */
  conversation?: Conversation;
  /** The replies it got in the last hour, for the loop breaker (replyBudget). */
  replyLoop?: ReplyLoopState;
}

export interface ContactBook {
  get(phoneHash: string): Promise<Contact | null>;
  /**
   * Makes (or updates) the record of a number that now belongs to someone: staff added or removed
   * (`staffId: null`), a service-user created. A new record takes its suppression from the list.
   */
  identify(who: { phoneHash: string; phoneEnc: string; staffId?: string | null; serviceUserId?: string }): Promise<void>;
  /**
   * Writes the conversation if nobody else changed it since its `version` was read; false when they
   * did. `touch`: the inbound message the turn answered, for the WhatsApp window, in the same write;
   * `replyLoop`: the turn's count of replies (replyBudget), also in the same write.
   */
  saveConversation(conversation: Conversation, touch?: { channel: Channel; at: Date }, replyLoop?: ReplyLoopState): Promise<boolean>;
  /** The WhatsApp window for a turn that saves no conversation. */
  touchInbound(phoneHash: string, channel: Channel, at: Date): Promise<void>;
  /** A turn that saves no conversation: its count of replies, with the WhatsApp window when given, in one write. */
  saveReplyLoop(phoneHash: string, replyLoop: ReplyLoopState, touch?: { channel: Channel; at: Date }): Promise<void>;
  /** Suppressions are keyed hashes, so they outlive the erasure of the person (and hold strangers too). */
  suppress(phoneHash: string, source: string, at: Date): Promise<void>;
  unsuppress(phoneHash: string): Promise<void>;
  /** For numbers without a record (strangers); a record carries `suppressed`. */
  isSuppressed(phoneHash: string): Promise<boolean>;
}
