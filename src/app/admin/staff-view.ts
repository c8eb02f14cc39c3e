import { maskPhoneNumber } from '../../domain/messaging/phone-number.js';
import type { StaffMember, StaffRole } from '../ports/staff-directory.js';
import type { PhoneProtector } from '../ports/phone-protector.js';

/** A staff member as the CLI and the admin API show one: the phone masked, never in clear. */
export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  team: string;
  phone: string;
  createdAt: Date;
}

export function staffView(member: StaffMember, phones: PhoneProtector): StaffView {
  return { id: member.id, name: member.name, role: member.role, team: member.team, phone: maskedPhone(member.phoneEnc, phones), createdAt: member.createdAt };
}

function maskedPhone(phoneEnc: string, phones: PhoneProtector): string {
  try {
    return maskPhoneNumber(phones.decrypt(phoneEnc));
  } catch {
    // A rotated or wrong APP_ENCRYPTION_KEY must not stop the list from showing who is on it.
    return '(cannot be read with this APP_ENCRYPTION_KEY)';
  }
}
