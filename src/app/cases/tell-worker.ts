import { redirectedToManagers, type UnreachableWorker } from '../../domain/cases/redirected-to-managers.js';
import type { MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import { addWorkingHours } from '../../domain/schedule/add-working-hours.js';
import type { Contact } from '../ports/contact-book.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { managersOf, tellStaff, type CaseDeps } from './case-deps.js';

type TellDeps = Pick<CaseDeps, 'staff' | 'contacts' | 'send' | 'logger' | 'clock' | 'org'>;

/**
 * A text for the worker of a person on their caseload (a safeguarding alert, a notice). A worker
 * who cannot get it, because they texted STOP or are no longer on the staff list, must not miss it
 * silently: it goes to the managers instead, saying why (redirectedToManagers). `id`: a job's key
 * for the text (each manager's copy is keyed `<id>:<manager>`); in a turn, the turn's ids.
 * A notice waits in the outbox for working hours (Monday to Friday 09:00-17:00), as escalations
 * and the digest keep to them; an alert goes at once, whatever the hour.
 */
export async function tellWorker(
  deps: TellDeps,
  about: { workerId: string; reference: string },
  text: string,
  options: { purpose: Extract<MessagePurpose, 'alert' | 'notice'>; id?: string; notBefore?: Date },
): Promise<void> {
  const notBefore = options.notBefore ?? (options.purpose === 'notice' ? addWorkingHours(deps.clock.now(), 0, deps.org.timezone) : undefined);
  options = { ...options, ...(notBefore ? { notBefore } : {}) };
  const reach = await reachWorker(deps, about);
  if ('member' in reach) {
    await tellStaff(deps, reach.member, text, options.purpose, options.id, { ...(reach.contact ? { contact: reach.contact } : {}), ...(options.notBefore ? { notBefore: options.notBefore } : {}) });
    return;
  }
  const managers = await managersOf(deps);
  if (managers.length === 0) deps.logger.error({ reference: about.reference, why: reach.unreachable.why }, 'a text for a worker who cannot get it has no manager to go to');
  const redirected = redirectedToManagers(text, reach.unreachable, options.purpose === 'alert' ? 'alert' : 'message');
  for (const manager of managers) {
    await tellStaff(deps, manager, redirected, options.purpose, options.id && `${options.id}:${manager.id}`, options.notBefore ? { notBefore: options.notBefore } : {});
  }
}

/**
 * Whether a person's worker can be texted: the member and their number's record (which delivery
 * then need not read again), or why not.
 */
export async function reachWorker(deps: Pick<CaseDeps, 'staff' | 'contacts'>, about: { workerId: string; reference: string }): Promise<{ member: StaffMember; contact?: Contact } | { unreachable: UnreachableWorker }> {
  const member = await deps.staff.get(about.workerId);
  if (!member) return { unreachable: { why: 'not-on-staff', reference: about.reference } };
  const contact = (await deps.contacts.get(member.phoneHash)) ?? undefined;
  const suppressed = contact ? contact.suppressed : await deps.contacts.isSuppressed(member.phoneHash);
  if (suppressed) return { unreachable: { why: 'opted-out', workerName: member.name } };
  return { member, ...(contact ? { contact } : {}) };
}
