import { randomUUID } from 'node:crypto';
import { scheduleFollowUps } from '../../domain/schedule/schedule-follow-ups.js';
import type { Enrolment } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';

/** The baseline is done: every follow-up of the programme is put on the calendar (the scheduler opens them). */
export async function scheduleFollowUpAssessments(deps: CaseDeps, enrolment: Enrolment, baselineCompletedAt: Date): Promise<void> {
  const programme = await deps.programmes.get(enrolment.programmeId);
  if (!programme) throw new Error(`programme ${enrolment.programmeId} is missing`);
  for (const timepoint of scheduleFollowUps(programme.plan, deps.org.timezone, baselineCompletedAt)) {
    const id = randomUUID();
    const added = await deps.cases.addAssessment({
      id, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId, programmeId: programme.id,
      measureId: programme.measureId, kind: 'follow-up', timepointId: timepoint.timepointId, status: 'scheduled',
      dueAt: timepoint.dueAt, opensAt: timepoint.opensAt, closesAt: timepoint.closesAt, answers: {},
    });
    if (added === 'added') await deps.jobs.schedule('timepoint:open', id, timepoint.dueAt);
  }
}
