import type { Db } from 'mongodb';
import type { StrangerLimits } from '../../app/reply-to-stranger.js';
import { isDuplicateKey } from './documents.js';

/** One document per number and day, keyed by the number's keyed hash: the insert is the limit. */
export function createMongoStrangerLimits(db: Db): StrangerLimits {
  const limits = db.collection<{ _id: string; at: Date }>('strangerReplies');
  return {
    async firstToday(key, at) {
      try {
        await limits.insertOne({ _id: key, at });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
  };
}
