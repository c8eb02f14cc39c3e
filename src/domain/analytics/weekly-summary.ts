import type { AlertRecord, AssessmentRecord, EnrolmentRecord, Period, WorkerRecord } from './analytics-records.js';
import { isInPeriod } from './analytics-records.js';
import { followUpRateByWorker } from './follow-up-rate-by-worker.js';
import { followUpRate, type FollowUpRate } from './follow-up-rate.js';
import { isBaselineCompletedIn } from './is-baseline-completed-in.js';
import { isLapsedIn } from './is-lapsed-in.js';
import { byName, rankWorkers, type RankedWorker } from './rank-workers.js';

export interface WeeklySummaryInput {
  readonly assessments: readonly AssessmentRecord[];
  readonly enrolments: readonly EnrolmentRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly workers: readonly WorkerRecord[];
  readonly period: Period;
  /** The week before, for the comparison; omitted means no comparison (previous rates are null). */
  readonly previousPeriod?: Period;
}

export interface WorkerSummary extends RankedWorker {
  readonly previousRate: number | null;
}

export interface WeeklySummary {
  /** Enrolments made in the period, whatever has become of them since. */
  readonly enrolments: number;
  /** Baselines completed in the period (by completion time). */
  readonly baselinesCompleted: number;
  /** Follow-ups (and discharge follow-ups) whose window closed in the period; cancelled ones excluded. */
  readonly followUpsDue: number;
  /** Of those, completed, late ones included. */
  readonly followUpsCompleted: number;
  /** Of the completed, those completed outside their window. */
  readonly followUpsLate: number;
  /** followUpsCompleted / followUpsDue, 0 to 1; null when nothing was due. */
  readonly followUpRate: number | null;
  readonly previousFollowUpRate: number | null;
  /** Every listed worker, plus any worker with follow-ups due who is not listed (named by id); by name. */
  readonly perWorker: readonly WorkerSummary[];
  readonly best: WorkerSummary | null;
  readonly lowest: WorkerSummary | null;
  /** Assessments of any kind (baselines too) marked lapsed whose window closed in the period. */
  readonly lapses: number;
  /** Alerts opened before the period ended and not acknowledged by then. */
  readonly openAlerts: number;
}

/**
 * The manager's week in numbers. Every rate comes from followUpRate, so the message, the dashboard
 * and exports cannot disagree about what "follow-up rate" means.
 */
export function weeklySummary(input: WeeklySummaryInput): WeeklySummary {
  const { assessments, period, previousPeriod } = input;
  const overall = followUpRate(assessments, period);
  const current = followUpRateByWorker(assessments, period);
  const previous = previousPeriod ? followUpRateByWorker(assessments, previousPeriod) : new Map<string, FollowUpRate>();
  const names = new Map(input.workers.map((worker) => [worker.id, worker.name]));
  const workerIds = new Set([...names.keys(), ...current.keys()]);
  const perWorker = [...workerIds]
    .map((workerId): WorkerSummary => ({
      workerId,
      name: names.get(workerId) ?? workerId,
      ...(current.get(workerId) ?? { due: 0, completed: 0, late: 0, rate: null }),
      previousRate: previous.get(workerId)?.rate ?? null,
    }))
    .sort(byName);
  return {
    enrolments: input.enrolments.filter((enrolment) => isInPeriod(enrolment.enrolledAt, period)).length,
    baselinesCompleted: assessments.filter((assessment) => isBaselineCompletedIn(assessment, period)).length,
    followUpsDue: overall.due,
    followUpsCompleted: overall.completed,
    followUpsLate: overall.late,
    followUpRate: overall.rate,
    previousFollowUpRate: previousPeriod ? followUpRate(assessments, previousPeriod).rate : null,
    perWorker,
    ...rankWorkers(perWorker),
    lapses: assessments.filter((assessment) => isLapsedIn(assessment, period)).length,
    openAlerts: input.alerts.filter((alert) => isOpenAt(alert, period.end)).length,
  };
}

export function isOpenAt(alert: AlertRecord, instant: Date): boolean {
  return alert.openedAt.getTime() < instant.getTime() && (alert.acknowledgedAt === undefined || alert.acknowledgedAt.getTime() >= instant.getTime());
}
