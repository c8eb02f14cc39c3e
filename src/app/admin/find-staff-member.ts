import { refuse, type AdminResult } from './admin-result.js';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory.js';

/**
 * A current member of staff by id or, when `matchName` (the CLI: people type names), by name in any
 * case. A name two members share is refused with both, to be given by id; the API goes by id only.
 */
export async function findStaffMember(staff: Pick<StaffDirectory, 'get' | 'list'>, typed: string, matchName: boolean): Promise<AdminResult<StaffMember>> {
  const reference = typed.trim();
  const byId = reference === '' ? null : await staff.get(reference);
  if (byId) return { ok: true, value: byId };
  const wanted = reference.toLowerCase();
  const named = matchName && reference !== '' ? (await staff.list()).filter((member) => member.name.toLowerCase() === wanted) : [];
  const [only, ...others] = named;
  if (only && others.length === 0) return { ok: true, value: only };
  if (only) {
    const listed = named.map((member) => `${member.name} (${member.role}, team ${member.team}, id ${member.id})`).join('; ');
    return refuse('invalid', [`"${reference}" matches ${named.length} staff members: ${listed}; give one by its id`]);
  }
  return refuse('not-found', [`no current staff member ${matchName ? 'with id or name' : 'with id'} "${reference}"`]);
}
