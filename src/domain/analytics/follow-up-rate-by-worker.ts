import type { AssessmentRecord, Period } from './analytics-records.js';
import { followUpRate, isFollowUpDueIn, type FollowUpRate } from './follow-up-rate.js';

/** followUpRate for each worker with anything due in the period, keyed by worker id. */
export function followUpRateByWorker(assessments: readonly AssessmentRecord[], period: Period): Map<string, FollowUpRate> {
  const byWorker = new Map<string, AssessmentRecord[]>();
  for (const assessment of assessments.filter((candidate) => isFollowUpDueIn(candidate, period))) {
    byWorker.set(assessment.workerId, [...(byWorker.get(assessment.workerId) ?? []), assessment]);
  }
  return new Map([...byWorker].map(([workerId, own]) => [workerId, followUpRate(own, period)]));
}
