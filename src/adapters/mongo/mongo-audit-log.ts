import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { AuditLog } from '../../app/ports/audit-log.js';
import { insertUnlessPresent } from './documents.js';

/** An entry as recorded, before it is linked into the chain (mongo-audit-trail.ts seals it). */
export interface AuditInboxDoc {
  _id: string;
  actor: string;
  action: string;
  subject?: string;
  at: Date;
  details?: Record<string, unknown>;
}

/**
 * Recording an entry is one insert into `auditInbox`, keyed by the caller's id: a replayed turn's
 * entry (`<key>/a<n>`) is the same document, so it is recorded once. Nothing here updates or
 * deletes; the chain itself (`auditLog`) is written only by the sealer.
 *
 * Why not chain inline: linking an entry needs the last one (a read, and on FerretDB's SQLite
 * backend a sort that scans) and, with several processes, a retry on a clash: two or more commands
 * more on every turn that records one, over the round-trip ceilings (ENROL is at its 35). The
 * sealer does that work in the background every few seconds, and before every verify or list.
 * Callers keep phone numbers and health answers out of entries.
 */
export function createMongoAuditLog(db: Db): AuditLog {
  const inbox = db.collection<AuditInboxDoc>('auditInbox');
  return {
    async record(entry) {
      await insertUnlessPresent(() => inbox.insertOne({
        _id: entry.id ?? randomUUID(),
        actor: entry.actor,
        action: entry.action,
        at: entry.at,
        ...(entry.subject === undefined ? {} : { subject: entry.subject }),
        ...(entry.details === undefined ? {} : { details: entry.details }),
      }));
    },
  };
}
