import { isInPeriod, type AssessmentRecord, type Period } from './analytics-records.js';

export interface FollowUpRate {
  /** Follow-ups due in the period: see isFollowUpDueIn. */
  readonly due: number;
  /** Of those, completed, whether inside the window or not. */
  readonly completed: number;
  /** Of the completed, how many were completed outside the window. */
  readonly late: number;
  /** completed / due, from 0 to 1; null when nothing was due (never NaN). */
  readonly rate: number | null;
}

/** The follow-up rate: the number the whole product exists to raise. Defined here and nowhere else. */
export function followUpRate(assessments: readonly AssessmentRecord[], period: Period): FollowUpRate {
  const due = assessments.filter((assessment) => isFollowUpDueIn(assessment, period));
  const completed = due.filter((assessment) => assessment.status === 'completed');
  return {
    due: due.length,
    completed: completed.length,
    late: completed.filter((assessment) => assessment.late === true).length,
    rate: completionRate(completed.length, due.length),
  };
}

/**
 * A follow-up is due in a period when its window closes within the period, so by the end of the
 * period its outcome is known: completed, or not. Counting by window close rather than due date
 * means a week's rate never rises or falls later as people answer inside their window (only a late
 * answer, after the close, can still raise it). "Follow-up" means every timepoint after the
 * baseline: scheduled follow-ups and the discharge follow-up. Cancelled timepoints (withdrawal,
 * erasure, a programme change) are left out of both sides: nobody could have completed them.
 */
export function isFollowUpDueIn(assessment: AssessmentRecord, period: Period): boolean {
  return assessment.kind !== 'baseline' && assessment.status !== 'cancelled' && isInPeriod(assessment.closesAt, period);
}

export function completionRate(completed: number, due: number): number | null {
  return due > 0 ? completed / due : null;
}
