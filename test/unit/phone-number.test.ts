import { maskPhoneNumber, normalisePhoneNumber } from '../../src/domain/messaging/phone-number.js';

describe('normalisePhoneNumber', () => {
  it.each([
    '07700 900123',
    '+44 7700 900123',
    '0044 7700 900123',
    '447700900123',
    '(07700) 900-123',
    'whatsapp:+447700900123',
    'WhatsApp:+44 7700 900123',
    '  07700-900-123  ',
    '+44 (0) 7700 900123',
  ])('when a worker types %j, then it becomes +447700900123', (input) => {
    expect(normalisePhoneNumber(input)).toEqual({ ok: true, e164: '+447700900123' });
  });

  it('when the number is a real-range UK mobile, then it is accepted', () => {
    expect(normalisePhoneNumber('07911 123456')).toEqual({ ok: true, e164: '+447911123456' });
  });

  it('when the number is a UK landline, then it is accepted because WhatsApp and text-to-speech can reach it', () => {
    expect(normalisePhoneNumber('020 7946 0018')).toEqual({ ok: true, e164: '+442079460018' });
    expect(normalisePhoneNumber('0161 496 0000')).toEqual({ ok: true, e164: '+441614960000' });
  });

  it('when the number is international, then its own country code wins over the default region', () => {
    expect(normalisePhoneNumber('+33 6 12 34 56 78')).toEqual({ ok: true, e164: '+33612345678' });
  });

  it('when the default region is another country, then national numbers are read in that country', () => {
    expect(normalisePhoneNumber('06 12 34 56 78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
  });

  it('when the default region is not a country code, then GB is assumed', () => {
    expect(normalisePhoneNumber('07700 900123', 'XX')).toEqual({ ok: true, e164: '+447700900123' });
  });

  it.each([
    ['hello', "That doesn't look like a phone number"],
    ['', "That doesn't look like a phone number"],
    ['call me on 07700 900123', "That doesn't look like a phone number"],
    ['07700 900123abc', "That doesn't look like a phone number"],
    ['07700 90012', '07700 90012 is too short'],
    ['07700 900', '07700 900 is too short'],
    ['12', '12 is too short'],
    ['07700 9001234', '07700 9001234 is too long'],
    ['0800 123 4567', "0800 123 4567 isn't a mobile or landline number"],
    ['+999 1234567', "+999 1234567 has a country code we don't recognise"],
    ['07700 900123 ext 5', "07700 900123 ext 5 has an extension, and text messages can't reach an extension"],
  ])('when a worker types %j, then it is refused with %j', (input, reason) => {
    expect(normalisePhoneNumber(input)).toEqual({ ok: false, reason });
  });

  it('when the rejected input is very long, then the reason does not echo it back', () => {
    const result = normalisePhoneNumber('0'.repeat(40));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toBe('That is too long');
  });
});

describe('maskPhoneNumber', () => {
  it('when a UK number is masked, then only the country code and last three digits show', () => {
    expect(maskPhoneNumber('+447700900123')).toBe('+44 ••• ••• 123');
  });

  it('when a number from another country is masked, then its own country code shows', () => {
    expect(maskPhoneNumber('+33612345678')).toBe('+33 ••• ••• 678');
  });

  it('when the country code is unknown, then only the last three digits show', () => {
    expect(maskPhoneNumber('+9991234567')).toBe('••• ••• 567');
  });
});
