import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { AuditLog } from '../../app/case-ports.js';

interface AuditDoc {
  _id: string;
  actor: string;
  action: string;
  subject?: string;
  at: Date;
  details?: Record<string, unknown>;
}

/** The auditLog collection: insert only. Callers keep phone numbers and health answers out of entries. */
export function createMongoAuditLog(db: Db): AuditLog {
  const entries = db.collection<AuditDoc>('auditLog');
  return {
    async record(entry) {
      await entries.insertOne({
        _id: randomUUID(),
        actor: entry.actor,
        action: entry.action,
        at: entry.at,
        ...(entry.subject === undefined ? {} : { subject: entry.subject }),
        ...(entry.details === undefined ? {} : { details: entry.details }),
      });
    },
  };
}
