import { randomUUID } from 'node:crypto';
import { scheduleDischarge, dischargeTimepointId } from '../../domain/schedule/schedule-discharge.js';
import type { Enrolment } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import { assessmentMeasures, programmeFor } from './programme-for.js';

/** DONE: when the programme has a discharge follow-up, it goes on the calendar. Returns when, in words, or null. */
export async function startDischarge(deps: Pick<CaseDeps, 'cases' | 'clock' | 'jobs' | 'org' | 'programmes'>, enrolment: Enrolment): Promise<string | null> {
  const programme = await programmeFor(deps, enrolment);
  if (!programme) return null;
  const timepoint = scheduleDischarge(programme.plan, deps.org.timezone, deps.clock.now());
  if (!timepoint) return null;
  const id = randomUUID();
  const added = await deps.cases.addAssessment({
    id, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId, programmeId: programme.id,
    ...assessmentMeasures(programme, dischargeTimepointId), kind: 'discharge', timepointId: dischargeTimepointId, status: 'scheduled',
    dueAt: timepoint.dueAt, opensAt: timepoint.opensAt, closesAt: timepoint.closesAt, answers: {},
  });
  if (added === 'added') await deps.jobs.schedule('timepoint:open', id, timepoint.dueAt);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: deps.org.timezone }).format(timepoint.dueAt);
}
