import { createHash } from 'node:crypto';
import { caseloadStatuses } from '../../domain/cases/caseload-line.js';
import { normaliseToGsm7 } from '../../domain/messaging/normalise-to-gsm7.js';
import { refuse, type AdminResult } from './admin-result.js';
import { findStaffMember } from './find-staff-member.js';
import { tellStaff, type OutgoingText } from '../cases/case-deps.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory.js';
import type { ContactBook } from '../ports/contact-book.js';
import type { TurnLocks } from '../ports/turn-locks.js';
import { withNumberLock } from '../cases/with-number-lock.js';

export interface ReassignDeps {
  staff: Pick<StaffDirectory, 'get' | 'list'>;
  cases: Pick<CaseStore, 'enrolmentsOfWorker' | 'openAlerts' | 'staffNames' | 'moveEnrolments' | 'moveAssessmentsToCome' | 'moveOpenAlerts'>;
  audit: AuditLog;
  clock: Clock;
  /** Records a text in the outbox (an id already recorded is not recorded again). */
  send(message: OutgoingText): Promise<string>;
  /** Each person's conversation carries their worker too (for alerts and notices): moved under their lock. */
  contacts: Pick<ContactBook, 'get' | 'saveConversation'>;
  locks: TurnLocks;
}

export interface Reassigned {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** How many people moved, and their references (pseudonymous), in order. */
  moved: number;
  references: string[];
}

/**
 * Moves a worker's live caseload (pending consent, no reply to consent yet, active, paused) to
 * another worker: the enrolments, what is still to come of them (scheduled, open and in-progress
 * assessments, so reminders, lapses and the digest follow the new worker) and their open alerts.
 * Both workers are told by text, by reference only ("SU-0007 and 2 others are now on your
 * caseload"), and it is audited. Everything a reassignment moves goes through this one function:
 * whatever else comes to carry the worker (a copy on the conversation, say) is moved here too.
 *
 * `from` may be a member removed before removal refused a caseload: their orphans are moved by id.
 * The receiver must be a current worker (workers get the daily digest that reports lapses).
 *
 * No transaction (FerretDB has none): the audit entry and the texts come first, under an id made
 * from the two workers and the enrolments moved, then the moves, enrolments last. Every step is
 * idempotent, so a run interrupted anywhere is finished by running it again: the enrolments still
 * on `from` are the same, so are the ids, and the outbox and the audit log keep each entry once.
 */
export async function reassignCaseload(
  deps: ReassignDeps,
  fromReference: string,
  toReference: string,
  actor: string,
  /** `references`: move only these people (the web record's "reassign"), not the whole caseload. */
  options: { matchName?: boolean; references?: readonly string[] } = {},
): Promise<AdminResult<Reassigned>> {
  const matchName = options.matchName ?? false;
  const [from, to] = await Promise.all([findGiver(deps, fromReference, matchName), findStaffMember(deps.staff, toReference, matchName)]);
  if (!from.ok || !to.ok) {
    // Both named people at once, as every refusal lists every problem; "not found" only when that is all.
    const problems = [...(from.ok ? [] : from.problems.map((p) => `from: ${p}`)), ...(to.ok ? [] : to.problems.map((p) => `to: ${p}`))];
    const kinds = [from, to].flatMap((found) => (found.ok ? [] : [found.kind]));
    return refuse(kinds.find((kind) => kind !== 'not-found') ?? 'not-found', problems);
  }
  const giver = from.value;
  const taker = to.value;
  if (taker.id === giver.id) return refuse('invalid', [`to: ${taker.name} is the worker the caseload is moving from; name someone else`]);
  if (taker.role !== 'worker') return refuse('invalid', [`to: ${taker.name} is a ${taker.role}; a caseload goes to a worker, who gets the daily digest of lapses`]);

  const live = (await deps.cases.enrolmentsOfWorker(giver.id))
    .filter((enrolment) => caseloadStatuses.has(enrolment.status) && (!options.references || options.references.includes(enrolment.reference)));
  const result = { from: { id: giver.id, name: giver.name }, to: { id: taker.id, name: taker.name }, moved: live.length, references: live.map((e) => e.reference).sort() };
  if (live.length === 0) return { ok: true, value: result };
  const ids = live.map((enrolment) => enrolment.id);
  const key = `reassign:${giver.id}:${taker.id}:${createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 16)}`;
  const now = deps.clock.now();
  const withAlerts = new Set((await deps.cases.openAlerts({ workerId: giver.id })).filter((alert) => ids.includes(alert.enrolmentId)).map((alert) => alert.reference));

  await deps.audit.record({ id: key, actor, action: 'caseload.reassign', subject: giver.id, at: now, details: { from: giver.id, to: taker.id, enrolments: ids.length, references: result.references } });
  const who = describe(result.references);
  const alerts = withAlerts.size === 0 ? '' : ` ${withAlerts.size === 1 ? `${[...withAlerts][0]} has` : `${withAlerts.size} of them have`} an open alert.`;
  await tellStaff(deps, taker, `${who} ${result.references.length === 1 ? 'is' : 'are'} now on your caseload, from ${plain(giver.name)}.${alerts} Text STATUS to see them.`, 'notice', `${key}:to`);
  // A removed member has no number left to tell.
  if (giver.member) await tellStaff(deps, giver.member, `${who} ${result.references.length === 1 ? 'has' : 'have'} moved to ${plain(taker.name)}'s caseload.`, 'notice', `${key}:from`);
  await deps.cases.moveAssessmentsToCome(ids, taker.id);
  await deps.cases.moveOpenAlerts(ids, taker.id);
  for (const enrolment of live) if (enrolment.phoneHash) await moveConversation(deps, enrolment.phoneHash, enrolment.id, taker.id);
  await deps.cases.moveEnrolments(ids, taker.id, now);
  return { ok: true, value: result };
}

/** The worker on the person's conversation, when it is this enrolment's (older enrolments carry no number: their conversation reads the enrolment). */
async function moveConversation(deps: ReassignDeps, phoneHash: string, enrolmentId: string, workerId: string): Promise<void> {
  await withNumberLock(deps, phoneHash, async () => {
    const conversation = (await deps.contacts.get(phoneHash))?.conversation;
    if (!conversation?.enrolment || conversation.enrolment.id !== enrolmentId || conversation.enrolment.workerId === workerId) return;
    await deps.contacts.saveConversation({ ...conversation, enrolment: { ...conversation.enrolment, workerId } });
  });
}

/** The worker a caseload leaves: a current member, or a removed one's id (whose caseload was left behind). */
async function findGiver(deps: ReassignDeps, reference: string, matchName: boolean): Promise<AdminResult<{ id: string; name: string; member?: StaffMember }>> {
  const current = await findStaffMember(deps.staff, reference, matchName);
  if (current.ok) return { ok: true, value: { id: current.value.id, name: current.value.name, member: current.value } };
  const name = current.kind === 'not-found' ? (await deps.cases.staffNames([reference.trim()])).get(reference.trim()) : undefined;
  return name === undefined ? current : { ok: true, value: { id: reference.trim(), name } };
}

/** "SU-0007", "SU-0007 and 1 other", "SU-0007 and 2 others". */
function describe(references: readonly string[]): string {
  const others = references.length - 1;
  return others === 0 ? `${references[0]}` : `${references[0]} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

function plain(name: string): string {
  const characters = [...normaliseToGsm7(name).replace(/\s+/g, ' ').trim()];
  return characters.length <= 30 ? characters.join('') : `${characters.slice(0, 29).join('').trimEnd()}.`;
}
