import type { Db } from 'mongodb';
import type { NumberHealth } from '../../app/ports/number-health.js';
import { retryOnDuplicate } from './documents.js';

interface NumberHealthDoc {
  _id: string;
  failures?: Array<{ messageId: string; at: Date }>;
  looksWrongSince?: Date;
}

/**
 * `numberHealth`: one small document per number the network reported as unreachable, so the
 * collection holds only troubled numbers and the digest's scan of it stays cheap. The failures are
 * a capped list ($push with $slice); being marked is a $set of a field not yet there.
 */
export function createMongoNumberHealth(db: Db): NumberHealth {
  const numbers = db.collection<NumberHealthDoc>('numberHealth');
  return {
    async recordUndeliverable(phoneHash, messageId, at) {
      await retryOnDuplicate(() => numbers.updateOne({ _id: phoneHash }, { $push: { failures: { $each: [{ messageId, at }], $slice: -10 } } }, { upsert: true }));
      return (await numbers.findOne({ _id: phoneHash }))?.failures ?? [];
    },
    async markLooksWrong(phoneHash, at) {
      await numbers.updateOne({ _id: phoneHash, looksWrongSince: { $exists: false } }, { $set: { looksWrongSince: at } });
    },
    async lookingWrongSince(since) {
      const docs = await numbers.find({ looksWrongSince: { $gte: since } }, { projection: { looksWrongSince: 1 } }).toArray();
      return docs.map((doc) => ({ phoneHash: doc._id, since: doc.looksWrongSince as Date }));
    },
  };
}
