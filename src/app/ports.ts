/**
 * The interfaces the use cases need. Adapters implement them; main.ts wires real ones, tests pass
 * real adapters or small fakes.
 */
import type { Channel, MessagePurpose } from '../domain/messaging/delivery-plan.js';
import type { MessageStatus } from '../domain/messaging/message-status.js';
import type { TimepointPlan } from '../domain/schedule/timepoint-plan.js';
import type { QuestionnaireState } from '../domain/conversation/questionnaire-state.js';
import type { EnrolmentStatus } from '../domain/enrolment.js';
import type { ScoreResult } from '../domain/measures/score-measure.js';

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
  /** Creates the job only if it does not exist yet (recurring jobs: a restart must not move an overdue run). */
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

export interface InboundMessage {
  id: string;
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
  body: string;
  optOutType?: string;
  receivedAt: Date;
  status: 'received' | 'processed' | 'failed';
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
  /** Done with this message; with an error it is kept as 'failed' for a person to look at, never dropped. */
  markProcessed(id: string, at: Date, error?: string): Promise<void>;
  /** Numbers with an inbound message still unprocessed since before `before` (a crashed turn). */
  phonesWithUnprocessed(before: Date): Promise<string[]>;

  insertOutbound(message: OutboundMessage): Promise<void>;
  getOutbound(id: string): Promise<OutboundMessage | null>;
  /** Claims the next send attempt of a due pending message; null if another process has it or it is done. */
  claim(id: string, now: Date): Promise<OutboundMessage | null>;
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

export type StaffRole = 'worker' | 'manager' | 'admin';

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  team: string;
  phoneHash: string;
  phoneEnc: string;
  createdAt: Date;
}

/** Staff who may text the bot; a removed member keeps their history but loses their number. */
export interface StaffDirectory {
  add(member: StaffMember): Promise<'added' | 'duplicate-phone'>;
  findByPhoneHash(phoneHash: string): Promise<StaffMember | null>;
  get(id: string): Promise<StaffMember | null>;
  list(filter?: { role?: StaffRole; team?: string }): Promise<StaffMember[]>;
  remove(id: string, at: Date): Promise<boolean>;
}

export interface Programme {
  id: string;
  /** Lower-case, hyphenated name: what a worker types after ENROL. */
  slug: string;
  name: string;
  measureId: string;
  /** Follow-up offsets and windows, as parsed by src/domain/schedule (parseTimepointPlan). */
  plan: TimepointPlan;
  isDefault: boolean;
  /** Off by default: a short, non-diagnostic "your score went from 18 to 23" after a follow-up. */
  progressMessages: boolean;
  createdAt: Date;
}

export interface ProgrammeCatalogue {
  add(programme: Programme): Promise<'added' | 'duplicate-slug'>;
  /** By slug or name, any case. */
  find(nameOrSlug: string): Promise<Programme | null>;
  get(id: string): Promise<Programme | null>;
  getDefault(): Promise<Programme | null>;
  list(): Promise<Programme[]>;
}

/** Once-only markers (a digest per worker per day, a summary per week): true the first time a key is claimed. */
export interface OnceLog {
  claim(key: string, at: Date): Promise<boolean>;
}

/** Append-only: entries are inserted, never updated or deleted. No phone numbers or health answers. */
export interface AuditLog {
  record(entry: { actor: string; action: string; subject?: string; at: Date; details?: Record<string, unknown> }): Promise<void>;
}

export interface ServiceUser {
  id: string;
  /** Pseudonymous reference staff use, e.g. SU-0042. */
  reference: string;
  phoneHash: string;
  phoneEnc: string;
  /** The worker's name or note for the person, encrypted like the phone number. */
  labelEnc?: string;
  createdAt: Date;
}

export interface Enrolment {
  id: string;
  serviceUserId: string;
  reference: string;
  workerId: string;
  programmeId: string;
  channel: Channel;
  status: EnrolmentStatus;
  consent?: { decision: 'yes' | 'no'; version: string; at: Date; channel: Channel | 'in-person' };
  consentRemindersSent?: number;
  createdAt: Date;
  updatedAt: Date;
}

