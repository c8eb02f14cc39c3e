import { refuse, type AdminResult } from './admin-result.js';
import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';

/** A programme by id, short name or name (any case), read fresh: an edit must start from what is stored. */
export async function findProgramme(programmes: ProgrammeCatalogue, reference: string): Promise<AdminResult<Programme>> {
  const typed = reference.trim();
  const found = typed === '' ? null : ((await programmes.find(typed)) ?? (await programmes.list()).find((p) => p.id === typed) ?? null);
  if (found) return { ok: true, value: found };
  const known = (await programmes.list()).map((p) => p.slug);
  return refuse('not-found', [`no programme "${typed}"${known.length > 0 ? ` (programmes: ${known.join(', ')})` : ''}`]);
}
