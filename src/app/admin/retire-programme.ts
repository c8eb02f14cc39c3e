import { refuse, type AdminResult } from './admin-result.js';
import type { AddProgrammeDeps } from './add-programme.js';
import { findProgramme } from './find-programme.js';
import type { Programme } from '../ports/programme-catalogue.js';

/**
 * Stops new enrolments on a programme (ENROL then says it is retired and names the default);
 * people already on it carry on to the end of their plan. The default cannot be retired: ENROL
 * without a programme name must always have somewhere to go. Audited.
 */
export async function retireProgramme(deps: Pick<AddProgrammeDeps, 'programmes' | 'audit' | 'clock'>, reference: string, actor: string): Promise<AdminResult<Programme>> {
  const found = await findProgramme(deps.programmes, reference);
  if (!found.ok) return found;
  const programme = found.value;
  if (programme.retiredAt) return refuse('conflict', [`${programme.name} was already retired on ${programme.retiredAt.toISOString().slice(0, 10)}`]);
  if (programme.isDefault) {
    return refuse('conflict', [`${programme.name} is the default programme: make another one the default first (programme edit <name> --default), then retire it`]);
  }
  const now = deps.clock.now();
  const retired = { ...programme, retiredAt: now };
  if ((await deps.programmes.update(retired, programme.planVersion ?? 1)) === 'conflict') {
    return refuse('conflict', [`${programme.name} was changed by someone else at the same time; try again`]);
  }
  await deps.audit.record({ actor, action: 'programme.retire', subject: programme.id, at: now, details: { name: programme.name } });
  return { ok: true, value: retired };
}
