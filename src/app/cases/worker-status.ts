import { caseloadAttention, caseloadLine, caseloadStatuses, type CaseloadEntry } from '../../domain/cases/caseload-line.js';
import { fitStaffText } from '../../domain/messaging/fit-staff-text.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseDeps } from './case-deps.js';
import { teamOverview } from './team-overview.js';

/**
 * STATUS. A worker gets their live caseload by reference, each with where they are now (the
 * timepoint under way, the last one lapsed or done, the next due date) and open alerts, those who
 * need them first, within two segments. Managers and admins, who see the whole organisation, get
 * the team's week instead (teamOverview). No health answers.
 */
export async function workerStatus(deps: Pick<CaseDeps, 'cases' | 'clock' | 'org' | 'staff'>, member: StaffMember): Promise<string> {
  if (member.role !== 'worker') return teamOverview(deps, member);
  const live = (await deps.cases.enrolmentsOfWorker(member.id)).filter((e) => caseloadStatuses.has(e.status));
  if (live.length === 0) return 'You have nobody enrolled at the moment. Text ENROL <mobile> to add someone.';
  const [alerts, assessments] = await Promise.all([
    deps.cases.openAlerts({ workerId: member.id }),
    deps.cases.assessmentsOfEnrolments(live.map((enrolment) => enrolment.id)),
  ]);
  const entries: CaseloadEntry[] = live.map((enrolment) => ({
    reference: enrolment.reference,
    status: enrolment.status,
    timepoints: assessments.filter((assessment) => assessment.enrolmentId === enrolment.id),
    alertOpen: alerts.some((alert) => alert.serviceUserId === enrolment.serviceUserId),
  }));
  // Array sort is stable: within each kind of need, people stay in the order they were enrolled.
  const now = deps.clock.now();
  const lines = entries
    .sort((a, b) => caseloadAttention(a, now) - caseloadAttention(b, now))
    .map((entry) => caseloadLine(entry, { now, timeZone: deps.org.timezone }));
  return fitStaffText({ header: `Your people (${live.length}):`, lines, more: (left) => `...and ${left} more` });
}
