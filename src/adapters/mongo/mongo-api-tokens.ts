import { createHash, randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { defaultTokenDays, type ApiTokenInfo, type ApiTokens } from '../../app/ports/api-tokens.js';
import type { Clock } from '../../app/ports/clock.js';
import { systemClock } from '../clock/system-clock.js';

interface TokenDoc {
  _id: string;
  staffId: string;
  issuedAt: Date;
  /** Absent on tokens issued before expiry existed: they last defaultTokenDays from issue. */
  expiresAt?: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
}

const dayMs = 24 * 60 * 60_000;
/** How stale the last-used time may be: one write an hour per token, not one a request. */
const lastUsedEveryMs = 60 * 60_000;

/**
 * Tokens are 32 random bytes; the database holds their SHA-256, so a copy of it grants nothing.
 * A request reads its token by `_id` as before; the last-used time is written only when the one
 * stored is an hour old, so the API's hot path gains at most one write an hour per token. Tokens
 * keep real time (the system clock), like sessions: they are credentials, not scheduled work.
 */
export function createMongoApiTokens(db: Db, clock: Pick<Clock, 'now'> = systemClock): ApiTokens {
  const tokens = db.collection<TokenDoc>('apiTokens');
  return {
    async issue(staffId, at, options = {}) {
      const days = options.days ?? defaultTokenDays;
      if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error(`a token lasts a whole number of days from 1 to 3650, not ${days}`);
      const token = `pt_${randomBytes(32).toString('base64url')}`;
      await tokens.insertOne({ _id: digest(token), staffId, issuedAt: at, expiresAt: new Date(at.getTime() + days * dayMs) });
      return token;
    },
    async resolve(token) {
      const doc = await tokens.findOne({ _id: digest(token) });
      const now = clock.now();
      if (!doc || doc.revokedAt || expiryOf(doc) <= now) return null;
      if (!doc.lastUsedAt || now.getTime() - doc.lastUsedAt.getTime() >= lastUsedEveryMs) await tokens.updateOne({ _id: doc._id }, { $set: { lastUsedAt: now } });
      return doc.staffId;
    },
    async list() {
      return (await tokens.find({}).sort({ issuedAt: -1 }).toArray()).map(infoOf);
    },
    async revoke(id, at) {
      const wanted = id.trim().toLowerCase();
      if (!/^[0-9a-f]{8,64}$/.test(wanted)) return { ok: false, problem: `"${id}" is not a token id: give at least the first 8 characters shown by token list` };
      // A whole id is read by _id; a prefix scans the collection (a few rows a member of staff).
      const found = wanted.length === 64 ? await tokens.find({ _id: wanted }).toArray() : (await tokens.find({}).toArray()).filter((doc) => doc._id.startsWith(wanted));
      if (found.length !== 1) return { ok: false, problem: found.length === 0 ? `no token with id ${wanted}` : `${found.length} tokens start with ${wanted}: give more of the id` };
      const doc = found[0]!;
      if (doc.revokedAt) return { ok: true, token: infoOf(doc), already: true };
      await tokens.updateOne({ _id: doc._id, revokedAt: { $exists: false } }, { $set: { revokedAt: at } });
      return { ok: true, token: infoOf({ ...doc, revokedAt: at }), already: false };
    },
  };
}

function expiryOf(doc: TokenDoc): Date {
  return doc.expiresAt ?? new Date(doc.issuedAt.getTime() + defaultTokenDays * dayMs);
}

function infoOf(doc: TokenDoc): ApiTokenInfo {
  return {
    id: doc._id, staffId: doc.staffId, issuedAt: doc.issuedAt, expiresAt: expiryOf(doc),
    ...(doc.lastUsedAt ? { lastUsedAt: doc.lastUsedAt } : {}), ...(doc.revokedAt ? { revokedAt: doc.revokedAt } : {}),
  };
}

/** A token's id: its SHA-256 in hex (what the database keeps); `token list` shows the first 12 characters. */
export function tokenId(token: string): string {
  return digest(token);
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
