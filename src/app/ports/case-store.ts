import type { EnrolmentStatus } from '../../domain/cases/enrolment.js';
import type { QuestionnaireState } from '../../domain/conversation/questionnaire-state.js';
import type { ScoreResult } from '../../domain/measures/score-measure.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { TurnAction } from '../cases/turn-action.js';
import type { ReportSource } from './report-source.js';

export interface ServiceUser {
  id: string;
  /** Pseudonymous reference staff use, e.g. SU-0042. */
  reference: string;
  phoneHash: string;
  phoneEnc: string;
  /** The worker's name or note for the person, encrypted like the phone number. */
  labelEnc?: string;
  createdAt: Date;
  /** Set by an erasure: phoneHash is then a placeholder, phoneEnc empty and the label gone. */
  erasedAt?: Date;
}

export interface Enrolment {
  id: string;
  serviceUserId: string;
  reference: string;
  workerId: string;
  programmeId: string;
  channel: Channel;
  status: EnrolmentStatus;
  /** The person's number's keyed hash, so jobs find their contact record without reading the person. */
  phoneHash?: string;
  consent?: { decision: 'yes' | 'no'; version: string; at: Date; channel: Channel | 'in-person' };
  consentRemindersSent?: number;
  /**
   * Set when the person's own STOP ended the enrolment (the status it ended from), so their START
   * can bring it back; cleared (null) when it does. A worker's WITHDRAW never sets it.
   */
  optedOut?: { at: Date; from: EnrolmentStatus } | null;
  /** The programme's plan version at enrolment (absent: 1, from before programmes had versions). */
  planVersion?: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the person was erased: the enrolment stays (for the figures) without their number. */
  erasedAt?: Date;
}

export type AssessmentKind = 'baseline' | 'follow-up' | 'discharge';
export type AssessmentStatus = 'scheduled' | 'open' | 'in-progress' | 'completed' | 'lapsed' | 'cancelled';

export interface Assessment {
  id: string;
  enrolmentId: string;
  serviceUserId: string;
  workerId: string;
  programmeId: string;
  /** The measure asked; with several, the question set's id ("ons4+coping-and-support"). */
  measureId: string;
  /** The measures asked, in order, when there are several (absent: just measureId). */
  measureIds?: string[];
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
  /** By question: the item id, or with several measures "<measure>:<item>" of the item's first place. */
  answers: Record<string, { raw: string; value: number | null; at: Date; attempts: number }>;
  /** One measure: its score. */
  score?: ScoreResult;
  /** Several measures: each one's answers by its own item ids (a shared answer under each) and score. */
  measureAnswers?: Record<string, Record<string, number | null>>;
  scores?: Record<string, ScoreResult>;
}

/**
 * One per phone number of a service-user, on the number's contact record: what the bot is waiting
 * for from them. While a questionnaire is open it is the source of truth for its answers (they go
 * to the assessment when it completes, stops or lapses), and it carries what a turn needs of the
 * enrolment and the assessment, so an answer is handled with one read.
 */
export interface Conversation {
  phoneHash: string;
  serviceUserId: string;
  enrolmentId: string;
  awaiting: 'consent' | 'questionnaire' | 'nothing';
  questionnaire?: QuestionnaireState;
  /** The enrolment as the turn needs it (who to tell, which programme); kept when it changes. */
  enrolment?: EnrolmentSnapshot;
  /** The assessment the questionnaire answers (its window, kind, measure), as it was opened. */
  assessment?: Omit<Assessment, 'answers'>;
  /** Worked out when the questionnaire opened: for the thank-you and an optional progress line. */
  context?: { nextCheckIn?: Date; previousScore?: number };
  /** Kept as questionnaires complete, so the next one's context needs no reading of past assessments. */
  history?: { baselineCompletedAt?: Date; lastScore?: number };
  /**
   * The turn that produced this state and what it must do, saved in the same write as the state:
   * a turn replayed after a crash finds its own key here and redoes only the (idempotent) actions.
   */
  lastTurn?: CommittedTurn;
  /** Keys of the latest turns applied to this conversation (newest last, a few kept). */
  recentTurns?: string[];
  version: number;
}

