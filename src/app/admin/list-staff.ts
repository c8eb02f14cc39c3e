import { z } from 'zod';
import { describeInputIssues, refuse, type AdminResult } from './admin-result.js';
import type { StaffDirectory } from '../ports/staff-directory.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import { staffRoleSchema, staffTeamSchema } from './staff-input.js';
import { staffView, type StaffView } from './staff-view.js';

/** Active staff (removed members are hidden), optionally by role and team, phones masked. */
export async function listStaff(deps: { staff: StaffDirectory; phones: PhoneProtector }, filter: unknown = {}): Promise<AdminResult<StaffView[]>> {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) return refuse('invalid', describeInputIssues(parsed.error.issues));
  const { role, team } = parsed.data;
  const members = await deps.staff.list({ ...(role ? { role } : {}), ...(team ? { team } : {}) });
  return { ok: true, value: members.map((member) => staffView(member, deps.phones)) };
}

const filterSchema = z.strictObject({ role: staffRoleSchema.optional(), team: staffTeamSchema.optional() });
