import type { Db } from 'mongodb';
import type { SignInCode, SignInCodes } from '../../app/ports/sign-in-codes.js';
import { isDuplicateKey } from './documents.js';

/**
 * `signInCodes` keyed by staff id (one per person by the _id's uniqueness), `signInAttempts` keyed
 * by `<nonce>:<n>`: a try is one insert that either wins its slot or gets 11000, on MongoDB and
 * FerretDB alike. Both are read by _id only. Attempt slots are small and deleted with their code.
 */
export function createMongoSignInCodes(db: Db): SignInCodes {
  const codes = db.collection<Omit<SignInCode, 'staffId'> & { _id: string }>('signInCodes');
  const attempts = db.collection<{ _id: string; at: Date }>('signInAttempts');
  return {
    async insert({ staffId, ...rest }) {
      try {
        await codes.insertOne({ _id: staffId, ...rest });
        return 'issued';
      } catch (error) {
        if (isDuplicateKey(error)) return 'exists';
        throw error;
      }
    },
    async get(staffId) {
      const doc = await codes.findOne({ _id: staffId });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { staffId: _id, ...rest };
    },
    async claimAttempt(nonce, max) {
      for (let n = 1; n <= max; n++) {
        try {
          await attempts.insertOne({ _id: `${nonce}:${n}`, at: new Date() });
          return n;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      return null;
    },
    async lock(staffId, nonce, at) {
      await codes.updateOne({ _id: staffId, nonce }, { $set: { lockedAt: at } });
    },
    async remove(staffId, nonce) {
      const removed = (await codes.deleteOne({ _id: staffId, nonce })).deletedCount === 1;
      await attempts.deleteMany({ _id: { $in: Array.from({ length: 10 }, (_, i) => `${nonce}:${i + 1}`) } });
      return removed;
    },
  };
}
