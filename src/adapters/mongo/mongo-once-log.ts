import type { Db } from 'mongodb';
import type { OnceLog } from '../../app/ports/once-log.js';
import { isDuplicateKey } from './documents.js';

/** Once-only markers as documents keyed by what happened once: the unique _id decides. */
export function createMongoOnceLog(db: Db, collection: string): OnceLog {
  const markers = db.collection<{ _id: string; at: Date }>(collection);
  return {
    async claim(key, at) {
      try {
        await markers.insertOne({ _id: key, at });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
  };
}
