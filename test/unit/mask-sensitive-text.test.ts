import { maskSensitiveText } from '../../src/domain/privacy/mask-sensitive-text.js';

describe('maskSensitiveText', () => {
  it.each([
    ['E.164', "The 'To' number +447700900123 is not a valid phone number.", "The 'To' number [phone] is not a valid phone number."],
    ['a WhatsApp address', 'to whatsapp:+447700900123 failed', 'to [phone] failed'],
    ['international with spaces and (0)', 'call +44 (0)7700 900123 now', 'call [phone] now'],
    ['the 00 international prefix', 'dial 00447700900123', 'dial [phone]'],
    ['a URL-encoded form body', 'To=%2B447700900123&From=%2b447700900000&Body=hi', 'To=[phone]&From=[phone]&Body=hi'],
    ['a UK mobile, spaced', 'ENROL 07700 900123', 'ENROL [phone]'],
    ['a UK mobile, unspaced', 'ENROL 07700900123.', 'ENROL [phone].'],
    ['a UK landline', 'ring 020 7946 0018 or 0117-496-0000', 'ring [phone] or [phone]'],
    ['a non-UK E.164 number', 'The number +15005550001 is invalid', 'The number [phone] is invalid'],
    ['a Basic credential', 'Authorization: Basic QUNhYmM6ZGVm', 'Authorization: Basic [redacted]'],
    ['a bearer token', 'bearer eyJhbGciOi.J9.x', 'bearer [redacted]'],
    ['an account SID in a resource path', `/Accounts/AC${'0a'.repeat(16)}/Messages.json`, '/Accounts/AC[redacted]/Messages.json'],
  ])('when text holds %s, then it is masked', (_what, text, masked) => {
    expect(maskSensitiveText(text)).toBe(masked);
  });

  it.each([
    ['a UUID', 'message 550e8400-0123-4567-89ab-012345678901 failed'],
    ['a message SID', `SM0123456789${'a'.repeat(22)}`],
    ['an ObjectId', '0123456789abcdef01234567'],
    ['an ISO timestamp', '2026-12-01T11:00:00.000+01:00'],
    ['epoch milliseconds', 'at 1764590400000'],
    ['a decimal', 'score 12.0123456789'],
    ['an address and port', 'connect ECONNREFUSED 127.0.0.1:43489'],
    ['a short code or error code', 'error 21211 from 60123'],
  ])('when text holds %s, then it is left alone', (_what, text) => {
    expect(maskSensitiveText(text)).toBe(text);
  });
});
