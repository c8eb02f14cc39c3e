import { createHmac, randomBytes } from 'node:crypto';
import type { Pseudonyms } from '../../app/ports/pseudonyms.js';
import { deriveSubkey } from './sealer.js';

/**
 * HMAC-SHA256 of the person's internal id, shortened to 12 hex digits (48 bits: about one chance in
 * 50,000 of two people colliding among 100,000), as "P-3F9A0C12B7DE". The stable key is a subkey of
 * APP_ENCRYPTION_KEY of its own, so it reveals nothing about the phone keys and cannot be worked
 * back to an id without it; a one-export key is random and forgotten after the export.
 */
export function createExportPseudonyms(key: Buffer): Pseudonyms {
  if (key.length !== 32) throw new Error(`the encryption key must be 32 bytes, got ${key.length}`);
  const stableKey = deriveSubkey(key, 'promptly export pseudonyms v1');
  return {
    forOneExport: () => pseudonymWith(randomBytes(32)),
    stable: () => pseudonymWith(stableKey),
  };
}

function pseudonymWith(key: Buffer): (personId: string) => string {
  return (personId) => `P-${createHmac('sha256', key).update(personId, 'utf8').digest('hex').slice(0, 12).toUpperCase()}`;
}
