import { caseloadStatuses } from '../../domain/cases/caseload-line.js';
import { refuse, type AdminResult } from './admin-result.js';
import { findStaffMember } from './find-staff-member.js';
import { reassignCaseload, type ReassignDeps, type Reassigned } from './reassign-caseload.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { StaffDirectory, StaffRole } from '../ports/staff-directory.js';
import type { Clock } from '../ports/clock.js';
import type { StaffCredentials } from '../ports/staff-credentials.js';

export interface RemovedStaff {
  id: string;
  name: string;
  role: StaffRole;
  team: string;
  removedAt: Date;
  /** Their caseload, when it was moved to someone else on the way out. */
  reassigned?: Reassigned;
}

export type RemoveStaffDeps = ReassignDeps & { staff: StaffDirectory; audit: AuditLog; clock: Clock; credentials: StaffCredentials };

/**
 * Removes a member of staff softly: their history stays attributable to them, but they can no
 * longer text the bot and their number is free for someone else. The CLI may name the member
 * (`matchName`); the API goes by id only, since names need not be unique.
 *
 * Someone with a live caseload is not removed unless `reassignTo` names the worker who takes it
 * (reassignCaseload, which tells both): otherwise their people would go on being reminded and
 * lapsing with nobody told. An ENROL the member texts in the instant between the move and the
 * removal would stay behind; `staff reassign <their id> <to>` moves it later (the removed
 * member's id is accepted as where a caseload comes from).
 */
export async function removeStaff(
  deps: RemoveStaffDeps,
  reference: string,
  actor: string,
  options: { matchName?: boolean; reassignTo?: string } = {},
): Promise<AdminResult<RemovedStaff>> {
  const found = await findStaffMember(deps.staff, reference, options.matchName ?? false);
  if (!found.ok) return found;
  const member = found.value;
  let reassigned: Reassigned | undefined;
  if (options.reassignTo !== undefined) {
    const moved = await reassignCaseload(deps, member.id, options.reassignTo, actor, { matchName: options.matchName ?? false });
    if (!moved.ok) return refuse(moved.kind, moved.problems.map((problem) => problem.replace(/^to: /, 'reassign to: ')).filter((problem) => !problem.startsWith('from: ')));
    reassigned = moved.value;
  } else {
    const live = (await deps.cases.enrolmentsOfWorker(member.id)).filter((enrolment) => caseloadStatuses.has(enrolment.status));
    if (live.length > 0) return refuse('conflict', [stillHolds(member.name, live.map((enrolment) => enrolment.reference).sort())]);
  }
  const removedAt = deps.clock.now();
  // false: someone removed them between the lookup and now, which is the outcome asked for anyway.
  if (!(await deps.staff.remove(member.id, removedAt))) return refuse('not-found', [`no current staff member with id "${member.id}"`]);
  // Their web sessions and API tokens end with them (each request also checks the member still exists).
  await deps.credentials.revokeAll(member.id);
  const moved = reassigned ? { reassignedTo: reassigned.to.id, moved: reassigned.moved } : {};
  await deps.audit.record({ actor, action: 'staff.remove', subject: member.id, at: removedAt, details: { name: member.name, ...moved } });
  return { ok: true, value: { id: member.id, name: member.name, role: member.role, team: member.team, removedAt, ...(reassigned ? { reassigned } : {}) } };
}

function stillHolds(name: string, references: readonly string[]): string {
  const listed = references.length <= 5 ? references.join(', ') : `${references.slice(0, 5).join(', ')} and ${references.length - 5} more`;
  return `${name} still has ${references.length} ${references.length === 1 ? 'person' : 'people'} on their caseload (${listed}): ` +
    'name the worker who takes them over (staff remove --reassign-to <id-or-name>, or DELETE /api/staff/:id?reassignTo=<staff id>), or move them first with staff reassign';
}
