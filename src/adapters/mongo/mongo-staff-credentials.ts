import type { Db } from 'mongodb';
import type { StaffCredentials } from '../../app/ports/staff-credentials.js';

/** Removing a member of staff ends their web sessions and revokes their API tokens and sign-in code. */
export function createMongoStaffCredentials(db: Db): StaffCredentials {
  return {
    async revokeAll(staffId) {
      await Promise.all([
        db.collection('sessions').deleteMany({ staffId }),
        db.collection('apiTokens').deleteMany({ staffId }),
        db.collection<{ _id: string }>('signInCodes').deleteOne({ _id: staffId }),
      ]);
    },
  };
}
