import type { LocalDate } from '../../domain/schedule/local-date-time.js';
import { addLocalDays } from '../../domain/schedule/local-date-time.js';
import { zonedTimeToUtc } from '../../domain/schedule/zoned-time-to-utc.js';
import type { DigestCandidates } from '../../domain/analytics/digest-news.js';
import type { CaseStore } from '../ports/case-store.js';
import type { NumberHealth } from '../ports/number-health.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseloadAssessment, ReportSource } from '../ports/report-source.js';

export interface WorkerDigestDeps {
  source: ReportSource;
  cases: Pick<CaseStore, 'openAlerts' | 'serviceUserByPhoneHash' | 'liveEnrolment'>;
  numbers: Pick<NumberHealth, 'lookingWrongSince'>;
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
 * - open alerts: every unacknowledged alert on their caseload, however old;
 * - wrong numbers: people on their caseload whose number was found to look wrong in the last 7 days
 *   (keyed by the enrolment and when it was found, so each finding is told once).
 * An item's key is its enrolment and its instant (a timepoint moved to another day is news again).
 */
export async function workerDigestData(deps: WorkerDigestDeps, input: { worker: Pick<StaffMember, 'id'>; today: LocalDate }): Promise<DigestCandidates> {
  const midnight = (days: number) => zonedTimeToUtc({ ...addLocalDays(input.today, days), hour: 0, minute: 0 }, deps.org.timezone);
  const [closed, dueSoon, alerts, wrongNumbers] = await Promise.all([
    deps.source.caseloadAssessments(input.worker.id, { closesIn: { start: midnight(-lapseLookbackDays), end: midnight(0) } }),
    deps.source.caseloadAssessments(input.worker.id, { dueIn: { start: midnight(0), end: midnight(7) } }),
    deps.cases.openAlerts({ workerId: input.worker.id }),
    numbersLookingWrong(deps, input.worker.id, midnight(-lapseLookbackDays)),
  ]);
  const tomorrow = midnight(1).getTime();
  return {
    lapsed: closed.filter((a) => a.status !== 'completed' && a.status !== 'cancelled').map((a) => ({ key: key(a, a.closesAt), reference: a.reference })),
    due: dueSoon
      .filter((a) => a.kind !== 'baseline' && stillToDo.has(a.status))
      .map((a) => ({ key: key(a, a.dueAt), reference: a.reference, dueAt: a.dueAt, today: a.dueAt.getTime() < tomorrow })),
    openAlerts: alerts.map((alert) => alert.reference),
    wrongNumbers,
  };
}

/** The worker's people among the numbers lately found to look wrong (a handful at most, org-wide). */
async function numbersLookingWrong(deps: WorkerDigestDeps, workerId: string, since: Date): Promise<Array<{ key: string; reference: string }>> {
  const found: Array<{ key: string; reference: string }> = [];
  for (const number of await deps.numbers.lookingWrongSince(since)) {
    const person = await deps.cases.serviceUserByPhoneHash(number.phoneHash);
    const enrolment = person ? await deps.cases.liveEnrolment(person.id) : null;
    if (enrolment?.workerId === workerId) found.push({ key: `${enrolment.id}:${number.since.toISOString()}`, reference: enrolment.reference });
  }
  return found;
}

function key(assessment: CaseloadAssessment, at: Date): string {
  return `${assessment.enrolmentId}:${at.toISOString()}`;
}
