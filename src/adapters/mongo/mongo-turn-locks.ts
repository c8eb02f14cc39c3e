import type { Db } from 'mongodb';
import type { TurnLocks } from '../../app/ports/turn-locks.js';

/**
 * A lock per phone number, made of a document whose _id is the number's hash: inserting it is
 * atomic on every MongoDB-compatible server (the unique _id index decides), which findAndModify on
 * FerretDB is not. A lock left by a crashed process expires and is taken over.
 */
export function createMongoTurnLocks(db: Db): TurnLocks {
  const locks = db.collection<{ _id: string; owner: string; expiresAt: Date }>('turnLocks');
  return {
    async acquire(phoneHash, owner, ttlMs) {
      const now = new Date();
      // Two processes may both clear the same stale lock; only one of their inserts can succeed.
      await locks.deleteOne({ _id: phoneHash, expiresAt: { $lt: now } });
      try {
        await locks.insertOne({ _id: phoneHash, owner, expiresAt: new Date(now.getTime() + ttlMs) });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    async release(phoneHash, owner) {
      await locks.deleteOne({ _id: phoneHash, owner });
    },
  };
}
