import { refuse, type AdminResult } from '../admin/admin-result.js';
import { withNumberLock } from '../cases/with-number-lock.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { ErasureCounts, PrivacyStore } from '../ports/privacy-store.js';
import type { TurnLocks } from '../ports/turn-locks.js';
import { findPerson } from './find-person.js';

export interface ErasureDeps {
  cases: Pick<CaseStore, 'serviceUserByReference'>;
  privacy: PrivacyStore;
  locks: TurnLocks;
  audit: AuditLog;
  clock: Clock;
}

export type ErasureOutcome = { reference: string; status: 'erased'; counts: ErasureCounts; scoresRemoved: boolean } | { reference: string; status: 'already-erased'; erasedAt: Date };

/**
 * Erases a person (a right-to-erasure request, or retention): see PrivacyStore.erase. It runs
 * holding the number's turn lock, so a turn in flight finishes first and no turn can write the
 * number's record back afterwards; a message from the number after this is a stranger's. The
 * reference stays, marked erased, so records and figures that name it still add up. Erasing again
 * changes nothing and says so. The audit entry has who, whom (the reference) and counts only.
 */
export async function erasePerson(deps: ErasureDeps, reference: string, actor: string, options: { removeScores?: boolean; via?: string } = {}): Promise<AdminResult<ErasureOutcome>> {
  const person = await findPerson(deps.cases, reference);
  if (!person) return refuse('not-found', [`no service-user ${reference}`]);
  if (person.erasedAt) return { ok: true, value: { reference: person.reference, status: 'already-erased', erasedAt: person.erasedAt } };
  const removeScores = options.removeScores === true;
  const counts = await withNumberLock(deps, person.phoneHash, () => deps.privacy.erase(person, { removeScores, at: deps.clock.now() }));
  await deps.audit.record({
    actor, action: 'person.erased', subject: person.reference, at: deps.clock.now(),
    details: { ...counts, scoresRemoved: removeScores, ...(options.via ? { via: options.via } : {}) },
  });
  return { ok: true, value: { reference: person.reference, status: 'erased', counts, scoresRemoved: removeScores } };
}
