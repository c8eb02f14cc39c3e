import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';

/** Every programme, oldest first, exactly one of them marked as the default (none when there are none). */
export async function listProgrammes(deps: { programmes: ProgrammeCatalogue }): Promise<Programme[]> {
  return deps.programmes.list();
}
