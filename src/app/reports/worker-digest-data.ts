import type { LocalDate } from '../../domain/schedule/local-date-time.js';
import { addLocalDays } from '../../domain/schedule/local-date-time.js';
import { zonedTimeToUtc } from '../../domain/schedule/zoned-time-to-utc.js';
import type { WorkerDigestInput } from '../../domain/analytics/worker-digest.js';
import type { CaseStore } from '../ports/case-store.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseloadAssessment, ReportSource } from '../ports/report-source.js';

export interface WorkerDigestDeps {
  source: ReportSource;
  cases: Pick<CaseStore, 'openAlerts'>;
  org: { name: string; timezone: string };
}

const stillToDo = new Set(['scheduled', 'open', 'in-progress']);

/**
 * What one worker's daily digest is about, for the local calendar day `today`:
 * - lapsed yesterday: timepoints (baselines too) whose window closed yesterday without an answer.
 *   Judged by the window rather than by the 'lapsed' status, so the list is right even when the
 *   digest runs before the job that marks lapses has caught up;
 * - due this week: follow-ups not yet done that fall due from today to 6 days on;
 * - open alerts: every unacknowledged alert on their caseload, however old.
 * References only; workerDigest turns this into the text.
 */
export async function workerDigestData(
  deps: WorkerDigestDeps,
  input: { worker: Pick<StaffMember, 'id' | 'name'>; today: LocalDate },
): Promise<WorkerDigestInput> {
  const timeZone = deps.org.timezone;
  const midnight = (days: number) => zonedTimeToUtc({ ...addLocalDays(input.today, days), hour: 0, minute: 0 }, timeZone);
  const [closedYesterday, dueSoon, alerts] = await Promise.all([
    deps.source.caseloadAssessments(input.worker.id, { closesIn: { start: midnight(-1), end: midnight(0) } }),
    deps.source.caseloadAssessments(input.worker.id, { dueIn: { start: midnight(0), end: midnight(7) } }),
    deps.cases.openAlerts({ workerId: input.worker.id }),
  ]);
  return {
    workerName: input.worker.name,
    orgName: deps.org.name,
    lapsedYesterday: uniqueSorted(closedYesterday.filter((a) => a.status !== 'completed' && a.status !== 'cancelled').map((a) => a.reference)),
    dueThisWeek: earliestPerPerson(dueSoon.filter((a) => a.kind !== 'baseline' && stillToDo.has(a.status))),
    openAlerts: uniqueSorted(alerts.map((alert) => alert.reference)),
    timeZone,
  };
}

function earliestPerPerson(assessments: readonly CaseloadAssessment[]): Array<{ reference: string; dueAt: Date }> {
  const earliest = new Map<string, Date>();
  for (const { reference, dueAt } of assessments) {
    const known = earliest.get(reference);
    if (known === undefined || dueAt.getTime() < known.getTime()) earliest.set(reference, dueAt);
  }
  return [...earliest].map(([reference, dueAt]) => ({ reference, dueAt })).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.reference.localeCompare(b.reference));
}

function uniqueSorted(references: readonly string[]): string[] {
  return [...new Set(references)].sort((a, b) => a.localeCompare(b));
}
