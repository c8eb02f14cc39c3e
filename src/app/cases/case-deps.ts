import type { MessagePurpose, Channel } from '../../domain/messaging/delivery-plan.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import type { Logger } from '../../logger.js';
import type { AuditLog, CaseStore, ProgrammeCatalogue, StaffDirectory, StaffMember } from '../case-ports.js';
import type { Clock, ContactBook, JobScheduler, PhoneProtector, TurnLocks } from '../ports.js';

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
  /**
   * Records a message in the outbox and sends it when due. With an `id`, asking again for a message
   * already recorded (a replayed turn) records nothing new.
   */
  send(message: OutgoingText): Promise<string>;
}

export interface OutgoingText {
  id?: string;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  purpose: MessagePurpose;
  notBefore?: Date;
  replyTo?: string;
}

/** Staff hear from the bot by SMS: it is the channel every staff phone has. */
export async function tellStaff(deps: CaseDeps, member: StaffMember, body: string, purpose: MessagePurpose = 'notice'): Promise<void> {
  await deps.send({ channel: 'sms', phoneHash: member.phoneHash, phoneEnc: member.phoneEnc, body, purpose });
}

/** The managers, for urgent alerts and summaries. */
export async function managersOf(deps: CaseDeps): Promise<StaffMember[]> {
  return deps.staff.list({ role: 'manager' });
}
