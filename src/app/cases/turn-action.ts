import type { MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import type { AuditEntry } from '../ports/audit-log.js';
import type { Assessment, Enrolment } from '../ports/case-store.js';
import type { JobAction } from '../ports/job-scheduler.js';

/**
 * What a turn decided to do, as data. A turn reads, decides, then saves its actions in the same
 * write as the conversation's new state (the commit); only then are they performed. Every action
 * is idempotent, and the messages and audit entries a turn creates have ids made from the turn's
 * key, so performing the list again after a crash does each thing once.
 */
export type TurnAction =
  /** A text to the person whose conversation this is. */
  | { type: 'send'; text: string; purpose: MessagePurpose; /** See OutgoingText. */ templateVariables?: Record<string, string> }
  | { type: 'update-assessment'; assessmentId: string; update: Partial<Omit<Assessment, 'id'>> }
  /** A new timepoint (the baseline at consent, follow-ups after the baseline) and the jobs that go with it. */
  | { type: 'add-assessment'; assessment: Assessment; jobs: Array<{ action: JobAction; at: Date }> }
  | { type: 'schedule'; action: JobAction; subjectId: string; at: Date }
  | { type: 'update-enrolment'; enrolmentId: string; update: Partial<Pick<Enrolment, 'status' | 'consent' | 'consentRemindersSent' | 'optedOut'>> }
  /** START after the person's STOP: the enrolment is live again (CaseStore.reinstateEnrolment). */
  | { type: 'reinstate-enrolment'; enrolmentId: string; serviceUserId: string; status: Enrolment['status'] }
  /** A safeguarding alert: opened once per assessment and item while open, escalated, staff told at once. */
  | { type: 'raise-alert'; assessmentId: string; measureId: string; itemId: string }
  | { type: 'tell-worker'; text: string; purpose: 'notice' | 'alert' }
  | { type: 'audit'; entry: Omit<AuditEntry, 'id' | 'at'> };
