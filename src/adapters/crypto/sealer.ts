import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plain: string): string;
  /** Throws when the token was altered, truncated, or sealed with another key or purpose. */
  open(token: string): string;
}

/**
 * AES-256-GCM under a subkey of APP_ENCRYPTION_KEY derived for one purpose (HKDF), so each kind of
 * secret at rest (phone numbers, spooled webhooks) has a key of its own and can be rotated on its
 * own. Tokens are `v1.<iv>.<tag>.<ciphertext>` in base64url, with a fresh 12-byte IV each time.
 */
export function createSealer(key: Buffer, purpose: string, what = 'sealed token'): Sealer {
  if (key.length !== 32) throw new Error(`the encryption key must be 32 bytes, got ${key.length}`);
  const subkey = deriveSubkey(key, purpose);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', subkey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
    },
    open(token) {
      const [version, iv, tag, ciphertext, ...rest] = token.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length) {
        throw new Error(`${what} is malformed: expected v1.<iv>.<tag>.<ciphertext>`);
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error(`${what} is malformed: wrong IV or tag length`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', subkey, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // GCM cannot tell tampering from a wrong key; both mean the stored value must not be trusted.
        throw new Error(`${what} failed authentication: it was altered or encrypted with another key`);
      }
    },
  };
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** No salt: the input is already a uniformly random 32-byte key, which HKDF's extract step allows. */
export function deriveSubkey(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}
