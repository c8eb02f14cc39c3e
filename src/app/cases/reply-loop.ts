import { replyBudget, type ReplyBudget, type ReplyLoopState } from '../../domain/messaging/reply-budget.js';
import type { Contact } from '../ports/contact-book.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { managersOf, tellStaff, type CaseDeps } from './case-deps.js';
import { tellWorker } from './tell-worker.js';

/** Replies per number per rolling hour when MAX_REPLIES_PER_HOUR is not set. */
export const defaultMaxRepliesPerHour = 10;

/** The turn's reply budget, from the number's record as the turn read it (no read of its own). */
export function turnReplyBudget(deps: Pick<CaseDeps, 'clock' | 'maxRepliesPerHour'>, contact: Contact): ReplyBudget {
  return replyBudget(contact.replyLoop, deps.clock.now(), deps.maxRepliesPerHour ?? defaultMaxRepliesPerHour);
}

/**
 * What the turn writes back of its budget, if anything: the reply it sent, or the start of an
 * episode of silence (and that staff were told). A reply held back inside an episode writes nothing.
 */
export function replyLoopToSave(budget: ReplyBudget, replied: boolean): ReplyLoopState | undefined {
  if (budget.allowed) return replied ? budget.next : undefined;
  return budget.tell || budget.startsEpisode ? budget.next : undefined;
}

/**
 * Tells the person's worker (for staff: the managers) that replies to their number are held back.
 * The text's id comes from the turn (`<key>/loop`), so a turn run again tells them once. The
 * worker's is a notice that waits for working hours (tellWorker); the managers' goes at once, as a
 * staff phone that answers every text is usually one that has changed hands or been set up wrong.
 */
export async function tellOfReplyLoop(
  deps: Pick<CaseDeps, 'staff' | 'contacts' | 'send' | 'logger' | 'clock' | 'org' | 'maxRepliesPerHour'>,
  key: string,
  who: { serviceUser: { workerId: string; reference: string } } | { staff: StaffMember },
): Promise<void> {
  const limit = deps.maxRepliesPerHour ?? defaultMaxRepliesPerHour;
  const what = `seems to answer every text automatically (${limit} replies in an hour), so promptly has stopped replying to it for an hour.`;
  if ('serviceUser' in who) {
    const { reference } = who.serviceUser;
    await tellWorker(deps, who.serviceUser, `${reference}'s phone ${what} Their answers are still recorded. Please check with them.`, { purpose: 'notice', id: `${key}/loop` });
    return;
  }
  const managers = (await managersOf(deps)).filter((manager) => manager.id !== who.staff.id);
  if (managers.length === 0) deps.logger.warn({ staffId: who.staff.id }, 'replies to a staff number are held back (reply loop) and there is no other manager to tell');
  for (const manager of managers) {
    await tellStaff(deps, manager, `The staff phone of ${who.staff.name} ${what} Please check their phone.`, 'notice', `${key}/loop:${manager.id}`);
  }
}
