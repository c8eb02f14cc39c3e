import { isInPeriod, type AssessmentRecord, type Period } from './analytics-records.js';

/** A baseline collected in a period: completed, counted by when it was completed. */
export function isBaselineCompletedIn(assessment: AssessmentRecord, period: Period): boolean {
  return assessment.kind === 'baseline' && assessment.status === 'completed' && assessment.completedAt !== undefined && isInPeriod(assessment.completedAt, period);
}
