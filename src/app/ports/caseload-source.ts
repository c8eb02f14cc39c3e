import type { Assessment, Enrolment } from './case-store.js';

export type CaseloadEnrolment = Pick<Enrolment, 'id' | 'serviceUserId' | 'reference' | 'workerId' | 'programmeId' | 'status' | 'phoneHash' | 'createdAt'>;
export type CaseloadTimepoint = Pick<Assessment, 'enrolmentId' | 'timepointId' | 'status' | 'dueAt' | 'closesAt'>;

/**
 * The caseload page's reads: a few lean, projected queries whatever the caseload's size (2,000
 * people is four reads, not 2,000), rather than the case store's per-person reads.
 */
export interface CaseloadSource {
  /** Live enrolments (pending consent, no reply to consent, active, paused), of one worker or all. */
  liveEnrolments(filter: { workerId?: string }): Promise<CaseloadEnrolment[]>;
  /** Timepoints still to come or under way (scheduled, open, in progress) of those enrolments. */
  timepointsToCome(filter: { workerId?: string }): Promise<CaseloadTimepoint[]>;
  /** Encrypted labels by service-user id. */
  labels(serviceUserIds: readonly string[]): Promise<Map<string, string>>;
  /** The last inbound message instant by phone hash (any channel). */
  lastReplies(phoneHashes: readonly string[]): Promise<Map<string, Date>>;
}
