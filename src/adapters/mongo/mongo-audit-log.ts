import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { AuditLog } from '../../app/ports/audit-log.js';
import { insertUnlessPresent } from './documents.js';

interface AuditDoc {
  _id: string;
  actor: string;
  action: string;
  subject?: string;
  at: Date;
  details?: Record<string, unknown>;
}

/**
 * The auditLog collection: insert only. Callers keep phone numbers and health answers out of
 * entries. An entry with a caller's id that is already there (a replayed turn) is left as it was.
 */
export function createMongoAuditLog(db: Db): AuditLog {
  const entries = db.collection<AuditDoc>('auditLog');
  return {
    async record(entry) {
      await insertUnlessPresent(() => entries.insertOne({
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

