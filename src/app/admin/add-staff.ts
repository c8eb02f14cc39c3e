import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { describeInputIssues, refuse, type AdminResult } from './admin-result.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory.js';
import type { Clock } from '../ports/clock.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import { staffNameSchema, staffPhoneSchema, staffRoleSchema, staffTeamSchema } from './staff-input.js';
import { staffView, type StaffView } from './staff-view.js';

export interface AddStaffDeps {
  staff: StaffDirectory;
  phones: PhoneProtector;
  audit: AuditLog;
  clock: Clock;
}

export type AddStaffInput = z.input<typeof addStaffSchema>;

/**
 * Adds a member of staff who may then text the bot. A number belongs to one active member: the
 * unique index on the phone's hash decides (FerretDB has no atomic find-then-insert), and the
 * refusal names who holds it. Phone numbers stay out of the audit entry.
 */
export async function addStaff(deps: AddStaffDeps, input: unknown, actor: string): Promise<AdminResult<StaffView>> {
  const parsed = addStaffSchema.safeParse(input);
  if (!parsed.success) return refuse('invalid', describeInputIssues(parsed.error.issues));
  const { name, phone, role, team } = parsed.data;
  const member: StaffMember = {
    id: randomUUID(),
    name,
    role,
    team,
    phoneHash: deps.phones.hash(phone),
    phoneEnc: deps.phones.encrypt(phone),
    createdAt: deps.clock.now(),
  };
  if ((await deps.staff.add(member)) === 'duplicate-phone') {
    const holder = await deps.staff.findByPhoneHash(member.phoneHash);
    const who = holder ? `${holder.name} (id ${holder.id})` : 'another member of staff';
    return refuse('duplicate', [`phone: that number already belongs to ${who}; remove them first or give another number`]);
  }
  await deps.audit.record({ actor, action: 'staff.add', subject: member.id, at: member.createdAt, details: { name, role, team } });
  return { ok: true, value: staffView(member, deps.phones) };
}

const addStaffSchema = z.strictObject(
  {
    name: staffNameSchema,
    phone: staffPhoneSchema,
    role: staffRoleSchema,
    team: staffTeamSchema.default('main'),
  },
  { error: 'expected a JSON object such as {"name": "Sam Jones", "phone": "07700 900123", "role": "worker"}' },
);
