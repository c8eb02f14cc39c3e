import type { ChainBreak, SealedAuditEntry } from '../../domain/audit/audit-chain.js';

/** Reading and sealing the audit log (recording goes through AuditLog, which only inserts). */
export interface AuditTrail {
  /** Links every recorded entry not yet in the chain into it, oldest first; returns how many. */
  seal(): Promise<number>;
  /** Seals, then walks the whole chain: the first broken link, or how many entries hold. */
  verify(): Promise<{ intact: true; entries: number } | { intact: false; entries: number; broken: ChainBreak }>;
  /** Seals, then the entries that match, in chain order, at most `limit` after `afterSeq`. */
  list(filter: AuditFilter): Promise<SealedAuditEntry[]>;
}

export interface AuditFilter {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actor?: string;
  subject?: string;
  afterSeq?: number;
  limit: number;
}
