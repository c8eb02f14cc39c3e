import { createHash, randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import type { ApiTokens } from '../../app/ports/api-tokens.js';

/** Tokens are 32 random bytes; the database holds their SHA-256, so a copy of it grants nothing. */
export function createMongoApiTokens(db: Db): ApiTokens {
  const tokens = db.collection<{ _id: string; staffId: string; issuedAt: Date }>('apiTokens');
  return {
    async issue(staffId, at) {
      const token = `pt_${randomBytes(32).toString('base64url')}`;
      await tokens.insertOne({ _id: digest(token), staffId, issuedAt: at });
      return token;
    },
    async resolve(token) {
      return (await tokens.findOne({ _id: digest(token) }))?.staffId ?? null;
    },
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
