import { stopWaiting } from '../cases/stop-waiting.js';
import { NumberBusyError } from '../cases/with-number-lock.js';
import type { CaseDeps } from '../cases/case-deps.js';
import type { JobOutcome } from '../ports/job-scheduler.js';

/**
 * The window has closed without a completed questionnaire: the timepoint is lapsed (answers given
 * so far are kept) and the conversation stops waiting for it. The worker hears of it in the next
 * daily digest ("who lapsed yesterday"): never silently.
 */
export async function lapseTimepoint(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'contacts' | 'locks'>, assessmentId: string): Promise<JobOutcome> {
  const assessment = await deps.cases.assessment(assessmentId);
  if (!assessment || !['scheduled', 'open', 'in-progress'].includes(assessment.status)) return { done: true, note: 'nothing to lapse' };
  const now = deps.clock.now();
  if (now < assessment.closesAt) return { deferUntil: assessment.closesAt };
  // The answers given so far come off the conversation onto the assessment first, then it lapses.
  const enrolment = await deps.cases.enrolment(assessment.enrolmentId);
  const person = enrolment ? await deps.cases.serviceUserByReference(enrolment.reference) : null;
  if (person) {
    try {
      await stopWaiting(deps, person.phoneHash, { assessmentId: assessment.id });
    } catch (error) {
      if (error instanceof NumberBusyError) return { deferUntil: new Date(now.getTime() + 60_000), note: 'a turn is in progress' };
      throw error;
    }
  }
  await deps.cases.updateAssessment(assessment.id, { status: 'lapsed', lapsedAt: now });
  await deps.audit.record({ id: `timepoint:lapse:${assessment.id}`, actor: 'scheduler', action: 'timepoint.lapse', subject: assessment.id, at: now, details: { timepoint: assessment.timepointId } });
  return { done: true, note: 'lapsed' };
}
