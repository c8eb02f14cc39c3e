import type { InboundMessage } from '../ports/message-log.js';
import { tellStaff, type CaseDeps } from './case-deps.js';
import { tellWorker } from './tell-worker.js';
import { scopeToTurn } from './scope-to-turn.js';

/**
 * A message whose turn failed for good is never silently dropped: a member of staff who sent it is
 * asked to send it again; a service-user's worker is told to check in with them (by reference
 * only, never what they wrote). Keyed by the message, so telling twice sends once.
 */
export async function reportFailedTurn(deps: CaseDeps, message: InboundMessage): Promise<void> {
  const scoped = scopeToTurn(deps, `${message.id}:failed`);
  const member = await deps.staff.findByPhoneHash(message.phoneHash);
  if (member) {
    await tellStaff(scoped, member, `Sorry, promptly could not handle your last message. Please send it again in a few minutes.`);
    return;
  }
  const person = await deps.cases.serviceUserByPhoneHash(message.phoneHash);
  const enrolment = person ? await deps.cases.liveEnrolment(person.id) : null;
  if (!person || !enrolment) return;
  await tellWorker(scoped, enrolment, `promptly could not handle a reply from ${person.reference}. Please check in with them; their answers so far are kept.`, { purpose: 'notice' });
}
