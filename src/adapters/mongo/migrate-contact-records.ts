import type { Db } from 'mongodb';
import type { ContactDoc } from './mongo-contact-book.js';
import { createMongoContactBook } from './mongo-contact-book.js';

const marker = 'migration.contact-records.v1';

/**
 * Once per database, for data written before each number had one record: every member of staff
 * and every service-user gets their number's record (who it is, its suppression), and each
 * conversation moves onto its number's record from the `conversations` collection (left as it was,
 * for a look back). Idempotent, and quick once done: a marker in `settings` says so.
 */
export async function migrateContactRecords(db: Db): Promise<{ migrated: boolean }> {
  const settings = db.collection<{ _id: string; at: Date }>('settings');
  if (await settings.findOne({ _id: marker })) return { migrated: false };
  const contacts = createMongoContactBook(db);
  const records = db.collection<ContactDoc>('contacts');
  for (const member of await db.collection<{ _id: string; phoneHash: string; phoneEnc?: string; removedAt?: Date }>('staff').find({ removedAt: { $exists: false } }).toArray()) {
    if (member.phoneEnc) await contacts.identify({ phoneHash: member.phoneHash, phoneEnc: member.phoneEnc, staffId: member._id });
  }
  for (const person of await db.collection<{ _id: string; phoneHash: string; phoneEnc: string }>('serviceUsers').find({ erasedAt: { $exists: false } }).toArray()) {
    await contacts.identify({ phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, serviceUserId: person._id });
  }
  for (const { _id, ...conversation } of await db.collection<{ _id: string; version?: number } & Record<string, unknown>>('conversations').find({}).toArray()) {
    await records.updateOne({ _id, conversation: { $exists: false } }, { $set: { conversation: { ...conversation, version: conversation.version ?? 1 } as ContactDoc['conversation'] } });
  }
  await settings.updateOne({ _id: marker }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return { migrated: true };
}
