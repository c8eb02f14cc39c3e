import { refuse, type AdminResult } from './admin-result.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { StaffDirectory, StaffMember, StaffRole } from '../ports/staff-directory.js';
import type { Clock } from '../ports/clock.js';

export interface RemovedStaff {
  id: string;
  name: string;
  role: StaffRole;
  team: string;
  removedAt: Date;
}

/**
 * Removes a member of staff softly: their history stays attributable to them, but they can no
 * longer text the bot and their number is free for someone else. The CLI may name the member
 * (`matchName`); the API goes by id only, since names need not be unique.
 */
export async function removeStaff(
  deps: { staff: StaffDirectory; audit: AuditLog; clock: Clock },
  reference: string,
  actor: string,
  options: { matchName?: boolean } = {},
): Promise<AdminResult<RemovedStaff>> {
  const found = await resolve(deps.staff, reference.trim(), options.matchName ?? false);
  if (!found.ok) return found;
  const member = found.value;
  const removedAt = deps.clock.now();
  // false: someone removed them between the lookup and now, which is the outcome asked for anyway.
  if (!(await deps.staff.remove(member.id, removedAt))) return refuse('not-found', [`no current staff member with id "${member.id}"`]);
  await deps.audit.record({ actor, action: 'staff.remove', subject: member.id, at: removedAt, details: { name: member.name } });
  return { ok: true, value: { id: member.id, name: member.name, role: member.role, team: member.team, removedAt } };
}

async function resolve(staff: StaffDirectory, reference: string, matchName: boolean): Promise<AdminResult<StaffMember>> {
  const byId = reference === '' ? null : await staff.get(reference);
  if (byId) return { ok: true, value: byId };
  const wanted = reference.toLowerCase();
  const named = matchName && reference !== '' ? (await staff.list()).filter((member) => member.name.toLowerCase() === wanted) : [];
  const [only, ...others] = named;
  if (only && others.length === 0) return { ok: true, value: only };
  if (only) {
    const listed = named.map((member) => `${member.name} (${member.role}, team ${member.team}, id ${member.id})`).join('; ');
    return refuse('invalid', [`"${reference}" matches ${named.length} staff members: ${listed}; remove one by its id`]);
  }
  return refuse('not-found', [`no current staff member ${matchName ? 'with id or name' : 'with id'} "${reference}"`]);
}
