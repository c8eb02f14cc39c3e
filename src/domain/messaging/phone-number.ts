// The 'max' metadata is needed: 'min' cannot tell a mobile from a freephone or premium-rate number
// in many countries, and we must only accept numbers a text message can reach.
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';

export type PhoneNumberResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Turns whatever a worker typed (07700 900123, 0044 7700 900123, (07700) 900-123, or a Twilio
 * `whatsapp:+447700900123` address) into E.164, or says in plain words what is wrong with it.
 * Accepted: valid mobile and landline numbers, plus Ofcom's drama ranges so demos and tests can use
 * numbers that can never belong to anyone. Rejected: freephone, premium-rate, pagers and the like.
 */
export function normalisePhoneNumber(input: string, defaultRegion = 'GB'): PhoneNumberResult {
  const text = input.trim().replace(CHANNEL_PREFIX, '').trim();
  const shown = text.length > 0 && text.length <= 25 ? text : 'That';
  const region: CountryCode = isSupportedCountry(defaultRegion) ? defaultRegion : 'GB';
  const options = { defaultCountry: region, extract: false } as const;
  const lengthProblem = validatePhoneNumberLength(text, options);
  if (lengthProblem === 'NOT_A_NUMBER') return fail("That doesn't look like a phone number");
  if (lengthProblem === 'TOO_SHORT') return fail(`${shown} is too short`);
  if (lengthProblem === 'TOO_LONG') return fail(`${shown} is too long`);
  if (lengthProblem === 'INVALID_COUNTRY') return fail(`${shown} has a country code we don't recognise`);
  const phone = parsePhoneNumberFromString(text, options);
  if (!phone) return fail("That doesn't look like a phone number");
  if (phone.ext) return fail(`${shown} has an extension, and text messages can't reach an extension`);
  if (isTextable(phone)) return { ok: true, e164: phone.number };
  if (phone.isValid()) return fail(`${shown} isn't a mobile or landline number`);
  return fail(lengthHint(phone.number, shown) ?? `${shown} isn't a phone number in use`);
}

/** `+447700900123` -> `+44 ••• ••• 123`: enough for staff to tell numbers apart, not to dial one. */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const countryCode = parsePhoneNumberFromString(`+${digits}`)?.countryCallingCode;
  const tail = digits.slice(-3);
  return countryCode ? `+${countryCode} ••• ••• ${tail}` : `••• ••• ${tail}`;
}

// Twilio addresses WhatsApp users as `whatsapp:+44...`; `tel:` and `sms:` come from pasted links.
const CHANNEL_PREFIX = /^(?:whatsapp|sms|tel):/i;
const TEXTABLE_TYPES = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

// Ofcom reserves these for TV and radio drama; libphonenumber (rightly) calls them invalid.
const DRAMA_RANGES = [/^\+447700900\d{3}$/, /^\+442079460\d{3}$/, /^\+441632960\d{3}$/];

function isTextable(phone: PhoneNumber): boolean {
  if (DRAMA_RANGES.some((range) => range.test(phone.number))) return true;
  return phone.isValid() && TEXTABLE_TYPES.has(phone.getType() ?? '');
}

/**
 * libphonenumber calls `07700 90012` "possible" because some UK numbers have nine digits, so the
 * honest hint comes from asking whether a few digits more (or fewer) would make a number we accept.
 * Validity is decided by prefix patterns, so padding with one repeated digit is a fair probe.
 */
function lengthHint(e164: string, shown: string): string | undefined {
  const wouldBeTextable = (candidate: string) => {
    const phone = parsePhoneNumberFromString(candidate);
    return phone !== undefined && isTextable(phone);
  };
  for (let extra = 1; extra <= 4; extra++) {
    const padded = DIGITS.map((digit) => e164 + digit.repeat(extra));
    if (padded.some(wouldBeTextable)) return `${shown} is too short`;
    if (wouldBeTextable(e164.slice(0, -extra))) return `${shown} is too long`;
  }
  return undefined;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function fail(reason: string): PhoneNumberResult {
  return { ok: false, reason };
}
