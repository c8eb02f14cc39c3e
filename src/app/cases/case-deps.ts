import type { MessagePurpose, Channel } from '../../domain/messaging/delivery-plan.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import type { Logger } from '../../logger.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { CaseStore } from '../ports/case-store.js';
import type { ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory.js';
import type { Clock } from '../ports/clock.js';
import type { Contact, ContactBook } from '../ports/contact-book.js';
import type { JobScheduler } from '../ports/job-scheduler.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import type { TurnLocks } from '../ports/turn-locks.js';

/** What the conversation use cases need: the case record, the directories, and a way to send. */
export interface CaseDeps {
  cases: CaseStore;
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  contacts: ContactBook;
  phones: PhoneProtector;
  measures: MeasureCatalogue;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Follow-ups, reminders, lapses and escalations as persisted jobs. */
  jobs: JobScheduler;
  /** The per-number turn lock, so jobs and replies never interleave. */
  locks: TurnLocks;
  org: { name: string; timezone: string; signposting?: string };
  /** The loop breaker's limit: replies per number per rolling hour (MAX_REPLIES_PER_HOUR; default 10). */
  maxRepliesPerHour?: number;
  /**
   * Records a message in the outbox and sends it when due. With an `id`, asking again for a message
   * already recorded (a replayed turn) records nothing new.
   */
  send(message: OutgoingText): Promise<string>;
  /** Several texts in order, recorded and settled in one write each (see sendMessages). */
  sendMany(messages: OutgoingText[]): Promise<string[]>;
}

export interface OutgoingText {
  id?: string;
  /** The recipient's contact record when the caller has just read it (a turn): saves a read. */
  contact?: Contact;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  purpose: MessagePurpose;
  notBefore?: Date;
  replyTo?: string;
  /** For a WhatsApp template, should the text go outside the 24-hour window (whatsappTemplateVariables). */
  templateVariables?: Record<string, string>;
}

/**
 * Staff hear from the bot by SMS: it is the channel every staff phone has. With an `id` (a job's
 * key and the recipient), a job run twice, or by two processes at once, texts them once.
 */
export async function tellStaff(
  deps: Pick<CaseDeps, 'send'>, member: StaffMember, body: string, purpose: MessagePurpose = 'notice', id?: string,
  options: { contact?: Contact; notBefore?: Date } = {},
): Promise<void> {
  await deps.send({ channel: 'sms', phoneHash: member.phoneHash, phoneEnc: member.phoneEnc, body, purpose, ...(id ? { id } : {}), ...options });
}

/** The managers, for urgent alerts and summaries. */
export async function managersOf(deps: Pick<CaseDeps, 'staff'>): Promise<StaffMember[]> {
  return deps.staff.list({ role: 'manager' });
}