export type EnrolmentSnapshot = Pick<Enrolment, 'id' | 'serviceUserId' | 'reference' | 'workerId' | 'programmeId' | 'channel' | 'status' | 'planVersion'>;

export interface CommittedTurn {
  /** The inbound message id, or the job's key (e.g. timepoint:open:<assessment>). */
  key: string;
  at: Date;
  /** Where the turn's texts go (the number encrypted, as everywhere at rest). */
  to: { channel: Channel; phoneHash: string; phoneEnc: string };
  replyTo?: string;
  actions: TurnAction[];
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

/**
 * Service-users, enrolments, assessments and alerts: the case record (conversations live on
 * contacts). It also answers the reports' reads (ReportSource, over the same collections), so a
 * staff text (STATUS, REPORT) counts exactly as the weekly report does without a dependency of its own.
 */
export interface CaseStore extends ReportSource {
  /** Creates the person with the next free SU reference, or returns the one already holding this number. */
  serviceUserFor(input: { phoneHash: string; phoneEnc: string; labelEnc?: string; at: Date }): Promise<ServiceUser>;
  serviceUserByPhoneHash(phoneHash: string): Promise<ServiceUser | null>;
  serviceUserByReference(reference: string): Promise<ServiceUser | null>;
  /** The person's current enrolment (pending consent, active or paused), if any. */
  liveEnrolment(serviceUserId: string): Promise<Enrolment | null>;
  /** Starts an enrolment unless the person already has a live one (then returns that one as `existing`). */
  startEnrolment(enrolment: Enrolment): Promise<{ started: true } | { started: false; existing: Enrolment }>;
  updateEnrolment(id: string, update: Partial<Pick<Enrolment, 'status' | 'consent' | 'consentRemindersSent' | 'optedOut'>>, at: Date): Promise<void>;
  /**
   * The person's START after their STOP: the enrolment is live again with `status` (its marker as the
   * person's live enrolment put back) and its opt-out record cleared. False, changing nothing, when
   * the person has another live enrolment by now. Idempotent.
   */
  reinstateEnrolment(enrolment: Pick<Enrolment, 'id' | 'serviceUserId'>, status: EnrolmentStatus, at: Date): Promise<boolean>;
  enrolment(id: string): Promise<Enrolment | null>;
  enrolmentsOfWorker(workerId: string): Promise<Enrolment[]>;
  enrolmentsOf(serviceUserId: string): Promise<Enrolment[]>;
  /**
   * Moving a caseload (see app/admin/reassign-caseload.ts, which runs these in order): each sets the
   * worker on what it names and is idempotent, so a reassignment interrupted part-way is finished by
   * running it again. Completed, lapsed and cancelled assessments and acknowledged alerts keep the
   * worker they had: rates stay with whoever did the work.
   */
  moveEnrolments(enrolmentIds: readonly string[], workerId: string, at: Date): Promise<void>;
  /** The enrolments' scheduled, open and in-progress assessments. */
  moveAssessmentsToCome(enrolmentIds: readonly string[], workerId: string): Promise<void>;
  /** The enrolments' alerts nobody has acknowledged. */
  moveOpenAlerts(enrolmentIds: readonly string[], workerId: string): Promise<void>;

  addAssessment(assessment: Assessment): Promise<'added' | 'duplicate'>;
  assessment(id: string): Promise<Assessment | null>;
  assessmentsOf(enrolmentId: string): Promise<Assessment[]>;
  /** The assessments of several enrolments in one read (a caseload), answers left out. */
  assessmentsOfEnrolments(enrolmentIds: readonly string[]): Promise<Array<Omit<Assessment, 'answers'>>>;
  updateAssessment(id: string, update: Partial<Omit<Assessment, 'id'>>): Promise<void>;

  openAlert(alert: SafeguardingAlert): Promise<void>;
  openAlerts(filter: { serviceUserId?: string; workerId?: string }): Promise<SafeguardingAlert[]>;
  acknowledgeAlerts(serviceUserId: string, by: string, at: Date): Promise<number>;
  alert(id: string): Promise<SafeguardingAlert | null>;
  markAlertEscalated(id: string, at: Date): Promise<void>;
}
