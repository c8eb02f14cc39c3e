import { createHash } from 'node:crypto';

/** One entry as it stands in the chain: its place (`seq`, from 1), the caller's id, what happened, and the link. */
export interface SealedAuditEntry {
  seq: number;
  entryId: string;
  actor: string;
  action: string;
  subject?: string;
  at: Date;
  details?: Record<string, unknown>;
  /** The previous entry's hash ('' before the first). */
  prevHash: string;
  /** sha256 over the canonical form of this entry and prevHash. */
  hash: string;
}

export type ChainBreak = { seq: number; entryId: string; problem: string };

/**
 * The hash of an entry's link: sha256 of the previous hash and the canonical JSON of every field
 * but the hash itself, seq included, so an entry moved to another place no longer matches.
 */
export function linkHash(entry: Omit<SealedAuditEntry, 'hash'> & { hash?: string }): string {
  const { prevHash, hash: _hash, ...fields } = entry;
  return createHash('sha256').update(prevHash, 'utf8').update('\n', 'utf8').update(canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * Checks one link against the entry before it (null for the first): a gap in the sequence (an
 * entry deleted or moved), a previous hash that is not the one before (reordered), or a hash that
 * no longer matches the fields (changed). Null when the link holds.
 */
export function checkLink(previous: SealedAuditEntry | null, entry: SealedAuditEntry): ChainBreak | null {
  const broken = (problem: string): ChainBreak => ({ seq: entry.seq, entryId: entry.entryId, problem });
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq !== expectedSeq) return broken(`expected entry ${expectedSeq} next, found ${entry.seq}: entries are missing or moved`);
  if (entry.prevHash !== (previous?.hash ?? '')) return broken('its previous-hash is not the hash of the entry before it');
  if (linkHash(entry) !== entry.hash) return broken('its contents no longer match its hash');
  return null;
}

/**
 * JSON with object keys sorted at every level, dates as ISO strings and undefined fields left
 * out, so the same entry hashes the same whichever process or driver wrote and read it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) out[key] = canonical(field);
    }
    return out;
  }
  return value;
}
