/**
 * Masks what must never be written down in free text (a log line, an error note on a message):
 * phone numbers and credentials. It works on shape, not validity: a number Twilio calls invalid is
 * exactly the one its error message quotes, so anything that looks like a phone number is masked.
 * Masking a little too much in a log line costs nothing; masking too little leaks a service-user.
 */
export function maskSensitiveText(text: string): string {
  return text
    .replace(httpCredential, '$1 [redacted]')
    .replace(accountSid, 'AC[redacted]')
    .replace(internationalNumber, '[phone]')
    .replace(nationalNumber, '[phone]');
}

// `Authorization: Basic <base64 of SID:token>` or a bearer token quoted in a message.
const httpCredential = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}/gi;
// Twilio quotes resource paths (/Accounts/AC.../Messages/...) in some of its error messages.
const accountSid = /\bAC[0-9a-f]{32}\b/gi;
// E.164 and other international forms: +447700900123, whatsapp:+44 7700 900123, +44 (0)7700 900123,
// 00447700900123, and the URL-encoded %2B447700900123 of a form body. 7 to 15 digits.
const internationalNumber = /(?:whatsapp:)?(?:\+|%2B|(?<![\w.])00)\d(?:[ .()-]{0,2}\d){6,14}/gi;
// UK national forms: 07700 900123, 07700900123, 020 7946 0018 (10 or 11 digits starting with 0).
// Word boundaries keep digit runs inside ids (UUIDs, SIDs, ObjectIds) whole.
const nationalNumber = /(?<![\w.+])0\d(?:[ -]?\d){8,9}(?![\w])/g;
