import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { CaseDeps } from '../cases/case-deps.js';
import type { Assessment } from '../ports/case-store.js';

/**
 * An enrolment is live again (a worker's RESUME, the person's START after STOP): the jobs that
 * ended while it was not are put back on the calendar. A reminder job that ran while it was paused
 * or stopped ended for good, and a follow-up that fell due then waits for its next look, so:
 * - an open timepoint gets its next reminder not yet sent (at once if its day has passed: the
 *   handler sends only the latest one due) and its lapse at the window's close;
 * - a follow-up still to come, or due while it was paused, gets its opening (at once if it is due;
 *   the handler waits for the send window).
 * Timepoints whose window has closed are left as they are. Every job is upserted, so running this
 * twice schedules each once. Returns the assessments it rescheduled.
 */
export async function rescheduleTimepoints(deps: Pick<CaseDeps, 'cases' | 'jobs' | 'clock' | 'programmes' | 'org'>, enrolmentId: string, assessments?: readonly Assessment[]): Promise<Assessment[]> {
  const now = deps.clock.now();
  const all = assessments ?? (await deps.cases.assessmentsOf(enrolmentId));
  const rescheduled: Assessment[] = [];
  for (const assessment of all) {
    if (assessment.closesAt <= now) continue;
    if (['open', 'in-progress'].includes(assessment.status) && assessment.openedAt) {
      const programme = await deps.programmes.get(assessment.programmeId);
      const due = reminderInstants(assessment.openedAt, programme?.plan.reminders.afterDays ?? [2, 5], deps.org.timezone, undefined, { until: assessment.closesAt });
      const next = due[assessment.remindersSent ?? 0];
      if (next) await deps.jobs.schedule('timepoint:remind', assessment.id, later(next, now));
      await deps.jobs.schedule('timepoint:lapse', assessment.id, assessment.closesAt);
      rescheduled.push(assessment);
    } else if (assessment.status === 'scheduled') {
      await deps.jobs.schedule('timepoint:open', assessment.id, later(assessment.dueAt, now));
      rescheduled.push(assessment);
    }
  }
  return rescheduled;
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
