import { programmeFor } from '../cases/programme-for.js';
import { transitionEnrolment } from '../../domain/cases/enrolment.js';
import { whatsappTemplateVariables } from '../../domain/messaging/whatsapp-template-variables.js';
import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { lapseInstant } from '../../domain/schedule/lapse-instant.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { tellWorker } from '../cases/tell-worker.js';
import type { Enrolment } from '../ports/case-store.js';
import type { JobOutcome } from '../ports/job-scheduler.js';

/** Days after the last consent reminder before the request lapses. */
export const consentLapseDays = 2;

/** When the consent request was sent, reminders and the lapse are put on the calendar. */
export async function scheduleConsentChase(deps: Pick<CaseDeps, 'jobs' | 'org' | 'programmes'>, enrolment: Enrolment, requestedAt: Date): Promise<void> {
  const programme = await programmeFor(deps, enrolment);
  const afterDays = programme?.plan.consentReminders.afterDays ?? [2, 5];
  const [first] = reminderInstants(requestedAt, afterDays, deps.org.timezone);
  if (first) await deps.jobs.schedule('consent:remind', enrolment.id, first);
  await deps.jobs.schedule('consent:lapse', enrolment.id, lapseInstant(requestedAt, afterDays, deps.org.timezone, { after: 'last-reminder', days: consentLapseDays }));
}

/** No answer to the consent request yet: ask once more, briefly, at each reminder day. */
export async function remindConsent(deps: Pick<CaseDeps, 'cases' | 'clock' | 'org' | 'programmes' | 'send' | 'staff'>, enrolmentId: string): Promise<JobOutcome> {
  const enrolment = await deps.cases.enrolment(enrolmentId);
  if (!enrolment || enrolment.status !== 'pending-consent') return { done: true, note: 'consent answered' };
  const programme = await programmeFor(deps, enrolment);
  const due = reminderInstants(enrolment.createdAt, programme?.plan.consentReminders.afterDays ?? [2, 5], deps.org.timezone);
  const now = deps.clock.now();
  const sent = enrolment.consentRemindersSent ?? 0;
  const reached = due.filter((at) => at <= now).length;
  if (reached <= sent) return due[sent] ? { deferUntil: due[sent] } : { done: true, note: 'no reminders left' };
  if (!isWithinSendWindow(now, deps.org.timezone)) return { deferUntil: nextSendableInstant(now, deps.org.timezone) };
  const person = await deps.cases.serviceUserByReference(enrolment.reference);
  if (!person) return { done: true, note: 'person gone' };
  const worker = await deps.staff.get(enrolment.workerId);
  const body = `${deps.org.name} here again${worker ? ` (from ${worker.name})` : ''}: may we text you a few short questions about how you are doing? Reply YES or NO. Reply STOP to stop.`;
  // Keyed by the enrolment and the reminder's number: a job run twice sends it once.
  await deps.send({
    id: `consent:remind:${enrolment.id}:${reached}`,
    channel: enrolment.channel, phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, purpose: 'reminder', body,
    ...(enrolment.channel === 'whatsapp' ? { templateVariables: whatsappTemplateVariables({ orgName: deps.org.name, workerName: worker?.name, text: body }) } : {}),
  });
  await deps.cases.updateEnrolment(enrolment.id, { consentRemindersSent: reached }, now);
  return due[reached] ? { deferUntil: due[reached] } : { done: true, note: 'reminded (last)' };
}

/** Still no answer after the last reminder: the request lapses and the worker is told, never silently. */
export async function lapseConsent(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'contacts' | 'logger' | 'org' | 'send' | 'staff'>, enrolmentId: string): Promise<JobOutcome> {
  const enrolment = await deps.cases.enrolment(enrolmentId);
  if (!enrolment || enrolment.status !== 'pending-consent') return { done: true, note: 'consent answered' };
  const transition = transitionEnrolment(enrolment.status, 'consent-lapse', enrolment.reference);
  if (!transition.ok) return { done: true, note: transition.reason };
  const now = deps.clock.now();
  await deps.cases.updateEnrolment(enrolment.id, { status: transition.status }, now);
  await deps.audit.record({ id: `consent:lapse:${enrolment.id}`, actor: 'scheduler', action: 'consent.lapse', subject: enrolment.id, at: now, details: { reference: enrolment.reference } });
  await tellWorker(deps, enrolment, `${enrolment.reference} has not replied to the consent request after reminders. A late YES still counts; or text WITHDRAW ${enrolment.reference}.`, { purpose: 'notice', id: `consent:lapse:${enrolment.id}` });
  return { done: true, note: 'consent lapsed' };
}
