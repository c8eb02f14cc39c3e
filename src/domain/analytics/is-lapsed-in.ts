import { isInPeriod, type AssessmentRecord, type Period } from './analytics-records.js';

/** A lapse in a period: an assessment of any kind (baselines too) marked lapsed whose window closed in it. */
export function isLapsedIn(assessment: AssessmentRecord, period: Period): boolean {
  return assessment.status === 'lapsed' && isInPeriod(assessment.closesAt, period);
}
