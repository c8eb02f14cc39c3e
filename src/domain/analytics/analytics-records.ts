/**
 * What analytics reads: the few fields of each stored record that the rates depend on, so any
 * richer domain type (or a database projection) can be passed as it is.
 */
export type AssessmentKind = 'baseline' | 'follow-up' | 'discharge';
export type AssessmentStatus = 'scheduled' | 'open' | 'in-progress' | 'completed' | 'lapsed' | 'cancelled';

export interface AssessmentRecord {
  readonly enrolmentId: string;
  /** The worker responsible for the enrolment at the time; rates are attributed to them. */
  readonly workerId: string;
  /** The programme the timepoint belongs to, for a report narrowed to one programme. */
  readonly programmeId?: string;
  readonly kind: AssessmentKind;
  readonly status: AssessmentStatus;
  readonly dueAt: Date;
  readonly closesAt: Date;
  readonly completedAt?: Date;
  /** Completed outside its window (see schedule/is-late.ts). */
  readonly late?: boolean;
}

export interface EnrolmentRecord {
  readonly id: string;
  readonly workerId: string;
  readonly enrolledAt: Date;
  readonly status: string;
  readonly programmeId?: string;
}

export interface AlertRecord {
  readonly openedAt: Date;
  readonly acknowledgedAt?: Date;
}

export interface WorkerRecord {
  readonly id: string;
  readonly name: string;
}

/** A reporting period, half-open: `start` is in it and `end` is not, so consecutive weeks never share an instant. */
export interface Period {
  readonly start: Date;
  readonly end: Date;
}

export function isInPeriod(instant: Date, period: Period): boolean {
  return instant.getTime() >= period.start.getTime() && instant.getTime() < period.end.getTime();
}
