import type { Db } from 'mongodb';
import type { TurnLocks } from '../../app/ports/turn-locks.js';
import { isDuplicateKey } from './documents.js';

/**
 * A lock per phone number, made of a document whose _id is the number's hash: inserting it is
 * atomic on every MongoDB-compatible server (the unique _id index decides), which findAndModify on
 * FerretDB is not. One insert in the usual case; only when the number is locked is the lock looked
 * at, and one left by a crashed process (expired, never released) is taken over. Its time to live
 * is wall-clock time, whatever the service's clock says.
 */
export function createMongoTurnLocks(db: Db): TurnLocks {
  const locks = db.collection<{ _id: string; owner: string; expiresAt: Date }>('turnLocks');
  const insert = async (phoneHash: string, owner: string, ttlMs: number): Promise<boolean> => {
    try {
      await locks.insertOne({ _id: phoneHash, owner, expiresAt: new Date(Date.now() + ttlMs) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  };
  return {
    async acquire(phoneHash, owner, ttlMs) {
      if (await insert(phoneHash, owner, ttlMs)) return 'acquired';
      // Two processes may both clear the same stale lock; only one of their inserts can succeed.
      const cleared = await locks.deleteOne({ _id: phoneHash, expiresAt: { $lt: new Date() } });
      if (cleared.deletedCount === 0) return 'busy';
      return (await insert(phoneHash, owner, ttlMs)) ? 'taken-over' : 'busy';
    },
    async release(phoneHash, owner, how = 'finished') {
      if (how === 'finished') await locks.deleteOne({ _id: phoneHash, owner });
      else await locks.updateOne({ _id: phoneHash, owner }, { $set: { expiresAt: new Date(0) } });
    },
  };
}
