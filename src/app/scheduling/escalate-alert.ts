import { addWorkingHours } from '../../domain/schedule/add-working-hours.js';
import { managersOf, tellStaff, type CaseDeps } from '../cases/case-deps.js';
import type { SafeguardingAlert } from '../ports/case-store.js';
import type { JobOutcome } from '../ports/job-scheduler.js';

/** Default: managers hear of an alert nobody has acknowledged within 4 working hours. */
export const escalateAfterWorkingHours = 4;

export async function scheduleEscalation(deps: Pick<CaseDeps, 'jobs' | 'org'>, alert: SafeguardingAlert): Promise<void> {
  await deps.jobs.schedule('alert:escalate', alert.id, addWorkingHours(alert.openedAt, escalateAfterWorkingHours, deps.org.timezone));
}

/** An unacknowledged safeguarding alert goes to the managers, once. */
export async function escalateAlert(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'org' | 'send' | 'staff'>, alertId: string): Promise<JobOutcome> {
  const alert = await deps.cases.alert(alertId);
  if (!alert || alert.acknowledgedAt || alert.escalatedAt) return { done: true, note: 'acknowledged or escalated' };
  const due = addWorkingHours(alert.openedAt, escalateAfterWorkingHours, deps.org.timezone);
  const now = deps.clock.now();
  if (now < due) return { deferUntil: due };
  const worker = await deps.staff.get(alert.workerId);
  const text = `ESCALATION from promptly: the safeguarding alert for ${alert.reference} (worker ${worker?.name ?? 'unknown'}) has not been acknowledged after ${escalateAfterWorkingHours} working hours. Please make sure someone contacts them, then reply ACK ${alert.reference}.`;
  // Keyed by the alert and the manager: a job run twice (or by two processes) escalates once.
  for (const manager of await managersOf(deps)) await tellStaff(deps, manager, text, 'alert', `alert:escalate:${alert.id}:${manager.id}`);
  await deps.cases.markAlertEscalated(alert.id, now);
  await deps.audit.record({ id: `alert:escalate:${alert.id}`, actor: 'scheduler', action: 'alert.escalate', subject: alert.reference, at: now });
  return { done: true, note: 'escalated' };
}
