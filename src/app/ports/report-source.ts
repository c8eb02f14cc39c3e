import type { AlertRecord, AssessmentRecord, EnrolmentRecord, Period } from '../../domain/analytics/analytics-records.js';

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
}
