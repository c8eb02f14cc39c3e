import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { CaseDeps } from '../cases/case-deps.js';
import type { Assessment, Enrolment } from '../ports/case-store.js';
import { programmeFor } from '../cases/programme-for.js';
import type { JobAction } from '../ports/job-scheduler.js';

/**
 * An enrolment is live again (a worker's RESUME, the person's START after STOP): the jobs that
 * ended while it was not are put back on the calendar. A reminder job that ran while it was paused
 * or stopped ended for good, and a follow-up that fell due then waits for its next look, so:
 * - an open timepoint gets its next reminder not yet sent (at once if its day has passed: the
 *   handler sends only the latest one due) and its lapse at the window's close;
 * - a follow-up still to come, or due while it was paused, gets its opening (at once if it is due;
 *   the handler waits for the send window).
 * Timepoints whose window has closed are left as they are. Every job is upserted, so running this
 * twice schedules each once.
 */
export async function rescheduleTimepoints(deps: Pick<CaseDeps, 'cases' | 'jobs' | 'clock' | 'programmes' | 'org'>, enrolment: Pick<Enrolment, 'id' | 'programmeId' | 'planVersion'>): Promise<void> {
  const jobs = await timepointJobs(deps, enrolment, await deps.cases.assessmentsOf(enrolment.id), deps.clock.now());
  for (const job of jobs) await deps.jobs.schedule(job.action, job.subjectId, job.at);
}

export interface PlannedJob {
  action: JobAction;
  subjectId: string;
  at: Date;
}

/** The jobs rescheduleTimepoints puts back, as data (a turn commits them with its state). */
export async function timepointJobs(deps: Pick<CaseDeps, 'programmes' | 'org'>, enrolment: Pick<Enrolment, 'programmeId' | 'planVersion'>, assessments: readonly Assessment[], now: Date): Promise<PlannedJob[]> {
  const jobs: PlannedJob[] = [];
  // The reminder days of the plan version the enrolment started on, not a later edit's.
  const programme = await programmeFor(deps, enrolment);
  for (const assessment of assessments) {
    if (assessment.closesAt <= now) continue;
    if (['open', 'in-progress'].includes(assessment.status) && assessment.openedAt) {
      const due = reminderInstants(assessment.openedAt, programme?.plan.reminders.afterDays ?? [2, 5], deps.org.timezone, undefined, { until: assessment.closesAt });
      const next = due[assessment.remindersSent ?? 0];
      if (next) jobs.push({ action: 'timepoint:remind', subjectId: assessment.id, at: later(next, now) });
      jobs.push({ action: 'timepoint:lapse', subjectId: assessment.id, at: assessment.closesAt });
    } else if (assessment.status === 'scheduled') {
      jobs.push({ action: 'timepoint:open', subjectId: assessment.id, at: later(assessment.dueAt, now) });
    }
  }
  return jobs;
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
