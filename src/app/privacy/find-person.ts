import { formatReference, parseReference } from '../../domain/cases/enrolment.js';
import type { CaseStore, ServiceUser } from '../ports/case-store.js';

/** The person a reference such as SU-0042 (or su-42) names, or null when nobody has it. */
export async function findPerson(cases: Pick<CaseStore, 'serviceUserByReference'>, reference: string): Promise<ServiceUser | null> {
  const n = parseReference(reference);
  return n ? cases.serviceUserByReference(formatReference(n)) : null;
}
