import twilio from 'twilio';

/**
 * Twilio's own algorithm: HMAC of the full public URL plus the sorted POST parameters, a repeated
 * parameter contributing each of its values (twilio-node sorts them), so pass every value.
 */
export function verifyTwilioSignature(authToken: string, signature: string, url: string, params: Record<string, string | string[]>): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}
