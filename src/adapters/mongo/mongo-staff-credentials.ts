import type { Db } from 'mongodb';
import type { StaffCredentials } from '../../app/ports/staff-credentials.js';

/** Removing a member of staff ends their web sessions, revokes their API tokens and deletes their sign-in code. */
export function createMongoStaffCredentials(db: Db): StaffCredentials {
  return {
    async revokeAll(staffId) {
      await Promise.all([
        db.collection('sessions').deleteMany({ staffId }),
        // Tokens are kept, revoked, so `token list` still shows whose they were and when they ended.
        db.collection<{ staffId: string; revokedAt?: Date }>('apiTokens').updateMany({ staffId, revokedAt: { $exists: false } }, { $set: { revokedAt: new Date() } }),
        db.collection<{ _id: string }>('signInCodes').deleteOne({ _id: staffId }),
      ]);
    },
  };
}
