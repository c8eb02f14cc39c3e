import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { PhoneProtector } from '../../app/ports.js';

export type { PhoneProtector } from '../../app/ports.js';

/**
 * Phone numbers are the one direct identifier promptly keeps, so they are encrypted at rest and
 * found by an HMAC instead of by value. Two subkeys are derived from APP_ENCRYPTION_KEY so that the
 * lookup hash reveals nothing about the encryption key and either could be rotated on its own.
 * - hash: HMAC-SHA256 hex, deterministic, for lookups and the suppression list.
 * - encrypt: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url, a fresh 12-byte IV each time.
 * - decrypt: throws when the token was altered, truncated, or made with another key.
 */
export function createPhoneProtector(key: Buffer): PhoneProtector {
  if (key.length !== 32) throw new Error(`phone protector key must be 32 bytes, got ${key.length}`);
  const encryptionKey = deriveSubkey(key, 'promptly phone encryption v1');
  const lookupKey = deriveSubkey(key, 'promptly phone lookup v1');

  return {
    hash: (e164) => createHmac('sha256', lookupKey).update(e164, 'utf8').digest('hex'),

    encrypt(e164) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(e164, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },

    decrypt(token) {
      const [version, iv, tag, ciphertext, ...rest] = token.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length) {
        throw new Error('phone token is malformed: expected v1.<iv>.<tag>.<ciphertext>');
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new Error('phone token is malformed: wrong IV or tag length');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tagBytes);
        const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
        return plain.toString('utf8');
      } catch {
        // GCM cannot tell tampering from a wrong key; both mean the stored value must not be trusted.
        throw new Error('phone token failed authentication: it was altered or encrypted with another key');
      }
    },
  };
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveSubkey(key: Buffer, info: string): Buffer {
  // No salt: the input is already a uniformly random 32-byte key, which HKDF's extract step allows.
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}
