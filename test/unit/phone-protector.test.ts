import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { createPhoneProtector } from '../../src/adapters/crypto/phone-protector.js';

const key = Buffer.alloc(32, 7);
const protector = createPhoneProtector(key);
const number = '+447700900123';

describe('createPhoneProtector', () => {
  it('when a number is encrypted and decrypted, then the same number comes back', () => {
    expect(protector.decrypt(protector.encrypt(number))).toBe(number);
  });

  it('when a number is encrypted, then the token is versioned and does not contain the number', () => {
    const token = protector.encrypt(number);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('7700900123');
  });

  it('when the same number is encrypted twice, then the IVs and tokens differ', () => {
    const first = protector.encrypt(number);
    const second = protector.encrypt(number);
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
  });

  it('when any part of the token is altered, then decrypt throws instead of returning a number', () => {
    const parts = protector.encrypt(number).split('.');
    for (const index of [1, 2, 3]) {
      const altered = [...parts];
      const part = Buffer.from(altered[index] ?? '', 'base64url');
      part[0] = (part[0] ?? 0) ^ 0x01;
      altered[index] = part.toString('base64url');
      expect(() => protector.decrypt(altered.join('.'))).toThrow(/altered or encrypted with another key/);
    }
  });

  it('when the token was made with another key, then decrypt throws', () => {
    const other = createPhoneProtector(randomBytes(32));
    expect(() => other.decrypt(protector.encrypt(number))).toThrow(/altered or encrypted with another key/);
  });

  it.each(['', 'v2.a.b.c', 'v1.onlytwo', 'v1.a.b.c.d', 'not a token'])(
    'when the token is malformed (%j), then decrypt throws a clear error',
    (token) => {
      expect(() => protector.decrypt(token)).toThrow(/malformed/);
    },
  );

  it('when the same number is hashed twice, then the hash is the same hex string', () => {
    expect(protector.hash(number)).toBe(protector.hash(number));
    expect(protector.hash(number)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when different numbers are hashed, then the hashes differ', () => {
    expect(protector.hash(number)).not.toBe(protector.hash('+447700900124'));
  });

  it('when another key hashes the same number, then the hash differs', () => {
    expect(createPhoneProtector(randomBytes(32)).hash(number)).not.toBe(protector.hash(number));
  });

  it('when a protector is rebuilt from the same key, then old hashes and tokens still work', () => {
    const rebuilt = createPhoneProtector(Buffer.from(key));
    expect(rebuilt.hash(number)).toBe(protector.hash(number));
    expect(rebuilt.decrypt(protector.encrypt(number))).toBe(number);
  });

  it('when the hash is computed, then it is HMAC-SHA256 under the HKDF "lookup" subkey, not the raw key', () => {
    // Pinned so that scripts and future key-rotation tools can reproduce lookups independently.
    const lookupKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'promptly phone lookup v1', 32));
    expect(protector.hash(number)).toBe(createHmac('sha256', lookupKey).update(number).digest('hex'));
    expect(protector.hash(number)).not.toBe(createHmac('sha256', key).update(number).digest('hex'));
  });

  it('when the key is not 32 bytes, then creating the protector fails fast', () => {
    expect(() => createPhoneProtector(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
