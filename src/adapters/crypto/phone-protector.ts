import { createHmac } from 'node:crypto';
import type { PhoneProtector } from '../../app/ports/phone-protector.js';
import { createSealer, deriveSubkey } from './sealer.js';

export type { PhoneProtector } from '../../app/ports/phone-protector.js';

/**
 * Phone numbers are the one direct identifier promptly keeps, so they are encrypted at rest and
 * found by an HMAC instead of by value. Two subkeys are derived from APP_ENCRYPTION_KEY so that the
 * lookup hash reveals nothing about the encryption key and either could be rotated on its own.
 * - hash: HMAC-SHA256 hex, deterministic, for lookups and the suppression list.
 * - encrypt: AES-256-GCM (createSealer), `v1.<iv>.<tag>.<ciphertext>`, a fresh IV each time.
 * - decrypt: throws when the token was altered, truncated, or made with another key.
 */
export function createPhoneProtector(key: Buffer): PhoneProtector {
  if (key.length !== 32) throw new Error(`phone protector key must be 32 bytes, got ${key.length}`);
  const sealer = createSealer(key, 'promptly phone encryption v1', 'phone token');
  const lookupKey = deriveSubkey(key, 'promptly phone lookup v1');
  return {
    hash: (e164) => createHmac('sha256', lookupKey).update(e164, 'utf8').digest('hex'),
    encrypt: (e164) => sealer.seal(e164),
    decrypt: (token) => sealer.open(token),
  };
}