export type AssessmentKind = 'baseline' | 'follow-up' | 'discharge';
export type AssessmentStatus = 'scheduled' | 'open' | 'in-progress' | 'completed' | 'lapsed' | 'cancelled';

export interface Assessment {
  id: string;
  enrolmentId: string;
  serviceUserId: string;
  workerId: string;
  programmeId: string;
  measureId: string;
  kind: AssessmentKind;
  /** 'baseline', a follow-up's id from the plan (e.g. '6w'), or 'discharge'. */
  timepointId: string;
  status: AssessmentStatus;
  dueAt: Date;
  opensAt: Date;
  closesAt: Date;
  /** When the invitation went (the scheduler opened it); reminders count from here. */
  openedAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
  late?: boolean;
  lapsedAt?: Date;
  remindersSent?: number;
  answers: Record<string, { raw: string; value: number | null; at: Date; attempts: number }>;
  score?: ScoreResult;
}

/** One per phone number of a service-user: what the bot is waiting for from them. */
export interface Conversation {
  phoneHash: string;
  serviceUserId: string;
  enrolmentId: string;
  awaiting: 'consent' | 'questionnaire' | 'nothing';
  questionnaire?: QuestionnaireState;
  version: number;
}

export interface SafeguardingAlert {
  escalatedAt?: Date;
  id: string;
  enrolmentId: string;
  serviceUserId: string;
  reference: string;
  workerId: string;
  assessmentId: string;
  itemId: string;
  openedAt: Date;
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
}

/** Service-users, enrolments, assessments, conversations and alerts: the case record. */
export interface CaseStore {
  /** Creates the person with the next free SU reference, or returns the one already holding this number. */
  serviceUserFor(input: { phoneHash: string; phoneEnc: string; labelEnc?: string; at: Date }): Promise<ServiceUser>;
  serviceUserByPhoneHash(phoneHash: string): Promise<ServiceUser | null>;
  serviceUserByReference(reference: string): Promise<ServiceUser | null>;
  /** The person's current enrolment (pending consent, active or paused), if any. */
  liveEnrolment(serviceUserId: string): Promise<Enrolment | null>;
  /** Starts an enrolment unless the person already has a live one (then returns that one as `existing`). */
  startEnrolment(enrolment: Enrolment): Promise<{ started: true } | { started: false; existing: Enrolment }>;
  updateEnrolment(id: string, update: Partial<Pick<Enrolment, 'status' | 'consent' | 'consentRemindersSent'>>, at: Date): Promise<void>;
  enrolment(id: string): Promise<Enrolment | null>;
  enrolmentsOfWorker(workerId: string): Promise<Enrolment[]>;
  enrolmentsOf(serviceUserId: string): Promise<Enrolment[]>;

  addAssessment(assessment: Assessment): Promise<'added' | 'duplicate'>;
  assessment(id: string): Promise<Assessment | null>;
  assessmentsOf(enrolmentId: string): Promise<Assessment[]>;
  updateAssessment(id: string, update: Partial<Omit<Assessment, 'id' | 'answers'>>): Promise<void>;
  recordAnswer(assessmentId: string, itemId: string, answer: Assessment['answers'][string]): Promise<void>;

  conversation(phoneHash: string): Promise<Conversation | null>;
  /** Writes the conversation if nobody else changed it since `version` was read; false when they did. */
  saveConversation(conversation: Conversation): Promise<boolean>;

  openAlert(alert: SafeguardingAlert): Promise<void>;
  openAlerts(filter: { serviceUserId?: string; workerId?: string }): Promise<SafeguardingAlert[]>;
  acknowledgeAlerts(serviceUserId: string, by: string, at: Date): Promise<number>;
  alert(id: string): Promise<SafeguardingAlert | null>;
  markAlertEscalated(id: string, at: Date): Promise<void>;
}

/** API tokens for staff: only a hash is stored; the token itself is shown once when issued. */
export interface ApiTokens {
  issue(staffId: string, at: Date): Promise<string>;
  /** The staff id a presented token belongs to, or null. */
  resolve(token: string): Promise<string | null>;
}
