import type { SendFailureReason } from '../../app/ports/message-transport.js';

/**
 * What Twilio's error codes mean to the outbox, in its own terms; nothing outside this folder names
 * a Twilio error number. https://www.twilio.com/docs/api/errors
 */
export function failureReason(errorCode: number | null, httpStatus: number | null): SendFailureReason {
  if (errorCode !== null) {
    if (optedOut.has(errorCode)) return 'opted-out';
    if (outsideWindow.has(errorCode)) return 'outside-window';
    if (rateLimited.has(errorCode)) return 'rate-limited';
    if (unreachable.has(errorCode)) return 'unreachable';
    if (notOnWhatsApp.has(errorCode)) return 'not-on-whatsapp';
  }
  if (httpStatus === 429) return 'rate-limited';
  if (httpStatus === null || httpStatus >= 500) return 'unavailable';
  return 'rejected';
}

// 21610: the recipient replied STOP to this sender (Twilio's own opt-out list).
const optedOut = new Set([21610]);
// 63016: a free-form WhatsApp message outside the 24-hour customer service window.
const outsideWindow = new Set([63016]);
// 20429 too many requests, 63018 WhatsApp rate limit, 14107 SMS rate limit, 30022 US A2P throughput.
const rateLimited = new Set([20429, 63018, 14107, 30022]);
// 21211 invalid "To", 21614 not a mobile, 21612 cannot route, 30003 unreachable handset,
// 30005 unknown or inactive number, 30006 landline or unreachable carrier.
const unreachable = new Set([21211, 21614, 21612, 30003, 30005, 30006]);
// 63003: the number is not on WhatsApp (it may still take SMS: not a sign of a wrong number).
const notOnWhatsApp = new Set([63003]);
