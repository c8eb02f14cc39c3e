import type { AlertRecord, AssessmentKind, AssessmentRecord, EnrolmentRecord, Period } from '../../domain/analytics/analytics-records.js';
import type { SubscaleResult } from '../../domain/measures/score-subscales.js';

/** An assessment on one worker's caseload, with the pseudonymous reference of the person. */
export interface CaseloadAssessment extends AssessmentRecord {
  readonly reference: string;
}

/**
 * Read-only access to the records reports are made from. Every method filters by date on the
 * server and returns only the fields analytics reads, so a report never loads answers, scores or
 * phone numbers, and costs what its period holds rather than what the database holds.
 */
export interface ReportSource {
  /** Assessments whose window closes in the range, or that were completed in it. */
  assessmentsIn(range: Period): Promise<AssessmentRecord[]>;
  /** Enrolments made in the range, whatever has become of them since. */
  enrolmentsIn(range: Period): Promise<EnrolmentRecord[]>;
  /** Alerts opened before `instant` and not acknowledged by then. */
  alertsOpenAt(instant: Date): Promise<AlertRecord[]>;
  /** Staff names by id, removed members included, so a report still names whoever did the work. */
  staffNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** One worker's assessments whose window closes, or which fall due, in the range. */
  caseloadAssessments(workerId: string, filter: { closesIn: Period } | { dueIn: Period }): Promise<CaseloadAssessment[]>;
  /**
   * Completed assessments, completed in the range (`end` absent: up to now), of the given kinds and
   * optionally one programme, as a stream in no particular order: reports and exports read each
   * once and keep only what they need, so 100,000 assessments never sit in memory together. One
   * query (a scan on FerretDB), never one per person.
   */
  completedAssessments(filter: CompletedAssessmentFilter): AsyncIterable<CompletedAssessment>;
  /** Enrolments made in the range with their programme and plan version (which measures their baseline asks). */
  enrolmentPlansIn(range: Period, programmeId?: string): Promise<EnrolmentPlan[]>;
  /** Every member of staff ever listed (removed ones too), by id: name and team. */
  staffProfiles(): Promise<Map<string, { name: string; team: string }>>;
  /** Service-users' references (SU-0042) by id: for the identifiable internal export only. */
  serviceUserReferences(): Promise<Map<string, string>>;
  /** How many different people the filter's assessments are of. */
  countPeople(filter: CompletedAssessmentFilter): Promise<number>;
}

export interface CompletedAssessmentFilter {
  readonly completedFrom: Date;
  readonly completedBefore?: Date;
  readonly kinds: readonly AssessmentKind[];
  readonly programmeId?: string;
}

export interface EnrolmentPlan {
  readonly id: string;
  readonly programmeId: string;
  readonly planVersion?: number;
}

/**
 * A completed assessment with each measure it asked in one shape, whether it was stored as one
 * measure (`measureId`, `answers`, `score`) or several (`measureIds`, `measureAnswers`, `scores`).
 * Answer values only: the text people typed never leaves the adapter.
 */
export interface CompletedAssessment {
  readonly id: string;
  readonly enrolmentId: string;
  readonly serviceUserId: string;
  readonly workerId: string;
  readonly programmeId: string;
  readonly kind: AssessmentKind;
  readonly timepointId: string;
  readonly dueAt: Date;
  readonly completedAt: Date;
  readonly late: boolean;
  readonly measures: readonly MeasureResponse[];
}

export interface MeasureResponse {
  readonly measureId: string;
  /** The version it was scored with; null when it was not scored. */
  readonly version: string | null;
  /** Values chosen, by the measure's own item ids; null = skipped. */
  readonly values: Readonly<Record<string, number | null>>;
  readonly score: StoredScore | null;
}

export interface StoredScore {
  readonly scorable: boolean;
  readonly total: number | null;
  readonly converted: number | null;
  /** The score to compare: converted where there is a conversion, else the total. */
  readonly score: number | null;
  readonly band: string | null;
  readonly subscales: readonly SubscaleResult[];
}
