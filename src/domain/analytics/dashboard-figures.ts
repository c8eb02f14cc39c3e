import type { AlertRecord, AssessmentRecord, EnrolmentRecord, Period, WorkerRecord } from './analytics-records.js';
import { isInPeriod } from './analytics-records.js';
import { followUpRate, isFollowUpDueIn, type FollowUpRate } from './follow-up-rate.js';
import { isBaselineCompletedIn } from './is-baseline-completed-in.js';
import { isLapsedIn } from './is-lapsed-in.js';
import type { MonthPeriod } from './month-ranges.js';
import { byName } from './rank-workers.js';
import { weeklySummary, type WeeklySummary } from './weekly-summary.js';

export interface DashboardInput {
  /** Every assessment whose window closed, or which was completed, from the first month's start to the period's end. */
  readonly assessments: readonly AssessmentRecord[];
  /** Enrolments made in the period. */
  readonly enrolments: readonly EnrolmentRecord[];
  /** Alerts open at the period's end (the summary's count, as the weekly report). */
  readonly alerts: readonly AlertRecord[];
  /** Alerts open now, by worker: what a manager follows up today. */
  readonly openAlerts: ReadonlyArray<{ readonly workerId: string }>;
  readonly workers: readonly WorkerRecord[];
  /** The chosen period last, the weeks before it first (the previous 4 by default). */
  readonly weeks: readonly Period[];
  readonly months: readonly MonthPeriod[];
}

export interface WorkerRow {
  readonly workerId: string;
  readonly name: string;
  readonly due: number;
  readonly completed: number;
  readonly late: number;
  readonly rate: number | null;
  readonly previousRate: number | null;
  readonly lapsed: number;
  readonly baselines: number;
  readonly openAlerts: number;
}

export interface WeekRow extends FollowUpRate {
  readonly period: Period;
  readonly lapsed: number;
  /** Follow-ups due whose window closed without an answer and which are not (yet) marked lapsed. */
  readonly stillOpen: number;
}

export interface MonthRow {
  readonly label: string;
  readonly period: Period;
  readonly baselines: number;
  readonly due: number;
  readonly completed: number;
  readonly rate: number | null;
}

export interface Funnel {
  readonly enrolled: number;
  readonly consented: number;
  readonly baselineCompleted: number;
  readonly followUpDue: number;
  readonly followUpCompleted: number;
  readonly lapsed: number;
}

export interface DashboardFigures {
  /** The chosen period against the one before it: exactly what the weekly report and the Monday text say. */
  readonly summary: WeeklySummary;
  readonly weeks: readonly WeekRow[];
  /** Needing support first: the lowest rate, then the most lapses; nobody due last. */
  readonly workers: readonly WorkerRow[];
  readonly months: readonly MonthRow[];
  readonly funnel: Funnel;
}

const notConsented = new Set(['pending-consent', 'consent-lapsed']);

/**
 * The dashboard's figures. The headline and the per-worker rates are weeklySummary's, every other
 * count comes from the same predicates (isFollowUpDueIn, isLapsedIn, isBaselineCompletedIn), so
 * the page, GET /api/reports/weekly and the Monday text cannot disagree.
 */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const period = input.weeks.at(-1);
  if (!period) throw new RangeError('dashboardFigures needs at least one week');
  const previousPeriod = input.weeks.at(-2);
  const { assessments } = input;
  const summary = weeklySummary({
    assessments, enrolments: input.enrolments, alerts: input.alerts, workers: input.workers, period, ...(previousPeriod ? { previousPeriod } : {}),
  });
  const lapsed = countBy(assessments.filter((a) => isLapsedIn(a, period)));
  const baselines = countBy(assessments.filter((a) => isBaselineCompletedIn(a, period)));
  const alerts = countBy(input.openAlerts);
  const workers = summary.perWorker
    .map((w): WorkerRow => ({
      workerId: w.workerId, name: w.name, due: w.due, completed: w.completed, late: w.late, rate: w.rate, previousRate: w.previousRate,
      lapsed: lapsed.get(w.workerId) ?? 0, baselines: baselines.get(w.workerId) ?? 0, openAlerts: alerts.get(w.workerId) ?? 0,
    }))
    .sort(needingSupportFirst);
  const inPeriod = assessments.filter((a) => isFollowUpDueIn(a, period));
  return {
    summary,
    weeks: input.weeks.map((week) => weekRow(assessments, week)),
    workers,
    months: input.months.map((month) => {
      const rate = followUpRate(assessments, month);
      return { label: month.label, period: { start: month.start, end: month.end }, baselines: assessments.filter((a) => isBaselineCompletedIn(a, month)).length, due: rate.due, completed: rate.completed, rate: rate.rate };
    }),
    funnel: {
      enrolled: input.enrolments.filter((e) => isInPeriod(e.enrolledAt, period)).length,
      consented: input.enrolments.filter((e) => isInPeriod(e.enrolledAt, period) && !notConsented.has(e.status)).length,
      baselineCompleted: summary.baselinesCompleted,
      followUpDue: summary.followUpsDue,
      followUpCompleted: summary.followUpsCompleted,
      lapsed: inPeriod.filter((a) => a.status === 'lapsed').length,
    },
  };
}

function weekRow(assessments: readonly AssessmentRecord[], period: Period): WeekRow {
  const due = assessments.filter((a) => isFollowUpDueIn(a, period));
  const lapsed = due.filter((a) => a.status === 'lapsed').length;
  const rate = followUpRate(assessments, period);
  return { ...rate, period, lapsed, stillOpen: rate.due - rate.completed - lapsed };
}

function needingSupportFirst(a: WorkerRow, b: WorkerRow): number {
  if (a.rate === null || b.rate === null) return a.rate === b.rate ? byName(a, b) : a.rate === null ? 1 : -1;
  return a.rate - b.rate || b.lapsed - a.lapsed || byName(a, b);
}

function countBy(items: ReadonlyArray<{ readonly workerId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.workerId, (counts.get(item.workerId) ?? 0) + 1);
  return counts;
}
