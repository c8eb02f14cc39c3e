import type { AuditEntry } from './audit-log.js';
import type { Assessment, Conversation, Enrolment, SafeguardingAlert, ServiceUser } from './case-store.js';

/** One message in or out of a person's number, as a subject access request shows it. */
export interface HeldMessage {
  id: string;
  direction: 'in' | 'out';
  channel: string;
  /** Null once blanked (retention) or erased. */
  body: string | null;
  purpose?: string;
  status: string;
  at: Date;
  /** The outbox's steps and the provider's delivery reports, oldest first. */
  events: Array<{ status: string; source: string; at: Date }>;
}

/** Everything stored about one person, read by their id and their number's keyed hash. */
export interface PersonHoldings {
  serviceUser: ServiceUser;
  enrolments: Enrolment[];
  assessments: Assessment[];
  alerts: SafeguardingAlert[];
  messages: HeldMessage[];
  audit: AuditEntry[];
  /** The conversation on the number's record (answers in progress), if any. */
  conversation: Conversation | null;
  suppressed: boolean;
}

/** What an erasure changed, by kind: counts only, so they can go in the audit log and the logs. */
export interface ErasureCounts {
  messages: number;
  assessments: number;
  dueItems: number;
  enrolments: number;
}

/**
 * The privacy operations over every collection that holds something about a person: subject
 * access, erasure and retention. They cut across the aggregates on purpose (an erasure must reach
 * every copy of a text), so they live in one adapter that knows where each copy is.
 */
export interface PrivacyStore {
  holdings(person: ServiceUser): Promise<PersonHoldings>;
  /**
   * Removes the number (ciphertext and lookup hash, but not the suppression list), the label,
   * every message text and raw answer text, the number's record (so the number is a stranger's
   * from now on), the person's due work, and texts not yet sent. Scores stay unless `removeScores`.
   * Idempotent. Run it holding the number's turn lock.
   */
  erase(person: ServiceUser, options: { removeScores: boolean; at: Date }): Promise<ErasureCounts>;
  /** Blanks up to `limit` message texts (in, out, archived) recorded before `before`; returns how many (dry run: would). */
  blankMessagesBefore(before: Date, limit: number, dryRun: boolean): Promise<number>;
  /** Numbers whose record still holds a committed turn (its texts) from before `before`: up to `limit`, or (count) how many. */
  numbersWithTurnsBefore(before: Date, limit: number): Promise<string[]>;
  countTurnsBefore(before: Date): Promise<number>;
  /** Drops that turn from the number's record (it was finished long ago); run it holding the number's turn lock. */
  dropTurnBefore(phoneHash: string, before: Date): Promise<boolean>;
  /** People not yet erased, with no live enrolment, whose enrolments all closed before `before` (at most `limit`). */
  closedPeopleBefore(before: Date, limit: number): Promise<ServiceUser[]>;
  /** Deletes up to `limit` strangers' once-a-day reply markers from before `before`; returns how many (dry run: would). */
  forgetStrangersBefore(before: Date, limit: number, dryRun: boolean): Promise<number>;
}
