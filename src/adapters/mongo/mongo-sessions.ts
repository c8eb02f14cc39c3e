import type { Db } from 'mongodb';
import type { Sessions, StaffSession } from '../../app/ports/sessions.js';

/**
 * `sessions` keyed by the token's keyed hash: every request reads one document by _id, the one
 * lookup FerretDB's SQLite backend indexes. Expiry is checked on read (FerretDB has no TTL index);
 * ended sessions are deleted, and staffId is only scanned when a member is removed (rare).
 */
export function createMongoSessions(db: Db): Sessions {
  const sessions = db.collection<Omit<StaffSession, 'id'> & { _id: string }>('sessions');
  return {
    async create({ id, ...rest }) {
      await sessions.insertOne({ _id: id, ...rest });
    },
    async get(id) {
      const doc = await sessions.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    async touch(id, at) {
      await sessions.updateOne({ _id: id }, { $set: { lastSeenAt: at } });
    },
    async setFlash(id, flash) {
      await sessions.updateOne({ _id: id }, { $set: { flash } });
    },
    async clearFlash(id) {
      await sessions.updateOne({ _id: id }, { $unset: { flash: '' } });
    },
    async end(id) {
      await sessions.deleteOne({ _id: id });
    },
  };
}
