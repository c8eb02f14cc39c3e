import type { Db } from 'mongodb';
import type { AuditInboxDoc } from './mongo-audit-log.js';

const marker = 'migration.audit-chain.v1';

/**
 * Once per database, before the indexes: entries recorded before the chain (in `auditLog`, keyed
 * by their own ids) are copied into `auditInbox`, to be sealed into the chain in (at, id) order,
 * and the old collection is renamed `auditLogUnchained` and kept as it was. Nothing is updated or
 * deleted. Runs before ensureIndexes, since the chain's unique `entryId` index could not be built
 * over entries that have none.
 */
export async function migrateAuditLog(db: Db): Promise<{ copied: number } | null> {
  const settings = db.collection<{ _id: string; at: Date }>('settings');
  if (await settings.findOne({ _id: marker })) return null;
  const old = db.collection<AuditInboxDoc & { entryId?: string }>('auditLog');
  let copied = 0;
  if (await old.findOne({ entryId: { $exists: false } })) {
    const entries = await old.find({ entryId: { $exists: false } }).toArray();
    await db.collection<AuditInboxDoc>('auditInbox').insertMany(entries, { ordered: false }).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
    copied = entries.length;
    await old.rename('auditLogUnchained');
  }
  await settings.updateOne({ _id: marker }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return { copied };
}
