import type { LocalDate } from '../../domain/schedule/local-date-time.js';
import { addLocalDays } from '../../domain/schedule/local-date-time.js';
import { zonedTimeToUtc } from '../../domain/schedule/zoned-time-to-utc.js';
import type { DigestCandidates } from '../../domain/analytics/digest-news.js';
import type { CaseStore } from '../ports/case-store.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseloadAssessment, ReportSource } from '../ports/report-source.js';

export interface WorkerDigestDeps {
  source: ReportSource;
  cases: Pick<CaseStore, 'openAlerts'>;
  org: { timezone: string };
}

/**
 * Lapses are looked for this far back: further than a weekend and a bank holiday without a digest.
 * Earlier digests are remembered for longer than this (see sendDailyDigests), so none is told twice.
 */
export const lapseLookbackDays = 7;

const stillToDo = new Set(['scheduled', 'open', 'in-progress']);

/**
 * Everything one worker's digest could mention on the local calendar day `today`; digestNews then
 * keeps what they have not been told:
 * - lapses: timepoints (baselines too) whose window closed in the last 7 days, before today, without
 *   an answer. Judged by the window rather than by the 'lapsed' status, so the list is right even
 *   when the digest runs before the job that marks lapses has caught up;
 * - due: follow-ups not yet done that fall due from today to 6 days on;
 * - open alerts: every unacknowledged alert on their caseload, however old.
 * An item's key is its enrolment and its instant (a timepoint moved to another day is news again).
 */
export async function workerDigestData(deps: WorkerDigestDeps, input: { worker: Pick<StaffMember, 'id'>; today: LocalDate }): Promise<DigestCandidates> {
  const midnight = (days: number) => zonedTimeToUtc({ ...addLocalDays(input.today, days), hour: 0, minute: 0 }, deps.org.timezone);
  const [closed, dueSoon, alerts] = await Promise.all([
    deps.source.caseloadAssessments(input.worker.id, { closesIn: { start: midnight(-lapseLookbackDays), end: midnight(0) } }),
    deps.source.caseloadAssessments(input.worker.id, { dueIn: { start: midnight(0), end: midnight(7) } }),
    deps.cases.openAlerts({ workerId: input.worker.id }),
  ]);
  const tomorrow = midnight(1).getTime();
  return {
    lapsed: closed.filter((a) => a.status !== 'completed' && a.status !== 'cancelled').map((a) => ({ key: key(a, a.closesAt), reference: a.reference })),
    due: dueSoon
      .filter((a) => a.kind !== 'baseline' && stillToDo.has(a.status))
      .map((a) => ({ key: key(a, a.dueAt), reference: a.reference, dueAt: a.dueAt, today: a.dueAt.getTime() < tomorrow })),
    openAlerts: alerts.map((alert) => alert.reference),
  };
}

function key(assessment: CaseloadAssessment, at: Date): string {
  return `${assessment.enrolmentId}:${at.toISOString()}`;
}
