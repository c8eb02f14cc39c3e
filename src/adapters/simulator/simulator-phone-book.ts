import type { CaseStore, ServiceUser } from '../../app/ports/case-store.js';
import type { StaffDirectory } from '../../app/ports/staff-directory.js';
import type { PhoneProtector } from '../../app/ports/phone-protector.js';
import type { SimulatorPhone, SimulatorRole } from './simulator-message.js';

export type SimulatorPhoneBook = ReturnType<typeof createSimulatorPhoneBook>;

/**
 * Who holds a number, for the simulator's thread headers: a member of staff by name and role, a
 * service-user by their SU reference (and the worker's label for them), else an unknown number.
 */
export function createSimulatorPhoneBook(deps: { staff: StaffDirectory; cases: CaseStore; phones: PhoneProtector }) {
  // Only found holders are remembered: an unknown number may be enrolled a moment later.
  const known = new Map<string, SimulatorPhone>();
  const personLabel = (person: ServiceUser) =>
    person.labelEnc ? `${person.reference} (${deps.phones.decrypt(person.labelEnc)})` : person.reference;
  return {
    async describe(phone: string): Promise<SimulatorPhone> {
      const remembered = known.get(phone);
      if (remembered) return remembered;
      const phoneHash = deps.phones.hash(phone);
      const member = await deps.staff.findByPhoneHash(phoneHash);
      const person = member ? null : await deps.cases.serviceUserByPhoneHash(phoneHash);
      const found: SimulatorPhone | undefined = member
        ? { phone, label: member.name, role: member.role }
        : person ? { phone, label: personLabel(person), role: 'service-user' } : undefined;
      if (!found) return { phone, label: 'Unknown number', role: 'unknown' };
      known.set(phone, found);
      return found;
    },
    /** Staff phones first, so the page opens with the people who start things: workers, then managers. */
    async staffPhones(): Promise<SimulatorPhone[]> {
      const members = await deps.staff.list();
      return members
        .map((member) => ({ phone: deps.phones.decrypt(member.phoneEnc), label: member.name, role: member.role as SimulatorRole }))
        .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.label.localeCompare(b.label));
    },
  };
}

export const roleOrder: SimulatorRole[] = ['worker', 'manager', 'admin', 'analyst', 'service-user', 'unknown'];
