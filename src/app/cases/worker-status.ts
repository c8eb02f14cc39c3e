import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseDeps } from './case-deps.js';

const statusWords: Record<string, string> = {
  'pending-consent': 'waiting for consent',
  'consent-lapsed': 'no reply to consent',
  active: 'active',
  paused: 'paused',
};

/** STATUS: the worker's live caseload by reference, what each is waiting for, and open alerts. No health answers. */
export async function workerStatus(deps: CaseDeps, member: StaffMember): Promise<string> {
  const live = (await deps.cases.enrolmentsOfWorker(member.id)).filter((e) => e.status in statusWords);
  if (live.length === 0) return 'You have nobody enrolled at the moment. Text ENROL <mobile> to add someone.';
  const alerts = await deps.cases.openAlerts({ workerId: member.id });
  const lines: string[] = [];
  for (const enrolment of live.slice(0, 12)) {
    const assessments = await deps.cases.assessmentsOf(enrolment.id);
    const next = assessments.find((a) => ['open', 'in-progress'].includes(a.status))
      ?? assessments.filter((a) => a.status === 'scheduled').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    const when = next ? (next.status === 'scheduled' ? `, next due ${day(deps, next.dueAt)}` : `, ${next.timepointId} ${next.status.replace('-', ' ')}`) : '';
    const alert = alerts.some((a) => a.serviceUserId === enrolment.serviceUserId) ? ' ALERT OPEN' : '';
    lines.push(`${enrolment.reference}: ${statusWords[enrolment.status]}${when}${alert}`);
  }
  const more = live.length > 12 ? `\n...and ${live.length - 12} more` : '';
  return `Your people (${live.length}):\n${lines.join('\n')}${more}`;
}

function day(deps: CaseDeps, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: deps.org.timezone }).format(at);
}
