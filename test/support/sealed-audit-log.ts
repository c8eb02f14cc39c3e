import type { Db } from 'mongodb';
import { createMongoAuditTrail } from '../../src/adapters/mongo/mongo-audit-trail.js';

/**
 * The `auditLog` collection once every recorded entry is sealed into it: entries land in
 * `auditInbox` and the sealer (a recurring job in the server) links them into the chain, so a test
 * that reads the log directly seals first, as `audit list` and GET /api/audit do.
 */
export async function sealedAuditLog(db: Db) {
  await createMongoAuditTrail(db).seal();
  return db.collection('auditLog');
}

/** Empties the audit log and what is waiting to be sealed (a test's fresh start). */
export async function clearAuditLog(db: Db): Promise<void> {
  await Promise.all([db.collection('auditLog').deleteMany({}), db.collection('auditInbox').deleteMany({})]);
}
