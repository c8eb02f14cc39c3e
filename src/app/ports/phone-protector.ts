/** Phone numbers at rest: encrypted for use, keyed-hashed for lookup. */
export interface PhoneProtector {
  hash(e164: string): string;
  encrypt(e164: string): string;
  decrypt(token: string): string;
}
