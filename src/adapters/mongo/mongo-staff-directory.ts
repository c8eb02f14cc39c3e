import type { Db, Filter } from 'mongodb';
import type { StaffDirectory, StaffMember } from '../../app/ports/staff-directory.js';
import { createMongoContactBook } from './mongo-contact-book.js';

interface StaffDoc {
  _id: string;
  name: string;
  role: StaffMember['role'];
  team: string;
  /** Unique (index phoneHash_unique). A removed member's is a tombstone, so the number is free again. */
  phoneHash: string;
  /** Dropped on removal: nobody needs to reach a former member through promptly. */
  phoneEnc?: string;
  createdAt: Date;
  removedAt?: Date;
  /** Kept on removal, so an audit can still tell that a number once belonged to this member. */
  formerPhoneHash?: string;
}

/**
 * The staff collection. One active member per number is carried by the unique index on phoneHash
 * (an insert either wins or gets 11000 on every MongoDB-compatible server). Removal swaps the hash
 * for `removed:<id>` rather than unsetting it: a unique index counts a missing field as null, so a
 * second removed member would otherwise collide with the first.
 */
export function createMongoStaffDirectory(db: Db): StaffDirectory {
  const staff = db.collection<StaffDoc>('staff');
  // The number's record says whose it is, so a text is routed with one read (mongo-contact-book.ts).
  const contacts = createMongoContactBook(db);
  const active: Filter<StaffDoc> = { removedAt: { $exists: false } };

  return {
    async add(member) {
      const { id, ...rest } = member;
      try {
        await staff.insertOne({ _id: id, ...rest });
        await contacts.identify({ phoneHash: member.phoneHash, phoneEnc: member.phoneEnc, staffId: id });
        return 'added';
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return 'duplicate-phone';
        throw error;
      }
    },
    async findByPhoneHash(phoneHash) {
      const doc = await staff.findOne({ ...active, phoneHash });
      return doc ? toMember(doc) : null;
    },
    async get(id) {
      const doc = await staff.findOne({ ...active, _id: id });
      return doc ? toMember(doc) : null;
    },
    async list(filter = {}) {
      const docs = await staff.find({ ...active, ...(filter.role ? { role: filter.role } : {}), ...(filter.team ? { team: filter.team } : {}) }).toArray();
      // Sorted here rather than by the server: people expect "alex" next to "Alex".
      return docs.map(toMember).sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
    async remove(id, at) {
      const doc = await staff.findOne({ ...active, _id: id });
      if (!doc) return false;
      const result = await staff.updateOne(
        { ...active, _id: id },
        { $set: { removedAt: at, phoneHash: `removed:${id}`, formerPhoneHash: doc.phoneHash }, $unset: { phoneEnc: '' } },
      );
      if (result.matchedCount === 1 && doc.phoneEnc) await contacts.identify({ phoneHash: doc.phoneHash, phoneEnc: doc.phoneEnc, staffId: null });
      return result.matchedCount === 1;
    },
  };
}

function toMember(doc: StaffDoc): StaffMember {
  return { id: doc._id, name: doc.name, role: doc.role, team: doc.team, phoneHash: doc.phoneHash, phoneEnc: doc.phoneEnc ?? '', createdAt: doc.createdAt };
}
